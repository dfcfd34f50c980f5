/* Meetings through forms: create and edit (only the types the rules define, chairs the rules
 * allow for the chosen type), cancel and mark held after asking; standing series; export. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "ics_export.h"
#include "meetings.h"
#include "series.h"

/* The last four matter for some types only: a department's region-wide meeting (who holds
 * it, when it asked, whether the deputy in charge agreed) and a special-topic meeting that
 * decides (with the head's consent); the rule engine reports what is missing. */
enum {
	F_TYPE, F_DATE, F_TIME, F_END, F_TITLE, F_LOCATION, F_CHAIR, F_ADHOC,
	F_DEPARTMENT, F_REQUESTED_ON, F_DEPUTY_CONSENT, F_DECISION_TYPE, F_HEAD_CONSENT,
	F_APPROVED, F_COUNT
};

typedef struct meeting_form {
	int64_t meeting_id; /* 0: a new meeting */
	hw_meeting original;  /* the edited meeting as it was */
	ui_choices types, chairs, departments;
	hw_meeting_type chairs_type;
	int64_t created;
	char proposed_end[16]; /* the end the form last proposed, "" when none */
} meeting_form;

/* With the end empty (or still the one proposed), the type's usual length (duration_minutes,
 * the office's own rule key) proposes start + duration as the end, within the day. */
static void propose_end(ui *app, meeting_form *data, ui_field *fields)
{
	const char *end = ui_field_value(&fields[F_END]);
	/* A stored meeting keeps the end it has: an edit changes only what the clerk changes. */
	if (data->meeting_id || (end && strcmp(end, data->proposed_end) != 0))
		return; /* the clerk's own end */
	const char *start = ui_field_value(&fields[F_TIME]);
	hw_meeting_type type;
	if (start == NULL || !hw_time_valid(start) ||
	    !hw_meeting_type_from_key(ui_field_value(&fields[F_TYPE]), &type))
		return;
	int duration = app->session->rules->types[type].duration_minutes;
	int minutes = atoi(start) * 60 + atoi(start + 3) + duration;
	if (duration <= 0 || minutes >= 24 * 60) {
		if (end) /* our proposal no longer fits: take it back */
			fields[F_END].value[0] = data->proposed_end[0] = '\0';
		return;
	}
	snprintf(data->proposed_end, sizeof data->proposed_end, "%02d:%02d", minutes / 60,
		 minutes % 60);
	snprintf(fields[F_END].value, sizeof fields[F_END].value, "%s", data->proposed_end);
}

static void fill_chairs(ui *app, meeting_form *data, ui_field *field, hw_meeting_type type,
			const char *keep)
{
	ui_choices_free(&data->chairs);
	ui_choices_add(&data->chairs, _("(as the rules say)"), "");
	hw_error error;
	hw_chair_candidates(app->session, type, ui_choices_eligible, &data->chairs, &error);
	data->chairs_type = type;
	int choice = 0;
	for (int i = 0; keep && i < data->chairs.count; i++)
		if (strcmp(data->chairs.values[i], keep) == 0)
			choice = i;
	ui_field_set_choices(field, data->chairs.labels, data->chairs.values, data->chairs.count, choice);
}

