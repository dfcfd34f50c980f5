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

/* "2027-01-01（周五）" */
static void print_day(hw_date date)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	printf("%s（%s）", text, hw_notice_weekday(date));
}

/* The days of one holiday of one kind, consecutive days as one range. */
static int print_days(const hw_notice *notice, int holiday, bool workday)
{
	int shown = 0;
	for (int i = 0; i < notice->day_count; i++) {
		const hw_notice_day *day = &notice->days[i];
		if (day->holiday != holiday || day->is_workday != workday)
			continue;
		int last = i;
		while (last + 1 < notice->day_count && notice->days[last + 1].holiday == holiday &&
		       notice->days[last + 1].is_workday == workday &&
		       notice->days[last + 1].date == notice->days[last].date + 1)
			last++;
		printf("%s", shown++ ? _(", ") : " ");
		print_day(day->date);
		if (last > i) {
			printf("%s", _(" to "));
			print_day(notice->days[last].date);
		}
		i = last;
	}
	return shown;
}

void cli_print_notice(const hw_notice *notice)
{
	printf(_("国务院办公厅关于%d年部分节假日安排的通知"), notice->year);
	char signed_on[HW_DATE_TEXT_SIZE] = "";
	if (notice->has_signed_on)
		hw_date_format(notice->signed_on, signed_on);
	if (notice->document[0] || signed_on[0])
		printf("（%s%s%s）", notice->document, notice->document[0] && signed_on[0] ? "，" : "",
		       signed_on);
	printf("\n");
	for (int h = 0; h < notice->holiday_count; h++) {
		int off = 0, work = 0;
		for (int i = 0; i < notice->day_count; i++)
			if (notice->days[i].holiday == h)
				*(notice->days[i].is_workday ? &work : &off) += 1;
		printf(_("  %s: %d days off:"), notice->holidays[h], off);
		print_days(notice, h, false);
		printf("\n");
		if (work > 0) {
			printf("%s", _("    make-up working days:"));
			print_days(notice, h, true);
			printf("\n");
		}
	}
}

typedef struct change_count {
	int all;
	int series;
} change_count;

static int print_change(const hw_holiday_change *change, void *user)
{
	change_count *count = user;
	char before[HW_DATE_TEXT_SIZE], after[HW_DATE_TEXT_SIZE];
	hw_date_format(change->before, before);
	hw_date_format(change->after, after);
	const char *holiday = change->holiday[0] ? change->holiday : _("a day off");
	count->all++;
	switch (change->kind) {
	case HW_CHANGE_NOW_OFF:
		printf(_("  meeting #%lld %s on %s now falls on a day off (%s)\n"),
		       (long long)change->meeting_id, change->what, before, holiday);
		break;
	case HW_CHANGE_SERIES_MOVE:
		count->series++;
		printf(_("  series #%lld: meeting #%lld %s on %s would move to %s (%s, the series' "
			 "holiday policy)\n"),
		       (long long)change->series_id, (long long)change->meeting_id, change->what,
		       before, after, holiday);
		break;
	case HW_CHANGE_SERIES_CANCEL:
		count->series++;
		printf(_("  series #%lld: meeting #%lld %s on %s would be cancelled (%s, the series' "
			 "holiday policy)\n"),
		       (long long)change->series_id, (long long)change->meeting_id, change->what,
		       before, holiday);
		break;
	case HW_CHANGE_SERIES_RESTORE:
		count->series++;
		printf(_("  series #%lld: %s on %s, skipped as a day off, would take place: it is a "
			 "working day now\n"),
		       (long long)change->series_id, change->what, before);
		break;
	case HW_CHANGE_DEADLINE:
		printf(_("  deadline: %s (meeting #%lld) due %s, now %s\n"), change->what,
		       (long long)change->meeting_id, before, after);
		break;
	}
	return 0;
}

/* Asks on the terminal; true for y, yes or 是. */
static bool confirm(const char *question)
{
	printf("%s", question);
	fflush(stdout);
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
	cli_print_notice(&notice);
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
			printf("%s", _("the series' meetings stay where they are: run again with "
				       "--reapply-series to re-apply their holiday policies\n"));
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
