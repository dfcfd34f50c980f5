/* What waits for a person's decision: leave to approve, topics to approve, minutes to sign.
 * The queues a leader reads and a clerk chases. */
#ifndef HW_AGENDA_H
#define HW_AGENDA_H

#include <stdint.h>

#include "session.h"

typedef enum hw_waiting_kind {
	HW_WAITING_LEAVE,
	HW_WAITING_TOPIC,
	HW_WAITING_MINUTES,
} hw_waiting_kind;

typedef struct hw_waiting {
	hw_waiting_kind kind;
	int64_t id;         /* leave request, topic, or the meeting whose minutes wait */
	int64_t meeting_id; /* 0 for a topic not yet on an agenda */
	char text[1400];    /* what it is: the topic's title, or who asks leave and why */
} hw_waiting;

/* Everything waiting for `person_id`; with person_id 0, everything waiting for anyone. */
int hw_waiting_for(hw_session *session, int64_t person_id, int (*visit)(const hw_waiting *, void *),
		   void *user, hw_error *error);
const char *hw_waiting_kind_key(hw_waiting_kind kind);

#endif
