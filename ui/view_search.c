/* Search results: meetings and topics containing the text; Enter opens the meeting or the
 * topic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search.h"
#include "ui.h"

typedef struct search_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	char text[256];
} search_state;

void *ui_search_new(ui *app, const char *text)
{
	(void)app;
	search_state *state = calloc(1, sizeof *state);
	if (state)
		snprintf(state->text, sizeof state->text, "%s", text);
	return state;
}

static int add_hit(const hw_search_hit *hit, void *user)
{
	ui_list *list = user;
	char date[HW_DATE_TEXT_SIZE] = "", number[32], text[2048] = "";
	if (hit->has_date)
		hw_date_format(hit->date, date);
	snprintf(number, sizeof number, "#%lld", (long long)hit->id);
	ui_column(text, sizeof text, hit->kind == HW_HIT_MEETING ? _("meeting") : _("topic"), 6);
	ui_column(text, sizeof text, number, 6);
	ui_column(text, sizeof text, date, 10);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s", hit->text);
	ui_row *row = ui_list_add(list, hit->kind == HW_HIT_MEETING ? UI_ROW_MEETING : UI_ROW_TOPIC,
				  UI_STYLE_NORMAL, "%s", text);
	if (row) {
		row->id = hit->id;
		row->meeting_id = hit->meeting_id;
	}
	return 0;
}

static void search_load(ui *app, void *opaque)
{
	search_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	hw_error error = {0};
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Containing “%s”"), state->text);
	if (hw_search(app->session, state->text, 500, add_hit, list, &error) != 0)
		snprintf(list->error, sizeof list->error, "%s", error.message);
	else if (list->count == 1)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s", _("Nothing found."));
	list->selected = selected;
}

static bool search_act(ui *app, void *opaque, ui_action action)
{
	search_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	if (action == UI_OPEN) {
		const ui_row *row = ui_list_current(&state->list);
		if (row && row->kind == UI_ROW_TOPIC && row->id)
			ui_open_topic(app, row->id);
		else if (row && row->meeting_id)
			ui_open_meeting(app, row->meeting_id);
		else
			ui_say(app, false, "%s", _("This topic is not on a meeting's agenda yet."));
		return true;
	}
	return false;
}

const ui_view_ops ui_search_view = {
	.title = N_("Search"),
	.kind = UI_IN_SEARCH,
	.load = search_load,
	.draw = ui_list_view_draw,
	.act = search_act,
	.destroy = ui_list_view_destroy,
};
