/* huiwu dept, huiwu person: the roster. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "roster.h"
#include "session.h"

static json_t *department_json(const hw_department *department)
{
	return json_pack("{s:I,s:o,s:o,s:b,s:o}", "id", (json_int_t)department->id, "name",
			 cli_text(department->name), "deputy",
			 department->deputy_id ? cli_text(department->deputy_name) : json_null(),
			 "member_of_executive", department->member_of_executive, "function",
			 department->has_function ? json_string(hw_role_key(department->function))
						  : json_null());
}

static json_t *person_json(const hw_person *person)
{
	json_t *object = json_pack("{s:I,s:o,s:o,s:s,s:o,s:b,s:o,s:o}", "id", (json_int_t)person->id, "name",
			 cli_text(person->name), "title", cli_text(person->title), "role",
			 hw_role_key(person->role), "department",
			 person->department_id ? cli_text(person->department_name) : json_null(),
			 "party_group", person->party_group, "email",
			 person->email[0] ? cli_text(person->email) : json_null(), "phone",
			 person->phone[0] ? cli_text(person->phone) : json_null());
	/* Only those no longer serving say so: the objects of the others stay as they were. */
	if (object != NULL && person->left) {
		char on[HW_DATE_TEXT_SIZE];
		hw_date_format(person->left_on, on);
		json_object_set_new(object, "left_on", json_string(on));
	}
	return object;
}

/* What `person list` lists: everyone (--all) or those serving. */
typedef struct person_listing {
	json_t *array; /* NULL: text */
	bool all;
	const hw_rules *rules; /* the roles' names in the government's own titles */
} person_listing;

static int print_department(const hw_department *department, void *user)
{
	json_t *list = user;
	if (list != NULL) {
		json_array_append_new(list, department_json(department));
		return 0;
	}
	printf("%4lld  %s", (long long)department->id, department->name);
	if (department->deputy_id)
		printf(_("  (in the division of %s)"), department->deputy_name);
	if (department->member_of_executive)
		printf("  %s", _("[member of the executive meeting]"));
	if (department->has_function)
		printf("  [%s]", hw_role_description(department->function));
	printf("\n");
	return 0;
}

static int print_person(const hw_person *person, void *user)
{
	const person_listing *listing = user;
	json_t *list = listing ? listing->array : NULL;
	if (listing != NULL && person->left && !listing->all)
		return 0;
	if (list != NULL) {
		json_array_append_new(list, person_json(person));
		return 0;
	}
	/* The role in words for people (the key is in --json). */
	printf("%4lld  %s  %s  %s", (long long)person->id, person->name, person->title,
	       hw_role_label(listing ? listing->rules : NULL, person->role));
	if (person->department_id)
		printf("  %s", person->department_name);
	if (person->email[0])
		printf("  <%s>", person->email);
	if (person->phone[0])
		printf("  %s", person->phone);
	if (person->left) {
		char on[HW_DATE_TEXT_SIZE];
		hw_date_format(person->left_on, on);
		printf("  ");
		printf(_("[no longer serving since %s]"), on);
	}
	printf("\n");
	return 0;
}

static int list(hw_session *session, bool json, bool departments, bool all)
{
	hw_error error = {0};
	json_t *array = json ? json_array() : NULL;
	person_listing listing = {.array = array, .all = all, .rules = session->rules};
	int status = departments ? hw_department_list(session, print_department, array, &error)
				 : hw_person_list(session, print_person, &listing, &error);
	if (status != 0) {
		json_decref(array);
		return cli_fail(&error);
	}
	if (json)
		cli_print_json(array);
	return CLI_OK;
}

