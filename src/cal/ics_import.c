#include "ics_import.h"

#include <errno.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "meetings.h"
#include "roster.h"

#define MAX_FILE_SIZE (64 * 1024 * 1024)
#define MAX_DEPTH 16

/* ---- reading, with the line each content line began on ---- */

typedef struct source {
	const char *text;
	size_t size, offset;
} source;

/* Hands libical the file a line at a time (fgets-like); libical unfolds. */
static char *read_chunk(char *buffer, size_t size, void *user)
{
	source *s = user;
	if (s->offset >= s->size || size < 2)
		return NULL;
	size_t n = 0;
	while (n + 1 < size && s->offset < s->size) {
		char c = s->text[s->offset++];
		buffer[n++] = c;
		if (c == '\n')
			break;
	}
	buffer[n] = '\0';
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

/* Walks the file's content lines as libical unfolds them: each property line must be one
 * libical reads, BEGIN and END must pair up, and dates must exist. */
static int check_lines(const char *path, const char *text, size_t size, hw_error *error)
{
	source s = {.text = text, .size = size};
	icalparser *parser = icalparser_new();
	icalparser_set_gen_data(parser, &s);
	char stack[MAX_DEPTH][64];
	int begun_on[MAX_DEPTH];
	int depth = 0, result = 0, content_lines = 0, physical = 0;
	size_t cursor = 0;
	char *line;
	while (result == 0) {
		line = icalparser_get_line(parser, read_chunk);
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
		content_lines++;
		if (content_lines == 1 && strcmp(line, "BEGIN:VCALENDAR") != 0)
			result = hw_error_set(error, _("%s:%d: not an iCalendar file (it must begin with BEGIN:VCALENDAR)"),
					      path, first_line);
		else if (strncmp(line, "BEGIN:", 6) == 0) {
			if (depth == MAX_DEPTH)
				result = hw_error_set(error, _("%s:%d: components nested too deep"), path,
						      first_line);
			else {
				snprintf(stack[depth], sizeof stack[depth], "%s", line + 6);
				begun_on[depth++] = first_line;
			}
		} else if (strncmp(line, "END:", 4) == 0) {
			int open = depth - 1;
			while (open >= 0 && strcmp(stack[open], line + 4) != 0)
				open--;
			if (open < 0)
				result = hw_error_set(error, _("%s:%d: '%s' ends a component that was not begun"),
						      path, first_line, line);
			else if (open < depth - 1)
				result = hw_error_set(error, _("%s:%d: BEGIN:%s is never ended"), path,
						      begun_on[depth - 1], stack[depth - 1]);
			else
				depth--;
		} else {
			icalproperty *property = icalproperty_new_from_string(line);
			if (property == NULL) {
				result = hw_error_set(error, _("%s:%d: libical cannot read '%.60s'"), path,
						      first_line, line);
			} else {
				icalvalue *value = icalproperty_get_value(property);
				icalvalue_kind kind = value ? icalvalue_isa(value) : ICAL_NO_VALUE;
				if ((kind == ICAL_DATETIME_VALUE || kind == ICAL_DATE_VALUE) &&
				    !valid_time(icalvalue_get_datetime(value)))
					result = hw_error_set(error, _("%s:%d: '%.60s' is not a real date"),
							      path, first_line, line);
				icalproperty_free(property);
			}
		}
		free(line);
		icalerror_clear_errno();
	}
	icalparser_free(parser);
	if (result == 0 && content_lines == 0)
		result = hw_error_set(error, _("%s:1: the file is empty"), path);
	if (result == 0 && depth > 0)
		result = hw_error_set(error, _("%s:%d: BEGIN:%s is never ended"), path,
				      begun_on[depth - 1], stack[depth - 1]);
	return result;
}

/* ---- importing ---- */

typedef struct importer {
	hw_session *session;
	const hw_import_options *options;
	hw_import_report *report;
	hw_error *error;
	icaltimezone *target;
	const char *path;
} importer;

/* The event's start and end in the rule set's zone; floating times are taken as local. */
static int event_times(importer *im, icalcomponent *event, hw_date *date, char start[6],
		       char end[6], bool *all_day)
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

static int uid_known(importer *im, const char *sql, const char *uid, int64_t person, hw_date date,
		     bool *known)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(im->session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(im->session->store, _("cannot read the meetings"), im->error);
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
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(im->session->store),
			       "INSERT INTO busy (uid, person_id, date, start, end, summary)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(im->session->store, _("cannot save the busy time"), im->error);
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
	sqlite3_finalize(statement);
	if (rc != SQLITE_DONE)
		return hw_store_fail(im->session->store, _("cannot save the busy time"), im->error);
	im->report->created++;
	return 0;
}

static int import_event(importer *im, icalcomponent *event)
{
	im->report->events++;
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
	bool all_day = false;
	if (event_times(im, event, &date, start, end, &all_day) != 0)
		return -1;
	const char *summary = icalcomponent_get_summary(event);
	if (im->options->busy) {
		if (im->options->person) {
			hw_person person;
			if (hw_person_find(im->session, im->options->person, &person, im->error) != 0)
				return -1;
			return add_busy(im, uid, person.id, date, start, end, all_day, summary);
		}
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
	input.location = icalcomponent_get_location(event);
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
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return hw_error_set(error, _("cannot read %s: %s"), path, strerror(errno));
	char *text = malloc(MAX_FILE_SIZE + 1);
	size_t size = text ? fread(text, 1, MAX_FILE_SIZE + 1, file) : 0;
	fclose(file);
	if (text == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	if (size > MAX_FILE_SIZE) {
		free(text);
		return hw_error_set(error, _("%s is larger than 64 MiB"), path);
	}
	text[size] = '\0';
	if (memchr(text, '\0', size) != NULL) {
		free(text);
		return hw_error_set(error, _("%s: not an iCalendar file (it holds NUL bytes)"), path);
	}
	if (check_lines(path, text, size, error) != 0) {
		free(text);
		return -1;
	}
	icalerror_clear_errno();
	icalcomponent *root = icalparser_parse_string(text);
	free(text);
	if (root == NULL || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
		if (root)
			icalcomponent_free(root);
		return hw_error_set(error, _("%s: libical cannot read the calendar"), path);
	}
	if (icalcomponent_count_errors(root) > 0) {
		/* The line check passes what libical then refuses only in context. */
		icalcomponent_free(root);
		return hw_error_set(error, _("%s: libical found errors in the calendar"), path);
	}
	importer im = {session, options, report, error, NULL, path};
	im.target = icaltimezone_get_builtin_timezone(session->rules->government[HW_GOV_TIMEZONE]);
	if (im.target == NULL) {
		icalcomponent_free(root);
		return hw_error_set(error, _("libical does not know the time zone %s"),
				    session->rules->government[HW_GOV_TIMEZONE]);
	}
	int result = hw_action_begin(session, error);
	for (icalcomponent *event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
	     event && result == 0; event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT))
		result = import_event(&im, event);
	icalcomponent_free(root);
	if (result == 0 && report->created > 0)
		result = hw_audit_record(session, "import ics", options->busy ? "busy" : "meeting", 0, 0,
					 NULL,
					 json_pack("{s:s,s:i,s:i,s:s?}", "file", path, "created",
						   report->created, "unchanged", report->unchanged,
						   "as", options->as_type),
					 error);
	if (result != 0) {
		hw_action_abort(session);
		memset(report, 0, sizeof *report);
		return -1;
	}
	return hw_action_commit(session, error);
}
