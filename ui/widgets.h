/* The line editor the prompts, the picker and forms share: text as wide characters, so the
 * cursor moves and Backspace deletes by whole characters, Chinese included. */
#ifndef HW_UI_WIDGETS_H
#define HW_UI_WIDGETS_H

#include <stddef.h>
#include <wchar.h>

#include "ui.h"

/* Characters a line holds: as many as the longest text the core takes (minutes, 4095 bytes). */
#define UI_LINE_MAX 4096

typedef struct ui_line {
	wchar_t text[UI_LINE_MAX];
	int length;
	int cursor;   /* in characters */
	size_t limit; /* bytes its UTF-8 may take, NUL included: typing stops there */
} ui_line;

typedef enum ui_line_result {
	UI_LINE_EDITING,
	UI_LINE_ENTER,
	UI_LINE_CANCEL,
	UI_LINE_NEXT,     /* Tab, ↓ */
	UI_LINE_PREVIOUS, /* Shift-Tab, ↑ */
	UI_LINE_SUBMIT,   /* Ctrl-S */
} ui_line_result;

/* Sets the text and the limit (the size of the buffer ui_line_get will fill), so that what
 * is typed always fits whole: nothing is cut off silently. */
void ui_line_set(ui_line *line, const char *text, size_t limit);
void ui_line_get(const ui_line *line, char *out, size_t size);
ui_line_result ui_line_key(ui_line *line, bool is_code, wint_t key);
/* Draws the line in `width` columns, scrolled so the cursor shows; places the cursor. */
void ui_line_draw(const ui *app, ui_line *line, int y, int x, int width, bool focused);

/* Ends a modal widget: hides the cursor, repaints the whole screen on the next refresh. */
void ui_modal_done(void);

/* ui_box for a popup over the screen: a double-width character beneath that either edge would
 * cut in half is replaced by a space on its uncovered half, so every line's frame is in the
 * same column. */
void ui_popup_box(const ui *app, int top, int left, int height, int width, const char *title);

/* Splits text into lines of at most `width` columns (never inside a character). */
int ui_wrap(const char *text, int width, char lines[][512], int max_lines);

#endif
