/* Standing series: the recurrence expanded by libical, days off skipped or moved by the
 * holiday arrangements, the rules' frequency checked before anything is made. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

static hw_calendar *calendar;

static int load_calendar(void **state)
{
	(void)state;
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/holidays", test_data_dir());
	hw_error error = {0};
	calendar = hw_calendar_load(directory, &error);
	return calendar == NULL;
}

static int free_calendar(void **state)
{
	(void)state;
	hw_calendar_free(calendar);
	return 0;
}

static hw_date d(const char *text)
{
	hw_date date;
	if (!hw_date_parse(text, &date))
		fail_msg("bad test date %s", text);
	return date;
}

static void assert_date(hw_date actual, const char *expected)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(actual, text);
	assert_string_equal(text, expected);
}

static int expand(const char *rule, const char *from, const char *until, int count,
		  hw_holiday_policy policy, hw_occurrence *out)
{
	hw_error error = {0};
	int n = hw_series_expand(calendar, rule, d(from), until ? d(until) : 0, count,
				 d("2026-12-31"), policy, out, &error);
	if (n < 0)
		fail_msg("%s", error.message);
	return n;
}

/* Tuesdays through the 2025 Spring Festival (1月28日至2月4日): 28 January and 4 February are
 * days off. */
static void test_spring_festival_skip(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	int n = expand("FREQ=WEEKLY;BYDAY=TU", "2025-01-14", "2025-02-11", 0, HW_HOLIDAY_SKIP, o);
	assert_int_equal(n, 5);
	assert_date(o[0].date, "2025-01-14");
	assert_date(o[1].date, "2025-01-21");
	assert_true(o[2].skipped);
	assert_date(o[2].rule_date, "2025-01-28");
	assert_true(o[3].skipped);
	assert_date(o[3].rule_date, "2025-02-04");
	assert_false(o[4].skipped);
	assert_date(o[4].date, "2025-02-11");
}

static void test_spring_festival_next(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	int n = expand("FREQ=WEEKLY;BYDAY=TU", "2025-01-14", "2025-02-11", 0, HW_HOLIDAY_NEXT, o);
	assert_int_equal(n, 5);
	/* Both holiday Tuesdays move to Wednesday 5 February, the first working day after: one
	 * meeting there, the second day skipped. */
	assert_false(o[2].skipped);
	assert_date(o[2].rule_date, "2025-01-28");
	assert_date(o[2].date, "2025-02-05");
	assert_date(o[3].rule_date, "2025-02-04");
	assert_true(o[3].skipped);
}

static void test_spring_festival_previous(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	int n = expand("FREQ=WEEKLY;BYDAY=TU", "2025-01-14", "2025-02-11", 0, HW_HOLIDAY_PREVIOUS, o);
	assert_int_equal(n, 5);
	/* Both move back to Monday 27 January, the last working day before the festival. */
	assert_date(o[2].date, "2025-01-27");
	assert_date(o[3].rule_date, "2025-02-04");
	assert_true(o[3].skipped);
}

static void test_make_up_workday_is_kept(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	/* Sunday 26 January 2025 is a make-up workday: a Sunday series meets then. */
	int n = expand("FREQ=WEEKLY;BYDAY=SU", "2025-01-19", "2025-01-26", 0, HW_HOLIDAY_SKIP, o);
	assert_int_equal(n, 2);
	assert_true(o[0].skipped);
	assert_false(o[1].skipped);
	assert_date(o[1].date, "2025-01-26");
}

static void test_count_and_libical_repeat(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	/* With a date-only start libical 3.0.16 gives 28 January twice here; the series must not. */
	int n = expand("FREQ=MONTHLY;BYMONTHDAY=28", "2025-01-01", NULL, 3, HW_HOLIDAY_PREVIOUS, o);
	assert_int_equal(n, 3);
	assert_date(o[0].date, "2025-01-27");
	assert_date(o[1].date, "2025-02-28");
	assert_date(o[2].date, "2025-03-28");
}

