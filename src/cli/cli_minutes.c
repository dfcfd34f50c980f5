/* huiwu minutes, huiwu doc, huiwu deadlines. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "i18n.h"
#include "minutes.h"
#include "office.h"
#include "session.h"

static int amendment_json(const hw_amendment *amendment, void *user)
{
	char on[HW_DATE_TEXT_SIZE];
	hw_date_format(amendment->on, on);
	json_array_append_new(user, json_pack("{s:o,s:o,s:s}", "text", cli_text(amendment->text),
					      "by", cli_text(amendment->by_name), "on", on));
	return 0;
}

static int print_amendment(const hw_amendment *amendment, void *user)
{
	(void)user;
	char on[HW_DATE_TEXT_SIZE];
	hw_date_format(amendment->on, on);
	printf(_("amendment %s by %s: %s\n"), on, amendment->by_name, amendment->text);
	return 0;
}

int cli_minutes(cli_context *context, int argc, char **argv)
{
	const char *text = NULL, *by = NULL, *positional[1] = {NULL};
	bool json = false;
	const cli_option draft[] = {{"text", &text, NULL}, {NULL, NULL, NULL}};
	const cli_option sign[] = {{"by", &by, NULL}, {NULL, NULL, NULL}};
	const cli_option amend[] = {{"text", &text, NULL}, {"by", &by, NULL}, {NULL, NULL, NULL}};
	const cli_option show[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"draft", draft, 1}, {"sign", sign, 1},   {"approve", sign, 1},
		{"amend", amend, 1}, {"show", show, 1},   {NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("minutes", argc, argv, actions, _("say draft, sign, approve, amend or show"),
			     command, positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	hw_error error = {0};
	int64_t meeting_id;
	if (hw_parse_id(positional[0], &meeting_id, &error) != 0)
		return cli_fail(&error);
	if ((strcmp(action, "sign") == 0 || strcmp(action, "amend") == 0) && by == NULL)
		return cli_usage_error(command, "%s", _("say who signs with --by P"));
	if (strcmp(action, "approve") == 0 && by == NULL)
		return cli_usage_error(command, "%s", _("say who approves with --by P"));
	bool showing = strcmp(action, "show") == 0;
	hw_session *session = cli_open_session(context, showing);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int result = 0;
	if (strcmp(action, "draft") == 0) {
		result = hw_minutes_draft(session, meeting_id, text, &error);
	} else if (strcmp(action, "sign") == 0) {
		result = hw_minutes_sign(session, meeting_id, by, &error);
	} else if (strcmp(action, "approve") == 0) {
		result = hw_minutes_approve(session, meeting_id, by, &error);
	} else if (strcmp(action, "amend") == 0) {
		result = hw_minutes_amend(session, meeting_id, text, by, &error);
	} else {
		hw_minutes minutes;
		int found = hw_minutes_get(session, meeting_id, &minutes, &error);
		if (found == 0)
			result = hw_error_set(&error, _("meeting #%lld has no minutes yet"),
					      (long long)meeting_id);
		else if (found < 0)
			result = -1;
		/* Signed minutes carry the head of the audit log as of their signing: printed on
		 * the paper, it lets anyone check later that the log up to the signing stands. */
		char head[HW_AUDIT_HEAD_SIZE] = "";
		if (result == 0 && minutes.signed_ &&
		    hw_audit_head(session, "minutes sign", meeting_id, head, &error) < 0)
			result = -1;
		if (result == 0 && json) {
			json_t *amendments = json_array();
			result = hw_minutes_amendments(session, meeting_id, amendment_json, amendments,
						       &error);
			if (result != 0)
				json_decref(amendments);
			else {
				char approved_on[HW_DATE_TEXT_SIZE];
				hw_date_format(minutes.approved_on, approved_on);
				cli_print_json(json_pack(
					"{s:I,s:s,s:o,s:o,s:i,s:o,s:o,s:o,s:o}", "meeting", (json_int_t)meeting_id,
					"state", minutes.signed_ ? "signed" : "drafted", "text",
					cli_text(minutes.text), "signed_by",
					minutes.signed_ ? cli_text(minutes.signed_by_name) : json_null(),
					"amendments", minutes.amendment_count, "amendment_list", amendments,
					"audit_head", head[0] ? cli_text(head) : json_null(), "approved_by",
					minutes.approved_by ? cli_text(minutes.approved_by_name) : json_null(),
					"approved_on",
					minutes.approved_by ? json_string(approved_on) : json_null()));
			}
		} else if (result == 0) {
			printf("%s\n%s\n", minutes.signed_ ? _("signed") : _("draft"), minutes.text);
			if (minutes.approved_by) {
				char approved_on[HW_DATE_TEXT_SIZE];
				hw_date_format(minutes.approved_on, approved_on);
				printf(_("approved by %s on %s\n"), minutes.approved_by_name, approved_on);
			}
			result = hw_minutes_amendments(session, meeting_id, print_amendment, NULL, &error);
			if (result == 0 && head[0])
				printf(_("audit log head at signing: %s\n"), head);
		}
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}

