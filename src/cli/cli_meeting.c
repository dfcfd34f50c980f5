/* huiwu meeting, huiwu agenda. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "checks.h"
#include "cli.h"
#include "i18n.h"
#include "leave.h"
#include "meetings.h"
#include "minutes.h"
#include "office.h"
#include "session.h"
#include "topics.h"
#include "trips.h"

typedef struct meeting_detail {
	hw_session *session;
	json_t *attendees, *topics;
	int64_t meeting_id;
} meeting_detail;

static int collect_attendee(const hw_attendee *attendee, const hw_leave *leave, void *user)
{
	json_t *object = json_pack("{s:I,s:o,s:o,s:s,s:o}", "id", (json_int_t)attendee->person.id,
				   "name", cli_text(attendee->person.name), "title",
				   cli_text(attendee->person.title),
				   "kind", hw_attendance_key(attendee->kind), "leave",
				   leave ? json_string(hw_leave_state_key(leave->state)) : json_null());
	if (leave && leave->substitute_id)
		json_object_set_new(object, "substitute", cli_text(leave->substitute_name));
	json_array_append_new(user, object);
	return 0;
}

static int collect_topic(const hw_topic *topic, void *user)
{
	json_array_append_new(user, json_pack("{s:I,s:o,s:s,s:o,s:o}", "id", (json_int_t)topic->id,
					      "title", cli_text(topic->title), "state",
					      hw_topic_state_key(topic->state), "deputy",
					      topic->deputy_id ? cli_text(topic->deputy_name) : json_null(),
					      "approved", json_boolean(topic->approved_by != 0)));
	return 0;
}

static json_t *findings_json(const hw_findings *findings, int64_t meeting_id)
{
	json_t *array = json_array();
	for (int i = 0; i < findings->count; i++) {
		const hw_finding *f = &findings->items[i];
		if (meeting_id && f->meeting_id != meeting_id)
			continue;
		char date[HW_DATE_TEXT_SIZE];
		hw_date_format(f->date, date);
		json_array_append_new(array,
				      json_pack("{s:s,s:s,s:o,s:s,s:o,s:o}", "code", f->code, "severity",
						hw_severity_key(f->severity), "meeting",
						f->meeting_id ? json_integer(f->meeting_id) : json_null(),
						"date", date, "message", cli_text(f->message), "clause",
						cli_text(f->clause)));
	}
	return array;
}

json_t *cli_findings_json(const hw_findings *findings)
{
	return findings_json(findings, 0);
}

typedef struct deadline_collect {
	const hw_calendar *calendar;
	json_t *array;
	hw_years_without_data touched;
} deadline_collect;

static int collect_deadline(const hw_deadline *deadline, void *user)
{
	deadline_collect *collect = user;
	cli_note_deadline(collect->calendar, deadline, &collect->touched);
	json_array_append_new(collect->array, cli_deadline_json(deadline));
	return 0;
}

/* `touched`, when not NULL, gets the years the meeting's deadlines were counted across
 * without a published arrangement (detail only). */
