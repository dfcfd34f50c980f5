/* The office's own settings (src/core/office.h): a target for signing minutes that no document
 * sets. Off by default, nothing about a minutes deadline appears anywhere; set, `deadlines`, the
 * agenda and `huiwu check` show it as the office's own target, never citing an article. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23. Meeting #1 on Monday 2026-11-02 is held with its minutes drafted
 * and not signed: five working days after it is Monday 2026-11-09, ten working days ago. */
#define TODAY "2026-11-23"

static fixture *held_meeting_with_unsigned_minutes(void **state, const char *government)
{
	fixture *f = fixture_in_test(state, government, TODAY);
	fixture_add_meeting(f, "executive", "2026-11-02", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	return f;
}

/* The finding with `code` in `huiwu check --json`, or NULL; *found counts them. */
static json_t *finding_of(json_t *findings, const char *code, int *found)
{
	json_t *match = NULL, *item;
	size_t i;
	*found = 0;
	json_array_foreach(findings, i, item)
	{
		if (strcmp(json_string_value(json_object_get(item, "code")), code) == 0) {
			match = item;
			(*found)++;
		}
	}
	return match;
}

static void test_office_minutes_target_off_by_default_says_nothing_about_minutes(void **state)
{
	fixture *f = held_meeting_with_unsigned_minutes(state, "wuqia");
	json_t *shown = JSON(f, "office", "show", "--json");
	assert_json_null(shown, "minutes_target");
	json_decref(shown);
	/* Minutes long unsigned: no due date, no finding, nothing in the agenda but the wait. */
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
	fixture_expect_quiet(f, STRINGS("deadlines"), "");
	json_t *findings = JSON(f, "check", "--json");
	int found;
	finding_of(findings, "MINUTES_PAST_OFFICE_TARGET", &found);
	assert_int_equal(found, 0);
	json_decref(findings);
	json_t *agenda = JSON(f, "agenda", "--json");
	json_t *waiting = json_array_get(json_object_get(agenda, "waiting"), 0);
	assert_json_string(waiting, "kind", "minutes");
	assert_keys(waiting, STRINGS("kind", "id", "meeting", "text"));
	json_decref(agenda);
	run_result r = RUN(f, "agenda");
	assert_null(strstr(r.out, "target"));
	test_run_free(&r);
}

static void test_office_minutes_target_set_is_shown_as_the_office_s_own(void **state)
{
	fixture *f = held_meeting_with_unsigned_minutes(state, "changji");
	LOGGED(f, "office set", true, true, "office", "set", "minutes-target", "5");
	json_t *shown = JSON(f, "office", "show", "--json");
	assert_json_int(shown, "minutes_target", 5);
	json_decref(shown);

	json_t *deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	json_t *item = json_array_get(deadlines, 0);
	assert_json_string(item, "kind", "minutes");
	assert_json_bool(item, "office_target", true);
	assert_json_null(item, "clause"); /* no article sets it */
	assert_json_null(item, "document");
	assert_json_int(item, "meeting", 1);
	assert_json_string(item, "due", "2026-11-09");
	assert_json_int(item, "workdays_left", -10);
	assert_json_bool(item, "overdue", true);
	json_decref(deadlines);
	run_result r = RUN(f, "deadlines");
	assert_contains(r.out, "office's own target: 5 working days, not an article");
	assert_null(strstr(r.out, "〔"));
	test_run_free(&r);

	/* An information, not a breach of a rule: no clause, and it says whose target it is. */
	json_t *findings = JSON(f, "check", "--json");
	int found;
	json_t *finding = finding_of(findings, "MINUTES_PAST_OFFICE_TARGET", &found);
	assert_int_equal(found, 1);
	assert_json_string(finding, "severity", "info");
	assert_json_int(finding, "meeting", 1);
	assert_json_string(finding, "clause", "");
	assert_contains(json_string_value(json_object_get(finding, "message")), "办公室自定目标");
	assert_contains(json_string_value(json_object_get(finding, "message")), "非工作规则条款");
	json_decref(findings);

	json_t *agenda = JSON(f, "agenda", "--json");
	json_t *target = json_object_get(json_array_get(json_object_get(agenda, "waiting"), 0),
					 "office_target");
	assert_json_string(target, "due", "2026-11-09");
	assert_json_int(target, "workdays_left", -10);
	json_decref(agenda);

	/* Off again: nothing about minutes anywhere. */
	OK(f, "office", "set", "minutes-target", "off");
	fixture_expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
}

static void test_office_minutes_target_met_or_not_yet_due_raises_nothing(void **state)
{
	fixture *f = held_meeting_with_unsigned_minutes(state, "ili");
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "2");
	OK(f, "office", "set", "minutes-target", "5");
	OK(f, "minutes", "sign", "1", "--by", "首长");
	/* #1 signed: nothing; #2 (not drafted yet) due 2026-11-27, four working days left. */
	json_t *deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	json_t *item = json_array_get(deadlines, 0);
	assert_json_int(item, "meeting", 2);
	assert_json_string(item, "due", "2026-11-27");
	assert_json_int(item, "workdays_left", 4);
	assert_json_bool(item, "overdue", false);
	json_decref(deadlines);
	json_t *findings = JSON(f, "check", "--json");
	int found;
	finding_of(findings, "MINUTES_PAST_OFFICE_TARGET", &found);
	assert_int_equal(found, 0);
	json_decref(findings);
}

static void test_office_setting_mistakes_change_nothing(void **state)
{
	fixture *f = held_meeting_with_unsigned_minutes(state, "kizilsu");
	REFUSED(f, "the minutes target is a number of working days from 1 to 60, or off", "office",
		"set", "minutes-target", "0");
	REFUSED(f, "from 1 to 60, or off", "office", "set", "minutes-target", "61");
	REFUSED(f, "from 1 to 60, or off", "office", "set", "minutes-target", " 5");
	REFUSED(f, "from 1 to 60, or off", "office", "set", "minutes-target", "五");
	USAGE_REFUSED(f, "'deadline' is not an office setting: say minutes-target", "office", "set",
		      "deadline", "5");
	USAGE_REFUSED(f, "say set or show", "office", "unset");
	USAGE_REFUSED(f, "office set", "office", "set", "minutes-target");
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_office_minutes_target_off_by_default_says_nothing_about_minutes),
		TEST(test_office_minutes_target_set_is_shown_as_the_office_s_own),
		TEST(test_office_minutes_target_met_or_not_yet_due_raises_nothing),
		TEST(test_office_setting_mistakes_change_nothing),
	};
#undef TEST
	return cmocka_run_group_tests_name("office", tests, NULL, NULL);
}
