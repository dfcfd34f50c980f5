#include "meetings.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "i18n.h"
#include "number.h"
#include "text.h"

static const char *const attendance_keys[HW_ATTEND_COUNT] = {"member", "sitter_in", "guest",
							      "staff"};
static const char *const status_keys[] = {N_("planned"), N_("held"), N_("cancelled")};

const char *hw_attendance_key(hw_attendance kind)
{
	return kind < HW_ATTEND_COUNT ? attendance_keys[kind] : "?";
}

bool hw_attendance_from_key(const char *key, hw_attendance *out)
{
	for (int kind = 0; kind < HW_ATTEND_COUNT; kind++)
		if (strcmp(attendance_keys[kind], key) == 0) {
			*out = (hw_attendance)kind;
			return true;
		}
	return false;
}

const char *hw_meeting_status_key(hw_meeting_status status)
{
	return status_keys[status];
}

const char *hw_attendance_label(hw_attendance kind)
{
	static const char *const labels[HW_ATTEND_COUNT] = {N_("member"), N_("sitter-in"),
							      N_("guest"), N_("staff")};
	return _(labels[kind < HW_ATTEND_COUNT ? kind : HW_ATTEND_GUEST]);
}

const char *hw_meeting_status_label(hw_meeting_status status)
{
	return _(status_keys[status]);
}

bool hw_time_valid(const char *text)
{
	return text != NULL && strlen(text) == 5 && text[2] == ':' && text[0] >= '0' &&
	       text[0] <= '2' && text[1] >= '0' && text[1] <= '9' && text[3] >= '0' &&
	       text[3] <= '5' && text[4] >= '0' && text[4] <= '9' &&
	       (text[0] < '2' || text[1] <= '3');
}

void hw_describe_roles(const hw_rules *rules, hw_role_set set, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int role = 0; role < HW_ROLE_COUNT && used < size; role++) {
		if (!hw_role_set_has(set, (hw_role)role))
			continue;
		const char *title = hw_rules_role_title(rules, (hw_role)role);
		used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "",
					 title ? title : hw_role_description((hw_role)role));
	}
}

int hw_chair_allowed(const hw_type_rules *type, const hw_person *person,
		     const hw_department *department)
{
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(type->chair, (hw_role)role) &&
		    hw_person_fills_role(person, department, (hw_role)role))
			return 1;
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(type->chair_by_delegation, (hw_role)role) &&
		    hw_person_fills_role(person, department, (hw_role)role))
			return 2;
	return 0;
}

int hw_parse_id(const char *text, int64_t *id, hw_error *error)
{
	const char *digits = text && text[0] == '#' ? text + 1 : text;
	switch (hw_number_parse(digits, 1, INT64_MAX, id)) {
	case HW_NUMBER_OK: return 0;
	case HW_NUMBER_OUT_OF_RANGE:
		return hw_error_set(error, _("'%s' is out of range: a number here goes from 1 to %lld"),
				    text, (long long)INT64_MAX);
	case HW_NUMBER_MALFORMED: break;
	}
	return hw_error_set(error, _("'%s' is not a number such as 12 or #12"), text ? text : "");
}


#define MEETING_COLUMNS                                                                          \
	"m.id, m.uid, m.type, m.date, m.start, m.end, m.title, m.location, m.chair_id,"           \
	" coalesce(p.name, ''), m.chair_delegated, m.adhoc_reason, m.status, m.decision_type,"      \
	" m.head_consent, m.department_id, m.requested_on, m.deputy_consent, m.sequence, m.changed_at,"  \
	" m.series_id, m.occurrence, m.detached, m.government_approved"
#define MEETING_FROM " FROM meeting m LEFT JOIN person p ON p.id = m.chair_id"

