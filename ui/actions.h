/* Shared by the editing actions: choice lists built from the roster and the rules. */
#ifndef HW_UI_ACTIONS_H
#define HW_UI_ACTIONS_H

#include "eligible.h"
#include "roster.h"
#include "ui.h"

/* Labels and values for a choice field or a picker; owns its strings. */
typedef struct ui_choices {
	const char **labels;
	const char **values;
	int count, capacity;
} ui_choices;

void ui_choices_add(ui_choices *choices, const char *label, const char *value);
void ui_choices_free(ui_choices *choices);
/* How a picker shows a person: the name, then the department and title run together as a
 * post is said ("吴敏  农业农村局局长"), the department left out where the title names it. */
void ui_person_label(const hw_person *person, char *out, size_t size);
/* The post alone, as ui_person_label shows it after the name ("农业农村局局长"). */
void ui_person_post(const hw_person *person, char *out, size_t size);
/* Every person still serving (ui_person_label), values their ids. */
int ui_choices_people(ui *app, ui_choices *choices, hw_error *error);
/* Those an hw_eligible function gives. */
int ui_choices_eligible(const hw_person *person, int how, void *user);
int ui_choices_departments(ui *app, ui_choices *choices, hw_error *error);

/* Makes `field` a no/yes choice, "no" first: choice 1 is yes. */
void ui_field_yes_no(ui_field *field);

/* Shows the outcome of an action: the error (with its rule and clause) or `done`. */
void ui_report(ui *app, int status, const hw_error *error, const char *done);

void ui_meeting_action(ui *app, ui_action action, int64_t meeting_id, hw_date date);
void ui_work_action(ui *app, ui_action action, const ui_row *row, int64_t meeting_id);
void ui_series_action(ui *app, hw_date date);
void ui_export_action(ui *app);
void ui_holidays_action(ui *app);
/* Adds, edits, moves and marks people and departments (ui/actions_roster.c); `row` is the
 * roster view's selected row, or NULL. */
void ui_roster_action(ui *app, ui_action action, const ui_row *row);
/* w and W: record a trip, edit or cancel the selected one (actions_trip.c). */
void ui_trip_action(ui *app, ui_action action, const ui_row *row);
/* Publishes the government's calendar to the configured CalDAV server (actions_publish.c). */
void ui_publish_action(ui *app);
/* " published DATE TIME UTC[, changes wait] |" for the status line; "" if never published. */
void ui_publish_status(ui *app, char *out, size_t size);

/* Puts a topic on the agenda of a planned meeting the user picks (a deferred topic: scheduled
 * again, which takes it off the 暂缓 queue). */
void ui_schedule_topic_again(ui *app, int64_t topic_id);

#endif
