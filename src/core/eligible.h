/* Who may act: the people the rules allow to chair a meeting of a type, to decide a leave
 * request, to approve a topic or to sign a meeting's minutes. A front end offers these
 * people, so that a clerk picks from the allowed rather than learning from a refusal. */
#ifndef HW_ELIGIBLE_H
#define HW_ELIGIBLE_H

#include <stdint.h>

#include "meetings.h"

/* `how` is 1 for a person in their own right, 2 for one by delegation (chairs only). */
typedef int (*hw_eligible_visit)(const hw_person *person, int how, void *user);

/* The chairs may be none (a department's meeting has no chair). The others fail when nobody
 * qualifies, saying whom the rules name and the clause. */
int hw_chair_candidates(hw_session *session, hw_meeting_type type, hw_eligible_visit visit,
			void *user, hw_error *error);
int hw_leave_deciders(hw_session *session, int64_t leave_id, hw_eligible_visit visit, void *user,
		      hw_error *error);
int hw_topic_approvers(hw_session *session, int64_t topic_id, hw_eligible_visit visit, void *user,
		       hw_error *error);
/* Who may stand in for `person_id` at meeting `meeting_id` when they ask leave: a deputy head
 * of their department, still serving, where the meeting type's rules provide for a substitute
 * and the person is a department head. Visits nobody (and returns 0) otherwise. */
int hw_leave_substitutes(hw_session *session, int64_t meeting_id, int64_t person_id,
			 hw_eligible_visit visit, void *user, hw_error *error);
int hw_minutes_signers(hw_session *session, int64_t meeting_id, hw_eligible_visit visit,
		       void *user, hw_error *error);

#endif
