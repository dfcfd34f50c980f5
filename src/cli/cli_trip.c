/* huiwu trip: leaders' trips out of the region (请销假). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "session.h"
#include "trips.h"

json_t *cli_trip_json(const hw_trip *trip)
{
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE], cancelled[HW_DATE_TEXT_SIZE];
	hw_date_format(trip->from, from);
	hw_date_format(trip->to, to);
	hw_date_format(trip->cancelled_on, cancelled);
	return json_pack("{s:I,s:o,s:s,s:s,s:o,s:o,s:o}", "id", (json_int_t)trip->id, "person",
			 cli_text(trip->person_name), "from", from, "to", to, "reported_to",
			 cli_text(trip->reported_to), "approved_by",
			 trip->approved_by[0] ? cli_text(trip->approved_by) : json_null(),
			 "cancelled_on", trip->cancelled ? json_string(cancelled) : json_null());
}

void cli_print_trip_line(const hw_trip *trip)
{
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE];
	hw_date_format(trip->from, from);
	hw_date_format(trip->to, to);
	printf(_("#%-4lld %s  %s – %s  reported to %s"), (long long)trip->id, trip->person_name,
	       from, to, trip->reported_to);
	if (trip->approved_by[0])
		printf(_(", approved by %s"), trip->approved_by);
	if (trip->cancelled) {
		char when[HW_DATE_TEXT_SIZE];
		hw_date_format(trip->cancelled_on, when);
		printf(_("  (cancelled on %s)"), when);
	}
	printf("\n");
}

static int print_trip(const hw_trip *trip, void *user)
{
	json_t *array = user;
	if (array)
		json_array_append_new(array, cli_trip_json(trip));
	else
		cli_print_trip_line(trip);
	return 0;
}

int cli_trip(cli_context *context, int argc, char **argv)
{
	const char *person = NULL, *from = NULL, *to = NULL, *reported_to = NULL,
		   *approved_by = NULL, *positional[1] = {NULL};
	bool json = false;
	const cli_option add[] = {
		{"person", &person, NULL},           {"from", &from, NULL},
		{"to", &to, NULL},                   {"reported-to", &reported_to, NULL},
		{"approved-by", &approved_by, NULL}, {NULL, NULL, NULL},
	};
	const cli_option edit[] = {
		{"from", &from, NULL},
		{"to", &to, NULL},
		{"reported-to", &reported_to, NULL},
		{"approved-by", &approved_by, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_option list[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 0},       {"edit", edit, 1}, {"cancel", none, 1},
		{"list", list, 0},     {NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("trip", argc, argv, actions, _("say add, edit, cancel or list"),
			     command, positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool adding = strcmp(action, "add") == 0, listing = strcmp(action, "list") == 0;
	if (adding && (person == NULL || from == NULL || to == NULL || reported_to == NULL))
		return cli_usage_error(command, "%s",
				       _("say --person P --from D --to D --reported-to TEXT"));
	if (strcmp(action, "edit") == 0 && from == NULL && to == NULL && reported_to == NULL &&
	    approved_by == NULL)
		return cli_usage_error(command, "%s",
				       _("nothing to change: say --from, --to, --reported-to or --approved-by"));
	hw_error error = {0};
	int64_t id = 0;
	if (!adding && !listing && hw_parse_id(positional[0], &id, &error) != 0)
		return cli_fail(&error);
	hw_session *session = cli_open_session(context, listing);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_trip_input input = {person, from, to, reported_to, approved_by};
	int result;
	if (adding) {
		result = hw_trip_add(session, &input, &id, &error);
		if (result == 0)
			printf("%lld\n", (long long)id);
	} else if (strcmp(action, "edit") == 0) {
		result = hw_trip_edit(session, id, &input, &error);
	} else if (strcmp(action, "cancel") == 0) {
		result = hw_trip_cancel(session, id, &error);
	} else {
		json_t *array = json ? json_array() : NULL;
		result = hw_trip_list(session, 0, 0, 0, true, print_trip, array, &error);
		if (result == 0 && json)
			cli_print_json(array);
		else
			json_decref(array);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
