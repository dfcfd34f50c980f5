#include "roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "number.h"
#include "text.h"

#define DEPARTMENT_COLUMNS \
	"d.id, d.name, d.deputy_id, coalesce(p.name, ''), d.member_of_executive, d.function"
#define DEPARTMENT_FROM " FROM department d LEFT JOIN person p ON p.id = d.deputy_id"
#define PERSON_COLUMNS HW_PERSON_COLUMNS
#define PERSON_FROM " FROM person p" HW_PERSON_JOIN_DEPARTMENT


static void read_department(sqlite3_stmt *statement, hw_department *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	hw_column_text(statement, 1, out->name, sizeof out->name);
	out->deputy_id = sqlite3_column_int64(statement, 2);
	hw_column_text(statement, 3, out->deputy_name, sizeof out->deputy_name);
	out->member_of_executive = sqlite3_column_int(statement, 4) != 0;
	const char *function = (const char *)sqlite3_column_text(statement, 5);
	out->has_function = function != NULL && hw_role_from_key(function, &out->function);
}

void hw_person_from_row(sqlite3_stmt *statement, int first, hw_person *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, first);
	hw_column_text(statement, first + 1, out->name, sizeof out->name);
	hw_column_text(statement, first + 2, out->title, sizeof out->title);
	const char *role = (const char *)sqlite3_column_text(statement, first + 3);
	if (role == NULL || !hw_role_from_key(role, &out->role))
		out->role = HW_ROLE_RELEVANT_DEPARTMENT;
	out->department_id = sqlite3_column_int64(statement, first + 4);
	hw_column_text(statement, first + 5, out->department_name, sizeof out->department_name);
	out->party_group = sqlite3_column_int(statement, first + 6) != 0;
	hw_column_text(statement, first + 7, out->email, sizeof out->email);
	hw_column_text(statement, first + 8, out->phone, sizeof out->phone);
	out->left = hw_column_date(statement, first + 9, &out->left_on);
}

/* An e-mail address as calendars take it in mailto: one line, local@domain, no space, no
 * character a URI or a mail header would quote. "" clears it. */
static int check_email(const char *email, hw_error *error)
{
	if (email == NULL || *email == '\0')
		return 0;
	const char *at = strchr(email, '@');
	bool ok = strlen(email) <= 254 && at != NULL && at != email && at[1] != '\0' &&
		  strchr(at + 1, '@') == NULL && strchr(at + 1, '.') != NULL;
	for (const unsigned char *c = (const unsigned char *)email; ok && *c; c++)
		ok = *c > 0x20 && *c != 0x7F && strchr("\"<>()[],;:\\", *c) == NULL;
	if (!ok)
		return hw_error_set(error, _("'%.80s' is not an e-mail address (name@example.org)"),
				    email);
	return 0;
}

/* A phone number: digits, with + - ( ) and spaces as people write them, at most 32 bytes.
 * "" clears it. */
static int check_phone(const char *phone, hw_error *error)
{
	if (phone == NULL || *phone == '\0')
		return 0;
	int digits = 0;
	bool ok = strlen(phone) <= 32;
	for (const char *c = phone; ok && *c; c++) {
		digits += *c >= '0' && *c <= '9';
		ok = (*c >= '0' && *c <= '9') || strchr("+-() ", *c) != NULL;
	}
	if (!ok || digits < 3)
		return hw_error_set(error, _("'%.40s' is not a phone number (digits, + - ( ) and spaces)"),
				    phone);
	return 0;
}

static void read_person(sqlite3_stmt *statement, hw_person *out)
{
	hw_person_from_row(statement, 0, out);
}

/* A reference is an id (all digits) or an exact name. */
static bool parse_id(const char *reference, int64_t *id)
{
	return hw_number_parse(reference, 0, INT64_MAX, id) == HW_NUMBER_OK;
}

static int find_one(hw_session *session, const char *sql_by_id, const char *sql_by_name,
		    const char *reference, void (*read)(sqlite3_stmt *, void *), void *out, bool *found,
		    hw_error *error)
{
	int64_t id;
	bool by_id = parse_id(reference, &id);
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store), by_id ? sql_by_id : sql_by_name, -1,
			       &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the roster"), error);
	if (by_id)
		sqlite3_bind_int64(statement, 1, id);
	else
		sqlite3_bind_text(statement, 1, reference, -1, SQLITE_STATIC);
	int last = sqlite3_step(statement);
	*found = last == SQLITE_ROW;
	if (*found)
		read(statement, out);
	return hw_store_finish(session->store, statement, last, N_("cannot read the roster"), error);
}

