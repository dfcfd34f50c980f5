/* Trips 离开本地外出: a leader's absence from the region, recorded by the office with its days
 * and to whom it was reported or who approved it, as the working rules' 请销假 articles ask
 * (ili 40, kizilsu 58, yiwu 53, changji 40 — which also needs the city Party committee's
 * approval —, wuqia 61; the rule file's [government] trip_report and trip_approval). A trip
 * feeds the same availability as leave: the rule engine reports the topics of a deputy away on
 * the meeting's day (TOPIC_LEADER_ABSENT) and the meetings a traveller is invited to
 * (DOUBLE_BOOKED); the agenda lists it and marks those meetings. A trip that did not happen is
 * cancelled, not deleted: it stays listed as cancelled and counts for nothing, as a cancelled
 * meeting or a rejected leave request does. */
#ifndef HW_TRIPS_H
#define HW_TRIPS_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"

typedef struct hw_trip {
	int64_t id;
	int64_t person_id;
	char person_name[HW_NAME_SIZE];
	hw_date from, to; /* both days away, inclusive */
	char reported_to[HW_TEXT_SIZE];
	char approved_by[HW_TEXT_SIZE]; /* "" when none was recorded */
	bool cancelled;
	hw_date cancelled_on; /* when `cancelled` */
} hw_trip;

/* What a clerk writes. For an addition every field but `approved_by` is required; for an edit
 * NULL leaves a field as it is (`person` is not used: a trip keeps its traveller). */
typedef struct hw_trip_input {
	const char *person;      /* a reference */
	const char *from, *to;   /* YYYY-MM-DD, from <= to */
	const char *reported_to; /* free text: the articles ask it be reported first */
	const char *approved_by; /* free text; "" on an edit: none */
} hw_trip_input;

/* Records a trip. Refused, with nothing changed: a missing or bad field, a trip that ends
 * before it begins, one that overlaps another trip of the same person, and a deputy's trip
 * without `approved_by` where the rules ask an approval besides the report (trip_approval,
 * citing its clause). One action, logged ("trip add"); *id is the new trip's. */
int hw_trip_add(hw_session *session, const hw_trip_input *input, int64_t *id, hw_error *error);
/* Changes the given fields of a trip that is not cancelled, under the same checks as
 * hw_trip_add; one action, logged ("trip edit") with the row before and after. */
int hw_trip_edit(hw_session *session, int64_t id, const hw_trip_input *changes, hw_error *error);
/* Cancels a trip that did not happen: it stays, marked cancelled today, and no longer makes
 * anyone absent. Refused for an unknown or already cancelled trip. One action, logged. */
int hw_trip_cancel(hw_session *session, int64_t id, hw_error *error);
/* Reads one trip; an error naming the id when there is none. */
int hw_trip_get(hw_session *session, int64_t id, hw_trip *out, hw_error *error);
/* The trips that touch [from, to] (0 for either: no bound) of one person (person_id > 0) or of
 * everyone, by first day; cancelled ones only with `with_cancelled`. The visitor stops the
 * walk by returning non-zero, which is returned. The visitor may call hw_trip_away and
 * hw_trip_get but not this function. */
int hw_trip_list(hw_session *session, hw_date from, hw_date to, int64_t person_id,
		 bool with_cancelled, int (*visit)(const hw_trip *, void *), void *user,
		 hw_error *error);
/* Whether `person_id` is away on a trip (not cancelled) on `date`: 1 with the trip in *out
 * (which may be NULL), 0 when not, -1 with `error` when it cannot be read. */
int hw_trip_away(hw_session *session, int64_t person_id, hw_date date, hw_trip *out,
		 hw_error *error);

#endif
