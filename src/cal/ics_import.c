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

/* A real date and time. Years before 1900 are real too: Outlook's VTIMEZONEs begin in 1601,
 * Thunderbird's in 1847 (an event so early is left out where events are imported). */
static bool valid_time(struct icaltimetype time)
{
	return time.year >= 1 && time.year <= 9999 && time.month >= 1 && time.month <= 12 &&
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
	icaltimezone *floating; /* the calendar's X-WR-TIMEZONE, for floating times; NULL: local */
	hw_date from, to;       /* the window recurring events are expanded over */
	icalcomponent *zones;   /* the file's VTIMEZONEs */
} importer;

/* import_event's answer for an event kept until the file is read: a recurring event (its
 * overrides may come after it) or an override. */
#define DEFERRED 1

static int import_event(importer *im, icalcomponent *event);
static icaltimezone *zone_by_name(const char *name);

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
	int calendars;         /* VCALENDARs read (a file may hold several) */
	icalcomponent *zones;  /* a calendar of the file's VTIMEZONEs, each event's parent, and
				* of the recurring events kept until the end */
	open_component stack[MAX_DEPTH];
	int depth;
} reader;

/* An event as libical read it: imported in the context of the file's time zones. */
static int take_event(reader *r, icalcomponent *event)
{
	icalcomponent_add_component(r->zones, event);
	int result = import_event(r->im, event);
	if (result == DEFERRED)
		return 0;
	icalcomponent_remove_component(r->zones, event);
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
	if (icalcomponent_isa(done) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(done);
		return hw_error_set(r->error, _("%s: libical cannot read the calendar"), r->path);
	}
	/* What libical could not use outside the events (in a time zone, say) is left out. */
	int errors = icalcomponent_count_errors(done);
	if (errors > 0)
		warn(r->report, _("%s:%d: %d properties of the calendar libical cannot read were left out"),
		     r->path, r->stack[0].begun_on, errors);
	icalcomponent_free(done);
	r->calendars++;
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
	if (r->depth == 0 && strcmp(name, "VCALENDAR") == 0)
		r->im->floating = NULL; /* each calendar of the file has its own */
	if (r->depth == 1 && strcmp(name, "VTODO") == 0)
		r->report->todos++;
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

/* The value of a content line: what follows the first colon outside quoted parameters. */
static const char *value_of(const char *line)
{
	bool quoted = false;
	for (const char *c = line; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == ':' && !quoted)
			return c + 1;
	}
	return NULL;
}

/* Each property line must be one libical reads, and its dates must exist: 0 when it is, 1
 * when it is left out (with a warning naming the line, unless it is an empty text, which is
 * no text). A text property reads whatever it holds: it is not parsed twice (this check
 * parses a whole calendar around the line, the dearest step of an import). */
static int check_property(reader *r, const char *line, int first_line)
{
	char name[64];
	size_t name_length = strcspn(line, ";:");
	const char *value = value_of(line);
	if (name_length < sizeof name) {
		memcpy(name, line, name_length);
		name[name_length] = '\0';
		icalproperty_kind property_kind = property_kind_of(name);
		/* Looked up once: libical walks a list for it. */
		icalvalue_kind value_kind = property_kind != ICAL_NO_PROPERTY
						    ? icalproperty_kind_to_value_kind(property_kind)
						    : ICAL_NO_VALUE;
		bool text = property_kind == ICAL_X_PROPERTY || value_kind == ICAL_TEXT_VALUE;
		/* Google writes DESCRIPTION:, LOCATION: and CATEGORIES: for every event; libical
		 * reads no empty value. */
		if (value != NULL && *value == '\0') {
			if (text || property_kind == ICAL_CATEGORIES_PROPERTY)
				return 1;
			warn(r->report, _("%s:%d: '%.60s' has no value: left out"), r->path, first_line,
			     line);
			return 1;
		}
		if (text)
			return 0;
		if (value_kind == ICAL_DATETIME_VALUE) {
			int plain = plain_date_time(line + name_length);
			if (plain == 1)
				return 0;
			if (plain == 0) {
				warn(r->report, _("%s:%d: '%.60s' is not a real date: left out"),
				     r->path, first_line, line);
				return 1;
			}
		}
	}
	icalproperty *property = icalproperty_new_from_string(line);
	if (property == NULL) {
		warn(r->report, _("%s:%d: libical cannot read '%.60s': left out"), r->path, first_line,
		     line);
		return 1;
	}
	int result = 0;
	icalvalue *read = icalproperty_get_value(property);
	icalvalue_kind kind = read ? icalvalue_isa(read) : ICAL_NO_VALUE;
	if ((kind == ICAL_DATETIME_VALUE || kind == ICAL_DATE_VALUE) &&
	    !valid_time(icalvalue_get_datetime(read))) {
		warn(r->report, _("%s:%d: '%.60s' is not a real date: left out"), r->path, first_line,
		     line);
		result = 1;
	}
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
		else if ((result = check_property(r, line, first_line)) == 0) {
			/* Floating times of the calendar are in its X-WR-TIMEZONE (Google, Apple). */
			if (r->depth == 1 && strncasecmp(line, "X-WR-TIMEZONE:", 14) == 0 &&
			    (r->im->floating = zone_by_name(line + 14)) == NULL)
				warn(r->report, _("%s:%d: X-WR-TIMEZONE '%.60s' is a time zone no one "
						  "knows: floating times are taken as local"),
				     r->path, first_line, line + 14);
			result = feed(r, line);
		} else {
			result = 0; /* left out, with its warning */
		}
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

static int import_deferred(importer *im, icalcomponent *calendar);

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
	im->zones = r.zones;
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
	if (result == 0 && content_lines == 0)
		result = hw_error_set(error, _("%s:1: the file is empty"), path);
	if (result == 0 && r.depth > 0)
		result = hw_error_set(error, _("%s:%d: BEGIN:%s is never ended"), path,
				      r.stack[r.depth - 1].begun_on, r.stack[r.depth - 1].name);
	if (result == 0 && r.calendars == 0)
		result = hw_error_set(error, _("%s: libical cannot read the calendar"), path);
	if (result == 0)
		result = import_deferred(im, r.zones);
	icalcomponent_free(r.zones);
	im->zones = NULL;
	return result;
}