typedef struct document_output {
	hw_session *session;
	json_t *array;
	hw_error *error;
} document_output;

static int print_document(const hw_document *document, void *user)
{
	document_output *output = user;
	hw_meeting meeting;
	if (hw_meeting_get(output->session, document->meeting_id, &meeting, output->error) != 0)
		return 0;
	const hw_rules *rules = output->session->rules;
	const hw_type_rules *type = &rules->types[meeting.type];
	hw_deadline_kind step = HW_STEP_ISSUE;
	hw_date due;
	bool is_due = hw_document_due(rules, output->session->calendar, meeting.type, meeting.date,
				      document, &due, &step);
	char due_text[HW_DATE_TEXT_SIZE], handed[HW_DATE_TEXT_SIZE], issued[HW_DATE_TEXT_SIZE];
	if (is_due)
		hw_date_format(due, due_text);
	hw_date_format(document->handed_over_on, handed);
	hw_date_format(document->issued_on, issued);
	/* The first step's date is kept in one column, whichever step the rules name. */
	bool submitted = type->document_step_action_count > 0 &&
			 type->document_step_actions[0] == HW_STEP_SUBMIT;
	const char *first_label = type->document_step_label_count > 0 ? type->document_step_labels[0] : "";
	const char *due_label = is_due ? hw_document_step_label(rules, meeting.type, step) : NULL;
	if (output->array) {
		json_array_append_new(
			output->array,
			json_pack("{s:I,s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", (json_int_t)document->id,
				  "meeting", (json_int_t)document->meeting_id, "title",
				  cli_text(document->title), "handed_over_on",
				  document->handed_over && !submitted ? json_string(handed) : json_null(),
				  "submitted_on",
				  document->handed_over && submitted ? json_string(handed) : json_null(),
				  "issued_on", document->issued ? json_string(issued) : json_null(),
				  "due", is_due ? json_string(due_text) : json_null(),
				  "step", is_due ? json_string(hw_deadline_kind_key(step)) : json_null(),
				  "step_label", due_label ? cli_text(due_label) : json_null()));
		return 0;
	}
	printf(_("#%-4lld meeting #%lld  %s"), (long long)document->id,
	       (long long)document->meeting_id, document->title);
	if (document->handed_over)
		printf(_("  %s: done %s"), first_label, handed);
	if (document->issued)
		printf(_("  issued %s"), issued);
	else if (is_due)
		printf(_("  %s: due %s"), due_label ? due_label : hw_deadline_kind_key(step), due_text);
	printf("\n");
	return 0;
}

