#include "ics_export.h"

#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "i18n.h"
#include "leave.h"
#include "meetings.h"
#include "minutes.h"
#include "paths.h"
#include "series.h"
#include "topics.h"

#ifndef HUIWU_VERSION
#define HUIWU_VERSION "unknown"
#endif

/* The zone's VTIMEZONE, written here rather than taken from libical's zone data: that one is
 * named /freeassociation.sourceforge.net/… and carries a 1901–1991 history whose local UNTIL
 * other parsers refuse. A zone without daylight saving needs one STANDARD block. */
static icalcomponent *fixed_zone_component(const char *zone, int offset_seconds, const char *abbrev)
{
	icalcomponent *standard = icalcomponent_new(ICAL_XSTANDARD_COMPONENT);
	icalcomponent_add_property(standard,
				   icalproperty_new_dtstart(icaltime_from_string("19700101T000000")));
	icalcomponent_add_property(standard, icalproperty_new_tzoffsetfrom(offset_seconds));
	icalcomponent_add_property(standard, icalproperty_new_tzoffsetto(offset_seconds));
	icalcomponent_add_property(standard, icalproperty_new_tzname(abbrev));
	icalcomponent *timezone = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	icalcomponent_add_property(timezone, icalproperty_new_tzid(zone));
	icalcomponent_add_component(timezone, standard);
	return timezone;
}

/* The zone's offset from UTC, which must not change with the seasons (China has had no
 * daylight saving since 1991). */
static int zone_offset(const char *zone, int *offset, char *abbrev, size_t size, hw_error *error)
{
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", zone, 1);
	tzset();
	long offsets[2];
	time_t probes[2] = {1735689600 /* 2025-01-01 */, 1751328000 /* 2025-07-01 */};
	for (int i = 0; i < 2; i++) {
		struct tm local;
		localtime_r(&probes[i], &local);
		offsets[i] = local.tm_gmtoff;
		if (i == 0)
			strftime(abbrev, size, "%Z", &local);
	}
	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
	if (offsets[0] != offsets[1])
		return hw_error_set(error,
				    _("the time zone %s has daylight saving, which this export does not "
				      "write yet"),
				    zone);
	*offset = (int)offsets[0];
	if (strcmp(zone, "Asia/Shanghai") == 0)
		snprintf(abbrev, size, "CST");
	return 0;
}

/* One query's rows, each led by its meeting's date, start and id (the order of
 * hw_meeting_list): the rows of one meeting after another, read along with the meetings
 * instead of three queries a meeting. */
typedef struct row_stream {
	sqlite3_stmt *statement;
	int last; /* sqlite3_step's last answer: SQLITE_ROW while on a row */
} row_stream;

/* The text of a plain ATTENDEE property (no DELEGATED-FROM or -TO): the same person, role and
 * answer give the same text within one export. */
typedef struct attendee_text_entry {
	int64_t person_id;
	int role, partstat;
	char *text; /* NULL: a free slot */
} attendee_text_entry;

#define ATTENDEE_CACHE_SIZE 4096 /* slots; at most half are used: memory stays flat */

/* The text of a property by a key naming its kind and value. */
typedef struct text_entry {
	char *key, *text; /* NULL: a free slot */
} text_entry;

#define VALUE_CACHE_SIZE 1024 /* slots; at most half are used */

/* An attendee with the index of their leave request in the event's list, or -1. */
typedef struct attendee_row {
	hw_attendee attendee;
	int leave;
} attendee_row;

typedef struct exporter {
	hw_session *session;
	const hw_export_options *options;
	FILE *out;
	hw_error *error;
	icaltimezone *zone;
	char urn_prefix[128];
	int64_t person_id;
	hw_meeting_type type;
	int count;
	int meetings; /* meetings written: a series' occurrences each */
	int status;
	/* One meeting's attendance, kept from meeting to meeting to spare the allocations. */
	attendee_row *attendees;
	int attendee_count, attendee_capacity;
	hw_leave *leave;
	int leave_count, leave_capacity;
	/* Set: each component goes to it instead of `out` (publishing, src/cal/publish.c). */
	hw_export_sink sink;
	void *sink_user;
	icalcomponent *timezone;
	/* The listed meetings' attendees, leave requests and topics: one query each over the
	 * exported range, in the meetings' order, read along as the meetings go by. */
	row_stream attendee_rows, leave_rows, topic_rows;
	hw_roster roster; /* the attendees' names and addresses, by id */
	/* Writing a listed meeting to a file: its VEVENT's properties (and VALARM) as libical
	 * writes each, one after another in event_text rather than in a component; the text of
	 * those that come again kept for the next meeting: a plain ATTENDEE (no delegation) by
	 * person, role and answer; add_tail's properties by type and status; SEQUENCE, DURATION
	 * and LOCATION by value; DTSTART and DTEND by time, for the day's meetings. */
	bool as_text;
	char *event_text;
	size_t event_text_used, event_text_capacity;
	attendee_text_entry *attendee_cache;
	int attendee_cache_count;
	char *tail_texts[HW_MEETING_TYPE_COUNT][2];
	text_entry *value_cache;
	int value_cache_count;
	hw_date day;        /* the day of day_cache's entries */
	text_entry day_cache[16];
	int day_cache_count;
	char *vevent_begin, *vevent_end; /* libical's BEGIN:VEVENT and END:VEVENT lines */
} exporter;

static void write_component(exporter *e, icalcomponent *component)
{
	if (e->sink != NULL) {
		if (e->status == 0 && e->sink(component, e->timezone, e->sink_user, e->error) != 0)
			e->status = -1;
		icalcomponent_free(component);
		return;
	}
	char *text = icalcomponent_as_ical_string_r(component);
	if (text != NULL) {
		fputs(text, e->out);
		free(text);
	}
	icalcomponent_free(component);
}

/* A listed meeting's VEVENT, whose parts libical wrote one by one (e->event_text), between
 * the BEGIN and END lines libical writes for a VEVENT. */
static void write_event_text(exporter *e)
{
	fputs(e->vevent_begin, e->out);
	fwrite(e->event_text, 1, e->event_text_used, e->out);
	fputs(e->vevent_end, e->out);
}

static struct icaltimetype zoned(exporter *e, hw_date date, const char *hhmm)
{
	struct icaltimetype time = icaltime_null_time();
	hw_date_to_ymd(date, &time.year, &time.month, &time.day);
	time.hour = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
	time.minute = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
	time.is_date = 0;
	icaltime_set_timezone(&time, e->zone);
	return time;
}

static struct icaltimetype utc_from_text(const char *iso)
{
	/* changed_at is "YYYY-MM-DDTHH:MM:SSZ". */
	struct icaltimetype time = icaltime_null_time();
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &time.year, &time.month, &time.day, &time.hour,
		   &time.minute, &time.second) != 6)
		time = icaltime_from_timet_with_zone(0, 0, icaltimezone_get_utc_timezone());
	time.is_date = 0;
	icaltime_set_timezone(&time, icaltimezone_get_utc_timezone());
	return time;
}

static void person_urn(exporter *e, int64_t id, char *out, size_t size)
{
	snprintf(out, size, "%s:person:%lld", e->urn_prefix, (long long)id);
}

