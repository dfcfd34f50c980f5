/* Leave: requested, decided by whom the rules name, with the substitutes they allow, through the command line as the office's clerk uses it.
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

static void test_wuqia_department_head_asks_the_chair_or_the_office(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "meeting", "invite", "1", "--person", "财政局局长");
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			   "--reason", "下乡督导", "--written");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	assert_string_equal(r.err, "leave request #1 goes to 乌恰县人民政府办公室, the meeting's chair\n");
	test_run_free(&r);
	json_decref(fixture_expect_logged(f, entries, "leave request", false, true));
	json_t *list = JSON(f, "leave", "list", "--json");
	json_t *leave = json_array_get(list, 0);
	assert_strings(json_object_get(leave, "approvers"), STRINGS("office", "chair"));
	assert_json_string(leave, "state", "pending");
	assert_json_bool(leave, "written", true);
	json_decref(list);

	/* Not a deputy, not the executive deputy who does not chair it. */
	REFUSED(f,
		"副职甲 may not decide this request: leave from 乌恰县人民政府常务会议 goes to 乌恰县人民政府办公室, the meeting's chair 〔恰政发〔2024〕6号 第四十四条〕",
		"leave", "approve", "1", "--by", "副职甲");
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "1", "--by", "常务副职");
	REFUSED(f, "财政局局长 may not decide this request", "leave", "reject", "1", "--by", "财政局局长");
	/* The office director may. */
	entries = fixture_log_entries(f);
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	json_t *entry = fixture_expect_logged(f, entries, "leave approve", true, true);
	assert_json_string(json_object_get(entry, "before"), "state", "pending");
	assert_json_string(json_object_get(entry, "after"), "state", "approved");
	json_decref(entry);
	/* And so may the chair. */
	OK(f, "leave", "request", "--meeting", "1", "--person", "财政局局长", "--reason", "赴州汇报");
	OK(f, "leave", "approve", "2", "--by", "首长");
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 0), "decided_by", "办公室主任");
	assert_json_string(json_array_get(list, 1), "state", "approved");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_wuqia_delegated_chair_decides_department_heads_not_leaders(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", "--chair", "常务副职");
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "教育局局长", "--reason", "下乡");
	LOGGED(f, "leave approve", true, true, "leave", "approve", "1", "--by", "常务副职");

	/* A government leader's leave goes to the head, whoever chairs (art. 44). */
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason",
			   "出差");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2\n");
	assert_string_equal(r.err, "leave request #2 goes to 县长\n");
	test_run_free(&r);
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_strings(json_object_get(json_array_get(list, 1), "approvers"), STRINGS("head"));
	json_decref(list);
	REFUSED(f,
		"常务副职 may not decide this request: leave from 乌恰县人民政府常务会议 goes to 县长 〔恰政发〔2024〕6号 第四十四条〕",
		"leave", "approve", "2", "--by", "常务副职");
	REFUSED(f, "办公室主任 may not decide this request", "leave", "approve", "2", "--by", "办公室主任");
	REFUSED(f, "副职乙 may not decide this request", "leave", "approve", "2", "--by", "副职乙");
	OK(f, "leave", "approve", "2", "--by", "首长");
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "decided_by", "常务副职");
	assert_json_string(json_array_get(list, 1), "state", "approved");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_ili_leave_goes_to_the_chair(void **state)
{
	fixture *f = fixture_in_test(state, "ili", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			   "--reason", "下乡");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #1 goes to the meeting's chair\n");
	test_run_free(&r);
	REFUSED(f,
		"办公室主任 may not decide this request: leave from 伊犁哈萨克自治州人民政府常务会议 goes to the meeting's chair 〔伊州政规〔2023〕2号 第二十四条〕",
		"leave", "approve", "1", "--by", "办公室主任");
	OK(f, "leave", "approve", "1", "--by", "首长");
	/* Government leaders too ask the chair (art. 24). */
	r = RUN(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #2 goes to the meeting's chair\n");
	test_run_free(&r);
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "2", "--by", "常务副职");
	OK(f, "leave", "approve", "2", "--by", "首长");
	/* The chair of a special meeting is a deputy, and the head is not asked. */
	fixture_add_meeting(f, "special", "2026-11-26", "--chair", "副职乙");
	OK(f, "meeting", "invite", "2", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "2", "--person", "教育局局长", "--reason", "培训");
	REFUSED(f, "首长 may not decide this request", "leave", "approve", "3", "--by", "首长");
	OK(f, "leave", "approve", "3", "--by", "副职乙");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 2), "state", "approved");
	assert_json_string(json_array_get(list, 2), "decided_by", "副职乙");
	json_decref(list);
}

