/* iCalendar import through libical: events of another calendar (e.g. the higher-level
 * government's schedule) become meetings of a type, or busy time for people that the rule
 * engine weighs for DOUBLE_BOOKED. All or nothing; importing the same file again changes
 * nothing (events are known by their UID). */
#ifndef HW_ICS_IMPORT_H
#define HW_ICS_IMPORT_H

#include <stdbool.h>

#include "session.h"

typedef struct hw_import_options {
	const char *as_type; /* meetings of this type … */
	bool busy;           /* … or busy time */
	const char *person;  /* busy: whose; NULL: the attendees the roster knows by name */
} hw_import_options;

typedef struct hw_import_report {
	int events;    /* VEVENTs in the file */
	int created;   /* meetings or busy entries added */
	int unchanged; /* already imported */
	int cancelled; /* cancelled events, not imported */
	int unknown_attendees; /* busy: attendees no one in the roster is called */
} hw_import_report;

/* A malformed file is refused with "FILE:LINE: message" and nothing of it is imported. */
int hw_import_ics(hw_session *session, const char *path, const hw_import_options *options,
		  hw_import_report *report, hw_error *error);

#endif
