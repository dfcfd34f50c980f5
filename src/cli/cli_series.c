/* huiwu series: standing meetings from a recurrence rule. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "series.h"
#include "session.h"

static int collect_skip(hw_date date, void *user)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	json_array_append_new(user, json_string(text));
	return 0;
}

typedef struct series_output {
	hw_session *session;
	json_t *array;
	hw_error *error;
} series_output;

static json_t *series_json(hw_session *session, const hw_series *series, hw_error *error)
{
	char first[HW_DATE_TEXT_SIZE], until[HW_DATE_TEXT_SIZE], ended[HW_DATE_TEXT_SIZE];
	hw_date_format(series->first_date, first);
	hw_date_format(series->until, until);
	hw_date_format(series->ended_on, ended);
	json_t *skips = json_array();
	hw_series_skips(session, series->id, collect_skip, skips, error);
	return json_pack("{s:I,s:o,s:s,s:o,s:o,s:o,s:s,s:o,s:o,s:s,s:o,s:o,s:o,s:i,s:o}", "id",
			 (json_int_t)series->id, "uid", cli_text(series->uid), "type",
			 hw_meeting_type_key(series->type), "rrule", cli_text(series->rrule), "time",
			 cli_text(series->start), "end",
			 series->end[0] ? cli_text(series->end) : json_null(),
			 "from", first, "until", series->has_until ? json_string(until) : json_null(),
			 "count", series->count ? json_integer(series->count) : json_null(),
			 "on_holiday", hw_holiday_policy_key(series->on_holiday), "title",
			 cli_text(series->title), "location",
			 series->location[0] ? cli_text(series->location) : json_null(),
			 "ended_on", series->ended ? json_string(ended) : json_null(), "sequence",
			 series->sequence, "skipped", skips);
}

static int print_series(const hw_series *series, void *user)
{
	series_output *output = user;
	json_t *object = series_json(output->session, series, output->error);
	if (output->array) {
		json_array_append_new(output->array, object);
		return 0;
	}
	/* The type by the name these rules give it, its key in --json. */
	const char *type_name = output->session->rules->types[series->type].name;
	printf("#%-4lld %s  %s  %s %s  %s%s", (long long)series->id, series->title,
	       type_name ? type_name : hw_meeting_type_key(series->type), series->rrule, series->start,
	       json_string_value(json_object_get(object, "from")),
	       series->has_until ? " .. " : "");
	if (series->has_until)
		printf("%s", json_string_value(json_object_get(object, "until")));
	printf(_("  on a day off: %s"), hw_holiday_policy_label(series->on_holiday));
	if (series->ended)
		printf(_("  ended %s"), json_string_value(json_object_get(object, "ended_on")));
	size_t skipped = json_array_size(json_object_get(object, "skipped"));
	if (skipped)
		printf(_("  %zu skipped"), skipped);
	printf("\n");
	json_decref(object);
	return 0;
}

int cli_series(cli_context *context, int argc, char **argv)
{
	hw_series_input input = {0};
	const char *on = NULL, *positional[1] = {NULL};
	bool json = false;
	const cli_option add[] = {
		{"type", &input.type, NULL},         {"rrule", &input.rrule, NULL},
		{"time", &input.time, NULL},         {"end", &input.end, NULL},
		{"from", &input.from, NULL},         {"until", &input.until, NULL},
		{"count", &input.count, NULL},       {"on-holiday", &input.on_holiday, NULL},
		{"title", &input.title, NULL},       {"location", &input.location, NULL},
		{"horizon", &input.horizon, NULL},   {"force", NULL, &input.force},
		{NULL, NULL, NULL},
	};
	/* edit reads the rule and the days too, so that core can say why they cannot change. */
	const cli_option edit[] = {
		{"type", &input.type, NULL},         {"rrule", &input.rrule, NULL},
		{"time", &input.time, NULL},         {"end", &input.end, NULL},
		{"from", &input.from, NULL},         {"until", &input.until, NULL},
		{"count", &input.count, NULL},       {"on-holiday", &input.on_holiday, NULL},
		{"title", &input.title, NULL},       {"location", &input.location, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option json_only[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option end[] = {{"on", &on, NULL}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 0},   {"list", json_only, 0}, {"show", json_only, 1},
		{"edit", edit, 1}, {"end", end, 1},        {NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("series", argc, argv, actions, _("say add, list, show, edit or end"),
			     command, positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool adding = strcmp(action, "add") == 0, listing = strcmp(action, "list") == 0;
	bool needs_id = !adding && !listing;
	hw_error error = {0};
	int64_t id = 0;
	if (needs_id && hw_parse_id(positional[0], &id, &error) != 0)
		return cli_fail(&error);
	hw_session *session = cli_open_session(context, listing || strcmp(action, "show") == 0);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int result = 0;
	if (adding) {
		int created;
		result = hw_series_add(session, &input, &id, &created, &error);
		if (result == 0) {
			printf("%lld\n", (long long)id);
			fprintf(stderr, _("series #%lld: %d meetings created\n"), (long long)id, created);
			result = cli_note_planned_series(session, id, &error);
		}
	} else if (listing) {
		series_output output = {session, json ? json_array() : NULL, &error};
		result = hw_series_list(session, print_series, &output, &error);
		if (result == 0 && json)
			cli_print_json(output.array);
		else
			json_decref(output.array);
	} else if (strcmp(action, "show") == 0) {
		hw_series series;
		result = hw_series_get(session, id, &series, &error);
		if (result == 0 && json)
			cli_print_json(series_json(session, &series, &error));
		else if (result == 0)
			print_series(&series, &(series_output){session, NULL, &error});
	} else if (strcmp(action, "edit") == 0) {
		result = hw_series_edit(session, id, &input, &error);
		if (result == 0)
			result = cli_note_planned_series(session, id, &error);
	} else {
		result = hw_series_end(session, id, on, &error);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
