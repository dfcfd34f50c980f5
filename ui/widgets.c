/* Modal widgets: the line editor (wide characters in, whole characters out), yes/no
 * questions, one-line prompts and the picker. Each runs its own small loop over
 * ui_read_key, redrawing the screen beneath it, so resizing works inside them too. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "text_width.h"
#include "ui.h"
#include "widgets.h"

#define ESC 27

/* ---- the line editor ---- */

/* The bytes the line's text takes in UTF-8. */
static size_t line_bytes(const ui_line *line)
{
	size_t total = 0;
	char buffer[MB_LEN_MAX];
	mbstate_t state = {0};
	for (int i = 0; i < line->length; i++) {
		size_t length = wcrtomb(buffer, line->text[i], &state);
		total += length == (size_t)-1 ? 1 : length;
	}
	return total;
}

void ui_line_set(ui_line *line, const char *text, size_t limit)
{
	line->limit = limit;
	mbstate_t state = {0};
	const char *source = text ? text : "";
	size_t count = mbsrtowcs(line->text, &source, UI_LINE_MAX - 1, &state);
	if (count == (size_t)-1)
		count = 0;
	line->text[count] = L'\0';
	line->length = (int)count;
	line->cursor = line->length;
}

void ui_line_get(const ui_line *line, char *out, size_t size)
{
	mbstate_t state = {0};
	const wchar_t *source = line->text;
	size_t written = wcsrtombs(out, &source, size - 1, &state);
	if (written == (size_t)-1)
		written = 0;
	out[written] = '\0';
}

ui_line_result ui_line_key(ui_line *line, bool is_code, wint_t key)
{
	if (is_code) {
		switch (key) {
		case KEY_LEFT: if (line->cursor > 0) line->cursor--; return UI_LINE_EDITING;
		case KEY_RIGHT: if (line->cursor < line->length) line->cursor++; return UI_LINE_EDITING;
		case KEY_HOME: line->cursor = 0; return UI_LINE_EDITING;
		case KEY_END: line->cursor = line->length; return UI_LINE_EDITING;
		case KEY_BACKSPACE:
		case KEY_DC:
			/* Backspace deletes the character before the cursor, Delete the one under it. */
			if (key == KEY_BACKSPACE) {
				if (line->cursor == 0)
					return UI_LINE_EDITING;
				line->cursor--;
			}
			if (line->cursor < line->length) {
				wmemmove(&line->text[line->cursor], &line->text[line->cursor + 1],
					 (size_t)(line->length - line->cursor));
				line->length--;
			}
			return UI_LINE_EDITING;
		case KEY_ENTER: return UI_LINE_ENTER;
		case KEY_UP: case KEY_BTAB: return UI_LINE_PREVIOUS;
		case KEY_DOWN: return UI_LINE_NEXT;
		default: return UI_LINE_EDITING;
		}
	}
	switch (key) {
	case '\n': case '\r': return UI_LINE_ENTER;
	case '\t': return UI_LINE_NEXT;
	case ESC: return UI_LINE_CANCEL;
	case 127: case 8: /* Backspace as DEL or ^H */
		return ui_line_key(line, true, KEY_BACKSPACE);
	case UI_CTRL('a'): line->cursor = 0; return UI_LINE_EDITING;
	case UI_CTRL('e'): line->cursor = line->length; return UI_LINE_EDITING;
	case UI_CTRL('u'): line->length = line->cursor = 0; line->text[0] = L'\0'; return UI_LINE_EDITING;
	case UI_CTRL('s'): return UI_LINE_SUBMIT;
	default: break;
	}
	/* Printable characters (an input method's Chinese arrives here whole). */
	char encoded[MB_LEN_MAX];
	mbstate_t state = {0};
	size_t bytes = wcrtomb(encoded, (wchar_t)key, &state);
	if (key < 0x20 || (key >= 0x7f && key < 0xa0) || wcwidth((wchar_t)key) < 0 ||
	    bytes == (size_t)-1 || line->length >= UI_LINE_MAX - 1 ||
	    line_bytes(line) + bytes + 1 > line->limit)
		return UI_LINE_EDITING;
	wmemmove(&line->text[line->cursor + 1], &line->text[line->cursor],
		 (size_t)(line->length - line->cursor + 1));
	line->text[line->cursor++] = (wchar_t)key;
	line->length++;
	return UI_LINE_EDITING;
}

