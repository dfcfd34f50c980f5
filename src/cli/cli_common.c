/* What the commands share: option parsing, opening the database, dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "session.h"
#include "text.h"

static const cli_option *find_option(const cli_option *options, const char *name)
{
	for (const cli_option *option = options; option && option->name; option++)
		if (strcmp(option->name, name) == 0)
			return option;
	return NULL;
}

/* An option the action does not read: say which of the command's actions read it, if any. */
static int refuse_option(const char *command, const char *argument, const cli_action *actions)
{
	char owners[256] = "";
	size_t used = 0;
	for (const cli_action *action = actions; action && action->name; action++)
		if (find_option(action->options, argument + 2) != NULL && used < sizeof owners)
			used += (size_t)snprintf(owners + used, sizeof owners - used, "%s%s",
						 used ? ", " : "", action->name);
	if (owners[0] != '\0')
		return cli_usage_error(command, _("'%s' is not an option of this action (only of: %s)"),
				       argument, owners);
	return cli_usage_error(command, _("unknown option '%s'"), argument);
}

static int parse(const char *command, int argc, char **argv, const cli_option *options,
		 const cli_action *actions, const char **positional, int min_positional,
		 int max_positional)
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
		const cli_option *option = find_option(options, argument + 2);
		if (option == NULL)
			return refuse_option(command, argument, actions);
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

int cli_parse(const char *command, int argc, char **argv, const cli_option *options,
	      const char **positional, int min_positional, int max_positional)
{
	return parse(command, argc, argv, options, NULL, positional, min_positional, max_positional);
}

const cli_action *cli_parse_action(const char *command, int argc, char **argv,
				   const cli_action *actions, const char *say,
				   char label[CLI_LABEL_SIZE], const char **positional)
{
	if (argc < 2) {
		cli_usage_error(command, "%s", say);
		return NULL;
	}
	const cli_action *action = actions;
	while (action->name && strcmp(action->name, argv[1]) != 0)
		action++;
	if (action->name == NULL) {
		cli_usage_error(command, _("unknown action '%s': %s"), argv[1], say);
		return NULL;
	}
	snprintf(label, CLI_LABEL_SIZE, "%s %s", command, action->name);
	if (parse(label, argc - 1, argv + 1, action->options, actions, positional,
		  action->positional, action->positional) != CLI_OK)
		return NULL;
	return action;
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

bool cli_range(hw_date from, hw_date to)
{
	if (to >= from)
		return true;
	fprintf(stderr, "%s", _("huiwu: --to must be on or after --from\n"));
	return false;
}

bool cli_window(const char *from, const char *to, hw_date first, int days, hw_date *out_first,
		hw_date *out_last)
{
	hw_date last = first + days;
	if (from && !cli_date(from, &first))
		return false;
	if (to && !cli_date(to, &last))
		return false;
	if (from && !to)
		last = first + days;
	else if (to && !from)
		first = last - days;
	if (!cli_range(first, last))
		return false;
	*out_first = first;
	*out_last = last;
	return true;
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
