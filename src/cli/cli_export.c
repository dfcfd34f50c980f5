/* huiwu export ics: the schedule as iCalendar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "i18n.h"
#include "ics_export.h"
#include "number.h"
#include "session.h"

int cli_export(cli_context *context, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "ics") != 0)
		return cli_usage_error("export", "%s", _("say what to export: huiwu export ics"));
	const char *output = NULL, *person = NULL, *type = NULL, *from = NULL, *to = NULL,
		   *alarm = NULL;
	bool todos = false;
	const cli_option options[] = {
		{"o", &output, NULL},     {"output", &output, NULL}, {"person", &person, NULL},
		{"type", &type, NULL},    {"from", &from, NULL},     {"to", &to, NULL},
		{"todos", NULL, &todos},  {"alarm", &alarm, NULL},   {NULL, NULL, NULL},
	};
	/* "-o FILE" as well as "--o FILE" / "--output FILE". */
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "-o") == 0)
			argv[i] = "--o";
	int usage = cli_parse("export ics", argc - 1, argv + 1, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	int meetings = 0;
	hw_export_options export = {.person = person, .type = type, .todos = todos,
				    .meetings_written = &meetings};
	/* Refused before anything is opened, so a mistake leaves the target file as it was. */
	if ((from && !(export.has_from = cli_date(from, &export.from))) ||
	    (to && !(export.has_to = cli_date(to, &export.to))) ||
	    (from && to && !cli_range(export.from, export.to)))
		return CLI_BAD_INPUT;
	if (alarm != NULL) {
		int64_t minutes;
		if (hw_number_parse(alarm, 1, 10080, &minutes) != HW_NUMBER_OK) {
			fprintf(stderr, _("huiwu: --alarm takes minutes from 1 to 10080, not '%s'\n"), alarm);
			return CLI_BAD_INPUT;
		}
		export.alarm_minutes = (int)minutes;
	}
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	int status = CLI_OK;
	int count;
	if (output != NULL && strcmp(output, "-") != 0) {
		count = hw_export_ics_to_path(session, &export, output, &error);
		struct stat written;
		if (count >= 0 && stat(output, &written) == 0 && S_ISREG(written.st_mode))
			fprintf(stderr, _("%d meetings written to %s\n"), meetings, output);
	} else {
		count = hw_export_ics(session, &export, stdout, &error);
		fflush(stdout);
	}
	if (count < 0)
		status = cli_fail(&error);
	hw_session_close(session);
	return status;
}
