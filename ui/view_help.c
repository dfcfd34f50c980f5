/* Help: the keys of the view it was opened from, straight from the key table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"

typedef struct help_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	unsigned view_kind;
	char view_title[128];
} help_state;

void *ui_help_new(ui *app, unsigned view_kind, const char *view_title)
{
	(void)app;
	help_state *state = calloc(1, sizeof *state);
	if (state) {
		state->view_kind = view_kind;
		snprintf(state->view_title, sizeof state->view_title, "%s", view_title);
	}
	return state;
}

static void help_load(ui *app, void *opaque)
{
	help_state *state = opaque;
	ui_list *list = &state->list;
	ui_list_clear(list);
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Keys in %s"), state->view_title);
	for (int i = 0; i < ui_binding_count; i++) {
		const ui_binding *binding = &ui_bindings[i];
		if (!(binding->views & state->view_kind) || binding->action == UI_HELP)
			continue;
		char text[1024] = "";
		ui_column(text, sizeof text, binding->names, 12);
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, "%s%s", _(binding->help),
			 binding->edits && app->read_only ? _("  (not while read-only)") : "");
		ui_row *row = ui_list_add(list, UI_ROW_ITEM,
					  binding->edits && app->read_only ? UI_STYLE_DIM : UI_STYLE_NORMAL,
					  "%s", text);
		(void)row;
	}
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("In forms and prompts"));
	ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "%s",
		    _("Tab Enter ↓  next field (each field is checked as you leave it)"));
	ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "%s", _("↑ Shift-Tab  previous field"));
	ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "%s",
		    _("← →  change a choice; Space: choose from a list"));
	ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "%s", _("Ctrl-S  save;  Esc  cancel"));
	ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "%s",
		    _("Backspace  delete the character before the cursor; Ctrl-U  clear"));
}

const ui_view_ops ui_help_view = {
	.title = N_("Help"),
	.kind = UI_IN_HELP,
	.load = help_load,
	.draw = ui_list_view_draw,
	.act = ui_list_view_act,
	.destroy = ui_list_view_destroy,
};
