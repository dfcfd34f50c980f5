/* Topics: proposed, approved by whom the rules name, scheduled, decided, deferred, through the command line as the office's clerk uses it.
 * Each test works on a copy of the standard roster (tests/fixture.h), does the thing right once,
 * then makes the mistakes a clerk makes: a refused command exits 1 with exactly one line on
 * standard error and changes nothing (REFUSED). The rule engine's findings are tested in
 * test_checks.c. */
#include "fixture.h"

#include "session.h"
#include "topics.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

static void test_topic_add_show_and_list(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲", "--dept",
			   "农业农村局", "--studied", "2026-11-10");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	test_run_free(&r);
	json_decref(fixture_expect_logged(f, entries, "topic add", false, true));
	assert_int_equal(OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--dept",
			    "财政局", "--matters", "funds,projects", "--agreed"),
			 2);
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_int(topic, "id", 1);
	assert_json_string(topic, "title", "高标准农田建设");
	assert_json_string(topic, "state", "proposed");
	assert_json_string(topic, "deputy", "副职甲");
	assert_json_string(topic, "department", "农业农村局");
	assert_strings(json_object_get(topic, "matters"), STRINGS(NULL));
	assert_json_bool(topic, "matters_agreed", false);
	assert_json_string(topic, "studied_on", "2026-11-10");
	assert_json_null(topic, "approved_by");
	assert_json_null(topic, "meeting");
	assert_json_null(topic, "decision");
	json_decref(topic);
	topic = JSON(f, "topic", "show", "2", "--json");
	assert_strings(json_object_get(topic, "matters"), STRINGS("projects", "funds"));
	assert_json_bool(topic, "matters_agreed", true);
	assert_json_null(topic, "studied_on");
	json_decref(topic);
	json_t *list = JSON(f, "topic", "list", "--json");
	assert_ids(list, IDS(1, 2));
	json_decref(list);
	r = RUN(f, "topic", "list");
	assert_string_equal(r.out, "#1    高标准农田建设  [proposed]  in charge: 副职甲\n"
				   "#2    预算调整  [proposed]  in charge: 副职甲\n");
	test_run_free(&r);
	LOGGED(f, "topic edit", true, true, "topic", "edit", "1", "--title", "高标准农田建设项目");
	topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "title", "高标准农田建设项目");
	json_decref(topic);
}

static void test_topic_add_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "say the topic's title (--title)", "topic", "add", "--deputy", "副职甲");
	REFUSED(f, "农业农村局局长 is not a government leader and cannot be a topic's deputy in charge",
		"topic", "add", "--title", "议题", "--deputy", "农业农村局局长");
	REFUSED(f, "unknown matter 'money'", "topic", "add", "--title", "议题", "--matters", "money");
	REFUSED(f, "no department '水利局'", "topic", "add", "--title", "议题", "--dept", "水利局");
	REFUSED(f, "'2026-02-30' is not a date", "topic", "add", "--title", "议题", "--studied",
		"2026-02-30");
	REFUSED(f, "no person '无名'", "topic", "add", "--title", "议题", "--deputy", "无名");
	REFUSED(f, "no topic #99", "topic", "edit", "99", "--title", "议题");
	REFUSED(f, "no topic #99", "topic", "show", "99");
	run_result r = RUN(f, "topic", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_topic_approved_only_by_the_head(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	static const char *const others[] = {"副职甲", "常务副职", "办公室主任", "财政局局长"};
	for (size_t i = 0; i < 4; i++) {
		char needle[256];
		snprintf(needle, sizeof needle,
			 "%s may not approve topics for 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十三条〕",
			 others[i]);
		REFUSED(f, needle, "topic", "approve", "1", "--by", others[i]);
	}
	USAGE_REFUSED(f, "say who approves with --by P", "topic", "approve", "1");
	size_t entries = fixture_log_entries(f);
	OK(f, "topic", "approve", "1", "--by", "首长");
	json_t *entry = fixture_expect_logged(f, entries, "topic approve", true, true);
	assert_json_null(json_object_get(entry, "before"), "approved_by");
	assert_json_int(json_object_get(entry, "after"), "approved_by", 1);
	json_decref(entry);
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "approved");
	assert_json_string(topic, "approved_by", "首长");
	json_decref(topic);
	REFUSED(f, "topic #1 was approved by 首长 already", "topic", "approve", "1", "--by", "首长");
}