/* A person's calendar address: mailto: where the roster has an e-mail address, which
 * clients and servers match against their users; else the urn. */
static void person_address(exporter *e, const hw_person *person, char *out, size_t size)
{
	if (person != NULL && person->email[0])
		snprintf(out, size, "mailto:%s", person->email);
	else if (person != NULL)
		person_urn(e, person->id, out, size);
}

/* The same for a person known by id: from this meeting's attendees, else the roster. */
static void address_of(exporter *e, int64_t id, char *out, size_t size)
{
	for (int i = 0; i < e->attendee_count; i++)
		if (e->attendees[i].attendee.person.id == id) {
			person_address(e, &e->attendees[i].attendee.person, out, size);
			return;
		}
	hw_person person;
	hw_error ignored;
	if (hw_person_get(e->session, id, &person, &ignored) == 0)
		person_address(e, &person, out, size);
	else
		person_urn(e, id, out, size);
}

typedef struct event_context {
	exporter *e;
	icalcomponent *event;
	const hw_meeting *meeting;
	bool attends;
	char description[8192];
	size_t used;
} event_context;

static int collect_attendee(const hw_attendee *attendee, const hw_leave *leave, void *user)
{
	exporter *e = user;
	if (hw_grow((void **)&e->attendees, &e->attendee_capacity, e->attendee_count,
		    sizeof *e->attendees, e->error) != 0)
		return -1;
	attendee_row *row = &e->attendees[e->attendee_count++];
	row->attendee = *attendee;
	row->leave = -1;
	if (leave != NULL) {
		if (hw_grow((void **)&e->leave, &e->leave_capacity, e->leave_count, sizeof *e->leave,
			    e->error) != 0)
			return -1;
		row->leave = e->leave_count;
		e->leave[e->leave_count++] = *leave;
	}
	return 0;
}

static int describe_topic(const hw_topic *topic, void *user)
{
	event_context *c = user;
	if (c->used < sizeof c->description)
		c->used += (size_t)snprintf(c->description + c->used, sizeof c->description - c->used,
					    "%s%lld. %s", c->used ? "\n" : "", (long long)topic->id,
					    topic->title);
	return 0;
}

/* ---- the listed meetings' rows, streamed ---- */

/* Each query has the meeting's date, start and id first, the range's bounds as ?1 and ?2, and
 * the order of hw_meeting_list (the meeting_date index's: no sorting). */
static const char attendee_stream_sql[] =
	"SELECT m.date, m.start, m.id, a.kind, a.person_id"
	" FROM meeting m JOIN attendee a ON a.meeting_id = m.id"
	" WHERE m.date BETWEEN ?1 AND ?2 ORDER BY m.date, m.start, m.id";
static const char leave_stream_sql[] =
	"SELECT m.date, m.start, m.id, l.id, l.person_id, l.substitute_id, l.state"
	" FROM meeting m JOIN leave l ON l.meeting_id = m.id JOIN person p ON p.id = l.person_id"
	" WHERE m.date BETWEEN ?1 AND ?2 ORDER BY m.date, m.start, m.id, l.id";
static const char topic_stream_sql[] =
	"SELECT m.date, m.start, m.id, t.id, t.title FROM meeting m JOIN topic t ON t.meeting_id = m.id"
	" WHERE m.date BETWEEN ?1 AND ?2 ORDER BY m.date, m.start, m.id, t.id";

static int stream_open(exporter *e, row_stream *stream, const char *sql, const char *from,
		       const char *to)
{
	if (sqlite3_prepare_v2(hw_store_db(e->session->store), sql, -1, &stream->statement, NULL) !=
	    SQLITE_OK)
		return hw_store_fail(e->session->store, _("cannot read the meetings"), e->error);
	sqlite3_bind_text(stream->statement, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stream->statement, 2, to, -1, SQLITE_TRANSIENT);
	stream->last = sqlite3_step(stream->statement);
	return 0;
}

/* Closes the stream; -1 if it stopped on an error rather than at its end (told, when `tell`). */
static int stream_close(exporter *e, row_stream *stream, bool tell)
{
	if (stream->statement == NULL)
		return 0;
	int last = stream->last;
	sqlite3_finalize(stream->statement);
	stream->statement = NULL;
	if (last != SQLITE_ROW && last != SQLITE_DONE)
		return tell ? hw_error_set(e->error, "%s", _("cannot read the meetings")) : -1;
	return 0;
}

static const char *column_or_empty(sqlite3_stmt *statement, int column)
{
	const char *text = (const char *)sqlite3_column_text(statement, column);
	return text ? text : "";
}

/* Moves the stream past the rows of meetings listed before `meeting` (those the export
 * skipped: series occurrences, other types); true when it is on a row of `meeting`. */
static bool stream_at(row_stream *stream, const hw_meeting *meeting, const char *date)
{
	while (stream->last == SQLITE_ROW) {
		sqlite3_stmt *row = stream->statement;
		if (sqlite3_column_int64(row, 2) == meeting->id)
			return true;
		int order = strcmp(column_or_empty(row, 0), date);
		if (order == 0)
			order = strcmp(column_or_empty(row, 1), meeting->start);
		if (order == 0)
			order = sqlite3_column_int64(row, 2) < meeting->id ? -1 : 1;
		if (order > 0)
			return false; /* a later meeting's: this one has none */
		stream->last = sqlite3_step(row);
	}
	return false;
}

