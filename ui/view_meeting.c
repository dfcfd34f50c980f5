/* A meeting in full: when and where, who chairs; attendance (member, sitter-in, guest, staff)
 * with leave and substitutes; the agenda's topics; minutes and documents with their
 * working-day due dates; and the rule engine's findings for it, each with its clause. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "i18n.h"
#include "leave.h"
#include "meetings.h"
#include "minutes.h"
#include "office.h"
#include "series.h"
#include "topics.h"
#include "trips.h"
#include "actions.h"
#include "ui.h"
#include "widgets.h"

typedef struct meeting_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	int64_t meeting_id;
	hw_meeting meeting;
} meeting_state;

typedef struct loader {
	ui *app;
	meeting_state *state;
} loader;

void *ui_meeting_new(ui *app, int64_t meeting_id)
{
	(void)app;
	meeting_state *state = calloc(1, sizeof *state);
	if (state)
		state->meeting_id = meeting_id;
	return state;
}

static const char *leave_state_label(hw_leave_state state)
{
	static const char *const labels[] = {N_("leave requested"), N_("on leave"),
					     N_("leave refused")};
	return _(labels[state]);
}

static const char *topic_state_label(hw_topic_state state)
{
	static const char *const labels[HW_TOPIC_STATE_COUNT] = {
		N_("proposed"), N_("approved"), N_("on the agenda"), N_("decided"), N_("deferred")};
	return _(labels[state < HW_TOPIC_STATE_COUNT ? state : 0]);
}

static int add_attendee(const hw_attendee *attendee, const hw_leave *leave, void *user)
{
	loader *load = user;
	char text[2048] = "", state[600] = "";
	ui_column(text, sizeof text, hw_attendance_label(attendee->kind), 8);
	/* The name, then the post with its department, as the pickers show it. */
	char post[2 * HW_NAME_SIZE];
	ui_person_post(&attendee->person, post, sizeof post);
	ui_column(text, sizeof text, attendee->person.name, 24);
	ui_column(text, sizeof text, post, 20);
	if (leave != NULL) {
		snprintf(state, sizeof state, "%s%s", leave_state_label(leave->state),
			 leave->written ? _(" (written)") : "");
		if (leave->substitute_id) {
			size_t used = strlen(state);
			snprintf(state + used, sizeof state - used, _(", substitute %s"),
				 leave->substitute_name);
		}
	}
	/* Away from the region that day (请销假): the attendee will not be there. */
	hw_trip trip;
	hw_error error = {0};
	int away = hw_trip_away(load->app->session, attendee->person.id, load->state->meeting.date,
				&trip, &error);
	size_t used = strlen(state);
	if (away < 0) {
		snprintf(state + used, sizeof state - used, "%s%.400s", used ? " " : "", error.message);
	} else if (away > 0) {
		snprintf(state + used, sizeof state - used, _("%s(away on trip #%lld)"),
			 used ? " " : "", (long long)trip.id);
	}
	ui_row *row = ui_list_add(&load->state->list, UI_ROW_ATTENDEE,
				  (leave && leave->state == HW_LEAVE_PENDING) || away > 0
					  ? UI_STYLE_WARNING
					  : UI_STYLE_NORMAL,
				  "%s%s", text, state);
	if (row) {
		row->id = leave ? leave->id : 0;
		row->meeting_id = load->state->meeting_id;
		row->person_id = attendee->person.id;
	}
	return 0;
}

static int add_topic(const hw_topic *topic, void *user)
{
	loader *load = user;
	char text[2048] = "", number[32];
	snprintf(number, sizeof number, "#%lld", (long long)topic->id);
	ui_column(text, sizeof text, number, 5);
	ui_column(text, sizeof text, topic_state_label(topic->state), 10);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s", topic->title);
	if (topic->department_name[0] || topic->deputy_name[0]) {
		used = strlen(text);
		snprintf(text + used, sizeof text - used, "  (%s%s%s)", topic->department_name,
			 topic->department_name[0] && topic->deputy_name[0] ? ", " : "",
			 topic->deputy_name);
	}
	if (topic->decision[0]) {
		used = strlen(text);
		snprintf(text + used, sizeof text - used, " — %s", topic->decision);
	}
	ui_row *row = ui_list_add(&load->state->list, UI_ROW_TOPIC,
				  topic->approved_by ? UI_STYLE_NORMAL : UI_STYLE_WARNING, "%s", text);
	if (row) {
		row->id = topic->id;
		row->meeting_id = load->state->meeting_id;
	}
	return 0;
}

static int find_document_due(const hw_deadline *deadline, void *user)
{
	hw_deadline *found = user;
	if (deadline->document_id == found->document_id)
		*found = *deadline;
	return 0;
}