static void read_meeting(sqlite3_stmt *statement, hw_meeting *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	hw_column_text(statement, 1, out->uid, sizeof out->uid);
	const char *type = (const char *)sqlite3_column_text(statement, 2);
	if (type == NULL || !hw_meeting_type_from_key(type, &out->type))
		out->type = HW_MEETING_SPECIAL;
	const char *date = (const char *)sqlite3_column_text(statement, 3);
	if (date == NULL || !hw_date_parse(date, &out->date))
		out->date = 0;
	hw_column_text(statement, 4, out->start, sizeof out->start);
	hw_column_text(statement, 5, out->end, sizeof out->end);
	hw_column_text(statement, 6, out->title, sizeof out->title);
	hw_column_text(statement, 7, out->location, sizeof out->location);
	out->chair_id = sqlite3_column_int64(statement, 8);
	hw_column_text(statement, 9, out->chair_name, sizeof out->chair_name);
	out->chair_delegated = sqlite3_column_int(statement, 10) != 0;
	hw_column_text(statement, 11, out->adhoc_reason, sizeof out->adhoc_reason);
	const char *status = (const char *)sqlite3_column_text(statement, 12);
	out->status = status && strcmp(status, "held") == 0        ? HW_STATUS_HELD
		      : status && strcmp(status, "cancelled") == 0 ? HW_STATUS_CANCELLED
								   : HW_STATUS_PLANNED;
	out->decision_type = sqlite3_column_int(statement, 13) != 0;
	out->head_consent = sqlite3_column_int(statement, 14) != 0;
	out->department_id = sqlite3_column_int64(statement, 15);
	const char *requested = (const char *)sqlite3_column_text(statement, 16);
	out->has_requested_on = requested != NULL && hw_date_parse(requested, &out->requested_on);
	out->deputy_consent = sqlite3_column_int(statement, 17) != 0;
	out->sequence = sqlite3_column_int(statement, 18);
	hw_column_text(statement, 19, out->changed_at, sizeof out->changed_at);
	out->government_approved = sqlite3_column_int(statement, 23) != 0;
	out->series_id = sqlite3_column_int64(statement, 20);
	if (!hw_column_date(statement, 21, &out->occurrence))
		out->occurrence = out->date;
	out->detached = sqlite3_column_int(statement, 22) != 0;
}

int hw_meeting_get(hw_session *session, int64_t id, hw_meeting *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " MEETING_COLUMNS MEETING_FROM " WHERE m.id = ?1", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the meetings"), error);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_meeting(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the meetings"), error) != 0)
		return -1;
	if (last != SQLITE_ROW)
		return hw_error_option(error, "huiwu meeting list", _("no meeting #%lld"),
				    (long long)id);
	return 0;
}

int hw_meeting_list(hw_session *session, hw_date from, hw_date to,
		    int (*visit)(const hw_meeting *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " MEETING_COLUMNS MEETING_FROM
			       " WHERE m.date BETWEEN ?1 AND ?2 ORDER BY m.date, m.start, m.id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the meetings"), error);
	char from_text[HW_DATE_TEXT_SIZE], to_text[HW_DATE_TEXT_SIZE];
	hw_date_format(from, from_text);
	hw_date_format(to, to_text);
	sqlite3_bind_text(statement, 1, from_text, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, to_text, -1, SQLITE_STATIC);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_meeting meeting;
		read_meeting(statement, &meeting);
		if ((status = visit(&meeting, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the meetings"), error) != 0)
		return -1;
	return status;
}

static bool fills_any(const hw_roster *r, const hw_person *person, hw_role_set roles)
{
	const hw_department *department = hw_roster_department(r, person->department_id);
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(roles, (hw_role)role) &&
		    hw_person_fills_role(person, department, (hw_role)role))
			return true;
	return false;
}

static int insert_attendee(hw_session *session, int64_t meeting_id, int64_t person_id,
			   hw_attendance kind, hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		"INSERT OR IGNORE INTO attendee (meeting_id, person_id, kind) VALUES (?1, ?2, ?3)");
	sqlite3_bind_int64(statement, 1, meeting_id);
	sqlite3_bind_int64(statement, 2, person_id);
	sqlite3_bind_text(statement, 3, attendance_keys[kind], -1, SQLITE_STATIC);
	return hw_store_run(session->store, statement, _("cannot invite"), error);
}

