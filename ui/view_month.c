/* The month calendar: six weeks from the Monday before the 1st, each day with its meetings
 * marked by type, '!' where a meeting has findings, today in brackets, holidays 休 and
 * make-up workdays 班; the selected day's meetings listed beside it. From 120 columns on the
 * cells widen and each lists its meetings' start times and short titles, as many as fit, then
 * "+N". Only the six shown weeks are read (and the findings judged for them). */
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

#define GRID_DAYS 42
#define CELL_WIDTH 7
#define WEEK_LINES 3
/* From this width on, each cell shows its meetings' times and titles. */
#define WIDE_COLUMNS 120
/* The day's list beside a wide grid. */
#define WIDE_LIST_WIDTH 30

typedef struct month_state {
	hw_date first; /* the grid's first day (a Monday) */
	ui_meetings meetings; /* of the six weeks, by date and time */
	hw_findings findings;
	bool focus_list; /* the day's meetings rather than the days */
	int list_selected;
	char error[HW_ERROR_MESSAGE_SIZE];
} month_state;

static void month_load(ui *app, void *opaque)
{
	month_state *state = opaque;
	int year, month, day;
	hw_date_to_ymd(app->selected, &year, &month, &day);
	app->month = hw_date_from_ymd(year, month, 1);
	state->first = app->month - (hw_date_iso_weekday(app->month) - 1);
	state->meetings.count = 0;
	state->error[0] = '\0';
	hw_findings_free(&state->findings);
	hw_error error = {0};
	state->meetings.error = &error;
	if (hw_meeting_list(app->session, state->first, state->first + GRID_DAYS - 1, ui_meetings_add,
			    &state->meetings, &error) != 0 ||
	    ui_findings(app, state->first, state->first + GRID_DAYS - 1, &state->findings, &error) != 0)
		snprintf(state->error, sizeof state->error, "%s", error.message);
}

static void month_destroy(void *opaque)
{
	month_state *state = opaque;
	ui_meetings_free(&state->meetings);
	hw_findings_free(&state->findings);
	free(state);
}

void *ui_month_new(ui *app)
{
	(void)app;
	return calloc(1, sizeof(month_state));
}

/* The meetings of one day: their index range in the date-ordered array. */
static int day_meetings(const month_state *state, hw_date date, int *first)
{
	int count = 0;
	*first = -1;
	for (int i = 0; i < state->meetings.count; i++)
		if (state->meetings.items[i].date == date) {
			if (*first < 0)
				*first = i;
			count++;
		}
	return count;
}

static bool flagged(const month_state *state, const hw_meeting *meeting)
{
	return meeting->status != HW_STATUS_CANCELLED &&
	       ui_meeting_has_findings(&state->findings, meeting->id);
}

/* A wide cell's meetings below the day's number, as many as `lines` allow, the last line
 * "+N" when more do not fit: "!09:30 title" fitted to the cell, or where there is room two
 * lines, "!09:30 常" (time and type mark) above the title. */
static void draw_wide_meetings(ui *app, const month_state *state, hw_date date, int y, int x,
			       int cell_width, int lines)
{
	int first, count = day_meetings(state, date, &first);
	int shown = count <= lines ? count : lines - 1;
	int each = shown > 0 && lines / shown >= 2 ? 2 : 1;
	int width = cell_width - 3;
	for (int i = 0; i < shown; i++) {
		const hw_meeting *meeting = &state->meetings.items[first + i];
		char title[HW_TEXT_SIZE], line[HW_TEXT_SIZE + 16];
		ui_short_title(app, meeting, title, sizeof title);
		ui_style style = meeting->status == HW_STATUS_CANCELLED ? UI_STYLE_DIM
									 : ui_type_style(meeting->type);
		int row = y + 1 + i * each;
		ui_put(app, row, x + 1, 1, UI_STYLE_ERROR, true, flagged(state, meeting) ? "!" : " ");
		if (each == 2) {
			snprintf(line, sizeof line, "%s %s", meeting->start, ui_type_mark(meeting->type));
			ui_put(app, row, x + 2, width, style, true, line);
			ui_put(app, row + 1, x + 2, width, style, true, title);
		} else {
			snprintf(line, sizeof line, "%s %s", meeting->start, title);
			ui_put(app, row, x + 2, width, style, true, line);
		}
	}
	if (shown < count) {
		char more[16];
		snprintf(more, sizeof more, "+%d", count - shown);
		bool any_flag = false;
		for (int i = shown; i < count; i++)
			any_flag |= flagged(state, &state->meetings.items[first + i]);
		int row = y + 1 + shown * each;
		ui_put(app, row, x + 1, 1, UI_STYLE_ERROR, true, any_flag ? "!" : " ");
		ui_put(app, row, x + 2, width, UI_STYLE_DIM, true, more);
	}
}