static int add_document(const hw_document *document, void *user)
{
	loader *load = user;
	ui *app = load->app;
	const hw_meeting *meeting = &load->state->meeting;
	/* Every step is named as the rules name it (document_step_labels): 印发 for most,
	 * 报市长或副市长签发 in Changji, 由组织发起单位报政府办公室 then 由政府办公室印发 in Yiwu. */
	const hw_rules *rules = app->session->rules;
	const hw_type_rules *type = &rules->types[meeting->type];
	char text[2048] = "", done[640] = "", pending[640] = "", date[HW_DATE_TEXT_SIZE];
	if (document->handed_over) {
		const char *label = type->document_step_label_count > 0 ? type->document_step_labels[0]
									  : "";
		hw_date_format(document->handed_over_on, date);
		snprintf(done, sizeof done, _("%s: done %s"), label, date);
	}
	if (document->issued) {
		size_t used = strlen(done);
		hw_date_format(document->issued_on, date);
		snprintf(done + used, sizeof done - used, _("%sissued %s"), used ? "  " : "", date);
	}
	hw_deadline_kind step;
	hw_date due;
	bool is_due = hw_document_due(rules, app->session->calendar, meeting->type, meeting->date,
				      document, &due, &step);
	/* Whether the due date was counted across a year without a published arrangement. */
	hw_deadline deadline = {.document_id = document->id};
	if (is_due) {
		hw_error error = {0};
		hw_meeting_deadlines(app->session, meeting->id, find_document_due, &deadline, &error);
		const char *label = hw_document_step_label(rules, meeting->type, step);
		/* The mark stays beside the date, which a long label would push off the screen. */
		char due_text[HW_DATE_TEXT_SIZE + 32];
		hw_date_format(due, date);
		snprintf(due_text, sizeof due_text, "%s%s", date,
			 deadline.provisional ? _(" (provisional)") : "");
		snprintf(pending, sizeof pending, _("%s by %s"), label ? label : "", due_text);
	}
	bool late = is_due && meeting->status == HW_STATUS_HELD && due < app->session->today;
	ui_column(text, sizeof text, document->title, 36);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s%s%s", done, done[0] && pending[0] ? "  " : "",
		 pending);
	ui_row *row = ui_list_add(&load->state->list, UI_ROW_DOCUMENT,
				  late ? UI_STYLE_ERROR : UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->id = document->id;
		row->meeting_id = meeting->id;
	}
	return 0;
}

/* Adds a long text as a row of `kind` and continuation rows, wrapped to the screen. */
static void add_wrapped(ui_list *list, ui_row_kind kind, ui_style style, int64_t id,
			int64_t meeting_id, bool marked, const char *text, int width)
{
	char lines[8][512];
	int count = ui_wrap(text, width, lines, 8);
	for (int i = 0; i < count; i++) {
		ui_row *row = ui_list_add(list, i == 0 ? kind : UI_ROW_TEXT, style, "%s%s",
					  i == 0 ? "" : "    ", lines[i]);
		if (row && i == 0) {
			row->id = id;
			row->meeting_id = meeting_id;
			row->marked = marked;
		}
	}
}

static int take_target(const hw_minutes_target *target, void *user)
{
	*(hw_minutes_target *)user = *target;
	return 0;
}

static int add_amendment(const hw_amendment *amendment, void *user)
{
	char on[HW_DATE_TEXT_SIZE], text[4400];
	hw_date_format(amendment->on, on);
	snprintf(text, sizeof text, _("Amendment %s (%s): %s"), on, amendment->by_name, amendment->text);
	add_wrapped(user, UI_ROW_TEXT, UI_STYLE_NORMAL, 0, 0, false, text,
		    COLS > 8 ? COLS - 8 : 72);
	return 0;
}

