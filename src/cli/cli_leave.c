/* huiwu leave: leave requests, routed by the rules. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "leave.h"
#include "session.h"

typedef struct leave_output {
	hw_session *session;
	json_t *array;
} leave_output;

static int print_leave(const hw_leave *leave, void *user)
{
	leave_output *output = user;
	char approvers[256];
	hw_describe_roles(output->session->rules, leave->approvers, approvers, sizeof approvers);
	if (output->array) {
		json_t *roles = json_array();
		for (int role = 0; role < HW_ROLE_COUNT; role++)
			if (hw_role_set_has(leave->approvers, (hw_role)role))
				json_array_append_new(roles, json_string(hw_role_key((hw_role)role)));
		json_array_append_new(
			output->array,
			json_pack("{s:I,s:I,s:o,s:o,s:b,s:o,s:s,s:o,s:o}", "id", (json_int_t)leave->id,
				  "meeting", (json_int_t)leave->meeting_id, "person",
				  cli_text(leave->person_name), "reason", cli_text(leave->reason), "written",
				  leave->written, "substitute",
				  leave->substitute_id ? cli_text(leave->substitute_name) : json_null(),
				  "state", hw_leave_state_key(leave->state), "approvers", roles, "decided_by",
				  leave->decided_by ? cli_text(leave->decided_by_name) : json_null()));
		return 0;
	}
	printf(_("#%-4lld meeting #%lld  %s: %s  [%s]  goes to %s"), (long long)leave->id,
	       (long long)leave->meeting_id, leave->person_name, leave->reason,
	       hw_leave_state_label(leave->state), approvers);
	if (leave->written)
		printf("  %s", _("(written)"));
	if (leave->substitute_id)
		printf(_("  substitute: %s"), leave->substitute_name);
	if (leave->decided_by)
		printf(_("  decided by %s"), leave->decided_by_name);
	printf("\n");
	return 0;
}

int cli_leave(cli_context *context, int argc, char **argv)
{
	const char *meeting = NULL, *person = NULL, *reason = NULL, *substitute = NULL, *by = NULL,
		   *positional[1] = {NULL};
	bool written = false, pending = false, json = false;
	const cli_option request[] = {
		{"meeting", &meeting, NULL},       {"person", &person, NULL},
		{"reason", &reason, NULL},         {"substitute", &substitute, NULL},
		{"written", NULL, &written},       {NULL, NULL, NULL},
	};
	const cli_option decide[] = {{"by", &by, NULL}, {NULL, NULL, NULL}};
	const cli_option list[] = {
		{"pending", NULL, &pending}, {"meeting", &meeting, NULL}, {"json", NULL, &json},
		{NULL, NULL, NULL},
	};
	const cli_action actions[] = {
		{"request", request, 0}, {"approve", decide, 1}, {"reject", decide, 1},
		{"list", list, 0},       {NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("leave", argc, argv, actions, _("say request, approve, reject or list"),
			     command, positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool requesting = strcmp(action, "request") == 0, listing = strcmp(action, "list") == 0;
	bool deciding = !requesting && !listing;
	hw_error error = {0};
	int64_t id = 0, meeting_id = 0;
	if ((deciding && hw_parse_id(positional[0], &id, &error) != 0) ||
	    (meeting && hw_parse_id(meeting, &meeting_id, &error) != 0))
		return cli_fail(&error);
	if (requesting && (meeting_id == 0 || person == NULL))
		return cli_usage_error(command, "%s", _("say --meeting ID --person P --reason R"));
	if (deciding && by == NULL)
		return cli_usage_error(command, "%s", _("say who decides with --by P"));
	hw_session *session = cli_open_session(context, listing);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int result = 0;
	if (requesting) {
		hw_leave_input input = {meeting_id, person, reason, written, substitute};
		result = hw_leave_request(session, &input, &id, &error);
		if (result == 0) {
			hw_leave leave;
			hw_leave_get(session, id, &leave, &error);
			char approvers[256];
			hw_describe_roles(session->rules, leave.approvers, approvers, sizeof approvers);
			printf("%lld\n", (long long)id);
			fprintf(stderr, _("leave request #%lld goes to %s\n"), (long long)id, approvers);
		}
	} else if (deciding) {
		result = hw_leave_decide(session, id, strcmp(action, "approve") == 0, by, &error);
	} else {
		leave_output output = {session, json ? json_array() : NULL};
		result = hw_leave_list(session, pending, meeting_id, print_leave, &output, &error);
		if (result == 0 && json)
			cli_print_json(output.array);
		else
			json_decref(output.array);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
