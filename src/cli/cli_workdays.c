/* huiwu workdays: the working-day calendar. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "i18n.h"
#include "number.h"

static bool parse_date_argument(const char *text, hw_date *out)
{
	if (hw_date_parse(text, out))
		return true;
	fprintf(stderr, _("huiwu: '%s' is not a date: write YYYY-MM-DD, e.g. 2025-01-28\n"), text);
	return false;
}

static hw_date today(void)
{
	time_t now = time(NULL);
	struct tm local;
	localtime_r(&now, &local);
	return hw_date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

/* "workday", "workday <make-up name>", "off weekend" or "off <holiday>": as keys for scripts
 * (`workdays is`), or in the user's language for people (`workdays list`: 工作日, 休息 周末). */
static void describe_day(const hw_day_info *day, bool for_people, char *out, size_t size)
{
	/* TRANSLATORS: what a day is in 'workdays list': a working day, or a day off (休息). */
	const char *workday = for_people ? _("workday") : "workday";
	const char *off = for_people ? _("off") : "off";
	switch (day->kind) {
	case HW_DAY_WORKDAY: snprintf(out, size, "%s", workday); break;
	case HW_DAY_MAKEUP_WORKDAY: snprintf(out, size, "%s %s", workday, day->holiday_name); break;
	case HW_DAY_WEEKEND:
		snprintf(out, size, "%s %s", off, for_people ? _("weekend") : "weekend");
		break;
	case HW_DAY_HOLIDAY:
		if (day->provisional)
			snprintf(out, size, "%s %s %s", off, day->holiday_name,
				 _("(provisional statutory holiday: this year's arrangement is not "
				   "published yet)"));
		else
			snprintf(out, size, "%s %s", off, day->holiday_name);
		break;
	}
}

static int run_is(const hw_calendar *calendar, const char **args)
{
	hw_date date;
	if (!parse_date_argument(args[0], &date))
		return CLI_BAD_INPUT;
	hw_day_info day = hw_calendar_day(calendar, date);
	char text[256];
	describe_day(&day, false, text, sizeof text);
	printf("%s\n", text);
	hw_years_without_data touched = {0};
	hw_calendar_note_year(calendar, hw_date_year(date), &touched);
	cli_note_years_without_data(calendar, &touched);
	return CLI_OK;
}

static int run_add(const hw_calendar *calendar, const char **args)
{
	hw_date date;
	if (!parse_date_argument(args[0], &date))
		return CLI_BAD_INPUT;
	int64_t n;
	if (hw_number_parse(args[1], -3650, 3650, &n) != HW_NUMBER_OK) {
		fprintf(stderr, _("huiwu: '%s' is not a number of working days between -3650 and 3650\n"),
			args[1]);
		return CLI_BAD_INPUT;
	}
	hw_years_without_data touched = {0};
	hw_date result = hw_calendar_add_workdays(calendar, date, (int)n, &touched);
	if (hw_date_year(result) < HW_DATE_MIN_YEAR || hw_date_year(result) > HW_DATE_MAX_YEAR) {
		fprintf(stderr, "%s", _("huiwu: the result lies outside the years 1900 to 9999\n"));
		return CLI_BAD_INPUT;
	}
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(result, text);
	printf("%s\n", text);
	cli_note_years_without_data(calendar, &touched);
	return CLI_OK;
}

static int run_between(const hw_calendar *calendar, const char **args)
{
	hw_date from, to;
	if (!parse_date_argument(args[0], &from) || !parse_date_argument(args[1], &to))
		return CLI_BAD_INPUT;
	hw_years_without_data touched = {0};
	printf("%d\n", hw_calendar_count_workdays(calendar, from, to, &touched));
	cli_note_years_without_data(calendar, &touched);
	return CLI_OK;
}

static int run_list(const hw_calendar *calendar, const char *from_text, const char *to_text)
{
	hw_date from = today(), to = 0;
	if ((from_text && !parse_date_argument(from_text, &from)) ||
	    (to_text && !parse_date_argument(to_text, &to)))
		return CLI_BAD_INPUT;
	if (to_text == NULL)
		to = from + 30;
	if (to < from || to - from > 3660) {
		fprintf(stderr, "%s", _("huiwu: --to must be on or after --from and at most ten years later\n"));
		return CLI_BAD_INPUT;
	}
	hw_years_without_data touched = {0};
	for (hw_date date = from; date <= to; date++) {
		hw_day_info day = hw_calendar_day(calendar, date);
		char date_text[HW_DATE_TEXT_SIZE], description[256];
		hw_date_format(date, date_text);
		describe_day(&day, true, description, sizeof description);
		printf("%s %s  %s\n", date_text, hw_weekday_name(date), description);
		hw_calendar_note_year(calendar, hw_date_year(date), &touched);
	}
	cli_note_years_without_data(calendar, &touched);
	return CLI_OK;
}

int cli_workdays(cli_context *context, int argc, char **argv)
{
	(void)context;
	const char *from = NULL, *to = NULL, *positional[2] = {NULL, NULL};
	const cli_option none[] = {{NULL, NULL, NULL}};
	const cli_option list[] = {{"from", &from, NULL}, {"to", &to, NULL}, {NULL, NULL, NULL}};
	const cli_action actions[] = {
		{"is", none, 1}, {"add", none, 2}, {"between", none, 2}, {"list", list, 0},
		{NULL, NULL, 0},
	};
	char command[CLI_LABEL_SIZE];
	if (cli_parse_action("workdays", argc, argv, actions,
			     _("say is DATE, add DATE N, between DATE DATE or list"), command,
			     positional) == NULL)
		return CLI_USAGE;
	const char *action = argv[1];

	hw_error error = {0};
	hw_calendar *calendar = cli_load_calendar(&error);
	if (calendar == NULL)
		return cli_fail(&error);
	int status;
	if (strcmp(action, "is") == 0)
		status = run_is(calendar, positional);
	else if (strcmp(action, "add") == 0)
		status = run_add(calendar, positional);
	else if (strcmp(action, "between") == 0)
		status = run_between(calendar, positional);
	else
		status = run_list(calendar, from, to);
	hw_calendar_free(calendar);
	return status;
}