/* Invites the rules' members and sitters-in, and the chair. */
static int invite_by_rules(hw_session *session, int64_t meeting_id, const hw_type_rules *type,
			   int64_t chair_id, hw_error *error)
{
	hw_roster r;
	if (hw_roster_load(session, &r, error) != 0)
		return -1;
	int result = 0;
	if (chair_id)
		result = insert_attendee(session, meeting_id, chair_id, HW_ATTEND_MEMBER, error);
	for (int i = 0; i < r.person_count && result == 0; i++) {
		const hw_person *person = &r.people[i];
		if (person->left)
			continue;
		if (fills_any(&r, person, type->members))
			result = insert_attendee(session, meeting_id, person->id, HW_ATTEND_MEMBER, error);
		else if (fills_any(&r, person, type->sitters_in))
			result = insert_attendee(session, meeting_id, person->id, HW_ATTEND_SITTER_IN,
						 error);
	}
	hw_roster_free(&r);
	return result;
}

void hw_new_uid(const char *government, char *out, size_t size)
{
	unsigned char bytes[16] = {0};
	int source = open("/dev/urandom", O_RDONLY);
	if (source < 0 || read(source, bytes, sizeof bytes) != (ssize_t)sizeof bytes) {
		/* No /dev/urandom: time and address still make a unique enough id. */
		unsigned long long seed = (unsigned long long)time(NULL) ^ (unsigned long long)(uintptr_t)out;
		for (size_t i = 0; i < sizeof bytes; i++, seed = seed * 6364136223846793005ULL + 1)
			bytes[i] = (unsigned char)(seed >> 56);
	}
	if (source >= 0)
		close(source);
	char hex[33];
	for (int i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
	snprintf(out, size, "%.8s-%.4s-%.4s-%.4s-%.12s@%s.huiwu", hex, hex + 8, hex + 12, hex + 16,
		 hex + 20, government);
}

/* The fields of a meeting after applying `input` to `base`, validated against the rules. */
static int resolve_input(hw_session *session, const hw_meeting_input *input, hw_meeting *meeting,
			 bool adding, hw_error *error)
{
	const hw_rules *rules = session->rules;
	if (adding) {
		if (input->type == NULL)
			return hw_error_option(error, "type", "%s",
					       _("say the meeting's type (plenary, executive, office, "
						 "special, study, dept_wide)"));
		if (!hw_meeting_type_from_key(input->type, &meeting->type))
			return hw_error_set(error,
					    _("unknown meeting type '%s' (plenary, executive, office, "
					      "special, study, dept_wide)"),
					    input->type);
	}
	const hw_type_rules *type = &rules->types[meeting->type];
	if (!type->defined)
		return hw_error_set(error, _("the rules of %s do not define %s meetings 〔%s〕"),
				    rules->government[HW_GOV_NAME], hw_meeting_type_key(meeting->type),
				    hw_type_clause(type));
	if (input->date != NULL && !hw_date_parse(input->date, &meeting->date))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), input->date);
	if (adding && input->date == NULL)
		return hw_error_option(error, "date", "%s", _("say the meeting's date (YYYY-MM-DD)"));
	if (input->time != NULL) {
		if (!hw_time_valid(input->time))
			return hw_error_set(error, _("'%s' is not a time: write HH:MM, e.g. 09:30"),
					    input->time);
		snprintf(meeting->start, sizeof meeting->start, "%s", input->time);
	} else if (adding) {
		return hw_error_option(error, "time", "%s", _("say when the meeting starts (HH:MM)"));
	}
	if (input->end != NULL) {
		if (*input->end != '\0' && !hw_time_valid(input->end))
			return hw_error_set(error, _("'%s' is not a time: write HH:MM, e.g. 11:30"),
					    input->end);
		snprintf(meeting->end, sizeof meeting->end, "%s", input->end);
	}
	if (meeting->end[0] != '\0' && strcmp(meeting->end, meeting->start) <= 0)
		return hw_error_set(error, _("the meeting ends (%s) before it starts (%s)"), meeting->end,
				    meeting->start);
	if (input->title != NULL) {
		if (*input->title == '\0' || strlen(input->title) >= sizeof meeting->title)
			return hw_error_set(error, "%s", _("the title is empty or too long"));
		snprintf(meeting->title, sizeof meeting->title, "%s", input->title);
	} else if (adding) {
		snprintf(meeting->title, sizeof meeting->title, "%s", type->name);
	}
	if (input->location != NULL) {
		if (strlen(input->location) >= sizeof meeting->location)
			return hw_error_set(error, "%s", _("the location is too long"));
		snprintf(meeting->location, sizeof meeting->location, "%s", input->location);
	}
	if (input->adhoc_reason != NULL) {
		if (*input->adhoc_reason == '\0' && adding)
			return hw_error_option(error, "adhoc", "%s",
					       _("an ad-hoc meeting needs its reason"));
		if (*input->adhoc_reason != '\0' && !type->adhoc)
			return hw_error_set(error, _("the rules allow no ad-hoc %s 〔%s〕"), type->name,
					    hw_type_clause(type));
		if (strlen(input->adhoc_reason) >= sizeof meeting->adhoc_reason)
			return hw_error_set(error, "%s", _("the reason is too long"));
		snprintf(meeting->adhoc_reason, sizeof meeting->adhoc_reason, "%s", input->adhoc_reason);
	}
	if (input->decision_type >= 0) {
		if (meeting->type != HW_MEETING_SPECIAL && input->decision_type)
			return hw_error_set(error, "%s",
					    _("only special-topic meetings are marked decision-type"));
		meeting->decision_type = input->decision_type;
	}
	if (input->head_consent >= 0)
		meeting->head_consent = input->head_consent;

	/* Department-wide meetings are a department's, with no government chair. */
	if (meeting->type == HW_MEETING_DEPT_WIDE) {
		if (input->department != NULL) {
			hw_department department;
			if (hw_department_find(session, input->department, &department, error) != 0)
				return -1;
			meeting->department_id = department.id;
		}
		if (meeting->department_id == 0)
			return hw_error_option(error, "dept", "%s",
					       _("a department-wide meeting needs its department"));
		if (input->requested_on != NULL) {
			if (!hw_date_parse(input->requested_on, &meeting->requested_on))
				return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"),
						    input->requested_on);
			meeting->has_requested_on = true;
		}
		if (input->deputy_consent >= 0)
			meeting->deputy_consent = input->deputy_consent;
		if (input->government_approved >= 0)
			meeting->government_approved = input->government_approved;
		if (input->chair != NULL)
			return hw_error_set(error, "%s",
					    _("a department-wide meeting is the department's own: it has "
					      "no chair from the government"));
		return 0;
	}
	if (input->department != NULL || input->requested_on != NULL || input->deputy_consent >= 0 ||
	    input->government_approved >= 0)
		return hw_error_set(error, "%s",
				    _("the department, the request date, the deputy's consent and the "
				      "government's approval are for department-wide meetings"));

	char allowed[512];
	hw_describe_roles(rules, type->chair, allowed, sizeof allowed);
	if (input->chair != NULL) {
		hw_person chair;
		hw_department department = {0};
		if (hw_person_find(session, input->chair, &chair, error) != 0)
			return -1;
		if (adding && chair.left)
			return hw_error_set(error, _("%s is no longer serving"), chair.name);
		if (chair.department_id && hw_department_get(session, chair.department_id, &department, error) != 0)
			return -1;
		int allowed_as = hw_chair_allowed(type, &chair, &department);
		if (allowed_as == 0)
			return hw_error_set(error, _("%s may not chair %s: the rules name %s 〔%s〕"),
					    chair.name, type->name, allowed,
					    hw_type_key_clause(type, HW_KEY_CHAIR));
		meeting->chair_id = chair.id;
		snprintf(meeting->chair_name, sizeof meeting->chair_name, "%s", chair.name);
		meeting->chair_delegated = allowed_as == 2;
	} else if (adding) {
		/* Whom the rules name, in the order the roles are listed. */
		hw_roster r;
		if (hw_roster_load(session, &r, error) != 0)
			return -1;
		for (int role = 0; role < HW_ROLE_COUNT && meeting->chair_id == 0; role++) {
			if (!hw_role_set_has(type->chair, (hw_role)role))
				continue;
			for (int i = 0; i < r.person_count && meeting->chair_id == 0; i++)
				if (!r.people[i].left &&
				    hw_person_fills_role(&r.people[i],
							 hw_roster_department(&r, r.people[i].department_id),
							 (hw_role)role)) {
					meeting->chair_id = r.people[i].id;
					snprintf(meeting->chair_name, sizeof meeting->chair_name, "%s",
						 r.people[i].name);
				}
		}
		hw_roster_free(&r);
		if (meeting->chair_id == 0)
			return hw_error_option(error, "chair",
					       _("no one in the roster can chair %s (the rules name %s): "
						 "add them to the roster or name the chair"),
					    type->name, allowed);
	}
	return 0;
}

