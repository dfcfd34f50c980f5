/* Meetings: added with the members and chairs the rules give, shown, listed, edited, held, invited to, through the command line as the office's clerk uses it.
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

static void test_meeting_add_prints_the_id_and_defaults_the_chair(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time",
			   "09:30");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	assert_string_equal(r.err, "");
	test_run_free(&r);
	json_t *entry = fixture_expect_logged(f, entries, "meeting add", false, true);
	assert_json_int(entry, "meeting", 1);
	json_decref(entry);

	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "id", 1);
	assert_json_string(meeting, "type", "executive");
	assert_json_string(meeting, "type_name", "乌恰县人民政府常务会议");
	assert_json_string(meeting, "title", "乌恰县人民政府常务会议");
	assert_json_string(meeting, "date", "2026-11-25");
	assert_json_string(meeting, "start", "09:30");
	assert_json_null(meeting, "end");
	assert_json_null(meeting, "location");
	assert_json_string(meeting, "chair", "首长");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_json_null(meeting, "adhoc_reason");
	assert_json_string(meeting, "status", "planned");
	assert_json_int(meeting, "sequence", 0);
	assert_contains(json_string_value(json_object_get(meeting, "uid")), "@wuqia.huiwu");
	json_decref(meeting);

	r = RUN(f, "meeting", "add", "--type", "plenary", "--date", "2026-11-27", "--time", "09:30",
		"--end", "11:30", "--title", "第一次全体会议", "--location", "三楼会议室");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2\n");
	test_run_free(&r);
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "type", "plenary");
	assert_json_string(meeting, "title", "第一次全体会议");
	assert_json_string(meeting, "end", "11:30");
	assert_json_string(meeting, "location", "三楼会议室");
	assert_json_string(meeting, "chair", "首长");
	json_decref(meeting);
	r = RUN(f, "meeting", "show", "2");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "#2 第一次全体会议\n");
	assert_contains(r.out, "  when: 2026-11-27 09:30-11:30\n");
	assert_contains(r.out, "  chair: 首长\n");
	assert_contains(r.out, "  status: planned\n");
	test_run_free(&r);
}

static void test_wuqia_executive_invites_members_and_sitters_in(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	json_t *attendees = json_object_get(meeting, "attendees");
	assert_int_equal(json_array_size(attendees), 6);
	static const char *const members[] = {"首长", "常务副职", "副职甲", "副职乙", "办公室主任"};
	for (size_t i = 0; i < 5; i++)
		assert_attends(meeting, members[i], "member");
	/* 司法局 sits in on every executive meeting (art. 43). */
	assert_attends(meeting, "司法局局长", "sitter_in");
	assert_not_invited(meeting, "农业农村局局长");
	assert_not_invited(meeting, "财政局局长");
	assert_not_invited(meeting, "教育局局长");
	assert_not_invited(meeting, "财政局副局长");
	size_t i;
	json_t *attendee;
	json_array_foreach(attendees, i, attendee)
	{
		assert_keys(attendee, STRINGS("id", "name", "title", "kind", "leave"));
		assert_json_null(attendee, "leave");
	}
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  attendance:\n    member  首长\n    member  常务副职\n");
	assert_contains(r.out, "    sitter-in  司法局局长\n");
	test_run_free(&r);
}

