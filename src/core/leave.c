#include "leave.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "text.h"

static const char *const state_keys[] = {N_("pending"), N_("approved"), N_("rejected")};

const char *hw_leave_state_key(hw_leave_state state)
{
	return state_keys[state];
}

const char *hw_leave_state_label(hw_leave_state state)
{
	return _(state_keys[state]);
}

hw_role_set hw_leave_approver_roles(const hw_rules *rules, hw_meeting_type type, bool leader)
{
	const hw_type_rules *rules_of_type = &rules->types[type];
	if (leader && rules_of_type->leave_approver_for_leaders)
		return rules_of_type->leave_approver_for_leaders;
	/* Where the rules say nothing of leave, the chair decides. */
	return rules_of_type->leave_approver ? rules_of_type->leave_approver
					     : HW_ROLE_BIT(HW_ROLE_CHAIR);
}

bool hw_leave_may_decide(const hw_person *person, hw_role_set approvers, const hw_meeting *meeting)
{
	if (hw_role_set_has(approvers, HW_ROLE_CHAIR) && person->id == meeting->chair_id)
		return true;
	if (hw_role_set_has(approvers, HW_ROLE_HEAD) && person->role == HW_ROLE_HEAD)
		return true;
	/* The office: its director (secretary) and its staff. */
	return hw_role_set_has(approvers, HW_ROLE_OFFICE) &&
	       (person->role == HW_ROLE_SECRETARY || person->role == HW_ROLE_DEPUTY_SECRETARY ||
		person->role == HW_ROLE_OFFICE);
}

static hw_role_set parse_roles(const char *text)
{
	hw_role_set set = 0;
	char copy[256];
	snprintf(copy, sizeof copy, "%s", text);
	for (char *save = NULL, *item = strtok_r(copy, ",", &save); item;
	     item = strtok_r(NULL, ",", &save)) {
		hw_role role;
		if (hw_role_from_key(item, &role))
			set |= HW_ROLE_BIT(role);
	}
	return set;
}

#define LEAVE_COLUMNS                                                                         \
	"l.id, l.meeting_id, l.person_id, p.name, l.reason, l.written, l.substitute_id,"          \
	" coalesce(s.name, ''), l.state, l.approvers, l.decided_by, coalesce(d.name, '')"
#define LEAVE_FROM                                                                            \
	" FROM leave l JOIN person p ON p.id = l.person_id"                                      \
	" LEFT JOIN person s ON s.id = l.substitute_id LEFT JOIN person d ON d.id = l.decided_by"

static void read_leave(sqlite3_stmt *statement, hw_leave *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	out->meeting_id = sqlite3_column_int64(statement, 1);
	out->person_id = sqlite3_column_int64(statement, 2);
	hw_column_text(statement, 3, out->person_name, sizeof out->person_name);
	hw_column_text(statement, 4, out->reason, sizeof out->reason);
	out->written = sqlite3_column_int(statement, 5) != 0;
	out->substitute_id = sqlite3_column_int64(statement, 6);
	hw_column_text(statement, 7, out->substitute_name, sizeof out->substitute_name);
	char state[16], approvers[256];
	hw_column_text(statement, 8, state, sizeof state);
	out->state = strcmp(state, "approved") == 0   ? HW_LEAVE_APPROVED
		     : strcmp(state, "rejected") == 0 ? HW_LEAVE_REJECTED
						      : HW_LEAVE_PENDING;
	hw_column_text(statement, 9, approvers, sizeof approvers);
	out->approvers = parse_roles(approvers);
	out->decided_by = sqlite3_column_int64(statement, 10);
	hw_column_text(statement, 11, out->decided_by_name, sizeof out->decided_by_name);
}

int hw_leave_get(hw_session *session, int64_t id, hw_leave *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " LEAVE_COLUMNS LEAVE_FROM " WHERE l.id = ?1", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the leave requests"), error);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_leave(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the leave requests"),
			    error) != 0)
		return -1;
	return last == SQLITE_ROW
		       ? 0
		       : hw_error_option(error, "huiwu leave list", _("no leave request #%lld"),
				      (long long)id);
}

