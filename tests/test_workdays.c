/* Working days as the State Council's arrangements define them, and civil-date parsing. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "civil_date.h"
#include "workdays.h"

static hw_calendar *calendar;

static int load_calendar(void **state)
{
	(void)state;
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/holidays", test_data_dir());
	hw_error error = {0};
	calendar = hw_calendar_load(directory, &error);
	if (calendar == NULL)
		fail_msg("%s", error.message);
	return 0;
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

static void test_date_parse_accepts_real_days_only(void **state)
{
	(void)state;
	hw_date date;
	assert_true(hw_date_parse("2024-02-29", &date));
	assert_date(date, "2024-02-29");
	assert_false(hw_date_parse("2025-02-29", &date)); /* 2025 is no leap year */
	assert_false(hw_date_parse("2100-02-29", &date)); /* nor is 2100 */
	assert_true(hw_date_parse("2000-02-29", &date));
	assert_false(hw_date_parse("2024-13-01", &date));
	assert_false(hw_date_parse("2024-04-31", &date));
	assert_false(hw_date_parse("2024-1-01", &date));
	assert_false(hw_date_parse("2024-01-01x", &date));
	assert_false(hw_date_parse("", &date));
	assert_false(hw_date_parse("二〇二四-01-01", &date));
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(hw_date_iso_weekday(d("1970-01-01")), 4);
	assert_int_equal(hw_date_iso_weekday(d("2024-02-10")), 6);
	assert_int_equal(hw_date_iso_weekday(d("2026-11-23")), 1);
	assert_int_equal(hw_date_iso_weekday(d("1969-12-31")), 3);
}

static void test_spring_festival_2024(void **state)
{
	(void)state;
	/* 国办发明电〔2023〕7号: 2月10日至17日放假调休，共8天; 2月4日（周日）、2月18日（周日）上班. */
	for (hw_date date = d("2024-02-10"); date <= d("2024-02-17"); date++) {
		hw_day_info day = hw_calendar_day(calendar, date);
		assert_int_equal(day.kind, HW_DAY_HOLIDAY);
		assert_string_equal(day.holiday_name, "春节");
	}
	assert_int_equal(hw_calendar_day(calendar, d("2024-02-04")).kind, HW_DAY_MAKEUP_WORKDAY);
	assert_int_equal(hw_calendar_day(calendar, d("2024-02-18")).kind, HW_DAY_MAKEUP_WORKDAY);
	assert_true(hw_calendar_is_workday(calendar, d("2024-02-09")));
	assert_false(hw_calendar_is_workday(calendar, d("2024-02-03"))); /* an ordinary Saturday */
	assert_int_equal(hw_calendar_day(calendar, d("2024-02-03")).kind, HW_DAY_WEEKEND);

	hw_years_without_data touched = {0};
	assert_date(hw_calendar_add_workdays(calendar, d("2024-02-08"), 1, &touched), "2024-02-09");
	assert_date(hw_calendar_add_workdays(calendar, d("2024-02-09"), 1, &touched), "2024-02-18");
	assert_date(hw_calendar_add_workdays(calendar, d("2024-02-09"), 2, &touched), "2024-02-19");
	assert_int_equal(hw_calendar_count_workdays(calendar, d("2024-02-08"), d("2024-02-19"), &touched), 3);
	assert_int_equal(touched.count, 0);
}

static void test_national_day_2024(void **state)
{
	(void)state;
	/* 10月1日至7日放假; 9月29日（周日）、10月12日（周六）上班. A meeting on Friday 27 September
	 * has seven working days for its documents: 9-29, 9-30, 10-8 … 10-12. */
	assert_true(hw_calendar_is_workday(calendar, d("2024-09-29")));
	assert_true(hw_calendar_is_workday(calendar, d("2024-10-12")));
	assert_false(hw_calendar_is_workday(calendar, d("2024-10-07")));
	assert_false(hw_calendar_is_workday(calendar, d("2024-10-13")));
	hw_years_without_data touched = {0};
	assert_date(hw_calendar_add_workdays(calendar, d("2024-09-27"), 7, &touched), "2024-10-12");
	assert_date(hw_calendar_add_workdays(calendar, d("2024-09-30"), 1, &touched), "2024-10-08");
	/* Without the arrangement, seven working days after 27 September would be 8 October. */
	hw_calendar *plain = hw_calendar_new_empty();
	assert_date(hw_calendar_add_workdays(plain, d("2024-09-27"), 7, NULL), "2024-10-08");
	hw_calendar_free(plain);
	assert_int_equal(hw_calendar_count_workdays(calendar, d("2024-09-27"), d("2024-10-12"), NULL), 7);
	assert_int_equal(hw_calendar_count_workdays(calendar, d("2024-10-12"), d("2024-09-27"), NULL), -7);
}

