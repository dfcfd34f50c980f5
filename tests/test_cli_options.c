/* The command line refuses what an action does not read, and reads numbers, --db and date
 * ranges one strict way: an option of another action is a usage error (exit 2), a number with
 * a space, a '+' or too many digits is bad input (exit 1), and neither changes anything
 * (USAGE_REFUSED, REFUSED). Each refusal has a twin that is accepted: the same option where it
 * belongs, the same number written plainly. */
#include "fixture.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

/* ---- one parser for numbers ---- */

static void test_number_parse_takes_plain_decimal_digits_only(void **state)
{
	(void)state;
	int64_t value = -1;
	assert_int_equal(hw_number_parse("12", 1, 100, &value), HW_NUMBER_OK);
	assert_int_equal(value, 12);
	assert_int_equal(hw_number_parse("007", 1, 100, &value), HW_NUMBER_OK);
	assert_int_equal(value, 7);
	assert_int_equal(hw_number_parse("-4", -10, 10, &value), HW_NUMBER_OK);
	assert_int_equal(value, -4);
	assert_int_equal(hw_number_parse("9223372036854775807", 1, INT64_MAX, &value), HW_NUMBER_OK);
	assert_true(value == INT64_MAX);
	assert_int_equal(hw_number_parse("-9223372036854775808", INT64_MIN, 0, &value), HW_NUMBER_OK);
	assert_true(value == INT64_MIN);
	value = 99;
	static const char *const malformed[] = {"", " 12", "12 ", "+12", "0x0C", "1e2", "12.0",
						"1_000", "１２", "--1", "-", "\t12", "12\n"};
	for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++)
		if (hw_number_parse(malformed[i], -100, 100, &value) != HW_NUMBER_MALFORMED)
			fail_msg("'%s' was taken as a number", malformed[i]);
	assert_int_equal(hw_number_parse(NULL, 1, 100, &value), HW_NUMBER_MALFORMED);
	/* A minus sign only where negative numbers mean something. */
	assert_int_equal(hw_number_parse("-4", 1, 100, &value), HW_NUMBER_MALFORMED);
	assert_int_equal(value, 99);
	assert_int_equal(hw_number_parse("0", 1, 100, &value), HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(hw_number_parse("101", 1, 100, &value), HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(hw_number_parse("-11", -10, 10, &value), HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(hw_number_parse("9223372036854775808", 1, INT64_MAX, &value),
			 HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(hw_number_parse("99999999999999999999999", 1, INT64_MAX, &value),
			 HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(hw_number_parse("-9223372036854775809", INT64_MIN, 0, &value),
			 HW_NUMBER_OUT_OF_RANGE);
	assert_int_equal(value, 99);
}

/* ---- each action its own options ---- */

static void test_meeting_actions_refuse_the_options_of_others(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	USAGE_REFUSED(f, "huiwu meeting cancel: '--date' is not an option of this action (only of: add, edit)",
		      "meeting", "cancel", "1", "--date", "2027-01-05");
	USAGE_REFUSED(f, "'--person' is not an option of this action (only of: invite, uninvite)",
		      "meeting", "list", "--person", "教育局局长");
	USAGE_REFUSED(f, "'--as' is not an option of this action (only of: invite)", "meeting",
		      "uninvite", "1", "--person", "教育局局长", "--as", "guest");
	USAGE_REFUSED(f, "'--from' is not an option of this action (only of: list)", "meeting", "show",
		      "1", "--from", "2026-11-01");
	USAGE_REFUSED(f, "'--json' is not an option of this action (only of: show, list)", "meeting",
		      "held", "1", "--json");
	USAGE_REFUSED(f, "'--title' is not an option of this action (only of: add, edit)", "meeting",
		      "invite", "1", "--person", "教育局局长", "--title", "改名");
	USAGE_REFUSED(f, "huiwu meeting list: unknown option '--colour'", "meeting", "list", "--colour");
	USAGE_REFUSED(f, "unknown action 'postpone': say add, show", "meeting", "postpone", "1");

	/* The same options where they belong. */
	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--date", "2026-11-26");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "date", "2026-11-26");
	json_decref(meeting);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "guest");
	json_t *list = JSON(f, "meeting", "list", "--from", "2026-11-01", "--json");
	assert_ids(list, IDS(1));
	json_decref(list);
	OK(f, "meeting", "uninvite", "1", "--person", "教育局局长");
	LOGGED(f, "meeting cancel", true, true, "meeting", "cancel", "1");
}

static void test_topic_and_leave_actions_refuse_the_options_of_others(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	USAGE_REFUSED(f, "huiwu topic edit: '--meeting' is not an option of this action (only of: add, schedule, list)",
		      "topic", "edit", "1", "--meeting", "1");
	USAGE_REFUSED(f, "'--decision' is not an option of this action (only of: decide)", "topic",
		      "approve", "1", "--by", "首长", "--decision", "同意");
	USAGE_REFUSED(f, "'--by' is not an option of this action (only of: approve, review)", "topic", "defer",
		      "1", "--by", "首长");
	USAGE_REFUSED(f, "'--reason' is not an option of this action (only of: defer)", "topic",
		      "list", "--reason", "x");
	LOGGED(f, "topic schedule", true, true, "topic", "schedule", "1", "--meeting", "1");
	LOGGED(f, "topic approve", true, true, "topic", "approve", "1", "--by", "首长");

	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	USAGE_REFUSED(f, "huiwu leave list: '--person' is not an option of this action (only of: request)",
		      "leave", "list", "--person", "农业农村局局长");
	USAGE_REFUSED(f, "'--pending' is not an option of this action (only of: list)", "leave",
		      "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "出差",
		      "--pending");
	LOGGED(f, "leave request", false, true, "leave", "request", "--meeting", "1", "--person",
	       "农业农村局局长", "--reason", "出差");
	USAGE_REFUSED(f, "'--reason' is not an option of this action (only of: request)", "leave",
		      "approve", "1", "--by", "首长", "--reason", "同意");
	json_t *pending = JSON(f, "leave", "list", "--pending", "--meeting", "1", "--json");
	assert_ids(pending, IDS(1));
	json_decref(pending);
}

static void test_minutes_and_doc_actions_refuse_the_options_of_others(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	USAGE_REFUSED(f, "huiwu minutes draft: '--by' is not an option of this action (only of: sign, approve, amend)",
		      "minutes", "draft", "1", "--text", "会议决定……", "--by", "首长");
	USAGE_REFUSED(f, "'--text' is not an option of this action (only of: draft, amend)", "minutes",
		      "sign", "1", "--by", "首长", "--text", "改过的");
	LOGGED(f, "minutes draft", false, true, "minutes", "draft", "1", "--text", "会议决定……");
	USAGE_REFUSED(f, "'--text' is not an option of this action (only of: draft, amend)", "minutes",
		      "show", "1", "--text", "x");

	USAGE_REFUSED(f, "huiwu doc add: '--on' is not an option of this action (only of: handover, submit, issue)",
		      "doc", "add", "--meeting", "1", "--title", "关于冬季供暖的通知", "--on", "2026-11-23");
	LOGGED(f, "doc add", false, true, "doc", "add", "--meeting", "1", "--title",
	       "关于冬季供暖的通知");
	USAGE_REFUSED(f, "'--title' is not an option of this action (only of: add)", "doc", "issue",
		      "1", "--title", "改名");
	USAGE_REFUSED(f, "'--on' is not an option of this action (only of: handover, submit, issue)", "doc",
		      "list", "--on", "2026-11-23");
	OK(f, "doc", "issue", "1", "--on", "2026-11-23");
}

static void test_series_and_roster_actions_refuse_the_options_of_others(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "series", "add", "--type", "study", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=28", "--time",
	   "16:00", "--from", "2027-01-01", "--count", "3", "--force");
	USAGE_REFUSED(f, "huiwu series edit: '--horizon' is not an option of this action (only of: add)",
		      "series", "edit", "1", "--time", "15:00", "--horizon", "2027-12-31");
	USAGE_REFUSED(f, "'--force' is not an option of this action (only of: add)", "series", "end",
		      "1", "--force");
	USAGE_REFUSED(f, "'--on' is not an option of this action (only of: end)", "series", "show", "1",
		      "--on", "2027-02-01");
	OK(f, "series", "edit", "1", "--time", "15:00");
	OK(f, "series", "end", "1", "--on", "2027-02-01");

	USAGE_REFUSED(f, "huiwu dept edit: '--member-of-executive' is not an option of this action (only of: add)",
		      "dept", "edit", "教育局", "--deputy", "副职甲", "--member-of-executive");
	USAGE_REFUSED(f, "'--deputy' is not an option of this action (only of: add, edit)", "dept",
		      "list", "--deputy", "副职甲");
	OK(f, "dept", "edit", "教育局", "--deputy", "副职甲");
	USAGE_REFUSED(f, "huiwu person edit: '--party-group' is not an option of this action (only of: add)",
		      "person", "edit", "首长", "--party-group");
	USAGE_REFUSED(f, "'--title' is not an option of this action (only of: add, edit)", "person",
		      "show", "首长", "--title", "县长");
	OK(f, "person", "edit", "首长", "--title", "县长");
	OK(f, "person", "add", "党组成员", "--title", "党组成员", "--role", "party_group",
	   "--party-group");
}

static void test_other_commands_refuse_the_options_of_others(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	USAGE_REFUSED(f, "huiwu workdays is: '--from' is not an option of this action (only of: list)",
		      "workdays", "is", "2025-01-26", "--from", "2025-01-01");
	USAGE_REFUSED(f, "huiwu workdays add: unexpected argument '5'", "workdays", "add", "2025-01-24",
		      "4", "5");
	run_result r = RUN(f, "workdays", "list", "--from", "2025-01-26", "--to", "2025-01-27");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 2);
	test_run_free(&r);
	USAGE_REFUSED(f, "huiwu export ics: unknown option '--busy'", "export", "ics", "--busy");
	USAGE_REFUSED(f, "huiwu import ics: unknown option '--todos'", "import", "ics", "x.ics", "--busy",
		      "--todos");
	USAGE_REFUSED(f, "huiwu log: --verify goes alone", "log", "--verify", "--meeting", "1");
	USAGE_REFUSED(f, "huiwu log: --verify goes alone", "log", "--verify", "--json");
	json_t *log = JSON(f, "log", "--meeting", "1", "--json");
	assert_true(json_array_size(log) > 0);
	json_decref(log);
	OK(f, "log", "--verify");
	USAGE_REFUSED(f, "huiwu rules: unknown option '--gov'", "rules", "wuqia", "--gov", "yiwu");
	USAGE_REFUSED(f, "huiwu govs: unknown option '--file'", "govs", "--file", "x.ini");
	OK(f, "rules", "wuqia", "--json");
}

/* ---- arguments ---- */

static void test_ids_are_plain_decimal_digits(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	static const char *const wrong[] = {" 1", "+1", "1 ", "0x1", "#+1", "# 1", "1.0", "１"};
	for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
		char needle[64];
		snprintf(needle, sizeof needle, "'%s' is not a number such as 12 or #12", wrong[i]);
		REFUSED(f, needle, "meeting", "cancel", wrong[i]);
	}
	REFUSED(f, "'+1' is not a number such as 12 or #12", "topic", "list", "--meeting", "+1");
	REFUSED(f, "' 1' is not a number such as 12 or #12", "deadlines", "--meeting", " 1");
	REFUSED(f, "'+1' is not a number such as 12 or #12", "log", "--meeting", "+1");
	LOGGED(f, "meeting cancel", true, true, "meeting", "cancel", "#1");
}