static void check_meeting_field(ui *app, ui_form *form, int index, void *user)
{
	meeting_form *data = user;
	ui_field *fields = form->fields;
	if (index == F_TYPE) {
		hw_meeting_type type;
		if (hw_meeting_type_from_key(ui_field_value(&fields[F_TYPE]), &type) &&
		    type != data->chairs_type) {
			const char *keep = ui_field_value(&fields[F_CHAIR]);
			char kept[32] = "";
			if (keep)
				snprintf(kept, sizeof kept, "%s", keep);
			fill_chairs(app, data, &fields[F_CHAIR], type, kept);
		}
		propose_end(app, data, fields);
	} else if (index == F_TIME) {
		propose_end(app, data, fields);
	} else if (index == F_END) {
		const char *end = ui_field_value(&fields[F_END]);
		const char *start = ui_field_value(&fields[F_TIME]);
		if (end && !hw_time_valid(end))
			snprintf(fields[F_END].error, sizeof fields[F_END].error,
				 _("%s: '%s' is not a time (HH:MM)"), fields[F_END].label, end);
		else if (end && start && hw_time_valid(start) && strcmp(end, start) <= 0)
			snprintf(fields[F_END].error, sizeof fields[F_END].error,
				 _("%s: the meeting must end after it starts (%s)"), fields[F_END].label, start);
	} else if (index == F_DATE) {
		hw_date date;
		if (hw_date_parse(fields[F_DATE].value, &date) &&
		    !hw_calendar_is_workday(app->session->calendar, date))
			/* Allowed (the rule engine reports it), but worth saying now. */
			ui_say(app, false, _("%s is not a working day."), fields[F_DATE].value);
	}
}

/* A yes/no field as the core's input: -1 (unset or unchanged), 0 or 1. */
static int yes_no_input(const ui_field *field, const meeting_form *data, bool was)
{
	if (data->meeting_id ? field->choice == (int)was : field->choice == 0)
		return -1;
	return field->choice;
}

static int submit_meeting(ui *app, ui_form *form, void *user, hw_error *error)
{
	meeting_form *data = user;
	ui_field *f = form->fields;
	hw_meeting_input input = HW_MEETING_INPUT_INIT;
	input.type = ui_field_value(&f[F_TYPE]);
	/* A meeting keeps its type (the core refuses a change): only a new one sets it. */
	if (data->meeting_id && input.type &&
	    strcmp(input.type, hw_meeting_type_key(data->original.type)) == 0)
		input.type = NULL;
	input.date = ui_field_value(&f[F_DATE]);
	input.time = ui_field_value(&f[F_TIME]);
	input.end = data->meeting_id ? f[F_END].value : ui_field_value(&f[F_END]);
	input.title = ui_field_value(&f[F_TITLE]);
	input.location = data->meeting_id ? f[F_LOCATION].value : ui_field_value(&f[F_LOCATION]);
	input.chair = ui_field_value(&f[F_CHAIR]);
	input.adhoc_reason = ui_field_value(&f[F_ADHOC]);
	input.department = ui_field_value(&f[F_DEPARTMENT]);
	/* Only what is set (a new meeting) or changed (an edit) is passed: the core refuses these
	 * for the types they do not belong to, and "no" on another type is no change. */
	input.requested_on = ui_field_value(&f[F_REQUESTED_ON]);
	input.deputy_consent = yes_no_input(&f[F_DEPUTY_CONSENT], data, data->original.deputy_consent);
	input.decision_type = yes_no_input(&f[F_DECISION_TYPE], data, data->original.decision_type);
	input.head_consent = yes_no_input(&f[F_HEAD_CONSENT], data, data->original.head_consent);
	input.government_approved =
		yes_no_input(&f[F_APPROVED], data, data->original.government_approved);
	if (data->meeting_id)
		return hw_meeting_edit(app->session, data->meeting_id, &input, error);
	return hw_meeting_add(app->session, &input, &data->created, error);
}