static void draw_cell(ui *app, const month_state *state, hw_date date, int y, int x,
		      int cell_width, int week_lines)
{
	const hw_session *session = app->session;
	hw_day_info info = hw_calendar_day(session->calendar, date);
	int year, month, day, shown_year, shown_month, first_day;
	hw_date_to_ymd(date, &year, &month, &day);
	hw_date_to_ymd(app->month, &shown_year, &shown_month, &first_day);
	bool in_month = year == shown_year && month == shown_month;
	bool today = date == session->today, selected = date == app->selected;

	char number[16];
	if (info.provisional) /* the number gives a column to the mark's '?' */
		snprintf(number, sizeof number, "%s%2d", today ? "[" : " ", day);
	else
		snprintf(number, sizeof number, "%s%2d%s", today ? "[" : " ", day, today ? "]" : " ");
	ui_style style = !in_month ? UI_STYLE_DIM
			 : info.kind == HW_DAY_HOLIDAY ? UI_STYLE_HOLIDAY
			 : today ? UI_STYLE_TODAY
				 : UI_STYLE_NORMAL;
	if (selected)
		style = state->focus_list ? UI_STYLE_HEADING : UI_STYLE_SELECTED;
	ui_put(app, y, x + 1, info.provisional ? 3 : 4, style, true, number);
	if (info.provisional)
		/* TRANSLATORS: three columns: a statutory holiday of a year whose arrangement is
		 * not published yet */
		ui_put(app, y, x + 4, 3, UI_STYLE_HOLIDAY, true, _("Ho?"));
	else if (info.kind == HW_DAY_HOLIDAY)
		/* TRANSLATORS: two columns: a public holiday in the calendar */
		ui_put(app, y, x + 5, 2, UI_STYLE_HOLIDAY, true, _("Ho"));
	else if (info.kind == HW_DAY_MAKEUP_WORKDAY)
		/* TRANSLATORS: two columns: a weekend day made a working day */
		ui_put(app, y, x + 5, 2, UI_STYLE_MAKEUP, true, _("Wk"));

	if (cell_width > CELL_WIDTH) {
		draw_wide_meetings(app, state, date, y, x, cell_width, week_lines - 1);
		return;
	}
	int first, count = day_meetings(state, date, &first);
	bool any_flag = false;
	for (int i = 0; i < count; i++) {
		const hw_meeting *meeting = &state->meetings.items[first + i];
		any_flag |= flagged(state, meeting);
		if (i < 3)
			ui_put(app, y + 1, x + 1 + 2 * i, 2,
			       meeting->status == HW_STATUS_CANCELLED ? UI_STYLE_DIM : ui_type_style(meeting->type),
			       true, ui_type_mark(meeting->type));
	}
	char more[16] = "";
	if (count > 3)
		snprintf(more, sizeof more, "+%d", count - 3);
	ui_put(app, y + 2, x + 1, 3, UI_STYLE_DIM, false, more);
	if (any_flag)
		ui_put(app, y + 2, x + 5, 1, UI_STYLE_ERROR, false, "!");
}