/* Changji 21: 经负责常务工作的副市长审核后报市长确定. The mayor approves only a topic the
 * executive deputy has reviewed; no one else reviews it. */
static void test_changji_21_topic_reviewed_by_executive_deputy_before_the_mayor(void **state)
{
	fixture *f = fixture_in_test(state, "changji", TODAY);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	REFUSED(f, "topic #1 is first reviewed by 常务副市长, then approved 〔昌市政发〔2023〕78号 第二十一条〕",
		"topic", "approve", "1", "--by", "首长");
	REFUSED(f, "副职甲 may not review topics for 昌吉市人民政府常务会议: the rules name 常务副市长 〔昌市政发〔2023〕78号 第二十一条〕",
		"topic", "review", "1", "--by", "副职甲");
	USAGE_REFUSED(f, "say who reviews with --by P", "topic", "review", "1");
	LOGGED(f, "topic review", true, true, "topic", "review", "1", "--by", "常务副职");
	REFUSED(f, "topic #1 was reviewed by 常务副职 already", "topic", "review", "1", "--by", "常务副职");
	OK(f, "topic", "approve", "1", "--by", "首长");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "reviewed_by", "常务副职");
	assert_json_string(topic, "approved_by", "首长");
	json_decref(topic);
}

/* The twin: where the text has no review before the head decides (wuqia 43: the deputy in
 * charge 协调或审核), approval needs none, and the review is the deputy in charge's. */
static void test_wuqia_43_topic_approved_without_review_reviewed_by_its_deputy(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "项目调整", "--deputy", "副职甲");
	OK(f, "topic", "approve", "1", "--by", "首长");
	REFUSED(f, "副职乙 may not review topics", "topic", "review", "2", "--by", "副职乙");
	OK(f, "topic", "review", "2", "--by", "副职甲");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_null(topic, "reviewed_by");
	json_decref(topic);
}

/* Changji 21: 议题由市长或副市长提出 — any deputy mayor, not a department. The twin: the
 * mayor and a deputy who is not the topic's own propose; the proposer is recorded. */
static void test_changji_21_topics_proposed_by_the_mayor_or_a_deputy_mayor(void **state)
{
	fixture *f = fixture_in_test(state, "changji", TODAY);
	REFUSED(f, "财政局局长 may not propose topics for 昌吉市人民政府常务会议: the rules name ",
		"topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--proposed-by", "财政局局长");
	REFUSED(f, "第二十一条〕", "topic", "add", "--title", "预算调整", "--proposed-by", "财政局局长");
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--proposed-by", "副职乙");
	OK(f, "topic", "add", "--title", "项目调整", "--proposed-by", "首长");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "proposed_by", "副职乙");
	json_decref(topic);
	run_result r = RUN(f, "topic", "list");
	assert_non_null(strstr(r.out, "proposed by 首长"));
	test_run_free(&r);
}

/* Ili 21: 由自治州州长或自治州人民政府分管领导同志提出 — the head or the topic's own deputy in
 * charge; another deputy may not. */
static void test_ili_21_topics_proposed_by_the_head_or_the_deputy_in_charge(void **state)
{
	fixture *f = fixture_in_test(state, "ili", TODAY);
	REFUSED(f, "副职乙 may not propose topics for ", "topic", "add", "--title", "预算调整",
		"--deputy", "副职甲", "--proposed-by", "副职乙");
	REFUSED(f, "第二十一条〕", "topic", "add", "--title", "预算调整", "--deputy", "副职甲",
		"--proposed-by", "财政局局长");
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--proposed-by", "副职甲");
	OK(f, "topic", "add", "--title", "项目调整", "--deputy", "副职甲", "--proposed-by", "首长");
}

/* Kizilsu 40 and wuqia 43: topics come from the departments' (and lower governments')
 * 书面请示, not from a government leader. Yiwu 37 names no proposer: anyone is recorded. */
