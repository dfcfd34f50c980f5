/* Forms: a field per line, each checked as the cursor leaves it (a date must be a date, a
 * time a time, a required field filled, and whatever the form's own check adds), and the
 * whole submitted to the core, whose refusal — with the rule and clause — stays on screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "meetings.h"
#include "session.h"
#include "text_width.h"
#include "ui.h"
#include "widgets.h"
#include "workdays.h"

#define ESC 27
/* A date field's columns, a space included; its hint follows. */
#define DATE_COLUMNS 12

const char *ui_field_value(const ui_field *field)
{
	if (field->kind == UI_FIELD_CHOICE) {
		if (field->choice < 0 || field->choice >= field->choice_count)
			return NULL;
		const char *value = field->choice_values[field->choice];
		return value && value[0] ? value : NULL;
	}
	return field->value[0] ? field->value : NULL;
}

void ui_field_set_choices(ui_field *field, const char *const *labels, const char *const *values,
			  int count, int choice)
{
	field->kind = UI_FIELD_CHOICE;
	field->choice_labels = labels;
	field->choice_values = values;
	field->choice_count = count;
	field->choice = choice >= 0 && choice < count ? choice : 0;
}

/* What a planned date must say (ui_field.plans); the questions are the calendar's. */
static void note_planned_date(ui *app, ui_field *field, hw_date date)
{
	const hw_calendar *calendar = app->session->calendar;
	char note[512];
	int year = hw_date_year(date);
	if (hw_calendar_provisional_holiday_note(calendar, date, note, sizeof note))
		snprintf(field->notice, sizeof field->notice, _("%s: %s"), field->label, note);
	else if (hw_calendar_year_is_provisional(calendar, year))
		snprintf(field->notice, sizeof field->notice,
			 _("%s: the %d arrangement is not published yet: its holidays are provisional "
			   "and its make-up working days unknown"),
			 field->label, year);
	else if (!hw_calendar_year_has_data(calendar, year))
		snprintf(field->notice, sizeof field->notice,
			 _("%s: there is no holiday data for %d: Monday to Friday count as working days"),
			 field->label, year);
}

/* What shows beside a date field as it is typed: the weekday, and a holiday 休 (休? when
 * provisional) or a make-up working day 班 with its name, or a weekend's 休息日; and whether
 * the year's holidays are provisional or unknown. Returns the style to show it in. */
static ui_style date_hint(const ui *app, hw_date date, char *out, size_t size)
{
	static const char *const weekdays[7] = {N_("Monday"), N_("Tuesday"), N_("Wednesday"),
						N_("Thursday"), N_("Friday"), N_("Saturday"),
						N_("Sunday")};
	const hw_calendar *calendar = app->session->calendar;
	hw_day_info info = hw_calendar_day(calendar, date);
	const char *weekday = _(weekdays[hw_date_iso_weekday(date) - 1]);
	char kind[256] = "";
	ui_style style = UI_STYLE_DIM;
	if (info.kind == HW_DAY_HOLIDAY) {
		snprintf(kind, sizeof kind, _("%s: %s"), info.provisional ? _("Ho?") : _("Ho"),
			 info.holiday_name ? info.holiday_name : "");
		style = UI_STYLE_HOLIDAY;
	} else if (info.kind == HW_DAY_MAKEUP_WORKDAY) {
		snprintf(kind, sizeof kind, _("%s: %s"), _("Wk"), info.holiday_name ? info.holiday_name : "");
		style = UI_STYLE_MAKEUP;
	} else if (info.kind == HW_DAY_WEEKEND) {
		snprintf(kind, sizeof kind, "%s", _("a day off"));
	}
	int year = hw_date_year(date);
	const char *year_note = hw_calendar_year_is_provisional(calendar, year) ? _(" · holidays provisional")
				: !hw_calendar_year_has_data(calendar, year) ? _(" · no holiday data")
									       : "";
	snprintf(out, size, "%s%s%s%s", weekday, kind[0] ? " " : "", kind, year_note);
	return style;
}