static void test_spring_festival_2025_rules(void **state)
{
	(void)state;
	/* The 2025 notice, first under the revised 放假办法: 1月28日至2月4日 off (8 days), 1月26日
	 * （周日）、2月8日（周六）上班. Yiwu's 4 + 3 working days from a meeting on Friday 24 January:
	 * handed over by 6 February, issued by 10 February. */
	assert_false(hw_calendar_is_workday(calendar, d("2025-01-28")));
	assert_false(hw_calendar_is_workday(calendar, d("2025-02-04")));
	assert_true(hw_calendar_is_workday(calendar, d("2025-02-05")));
	assert_true(hw_calendar_is_workday(calendar, d("2025-01-26")));
	assert_true(hw_calendar_is_workday(calendar, d("2025-02-08")));
	hw_date handed_over = hw_calendar_add_workdays(calendar, d("2025-01-24"), 4, NULL);
	assert_date(handed_over, "2025-02-06");
	assert_date(hw_calendar_add_workdays(calendar, handed_over, 3, NULL), "2025-02-10");
	assert_string_equal(hw_calendar_day(calendar, d("2025-01-26")).holiday_name, "春节调休上班");
}

static void test_year_without_data(void **state)
{
	(void)state;
	assert_true(hw_calendar_year_has_data(calendar, 2026));
	assert_false(hw_calendar_year_has_data(calendar, 2027));
	assert_true(hw_calendar_year_is_provisional(calendar, 2027));
	assert_false(hw_calendar_year_is_provisional(calendar, 2026));
	/* 2036 lies beyond the table of lunar dates: Monday to Friday, nothing provisional. */
	assert_false(hw_calendar_year_is_provisional(calendar, 2036));
	hw_day_info day = hw_calendar_day(calendar, d("2036-01-28"));
	assert_false(day.year_has_data);
	assert_false(day.provisional);
	assert_int_equal(day.kind, HW_DAY_WORKDAY); /* a Monday, 春节 2036 is not in the table */
	assert_int_equal(hw_calendar_day(calendar, d("2027-02-13")).kind, HW_DAY_WEEKEND);

	hw_years_without_data touched = {0};
	/* 2026-12-31 is a Thursday; 2027-01-01 is a provisional 元旦, so seven working days later is
	 * the 12th, not the 11th as Monday to Friday would have it. */
	assert_date(hw_calendar_add_workdays(calendar, d("2026-12-31"), 7, &touched), "2027-01-12");
	assert_int_equal(touched.count, 1);
	assert_int_equal(touched.years[0], 2027);

	hw_years_without_data inside = {0};
	hw_calendar_add_workdays(calendar, d("2026-12-01"), 7, &inside);
	assert_int_equal(inside.count, 0);
}

/* 全国年节及纪念日放假办法 第二条 for a year whose notice is not out: every statutory day off,
 * marked provisional, with no make-up working days. */