static void draw_day_list(ui *app, month_state *state, int top, int height, int left, int width)
{
	hw_day_info info = hw_calendar_day(app->session->calendar, app->selected);
	char date[HW_DATE_TEXT_SIZE], heading[512];
	hw_date_format(app->selected, date);
	const char *kind = info.provisional ? _("provisional holiday")
			   : info.kind == HW_DAY_HOLIDAY	       ? _("holiday")
			   : info.kind == HW_DAY_MAKEUP_WORKDAY ? _("make-up workday")
			   : info.kind == HW_DAY_WEEKEND	       ? _("weekend")
							       : "";
	snprintf(heading, sizeof heading, "%s %s", date, hw_weekday_name(app->selected));
	ui_put(app, top, left, width, UI_STYLE_HEADING, false, heading);
	snprintf(heading, sizeof heading, "%s%s%s", kind, info.holiday_name ? " " : "",
		 info.holiday_name ? info.holiday_name : "");
	ui_put(app, top + 1, left, width,
	       info.kind == HW_DAY_HOLIDAY	       ? UI_STYLE_HOLIDAY
	       : info.kind == HW_DAY_MAKEUP_WORKDAY ? UI_STYLE_MAKEUP
						    : UI_STYLE_DIM,
	       false, heading);
	if (!info.year_has_data) {
		char note[256];
		if (hw_calendar_year_is_provisional(app->session->calendar, hw_date_year(app->selected)))
			snprintf(note, sizeof note, _("%d: holidays provisional"),
				 hw_date_year(app->selected));
		else
			snprintf(note, sizeof note, _("no holiday data for %d: Mon–Fri count"),
				 hw_date_year(app->selected));
		ui_put(app, top + 2, left, width, UI_STYLE_WARNING, false, note);
	}
	int first, count = day_meetings(state, app->selected, &first);
	if (count == 0) {
		ui_put(app, top + 3, left, width, UI_STYLE_DIM, false, _("No meetings."));
		return;
	}
	if (state->list_selected >= count)
		state->list_selected = count - 1;
	int y = top + 3, bottom = top + height - 1; /* the last line is for the hint */
	for (int i = 0; i < count; i++) {
		if (y + 1 >= bottom) {
			char more[64];
			snprintf(more, sizeof more, _("%d more: Tab, then ↓"), count - i);
			ui_put(app, bottom - 1, left, width, UI_STYLE_DIM, false, more);
			break;
		}
		const hw_meeting *meeting = &state->meetings.items[first + i];
		bool chosen = state->focus_list && i == state->list_selected;
		char line[600];
		snprintf(line, sizeof line, "%s%s%s %s #%lld%s", meeting->start, meeting->end[0] ? "–" : "",
			 meeting->end, ui_type_mark(meeting->type), (long long)meeting->id,
			 meeting->status == HW_STATUS_CANCELLED ? _(" (cancelled)") : "");
		ui_put(app, y, left, 1, UI_STYLE_ERROR, true, flagged(state, meeting) ? "!" : " ");
		ui_put(app, y, left + 1, width - 1,
		       chosen ? UI_STYLE_SELECTED
		       : meeting->status == HW_STATUS_CANCELLED ? UI_STYLE_DIM
								 : ui_type_style(meeting->type),
		       chosen, line);
		/* The title over up to two lines, then a blank line where there is room. */
		char title[2][512];
		int lines = ui_wrap(meeting->title, width - 3, title, 2);
		for (int l = 0; l < lines && y + 1 + l < bottom; l++)
			ui_put(app, y + 1 + l, left + 3, width - 3,
			       chosen ? UI_STYLE_SELECTED : UI_STYLE_NORMAL, chosen, title[l]);
		y += 1 + (lines > 0 ? lines : 1) + 1;
	}
	if (!state->focus_list)
		ui_put(app, top + height - 1, left, width, UI_STYLE_DIM, false,
		       count == 1 ? _("Enter: open the meeting") : _("Enter or Tab: choose a meeting"));
}

static void month_draw(ui *app, void *opaque, int top, int height, int width)
{
	month_state *state = opaque;
	if (state->error[0]) {
		ui_put(app, top + 1, 1, width - 2, UI_STYLE_ERROR, false, state->error);
		return;
	}
	int year, month, day;
	hw_date_to_ymd(app->month, &year, &month, &day);
	char title[160];
	snprintf(title, sizeof title, _("%d-%02d"), year, month);
	/* The month's year without a published arrangement: its holidays may still move. */
	if (hw_calendar_year_is_provisional(app->session->calendar, year))
		snprintf(title + strlen(title), sizeof title - strlen(title), "%s",
			 _(" · holidays provisional"));
	else if (!hw_calendar_year_has_data(app->session->calendar, year))
		snprintf(title + strlen(title), sizeof title - strlen(title), "%s",
			 _(" · no holiday data"));
	/* Wide: the cells take what the day's list leaves, and the weeks the lines there are. */
	bool wide = width >= WIDE_COLUMNS;
	int cell_width = wide ? (width - WIDE_LIST_WIDTH - 3) / 7 : CELL_WIDTH;
	int grid_width = 7 * cell_width;
	int week_lines = wide ? (height - 2) / 6 : WEEK_LINES;
	if (week_lines < WEEK_LINES)
		week_lines = WEEK_LINES;
	int title_width = hw_text_width(title);
	ui_put(app, top, (grid_width - title_width) / 2, title_width, UI_STYLE_HEADING, false, title);
	for (int weekday = 0; weekday < 7; weekday++)
		ui_put(app, top + 1, weekday * cell_width + 2, cell_width - 2,
		       weekday >= 5 ? UI_STYLE_HOLIDAY : UI_STYLE_HEADING, false,
		       hw_weekday_name(state->first + weekday));
	int weeks = (height - 2) / week_lines;
	if (weeks > 6)
		weeks = 6;
	for (int week = 0; week < weeks; week++)
		for (int weekday = 0; weekday < 7; weekday++)
			draw_cell(app, state, state->first + week * 7 + weekday,
				  top + 2 + week * week_lines, weekday * cell_width, cell_width, week_lines);
	for (int y = top; y < top + height; y++)
		mvaddch(y, grid_width + 1, '|');
	draw_day_list(app, state, top, height, grid_width + 3, width - grid_width - 3);
}