static const hw_person *roster_person(exporter *e, int64_t id)
{
	int low = 0, high = e->roster.person_count - 1;
	while (low <= high) {
		int middle = low + (high - low) / 2;
		int64_t found = e->roster.people[middle].id;
		if (found == id)
			return &e->roster.people[middle];
		if (found < id)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return NULL;
}

static int attendance_rank(hw_attendance kind)
{
	/* hw_meeting_attendees' order: members, sitters-in, guests, staff; then by person. */
	return kind == HW_ATTEND_MEMBER      ? 0
	       : kind == HW_ATTEND_SITTER_IN ? 1
	       : kind == HW_ATTEND_GUEST     ? 2
					     : 3;
}

static int compare_by_person(const void *a, const void *b)
{
	int64_t x = ((const attendee_row *)a)->attendee.person.id;
	int64_t y = ((const attendee_row *)b)->attendee.person.id;
	return (x > y) - (x < y);
}

/* Puts the meeting's attendees, which come by person, in hw_meeting_attendees' order: by
 * kind, each kind by person (a stable pass per kind). */
static int order_attendees(exporter *e)
{
	bool in_order = true;
	for (int i = 1; i < e->attendee_count && in_order; i++)
		in_order = attendance_rank(e->attendees[i - 1].attendee.kind) <=
			   attendance_rank(e->attendees[i].attendee.kind);
	if (in_order)
		return 0; /* most meetings: the rows are big, moving them costs */
	attendee_row *sorted = malloc((size_t)e->attendee_count * sizeof *sorted);
	if (sorted == NULL)
		return hw_error_set(e->error, "%s", _("out of memory"));
	int used = 0;
	for (int rank = 0; rank < 4; rank++)
		for (int i = 0; i < e->attendee_count; i++)
			if (attendance_rank(e->attendees[i].attendee.kind) == rank)
				sorted[used++] = e->attendees[i];
	memcpy(e->attendees, sorted, (size_t)used * sizeof *sorted);
	free(sorted);
	return 0;
}

/* The meeting's attendees with their leave, and its topics' description, from the streams:
 * the same as hw_attendance_list and hw_topic_list give. */
static int stream_meeting_rows(exporter *e, const hw_meeting *meeting, event_context *c)
{
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting->date, date);
	hw_leave *requests = NULL;
	int request_count = 0, request_capacity = 0;
	for (bool on = stream_at(&e->leave_rows, meeting, date); on;
	     on = (e->leave_rows.last = sqlite3_step(e->leave_rows.statement)) == SQLITE_ROW &&
		  sqlite3_column_int64(e->leave_rows.statement, 2) == meeting->id) {
		sqlite3_stmt *row = e->leave_rows.statement;
		if (hw_grow((void **)&requests, &request_capacity, request_count, sizeof *requests,
			    e->error) != 0) {
			free(requests);
			return -1;
		}
		hw_leave *leave = &requests[request_count++];
		*leave = (hw_leave){.id = sqlite3_column_int64(row, 3), .meeting_id = meeting->id,
				    .person_id = sqlite3_column_int64(row, 4),
				    .substitute_id = sqlite3_column_int64(row, 5)};
		const char *state = column_or_empty(row, 6);
		leave->state = strcmp(state, "approved") == 0   ? HW_LEAVE_APPROVED
			       : strcmp(state, "rejected") == 0 ? HW_LEAVE_REJECTED
								: HW_LEAVE_PENDING;
	}
	for (bool on = stream_at(&e->attendee_rows, meeting, date); on;
	     on = (e->attendee_rows.last = sqlite3_step(e->attendee_rows.statement)) == SQLITE_ROW &&
		  sqlite3_column_int64(e->attendee_rows.statement, 2) == meeting->id) {
		sqlite3_stmt *row = e->attendee_rows.statement;
		if (hw_grow((void **)&e->attendees, &e->attendee_capacity, e->attendee_count,
			    sizeof *e->attendees, e->error) != 0) {
			free(requests);
			return -1;
		}
		/* The people from the roster, read once, rather than joined on every row. */
		const hw_person *known = roster_person(e, sqlite3_column_int64(row, 4));
		if (known == NULL)
			continue; /* no such person: not an attendee (as a join would have it) */
		attendee_row *attendee = &e->attendees[e->attendee_count++];
		hw_person *person = &attendee->attendee.person;
		if (!hw_attendance_from_key(column_or_empty(row, 3), &attendee->attendee.kind))
			attendee->attendee.kind = HW_ATTEND_GUEST;
		person->id = known->id;
		memcpy(person->name, known->name, strlen(known->name) + 1);
		memcpy(person->email, known->email, strlen(known->email) + 1);
		person->title[0] = person->department_name[0] = person->phone[0] = '\0';
		person->department_id = 0;
		person->party_group = false;
		person->role = (hw_role)0;
		attendee->leave = -1;
	}
	/* The join gives each meeting's attendees by person (the attendee table's key): checked,
	 * as SQLite promises no order within a meeting without ORDER BY. */
	for (int i = 1; i < e->attendee_count; i++)
		if (e->attendees[i - 1].attendee.person.id > e->attendees[i].attendee.person.id) {
			qsort(e->attendees, (size_t)e->attendee_count, sizeof *e->attendees,
			      compare_by_person);
			break;
		}
	if (order_attendees(e) != 0) {
		free(requests);
		return -1;
	}
	/* A person asks leave from a meeting once at most; an attendee's request joins the
	 * event's list in the attendees' order, as hw_attendance_list gives it. */
	for (int i = 0; i < e->attendee_count; i++)
		for (int j = 0; j < request_count; j++)
			if (requests[j].person_id == e->attendees[i].attendee.person.id) {
				if (hw_grow((void **)&e->leave, &e->leave_capacity, e->leave_count,
					    sizeof *e->leave, e->error) != 0) {
					free(requests);
					return -1;
				}
				e->attendees[i].leave = e->leave_count;
				e->leave[e->leave_count++] = requests[j];
				break;
			}
	free(requests);
	for (bool on = stream_at(&e->topic_rows, meeting, date); on;
	     on = (e->topic_rows.last = sqlite3_step(e->topic_rows.statement)) == SQLITE_ROW &&
		  sqlite3_column_int64(e->topic_rows.statement, 2) == meeting->id) {
		hw_topic topic;
		topic.id = sqlite3_column_int64(e->topic_rows.statement, 3);
		hw_column_text(e->topic_rows.statement, 4, topic.title, sizeof topic.title);
		describe_topic(&topic, c);
	}
	if (e->attendee_rows.last != SQLITE_ROW && e->attendee_rows.last != SQLITE_DONE)
		return hw_store_fail(e->session->store, _("cannot read the attendees"), e->error);
	if (e->leave_rows.last != SQLITE_ROW && e->leave_rows.last != SQLITE_DONE)
		return hw_store_fail(e->session->store, _("cannot read the leave requests"), e->error);
	if (e->topic_rows.last != SQLITE_ROW && e->topic_rows.last != SQLITE_DONE)
		return hw_store_fail(e->session->store, _("cannot read the topics"), e->error);
	return 0;
}

static attendee_text_entry *cached_attendee(exporter *e, int64_t person_id, int role, int partstat)
{
	if (e->attendee_cache == NULL)
		return NULL;
	uint64_t hash = ((uint64_t)person_id * 0x9E3779B97F4A7C15u) ^ (uint64_t)(role * 8 + partstat);
	for (size_t i = (size_t)(hash % ATTENDEE_CACHE_SIZE);; i = (i + 1) % ATTENDEE_CACHE_SIZE) {
		attendee_text_entry *entry = &e->attendee_cache[i];
		if (entry->text == NULL || (entry->person_id == person_id && entry->role == role &&
					    entry->partstat == partstat))
			return entry;
	}
}

static int append_text(exporter *e, const char *text, size_t length)
{
	if (e->event_text_used + length + 1 > e->event_text_capacity) {
		size_t capacity = (e->event_text_used + length + 1) * 2;
		char *grown = realloc(e->event_text, capacity);
		if (grown == NULL)
			return hw_error_set(e->error, "%s", _("out of memory"));
		e->event_text = grown;
		e->event_text_capacity = capacity;
	}
	memcpy(e->event_text + e->event_text_used, text, length);
	e->event_text_used += length;
	e->event_text[e->event_text_used] = '\0';
	return 0;
}

static int emit(event_context *c, icalproperty *property, char **keep);