static json_t *meeting_json(hw_session *session, const hw_meeting *meeting, bool detail,
			    hw_years_without_data *touched, hw_error *error)
{
	char date[HW_DATE_TEXT_SIZE], requested[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting->date, date);
	hw_date_format(meeting->requested_on, requested);
	const hw_type_rules *type = &session->rules->types[meeting->type];
	json_t *object = json_pack(
		"{s:I,s:o,s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:s,s:i}", "id", (json_int_t)meeting->id,
		"uid", cli_text(meeting->uid), "type", hw_meeting_type_key(meeting->type), "type_name",
		cli_text(type->name ? type->name : ""), "date", date, "start", cli_text(meeting->start),
		"end", meeting->end[0] ? cli_text(meeting->end) : json_null(), "title",
		cli_text(meeting->title), "location",
		meeting->location[0] ? cli_text(meeting->location) : json_null(), "chair",
		meeting->chair_id ? cli_text(meeting->chair_name) : json_null(), "chair_delegated",
		meeting->chair_delegated, "adhoc_reason",
		meeting->adhoc_reason[0] ? cli_text(meeting->adhoc_reason) : json_null(), "status",
		hw_meeting_status_key(meeting->status), "sequence", meeting->sequence);
	if (meeting->type == HW_MEETING_SPECIAL) {
		json_object_set_new(object, "decision_type", json_boolean(meeting->decision_type));
		json_object_set_new(object, "head_consent", json_boolean(meeting->head_consent));
	}
	if (meeting->type == HW_MEETING_DEPT_WIDE) {
		hw_department department;
		if (hw_department_get(session, meeting->department_id, &department, error) == 0)
			json_object_set_new(object, "department", cli_text(department.name));
		json_object_set_new(object, "requested_on",
				    meeting->has_requested_on ? json_string(requested) : json_null());
		json_object_set_new(object, "deputy_consent", json_boolean(meeting->deputy_consent));
		json_object_set_new(object, "government_approved",
				    json_boolean(meeting->government_approved));
	}
	if (!detail)
		return object;
	json_t *attendees = json_array();
	json_object_set_new(object, "attendees", attendees);
	json_t *topics = json_array();
	json_object_set_new(object, "topics", topics);
	hw_minutes minutes;
	int has_minutes;
	if (hw_attendance_list(session, meeting->id, collect_attendee, attendees, error) != 0 ||
	    hw_topic_list(session, meeting->id, collect_topic, topics, error) != 0 ||
	    (has_minutes = hw_minutes_get(session, meeting->id, &minutes, error)) < 0) {
		json_decref(object);
		return NULL;
	}
	if (has_minutes == 1)
		json_object_set_new(object, "minutes",
				    json_pack("{s:s,s:o,s:o,s:i}", "state",
					      minutes.signed_ ? "signed" : "drafted", "text",
					      cli_text(minutes.text), "signed_by",
					      minutes.signed_ ? cli_text(minutes.signed_by_name) : json_null(),
					      "amendments", minutes.amendment_count));
	else
		json_object_set_new(object, "minutes", json_null());
	hw_check_data data;
	hw_findings findings = {0};
	if (hw_check_load(session, meeting->date, meeting->date, &data, error) != 0) {
		json_decref(object);
		return NULL;
	}
	int checked = hw_check_run(session->rules, session->calendar, &data, session->today,
				   &findings, error);
	hw_check_data_free(&data);
	if (checked == 0)
		json_object_set_new(object, "findings", findings_json(&findings, meeting->id));
	hw_findings_free(&findings);
	if (checked != 0) {
		json_decref(object);
		return NULL;
	}
	deadline_collect deadlines = {session->calendar, json_array(), {0}};
	json_object_set_new(object, "deadlines", deadlines.array);
	if (hw_meeting_deadlines(session, meeting->id, collect_deadline, &deadlines, error) != 0) {
		json_decref(object);
		return NULL;
	}
	if (touched)
		*touched = deadlines.touched;
	return object;
}

static void print_meeting_line(const hw_meeting *meeting, const hw_rules *rules)
{
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting->date, date);
	(void)rules;
	printf("#%-5lld %s %s%s%s  %s", (long long)meeting->id, date, meeting->start,
	       meeting->end[0] ? "-" : "", meeting->end, meeting->title);
	if (meeting->chair_id)
		printf(_("  chair: %s"), meeting->chair_name);
	if (meeting->status != HW_STATUS_PLANNED)
		printf("  [%s]", hw_meeting_status_label(meeting->status));
	printf("\n");
}