static void test_yiwu_executive_invites_its_member_departments(void **state)
{
	fixture *f = fixture_in_test(state, "yiwu", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_attends(meeting, "首长", "member");
	assert_attends(meeting, "常务副职", "member");
	assert_attends(meeting, "副职甲", "member");
	/* 常务会组成部门 (art. 36): 财政局 is one, 教育局 is not. */
	assert_attends(meeting, "财政局局长", "member");
	assert_not_invited(meeting, "教育局局长");
	assert_not_invited(meeting, "农业农村局局长");
	json_decref(meeting);
}

static void test_plenary_invites_every_department_head(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "plenary", "2026-12-10", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	static const char *const heads[] = {"农业农村局局长", "财政局局长", "教育局局长", "司法局局长"};
	for (size_t i = 0; i < 4; i++)
		assert_attends(meeting, heads[i], "member");
	assert_attends(meeting, "副职乙", "member");
	assert_not_invited(meeting, "农业农村局副局长");
	assert_not_invited(meeting, "财政局工作人员");
	json_decref(meeting);
}

static void test_yiwu_refuses_types_its_rules_do_not_define(void **state)
{
	fixture *f = fixture_in_test(state, "yiwu", TODAY);
	static const char *const types[] = {"special", "office", "study"};
	for (size_t i = 0; i < 3; i++) {
		char needle[256];
		snprintf(needle, sizeof needle,
			 "the rules of 伊吾县人民政府 do not define %s meetings 〔伊政发〔2023〕112号 第三十四条〕",
			 types[i]);
		REFUSED(f, needle, "meeting", "add", "--type", types[i], "--date", "2026-11-25", "--time",
			"09:30");
	}
	run_result r = RUN(f, "meeting", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_a_chair_the_rules_do_not_allow_is_refused(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f,
		"副职甲 may not chair 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十二条〕",
		"meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "副职甲");
	REFUSED(f,
		"办公室主任 may not chair 乌恰县人民政府专题会议: the rules name 县长, 副县长 〔恰政发〔2024〕6号 第四十六条〕",
		"meeting", "add", "--type", "special", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "办公室主任");
	REFUSED(f, "常务副职 may not chair 乌恰县人民政府全体会议: the rules name 县长 〔恰政发〔2024〕6号 第四十一条〕",
		"meeting", "add", "--type", "plenary", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "常务副职");
	REFUSED(f, "no person '无名'", "meeting", "add", "--type", "executive", "--date", "2026-11-25",
		"--time", "09:30", "--chair", "无名");
	/* Ili knows no delegation of the executive meeting's chair. */
	fixture *ili = fixture_in_test(state, "ili", TODAY);
	REFUSED(ili,
		"常务副职 may not chair 伊犁哈萨克自治州人民政府常务会议: the rules name 州长 〔伊州政规〔2023〕2号 第十八条〕",
		"meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "常务副职");
}

static void test_wuqia_executive_chaired_by_delegation(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	assert_int_equal(fixture_add_meeting(f, "executive", "2026-11-25", "--chair", "常务副职"), 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "常务副职");
	assert_json_bool(meeting, "chair_delegated", true);
	assert_attends(meeting, "常务副职", "member");
	assert_attends(meeting, "首长", "member");
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  chair: 常务副职 (by delegation)\n");
	test_run_free(&r);
	/* A deputy chairs a special meeting in their own right. */
	assert_int_equal(fixture_add_meeting(f, "special", "2026-11-26", "--chair", "副职甲"), 2);
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "chair", "副职甲");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_attends(meeting, "副职甲", "member");
	json_decref(meeting);
}

static void test_meeting_add_date_and_time_mistakes(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
#define ADD_EXECUTIVE "meeting", "add", "--type", "executive"
	REFUSED(f, "'2026-11-31' is not a date", ADD_EXECUTIVE, "--date", "2026-11-31", "--time", "09:30");
	REFUSED(f, "'2026/11/30' is not a date", ADD_EXECUTIVE, "--date", "2026/11/30", "--time", "09:30");
	REFUSED(f, "'9:30' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "9:30");
	REFUSED(f, "'25:00' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "25:00");
	REFUSED(f, "'09:60' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "09:60");
	REFUSED(f, "the meeting ends (09:00) before it starts (09:30)", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--end", "09:00");
	REFUSED(f, "the meeting ends (09:30) before it starts (09:30)", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--end", "09:30");
	REFUSED(f, "'11:3' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "09:30",
		"--end", "11:3");
	REFUSED(f, "say the meeting's date (YYYY-MM-DD) (--date)", ADD_EXECUTIVE, "--time", "09:30");
	REFUSED(f, "say when the meeting starts (HH:MM) (--time)", ADD_EXECUTIVE, "--date", "2026-11-30");
	REFUSED(f, "the title is empty or too long", ADD_EXECUTIVE, "--date", "2026-11-30", "--time",
		"09:30", "--title", "");
	REFUSED(f, "only special-topic meetings are marked decision-type", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--decision", "yes");
#undef ADD_EXECUTIVE
	REFUSED(f, "unknown meeting type 'weekly'", "meeting", "add", "--type", "weekly", "--date",
		"2026-11-30", "--time", "09:30");
	REFUSED(f, "say the meeting's type (plenary, executive, office, special, study, dept_wide) (--type)", "meeting", "add", "--date", "2026-11-30",
		"--time", "09:30");
	run_result r = RUN(f, "meeting", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_adhoc_meeting_needs_its_reason(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "an ad-hoc meeting needs its reason (--adhoc)", "meeting", "add", "--type",
		"executive", "--date", "2026-11-30", "--time", "09:30", "--adhoc", "");
	assert_int_equal(fixture_add_meeting(f, "executive", "2026-11-30", "--adhoc", "防汛抢险"), 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "adhoc_reason", "防汛抢险");
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  ad hoc: 防汛抢险\n");
	test_run_free(&r);
	/* Changji's study sessions are every two months, with no ad-hoc clause (art. 26). */
	fixture *changji = fixture_in_test(state, "changji", TODAY);
	REFUSED(changji, "the rules allow no ad-hoc 昌吉市人民政府专题学习 〔昌市政发〔2023〕78号 第二十六条〕",
		"meeting", "add", "--type", "study", "--date", "2026-11-30", "--time", "09:30",
		"--adhoc", "临时学习");
}

static void test_dept_wide_meeting_needs_a_department_and_has_no_chair(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "a department-wide meeting needs its department (--dept)", "meeting", "add",
		"--type", "dept_wide", "--date", "2026-11-30", "--time", "09:30");
	REFUSED(f, "a department-wide meeting is the department's own: it has no chair", "meeting",
		"add", "--type", "dept_wide", "--date", "2026-11-30", "--time", "09:30", "--dept",
		"教育局", "--chair", "首长");
	REFUSED(f, "no department '水利局'", "meeting", "add", "--type", "dept_wide", "--date",
		"2026-11-30", "--time", "09:30", "--dept", "水利局");
	REFUSED(f, "the department, the request date, the deputy's consent and the government's approval are for department-wide meetings",
		"meeting", "add", "--type", "executive", "--date", "2026-11-30", "--time", "09:30",
		"--dept", "教育局");
	assert_int_equal(OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-11-30",
			    "--time", "09:30", "--dept", "教育局", "--requested", "2026-11-02",
			    "--deputy-consent", "yes"),
			 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "type", "dept_wide");
	assert_json_string(meeting, "title", "全县性会议");
	assert_json_null(meeting, "chair");
	assert_json_string(meeting, "department", "教育局");
	assert_json_string(meeting, "requested_on", "2026-11-02");
	assert_json_bool(meeting, "deputy_consent", true);
	assert_json_bool(meeting, "government_approved", false);
	assert_int_equal(json_array_size(json_object_get(meeting, "attendees")), 0);
	json_decref(meeting);
	REFUSED(f, "it has no chair from the government", "meeting", "edit", "1", "--chair", "首长");
	REFUSED(f, "are for department-wide meetings", "meeting", "add", "--type", "executive",
		"--date", "2026-11-30", "--time", "09:30", "--approved", "yes");
	OK(f, "meeting", "edit", "1", "--approved", "yes");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_bool(meeting, "government_approved", true);
	json_decref(meeting);
}

static void test_meeting_show_json(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲");
	OK(f, "topic", "schedule", "1", "--meeting", "1");

	json_t *meeting = JSON(f, "meeting", "show", "#1", "--json");
	json_t *attendees = json_object_get(meeting, "attendees");
	json_t *absent = fixture_find_named(attendees, "农业农村局局长");
	assert_json_string(absent, "kind", "sitter_in");
	assert_json_string(absent, "leave", "approved");
	assert_json_string(absent, "substitute", "农业农村局副局长");
	json_t *substitute = fixture_find_named(attendees, "农业农村局副局长");
	assert_json_string(substitute, "kind", "sitter_in");
	assert_json_null(substitute, "leave");
	assert_json_string(fixture_find_named(attendees, "副职甲"), "leave", "pending");
	assert_json_null(fixture_find_named(attendees, "副职乙"), "leave");
	json_t *topics = json_object_get(meeting, "topics");
	assert_int_equal(json_array_size(topics), 1);
	json_t *topic = json_array_get(topics, 0);
	assert_keys(topic, STRINGS("id", "title", "state", "deputy", "approved"));
	assert_json_int(topic, "id", 1);
	assert_json_string(topic, "title", "高标准农田建设");
	assert_json_string(topic, "state", "scheduled");
	assert_json_string(topic, "deputy", "副职甲");
	assert_json_bool(topic, "approved", false);
	assert_json_null(meeting, "minutes");
	assert_true(json_is_array(json_object_get(meeting, "findings")));
	json_decref(meeting);

	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "    sitter-in  农业农村局局长  leave: approved  substitute: 农业农村局副局长\n");
	assert_contains(r.out, "    member  副职甲  leave: pending\n");
	assert_contains(r.out, "  topics:\n    #1 高标准农田建设  [scheduled]\n");
	test_run_free(&r);

	/* The minutes, once there are some. */
	OK(f, "meeting", "held", "2");
	OK(f, "minutes", "draft", "2", "--text", "会议议定事项");
	meeting = JSON(f, "meeting", "show", "2", "--json");
	json_t *minutes = json_object_get(meeting, "minutes");
	assert_keys(minutes, STRINGS("state", "text", "signed_by", "amendments"));
	assert_json_string(minutes, "state", "drafted");
	assert_json_string(minutes, "text", "会议议定事项");
	assert_json_null(minutes, "signed_by");
	assert_json_int(minutes, "amendments", 0);
	assert_json_string(meeting, "status", "held");
	json_decref(meeting);

	REFUSED(f, "no meeting #99 (see 'huiwu meeting list')", "meeting", "show", "99");
	REFUSED(f, "'abc' is not a number such as 12 or #12", "meeting", "show", "abc");
}

static void test_meeting_show_prints_nothing_on_stderr(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_expect_quiet(f, STRINGS("meeting", "show", "1", "--json"), NULL);
	fixture_expect_quiet(f, STRINGS("meeting", "show", "1"), NULL);
}

static void test_meeting_list_from_to(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-10", NULL, NULL); /* 1 */
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 2 */
	fixture_add_meeting(f, "plenary", "2027-01-10", NULL, NULL);   /* 3 */
	fixture_add_meeting(f, "executive", "2027-03-01", NULL, NULL); /* 4: beyond 60 days */
	fixture_add_meeting(f, "executive", "2026-10-01", NULL, NULL); /* 5: before 30 days ago */
	/* By default from 30 days ago to 60 days ahead, by date. */
	json_t *list = JSON(f, "meeting", "list", "--json");
	assert_ids(list, IDS(1, 2, 3));
	assert_keys(json_array_get(list, 0),
		    STRINGS("id", "uid", "type", "type_name", "date", "start", "end", "title",
			    "location", "chair", "chair_delegated", "adhoc_reason", "status",
			    "sequence"));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--from", "2026-11-20", "--to", "2026-11-30", "--json");
	assert_ids(list, IDS(2));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--from", "2026-01-01", "--to", "2027-12-31", "--json");
	assert_ids(list, IDS(5, 1, 2, 3, 4));
	json_decref(list);
	run_result r = RUN(f, "meeting", "list", "--from", "2026-11-20", "--to", "2026-11-30");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "#2     2026-11-25 09:30  乌恰县人民政府常务会议  chair: 首长\n");
	test_run_free(&r);
	REFUSED(f, "'2026-11-41' is not a date", "meeting", "list", "--from", "2026-11-41");
	REFUSED(f, "'tomorrow' is not a date", "meeting", "list", "--to", "tomorrow");
}

static void test_meeting_edit_raises_the_sequence(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "edit", "1", "--time", "10:00", "--end", "11:30", "--location", "三楼会议室");
	json_t *entry = fixture_expect_logged(f, entries, "meeting edit", true, true);
	assert_json_int(json_object_get(entry, "before"), "sequence", 0);
	assert_json_string(json_object_get(entry, "before"), "start", "09:30");
	assert_json_int(json_object_get(entry, "after"), "sequence", 1);
	assert_json_string(json_object_get(entry, "after"), "start", "10:00");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "sequence", 1);
	assert_json_string(meeting, "start", "10:00");
	assert_json_string(meeting, "end", "11:30");
	assert_json_string(meeting, "location", "三楼会议室");
	assert_json_string(meeting, "date", "2026-11-25");
	json_decref(meeting);
	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--date", "2026-11-26", "--title",
	       "第五次常务会议");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "sequence", 2);
	assert_json_string(meeting, "date", "2026-11-26");
	assert_json_string(meeting, "title", "第五次常务会议");
	assert_json_string(meeting, "start", "10:00");
	json_decref(meeting);
}

static void test_meeting_edit_revalidates_the_chair(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	REFUSED(f, "副职甲 may not chair 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十二条〕",
		"meeting", "edit", "1", "--chair", "副职甲");
	REFUSED(f, "a meeting's type cannot change", "meeting", "edit", "1", "--type", "plenary");
	REFUSED(f, "the meeting ends (08:00) before it starts (09:30)", "meeting", "edit", "1", "--end",
		"08:00");
	REFUSED(f, "'24:00' is not a time", "meeting", "edit", "1", "--time", "24:00");
	REFUSED(f, "no meeting #99", "meeting", "edit", "99", "--time", "10:00");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_json_int(meeting, "sequence", 0);
	json_decref(meeting);

	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--chair", "常务副职");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "常务副职");
	assert_json_bool(meeting, "chair_delegated", true);
	assert_json_int(meeting, "sequence", 1);
	json_decref(meeting);
	OK(f, "meeting", "edit", "1", "--chair", "首长");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_json_int(meeting, "sequence", 2);
	json_decref(meeting);
}

static void test_cancelled_meeting_cannot_change(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "cancel", "1");
	json_t *entry = fixture_expect_logged(f, entries, "meeting cancel", true, true);
	assert_json_string(json_object_get(entry, "before"), "status", "planned");
	assert_json_string(json_object_get(entry, "after"), "status", "cancelled");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "status", "cancelled");
	assert_json_int(meeting, "sequence", 1);
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "list");
	assert_contains(r.out, "chair: 首长  [cancelled]\n");
	test_run_free(&r);
	REFUSED(f, "meeting #1 is cancelled and cannot be edited", "meeting", "edit", "1", "--time",
		"11:00");
	REFUSED(f, "meeting #1 is cancelled already", "meeting", "cancel", "1");
	REFUSED(f, "meeting #1 is cancelled", "meeting", "held", "1");
	REFUSED(f, "meeting #1 is cancelled", "meeting", "invite", "1", "--person", "教育局局长");
	/* Cancelled by mistake: restored as it was, a new sequence, logged. */
	entries = fixture_log_entries(f);
	OK(f, "meeting", "restore", "1");
	entry = fixture_expect_logged(f, entries, "meeting restore", true, true);
	assert_json_string(json_object_get(entry, "before"), "status", "cancelled");
	assert_json_string(json_object_get(entry, "after"), "status", "planned");
	json_decref(entry);
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "status", "planned");
	assert_json_int(meeting, "sequence", 2);
	json_decref(meeting);
	/* Only a cancelled meeting is restored: a planned or held one is refused, unchanged. */
	REFUSED(f, "meeting #1 is not cancelled: only a cancelled meeting can be restored", "meeting",
		"restore", "1");
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "2");
	REFUSED(f, "meeting #2 is not cancelled: only a cancelled meeting can be restored", "meeting",
		"restore", "2");
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "status", "held");
	json_decref(meeting);
}

