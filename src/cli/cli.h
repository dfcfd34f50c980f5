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
} cli_context;

typedef struct cli_command {
	const char *name;
	const char *synopsis; /* untranslated; shown by 'huiwu help' */
	int (*run)(cli_context *context, int argc, char **argv);
} cli_command;

int cli_govs(cli_context *context, int argc, char **argv);
int cli_rules(cli_context *context, int argc, char **argv);
int cli_workdays(cli_context *context, int argc, char **argv);
int cli_init(cli_context *context, int argc, char **argv);

/* Shared helpers. */
int cli_usage_error(const char *command, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
int cli_fail(const hw_error *error);
void cli_print_json(json_t *value); /* prints and frees */
hw_calendar *cli_load_calendar(hw_error *error);
hw_rules *cli_load_rules(const char *key, hw_error *error);
/* The rules of the government the database (--db, $HUIWU_DB, …) was set up for. */
hw_rules *cli_load_database_rules(cli_context *context, hw_error *error);
/* Prints the note that a year has no holiday data, for each year in `years`. */
void cli_note_years_without_data(const hw_years_without_data *years);

#endif