static int add_attendee(event_context *c, const attendee_row *row)
{
	exporter *e = c->e;
	const hw_attendee *attendee = &row->attendee;
	if (attendee->person.id == e->person_id)
		c->attends = true;
	icalparameter_role role = attendee->person.id == c->meeting->chair_id ? ICAL_ROLE_CHAIR
				  : attendee->kind == HW_ATTEND_MEMBER      ? ICAL_ROLE_REQPARTICIPANT
				  : attendee->kind == HW_ATTEND_STAFF       ? ICAL_ROLE_NONPARTICIPANT
									    : ICAL_ROLE_OPTPARTICIPANT;
	const hw_leave *leave = row->leave >= 0 && e->leave[row->leave].state == HW_LEAVE_APPROVED
					? &e->leave[row->leave]
					: NULL;
	bool substitute_for_someone = false;
	for (int i = 0; i < e->leave_count && !substitute_for_someone; i++)
		substitute_for_someone = e->leave[i].state == HW_LEAVE_APPROVED &&
					 e->leave[i].substitute_id == attendee->person.id;
	bool plain = !substitute_for_someone && !(leave != NULL && leave->substitute_id);
	attendee_text_entry *entry = NULL;
	if (e->as_text && plain) {
		entry = cached_attendee(e, attendee->person.id, (int)role, leave != NULL);
		if (entry != NULL && entry->text != NULL)
			return append_text(e, entry->text, strlen(entry->text));
	}
	char urn[HW_CONTACT_SIZE + 16];
	person_address(e, &attendee->person, urn, sizeof urn);
	icalproperty *property = icalproperty_new_attendee(urn);
	icalproperty_add_parameter(property, icalparameter_new_cn(attendee->person.name));
	icalproperty_add_parameter(property, icalparameter_new_role(role));
	/* In the order the requests were made (by id), whoever's place this person takes. */
	for (int64_t after = 0;;) {
		const hw_leave *next = NULL;
		for (int i = 0; i < e->leave_count; i++)
			if (e->leave[i].state == HW_LEAVE_APPROVED &&
			    e->leave[i].substitute_id == attendee->person.id && e->leave[i].id > after &&
			    (next == NULL || e->leave[i].id < next->id))
				next = &e->leave[i];
		if (next == NULL)
			break;
		char from[HW_CONTACT_SIZE + 16];
		address_of(e, next->person_id, from, sizeof from);
		icalproperty_add_parameter(property, icalparameter_new_delegatedfrom(from));
		after = next->id;
	}
	if (leave != NULL && leave->substitute_id) {
		char to[HW_CONTACT_SIZE + 16];
		address_of(e, leave->substitute_id, to, sizeof to);
		icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_DELEGATED));
		icalproperty_add_parameter(property, icalparameter_new_delegatedto(to));
	} else if (leave != NULL) {
		icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_DECLINED));
	} else {
		icalproperty_add_parameter(property, icalparameter_new_partstat(
							     substitute_for_someone ? ICAL_PARTSTAT_ACCEPTED
										    : ICAL_PARTSTAT_NEEDSACTION));
	}
	/* libical writes it, as it would inside the VEVENT; the text is kept for the next meeting
	 * while the cache has room. */
	char *text = NULL;
	bool keep = entry != NULL && e->attendee_cache_count < ATTENDEE_CACHE_SIZE / 2;
	int status = emit(c, property, keep ? &text : NULL);
	if (text != NULL) {
		*entry = (attendee_text_entry){.person_id = attendee->person.id, .role = (int)role,
					       .partstat = leave != NULL, .text = text};
		e->attendee_cache_count++;
	}
	return status;
}

/* A category is a comma-separated list: a comma or semicolon inside one name is escaped here,
 * as libical 3.0.16 does not (RFC 5545 3.3.11). */
static void escape_category(const char *name, char *out, size_t size)
{
	size_t used = 0;
	for (const char *c = name; *c && used + 2 < size; c++) {
		if (*c == ',' || *c == ';' || *c == '\\')
			out[used++] = '\\';
		out[used++] = *c;
	}
	out[used] = '\0';
}

/* A property of the event: into its component, or (as_text) libical's text of it appended to
 * event_text; `keep`, unless NULL, gets a copy of that text. Takes the property. */
static int emit(event_context *c, icalproperty *property, char **keep)
{
	exporter *e = c->e;
	if (!e->as_text) {
		icalcomponent_add_property(c->event, property);
		return 0;
	}
	char *text = icalproperty_as_ical_string_r(property);
	icalproperty_free(property);
	if (text == NULL)
		return hw_error_set(e->error, "%s", _("libical did not write the calendar"));
	int status = append_text(e, text, strlen(text));
	if (keep != NULL && status == 0)
		*keep = text;
	else
		free(text);
	return status;
}

static text_entry *value_entry(exporter *e, const char *key)
{
	if (e->value_cache == NULL)
		return NULL;
	uint64_t hash = 14695981039346656037u;
	for (const unsigned char *k = (const unsigned char *)key; *k; k++)
		hash = (hash ^ *k) * 1099511628211u;
	for (size_t i = (size_t)(hash % VALUE_CACHE_SIZE);; i = (i + 1) % VALUE_CACHE_SIZE) {
		text_entry *entry = &e->value_cache[i];
		if (entry->key == NULL || strcmp(entry->key, key) == 0)
			return entry;
	}
}

static text_entry *day_entry(exporter *e, hw_date date, const char *key)
{
	if (e->day != date) {
		for (int i = 0; i < e->day_cache_count; i++) {
			free(e->day_cache[i].key);
			free(e->day_cache[i].text);
		}
		e->day_cache_count = 0;
		e->day = date;
	}
	for (int i = 0; i < e->day_cache_count; i++)
		if (strcmp(e->day_cache[i].key, key) == 0)
			return &e->day_cache[i];
	if (e->day_cache_count == (int)(sizeof e->day_cache / sizeof e->day_cache[0]))
		return NULL;
	e->day_cache[e->day_cache_count] = (text_entry){0};
	return &e->day_cache[e->day_cache_count]; /* counted once it has its text */
}

/* As emit, for a property that comes again: `key` names its kind and value; `property` is
 * made (by make(c, user)) only when its text is not kept yet. */
static int emit_kept(event_context *c, bool by_day, const char *key,
		     icalproperty *(*make)(event_context *, const void *), const void *user)
{
	exporter *e = c->e;
	if (!e->as_text)
		return emit(c, make(c, user), NULL);
	text_entry *entry = by_day ? day_entry(e, c->meeting->date, key) : value_entry(e, key);
	if (entry != NULL && entry->text != NULL)
		return append_text(e, entry->text, strlen(entry->text));
	bool room = entry != NULL && (by_day || e->value_cache_count < VALUE_CACHE_SIZE / 2);
	char *text = NULL;
	if (emit(c, make(c, user), room ? &text : NULL) != 0)
		return -1;
	if (text != NULL) {
		entry->key = strdup(key);
		if (entry->key == NULL) {
			free(text);
			return 0;
		}
		entry->text = text;
		if (by_day)
			e->day_cache_count++;
		else
			e->value_cache_count++;
	}
	return 0;
}

static icalproperty *make_sequence(event_context *c, const void *user)
{
	(void)user;
	return icalproperty_new_sequence(c->meeting->sequence);
}

static icalproperty *make_location(event_context *c, const void *user)
{
	(void)user;
	return icalproperty_new_location(c->meeting->location);
}

static icalproperty *make_duration(event_context *c, const void *user)
{
	(void)c;
	return icalproperty_new_duration(icaldurationtype_from_int(*(const int *)user));
}

