/* huiwu topic: agenda topics. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "session.h"
#include "topics.h"

static json_t *topic_json(const hw_topic *topic)
{
	json_t *matters = json_array();
	for (int matter = 0; matter < HW_MATTER_COUNT; matter++)
		if (topic->matters & (1u << matter))
			json_array_append_new(matters, json_string(hw_matter_key((hw_matter)matter)));
	char studied[HW_DATE_TEXT_SIZE];
	hw_date_format(topic->studied_on, studied);
	return json_pack("{s:I,s:o,s:s,s:o,s:o,s:o,s:b,s:o,s:o,s:o,s:o,s:o,s:o}", "id", (json_int_t)topic->id,
			 "title", cli_text(topic->title), "state", hw_topic_state_key(topic->state),
			 "deputy", topic->deputy_id ? cli_text(topic->deputy_name) : json_null(),
			 "department",
			 topic->department_id ? cli_text(topic->department_name) : json_null(),
			 "matters", matters, "matters_agreed", topic->matters_agreed, "studied_on",
			 topic->has_studied_on ? json_string(studied) : json_null(), "reviewed_by",
			 topic->reviewed_by ? cli_text(topic->reviewed_by_name) : json_null(),
			 "approved_by",
			 topic->approved_by ? cli_text(topic->approved_by_name) : json_null(),
			 "meeting", topic->meeting_id ? json_integer(topic->meeting_id) : json_null(),
			 "decision", topic->decision[0] ? cli_text(topic->decision) : json_null(),
			 "proposed_by",
			 topic->proposed_by ? cli_text(topic->proposed_by_name) : json_null());
}

static int print_topic(const hw_topic *topic, void *user)
{
	json_t *array = user;
	if (array) {
		json_array_append_new(array, topic_json(topic));
		return 0;
	}
	printf("#%-4lld %s  [%s]", (long long)topic->id, topic->title, hw_topic_state_label(topic->state));
	if (topic->deputy_id)
		printf(_("  in charge: %s"), topic->deputy_name);
	if (topic->meeting_id)
		printf(_("  meeting #%lld"), (long long)topic->meeting_id);
	if (topic->approved_by)
		printf(_("  approved by %s"), topic->approved_by_name);
	if (topic->reviewed_by)
		printf(_("  reviewed by %s"), topic->reviewed_by_name);
	if (topic->proposed_by)
		printf(_("  proposed by %s"), topic->proposed_by_name);
	if (topic->decision[0])
		printf("  — %s", topic->decision);
	printf("\n");
	return 0;
}

int cli_topic(cli_context *context, int argc, char **argv)
{
	hw_topic_input input = HW_TOPIC_INPUT_INIT;
	const char *by = NULL, *meeting = NULL, *decision = NULL, *reason = NULL,
		   *positional[1] = {NULL};
	bool agreed = false, json = false;
	const cli_option add[] = {
		{"title", &input.title, NULL},     {"deputy", &input.deputy, NULL},
		{"dept", &input.department, NULL}, {"matters", &input.matters, NULL},
		{"agreed", NULL, &agreed},         {"studied", &input.studied_on, NULL},
		{"meeting", &meeting, NULL},       {"proposed-by", &input.proposer, NULL},
		{NULL, NULL, NULL},
	};
	/* The fields of add but the meeting: 'topic schedule' moves a topic. */
	const cli_option edit[] = {
		{"title", &input.title, NULL},     {"deputy", &input.deputy, NULL},
		{"dept", &input.department, NULL}, {"matters", &input.matters, NULL},
		{"agreed", NULL, &agreed},         {"studied", &input.studied_on, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option approve[] = {{"by", &by, NULL}, {NULL, NULL, NULL}};
	const cli_option schedule[] = {{"meeting", &meeting, NULL}, {NULL, NULL, NULL}};
	const cli_option decide[] = {{"decision", &decision, NULL}, {NULL, NULL, NULL}};
	const cli_option defer[] = {{"reason", &reason, NULL}, {NULL, NULL, NULL}};
	const cli_option list[] = {
		{"meeting", &meeting, NULL}, {"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option show[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 0},       {"edit", edit, 1},   {"approve", approve, 1},
		{"review", approve, 1},
		{"schedule", schedule, 1}, {"decide", decide, 1}, {"defer", defer, 1},
		{"list", list, 0},     {"show", show, 1},   {"reopen", none, 1},
		{NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("topic", argc, argv, actions,
			     _("say add, edit, review, approve, schedule, decide, defer, reopen, list or show"), command,
			     positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool adding = strcmp(action, "add") == 0, listing = strcmp(action, "list") == 0;
	bool needs_id = !adding && !listing;
	if (agreed)
		input.agreed = 1;
	hw_error error = {0};
	int64_t id = 0, meeting_id = 0;
	if ((needs_id && hw_parse_id(positional[0], &id, &error) != 0) ||
	    (meeting && hw_parse_id(meeting, &meeting_id, &error) != 0))
		return cli_fail(&error);
	if (strcmp(action, "approve") == 0 && by == NULL)
		return cli_usage_error(command, "%s", _("say who approves with --by P"));
	if (strcmp(action, "review") == 0 && by == NULL)
		return cli_usage_error(command, "%s", _("say who reviews with --by P"));
	if (strcmp(action, "schedule") == 0 && meeting_id == 0)
		return cli_usage_error(command, "%s", _("say which meeting with --meeting ID"));
	hw_session *session = cli_open_session(context, listing || strcmp(action, "show") == 0);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int result = 0;
	if (adding) {
		input.meeting_id = meeting_id;
		result = hw_topic_add(session, &input, &id, &error);
		if (result == 0)
			printf("%lld\n", (long long)id);
	} else if (listing) {
		json_t *array = json ? json_array() : NULL;
		result = hw_topic_list(session, meeting_id, print_topic, array, &error);
		if (result == 0 && json)
			cli_print_json(array);
		else
			json_decref(array);
	} else if (strcmp(action, "show") == 0) {
		hw_topic topic;
		result = hw_topic_get(session, id, &topic, &error);
		if (result == 0 && json)
			cli_print_json(topic_json(&topic));
		else if (result == 0)
			print_topic(&topic, NULL);
	} else if (strcmp(action, "edit") == 0) {
		result = hw_topic_edit(session, id, &input, &error);
	} else if (strcmp(action, "approve") == 0) {
		result = hw_topic_approve(session, id, by, &error);
	} else if (strcmp(action, "review") == 0) {
		result = hw_topic_review(session, id, by, &error);
	} else if (strcmp(action, "schedule") == 0) {
		result = hw_topic_schedule(session, id, meeting_id, &error);
	} else if (strcmp(action, "decide") == 0) {
		result = hw_topic_decide(session, id, decision, &error);
	} else if (strcmp(action, "reopen") == 0) {
		result = hw_topic_reopen(session, id, &error);
	} else {
		result = hw_topic_defer(session, id, reason, &error);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
