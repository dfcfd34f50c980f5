/* Documents and their deadlines in working days, through the command line as the office's clerk uses it.
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

static void test_documents_only_for_held_meetings(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	REFUSED(f, "meeting #1 has not been held: mark it held first", "doc", "add", "--meeting", "1",
		"--title", "关于冬季供暖的通知");
	REFUSED(f, "meeting #2 has not been held", "doc", "add", "--meeting", "2", "--title",
		"关于冬季供暖的通知");
	OK(f, "meeting", "held", "2");
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "doc", "add", "--meeting", "2", "--title", "关于冬季供暖的通知");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	test_run_free(&r);
	json_t *entry = fixture_expect_logged(f, entries, "doc add", false, true);
	assert_json_int(entry, "meeting", 2);
	json_decref(entry);
	REFUSED(f, "say the document's title (--title)", "doc", "add", "--meeting", "2");
	REFUSED(f, "no meeting #99", "doc", "add", "--meeting", "99", "--title", "通知");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_int_equal(json_array_size(list), 1);
	json_t *document = json_array_get(list, 0);
	assert_keys(document, STRINGS("id", "meeting", "title", "handed_over_on", "submitted_on",
				      "issued_on", "due", "step", "step_label"));
	assert_json_int(document, "meeting", 2);
	assert_json_string(document, "title", "关于冬季供暖的通知");
	assert_json_null(document, "handed_over_on");
	assert_json_null(document, "issued_on");
	/* Seven working days after Friday 2026-11-20. */
	assert_json_string(document, "due", "2026-12-01");
	assert_json_string(document, "step", "issue");
	assert_json_string(document, "step_label", "印发");
	json_decref(list);
	r = RUN(f, "doc", "list", "--meeting", "2");
	assert_string_equal(r.out, "#1    meeting #2  关于冬季供暖的通知  印发: due 2026-12-01\n");
	test_run_free(&r);
	r = RUN(f, "doc", "list", "--meeting", "1", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_yiwu_documents_are_handed_over_then_issued(void **state)
{
	fixture *f = fixture_in_test(state, "yiwu", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-16", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于农田建设的通知");
	/* 4 working days to hand over: Friday 2026-11-20, one working day ago. */
	json_t *deadlines = JSON(f, "deadlines", "--json");
	json_t *first = json_array_get(deadlines, 0);
	assert_json_string(first, "kind", "handover");
	assert_json_int(first, "document", 1);
	assert_json_string(first, "due", "2026-11-20");
	assert_json_int(first, "workdays_left", -1);
	assert_json_bool(first, "overdue", true);
	assert_json_string(first, "clause", "伊政发〔2023〕112号 第三十九条");
	json_decref(deadlines);
	run_result r = RUN(f, "doc", "list");
	assert_string_equal(r.out, "#1    meeting #1  关于农田建设的通知  由组织发起单位报政府办公室: due 2026-11-20\n");
	test_run_free(&r);

	REFUSED(f,
		"document #1 must first pass the step '由组织发起单位报政府办公室' 〔伊政发〔2023〕112号 第三十九条〕",
		"doc", "issue", "1");
	size_t entries = fixture_log_entries(f);
	OK(f, "doc", "handover", "1", "--on", "2026-11-19");
	json_t *entry = fixture_expect_logged(f, entries, "doc handover", true, true);
	assert_json_null(json_object_get(entry, "before"), "handed_over_on");
	assert_json_string(json_object_get(entry, "after"), "handed_over_on", "2026-11-19");
	json_decref(entry);
	/* Then 3 working days for the office: Tuesday 2026-11-24. */
	deadlines = JSON(f, "deadlines", "--json");
	first = json_array_get(deadlines, 0);
	assert_json_string(first, "kind", "issue");
	assert_json_string(first, "due", "2026-11-24");
	assert_json_int(first, "workdays_left", 1);
	assert_json_bool(first, "overdue", false);
	json_decref(deadlines);
	r = RUN(f, "doc", "list");
	assert_string_equal(r.out, "#1    meeting #1  关于农田建设的通知  由组织发起单位报政府办公室: done 2026-11-19  由政府办公室印发: due 2026-11-24\n");
	test_run_free(&r);
	REFUSED(f, "document #1 has passed the step '由组织发起单位报政府办公室' already", "doc", "handover", "1");
	REFUSED(f, "the rules set no such step for the documents of 伊吾县人民政府常务会议: their steps are 由组织发起单位报政府办公室、由政府办公室印发", "doc", "submit", "1");
	REFUSED(f, "that date is before the step '由组织发起单位报政府办公室'", "doc", "issue", "1", "--on", "2026-11-18");
	LOGGED(f, "doc issue", true, true, "doc", "issue", "1");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_json_string(json_array_get(list, 0), "issued_on", TODAY);
	assert_json_null(json_array_get(list, 0), "due");
	json_decref(list);
	REFUSED(f, "document #1 is issued already", "doc", "issue", "1");
	/* Nothing remains due: no document sets a deadline on minutes, signed or not. */
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
	/* One meeting's deadlines: the same for it, none for another. */
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于水利建设的通知");
	fixture_add_meeting(f, "executive", "2026-11-17", NULL, NULL);
	OK(f, "meeting", "held", "2");
	OK(f, "doc", "add", "--meeting", "2", "--title", "关于林业建设的通知");
	deadlines = JSON(f, "deadlines", "--meeting", "1", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	assert_json_int(json_array_get(deadlines, 0), "meeting", 1);
	json_decref(deadlines);
	deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 2);
	json_decref(deadlines);
	fixture_expect_quiet(f, STRINGS("deadlines", "--meeting", "3", "--json"), "[]\n");
	REFUSED(f, "'x' is not", "deadlines", "--meeting", "x");
}

static void test_wuqia_documents_have_no_hand_over_step(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于冬季供暖的通知");
	REFUSED(f, "the rules set no such step for the documents of 乌恰县人民政府常务会议: their steps are 印发 〔恰政发〔2024〕6号 第四十五条〕", "doc",
		"handover", "1");
	REFUSED(f, "their steps are 印发", "doc", "submit", "1");
	REFUSED(f, "that date is before the meeting", "doc", "issue", "1", "--on", "2026-11-19");
	REFUSED(f, "that date is in the future", "doc", "issue", "1", "--on", "2026-11-24");
	REFUSED(f, "'2026-13-01' is not a date", "doc", "issue", "1", "--on", "2026-13-01");
	REFUSED(f, "no document #9", "doc", "issue", "9");
	LOGGED(f, "doc issue", true, true, "doc", "issue", "1", "--on", "2026-11-20");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_json_null(json_array_get(list, 0), "handed_over_on");
	assert_json_string(json_array_get(list, 0), "issued_on", "2026-11-20");
	json_decref(list);
}

/* Changji 22: within 7 working days the documents are submitted to the mayor or a deputy mayor
 * for signature (报…签发), not issued; once submitted nothing more is due. */
static void test_changji_22_documents_are_submitted_for_signature(void **state)
{
	fixture *f = fixture_in_test(state, "changji", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-10", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于冬季供暖的通知");
	json_t *deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	json_t *first = json_array_get(deadlines, 0);
	assert_json_string(first, "kind", "submit");
	assert_json_string(first, "label", "报市长或副市长签发");
	assert_json_string(first, "due", "2026-11-19");
	assert_json_string(first, "clause", "昌市政发〔2023〕78号 第二十二条");
	json_decref(deadlines);
	json_t *findings = JSON(f, "check", "--json");
	size_t i;
	json_t *finding;
	bool found = false;
	json_array_foreach(findings, i, finding)
		if (strcmp(json_string_value(json_object_get(finding, "code")), "DOCUMENT_OVERDUE") == 0) {
			const char *message = json_string_value(json_object_get(finding, "message"));
			assert_contains(message, "应于2026-11-19前报市长或副市长签发");
			assert_not_contains(message, "印发");
			found = true;
		}
	assert_true(found);
	json_decref(findings);
	REFUSED(f, "the rules set no such step for the documents of 昌吉市人民政府常务会议: their steps are 报市长或副市长签发", "doc", "handover", "1");
	REFUSED(f, "document #1 must first pass the step '报市长或副市长签发'", "doc", "issue", "1");
	LOGGED(f, "doc submit", true, true, "doc", "submit", "1", "--on", "2026-11-18");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_json_string(json_array_get(list, 0), "submitted_on", "2026-11-18");
	assert_json_null(json_array_get(list, 0), "handed_over_on");
	assert_json_null(json_array_get(list, 0), "due");
	json_decref(list);
	/* Submitted: the article sets nothing more, so nothing is due or reported. */
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
	findings = JSON(f, "check", "--json");
	json_array_foreach(findings, i, finding)
		assert_string_not_equal(json_string_value(json_object_get(finding, "code")),
					"DOCUMENT_OVERDUE");
	json_decref(findings);
	/* The issue can still be recorded, with no deadline of its own. */
	OK(f, "doc", "issue", "1");
}

static void test_deadlines_with_nothing_due(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
	fixture_expect_quiet(f, STRINGS("deadlines"), "");
	/* A planned meeting owes nothing yet. */
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
}

static void test_deadlines_put_the_overdue_first(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 1: due 2026-12-01 */
	fixture_add_meeting(f, "executive", "2026-11-10", NULL, NULL); /* 2: due 2026-11-19 */
	OK(f, "meeting", "held", "1");
	OK(f, "meeting", "held", "2");
	OK(f, "doc", "add", "--meeting", "1", "--title", "通知甲");
	OK(f, "doc", "add", "--meeting", "2", "--title", "通知乙");
	json_t *deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 2);
	size_t i;
	json_t *item;
	json_array_foreach(deadlines, i, item)
	{
		assert_keys(item, STRINGS("kind", "label", "meeting", "document", "what", "due",
					  "workdays_left", "overdue", "clause", "provisional", "office_target"));
		assert_json_string(item, "label", "印发");
		assert_json_bool(item, "provisional", false); /* inside 2026 */
		assert_json_string(item, "clause", "恰政发〔2024〕6号 第四十五条");
		/* Seven working days after 2026-11-10 is 2026-11-19: two working days late. */
		if (i < 1) {
			assert_json_int(item, "meeting", 2);
			assert_json_string(item, "due", "2026-11-19");
			assert_json_int(item, "workdays_left", -2);
			assert_json_bool(item, "overdue", true);
		} else {
			assert_json_int(item, "meeting", 1);
			assert_json_string(item, "due", "2026-12-01");
			assert_json_int(item, "workdays_left", 6);
			assert_json_bool(item, "overdue", false);
		}
		/* Unsigned minutes owe nothing: only the documents have a deadline. */
		assert_json_string(item, "kind", "issue");
	}
	json_decref(deadlines);
	run_result r = RUN(f, "deadlines");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 2);
	const char *overdue = "OVERDUE   2 working days  due 2026-11-19  ";
	assert_true(strncmp(r.out, overdue, strlen(overdue)) == 0);
	assert_contains(r.out, "OVERDUE   2 working days  due 2026-11-19  印发  meeting #2  通知乙  〔恰政发〔2024〕6号 第四十五条〕\n");
	assert_contains(r.out, "  6 working days left   due 2026-12-01  印发  meeting #1  通知甲  〔恰政发〔2024〕6号 第四十五条〕\n");
	assert_not_contains(r.out, "minutes");
	test_run_free(&r);
	/* Signed minutes and an issued document are no longer due. */
	OK(f, "minutes", "draft", "2", "--text", "纪要");
	OK(f, "minutes", "sign", "2", "--by", "首长");
	OK(f, "doc", "issue", "2");
	deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	json_array_foreach(deadlines, i, item)
		assert_json_bool(item, "overdue", false);
	json_decref(deadlines);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_documents_only_for_held_meetings),
		TEST(test_yiwu_documents_are_handed_over_then_issued),
		TEST(test_wuqia_documents_have_no_hand_over_step),
		TEST(test_changji_22_documents_are_submitted_for_signature),
		TEST(test_deadlines_with_nothing_due),
		TEST(test_deadlines_put_the_overdue_first),
	};
#undef TEST
	return cmocka_run_group_tests_name("documents", tests, NULL, NULL);
}
