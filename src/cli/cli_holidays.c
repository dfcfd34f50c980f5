/* huiwu holidays import FILE: the State Council's notice of a year's holidays, read from its
 * text, shown with what it changes, and written as the user's holiday file on confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "holiday_changes.h"
#include "i18n.h"
#include "notice.h"
#include "session.h"

static int print_line(const char *text, void *user)
{
	(void)user;
	printf("%s\n", text);
	return 0;
}

typedef struct change_count {
	int all;
	int series;
} change_count;

static int print_change(const hw_holiday_change *change, void *user)
{
	change_count *count = user;
	char text[2 * HW_TEXT_SIZE];
	hw_holiday_change_describe(change, text, sizeof text);
	printf("  %s\n", text);
	count->all++;
	count->series += change->kind == HW_CHANGE_SERIES_MOVE ||
			 change->kind == HW_CHANGE_SERIES_CANCEL ||
			 change->kind == HW_CHANGE_SERIES_RESTORE;
	return 0;
}

/* Asks on the terminal; true for y, yes or 是. The question goes to stderr, which is not
 * buffered (as rm -i asks), so that it shows before the answer is read. */
static bool confirm(const char *question)
{
	fflush(stdout);
	fprintf(stderr, "%s", question);
	fflush(stderr);
	char answer[32];
	if (fgets(answer, sizeof answer, stdin) == NULL)
		return false;
	answer[strcspn(answer, "\r\n")] = '\0';
	return strcmp(answer, "y") == 0 || strcmp(answer, "Y") == 0 ||
	       strcmp(answer, "yes") == 0 || strcmp(answer, "是") == 0;
}

static int run_import(cli_context *context, const char *file, bool yes, bool reapply)
{
	hw_error error = {0};
	hw_notice notice;
	char *text = NULL;
	if (hw_holidays_read_notice(file, &notice, &text, &error) != 0) {
		hw_notice_free(&notice);
		free(text);
		return cli_fail(&error);
	}
	hw_session *session = NULL;
	hw_calendar *after = NULL;
	int status = CLI_BAD_INPUT;
	if ((after = hw_holidays_calendar_after(notice.year, text, &error)) == NULL) {
		cli_fail(&error);
		goto done;
	}
	if ((session = cli_open_session(context, false)) == NULL)
		goto done;
	hw_notice_describe(&notice, print_line, NULL);
	printf("%s", _("What it changes:\n"));
	change_count count = {0};
	if (hw_holiday_changes(session, after, print_change, &count, &error) != 0) {
		cli_fail(&error);
		goto done;
	}
	if (count.all == 0)
		printf("%s", _("  no planned meeting or deadline\n"));
	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (!yes && !(interactive && confirm(_("Write this arrangement? [y/N] ")))) {
		printf(_("nothing written: run 'huiwu holidays import %s --yes' to write it\n"), file);
		status = CLI_OK;
		goto done;
	}
	char path[4096];
	if (hw_holidays_write(session, &notice, text, path, sizeof path, &error) != 0) {
		cli_fail(&error);
		goto done;
	}
	printf(_("wrote %s\n"), path);
	if (count.series > 0) {
		if (!reapply && !(interactive && confirm(_("Re-apply the series' holiday policies "
							   "as listed? [y/N] ")))) {
			printf(_("the series' meetings stay where they are: 'huiwu holidays import %s "
				 "--yes --reapply-series' re-applies their holiday policies\n"),
			       file);
		} else {
			int changed = 0;
			if (hw_series_reapply(session, after, &changed, &error) != 0) {
				cli_fail(&error);
				goto done;
			}
			printf(_("%d series meetings re-placed\n"), changed);
		}
	}
	status = CLI_OK;
done:
	hw_session_close(session);
	hw_calendar_free(after);
	hw_notice_free(&notice);
	free(text);
	return status;
}

int cli_holidays(cli_context *context, int argc, char **argv)
{
	bool yes = false, reapply = false;
	const cli_option import_options[] = {
		{"yes", NULL, &yes}, {"reapply-series", NULL, &reapply}, {NULL, NULL, NULL}};
	const cli_action actions[] = {{"import", import_options, 1}, {NULL, NULL, 0}};
	char command[CLI_LABEL_SIZE];
	const char *positional[1] = {NULL};
	if (cli_parse_action("holidays", argc, argv, actions, _("say import FILE"), command,
			     positional) == NULL)
		return CLI_USAGE;
	return run_import(context, positional[0], yes, reapply);
}
