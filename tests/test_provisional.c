/* Planning into a year whose holiday arrangement is not published (2027 in these tests): the
 * command line says so once where a clerk plans — a meeting placed or moved, a series made or
 * changed, deadlines counted across the year, agenda and check — and says nothing for the same
 * action inside 2026, whose arrangement is published. The UI's side is in tests/test_ui.py. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Wednesday 2026-12-30: New Year 2027 is two days away. */
#define TODAY "2026-12-30"
#define YEAR_NOTE "note: the 2027 holiday arrangement is not published yet"

/* Runs a command that must succeed; returns its standard error (free it). */
static char *stderr_of(run_result r)
{
	if (r.status != 0)
		fail_msg("exit %d: %s", r.status, r.err);
	char *err = r.err;
	r.err = NULL;
	test_run_free(&r);
	return err;
}

#define ERR(f, ...) stderr_of(fixture_run(f, __VA_ARGS__, NULL))

static void test_meeting_placed_in_2027_says_so(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	char *err = ERR(f, "meeting", "add", "--type", "executive", "--date", "2027-01-01", "--time",
			"09:30");
	assert_string_equal(err, "warning: 2027-01-01 is 元旦, a statutory holiday (provisional: "
				 "the 2027 arrangement is not published yet)\n");
	free(err);
	err = ERR(f, "meeting", "add", "--type", "executive", "--date", "2027-01-12", "--time",
		  "09:30");
	assert_contains(err, YEAR_NOTE);
	assert_contains(err, "may move when the notice is published");
	assert_int_equal(test_count_lines(err), 1);
	free(err);
	/* The twin: inside 2026, nothing to say. */
	err = ERR(f, "meeting", "add", "--type", "executive", "--date", "2026-12-10", "--time",
		  "09:30");
	assert_string_equal(err, "");
	free(err);
}

static void test_meeting_moved_into_2027_says_so(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-12-10", NULL, NULL);
	/* 除夕 2027 is 02-05 (the new moon of 02-06 at 23:56 Beijing time). */
	char *err = ERR(f, "meeting", "edit", "1", "--date", "2027-02-05");
	assert_string_equal(err, "warning: 2027-02-05 is 春节, a statutory holiday (provisional: "
				 "the 2027 arrangement is not published yet)\n");
	free(err);
	err = ERR(f, "meeting", "edit", "1", "--date", "2027-02-18");
	assert_contains(err, YEAR_NOTE);
	assert_int_equal(test_count_lines(err), 1);
	free(err);
	/* Not moved: said once already, not again. */
	err = ERR(f, "meeting", "edit", "1", "--title", "常务会议");
	assert_string_equal(err, "");
	free(err);
	err = ERR(f, "meeting", "edit", "1", "--date", "2026-12-11");
	assert_string_equal(err, "");
	free(err);
}

static void test_series_reaching_into_2027_says_so(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	/* Fridays from 2026-12-18: 2027-01-01 (元旦) is skipped by the provisional data. */
	char *err = ERR(f, "series", "add", "--type", "study", "--rrule", "FREQ=WEEKLY;BYDAY=FR",
			"--time", "16:00", "--from", "2026-12-18", "--until", "2027-01-20", "--force");
	assert_contains(err, "meetings created");
	assert_contains(err, YEAR_NOTE);
	assert_int_equal(test_count_lines(err), 2);
	free(err);
	json_t *series = JSON(f, "series", "show", "1", "--json");
	json_t *skipped = json_object_get(series, "skipped");
	assert_int_equal(json_array_size(skipped), 1);
	assert_string_equal(json_string_value(json_array_get(skipped, 0)), "2027-01-01");
	json_decref(series);
	err = ERR(f, "series", "edit", "1", "--title", "理论学习");
	assert_contains(err, YEAR_NOTE);
	assert_int_equal(test_count_lines(err), 1);
	free(err);
	/* The twin: a series inside 2026. */
	err = ERR(f, "series", "add", "--type", "study", "--rrule", "FREQ=WEEKLY;BYDAY=FR", "--time",
		  "16:00", "--from", "2026-11-01", "--until", "2026-12-20", "--force");
	assert_contains(err, "meetings created");
	assert_int_equal(test_count_lines(err), 1);
	free(err);
	err = ERR(f, "series", "edit", "2", "--title", "理论学习");
	assert_string_equal(err, "");
	free(err);
}

/* Meeting #1 on 2026-12-28, the document it decided due across New Year 2027; #2 on
 * 2026-12-01, its document due and late inside 2026. Both held, neither document issued. */
