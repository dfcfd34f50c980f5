#include "ics_import.h"

#include <errno.h>
#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "meetings.h"
#include "roster.h"
#include "text.h"
#include "text_file.h"

#define MAX_FILE_SIZE (64 * 1024 * 1024)
#define MAX_DEPTH 16
/* No property of a calendar huiwu reads needs more; libical's parsing of one line grows faster
 * than its length, so a longer line is skipped with a warning rather than parsed. */
#define MAX_CONTENT_LINE (64 * 1024)

/* The importer's own marks on each VEVENT, added as the lines are fed to libical: the line the
 * event began on (for warnings), and that it is to be skipped. A file's own X-HUIWU- lines are
 * dropped, so that it cannot set them. */
#define MARK_PREFIX "X-HUIWU-"
#define MARK_LINE "X-HUIWU-LINE"
#define MARK_SKIP "X-HUIWU-SKIP"

void hw_import_report_free(hw_import_report *report)
{
	int kept = report->warning_count < HW_IMPORT_WARNINGS_KEPT ? report->warning_count
								   : HW_IMPORT_WARNINGS_KEPT;
	for (int i = 0; i < kept && report->warnings != NULL; i++)
		free(report->warnings[i]);
	free(report->warnings);
	report->warnings = NULL;
	report->warning_count = 0;
}

