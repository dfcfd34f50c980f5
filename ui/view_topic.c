/* A topic in full: its title, reporting department, proposer and deputy in charge; whether it
 * was studied in advance and which matters it touches, agreed or not (涉及事项); who reviewed
 * and approved it, and when; the meeting it is on; the decision or the deferral. Its keys are
 * the meeting view's topic keys (approve, decide, defer, schedule again), run through the
 * same actions (ui_edit_action). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "audit.h"
#include "i18n.h"
#include "meetings.h"
#include "topics.h"
#include "ui.h"

typedef struct topic_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	int64_t topic_id;
	hw_topic topic;
	bool loaded;
} topic_state;

void *ui_topic_new(ui *app, int64_t topic_id)
{
	(void)app;
	topic_state *state = calloc(1, sizeof *state);
	if (state)
		state->topic_id = topic_id;
	return state;
}

void ui_open_topic(ui *app, int64_t topic_id)
{
	if (topic_id > 0)
		ui_push(app, &ui_topic_view, ui_topic_new(app, topic_id));
}

void ui_meeting_label(ui *app, int64_t meeting_id, char *out, size_t size)
{
	hw_meeting meeting;
	hw_error error = {0};
	out[0] = '\0';
	if (meeting_id <= 0 || hw_meeting_get(app->session, meeting_id, &meeting, &error) != 0)
		return;
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting.date, date);
	/* "常务会议", not "伊吾县人民政府常务会议": the government is the one the screen is about,
	 * and the date must fit at 80 columns. */
	const char *type = ui_type_name(app, meeting.type);
	const char *government = app->session->rules->government[HW_GOV_NAME];
	size_t prefix = government ? strlen(government) : 0;
	if (prefix && strncmp(type, government, prefix) == 0 && type[prefix] != '\0')
		type += prefix;
	snprintf(out, size, "%s %s", type, date);
}

static const char *state_label(hw_topic_state state)
{
	/* The meeting view's words for the same states. */
	static const char *const labels[HW_TOPIC_STATE_COUNT] = {
		N_("proposed"), N_("approved"), N_("on the agenda"), N_("decided"), N_("deferred")};
	return _(labels[state < HW_TOPIC_STATE_COUNT ? state : 0]);
}

/* When the topic was approved (reviewed): the audit log's last entry of that action on it,
 * the day it was recorded (UTC, as the log keeps it). */
typedef struct approval_times {
	int64_t topic_id;
	char approved[32], reviewed[32];
} approval_times;

static int find_approval(const hw_audit_entry *entry, void *user)
{
	approval_times *times = user;
	if (strcmp(entry->entity, "topic") != 0 || entry->entity_id != times->topic_id)
		return 0;
	if (strcmp(entry->action, "topic approve") == 0)
		snprintf(times->approved, sizeof times->approved, "%.10s", entry->at);
	else if (strcmp(entry->action, "topic review") == 0)
		snprintf(times->reviewed, sizeof times->reviewed, "%.10s", entry->at);
	return 0;
}

static void add_fact(ui_list *list, const char *label, const char *value)
{
	char text[2048] = "";
	ui_column(text, sizeof text, label, 14);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s", value);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s", text);
}