static void read_department_any(sqlite3_stmt *statement, void *out)
{
	read_department(statement, out);
}

static void read_person_any(sqlite3_stmt *statement, void *out)
{
	read_person(statement, out);
}

int hw_department_find(hw_session *session, const char *reference, hw_department *out,
		       hw_error *error)
{
	bool found;
	if (find_one(session, "SELECT " DEPARTMENT_COLUMNS DEPARTMENT_FROM " WHERE d.id = ?1",
		     "SELECT " DEPARTMENT_COLUMNS DEPARTMENT_FROM " WHERE d.name = ?1", reference,
		     read_department_any, out, &found, error) != 0)
		return -1;
	if (!found)
		return hw_error_set(error, _("no department '%s' (see 'huiwu dept list')"), reference);
	return 0;
}

int hw_department_get(hw_session *session, int64_t id, hw_department *out, hw_error *error)
{
	char reference[32];
	snprintf(reference, sizeof reference, "%lld", (long long)id);
	return hw_department_find(session, reference, out, error);
}

/* The candidates for a title or a role, among those serving. */
typedef struct person_matches {
	hw_person first;
	int count;
	char names[1024]; /* "name（title，department）、…" */
} person_matches;

static void note_match(person_matches *matches, const hw_person *person)
{
	if (matches->count++ == 0)
		matches->first = *person;
	size_t used = strlen(matches->names);
	if (used + 1 < sizeof matches->names)
		snprintf(matches->names + used, sizeof matches->names - used, "%s%s（%s%s%s）",
			 used ? "、" : "", person->name, person->title,
			 person->department_id ? "，" : "", person->department_name);
}

/* Looks `reference` up as a title, then as a role (serving people only). Returns 0 with
 * matches->count 0, 1 or more, or -1 when the roster cannot be read. */
static int find_by_title_or_role(hw_session *session, const char *reference,
				 person_matches *matches, hw_error *error)
{
	hw_role role;
	bool is_role = hw_role_parse(session->rules, reference, &role) && hw_role_is_personal(role);
	for (int pass = 0; pass < 2 && matches->count == 0; pass++) {
		if (pass == 1 && !is_role)
			break;
		sqlite3_stmt *statement;
		if (sqlite3_prepare_v2(hw_store_db(session->store),
				       "SELECT " PERSON_COLUMNS PERSON_FROM
				       " WHERE p.left_on IS NULL ORDER BY p.id",
				       -1, &statement, NULL) != SQLITE_OK)
			return hw_store_fail(session->store, _("cannot read the roster"), error);
		int last;
		while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
			hw_person person;
			read_person(statement, &person);
			if (pass == 0 ? strcmp(person.title, reference) == 0 : person.role == role)
				note_match(matches, &person);
		}
		if (hw_store_finish(session->store, statement, last, N_("cannot read the roster"),
				    error) != 0)
			return -1;
	}
	return 0;
}

int hw_person_find(hw_session *session, const char *reference, hw_person *out, hw_error *error)
{
	bool found;
	if (find_one(session, "SELECT " PERSON_COLUMNS PERSON_FROM " WHERE p.id = ?1",
		     "SELECT " PERSON_COLUMNS PERSON_FROM " WHERE p.name = ?1", reference,
		     read_person_any, out, &found, error) != 0)
		return -1;
	if (found)
		return 0;
	/* Real names: 县长 or 副县长 names whoever holds the title or the role, if one does. */
	person_matches matches = {.count = 0};
	if (find_by_title_or_role(session, reference, &matches, error) != 0)
		return -1;
	if (matches.count == 1) {
		*out = matches.first;
		return 0;
	}
	if (matches.count > 1)
		return hw_error_set(error, _("'%s' fits %d people: %s; name one of them"), reference,
				    matches.count, matches.names);
	return hw_error_set(error, _("no person '%s' (see 'huiwu person list')"), reference);
}