/* Adds a warning ("FILE:LINE: …") to the report; past HW_IMPORT_WARNINGS_KEPT only counts it. */
static void __attribute__((format(printf, 2, 3))) warn(hw_import_report *report, const char *format,
							 ...)
{
	int index = report->warning_count++;
	if (index >= HW_IMPORT_WARNINGS_KEPT)
		return;
	if (report->warnings == NULL)
		report->warnings = calloc(HW_IMPORT_WARNINGS_KEPT, sizeof *report->warnings);
	if (report->warnings == NULL)
		return;
	va_list arguments;
	va_start(arguments, format);
	if (vasprintf(&report->warnings[index], format, arguments) < 0)
		report->warnings[index] = NULL;
	va_end(arguments);
	/* A warning quotes the file (a UID): no control character of it reaches a terminal. */
	for (char *c = report->warnings[index]; c != NULL && *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
}

/* ---- reading, with the line each content line began on ---- */

typedef struct source {
	const char *text;
	size_t size, offset;
} source;

/* Hands libical the file a line at a time (fgets-like); libical unfolds. (libical's own string
 * reader looks for the end of the line again for every 80-byte chunk, which makes a long line
 * cost the square of its length.) */
static char *read_chunk(char *buffer, size_t size, void *user)
{
	source *s = user;
	if (s->offset >= s->size || size < 2)
		return NULL;
	size_t n = size - 1 < s->size - s->offset ? size - 1 : s->size - s->offset;
	const char *newline = memchr(s->text + s->offset, '\n', n);
	if (newline != NULL)
		n = (size_t)(newline - (s->text + s->offset)) + 1;
	memcpy(buffer, s->text + s->offset, n);
	buffer[n] = '\0';
	s->offset += n;
	return buffer;
}

/* The physical line, from `*cursor` on, where an unfolded content line begins: the first
 * line that is not a continuation and starts as it does (folds come after 75 octets, and
 * libical reads a line ahead, so its reading position cannot tell). */
static int locate(const char *text, size_t size, size_t *cursor, int *line, const char *content)
{
	size_t prefix = strlen(content) < 16 ? strlen(content) : 16;
	while (*cursor < size) {
		const char *start = text + *cursor;
		const char *newline = memchr(start, '\n', size - *cursor);
		size_t length = newline ? (size_t)(newline - start) + 1 : size - *cursor;
		(*line)++;
		*cursor += length;
		if (start[0] != ' ' && start[0] != '\t' && length >= prefix &&
		    memcmp(start, content, prefix) == 0)
			return *line;
	}
	return *line;
}

static bool valid_time(struct icaltimetype time)
{
	return time.year >= 1900 && time.year <= 9999 && time.month >= 1 && time.month <= 12 &&
	       time.day >= 1 && time.day <= icaltime_days_in_month(time.month, time.year) &&
	       time.hour >= 0 && time.hour < 24 && time.minute >= 0 && time.minute < 60 &&
	       time.second >= 0 && time.second <= 60;
}

typedef struct importer {
	hw_session *session;
	const hw_import_options *options;
	hw_import_report *report;
	hw_error *error;
	icaltimezone *target;
	const char *path;
	int64_t person; /* busy: the --person, found once; 0 for the attendees */
} importer;

static int import_event(importer *im, icalcomponent *event);

typedef struct open_component {
	char name[64];
	int begun_on;
	bool skip; /* a VEVENT that holds another VEVENT: the warning is given, the event skipped */
} open_component;

/* The calendar is read event by event: each VEVENT of the calendar's top level goes to a
 * parser of its own, is imported as soon as it ends and freed, so that memory stays small
 * however many events there are; everything else (time zones, to-dos) goes to the calendar's
 * parser, for the checks. */
typedef struct reader {
	importer *im;
	const char *path;
	hw_import_report *report;
	hw_error *error;
	icalparser *parser, *event_parser;
	bool in_event;         /* the lines go to event_parser */
	icalcomponent *root;   /* the calendar without its events, once ended */
	icalcomponent *zones;  /* a calendar of the file's VTIMEZONEs, each event's parent */
	open_component stack[MAX_DEPTH];
	int depth;
} reader;

/* An event as libical read it: imported in the context of the file's time zones. */
static int take_event(reader *r, icalcomponent *event)
{
	int result;
	if (icalcomponent_count_errors(event) > 0) {
		/* The line check passes what libical then refuses only in context. */
		result = hw_error_set(r->error, _("%s: libical found errors in the calendar"), r->path);
	} else {
		icalcomponent_add_component(r->zones, event);
		result = import_event(r->im, event);
		icalcomponent_remove_component(r->zones, event);
	}
	icalcomponent_free(event);
	return result;
}

/* Feeds one unfolded content line to libical; a component it completes is an event or the
 * calendar. */
static int feed(reader *r, char *line)
{
	icalcomponent *done = icalparser_add_line(r->in_event ? r->event_parser : r->parser, line);
	if (done == NULL)
		return 0;
	if (r->in_event) {
		r->in_event = false;
		return take_event(r, done);
	}
	if (r->root != NULL || icalcomponent_isa(done) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(done);
		return hw_error_set(r->error, _("%s: libical cannot read the calendar"), r->path);
	}
	r->root = done;
	return 0;
}

static int feed_mark(reader *r, const char *name, int value)
{
	char line[64];
	snprintf(line, sizeof line, "%s:%d", name, value);
	return feed(r, line);
}

static int begin_component(reader *r, char *line, int first_line)
{
	const char *name = line + strlen("BEGIN:");
	if (r->depth == MAX_DEPTH)
		return hw_error_set(r->error, _("%s:%d: components nested too deep"), r->path,
				    first_line);
	open_component *component = &r->stack[r->depth];
	snprintf(component->name, sizeof component->name, "%s", name);
	component->begun_on = first_line;
	component->skip = false;
	if (strcmp(name, "VEVENT") == 0) {
		/* An event inside an event or a to-do is no event a client shows: say so, and
		 * leave out the event that holds it too. */
		for (int i = r->depth - 1; i >= 0; i--) {
			if (strcmp(r->stack[i].name, "VEVENT") != 0 &&
			    strcmp(r->stack[i].name, "VTODO") != 0)
				continue;
			if (strcmp(r->stack[i].name, "VEVENT") == 0) {
				warn(r->report,
				     _("%s:%d: an event inside the event begun on line %d: both are "
				       "skipped"),
				     r->path, first_line, r->stack[i].begun_on);
				r->stack[i].skip = true;
			} else {
				warn(r->report,
				     _("%s:%d: an event inside the to-do begun on line %d: skipped"),
				     r->path, first_line, r->stack[i].begun_on);
			}
			/* The nested event counts among the file's events, skipped. */
			r->report->events++;
			r->report->skipped++;
			break;
		}
	}
	r->depth++;
	if (r->depth == 2 && strcmp(name, "VEVENT") == 0 && strcmp(r->stack[0].name, "VCALENDAR") == 0)
		r->in_event = true;
	if (feed(r, line) != 0)
		return -1;
	return strcmp(name, "VEVENT") == 0 ? feed_mark(r, MARK_LINE, first_line) : 0;
}

static int end_component(reader *r, char *line, int first_line)
{
	int open = r->depth - 1;
	while (open >= 0 && strcmp(r->stack[open].name, line + strlen("END:")) != 0)
		open--;
	if (open < 0)
		return hw_error_set(r->error, _("%s:%d: '%s' ends a component that was not begun"),
				    r->path, first_line, line);
	if (open < r->depth - 1)
		return hw_error_set(r->error, _("%s:%d: BEGIN:%s is never ended"), r->path,
				    r->stack[r->depth - 1].begun_on, r->stack[r->depth - 1].name);
	r->depth--;
	if (r->stack[r->depth].skip && feed_mark(r, MARK_SKIP, 1) != 0)
		return -1;
	return feed(r, line);
}

/* The kind of a property by its name; the names of every event first, as libical looks a
 * name up in a list of a hundred. */
static icalproperty_kind property_kind_of(const char *name)
{
	static const struct {
		const char *name;
		icalproperty_kind kind;
	} common[] = {
		{"UID", ICAL_UID_PROPERTY},         {"SUMMARY", ICAL_SUMMARY_PROPERTY},
		{"DTSTART", ICAL_DTSTART_PROPERTY}, {"DTEND", ICAL_DTEND_PROPERTY},
		{"DTSTAMP", ICAL_DTSTAMP_PROPERTY}, {"LOCATION", ICAL_LOCATION_PROPERTY},
		{"DESCRIPTION", ICAL_DESCRIPTION_PROPERTY},
	};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
		if (strcmp(name, common[i].name) == 0)
			return common[i].kind;
	return icalproperty_string_to_kind(name);
}

static bool digits(const char *text, int count, int *value)
{
	*value = 0;
	for (int i = 0; i < count; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		*value = *value * 10 + (text[i] - '0');
	}
	return true;
}

/* What follows a date-time property's name, in its plainest and most frequent form — no
 * parameter but TZID, a value YYYYMMDDTHHMMSS[Z] — checked without libical: 1 when it is such
 * a value and real, 0 when such a value is no real date, -1 when it is another form (then
 * libical reads it). */
static int plain_date_time(const char *rest)
{
	if (strncmp(rest, ";TZID=", 6) == 0) {
		rest += 6;
		size_t length = strcspn(rest, ";:\"");
		if (rest[length] != ':')
			return -1;
		rest += length;
	}
	if (*rest++ != ':')
		return -1;
	struct icaltimetype time = icaltime_null_time();
	size_t length = strlen(rest);
	if ((length != 15 && !(length == 16 && rest[15] == 'Z')) || rest[8] != 'T' ||
	    !digits(rest, 4, &time.year) || !digits(rest + 4, 2, &time.month) ||
	    !digits(rest + 6, 2, &time.day) || !digits(rest + 9, 2, &time.hour) ||
	    !digits(rest + 11, 2, &time.minute) || !digits(rest + 13, 2, &time.second))
		return -1;
	return valid_time(time) ? 1 : 0;
}

/* Each property line must be one libical reads, and its dates must exist. A text property
 * reads whatever it holds: it is not parsed twice (this check parses a whole calendar around
 * the line, the dearest step of an import). */
static int check_property(reader *r, const char *line, int first_line)
{
	char name[64];
	size_t name_length = strcspn(line, ";:");
	if (name_length < sizeof name) {
		memcpy(name, line, name_length);
		name[name_length] = '\0';
		icalproperty_kind property_kind = property_kind_of(name);
		if (property_kind == ICAL_X_PROPERTY ||
		    (property_kind != ICAL_NO_PROPERTY &&
		     icalproperty_kind_to_value_kind(property_kind) == ICAL_TEXT_VALUE))
			return 0;
		if (property_kind != ICAL_NO_PROPERTY &&
		    icalproperty_kind_to_value_kind(property_kind) == ICAL_DATETIME_VALUE) {
			int plain = plain_date_time(line + name_length);
			if (plain == 1)
				return 0;
			if (plain == 0)
				return hw_error_set(r->error, _("%s:%d: '%.60s' is not a real date"),
						    r->path, first_line, line);
		}
	}
	icalproperty *property = icalproperty_new_from_string(line);
	if (property == NULL)
		return hw_error_set(r->error, _("%s:%d: libical cannot read '%.60s'"), r->path,
				    first_line, line);
	int result = 0;
	icalvalue *value = icalproperty_get_value(property);
	icalvalue_kind kind = value ? icalvalue_isa(value) : ICAL_NO_VALUE;
	if ((kind == ICAL_DATETIME_VALUE || kind == ICAL_DATE_VALUE) &&
	    !valid_time(icalvalue_get_datetime(value)))
		result = hw_error_set(r->error, _("%s:%d: '%.60s' is not a real date"), r->path,
				      first_line, line);
	icalproperty_free(property);
	return result;
}

/* One content line, unfolded, found on its physical line `first_line`. Takes `line`. */
static int read_line(reader *r, char *line, size_t length, int first_line, bool first)
{
	int result = 0;
	if (first && strcmp(line, "BEGIN:VCALENDAR") != 0) {
		result = hw_error_set(r->error,
				      _("%s:%d: not an iCalendar file (it must begin with BEGIN:VCALENDAR)"),
				      r->path, first_line);
	} else if (length > MAX_CONTENT_LINE) {
		warn(r->report, _("%s:%d: a line of %zu bytes, longer than the limit of %d KiB: skipped"),
		     r->path, first_line, length, MAX_CONTENT_LINE / 1024);
	} else if (strncasecmp(line, MARK_PREFIX, strlen(MARK_PREFIX)) == 0) {
		/* huiwu's own marks come from huiwu only. */
	} else {
		if (!hw_utf8_valid(line, length)) {
			/* A foreign calendar is not lost for a byte: the value is kept, marked. */
			bool repaired;
			char *copy = hw_utf8_repair(line, length, &repaired);
			free(line);
			line = copy;
			if (line == NULL)
				return hw_error_set(r->error, "%s", _("out of memory"));
			warn(r->report, _("%s:%d: not valid UTF-8: the bad bytes are replaced by U+FFFD"),
			     r->path, first_line);
		}
		if (strncmp(line, "BEGIN:", 6) == 0)
			result = begin_component(r, line, first_line);
		else if (strncmp(line, "END:", 4) == 0)
			result = end_component(r, line, first_line);
		else if ((result = check_property(r, line, first_line)) == 0)
			result = feed(r, line);
	}
	free(line);
	icalerror_clear_errno();
	return result;
}

/* The file's VTIMEZONEs, read before its events (a file may define a zone after the events
 * that use it), as the children of an empty calendar. What is wrong in them the reading of
 * every line finds. */
static icalcomponent *read_zones(const char *text, size_t size)
{
	icalcomponent *zones = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	static const char begin[] = "BEGIN:VTIMEZONE", end[] = "END:VTIMEZONE";
	const char *at = text;
	while (zones != NULL &&
	       (at = memmem(at, size - (size_t)(at - text), begin, strlen(begin))) != NULL) {
		if (at != text && at[-1] != '\n') {
			at += strlen(begin);
			continue;
		}
		const char *last = memmem(at, size - (size_t)(at - text), end, strlen(end));
		if (last == NULL)
			break;
		const char *stop = memchr(last, '\n', size - (size_t)(last - text));
		stop = stop ? stop + 1 : text + size;
		source s = {.text = at, .size = (size_t)(stop - at)};
		icalparser *parser = icalparser_new();
		if (parser == NULL)
			break;
		icalparser_set_gen_data(parser, &s);
		icalcomponent *zone = icalparser_parse(parser, read_chunk);
		icalparser_free(parser);
		if (zone != NULL && icalcomponent_isa(zone) == ICAL_VTIMEZONE_COMPONENT)
			icalcomponent_add_component(zones, zone);
		else if (zone != NULL)
			icalcomponent_free(zone);
		at = stop;
	}
	return zones;
}

/* Reads and imports the calendar in one pass: libical unfolds each content line, huiwu checks
 * it (that components pair up, that a property is one libical reads, that dates exist: a
 * broken file is refused with its line), then libical adds it to its event or the calendar. */
static int read_calendar(importer *im, const char *text, size_t size)
{
	const char *path = im->path;
	hw_error *error = im->error;
	source s = {.text = text, .size = size};
	reader r = {.im = im, .path = path, .report = im->report, .error = error};
	/* As icalparser_parse does: a malformed value becomes an X-LIC-ERROR, not an abort. */
	icalerrorstate saved = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
	r.parser = icalparser_new();
	r.event_parser = icalparser_new();
	r.zones = read_zones(text, size);
	if (r.parser == NULL || r.event_parser == NULL || r.zones == NULL) {
		if (r.parser)
			icalparser_free(r.parser);
		if (r.event_parser)
			icalparser_free(r.event_parser);
		if (r.zones)
			icalcomponent_free(r.zones);
		icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, saved);
		return hw_error_set(error, "%s", _("out of memory"));
	}
	icalparser_set_gen_data(r.parser, &s);
	int result = 0, content_lines = 0, physical = 0;
	size_t cursor = 0;
	while (result == 0) {
		char *line = icalparser_get_line(r.parser, read_chunk);
		if (line == NULL)
			break;
		/* The line libical returned ends where the reader stopped; it began after the
		 * previous one. */
		size_t length = strlen(line);
		while (length && (line[length - 1] == '\r' || line[length - 1] == '\n'))
			line[--length] = '\0';
		if (length == 0) {
			free(line);
			continue;
		}
		int first_line = locate(text, size, &cursor, &physical, line);
		result = read_line(&r, line, length, first_line, ++content_lines == 1);
	}
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, saved);
	icalparser_free(r.parser);
	icalparser_free(r.event_parser);
	icalcomponent_free(r.zones);
	if (result == 0 && content_lines == 0)
		result = hw_error_set(error, _("%s:1: the file is empty"), path);
	if (result == 0 && r.depth > 0)
		result = hw_error_set(error, _("%s:%d: BEGIN:%s is never ended"), path,
				      r.stack[r.depth - 1].begun_on, r.stack[r.depth - 1].name);
	if (result == 0 && r.root == NULL)
		result = hw_error_set(error, _("%s: libical cannot read the calendar"), path);
	if (result == 0 && icalcomponent_count_errors(r.root) > 0)
		result = hw_error_set(error, _("%s: libical found errors in the calendar"), path);
	if (r.root != NULL)
		icalcomponent_free(r.root);
	return result;
}