static const hw_meeting *chosen_meeting(month_state *state, hw_date date)
{
	int first, count = day_meetings(state, date, &first);
	if (count == 0)
		return NULL;
	if (count == 1)
		return &state->meetings.items[first];
	return state->focus_list ? &state->meetings.items[first + state->list_selected] : NULL;
}

static void select_day(ui *app, month_state *state, hw_date date)
{
	if (date < hw_date_from_ymd(HW_DATE_MIN_YEAR, 1, 1) ||
	    date > hw_date_from_ymd(HW_DATE_MAX_YEAR, 12, 31))
		return;
	hw_date old_month = app->month;
	app->selected = date;
	state->focus_list = false;
	state->list_selected = 0;
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	if (hw_date_from_ymd(year, month, 1) != old_month)
		month_load(app, state);
}

static hw_date add_months(hw_date date, int months)
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	int index = year * 12 + (month - 1) + months;
	year = index / 12;
	month = index % 12 + 1;
	int last = hw_days_in_month(year, month);
	return hw_date_from_ymd(year, month, day > last ? last : day);
}

static bool month_act(ui *app, void *opaque, ui_action action)
{
	month_state *state = opaque;
	int first, count = day_meetings(state, app->selected, &first);
	if (state->focus_list) {
		switch (action) {
		case UI_UP: if (state->list_selected > 0) state->list_selected--; return true;
		case UI_DOWN: if (state->list_selected + 1 < count) state->list_selected++; return true;
		case UI_BACK: case UI_NEXT_SECTION: state->focus_list = false; return true;
		default: break;
		}
	}
	switch (action) {
	case UI_LEFT: select_day(app, state, app->selected - 1); return true;
	case UI_RIGHT: select_day(app, state, app->selected + 1); return true;
	case UI_UP: select_day(app, state, app->selected - 7); return true;
	case UI_DOWN: select_day(app, state, app->selected + 7); return true;
	case UI_PAGE_UP: case UI_PREVIOUS_MONTH: select_day(app, state, add_months(app->selected, -1)); return true;
	case UI_PAGE_DOWN: case UI_NEXT_MONTH: select_day(app, state, add_months(app->selected, 1)); return true;
	case UI_TODAY: select_day(app, state, app->session->today); return true;
	case UI_GOTO_DATE: {
		hw_date date;
		if (ui_ask_date(app, &date))
			select_day(app, state, date);
		return true;
	}
	case UI_NEXT_SECTION:
		if (count > 0)
			state->focus_list = true;
		return true;
	case UI_OPEN: {
		const hw_meeting *meeting = chosen_meeting(state, app->selected);
		if (meeting != NULL)
			ui_open_meeting(app, meeting->id);
		else if (count > 1)
			state->focus_list = true;
		else
			ui_say(app, false, "%s", _("No meetings on this day: n makes one."));
		return true;
	}
	case UI_VIEW_WEEK:
		ui_push(app, &ui_week_view, ui_week_new(app));
		return true;
	case UI_NEW_MEETING: case UI_NEW_SERIES: case UI_EXPORT: case UI_IMPORT_HOLIDAYS:
		ui_edit_action(app, action, NULL, 0, app->selected);
		return true;
	case UI_EDIT_MEETING: case UI_CANCEL_MEETING: {
		const hw_meeting *meeting = chosen_meeting(state, app->selected);
		if (meeting == NULL) {
			if (count > 1)
				state->focus_list = true;
			ui_say(app, true, "%s", count > 1 ? _("Choose one of the day's meetings first.")
							  : _("No meeting on this day."));
			return true;
		}
		ui_edit_action(app, action, NULL, meeting->id, app->selected);
		return true;
	}
	default: return false;
	}
}

const ui_view_ops ui_month_view = {
	.title = N_("Calendar"),
	.kind = UI_IN_MONTH,
	.load = month_load,
	.draw = month_draw,
	.act = month_act,
	.destroy = month_destroy,
};
