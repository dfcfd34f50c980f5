#include "ics_export.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "leave.h"
#include "meetings.h"
#include "minutes.h"
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
	int status;
} exporter;

static void write_component(exporter *e, icalcomponent *component)
{
	char *text = icalcomponent_as_ical_string_r(component);
	if (text != NULL) {
		fputs(text, e->out);
		free(text);
	}
	icalcomponent_free(component);
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

typedef struct event_context {
	exporter *e;
	icalcomponent *event;
	const hw_meeting *meeting;
	hw_leave leave[128];
	int leave_count;
	bool attends;
	char description[8192];
	size_t used;
} event_context;

static void collect_leave(const hw_leave *leave, void *user)
{
	event_context *c = user;
	if (c->leave_count < 128)
		c->leave[c->leave_count++] = *leave;
}

static const hw_leave *approved_leave(event_context *c, int64_t person)
{
	for (int i = 0; i < c->leave_count; i++)
		if (c->leave[i].person_id == person && c->leave[i].state == HW_LEAVE_APPROVED)
			return &c->leave[i];
	return NULL;
}

static void add_attendee(const hw_attendee *attendee, void *user)
{
	event_context *c = user;
	exporter *e = c->e;
	char urn[192];
	person_urn(e, attendee->person.id, urn, sizeof urn);
	if (attendee->person.id == e->person_id)
		c->attends = true;
	icalproperty *property = icalproperty_new_attendee(urn);
	icalproperty_add_parameter(property, icalparameter_new_cn(attendee->person.name));
	icalparameter_role role = attendee->person.id == c->meeting->chair_id ? ICAL_ROLE_CHAIR
				  : attendee->kind == HW_ATTEND_MEMBER      ? ICAL_ROLE_REQPARTICIPANT
				  : attendee->kind == HW_ATTEND_STAFF       ? ICAL_ROLE_NONPARTICIPANT
									    : ICAL_ROLE_OPTPARTICIPANT;
	icalproperty_add_parameter(property, icalparameter_new_role(role));
	const hw_leave *leave = approved_leave(c, attendee->person.id);
	bool substitute_for_someone = false;
	for (int i = 0; i < c->leave_count; i++)
		if (c->leave[i].state == HW_LEAVE_APPROVED &&
		    c->leave[i].substitute_id == attendee->person.id) {
			char from[192];
			person_urn(e, c->leave[i].person_id, from, sizeof from);
			icalproperty_add_parameter(property, icalparameter_new_delegatedfrom(from));
			substitute_for_someone = true;
		}
	if (leave != NULL && leave->substitute_id) {
		char to[192];
		person_urn(e, leave->substitute_id, to, sizeof to);
		icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_DELEGATED));
		icalproperty_add_parameter(property, icalparameter_new_delegatedto(to));
	} else if (leave != NULL) {
		icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_DECLINED));
	} else {
		icalproperty_add_parameter(property, icalparameter_new_partstat(
							     substitute_for_someone ? ICAL_PARTSTAT_ACCEPTED
										    : ICAL_PARTSTAT_NEEDSACTION));
	}
	icalcomponent_add_property(c->event, property);
}