/* ---- importing ---- */

/* Windows time zone names, as Outlook and Exchange write them in TZID, to the IANA zone CLDR
 * maps them to (territory "001"). Source: Unicode CLDR, common/supplemental/windowsZones.xml
 * (github.com/unicode-org/cldr); the zones of Asia and those clients most often send. */
static const struct {
	const char *windows, *iana;
} windows_zones[] = {
	{"China Standard Time", "Asia/Shanghai"},
	{"Taipei Standard Time", "Asia/Taipei"},
	{"Singapore Standard Time", "Asia/Singapore"},
	{"North Asia East Standard Time", "Asia/Irkutsk"},
	{"Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"},
	{"W. Australia Standard Time", "Australia/Perth"},
	{"Central Asia Standard Time", "Asia/Bishkek"},
	{"West Asia Standard Time", "Asia/Tashkent"},
	{"Ekaterinburg Standard Time", "Asia/Yekaterinburg"},
	{"Pakistan Standard Time", "Asia/Karachi"},
	{"Qyzylorda Standard Time", "Asia/Qyzylorda"},
	{"India Standard Time", "Asia/Calcutta"},
	{"Nepal Standard Time", "Asia/Katmandu"},
	{"Bangladesh Standard Time", "Asia/Dhaka"},
	{"Omsk Standard Time", "Asia/Omsk"},
	{"Myanmar Standard Time", "Asia/Rangoon"},
	{"SE Asia Standard Time", "Asia/Bangkok"},
	{"W. Mongolia Standard Time", "Asia/Hovd"},
	{"North Asia Standard Time", "Asia/Krasnoyarsk"},
	{"N. Central Asia Standard Time", "Asia/Novosibirsk"},
	{"Tokyo Standard Time", "Asia/Tokyo"},
	{"Korea Standard Time", "Asia/Seoul"},
	{"North Korea Standard Time", "Asia/Pyongyang"},
	{"Yakutsk Standard Time", "Asia/Yakutsk"},
	{"Vladivostok Standard Time", "Asia/Vladivostok"},
	{"AUS Eastern Standard Time", "Australia/Sydney"},
	{"Afghanistan Standard Time", "Asia/Kabul"},
	{"Iran Standard Time", "Asia/Tehran"},
	{"Arabian Standard Time", "Asia/Dubai"},
	{"Azerbaijan Standard Time", "Asia/Baku"},
	{"Georgian Standard Time", "Asia/Tbilisi"},
	{"Caucasus Standard Time", "Asia/Yerevan"},
	{"Russian Standard Time", "Europe/Moscow"},
	{"Belarus Standard Time", "Europe/Minsk"},
	{"E. Africa Standard Time", "Africa/Nairobi"},
	{"Pacific Standard Time", "America/Los_Angeles"},
	{"Mountain Standard Time", "America/Denver"},
	{"Central Standard Time", "America/Chicago"},
	{"Eastern Standard Time", "America/New_York"},
	{"Atlantic Standard Time", "America/Halifax"},
	{"Hawaiian Standard Time", "Pacific/Honolulu"},
	{"Alaskan Standard Time", "America/Anchorage"},
	{"E. South America Standard Time", "America/Sao_Paulo"},
};

/* A zone by its IANA name, else by its Windows name; NULL when neither is known. */
static icaltimezone *zone_by_name(const char *name)
{
	if (name == NULL || *name == '\0')
		return NULL;
	icaltimezone *zone = icaltimezone_get_builtin_timezone(name);
	if (zone != NULL)
		return zone;
	for (size_t i = 0; i < sizeof windows_zones / sizeof windows_zones[0]; i++)
		if (strcmp(name, windows_zones[i].windows) == 0)
			return icaltimezone_get_builtin_timezone(windows_zones[i].iana);
	return NULL;
}

/* Gives the time `property` holds its zone: its TZID among the file's VTIMEZONEs, else by
 * its IANA or Windows name; a floating time that of the calendar's X-WR-TIMEZONE. False for a
 * TZID that no one knows. */
static bool resolve_time(importer *im, icalproperty *property, struct icaltimetype *time)
{
	if (time->is_date || icaltime_is_utc(*time) || time->zone != NULL)
		return true;
	const char *tzid = property ? icalproperty_get_parameter_as_string(property, "TZID") : NULL;
	if (tzid != NULL) {
		icaltimezone *zone = im->zones ? icalcomponent_get_timezone(im->zones, tzid) : NULL;
		if (zone == NULL)
			zone = zone_by_name(tzid);
		if (zone == NULL)
			return false;
		time->zone = zone;
	} else if (im->floating != NULL) {
		time->zone = im->floating;
	}
	return true;
}

