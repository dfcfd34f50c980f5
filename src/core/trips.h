/* Trips 离开本地外出: a leader's absence from the region, recorded by the office with its days
 * and to whom it was reported or who approved it, as the working rules' 请销假 articles ask
 * (ili 40, kizilsu 58, yiwu 53, changji 40 — which also needs the city Party committee's
 * approval —, wuqia 61). A trip feeds the same availability as leave: the rule engine reports
 * the topics of a deputy away on the meeting's day (TOPIC_LEADER_ABSENT) and the meetings a
 * traveller is invited to (DOUBLE_BOOKED). */
#ifndef HW_TRIPS_H
#define HW_TRIPS_H

#include <stdint.h>

#include "meetings.h"

typedef struct hw_trip {
	int64_t id;
	int64_t person_id;
	char person_name[HW_NAME_SIZE];
	hw_date from, to; /* both days away, inclusive */
	char reported_to[HW_TEXT_SIZE];
} hw_trip;

/* Records a trip of `person` (a reference) from `from` to `to` (YYYY-MM-DD, from <= to),
 * reported to `reported_to` (free text, required: the articles ask it be reported first).
 * One action, logged; *id is the new trip's. */
int hw_trip_add(hw_session *session, const char *person, const char *from, const char *to,
		const char *reported_to, int64_t *id, hw_error *error);
/* Every trip, by first day; the visitor stops the walk by returning non-zero, which is
 * returned. */
int hw_trip_list(hw_session *session, int (*visit)(const hw_trip *, void *), void *user,
		 hw_error *error);

#endif
