/* What the commands share: option parsing, opening the database, dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "session.h"
#include "text.h"

int cli_parse(const char *command, int argc, char **argv, const cli_option *options,
	      const char **positional, int min_positional, int max_positional)
{
	int count = 0;
	for (int i = 1; i < argc; i++) {
		const char *argument = argv[i];
		if (strncmp(argument, "--", 2) != 0 || argument[2] == '\0') {
			if (count == max_positional)
				return cli_usage_error(command, _("unexpected argument '%s'"), argument);
			positional[count++] = argument;
			continue;
		}
		const char *name = argument + 2;
		const cli_option *option = options;
		while (option && option->name && strcmp(option->name, name) != 0)
			option++;
		if (option == NULL || option->name == NULL)
			return cli_usage_error(command, _("unknown option '%s'"), argument);
		if (option->flag) {
			*option->flag = true;
		} else {
			if (i + 1 >= argc)
				return cli_usage_error(command, _("option '%s' needs a value"), argument);
			*option->value = argv[++i];
		}
	}
	if (count < min_positional)
		return cli_usage_error(command, "%s", _("an argument is missing"));
	return CLI_OK;
}

struct hw_session *cli_open_session(cli_context *context, bool read_only)
{
	hw_error error = {0};
	char path[4096];
	hw_session *session = NULL;
	if (hw_database_path(context->db_option, path, sizeof path, &error) == 0)
		session = hw_session_open(path, read_only, &error);
	if (session == NULL)
		cli_fail(&error);
	return session;
}

bool cli_date(const char *text, hw_date *out)
{
	if (hw_date_parse(text, out))
		return true;
	cli_error(_("'%s' is not a date: write YYYY-MM-DD, e.g. 2025-01-28"), text);
	return false;
}

json_t *cli_text(const char *text)
{
	json_t *value = hw_json_text(text);
	if (value == NULL) {
		fprintf(stderr, "%s", _("huiwu: out of memory\n"));
		exit(CLI_BAD_INPUT);
	}
	return value;
}