static void test_numbers_out_of_range_are_refused_not_clamped(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	REFUSED(f, "'9999999999999999999' is out of range: a number here goes from 1 to 9223372036854775807",
		"meeting", "cancel", "9999999999999999999");
	REFUSED(f, "'9223372036854775808' is out of range", "meeting", "show", "9223372036854775808");
	REFUSED(f, "'0' is out of range", "meeting", "held", "0");
	/* The largest number is a number: no meeting has it. */
	REFUSED(f, "9223372036854775807", "meeting", "cancel", "9223372036854775807");
	REFUSED(f, "'99999999999999999999' is not a number of working days between -3650 and 3650",
		"workdays", "add", "2025-01-24", "99999999999999999999");
	REFUSED(f, "'+4' is not a number of working days", "workdays", "add", "2025-01-24", "+4");
	REFUSED(f, "' 4' is not a number of working days", "workdays", "add", "2025-01-24", " 4");
	run_result r = RUN(f, "workdays", "add", "2025-02-06", "-4");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2025-01-24\n");
	test_run_free(&r);
	REFUSED(f, "--alarm takes minutes from 1 to 10080, not '+30'", "export", "ics", "--alarm", "+30");
	REFUSED(f, "--alarm takes minutes from 1 to 10080, not '99999999999999999999'", "export", "ics",
		"--alarm", "99999999999999999999");
	r = RUN(f, "export", "ics", "--alarm", "30");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "TRIGGER:-PT30M");
	test_run_free(&r);
	REFUSED(f, "the number of meetings is a number from 1 to 2000 (--count)", "series", "add", "--type", "study", "--rrule",
		"FREQ=MONTHLY;BYMONTHDAY=28", "--time", "16:00", "--from", "2027-01-01", "--count",
		"+3", "--force");
	OK(f, "series", "add", "--type", "study", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=28", "--time",
	   "16:00", "--from", "2027-01-01", "--count", "3", "--force");
}