int hw_leave_list(hw_session *session, bool pending_only, int64_t meeting_id,
		  int (*visit)(const hw_leave *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	/* Separate statements, so that a meeting's requests are found by its index rather than
	 * by reading them all (export asks for every meeting's). */
	static const char of_meeting[] =
		"SELECT " LEAVE_COLUMNS LEAVE_FROM
		" WHERE l.meeting_id = ?2 AND (?1 = 0 OR l.state = 'pending') ORDER BY l.id";
	static const char of_all[] = "SELECT " LEAVE_COLUMNS LEAVE_FROM
				     " WHERE (?1 = 0 OR l.state = 'pending') AND ?2 = 0 ORDER BY l.id";
	statement = hw_store_cached(session->store, meeting_id ? of_meeting : of_all, error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_int(statement, 1, pending_only);
	sqlite3_bind_int64(statement, 2, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_leave leave;
		read_leave(statement, &leave);
		if ((status = visit(&leave, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the leave requests"),
			    error) != 0)
		return -1;
	return status;
}

typedef struct attendance_walk {
	hw_leave *leave;
	int leave_count, leave_capacity;
	hw_error *error;
	int (*visit)(const hw_attendee *, const hw_leave *, void *);
	void *user;
} attendance_walk;

static int keep_leave(const hw_leave *leave, void *user)
{
	attendance_walk *walk = user;
	if (hw_grow((void **)&walk->leave, &walk->leave_capacity, walk->leave_count,
		    sizeof *walk->leave, walk->error) != 0)
		return -1;
	walk->leave[walk->leave_count++] = *leave;
	return 0;
}

static int visit_with_leave(const hw_attendee *attendee, void *user)
{
	attendance_walk *walk = user;
	/* A person asks leave from a meeting once at most (the leave table's unique key). */
	const hw_leave *leave = NULL;
	for (int i = 0; i < walk->leave_count && leave == NULL; i++)
		if (walk->leave[i].person_id == attendee->person.id)
			leave = &walk->leave[i];
	return walk->visit(attendee, leave, walk->user);
}

int hw_attendance_list(hw_session *session, int64_t meeting_id,
		       int (*visit)(const hw_attendee *, const hw_leave *, void *), void *user,
		       hw_error *error)
{
	/* Two walks on the meeting's indexes, the leave first (few, most meetings none): cheaper
	 * for the export, which asks for every meeting, than a lookup of leave per attendee. */
	attendance_walk walk = {.error = error, .visit = visit, .user = user};
	int status = hw_leave_list(session, false, meeting_id, keep_leave, &walk, error);
	if (status == 0)
		status = hw_meeting_attendees(session, meeting_id, visit_with_leave, &walk, error);
	free(walk.leave);
	return status;
}

typedef struct attendance_lookup {
	int64_t person_id;
	bool found;
	hw_attendance kind;
} attendance_lookup;

static int find_attendee(const hw_attendee *attendee, void *user)
{
	attendance_lookup *lookup = user;
	if (attendee->person.id == lookup->person_id) {
		lookup->found = true;
		lookup->kind = attendee->kind;
		return 1; /* found: the rest need not be read */
	}
	return 0;
}


/* The article on leave: where the rules say nothing of substitutes, that silence is in it. */
static const char *leave_clause(const hw_type_rules *type)
{
	static const hw_type_key keys[] = {HW_KEY_LEAVE_SUBSTITUTE, HW_KEY_LEAVE_WRITTEN,
					   HW_KEY_LEAVE_APPROVER, HW_KEY_LEAVE_APPROVER_FOR_LEADERS};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (type->clauses[keys[i]] != NULL)
			return type->clauses[keys[i]];
	return hw_type_clause(type);
}

int hw_leave_request(hw_session *session, const hw_leave_input *input, int64_t *id,
		     hw_error *error)
{
	char reason[HW_TEXT_SIZE];
	hw_leave_input clean = *input;
	if (hw_text_clean(&clean.reason, HW_TEXT_LINE, _("the reason"), reason, sizeof reason,
			  error) != 0)
		return -1;
	input = &clean;
	if (input->reason == NULL || *input->reason == '\0')
		return hw_error_option(error, "reason", "%s", _("say why the leave is asked"));
	if (strlen(input->reason) >= HW_TEXT_SIZE)
		return hw_error_set(error, "%s", _("the reason is too long"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_person person, substitute = {0};
	if (hw_meeting_get(session, input->meeting_id, &meeting, error) != 0 ||
	    hw_person_find(session, input->person, &person, error) != 0)
		goto fail;
	const hw_type_rules *type = &session->rules->types[meeting.type];
	if (meeting.status != HW_STATUS_PLANNED) {
		hw_error_set(error, _("meeting #%lld is %s: leave is asked before a meeting"),
			     (long long)meeting.id, _(hw_meeting_status_key(meeting.status)));
		goto fail;
	}
	attendance_lookup lookup = {.person_id = person.id};
	if (hw_meeting_attendees(session, meeting.id, find_attendee, &lookup, error) < 0)
		goto fail;
	if (!lookup.found) {
		hw_error_set(error, _("%s is not invited to meeting #%lld"), person.name,
			     (long long)meeting.id);
		goto fail;
	}
	if (input->substitute != NULL) {
		if (!type->leave_substitute) {
			/* Silence, not a ban: only some rules (kizilsu 41, wuqia 44) provide
			 * for a deputy to attend instead. */
			hw_error_set(error,
				     _("the rules provide for no substitute at %s: their article on "
				       "attendance and leave says nothing of anyone attending in another's "
				       "place, so none can be recorded; ask leave without a substitute 〔%s〕"),
				     type->name, leave_clause(type));
			goto fail;
		}
		if (hw_person_find(session, input->substitute, &substitute, error) != 0)
			goto fail;
		if (substitute.left) {
			hw_error_set(error, _("%s is no longer serving"), substitute.name);
			goto fail;
		}
		if (person.role != HW_ROLE_DEPARTMENT_HEAD || substitute.role != HW_ROLE_DEPARTMENT_DEPUTY ||
		    substitute.department_id != person.department_id) {
			hw_error_set(error,
				     _("a substitute is a deputy head (department_deputy) of the same "
				       "department as the department head on leave; %s is not one for "
				       "%s 〔%s〕"),
				     substitute.name, person.name, leave_clause(type));
			goto fail;
		}
	}
	hw_role_set approvers = hw_leave_approver_roles(session->rules, meeting.type,
							hw_role_is_government_leader(person.role));
	char approver_keys[256] = "";
	size_t used = 0;
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(approvers, (hw_role)role))
			used += (size_t)snprintf(approver_keys + used, sizeof approver_keys - used, "%s%s",
						 used ? "," : "", hw_role_key((hw_role)role));
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT INTO leave (meeting_id, person_id, reason, written, substitute_id,"
				" approvers, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_int64(statement, 1, meeting.id);
	sqlite3_bind_int64(statement, 2, person.id);
	sqlite3_bind_text(statement, 3, input->reason, -1, SQLITE_STATIC);
	sqlite3_bind_int(statement, 4, input->written);
	if (substitute.id)
		sqlite3_bind_int64(statement, 5, substitute.id);
	sqlite3_bind_text(statement, 6, approver_keys, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 7, now, -1, SQLITE_STATIC);
	if (hw_store_run(session->store, statement, _("cannot record the leave request"), error) !=
	    0) {
		if (sqlite3_extended_errcode(hw_store_db(session->store)) == SQLITE_CONSTRAINT_UNIQUE)
			hw_error_set(error, _("%s has asked leave from meeting #%lld already"), person.name,
				     (long long)meeting.id);
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "leave request", "leave", *id, meeting.id, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_leave_decide(hw_session *session, int64_t id, bool approve, const char *by, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_leave leave;
	hw_meeting meeting;
	hw_person decider;
	if (hw_leave_get(session, id, &leave, error) != 0 ||
	    hw_meeting_get(session, leave.meeting_id, &meeting, error) != 0 ||
	    hw_person_find(session, by, &decider, error) != 0)
		goto fail;
	if (leave.state != HW_LEAVE_PENDING) {
		hw_error_set(error, _("leave request #%lld is %s already"), (long long)id,
			     _(state_keys[leave.state]));
		goto fail;
	}
	if (!hw_leave_may_decide(&decider, leave.approvers, &meeting)) {
		const hw_type_rules *type = &session->rules->types[meeting.type];
		char names[256];
		hw_describe_roles(session->rules, leave.approvers, names, sizeof names);
		bool leader_rule = type->leave_approver_for_leaders &&
				   leave.approvers == type->leave_approver_for_leaders;
		const char *clause =
			leader_rule ? hw_type_key_clause(type, HW_KEY_LEAVE_APPROVER_FOR_LEADERS)
				    : hw_type_key_clause(type, HW_KEY_LEAVE_APPROVER);
		hw_error_set(error, _("%s may not decide this request: leave from %s goes to %s 〔%s〕"),
			     decider.name, type->name, names, clause);
		goto fail;
	}
	if (hw_action_snapshot(session, "leave", id, error) != 0)
		goto fail;
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "UPDATE leave SET state = ?1, decided_by = ?2 WHERE id = ?3");
	sqlite3_bind_text(statement, 1, approve ? "approved" : "rejected", -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, decider.id);
	sqlite3_bind_int64(statement, 3, id);
	if (hw_store_run(session->store, statement, _("cannot record the decision"), error) != 0)
		goto fail;
	/* The substitute attends in the absent head's place. */
	if (approve && leave.substitute_id) {
		statement = hw_store_prepare(session->store,
					     "INSERT OR IGNORE INTO attendee (meeting_id, person_id, kind)"
					     " SELECT meeting_id, ?2, kind FROM attendee"
					     " WHERE meeting_id = ?1 AND person_id = ?3");
		sqlite3_bind_int64(statement, 1, meeting.id);
		sqlite3_bind_int64(statement, 2, leave.substitute_id);
		sqlite3_bind_int64(statement, 3, leave.person_id);
		if (hw_store_run(session->store, statement, _("cannot invite the substitute"), error) != 0)
			goto fail;
	}
	return hw_action_commit_change(session, approve ? "leave approve" : "leave reject", "leave",
				       id, meeting.id, error);
fail:
	hw_action_abort(session);
	return -1;
}
