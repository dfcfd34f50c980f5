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
	/* Recurring events are expanded over [from, to] (YYYY-MM-DD); NULL: a year before the
	 * session's today, two years after. */
	const char *from, *to;
} hw_import_options;

typedef struct hw_import_report {
	int events;    /* VEVENTs in the file */
	int created;   /* meetings or busy entries added */
	int unchanged; /* already imported, or an older version of what was */
	int updated;   /* a newer version (SEQUENCE, then DTSTAMP) of what was imported */
	int cancelled; /* cancelled events: not imported, or what was imported cancelled */
	int own;       /* busy: events of this database's own meetings (its export), left out */
	int todos;     /* VTODOs, not imported */
	int unknown_attendees; /* busy: attendees no one in the roster is called */
	int skipped;   /* events left out, each named in a warning (reversed, nested) */
	/* What was read with a warning ("FILE:LINE: …": a line too long, skipped; bad UTF-8,
	 * repaired; an event skipped): warning_count of them, the first HW_IMPORT_WARNINGS_KEPT
	 * kept in `warnings` (a kept one may be NULL when memory ran out). */
	int warning_count;
	char **warnings;
} hw_import_report;

#define HW_IMPORT_WARNINGS_KEPT 100

/* A file that is no calendar (not BEGIN:VCALENDAR first, a component never ended) is refused
 * with "FILE:LINE: message" and nothing of it is imported; a property or an event that cannot
 * be used is skipped with a warning naming its line, and the rest imports. The file must be a
 * regular file of at most 64 MiB; a content line longer than 64 KiB (unfolded) is skipped
 * with a warning. Each occurrence of a recurring event is an event of its own, known by
 * "UID/RECURRENCE-ID". The caller frees the report's warnings (hw_import_report_free),
 * also after a failure (there are none then). */
int hw_import_ics(hw_session *session, const char *path, const hw_import_options *options,
		  hw_import_report *report, hw_error *error);

void hw_import_report_free(hw_import_report *report);

#endif
