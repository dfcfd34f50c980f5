/* The week view: the selected day's week, Monday to Sunday, each day's meetings by time
 * (start–end, type mark, short title, '!' where a meeting has findings), holidays 休 and
 * make-up workdays 班 marked. From 120 columns each day is a column; narrower, each day a
 * block of lines, scrolled to the selection. A meeting is selected (↑↓ through the week) or
 * none on a day without any; Enter opens it as the month view does. Only the shown week is
 * read, and the findings judged for it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "i18n.h"
#include "meetings.h"
#include "text_width.h"
#include "ui.h"
#include "widgets.h"
#include "workdays.h"

/* From this width on, the days stand side by side. */
#define WEEK_COLUMNS_FROM 120

typedef struct week_state {
	hw_date monday;       /* of the week shown */
	ui_meetings meetings; /* of the week, by date and time */
	hw_findings findings;
	int chosen;           /* the selected meeting's index, or -1 */
	int top;              /* the narrow layout's first line shown */
	char error[HW_ERROR_MESSAGE_SIZE];
} week_state;

static hw_date monday_of(hw_date date)
{
	return date - (hw_date_iso_weekday(date) - 1);
}

/* The first meeting on `date`, or -1. */
static int first_on(const week_state *state, hw_date date)
{
	for (int i = 0; i < state->meetings.count; i++)
		if (state->meetings.items[i].date == date)
			return i;
	return -1;
}

static void week_load(ui *app, void *opaque)
{
	week_state *state = opaque;
	int64_t chosen_id = state->chosen >= 0 && state->chosen < state->meetings.count
				    ? state->meetings.items[state->chosen].id
				    : 0;
	state->monday = monday_of(app->selected);
	state->meetings.count = 0;
	state->error[0] = '\0';
	hw_findings_free(&state->findings);
	hw_error error = {0};
	state->meetings.error = &error;
	if (hw_meeting_list(app->session, state->monday, state->monday + 6, ui_meetings_add,
			    &state->meetings, &error) != 0 ||
	    ui_findings(app, state->monday, state->monday + 6, &state->findings, &error) != 0)
		snprintf(state->error, sizeof state->error, "%s", error.message);
	/* The same meeting stays selected after a reload, if it is still on the selected day. */
	state->chosen = first_on(state, app->selected);
	for (int i = 0; chosen_id != 0 && i < state->meetings.count; i++)
		if (state->meetings.items[i].id == chosen_id && state->meetings.items[i].date == app->selected)
			state->chosen = i;
}

static void week_destroy(void *opaque)
{
	week_state *state = opaque;
	ui_meetings_free(&state->meetings);
	hw_findings_free(&state->findings);
	free(state);
}

void *ui_week_new(ui *app)
{
	(void)app;
	week_state *state = calloc(1, sizeof *state);
	if (state != NULL)
		state->chosen = -1;
	return state;
}

static bool flagged(const week_state *state, const hw_meeting *meeting)
{
	return meeting->status != HW_STATUS_CANCELLED &&
	       ui_meeting_has_findings(&state->findings, meeting->id);
}

/* "周一 11-23 休", today in brackets; the day's style. */
static ui_style day_heading(const ui *app, hw_date date, char *out, size_t size)
{
	hw_day_info info = hw_calendar_day(app->session->calendar, date);
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	bool today = date == app->session->today;
	const char *mark = info.provisional			  ? _("Ho?")
			   : info.kind == HW_DAY_HOLIDAY	  ? _("Ho")
			   : info.kind == HW_DAY_MAKEUP_WORKDAY ? _("Wk")
								  : "";
	snprintf(out, size, "%s%s %02d-%02d%s%s%s", today ? "[" : "", hw_weekday_name(date), month, day,
		 today ? "]" : "", mark[0] ? " " : "", mark);
	if (date == app->selected)
		return UI_STYLE_SELECTED;
	return info.kind == HW_DAY_HOLIDAY	       ? UI_STYLE_HOLIDAY
	       : info.kind == HW_DAY_MAKEUP_WORKDAY ? UI_STYLE_MAKEUP
	       : today			       ? UI_STYLE_TODAY
	       : info.kind == HW_DAY_WEEKEND	       ? UI_STYLE_DIM
						       : UI_STYLE_HEADING;
}

/* "09:30–12:00 常" and the short title. */
static void meeting_time(const hw_meeting *meeting, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s %s%s", meeting->start, meeting->end[0] ? "–" : "", meeting->end,
		 ui_type_mark(meeting->type), meeting->status == HW_STATUS_CANCELLED ? _(" (cancelled)") : "");
}

static ui_style meeting_style(const week_state *state, int index)
{
	const hw_meeting *meeting = &state->meetings.items[index];
	return index == state->chosen			    ? UI_STYLE_SELECTED
	       : meeting->status == HW_STATUS_CANCELLED ? UI_STYLE_DIM
							: ui_type_style(meeting->type);
}