static void test_provisional_statutory_holidays(void **state)
{
	(void)state;
	static const struct {
		const char *date;
		const char *name;
	} days[] = {
		{"2027-01-01", "元旦"},   {"2027-02-05", "春节"},   {"2027-02-06", "春节"},
		{"2027-02-07", "春节"},   {"2027-02-08", "春节"},   {"2027-04-05", "清明节"},
		{"2027-05-01", "劳动节"}, {"2027-05-02", "劳动节"}, {"2027-06-09", "端午节"},
		{"2027-09-15", "中秋节"}, {"2027-10-01", "国庆节"}, {"2027-10-03", "国庆节"},
		/* 中秋 on the third day of 国庆: one day off, both named. */
		{"2028-10-03", "中秋节、国庆节"},
		/* 2034's 春节 follows 2033's leap eleventh month. */
		{"2034-02-18", "春节"},
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		hw_day_info day = hw_calendar_day(calendar, d(days[i].date));
		if (day.kind != HW_DAY_HOLIDAY || !day.provisional || day.holiday_name == NULL ||
		    strcmp(day.holiday_name, days[i].name) != 0)
			fail_msg("%s: expected the provisional holiday %s, got kind %d (%s)",
				 days[i].date, days[i].name, day.kind,
				 day.holiday_name ? day.holiday_name : "no name");
		assert_false(hw_calendar_is_workday(calendar, d(days[i].date)));
	}
	/* The days around them work as any weekday: the eve of 除夕, the day after 初三. */
	assert_true(hw_calendar_is_workday(calendar, d("2027-02-04")));
	assert_true(hw_calendar_is_workday(calendar, d("2027-02-09")));
	assert_true(hw_calendar_is_workday(calendar, d("2027-10-04")));
	assert_false(hw_calendar_day(calendar, d("2027-02-09")).provisional);
	/* A published year keeps its notice's days, never the table's: 2026's 春节 holiday runs
	 * 02-15 to 02-23 with a make-up working Saturday 02-14, none of it provisional. */
	hw_day_info published = hw_calendar_day(calendar, d("2026-02-23"));
	assert_int_equal(published.kind, HW_DAY_HOLIDAY);
	assert_false(published.provisional);
	assert_int_equal(hw_calendar_day(calendar, d("2026-02-14")).kind, HW_DAY_MAKEUP_WORKDAY);
}

/* The provisional days checked against four published years: loaded without 2023–2026.txt,
 * every day the table makes a statutory holiday was a day off in the State Council's notice
 * (the notices add more days, never fewer). */
static void test_provisional_days_were_off_in_published_years(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *copy = test_path(directory, HW_STATUTORY_FILE);
	char source[4096];
	snprintf(source, sizeof source, "%s/holidays/%s", test_data_dir(), HW_STATUTORY_FILE);
	char *table = test_read_file(source, NULL);
	assert_non_null(table);
	test_write_file(copy, table);
	free(table);
	hw_error error = {0};
	hw_calendar *provisional = hw_calendar_load(directory, &error);
	if (provisional == NULL)
		fail_msg("%s", error.message);
	int statutory_days = 0;
	for (hw_date date = d("2023-01-01"); date <= d("2026-12-31"); date++) {
		hw_day_info day = hw_calendar_day(provisional, date);
		if (day.kind != HW_DAY_HOLIDAY)
			continue;
		statutory_days++;
		assert_true(day.provisional);
		hw_day_info published = hw_calendar_day(calendar, date);
		if (published.kind != HW_DAY_HOLIDAY) {
			char text[HW_DATE_TEXT_SIZE];
			hw_date_format(date, text);
			fail_msg("%s (%s) was not a holiday in the published arrangement", text,
				 day.holiday_name);
		}
	}
	/* 11 a year before the amendment, 13 after, less the days where 中秋 met 国庆 (none). */
	assert_int_equal(statutory_days, 11 + 11 + 13 + 13);
	hw_calendar_free(provisional);
	test_remove_tree(directory);
	free(copy);
	free(directory);
}

static void test_statutory_table_errors(void **state)
{
	(void)state;
	static const struct {
		const char *content;
		int line;
		const char *message;
	} cases[] = {
		{"# YEAR 除夕 清明 端午 中秋\n2030 2030-02-02 2030-04-05 2030-06-05\n", 2, "five fields"},
		{"2030 2030-02-02 2030-04-05 2030-06-05 2030-13-12\n", 1, "YYYY-MM-DD"},
		{"2030 2030-02-02 2030-04-05 2030-06-05 2031-09-12\n", 1, "YYYY-MM-DD"},
		{"2030 2030-04-05 2030-02-02 2030-06-05 2030-09-12\n", 1, "order"},
		{"203O 2030-02-02 2030-04-05 2030-06-05 2030-09-12\n", 1, "1900 to 2999"},
		{"2030 2030-02-02 2030-04-05 2030-06-05 2030-09-12\n"
		 "2030 2030-02-02 2030-04-05 2030-06-05 2030-09-12\n", 2, "twice"},
		{"2030 2030-02-02 2030-04-05 2030-06-05 2030-09-12 # \xE4\xBC\n", 1, "UTF-8"},
	};
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, HW_STATUTORY_FILE);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_write_file(path, cases[i].content);
		hw_error error = {0};
		assert_null(hw_calendar_load(directory, &error));
		char prefix[4200];
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, cases[i].line);
		assert_contains(error.message, prefix);
		assert_contains(error.message, cases[i].message);
	}
	/* The twin: a well-formed table loads, and its year is provisional. */
	test_write_file(path, "2030 2030-02-02 2030-04-05 2030-06-05 2030-09-12\n");
	hw_error error = {0};
	hw_calendar *loaded = hw_calendar_load(directory, &error);
	assert_non_null(loaded);
	assert_true(hw_calendar_year_is_provisional(loaded, 2030));
	assert_true(hw_calendar_day(loaded, hw_date_from_ymd(2030, 2, 5)).provisional);
	hw_calendar_free(loaded);
	test_remove_tree(directory);
	free(path);
	free(directory);
}

