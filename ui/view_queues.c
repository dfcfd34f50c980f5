/* The queues a clerk works through: leave waiting for approval, topics waiting for approval,
 * topics deferred and waiting to be scheduled again (暂缓待重新安排), deadlines (overdue first, in red) and the findings of the month the calendar shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "agenda.h"
#include "checks.h"
#include "i18n.h"
#include "leave.h"
#include "minutes.h"
#include "topics.h"
#include "ui.h"
#include "widgets.h"

typedef struct queues_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	ui *app;
	bool provisional_due; /* a deadline listed was counted across a provisional year */
} queues_state;

void *ui_queues_new(ui *app)
{
	queues_state *state = calloc(1, sizeof *state);
	if (state)
		state->app = app;
	return state;
}

static int add_leave(const hw_leave *leave, void *user)
{
	queues_state *state = user;
	char approvers[256], number[32], meeting[256], text[2048] = "";
	hw_describe_roles(state->app->session->rules, leave->approvers, approvers, sizeof approvers);
	snprintf(number, sizeof number, "#%lld", (long long)leave->id);
	ui_meeting_label(state->app, leave->meeting_id, meeting, sizeof meeting);
	ui_column(text, sizeof text, number, 5);
	/* Which meeting and its date: what the leader decides on. */
	ui_column(text, sizeof text, meeting, 20);
	ui_column(text, sizeof text, leave->person_name, 24);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, _("%s  → %s"), leave->reason, approvers);
	ui_row *row = ui_list_add(&state->list, UI_ROW_LEAVE, UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->id = leave->id;
		row->meeting_id = leave->meeting_id;
		row->person_id = leave->person_id;
	}
	return 0;
}

static int add_topic(const hw_topic *topic, void *user)
{
	queues_state *state = user;
	if (topic->approved_by || topic->state == HW_TOPIC_DECIDED || topic->state == HW_TOPIC_DEFERRED)
		return 0;
	char number[32], where[256] = "", text[2048] = "";
	snprintf(number, sizeof number, "#%lld", (long long)topic->id);
	ui_meeting_label(state->app, topic->meeting_id, where, sizeof where);
	ui_column(text, sizeof text, number, 5);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, _("“%s” waits for approval — %s  (%s)"),
		 topic->title, where[0] ? where : _("on no agenda yet"),
		 topic->department_name[0] ? topic->department_name : topic->deputy_name);
	ui_row *row = ui_list_add(&state->list, UI_ROW_TOPIC, UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->id = topic->id;
		row->meeting_id = topic->meeting_id;
	}
	return 0;
}

/* Drafted minutes and whose signature they wait for: tracked without a due date, since no
 * document sets one. */
static int add_minutes(const hw_waiting *waiting, void *user)
{
	queues_state *state = user;
	if (waiting->kind != HW_WAITING_MINUTES)
		return 0;
	char where[256];
	ui_meeting_label(state->app, waiting->meeting_id, where, sizeof where);
	ui_row *row = ui_list_add(&state->list, UI_ROW_MINUTES, UI_STYLE_NORMAL, "#%-5lld %s  %s",
				  (long long)waiting->meeting_id, where, waiting->text);
	if (row)
		row->meeting_id = waiting->meeting_id;
	return 0;
}

/* A topic deferred at a meeting: its department, that meeting and its date, the reason. */
static int add_deferred(const hw_deferred_topic *deferred, void *user)
{
	queues_state *state = user;
	const hw_topic *topic = &deferred->topic;
	char number[32], where[256], text[2048] = "";
	snprintf(number, sizeof number, "#%lld", (long long)topic->id);
	ui_meeting_label(state->app, deferred->meeting.id, where, sizeof where);
	ui_column(text, sizeof text, number, 5);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, _("%s  (%s) — deferred at %s%s%s"), topic->title,
		 topic->department_name[0] ? topic->department_name : _("no department"), where,
		 topic->decision[0] ? _(": ") : "", topic->decision);
	ui_row *row = ui_list_add(&state->list, UI_ROW_TOPIC, UI_STYLE_WARNING, "%s", text);
	if (row) {
		row->id = topic->id;
		row->meeting_id = topic->meeting_id;
	}
	return 0;
}

