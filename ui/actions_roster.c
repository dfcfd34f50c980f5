/* The roster managed in the UI: people added and edited (roles chosen by their Chinese names in
 * the government's own titles), departments added, edited and moved to another deputy in
 * charge, and people marked no longer serving — history keeps them. Every change goes through
 * the same core functions as `huiwu person` and `huiwu dept`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"

/* The roles a person holds, in the order a clerk fills a roster: leaders first. */
static const hw_role person_roles[] = {
	HW_ROLE_HEAD,          HW_ROLE_EXECUTIVE_DEPUTY,  HW_ROLE_DEPUTY,
	HW_ROLE_SECRETARY,     HW_ROLE_DEPUTY_SECRETARY,  HW_ROLE_PARTY_GROUP,
	HW_ROLE_DEPARTMENT_HEAD, HW_ROLE_DEPARTMENT_DEPUTY, HW_ROLE_STAFF,
	HW_ROLE_OFFICE,        HW_ROLE_LEGAL_ADVISER,     HW_ROLE_TOWNSHIP_HEAD,
	HW_ROLE_LOCAL_LEADERS, HW_ROLE_CONGRESS_DEPUTY,   HW_ROLE_CPPCC_MEMBER,
	HW_ROLE_EXPERT,        HW_ROLE_PRESS,
};
#define PERSON_ROLE_COUNT ((int)(sizeof person_roles / sizeof person_roles[0]))

/* The roles choice: the Chinese names as labels, the keys as values. */
static void role_choices(ui *app, ui_choices *choices)
{
	for (int i = 0; i < PERSON_ROLE_COUNT; i++)
		ui_choices_add(choices, hw_role_label(app->session->rules, person_roles[i]),
			       hw_role_key(person_roles[i]));
}

static int choice_of(const ui_choices *choices, const char *value)
{
	for (int i = 0; value != NULL && i < choices->count; i++)
		if (strcmp(choices->values[i], value) == 0)
			return i;
	return 0;
}

/* Who may be a department's deputy in charge (as the core checks it): leaders still serving. */
static int add_leader(const hw_person *person, void *user)
{
	if (!person->left &&
	    (person->role == HW_ROLE_HEAD || person->role == HW_ROLE_EXECUTIVE_DEPUTY ||
	     person->role == HW_ROLE_DEPUTY || person->role == HW_ROLE_SECRETARY))
		ui_choices_eligible(person, 1, user);
	return 0;
}

static int leader_choices(ui *app, ui_choices *choices, hw_error *error)
{
	return hw_person_list(app->session, add_leader, choices, error);
}

/* ---- people ---- */

enum { P_NAME, P_ROLE, P_DEPARTMENT, P_TITLE, P_EMAIL, P_PHONE, P_COUNT };

typedef struct person_form {
	int64_t id;        /* 0: a new person */
	char reference[32];
	char suggested[HW_NAME_SIZE]; /* the title the form filled in, while the clerk keeps it */
} person_form;

static bool role_needs_department(const char *key)
{
	hw_role role;
	return key != NULL && hw_role_from_key(key, &role) &&
	       (role == HW_ROLE_DEPARTMENT_HEAD || role == HW_ROLE_DEPARTMENT_DEPUTY ||
		role == HW_ROLE_STAFF);
}

/* The title a role suggests: the government's own word (副县长), or the department's name
 * before the role's first name (农业农村局局长). */
static void suggest_title(ui *app, ui_form *form, person_form *data)
{
	ui_field *title = &form->fields[P_TITLE];
	if (title->value[0] != '\0' && strcmp(title->value, data->suggested) != 0)
		return; /* typed by the clerk: theirs */
	hw_role role;
	const char *key = ui_field_value(&form->fields[P_ROLE]);
	if (key == NULL || !hw_role_from_key(key, &role))
		return;
	char word[HW_NAME_SIZE];
	snprintf(word, sizeof word, "%s", hw_role_label(app->session->rules, role));
	char *slash = strchr(word, '/');
	if (slash)
		*slash = '\0';
	const ui_field *department = &form->fields[P_DEPARTMENT];
	bool prefix = role_needs_department(key) && ui_field_value(department) != NULL;
	snprintf(data->suggested, sizeof data->suggested, "%s%s",
		 prefix ? department->choice_labels[department->choice] : "", word);
	snprintf(title->value, sizeof title->value, "%s", data->suggested);
}

static void check_person_field(ui *app, ui_form *form, int index, void *user)
{
	person_form *data = user;
	ui_field *field = &form->fields[index];
	if (index == P_ROLE || index == P_DEPARTMENT)
		suggest_title(app, form, data);
	if (index == P_DEPARTMENT && ui_field_value(field) == NULL &&
	    role_needs_department(ui_field_value(&form->fields[P_ROLE])))
		snprintf(field->error, sizeof field->error, _("%s: a %s belongs to a department"),
			 field->label, form->fields[P_ROLE].choice_labels[form->fields[P_ROLE].choice]);
}

