/* 'huiwu holidays import FILE': the notice read, what it changes listed, nothing written
 * without --yes, the user's holiday file written with --yes and the import in the audit log,
 * series re-placed only with --reapply-series, a text it cannot read refused. The parser
 * itself is tested in process (test_notice.c); here the command, on a fixture. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "workdays.h"

/* A made-up 2027 notice (the real one is not published yet), in the published form. */
static const char notice_2027[] =
	"国务院办公厅关于2027年部分节假日安排的通知\n"
	"国办发明电〔2026〕99号\n"
	"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
	"一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
	"二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。"
	"2月14日（周日）、2月20日（周六）上班。\n"
	"国务院办公厅\n"
	"2026年11月10日\n";

typedef struct setup {
	fixture *f;
	char xdg[4200];
	char *notice_path;
	char *written; /* where the 2027 file goes */
} setup;

static void open_setup(void **state, setup *s, const char *today, const char *text)
{
	s->f = fixture_in_test(state, "yiwu", today);
	snprintf(s->xdg, sizeof s->xdg, "XDG_DATA_HOME=%s/xdg", s->f->directory);
	s->f->env[4] = s->xdg;
	s->f->env[5] = NULL;
	s->notice_path = test_path(s->f->directory, "notice.txt");
	test_write_file(s->notice_path, text);
	char relative[64];
	snprintf(relative, sizeof relative, "xdg/huiwu/holidays/2027.txt");
	s->written = test_path(s->f->directory, relative);
}

static void close_setup(setup *s)
{
	free(s->notice_path);
	free(s->written);
}

static json_t *meeting(const fixture *f, long long id)
{
	char text[32];
	snprintf(text, sizeof text, "%lld", id);
	return JSON(f, "meeting", "show", text, "--json");
}

/* Series #1 on Fridays moving to the next working day, #2 on Tuesdays skipping days off, and
 * one meeting on 2027-02-09, a working day until the notice says otherwise. */
static void plan(const fixture *f)
{
	OK(f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=FR", "--time",
	   "09:00", "--from", "2027-01-29", "--until", "2027-02-26", "--on-holiday", "next", "--force");
	OK(f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=TU", "--time",
	   "09:00", "--from", "2027-02-02", "--until", "2027-02-23", "--force");
	OK(f, "meeting", "add", "--type", "executive", "--date", "2027-02-09", "--time", "15:00");
}

static long long meeting_on(const fixture *f, const char *date, const char *time)
{
	json_t *list = JSON(f, "meeting", "list", "--from", date, "--to", date, "--json");
	long long id = 0;
	size_t i;
	json_t *item;
	json_array_foreach(list, i, item)
	{
		if (strcmp(json_string_value(json_object_get(item, "start")), time) == 0 &&
		    strcmp(json_string_value(json_object_get(item, "status")), "planned") == 0)
			id = json_integer_value(json_object_get(item, "id"));
	}
	json_decref(list);
	return id;
}

static void test_without_yes_it_shows_what_it_read_and_changes_and_writes_nothing(void **state)
{
	setup s;
	open_setup(state, &s, "2026-12-02", notice_2027);
	plan(s.f);
	long long friday = meeting_on(s.f, "2027-02-09", "09:00");
	assert_true(friday > 0);
	char *before = fixture_dump_database(s.f);
	size_t entries = fixture_log_entries(s.f);
	run_result r = RUN(s.f, "holidays", "import", s.notice_path);
	assert_int_equal(r.status, 0);
	/* What it read, per holiday. */
	assert_contains(r.out, "国办发明电〔2026〕99号");
	assert_contains(r.out, "元旦: 3 days off: 2027-01-01（周五） to 2027-01-03（周日）");
	assert_contains(r.out, "make-up working days: 2027-02-14（周日）, 2027-02-20（周六）");
	/* What it changes: the meeting now on 春节, the Friday series' 02-05 (on 02-09 under the
	 * provisional data) moving to 02-14, its 02-12 cancelled (two onto one), the Tuesday
	 * series' 02-09 cancelled. */
	assert_contains(r.out, "on 2027-02-09 now falls on a day off (春节)");
	assert_contains(r.out, "on 2027-02-09 would move to 2027-02-14");
	assert_contains(r.out, "on 2027-02-12 would be cancelled");
	assert_contains(r.out, "series #2: meeting");
	assert_contains(r.out, "nothing written");
	assert_int_equal(access(s.written, F_OK), -1);
	char *after = fixture_dump_database(s.f);
	assert_string_equal(before, after);
	assert_int_equal(fixture_log_entries(s.f), entries);
	free(before);
	free(after);
	test_run_free(&r);
	close_setup(&s);
}

