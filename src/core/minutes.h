/* Minutes 纪要 and the documents a meeting decides, with their due dates counted in working
 * days from the meeting by the rules' steps (e.g. 4 working days to hand over, 3 more to
 * issue). No document sets a deadline on minutes: they are tracked (drafted, signed,
 * amended) without a due date. Signed minutes are frozen: a correction is a new amendment. */
#ifndef HW_MINUTES_H
#define HW_MINUTES_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"

typedef struct hw_minutes {
	int64_t meeting_id;
	char text[4096];
	bool signed_;
	int64_t signed_by;
	char signed_by_name[HW_NAME_SIZE];
	hw_date signed_on;
	int64_t approved_by; /* 0: no approval recorded */
	char approved_by_name[HW_NAME_SIZE];
	hw_date approved_on;
	int amendment_count;
} hw_minutes;

int hw_minutes_draft(hw_session *session, int64_t meeting_id, const char *text, hw_error *error);
int hw_minutes_sign(hw_session *session, int64_t meeting_id, const char *by, hw_error *error);
/* Records that `by` approved (审定) the minutes today: only where the rules name a
 * minutes_approver for the meeting's type (special-topic meetings' matters of importance go to
 * the head: ili 23, kizilsu 43, changji 23, wuqia 46), only by a person filling that role, and
 * once. */
int hw_minutes_approve(hw_session *session, int64_t meeting_id, const char *by, hw_error *error);
int hw_minutes_amend(hw_session *session, int64_t meeting_id, const char *text, const char *by,
		     hw_error *error);
/* Returns 1 and fills `out` when the meeting has minutes, 0 when not, -1 on error. */
int hw_minutes_get(hw_session *session, int64_t meeting_id, hw_minutes *out, hw_error *error);
typedef struct hw_amendment {
	int64_t id;
	char text[4096];
	char by_name[HW_NAME_SIZE];
	hw_date on;
} hw_amendment;

/* The amendments to a meeting's signed minutes, oldest first. */
int hw_minutes_amendments(hw_session *session, int64_t meeting_id,
			  int (*visit)(const hw_amendment *, void *), void *user, hw_error *error);

/* The roles that sign a meeting's minutes (the chair where the rules name none). */
hw_role_set hw_minutes_signer_roles(const hw_rules *rules, hw_meeting_type type);
bool hw_minutes_may_sign(const hw_person *person, hw_role_set signers, const hw_meeting *meeting);

/* Working days the rules give after a meeting of `type` to issue what it decided: the sum of
 * the document steps; 0 when the rules set none. */
int hw_rules_total_document_days(const hw_rules *rules, hw_meeting_type type);

typedef struct hw_document {
	int64_t id;
	int64_t meeting_id;
	char title[HW_TEXT_SIZE];
	bool handed_over; /* the step before the issue (hand-over or submission) is done */
	hw_date handed_over_on;
	bool issued;
	hw_date issued_on;
} hw_document;

int hw_document_add(hw_session *session, int64_t meeting_id, const char *title, int64_t *id,
		    hw_error *error);
/* Records a step of a document on `on` (NULL means today): a hand-over or a submission only
 * where the rules name that step; an issue always, once the step before it is recorded. The
 * first step's date is kept in handed_over_on, whichever it is. */
int hw_document_record_step(hw_session *session, int64_t id, hw_document_step step,
			    const char *on, hw_error *error);
int hw_document_handover(hw_session *session, int64_t id, const char *on, hw_error *error);
int hw_document_issue(hw_session *session, int64_t id, const char *on, hw_error *error);
int hw_document_list(hw_session *session, int64_t meeting_id,
		     int (*visit)(const hw_document *, void *), void *user, hw_error *error);

/* A deadline's kind is the step that is due: hand over, submit for signature or issue. */
typedef hw_document_step hw_deadline_kind;

typedef struct hw_deadline {
	hw_deadline_kind kind;
	int64_t meeting_id;
	int64_t document_id;
	char what[HW_TEXT_SIZE];
	hw_date meeting_date;
	hw_date due;
	const char *label; /* the step as the rules word it (document_step_labels) */
	int workdays_left; /* negative: working days late */
	const char *clause;
	hw_meeting_type type;
	/* The years without a published arrangement its counting read (from the meeting, or the
	 * hand-over, to the due date, and from today to the due date): when there is one, the
	 * due date is provisional and may move when the notice is published. */
	hw_years_without_data touched;
	bool provisional; /* touched.count > 0 */
} hw_deadline;

/* When a held meeting's document is due at its next step, and which step that is: false when
 * nothing more is due (issued, or past the rules' last step, e.g. submitted in Changji). */
bool hw_document_due(const hw_rules *rules, const hw_calendar *calendar, hw_meeting_type type,
		     hw_date meeting_date, const hw_document *document, hw_date *due,
		     hw_deadline_kind *step);
/* The rules' label of that step (document_step_labels), or NULL when the rules set no such
 * step (an issue after Changji's submission). */
const char *hw_document_step_label(const hw_rules *rules, hw_meeting_type type,
				   hw_document_step step);

/* What is still due, overdue first, then by due date. */
int hw_deadlines(hw_session *session, int (*visit)(const hw_deadline *, void *), void *user,
		 hw_error *error);
/* The same for one meeting. */
int hw_meeting_deadlines(hw_session *session, int64_t meeting_id,
			 int (*visit)(const hw_deadline *, void *), void *user, hw_error *error);
const char *hw_deadline_kind_key(hw_deadline_kind kind);

#endif
