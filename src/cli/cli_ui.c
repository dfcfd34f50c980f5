/* huiwu (no command), huiwu ui: the terminal UI on the database. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "roster.h"
#include "session.h"
#include "ui.h"

int cli_ui(cli_context *context, int argc, char **argv)
{
	bool read_only = context->read_only;
	const char *person_name = context->person;
	const cli_option options[] = {
		{"read-only", NULL, &read_only}, {"person", &person_name, NULL}, {NULL, NULL, NULL}};
	if (argc > 0) {
		int usage = cli_parse("ui", argc, argv, options, NULL, 0, 0);
		if (usage != CLI_OK)
			return usage;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s",
			_("huiwu: the terminal UI needs a terminal; for scripts use the commands "
			  "(see 'huiwu help')\n"));
		return CLI_USAGE;
	}
	hw_session *session = cli_open_session(context, read_only);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_person person;
	hw_error error = {0};
	if (person_name != NULL && hw_person_find(session, person_name, &person, &error) != 0) {
		hw_session_close(session);
		return cli_fail(&error);
	}
	/* A database this user may not write opens read-only, and the UI says so. */
	int status = ui_run(session, read_only || session->read_only, person_name ? &person : NULL);
	hw_session_close(session);
	return status;
}