static void test_kizilsu_40_wuqia_43_topics_proposed_by_departments(void **state)
{
	static const char *const governments[] = {"kizilsu", "wuqia"};
	static const char *const clauses[] = {"第四十条〕", "第四十三条〕"};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = fixture_in_test(state, governments[i], TODAY);
		REFUSED(f, "副职甲 may not propose topics for ", "topic", "add", "--title", "预算调整",
			"--deputy", "副职甲", "--proposed-by", "副职甲");
		REFUSED(f, clauses[i], "topic", "add", "--title", "预算调整", "--proposed-by", "首长");
		OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--proposed-by",
		   "财政局局长");
	}
	fixture *f = fixture_in_test(state, "yiwu", TODAY);
	OK(f, "topic", "add", "--title", "预算调整", "--proposed-by", "副职乙");
	OK(f, "topic", "add", "--title", "项目调整", "--proposed-by", "财政局局长");
}

static void test_special_meeting_topics_are_approved_by_its_chair(void **state)
{
	/* Changji: 专题会议 topics are set by the chair (art. 23), not by the mayor. */
	fixture *f = fixture_in_test(state, "changji", TODAY);
	fixture_add_meeting(f, "special", "2026-11-25", "--chair", "副职甲");
	OK(f, "topic", "add", "--title", "农产品冷链物流", "--deputy", "副职甲");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	REFUSED(f,
		"首长 may not approve topics for 昌吉市人民政府专题会议: the rules name the meeting's chair 〔昌市政发〔2023〕78号 第二十三条〕",
		"topic", "approve", "1", "--by", "首长");
	REFUSED(f, "副职乙 may not approve topics for 昌吉市人民政府专题会议", "topic", "approve", "1",
		"--by", "副职乙");
	json_t *agenda = JSON(f, "agenda", "--person", "副职甲", "--json");
	assert_true(fixture_waiting_has(agenda, "topic", 1));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "首长", "--json");
	assert_false(fixture_waiting_has(agenda, "topic", 1));
	json_decref(agenda);
	LOGGED(f, "topic approve", true, true, "topic", "approve", "1", "--by", "副职甲");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "approved_by", "副职甲");
	assert_json_string(topic, "state", "scheduled");
	json_decref(topic);
}

static void test_topic_schedule(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1: planned */
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 2: held */
	fixture_add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 3: cancelled */
	OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-11-26", "--time", "09:30",
	   "--dept", "教育局"); /* 4 */
	OK(f, "meeting", "held", "2");
	OK(f, "meeting", "cancel", "3");
	OK(f, "topic", "add", "--title", "议题甲", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "议题乙", "--deputy", "副职乙");
	LOGGED(f, "topic schedule", true, true, "topic", "schedule", "1", "--meeting", "1");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "scheduled");
	assert_json_int(topic, "meeting", 1);
	json_decref(topic);
	json_t *list = JSON(f, "topic", "list", "--meeting", "1", "--json");
	assert_ids(list, IDS(1));
	json_decref(list);

	REFUSED(f, "meeting #3 is cancelled: topics go on planned meetings", "topic", "schedule", "2",
		"--meeting", "3");
	REFUSED(f, "meeting #2 is held: topics go on planned meetings", "topic", "schedule", "2",
		"--meeting", "2");
	REFUSED(f, "a department-wide meeting has no government agenda", "topic", "schedule", "2",
		"--meeting", "4");
	REFUSED(f, "no meeting #99", "topic", "schedule", "2", "--meeting", "99");
	USAGE_REFUSED(f, "say which meeting with --meeting ID", "topic", "schedule", "2");
	REFUSED(f, "no topic #9", "topic", "schedule", "9", "--meeting", "1");
	topic = JSON(f, "topic", "show", "2", "--json");
	assert_json_string(topic, "state", "proposed");
	assert_json_null(topic, "meeting");
	json_decref(topic);

	/* Proposed straight onto an agenda: one action, refused whole where scheduling would be. */
	LOGGED(f, "topic add", false, true, "topic", "add", "--title", "议题丙", "--deputy", "副职甲",
	       "--meeting", "1");
	topic = JSON(f, "topic", "show", "3", "--json");
	assert_json_string(topic, "state", "scheduled");
	assert_json_int(topic, "meeting", 1);
	json_decref(topic);
	REFUSED(f, "meeting #2 is held: topics go on planned meetings", "topic", "add", "--title",
		"议题丁", "--meeting", "2");
	REFUSED(f, "a department-wide meeting has no government agenda", "topic", "add", "--title",
		"议题丁", "--meeting", "4");
}