/* The line an event began on, from huiwu's mark (0 when unknown). */
static int event_line(icalcomponent *event)
{
	for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(event, ICAL_X_PROPERTY)) {
		const char *name = icalproperty_get_x_name(p);
		if (name != NULL && strcmp(name, MARK_LINE) == 0) {
			const char *value = icalproperty_get_x(p);
			return value ? atoi(value) : 0;
		}
	}
	return 0;
}

static bool marked_skip(icalcomponent *event)
{
	for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(event, ICAL_X_PROPERTY)) {
		const char *name = icalproperty_get_x_name(p);
		if (name != NULL && strcmp(name, MARK_SKIP) == 0)
			return true;
	}
	return false;
}

/* ---- importing ---- */

/* The event's start and end in the rule set's zone; floating times are taken as local. Sets
 * *skip (with a warning) for an event that ends before it starts. */
static int event_times(importer *im, icalcomponent *event, hw_date *date, char start[6],
		       char end[6], bool *all_day, bool *skip)
{
	struct icaltimetype begin = icalcomponent_get_dtstart(event);
	struct icaltimetype finish = icalcomponent_get_dtend(event);
	if (icaltime_is_null_time(begin) || !valid_time(begin))
		return hw_error_set(im->error, _("%s: the event '%s' has no valid DTSTART"), im->path,
				    icalcomponent_get_uid(event));
	/* A TZID that neither the file's VTIMEZONEs nor libical know would silently become
	 * local time. */
	icalproperty *dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
	const char *tzid = dtstart ? icalproperty_get_parameter_as_string(dtstart, "TZID") : NULL;
	if (tzid != NULL && begin.zone == NULL)
		return hw_error_set(im->error,
				    _("%s: the event '%s' starts in the time zone '%s', which neither the "
				      "file nor libical knows"),
				    im->path, icalcomponent_get_uid(event), tzid);
	/* icaltime_compare compares in UTC (floating and all-day times as they stand). */
	if (!icaltime_is_null_time(finish) && icaltime_compare(finish, begin) < 0) {
		warn(im->report, _("%s:%d: the event '%s' ends before it starts (DTEND before DTSTART): "
				   "skipped"),
		     im->path, event_line(event), icalcomponent_get_uid(event));
		*skip = true;
		return 0;
	}
	*all_day = begin.is_date;
	if (!begin.is_date && (begin.zone != NULL || icaltime_is_utc(begin))) {
		begin = icaltime_convert_to_zone(begin, im->target);
		if (!icaltime_is_null_time(finish) && !finish.is_date)
			finish = icaltime_convert_to_zone(finish, im->target);
	}
	*date = hw_date_from_ymd(begin.year, begin.month, begin.day);
	snprintf(start, 6, "%02d:%02d", begin.is_date ? 0 : begin.hour, begin.is_date ? 0 : begin.minute);
	end[0] = '\0';
	if (!begin.is_date && !icaltime_is_null_time(finish) && finish.year == begin.year &&
	    finish.month == begin.month && finish.day == begin.day &&
	    (finish.hour > begin.hour || (finish.hour == begin.hour && finish.minute > begin.minute)))
		snprintf(end, 6, "%02d:%02d", finish.hour, finish.minute);
	return 0;
}

