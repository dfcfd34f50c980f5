/* Editing actions: which one a key means in its context, and the choice lists they share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"

void ui_choices_add(ui_choices *choices, const char *label, const char *value)
{
	if (choices->count == choices->capacity) {
		int capacity = choices->capacity ? choices->capacity * 2 : 16;
		const char **labels = realloc(choices->labels, (size_t)capacity * sizeof *labels);
		if (labels == NULL)
			return;
		choices->labels = labels;
		const char **values = realloc(choices->values, (size_t)capacity * sizeof *values);
		if (values == NULL)
			return;
		choices->values = values;
		choices->capacity = capacity;
	}
	char *label_copy = strdup(label), *value_copy = strdup(value);
	if (label_copy == NULL || value_copy == NULL) {
		free(label_copy);
		free(value_copy);
		return;
	}
	choices->labels[choices->count] = label_copy;
	choices->values[choices->count] = value_copy;
	choices->count++;
}

void ui_choices_free(ui_choices *choices)
{
	for (int i = 0; i < choices->count; i++) {
		free((char *)choices->labels[i]);
		free((char *)choices->values[i]);
	}
	free(choices->labels);
	free(choices->values);
	*choices = (ui_choices){0};
}

void ui_person_post(const hw_person *person, char *out, size_t size)
{
	/* "农业农村局局长": the department once, where the title does not say it already. */
	bool department = person->department_id != 0 && person->department_name[0] != '\0' &&
			  strstr(person->title, person->department_name) == NULL;
	snprintf(out, size, "%s%s", department ? person->department_name : "", person->title);
}

void ui_person_label(const hw_person *person, char *out, size_t size)
{
	char post[2 * HW_NAME_SIZE];
	ui_person_post(person, post, sizeof post);
	snprintf(out, size, "%s  %s", person->name, post);
}

static int add_person(const hw_person *person, void *user)
{
	/* Those no longer serving are offered for nothing new. */
	if (!person->left)
		ui_choices_eligible(person, 1, user);
	return 0;
}

int ui_choices_eligible(const hw_person *person, int how, void *user)
{
	char label[1200], value[32], who[1100];
	ui_person_label(person, who, sizeof who);
	snprintf(label, sizeof label, "%s%s", who, how == 2 ? _(" (by delegation)") : "");
	snprintf(value, sizeof value, "%lld", (long long)person->id);
	ui_choices_add(user, label, value);
	return 0;
}

int ui_choices_people(ui *app, ui_choices *choices, hw_error *error)
{
	return hw_person_list(app->session, add_person, choices, error);
}

static int add_department(const hw_department *department, void *user)
{
	char value[32];
	snprintf(value, sizeof value, "%lld", (long long)department->id);
	ui_choices_add(user, department->name, value);
	return 0;
}

int ui_choices_departments(ui *app, ui_choices *choices, hw_error *error)
{
	return hw_department_list(app->session, add_department, choices, error);
}

void ui_field_yes_no(ui_field *field)
{
	/* Translated when first asked for: gettext needs the locale set up by then. */
	static const char *labels[2];
	static const char *const values[2] = {"", "yes"};
	labels[0] = _("no");
	labels[1] = _("yes");
	ui_field_set_choices(field, labels, values, 2, 0);
}

void ui_report(ui *app, int status, const hw_error *error, const char *done)
{
	if (status != 0) {
		ui_say(app, true, "%s", error->message);
		return;
	}
	ui_changed(app);
	ui_say(app, false, "%s", done);
}

/* "Mark held" on a meeting still to come is refused before any question, with what to do
 * instead (the core refuses it too; asking first would be asking for nothing). */
static bool refuse_held_before_it_happens(ui *app, int64_t meeting_id)
{
	hw_meeting meeting;
	hw_error error = {0};
	if (hw_meeting_get(app->session, meeting_id, &meeting, &error) != 0 ||
	    meeting.date <= app->session->today)
		return false; /* ui_meeting_action reports a failed read */
	char when[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting.date, when);
	ui_say(app, true,
	       _("Meeting #%lld is not until %s: mark it held (H) on or after that day; to move it, "
		 "edit its date (e)."),
	       (long long)meeting.id, when);
	return true;
}

/* x on a cancelled meeting offers to restore it (cancelled by mistake); true when the
 * meeting was a cancelled one, whatever the answer. */
static bool offer_restore(ui *app, int64_t meeting_id)
{
	hw_meeting meeting;
	hw_error error = {0};
	if (hw_meeting_get(app->session, meeting_id, &meeting, &error) != 0 ||
	    meeting.status != HW_STATUS_CANCELLED)
		return false; /* ui_meeting_action reports a failed read */
	char question[2048], when[HW_DATE_TEXT_SIZE], done[256];
	hw_date_format(meeting.date, when);
	snprintf(question, sizeof question,
		 _("Meeting #%lld “%s” on %s %s is cancelled. Restore it as planned?"),
		 (long long)meeting.id, meeting.title, when, meeting.start);
	if (!ui_confirm(app, question))
		return true;
	snprintf(done, sizeof done, _("Meeting #%lld restored."), (long long)meeting.id);
	ui_report(app, hw_meeting_restore(app->session, meeting_id, &error), &error, done);
	return true;
}

void ui_edit_action(ui *app, ui_action action, const ui_row *row, int64_t meeting_id, hw_date date)
{
	if (!ui_may_edit(app, action))
		return;
	switch (action) {
	case UI_NEW_MEETING:
	case UI_EDIT_MEETING:
	case UI_CANCEL_MEETING:
	case UI_MARK_HELD:
		if (action != UI_NEW_MEETING && meeting_id == 0)
			ui_say(app, true, "%s", _("Select a meeting first."));
		else if (action == UI_CANCEL_MEETING && offer_restore(app, meeting_id))
			return;
		else if (action != UI_MARK_HELD || !refuse_held_before_it_happens(app, meeting_id))
			ui_meeting_action(app, action, meeting_id, date);
		return;
	case UI_NEW_SERIES: ui_series_action(app, date); return;
	case UI_EXPORT: ui_export_action(app); return;
	case UI_IMPORT_HOLIDAYS: ui_holidays_action(app); return;
	case UI_ADD_PERSON:
	case UI_ADD_DEPARTMENT:
	case UI_EDIT_ROSTER:
	case UI_MOVE_DEPARTMENT:
	case UI_RETIRE_PERSON: ui_roster_action(app, action, row); return;
	case UI_PLAN_MEETINGS:
		/* From the start screen: the calendar, with the new meeting's form open on it. */
		ui_switch(app, &ui_month_view, ui_month_new(app));
		ui_meeting_action(app, UI_NEW_MEETING, 0, date);
		return;
	case UI_TRIP:
	case UI_CANCEL_TRIP: ui_trip_action(app, action, row); return;
	default: ui_work_action(app, action, row, meeting_id); return;
	}
}