static void test_with_yes_it_writes_the_user_file_and_logs_the_import(void **state)
{
	setup s;
	open_setup(state, &s, "2026-12-02", notice_2027);
	plan(s.f);
	long long friday = meeting_on(s.f, "2027-02-09", "09:00");
	/* Before: 2027-02-20 is a Saturday, 2027-02-10 a working day. */
	run_result r = RUN(s.f, "workdays", "is", "2027-02-10");
	assert_contains(r.out, "workday");
	test_run_free(&r);
	size_t entries = fixture_log_entries(s.f);
	r = RUN(s.f, "holidays", "import", s.notice_path, "--yes");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "wrote ");
	assert_contains(r.out, "--reapply-series");
	test_run_free(&r);
	size_t size;
	char *file = test_read_file(s.written, &size);
	assert_non_null(file);
	assert_contains(file, "# 来源：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号，2026-11-10）\n");
	assert_contains(file, "2027-02-14  work  春节调休上班  # 周日\n");
	assert_contains(file, "2027-01-02  off   元旦  # 周六\n");
	free(file);
	/* The calendar reads the user's folder now: no longer provisional. */
	r = RUN(s.f, "workdays", "is", "2027-02-20");
	assert_contains(r.out, "春节调休上班");
	test_run_free(&r);
	r = RUN(s.f, "workdays", "is", "2027-02-10");
	assert_contains(r.out, "春节");
	test_run_free(&r);
	json_t *entry = fixture_expect_logged(s.f, entries, "holidays import", false, true);
	json_t *logged = json_object_get(entry, "after");
	assert_json_int(logged, "year", 2027);
	assert_json_string(logged, "document", "国办发明电〔2026〕99号");
	assert_contains(json_string_value(json_object_get(logged, "text")), "2027-02-20  work");
	json_decref(entry);
	/* The series' meeting has not moved: that needs the clerk's word. */
	json_t *m = meeting(s.f, friday);
	assert_json_string(m, "date", "2027-02-09");
	json_decref(m);
	fixture_expect_intact(s.f);
	close_setup(&s);
}

static void test_reapply_series_moves_the_series_meetings_and_nothing_else(void **state)
{
	setup s;
	open_setup(state, &s, "2026-12-02", notice_2027);
	plan(s.f);
	long long alone = meeting_on(s.f, "2027-02-09", "15:00");
	long long friday_12 = meeting_on(s.f, "2027-02-12", "09:00");
	assert_true(meeting_on(s.f, "2027-02-09", "09:00") > 0);
	assert_int_equal(meeting_on(s.f, "2027-02-14", "09:00"), 0);
	size_t entries = fixture_log_entries(s.f);
	run_result r = RUN(s.f, "holidays", "import", s.notice_path, "--yes", "--reapply-series");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "3 series meetings re-placed");
	test_run_free(&r);
	/* The import and one entry per meeting re-placed. */
	assert_int_equal(fixture_log_entries(s.f), entries + 4);
	/* The Friday series' 02-05 (on 02-09) is on 02-14 now; the Tuesday series' 02-09 and
	 * the Friday series' 02-12 are cancelled. */
	assert_true(meeting_on(s.f, "2027-02-14", "09:00") > 0);
	assert_int_equal(meeting_on(s.f, "2027-02-09", "09:00"), 0);
	json_t *m = meeting(s.f, friday_12);
	assert_json_string(m, "status", "cancelled");
	json_decref(m);
	/* The meeting the clerk placed alone is listed, not moved. */
	m = meeting(s.f, alone);
	assert_json_string(m, "date", "2027-02-09");
	assert_json_string(m, "status", "planned");
	json_decref(m);
	fixture_expect_intact(s.f);
	close_setup(&s);
}

static void test_a_skipped_day_that_becomes_a_working_day_is_restored_only_when_asked(void **state)
{
	setup s;
	/* A notice without 元旦 (made up for the test): 2027-01-01, provisionally off, works. */
	open_setup(state, &s, "2026-12-02",
		   "国务院办公厅关于2027年部分节假日安排的通知\n一、春节：2月5日至8日放假，共4天。\n");
	OK(s.f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=FR", "--time",
	   "10:00", "--from", "2027-01-01", "--until", "2027-01-15", "--force");
	assert_int_equal(meeting_on(s.f, "2027-01-01", "10:00"), 0);
	run_result r = RUN(s.f, "holidays", "import", s.notice_path, "--yes");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "on 2027-01-01, skipped as a day off, would take place");
	test_run_free(&r);
	assert_int_equal(meeting_on(s.f, "2027-01-01", "10:00"), 0);
	/* Asked, the series takes the day back. */
	r = RUN(s.f, "holidays", "import", s.notice_path, "--yes", "--reapply-series");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "1 series meetings re-placed");
	test_run_free(&r);
	assert_true(meeting_on(s.f, "2027-01-01", "10:00") > 0);
	/* Done once: a third import finds nothing left to re-place. */
	r = RUN(s.f, "holidays", "import", s.notice_path, "--yes");
	assert_null(strstr(r.out, "skipped as a day off"));
	test_run_free(&r);
	fixture_expect_intact(s.f);
	close_setup(&s);
}