/* `sql` is a string literal: the statement is prepared once per import (hw_store_cached), as
 * a file may hold many thousands of events. */
static int uid_known(importer *im, const char *sql, const char *uid, int64_t person, hw_date date,
		     bool *known)
{
	sqlite3_stmt *statement = hw_store_cached(im->session->store, sql, im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(statement) >= 3) {
		sqlite3_bind_int64(statement, 2, person);
		hw_bind_date(statement, 3, date);
	}
	int last = sqlite3_step(statement);
	*known = last == SQLITE_ROW;
	return hw_store_finish(im->session->store, statement, last, N_("cannot read the meetings"),
			       im->error);
}

static int add_busy(importer *im, const char *uid, int64_t person, hw_date date, const char *start,
		    const char *end, bool all_day, const char *summary)
{
	bool known;
	if (uid_known(im, "SELECT 1 FROM busy WHERE uid = ?1 AND person_id = ?2 AND date = ?3", uid,
		      person, date, &known) != 0)
		return -1;
	if (known) {
		im->report->unchanged++;
		return 0;
	}
	sqlite3_stmt *statement = hw_store_cached(im->session->store,
						  "INSERT INTO busy (uid, person_id, date, start, end, summary)"
						  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
						  im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 2, person);
	hw_bind_date(statement, 3, date);
	if (!all_day) {
		sqlite3_bind_text(statement, 4, start, -1, SQLITE_STATIC);
		if (*end)
			sqlite3_bind_text(statement, 5, end, -1, SQLITE_STATIC);
	}
	if (summary)
		sqlite3_bind_text(statement, 6, summary, -1, SQLITE_STATIC);
	int rc = sqlite3_step(statement);
	sqlite3_reset(statement);
	sqlite3_clear_bindings(statement);
	if (rc != SQLITE_DONE)
		return hw_store_fail(im->session->store, _("cannot save the busy time"), im->error);
	im->report->created++;
	return 0;
}

