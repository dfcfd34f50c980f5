/* The notice of a year's holiday arrangement read from its text (src/core/notice.c): the
 * published 2023–2026 notices reproduce the shipped data/holidays files, the sentence forms of
 * the notices since 2013 read as they mean, and a text it cannot read, or a weekday that is
 * wrong, is refused naming the line. In process: no command is run. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "civil_date.h"
#include "notice.h"
#include "workdays.h"

static char *source_file(const char *relative)
{
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	assert_non_null(root);
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, relative);
	size_t size;
	char *text = test_read_file(path, &size);
	if (text == NULL)
		fail_msg("cannot read %s", path);
	return text;
}

/* The lines of a holiday file that say something: comments and repeated spaces dropped. */
static char *arranged_lines(const char *text)
{
	char *out = calloc(1, strlen(text) + 1);
	assert_non_null(out);
	size_t o = 0;
	for (const char *line = text; *line != '\0';) {
		const char *end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		const char *hash = memchr(line, '#', (size_t)(end - line));
		const char *stop = hash != NULL ? hash : end;
		bool space = false, any = false;
		for (const char *at = line; at < stop; at++) {
			if (*at == ' ' || *at == '\t' || *at == '\r') {
				space = any;
				continue;
			}
			if (space)
				out[o++] = ' ';
			space = false;
			any = true;
			out[o++] = *at;
		}
		if (any)
			out[o++] = '\n';
		line = *end == '\n' ? end + 1 : end;
	}
	out[o] = '\0';
	return out;
}

