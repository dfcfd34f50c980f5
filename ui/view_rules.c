/* The government's rules: each meeting type the rules define, each value with the clause of
 * the working rules it comes from. */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "rules_text.h"
#include "ui.h"
#include "widgets.h"

typedef struct rules_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
} rules_state;

void *ui_rules_new(ui *app)
{
	(void)app;
	return calloc(1, sizeof(rules_state));
}

static void rules_load(ui *app, void *opaque)
{
	rules_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	const hw_rules *rules = app->session->rules;
	const char *const *g = (const char *const *)rules->government;
	int width = COLS > 8 ? COLS - 6 : 74; /* the markers and the continuation's indent */
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", g[HW_GOV_NAME]);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "  %s %s", g[HW_GOV_TITLE] ? g[HW_GOV_TITLE] : "",
		    g[HW_GOV_DOCUMENT] ? g[HW_GOV_DOCUMENT] : "");
	if (g[HW_GOV_TRIP_REPORT])
		ui_list_add(list, UI_ROW_ITEM, UI_STYLE_NORMAL, "  %s: %s%s%s  〔%s〕",
			    _("trips out of the region reported to"), g[HW_GOV_TRIP_REPORT],
			    g[HW_GOV_TRIP_APPROVAL] ? _(", approved by ") : "",
			    g[HW_GOV_TRIP_APPROVAL] ? g[HW_GOV_TRIP_APPROVAL] : "",
			    rules->government_clauses[HW_GOV_TRIP_REPORT]);
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++) {
		const hw_type_rules *type = &rules->types[t];
		if (!type->defined) {
			ui_list_add(list, UI_ROW_HEADING, UI_STYLE_DIM, "%s: %s  〔%s〕",
				    hw_meeting_type_label((hw_meeting_type)t), _("not defined by these rules"),
				    hw_type_clause(type));
			continue;
		}
		ui_list_add(list, UI_ROW_HEADING, ui_type_style((hw_meeting_type)t), "%s  〔%s〕",
			    type->name, hw_type_clause(type));
		for (int key = HW_KEY_MEMBERS; key < HW_TYPE_KEY_COUNT; key++) {
			if (type->clauses[key] == NULL)
				continue;
			char value[1024], text[2048], lines[6][512];
			hw_type_value_text(rules, type, (hw_type_key)key, value, sizeof value);
			snprintf(text, sizeof text, "%s: %s  〔%s〕%s", hw_type_key_label((hw_type_key)key),
				 value, type->clauses[key],
				 hw_type_key_shown_only((hw_type_key)key) ? _("  (shown only: not checked)")
									  : "");
			int count = ui_wrap(text, width, lines, 6);
			for (int l = 0; l < count; l++)
				ui_list_add(list, l == 0 ? UI_ROW_ITEM : UI_ROW_TEXT, UI_STYLE_NORMAL,
					    "%s%s", l ? "    " : "", lines[l]);
		}
	}
	list->selected = selected;
}

const ui_view_ops ui_rules_view = {
	.title = N_("Rules"),
	.kind = UI_IN_RULES,
	.load = rules_load,
	.draw = ui_list_view_draw,
	.act = ui_list_view_act,
	.destroy = ui_list_view_destroy,
};