int hw_person_get(hw_session *session, int64_t id, hw_person *out, hw_error *error)
{
	char reference[32];
	snprintf(reference, sizeof reference, "%lld", (long long)id);
	return hw_person_find(session, reference, out, error);
}

static int check_name(const char *what, const char *name, hw_error *error)
{
	if (name == NULL || *name == '\0')
		return hw_error_set(error, _("%s: the name is empty"), what);
	if (strlen(name) >= HW_NAME_SIZE)
		return hw_error_set(error, _("%s: the name is longer than %d bytes"), what,
				    HW_NAME_SIZE - 1);
	int64_t id;
	if (parse_id(name, &id))
		return hw_error_set(error, _("%s: a name cannot be only digits (digits name an id)"),
				    what);
	return 0;
}

/* Runs the roster's INSERT or UPDATE (hw_store_run), saying so when the name is taken. */
static int run_named(hw_session *session, sqlite3_stmt *statement, const char *what,
		     hw_error *error)
{
	if (hw_store_run(session->store, statement, what, error) == 0)
		return 0;
	if (sqlite3_extended_errcode(hw_store_db(session->store)) == SQLITE_CONSTRAINT_UNIQUE)
		return hw_error_set(error, _("%s: the name is taken already"), what);
	return -1;
}

/* Who may have a division: the head, the deputies and the secretary(-general). */
static int check_in_charge(const hw_person *person, hw_error *error)
{
	if (person->left)
		return hw_error_set(error, _("%s is no longer serving"), person->name);
	if (person->role == HW_ROLE_HEAD || person->role == HW_ROLE_EXECUTIVE_DEPUTY ||
	    person->role == HW_ROLE_DEPUTY || person->role == HW_ROLE_SECRETARY)
		return 0;
	return hw_error_set(error,
			    _("%s is not a government leader and cannot be in charge of a department"),
			    person->name);
}

