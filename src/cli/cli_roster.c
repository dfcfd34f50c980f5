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
	return json_pack("{s:I,s:o,s:o,s:s,s:o,s:b,s:o,s:o}", "id", (json_int_t)person->id, "name",
			 cli_text(person->name), "title", cli_text(person->title), "role",
			 hw_role_key(person->role), "department",
			 person->department_id ? cli_text(person->department_name) : json_null(),
			 "party_group", person->party_group, "email",
			 person->email[0] ? cli_text(person->email) : json_null(), "phone",
			 person->phone[0] ? cli_text(person->phone) : json_null());
}

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
	json_t *list = user;
	if (list != NULL) {
		json_array_append_new(list, person_json(person));
		return 0;
	}
	/* The role in words for people (the key is in --json). */
	printf("%4lld  %s  %s  %s", (long long)person->id, person->name, person->title,
	       hw_role_description(person->role));
	if (person->department_id)
		printf("  %s", person->department_name);
	if (person->email[0])
		printf("  <%s>", person->email);
	if (person->phone[0])
		printf("  %s", person->phone);
	printf("\n");
	return 0;
}

static int list(hw_session *session, bool json, bool departments)
{
	hw_error error = {0};
	json_t *array = json ? json_array() : NULL;
	int status = departments ? hw_department_list(session, print_department, array, &error)
				 : hw_person_list(session, print_person, array, &error);
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
	const char *deputy = NULL, *function = NULL, *positional[1] = {NULL};
	bool member = false, json = false;
	const cli_option add[] = {
		{"deputy", &deputy, NULL},
		{"function", &function, NULL},
		{"member-of-executive", NULL, &member},
		{NULL, NULL, NULL},
	};
	const cli_option edit[] = {{"deputy", &deputy, NULL}, {NULL, NULL, NULL}};
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
		status = list(session, json, true);
	} else if (strcmp(action, "add") == 0) {
		hw_department_input input = {positional[0], deputy, member, function};
		int64_t id;
		if (hw_department_add(session, &input, &id, &error) != 0)
			status = cli_fail(&error);
		else
			printf("%lld\n", (long long)id);
	} else {
		if (deputy == NULL)
			status = cli_usage_error(command, "%s", _("say the new deputy in charge: --deputy P"));
		else if (hw_department_set_deputy(session, positional[0], deputy, &error) != 0)
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
	const char *email = NULL, *phone = NULL;
	bool party_group = false, json = false;
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
		{"title", &title, NULL}, {"role", &role, NULL}, {"dept", &department, NULL},
		{"email", &email, NULL}, {"phone", &phone, NULL}, {NULL, NULL, NULL},
	};
	const cli_option json_only[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", add, 1},         {"edit", edit, 1}, {"list", json_only, 0},
		{"show", json_only, 1},  {NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("person", argc, argv, actions, _("say add, edit, list or show"), command,
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
		status = list(session, json, false);
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
			print_person(&person, NULL);
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
		hw_person_input changes = {.title = title, .role = role, .department = department,
					   .email = email, .phone = phone};
		if (title == NULL && role == NULL && department == NULL && email == NULL &&
		    phone == NULL)
			status = cli_usage_error(command, "%s",
						 _("say what changes: --title, --role, --dept, --email or "
						   "--phone"));
		else if (hw_person_edit_all(session, positional[0], &changes, &error) != 0)
			status = cli_fail(&error);
	}
	hw_session_close(session);
	return status;
}
