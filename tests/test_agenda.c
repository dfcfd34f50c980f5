/* The agenda: the coming two weeks, one person's meetings, and what waits for whom, through the command line as the office's clerk uses it.
 * Each test works on a copy of the standard roster (tests/fixture.h), does the thing right once,
 * then makes the mistakes a clerk makes: a refused command exits 1 with exactly one line on
 * standard error and changes nothing (REFUSED). The rule engine's findings are tested in
 * test_checks.c. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

static void test_agenda_covers_the_next_two_weeks(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	fixture_add_meeting(f, "plenary", "2026-12-07", NULL, NULL);   /* 2: the last day */
	fixture_add_meeting(f, "executive", "2026-12-08", NULL, NULL); /* 3: one day too late */
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 4: past */
	fixture_add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 5: cancelled */
	OK(f, "meeting", "cancel", "5");
	OK(f, "topic", "add", "--title", "冬季供暖保障", "--deputy", "副职乙");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	run_result r = RUN(f, "agenda");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Meetings 2026-11-23 to 2026-12-07:\n"
			       "#1     2026-11-25 09:30  乌恰县人民政府常务会议  chair: 首长\n"
			       "        topic #1 冬季供暖保障  [scheduled]\n"
			       "#2     2026-12-07 09:30  乌恰县人民政府全体会议  chair: 首长\n");
	assert_not_contains(r.out, "#3 ");
	assert_not_contains(r.out, "#4 ");
	assert_not_contains(r.out, "#5 ");
	test_run_free(&r);
	json_t *agenda = JSON(f, "agenda", "--json");
	json_t *meetings = json_object_get(agenda, "meetings");
	assert_ids(meetings, IDS(1, 2));
	assert_ids(json_object_get(json_array_get(meetings, 0), "topics"), IDS(1));
	assert_int_equal(json_array_size(json_object_get(json_array_get(meetings, 1), "topics")), 0);
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--from", "2026-12-08", "--to", "2026-12-31", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(3));
	json_decref(agenda);
	REFUSED(f, "'2026-13-01' is not a date", "agenda", "--from", "2026-13-01");
}

static void test_agenda_for_one_person(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	fixture_add_meeting(f, "plenary", "2026-11-26", NULL, NULL);   /* 2 */
	json_t *agenda = JSON(f, "agenda", "--person", "教育局局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(2));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "司法局局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1, 2));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "农业农村局副局长", "--json");
	assert_int_equal(json_array_size(json_object_get(agenda, "meetings")), 0);
	json_decref(agenda);
	run_result r = RUN(f, "agenda", "--person", "教育局局长");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Meetings 2026-11-23 to 2026-12-07 for 教育局局长:\n#2 ");
	assert_not_contains(r.out, "#1 ");
	assert_contains(r.out, "Waiting for this person:\n");
	test_run_free(&r);
	REFUSED(f, "no person '无名'", "agenda", "--person", "无名");
}

static void test_agenda_shows_what_waits_for_each_approver(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);         /* 1 */
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);         /* 2 */
	fixture_add_meeting(f, "special", "2026-11-19", "--chair", "副职甲"); /* 3 */
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "topic", "add", "--title", "议题甲", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "议题乙", "--deputy", "副职甲");
	OK(f, "topic", "approve", "2", "--by", "首长");
	OK(f, "meeting", "held", "2");
	OK(f, "minutes", "draft", "2", "--text", "常务会议纪要");
	OK(f, "meeting", "held", "3");
	OK(f, "minutes", "draft", "3", "--text", "专题会议纪要");

	json_t *agenda = JSON(f, "agenda", "--json");
	assert_keys(agenda, STRINGS("meetings", "trips", "waiting"));
	assert_int_equal(fixture_waiting_count(agenda), 5);
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(agenda, "waiting"), i, item)
		assert_keys(item, STRINGS("kind", "id", "meeting", "text"));
	json_t *first = json_array_get(json_object_get(agenda, "waiting"), 0);
	assert_json_string(first, "kind", "leave");
	assert_json_int(first, "id", 1);
	assert_json_int(first, "meeting", 1);
	assert_json_string(first, "text", "农业农村局局长: 下乡");
	json_decref(agenda);

	/* The head: both leave requests, the unapproved topic, the executive minutes. */
	agenda = JSON(f, "agenda", "--person", "首长", "--json");
	assert_int_equal(fixture_waiting_count(agenda), 4);
	assert_true(fixture_waiting_has(agenda, "leave", 1));
	assert_true(fixture_waiting_has(agenda, "leave", 2));
	assert_true(fixture_waiting_has(agenda, "topic", 1));
	assert_false(fixture_waiting_has(agenda, "topic", 2));
	assert_true(fixture_waiting_has(agenda, "minutes", 2));
	assert_false(fixture_waiting_has(agenda, "minutes", 3));
	json_decref(agenda);
	/* The office: the department head's leave only. */
	agenda = JSON(f, "agenda", "--person", "办公室主任", "--json");
	assert_int_equal(fixture_waiting_count(agenda), 1);
	assert_true(fixture_waiting_has(agenda, "leave", 1));
	json_decref(agenda);
	/* The chair of the special meeting signs its minutes. */
	agenda = JSON(f, "agenda", "--person", "副职甲", "--json");
	assert_int_equal(fixture_waiting_count(agenda), 1);
	assert_true(fixture_waiting_has(agenda, "minutes", 3));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "常务副职", "--json");
	assert_int_equal(fixture_waiting_count(agenda), 0);
	json_decref(agenda);

	run_result r = RUN(f, "agenda", "--person", "首长");
	assert_contains(r.out, "Waiting for this person:\n"
			       "  leave to approve #1 (meeting #1)  农业农村局局长: 下乡\n"
			       "  leave to approve #2 (meeting #1)  副职甲: 出差\n"
			       "  topic to approve #1  议题甲\n"
			       "  minutes to sign #2  乌恰县人民政府常务会议\n");
	test_run_free(&r);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_agenda_covers_the_next_two_weeks),
		TEST(test_agenda_for_one_person),
		TEST(test_agenda_shows_what_waits_for_each_approver),
	};
#undef TEST
	return cmocka_run_group_tests_name("agenda", tests, NULL, NULL);
}