/* The same for the time of `kind` (DTSTART, DTEND) of `event`. */
static bool resolve_zone(importer *im, icalcomponent *event, icalproperty_kind kind,
			 struct icaltimetype *time)
{
	return resolve_time(im, icalcomponent_get_first_property(event, kind), time);
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

/* One occurrence of an event, in the rule set's zone. */
typedef struct occurrence {
	const char *uid; /* the event's UID, with "/RECURRENCE-ID" for an occurrence */
	hw_date first, last; /* the days it covers */
	char start[6], end[6]; /* "" all day; end "" when unknown */
	bool all_day;
} occurrence;

/* Busy time covers every day of an event, so an event of more than a year (a file's mistake,
 * or a DTEND in another century) is skipped with a warning rather than written day by day. */
#define MAX_EVENT_DAYS 366

static bool span_bounded(importer *im, const occurrence *o, int line, const char *uid)
{
	if (o->last - o->first < MAX_EVENT_DAYS)
		return true;
	warn(im->report, _("%s:%d: the event '%s' lasts %d days, more than a year: skipped"),
	     im->path, line, uid, o->last - o->first + 1);
	return false;
}

/* The occurrence from `begin` to `finish` (null: none given) in the rule set's zone. False,
 * with a warning, for one that cannot be imported. */
static bool occurrence_times(importer *im, icalcomponent *event, struct icaltimetype begin,
			     struct icaltimetype finish, occurrence *out)
{
	int line = event_line(event);
	const char *uid = icalcomponent_get_uid(event);
	if (!resolve_zone(im, event, ICAL_DTSTART_PROPERTY, &begin) ||
	    (!icaltime_is_null_time(finish) && !resolve_zone(im, event, ICAL_DTEND_PROPERTY, &finish))) {
		icalproperty *p = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
		const char *tzid = p ? icalproperty_get_parameter_as_string(p, "TZID") : NULL;
		warn(im->report, _("%s:%d: the event '%s' is in the time zone '%s', which neither the "
				   "file nor libical knows: skipped"),
		     im->path, line, uid, tzid ? tzid : "?");
		return false;
	}
	if (!icaltime_is_null_time(finish) && icaltime_compare(finish, begin) < 0) {
		warn(im->report, _("%s:%d: the event '%s' ends before it starts (DTEND before DTSTART): "
				   "skipped"),
		     im->path, line, uid);
		return false;
	}
	out->all_day = begin.is_date;
	if (!begin.is_date) {
		if (begin.zone != NULL || icaltime_is_utc(begin))
			begin = icaltime_convert_to_zone(begin, im->target);
		if (!icaltime_is_null_time(finish) && (finish.zone != NULL || icaltime_is_utc(finish)))
			finish = icaltime_convert_to_zone(finish, im->target);
	}
	if (begin.year < 1900 || begin.year > 9999) {
		warn(im->report, _("%s:%d: the event '%s' is in the year %d: skipped"), im->path, line,
		     uid, begin.year);
		return false;
	}
	out->first = hw_date_from_ymd(begin.year, begin.month, begin.day);
	out->last = out->first;
	out->start[0] = out->end[0] = '\0';
	if (begin.is_date) {
		/* An all-day event's DTEND is the day after its last. */
		if (!icaltime_is_null_time(finish) && finish.year <= 9999) {
			hw_date after = hw_date_from_ymd(finish.year, finish.month, finish.day);
			if (after > out->first)
				out->last = after - 1;
		}
		return span_bounded(im, out, line, uid);
	}
	snprintf(out->start, sizeof out->start, "%02d:%02d", begin.hour, begin.minute);
	if (icaltime_is_null_time(finish) || finish.year > 9999)
		return true;
	hw_date finish_day = hw_date_from_ymd(finish.year, finish.month, finish.day);
	if (finish.hour == 0 && finish.minute == 0 && finish_day > out->first) {
		out->last = finish_day - 1; /* ends at midnight: the day before is its last */
		snprintf(out->end, sizeof out->end, "23:59");
	} else if (finish_day >= out->first) {
		out->last = finish_day;
		snprintf(out->end, sizeof out->end, "%02d:%02d", finish.hour, finish.minute);
	}
	if (out->last == out->first && strcmp(out->end, out->start) <= 0)
		out->end[0] = '\0';
	return span_bounded(im, out, line, uid);
}

/* `sql` is a string literal: the statement is prepared once per import (hw_store_cached), as
 * a file may hold many thousands of events. */
static int uid_known(importer *im, const char *sql, const char *uid, bool *known)
{
	sqlite3_stmt *statement = hw_store_cached(im->session->store, sql, im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	int last = sqlite3_step(statement);
	*known = last == SQLITE_ROW;
	return hw_store_finish(im->session->store, statement, last, N_("cannot read the meetings"),
			       im->error);
}

/* A step of one statement prepared once per import, with its bindings done by the caller. */
static int step_done(importer *im, sqlite3_stmt *statement, const char *failure)
{
	int rc = sqlite3_step(statement);
	sqlite3_reset(statement);
	sqlite3_clear_bindings(statement);
	if (rc != SQLITE_DONE)
		return hw_store_fail(im->session->store, failure, im->error);
	return 0;
}

/* One statement without bindings (`sql` a literal: prepared once per import). */
static int step_sql(importer *im, const char *sql)
{
	sqlite3_stmt *statement = hw_store_cached(im->session->store, sql, im->error);
	if (statement == NULL)
		return -1;
	return step_done(im, statement, _("cannot save the meeting"));
}

/* Busy time of `person` for the whole occurrence: every day it covers, the first from its
 * start, the last to its end, the days between whole. */
static int add_busy(importer *im, const occurrence *o, int64_t person, const char *summary)
{
	sqlite3_stmt *statement = hw_store_cached(im->session->store,
						  "INSERT OR IGNORE INTO busy (uid, person_id, date, start, end, summary)"
						  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
						  im->error);
	if (statement == NULL)
		return -1;
	for (hw_date day = o->first; day <= o->last; day++) {
		const char *start = NULL, *end = NULL;
		if (!o->all_day) {
			start = day == o->first ? o->start : "00:00";
			end = day == o->last ? (*o->end ? o->end : NULL) : "23:59";
			if (day != o->first && day != o->last)
				start = end = NULL; /* the days between, whole */
		}
		sqlite3_bind_text(statement, 1, o->uid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(statement, 2, person);
		hw_bind_date(statement, 3, day);
		if (start)
			sqlite3_bind_text(statement, 4, start, -1, SQLITE_STATIC);
		if (end)
			sqlite3_bind_text(statement, 5, end, -1, SQLITE_STATIC);
		if (summary)
			sqlite3_bind_text(statement, 6, summary, -1, SQLITE_STATIC);
		if (step_done(im, statement, _("cannot save the busy time")) != 0)
			return -1;
	}
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
	size_t used = 0, left = strlen(text);
	for (const char *c = text; *c; c += 1) {
		size_t n;
		uint32_t code = hw_utf8_next(c, left - (size_t)(c - text), &n);
		if (n > 0 && hw_char_is_control(code)) {
			buffer[used++] = ' ';
			changed = true;
			c += n - 1;
		} else {
			buffer[used++] = *c; /* a byte of a character, or one repaired already */
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

/* What an import writes to: "meeting", "busy" (the attendees), "busy:PERSON-ID". */
static void target_of(const importer *im, char *out, size_t size)
{
	if (!im->options->busy)
		snprintf(out, size, "meeting");
	else if (im->person != 0)
		snprintf(out, size, "busy:%lld", (long long)im->person);
	else
		snprintf(out, size, "busy");
}

/* The version of `uid` imported before: *found false when none. */
static int version_of(importer *im, const char *uid, const char *target, bool *found,
		      int *sequence, char stamp[32])
{
	sqlite3_stmt *statement = hw_store_cached(
		im->session->store,
		"SELECT sequence, stamp FROM import_version WHERE uid = ?1 AND target = ?2", im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, target, -1, SQLITE_STATIC);
	int last = sqlite3_step(statement);
	*found = last == SQLITE_ROW;
	if (*found) {
		*sequence = sqlite3_column_int(statement, 0);
		hw_column_text(statement, 1, stamp, 32);
		last = SQLITE_DONE;
	}
	sqlite3_reset(statement);
	sqlite3_clear_bindings(statement);
	if (last != SQLITE_DONE)
		return hw_store_fail(im->session->store, _("cannot read the meetings"), im->error);
	return 0;
}

static int save_version(importer *im, const char *uid, const char *target, int sequence,
			const char *stamp)
{
	sqlite3_stmt *statement = hw_store_cached(
		im->session->store,
		"INSERT OR REPLACE INTO import_version (uid, target, sequence, stamp)"
		" VALUES (?1, ?2, ?3, ?4)",
		im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, target, -1, SQLITE_STATIC);
	sqlite3_bind_int(statement, 3, sequence);
	sqlite3_bind_text(statement, 4, stamp, -1, SQLITE_STATIC);
	return step_done(im, statement, _("cannot save the meeting"));
}

/* Takes away what an earlier version of `uid` made: its busy time, or its meeting cancelled
 * (a meeting held stays). */
static int withdraw(importer *im, const char *uid, bool cancel_meeting)
{
	sqlite3_stmt *statement;
	if (im->options->busy) {
		statement = hw_store_cached(im->session->store,
					    "DELETE FROM busy WHERE uid = ?1 AND (?2 = 0 OR person_id = ?2)",
					    im->error);
		if (statement == NULL)
			return -1;
		sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(statement, 2, im->person);
		return step_done(im, statement, _("cannot save the busy time"));
	}
	if (!cancel_meeting)
		return 0;
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	statement = hw_store_cached(im->session->store,
				    "UPDATE meeting SET status = 'cancelled', sequence = sequence + 1,"
				    " changed_at = ?2 WHERE uid = ?1 AND status = 'planned'",
				    im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, now, -1, SQLITE_STATIC);
	return step_done(im, statement, _("cannot save the meeting"));
}

/* A newer version of an imported meeting: its day, times, title and location follow. */
static int update_meeting(importer *im, const occurrence *o, const char *title,
			  const char *location)
{
	char now[HW_TIMESTAMP_SIZE], date[HW_DATE_TEXT_SIZE];
	hw_timestamp_now(now);
	hw_date_format(o->first, date);
	sqlite3_stmt *statement = hw_store_cached(
		im->session->store,
		"UPDATE meeting SET date = ?2, start = ?3, end = ?4, title = coalesce(?5, title),"
		" location = ?6, status = 'planned', sequence = sequence + 1, changed_at = ?7"
		" WHERE uid = ?1 AND status != 'held'",
		im->error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, o->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, o->start, -1, SQLITE_STATIC);
	if (*o->end && o->last == o->first)
		sqlite3_bind_text(statement, 4, o->end, -1, SQLITE_STATIC);
	if (title && *title)
		sqlite3_bind_text(statement, 5, title, -1, SQLITE_STATIC);
	if (location && *location)
		sqlite3_bind_text(statement, 6, location, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 7, now, -1, SQLITE_STATIC);
	return step_done(im, statement, _("cannot save the meeting"));
}

/* Makes the occurrence what the file says: new, updated, cancelled or unchanged by its
 * version (SEQUENCE, then DTSTAMP) against the one imported before. */
static int import_occurrence(importer *im, icalcomponent *event, occurrence *o)
{
	int sequence = icalcomponent_get_sequence(event);
	if (sequence < 0)
		sequence = 0;
	char stamp[32] = "";
	struct icaltimetype dtstamp = icalcomponent_get_dtstamp(event);
	if (!icaltime_is_null_time(dtstamp))
		snprintf(stamp, sizeof stamp, "%04d%02d%02dT%02d%02d%02d", dtstamp.year, dtstamp.month,
			 dtstamp.day, dtstamp.hour, dtstamp.minute, dtstamp.second);
	bool cancelled = icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;
	if (!im->options->busy && o->all_day && !cancelled) {
		/* Before its version is kept: it was never imported. */
		warn(im->report, _("%s:%d: the event '%s' lasts all day; a meeting needs its time "
				   "(import it as --busy): skipped"),
		     im->path, event_line(event), o->uid);
		im->report->skipped++;
		return 0;
	}
	char target[32], old_stamp[32] = "";
	target_of(im, target, sizeof target);
	bool found = false;
	int old_sequence = 0;
	if (version_of(im, o->uid, target, &found, &old_sequence, old_stamp) != 0)
		return -1;
	bool newer = found && (sequence > old_sequence ||
			       (sequence == old_sequence && strcmp(stamp, old_stamp) > 0));
	if (found && !newer) {
		im->report->unchanged++;
		return 0;
	}
	if (!found && !im->options->busy) {
		/* A meeting imported before versions were kept: the same, unless cancelled now. */
		bool known;
		if (uid_known(im, "SELECT 1 FROM meeting WHERE uid = ?1", o->uid, &known) != 0)
			return -1;
		if (known) {
			found = true;
			newer = cancelled;
			if (!cancelled)
				im->report->unchanged++;
		}
	}
	if (save_version(im, o->uid, target, sequence, stamp) != 0)
		return -1;
	if (cancelled) {
		im->report->cancelled++;
		return found ? withdraw(im, o->uid, true) : 0;
	}
	if (found && !newer)
		return 0;
	char summary_line[sizeof ((hw_meeting *)0)->title];
	char location_line[sizeof ((hw_meeting *)0)->location];
	const char *summary = one_line(im, event, _("title"), icalcomponent_get_summary(event),
				       summary_line, sizeof summary_line);
	if (im->options->busy) {
		if (found && withdraw(im, o->uid, false) != 0)
			return -1;
		if (im->person != 0) {
			if (add_busy(im, o, im->person, summary) != 0)
				return -1;
		} else {
			for (icalproperty *attendee =
				     icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
			     attendee;
			     attendee = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
				const char *name = icalproperty_get_parameter_as_string(attendee, "CN");
				hw_person person;
				hw_error ignored;
				if (name == NULL ||
				    hw_person_find(im->session, name, &person, &ignored) != 0) {
					im->report->unknown_attendees++;
					continue;
				}
				if (add_busy(im, o, person.id, summary) != 0)
					return -1;
			}
		}
		if (found)
			im->report->updated++;
		else
			im->report->created++;
		return 0;
	}
	const char *location = one_line(im, event, _("location"), icalcomponent_get_location(event),
					location_line, sizeof location_line);
	if (found) {
		if (update_meeting(im, o, summary, location) != 0)
			return -1;
		im->report->updated++;
		return 0;
	}
	char date_text[HW_DATE_TEXT_SIZE];
	hw_date_format(o->first, date_text);
	hw_meeting_input input = HW_MEETING_INPUT_INIT;
	input.type = im->options->as_type;
	input.date = date_text;
	input.time = o->start;
	/* A meeting is on one day: one that goes on past midnight keeps no end. */
	input.end = *o->end && o->last == o->first ? o->end : NULL;
	input.title = summary && *summary ? summary : NULL;
	input.location = location;
	input.uid = o->uid;
	int64_t id;
	/* An event the meeting's own checks refuse (a title too long, say) is skipped with its
	 * reason, its half-written rows rolled back; the type was checked once, before. */
	if (step_sql(im, "SAVEPOINT import_event") != 0)
		return -1;
	if (hw_meeting_insert(im->session, &input, 0, 0, &id, im->error) != 0) {
		char reason[HW_ERROR_MESSAGE_SIZE];
		snprintf(reason, sizeof reason, "%s", im->error->message);
		if (step_sql(im, "ROLLBACK TO import_event") != 0 ||
		    step_sql(im, "RELEASE import_event") != 0)
			return -1;
		warn(im->report, _("%s:%d: the event '%s': %s: skipped"), im->path, event_line(event),
		     o->uid, reason);
		im->report->skipped++;
		return 0;
	}
	if (step_sql(im, "RELEASE import_event") != 0)
		return -1;
	im->report->created++;
	return 0;
}

/* A stable UID for an event that has none, from what it says (its start, end and summary),
 * so that a second import of the file knows it. */
static void derive_uid(icalcomponent *event, char *out, size_t size)
{
	uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
	static const icalproperty_kind kinds[] = {ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
						  ICAL_DURATION_PROPERTY, ICAL_SUMMARY_PROPERTY,
						  ICAL_LOCATION_PROPERTY, ICAL_RRULE_PROPERTY};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		icalproperty *p = icalcomponent_get_first_property(event, kinds[k]);
		const char *text = p ? icalproperty_as_ical_string(p) : "-";
		for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
			hash ^= *c;
			hash *= 1099511628211ULL;
		}
		hash ^= '\n';
		hash *= 1099511628211ULL;
	}
	snprintf(out, size, "huiwu-derived-%016llx", (unsigned long long)hash);
}

/* Leaves out what libical could not read in the event (X-LIC-ERROR), with a warning. */
static void drop_errors(importer *im, icalcomponent *event)
{
	icalproperty *next;
	for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p;
	     p = next) {
		next = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY);
		warn(im->report, _("%s:%d: libical cannot read a property of the event: %.80s: left out"),
		     im->path, event_line(event), icalproperty_get_xlicerror(p));
		icalcomponent_remove_property(event, p);
		icalproperty_free(p);
	}
}

/* An event of this database's own export (its meetings' and series' UIDs, but not those of
 * meetings it imported): as busy time it would clash with the meetings themselves. */
static int own_event(importer *im, const char *uid, bool *own)
{
	if (uid_known(im,
		      "SELECT 1 FROM meeting WHERE uid = ?1 AND NOT EXISTS (SELECT 1 FROM"
		      " import_version WHERE uid = ?1 AND target = 'meeting')",
		      uid, own) != 0)
		return -1;
	if (!*own && uid_known(im, "SELECT 1 FROM series WHERE uid = ?1", uid, own) != 0)
		return -1;
	return 0;
}

static int import_event(importer *im, icalcomponent *event)
{
	im->report->events++;
	if (marked_skip(event)) {
		im->report->skipped++; /* warned when it was read */
		return 0;
	}
	drop_errors(im, event);
	const char *uid = icalcomponent_get_uid(event);
	if (uid == NULL || *uid == '\0') {
		char derived[64];
		derive_uid(event, derived, sizeof derived);
		icalcomponent_set_uid(event, derived);
		uid = icalcomponent_get_uid(event);
		warn(im->report, _("%s:%d: an event has no UID: it is known as '%s'"), im->path,
		     event_line(event), uid);
	}
	struct icaltimetype begin = icalcomponent_get_dtstart(event);
	if (icaltime_is_null_time(begin) || !valid_time(begin)) {
		warn(im->report, _("%s:%d: the event '%s' has no valid DTSTART: skipped"), im->path,
		     event_line(event), uid);
		im->report->skipped++;
		return 0;
	}
	/* Only huiwu's own UIDs (hw_new_uid: "…@GOVERNMENT.huiwu") are looked up: a foreign
	 * event is spared two queries. */
	size_t uid_length = strlen(uid);
	if (im->options->busy && uid_length > 6 && strcmp(uid + uid_length - 6, ".huiwu") == 0) {
		bool own;
		if (own_event(im, uid, &own) != 0)
			return -1;
		if (own) {
			im->report->own++;
			return 0;
		}
	}
	if (icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != NULL ||
	    icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY) != NULL ||
	    icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != NULL) {
		im->report->events--; /* counted when expanded */
		return DEFERRED;
	}
	occurrence o = {.uid = uid};
	if (!occurrence_times(im, event, begin, icalcomponent_get_dtend(event), &o)) {
		im->report->skipped++;
		return 0;
	}
	return import_occurrence(im, event, &o);
}

/* ---- recurring events ---- */

/* "UID/RECURRENCE-ID": the RECURRENCE-ID in UTC where it has a zone, as written otherwise. */
static void occurrence_uid(const char *uid, struct icaltimetype when, char *out, size_t size)
{
	if (!when.is_date && when.zone != NULL && !icaltime_is_utc(when))
		when = icaltime_convert_to_zone(when, icaltimezone_get_utc_timezone());
	if (when.is_date)
		snprintf(out, size, "%s/%04d%02d%02d", uid, when.year, when.month, when.day);
	else
		snprintf(out, size, "%s/%04d%02d%02dT%02d%02d%02d%s", uid, when.year, when.month,
			 when.day, when.hour, when.minute, when.second,
			 icaltime_is_utc(when) ? "Z" : "");
}

/* An override's RECURRENCE-ID, in its zone. */
static struct icaltimetype recurrence_id(importer *im, icalcomponent *event)
{
	struct icaltimetype when = icalcomponent_get_recurrenceid(event);
	resolve_zone(im, event, ICAL_RECURRENCEID_PROPERTY, &when);
	return when;
}

static bool same_time(struct icaltimetype a, struct icaltimetype b)
{
	if (a.is_date || b.is_date)
		return a.year == b.year && a.month == b.month && a.day == b.day;
	return icaltime_compare(a, b) == 0;
}

typedef struct kept {
	const char *uid;
	icalcomponent *event;
	bool override; /* has a RECURRENCE-ID */
} kept;

static int compare_kept(const void *a, const void *b)
{
	const kept *x = a, *y = b;
	int by_uid = strcmp(x->uid, y->uid);
	return by_uid ? by_uid : (int)x->override - (int)y->override;
}

/* An override (RECURRENCE-ID): the occurrence it replaces, as it says. */
static int import_override(importer *im, icalcomponent *event)
{
	im->report->events++;
	char uid[600];
	occurrence_uid(icalcomponent_get_uid(event), recurrence_id(im, event), uid, sizeof uid);
	occurrence o = {.uid = uid};
	if (!occurrence_times(im, event, icalcomponent_get_dtstart(event),
			      icalcomponent_get_dtend(event), &o)) {
		im->report->skipped++;
		return 0;
	}
	return import_occurrence(im, event, &o);
}

#define MAX_OCCURRENCES 10000 /* of one event in the window */

/* Adds `when` to the occurrences unless it is excluded (EXDATE, an override) or out of the
 * window. */
static void add_occurrence(importer *im, icalcomponent *master, const kept *overrides,
			   int override_count, struct icaltimetype when, struct icaltimetype *list,
			   int *count)
{
	hw_date day = hw_date_from_ymd(when.year, when.month, when.day);
	if (day < im->from || day > im->to || *count == MAX_OCCURRENCES)
		return;
	for (icalproperty *p = icalcomponent_get_first_property(master, ICAL_EXDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(master, ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype excluded = icalproperty_get_exdate(p);
		resolve_time(im, p, &excluded);
		if (!excluded.is_date && !icaltime_is_utc(excluded) && excluded.zone == NULL)
			excluded.zone = when.zone;
		if (same_time(excluded, when))
			return;
	}
	for (int i = 0; i < override_count; i++)
		if (same_time(recurrence_id(im, overrides[i].event), when))
			return;
	for (int i = 0; i < *count; i++)
		if (same_time(list[i], when))
			return;
	list[(*count)++] = when;
}

/* A recurring event: each occurrence in the window that no override replaces and no EXDATE
 * removes, as an event of its own. */
static int expand(importer *im, icalcomponent *master, const kept *overrides, int override_count)
{
	const char *uid = icalcomponent_get_uid(master);
	struct icaltimetype begin = icalcomponent_get_dtstart(master);
	resolve_zone(im, master, ICAL_DTSTART_PROPERTY, &begin);
	struct icaldurationtype length = icaldurationtype_null_duration();
	struct icaltimetype finish = icalcomponent_get_dtend(master);
	resolve_zone(im, master, ICAL_DTEND_PROPERTY, &finish);
	bool has_end = !icaltime_is_null_time(finish);
	if (has_end)
		length = icaltime_subtract(finish, begin);
	struct icaltimetype *list = malloc(MAX_OCCURRENCES * sizeof *list);
	if (list == NULL)
		return hw_error_set(im->error, "%s", _("out of memory"));
	int count = 0;
	add_occurrence(im, master, overrides, override_count, begin, list, &count);
	/* The RRULEs and RDATEs are listed first: add_occurrence walks the EXDATEs with the
	 * component's one property iterator, which would end a walk over them after the first. */
	int rule_count = icalcomponent_count_properties(master, ICAL_RRULE_PROPERTY);
	int rdate_count = icalcomponent_count_properties(master, ICAL_RDATE_PROPERTY);
	icalproperty **rules = malloc((size_t)(rule_count + rdate_count + 1) * sizeof *rules);
	if (rules == NULL) {
		free(list);
		return hw_error_set(im->error, "%s", _("out of memory"));
	}
	icalproperty **rdates = rules + rule_count;
	int n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(master, ICAL_RRULE_PROPERTY); p;
	     p = icalcomponent_get_next_property(master, ICAL_RRULE_PROPERTY))
		rules[n++] = p;
	n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(master, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(master, ICAL_RDATE_PROPERTY))
		rdates[n++] = p;
	for (int r = 0; r < rule_count; r++) {
		icalproperty *p = rules[r];
		icalrecur_iterator *it = icalrecur_iterator_new(icalproperty_get_rrule(p), begin);
		if (it == NULL) {
			warn(im->report, _("%s:%d: the event '%s': libical cannot follow its RRULE: "
					   "only its first occurrence is imported"),
			     im->path, event_line(master), uid);
			icalerror_clear_errno();
			continue;
		}
		/* Bounded: a rule without end stops at the window's end. */
		for (int steps = 0; steps < 100 * MAX_OCCURRENCES; steps++) {
			struct icaltimetype when = icalrecur_iterator_next(it);
			if (icaltime_is_null_time(when) ||
			    hw_date_from_ymd(when.year, when.month, when.day) > im->to)
				break;
			when.zone = begin.zone;
			add_occurrence(im, master, overrides, override_count, when, list, &count);
		}
		icalrecur_iterator_free(it);
	}
	for (int r = 0; r < rdate_count; r++) {
		icalproperty *p = rdates[r];
		struct icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
		struct icaltimetype when =
			icaltime_is_null_time(rdate.time) ? rdate.period.start : rdate.time;
		if (icaltime_is_null_time(when) || !valid_time(when))
			continue;
		resolve_time(im, p, &when);
		if (!when.is_date && !icaltime_is_utc(when) && when.zone == NULL)
			when.zone = begin.zone;
		add_occurrence(im, master, overrides, override_count, when, list, &count);
	}
	free(rules);
	int result = 0;
	for (int i = 0; i < count && result == 0; i++) {
		im->report->events++;
		char instance_uid[600];
		occurrence_uid(uid, list[i], instance_uid, sizeof instance_uid);
		occurrence o = {.uid = instance_uid};
		struct icaltimetype end = has_end ? icaltime_add(list[i], length) : icaltime_null_time();
		if (!occurrence_times(im, master, list[i], end, &o)) {
			im->report->skipped++;
			continue;
		}
		result = import_occurrence(im, master, &o);
	}
	free(list);
	return result;
}

/* The recurring events and overrides kept while the file was read, by UID: each master is
 * expanded around its overrides; overrides without their master are events of their own. */
static int import_deferred(importer *im, icalcomponent *calendar)
{
	int count = icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT);
	if (count == 0)
		return 0;
	kept *list = calloc((size_t)count, sizeof *list);
	if (list == NULL)
		return hw_error_set(im->error, "%s", _("out of memory"));
	int n = 0;
	for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	     c && n < count; c = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
		list[n].event = c;
		list[n].uid = icalcomponent_get_uid(c);
		list[n].override =
			icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY) != NULL;
		n++;
	}
	qsort(list, (size_t)n, sizeof *list, compare_kept);
	int result = 0;
	for (int i = 0; i < n && result == 0;) {
		int end = i;
		while (end < n && strcmp(list[end].uid, list[i].uid) == 0)
			end++;
		int first_override = i;
		while (first_override < end && !list[first_override].override)
			first_override++;
		for (int m = i; m < first_override && result == 0; m++)
			result = expand(im, list[m].event, list + first_override, end - first_override);
		for (int o = first_override; o < end && result == 0; o++)
			result = import_override(im, list[o].event);
		i = end;
	}
	free(list);
	return result;
}