/* DTSTART or DTEND as icalcomponent_set_dtstart and _set_dtend make them (with TZID). */
static icalproperty *make_time(event_context *c, const void *user)
{
	bool start = user == NULL;
	icalcomponent *scratch = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	struct icaltimetype time =
		zoned(c->e, c->meeting->date, start ? c->meeting->start : c->meeting->end);
	if (start)
		icalcomponent_set_dtstart(scratch, time);
	else
		icalcomponent_set_dtend(scratch, time);
	icalproperty *property = icalcomponent_get_first_property(
		scratch, start ? ICAL_DTSTART_PROPERTY : ICAL_DTEND_PROPERTY);
	icalcomponent_remove_property(scratch, property);
	icalcomponent_free(scratch);
	return property;
}

/* The last properties of a meeting's VEVENT: the same for every meeting of one type and
 * status. */
static void add_tail(exporter *e, icalcomponent *event, const hw_meeting *meeting)
{
	const hw_type_rules *type = &e->session->rules->types[meeting->type];
	char category[512];
	escape_category(type->name ? type->name : hw_meeting_type_key(meeting->type), category,
			sizeof category);
	icalcomponent_add_property(event, icalproperty_new_categories(category));
	icalcomponent_add_property(event,
				   icalproperty_new_status(meeting->status == HW_STATUS_CANCELLED
								   ? ICAL_STATUS_CANCELLED
								   : ICAL_STATUS_CONFIRMED));
	char organizer[192];
	snprintf(organizer, sizeof organizer, "%s:office", e->urn_prefix);
	icalproperty *office = icalproperty_new_organizer(organizer);
	icalproperty_add_parameter(office,
				   icalparameter_new_cn(e->session->rules->titles[HW_TITLE_OFFICE]));
	icalcomponent_add_property(event, office);
}

/* add_tail's properties as libical writes them, once per type and status of an export: the
 * text write_event_with_attendees puts after the VEVENT's own properties. NULL: out of memory. */
static const char *tail_text(exporter *e, const hw_meeting *meeting)
{
	int cancelled = meeting->status == HW_STATUS_CANCELLED;
	char **slot = &e->tail_texts[meeting->type][cancelled];
	if (*slot == NULL) {
		icalcomponent *scratch = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		add_tail(e, scratch, meeting);
		size_t used = 0;
		char *text = calloc(1, 1);
		for (icalproperty *p = icalcomponent_get_first_property(scratch, ICAL_ANY_PROPERTY);
		     p && text; p = icalcomponent_get_next_property(scratch, ICAL_ANY_PROPERTY)) {
			char *one = icalproperty_as_ical_string_r(p);
			size_t length = one ? strlen(one) : 0;
			char *grown = one ? realloc(text, used + length + 1) : NULL;
			if (grown == NULL) {
				free(text);
				text = NULL;
			} else {
				memcpy(grown + used, one, length + 1);
				text = grown;
				used += length;
			}
			free(one);
		}
		icalcomponent_free(scratch);
		if (text == NULL)
			hw_error_set(e->error, "%s", _("out of memory"));
		*slot = text;
	}
	if (*slot != NULL && append_text(e, *slot, strlen(*slot)) != 0)
		return NULL;
	return *slot;
}

/* The VEVENT of one meeting, or NULL (with e->status set on an error, or when the person
 * whose calendar this is does not attend). `plain` tells whether it is an occurrence that a
 * series' master event describes fully: no leave, no topics. */
static icalcomponent *build_event(exporter *e, const hw_meeting *meeting, bool *plain,
				  bool streamed)
{
	const hw_type_rules *type = &e->session->rules->types[meeting->type];
	/* Set field by field: zeroing the whole context (its leave array and description buffer,
	 * a quarter megabyte) for every meeting was a tenth of the export's time. */
	event_context c;
	c.e = e;
	c.meeting = meeting;
	c.attends = false;
	c.description[0] = '\0';
	c.used = 0;
	e->attendee_count = e->leave_count = 0;
	if (streamed ? stream_meeting_rows(e, meeting, &c) != 0
		     : hw_attendance_list(e->session, meeting->id, collect_attendee, e, e->error) != 0 ||
			       hw_topic_list(e->session, meeting->id, describe_topic, &c, e->error) != 0) {
		e->status = -1;
		return NULL;
	}
	c.event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	e->event_text_used = 0;
	for (int i = 0; i < e->attendee_count; i++)
		if (add_attendee(&c, &e->attendees[i]) != 0) {
			icalcomponent_free(c.event);
			e->status = -1;
			return NULL;
		}
	if (plain)
		*plain = e->leave_count == 0 && c.used == 0;
	if (e->person_id && !c.attends) {
		icalcomponent_free(c.event);
		return NULL;
	}
	/* Every client reads a meeting's length the same only when it is given: the type's usual
	 * length (duration_minutes), else an hour. */
	int seconds = 60 * (type->duration_minutes > 0 ? type->duration_minutes
						       : HW_EXPORT_DEFAULT_MINUTES);
	char key[HW_TEXT_SIZE + 32];
	int status = emit(&c, icalproperty_new_uid(meeting->uid), NULL);
	if (status == 0)
		status = emit(&c, icalproperty_new_dtstamp(utc_from_text(meeting->changed_at)), NULL);
	if (status == 0) {
		snprintf(key, sizeof key, "SEQUENCE:%d", meeting->sequence);
		status = emit_kept(&c, false, key, make_sequence, NULL);
	}
	if (status == 0) {
		snprintf(key, sizeof key, "DTSTART:%s", meeting->start);
		status = emit_kept(&c, true, key, make_time, NULL);
	}
	if (status == 0 && meeting->end[0]) {
		snprintf(key, sizeof key, "DTEND:%s", meeting->end);
		status = emit_kept(&c, true, key, make_time, meeting->end);
	} else if (status == 0) {
		snprintf(key, sizeof key, "DURATION:%d", seconds);
		status = emit_kept(&c, false, key, make_duration, &seconds);
	}
	if (status == 0)
		status = emit(&c, icalproperty_new_summary(meeting->title), NULL);
	if (status == 0 && meeting->location[0]) {
		snprintf(key, sizeof key, "LOCATION:%s", meeting->location);
		status = emit_kept(&c, false, key, make_location, NULL);
	}
	if (status == 0 && c.used)
		status = emit(&c, icalproperty_new_description(c.description), NULL);
	if (status == 0 && !e->as_text)
		add_tail(e, c.event, meeting);
	else if (status == 0 && tail_text(e, meeting) == NULL)
		status = -1;
	if (status == 0 && e->options->alarm_minutes > 0 && meeting->status != HW_STATUS_CANCELLED) {
		icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		struct icaltriggertype trigger = {.time = icaltime_null_time(),
						  .duration = icaldurationtype_from_int(
							  -60 * e->options->alarm_minutes)};
		icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
		icalcomponent_add_property(alarm, icalproperty_new_description(meeting->title));
		if (!e->as_text) {
			icalcomponent_add_component(c.event, alarm);
		} else {
			char *text = icalcomponent_as_ical_string_r(alarm);
			icalcomponent_free(alarm);
			status = text ? append_text(e, text, strlen(text))
				      : hw_error_set(e->error, "%s", _("libical did not write the calendar"));
			free(text);
		}
	}
	if (status != 0) {
		icalcomponent_free(c.event);
		e->status = -1;
		return NULL;
	}
	return c.event;
}

