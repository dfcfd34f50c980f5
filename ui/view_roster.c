/* The roster: departments (with their deputy in charge), people, and each deputy's division. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "roster.h"
#include "ui.h"

typedef struct roster_state {
	ui_list list; /* first: the ui_list_view_* functions use it */
	ui *app;
	hw_person *deputies;
	int deputy_count, deputy_capacity;
	hw_error *error; /* the loading's, for a list that cannot grow */
	bool left_pass;  /* listing those no longer serving, after the others */
	bool left_heading;
	int people;      /* how many rows add_person added */
} roster_state;

void *ui_roster_new(ui *app)
{
	roster_state *state = calloc(1, sizeof *state);
	if (state)
		state->app = app;
	return state;
}

static int add_department(const hw_department *department, void *user)
{
	roster_state *state = user;
	char text[2048] = "";
	ui_column(text, sizeof text, department->name, 26);
	ui_column(text, sizeof text, department->deputy_name, 30);
	size_t used = strlen(text);
	snprintf(text + used, sizeof text - used, "%s%s%s",
		 department->member_of_executive ? _("executive member") : "",
		 department->member_of_executive && department->has_function ? ", " : "",
		 department->has_function ? hw_role_label(state->app->session->rules, department->function) : "");
	ui_row *row = ui_list_add(&state->list, UI_ROW_DEPARTMENT, UI_STYLE_NORMAL, "  %s", text);
	if (row)
		row->id = department->id;
	return 0;
}

static int add_person(const hw_person *person, void *user)
{
	roster_state *state = user;
	if (person->left != state->left_pass)
		return 0;
	/* Those no longer serving come last, under a heading of their own. */
	if (person->left && !state->left_heading)
		ui_list_add(&state->list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("No longer serving"));
	state->left_heading = state->left_heading || person->left;
	char text[2048] = "";
	ui_column(text, sizeof text, person->name, 20);
	ui_column(text, sizeof text, person->title, 18);
	ui_column(text, sizeof text, person->department_name, 16);
	size_t used = strlen(text);
	/* When they left, before the role: the line may be cut at its end. */
	if (person->left) {
		char on[HW_DATE_TEXT_SIZE];
		hw_date_format(person->left_on, on);
		snprintf(text + used, sizeof text - used, _("left on %s"), on);
		used = strlen(text);
		snprintf(text + used, sizeof text - used, " ");
		used = strlen(text);
	}
	/* The role by its Chinese name, in the government's own title. */
	snprintf(text + used, sizeof text - used, "%s",
		 hw_role_label(state->app->session->rules, person->role));
	ui_row *row = ui_list_add(&state->list, UI_ROW_PERSON,
				  person->left ? UI_STYLE_DIM : UI_STYLE_NORMAL, "%s", text);
	if (row)
		row->id = row->person_id = person->id;
	state->people++;
	if (person->left)
		return 0;
	if (person->role == HW_ROLE_DEPUTY || person->role == HW_ROLE_EXECUTIVE_DEPUTY) {
		if (hw_grow((void **)&state->deputies, &state->deputy_capacity, state->deputy_count,
			    sizeof *state->deputies, state->error) != 0)
			return -1;
		state->deputies[state->deputy_count++] = *person;
	}
	return 0;
}

static int add_division_member(const hw_department *department, void *user)
{
	char *names = user;
	size_t used = strlen(names);
	snprintf(names + used, 2048 - used, "%s%s", used ? "、" : "", department->name);
	return 0;
}

static void roster_load(ui *app, void *opaque)
{
	roster_state *state = opaque;
	ui_list *list = &state->list;
	int selected = list->selected;
	ui_list_clear(list);
	state->deputy_count = 0;
	hw_error error = {0};
	state->error = &error;
	state->people = 0;
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("People"));
	state->left_pass = state->left_heading = false;
	if (hw_person_list(app->session, add_person, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	if (state->people == 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_DIM, "  %s",
			    _("Nobody on the roster yet: n adds a person, N a department."));
	state->left_pass = true;
	if (hw_person_list(app->session, add_person, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Departments and their deputy in charge"));
	if (hw_department_list(app->session, add_department, state, &error) != 0)
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_ERROR, "%s", error.message);
	ui_list_add(list, UI_ROW_HEADING, UI_STYLE_HEADING, "%s", _("Divisions"));
	for (int i = 0; i < state->deputy_count; i++) {
		char names[2048] = "";
		if (hw_person_division(app->session, state->deputies[i].id, add_division_member, names,
				       &error) != 0)
			snprintf(names, sizeof names, "%s", error.message);
		ui_list_add(list, UI_ROW_TEXT, UI_STYLE_NORMAL, "  %s: %s", state->deputies[i].name,
			    names[0] ? names : _("(none)"));
	}
	list->selected = selected;
}

static bool roster_act(ui *app, void *opaque, ui_action action)
{
	roster_state *state = opaque;
	if (ui_list_move(&state->list, action))
		return true;
	const ui_binding *binding = ui_binding_of(action);
	if (binding && binding->edits) {
		ui_edit_action(app, action, ui_list_current(&state->list), 0, app->selected);
		return true;
	}
	return false;
}

static void roster_destroy(void *opaque)
{
	roster_state *state = opaque;
	ui_list_clear(&state->list);
	free(state->deputies);
	free(state);
}

const ui_view_ops ui_roster_view = {
	.title = N_("Roster"),
	.kind = UI_IN_ROSTER,
	.load = roster_load,
	.draw = ui_list_view_draw,
	.act = roster_act,
	.destroy = roster_destroy,
};
