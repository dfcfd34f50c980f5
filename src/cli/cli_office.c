/* huiwu office: the office's own settings, which no document sets (src/core/office.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "office.h"
#include "session.h"

int cli_office(cli_context *context, int argc, char **argv)
{
	const char *positional[2] = {NULL, NULL};
	bool json = false;
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_option show[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	const cli_action actions[] = {{"set", none, 2}, {"show", show, 0}, {NULL, NULL, 0}};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("office", argc, argv, actions, _("say set or show"), command,
			     positional) == NULL)
		return CLI_USAGE;
	bool setting = strcmp(argv[1], "set") == 0;
	if (setting && strcmp(positional[0], "minutes-target") != 0)
		return cli_usage_error(command, _("'%s' is not an office setting: say minutes-target"),
				       positional[0]);
	hw_session *session = cli_open_session(context, !setting);
	if (session == NULL)
		return CLI_BAD_INPUT;
	hw_error error = {0};
	int result, days = 0;
	if (setting) {
		result = hw_office_set_minutes_target(session, positional[1], &error);
	} else if ((result = hw_office_minutes_target(session, &days, &error)) == 0) {
		if (json)
			cli_print_json(json_pack("{s:o}", "minutes_target",
						 days ? json_integer(days) : json_null()));
		else if (days)
			printf(_("minutes-target  %d working days after the meeting (the office's own "
				 "target, not an article)\n"),
			       days);
		else
			printf("%s\n", _("minutes-target  off (no document sets a deadline on minutes)"));
	}
	hw_session_close(session);
	return result == 0 ? CLI_OK : cli_fail(&error);
}