static void test_bad_rules_are_refused(void **state)
{
	(void)state;
	hw_occurrence o[HW_SERIES_MAX_OCCURRENCES];
	static const char *const bad[] = {
		"FREQ=FORTNIGHTLY", "BYDAY=TU", "", "FREQ=HOURLY", "FREQ=WEEKLY;COUNT=3",
		"FREQ=WEEKLY;UNTIL=20250101",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		hw_error error = {0};
		assert_int_equal(hw_series_expand(calendar, bad[i], d("2025-01-01"), 0, 0, d("2025-12-31"),
						  HW_HOLIDAY_SKIP, o, &error),
				 -1);
		assert_true(error.message[0] != '\0');
	}
	/* Daily for ten years is more than a series may make (and FREQ=DAILY must advance: a
	 * date-only start makes libical 3.0.16 repeat the first day forever). */
	hw_error error = {0};
	assert_int_equal(hw_series_expand(calendar, "FREQ=DAILY", d("2025-01-01"), 0, 0,
					  d("2034-12-31"), HW_HOLIDAY_SKIP, o, &error),
			 -1);
	assert_contains(error.message, "give it an earlier end");
	assert_string_equal(error.option, "until");
}

/* ---- at the CLI ---- */

static json_t *json_of(fixture *f, const char *const *args)
{
	return fixture_json(test_run(f->env, args), args[0]);
}

static size_t meeting_count(fixture *f)
{
	json_t *list = json_of(f, (const char *const[]){"meeting", "list", "--from", "2025-01-01",
							  "--to", "2025-12-31", "--json", NULL});
	size_t count = json_array_size(list);
	json_decref(list);
	return count;
}

static void test_weekly_executive_breaks_kizilsu_rules(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "kizilsu", "2024-12-01");
	/* 克州: 常务会议一般每月召开1-2次 (第三十九条); weekly is too often. */
	run_result r = fixture_run(&f, "series", "add", "--type", "executive", "--rrule",
				   "FREQ=WEEKLY;BYDAY=TU", "--time", "09:30", "--from", "2025-03-01",
				   "--until", "2025-04-30", NULL);
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "克孜勒苏柯尔克孜自治州人民政府工作规则 第三十九条");
	assert_contains(r.err, "2025-03");
	test_run_free(&r);
	assert_int_equal(meeting_count(&f), 0);
	/* --force creates it anyway, and the check then reports it. */
	fixture_ok(&f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=TU",
		   "--time", "09:30", "--from", "2025-03-01", "--until", "2025-04-30", "--force", NULL);
	assert_int_equal(meeting_count(&f), 9);
	r = fixture_run(&f, "check", "--from", "2025-03-01", "--to", "2025-04-30", NULL);
	assert_contains(r.out, "FREQ_OVER");
	test_run_free(&r);
	fixture_close(&f);
}

static void test_twice_monthly_fits_kizilsu_rules(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "kizilsu", "2024-12-01");
	fixture_ok(&f, "series", "add", "--type", "executive", "--rrule", "FREQ=MONTHLY;BYDAY=2TU,4TU",
		   "--time", "09:30", "--end", "11:30", "--from", "2025-03-01", "--until",
		   "2025-06-30", NULL);
	assert_int_equal(meeting_count(&f), 8);
	run_result r = fixture_run(&f, "check", "--from", "2025-03-01", "--to", "2025-06-30", NULL);
	assert_not_contains(r.out, "FREQ_OVER");
	test_run_free(&r);
	fixture_close(&f);
}

static void test_series_across_spring_festival_at_the_cli(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2024-12-01");
	long long id = fixture_ok(&f, "series", "add", "--type", "study", "--rrule",
				  "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28", "--time", "16:00", "--from",
				  "2025-01-01", "--count", "3", "--on-holiday", "skip", NULL);
	char number[32];
	snprintf(number, sizeof number, "%lld", id);
	json_t *series = json_of(&f, (const char *const[]){"series", "show", number, "--json", NULL});
	/* 28 January 2025 is 春节: skipped, kept as an exception date. */
	assert_string_equal(json_string_value(json_array_get(json_object_get(series, "skipped"), 0)),
			    "2025-01-28");
	json_decref(series);
	assert_int_equal(meeting_count(&f), 2); /* 28 March, 28 May */
	fixture_close(&f);
}