static void print_meeting_detail(json_t *object)
{
	printf("#%lld %s\n", (long long)json_integer_value(json_object_get(object, "id")),
	       json_string_value(json_object_get(object, "title")));
	printf("  %s: %s (%s)\n", _("type"), json_string_value(json_object_get(object, "type_name")),
	       json_string_value(json_object_get(object, "type")));
	json_t *end = json_object_get(object, "end");
	printf("  %s: %s %s%s%s\n", _("when"), json_string_value(json_object_get(object, "date")),
	       json_string_value(json_object_get(object, "start")), json_is_string(end) ? "-" : "",
	       json_is_string(end) ? json_string_value(end) : "");
	json_t *value;
	if (json_is_string(value = json_object_get(object, "location")))
		printf("  %s: %s\n", _("location"), json_string_value(value));
	if (json_is_string(value = json_object_get(object, "chair")))
		printf("  %s: %s%s\n", _("chair"), json_string_value(value),
		       json_is_true(json_object_get(object, "chair_delegated")) ? _(" (by delegation)") : "");
	if (json_is_string(value = json_object_get(object, "department")))
		printf("  %s: %s\n", _("department"), json_string_value(value));
	if (json_is_string(value = json_object_get(object, "adhoc_reason")))
		printf("  %s: %s\n", _("ad hoc"), json_string_value(value));
	if (json_is_true(json_object_get(object, "decision_type")))
		printf("  %s: %s\n", _("decision-type"),
		       json_is_true(json_object_get(object, "head_consent")) ? _("the head has agreed")
									     : _("the head has not agreed"));
	const char *status = json_string_value(json_object_get(object, "status"));
	printf("  %s: %s\n", _("status"),
	       strcmp(status, "held") == 0       ? _("held")
	       : strcmp(status, "cancelled") == 0 ? _("cancelled")
						  : _("planned"));
	size_t i;
	json_t *item;
	printf("  %s:\n", _("attendance"));
	json_array_foreach(json_object_get(object, "attendees"), i, item)
	{
		hw_attendance kind = HW_ATTEND_GUEST;
		hw_attendance_from_key(json_string_value(json_object_get(item, "kind")), &kind);
		printf("    %s  %s", hw_attendance_label(kind), json_string_value(json_object_get(item, "name")));
		if (json_is_string(value = json_object_get(item, "leave")))
			printf(_("  leave: %s"), gettext(json_string_value(value)));
		if (json_is_string(value = json_object_get(item, "substitute")))
			printf(_("  substitute: %s"), json_string_value(value));
		printf("\n");
	}
	printf("  %s:\n", _("topics"));
	json_array_foreach(json_object_get(object, "topics"), i, item)
		printf("    #%lld %s  [%s]\n", (long long)json_integer_value(json_object_get(item, "id")),
		       json_string_value(json_object_get(item, "title")),
		       gettext(json_string_value(json_object_get(item, "state"))));
	json_t *minutes = json_object_get(object, "minutes");
	if (json_is_object(minutes))
		printf("  %s: %s\n", _("minutes"),
		       strcmp(json_string_value(json_object_get(minutes, "state")), "signed") == 0
			       ? _("signed")
			       : _("drafted"));
	printf("  %s:\n", _("findings"));
	json_array_foreach(json_object_get(object, "findings"), i, item)
	{
		/* The severity's key is its msgid (hw_severity_label); the code, for scripts, goes
		 * with its label, for people. */
		const char *code = json_string_value(json_object_get(item, "code"));
		const char *label = hw_finding_label(code);
		printf("    %s %s %s %s 〔%s〕\n",
		       gettext(json_string_value(json_object_get(item, "severity"))), code,
		       label ? label : "", json_string_value(json_object_get(item, "message")),
		       json_string_value(json_object_get(item, "clause")));
	}
	json_t *deadlines = json_object_get(object, "deadlines");
	if (json_array_size(deadlines) > 0)
		printf("  %s:\n", _("deadlines"));
	json_array_foreach(deadlines, i, item)
		printf(_("    due %s  %s%s\n"), json_string_value(json_object_get(item, "due")),
		       json_string_value(json_object_get(item, "what")),
		       json_is_true(json_object_get(item, "provisional")) ? _("  (provisional)") : "");
}

typedef struct list_context {
	hw_session *session;
	json_t *array;
	int64_t person_id; /* agenda: only meetings this person attends */
	hw_error *error;
} list_context;

static int list_meeting(const hw_meeting *meeting, void *user)
{
	list_context *context = user;
	int attends = context->person_id ? hw_meeting_has_attendee(context->session, meeting->id,
								   context->person_id, context->error)
					 : 1;
	if (attends != 1)
		return attends; /* -1: could not tell */
	if (context->array) {
		json_array_append_new(context->array,
				      meeting_json(context->session, meeting, false, NULL, context->error));
		return 0;
	}
	print_meeting_line(meeting, context->session->rules);
	return 0;
}