/* Wide: seven columns, each day's meetings under its heading, two lines of title each. */
static void draw_columns(ui *app, week_state *state, int top, int height, int width)
{
	int column = (width - 1) / 7;
	for (int d = 0; d < 7; d++) {
		hw_date date = state->monday + d;
		int x = d * column, inner = column - 2;
		char text[HW_TEXT_SIZE + 64];
		ui_style style = day_heading(app, date, text, sizeof text);
		ui_put(app, top, x + 1, inner, style, true, text);
		hw_day_info info = hw_calendar_day(app->session->calendar, date);
		if (info.holiday_name != NULL)
			ui_put(app, top + 1, x + 1, inner,
			       info.kind == HW_DAY_MAKEUP_WORKDAY ? UI_STYLE_MAKEUP : UI_STYLE_HOLIDAY, false,
			       info.holiday_name);
		int y = top + 2, bottom = top + height;
		int first = first_on(state, date);
		for (int i = first; i >= 0 && i < state->meetings.count &&
				    state->meetings.items[i].date == date;
		     i++) {
			const hw_meeting *meeting = &state->meetings.items[i];
			if (y + 2 > bottom) {
				int more = 0;
				for (int j = i; j < state->meetings.count && state->meetings.items[j].date == date; j++)
					more++;
				snprintf(text, sizeof text, "+%d", more);
				ui_put(app, bottom - 1, x + 2, inner - 1, UI_STYLE_DIM, true, text);
				break;
			}
			ui_style chosen_style = meeting_style(state, i);
			ui_put(app, y, x + 1, 1, UI_STYLE_ERROR, true, flagged(state, meeting) ? "!" : " ");
			meeting_time(meeting, text, sizeof text);
			ui_put(app, y, x + 2, inner - 1, chosen_style, true, text);
			char title[HW_TEXT_SIZE], lines[2][512];
			ui_short_title(app, meeting, title, sizeof title);
			int count = ui_wrap(title, inner - 1, lines, 2);
			for (int l = 0; l < count && y + 1 + l < bottom; l++)
				ui_put(app, y + 1 + l, x + 2, inner - 1,
				       i == state->chosen ? UI_STYLE_SELECTED : UI_STYLE_NORMAL, true, lines[l]);
			y += 1 + (count > 0 ? count : 1) + 1;
		}
		if (first < 0)
			ui_put(app, top + 2, x + 2, inner - 1, UI_STYLE_DIM, false, "—");
		if (d < 6)
			for (int line = top; line < bottom; line++)
				mvaddch(line, x + column, '|');
	}
}

/* Narrow: each day a heading line, then a line per meeting; scrolled to the selection. */
static void draw_blocks(ui *app, week_state *state, int top, int height, int width)
{
	/* The lines: a day's heading (meeting -1) or a meeting (its index). */
	int (*lines)[2] = malloc((size_t)(7 + state->meetings.count) * sizeof *lines);
	if (lines == NULL) {
		ui_put(app, top, 1, width - 2, UI_STYLE_ERROR, false, _("out of memory"));
		return;
	}
	int count = 0, selected_line = 0;
	for (int d = 0; d < 7; d++) {
		hw_date date = state->monday + d;
		if (date == app->selected && state->chosen < 0)
			selected_line = count;
		lines[count][0] = d;
		lines[count++][1] = -1;
		for (int i = 0; i < state->meetings.count; i++)
			if (state->meetings.items[i].date == date) {
				if (i == state->chosen)
					selected_line = count;
				lines[count][0] = d;
				lines[count++][1] = i;
			}
	}
	if (selected_line < state->top)
		state->top = selected_line > 0 ? selected_line - 1 : 0;
	if (selected_line >= state->top + height)
		state->top = selected_line - height + 1;
	for (int row = 0; row < height && state->top + row < count; row++) {
		int d = lines[state->top + row][0], index = lines[state->top + row][1];
		hw_date date = state->monday + d;
		int y = top + row;
		char text[HW_TEXT_SIZE + 256];
		/* '>' starts the selected line, as in the lists. */
		if (state->top + row == selected_line)
			ui_put(app, y, 0, 1, UI_STYLE_SELECTED, false, ">");
		if (index < 0) {
			ui_style style = day_heading(app, date, text, sizeof text);
			hw_day_info info = hw_calendar_day(app->session->calendar, date);
			int used = 1 + ui_put(app, y, 1, width / 2, style, false, text);
			if (info.holiday_name != NULL)
				ui_put(app, y, used + 1, width - used - 1,
				       info.kind == HW_DAY_MAKEUP_WORKDAY ? UI_STYLE_MAKEUP : UI_STYLE_HOLIDAY,
				       false, info.holiday_name);
			else if (first_on(state, date) < 0)
				ui_put(app, y, used + 1, width - used - 1, UI_STYLE_DIM, false,
				       _("No meetings."));
			continue;
		}
		const hw_meeting *meeting = &state->meetings.items[index];
		char time[128], title[HW_TEXT_SIZE];
		meeting_time(meeting, time, sizeof time);
		ui_short_title(app, meeting, title, sizeof title);
		snprintf(text, sizeof text, "%s  %s", time, title);
		ui_put(app, y, 2, 1, UI_STYLE_ERROR, true, flagged(state, meeting) ? "!" : " ");
		ui_put(app, y, 4, width - 5, meeting_style(state, index), index == state->chosen, text);
	}
	free(lines);
}

