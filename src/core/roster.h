/* Departments and people. A deputy's division is the set of departments whose deputy in charge
 * they are. People and departments are named by id or by their exact name. */
#ifndef HW_ROSTER_H
#define HW_ROSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"
#include "roles.h"
#include "session.h"

#define HW_NAME_SIZE 256
#define HW_CONTACT_SIZE 256 /* an e-mail address is at most 254 bytes (RFC 5321) */

typedef struct hw_department {
	int64_t id;
	char name[HW_NAME_SIZE];
	int64_t deputy_id; /* 0: no deputy in charge recorded */
	char deputy_name[HW_NAME_SIZE];
	bool member_of_executive;
	bool has_function;
	hw_role function; /* e.g. HW_ROLE_JUSTICE_BUREAU */
} hw_department;

typedef struct hw_person {
	int64_t id;
	char name[HW_NAME_SIZE];
	char title[HW_NAME_SIZE];
	hw_role role;
	int64_t department_id; /* 0: none */
	char department_name[HW_NAME_SIZE];
	bool party_group;
	char email[HW_CONTACT_SIZE]; /* "" when none */
	char phone[HW_CONTACT_SIZE]; /* "" when none */
	/* No longer serving (离任): history keeps them, new work does not offer them. */
	bool left;
	hw_date left_on; /* when `left` */
} hw_person;

typedef struct hw_department_input {
	const char *name;
	const char *deputy;   /* person reference, or NULL */
	bool member_of_executive;
	const char *function; /* role key, or NULL */
} hw_department_input;

int hw_department_add(hw_session *session, const hw_department_input *input, int64_t *id,
		      hw_error *error);
/* Puts the department in the division of the deputy `deputy`. */
int hw_department_set_deputy(hw_session *session, const char *department, const char *deputy,
			     hw_error *error);
/* Renames the department (`name` NULL: unchanged), puts it in the division of `deputy` (NULL:
 * unchanged) and makes it a member of the executive meeting or not (`member` 1 or 0; -1:
 * unchanged), as one action. */
int hw_department_edit(hw_session *session, const char *department, const char *name,
		       const char *deputy, int member, hw_error *error);
int hw_department_find(hw_session *session, const char *reference, hw_department *out,
		       hw_error *error);
int hw_department_get(hw_session *session, int64_t id, hw_department *out, hw_error *error);
int hw_department_list(hw_session *session, int (*visit)(const hw_department *, void *),
		       void *user, hw_error *error);

typedef struct hw_person_input {
	const char *name;
	const char *title;
	const char *role;       /* role key, or its Chinese name (hw_role_parse) */
	const char *department; /* reference, or NULL */
	bool party_group;
	const char *email; /* NULL: none (add) or unchanged (edit); "": none */
	const char *phone; /* the same */
} hw_person_input;

int hw_person_add(hw_session *session, const hw_person_input *input, int64_t *id, hw_error *error);
/* Changes the given fields (NULL: unchanged). */
int hw_person_edit(hw_session *session, const char *reference, const char *title, const char *role,
		   const char *department, hw_error *error);
/* The same with e-mail and phone too (department "" for none), and `changes->name` (not NULL) a new name for the person
 * `reference` names. */
int hw_person_edit_all(hw_session *session, const char *reference, const hw_person_input *changes,
		       hw_error *error);
/* Marks the person no longer serving (离任) as of `on` (`serving` false), or serving again
 * (`serving` true, for a mark made by mistake). Their meetings, leave and minutes keep their
 * name; pickers, the rules' invitations and the lists of who may act leave them out. Refused
 * while they are a department's deputy in charge: the department moves to another first. */
int hw_person_set_serving(hw_session *session, const char *reference, bool serving, hw_date on,
			  hw_error *error);
/* The person a reference names: an id or an exact name (a person no longer serving too);
 * else, among those serving, the one whose title is `reference` (副县长), else the one who
 * holds the role it names (a key, or the role's Chinese name for this government, see
 * hw_role_parse). When several fit, the error lists them (name, title, department). */
int hw_person_find(hw_session *session, const char *reference, hw_person *out, hw_error *error);
int hw_person_get(hw_session *session, int64_t id, hw_person *out, hw_error *error);
int hw_person_list(hw_session *session, int (*visit)(const hw_person *, void *), void *user,
		   hw_error *error);
/* The departments in the person's division. */
int hw_person_division(hw_session *session, int64_t person_id,
		       int (*visit)(const hw_department *, void *), void *user, hw_error *error);

/* The columns (from person p LEFT JOIN department d) a person is read from, in this order,
 * and the reader of a row whose first column is the person's id: for queries that join people. */
#define HW_PERSON_COLUMNS \
	"p.id, p.name, p.title, p.role, p.department_id, coalesce(d.name, ''), p.party_group," \
	" coalesce(p.email, ''), coalesce(p.phone, ''), p.left_on"
#define HW_PERSON_JOIN_DEPARTMENT " LEFT JOIN department d ON d.id = p.department_id"
void hw_person_from_row(sqlite3_stmt *statement, int first_column, hw_person *out);

/* Whether the person fills `role` as rule files use it: member_department and justice_bureau
 * are department heads of such departments, party_group includes deputies in the group. */
bool hw_person_fills_role(const hw_person *person, const hw_department *department, hw_role role);

/* The whole roster in memory, for work that looks people's departments up while it goes
 * through them (one list statement must not be interleaved with lookups). */
typedef struct hw_roster {
	hw_person *people; /* by id */
	int person_count;
	hw_department *departments; /* by id */
	int department_count;
} hw_roster;

int hw_roster_load(hw_session *session, hw_roster *out, hw_error *error);
/* The department with `id`, or NULL (id 0: none). */
const hw_department *hw_roster_department(const hw_roster *roster, int64_t id);
void hw_roster_free(hw_roster *roster);

#endif
