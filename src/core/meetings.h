/* Meetings: created only in types the government's rules define, chaired by whom the rules
 * allow (recording a delegation where the rules allow one), with the rules' members and
 * sitters-in invited from the roster. */
#ifndef HW_MEETINGS_H
#define HW_MEETINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "roster.h"
#include "rules.h"
#include "session.h"

typedef enum hw_meeting_status {
	HW_STATUS_PLANNED,
	HW_STATUS_HELD,
	HW_STATUS_CANCELLED,
} hw_meeting_status;

typedef enum hw_attendance {
	HW_ATTEND_MEMBER,
	HW_ATTEND_SITTER_IN,
	HW_ATTEND_GUEST,
	HW_ATTEND_STAFF,
	HW_ATTEND_COUNT
} hw_attendance;

#define HW_TEXT_SIZE 1024

typedef struct hw_meeting {
	int64_t id;
	char uid[80];
	hw_meeting_type type;
	hw_date date;
	char start[6]; /* HH:MM */
	char end[6];   /* "" when not given */
	char title[HW_TEXT_SIZE];
	char location[HW_NAME_SIZE];
	int64_t chair_id; /* 0: none (department-wide meetings) */
	char chair_name[HW_NAME_SIZE];
	bool chair_delegated;
	char adhoc_reason[HW_TEXT_SIZE]; /* "" unless marked ad hoc */
	hw_meeting_status status;
	bool decision_type;
	bool head_consent;
	int64_t department_id; /* the department holding a dept_wide meeting */
	bool has_requested_on;
	hw_date requested_on;
	bool deputy_consent;
	bool government_approved; /* dept_wide: the government approved it (报经批准) */
	int sequence; /* rises with every change */
	char changed_at[32];
	int64_t series_id;   /* 0: not an occurrence of a standing series */
	hw_date occurrence;  /* the date the series' rule gave (RECURRENCE-ID) */
	bool detached;       /* changed on its own since the series made it */
} hw_meeting;

/* What a form or a command gives; NULL leaves a field unset (add) or unchanged (edit). */
typedef struct hw_meeting_input {
	const char *type;
	const char *date;
	const char *time;
	const char *end;
	const char *title;
	const char *location;
	const char *chair;
	const char *adhoc_reason;
	const char *department;   /* dept_wide: the department holding it */
	const char *requested_on; /* dept_wide: when it asked the government */
	int decision_type;        /* -1 unchanged, 0 no, 1 yes (special meetings) */
	int head_consent;         /* -1 unchanged, 0 no, 1 yes */
	int deputy_consent;       /* -1 unchanged, 0 no, 1 yes (dept_wide) */
	int government_approved;  /* -1 unchanged, 0 no, 1 yes (dept_wide) */
	const char *uid;          /* add: the UID of an imported event; NULL: a new one */
} hw_meeting_input;

#define HW_MEETING_INPUT_INIT                                                                     \
	{.decision_type = -1, .head_consent = -1, .deputy_consent = -1, .government_approved = -1}

int hw_meeting_add(hw_session *session, const hw_meeting_input *input, int64_t *id, hw_error *error);
/* The same inside the caller's action (no transaction of its own, no audit entry): for a
 * series, whose occurrences are added together with it. */
int hw_meeting_insert(hw_session *session, const hw_meeting_input *input, int64_t series_id,
		      hw_date occurrence, int64_t *id, hw_error *error);
/* A new globally unique id for a meeting or series ("…@KEY.huiwu"). */
void hw_new_uid(const char *government, char *out, size_t size);
int hw_meeting_edit(hw_session *session, int64_t id, const hw_meeting_input *input, hw_error *error);
int hw_meeting_cancel(hw_session *session, int64_t id, hw_error *error);
int hw_meeting_mark_held(hw_session *session, int64_t id, hw_error *error);
/* A cancelled meeting planned again; refused for any other. */
int hw_meeting_restore(hw_session *session, int64_t id, hw_error *error);
int hw_meeting_get(hw_session *session, int64_t id, hw_meeting *out, hw_error *error);
/* Meetings from `from` to `to` inclusive, by date and time. `visit` returns 0 to go on; any
 * other value stops the walk and is returned (so for every list function's visitor). */
int hw_meeting_list(hw_session *session, hw_date from, hw_date to,
		    int (*visit)(const hw_meeting *, void *), void *user, hw_error *error);
/* Parses "12" or "#12" as the id of a meeting, topic, leave request or document. */
int hw_parse_id(const char *text, int64_t *id, hw_error *error);

typedef struct hw_attendee {
	hw_person person;
	hw_attendance kind;
} hw_attendee;

/* `visit` returns 0 to go on, anything else stops the walk and is returned. `visit` must not
 * call this function again (its statement is kept, see hw_store_cached). With their leave
 * requests: hw_attendance_list (leave.h). */
int hw_meeting_attendees(hw_session *session, int64_t meeting_id,
			 int (*visit)(const hw_attendee *, void *), void *user, hw_error *error);
/* Whether the person is on the meeting's list: 1 yes, 0 no, -1 with `error`. */
int hw_meeting_has_attendee(hw_session *session, int64_t meeting_id, int64_t person_id,
			    hw_error *error);
int hw_meeting_invite(hw_session *session, int64_t meeting_id, const char *person,
		      hw_attendance kind, hw_error *error);
int hw_meeting_uninvite(hw_session *session, int64_t meeting_id, const char *person,
			hw_error *error);

const char *hw_attendance_key(hw_attendance kind);
bool hw_attendance_from_key(const char *key, hw_attendance *out);
const char *hw_meeting_status_key(hw_meeting_status status);
/* What the user reads: "sitter-in", "planned", in the user's language. */
const char *hw_attendance_label(hw_attendance kind);
const char *hw_meeting_status_label(hw_meeting_status status);

/* Whether `person` may chair a meeting of `type`: 1 in their own right, 2 by delegation, 0 not. */
int hw_chair_allowed(const hw_type_rules *type, const hw_person *person,
		     const hw_department *department);
/* Describes the roles of a set with the rules' titles: "县长, 常务副县长". */
void hw_describe_roles(const hw_rules *rules, hw_role_set set, char *out, size_t size);

/* Validates "HH:MM". */
bool hw_time_valid(const char *text);

#endif