int hw_department_add(hw_session *session, const hw_department_input *input, int64_t *id,
		      hw_error *error)
{
	char name[HW_NAME_SIZE];
	hw_department_input clean = *input;
	if (hw_text_clean(&clean.name, HW_TEXT_NAME, _("the department's name"), name, sizeof name,
			  error) != 0)
		return -1;
	input = &clean;
	if (check_name(_("department"), input->name, error) != 0)
		return -1;
	hw_role function;
	if (input->function != NULL && (!hw_role_from_key(input->function, &function) ||
					function != HW_ROLE_JUSTICE_BUREAU))
		return hw_error_set(error, _("unknown department function '%s' (known: justice_bureau)"),
				    input->function);
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_person deputy = {0};
	if (input->deputy != NULL) {
		if (hw_person_find(session, input->deputy, &deputy, error) != 0 ||
		    check_in_charge(&deputy, error) != 0)
			goto fail;
	}
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT INTO department (name, deputy_id, member_of_executive, function)"
				" VALUES (?1, ?2, ?3, ?4)");
	sqlite3_bind_text(statement, 1, input->name, -1, SQLITE_STATIC);
	if (deputy.id)
		sqlite3_bind_int64(statement, 2, deputy.id);
	sqlite3_bind_int(statement, 3, input->member_of_executive);
	if (input->function)
		sqlite3_bind_text(statement, 4, input->function, -1, SQLITE_STATIC);
	if (run_named(session, statement, input->name, error) != 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "dept add", "department", *id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_department_set_deputy(hw_session *session, const char *department, const char *deputy,
			     hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_department found;
	hw_person person;
	if (hw_department_find(session, department, &found, error) != 0 ||
	    hw_person_find(session, deputy, &person, error) != 0 ||
	    check_in_charge(&person, error) != 0 ||
	    hw_action_snapshot(session, "department", found.id, error) != 0)
		goto fail;
	sqlite3_stmt *statement =
		hw_store_prepare(session->store, "UPDATE department SET deputy_id = ?1 WHERE id = ?2");
	sqlite3_bind_int64(statement, 1, person.id);
	sqlite3_bind_int64(statement, 2, found.id);
	if (run_named(session, statement, found.name, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "dept edit", "department", found.id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

/* A role by its key or its Chinese name in this government's words. */
static int parse_person_role(hw_session *session, const char *key, hw_role *role, hw_error *error)
{
	if (key == NULL || !hw_role_parse(session->rules, key, role) || !hw_role_is_personal(*role))
		return hw_error_set(error,
				    _("'%s' is not a role a person holds (%s, %s, %s, %s, %s …, or "
				      "their keys head, executive_deputy, deputy, department_head, "
				      "department_deputy …; see man huiwu-rules)"),
				    key ? key : "", hw_role_label(session->rules, HW_ROLE_HEAD),
				    hw_role_label(session->rules, HW_ROLE_EXECUTIVE_DEPUTY),
				    hw_role_label(session->rules, HW_ROLE_DEPUTY),
				    hw_role_label(session->rules, HW_ROLE_DEPARTMENT_HEAD),
				    hw_role_label(session->rules, HW_ROLE_DEPARTMENT_DEPUTY));
	return 0;
}

/* Department heads, their deputies and staff belong to a department. */
static bool role_needs_department(hw_role role)
{
	return role == HW_ROLE_DEPARTMENT_HEAD || role == HW_ROLE_DEPARTMENT_DEPUTY ||
	       role == HW_ROLE_STAFF;
}

int hw_person_add(hw_session *session, const hw_person_input *input, int64_t *id, hw_error *error)
{
	char name[HW_NAME_SIZE], title[HW_NAME_SIZE];
	hw_person_input clean = *input;
	if (hw_text_clean(&clean.name, HW_TEXT_NAME, _("the person's name"), name, sizeof name,
			  error) != 0 ||
	    hw_text_clean(&clean.title, HW_TEXT_NAME, _("the person's title"), title, sizeof title,
			  error) != 0)
		return -1;
	input = &clean;
	hw_role role;
	if (check_name(_("person"), input->name, error) != 0 ||
	    parse_person_role(session, input->role, &role, error) != 0)
		return -1;
	if (input->title == NULL || *input->title == '\0' || strlen(input->title) >= HW_NAME_SIZE)
		return hw_error_option(error, "title", "%s", _("say the person's title, e.g. 副县长"));
	if (role_needs_department(role) && input->department == NULL)
		return hw_error_option(error, "dept", _("a %s belongs to a department: say which"),
				       hw_role_label(session->rules, role));
	if (check_email(input->email, error) != 0 || check_phone(input->phone, error) != 0)
		return -1;
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_department department = {0};
	if (input->department != NULL &&
	    hw_department_find(session, input->department, &department, error) != 0)
		goto fail;
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT INTO person (name, title, role, department_id, party_group,"
				" email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_text(statement, 1, input->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, input->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, hw_role_key(role), -1, SQLITE_STATIC);
	if (department.id)
		sqlite3_bind_int64(statement, 4, department.id);
	sqlite3_bind_int(statement, 5, input->party_group || role == HW_ROLE_PARTY_GROUP);
	if (input->email && *input->email)
		sqlite3_bind_text(statement, 6, input->email, -1, SQLITE_STATIC);
	if (input->phone && *input->phone)
		sqlite3_bind_text(statement, 7, input->phone, -1, SQLITE_STATIC);
	if (run_named(session, statement, input->name, error) != 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "person add", "person", *id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_person_edit(hw_session *session, const char *reference, const char *title, const char *role,
		   const char *department, hw_error *error)
{
	hw_person_input changes = {.title = title, .role = role, .department = department};
	return hw_person_edit_all(session, reference, &changes, error);
}

int hw_person_edit_all(hw_session *session, const char *reference, const hw_person_input *changes,
		       hw_error *error)
{
	const char *title = changes->title, *role = changes->role;
	const char *department = changes->department;
	if (check_email(changes->email, error) != 0 || check_phone(changes->phone, error) != 0)
		return -1;
	char clean_title[HW_NAME_SIZE], clean_name[HW_NAME_SIZE];
	const char *name = changes->name;
	if (hw_text_clean(&title, HW_TEXT_NAME, _("the person's title"), clean_title,
			  sizeof clean_title, error) != 0 ||
	    hw_text_clean(&name, HW_TEXT_NAME, _("the person's name"), clean_name, sizeof clean_name,
			  error) != 0)
		return -1;
	if (name != NULL && check_name(_("person"), name, error) != 0)
		return -1;
	hw_role new_role;
	if (role != NULL && parse_person_role(session, role, &new_role, error) != 0)
		return -1;
	if (title != NULL && (*title == '\0' || strlen(title) >= HW_NAME_SIZE))
		return hw_error_set(error, "%s", _("the title is empty or too long"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_person person;
	hw_department found = {0};
	if (hw_person_find(session, reference, &person, error) != 0 ||
	    (department != NULL && *department != '\0' &&
	     hw_department_find(session, department, &found, error) != 0))
		goto fail;
	hw_role final_role = role ? new_role : person.role;
	int64_t final_department = department ? found.id : person.department_id;
	if (role_needs_department(final_role) && final_department == 0) {
		hw_error_option(error, "dept", _("a %s belongs to a department: say which"),
				hw_role_label(session->rules, final_role));
		goto fail;
	}
	if (hw_action_snapshot(session, "person", person.id, error) != 0)
		goto fail;
	sqlite3_stmt *statement =
		hw_store_prepare(session->store, "UPDATE person SET title = coalesce(?1, title), role = ?2,"
						 " name = coalesce(?7, name),"
						 " department_id = ?3,"
						 " email = CASE WHEN ?5 IS NULL THEN email ELSE nullif(?5, '') END,"
						 " phone = CASE WHEN ?6 IS NULL THEN phone ELSE nullif(?6, '') END"
						 " WHERE id = ?4");
	if (title)
		sqlite3_bind_text(statement, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, hw_role_key(final_role), -1, SQLITE_STATIC);
	if (final_department)
		sqlite3_bind_int64(statement, 3, final_department);
	sqlite3_bind_int64(statement, 4, person.id);
	if (changes->email)
		sqlite3_bind_text(statement, 5, changes->email, -1, SQLITE_STATIC);
	if (changes->phone)
		sqlite3_bind_text(statement, 6, changes->phone, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(statement, 7, name, -1, SQLITE_STATIC);
	if (run_named(session, statement, name ? name : person.name, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "person edit", "person", person.id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

static int count_department(const hw_department *department, void *user)
{
	char *names = user;
	size_t used = strlen(names);
	if (used + 1 < 512)
		snprintf(names + used, 512 - used, "%s%s", used ? "、" : "", department->name);
	return 0;
}

int hw_person_set_serving(hw_session *session, const char *reference, bool serving, hw_date on,
			  hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_person person;
	char division[512] = "";
	if (hw_person_find(session, reference, &person, error) != 0)
		goto fail;
	if (person.left != serving) {
		hw_error_set(error, serving ? _("%s is serving already") : _("%s is no longer serving already"),
			     person.name);
		goto fail;
	}
	if (!serving && hw_person_division(session, person.id, count_department, division, error) != 0)
		goto fail;
	if (division[0] != '\0') {
		hw_error_set(error,
			     _("%s is in charge of %s: move those departments to another deputy in charge "
			       "first"),
			     person.name, division);
		goto fail;
	}
	if (hw_action_snapshot(session, "person", person.id, error) != 0)
		goto fail;
	sqlite3_stmt *statement =
		hw_store_prepare(session->store, "UPDATE person SET left_on = ?1 WHERE id = ?2");
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(on, date);
	if (!serving)
		sqlite3_bind_text(statement, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(statement, 2, person.id);
	if (hw_store_run(session->store, statement, _("cannot change the roster"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, serving ? "person reinstate" : "person retire",
				       "person", person.id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_department_edit(hw_session *session, const char *department, const char *name,
		       const char *deputy, int member, hw_error *error)
{
	char clean[HW_NAME_SIZE];
	if (hw_text_clean(&name, HW_TEXT_NAME, _("the department's name"), clean, sizeof clean,
			  error) != 0 ||
	    (name != NULL && check_name(_("department"), name, error) != 0))
		return -1;
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_department found;
	hw_person person = {0};
	if (hw_department_find(session, department, &found, error) != 0 ||
	    (deputy != NULL && (hw_person_find(session, deputy, &person, error) != 0 ||
				check_in_charge(&person, error) != 0)) ||
	    hw_action_snapshot(session, "department", found.id, error) != 0)
		goto fail;
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "UPDATE department SET name = coalesce(?1, name),"
				" deputy_id = coalesce(?2, deputy_id),"
				" member_of_executive = coalesce(?3, member_of_executive) WHERE id = ?4");
	if (name)
		sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
	if (person.id)
		sqlite3_bind_int64(statement, 2, person.id);
	if (member >= 0)
		sqlite3_bind_int(statement, 3, member != 0);
	sqlite3_bind_int64(statement, 4, found.id);
	if (run_named(session, statement, name ? name : found.name, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "dept edit", "department", found.id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_department_list(hw_session *session, int (*visit)(const hw_department *, void *),
		       void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " DEPARTMENT_COLUMNS DEPARTMENT_FROM " ORDER BY d.id", -1,
			       &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the roster"), error);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_department department;
		read_department(statement, &department);
		if ((status = visit(&department, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the roster"), error) != 0)
		return -1;
	return status;
}

int hw_person_list(hw_session *session, int (*visit)(const hw_person *, void *), void *user,
		   hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " PERSON_COLUMNS PERSON_FROM " ORDER BY p.id", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the roster"), error);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_person person;
		read_person(statement, &person);
		if ((status = visit(&person, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the roster"), error) != 0)
		return -1;
	return status;
}

int hw_person_division(hw_session *session, int64_t person_id,
		       int (*visit)(const hw_department *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " DEPARTMENT_COLUMNS DEPARTMENT_FROM
			       " WHERE d.deputy_id = ?1 ORDER BY d.id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the roster"), error);
	sqlite3_bind_int64(statement, 1, person_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_department department;
		read_department(statement, &department);
		if ((status = visit(&department, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the roster"), error) != 0)
		return -1;
	return status;
}

bool hw_person_fills_role(const hw_person *person, const hw_department *department, hw_role role)
{
	switch (role) {
	case HW_ROLE_MEMBER_DEPARTMENT:
		return person->role == HW_ROLE_DEPARTMENT_HEAD && department != NULL &&
		       department->member_of_executive;
	case HW_ROLE_JUSTICE_BUREAU:
		return person->role == HW_ROLE_DEPARTMENT_HEAD && department != NULL &&
		       department->has_function && department->function == HW_ROLE_JUSTICE_BUREAU;
	case HW_ROLE_DEPUTY:
		/* The executive deputy is a deputy too (常务副县长 is a 副县长). */
		return person->role == HW_ROLE_DEPUTY || person->role == HW_ROLE_EXECUTIVE_DEPUTY;
	case HW_ROLE_PARTY_GROUP:
		/* The head and deputies are in the group by office; listed members beside them. */
		return person->party_group || person->role == HW_ROLE_PARTY_GROUP;
	default:
		return person->role == role;
	}
}

/* ---- the roster in memory ---- */

typedef struct roster_loader {
	hw_roster *roster;
	int person_capacity, department_capacity;
	hw_error *error;
} roster_loader;

static int load_person(const hw_person *person, void *user)
{
	roster_loader *loader = user;
	hw_roster *roster = loader->roster;
	if (hw_grow((void **)&roster->people, &loader->person_capacity, roster->person_count,
		    sizeof *roster->people, loader->error) != 0)
		return -1;
	roster->people[roster->person_count++] = *person;
	return 0;
}

static int load_department(const hw_department *department, void *user)
{
	roster_loader *loader = user;
	hw_roster *roster = loader->roster;
	if (hw_grow((void **)&roster->departments, &loader->department_capacity,
		    roster->department_count, sizeof *roster->departments, loader->error) != 0)
		return -1;
	roster->departments[roster->department_count++] = *department;
	return 0;
}

int hw_roster_load(hw_session *session, hw_roster *out, hw_error *error)
{
	*out = (hw_roster){0};
	roster_loader loader = {.roster = out, .error = error};
	if (hw_person_list(session, load_person, &loader, error) != 0 ||
	    hw_department_list(session, load_department, &loader, error) != 0) {
		hw_roster_free(out);
		return -1;
	}
	return 0;
}

const hw_department *hw_roster_department(const hw_roster *roster, int64_t id)
{
	for (int i = 0; id != 0 && i < roster->department_count; i++)
		if (roster->departments[i].id == id)
			return &roster->departments[i];
	return NULL;
}

void hw_roster_free(hw_roster *roster)
{
	free(roster->people);
	free(roster->departments);
	*roster = (hw_roster){0};
}