static void week_draw(ui *app, void *opaque, int top, int height, int width)
{
	week_state *state = opaque;
	if (state->error[0]) {
		ui_put(app, top + 1, 1, width - 2, UI_STYLE_ERROR, false, state->error);
		return;
	}
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE], title[256];
	hw_date_format(state->monday, from);
	hw_date_format(state->monday + 6, to);
	snprintf(title, sizeof title, _("Week of %s to %s"), from, to);
	int year = hw_date_year(state->monday);
	if (hw_calendar_year_is_provisional(app->session->calendar, year) ||
	    hw_calendar_year_is_provisional(app->session->calendar, hw_date_year(state->monday + 6)))
		snprintf(title + strlen(title), sizeof title - strlen(title), "%s",
			 _(" · holidays provisional"));
	ui_put(app, top, 1, width - 2, UI_STYLE_HEADING, false, title);
	if (width >= WEEK_COLUMNS_FROM)
		draw_columns(app, state, top + 2, height - 2, width);
	else
		draw_blocks(app, state, top + 2, height - 2, width);
}

/* Selects `date` (loading its week when it is another) and its first meeting. */
static void select_day(ui *app, week_state *state, hw_date date)
{
	if (date < hw_date_from_ymd(HW_DATE_MIN_YEAR, 1, 1) ||
	    date > hw_date_from_ymd(HW_DATE_MAX_YEAR, 12, 31))
		return;
	app->selected = date;
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	app->month = hw_date_from_ymd(year, month, 1);
	if (monday_of(date) != state->monday) {
		state->chosen = -1;
		state->top = 0;
		week_load(app, state);
	}
	state->chosen = first_on(state, date);
}

/* ↑↓: the meeting before or after in the week; the day follows it. */
static void move_meeting(ui *app, week_state *state, int step)
{
	int next;
	if (state->chosen >= 0) {
		next = state->chosen + step;
	} else {
		/* From a day without meetings: the nearest one in that direction. */
		next = -1;
		for (int i = 0; i < state->meetings.count; i++) {
			hw_date date = state->meetings.items[i].date;
			if (step > 0 && date > app->selected && next < 0)
				next = i;
			if (step < 0 && date < app->selected)
				next = i;
		}
	}
	if (next < 0 || next >= state->meetings.count)
		return;
	state->chosen = next;
	app->selected = state->meetings.items[next].date;
}

static bool week_act(ui *app, void *opaque, ui_action action)
{
	week_state *state = opaque;
	const hw_meeting *chosen = state->chosen >= 0 && state->chosen < state->meetings.count
					   ? &state->meetings.items[state->chosen]
					   : NULL;
	switch (action) {
	case UI_LEFT: select_day(app, state, app->selected - 1); return true;
	case UI_RIGHT: select_day(app, state, app->selected + 1); return true;
	case UI_UP: move_meeting(app, state, -1); return true;
	case UI_DOWN: move_meeting(app, state, 1); return true;
	case UI_PAGE_UP: case UI_PREVIOUS_WEEK: select_day(app, state, app->selected - 7); return true;
	case UI_PAGE_DOWN: case UI_NEXT_WEEK: select_day(app, state, app->selected + 7); return true;
	case UI_TODAY: select_day(app, state, app->session->today); return true;
	case UI_GOTO_DATE: {
		hw_date date;
		if (ui_ask_date(app, &date))
			select_day(app, state, date);
		return true;
	}
	case UI_OPEN:
		if (chosen != NULL)
			ui_open_meeting(app, chosen->id);
		else
			ui_say(app, false, "%s", _("No meetings on this day: n makes one."));
		return true;
	case UI_NEW_MEETING:
		ui_edit_action(app, action, NULL, 0, app->selected);
		return true;
	case UI_EDIT_MEETING: case UI_CANCEL_MEETING:
		if (chosen == NULL)
			ui_say(app, true, "%s", _("No meeting on this day."));
		else
			ui_edit_action(app, action, NULL, chosen->id, app->selected);
		return true;
	case UI_VIEW_WEEK: case UI_BACK:
		/* Back to the month, at the day chosen here. */
		ui_pop(app);
		ui_changed(app);
		return true;
	default: return false;
	}
}

const ui_view_ops ui_week_view = {
	.title = N_("Week"),
	.kind = UI_IN_WEEK,
	.load = week_load,
	.draw = week_draw,
	.act = week_act,
	.destroy = week_destroy,
};
