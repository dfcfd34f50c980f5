/* The command line: one function per command, all calling src/core. */
#ifndef HW_CLI_H
#define HW_CLI_H

#include <jansson.h>
#include <stdbool.h>

#include "hw_error.h"
#include "rules.h"
#include "workdays.h"

enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

typedef struct cli_context {
	const char *db_option; /* --db, or NULL */
	const char *program;
	bool read_only;     /* --read-only: the UI shows everything and changes nothing */
	const char *person; /* --person P: the UI opens on P's agenda */
} cli_context;

typedef struct cli_command {
	const char *name;
	const char *synopsis; /* untranslated; shown by 'huiwu help' */
	int (*run)(cli_context *context, int argc, char **argv);
} cli_command;

/* A command's options: "--name VALUE" sets *value, "--name" alone sets *flag. */
typedef struct cli_option {
	const char *name; /* without the leading dashes */
	const char **value;
	bool *flag;
} cli_option;

/* Parses argv[1..] (argv[0] is the command or action) into options and up to
 * `max_positional` positional arguments; returns CLI_OK or prints a usage error and returns
 * CLI_USAGE. */
int cli_parse(const char *command, int argc, char **argv, const cli_option *options,
	      const char **positional, int min_positional, int max_positional);

/* An action of a command ("meeting cancel") with the only options it reads. */
typedef struct cli_action {
	const char *name;
	const cli_option *options; /* ends with a NULL name */
	int positional;            /* exactly this many positional arguments */
} cli_action;

#define CLI_LABEL_SIZE 32

/* Parses "COMMAND ACTION ARGS": argv[0] is the command, argv[1] the action, looked up in
 * `actions` (ending with a NULL name); ARGS are parsed with that action's own options, so an
 * option that only another action reads is a usage error that says which actions take it.
 * Writes "COMMAND ACTION" into `label` for the caller's later usage errors. Returns the action,
 * or NULL after printing the usage error (with `say`, which lists the actions, when the action
 * is missing or unknown). */
const cli_action *cli_parse_action(const char *command, int argc, char **argv,
				   const cli_action *actions, const char *say,
				   char label[CLI_LABEL_SIZE], const char **positional);

struct hw_session;
/* Opens the database (--db, $HUIWU_DB, …) for a command; prints the error and returns NULL. */
struct hw_session *cli_open_session(cli_context *context, bool read_only);
/* Parses a date option; prints the error and returns false when it is not a date. */
bool cli_date(const char *text, hw_date *out);
/* Refuses a range whose --to comes before its --from: prints the error, returns false. */
bool cli_range(hw_date from, hw_date to);
/* The period of --from and --to (either may be NULL): by default `days` days from `first`; a
 * bound given alone carries the window with it. Prints the error and returns false when a
 * bound is not a date or --to comes before --from. */
bool cli_window(const char *from, const char *to, hw_date first, int days, hw_date *out_first,
		hw_date *out_last);

struct hw_findings;
/* The findings as the JSON array 'huiwu check --json' prints. */
json_t *cli_findings_json(const struct hw_findings *findings);

int cli_govs(cli_context *context, int argc, char **argv);
int cli_rules(cli_context *context, int argc, char **argv);
int cli_workdays(cli_context *context, int argc, char **argv);
int cli_holidays(cli_context *context, int argc, char **argv);
int cli_init(cli_context *context, int argc, char **argv);
int cli_dept(cli_context *context, int argc, char **argv);
int cli_person(cli_context *context, int argc, char **argv);
int cli_meeting(cli_context *context, int argc, char **argv);
int cli_agenda(cli_context *context, int argc, char **argv);
int cli_topic(cli_context *context, int argc, char **argv);
int cli_leave(cli_context *context, int argc, char **argv);
int cli_trip(cli_context *context, int argc, char **argv);
/* A trip as `trip list --json` and the agenda show it; one line of `trip list`. */
struct hw_trip;
json_t *cli_trip_json(const struct hw_trip *trip);
void cli_print_trip_line(const struct hw_trip *trip);
int cli_minutes(cli_context *context, int argc, char **argv);
int cli_doc(cli_context *context, int argc, char **argv);
int cli_deadlines(cli_context *context, int argc, char **argv);
int cli_office(cli_context *context, int argc, char **argv);
int cli_check(cli_context *context, int argc, char **argv);
int cli_log(cli_context *context, int argc, char **argv);
int cli_series(cli_context *context, int argc, char **argv);
int cli_export(cli_context *context, int argc, char **argv);
int cli_publish(cli_context *context, int argc, char **argv);
int cli_import(cli_context *context, int argc, char **argv);
int cli_search(cli_context *context, int argc, char **argv);
int cli_ui(cli_context *context, int argc, char **argv);

/* Shared helpers. */
int cli_usage_error(const char *command, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
int cli_fail(const hw_error *error);
/* Prints "huiwu: " and the message on stderr as exactly one line (a line break or a control
 * character echoed from the input shows as ^J, ^[), as cli_fail and cli_usage_error do. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));
void cli_print_json(json_t *value); /* prints and frees */
/* Stored text as a JSON string, repaired with U+FFFD where it is not valid UTF-8
 * (hw_json_text); JSON null for NULL. Out of memory it says so and exits with status 1: a
 * record silently missing from a listing would be worse, and every change is one transaction,
 * so nothing is left half-done. */
json_t *cli_text(const char *text);
hw_calendar *cli_load_calendar(hw_error *error);
hw_rules *cli_load_rules(const char *key, hw_error *error);
/* The rules of the government the database (--db, $HUIWU_DB, …) was set up for. */
hw_rules *cli_load_database_rules(cli_context *context, hw_error *error);
/* Prints the note that a year's arrangement is not published (its statutory holidays
 * provisional) or that it has no holiday data at all, for each year in `years`. */
void cli_note_years_without_data(const hw_calendar *calendar, const hw_years_without_data *years);
/* For a meeting placed on `date`: a warning when it is a provisional statutory holiday, else the
 * note of cli_note_years_without_data when its year has no published arrangement; nothing
 * otherwise. */
void cli_note_planned_date(const hw_calendar *calendar, hw_date date);
/* The note of cli_note_years_without_data for the years of the series' planned meetings. */
int cli_note_planned_series(struct hw_session *session, int64_t id, hw_error *error);
struct hw_deadline;
/* Adds the years `deadline` was counted across without a published arrangement to `all`, for
 * one note after a listing. */
void cli_note_deadline(const hw_calendar *calendar, const struct hw_deadline *deadline,
		       hw_years_without_data *all);
/* A deadline as 'huiwu deadlines --json' prints it. */
json_t *cli_deadline_json(const struct hw_deadline *deadline);

#endif