static void test_holiday_file_errors(void **state)
{
	(void)state;
	static const struct {
		const char *content;
		int line;
		const char *message;
	} cases[] = {
		{"2030-01-01 off 元旦\n2030-13-01 off 元旦\n", 2, "YYYY-MM-DD"},
		{"# a comment\n\n2030-01-01 holiday 元旦\n", 3, "'off' or 'work'"},
		{"2030-01-02 work 调休\n", 1, "Saturday or Sunday"}, /* a Wednesday */
		{"2030-01-01 off\n", 1, "DATE KIND NAME"},
		{"2030-01-01 off 元旦\n2030-01-01 off 元旦\n", 2, "twice"},
		{"2035-01-01 off 元旦\n", 1, "year"},
	};
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "2030.txt");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_write_file(path, cases[i].content);
		hw_calendar *broken = hw_calendar_new_empty();
		hw_error error = {0};
		assert_int_equal(hw_calendar_load_file(broken, path, 2030, &error), -1);
		char prefix[4200];
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, cases[i].line);
		assert_contains(error.message, prefix);
		assert_contains(error.message, cases[i].message);
		/* A broken file adds nothing. */
		assert_false(hw_calendar_year_has_data(broken, 2030));
		assert_true(hw_calendar_is_workday(broken, hw_date_from_ymd(2030, 1, 1)));
		hw_calendar_free(broken);
	}
	test_remove_tree(directory);
	free(path);
	free(directory);
}

static void write_bytes(const char *path, const char *bytes, size_t size)
{
	FILE *file = fopen(path, "wb");
	assert_non_null(file);
	assert_int_equal(fwrite(bytes, 1, size, file), size);
	assert_int_equal(fclose(file), 0);
}

/* Loads `path` as 2030's file into a fresh calendar; returns the error message (static) or
 * NULL when it loaded. */
static const char *load_2030(const char *path)
{
	static hw_error error;
	hw_calendar *fresh = hw_calendar_new_empty();
	int status = hw_calendar_load_file(fresh, path, 2030, &error);
	if (status != 0) {
		/* A refused file adds nothing. */
		assert_false(hw_calendar_year_has_data(fresh, 2030));
		assert_true(hw_calendar_is_workday(fresh, hw_date_from_ymd(2030, 1, 2)));
	}
	hw_calendar_free(fresh);
	return status == 0 ? NULL : error.message;
}

/* Bytes that are not text are refused at the door with their line; the same lines written
 * properly load. */
static void test_holiday_text_is_checked_at_the_door(void **state)
{
	(void)state;
	static const struct {
		const char *bad, *good; /* whole files of the same length class */
		size_t bad_size; /* 0: up to the NUL */
		int line;
		const char *message;
	} cases[] = {
		{"2030-01-01 off \xe5\x85\x83\xe6\x97\n", "2030-01-01 off 元旦\n", 0, 1, "not valid UTF-8"},
		{"# 2030\n2030-01-01 off \xc0\xaf\n", "# 2030\n2030-01-01 off 元旦\n", 0, 2, "not valid UTF-8"},
		{"2030-01-01 off 元\0旦\n", "2030-01-01 off 元旦\n", 23, 1, "NUL byte"},
		{"# x\n2030-01-01 off \x1b]0;t\x07元旦\n", "# x\n2030-01-01\toff\t元旦\r\n", 0, 2, "control character U+001B"},
		{"2030-01-01 off 元\xe2\x80\xae旦\n", "2030-01-01 off 元旦\n", 0, 1, "invisible character U+202E"},
		/* A byte-order mark starts a file, written by a Windows editor; not a line. */
		{"# x\n\xef\xbb\xbf" "2030-01-01 off 元旦\n", "\xef\xbb\xbf" "2030-01-01 off 元旦\n", 0, 2, "invisible character U+FEFF"},
	};
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "2030.txt");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_bytes(path, cases[i].bad,
			    cases[i].bad_size ? cases[i].bad_size : strlen(cases[i].bad));
		const char *message = load_2030(path);
		if (message == NULL)
			fail_msg("case %zu was accepted", i);
		char prefix[4200];
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, cases[i].line);
		assert_contains(message, prefix);
		assert_contains(message, cases[i].message);
		write_bytes(path, cases[i].good, strlen(cases[i].good));
		message = load_2030(path);
		if (message != NULL)
			fail_msg("twin of case %zu refused: %s", i, message);
	}
	/* A line of 2000 bytes (a long comment) is refused; one of 1000 is not. */
	char line[2100];
	memset(line, 'x', sizeof line);
	line[0] = '#';
	write_bytes(path, line, 2000);
	assert_contains(load_2030(path), ":1: the line is longer than");
	write_bytes(path, line, 1000);
	assert_null(load_2030(path));
	test_remove_tree(directory);
	free(path);
	free(directory);
}