static void topic_load(ui *app, void *opaque)
{
	topic_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	hw_error error = {0};
	hw_topic *topic = &state->topic;
	state->loaded = false;
	if (hw_topic_get(app->session, state->topic_id, topic, &error) != 0) {
		snprintf(list->error, sizeof list->error, "%s", error.message);
		return;
	}
	state->loaded = true;
	char value[2048], date[HW_DATE_TEXT_SIZE];
	ui_row *row = ui_list_add(list, UI_ROW_TOPIC, UI_STYLE_HEADING, _("Topic #%lld  %s"),
				  (long long)topic->id, state_label(topic->state));
	if (row) {
		row->id = topic->id;
		row->meeting_id = topic->meeting_id;
	}
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s", topic->title);
	add_fact(list, _("Department"), topic->department_name[0] ? topic->department_name : _("(none)"));
	add_fact(list, _("Proposed by"),
		 topic->proposed_by_name[0] ? topic->proposed_by_name : _("(not recorded)"));
	add_fact(list, _("Leader in charge"), topic->deputy_name[0] ? topic->deputy_name : _("(none)"));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Preparation"));
	if (topic->has_studied_on) {
		hw_date_format(topic->studied_on, date);
		snprintf(value, sizeof value, _("yes, on %s"), date);
	} else {
		snprintf(value, sizeof value, "%s", _("not recorded"));
	}
	add_fact(list, _("Studied"), value);
	/* The matters' words are those the rules view uses (src/core/rules_text.c). */
	static const char *const matters[HW_MATTER_COUNT] = {
		N_("projects"), N_("funds"), N_("staffing"), N_("rewards and penalties")};
	value[0] = '\0';
	for (int m = 0; m < HW_MATTER_COUNT; m++)
		if (topic->matters & (1u << m)) {
			size_t used = strlen(value);
			snprintf(value + used, sizeof value - used, "%s%s", used ? _(", ") : "", _(matters[m]));
		}
	add_fact(list, _("Touches"), value[0] ? value : _("(none)"));
	if (topic->matters)
		add_fact(list, _("Agreed"),
			 topic->matters_agreed ? _("yes, with those concerned") : _("no agreement recorded"));

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Approval"));
	approval_times times = {.topic_id = topic->id};
	if (hw_audit_list(app->session, 0, find_approval, &times, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	if (topic->reviewed_by) {
		snprintf(value, sizeof value, times.reviewed[0] ? _("%s, recorded %s") : "%s",
			 topic->reviewed_by_name, times.reviewed);
		add_fact(list, _("Reviewed by"), value);
	}
	if (topic->approved_by) {
		snprintf(value, sizeof value, times.approved[0] ? _("%s, recorded %s") : "%s",
			 topic->approved_by_name, times.approved);
		add_fact(list, _("Approved by"), value);
	} else {
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_WARNING, "%s", _("Not approved yet (a approves)."));
	}

	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Meeting"));
	hw_meeting meeting;
	if (topic->meeting_id == 0) {
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "%s",
			    _("On no agenda yet (s in a meeting puts it on one)."));
	} else if (hw_meeting_get(app->session, topic->meeting_id, &meeting, &error) != 0) {
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	} else {
		hw_date_format(meeting.date, date);
		row = ui_list_add(list, UI_ROW_MEETING, ui_type_style(meeting.type), "#%-5lld %s %s %s  %s",
				  (long long)meeting.id, date, hw_weekday_name(meeting.date),
				  meeting.start, meeting.title);
		if (row)
			row->meeting_id = meeting.id;
	}
	if (topic->state == HW_TOPIC_DECIDED) {
		add_fact(list, _("Decision"), topic->decision);
	} else if (topic->state == HW_TOPIC_DEFERRED) {
		char label[256];
		ui_meeting_label(app, topic->meeting_id, label, sizeof label);
		snprintf(value, sizeof value, _("at %s%s%s"), label, topic->decision[0] ? _(": ") : "",
			 topic->decision);
		add_fact(list, _("Deferred"), value);
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_WARNING, "%s",
			    _("Waits to be scheduled again (s chooses the meeting)."));
	}
	list->selected = selected;
}

static bool topic_act(ui *app, void *opaque, ui_action action)
{
	topic_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_row *current = ui_list_current(&state->list);
	if (action == UI_OPEN) {
		if (current && current->kind == UI_ROW_MEETING && current->meeting_id)
			ui_open_meeting(app, current->meeting_id);
		else
			ui_say(app, false, "%s", _("Select the meeting's line to open it."));
		return true;
	}
	const ui_binding *binding = ui_binding_of(action);
	if (!binding || !binding->edits || !(binding->views & UI_IN_TOPIC))
		return false;
	if (!state->loaded) {
		ui_say(app, true, "%s", state->list.error);
		return true;
	}
	/* Whatever line is selected, the keys act on this topic. */
	ui_row row = {.kind = UI_ROW_TOPIC, .id = state->topic.id,
		      .meeting_id = state->topic.meeting_id};
	if (action == UI_SCHEDULE_TOPIC) {
		if (ui_may_edit(app, action))
			ui_schedule_topic_again(app, state->topic.id);
		return true;
	}
	ui_edit_action(app, action, &row, state->topic.meeting_id, app->selected);
	return true;
}

const ui_view_ops ui_topic_view = {
	.title = N_("Topic"),
	.kind = UI_IN_TOPIC,
	.load = topic_load,
	.draw = ui_list_view_draw,
	.act = topic_act,
	.destroy = ui_list_view_destroy,
};