int cli_dept(cli_context *context, int argc, char **argv)
{
	const char *deputy = NULL, *function = NULL, *name = NULL, *positional[1] = {NULL};
	bool member = false, json = false;
	const cli_option add[] = {
		{"deputy", &deputy, NULL},
		{"function", &function, NULL},
		{"member-of-executive", NULL, &member},
		{NULL, NULL, NULL},
	};
	const cli_option edit[] = {{"deputy", &deputy, NULL}, {"name", &name, NULL}, {NULL, NULL, NULL}};
	const cli_option list_options[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 1}, {"edit", edit, 1}, {"list", list_options, 0}, {NULL, NULL, 0}};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("dept", argc, argv, actions, _("say add, edit or list"), command,
			     positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool is_list = strcmp(action, "list") == 0;
	hw_session *session = cli_open_session(context, is_list);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	int status = CLI_OK;
	if (is_list) {
		status = list(session, json, true, true);
	} else if (strcmp(action, "add") == 0) {
		hw_department_input input = {positional[0], deputy, member, function};
		int64_t id;
		if (hw_department_add(session, &input, &id, &error) != 0)
			status = cli_fail(&error);
		else
			printf("%lld\n", (long long)id);
	} else {
		if (deputy == NULL && name == NULL)
			status = cli_usage_error(command, "%s",
						 _("say what changes: --deputy P (the new deputy in charge) "
						   "or --name NEW"));
		else if (hw_department_edit(session, positional[0], name, deputy, -1, &error) != 0)
			status = cli_fail(&error);
	}
	hw_session_close(session);
	return status;
}

static int print_division(const hw_department *department, void *user)
{
	json_t *array = user;
	if (array)
		json_array_append_new(array, cli_text(department->name));
	else
		printf("    %s\n", department->name);
	return 0;
}

int cli_person(cli_context *context, int argc, char **argv)
{
	const char *title = NULL, *role = NULL, *department = NULL, *positional[1] = {NULL};
	const char *email = NULL, *phone = NULL, *name = NULL, *on = NULL;
	bool party_group = false, json = false, all = false;
	const cli_option add[] = {
		{"title", &title, NULL},
		{"role", &role, NULL},
		{"dept", &department, NULL},
		{"party-group", NULL, &party_group},
		{"email", &email, NULL},
		{"phone", &phone, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option edit[] = {
		{"title", &title, NULL}, {"role", &role, NULL},   {"dept", &department, NULL},
		{"email", &email, NULL}, {"phone", &phone, NULL}, {"name", &name, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option json_only[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option list_options[] = {{"json", NULL, &json}, {"all", NULL, &all}, {NULL, NULL, NULL}};
	const cli_option retire[] = {{"on", &on, NULL}, {NULL, NULL, NULL}};
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 1},        {"edit", edit, 1},      {"list", list_options, 0},
		{"show", json_only, 1}, {"retire", retire, 1},  {"reinstate", none, 1},
		{NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("person", argc, argv, actions,
			     _("say add, edit, list, show, retire or reinstate"), command,
			     positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool is_list = strcmp(action, "list") == 0, is_show = strcmp(action, "show") == 0;
	hw_session *session = cli_open_session(context, is_list || is_show);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	int status = CLI_OK;
	if (is_list) {
		status = list(session, json, false, all);
	} else if (strcmp(action, "retire") == 0 || strcmp(action, "reinstate") == 0) {
		bool serving = strcmp(action, "reinstate") == 0;
		hw_date date = session->today;
		if (on != NULL && !cli_date(on, &date))
			status = CLI_USAGE;
		else if (hw_person_set_serving(session, positional[0], serving, date, &error) != 0)
			status = cli_fail(&error);
	} else if (is_show) {
		hw_person person;
		if (hw_person_find(session, positional[0], &person, &error) != 0) {
			status = cli_fail(&error);
		} else if (json) {
			json_t *object = person_json(&person), *division = json_array();
			hw_person_division(session, person.id, print_division, division, &error);
			json_object_set_new(object, "division", division);
			cli_print_json(object);
		} else {
			person_listing one = {.all = true, .rules = session->rules};
			print_person(&person, &one);
			printf("  %s\n", _("division:"));
			hw_person_division(session, person.id, print_division, NULL, &error);
		}
	} else if (strcmp(action, "add") == 0) {
		hw_person_input input = {positional[0], title, role, department, party_group, email,
					 phone};
		int64_t id;
		if (hw_person_add(session, &input, &id, &error) != 0)
			status = cli_fail(&error);
		else
			printf("%lld\n", (long long)id);
	} else {
		hw_person_input changes = {.name = name, .title = title, .role = role,
					   .department = department, .email = email, .phone = phone};
		if (title == NULL && role == NULL && department == NULL && email == NULL &&
		    phone == NULL && name == NULL)
			status = cli_usage_error(command, "%s",
						 _("say what changes: --name, --title, --role, --dept, "
						   "--email or --phone"));
		else if (hw_person_edit_all(session, positional[0], &changes, &error) != 0)
			status = cli_fail(&error);
	}
	hw_session_close(session);
	return status;
}