static int submit_person(ui *app, ui_form *form, void *user, hw_error *error)
{
	person_form *data = user;
	ui_field *f = form->fields;
	const char *email = ui_field_value(&f[P_EMAIL]), *phone = ui_field_value(&f[P_PHONE]);
	hw_person_input input = {
		.name = ui_field_value(&f[P_NAME]),
		.title = ui_field_value(&f[P_TITLE]),
		.role = ui_field_value(&f[P_ROLE]),
		.department = ui_field_value(&f[P_DEPARTMENT]),
		/* An emptied field clears what was there. */
		.email = email ? email : "",
		.phone = phone ? phone : "",
	};
	if (data->id == 0)
		return hw_person_add(app->session, &input, &data->id, error);
	if (input.department == NULL)
		input.department = ""; /* none: hw_person_edit_all takes NULL as unchanged */
	return hw_person_edit_all(app->session, data->reference, &input, error);
}

static void person_form_run(ui *app, const hw_person *person)
{
	ui_choices roles = {0}, departments = {0};
	hw_error error = {0};
	role_choices(app, &roles);
	ui_choices_add(&departments, _("(none)"), "");
	if (ui_choices_departments(app, &departments, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		goto done;
	}
	ui_field fields[P_COUNT] = {
		[P_NAME] = {.label = _("Name"), .required = true},
		[P_ROLE] = {.label = _("Role")},
		[P_DEPARTMENT] = {.label = _("Department")},
		[P_TITLE] = {.label = _("Job title"), .required = true},
		[P_EMAIL] = {.label = _("E-mail")},
		[P_PHONE] = {.label = _("Phone")},
	};
	person_form data = {0};
	int role = 0, department = 0;
	if (person != NULL) {
		data.id = person->id;
		snprintf(data.reference, sizeof data.reference, "%lld", (long long)person->id);
		snprintf(fields[P_NAME].value, sizeof fields[P_NAME].value, "%s", person->name);
		snprintf(fields[P_TITLE].value, sizeof fields[P_TITLE].value, "%s", person->title);
		snprintf(fields[P_EMAIL].value, sizeof fields[P_EMAIL].value, "%s", person->email);
		snprintf(fields[P_PHONE].value, sizeof fields[P_PHONE].value, "%s", person->phone);
		role = choice_of(&roles, hw_role_key(person->role));
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)person->department_id);
		department = person->department_id ? choice_of(&departments, id) : 0;
	}
	ui_field_set_choices(&fields[P_ROLE], roles.labels, roles.values, roles.count, role);
	ui_field_set_choices(&fields[P_DEPARTMENT], departments.labels, departments.values,
			     departments.count, department);
	char title[600];
	if (person != NULL)
		snprintf(title, sizeof title, _("Edit %s"), person->name);
	else
		snprintf(title, sizeof title, "%s", _("New person"));
	ui_form form = {.title = title, .fields = fields, .count = P_COUNT,
			.check = check_person_field, .submit = submit_person, .user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		if (person != NULL)
			ui_say(app, false, _("%s: saved."), ui_field_value(&fields[P_NAME]));
		else
			ui_say(app, false, _("%s added to the roster."), ui_field_value(&fields[P_NAME]));
	}
done:
	ui_choices_free(&roles);
	ui_choices_free(&departments);
}

