/* The start screen: a database with nobody on its roster opens here rather than on an empty
 * calendar, with the three steps of setting up an office (the leaders, the departments, then
 * the meetings) and the key that opens each step's form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "roster.h"
#include "ui.h"

typedef struct start_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	int people, leaders, departments;
} start_state;

void *ui_start_new(ui *app)
{
	(void)app;
	return calloc(1, sizeof(start_state));
}

static int count_person(const hw_person *person, void *user)
{
	start_state *state = user;
	if (person->left)
		return 0;
	state->people++;
	state->leaders += hw_role_is_government_leader(person->role);
	return 0;
}

static int count_department(const hw_department *department, void *user)
{
	(void)department;
	((start_state *)user)->departments++;
	return 0;
}

static int count_anyone(const hw_person *person, void *user)
{
	(void)person;
	*(bool *)user = true;
	return 1; /* one is enough */
}

bool ui_roster_is_empty(ui *app)
{
	bool anyone = false;
	hw_error error = {0};
	/* A roster that cannot be read is not shown as empty: the calendar says what is wrong. */
	if (hw_person_list(app->session, count_anyone, &anyone, &error) < 0)
		return false;
	return !anyone;
}

static void start_load(ui *app, void *opaque)
{
	start_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	state->people = state->leaders = state->departments = 0;
	hw_error error = {0};
	if (hw_person_list(app->session, count_person, state, &error) != 0 ||
	    hw_department_list(app->session, count_department, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	const hw_rules *rules = app->session->rules;
	const char *government = rules->government[HW_GOV_NAME] ? rules->government[HW_GOV_NAME] : "";
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, _("Start here: setting up %s"), government);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s", "");
	ui_list_add(list, UI_ROW_TEXT, state->leaders ? UI_STYLE_DIM : UI_STYLE_NORMAL,
		    _("%s 1. The leaders (%s, %s, %s, %s): press n"), state->leaders ? "[x]" : "[ ]",
		    hw_role_label(rules, HW_ROLE_HEAD), hw_role_label(rules, HW_ROLE_EXECUTIVE_DEPUTY),
		    hw_role_label(rules, HW_ROLE_DEPUTY), hw_role_label(rules, HW_ROLE_SECRETARY));
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, _("       leaders on the roster: %d"),
		    state->leaders);
	ui_list_add(list, UI_ROW_TEXT, state->departments ? UI_STYLE_DIM : UI_STYLE_NORMAL,
		    _("%s 2. The departments, each with its deputy in charge: press N"),
		    state->departments ? "[x]" : "[ ]");
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, _("       then their heads (%s, %s): press n"),
		    hw_role_label(rules, HW_ROLE_DEPARTMENT_HEAD),
		    hw_role_label(rules, HW_ROLE_DEPARTMENT_DEPUTY));
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM,
		    _("       departments: %d; people on the roster: %d"), state->departments,
		    state->people);
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s",
		    _("[ ] 3. The meetings: press p to plan one on the calendar"));
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "%s",
		    _("       (there n plans a meeting, N a standing series)"));
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "%s", "");
	ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "%s",
		    _("4: the roster (e edits, x: no longer serving); 1: the calendar; ?: every key"));
	list->selected = selected;
}

static bool start_act(ui *app, void *opaque, ui_action action)
{
	start_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_binding *binding = ui_binding_of(action);
	if (binding && binding->edits) {
		ui_edit_action(app, action, NULL, 0, app->selected);
		return true;
	}
	return false;
}

const ui_view_ops ui_start_view = {
	.title = N_("Start here"),
	.kind = UI_IN_START,
	.load = start_load,
	.draw = ui_list_view_draw,
	.act = start_act,
	.destroy = ui_list_view_destroy,
};