int hw_import_ics(hw_session *session, const char *path, const hw_import_options *options,
		  hw_import_report *report, hw_error *error)
{
	memset(report, 0, sizeof *report);
	if ((options->as_type == NULL) == (options->busy == false))
		return hw_error_option(error, "as", "%s", _("say what the events become: meetings of a type, or busy time"));
	if (options->person && !options->busy)
		return hw_error_option(error, "busy", "%s", _("a person is named only for busy time"));
	importer im = {session, options, report, error, NULL, path, 0, NULL, 0, 0, NULL};
	im.target = icaltimezone_get_builtin_timezone(session->rules->government[HW_GOV_TIMEZONE]);
	if (im.target == NULL)
		return hw_error_set(error, _("libical does not know the time zone %s"),
				    session->rules->government[HW_GOV_TIMEZONE]);
	im.from = session->today - 366;
	im.to = session->today + 2 * 366;
	if ((options->from && !hw_date_parse(options->from, &im.from)) ||
	    (options->to && !hw_date_parse(options->to, &im.to)))
		return hw_error_set(error, _("'%s' is not a date (YYYY-MM-DD)"),
				    options->from && !hw_date_parse(options->from, &im.from)
					    ? options->from
					    : options->to);
	if (im.to < im.from)
		return hw_error_option(error, "to", "%s", _("the window ends before it begins"));
	if (options->person) {
		hw_person person;
		if (hw_person_find(session, options->person, &person, error) != 0)
			return -1;
		im.person = person.id;
	}
	/* A type the rules do not define would refuse every event: the file is refused. */
	hw_meeting_type type;
	if (options->as_type && !hw_meeting_type_from_key(options->as_type, &type))
		return hw_error_set(error,
				    _("unknown meeting type '%s' (plenary, executive, office, "
				      "special, study, dept_wide)"),
				    options->as_type);
	if (options->as_type && !session->rules->types[type].defined)
		return hw_error_set(error, _("the rules of %s do not define %s meetings 〔%s〕"),
				    session->rules->government[HW_GOV_NAME],
				    hw_meeting_type_key(type),
				    hw_type_clause(&session->rules->types[type]));
	/* A regular file (a FIFO or a device would never end), read whole within the limit. */
	char *text = NULL;
	size_t size = 0;
	if (hw_file_read(path, MAX_FILE_SIZE, &text, &size, error) != 0)
		return -1;
	if (memchr(text, '\0', size) != NULL) {
		free(text);
		return hw_error_set(error, _("%s: not an iCalendar file (it holds NUL bytes)"), path);
	}
	/* A UTF-8 byte-order mark (Windows tools write one) is no part of the first line. */
	size_t bom = size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	/* Events are imported as they are read, in one transaction: a broken line after them
	 * still leaves nothing of the file. */
	int result = hw_action_begin(session, error);
	if (result == 0)
		result = read_calendar(&im, text + bom, size - bom);
	free(text);
	if (result == 0 && report->created + report->updated + report->cancelled > 0)
		result = hw_audit_record(session, "import ics", options->busy ? "busy" : "meeting", 0, 0,
					 NULL,
					 json_pack("{s:s,s:i,s:i,s:i,s:i,s:s?}", "file", path, "created",
						   report->created, "updated", report->updated,
						   "cancelled", report->cancelled, "unchanged",
						   report->unchanged, "as", options->as_type),
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
