/* Leave 请假 from a meeting, routed to the approver the rules name (the chair, the head, the
 * office), with the written form and the substitute (a deputy head of the same department)
 * exactly where the rules allow them. */
#ifndef HW_LEAVE_H
#define HW_LEAVE_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"

typedef enum hw_leave_state {
	HW_LEAVE_PENDING,
	HW_LEAVE_APPROVED,
	HW_LEAVE_REJECTED,
} hw_leave_state;

typedef struct hw_leave {
	int64_t id;
	int64_t meeting_id;
	int64_t person_id;
	char person_name[HW_NAME_SIZE];
	char reason[HW_TEXT_SIZE];
	bool written;
	int64_t substitute_id;
	char substitute_name[HW_NAME_SIZE];
	hw_leave_state state;
	hw_role_set approvers; /* roles: chair, head, office */
	int64_t decided_by;
	char decided_by_name[HW_NAME_SIZE];
} hw_leave;

typedef struct hw_leave_input {
	int64_t meeting_id;
	const char *person;
	const char *reason;
	bool written;
	const char *substitute; /* person reference, or NULL */
} hw_leave_input;

int hw_leave_request(hw_session *session, const hw_leave_input *input, int64_t *id,
		     hw_error *error);
int hw_leave_decide(hw_session *session, int64_t id, bool approve, const char *by, hw_error *error);
int hw_leave_get(hw_session *session, int64_t id, hw_leave *out, hw_error *error);
/* All requests, or pending ones only, or those of one meeting (meeting_id > 0). `visit`
 * returns 0 to go on; any other value stops the walk and is returned. `visit` must not call
 * this function again (its statement is kept, see hw_store_cached). */
int hw_leave_list(hw_session *session, bool pending_only, int64_t meeting_id,
		  int (*visit)(const hw_leave *, void *), void *user, hw_error *error);
/* Who attends the meeting, and on what leave: each attendee in the order of
 * hw_meeting_attendees, with their leave request, or NULL for one who asked none. All of them:
 * no list is cut short. `visit` returns 0 to go on; any other value stops the walk and is
 * returned. `visit` must not call this function nor hw_meeting_attendees (their statement
 * is kept, see hw_store_cached). */
int hw_attendance_list(hw_session *session, int64_t meeting_id,
		       int (*visit)(const hw_attendee *, const hw_leave *, void *), void *user,
		       hw_error *error);
/* Whom leave from a meeting of `type` goes to, for a leader or anyone else. */
hw_role_set hw_leave_approver_roles(const hw_rules *rules, hw_meeting_type type, bool leader);
/* Whether `person` may decide leave routed to `approvers` for `meeting`. */
bool hw_leave_may_decide(const hw_person *person, hw_role_set approvers, const hw_meeting *meeting);
const char *hw_leave_state_key(hw_leave_state state);
/* The state in the user's language (已批准), for people; the key is for --json. */
const char *hw_leave_state_label(hw_leave_state state);

#endif