static void describe_topic(const hw_topic *topic, void *user)
{
	event_context *c = user;
	if (c->used < sizeof c->description)
		c->used += (size_t)snprintf(c->description + c->used, sizeof c->description - c->used,
					    "%s%lld. %s", c->used ? "\n" : "", (long long)topic->id,
					    topic->title);
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

static void export_meeting(const hw_meeting *meeting, void *user)
{
	exporter *e = user;
	if (e->status != 0)
		return;
	if (e->options->type && meeting->type != e->type)
		return;
	const hw_type_rules *type = &e->session->rules->types[meeting->type];
	event_context c = {.e = e, .meeting = meeting};
	c.event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	if (hw_leave_list(e->session, false, meeting->id, collect_leave, &c, e->error) != 0 ||
	    hw_meeting_attendees(e->session, meeting->id, add_attendee, &c, e->error) != 0 ||
	    hw_topic_list(e->session, meeting->id, describe_topic, &c, e->error) != 0) {
		icalcomponent_free(c.event);
		e->status = -1;
		return;
	}
	if (e->person_id && !c.attends) {
		icalcomponent_free(c.event);
		return;
	}
	icalcomponent_add_property(c.event, icalproperty_new_uid(meeting->uid));
	icalcomponent_add_property(c.event, icalproperty_new_dtstamp(utc_from_text(meeting->changed_at)));
	icalcomponent_add_property(c.event, icalproperty_new_sequence(meeting->sequence));
	icalcomponent_set_dtstart(c.event, zoned(e, meeting->date, meeting->start));
	if (meeting->end[0])
		icalcomponent_set_dtend(c.event, zoned(e, meeting->date, meeting->end));
	icalcomponent_add_property(c.event, icalproperty_new_summary(meeting->title));
	if (meeting->location[0])
		icalcomponent_add_property(c.event, icalproperty_new_location(meeting->location));
	if (c.used)
		icalcomponent_add_property(c.event, icalproperty_new_description(c.description));
	char category[512];
	escape_category(type->name ? type->name : hw_meeting_type_key(meeting->type), category,
			sizeof category);
	icalcomponent_add_property(c.event, icalproperty_new_categories(category));
	icalcomponent_add_property(c.event,
				   icalproperty_new_status(meeting->status == HW_STATUS_CANCELLED
								   ? ICAL_STATUS_CANCELLED
								   : ICAL_STATUS_CONFIRMED));
	char organizer[192];
	snprintf(organizer, sizeof organizer, "%s:office", e->urn_prefix);
	icalproperty *office = icalproperty_new_organizer(organizer);
	icalproperty_add_parameter(office,
				   icalparameter_new_cn(e->session->rules->titles[HW_TITLE_OFFICE]));
	icalcomponent_add_property(c.event, office);
	if (e->options->alarm_minutes > 0 && meeting->status != HW_STATUS_CANCELLED) {
		icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		struct icaltriggertype trigger = {.time = icaltime_null_time(),
						  .duration = icaldurationtype_from_int(
							  -60 * e->options->alarm_minutes)};
		icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
		icalcomponent_add_property(alarm, icalproperty_new_description(meeting->title));
		icalcomponent_add_component(c.event, alarm);
	}
	write_component(e, c.event);
	e->count++;
}

typedef struct todo_context {
	exporter *e;
} todo_context;

static void export_deadline(const hw_deadline *deadline, void *user)
{
	exporter *e = user;
	hw_meeting meeting;
	if (e->status != 0 || hw_meeting_get(e->session, deadline->meeting_id, &meeting, e->error) != 0)
		return;
	if (e->options->type && meeting.type != e->type)
		return;
	icalcomponent *todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
	char uid[160];
	snprintf(uid, sizeof uid, "%s-%lld-%s", hw_deadline_kind_key(deadline->kind),
		 (long long)(deadline->document_id ? deadline->document_id : deadline->meeting_id),
		 meeting.uid);
	icalcomponent_add_property(todo, icalproperty_new_uid(uid));
	icalcomponent_add_property(todo, icalproperty_new_dtstamp(utc_from_text(meeting.changed_at)));
	static const char *const what[] = {N_("Sign the minutes: %s"), N_("Hand over: %s"),
					   N_("Issue: %s")};
	char summary[HW_TEXT_SIZE + 64];
	snprintf(summary, sizeof summary, _(what[deadline->kind]), deadline->what);
	icalcomponent_add_property(todo, icalproperty_new_summary(summary));
	struct icaltimetype due = icaltime_null_date();
	hw_date_to_ymd(deadline->due, &due.year, &due.month, &due.day);
	icalcomponent_set_due(todo, due);
	icalcomponent_add_property(todo, icalproperty_new_relatedto(meeting.uid));
	if (deadline->clause)
		icalcomponent_add_property(todo, icalproperty_new_description(deadline->clause));
	icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	write_component(e, todo);
}

int hw_export_ics(hw_session *session, const hw_export_options *options, FILE *out,
		  hw_error *error)
{
	exporter e = {.session = session, .options = options, .out = out, .error = error};
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
	icalcomponent_add_component(calendar, timezone_component);
	char *text = icalcomponent_as_ical_string_r(calendar);
	icalcomponent_free(calendar);
	const char *tail = text ? strstr(text, "END:VCALENDAR") : NULL;
	if (tail == NULL) {
		free(text);
		icaltimezone_free(e.zone, 1);
		return hw_error_set(error, "%s", _("libical did not write the calendar"));
	}
	fwrite(text, 1, (size_t)(tail - text), out);

	hw_date from = options->has_from ? options->from : hw_date_from_ymd(1900, 1, 1);
	hw_date to = options->has_to ? options->to : hw_date_from_ymd(9999, 12, 31);
	if (hw_meeting_list(session, from, to, export_meeting, &e, error) != 0)
		e.status = -1;
	if (e.status == 0 && options->todos &&
	    hw_deadlines(session, export_deadline, &e, error) != 0)
		e.status = -1;
	fputs(tail, out);
	free(text);
	icaltimezone_free(e.zone, 1);
	if (e.status != 0)
		return -1;
	if (ferror(out))
		return hw_error_set(error, "%s", _("cannot write the calendar"));
	return e.count;
}
