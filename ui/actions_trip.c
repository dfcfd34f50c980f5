/* Leaders' trips out of the region (请销假) from the agenda: record one through a form, edit the
 * selected trip line, or cancel it (a trip that did not happen stays listed as cancelled). The
 * core (src/core/trips.h) checks everything; its refusal, with the article, stays in the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "trips.h"

enum { F_PERSON, F_FROM, F_TO, F_REPORTED_TO, F_APPROVED_BY, F_COUNT };

typedef struct trip_form {
	int64_t id;       /* 0: a new trip */
	ui_field *fields; /* all F_COUNT of them: an edit's form shows those from F_FROM on */
} trip_form;

static int submit_trip(ui *app, ui_form *form, void *user, hw_error *error)
{
	(void)form;
	trip_form *data = user;
	ui_field *fields = data->fields;
	hw_trip_input input = {
		.person = ui_field_value(&fields[F_PERSON]),
		.from = ui_field_value(&fields[F_FROM]),
		.to = ui_field_value(&fields[F_TO]),
		.reported_to = ui_field_value(&fields[F_REPORTED_TO]),
		.approved_by = ui_field_value(&fields[F_APPROVED_BY]),
	};
	if (data->id == 0)
		return hw_trip_add(app->session, &input, &data->id, error);
	/* An emptied field: none recorded (the core refuses it where the article asks one). */
	input.approved_by = fields[F_APPROVED_BY].value;
	input.reported_to = fields[F_REPORTED_TO].value;
	return hw_trip_edit(app->session, data->id, &input, error);
}

/* The people the 请销假 articles speak of: the government's leaders. */
static int add_leader(const hw_person *person, void *user)
{
	return hw_role_is_government_leader(person->role) ? ui_choices_eligible(person, 1, user) : 0;
}

static void trip_form_run(ui *app, const hw_trip *trip)
{
	const hw_rules *rules = app->session->rules;
	ui_choices leaders = {0};
	hw_error error = {0};
	if (trip == NULL && hw_person_list(app->session, add_leader, &leaders, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		ui_choices_free(&leaders);
		return;
	}
	ui_field fields[F_COUNT] = {
		[F_PERSON] = {.label = _("Who"), .required = true},
		[F_FROM] = {.label = _("First day away"), .kind = UI_FIELD_DATE, .required = true},
		[F_TO] = {.label = _("Last day away"), .kind = UI_FIELD_DATE, .required = true},
		[F_REPORTED_TO] = {.label = _("Reported to"), .required = true},
		[F_APPROVED_BY] = {.label = _("Approved by")},
	};
	int count = F_COUNT, first = 0;
	trip_form data = {.fields = fields};
	char title[600];
	if (trip != NULL) {
		/* A trip keeps its traveller: the form begins with its dates. */
		data.id = trip->id;
		first = F_FROM;
		count = F_COUNT - F_FROM;
		hw_date_format(trip->from, fields[F_FROM].value);
		hw_date_format(trip->to, fields[F_TO].value);
		snprintf(fields[F_REPORTED_TO].value, sizeof fields[F_REPORTED_TO].value, "%s",
			 trip->reported_to);
		snprintf(fields[F_APPROVED_BY].value, sizeof fields[F_APPROVED_BY].value, "%s",
			 trip->approved_by);
		snprintf(title, sizeof title, _("Trip #%lld of %s"), (long long)trip->id,
			 trip->person_name);
	} else {
		ui_field_set_choices(&fields[F_PERSON], leaders.labels, leaders.values, leaders.count,
				     0);
		hw_date_format(app->selected, fields[F_FROM].value);
		hw_date_format(app->selected, fields[F_TO].value);
		/* Whom the article names, as a start: the clerk writes what was done. */
		if (rules->government[HW_GOV_TRIP_REPORT])
			snprintf(fields[F_REPORTED_TO].value, sizeof fields[F_REPORTED_TO].value, "%s",
				 rules->government[HW_GOV_TRIP_REPORT]);
		snprintf(title, sizeof title, "%s", _("A leader's trip out of the region"));
	}
	ui_form form = {.title = title, .fields = fields + first, .count = count,
			.submit = submit_trip, .user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		ui_say(app, false,
		       trip ? _("Trip #%lld changed.") : _("Trip #%lld recorded."), (long long)data.id);
	}
	ui_choices_free(&leaders);
}

/* The trip of the selected line, or NULL after saying to select one. */
static bool selected_trip(ui *app, const ui_row *row, hw_trip *trip)
{
	if (row == NULL || row->kind != UI_ROW_TRIP) {
		ui_say(app, true, "%s", _("Select a trip line first."));
		return false;
	}
	hw_error error = {0};
	if (hw_trip_get(app->session, row->id, trip, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return false;
	}
	return true;
}

void ui_trip_action(ui *app, ui_action action, const ui_row *row)
{
	hw_trip trip;
	if (action == UI_TRIP) {
		if (row != NULL && row->kind == UI_ROW_TRIP) {
			if (selected_trip(app, row, &trip))
				trip_form_run(app, &trip);
		} else {
			trip_form_run(app, NULL);
		}
		return;
	}
	if (!selected_trip(app, row, &trip))
		return;
	char question[1024], from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE], done[128];
	hw_date_format(trip.from, from);
	hw_date_format(trip.to, to);
	snprintf(question, sizeof question,
		 _("Cancel trip #%lld of %s, %s – %s? It stays listed as cancelled."),
		 (long long)trip.id, trip.person_name, from, to);
	if (!ui_confirm(app, question))
		return;
	hw_error error = {0};
	snprintf(done, sizeof done, _("Trip #%lld cancelled."), (long long)trip.id);
	ui_report(app, hw_trip_cancel(app->session, trip.id, &error), &error, done);
}
