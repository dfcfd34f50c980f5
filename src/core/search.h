/* Search across meetings (title, location, chair) and topics (title, department, deputy):
 * what a clerk types to find "that meeting about winter heating". */
#ifndef HW_SEARCH_H
#define HW_SEARCH_H

#include <stdint.h>

#include "meetings.h"

typedef enum hw_hit_kind { HW_HIT_MEETING, HW_HIT_TOPIC } hw_hit_kind;

typedef struct hw_search_hit {
	hw_hit_kind kind;
	int64_t id;         /* the meeting or the topic */
	int64_t meeting_id; /* the meeting, or the one the topic is on (0: none) */
	bool has_date;
	hw_date date;       /* the meeting's date */
	char text[HW_TEXT_SIZE];
} hw_search_hit;

/* Meetings then topics whose text contains `text` (case-insensitive for Latin letters), each
 * group by date; at most `limit` of each. Empty text is an error. */
int hw_search(hw_session *session, const char *text, int limit,
	      int (*visit)(const hw_search_hit *, void *), void *user, hw_error *error);

#endif