/* A meeting on its own; `streamed`: one of hw_meeting_list's, whose rows the streams hold. */
static int export_meeting(exporter *e, const hw_meeting *meeting, bool streamed)
{
	if (meeting->series_id != 0)
		return 0; /* occurrences go out with their series */
	if (e->options->type && meeting->type != e->type)
		return 0;
	e->as_text = streamed && e->sink == NULL && e->vevent_begin != NULL && e->vevent_end != NULL;
	icalcomponent *event = build_event(e, meeting, NULL, streamed);
	bool as_text = e->as_text;
	e->as_text = false;
	if (event != NULL) {
		if (as_text) {
			write_event_text(e);
			icalcomponent_free(event); /* empty: its parts are in event_text */
		} else {
			write_component(e, event);
		}
		e->count++;
		e->meetings++;
	}
	return e->status;
}

static int export_listed_meeting(const hw_meeting *meeting, void *user)
{
	return export_meeting(user, meeting, true);
}

/* ---- series: one master VEVENT with RRULE, EXDATE and RDATE, and overrides ---- */

typedef struct occurrence_list {
	hw_meeting *items;
	int count, capacity;
} occurrence_list;

static int collect_occurrence(occurrence_list *list, const hw_meeting *meeting, hw_error *error)
{
	if (hw_grow((void **)&list->items, &list->capacity, list->count, sizeof *list->items,
		    error) != 0)
		return -1;
	list->items[list->count++] = *meeting;
	return 0;
}

/* The attendees of an event, as text, to tell whether two occurrences invite the same. */
static char *attendee_text(icalcomponent *event)
{
	size_t size = 1;
	for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY); p;
	     p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY))
		size += strlen(icalproperty_as_ical_string(p));
	char *text = calloc(1, size);
	for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
	     p && text; p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY))
		strcat(text, icalproperty_as_ical_string(p));
	return text;
}

/* Swaps a component's property of `kind` for `property` (removing does not free). */
static void replace_property(icalcomponent *component, icalproperty_kind kind,
			     icalproperty *property)
{
	icalproperty *old = icalcomponent_get_first_property(component, kind);
	if (old != NULL) {
		icalcomponent_remove_property(component, old);
		icalproperty_free(old);
	}
	icalcomponent_add_property(component, property);
}

typedef struct skip_context {
	occurrence_list *skips;
	hw_error *error;
} skip_context;

static int add_skip(hw_date date, void *user)
{
	skip_context *context = user;
	hw_meeting day = {.occurrence = date};
	return collect_occurrence(context->skips, &day, context->error);
}

static bool in_export_range(exporter *e, hw_date date)
{
	return (!e->options->has_from || date >= e->options->from) &&
	       (!e->options->has_to || date <= e->options->to);
}

static int export_series(const hw_series *series, void *user)
{
	exporter *e = user;
	if (e->options->type && series->type != e->type)
		return 0;
	occurrence_list all = {0}, skips = {0};
	char *master_attendees = NULL;
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(e->session->store),
			       "SELECT id FROM meeting WHERE series_id = ?1 ORDER BY occurrence", -1,
			       &statement, NULL) != SQLITE_OK) {
		e->status = hw_store_fail(e->session->store, _("cannot read the series"), e->error);
		return e->status;
	}
	sqlite3_bind_int64(statement, 1, series->id);
	int last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_meeting meeting;
		if (hw_meeting_get(e->session, sqlite3_column_int64(statement, 0), &meeting, e->error) != 0 ||
		    collect_occurrence(&all, &meeting, e->error) != 0) {
			e->status = -1;
			break;
		}
	}
	if (e->status != 0)
		sqlite3_finalize(statement);
	else if (hw_store_finish(e->session->store, statement, last, N_("cannot read the series"),
				 e->error) != 0)
		e->status = -1;
	skip_context skipping = {&skips, e->error};
	if (e->status == 0 && hw_series_skips(e->session, series->id, add_skip, &skipping, e->error) != 0)
		e->status = -1;
	/* The occurrences in the exported range decide whether the series is exported. */
	bool any = false;
	for (int i = 0; i < all.count; i++)
		any |= in_export_range(e, all.items[i].date);
	if (e->status != 0 || all.count == 0 || !any)
		goto done;

	/* The master takes its attendees, title and place from the first plain occurrence. */
	int model = -1;
	icalcomponent *master = NULL;
	for (int i = 0; i < all.count && master == NULL && e->status == 0; i++) {
		const hw_meeting *m = &all.items[i];
		bool plain;
		if (m->detached || m->status == HW_STATUS_CANCELLED)
			continue;
		icalcomponent *event = build_event(e, m, &plain, false);
		if (event == NULL)
			continue;
		if (plain) {
			master = event;
			model = i;
		} else {
			icalcomponent_free(event);
		}
	}
	if (e->status != 0)
		goto done;
	if (master == NULL) {
		/* Nothing plain to describe the rule by: each occurrence on its own. */
		for (int i = 0; i < all.count && e->status == 0; i++) {
			hw_meeting alone = all.items[i];
			alone.series_id = 0;
			if (in_export_range(e, alone.date))
				(void)export_meeting(e, &alone, false); /* a failure is in e->status */
		}
		goto done;
	}
	master_attendees = attendee_text(master);
	const hw_meeting *first = &all.items[model];
	/* The rule's first day: of a meeting, or skipped (both lists are in order). */
	hw_date first_rule = all.items[0].occurrence;
	if (skips.count && skips.items[0].occurrence < first_rule)
		first_rule = skips.items[0].occurrence;
	/* UID, stamp and sequence are the series'; DTSTART is the rule's first day. */
	replace_property(master, ICAL_UID_PROPERTY, icalproperty_new_uid(series->uid));
	replace_property(master, ICAL_DTSTAMP_PROPERTY,
			 icalproperty_new_dtstamp(utc_from_text(series->changed_at)));
	replace_property(master, ICAL_SEQUENCE_PROPERTY, icalproperty_new_sequence(series->sequence));
	icalcomponent_set_dtstart(master, zoned(e, first_rule, first->start));
	if (first->end[0])
		icalcomponent_set_dtend(master, zoned(e, first_rule, first->end));
	struct icalrecurrencetype rule = icalrecurrencetype_from_string(series->rrule);
	/* The rule ends at the last day it gave (UNTIL in UTC, as DTSTART has a TZID). */
	hw_date last_rule = all.items[all.count - 1].occurrence;
	if (skips.count && skips.items[skips.count - 1].occurrence > last_rule)
		last_rule = skips.items[skips.count - 1].occurrence;
	rule.until = icaltime_convert_to_zone(zoned(e, last_rule, first->start),
					      icaltimezone_get_utc_timezone());
	icalcomponent_add_property(master, icalproperty_new_rrule(rule));
	for (int i = 0; i < skips.count; i++) {
		icalproperty *exdate = icalproperty_new_exdate(zoned(e, skips.items[i].occurrence, first->start));
		icalproperty_add_parameter(exdate, icalparameter_new_tzid(icaltimezone_get_tzid(e->zone)));
		icalcomponent_add_property(master, exdate);
	}
	icalcomponent **overrides = calloc((size_t)all.count, sizeof *overrides);
	if (overrides == NULL) {
		/* Without them an occurrence would go missing from the calendar. */
		e->status = hw_error_set(e->error, "%s", _("out of memory"));
		icalcomponent_free(master);
		goto done;
	}
	for (int i = 0; i < all.count && e->status == 0; i++) {
		const hw_meeting *m = &all.items[i];
		struct icaltimetype rule_time = zoned(e, m->occurrence, first->start);
		if (m->status == HW_STATUS_CANCELLED) {
			icalproperty *exdate = icalproperty_new_exdate(rule_time);
			icalproperty_add_parameter(exdate, icalparameter_new_tzid(icaltimezone_get_tzid(e->zone)));
			icalcomponent_add_property(master, exdate);
			continue;
		}
		bool plain;
		icalcomponent *event = build_event(e, m, &plain, false);
		char *attendees = event ? attendee_text(event) : NULL;
		bool same = event && plain && !m->detached && strcmp(m->start, first->start) == 0 &&
			    strcmp(m->end, first->end) == 0 && strcmp(m->title, first->title) == 0 &&
			    strcmp(m->location, first->location) == 0 && attendees &&
			    strcmp(attendees, master_attendees) == 0;
		free(attendees);
		if (event == NULL)
			continue;
		if (same && m->date == m->occurrence) {
			icalcomponent_free(event); /* the rule gives it as it is */
			continue;
		}
		if (same) {
			/* Moved off a day off: not on the rule's day, but on this one. */
			icalproperty *exdate = icalproperty_new_exdate(rule_time);
			icalproperty_add_parameter(exdate, icalparameter_new_tzid(icaltimezone_get_tzid(e->zone)));
			icalcomponent_add_property(master, exdate);
			struct icaldatetimeperiodtype moved = {.time = zoned(e, m->date, first->start),
							       .period = icalperiodtype_null_period()};
			icalproperty *rdate = icalproperty_new_rdate(moved);
			icalproperty_add_parameter(rdate, icalparameter_new_tzid(icaltimezone_get_tzid(e->zone)));
			icalcomponent_add_property(master, rdate);
			icalcomponent_free(event);
			continue;
		}
		/* Changed on its own: an override of the rule's instance. */
		replace_property(event, ICAL_UID_PROPERTY, icalproperty_new_uid(series->uid));
		icalproperty *id = icalproperty_new_recurrenceid(rule_time);
		icalproperty_add_parameter(id, icalparameter_new_tzid(icaltimezone_get_tzid(e->zone)));
		icalcomponent_add_property(event, id);
		overrides[i] = in_export_range(e, m->date) ? event : (icalcomponent_free(event), NULL);
	}
	if (e->status == 0) {
		write_component(e, master);
		e->count++;
		for (int i = 0; i < all.count; i++)
			e->meetings += all.items[i].status != HW_STATUS_CANCELLED &&
				       in_export_range(e, all.items[i].date);
	} else {
		icalcomponent_free(master);
	}
	for (int i = 0; i < all.count; i++)
		if (overrides[i] && e->status == 0) {
			write_component(e, overrides[i]);
			e->count++;
		} else if (overrides[i]) {
			icalcomponent_free(overrides[i]);
		}
	free(overrides);