static void test_an_empty_db_is_a_usage_error(void **state)
{
	/* $HUIWU_DB names the fixture: an empty --db used to fall back to it. */
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	USAGE_REFUSED(f, "huiwu: --db needs a path, not an empty one", "--db", "", "meeting", "cancel",
		      "1");
	USAGE_REFUSED(f, "huiwu: --db needs a path, not an empty one", "--db=", "meeting", "cancel",
		      "1");
	USAGE_REFUSED(f, "huiwu: --db needs a path", "--db");
	LOGGED(f, "meeting cancel", true, true, "--db", f->db, "meeting", "cancel", "1");
}

static void test_a_reversed_range_is_refused(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	char *target = test_path(f->directory, "office.ics");
	test_write_file(target, "the calendar as it was\n");
	REFUSED(f, "--to must be on or after --from", "export", "ics", "-o", target, "--from",
		"2026-12-31", "--to", "2026-01-01");
	size_t size;
	char *content = test_read_file(target, &size);
	assert_string_equal(content, "the calendar as it was\n");
	free(content);
	OK(f, "export", "ics", "-o", target, "--from", "2026-01-01", "--to", "2026-12-31");
	content = test_read_file(target, &size);
	assert_non_null(strstr(content, "BEGIN:VEVENT"));
	free(content);
	free(target);

	REFUSED(f, "--to must be on or after --from", "meeting", "list", "--from", "2026-12-31", "--to",
		"2026-01-01");
	REFUSED(f, "--to must be on or after --from", "agenda", "--from", "2026-12-31", "--to",
		"2026-01-01");
	REFUSED(f, "--to must be on or after --from", "check", "--from", "2026-12-31", "--to",
		"2026-01-01");
	REFUSED(f, "--to must be on or after --from", "workdays", "list", "--from", "2026-12-31",
		"--to", "2026-01-01");
	/* One day is a range. */
	json_t *list = JSON(f, "meeting", "list", "--from", "2026-11-25", "--to", "2026-11-25", "--json");
	assert_ids(list, IDS(1));
	json_decref(list);
}