static void test_yiwu_leave_goes_to_the_head(void **state)
{
	fixture *f = fixture_in_test(state, "yiwu", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "财政局局长",
			   "--reason", "赴市汇报");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #1 goes to 县长\n");
	test_run_free(&r);
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_strings(json_object_get(json_array_get(list, 0), "approvers"), STRINGS("head"));
	json_decref(list);
	REFUSED(f,
		"办公室主任 may not decide this request: leave from 伊吾县人民政府常务会议 goes to 县长 〔伊政发〔2023〕112号 第三十八条〕",
		"leave", "approve", "1", "--by", "办公室主任");
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "1", "--by", "常务副职");
	OK(f, "leave", "approve", "1", "--by", "首长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	size_t entries = fixture_log_entries(f);
	OK(f, "leave", "reject", "2", "--by", "首长");
	json_t *entry = fixture_expect_logged(f, entries, "leave reject", true, true);
	assert_json_string(json_object_get(entry, "after"), "state", "rejected");
	json_decref(entry);
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 1), "state", "rejected");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_second_leave_request_is_refused(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	REFUSED(f, "副职甲 has asked leave from meeting #1 already", "leave", "request", "--meeting",
		"1", "--person", "副职甲", "--reason", "另有公务");
	OK(f, "leave", "reject", "1", "--by", "首长");
	REFUSED(f, "副职甲 has asked leave from meeting #1 already", "leave", "request", "--meeting",
		"1", "--person", "副职甲", "--reason", "再次请假");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_int_equal(json_array_size(list), 1);
	assert_json_string(json_array_get(list, 0), "reason", "出差");
	json_decref(list);
}

static void test_leave_request_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 2 */
	fixture_add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 3 */
	OK(f, "meeting", "held", "2");
	OK(f, "meeting", "cancel", "3");
	REFUSED(f, "教育局局长 is not invited to meeting #1", "leave", "request", "--meeting", "1",
		"--person", "教育局局长", "--reason", "下乡");
	REFUSED(f, "say why the leave is asked (--reason)", "leave", "request", "--meeting", "1", "--person", "副职甲");
	REFUSED(f, "no meeting #99", "leave", "request", "--meeting", "99", "--person", "副职甲",
		"--reason", "出差");
	REFUSED(f, "no person '无名'", "leave", "request", "--meeting", "1", "--person", "无名",
		"--reason", "出差");
	REFUSED(f, "meeting #2 is held: leave is asked before a meeting", "leave", "request",
		"--meeting", "2", "--person", "副职甲", "--reason", "出差");
	REFUSED(f, "meeting #3 is cancelled: leave is asked before a meeting", "leave", "request",
		"--meeting", "3", "--person", "副职甲", "--reason", "出差");
	run_result r = RUN(f, "leave", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_substitute_is_a_deputy_of_the_same_department(void **state)
{
	static const struct {
		const char *government, *clause;
	} governments[] = {
		{"wuqia", "〔恰政发〔2024〕6号 第四十四条〕"},
		{"kizilsu", "〔克孜勒苏柯尔克孜自治州人民政府工作规则 第四十一条〕"},
	};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = fixture_in_test(state, governments[i].government, TODAY);
		fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
		OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
		char needle[512];
		snprintf(needle, sizeof needle, "财政局副局长 is not one for 农业农村局局长 %s",
			 governments[i].clause);
		REFUSED(f, needle, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			"--reason", "下乡", "--substitute", "财政局副局长");
		REFUSED(f, "a substitute is a deputy head (department_deputy) of the same department",
			"leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
			"--substitute", "农业农村局工作人员");
		REFUSED(f, "农业农村局副局长 is not one for 副职甲", "leave", "request", "--meeting", "1",
			"--person", "副职甲", "--reason", "出差", "--substitute", "农业农村局副局长");
		REFUSED(f, "no person '无名'", "leave", "request", "--meeting", "1", "--person",
			"农业农村局局长", "--reason", "下乡", "--substitute", "无名");
		OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
		   "--written", "--substitute", "农业农村局副局长");
		json_t *list = JSON(f, "leave", "list", "--json");
		assert_int_equal(json_array_size(list), 1);
		assert_json_string(json_array_get(list, 0), "substitute", "农业农村局副局长");
		json_decref(list);
	}
}

static void test_substitute_refused_where_the_rules_allow_none(void **state)
{
	static const struct {
		const char *government, *meeting;
	} governments[] = {
		{"ili", "伊犁哈萨克自治州人民政府常务会议"},
		{"changji", "昌吉市人民政府常务会议"},
		{"yiwu", "伊吾县人民政府常务会议"},
	};
	for (size_t i = 0; i < 3; i++) {
		fixture *f = fixture_in_test(state, governments[i].government, TODAY);
		fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
		OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
		char needle[512];
		snprintf(needle, sizeof needle, "the rules provide for no substitute at %s: their article on attendance and leave says nothing of anyone attending in another's place",
			 governments[i].meeting);
		REFUSED(f, needle, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			"--reason", "下乡", "--substitute", "农业农村局副局长");
		/* Without a substitute the same request goes through. */
		OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡");
	}
}