static void check_published(int year, const char *document, const char *signed_on)
{
	char relative[64];
	snprintf(relative, sizeof relative, "tests/notices/%d.txt", year);
	char *text = source_file(relative);
	hw_notice notice;
	hw_error error = {0};
	if (hw_notice_parse(relative, text, strlen(text), &notice, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(notice.year, year);
	assert_string_equal(notice.document, document);
	assert_true(notice.has_signed_on);
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(notice.signed_on, date);
	assert_string_equal(date, signed_on);
	char *file = hw_notice_holiday_file(&notice);
	assert_non_null(file);
	snprintf(relative, sizeof relative, "data/holidays/%d.txt", year);
	char *shipped = source_file(relative);
	char *ours = arranged_lines(file), *theirs = arranged_lines(shipped);
	assert_string_equal(ours, theirs);
	/* The source line names the notice as the shipped file does. */
	const char *source = strstr(shipped, "# 来源：");
	assert_non_null(source);
	char source_line[512];
	snprintf(source_line, sizeof source_line, "%.*s", (int)strcspn(source, "\n"), source);
	if (strstr(source_line, "；") == NULL) /* 2025's adds a remark after the date */
		assert_contains(file, source_line);
	free(ours);
	free(theirs);
	free(shipped);
	free(file);
	free(text);
	hw_notice_free(&notice);
}

static void test_the_2023_notice_reproduces_the_shipped_file(void **state)
{
	(void)state;
	check_published(2023, "国办发明电〔2022〕16号", "2022-12-08");
}

static void test_the_2024_notice_reproduces_the_shipped_file(void **state)
{
	(void)state;
	check_published(2024, "国办发明电〔2023〕7号", "2023-10-25");
}

static void test_the_2025_notice_reproduces_the_shipped_file(void **state)
{
	(void)state;
	check_published(2025, "国办发明电〔2024〕12号", "2024-11-12");
}

static void test_the_2026_notice_reproduces_the_shipped_file(void **state)
{
	(void)state;
	check_published(2026, "", "2025-11-04");
}

/* The days a text arranges, "DATE off|work" a line in date order; NULL with the error. */
static char *read_days(const char *text, hw_error *error)
{
	hw_notice notice;
	if (hw_notice_parse("notice", text, strlen(text), &notice, error) != 0) {
		hw_notice_free(&notice);
		return NULL;
	}
	char *out = calloc((size_t)notice.day_count + 1, 32);
	assert_non_null(out);
	for (int i = 0; i < notice.day_count; i++) {
		char date[HW_DATE_TEXT_SIZE];
		hw_date_format(notice.days[i].date, date);
		sprintf(out + strlen(out), "%s %s\n", date, notice.days[i].is_workday ? "work" : "off");
	}
	hw_notice_free(&notice);
	return out;
}

/* One item of a notice of `year` around `sentence`. */
static char *item_text(int year, const char *sentence)
{
	char *text = malloc(strlen(sentence) + 256);
	assert_non_null(text);
	sprintf(text, "国务院办公厅关于%d年部分节假日安排的通知\n一、某节：%s\n国务院办公厅\n", year,
		sentence);
	return text;
}

static void expect_days(int year, const char *sentence, const char *expected)
{
	char *text = item_text(year, sentence);
	hw_error error = {0};
	char *days = read_days(text, &error);
	if (days == NULL)
		fail_msg("%s: %s", sentence, error.message);
	assert_string_equal(days, expected);
	free(days);
	free(text);
}

static void expect_refused(int year, const char *sentence, const char *message_part)
{
	char *text = item_text(year, sentence);
	hw_error error = {0};
	char *days = read_days(text, &error);
	if (days != NULL)
		fail_msg("%s was read as:\n%s", sentence, days);
	assert_contains(error.message, "notice:2:"); /* the line it stopped at */
	assert_contains(error.message, message_part);
	free(text);
}

/* Sentences and their meaning from NateScarlet/holiday-cn, description_parsing_cases.json
 * (github.com/NateScarlet/holiday-cn, MIT License, Copyright (c) 2019 NateScarlet; the
 * sentences are the State Council's, of the notices of 2013–2019), in the forms used since 2013. */
static void test_the_sentences_of_holiday_cn_read_as_they_mean(void **state)
{
	(void)state;
	expect_days(2019, "2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。",
		    "2018-12-29 work\n2018-12-30 off\n2018-12-31 off\n2019-01-01 off\n");
	expect_days(2019, "2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。",
		    "2019-02-02 work\n2019-02-03 work\n2019-02-04 off\n2019-02-05 off\n"
		    "2019-02-06 off\n2019-02-07 off\n2019-02-08 off\n2019-02-09 off\n"
		    "2019-02-10 off\n");
	expect_days(2019, "4月5日放假，与周末连休。", "2019-04-05 off\n");
	expect_days(2019, "5月1日放假。", "2019-05-01 off\n");
	expect_days(2018, "4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。",
		    "2018-04-28 work\n2018-04-29 off\n2018-04-30 off\n2018-05-01 off\n");
	expect_days(2018, "10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。",
		    "2018-09-29 work\n2018-09-30 work\n2018-10-01 off\n2018-10-02 off\n"
		    "2018-10-03 off\n2018-10-04 off\n2018-10-05 off\n2018-10-06 off\n"
		    "2018-10-07 off\n");
	expect_days(2014, "1月1日放假1天。", "2014-01-01 off\n");
	expect_days(2014, "4月5日放假，4月7日（星期一）补休。", "2014-04-05 off\n2014-04-07 off\n");
	expect_days(2014, "1月31日至2月6日放假调休，共7天。1月26日（星期日）、2月8日（星期六）上班。",
		    "2014-01-26 work\n2014-01-31 off\n2014-02-01 off\n2014-02-02 off\n"
		    "2014-02-03 off\n2014-02-04 off\n2014-02-05 off\n2014-02-06 off\n"
		    "2014-02-08 work\n");
	/* 2013's notice had half-width parentheses. */
	expect_days(2013, "4月29日至5月1日放假调休，共3天。4月27日(星期六)、4月28日(星期日)上班。",
		    "2013-04-27 work\n2013-04-28 work\n2013-04-29 off\n2013-04-30 off\n"
		    "2013-05-01 off\n");
}

static void test_the_variants_since_2017_read_alike(void **state)
{
	(void)state;
	/* With weekdays as 周X, with 农历 dates, 不调休. */
	expect_days(2026, "1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
		    "2026-01-01 off\n2026-01-02 off\n2026-01-03 off\n2026-01-04 work\n");
	expect_days(2025, "1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。",
		    "2025-01-28 off\n2025-01-29 off\n2025-01-30 off\n2025-01-31 off\n"
		    "2025-02-01 off\n2025-02-02 off\n2025-02-03 off\n2025-02-04 off\n");
	expect_days(2025, "1月1日（周三）放假1天，不调休。", "2025-01-01 off\n");
	/* All half-width, with spaces, and full-width digits. */
	expect_days(2026, "1月1日(周四)至3日(周六)放假调休, 共3天. 1月4日(周日)上班.",
		    "2026-01-01 off\n2026-01-02 off\n2026-01-03 off\n2026-01-04 work\n");
	expect_days(2026, "１月１日（周四）至３日（周六）放假调休，共３天。",
		    "2026-01-01 off\n2026-01-02 off\n2026-01-03 off\n");
	/* 2017's 补休 after a Sunday holiday. */
	expect_days(2017, "1月1日放假，1月2日（星期一）补休。", "2017-01-01 off\n2017-01-02 off\n");
	/* Advice is no arrangement. */
	expect_days(2024, "2月10日至17日放假调休，共8天。鼓励各单位安排职工在除夕（2月9日）休息。",
		    "2024-02-10 off\n2024-02-11 off\n2024-02-12 off\n2024-02-13 off\n"
		    "2024-02-14 off\n2024-02-15 off\n2024-02-16 off\n2024-02-17 off\n");
}

static void test_mid_autumn_and_national_day_together_are_one_item(void **state)
{
	(void)state;
	const char *text = "关于2025年部分节假日安排的通知\n"
			   "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。"
			   "9月28日（周日）、10月11日（周六）上班。\n";
	hw_notice notice;
	hw_error error = {0};
	if (hw_notice_parse("notice", text, strlen(text), &notice, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(notice.holiday_count, 1);
	assert_string_equal(notice.holidays[0], "国庆节、中秋节");
	assert_int_equal(notice.day_count, 10);
	char *file = hw_notice_holiday_file(&notice);
	assert_contains(file, "2025-09-28  work  国庆节、中秋节调休上班  # 周日\n");
	assert_contains(file, "2025-10-08  off   国庆节、中秋节  # 周三\n");
	free(file);
	hw_notice_free(&notice);
}

static void test_a_sentence_it_cannot_read_is_refused_with_its_line(void **state)
{
	(void)state;
	expect_refused(2026, "1月1日放假三天。", "cannot read");
	expect_refused(2026, "1月1日至3日休息，共3天。", "cannot read");
	expect_refused(2026, "1月1日（周四）至3日（周六）放假调休，共4天。", "4");
	expect_refused(2026, "2月30日放假。", "no such date");
	expect_refused(2026, "1月1日（某日）放假。", "weekday");
	/* A make-up working day that is a weekday. */
	expect_refused(2026, "1月1日放假。1月5日（周一）上班。", "2026-01-05");
	/* A date twice. */
	expect_refused(2026, "1月1日放假。1月1日放假。", "2026-01-01");
}

static void test_a_wrong_weekday_is_refused_naming_it(void **state)
{
	(void)state;
	/* 2026-01-01 is a Thursday. */
	expect_refused(2026, "1月1日（周五）至3日（周六）放假调休，共3天。", "2026-01-01");
	expect_refused(2026, "1月1日（周四）至3日（周六）放假调休，共3天。1月4日（星期六）上班。",
		       "星期六");
	/* Its twin: the right weekday in either spelling is read. */
	expect_days(2026, "1月4日（星期日）上班。1月1日放假。", "2026-01-01 off\n2026-01-04 work\n");
}

static void test_a_text_without_title_or_items_is_refused(void **state)
{
	(void)state;
	hw_notice notice;
	hw_error error = {0};
	const char *no_title = "一、元旦：1月1日放假。\n";
	assert_int_equal(hw_notice_parse("n", no_title, strlen(no_title), &notice, &error), -1);
	assert_contains(error.message, "n:1:");
	hw_notice_free(&notice);
	const char *no_items = "国务院办公厅关于2027年部分节假日安排的通知\n各省：\n";
	assert_int_equal(hw_notice_parse("n", no_items, strlen(no_items), &notice, &error), -1);
	assert_contains(error.message, "一、");
	hw_notice_free(&notice);
	/* An item whose numbering is mistyped is not quietly left out. */
	const char *mistyped = "关于2026年部分节假日安排的通知\n一、元旦：1月1日放假。\n"
			       "二．春节：2月15日至23日放假调休，共9天。\n";
	assert_int_equal(hw_notice_parse("n", mistyped, strlen(mistyped), &notice, &error), -1);
	assert_contains(error.message, "n:3:");
	hw_notice_free(&notice);
}

static void test_the_written_file_loads_as_the_year_holiday_file(void **state)
{
	(void)state;
	char *text = source_file("tests/notices/2025.txt");
	hw_notice notice;
	hw_error error = {0};
	assert_int_equal(hw_notice_parse("2025", text, strlen(text), &notice, &error), 0);
	char *file = hw_notice_holiday_file(&notice);
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "2025.txt");
	test_write_file(path, file);
	hw_calendar *calendar = hw_calendar_new_empty();
	if (hw_calendar_load_file(calendar, path, 2025, &error) != 0)
		fail_msg("%s", error.message);
	hw_day_info info = hw_calendar_day(calendar, hw_date_from_ymd(2025, 1, 28));
	assert_int_equal(info.kind, HW_DAY_HOLIDAY);
	assert_string_equal(info.holiday_name, "春节");
	info = hw_calendar_day(calendar, hw_date_from_ymd(2025, 2, 8));
	assert_int_equal(info.kind, HW_DAY_MAKEUP_WORKDAY);
	hw_calendar_free(calendar);
	test_remove_tree(directory);
	free(directory);
	free(path);
	free(file);
	free(text);
	hw_notice_free(&notice);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_2023_notice_reproduces_the_shipped_file),
		cmocka_unit_test(test_the_2024_notice_reproduces_the_shipped_file),
		cmocka_unit_test(test_the_2025_notice_reproduces_the_shipped_file),
		cmocka_unit_test(test_the_2026_notice_reproduces_the_shipped_file),
		cmocka_unit_test(test_the_sentences_of_holiday_cn_read_as_they_mean),
		cmocka_unit_test(test_the_variants_since_2017_read_alike),
		cmocka_unit_test(test_mid_autumn_and_national_day_together_are_one_item),
		cmocka_unit_test(test_a_sentence_it_cannot_read_is_refused_with_its_line),
		cmocka_unit_test(test_a_wrong_weekday_is_refused_naming_it),
		cmocka_unit_test(test_a_text_without_title_or_items_is_refused),
		cmocka_unit_test(test_the_written_file_loads_as_the_year_holiday_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
