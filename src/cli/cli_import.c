/* huiwu import ics: events of another calendar as meetings or busy time. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "ics_import.h"
#include "session.h"

int cli_import(cli_context *context, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "ics") != 0)
		return cli_usage_error("import", "%s", _("say what to import: huiwu import ics FILE"));
	hw_import_options options = {0};
	const char *positional[1] = {NULL};
	const cli_option list[] = {
		{"as", &options.as_type, NULL},
		{"busy", NULL, &options.busy},
		{"person", &options.person, NULL},
		{"from", &options.from, NULL},
		{"to", &options.to, NULL},
		{NULL, NULL, NULL},
	};
	int usage = cli_parse("import ics", argc - 1, argv + 1, list, positional, 1, 1);
	if (usage != CLI_OK)
		return usage;
	if ((options.as_type == NULL) == !options.busy)
		return cli_usage_error("import ics", "%s",
				       _("say what the events become: --as TYPE or --busy"));
	hw_session *session = cli_open_session(context, false);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	hw_import_report report;
	int status = CLI_OK;
	if (hw_import_ics(session, positional[0], &options, &report, &error) != 0)
		status = cli_fail(&error);
	else
		printf(_("%d events: %d new, %d updated, %d cancelled, %d unchanged, %d skipped\n"),
		       report.events, report.created, report.updated, report.cancelled,
		       report.unchanged, report.skipped);
	if (status == CLI_OK && report.unknown_attendees)
		fprintf(stderr, _("note: %d attendees are not in the roster and were left out\n"),
			report.unknown_attendees);
	for (int i = 0; status == CLI_OK && i < report.warning_count && i < HW_IMPORT_WARNINGS_KEPT; i++)
		if (report.warnings != NULL && report.warnings[i] != NULL)
			fprintf(stderr, _("warning: %s\n"), report.warnings[i]);
	if (status == CLI_OK && report.warning_count > HW_IMPORT_WARNINGS_KEPT)
		fprintf(stderr, _("warning: %d more warnings\n"),
			report.warning_count - HW_IMPORT_WARNINGS_KEPT);
	if (status == CLI_OK && report.skipped)
		fprintf(stderr, _("note: %d events were skipped (see the warnings)\n"), report.skipped);
	if (status == CLI_OK && report.own)
		fprintf(stderr, _("note: %d events are this database's own meetings and were left out\n"),
			report.own);
	if (status == CLI_OK && report.todos)
		fprintf(stderr, _("note: %d to-dos not imported\n"), report.todos);
	hw_import_report_free(&report);
	hw_session_close(session);
	return status;
}