/* A device, a FIFO, a folder or a huge file is refused at once, without reading it. */
static void test_holiday_file_must_be_a_small_regular_file(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	assert_contains(load_2030("/dev/zero"), "/dev/zero: not a regular file");
	char *fifo = test_path(directory, "2030.txt");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_contains(load_2030(fifo), "not a regular file");
	/* A FIFO named as a year in the holidays folder stops the load, rather than hanging it. */
	hw_error error = {0};
	assert_null(hw_calendar_load(directory, &error));
	assert_contains(error.message, "not a regular file");
	assert_int_equal(unlink(fifo), 0);
	assert_int_equal(mkdir(fifo, 0700), 0);
	assert_contains(load_2030(fifo), "not a regular file");
	assert_int_equal(rmdir(fifo), 0);
	/* 100 KiB of comments: over the limit, though every line is fine. */
	size_t size = 100 * 1024;
	char *big = malloc(size);
	assert_non_null(big);
	for (size_t i = 0; i < size; i++)
		big[i] = i % 64 == 0 ? '#' : i % 64 == 63 ? '\n' : 'x';
	write_bytes(fifo, big, size);
	assert_contains(load_2030(fifo), "larger than 64 KiB");
	write_bytes(fifo, big, 32 * 1024);
	assert_null(load_2030(fifo));
	free(big);
	test_remove_tree(directory);
	free(fifo);
	free(directory);
}

static void test_clerk_can_add_a_year(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "2031.txt");
	char *table = test_path(directory, HW_STATUTORY_FILE);
	test_write_file(table, "2031 2031-01-22 2031-04-05 2031-06-24 2031-10-01\n");
	test_write_file(path, "# 2031\n2031-01-01 off 元旦 # 周三\n2031-01-04 work 元旦调休上班\n");
	hw_error error = {0};
	hw_calendar *extended = hw_calendar_load(directory, &error);
	assert_non_null(extended);
	assert_true(hw_calendar_year_has_data(extended, 2031));
	/* The published arrangement replaces the provisional days: 春节 is not in this file. */
	assert_false(hw_calendar_year_is_provisional(extended, 2031));
	assert_true(hw_calendar_is_workday(extended, hw_date_from_ymd(2031, 1, 23)));
	assert_false(hw_calendar_is_workday(extended, hw_date_from_ymd(2031, 1, 1)));
	assert_true(hw_calendar_is_workday(extended, hw_date_from_ymd(2031, 1, 4)));
	hw_calendar_free(extended);
	test_remove_tree(directory);
	free(path);
	free(table);
	free(directory);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_accepts_real_days_only),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_spring_festival_2024),
		cmocka_unit_test(test_national_day_2024),
		cmocka_unit_test(test_spring_festival_2025_rules),
		cmocka_unit_test(test_year_without_data),
		cmocka_unit_test(test_provisional_statutory_holidays),
		cmocka_unit_test(test_provisional_days_were_off_in_published_years),
		cmocka_unit_test(test_statutory_table_errors),
		cmocka_unit_test(test_holiday_file_errors),
		cmocka_unit_test(test_holiday_text_is_checked_at_the_door),
		cmocka_unit_test(test_holiday_file_must_be_a_small_regular_file),
		cmocka_unit_test(test_clerk_can_add_a_year),
	};
	return cmocka_run_group_tests_name("workdays", tests, load_calendar, free_calendar);
}