static void test_series_mistakes_change_nothing(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "yiwu", "2024-12-01");
	static const char *const cases[][16] = {
		{"series", "add", "--type", "study", "--rrule", "FREQ=MONTHLY", "--time", "09:00",
		 "--from", "2025-01-01", NULL}, /* Yiwu defines no study sessions */
		{"series", "add", "--type", "executive", "--rrule", "FREQ=SOMETIMES", "--time", "09:00",
		 "--from", "2025-01-01", NULL},
		{"series", "add", "--type", "executive", "--rrule", "FREQ=MONTHLY", "--time", "9am",
		 "--from", "2025-01-01", NULL},
		{"series", "add", "--type", "executive", "--rrule", "FREQ=MONTHLY", "--time", "09:00",
		 "--from", "2025-01-01", "--until", "2024-01-01", NULL},
		{"series", "add", "--type", "executive", "--rrule", "FREQ=MONTHLY", "--time", "09:00",
		 "--from", "2025-01-01", "--on-holiday", "ignore", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run_result r = test_run(f.env, cases[i]);
		assert_int_equal(r.status, 1);
		assert_int_equal(test_count_lines(r.err), 1);
		test_run_free(&r);
	}
	assert_int_equal(meeting_count(&f), 0);
	json_t *list = json_of(&f, (const char *const[]){"series", "list", "--json", NULL});
	assert_int_equal(json_array_size(list), 0);
	json_decref(list);
	fixture_close(&f);
}

static void test_edit_and_end_spare_changed_occurrences(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2025-03-01");
	fixture_ok(&f, "series", "add", "--type", "executive", "--rrule", "FREQ=MONTHLY;BYDAY=2TU",
		   "--time", "09:30", "--from", "2025-03-01", "--count", "4", NULL);
	/* March 11, April 8, May 13, June 10: move April's by itself. */
	json_t *list = json_of(&f, (const char *const[]){"meeting", "list", "--from", "2025-03-01",
							  "--to", "2025-06-30", "--json", NULL});
	assert_int_equal(json_array_size(list), 4);
	char april[32];
	snprintf(april, sizeof april, "%lld",
		 (long long)json_integer_value(json_object_get(json_array_get(list, 1), "id")));
	json_decref(list);
	fixture_ok(&f, "meeting", "edit", april, "--time", "15:00", NULL);
	fixture_ok(&f, "series", "edit", "1", "--time", "10:00", NULL);
	list = json_of(&f, (const char *const[]){"meeting", "list", "--from", "2025-03-01", "--to",
						  "2025-06-30", "--json", NULL});
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "start")), "10:00");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "start")), "15:00");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 3), "start")), "10:00");
	json_decref(list);
	/* Ending after April cancels May and June. */
	fixture_ok(&f, "series", "end", "1", "--on", "2025-04-30", NULL);
	list = json_of(&f, (const char *const[]){"meeting", "list", "--from", "2025-03-01", "--to",
						  "2025-06-30", "--json", NULL});
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "status")), "planned");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 2), "status")), "cancelled");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 3), "status")), "cancelled");
	json_decref(list);
	run_result r = fixture_run(&f, "series", "end", "1", NULL);
	assert_int_equal(r.status, 1);
	test_run_free(&r);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spring_festival_skip),
		cmocka_unit_test(test_spring_festival_next),
		cmocka_unit_test(test_spring_festival_previous),
		cmocka_unit_test(test_make_up_workday_is_kept),
		cmocka_unit_test(test_count_and_libical_repeat),
		cmocka_unit_test(test_bad_rules_are_refused),
		cmocka_unit_test(test_weekly_executive_breaks_kizilsu_rules),
		cmocka_unit_test(test_twice_monthly_fits_kizilsu_rules),
		cmocka_unit_test(test_series_across_spring_festival_at_the_cli),
		cmocka_unit_test(test_series_mistakes_change_nothing),
		cmocka_unit_test(test_edit_and_end_spare_changed_occurrences),
	};
	return cmocka_run_group_tests_name("series", tests, load_calendar, free_calendar);
}