static void test_meeting_held(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	fixture_add_meeting(f, "special", TODAY, "--chair", "副职甲");
	REFUSED(f, "meeting #1 is not until 2026-11-25: it cannot have been held", "meeting", "held",
		"1");
	REFUSED(f, "no meeting #9", "meeting", "held", "9");
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "held", "2");
	json_t *entry = fixture_expect_logged(f, entries, "meeting held", true, true);
	assert_json_string(json_object_get(entry, "after"), "status", "held");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "status", "held");
	json_decref(meeting);
	OK(f, "meeting", "held", "3"); /* today */
	REFUSED(f, "meeting #2 is held already", "meeting", "held", "2");
	REFUSED(f, "meeting #2 was held and cannot be cancelled", "meeting", "cancel", "2");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "status", "planned");
	json_decref(meeting);
}

/* A meeting cannot be held before its date, so a held meeting cannot move into the future. */
static void test_held_meeting_cannot_move_into_the_future(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	REFUSED(f, "held", "meeting", "edit", "1", "--date", "2026-12-10");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "date", "2026-11-20");
	json_decref(meeting);
}

static void test_invite_guests_and_staff(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "guest");
	json_t *entry = fixture_expect_logged(f, entries, "meeting invite", false, true);
	assert_json_int(entry, "meeting", 1);
	assert_json_string(json_object_get(entry, "after"), "kind", "guest");
	assert_json_int(json_object_get(entry, "after"), "person_id", 12);
	json_decref(entry);
	LOGGED(f, "meeting invite", false, true, "meeting", "invite", "1", "--person", "财政局工作人员",
	       "--as", "staff");
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长"); /* sitter_in by default */
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "教育局局长", "guest");
	assert_attends(meeting, "财政局工作人员", "staff");
	assert_attends(meeting, "农业农村局局长", "sitter_in");
	assert_int_equal(json_array_size(json_object_get(meeting, "attendees")), 9);
	json_decref(meeting);

	REFUSED(f, "财政局副局长 is not a staff member (role staff)", "meeting", "invite", "1",
		"--person", "财政局副局长", "--as", "staff");
	REFUSED(f, "no person '无名'", "meeting", "invite", "1", "--person", "无名");
	REFUSED(f, "no meeting #99", "meeting", "invite", "99", "--person", "教育局局长");
	USAGE_REFUSED(f, "say who with --person P", "meeting", "invite", "1");
	saved_state before = fixture_save_state(f);
	run_result r = RUN(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "boss");
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "--as takes member, sitter_in, guest or staff, not 'boss'");
	test_run_free(&r);
	char *after = fixture_dump_database(f);
	assert_string_equal(after, before.dump);
	free(after);
	free(before.dump);
}

