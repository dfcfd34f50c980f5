/* The standing series a clerk names (每周二, 每月第二、四个周二 …): the RRULE each preset writes
 * for a first day, and the days libical then gives for it. */
#include "fixture.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "series.h"

static hw_calendar *calendar;

static int empty_calendar(void **state)
{
	(void)state;
	calendar = hw_calendar_new_empty(); /* Monday–Friday: no day is moved here */
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

/* The preset's rule for `first` is `rule`, and from `first` to `until` it gives `dates`. */
static void assert_preset(hw_series_preset preset, const char *first, const char *rule,
			  const char *until, const char *const *dates, int count)
{
	char rrule[256];
	hw_series_preset_rrule(preset, d(first), rrule, sizeof rrule);
	assert_string_equal(rrule, rule);
	hw_occurrence out[64];
	hw_error error = {0};
	int n = hw_series_expand(calendar, rrule, d(first), d(until), 0, d("2030-12-31"),
				 HW_HOLIDAY_SKIP, out, &error);
	if (n < 0)
		fail_msg("%s: %s", rrule, error.message);
	assert_int_equal(n, count);
	for (int i = 0; i < n; i++) {
		char text[HW_DATE_TEXT_SIZE];
		hw_date_format(out[i].date, text);
		assert_string_equal(text, dates[i]);
	}
}

/* 2027-03-09 is the second Tuesday of March. */
static void test_weekly_presets_take_the_first_days_weekday(void **state)
{
	(void)state;
	static const char *const weekly[] = {"2027-03-09", "2027-03-16", "2027-03-23"};
	assert_preset(HW_PRESET_WEEKLY, "2027-03-09", "FREQ=WEEKLY;BYDAY=TU", "2027-03-29", weekly, 3);
	static const char *const fortnightly[] = {"2027-03-09", "2027-03-23", "2027-04-06"};
	assert_preset(HW_PRESET_FORTNIGHTLY, "2027-03-09", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
		      "2027-04-12", fortnightly, 3);
	/* A Friday gives Fridays. */
	static const char *const fridays[] = {"2027-03-12", "2027-03-19"};
	assert_preset(HW_PRESET_WEEKLY, "2027-03-12", "FREQ=WEEKLY;BYDAY=FR", "2027-03-25", fridays, 2);
}

static void test_monthly_presets_by_weekday(void **state)
{
	(void)state;
	static const char *const second_fourth[] = {"2027-03-09", "2027-03-23", "2027-04-13",
						    "2027-04-27"};
	assert_preset(HW_PRESET_MONTHLY_2_4, "2027-03-09", "FREQ=MONTHLY;BYDAY=2TU,4TU", "2027-04-30",
		      second_fourth, 4);
	static const char *const first_third[] = {"2027-03-02", "2027-03-16", "2027-04-06"};
	assert_preset(HW_PRESET_MONTHLY_1_3, "2027-03-02", "FREQ=MONTHLY;BYDAY=1TU,3TU", "2027-04-10",
		      first_third, 3);
	static const char *const first[] = {"2027-03-01", "2027-04-05", "2027-05-03"};
	assert_preset(HW_PRESET_MONTHLY_FIRST, "2027-03-01", "FREQ=MONTHLY;BYDAY=1MO", "2027-05-31",
		      first, 3);
	static const char *const last[] = {"2027-03-30", "2027-04-27", "2027-05-25"};
	assert_preset(HW_PRESET_MONTHLY_LAST, "2027-03-30", "FREQ=MONTHLY;BYDAY=-1TU", "2027-05-31",
		      last, 3);
	static const char *const third[] = {"2027-03-18", "2027-04-15"};
	assert_preset(HW_PRESET_MONTHLY_THIRD, "2027-03-18", "FREQ=MONTHLY;BYDAY=3TH", "2027-04-30",
		      third, 2);
	static const char *const bimonthly[] = {"2027-03-02", "2027-05-04", "2027-07-06"};
	assert_preset(HW_PRESET_BIMONTHLY_FIRST, "2027-03-02", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU",
		      "2027-07-31", bimonthly, 3);
}

/* The calendar's quarters, from whatever month the series starts in. */
static void test_quarterly_preset_follows_the_calendars_quarters(void **state)
{
	(void)state;
	static const char *const quarterly[] = {"2027-04-06", "2027-07-06", "2027-10-05",
						"2028-01-04"};
	assert_preset(HW_PRESET_QUARTERLY_FIRST, "2027-02-02", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1TU",
		      "2028-01-31", quarterly, 4);
}

static void test_presets_by_date(void **state)
{
	(void)state;
	static const char *const monthly[] = {"2027-03-15", "2027-04-15"};
	assert_preset(HW_PRESET_MONTHLY_DAY, "2027-03-15", "FREQ=MONTHLY", "2027-04-30", monthly, 2);
	static const char *const yearly[] = {"2027-03-15", "2028-03-15"};
	assert_preset(HW_PRESET_YEARLY_DAY, "2027-03-15", "FREQ=YEARLY", "2028-12-31", yearly, 2);
	char rule[64] = "x";
	hw_series_preset_rrule(HW_PRESET_CUSTOM, d("2027-03-15"), rule, sizeof rule);
	assert_string_equal(rule, "");
}

static void test_labels_name_the_weekday_and_the_date(void **state)
{
	(void)state;
	char label[256];
	hw_series_preset_label(HW_PRESET_MONTHLY_2_4, d("2027-03-09"), label, sizeof label);
	assert_string_equal(label, "the second and fourth Tue of every month");
	hw_series_preset_label(HW_PRESET_WEEKLY, d("2027-03-12"), label, sizeof label);
	assert_string_equal(label, "every Fri");
	hw_series_preset_label(HW_PRESET_MONTHLY_DAY, d("2027-03-15"), label, sizeof label);
	assert_string_equal(label, "every month on day 15");
	/* Every preset has a name. */
	for (int p = 0; p < HW_PRESET_COUNT; p++) {
		hw_series_preset_label((hw_series_preset)p, d("2027-03-09"), label, sizeof label);
		assert_true(strlen(label) > 0);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekly_presets_take_the_first_days_weekday),
		cmocka_unit_test(test_monthly_presets_by_weekday),
		cmocka_unit_test(test_quarterly_preset_follows_the_calendars_quarters),
		cmocka_unit_test(test_presets_by_date),
		cmocka_unit_test(test_labels_name_the_weekday_and_the_date),
	};
	return cmocka_run_group_tests_name("series_presets", tests, empty_calendar, free_calendar);
}