int cli_doc(cli_context *context, int argc, char **argv)
{
	const char *meeting = NULL, *title = NULL, *on = NULL, *positional[1] = {NULL};
	bool json = false;
	const cli_option add[] = {
		{"meeting", &meeting, NULL}, {"title", &title, NULL}, {NULL, NULL, NULL}};
	const cli_option step[] = {{"on", &on, NULL}, {NULL, NULL, NULL}};
	const cli_option list[] = {
		{"meeting", &meeting, NULL}, {"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 0},     {"handover", step, 1}, {"submit", step, 1},
		{"issue", step, 1},  {"list", list, 0},
		{NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("doc", argc, argv, actions, _("say add, handover, submit, issue or list"),
			     command, positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool adding = strcmp(action, "add") == 0, listing = strcmp(action, "list") == 0;
	bool stepping = !adding && !listing;
	hw_error error = {0};
	int64_t id = 0, meeting_id = 0;
	if ((stepping && hw_parse_id(positional[0], &id, &error) != 0) ||
	    (meeting && hw_parse_id(meeting, &meeting_id, &error) != 0))
		return cli_fail(&error);
	if (adding && meeting_id == 0)
		return cli_usage_error(command, "%s", _("say which meeting with --meeting ID"));
	hw_session *session = cli_open_session(context, listing);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int result = 0;
	if (adding) {
		result = hw_document_add(session, meeting_id, title, &id, &error);
		if (result == 0)
			printf("%lld\n", (long long)id);
	} else if (stepping) {
		hw_document_step kind = HW_STEP_ISSUE;
		hw_document_step_from_key(action, &kind);
		result = hw_document_record_step(session, id, kind, on, &error);
	} else {
		document_output output = {session, json ? json_array() : NULL, &error};
		result = hw_document_list(session, meeting_id, print_document, &output, &error);
		if (result == 0 && json)
			cli_print_json(output.array);
		else
			json_decref(output.array);
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}

json_t *cli_deadline_json(const hw_deadline *deadline)
{
	char due[HW_DATE_TEXT_SIZE];
	hw_date_format(deadline->due, due);
	return json_pack("{s:s,s:o,s:I,s:o,s:o,s:s,s:i,s:b,s:o,s:b,s:b}", "kind",
			 hw_deadline_kind_key(deadline->kind), "label",
			 deadline->label ? cli_text(deadline->label) : json_null(), "meeting",
			 (json_int_t)deadline->meeting_id, "document",
			 deadline->document_id ? json_integer(deadline->document_id) : json_null(),
			 "what", cli_text(deadline->what), "due", due, "workdays_left",
			 deadline->workdays_left, "overdue", deadline->workdays_left < 0, "clause",
			 cli_text(deadline->clause ? deadline->clause : ""), "provisional",
			 deadline->provisional, "office_target", false);
}

/* The office's own target for a meeting's minutes, shaped as a deadline: no document, no
 * clause (no article sets it), marked office_target. */
static json_t *minutes_target_json(const hw_minutes_target *target)
{
	char due[HW_DATE_TEXT_SIZE];
	hw_date_format(target->due, due);
	return json_pack("{s:s,s:s,s:I,s:n,s:o,s:s,s:i,s:b,s:n,s:b,s:b}", "kind", "minutes", "label",
			 _("office's own target"), "meeting", (json_int_t)target->meeting_id,
			 "document", "what", cli_text(target->title), "due", due, "workdays_left",
			 target->workdays_left, "overdue", target->workdays_left < 0, "clause",
			 "provisional", target->provisional, "office_target", true);
}

typedef struct deadline_output {
	const hw_calendar *calendar;
	json_t *array;
	hw_years_without_data touched; /* of every deadline listed, for one note at the end */
	hw_minutes_target *targets;    /* the office's own minutes targets, by due date */
	int target_count, target_capacity, targets_printed;
	hw_error *error;
} deadline_output;

static int collect_target(const hw_minutes_target *target, void *user)
{
	deadline_output *output = user;
	if (hw_grow((void **)&output->targets, &output->target_capacity, output->target_count,
		    sizeof *output->targets, output->error) != 0)
		return -1;
	output->targets[output->target_count++] = *target;
	return 0;
}

/* A minutes target set by the office itself: shown as such, never with a clause. */
static void print_target(deadline_output *output, const hw_minutes_target *target)
{
	for (int i = 0; i < target->touched.count; i++)
		hw_calendar_note_year(output->calendar, target->touched.years[i], &output->touched);
	if (output->array) {
		json_array_append_new(output->array, minutes_target_json(target));
		return;
	}
	char due[HW_DATE_TEXT_SIZE];
	hw_date_format(target->due, due);
	if (target->workdays_left < 0)
		printf(_("PAST    %3d working days  "), -target->workdays_left);
	else
		printf(_("%3d working days left   "), target->workdays_left);
	printf(_("due %s  minutes to be signed  meeting #%lld  %s  (%s: %d working days, not an article)"),
	       due, (long long)target->meeting_id, target->title, _("office's own target"),
	       target->days);
	printf("%s\n", target->provisional ? _("  (provisional)") : "");
}

/* Prints the office's targets due before `due` (all that are left for INT_MAX). */
static void print_targets_before(deadline_output *output, hw_date due)
{
	while (output->targets_printed < output->target_count &&
	       output->targets[output->targets_printed].due < due)
		print_target(output, &output->targets[output->targets_printed++]);
}

static int print_deadline(const hw_deadline *deadline, void *user)
{
	deadline_output *output = user;
	print_targets_before(output, deadline->due);
	cli_note_deadline(output->calendar, deadline, &output->touched);
	if (output->array) {
		json_array_append_new(output->array, cli_deadline_json(deadline));
		return 0;
	}
	char due[HW_DATE_TEXT_SIZE];
	hw_date_format(deadline->due, due);
	if (deadline->workdays_left < 0)
		printf(_("OVERDUE %3d working days  "), -deadline->workdays_left);
	else
		printf(_("%3d working days left   "), deadline->workdays_left);
	printf(_("due %s  %s  meeting #%lld  %s  〔%s〕"), due,
	       deadline->label ? deadline->label : hw_deadline_kind_key(deadline->kind),
	       (long long)deadline->meeting_id, deadline->what, deadline->clause ? deadline->clause : "");
	printf("%s\n", deadline->provisional ? _("  (provisional)") : "");
	return 0;
}

int cli_deadlines(cli_context *context, int argc, char **argv)
{
	bool json = false;
	const char *meeting = NULL;
	const cli_option options[] = {
		{"json", NULL, &json}, {"meeting", &meeting, NULL}, {NULL, NULL, NULL}};
	int usage = cli_parse("deadlines", argc, argv, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	hw_error error = {0};
	int64_t meeting_id = 0;
	if (meeting != NULL && hw_parse_id(meeting, &meeting_id, &error) != 0)
		return cli_fail(&error);
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	deadline_output output = {.calendar = session->calendar,
				  .array = json ? json_array() : NULL,
				  .error = &error};
	int result = hw_office_minutes_targets(session, meeting_id, collect_target, &output, &error);
	if (result == 0)
		result = meeting_id ? hw_meeting_deadlines(session, meeting_id, print_deadline, &output,
							   &error)
				    : hw_deadlines(session, print_deadline, &output, &error);
	if (result == 0)
		print_targets_before(&output, INT_MAX);
	free(output.targets);
	if (result == 0 && json)
		cli_print_json(output.array);
	else
		json_decref(output.array);
	if (result == 0)
		cli_note_years_without_data(session->calendar, &output.touched);
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
