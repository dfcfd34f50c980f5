/* The agenda: the coming meetings (90 days from the selected day), filterable by type and by
 * person; with a person chosen, also what waits for their decision and their topics — what a
 * leader opens to see "my meetings and my topics". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "agenda.h"
#include "checks.h"
#include "i18n.h"
#include "meetings.h"
#include "roster.h"
#include "topics.h"
#include "trips.h"
#include "ui.h"

#define AGENDA_DAYS 90

typedef struct agenda_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	int type_filter; /* -1: every type */
	hw_person person; /* id 0: everyone */
	ui_meetings meetings; /* of the period, every type */
} agenda_state;

void *ui_agenda_new(ui *app)
{
	(void)app;
	agenda_state *state = calloc(1, sizeof *state);
	if (state)
		state->type_filter = -1;
	return state;
}

void *ui_agenda_new_for(ui *app, const hw_person *person)
{
	agenda_state *state = ui_agenda_new(app);
	if (state)
		state->person = *person;
	return state;
}

typedef struct waiting_context {
	ui *app;
	ui_list *list;
} waiting_context;

/* What waits, with the meeting it is for and that meeting's date: "“…” waits for approval —
 * 常务会议 2026-11-30". */
static int add_waiting(const hw_waiting *waiting, void *user)
{
	waiting_context *context = user;
	ui_list *list = context->list;
	static const char *const kinds[] = {N_("leave"), N_("topic"), N_("minutes")};
	char text[2048] = "", where[256];
	ui_column(text, sizeof text, _(kinds[waiting->kind]), 8);
	size_t used = strlen(text);
	if (waiting->kind == HW_WAITING_TOPIC)
		snprintf(text + used, sizeof text - used, _("“%s” waits for approval"), waiting->text);
	else
		snprintf(text + used, sizeof text - used, "%s", waiting->text);
	ui_meeting_label(context->app, waiting->meeting_id, where, sizeof where);
	used = strlen(text);
	snprintf(text + used, sizeof text - used, " — %s", where[0] ? where : _("on no agenda yet"));
	ui_row_kind kind = waiting->kind == HW_WAITING_LEAVE   ? UI_ROW_LEAVE
			   : waiting->kind == HW_WAITING_TOPIC ? UI_ROW_TOPIC
							       : UI_ROW_MINUTES;
	ui_row *row = ui_list_add(list, kind, UI_STYLE_WARNING, "%s", text);
	if (row) {
		row->id = waiting->id;
		row->meeting_id = waiting->meeting_id;
	}
	return 0;
}

/* A trip line: 外出, who, the days, to whom it was reported (and who approved it). */
static int add_trip(const hw_trip *trip, void *user)
{
	ui_list *list = user;
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE], days[64], text[2048] = "";
	hw_date_format(trip->from, from);
	hw_date_format(trip->to, to);
	snprintf(days, sizeof days, "%s – %s", from, to);
	ui_column(text, sizeof text, _("away, a trip"), 6);
	ui_column(text, sizeof text, trip->person_name, 24);
	ui_column(text, sizeof text, days, 23);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, _("reported to %s"), trip->reported_to);
	if (trip->approved_by[0]) {
		used = strlen(text);
		snprintf(text + used, sizeof text - used, _(", approved by %s"), trip->approved_by);
	}
	ui_row *row = ui_list_add(list, UI_ROW_TRIP, UI_STYLE_WARNING, "%s", text);
	if (row) {
		row->id = trip->id;
		row->person_id = trip->person_id;
	}
	return 0;
}

typedef struct topic_context {
	ui_list *list;
	int64_t person_id;
} topic_context;

static int add_topic(const hw_topic *topic, void *user)
{
	topic_context *context = user;
	if (topic->deputy_id != context->person_id || topic->state == HW_TOPIC_DECIDED)
		return 0;
	char number[32];
	snprintf(number, sizeof number, "#%lld", (long long)topic->id);
	char text[2048] = "";
	ui_column(text, sizeof text, number, 5);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s%s", topic->title,
		 topic->meeting_id ? "" : _("  (not on an agenda yet)"));
	ui_row *row = ui_list_add(context->list, UI_ROW_TOPIC, UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->id = topic->id;
		row->meeting_id = topic->meeting_id;
	}
	return 0;
}