static int parse_flag_value(const char *command, const char *text, int *out)
{
	if (text == NULL)
		return CLI_OK;
	if (strcmp(text, "yes") == 0)
		*out = 1;
	else if (strcmp(text, "no") == 0)
		*out = 0;
	else
		return cli_usage_error(command, _("'%s': say yes or no"), text);
	return CLI_OK;
}

/* After a meeting is placed or moved: the note on its date (cli_note_planned_date). */
static int note_planned_meeting(hw_session *session, int64_t id)
{
	hw_error error = {0};
	hw_meeting meeting;
	if (hw_meeting_get(session, id, &meeting, &error) != 0)
		return cli_fail(&error);
	cli_note_planned_date(session->calendar, meeting.date);
	return CLI_OK;
}

int cli_meeting(cli_context *context, int argc, char **argv)
{
	hw_meeting_input input = HW_MEETING_INPUT_INIT;
	const char *from = NULL, *to = NULL, *person = NULL, *as = NULL, *decision = NULL,
		   *consent = NULL, *deputy_consent = NULL, *approved = NULL, *positional[1] = {NULL};
	bool json = false;
	/* edit reads --type too, so that core can say why a meeting's type cannot change. */
	const cli_option fields[] = {
		{"type", &input.type, NULL},       {"date", &input.date, NULL},
		{"time", &input.time, NULL},       {"end", &input.end, NULL},
		{"title", &input.title, NULL},     {"location", &input.location, NULL},
		{"chair", &input.chair, NULL},     {"adhoc", &input.adhoc_reason, NULL},
		{"dept", &input.department, NULL}, {"requested", &input.requested_on, NULL},
		{"decision", &decision, NULL},     {"head-consent", &consent, NULL},
		{"deputy-consent", &deputy_consent, NULL},
		{"approved", &approved, NULL},
		{NULL, NULL, NULL},
	};
	const cli_option show[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option list[] = {
		{"from", &from, NULL}, {"to", &to, NULL}, {"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_option invite[] = {
		{"person", &person, NULL}, {"as", &as, NULL}, {NULL, NULL, NULL}};
	const cli_option uninvite[] = {{"person", &person, NULL}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"add", fields, 0},     {"show", show, 1},       {"list", list, 0},
		{"edit", fields, 1},    {"cancel", none, 1},     {"held", none, 1},
		{"invite", invite, 1},  {"uninvite", uninvite, 1}, {"restore", none, 1},
		{NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("meeting", argc, argv, actions,
			     _("say add, show, list, edit, cancel, restore, held, invite or uninvite"), command,
			     positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];
	bool adding = strcmp(action, "add") == 0, listing = strcmp(action, "list") == 0;
	bool needs_id = !adding && !listing;
	int usage = parse_flag_value(command, decision, &input.decision_type);
	if (usage == CLI_OK)
		usage = parse_flag_value(command, consent, &input.head_consent);
	if (usage == CLI_OK)
		usage = parse_flag_value(command, deputy_consent, &input.deputy_consent);
	if (usage == CLI_OK)
		usage = parse_flag_value(command, approved, &input.government_approved);
	if (usage != CLI_OK)
		return usage;
	hw_error error = {0};
	int64_t id = 0;
	if (needs_id && hw_parse_id(positional[0], &id, &error) != 0)
		return cli_fail(&error);
	if ((strcmp(action, "invite") == 0 || strcmp(action, "uninvite") == 0) && person == NULL)
		return cli_usage_error(command, "%s", _("say who with --person P"));
	hw_attendance kind = HW_ATTEND_SITTER_IN;
	if (as != NULL && !hw_attendance_from_key(as, &kind))
		return cli_usage_error(command, _("--as takes member, sitter_in, guest or staff, not '%s'"), as);
	bool reading = listing || strcmp(action, "show") == 0;
	hw_session *session = cli_open_session(context, reading);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int status = CLI_OK;
	if (adding) {
		if (hw_meeting_add(session, &input, &id, &error) != 0)
			status = cli_fail(&error);
		else
			printf("%lld\n", (long long)id);
		if (status == CLI_OK)
			status = note_planned_meeting(session, id);
	} else if (listing) {
		hw_date first, last;
		if (!cli_window(from, to, session->today - 30, 90, &first, &last)) {
			status = CLI_BAD_INPUT;
		} else {
			list_context list = {session, json ? json_array() : NULL, 0, &error};
			if (hw_meeting_list(session, first, last, list_meeting, &list, &error) != 0) {
				json_decref(list.array);
				status = cli_fail(&error);
			} else if (json) {
				cli_print_json(list.array);
			}
		}
	} else if (strcmp(action, "show") == 0) {
		hw_meeting meeting;
		if (hw_meeting_get(session, id, &meeting, &error) != 0) {
			status = cli_fail(&error);
		} else {
			hw_years_without_data touched = {0};
			json_t *object = meeting_json(session, &meeting, true, &touched, &error);
			if (object == NULL)
				status = cli_fail(&error);
			else if (json)
				cli_print_json(object);
			else {
				print_meeting_detail(object);
				json_decref(object);
			}
			if (object != NULL)
				cli_note_years_without_data(session->calendar, &touched);
		}
	} else {
		int result;
		if (strcmp(action, "edit") == 0)
			result = hw_meeting_edit(session, id, &input, &error);
		else if (strcmp(action, "cancel") == 0)
			result = hw_meeting_cancel(session, id, &error);
		else if (strcmp(action, "held") == 0)
			result = hw_meeting_mark_held(session, id, &error);
		else if (strcmp(action, "restore") == 0)
			result = hw_meeting_restore(session, id, &error);
		else if (strcmp(action, "invite") == 0)
			result = hw_meeting_invite(session, id, person, kind, &error);
		else
			result = hw_meeting_uninvite(session, id, person, &error);
		if (result != 0)
			status = cli_fail(&error);
		else if (strcmp(action, "edit") == 0 && input.date != NULL)
			status = note_planned_meeting(session, id);
	}
	hw_session_close(session);
	return status;
}

typedef struct agenda_context {
	hw_session *session;
	json_t *meetings, *waiting, *trips;
	int64_t person_id;
	hw_error *error;
	hw_years_without_data touched; /* years of the meetings listed without an arrangement */
	const char *trips_heading;     /* printed before the first trip, then NULL */
} agenda_context;

static int print_topic_line(const hw_topic *topic, void *user)
{
	(void)user;
	printf("        %s #%lld %s  [%s]\n", _("topic"), (long long)topic->id, topic->title,
	       hw_topic_state_label(topic->state));
	return 0;
}

static int agenda_meeting(const hw_meeting *meeting, void *user)
{
	agenda_context *context = user;
	if (meeting->status == HW_STATUS_CANCELLED)
		return 0;
	int attends = context->person_id ? hw_meeting_has_attendee(context->session, meeting->id,
								   context->person_id, context->error)
					 : 1;
	if (attends != 1)
		return attends; /* -1: could not tell */
	hw_calendar_note_year(context->session->calendar, hw_date_year(meeting->date),
			      &context->touched);
	/* In a person's agenda, a meeting within one of their trips: they will be away. */
	hw_trip trip;
	int away = context->person_id ? hw_trip_away(context->session, context->person_id,
						     meeting->date, &trip, context->error)
				      : 0;
	if (away < 0)
		return -1;
	if (context->meetings) {
		json_t *object = meeting_json(context->session, meeting, false, NULL, context->error);
		if (context->person_id)
			json_object_set_new(object, "away_on_trip",
					    away ? json_integer(trip.id) : json_null());
		json_t *topics = json_array();
		json_object_set_new(object, "topics", topics);
		json_array_append_new(context->meetings, object);
		return hw_topic_list(context->session, meeting->id, collect_topic, topics,
				     context->error);
	}
	print_meeting_line(meeting, context->session->rules);
	if (away)
		printf(_("        away: out of the region on trip #%lld\n"), (long long)trip.id);
	return hw_topic_list(context->session, meeting->id, print_topic_line, NULL, context->error);
}

static int take_target(const hw_minutes_target *target, void *user)
{
	*(hw_minutes_target *)user = *target;
	return 0;
}

static int agenda_trip(const hw_trip *trip, void *user)
{
	agenda_context *context = user;
	if (context->trips)
		json_array_append_new(context->trips, cli_trip_json(trip));
	else {
		/* The heading only over trips there are: most periods have none. */
		if (context->trips_heading != NULL)
			printf("%s\n", context->trips_heading);
		context->trips_heading = NULL;
		printf("  ");
		cli_print_trip_line(trip);
	}
	return 0;
}

static int agenda_waiting(const hw_waiting *item, void *user)
{
	agenda_context *context = user;
	/* Minutes waiting for a signature show the office's own target when it sets one. */
	hw_minutes_target target = {0};
	if (item->kind == HW_WAITING_MINUTES &&
	    hw_office_minutes_targets(context->session, item->meeting_id, take_target, &target,
				      context->error) != 0)
		return -1;
	char due[HW_DATE_TEXT_SIZE] = "";
	if (target.meeting_id)
		hw_date_format(target.due, due);
	if (context->waiting) {
		json_t *object = json_pack("{s:s,s:I,s:o,s:o}", "kind", hw_waiting_kind_key(item->kind),
					   "id", (json_int_t)item->id, "meeting",
					   item->meeting_id ? json_integer(item->meeting_id) : json_null(),
					   "text", cli_text(item->text));
		if (target.meeting_id)
			json_object_set_new(object, "office_target",
					    json_pack("{s:s,s:i,s:s}", "due", due, "workdays_left",
						      target.workdays_left, "label",
						      _("office's own target")));
		json_array_append_new(context->waiting, object);
		return 0;
	}
	static const char *const labels[] = {N_("leave to approve"), N_("topic to approve"),
					     N_("minutes to sign")};
	printf("  %s #%lld", _(labels[item->kind]), (long long)item->id);
	if (item->meeting_id && item->kind != HW_WAITING_MINUTES)
		printf(_(" (meeting #%lld)"), (long long)item->meeting_id);
	printf("  %s", item->text);
	if (target.meeting_id)
		printf(_("  (%s: sign by %s, not an article)"), _("office's own target"), due);
	printf("\n");
	return 0;
}

int cli_agenda(cli_context *context, int argc, char **argv)
{
	const char *person = NULL, *from = NULL, *to = NULL;
	bool json = false;
	const cli_option options[] = {
		{"person", &person, NULL}, {"from", &from, NULL}, {"to", &to, NULL},
		{"json", NULL, &json},     {NULL, NULL, NULL},
	};
	int usage = cli_parse("agenda", argc, argv, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	hw_date first, last;
	hw_person found = {0};
	int status = CLI_OK;
	if (!cli_window(from, to, session->today, 14, &first, &last)) {
		status = CLI_BAD_INPUT;
	} else if (person && hw_person_find(session, person, &found, &error) != 0) {
		status = cli_fail(&error);
	} else {
		agenda_context agenda = {session,  json ? json_array() : NULL,
					 json ? json_array() : NULL, json ? json_array() : NULL,
					 found.id, &error,           {0}, NULL};
		if (!json) {
			char a[HW_DATE_TEXT_SIZE], b[HW_DATE_TEXT_SIZE];
			hw_date_format(first, a);
			hw_date_format(last, b);
			printf(_("Meetings %s to %s%s%s:\n"), a, b, person ? _(" for ") : "",
			       person ? found.name : "");
		}
		int result = hw_meeting_list(session, first, last, agenda_meeting, &agenda, &error);
		agenda.trips_heading = person ? _("Trips out of the region of this person:")
					      : _("Leaders' trips out of the region:");
		if (result == 0)
			result = hw_trip_list(session, first, last, found.id, false, agenda_trip,
					      &agenda, &error);
		if (result == 0 && !json)
			printf("%s\n", person ? _("Waiting for this person:") : _("Waiting for a decision:"));
		if (result == 0)
			result = hw_waiting_for(session, found.id, agenda_waiting, &agenda, &error);
		if (result != 0) {
			json_decref(agenda.meetings);
			json_decref(agenda.waiting);
			json_decref(agenda.trips);
			status = cli_fail(&error);
		} else if (json) {
			cli_print_json(json_pack("{s:o,s:o,s:o}", "meetings", agenda.meetings, "trips",
						 agenda.trips, "waiting", agenda.waiting));
		}
		if (result == 0)
			cli_note_years_without_data(session->calendar, &agenda.touched);
	}
	hw_session_close(session);
	return status;
}