static void test_a_wrong_weekday_is_refused_and_nothing_is_written(void **state)
{
	setup s;
	char wrong[sizeof notice_2027 + 16];
	snprintf(wrong, sizeof wrong, "%s", notice_2027);
	char *at = strstr(wrong, "1月1日（周五）");
	memcpy(at + strlen("1月1日（"), "周四", strlen("周四"));
	open_setup(state, &s, "2026-12-02", wrong);
	REFUSED(s.f, "周四", "holidays", "import", s.notice_path, "--yes");
	assert_int_equal(access(s.written, F_OK), -1);
	close_setup(&s);
}

static void test_a_text_it_cannot_read_is_refused_with_its_line(void **state)
{
	setup s;
	open_setup(state, &s, "2026-12-02",
		   "国务院办公厅关于2027年部分节假日安排的通知\n\n一、元旦：1月1日放假三天。\n");
	REFUSED(s.f, "notice.txt:3:", "holidays", "import", s.notice_path, "--yes");
	assert_int_equal(access(s.written, F_OK), -1);
	USAGE_REFUSED(s.f, "import", "holidays", "import");
	USAGE_REFUSED(s.f, "yes", "holidays", "import", s.notice_path, "--yes=no");
	close_setup(&s);
}

static void test_the_user_file_wins_over_the_shipped_one_for_its_year(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *file = test_path(directory, "2026.txt");
	/* A user's 2026 without 元旦 and with 2026-03-02 off. */
	test_write_file(file, "2026-03-02 off 测试\n");
	char shipped[4096];
	snprintf(shipped, sizeof shipped, "%s/holidays", test_data_dir());
	hw_error error = {0};
	hw_calendar *calendar = hw_calendar_load_with_user(shipped, directory, 0, &error);
	if (calendar == NULL)
		fail_msg("%s", error.message);
	assert_false(hw_calendar_is_workday(calendar, hw_date_from_ymd(2026, 3, 2)));
	assert_true(hw_calendar_is_workday(calendar, hw_date_from_ymd(2026, 1, 2)));
	/* Other years still come from the shipped folder. */
	assert_false(hw_calendar_is_workday(calendar, hw_date_from_ymd(2025, 1, 28)));
	hw_calendar_free(calendar);
	/* Its twin: without the user's folder, the shipped 2026. */
	calendar = hw_calendar_load_with_user(shipped, NULL, 0, &error);
	assert_non_null(calendar);
	assert_true(hw_calendar_is_workday(calendar, hw_date_from_ymd(2026, 3, 2)));
	assert_false(hw_calendar_is_workday(calendar, hw_date_from_ymd(2026, 1, 2)));
	hw_calendar_free(calendar);
	/* A missing user folder is no error. */
	char *missing = test_path(directory, "none");
	calendar = hw_calendar_load_with_user(shipped, missing, 0, &error);
	assert_non_null(calendar);
	hw_calendar_free(calendar);
	test_remove_tree(directory);
	free(missing);
	free(file);
	free(directory);
}

static void test_a_deadline_that_moves_is_listed(void **state)
{
	setup s;
	open_setup(state, &s, "2027-02-01", notice_2027);
	long long id = OK(s.f, "meeting", "add", "--type", "executive", "--date", "2027-02-01",
			  "--time", "09:00");
	char text[32];
	snprintf(text, sizeof text, "%lld", id);
	OK(s.f, "meeting", "held", text);
	/* A document it decided: its deadline counts working days across 春节. */
	OK(s.f, "doc", "add", "--meeting", text, "--title", "关于春节值班的通知");
	run_result r = RUN(s.f, "holidays", "import", s.notice_path);
	assert_int_equal(r.status, 0);
	/* Yiwu 39: handed over within 4 working days; the notice's 春节 runs to 02-12, and the
	 * make-up Sunday 02-14 is the fourth. */
	assert_contains(r.out, "deadline: 关于春节值班的通知 (meeting #1) due 2027-02-09, now 2027-02-14");
	test_run_free(&r);
	/* Its twin: a notice that keeps the provisional 春节 days lists no deadline. */
	test_write_file(s.notice_path, "国务院办公厅关于2027年部分节假日安排的通知\n"
				       "一、春节：2月5日至8日放假，共4天。\n");
	r = RUN(s.f, "holidays", "import", s.notice_path);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "deadline:"));
	test_run_free(&r);
	close_setup(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_without_yes_it_shows_what_it_read_and_changes_and_writes_nothing,
			fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_with_yes_it_writes_the_user_file_and_logs_the_import,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(
			test_reapply_series_moves_the_series_meetings_and_nothing_else, fixture_setup,
			fixture_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_skipped_day_that_becomes_a_working_day_is_restored_only_when_asked,
			fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_wrong_weekday_is_refused_and_nothing_is_written,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_text_it_cannot_read_is_refused_with_its_line,
						fixture_setup, fixture_teardown),
		cmocka_unit_test(test_the_user_file_wins_over_the_shipped_one_for_its_year),
		cmocka_unit_test_setup_teardown(test_a_deadline_that_moves_is_listed, fixture_setup,
						fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