static void test_uninvite(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "guest");
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "uninvite", "1", "--person", "教育局局长");
	json_t *entry = fixture_expect_logged(f, entries, "meeting uninvite", true, false);
	assert_json_string(json_object_get(entry, "before"), "kind", "guest");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_not_invited(meeting, "教育局局长");
	json_decref(meeting);
	REFUSED(f, "首长 chairs meeting #1: change the chair first", "meeting", "uninvite", "1",
		"--person", "首长");
	REFUSED(f, "教育局局长 is not invited to meeting #1", "meeting", "uninvite", "1", "--person",
		"教育局局长");
	REFUSED(f, "no person '无名'", "meeting", "uninvite", "1", "--person", "无名");
	/* The chair by delegation cannot be uninvited either. */
	fixture_add_meeting(f, "executive", "2026-11-26", "--chair", "常务副职");
	REFUSED(f, "常务副职 chairs meeting #2: change the chair first", "meeting", "uninvite", "2",
		"--person", "常务副职");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "首长", "member");
	json_decref(meeting);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_meeting_add_prints_the_id_and_defaults_the_chair),
		TEST(test_wuqia_executive_invites_members_and_sitters_in),
		TEST(test_yiwu_executive_invites_its_member_departments),
		TEST(test_plenary_invites_every_department_head),
		TEST(test_yiwu_refuses_types_its_rules_do_not_define),
		TEST(test_a_chair_the_rules_do_not_allow_is_refused),
		TEST(test_wuqia_executive_chaired_by_delegation),
		TEST(test_meeting_add_date_and_time_mistakes),
		TEST(test_adhoc_meeting_needs_its_reason),
		TEST(test_dept_wide_meeting_needs_a_department_and_has_no_chair),
		TEST(test_meeting_show_json),
		TEST(test_meeting_show_prints_nothing_on_stderr),
		TEST(test_meeting_list_from_to),
		TEST(test_meeting_edit_raises_the_sequence),
		TEST(test_meeting_edit_revalidates_the_chair),
		TEST(test_cancelled_meeting_cannot_change),
		TEST(test_meeting_held),
		TEST(test_held_meeting_cannot_move_into_the_future),
		TEST(test_invite_guests_and_staff),
		TEST(test_uninvite),
	};
#undef TEST
	return cmocka_run_group_tests_name("meetings", tests, NULL, NULL);
}