/* x: no longer serving, after asking; on one so marked, serving again (marked by mistake). */
static void retire_person(ui *app, int64_t person_id)
{
	hw_person person;
	hw_error error = {0};
	if (hw_person_get(app->session, person_id, &person, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	char question[2048], done[600], reference[32], who[1100];
	ui_person_label(&person, who, sizeof who);
	snprintf(reference, sizeof reference, "%lld", (long long)person.id);
	if (person.left) {
		snprintf(question, sizeof question, _("%s is marked no longer serving. Serving again?"),
			 who);
		if (!ui_confirm(app, question))
			return;
		snprintf(done, sizeof done, _("%s is serving again."), person.name);
		ui_report(app, hw_person_set_serving(app->session, reference, true, 0, &error), &error,
			  done);
		return;
	}
	snprintf(question, sizeof question,
		 _("Mark %s no longer serving? Their meetings, leave and minutes keep their name; "
		   "they are offered for nothing new."),
		 who);
	if (!ui_confirm(app, question))
		return;
	snprintf(done, sizeof done, _("%s is no longer serving."), person.name);
	ui_report(app, hw_person_set_serving(app->session, reference, false, app->session->today,
					     &error),
		  &error, done);
}

/* ---- departments ---- */

enum { D_NAME, D_DEPUTY, D_MEMBER, D_FUNCTION, D_COUNT };

typedef struct department_form {
	int64_t id; /* 0: a new department */
	char reference[32];
} department_form;

static int submit_department(ui *app, ui_form *form, void *user, hw_error *error)
{
	department_form *data = user;
	ui_field *f = form->fields;
	if (data->id == 0) {
		hw_department_input input = {.name = ui_field_value(&f[D_NAME]),
					     .deputy = ui_field_value(&f[D_DEPUTY]),
					     .member_of_executive = f[D_MEMBER].choice == 1,
					     .function = ui_field_value(&f[D_FUNCTION])};
		return hw_department_add(app->session, &input, &data->id, error);
	}
	return hw_department_edit(app->session, data->reference, ui_field_value(&f[D_NAME]),
				  ui_field_value(&f[D_DEPUTY]), f[D_MEMBER].choice == 1, error);
}

static void department_form_run(ui *app, const hw_department *department)
{
	ui_choices leaders = {0};
	hw_error error = {0};
	ui_choices_add(&leaders, _("(none)"), "");
	if (leader_choices(app, &leaders, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		ui_choices_free(&leaders);
		return;
	}
	static const char *function_labels[2];
	static const char *const function_values[2] = {"", "justice_bureau"};
	function_labels[0] = _("(none)");
	function_labels[1] = hw_role_label(app->session->rules, HW_ROLE_JUSTICE_BUREAU);
	ui_field fields[D_COUNT] = {
		[D_NAME] = {.label = _("Name"), .required = true},
		[D_DEPUTY] = {.label = _("Deputy in charge")},
		[D_MEMBER] = {.label = _("Member of the executive meeting")},
		[D_FUNCTION] = {.label = _("Function")},
	};
	ui_field_yes_no(&fields[D_MEMBER]);
	ui_field_set_choices(&fields[D_FUNCTION], function_labels, function_values, 2, 0);
	department_form data = {0};
	int deputy = 0;
	if (department != NULL) {
		data.id = department->id;
		snprintf(data.reference, sizeof data.reference, "%lld", (long long)department->id);
		snprintf(fields[D_NAME].value, sizeof fields[D_NAME].value, "%s", department->name);
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)department->deputy_id);
		deputy = department->deputy_id ? choice_of(&leaders, id) : 0;
		fields[D_MEMBER].choice = department->member_of_executive ? 1 : 0;
	}
	ui_field_set_choices(&fields[D_DEPUTY], leaders.labels, leaders.values, leaders.count, deputy);
	char title[600];
	if (department != NULL)
		snprintf(title, sizeof title, _("Edit %s"), department->name);
	else
		snprintf(title, sizeof title, "%s", _("New department"));
	/* The function is set when the department is added (as 'huiwu dept add --function'). */
	ui_form form = {.title = title, .fields = fields, .count = department ? D_FUNCTION : D_COUNT,
			.submit = submit_department, .user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		if (department != NULL)
			ui_say(app, false, _("%s: saved."), ui_field_value(&fields[D_NAME]));
		else
			ui_say(app, false, _("Department %s added."), ui_field_value(&fields[D_NAME]));
	}
	ui_choices_free(&leaders);
}

/* m: the department goes to the division of another deputy in charge. */
static void move_department(ui *app, const hw_department *department)
{
	ui_choices leaders = {0};
	hw_error error = {0};
	if (leader_choices(app, &leaders, &error) != 0) {
		ui_say(app, true, "%s", error.message);
	} else if (leaders.count == 0) {
		ui_say(app, true, "%s",
		       _("Nobody on the roster can be in charge of a department: add the leaders "
			 "first (n)."));
	} else {
		char title[600], id[32];
		snprintf(title, sizeof title, _("%s: deputy in charge"), department->name);
		snprintf(id, sizeof id, "%lld", (long long)department->deputy_id);
		int picked = ui_pick(app, title, leaders.labels, leaders.count, choice_of(&leaders, id));
		if (picked >= 0) {
			char reference[32], done[1200];
			snprintf(reference, sizeof reference, "%lld", (long long)department->id);
			snprintf(done, sizeof done, _("%s is now in the division of %s."), department->name,
				 leaders.labels[picked]);
			ui_report(app,
				  hw_department_edit(app->session, reference, NULL, leaders.values[picked],
						     -1, &error),
				  &error, done);
		}
	}
	ui_choices_free(&leaders);
}

void ui_roster_action(ui *app, ui_action action, const ui_row *row)
{
	hw_error error = {0};
	bool on_person = row != NULL && row->kind == UI_ROW_PERSON && row->id != 0;
	bool on_department = row != NULL && row->kind == UI_ROW_DEPARTMENT && row->id != 0;
	hw_person person;
	hw_department department;
	switch (action) {
	case UI_ADD_PERSON: person_form_run(app, NULL); return;
	case UI_ADD_DEPARTMENT: department_form_run(app, NULL); return;
	case UI_EDIT_ROSTER:
		if (on_person && hw_person_get(app->session, row->id, &person, &error) == 0)
			person_form_run(app, &person);
		else if (on_department && hw_department_get(app->session, row->id, &department, &error) == 0)
			department_form_run(app, &department);
		else if (on_person || on_department)
			ui_say(app, true, "%s", error.message);
		else
			ui_say(app, true, "%s", _("Select a person or a department first."));
		return;
	case UI_MOVE_DEPARTMENT:
		if (!on_department)
			ui_say(app, true, "%s", _("Select a department first."));
		else if (hw_department_get(app->session, row->id, &department, &error) != 0)
			ui_say(app, true, "%s", error.message);
		else
			move_department(app, &department);
		return;
	case UI_RETIRE_PERSON:
		if (!on_person)
			ui_say(app, true, "%s", _("Select a person first."));
		else
			retire_person(app, row->id);
		return;
	default: return;
	}
}