done:
	free(master_attendees);
	free(all.items);
	free(skips.items);
	return e->status;
}

typedef struct todo_context {
	exporter *e;
} todo_context;

static int export_deadline(const hw_deadline *deadline, void *user)
{
	exporter *e = user;
	hw_meeting meeting;
	if (hw_meeting_get(e->session, deadline->meeting_id, &meeting, e->error) != 0)
		return e->status = -1;
	if (e->options->type && meeting.type != e->type)
		return 0;
	icalcomponent *todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
	char uid[160];
	snprintf(uid, sizeof uid, "%s-%lld-%s", hw_deadline_kind_key(deadline->kind),
		 (long long)(deadline->document_id ? deadline->document_id : deadline->meeting_id),
		 meeting.uid);
	icalcomponent_add_property(todo, icalproperty_new_uid(uid));
	icalcomponent_add_property(todo, icalproperty_new_dtstamp(utc_from_text(meeting.changed_at)));
	/* The step as the rules word it (document_step_labels: 印发, 报市长或副市长签发 …), in the
	 * database's language, not in the locale of the clerk who exports: the calendar is shared. */
	char summary[HW_TEXT_SIZE + 640];
	snprintf(summary, sizeof summary, "%s：%s",
		 deadline->label ? deadline->label : hw_deadline_kind_key(deadline->kind),
		 deadline->what);
	icalcomponent_add_property(todo, icalproperty_new_summary(summary));
	struct icaltimetype due = icaltime_null_date();
	hw_date_to_ymd(deadline->due, &due.year, &due.month, &due.day);
	icalcomponent_set_due(todo, due);
	icalcomponent_add_property(todo, icalproperty_new_relatedto(meeting.uid));
	if (deadline->clause)
		icalcomponent_add_property(todo, icalproperty_new_description(deadline->clause));
	icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	write_component(e, todo);
	return e->status;
}