void ui_line_draw(const ui *app, ui_line *line, int y, int x, int width, bool focused)
{
	/* Scroll by columns so the cursor stays visible. */
	int cursor_column = 0;
	for (int i = 0; i < line->cursor; i++)
		cursor_column += wcwidth(line->text[i]) > 0 ? wcwidth(line->text[i]) : 0;
	int first = 0, skipped = 0;
	while (cursor_column - skipped > width - 1 && first < line->cursor) {
		int w = wcwidth(line->text[first]);
		skipped += w > 0 ? w : 0;
		first++;
	}
	char visible[UI_LINE_MAX * 4 + 1]; /* UTF-8 takes at most 4 bytes a character */
	mbstate_t state = {0};
	const wchar_t *source = &line->text[first];
	size_t written = wcsrtombs(visible, &source, sizeof visible - 1, &state);
	visible[written == (size_t)-1 ? 0 : written] = '\0';
	ui_put(app, y, x, width, focused ? UI_STYLE_SELECTED : UI_STYLE_NORMAL, true, visible);
	if (focused)
		move(y, x + cursor_column - skipped);
}

/* ---- wrapping ---- */

int ui_wrap(const char *text, int width, char lines[][512], int max_lines)
{
	int count = 0;
	while (*text != '\0' && count < max_lines) {
		mbstate_t state = {0};
		int used = 0;
		size_t bytes = 0;
		while (text[bytes] != '\0' && text[bytes] != '\n') {
			wchar_t character;
			size_t length = mbrtowc(&character, text + bytes, MB_CUR_MAX, &state);
			if (length == (size_t)-1 || length == (size_t)-2 || length == 0) {
				memset(&state, 0, sizeof state);
				length = 1;
				character = L'?';
			}
			int w = wcwidth(character);
			w = w < 0 ? 0 : w;
			if (used + w > width || bytes + length >= 511)
				break;
			used += w;
			bytes += length;
		}
		if (bytes == 0 && text[0] != '\n')
			break; /* a single character wider than the space */
		memcpy(lines[count], text, bytes);
		lines[count][bytes] = '\0';
		count++;
		text += bytes;
		if (*text == '\n')
			text++;
	}
	return count;
}

/* ---- dialogs ---- */

void ui_modal_done(void)
{
	curs_set(0);
	/* A dialog's frame may have cut a double-width character beneath it in half; repaint
	 * the whole screen rather than trust the terminal's idea of those cells. */
	clearok(curscr, TRUE);
}

/* Blanks the uncovered half of a double-width character on line `y` that column `edge`
 * would cut: one starting at `edge` - 1 (a left edge) or at `edge` (a right edge). The line
 * is walked from its first column, since only a character's first cell says what it is. */
static void clear_straddling(int y, int left, int right)
{
	for (int x = 0; x <= right && x < COLS;) {
		cchar_t cell;
		wchar_t text[CCHARW_MAX + 1] = {0};
		attr_t attrs;
		short pair;
		bool wide = mvin_wch(y, x, &cell) != ERR &&
			    getcchar(&cell, text, &attrs, &pair, NULL) != ERR && wcwidth(text[0]) == 2;
		if (wide && x == left - 1)
			mvaddch(y, x, ' ');
		if (wide && x == right && x + 1 < COLS)
			mvaddch(y, x + 1, ' ');
		x += wide ? 2 : 1;
	}
}

void ui_popup_box(const ui *app, int top, int left, int height, int width, const char *title)
{
	/* ncurses keeps a double-width character whose second cell a frame overwrites and sends
	 * it whole, so the frame moved a column right on that line; a character whose first cell
	 * is overwritten loses its second half. Blank the uncovered half first. */
	for (int y = top; y < top + height && y < LINES; y++)
		clear_straddling(y, left, left + width - 1);
	ui_box(app, top, left, height, width, title);
}

/* Draws a centred box for a dialog of `height` inner lines; returns its geometry. */
static void dialog_box(const ui *app, int inner_height, int inner_width, const char *title,
		       int *top, int *left)
{
	int width = inner_width + 4, height = inner_height + 2;
	if (width > COLS)
		width = COLS;
	*top = (LINES - height) / 2;
	*left = (COLS - width) / 2;
	ui_popup_box(app, *top, *left, height, width, title);
}

bool ui_confirm(ui *app, const char *question)
{
	char lines[6][512];
	int inner = COLS - 10 > 70 ? 70 : COLS - 10;
	int count = ui_wrap(question, inner, lines, 5);
	for (;;) {
		ui_draw_screen(app);
		if (!ui_too_small()) {
			int top, left;
			dialog_box(app, count + 2, inner, _("Confirm"), &top, &left);
			for (int i = 0; i < count; i++)
				ui_put(app, top + 1 + i, left + 2, inner, UI_STYLE_NORMAL, false, lines[i]);
			ui_put(app, top + 2 + count, left + 2, inner, UI_STYLE_HEADING, false,
			       _("y: yes   n: no"));
		}
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key) || is_code)
			continue;
		if (key == 'y' || key == 'Y' || key == 'n' || key == 'N' || key == ESC || key == 'q') {
			ui_modal_done();
			return key == 'y' || key == 'Y';
		}
	}
}