static int write_meeting(hw_session *session, const hw_meeting *meeting, bool adding,
			 int64_t *id, hw_error *error)
{
	const char *sql =
		adding ? "INSERT INTO meeting (uid, type, date, start, end, title, location, chair_id,"
			 " chair_delegated, adhoc_reason, status, decision_type, head_consent,"
			 " department_id, requested_on, deputy_consent, sequence, changed_at,"
			 " series_id, occurrence, detached, government_approved)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
			 " ?17, ?18, ?20, ?21, ?22, ?23)"
		       : "UPDATE meeting SET uid = ?1, type = ?2, date = ?3, start = ?4, end = ?5,"
			 " title = ?6, location = ?7, chair_id = ?8, chair_delegated = ?9,"
			 " adhoc_reason = ?10, status = ?11, decision_type = ?12, head_consent = ?13,"
			 " department_id = ?14, requested_on = ?15, deputy_consent = ?16,"
			 " sequence = ?17, changed_at = ?18, series_id = ?20, occurrence = ?21,"
			 " detached = ?22, government_approved = ?23 WHERE id = ?19";
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot save the meeting"), error);
	char date[HW_DATE_TEXT_SIZE], requested[HW_DATE_TEXT_SIZE], now[32];
	hw_date_format(meeting->date, date);
	hw_date_format(meeting->requested_on, requested);
	hw_timestamp_now(now);
	sqlite3_bind_text(statement, 1, meeting->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, hw_meeting_type_key(meeting->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, meeting->start, -1, SQLITE_STATIC);
	if (meeting->end[0])
		sqlite3_bind_text(statement, 5, meeting->end, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 6, meeting->title, -1, SQLITE_STATIC);
	if (meeting->location[0])
		sqlite3_bind_text(statement, 7, meeting->location, -1, SQLITE_STATIC);
	if (meeting->chair_id)
		sqlite3_bind_int64(statement, 8, meeting->chair_id);
	sqlite3_bind_int(statement, 9, meeting->chair_delegated);
	if (meeting->adhoc_reason[0])
		sqlite3_bind_text(statement, 10, meeting->adhoc_reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 11, status_keys[meeting->status], -1, SQLITE_STATIC);
	sqlite3_bind_int(statement, 12, meeting->decision_type);
	sqlite3_bind_int(statement, 13, meeting->head_consent);
	if (meeting->department_id)
		sqlite3_bind_int64(statement, 14, meeting->department_id);
	if (meeting->has_requested_on)
		sqlite3_bind_text(statement, 15, requested, -1, SQLITE_STATIC);
	sqlite3_bind_int(statement, 16, meeting->deputy_consent);
	/* NULL unless recorded, so that the rows before migration 5 keep their seals. */
	if (meeting->government_approved)
		sqlite3_bind_int(statement, 23, 1);
	sqlite3_bind_int(statement, 17, meeting->sequence);
	sqlite3_bind_text(statement, 18, now, -1, SQLITE_STATIC);
	if (!adding)
		sqlite3_bind_int64(statement, 19, meeting->id);
	if (meeting->series_id) {
		sqlite3_bind_int64(statement, 20, meeting->series_id);
		hw_bind_date(statement, 21, meeting->occurrence);
	}
	sqlite3_bind_int(statement, 22, meeting->detached);
	int rc = sqlite3_step(statement);
	sqlite3_finalize(statement);
	if (rc != SQLITE_DONE)
		return hw_store_fail(session->store, _("cannot save the meeting"), error);
	if (adding)
		*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return 0;
}

int hw_meeting_insert(hw_session *session, const hw_meeting_input *input, int64_t series_id,
		      hw_date occurrence, int64_t *id, hw_error *error)
{
	hw_meeting meeting = {.series_id = series_id, .occurrence = occurrence};
	if (input->uid != NULL) {
		if (*input->uid == '\0' || strlen(input->uid) >= sizeof meeting.uid)
			return hw_error_set(error, "%s", _("the event's UID is empty or too long"));
		snprintf(meeting.uid, sizeof meeting.uid, "%s", input->uid);
	} else {
		hw_new_uid(session->rules->government[HW_GOV_KEY], meeting.uid, sizeof meeting.uid);
	}
	if (resolve_input(session, input, &meeting, true, error) != 0 ||
	    write_meeting(session, &meeting, true, id, error) != 0 ||
	    invite_by_rules(session, *id, &session->rules->types[meeting.type], meeting.chair_id,
			    error) != 0)
		return -1;
	return 0;
}

/* A form's or a command's input with its text checked and trimmed at the door. */
typedef struct clean_input {
	hw_meeting_input input;
	char title[HW_TEXT_SIZE], location[HW_NAME_SIZE], reason[HW_TEXT_SIZE];
} clean_input;

static int clean_text(const hw_meeting_input *input, clean_input *clean, hw_error *error)
{
	clean->input = *input;
	if (hw_text_clean(&clean->input.title, HW_TEXT_LINE, _("the title"), clean->title,
			  sizeof clean->title, error) != 0 ||
	    hw_text_clean(&clean->input.location, HW_TEXT_LINE, _("the location"), clean->location,
			  sizeof clean->location, error) != 0 ||
	    hw_text_clean(&clean->input.adhoc_reason, HW_TEXT_LINE,
			  _("the reason for an ad-hoc meeting"), clean->reason, sizeof clean->reason,
			  error) != 0)
		return -1;
	return 0;
}

int hw_meeting_add(hw_session *session, const hw_meeting_input *input, int64_t *id, hw_error *error)
{
	clean_input clean;
	if (clean_text(input, &clean, error) != 0)
		return -1;
	input = &clean.input;
	if (hw_action_begin(session, error) != 0)
		return -1;
	if (hw_meeting_insert(session, input, 0, 0, id, error) != 0) {
		hw_action_abort(session);
		return -1;
	}
	return hw_action_commit_change(session, "meeting add", "meeting", *id, *id, error);
}

int hw_meeting_edit(hw_session *session, int64_t id, const hw_meeting_input *input, hw_error *error)
{
	if (input->type != NULL)
		return hw_error_set(error, "%s",
				    _("a meeting's type cannot change: cancel it and add a new one"));
	clean_input clean;
	if (clean_text(input, &clean, error) != 0)
		return -1;
	input = &clean.input;
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	if (hw_meeting_get(session, id, &meeting, error) != 0)
		goto fail;
	if (meeting.status == HW_STATUS_CANCELLED) {
		hw_error_set(error, _("meeting #%lld is cancelled and cannot be edited"), (long long)id);
		goto fail;
	}
	if (hw_action_snapshot(session, "meeting", id, error) != 0)
		goto fail;
	meeting.sequence++;
	meeting.detached = meeting.series_id != 0; /* changed one by one: the series leaves it be */
	int64_t unused;
	if (resolve_input(session, input, &meeting, false, error) != 0 ||
	    (meeting.status == HW_STATUS_HELD && meeting.date > session->today &&
	     hw_error_set(error, _("meeting #%lld was held: it cannot move after today"),
			  (long long)id) != 0) ||
	    write_meeting(session, &meeting, false, &unused, error) != 0 ||
	    (meeting.chair_id && insert_attendee(session, id, meeting.chair_id, HW_ATTEND_MEMBER, error) != 0))
		goto fail;
	return hw_action_commit_change(session, "meeting edit", "meeting", id, id, error);
fail:
	hw_action_abort(session);
	return -1;
}

static int set_status(hw_session *session, int64_t id, hw_meeting_status status,
		      const char *action, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	if (hw_meeting_get(session, id, &meeting, error) != 0)
		goto fail;
	if (status == HW_STATUS_PLANNED && meeting.status != HW_STATUS_CANCELLED) {
		hw_error_set(error, _("meeting #%lld is not cancelled: only a cancelled meeting can be "
				      "restored"),
			     (long long)id);
		goto fail;
	}
	if (meeting.status == status) {
		hw_error_set(error, _("meeting #%lld is %s already"), (long long)id,
			     _(status_keys[status]));
		goto fail;
	}
	if (meeting.status == HW_STATUS_CANCELLED && status != HW_STATUS_PLANNED) {
		hw_error_set(error, _("meeting #%lld is cancelled"), (long long)id);
		goto fail;
	}
	if (status == HW_STATUS_CANCELLED && meeting.status == HW_STATUS_HELD) {
		hw_error_set(error, _("meeting #%lld was held and cannot be cancelled"), (long long)id);
		goto fail;
	}
	if (status == HW_STATUS_HELD && meeting.date > session->today) {
		char date[HW_DATE_TEXT_SIZE];
		hw_date_format(meeting.date, date);
		hw_error_set(error, _("meeting #%lld is not until %s: it cannot have been held"),
			     (long long)id, date);
		goto fail;
	}
	meeting.status = status;
	meeting.sequence++;
	int64_t unused;
	if (hw_action_snapshot(session, "meeting", id, error) != 0 ||
	    write_meeting(session, &meeting, false, &unused, error) != 0)
		goto fail;
	return hw_action_commit_change(session, action, "meeting", id, id, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_meeting_cancel(hw_session *session, int64_t id, hw_error *error)
{
	return set_status(session, id, HW_STATUS_CANCELLED, "meeting cancel", error);
}

/* A meeting cancelled by mistake planned again, as it was (a new sequence: calendars that
 * took the cancellation take it back). */
int hw_meeting_restore(hw_session *session, int64_t id, hw_error *error)
{
	return set_status(session, id, HW_STATUS_PLANNED, "meeting restore", error);
}

int hw_meeting_mark_held(hw_session *session, int64_t id, hw_error *error)
{
	return set_status(session, id, HW_STATUS_HELD, "meeting held", error);
}

int hw_meeting_has_attendee(hw_session *session, int64_t meeting_id, int64_t person_id,
			    hw_error *error)
{
	/* Kept: agendas ask it once per meeting of the period. */
	sqlite3_stmt *statement = hw_store_cached(
		session->store, "SELECT 1 FROM attendee WHERE meeting_id = ?1 AND person_id = ?2", error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_int64(statement, 1, meeting_id);
	sqlite3_bind_int64(statement, 2, person_id);
	int last = sqlite3_step(statement);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the attendees"), error) != 0)
		return -1;
	return last == SQLITE_ROW;
}

int hw_meeting_attendees(hw_session *session, int64_t meeting_id,
			 int (*visit)(const hw_attendee *, void *), void *user, hw_error *error)
{
	/* One query with the people joined: export walks every meeting's attendees. */
	static const char sql[] =
		"SELECT a.kind, " HW_PERSON_COLUMNS " FROM attendee a"
		" JOIN person p ON p.id = a.person_id" HW_PERSON_JOIN_DEPARTMENT
		" WHERE a.meeting_id = ?1"
		" ORDER BY CASE a.kind WHEN 'member' THEN 0 WHEN 'sitter_in' THEN 1"
		" WHEN 'guest' THEN 2 ELSE 3 END, a.person_id";
	sqlite3_stmt *statement = hw_store_cached(session->store, sql, error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_int64(statement, 1, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_attendee attendee;
		const char *kind = (const char *)sqlite3_column_text(statement, 0);
		if (!hw_attendance_from_key(kind ? kind : "", &attendee.kind))
			attendee.kind = HW_ATTEND_GUEST;
		hw_person_from_row(statement, 1, &attendee.person);
		if ((status = visit(&attendee, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the attendees"), error) != 0)
		return -1;
	return status;
}

int hw_meeting_invite(hw_session *session, int64_t meeting_id, const char *person,
		      hw_attendance kind, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_person found;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    hw_person_find(session, person, &found, error) != 0)
		goto fail;
	if (meeting.status == HW_STATUS_CANCELLED) {
		hw_error_set(error, _("meeting #%lld is cancelled"), (long long)meeting_id);
		goto fail;
	}
	if (found.left) {
		hw_error_set(error, _("%s is no longer serving and cannot be invited"), found.name);
		goto fail;
	}
	if (found.id == meeting.chair_id && kind != HW_ATTEND_MEMBER) {
		hw_error_set(error, _("%s chairs meeting #%lld and attends it as a member"), found.name,
			     (long long)meeting_id);
		goto fail;
	}
	if (kind == HW_ATTEND_STAFF && found.role != HW_ROLE_STAFF) {
		hw_error_set(error, _("%s is not a staff member (role staff)"), found.name);
		goto fail;
	}
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		"INSERT INTO attendee (meeting_id, person_id, kind) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (meeting_id, person_id) DO UPDATE SET kind = excluded.kind");
	sqlite3_bind_int64(statement, 1, meeting_id);
	sqlite3_bind_int64(statement, 2, found.id);
	sqlite3_bind_text(statement, 3, attendance_keys[kind], -1, SQLITE_STATIC);
	if (hw_store_run(session->store, statement, _("cannot invite"), error) != 0)
		goto fail;
	if (hw_audit_record(session, "meeting invite", "attendee", found.id, meeting_id, NULL,
			    json_pack("{s:I,s:s}", "person_id", (json_int_t)found.id, "kind",
				      attendance_keys[kind]),
			    error) != 0)
		goto fail;
	return hw_action_commit(session, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_meeting_uninvite(hw_session *session, int64_t meeting_id, const char *person,
			hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_person found;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    hw_person_find(session, person, &found, error) != 0)
		goto fail;
	if (found.id == meeting.chair_id) {
		hw_error_set(error, _("%s chairs meeting #%lld: change the chair first"), found.name,
			     (long long)meeting_id);
		goto fail;
	}
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "DELETE FROM attendee WHERE meeting_id = ?1 AND person_id = ?2"
			       " RETURNING kind",
			       -1, &statement, NULL) != SQLITE_OK) {
		hw_store_fail(session->store, _("cannot uninvite"), error);
		goto fail;
	}
	sqlite3_bind_int64(statement, 1, meeting_id);
	sqlite3_bind_int64(statement, 2, found.id);
	int last = sqlite3_step(statement);
	bool removed = last == SQLITE_ROW;
	char kind[16] = "";
	if (removed)
		hw_column_text(statement, 0, kind, sizeof kind);
	if (hw_store_finish(session->store, statement, last, N_("cannot uninvite"), error) != 0)
		goto fail;
	if (!removed) {
		hw_error_set(error, _("%s is not invited to meeting #%lld"), found.name,
			     (long long)meeting_id);
		goto fail;
	}
	if (hw_audit_record(session, "meeting uninvite", "attendee", found.id, meeting_id,
			    json_pack("{s:I,s:s}", "person_id", (json_int_t)found.id, "kind", kind), NULL,
			    error) != 0)
		goto fail;
	return hw_action_commit(session, error);
fail:
	hw_action_abort(session);
	return -1;
}