static int export_run(hw_session *session, const hw_export_options *options, FILE *out,
		      hw_export_sink sink, void *sink_user, hw_error *error)
{
	exporter e = {.session = session, .options = options, .out = out, .error = error,
		      .sink = sink, .sink_user = sink_user};
	const hw_rules *rules = session->rules;
	snprintf(e.urn_prefix, sizeof e.urn_prefix, "urn:x-huiwu:%s", rules->government[HW_GOV_KEY]);
	const char *calendar_name = rules->government[HW_GOV_NAME];
	hw_person person;
	if (options->person != NULL) {
		if (hw_person_find(session, options->person, &person, error) != 0)
			return -1;
		e.person_id = person.id;
		calendar_name = person.name;
	}
	if (options->type != NULL && !hw_meeting_type_from_key(options->type, &e.type))
		return hw_error_set(error, _("unknown meeting type '%s'"), options->type);
	const char *zone_name = rules->government[HW_GOV_TIMEZONE];
	int offset = 0;
	char abbrev[16] = "";
	if (zone_offset(zone_name, &offset, abbrev, sizeof abbrev, error) != 0)
		return -1;

	icalcomponent *timezone_component = fixed_zone_component(zone_name, offset, abbrev);
	e.zone = icaltimezone_new();
	icaltimezone_set_component(e.zone, icalcomponent_new_clone(timezone_component));

	/* The calendar's head and tail come from libical; the events stream between them. */
	icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
	icalcomponent_add_property(calendar,
				   icalproperty_new_prodid("-//huiwu//huiwu " HUIWU_VERSION "//ZH"));
	icalcomponent_add_property(calendar, icalproperty_new_name(calendar_name));
	icalproperty *x_name = icalproperty_new_x(calendar_name);
	icalproperty_set_x_name(x_name, "X-WR-CALNAME");
	icalcomponent_add_property(calendar, x_name);
	icalproperty *x_zone = icalproperty_new_x(zone_name);
	icalproperty_set_x_name(x_zone, "X-WR-TIMEZONE");
	icalcomponent_add_property(calendar, x_zone);
	/* The head of the audit log as of this export: a copy of it outside the database, to
	 * check the log against later (huiwu log --verify --head H). */
	char head[HW_AUDIT_HEAD_SIZE];
	int has_head = hw_audit_head(session, NULL, 0, head, error);
	if (has_head < 0) {
		icalcomponent_free(calendar);
		icalcomponent_free(timezone_component);
		icaltimezone_free(e.zone, 1);
		return -1;
	}
	if (has_head > 0) {
		icalproperty *x_head = icalproperty_new_x(head);
		icalproperty_set_x_name(x_head, "X-HUIWU-AUDIT-HEAD");
		icalcomponent_add_property(calendar, x_head);
	}
	/* The calendar (and the zone in it) is freed once its head is written; a sink's copy. */
	e.timezone = sink ? icalcomponent_new_clone(timezone_component) : NULL;
	icalcomponent_add_component(calendar, timezone_component);
	char *text = icalcomponent_as_ical_string_r(calendar);
	icalcomponent_free(calendar);
	const char *tail = text ? strstr(text, "END:VCALENDAR") : NULL;
	if (tail == NULL) {
		free(text);
		icaltimezone_free(e.zone, 1);
		if (e.timezone)
			icalcomponent_free(e.timezone);
		return hw_error_set(error, "%s", _("libical did not write the calendar"));
	}
	if (out != NULL)
		fwrite(text, 1, (size_t)(tail - text), out);

	if (sink == NULL) {
		/* NULL: nothing kept, each text written anew. */
		e.attendee_cache = calloc(ATTENDEE_CACHE_SIZE, sizeof *e.attendee_cache);
		e.value_cache = calloc(VALUE_CACHE_SIZE, sizeof *e.value_cache);
		/* libical's lines around a VEVENT, for the listed meetings written part by part. */
		icalcomponent *empty = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		char *lines = icalcomponent_as_ical_string_r(empty);
		icalcomponent_free(empty);
		char *second = lines ? strstr(lines, "\r\n") : NULL;
		if (second != NULL) {
			e.vevent_end = strdup(second + 2);
			second[2] = '\0';
			e.vevent_begin = lines;
			lines = NULL;
		}
		free(lines);
	}
	hw_date from = options->has_from ? options->from : hw_date_from_ymd(1900, 1, 1);
	hw_date to = options->has_to ? options->to : hw_date_from_ymd(9999, 12, 31);
	char from_text[HW_DATE_TEXT_SIZE], to_text[HW_DATE_TEXT_SIZE];
	hw_date_format(from, from_text);
	hw_date_format(to, to_text);
	if (hw_series_list(session, export_series, &e, error) != 0 || e.status != 0 ||
	    hw_roster_load(session, &e.roster, error) != 0 ||
	    stream_open(&e, &e.attendee_rows, attendee_stream_sql, from_text, to_text) != 0 ||
	    stream_open(&e, &e.leave_rows, leave_stream_sql, from_text, to_text) != 0 ||
	    stream_open(&e, &e.topic_rows, topic_stream_sql, from_text, to_text) != 0 ||
	    hw_meeting_list(session, from, to, export_listed_meeting, &e, error) != 0)
		e.status = -1;
	/* All three close; an earlier failure is the one told. */
	row_stream *streams[] = {&e.attendee_rows, &e.leave_rows, &e.topic_rows};
	for (int i = 0; i < 3; i++)
		if (stream_close(&e, streams[i], e.status == 0) != 0)
			e.status = -1;
	if (e.status == 0 && options->todos &&
	    hw_deadlines(session, export_deadline, &e, error) != 0)
		e.status = -1;
	if (out != NULL)
		fputs(tail, out);
	free(text);
	free(e.attendees);
	free(e.leave);
	free(e.event_text);
	hw_roster_free(&e.roster);
	for (int i = 0; e.attendee_cache != NULL && i < ATTENDEE_CACHE_SIZE; i++)
		free(e.attendee_cache[i].text);
	free(e.attendee_cache);
	for (int i = 0; i < HW_MEETING_TYPE_COUNT; i++)
		free(e.tail_texts[i][0]), free(e.tail_texts[i][1]);
	for (int i = 0; e.value_cache != NULL && i < VALUE_CACHE_SIZE; i++)
		free(e.value_cache[i].key), free(e.value_cache[i].text);
	free(e.value_cache);
	for (int i = 0; i < e.day_cache_count; i++)
		free(e.day_cache[i].key), free(e.day_cache[i].text);
	free(e.vevent_begin);
	free(e.vevent_end);
	icaltimezone_free(e.zone, 1);
	if (e.timezone)
		icalcomponent_free(e.timezone);
	if (e.status != 0)
		return -1;
	if (out != NULL && ferror(out))
		return hw_error_set(error, "%s", _("cannot write the calendar"));
	if (options->meetings_written != NULL)
		*options->meetings_written = e.meetings;
	return e.count;
}

int hw_export_ics(hw_session *session, const hw_export_options *options, FILE *out,
		  hw_error *error)
{
	return export_run(session, options, out, NULL, NULL, error);
}

int hw_export_each(hw_session *session, const hw_export_options *options, hw_export_sink sink,
		   void *user, hw_error *error)
{
	return export_run(session, options, NULL, sink, user, error);
}

int hw_export_ics_to_path(hw_session *session, const hw_export_options *options,
			  const char *path, hw_error *error)
{
	struct stat existing;
	if (stat(path, &existing) == 0 && !S_ISREG(existing.st_mode)) {
		/* A device or a pipe is written to, never renamed over. */
		FILE *out = fopen(path, "w");
		if (out == NULL)
			return hw_error_set(error, _("cannot write %s: %s"), path, strerror(errno));
		int count = hw_export_ics(session, options, out, error);
		if (fclose(out) != 0 && count >= 0)
			return hw_error_set(error, _("cannot write %s: %s"), path, strerror(errno));
		return count;
	}
	/* Written whole under a temporary name beside the target, flushed to disk, then renamed
	 * over it: a reader sees the old calendar or the new one, never half. A temporary left
	 * by a killed export is removed by the next one. */
	hw_remove_stale_temps(path, ".huiwu-tmp-");
	char temporary[4200];
	if (hw_temp_beside(path, ".huiwu-tmp-", temporary, sizeof temporary, error) != 0)
		return -1;
	/* A replaced file keeps its mode; a new one follows the umask. */
	mode_t mode = stat(path, &existing) == 0 ? existing.st_mode & 0777 : hw_new_file_mode(false);
	unlink(temporary); /* the name of a dead process whose number came round again */
	int descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *out = descriptor >= 0 && fchmod(descriptor, mode) == 0 ? fdopen(descriptor, "w") : NULL;
	if (out == NULL) {
		int cause = errno;
		if (descriptor >= 0) {
			close(descriptor);
			remove(temporary);
		}
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(cause));
	}
	int count = hw_export_ics(session, options, out, error);
	bool written = fflush(out) == 0 && fsync(fileno(out)) == 0;
	hw_crash_point("export-written");
	written = fclose(out) == 0 && written;
	if (count >= 0 && (!written || rename(temporary, path) != 0))
		count = hw_error_set(error, _("cannot write %s: %s"), path, strerror(errno));
	if (count < 0)
		remove(temporary);
	else
		hw_sync_parent_dir(path);
	return count;
}