static void meeting_load(ui *app, void *opaque)
{
	meeting_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	hw_error error = {0};
	hw_meeting *meeting = &state->meeting;
	if (hw_meeting_get(app->session, state->meeting_id, meeting, &error) != 0) {
		snprintf(list->error, sizeof list->error, "%s", error.message);
		return;
	}
	int width = COLS > 8 ? COLS - 4 : 76;
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting->date, date);
	ui_list_add(list, UI_ROW_HEADING, ui_type_style(meeting->type), "%s  #%lld",
		    ui_type_name(app, meeting->type), (long long)meeting->id);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s", meeting->title);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, _("When: %s %s %s%s%s   Status: %s"), date,
		    hw_weekday_name(meeting->date), meeting->start, meeting->end[0] ? "–" : "",
		    meeting->end, hw_meeting_status_label(meeting->status));
	if (meeting->location[0])
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, _("Where: %s"), meeting->location);
	if (meeting->chair_id)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, _("Chair: %s%s"), meeting->chair_name,
			    meeting->chair_delegated ? _(" (by the head's delegation)") : "");
	if (meeting->adhoc_reason[0])
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, _("Ad hoc: %s"), meeting->adhoc_reason);
	if (meeting->series_id) {
		char occurrence[HW_DATE_TEXT_SIZE];
		hw_date_format(meeting->occurrence, occurrence);
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, _("Series #%lld, occurrence of %s%s"),
			    (long long)meeting->series_id, occurrence,
			    meeting->detached ? _(", changed on its own") : "");
	}

	loader load = {.app = app, .state = state};
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Attendance"));
	if (hw_attendance_list(app->session, meeting->id, add_attendee, &load, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Topics"));
	int before = list->count;
	if (hw_topic_list(app->session, meeting->id, add_topic, &load, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("No topics on the agenda."));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Minutes and documents"));
	hw_minutes minutes;
	int has_minutes = hw_minutes_get(app->session, meeting->id, &minutes, &error);
	/* No document sets a deadline on minutes: they show their state and who signs them. */
	char signers[128];
	hw_describe_roles(app->session->rules, hw_minutes_signer_roles(app->session->rules, meeting->type),
			  signers, sizeof signers);
	ui_row *row;
	if (has_minutes < 0) {
		row = ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	} else if (!has_minutes) {
		row = ui_list_add(list, UI_ROW_MINUTES, UI_STYLE_DIM, "%s", _("Minutes: not written"));
	} else if (minutes.signed_) {
		char signed_on[HW_DATE_TEXT_SIZE];
		hw_date_format(minutes.signed_on, signed_on);
		row = ui_list_add(list, UI_ROW_MINUTES, UI_STYLE_NORMAL,
				  _("Minutes: signed by %s on %s (%d amendments)"), minutes.signed_by_name,
				  signed_on, minutes.amendment_count);
	} else {
		row = ui_list_add(list, UI_ROW_MINUTES, UI_STYLE_WARNING,
				  _("Minutes: drafted, waiting for the signature of %s"), signers);
	}
	if (row)
		row->meeting_id = meeting->id;
	/* The office's own target, when it sets one: labelled as the office's, never an article. */
	hw_minutes_target target = {0};
	if (hw_office_minutes_targets(app->session, meeting->id, take_target, &target, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (target.meeting_id) {
		char due[HW_DATE_TEXT_SIZE];
		hw_date_format(target.due, due);
		ui_list_add(list, UI_ROW_TEXT, target.workdays_left < 0 ? UI_STYLE_WARNING : UI_STYLE_DIM,
			    _("  Office's own target (no article sets one): signed by %s"), due);
	}
	if (has_minutes > 0) {
		add_wrapped(list, UI_ROW_TEXT, UI_STYLE_DIM, 0, 0, false, minutes.text, width - 4);
		if (hw_minutes_amendments(app->session, meeting->id, add_amendment, list, &error) != 0)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	}
	if (hw_document_list(app->session, meeting->id, add_document, &load, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Findings"));
	hw_findings findings;
	before = list->count;
	if (ui_findings(app, meeting->date, meeting->date, &findings, &error) != 0) {
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	} else {
		for (int i = 0; i < findings.count; i++) {
			const hw_finding *finding = &findings.items[i];
			if (finding->meeting_id != meeting->id)
				continue;
			char text[2048];
			ui_finding_text(finding, text, sizeof text);
			add_wrapped(list, UI_ROW_FINDING,
				    finding->severity == HW_SEVERITY_ERROR ? UI_STYLE_ERROR : UI_STYLE_WARNING,
				    0, meeting->id, true, text, width - 2);
		}
		hw_findings_free(&findings);
		if (list->count == before)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("None: this meeting keeps the rules."));
	}
	list->selected = selected;
}

static bool meeting_act(ui *app, void *opaque, ui_action action)
{
	meeting_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_binding *binding = ui_binding_of(action);
	if (binding && binding->edits) {
		ui_edit_action(app, action, ui_list_current(&state->list), state->meeting_id,
			       state->meeting.date);
		return true;
	}
	if (action == UI_OPEN) {
		/* A topic opens its own view; the meeting itself is already open. */
		const ui_row *row = ui_list_current(&state->list);
		if (row && row->kind == UI_ROW_TOPIC && row->id)
			ui_open_topic(app, row->id);
		return true;
	}
	return false;
}

const ui_view_ops ui_meeting_view = {
	.title = N_("Meeting"),
	.kind = UI_IN_MEETING,
	.load = meeting_load,
	.draw = ui_list_view_draw,
	.act = meeting_act,
	.destroy = ui_list_view_destroy,
};