static void agenda_load(ui *app, void *opaque)
{
	agenda_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	state->meetings.count = 0;
	hw_error error = {0};
	hw_date from = app->selected, to = app->selected + AGENDA_DAYS - 1;
	hw_findings findings = {0};
	state->meetings.error = &error;
	if (hw_meeting_list(app->session, from, to, ui_meetings_add, &state->meetings, &error) != 0 ||
	    ui_findings(app, from, to, &findings, &error) != 0) {
		snprintf(list->error, sizeof list->error, "%s", error.message);
		return;
	}
	char first[HW_DATE_TEXT_SIZE], last[HW_DATE_TEXT_SIZE];
	hw_date_format(from, first);
	hw_date_format(to, last);
	char filter[600] = "";
	if (state->type_filter >= 0 || state->person.id) {
		snprintf(filter, sizeof filter, "  [%s%s%s]",
			 state->type_filter >= 0 ? ui_type_name(app, (hw_meeting_type)state->type_filter) : "",
			 state->type_filter >= 0 && state->person.id ? ", " : "",
			 state->person.id ? state->person.name : "");
	}
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Meetings %s to %s%s"), first, last,
		    filter);
	int shown = 0;
	for (int i = 0; i < state->meetings.count; i++) {
		const hw_meeting *meeting = &state->meetings.items[i];
		if (state->type_filter >= 0 && (int)meeting->type != state->type_filter)
			continue;
		if (state->person.id &&
		    hw_meeting_has_attendee(app->session, meeting->id, state->person.id, &error) != 1)
			continue;
		char date[HW_DATE_TEXT_SIZE], text[2048] = "";
		hw_date_format(meeting->date, date);
		ui_column(text, sizeof text, date, 10);
		ui_column(text, sizeof text, hw_weekday_name(meeting->date), 4);
		ui_column(text, sizeof text, meeting->start, 5);
		ui_column(text, sizeof text, ui_type_mark(meeting->type), 2);
		/* One person's agenda: a meeting within their trip is one they will miss. */
		int away = state->person.id ? hw_trip_away(app->session, state->person.id,
							   meeting->date, NULL, &error)
					    : 0;
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, "%s%s%s", meeting->title,
			 meeting->status == HW_STATUS_CANCELLED ? _(" (cancelled)") : "",
			 away > 0 ? _(" (away on a trip)") : "");
		bool cancelled = meeting->status == HW_STATUS_CANCELLED;
		ui_row *row = ui_list_add(list, UI_ROW_MEETING,
					  cancelled ? UI_STYLE_DIM : ui_type_style(meeting->type), "%s", text);
		if (row) {
			row->meeting_id = row->id = meeting->id;
			row->marked = !cancelled && ui_meeting_has_findings(&findings, meeting->id);
		}
		shown++;
	}
	hw_findings_free(&findings);
	if (shown == 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("No meetings."));
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s",
		    _("Trips out of the region (w: record one)"));
	int before_trips = list->count;
	if (hw_trip_list(app->session, from, to, state->person.id, false, add_trip, list, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	else if (list->count == before_trips)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));
	if (state->person.id) {
		ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Waiting for %s"), state->person.name);
		int before = list->count;
		waiting_context waiting = {app, list};
		if (hw_waiting_for(app->session, state->person.id, add_waiting, &waiting, &error) != 0)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
		else if (list->count == before)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));
		ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Topics of %s"), state->person.name);
		before = list->count;
		topic_context context = {list, state->person.id};
		if (hw_topic_list(app->session, 0, add_topic, &context, &error) != 0)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
		else if (list->count == before)
			ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing."));
	}
	list->selected = selected;
}

static void choose_person(ui *app, agenda_state *state)
{
	ui_choices people = {0};
	hw_error error = {0};
	if (ui_choices_people(app, &people, &error) != 0) {
		ui_say(app, true, "%s", error.message);
	} else {
		int picked = ui_pick(app, _("Whose meetings?"), people.labels, people.count, 0);
		if (picked >= 0 && hw_person_get(app->session, atoll(people.values[picked]),
						 &state->person, &error) != 0)
			ui_say(app, true, "%s", error.message);
		else if (picked >= 0) {
			state->list.selected = 0;
			agenda_load(app, state);
		}
	}
	ui_choices_free(&people);
}

static void choose_type(ui *app, agenda_state *state)
{
	const char *labels[HW_MEETING_TYPE_COUNT + 1];
	int types[HW_MEETING_TYPE_COUNT + 1], count = 0;
	labels[count] = _("every type");
	types[count++] = -1;
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		if (app->session->rules->types[t].defined) {
			labels[count] = ui_type_name(app, (hw_meeting_type)t);
			types[count++] = t;
		}
	int picked = ui_pick(app, _("Which meetings?"), labels, count, 0);
	if (picked >= 0) {
		state->type_filter = types[picked];
		state->list.selected = 0;
		agenda_load(app, state);
	}
}

static bool agenda_act(ui *app, void *opaque, ui_action action)
{
	agenda_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_row *row = ui_list_current(&state->list);
	switch (action) {
	case UI_OPEN:
		if (row && row->kind == UI_ROW_TOPIC && row->id)
			ui_open_topic(app, row->id);
		else if (row && row->meeting_id)
			ui_open_meeting(app, row->meeting_id);
		else
			ui_say(app, false, "%s", _("This line has no meeting to open."));
		return true;
	case UI_FILTER_TYPE: choose_type(app, state); return true;
	case UI_FILTER_PERSON: choose_person(app, state); return true;
	case UI_CLEAR_FILTERS:
		state->type_filter = -1;
		state->person.id = 0;
		agenda_load(app, state);
		return true;
	case UI_TODAY:
		app->selected = app->session->today;
		agenda_load(app, state);
		return true;
	case UI_GOTO_DATE: {
		hw_date date;
		if (ui_ask_date(app, &date)) {
			app->selected = date;
			agenda_load(app, state);
		}
		return true;
	}
	default: break;
	}
	const ui_binding *binding = ui_binding_of(action);
	if (binding && (binding->edits || action == UI_EXPORT)) {
		bool on_meeting = row && row->kind == UI_ROW_MEETING && action != UI_NEW_TOPIC;
		ui_edit_action(app, action, row, on_meeting ? row->meeting_id : 0, app->selected);
		return true;
	}
	return false;
}

static void agenda_destroy(void *opaque)
{
	agenda_state *state = opaque;
	ui_list_clear(&state->list);
	ui_meetings_free(&state->meetings);
	free(state);
}

const ui_view_ops ui_agenda_view = {
	.title = N_("Agenda"),
	.kind = UI_IN_AGENDA,
	.load = agenda_load,
	.draw = ui_list_view_draw,
	.act = agenda_act,
	.destroy = agenda_destroy,
};