/* The form's own checks, then the caller's. */
static bool check_field(ui *app, ui_form *form, int index)
{
	ui_field *field = &form->fields[index];
	field->error[0] = '\0';
	field->notice[0] = '\0';
	const char *value = ui_field_value(field);
	if (value == NULL) {
		if (field->required)
			snprintf(field->error, sizeof field->error, _("%s: required"), field->label);
	} else if (field->kind == UI_FIELD_DATE) {
		hw_date date;
		if (!hw_date_parse(value, &date))
			snprintf(field->error, sizeof field->error,
				 _("%s: '%s' is not a date (YYYY-MM-DD)"), field->label, value);
		else if (field->plans)
			note_planned_date(app, field, date);
	} else if (field->kind == UI_FIELD_TIME) {
		if (!hw_time_valid(value))
			snprintf(field->error, sizeof field->error,
				 _("%s: '%s' is not a time (HH:MM)"), field->label, value);
	}
	if (field->error[0] == '\0' && form->check)
		form->check(app, form, index, form->user);
	return field->error[0] == '\0';
}

static void draw_form(ui *app, ui_form *form, int current, ui_line *line, const char *failure)
{
	ui_draw_screen(app);
	if (ui_too_small())
		return;
	int label_width = 0;
	for (int i = 0; i < form->count; i++) {
		int w = hw_text_width(form->fields[i].label);
		if (w > label_width)
			label_width = w;
	}
	int inner = COLS - 6 > 74 ? 74 : COLS - 6;
	char message_lines[5][512];
	const char *message = failure[0] ? failure : form->fields[current].error;
	ui_style message_style = UI_STYLE_ERROR;
	/* With nothing wrong, a planned date's notice stays in view after the cursor moves on. */
	for (int i = 0; i < form->count && message[0] == '\0'; i++)
		if (form->fields[i].notice[0]) {
			message = form->fields[i].notice;
			message_style = UI_STYLE_WARNING;
		}
	int message_count = ui_wrap(message, inner, message_lines, 5);
	int height = form->count + 2 + 5 + 2;
	if (height > LINES)
		height = LINES;
	int top = (LINES - height) / 2, left = (COLS - inner - 4) / 2;
	ui_popup_box(app, top, left, height, inner + 4, form->title);
	int value_x = left + 2 + label_width + 2, value_width = inner - label_width - 2;
	for (int i = 0; i < form->count && 1 + i < height - 8; i++) {
		ui_field *field = &form->fields[i];
		int y = top + 1 + i;
		char label[300];
		snprintf(label, sizeof label, "%s%s", field->label, field->required ? "*" : "");
		ui_put(app, y, left + 2, label_width + 1,
		       field->error[0] ? UI_STYLE_ERROR : UI_STYLE_NORMAL, true, label);
		if (field->kind == UI_FIELD_CHOICE) {
			char shown[600];
			const char *choice = field->choice_count > 0 ? field->choice_labels[field->choice] : "";
			snprintf(shown, sizeof shown, "‹ %s ›", choice);
			ui_put(app, y, value_x, value_width,
			       i == current ? UI_STYLE_SELECTED : UI_STYLE_NORMAL, true, shown);
		} else if (i != current) {
			ui_put(app, y, value_x, value_width, UI_STYLE_NORMAL, true, field->value);
		}
		hw_date date;
		if (field->kind == UI_FIELD_DATE && hw_date_parse(field->value, &date)) {
			char hint[512];
			ui_style style = date_hint(app, date, hint, sizeof hint);
			ui_put(app, y, value_x + DATE_COLUMNS, value_width - DATE_COLUMNS, style, true, hint);
		}
	}
	for (int i = 0; i < message_count; i++)
		ui_put(app, top + height - 7 + i, left + 2, inner, message_style, false,
		       message_lines[i]);
	ui_put(app, top + height - 2, left + 2, inner, UI_STYLE_DIM, false,
	       form->fields[current].kind == UI_FIELD_CHOICE
		       ? _("←→: change  Space: list  Tab/Enter: next  Ctrl-S: save  Esc: cancel")
		       : _("Tab/Enter: next  ↑: previous  Ctrl-S: save  Esc: cancel"));
	if (form->fields[current].kind != UI_FIELD_CHOICE) {
		curs_set(1);
		/* A date leaves the rest of its line to the hint beside it. */
		ui_line_draw(app, line, top + 1 + current, value_x,
			     form->fields[current].kind == UI_FIELD_DATE ? DATE_COLUMNS - 1 : value_width,
			     true);
	} else {
		curs_set(0);
	}
}

/* What each field held as the form opened (NULL for empty), to tell a filled form from an
 * untouched one when it is cancelled. A copy that fails counts as changed. */