/* A meeting's title and location are one line (huiwu(1), TEXT): iCalendar text may carry line
 * breaks and tabs, and a foreign file other controls. They become spaces in `buffer`, with a
 * warning naming the line, rather than a reason to refuse the file. Returns the text to store. */
static const char *one_line(importer *im, icalcomponent *event, const char *what, const char *text,
			    char *buffer, size_t size)
{
	if (text == NULL || strlen(text) >= size)
		return text; /* too long for a meeting: the meeting's own check says so */
	bool changed = false;
	size_t used = 0;
	for (const unsigned char *c = (const unsigned char *)text; *c && used + 1 < size; c++) {
		bool c1 = c[0] == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F; /* U+0080..U+009F */
		if (*c < 0x20 || *c == 0x7F || c1) {
			buffer[used++] = ' ';
			changed = true;
			c += c1;
		} else {
			buffer[used++] = (char)*c;
		}
	}
	buffer[used] = '\0';
	if (!changed)
		return text;
	warn(im->report, _("%s:%d: the event '%s': line breaks and control characters in its %s "
			   "became spaces"),
	     im->path, event_line(event), icalcomponent_get_uid(event), what);
	return buffer;
}

static int import_event(importer *im, icalcomponent *event)
{
	im->report->events++;
	if (marked_skip(event)) {
		im->report->skipped++; /* warned when it was read */
		return 0;
	}
	const char *uid = icalcomponent_get_uid(event);
	if (uid == NULL || *uid == '\0')
		return hw_error_set(im->error, _("%s: an event has no UID, so it could not be told apart "
						 "on a second import"),
				    im->path);
	if (icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != NULL)
		return hw_error_set(im->error,
				    _("%s: the event '%s' recurs (RRULE); recurring events are not "
				      "imported: export its occurrences one by one"),
				    im->path, uid);
	if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED) {
		im->report->cancelled++;
		return 0;
	}
	hw_date date = 0;
	char start[6] = "", end[6] = "";
	bool all_day = false, skip = false;
	if (event_times(im, event, &date, start, end, &all_day, &skip) != 0)
		return -1;
	if (skip) {
		im->report->skipped++;
		return 0;
	}
	char summary_line[sizeof ((hw_meeting *)0)->title];
	char location_line[sizeof ((hw_meeting *)0)->location];
	const char *summary = one_line(im, event, _("title"), icalcomponent_get_summary(event),
				       summary_line, sizeof summary_line);
	if (im->options->busy) {
		if (im->person != 0)
			return add_busy(im, uid, im->person, date, start, end, all_day, summary);
		for (icalproperty *attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
		     attendee; attendee = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
			const char *name = icalproperty_get_parameter_as_string(attendee, "CN");
			hw_person person;
			hw_error ignored;
			if (name == NULL || hw_person_find(im->session, name, &person, &ignored) != 0) {
				im->report->unknown_attendees++;
				continue;
			}
			if (add_busy(im, uid, person.id, date, start, end, all_day, summary) != 0)
				return -1;
		}
		return 0;
	}
	if (all_day)
		return hw_error_set(im->error,
				    _("%s: the event '%s' lasts all day; a meeting needs its time: "
				      "import it as --busy"),
				    im->path, uid);
	bool known;
	if (uid_known(im, "SELECT 1 FROM meeting WHERE uid = ?1", uid, 0, 0, &known) != 0)
		return -1;
	if (known) {
		im->report->unchanged++;
		return 0;
	}
	char date_text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, date_text);
	hw_meeting_input input = HW_MEETING_INPUT_INIT;
	input.type = im->options->as_type;
	input.date = date_text;
	input.time = start;
	input.end = *end ? end : NULL;
	input.title = summary && *summary ? summary : NULL;
	input.location = one_line(im, event, _("location"), icalcomponent_get_location(event),
				  location_line, sizeof location_line);
	input.uid = uid;
	int64_t id;
	if (hw_meeting_insert(im->session, &input, 0, 0, &id, im->error) != 0) {
		char reason[HW_ERROR_MESSAGE_SIZE];
		snprintf(reason, sizeof reason, "%s", im->error->message);
		return hw_error_set(im->error, _("%s: the event '%s': %s"), im->path, uid, reason);
	}
	im->report->created++;
	return 0;
}

