/* huiwu search: meetings and topics whose text contains what is asked. */
#include <stdio.h>

#include "cli.h"
#include "i18n.h"
#include "search.h"
#include "session.h"

static int print_hit(const hw_search_hit *hit, void *user)
{
	json_t *array = user;
	char date[HW_DATE_TEXT_SIZE] = "";
	if (hit->has_date)
		hw_date_format(hit->date, date);
	const char *kind = hit->kind == HW_HIT_MEETING ? "meeting" : "topic";
	if (array != NULL) {
		json_array_append_new(array, json_pack("{s:s,s:I,s:o,s:o,s:o}", "kind", kind, "id",
						       (json_int_t)hit->id, "meeting",
						       hit->meeting_id ? json_integer(hit->meeting_id) : json_null(),
						       "date", hit->has_date ? json_string(date) : json_null(),
						       "text", cli_text(hit->text)));
		return 0;
	}
	printf("%-8s #%-5lld %-10s  %s\n", hit->kind == HW_HIT_MEETING ? _("meeting") : _("topic"),
	       (long long)hit->id, date, hit->text);
	return 0;
}

int cli_search(cli_context *context, int argc, char **argv)
{
	const char *positional[1] = {NULL};
	bool json = false;
	const cli_option options[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	int usage = cli_parse("search", argc, argv, options, positional, 1, 1);
	if (usage != CLI_OK)
		return usage;
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	json_t *array = json ? json_array() : NULL;
	int status = CLI_OK;
	if (hw_search(session, positional[0], 500, print_hit, array, &error) != 0) {
		status = cli_fail(&error);
		json_decref(array);
	} else if (array != NULL) {
		cli_print_json(array);
	}
	hw_session_close(session);
	return status;
}
