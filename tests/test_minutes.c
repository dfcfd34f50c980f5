/* Minutes: drafted after the meeting, signed by whom the rules name, frozen and amended, through the command line as the office's clerk uses it.
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

static void test_minutes_drafted_only_after_the_meeting_is_held(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	REFUSED(f, "meeting #1 has not been held: mark it held first", "minutes", "draft", "1",
		"--text", "纪要");
	OK(f, "meeting", "held", "1");
	LOGGED(f, "minutes draft", false, true, "minutes", "draft", "1", "--text", "纪要初稿");
	/* Redrafting replaces the draft. */
	size_t entries = fixture_log_entries(f);
	OK(f, "minutes", "draft", "1", "--text", "纪要二稿");
	json_t *entry = fixture_expect_logged(f, entries, "minutes draft", true, true);
	assert_json_string(json_object_get(entry, "before"), "text", "纪要初稿");
	assert_json_string(json_object_get(entry, "after"), "text", "纪要二稿");
	json_decref(entry);
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_int(minutes, "meeting", 1);
	assert_json_string(minutes, "state", "drafted");
	assert_json_string(minutes, "text", "纪要二稿");
	assert_json_null(minutes, "signed_by");
	assert_json_null(minutes, "audit_head");
	assert_json_int(minutes, "amendments", 0);
	json_decref(minutes);
	run_result r = RUN(f, "minutes", "show", "1");
	assert_string_equal(r.out, "draft\n纪要二稿\n");
	test_run_free(&r);
	REFUSED(f, "say the minutes' text (--text)", "minutes", "draft", "1");
	REFUSED(f, "meeting #2 has not been held", "minutes", "draft", "2", "--text", "纪要");
	REFUSED(f, "no meeting #99", "minutes", "draft", "99", "--text", "纪要");
}

static void test_executive_minutes_are_signed_by_the_head(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", "--chair", "常务副职");
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	/* Even the chair by delegation does not sign (art. 45). */
	REFUSED(f,
		"常务副职 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕",
		"minutes", "sign", "1", "--by", "常务副职");
	REFUSED(f,
		"副职甲 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕",
		"minutes", "sign", "1", "--by", "副职甲");
	REFUSED(f, "办公室主任 may not sign the minutes", "minutes", "sign", "1", "--by", "办公室主任");
	size_t entries = fixture_log_entries(f);
	OK(f, "minutes", "sign", "1", "--by", "首长");
	json_t *entry = fixture_expect_logged(f, entries, "minutes sign", true, true);
	assert_json_string(json_object_get(entry, "before"), "state", "drafted");
	assert_json_string(json_object_get(entry, "after"), "state", "signed");
	json_decref(entry);
	/* Signed minutes carry the head of the audit log as of their signing, which a later
	 * change does not move. */
	run_result head = RUN(f, "log", "--head");
	assert_int_equal(head.status, 0);
	head.out[strcspn(head.out, "\n")] = '\0';
	OK(f, "doc", "add", "--meeting", "1", "--title", "通知");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "state", "signed");
	assert_json_string(minutes, "signed_by", "首长");
	assert_json_string(minutes, "audit_head", head.out);
	json_decref(minutes);
	run_result r = RUN(f, "minutes", "show", "1");
	char expected[256];
	snprintf(expected, sizeof expected, "signed\n纪要\naudit log head at signing: %s\n", head.out);
	assert_string_equal(r.out, expected);
	test_run_free(&r);
	test_run_free(&head);
}

static void test_special_minutes_are_signed_by_the_chair(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "special", "2026-11-19", "--chair", "副职甲");
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "专题会议纪要");
	REFUSED(f,
		"首长 may not sign the minutes of 乌恰县人民政府专题会议: the rules name the meeting's chair 〔恰政发〔2024〕6号 第四十六条〕",
		"minutes", "sign", "1", "--by", "首长");
	REFUSED(f, "副职乙 may not sign the minutes of 乌恰县人民政府专题会议", "minutes", "sign", "1",
		"--by", "副职乙");
	LOGGED(f, "minutes sign", true, true, "minutes", "sign", "1", "--by", "副职甲");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "signed_by", "副职甲");
	json_decref(minutes);
}

/* Wuqia 46 and changji 23: 专题会议纪要由主持召开会议的领导签发，涉及重大事项报县长（市长）审定.
 * The head's approval is recorded, refused to anyone else with the clause; the twin: an
 * executive meeting's minutes have no such step, so approving them is refused. */
