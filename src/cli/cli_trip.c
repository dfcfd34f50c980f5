/* huiwu trip: leaders' trips out of the region (请销假). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "session.h"
#include "trips.h"

static int print_trip(const hw_trip *trip, void *user)
{
	json_t *array = user;
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE];
	hw_date_format(trip->from, from);
	hw_date_format(trip->to, to);
	if (array) {
		json_array_append_new(array,
				      json_pack("{s:I,s:o,s:s,s:s,s:o}", "id", (json_int_t)trip->id,
						"person", cli_text(trip->person_name), "from", from,
						"to", to, "reported_to", cli_text(trip->reported_to)));
		return 0;
	}
	printf(_("#%-4lld %s  %s – %s  reported to %s\n"), (long long)trip->id, trip->person_name,
	       from, to, trip->reported_to);
	return 0;
}

int cli_trip(cli_context *context, int argc, char **argv)
{
	const char *person = NULL, *from = NULL, *to = NULL, *reported_to = NULL,
		   *positional[1] = {NULL};
	bool json = false;
	const cli_option add[] = {
		{"person", &person, NULL}, {"from", &from, NULL},          {"to", &to, NULL},
		{"reported-to", &reported_to, NULL}, {NULL, NULL, NULL},
	};
	const cli_option list[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {{"add", add, 0}, {"list", list, 0}, {NULL, NULL, 0}};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("trip", argc, argv, actions, _("say add or list"), command,
			     positional) == NULL)
		return CLI_USAGE;
	bool adding = strcmp(argv[1], "add") == 0;
	if (adding && (person == NULL || from == NULL || to == NULL || reported_to == NULL))
		return cli_usage_error(command, "%s",
				       _("say --person P --from D --to D --reported-to TEXT"));
	hw_session *session = cli_open_session(context, !adding);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	int result;
	if (adding) {
		int64_t id;
		result = hw_trip_add(session, person, from, to, reported_to, &id, &error);
		if (result == 0)
			printf("%lld\n", (long long)id);
	} else {
		json_t *array = json ? json_array() : NULL;
		result = hw_trip_list(session, print_trip, array, &error);
		if (result == 0 && json)
			cli_print_json(array);
		else
			json_decref(array);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