static void meeting_form_run(ui *app, int64_t meeting_id, hw_date date)
{
	meeting_form data = {.meeting_id = meeting_id, .chairs_type = HW_MEETING_TYPE_COUNT};
	ui_field fields[F_COUNT] = {
		[F_TYPE] = {.label = _("Type"), .required = true},
		[F_DATE] = {.label = _("Date"), .kind = UI_FIELD_DATE, .required = true, .plans = true},
		[F_TIME] = {.label = _("Starts"), .kind = UI_FIELD_TIME, .required = true},
		[F_END] = {.label = _("Ends"), .kind = UI_FIELD_TEXT},
		[F_TITLE] = {.label = _("Title")},
		[F_LOCATION] = {.label = _("Place")},
		[F_CHAIR] = {.label = _("Chair")},
		[F_ADHOC] = {.label = _("Ad hoc because")},
		[F_DEPARTMENT] = {.label = _("Department")},
		[F_REQUESTED_ON] = {.label = _("Requested on"), .kind = UI_FIELD_DATE},
		[F_DEPUTY_CONSENT] = {.label = _("Deputy agreed")},
		[F_DECISION_TYPE] = {.label = _("Decides matters")},
		[F_HEAD_CONSENT] = {.label = _("Head agreed")},
		/* Last, so that the fields before keep their places. */
		[F_APPROVED] = {.label = _("Government approved")},
	};
	ui_field_yes_no(&fields[F_DEPUTY_CONSENT]);
	ui_field_yes_no(&fields[F_DECISION_TYPE]);
	ui_field_yes_no(&fields[F_HEAD_CONSENT]);
	ui_field_yes_no(&fields[F_APPROVED]);
	hw_meeting meeting = {.type = HW_MEETING_TYPE_COUNT};
	hw_error error = {0};
	if (meeting_id && hw_meeting_get(app->session, meeting_id, &meeting, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	data.original = meeting;
	/* Only the types these rules define. */
	int type_choice = 0;
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		if (app->session->rules->types[t].defined) {
			if ((int)meeting.type == t)
				type_choice = data.types.count;
			ui_choices_add(&data.types, ui_type_name(app, (hw_meeting_type)t),
				       hw_meeting_type_key((hw_meeting_type)t));
		}
	ui_field_set_choices(&fields[F_TYPE], data.types.labels, data.types.values, data.types.count,
			     type_choice);
	ui_choices_add(&data.departments, _("(none)"), "");
	ui_choices_departments(app, &data.departments, &error);
	int department_choice = 0;
	char chair_value[32] = "";
	if (meeting_id) {
		hw_date_format(meeting.date, fields[F_DATE].value);
		snprintf(fields[F_TIME].value, sizeof fields[F_TIME].value, "%s", meeting.start);
		snprintf(fields[F_END].value, sizeof fields[F_END].value, "%s", meeting.end);
		snprintf(fields[F_TITLE].value, sizeof fields[F_TITLE].value, "%s", meeting.title);
		snprintf(fields[F_LOCATION].value, sizeof fields[F_LOCATION].value, "%s", meeting.location);
		snprintf(fields[F_ADHOC].value, sizeof fields[F_ADHOC].value, "%s", meeting.adhoc_reason);
		if (meeting.chair_id)
			snprintf(chair_value, sizeof chair_value, "%lld", (long long)meeting.chair_id);
		if (meeting.has_requested_on)
			hw_date_format(meeting.requested_on, fields[F_REQUESTED_ON].value);
		fields[F_DEPUTY_CONSENT].choice = meeting.deputy_consent;
		fields[F_DECISION_TYPE].choice = meeting.decision_type;
		fields[F_HEAD_CONSENT].choice = meeting.head_consent;
		fields[F_APPROVED].choice = meeting.government_approved;
		for (int i = 0; i < data.departments.count; i++)
			if (meeting.department_id && atoll(data.departments.values[i]) == meeting.department_id)
				department_choice = i;
	} else {
		hw_date_format(date, fields[F_DATE].value);
		snprintf(fields[F_TIME].value, sizeof fields[F_TIME].value, "09:30");
	}
	ui_field_set_choices(&fields[F_DEPARTMENT], data.departments.labels, data.departments.values,
			     data.departments.count, department_choice);
	hw_meeting_type type;
	hw_meeting_type_from_key(ui_field_value(&fields[F_TYPE]), &type);
	fill_chairs(app, &data, &fields[F_CHAIR], type, chair_value);
	propose_end(app, &data, fields);

	char title[128];
	if (meeting_id)
		snprintf(title, sizeof title, _("Edit meeting #%lld"), (long long)meeting_id);
	else
		snprintf(title, sizeof title, "%s", _("New meeting"));
	ui_form form = {.title = title, .fields = fields, .count = F_COUNT,
			.check = check_meeting_field, .submit = submit_meeting, .user = &data};
	if (ui_form_run(app, &form)) {
		/* The calendar goes to the new meeting's day. */
		hw_date created_on;
		if (!meeting_id && hw_date_parse(fields[F_DATE].value, &created_on))
			app->selected = created_on;
		ui_changed(app);
		if (meeting_id)
			ui_say(app, false, _("Meeting #%lld changed."), (long long)meeting_id);
		else
			ui_say(app, false, _("Meeting #%lld created."), (long long)data.created);
	}
	ui_choices_free(&data.types);
	ui_choices_free(&data.chairs);
	ui_choices_free(&data.departments);
}

void ui_meeting_action(ui *app, ui_action action, int64_t meeting_id, hw_date date)
{
	if (action == UI_NEW_MEETING || action == UI_EDIT_MEETING) {
		meeting_form_run(app, action == UI_EDIT_MEETING ? meeting_id : 0, date);
		return;
	}
	hw_meeting meeting;
	hw_error error = {0};
	if (hw_meeting_get(app->session, meeting_id, &meeting, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	char question[2048], when[HW_DATE_TEXT_SIZE], done[256];
	hw_date_format(meeting.date, when);
	if (action == UI_CANCEL_MEETING) {
		snprintf(question, sizeof question, _("Cancel meeting #%lld “%s” on %s %s?"),
			 (long long)meeting.id, meeting.title, when, meeting.start);
		if (!ui_confirm(app, question))
			return;
		snprintf(done, sizeof done, _("Meeting #%lld cancelled."), (long long)meeting.id);
		ui_report(app, hw_meeting_cancel(app->session, meeting_id, &error), &error, done);
	} else {
		snprintf(question, sizeof question, _("Record meeting #%lld “%s” as held?"),
			 (long long)meeting.id, meeting.title);
		if (!ui_confirm(app, question))
			return;
		snprintf(done, sizeof done, _("Meeting #%lld recorded as held."), (long long)meeting.id);
		ui_report(app, hw_meeting_mark_held(app->session, meeting_id, &error), &error, done);
	}
}

/* ---- series ---- */

/* The first day comes before the repeat: the presets take its weekday and date. */
enum { S_TYPE, S_FROM, S_REPEAT, S_RULE, S_TIME, S_END, S_UNTIL, S_HOLIDAY, S_TITLE, S_LOCATION, S_FORCE, S_COUNT };

typedef struct series_form {
	ui_choices types;
	/* The presets named and written for the first day (src/cal/series.h). */
	char preset_labels[HW_PRESET_COUNT][160];
	char preset_rules[HW_PRESET_COUNT][128];
	const char *labels[HW_PRESET_COUNT], *rules[HW_PRESET_COUNT];
	int64_t id;
	int created;
} series_form;

/* Names the presets for the first day (每周二 …) and shows the chosen one's RRULE in the
 * rule field, where it can be read (or changed: then the series is custom). */
static void name_presets(series_form *data, ui_field *f)
{
	hw_date first;
	if (!hw_date_parse(f[S_FROM].value, &first))
		return;
	for (int p = 0; p < HW_PRESET_COUNT; p++) {
		hw_series_preset_label((hw_series_preset)p, first, data->preset_labels[p],
				       sizeof data->preset_labels[p]);
		hw_series_preset_rrule((hw_series_preset)p, first, data->preset_rules[p],
				       sizeof data->preset_rules[p]);
		data->labels[p] = data->preset_labels[p];
		data->rules[p] = data->preset_rules[p];
	}
	if (f[S_REPEAT].choice != HW_PRESET_CUSTOM)
		snprintf(f[S_RULE].value, sizeof f[S_RULE].value, "%s", data->rules[f[S_REPEAT].choice]);
}

static void check_series_field(ui *app, ui_form *form, int index, void *user)
{
	(void)app;
	series_form *data = user;
	ui_field *f = form->fields;
	if (index == S_FROM || index == S_REPEAT)
		name_presets(data, f);
	/* A rule typed over the preset's is the clerk's own. */
	if (index == S_RULE && f[S_REPEAT].choice != HW_PRESET_CUSTOM &&
	    strcmp(f[S_RULE].value, data->rules[f[S_REPEAT].choice]) != 0)
		f[S_REPEAT].choice = HW_PRESET_CUSTOM;
	if (index == S_RULE && f[S_REPEAT].choice == HW_PRESET_CUSTOM && f[S_RULE].value[0] == '\0')
		snprintf(f[S_RULE].error, sizeof f[S_RULE].error, "%s",
			 _("Rule: give an RRULE such as FREQ=MONTHLY;BYDAY=1MO"));
}

static int submit_series(ui *app, ui_form *form, void *user, hw_error *error)
{
	series_form *data = user;
	ui_field *f = form->fields;
	name_presets(data, f); /* the rule of the first day as it stands now */
	hw_series_input input = {0};
	input.type = ui_field_value(&f[S_TYPE]);
	input.rrule = f[S_REPEAT].choice == HW_PRESET_CUSTOM ? f[S_RULE].value
							     : data->rules[f[S_REPEAT].choice];
	input.time = ui_field_value(&f[S_TIME]);
	input.end = ui_field_value(&f[S_END]);
	input.from = ui_field_value(&f[S_FROM]);
	input.until = ui_field_value(&f[S_UNTIL]);
	input.on_holiday = ui_field_value(&f[S_HOLIDAY]);
	input.title = ui_field_value(&f[S_TITLE]);
	input.location = ui_field_value(&f[S_LOCATION]);
	input.force = f[S_FORCE].choice == 1;
	if (hw_series_add(app->session, &input, &data->id, &data->created, error) == 0)
		return 0;
	/* The refusal can be overridden: say so by this form's field, not a command-line flag. */
	if (strcmp(error->option, "force") == 0) {
		size_t used = strlen(error->message);
		snprintf(error->message + used, sizeof error->message - used,
			 _("; to create it anyway, set '%s' to '%s'"), f[S_FORCE].label, _("yes"));
	}
	return -1;
}

void ui_series_action(ui *app, hw_date date)
{
	static const char *holiday_labels[3], *const holiday_values[] = {"skip", "next", "previous"};
	holiday_labels[0] = _("skip it");
	holiday_labels[1] = _("move to the next working day");
	holiday_labels[2] = _("move to the working day before");

	series_form data = {0};
	ui_field fields[S_COUNT] = {
		[S_TYPE] = {.label = _("Type"), .required = true},
		[S_REPEAT] = {.label = _("Repeats")},
		[S_RULE] = {.label = _("Rule (RRULE)")},
		[S_TIME] = {.label = _("Starts"), .kind = UI_FIELD_TIME, .required = true},
		[S_END] = {.label = _("Ends"), .kind = UI_FIELD_TIME},
		[S_FROM] = {.label = _("First day"), .kind = UI_FIELD_DATE, .required = true,
			    .plans = true},
		[S_UNTIL] = {.label = _("Until"), .kind = UI_FIELD_DATE, .plans = true},
		[S_HOLIDAY] = {.label = _("On a day off")},
		[S_TITLE] = {.label = _("Title")},
		[S_LOCATION] = {.label = _("Place")},
		[S_FORCE] = {.label = _("Even against the frequency")},
	};
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		if (app->session->rules->types[t].defined)
			ui_choices_add(&data.types, ui_type_name(app, (hw_meeting_type)t),
				       hw_meeting_type_key((hw_meeting_type)t));
	ui_field_set_choices(&fields[S_TYPE], data.types.labels, data.types.values, data.types.count, 0);
	hw_date_format(date, fields[S_FROM].value);
	ui_field_set_choices(&fields[S_REPEAT], data.labels, data.rules, HW_PRESET_COUNT,
			     HW_PRESET_WEEKLY);
	name_presets(&data, fields);
	ui_field_set_choices(&fields[S_HOLIDAY], holiday_labels, holiday_values, 3, 0);
	ui_field_yes_no(&fields[S_FORCE]);
	snprintf(fields[S_TIME].value, sizeof fields[S_TIME].value, "09:30");
	ui_form form = {.title = _("New standing series"), .fields = fields, .count = S_COUNT,
			.check = check_series_field, .submit = submit_series, .user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		ui_say(app, false, _("Series #%lld created with %d meetings."), (long long)data.id,
		       data.created);
	}
	ui_choices_free(&data.types);
}

/* ---- export ---- */

enum { E_PERSON, E_TYPE, E_PATH, E_TODOS, E_ALARM, E_COUNT };

typedef struct export_form {
	ui_choices people, types;
	int meetings;      /* written: a series' occurrences each */
	char path[PATH_MAX]; /* the file written, made absolute */
} export_form;

static int submit_export(ui *app, ui_form *form, void *user, hw_error *error)
{
	export_form *data = user;
	ui_field *f = form->fields;
	const char *alarm = ui_field_value(&f[E_ALARM]);
	hw_export_options options = {.person = ui_field_value(&f[E_PERSON]),
				     .type = ui_field_value(&f[E_TYPE]),
				     .todos = f[E_TODOS].choice == 1,
				     .alarm_minutes = alarm ? atoi(alarm) : 0,
				     .meetings_written = &data->meetings};
	if (hw_export_ics_to_path(app->session, &options, f[E_PATH].value, error) < 0)
		return -1;
	/* The whole path, so the clerk knows where the file went whatever the current folder. */
	if (realpath(f[E_PATH].value, data->path) == NULL)
		snprintf(data->path, sizeof data->path, "%s", f[E_PATH].value);
	return 0;
}

void ui_export_action(ui *app)
{
	const char *ways[] = {_("export to a file"), _("publish to the CalDAV server")};
	int way = ui_pick(app, _("Export or publish"), ways, 2, 0);
	if (way < 0)
		return;
	if (way == 1) {
		ui_publish_action(app);
		return;
	}
	export_form data = {0};
	hw_error error = {0};
	ui_choices_add(&data.people, _("everyone (the whole government)"), "");
	ui_choices_people(app, &data.people, &error);
	ui_choices_add(&data.types, _("every type"), "");
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		if (app->session->rules->types[t].defined)
			ui_choices_add(&data.types, ui_type_name(app, (hw_meeting_type)t),
				       hw_meeting_type_key((hw_meeting_type)t));
	ui_field fields[E_COUNT] = {
		[E_PERSON] = {.label = _("Whose meetings")},
		[E_TYPE] = {.label = _("Which type")},
		[E_PATH] = {.label = _("File"), .required = true},
		[E_TODOS] = {.label = _("Deadlines as tasks")},
		[E_ALARM] = {.label = _("Reminder")},
	};
	/* A VALARM before each meeting, as `huiwu export ics --alarm MINUTES` writes it. */
	const char *alarm_labels[] = {_("no reminder"), _("15 minutes before"), _("30 minutes before"),
				      _("1 hour before"), _("1 day before")};
	static const char *const alarm_values[] = {"", "15", "30", "60", "1440"};
	ui_field_set_choices(&fields[E_ALARM], alarm_labels, alarm_values, 5, 0);
	ui_field_set_choices(&fields[E_PERSON], data.people.labels, data.people.values, data.people.count, 0);
	ui_field_set_choices(&fields[E_TYPE], data.types.labels, data.types.values, data.types.count, 0);
	ui_field_yes_no(&fields[E_TODOS]);
	snprintf(fields[E_PATH].value, sizeof fields[E_PATH].value, "%s.ics",
		 app->session->rules->government[HW_GOV_KEY]);
	ui_form form = {.title = _("Export .ics"), .fields = fields, .count = E_COUNT,
			.submit = submit_export, .user = &data};
	if (ui_form_run(app, &form))
		ui_say(app, false, _("%d meetings written to %s"), data.meetings, data.path);
	ui_choices_free(&data.people);
	ui_choices_free(&data.types);
}