static void test_wuqia_46_changji_23_special_minutes_approved_by_the_head(void **state)
{
	static const char *const governments[] = {"wuqia", "changji"};
	static const char *const refusals[] = {
		"副职甲 may not approve the minutes of 乌恰县人民政府专题会议: the rules name 县长 〔恰政发〔2024〕6号 第四十六条〕",
		"副职甲 may not approve the minutes of 昌吉市人民政府专题会议: the rules name 市长 〔昌市政发〔2023〕78号 第二十三条〕",
	};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = fixture_in_test(state, governments[i], TODAY);
		fixture_add_meeting(f, "special", "2026-11-19", "--chair", "副职甲");
		fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
		OK(f, "meeting", "held", "1");
		OK(f, "meeting", "held", "2");
		REFUSED(f, "meeting #1 has no minutes yet: draft them first", "minutes", "approve", "1",
			"--by", "首长");
		OK(f, "minutes", "draft", "1", "--text", "专题会议纪要");
		OK(f, "minutes", "sign", "1", "--by", "副职甲");
		REFUSED(f, refusals[i], "minutes", "approve", "1", "--by", "副职甲");
		USAGE_REFUSED(f, "say who approves with --by P", "minutes", "approve", "1");
		LOGGED(f, "minutes approve", true, true, "minutes", "approve", "1", "--by", "首长");
		REFUSED(f, "the minutes of meeting #1 were approved by 首长 already", "minutes",
			"approve", "1", "--by", "首长");
		json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
		assert_json_string(minutes, "approved_by", "首长");
		assert_json_string(minutes, "approved_on", TODAY);
		assert_json_string(minutes, "signed_by", "副职甲");
		json_decref(minutes);
		run_result r = RUN(f, "minutes", "show", "1");
		assert_non_null(strstr(r.out, "approved by 首长 on " TODAY));
		test_run_free(&r);
		OK(f, "minutes", "draft", "2", "--text", "常务会议纪要");
		REFUSED(f, "the rules name no one to approve the minutes of ", "minutes", "approve",
			"2", "--by", "首长");
		minutes = JSON(f, "minutes", "show", "2", "--json");
		assert_json_null(minutes, "approved_by");
		json_decref(minutes);
	}
}

static void test_signed_minutes_are_frozen_and_amended(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	OK(f, "minutes", "sign", "1", "--by", "首长");
	REFUSED(f, "the minutes of meeting #1 are signed and frozen: correct them by an amendment (see 'huiwu minutes amend')",
		"minutes", "draft", "1", "--text", "改过的纪要");
	REFUSED(f, "the minutes of meeting #1 were signed by 首长 already", "minutes", "sign", "1",
		"--by", "首长");
	REFUSED(f, "副职甲 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕", "minutes", "amend", "1",
		"--text", "补充", "--by", "副职甲");
	REFUSED(f, "say the minutes' text (--text)", "minutes", "amend", "1", "--by", "首长");

	size_t entries = fixture_log_entries(f);
	OK(f, "minutes", "amend", "1", "--text", "补充第三条", "--by", "首长");
	json_t *entry = fixture_expect_logged(f, entries, "minutes amend", false, true);
	assert_json_int(entry, "meeting", 1);
	assert_json_string(json_object_get(entry, "after"), "text", "补充第三条");
	assert_json_int(json_object_get(entry, "after"), "by_id", 1);
	json_decref(entry);
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "text", "纪要");
	assert_json_string(minutes, "state", "signed");
	assert_json_int(minutes, "amendments", 1);
	json_t *listed = json_array_get(json_object_get(minutes, "amendment_list"), 0);
	assert_json_string(listed, "text", "补充第三条");
	assert_json_string(listed, "by", "首长");
	json_decref(minutes);
	run_result shown = RUN(f, "minutes", "show", "1");
	assert_contains(shown.out, "纪要\n");
	assert_contains(shown.out, "by 首长: 补充第三条\n");
	test_run_free(&shown);
	LOGGED(f, "minutes amend", false, true, "minutes", "amend", "1", "--text", "更正日期", "--by",
	       "首长");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(json_object_get(meeting, "minutes"), "amendments", 2);
	assert_json_string(json_object_get(meeting, "minutes"), "text", "纪要");
	json_decref(meeting);
}

static void test_minutes_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	REFUSED(f, "meeting #1 has no minutes yet: draft them first", "minutes", "sign", "1", "--by",
		"首长");
	REFUSED(f, "the minutes of meeting #1 are not signed", "minutes", "amend", "1", "--text", "补充",
		"--by", "首长");
	REFUSED(f, "meeting #1 has no minutes yet", "minutes", "show", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	REFUSED(f, "the minutes of meeting #1 are not signed: edit the draft (see 'huiwu minutes draft')",
		"minutes", "amend", "1", "--text", "补充", "--by", "首长");
	REFUSED(f, "no person '无名'", "minutes", "sign", "1", "--by", "无名");
	REFUSED(f, "'one' is not a number", "minutes", "show", "one");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "state", "drafted");
	assert_json_int(minutes, "amendments", 0);
	json_decref(minutes);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_minutes_drafted_only_after_the_meeting_is_held),
		TEST(test_executive_minutes_are_signed_by_the_head),
		TEST(test_special_minutes_are_signed_by_the_chair),
		TEST(test_wuqia_46_changji_23_special_minutes_approved_by_the_head),
		TEST(test_signed_minutes_are_frozen_and_amended),
		TEST(test_minutes_mistakes_change_nothing),
	};
#undef TEST
	return cmocka_run_group_tests_name("minutes", tests, NULL, NULL);
}
