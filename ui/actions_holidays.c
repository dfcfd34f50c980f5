/* The holiday notice from the calendar: asks for the file with the State Council's notice,
 * shows what it read and what it changes, writes the year's holiday file when the clerk says
 * yes, and re-applies the standing series' holiday policies only on a second yes. */
#include <ncurses.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "holiday_changes.h"
#include "i18n.h"
#include "notice.h"
#include "widgets.h"

#define ESC 27

typedef struct text_lines {
	char (*lines)[512];
	int count, capacity;
	int width;
	hw_error *error;
	int changes;
	int series_changes;
} text_lines;

/* Appends `text`, wrapped to the dialog's width. */
static int add_line(const char *text, void *user)
{
	text_lines *text_lines = user;
	char wrapped[16][512];
	int count = ui_wrap(text, text_lines->width, wrapped, 16);
	if (count == 0) {
		count = 1;
		wrapped[0][0] = '\0';
	}
	for (int i = 0; i < count; i++) {
		if (hw_grow((void **)&text_lines->lines, &text_lines->capacity, text_lines->count,
			    sizeof *text_lines->lines, text_lines->error) != 0)
			return -1;
		memcpy(text_lines->lines[text_lines->count++], wrapped[i], sizeof wrapped[i]);
	}
	return 0;
}

static int add_change(const hw_holiday_change *change, void *user)
{
	text_lines *text_lines = user;
	char text[2 * HW_TEXT_SIZE + 4] = "  ";
	hw_holiday_change_describe(change, text + 2, sizeof text - 2);
	text_lines->changes++;
	text_lines->series_changes += change->kind == HW_CHANGE_SERIES_MOVE ||
				      change->kind == HW_CHANGE_SERIES_CANCEL ||
				      change->kind == HW_CHANGE_SERIES_RESTORE;
	return add_line(text, user);
}

/* Shows the lines in a scrolling box and asks `question`; true for yes. */
static bool show_and_ask(ui *app, const char *title, const text_lines *text, const char *question)
{
	int offset = 0;
	for (;;) {
		ui_draw_screen(app);
		int width = text->width + 4;
		int inner = LINES - 6 < text->count ? LINES - 6 : text->count;
		if (inner < 1)
			inner = 1;
		if (!ui_too_small()) {
			int top = (LINES - inner - 4) / 2, left = (COLS - width) / 2;
			ui_popup_box(app, top, left, inner + 4, width, title);
			for (int i = 0; i < inner && offset + i < text->count; i++)
				ui_put(app, top + 1 + i, left + 2, text->width, UI_STYLE_NORMAL, false,
				       text->lines[offset + i]);
			ui_put(app, top + 2 + inner, left + 2, text->width, UI_STYLE_HEADING, false,
			       question);
		}
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		int page = LINES - 6 > 1 ? LINES - 6 : 1;
		if ((is_code && key == KEY_DOWN) || (!is_code && key == 'j'))
			offset++;
		else if ((is_code && key == KEY_UP) || (!is_code && key == 'k'))
			offset--;
		else if ((is_code && key == KEY_NPAGE) || (!is_code && key == ' '))
			offset += page;
		else if (is_code && key == KEY_PPAGE)
			offset -= page;
		else if (!is_code && (key == 'y' || key == 'Y' || key == 'n' || key == 'N' ||
				      key == ESC || key == 'q')) {
			ui_modal_done();
			return key == 'y' || key == 'Y';
		}
		if (offset > text->count - page)
			offset = text->count - page;
		if (offset < 0)
			offset = 0;
	}
}

void ui_holidays_action(ui *app)
{
	char path[4096];
	if (!ui_prompt(app, _("Import the holiday notice"),
		       _("File with the text of the State Council's notice:"), "", path, sizeof path) ||
	    path[0] == '\0')
		return;
	hw_error error = {0};
	hw_notice notice;
	char *file_text = NULL;
	hw_calendar *after = NULL;
	text_lines text = {.width = COLS - 8 > 76 ? 76 : COLS - 8, .error = &error};
	if (text.width < 20)
		text.width = 20;
	if (hw_holidays_read_notice(path, &notice, &file_text, &error) != 0 ||
	    (after = hw_holidays_calendar_after(notice.year, file_text, &error)) == NULL ||
	    hw_notice_describe(&notice, add_line, &text) != 0 ||
	    add_line(_("What it changes:"), &text) != 0 ||
	    hw_holiday_changes(app->session, after, add_change, &text, &error) != 0)
		goto fail;
	if (text.changes == 0 &&
	    add_line(_("  no planned meeting or deadline"), &text) != 0)
		goto fail;
	char title[128];
	snprintf(title, sizeof title, _("The %d holiday arrangement"), notice.year);
	if (!show_and_ask(app, title, &text, _("Write it as this year's holiday file? y: yes   n: no"))) {
		ui_say(app, false, "%s", _("Nothing written."));
		goto done;
	}
	char written[4096];
	if (hw_holidays_write(app->session, &notice, file_text, written, sizeof written, &error) != 0)
		goto fail;
	/* From now on the session counts with the new arrangement. */
	hw_calendar *reloaded = hw_calendar_load_default(&error);
	if (reloaded == NULL)
		goto fail;
	int changed = 0;
	bool reapply = text.series_changes > 0 &&
		       ui_confirm(app, _("Re-apply the standing series' holiday policies as listed "
					 "(move or cancel their meetings)?"));
	if (reapply && hw_series_reapply(app->session, after, &changed, &error) != 0) {
		hw_calendar_free(reloaded);
		goto fail;
	}
	hw_calendar_free(app->session->calendar);
	app->session->calendar = reloaded;
	ui_changed(app);
	if (reapply)
		ui_say(app, false, _("Wrote %s; %d series meetings re-placed."), written, changed);
	else
		ui_say(app, false, _("Wrote %s."), written);
	goto done;
fail:
	ui_say(app, true, "%s", error.message);
done:
	free(text.lines);
	hw_calendar_free(after);
	hw_notice_free(&notice);
	free(file_text);
}