static fixture *two_deadlines(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-12-28", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-12-01", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "meeting", "held", "2");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于岁末工作的通知");
	OK(f, "doc", "add", "--meeting", "2", "--title", "关于冬季工作的通知");
	return f;
}

static json_t *deadline_of(json_t *array, long long meeting)
{
	size_t i;
	json_t *item;
	json_array_foreach(array, i, item)
		if (json_integer_value(json_object_get(item, "meeting")) == meeting)
			return item;
	fail_msg("no deadline of meeting #%lld", meeting);
	return NULL;
}

static void test_deadlines_across_2027_are_provisional(void **state)
{
	fixture *f = two_deadlines(state);
	run_result r = RUN(f, "deadlines", "--json");
	assert_int_equal(r.status, 0);
	/* Two deadlines, one note. */
	assert_contains(r.err, YEAR_NOTE);
	assert_int_equal(test_count_lines(r.err), 1);
	json_t *array = fixture_json(r, "deadlines --json");
	assert_int_equal(json_array_size(array), 2);
	json_t *across = deadline_of(array, 1), *inside = deadline_of(array, 2);
	/* 7 working days after 2026-12-28 step over 元旦 2027 (provisional). */
	assert_json_string(across, "due", "2027-01-07");
	assert_true(json_is_true(json_object_get(across, "provisional")));
	assert_true(json_is_false(json_object_get(inside, "provisional")));
	json_decref(array);
	r = RUN(f, "deadlines");
	assert_int_equal(r.status, 0);
	char *line = strstr(r.out, "due 2027-01-07");
	assert_non_null(line);
	assert_true(strncmp(strchr(line, '\n') - strlen("  (provisional)"), "  (provisional)",
			    strlen("  (provisional)")) == 0);
	line = strstr(r.out, "meeting #2");
	assert_non_null(line);
	*strchr(line, '\n') = '\0'; /* its line only */
	assert_null(strstr(line, "(provisional)"));
	test_run_free(&r);
	/* The twin: one meeting's deadline inside 2026 says nothing. */
	r = RUN(f, "deadlines", "--meeting", "2", "--json");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	array = fixture_json(r, "deadlines --meeting 2 --json");
	assert_true(json_is_false(json_object_get(deadline_of(array, 2), "provisional")));
	json_decref(array);
	r = RUN(f, "deadlines", "--meeting", "1");
	assert_contains(r.out, "(provisional)");
	assert_contains(r.err, YEAR_NOTE);
	test_run_free(&r);
}

static void test_meeting_show_marks_provisional_deadlines(void **state)
{
	fixture *f = two_deadlines(state);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "deadlines:\n    due 2027-01-07");
	assert_contains(r.out, "(provisional)\n");
	assert_contains(r.err, YEAR_NOTE);
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	json_t *deadline = json_array_get(json_object_get(meeting, "deadlines"), 0);
	assert_json_string(deadline, "kind", "issue");
	assert_true(json_is_true(json_object_get(deadline, "provisional")));
	json_decref(meeting);
	/* The twin. */
	r = RUN(f, "meeting", "show", "2");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "deadlines:\n");
	assert_null(strstr(r.out, "(provisional)"));
	assert_string_equal(r.err, "");
	test_run_free(&r);
}

static void test_agenda_and_check_say_so_for_2027(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2027-01-01", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-12-31", NULL, NULL);
	run_result r = RUN(f, "check", "--from", "2027-01-01", "--to", "2027-01-31");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "NON_WORKDAY");
	assert_contains(r.err, YEAR_NOTE);
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	r = RUN(f, "agenda", "--from", "2026-12-30", "--to", "2027-01-10");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "2027-01-01");
	assert_contains(r.err, YEAR_NOTE);
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	/* The twins: the same inside 2026. */
	r = RUN(f, "check", "--from", "2026-12-01", "--to", "2026-12-31");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	test_run_free(&r);
	r = RUN(f, "agenda", "--from", "2026-12-30", "--to", "2026-12-31");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "2026-12-31");
	assert_string_equal(r.err, "");
	test_run_free(&r);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_meeting_placed_in_2027_says_so),
		TEST(test_meeting_moved_into_2027_says_so),
		TEST(test_series_reaching_into_2027_says_so),
		TEST(test_deadlines_across_2027_are_provisional),
		TEST(test_meeting_show_marks_provisional_deadlines),
		TEST(test_agenda_and_check_say_so_for_2027),
	};
#undef TEST
	return cmocka_run_group_tests_name("provisional", tests, NULL, NULL);
}
