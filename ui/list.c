/* Rows: the scrolling, selectable lists that most views are made of. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_width.h"
#include "ui.h"

ui_row *ui_list_add(ui_list *list, ui_row_kind kind, ui_style style, const char *format, ...)
{
	if (list->count == list->capacity) {
		int capacity = list->capacity ? list->capacity * 2 : 64;
		ui_row *grown = realloc(list->rows, (size_t)capacity * sizeof *grown);
		if (grown == NULL)
			return NULL;
		list->rows = grown;
		list->capacity = capacity;
	}
	char text[2048];
	va_list arguments;
	va_start(arguments, format);
	vsnprintf(text, sizeof text, format, arguments);
	va_end(arguments);
	char *copy = strdup(text);
	if (copy == NULL)
		return NULL;
	ui_row *row = &list->rows[list->count++];
	*row = (ui_row){.kind = kind, .style = style, .text = copy};
	return row;
}

void ui_list_clear(ui_list *list)
{
	for (int i = 0; i < list->count; i++)
		free(list->rows[i].text);
	free(list->rows);
	list->rows = NULL;
	list->count = list->capacity = 0;
	list->error[0] = '\0';
}

static bool selectable(const ui_row *row)
{
	return row->kind != UI_ROW_HEADING && row->kind != UI_ROW_TEXT;
}

/* Keeps the selection on a row that can be selected, and in view. */
static void settle(ui_list *list, int direction)
{
	if (list->count == 0) {
		list->selected = list->top = 0;
		return;
	}
	if (list->selected >= list->count)
		list->selected = list->count - 1;
	if (list->selected < 0)
		list->selected = 0;
	int start = list->selected;
	while (list->selected >= 0 && list->selected < list->count &&
	       !selectable(&list->rows[list->selected]))
		list->selected += direction;
	if (list->selected < 0 || list->selected >= list->count) {
		list->selected = start;
		while (list->selected >= 0 && list->selected < list->count &&
		       !selectable(&list->rows[list->selected]))
			list->selected -= direction;
		if (list->selected < 0 || list->selected >= list->count)
			list->selected = start; /* only headings: stay */
	}
}

void ui_list_draw(const ui *app, ui_list *list, int top, int height, int width, bool focused)
{
	if (list->error[0] != '\0') {
		ui_put(app, top, 1, width - 2, UI_STYLE_ERROR, false, list->error);
		return;
	}
	list->height = height;
	settle(list, 1);
	/* A list longer than the screen keeps its last line for where the selection is. */
	bool scrolls = list->count > height;
	if (scrolls && height > 1)
		height--;
	if (list->selected < list->top)
		list->top = list->selected;
	if (list->selected >= list->top + height)
		list->top = list->selected - height + 1;
	/* Show the heading above the first selectable row. */
	if (list->top > 0 && list->top == list->selected && !selectable(&list->rows[list->top - 1]))
		list->top--;
	if (list->top < 0)
		list->top = 0;
	for (int line = 0; line < height && list->top + line < list->count; line++) {
		const ui_row *row = &list->rows[list->top + line];
		bool chosen = focused && list->top + line == list->selected && selectable(row);
		ui_style style = chosen ? UI_STYLE_SELECTED : row->style;
		int x = 0;
		if (row->kind != UI_ROW_HEADING) {
			/* '>' marks the selection without colour or reverse video too; '!' findings. */
			ui_put(app, top + line, 0, 1, UI_STYLE_NORMAL, true, chosen ? ">" : " ");
			ui_put(app, top + line, 1, 1, row->marked ? UI_STYLE_ERROR : UI_STYLE_NORMAL, true,
			       row->marked ? "!" : " ");
			x = 2;
		}
		ui_put(app, top + line, x, width - x, style, chosen, row->text);
	}
	if (scrolls) {
		char where[64];
		snprintf(where, sizeof where, "(%d/%d)", list->selected + 1, list->count);
		int w = hw_text_width(where);
		ui_put(app, top + height, width - w - 1, w, UI_STYLE_DIM, false, where);
	}
}

bool ui_list_move(ui_list *list, ui_action action)
{
	int page = list->height > 2 ? list->height - 1 : 1;
	int direction = 1;
	switch (action) {
	case UI_UP: list->selected--; direction = -1; break;
	case UI_DOWN: list->selected++; break;
	case UI_PAGE_UP: list->selected -= page; direction = -1; break;
	case UI_PAGE_DOWN: list->selected += page; break;
	case UI_HOME: list->selected = 0; break;
	case UI_END: list->selected = list->count - 1; direction = -1; break;
	case UI_NEXT_SECTION: {
		int i = list->selected + 1;
		while (i < list->count && list->rows[i].kind != UI_ROW_HEADING)
			i++;
		while (i < list->count && !selectable(&list->rows[i]))
			i++;
		list->selected = i < list->count ? i : 0;
		break;
	}
	default: return false;
	}
	if (list->selected >= list->count)
		list->selected = list->count - 1;
	settle(list, direction);
	return true;
}

const ui_row *ui_list_current(const ui_list *list)
{
	if (list->selected < 0 || list->selected >= list->count)
		return NULL;
	const ui_row *row = &list->rows[list->selected];
	return selectable(row) ? row : NULL;
}

void ui_list_select(ui_list *list, ui_row_kind kind, int64_t id)
{
	for (int i = 0; i < list->count; i++)
		if (list->rows[i].kind == kind && list->rows[i].id == id) {
			list->selected = i;
			return;
		}
}

void ui_column(char *out, size_t size, const char *text, int width)
{
	size_t used = strlen(out);
	if (used + 1 >= size)
		return;
	hw_text_fit(text, width, true, out + used, size - used);
	used = strlen(out);
	if (used + 1 < size) {
		out[used] = ' ';
		out[used + 1] = '\0';
	}
}

void ui_list_view_draw(ui *app, void *state, int top, int height, int width)
{
	ui_list_draw(app, state, top, height, width, true);
}

bool ui_list_view_act(ui *app, void *state, ui_action action)
{
	(void)app;
	return ui_list_move(state, action);
}

void ui_list_view_destroy(void *state)
{
	ui_list_clear(state);
	free(state);
}
