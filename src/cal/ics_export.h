/* iCalendar export (RFC 5545) through libical: one VCALENDAR, written one VEVENT at a time so
 * that memory stays flat however many meetings there are. Exporting twice with no change in
 * between gives the same bytes: every value, DTSTAMP included, comes from the database. */
#ifndef HW_ICS_EXPORT_H
#define HW_ICS_EXPORT_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>

#include "session.h"

typedef struct hw_export_options {
	const char *person; /* only this person's meetings, named after them; NULL: everyone's */
	const char *type;   /* only this meeting type; NULL: all */
	bool has_from, has_to;
	hw_date from, to;
	bool todos;         /* minutes and documents still due, as VTODOs */
	int alarm_minutes;  /* > 0: a VALARM that many minutes before each meeting */
	/* Non-NULL: set to the number of meetings written (a series' occurrences each, its
	 * cancelled ones not), which the events returned do not tell. */
	int *meetings_written;
} hw_export_options;

/* A meeting without an end whose type gives no duration_minutes lasts this long. */
#define HW_EXPORT_DEFAULT_MINUTES 60

/* Writes the calendar to `out`; returns the number of events, or -1 with `error`. */
int hw_export_ics(hw_session *session, const hw_export_options *options, FILE *out,
		  hw_error *error);

/* Receives one component (a VEVENT or a VTODO) of the export, in the export's order: a
 * series' master and its overrides one after the other, all with the same UID. `timezone` is
 * the calendar's VTIMEZONE. Both belong to the export (clone what is kept); returns 0, or -1
 * with `error` to stop the export. */
typedef int (*hw_export_sink)(icalcomponent *component, const icalcomponent *timezone,
			      void *user, hw_error *error);

/* The same components as hw_export_ics, given one by one to `sink` instead of written.
 * Returns the number of events, or -1 with `error`. */
int hw_export_each(hw_session *session, const hw_export_options *options, hw_export_sink sink,
		   void *user, hw_error *error);

/* Writes the calendar to the file at `path`: beside it first and renamed over it, so a reader
 * never sees half a calendar; a device or pipe (/dev/null, a FIFO) is written directly.
 * Returns the number of events, or -1 with `error` (and no file changed). */
int hw_export_ics_to_path(hw_session *session, const hw_export_options *options,
			  const char *path, hw_error *error);

#endif