static char **form_snapshot(const ui_form *form)
{
	char **values = calloc((size_t)form->count, sizeof *values);
	for (int i = 0; values != NULL && i < form->count; i++) {
		const char *value = ui_field_value(&form->fields[i]);
		values[i] = value ? strdup(value) : NULL;
	}
	return values;
}

static bool form_changed(const ui_form *form, char **snapshot)
{
	if (snapshot == NULL)
		return true;
	for (int i = 0; i < form->count; i++) {
		const char *value = ui_field_value(&form->fields[i]);
		const char *before = snapshot[i];
		if ((value == NULL) != (before == NULL) || (value && strcmp(value, before) != 0))
			return true;
	}
	return false;
}

static void form_snapshot_free(const ui_form *form, char **snapshot)
{
	for (int i = 0; snapshot != NULL && i < form->count; i++)
		free(snapshot[i]);
	free(snapshot);
}

bool ui_form_run(ui *app, ui_form *form)
{
	char **snapshot = form_snapshot(form);
	/* A planned date the form opens with (the selected day) says at once what it would. */
	for (int i = 0; i < form->count; i++) {
		hw_date date;
		ui_field *field = &form->fields[i];
		if (field->plans && hw_date_parse(field->value, &date))
			note_planned_date(app, field, date);
	}
	int current = 0;
	ui_line line;
	ui_line_set(&line, form->fields[0].value, sizeof form->fields[0].value);
	char failure[HW_ERROR_MESSAGE_SIZE] = "";
	bool submitted = false;
	for (;;) {
		draw_form(app, form, current, &line, failure);
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		ui_field *field = &form->fields[current];
		ui_line_result result;
		if (field->kind == UI_FIELD_CHOICE) {
			result = UI_LINE_EDITING;
			if (is_code && (key == KEY_LEFT || key == KEY_RIGHT) && field->choice_count > 0) {
				int step = key == KEY_LEFT ? -1 : 1;
				field->choice = (field->choice + step + field->choice_count) % field->choice_count;
			} else if (!is_code && key == ' ') {
				int picked = ui_pick(app, field->label, field->choice_labels,
						     field->choice_count, field->choice);
				if (picked >= 0)
					field->choice = picked;
			} else if (is_code && (key == KEY_UP || key == KEY_BTAB)) {
				result = UI_LINE_PREVIOUS;
			} else if ((is_code && (key == KEY_DOWN || key == KEY_ENTER)) ||
				   (!is_code && (key == '\t' || key == '\n' || key == '\r'))) {
				result = key == '\t' || key == KEY_DOWN ? UI_LINE_NEXT : UI_LINE_ENTER;
			} else if (!is_code && key == ESC) {
				result = UI_LINE_CANCEL;
			} else if (!is_code && key == UI_CTRL('s')) {
				result = UI_LINE_SUBMIT;
			}
		} else {
			result = ui_line_key(&line, is_code, key);
			ui_line_get(&line, field->value, sizeof field->value);
		}
		if (result == UI_LINE_EDITING)
			continue;
		/* Esc on a form the clerk filled asks before the typing is lost. */
		if (result == UI_LINE_CANCEL) {
			if (!form_changed(form, snapshot) ||
			    ui_confirm(app, _("Discard what was entered in this form?")))
				break;
			continue;
		}
		failure[0] = '\0';
		/* Leaving a field (or submitting) checks it; a wrong field keeps the cursor. */
		if (!check_field(app, form, current))
			continue;
		int next = current;
		if (result == UI_LINE_PREVIOUS)
			next = current > 0 ? current - 1 : current;
		else if (result == UI_LINE_NEXT || (result == UI_LINE_ENTER && current + 1 < form->count))
			next = current + 1 < form->count ? current + 1 : 0;
		else {
			/* Submit: every field once more, then the core. */
			int wrong = -1;
			for (int i = 0; i < form->count && wrong < 0; i++)
				if (!check_field(app, form, i))
					wrong = i;
			if (wrong >= 0) {
				next = wrong;
			} else {
				hw_error error = {0};
				if (form->submit(app, form, form->user, &error) == 0) {
					submitted = true;
					break;
				}
				snprintf(failure, sizeof failure, "%s", error.message);
			}
		}
		if (next != current) {
			current = next;
			ui_line_set(&line, form->fields[current].value, sizeof form->fields[current].value);
		}
	}
	form_snapshot_free(form, snapshot);
	ui_modal_done();
	return submitted;
}