bool ui_prompt(ui *app, const char *title, const char *label, const char *initial, char *out,
	       size_t size)
{
	ui_line line;
	ui_line_set(&line, initial, size);
	int inner = COLS - 10 > 60 ? 60 : COLS - 10;
	curs_set(1);
	bool accepted = false;
	for (;;) {
		ui_draw_screen(app);
		if (!ui_too_small()) {
			int top, left;
			dialog_box(app, 3, inner, title, &top, &left);
			ui_put(app, top + 1, left + 2, inner, UI_STYLE_NORMAL, false, label);
			ui_put(app, top + 3, left + 2, inner, UI_STYLE_DIM, false,
			       _("Enter: accept   Esc: cancel"));
			ui_line_draw(app, &line, top + 2, left + 2, inner, true);
		}
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		ui_line_result result = ui_line_key(&line, is_code, key);
		if (result == UI_LINE_ENTER || result == UI_LINE_SUBMIT) {
			ui_line_get(&line, out, size);
			accepted = true;
			break;
		}
		if (result == UI_LINE_CANCEL)
			break;
	}
	ui_modal_done();
	return accepted;
}

int ui_pick(ui *app, const char *title, const char *const *items, int count, int initial)
{
	ui_line filter;
	ui_line_set(&filter, "", 256);
	int *shown = malloc((size_t)(count > 0 ? count : 1) * sizeof *shown);
	if (shown == NULL)
		return -1;
	int selected = 0, top_item = 0, chosen = -1;
	bool first = true;
	for (;;) {
		char needle[256];
		ui_line_get(&filter, needle, sizeof needle);
		int shown_count = 0;
		for (int i = 0; i < count; i++)
			if (needle[0] == '\0' || strstr(items[i], needle) != NULL) {
				if (first && i == initial)
					selected = shown_count;
				shown[shown_count++] = i;
			}
		first = false;
		if (selected >= shown_count)
			selected = shown_count - 1;
		if (selected < 0)
			selected = 0;
		ui_draw_screen(app);
		if (!ui_too_small()) {
			int inner = COLS - 10 > 64 ? 64 : COLS - 10;
			int rows = LINES - 10;
			if (rows > count)
				rows = count > 0 ? count : 1;
			if (selected < top_item)
				top_item = selected;
			if (selected >= top_item + rows)
				top_item = selected - rows + 1;
			int top, left;
			dialog_box(app, rows + 3, inner, title, &top, &left);
			char label[256];
			snprintf(label, sizeof label, "%s ", _("Type to filter:"));
			int label_width = hw_text_width(label);
			ui_put(app, top + 1, left + 2, label_width, UI_STYLE_DIM, false, label);
			for (int r = 0; r < rows && top_item + r < shown_count; r++)
				ui_put(app, top + 2 + r, left + 2, inner,
				       top_item + r == selected ? UI_STYLE_SELECTED : UI_STYLE_NORMAL, true,
				       items[shown[top_item + r]]);
			if (shown_count == 0)
				ui_put(app, top + 2, left + 2, inner, UI_STYLE_DIM, false, _("(nothing matches)"));
			ui_put(app, top + 3 + rows, left + 2, inner, UI_STYLE_DIM, false,
			       _("↑↓: choose   Enter: take   Esc: cancel"));
			curs_set(1);
			ui_line_draw(app, &filter, top + 1, left + 2 + label_width, inner - label_width, true);
		}
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		if (is_code && (key == KEY_UP || key == KEY_PPAGE)) {
			selected -= key == KEY_UP ? 1 : 10;
			continue;
		}
		if (is_code && (key == KEY_DOWN || key == KEY_NPAGE)) {
			selected += key == KEY_DOWN ? 1 : 10;
			if (selected >= shown_count)
				selected = shown_count - 1;
			continue;
		}
		ui_line_result result = ui_line_key(&filter, is_code, key);
		if (result == UI_LINE_CANCEL)
			break;
		if ((result == UI_LINE_ENTER || result == UI_LINE_SUBMIT) && shown_count > 0) {
			chosen = shown[selected];
			break;
		}
		if (result == UI_LINE_NEXT && selected + 1 < shown_count)
			selected++;
		if (result == UI_LINE_PREVIOUS && selected > 0)
			selected--;
	}
	ui_modal_done();
	free(shown);
	return chosen;
}

bool ui_ask_date(ui *app, hw_date *out)
{
	char text[64], initial[HW_DATE_TEXT_SIZE];
	hw_date_format(app->selected, initial);
	if (!ui_prompt(app, _("Go to a date"), _("Date (YYYY-MM-DD):"), initial, text, sizeof text))
		return false;
	if (hw_date_parse(text, out))
		return true;
	ui_say(app, true, _("'%s' is not a date (YYYY-MM-DD)"), text);
	return false;
}