static void test_approved_substitute_is_invited(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "meeting", "invite", "2", "--person", "财政局局长", "--as", "member");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "request", "--meeting", "2", "--person", "财政局局长", "--reason", "汇报",
	   "--written", "--substitute", "财政局副局长");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_not_invited(meeting, "农业农村局副局长");
	assert_json_string(fixture_find_named(json_object_get(meeting, "attendees"), "农业农村局局长"), "leave",
			   "pending");
	json_decref(meeting);
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "农业农村局副局长", "sitter_in");
	assert_attends(meeting, "农业农村局局长", "sitter_in");
	assert_json_string(fixture_find_named(json_object_get(meeting, "attendees"), "农业农村局局长"), "leave",
			   "approved");
	json_decref(meeting);
	/* In the absent head's place: a member's substitute attends as a member. */
	OK(f, "leave", "approve", "2", "--by", "首长");
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_attends(meeting, "财政局副局长", "member");
	json_decref(meeting);
	/* A rejected request invites no one. */
	fixture_add_meeting(f, "executive", "2026-11-27", NULL, NULL);
	OK(f, "meeting", "invite", "3", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "3", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "reject", "3", "--by", "首长");
	meeting = JSON(f, "meeting", "show", "3", "--json");
	assert_not_invited(meeting, "农业农村局副局长");
	json_decref(meeting);
	/* The substitute's agenda has the meeting they attend. */
	json_t *agenda = JSON(f, "agenda", "--person", "农业农村局副局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1));
	json_decref(agenda);
}

static void test_leave_list_pending_and_json(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "leave", "request", "--meeting", "2", "--person", "副职乙", "--reason", "培训");
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_ids(list, IDS(1, 2, 3));
	json_t *first = json_array_get(list, 0);
	assert_keys(first, STRINGS("id", "meeting", "person", "reason", "written", "substitute",
				   "state", "approvers", "decided_by"));
	assert_json_int(first, "meeting", 1);
	assert_json_string(first, "person", "农业农村局局长");
	assert_json_string(first, "reason", "下乡");
	assert_json_null(json_array_get(list, 1), "substitute");
	assert_json_null(json_array_get(list, 1), "decided_by");
	json_decref(list);
	list = JSON(f, "leave", "list", "--pending", "--json");
	assert_ids(list, IDS(2, 3));
	json_decref(list);
	list = JSON(f, "leave", "list", "--meeting", "2", "--json");
	assert_ids(list, IDS(3));
	json_decref(list);
	run_result r = RUN(f, "leave", "list", "--pending");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "#2    meeting #1  副职甲: 出差  [pending]  goes to 县长\n"
				   "#3    meeting #2  副职乙: 培训  [pending]  goes to 县长\n");
	test_run_free(&r);
	r = RUN(f, "leave", "list");
	assert_contains(r.out, "#1    meeting #1  农业农村局局长: 下乡  [approved]  goes to "
			       "乌恰县人民政府办公室, the meeting's chair  (written)  substitute: "
			       "农业农村局副局长  decided by 办公室主任\n");
	test_run_free(&r);
}

static void test_leave_decision_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "leave", "approve", "1", "--by", "首长");
	REFUSED(f, "leave request #1 is approved already", "leave", "approve", "1", "--by", "首长");
	REFUSED(f, "leave request #1 is approved already", "leave", "reject", "1", "--by", "首长");
	REFUSED(f, "no leave request #9", "leave", "approve", "9", "--by", "首长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职乙", "--reason", "培训");
	REFUSED(f, "no person '无名'", "leave", "approve", "2", "--by", "无名");
	REFUSED(f, "'x' is not a number", "leave", "approve", "x", "--by", "首长");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 1), "state", "pending");
	json_decref(list);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_wuqia_department_head_asks_the_chair_or_the_office),
		TEST(test_wuqia_delegated_chair_decides_department_heads_not_leaders),
		TEST(test_ili_leave_goes_to_the_chair),
		TEST(test_yiwu_leave_goes_to_the_head),
		TEST(test_second_leave_request_is_refused),
		TEST(test_leave_request_mistakes_change_nothing),
		TEST(test_substitute_is_a_deputy_of_the_same_department),
		TEST(test_substitute_refused_where_the_rules_allow_none),
		TEST(test_approved_substitute_is_invited),
		TEST(test_leave_list_pending_and_json),
		TEST(test_leave_decision_mistakes_change_nothing),
	};
#undef TEST
	return cmocka_run_group_tests_name("leave", tests, NULL, NULL);
}