static void test_topic_decided_only_after_the_meeting_is_held(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "未排议题", "--deputy", "副职乙");
	OK(f, "topic", "approve", "1", "--by", "首长");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	REFUSED(f, "meeting #1 has not been held: mark it held first", "topic", "decide", "1",
		"--decision", "同意");
	OK(f, "meeting", "held", "1");
	REFUSED(f, "say what was decided (--decision)", "topic", "decide", "1");
	REFUSED(f, "topic #2 is proposed: only a topic on an agenda is decided", "topic", "decide", "2",
		"--decision", "同意");
	LOGGED(f, "topic decide", true, true, "topic", "decide", "1", "--decision", "原则同意");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "decided");
	assert_json_string(topic, "decision", "原则同意");
	json_decref(topic);
	run_result r = RUN(f, "topic", "show", "1");
	assert_string_equal(r.out,
			    "#1    预算调整  [decided]  in charge: 副职甲  meeting #1  approved by 首长  — 原则同意\n");
	test_run_free(&r);
}

static void test_decided_topic_cannot_change(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	OK(f, "meeting", "held", "1");
	OK(f, "topic", "decide", "1", "--decision", "原则同意");
	REFUSED(f, "topic #1 is decided already", "topic", "edit", "1", "--title", "新题目");
	REFUSED(f, "topic #1 is decided already", "topic", "approve", "1", "--by", "首长");
	REFUSED(f, "topic #1 is decided already", "topic", "schedule", "1", "--meeting", "2");
	REFUSED(f, "topic #1 is decided already", "topic", "defer", "1", "--reason", "再议");
	REFUSED(f, "topic #1 is decided already", "topic", "decide", "1", "--decision", "不同意");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "title", "预算调整");
	assert_json_string(topic, "decision", "原则同意");
	assert_json_int(topic, "meeting", 1);
	json_decref(topic);
}

/* A decision or a deferral recorded by mistake is taken back until the minutes are signed;
 * after that, it stays (an amendment corrects the minutes). */
static void test_topic_taken_back_until_the_minutes_are_signed(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "人事安排", "--deputy", "副职乙");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	OK(f, "topic", "schedule", "2", "--meeting", "1");
	REFUSED(f, "topic #1 is scheduled: only a decision or a deferral is taken back", "topic",
		"reopen", "1");
	OK(f, "meeting", "held", "1");
	OK(f, "topic", "decide", "1", "--decision", "原则同意");
	OK(f, "topic", "defer", "2", "--reason", "再议");
	LOGGED(f, "topic reopen", true, true, "topic", "reopen", "1");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "scheduled");
	assert_json_null(topic, "decision");
	assert_json_int(topic, "meeting", 1);
	json_decref(topic);
	OK(f, "topic", "decide", "1", "--decision", "同意");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	OK(f, "topic", "reopen", "2"); /* drafted minutes are not signed yet */
	OK(f, "topic", "defer", "2", "--reason", "再议");
	OK(f, "minutes", "sign", "1", "--by", "首长");
	REFUSED(f,
		"topic #1 cannot be taken back: the minutes of meeting #1 are signed (correct them "
		"with an amendment)",
		"topic", "reopen", "1");
	topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "decided");
	assert_json_string(topic, "decision", "同意");
	json_decref(topic);
}

static void test_topic_defer(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "未排议题", "--deputy", "副职乙");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	LOGGED(f, "topic defer", true, true, "topic", "defer", "1", "--reason", "材料未齐");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "deferred");
	assert_json_string(topic, "decision", "材料未齐");
	json_decref(topic);
	REFUSED(f, "topic #2 is proposed: only a topic on an agenda is deferred", "topic", "defer", "2");
	REFUSED(f, "topic #1 is deferred: only a topic on an agenda is deferred", "topic", "defer", "1");
}

