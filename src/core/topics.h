/* Agenda topics 议题: proposed → approved by the head → on a meeting's agenda → decided or
 * deferred. A topic may be put on a draft agenda before approval; the rule engine reports it
 * until it is approved. */
#ifndef HW_TOPICS_H
#define HW_TOPICS_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"

typedef enum hw_topic_state {
	HW_TOPIC_PROPOSED,
	HW_TOPIC_APPROVED,
	HW_TOPIC_SCHEDULED,
	HW_TOPIC_DECIDED,
	HW_TOPIC_DEFERRED,
	HW_TOPIC_STATE_COUNT
} hw_topic_state;

typedef struct hw_topic {
	int64_t id;
	char title[HW_TEXT_SIZE];
	int64_t deputy_id; /* the deputy in charge */
	char deputy_name[HW_NAME_SIZE];
	int64_t department_id; /* the reporting department */
	char department_name[HW_NAME_SIZE];
	unsigned matters; /* bit per hw_matter */
	bool matters_agreed;
	bool has_studied_on;
	hw_date studied_on;
	hw_topic_state state;
	int64_t approved_by; /* 0: not approved */
	char approved_by_name[HW_NAME_SIZE];
	int64_t reviewed_by; /* 0: not reviewed */
	char reviewed_by_name[HW_NAME_SIZE];
	int64_t proposed_by; /* 0: not recorded */
	char proposed_by_name[HW_NAME_SIZE];
	int64_t meeting_id; /* 0: not on an agenda */
	char decision[HW_TEXT_SIZE];
} hw_topic;

typedef struct hw_topic_input {
	const char *title;
	const char *deputy;     /* person reference */
	const char *department; /* department reference */
	const char *matters;    /* "projects, funds" */
	int agreed;             /* -1 unchanged, 0, 1 */
	const char *studied_on; /* YYYY-MM-DD */
	int64_t meeting_id;     /* add: on this planned meeting's agenda at once (0: none) */
	const char *proposer;   /* add: person reference, one the rules' topic_proposers name */
} hw_topic_input;

#define HW_TOPIC_INPUT_INIT {.agreed = -1}

/* Adds a topic. A proposer, when given, must fill one of the roles the rules' topic_proposers
 * name for the meeting's type (the executive meeting's for a topic on no agenda): the head or
 * a deputy as the roster says, the topic's own deputy in charge, a department's head or deputy
 * for "department", a township head for "lower_government"; otherwise refused with the clause. */
int hw_topic_add(hw_session *session, const hw_topic_input *input, int64_t *id, hw_error *error);
int hw_topic_edit(hw_session *session, int64_t id, const hw_topic_input *input, hw_error *error);
/* Records that `by` reviewed the topic (topic_reviewer: changji 21's executive deputy, the
 * deputy in charge elsewhere); where topic_review_first is set, the head approves only a
 * reviewed topic. */
int hw_topic_review(hw_session *session, int64_t id, const char *by, hw_error *error);
int hw_topic_approve(hw_session *session, int64_t id, const char *by, hw_error *error);
int hw_topic_schedule(hw_session *session, int64_t id, int64_t meeting_id, hw_error *error);
int hw_topic_decide(hw_session *session, int64_t id, const char *decision, hw_error *error);
int hw_topic_defer(hw_session *session, int64_t id, const char *reason, hw_error *error);
/* A decided or deferred topic back on its meeting's agenda; refused once the minutes are signed. */
int hw_topic_reopen(hw_session *session, int64_t id, hw_error *error);
int hw_topic_get(hw_session *session, int64_t id, hw_topic *out, hw_error *error);
/* All topics (meeting_id 0) or those on one meeting's agenda. */
/* `visit` must not call this function again (its statement is kept, see hw_store_cached). */
int hw_topic_list(hw_session *session, int64_t meeting_id, int (*visit)(const hw_topic *, void *),
		  void *user, hw_error *error);
/* A topic deferred at a meeting (暂缓) and not yet on another agenda: `topic.meeting_id` and
 * `meeting` are the meeting that deferred it; `topic.decision` is the reason given, if any. */
typedef struct hw_deferred_topic {
	hw_topic topic;
	hw_meeting meeting;
} hw_deferred_topic;

/* The topics waiting to be scheduled again (暂缓待重新安排), the earliest deferral first. A
 * deferred topic leaves the list when it is scheduled on a meeting (hw_topic_schedule) or its
 * deferral is taken back (hw_topic_reopen). `visit` returns non-zero to stop, which is
 * returned; otherwise 0, or -1 with `error`. */
int hw_topic_list_deferred(hw_session *session, int (*visit)(const hw_deferred_topic *, void *),
			   void *user, hw_error *error);
/* The roles that approve topics for a meeting of `type` (the head where the rules name none). */
hw_role_set hw_topic_approver_roles(const hw_rules *rules, hw_meeting_type type);

/* Whether `person` may approve `topic`, which is on `meeting`'s agenda (for a topic on no
 * agenda yet, `meeting` is an executive meeting with no chair). */
bool hw_topic_may_approve(const hw_rules *rules, const hw_topic *topic, const hw_meeting *meeting,
			  const hw_person *person);
const char *hw_topic_state_key(hw_topic_state state);
/* The state in the user's language (已列入议程), for people; the key is for --json. */
const char *hw_topic_state_label(hw_topic_state state);
/* Parses "projects, funds" into a bit set of hw_matter. */
int hw_parse_matters(const char *text, unsigned *out, hw_error *error);

#endif