int hw_import_ics(hw_session *session, const char *path, const hw_import_options *options,
		  hw_import_report *report, hw_error *error)
{
	memset(report, 0, sizeof *report);
	if ((options->as_type == NULL) == (options->busy == false))
		return hw_error_set(error, "%s", _("say what the events become: --as TYPE or --busy"));
	if (options->person && !options->busy)
		return hw_error_set(error, "%s", _("--person goes with --busy"));
	importer im = {session, options, report, error, NULL, path, 0};
	im.target = icaltimezone_get_builtin_timezone(session->rules->government[HW_GOV_TIMEZONE]);
	if (im.target == NULL)
		return hw_error_set(error, _("libical does not know the time zone %s"),
				    session->rules->government[HW_GOV_TIMEZONE]);
	if (options->person) {
		hw_person person;
		if (hw_person_find(session, options->person, &person, error) != 0)
			return -1;
		im.person = person.id;
	}
	/* A regular file (a FIFO or a device would never end), read whole within the limit. */
	char *text = NULL;
	size_t size = 0;
	if (hw_file_read(path, MAX_FILE_SIZE, &text, &size, error) != 0)
		return -1;
	if (memchr(text, '\0', size) != NULL) {
		free(text);
		return hw_error_set(error, _("%s: not an iCalendar file (it holds NUL bytes)"), path);
	}
	/* Events are imported as they are read, in one transaction: a broken line after them
	 * still leaves nothing of the file. */
	int result = hw_action_begin(session, error);
	if (result == 0)
		result = read_calendar(&im, text, size);
	free(text);
	if (result == 0 && report->created > 0)
		result = hw_audit_record(session, "import ics", options->busy ? "busy" : "meeting", 0, 0,
					 NULL,
					 json_pack("{s:s,s:i,s:i,s:s?}", "file", path, "created",
						   report->created, "unchanged", report->unchanged,
						   "as", options->as_type),
					 error);
	if (result == 0)
		result = hw_action_commit(session, error);
	else
		hw_action_abort(session);
	if (result != 0) {
		hw_import_report_free(report);
		memset(report, 0, sizeof *report);
		return -1;
	}
	return 0;
}