static void test_a_bound_given_alone_carries_the_window(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2027-06-08", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	/* The default window (30 days back, 60 ahead) ends long before --from. */
	json_t *list = JSON(f, "meeting", "list", "--from", "2027-06-01", "--json");
	assert_ids(list, IDS(1));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--to", "2027-06-30", "--json");
	assert_ids(list, IDS(1));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--json");
	assert_ids(list, IDS(2));
	json_decref(list);
	json_t *agenda = JSON(f, "agenda", "--from", "2027-06-01", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--to", "2027-06-10", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1));
	json_decref(agenda);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_parse_takes_plain_decimal_digits_only),
		TEST(test_meeting_actions_refuse_the_options_of_others),
		TEST(test_topic_and_leave_actions_refuse_the_options_of_others),
		TEST(test_minutes_and_doc_actions_refuse_the_options_of_others),
		TEST(test_series_and_roster_actions_refuse_the_options_of_others),
		TEST(test_other_commands_refuse_the_options_of_others),
		TEST(test_ids_are_plain_decimal_digits),
		TEST(test_numbers_out_of_range_are_refused_not_clamped),
		TEST(test_an_empty_db_is_a_usage_error),
		TEST(test_a_reversed_range_is_refused),
		TEST(test_a_bound_given_alone_carries_the_window),
	};
#undef TEST
	return cmocka_run_group_tests_name("cli_options", tests, NULL, NULL);
}