/* ---- the deferred topics' queue (暂缓待重新安排), read through the core ---- */

typedef struct deferred_seen {
	char text[512];
} deferred_seen;

static int collect_deferred(const hw_deferred_topic *deferred, void *user)
{
	deferred_seen *seen = user;
	char date[HW_DATE_TEXT_SIZE];
	hw_date_format(deferred->meeting.date, date);
	size_t used = strlen(seen->text);
	snprintf(seen->text + used, sizeof seen->text - used, "%s%lld@%lld %s %s", used ? "," : "",
		 (long long)deferred->topic.id, (long long)deferred->meeting.id, date,
		 deferred->topic.department_name);
	return 0;
}

static const char *deferred_now(const fixture *f, deferred_seen *seen)
{
	hw_error error = {0};
	hw_session *session = hw_session_open(f->db, true, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	seen->text[0] = '\0';
	if (hw_topic_list_deferred(session, collect_deferred, seen, &error) != 0)
		fail_msg("%s", error.message);
	hw_session_close(session);
	return seen->text;
}

static void test_deferred_topics_wait_until_scheduled_again(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	deferred_seen seen;
	fixture_add_meeting(f, "executive", "2026-12-02", NULL, NULL); /* 1 */
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 2: earlier */
	fixture_add_meeting(f, "executive", "2026-12-09", NULL, NULL); /* 3 */
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲", "--dept", "财政局");
	OK(f, "topic", "add", "--title", "校舍改造", "--deputy", "副职乙", "--dept", "教育局");
	OK(f, "topic", "add", "--title", "未暂缓", "--deputy", "副职乙");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	OK(f, "topic", "schedule", "2", "--meeting", "2");
	OK(f, "topic", "schedule", "3", "--meeting", "2");
	/* Nothing deferred: the queue is empty, scheduled topics are not in it. */
	assert_string_equal(deferred_now(f, &seen), "");
	OK(f, "topic", "defer", "1", "--reason", "材料未齐");
	OK(f, "topic", "defer", "2");
	/* The earliest deferring meeting first, each with its meeting's date and department. */
	assert_string_equal(deferred_now(f, &seen), "2@2 2026-11-25 教育局,1@1 2026-12-02 财政局");
	/* Scheduled again: off the queue. */
	OK(f, "topic", "schedule", "1", "--meeting", "3");
	assert_string_equal(deferred_now(f, &seen), "2@2 2026-11-25 教育局");
	/* The reason it waited stays with the earlier meeting, not on the new agenda. */
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "scheduled");
	assert_json_int(topic, "meeting", 3);
	assert_true(json_is_null(json_object_get(topic, "decision")));
	json_decref(topic);
	/* A deferral taken back: off the queue too (on its meeting's agenda again). */
	OK(f, "topic", "reopen", "2");
	assert_string_equal(deferred_now(f, &seen), "");
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_topic_add_show_and_list),
		TEST(test_topic_add_mistakes_change_nothing),
		TEST(test_topic_approved_only_by_the_head),
		TEST(test_changji_21_topic_reviewed_by_executive_deputy_before_the_mayor),
		TEST(test_wuqia_43_topic_approved_without_review_reviewed_by_its_deputy),
		TEST(test_special_meeting_topics_are_approved_by_its_chair),
		TEST(test_changji_21_topics_proposed_by_the_mayor_or_a_deputy_mayor),
		TEST(test_ili_21_topics_proposed_by_the_head_or_the_deputy_in_charge),
		TEST(test_kizilsu_40_wuqia_43_topics_proposed_by_departments),
		TEST(test_topic_schedule),
		TEST(test_topic_decided_only_after_the_meeting_is_held),
		TEST(test_decided_topic_cannot_change),
		TEST(test_topic_taken_back_until_the_minutes_are_signed),
		TEST(test_topic_defer),
		TEST(test_deferred_topics_wait_until_scheduled_again),
	};
#undef TEST
	return cmocka_run_group_tests_name("topics", tests, NULL, NULL);
}