static int add_deadline(const hw_deadline *deadline, void *user)
{
	queues_state *state = user;
	char due[HW_DATE_TEXT_SIZE + 8], left[64], text[2048] = "";
	hw_date_format(deadline->due, due);
	if (deadline->provisional) { /* counted across a year whose arrangement is not published */
		snprintf(due + strlen(due), sizeof due - strlen(due), "?");
		state->provisional_due = true;
	}
	if (deadline->workdays_left < 0)
		snprintf(left, sizeof left, _("%d wd late"), -deadline->workdays_left);
	else
		snprintf(left, sizeof left, _("%d wd left"), deadline->workdays_left);
	ui_column(text, sizeof text, due, 11);
	ui_column(text, sizeof text, left, 14);
	/* The step as the rules word it (document_step_labels). */
	ui_column(text, sizeof text, deadline->label ? deadline->label : "", 16);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s", deadline->what);
	ui_row *row = ui_list_add(&state->list, UI_ROW_DEADLINE,
				  deadline->workdays_left < 0 ? UI_STYLE_ERROR : UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->kind = UI_ROW_DOCUMENT;
		row->id = deadline->document_id;
		row->meeting_id = deadline->meeting_id;
	}
	return 0;
}

static void queues_load(ui *app, void *opaque)
{
	queues_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	hw_error error = {0};

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Leave waiting for approval"));
	int before = list->count;
	if (hw_leave_list(app->session, true, 0, add_leave, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Topics waiting for approval"));
	before = list->count;
	if (hw_topic_list(app->session, 0, add_topic, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s",
		    _("Deferred, waiting to be scheduled again"));
	before = list->count;
	if (hw_topic_list_deferred(app->session, add_deferred, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s",
		    _("Minutes waiting for signature (no deadline)"));
	before = list->count;
	if (hw_waiting_for(app->session, 0, add_minutes, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Deadlines (overdue first)"));
	before = list->count;
	state->provisional_due = false;
	if (hw_deadlines(app->session, add_deadline, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));
	else if (state->provisional_due)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_WARNING, "  %s",
			    _("?: provisional, counted across a year whose holiday arrangement is not "
			      "published yet"));

	int year, month, day;
	hw_date_to_ymd(app->month, &year, &month, &day);
	hw_date last = app->month + hw_days_in_month(year, month) - 1;
	char shown[64];
	snprintf(shown, sizeof shown, _("%d-%02d"), year, month);
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Findings in %s"), shown);
	hw_findings findings;
	if (ui_findings(app, app->month, last, &findings, &error) != 0) {
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	} else {
		int width = COLS > 8 ? COLS - 6 : 74; /* the markers and the continuation's indent */
		for (int i = 0; i < findings.count; i++) {
			const hw_finding *finding = &findings.items[i];
			char date[HW_DATE_TEXT_SIZE], text[2048], lines[6][512];
			hw_date_format(finding->date, date);
			char said[1800];
			ui_finding_text(finding, said, sizeof said);
			snprintf(text, sizeof text, "%s %s", date, said);
			int count = ui_wrap(text, width, lines, 6);
			ui_style style = finding->severity == HW_SEVERITY_ERROR ? UI_STYLE_ERROR : UI_STYLE_WARNING;
			for (int l = 0; l < count; l++) {
				ui_row *row = ui_list_add(list, l == 0 ? UI_ROW_FINDING : UI_ROW_TEXT, style,
							  "%s%s", l ? "    " : "", lines[l]);
				if (row && l == 0)
					row->meeting_id = finding->meeting_id;
			}
		}
		if (findings.count == 0)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("None."));
		hw_findings_free(&findings);
	}
	list->selected = selected;
}

static bool queues_act(ui *app, void *opaque, ui_action action)
{
	queues_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_row *row = ui_list_current(&state->list);
	if (action == UI_OPEN) {
		if (row && row->kind == UI_ROW_TOPIC && row->id)
			ui_open_topic(app, row->id);
		else if (row && row->meeting_id)
			ui_open_meeting(app, row->meeting_id);
		else
			ui_say(app, false, "%s", _("This line has no meeting to open."));
		return true;
	}
	if (action == UI_SCHEDULE_TOPIC) {
		/* Here the meeting is asked for: a deferred topic is scheduled again. */
		if (row == NULL || row->kind != UI_ROW_TOPIC || row->id == 0)
			ui_say(app, true, "%s", _("Select a topic first."));
		else if (ui_may_edit(app, action))
			ui_schedule_topic_again(app, row->id);
		return true;
	}
	const ui_binding *binding = ui_binding_of(action);
	if (binding && binding->edits) {
		/* A topic proposed here goes on no agenda: only from a meeting does it. */
		int64_t meeting_id = row && action != UI_NEW_TOPIC ? row->meeting_id : 0;
		ui_edit_action(app, action, row, meeting_id, app->selected);
		return true;
	}
	return false;
}

const ui_view_ops ui_queues_view = {
	.title = N_("Queues"),
	.kind = UI_IN_QUEUES,
	.load = queues_load,
	.draw = ui_list_view_draw,
	.act = queues_act,
	.destroy = ui_list_view_destroy,
};
