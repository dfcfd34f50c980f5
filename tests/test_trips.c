/* Leaders' trips out of the region (请销假: ili 40, kizilsu 58, yiwu 53, changji 40, wuqia 61)
 * at the command line: recording, editing and cancelling a trip, the findings that follow its
 * days, the agenda that lists it, and what each government's article asks. Each test works on a
 * copy of the standard roster (tests/fixture.h); a refused command exits 1 with one line on
 * standard error and changes nothing (REFUSED). How a trip's days become findings is also
 * tested in test_checks.c. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test; 2026-11-25..27 are Wednesday to Friday. */
#define TODAY "2026-11-23"

#define CHANGJI(article) "昌市政发〔2023〕78号 " article

/* An executive meeting on `date` with a topic of 副职甲's division on it (studied and
 * approved): 副职甲 is a member, so a trip that day is a clash and the topic waits. */
static long long meeting_with_topic(const fixture *f, const char *date)
{
	long long meeting = fixture_add_meeting(f, "executive", date, NULL, NULL);
	long long topic = OK(f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲",
			     "--dept", "农业农村局", "--studied", "2026-11-02");
	char topic_id[24], meeting_id[24];
	snprintf(topic_id, sizeof topic_id, "%lld", topic);
	snprintf(meeting_id, sizeof meeting_id, "%lld", meeting);
	OK(f, "topic", "approve", topic_id, "--by", "首长");
	OK(f, "topic", "schedule", topic_id, "--meeting", meeting_id);
	return meeting;
}

/* How many findings of `code` concern `meeting` in this month's check. */
static int findings_on(const fixture *f, const char *code, long long meeting)
{
	json_t *findings = JSON(f, "check", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
	size_t i;
	json_t *finding;
	int count = 0;
	assert_true(strcmp(code, "TOPIC_LEADER_ABSENT") == 0 || strcmp(code, "DOUBLE_BOOKED") == 0);
	json_array_foreach(findings, i, finding)
	{
		json_t *id = json_object_get(finding, "meeting");
		if (strcmp(json_string_value(json_object_get(finding, "code")), code) == 0 &&
		    json_is_integer(id) && json_integer_value(id) == meeting)
			count++;
	}
	json_decref(findings);
	return count;
}

/* Wuqia 61: an edit moves the trip's days and the findings follow them: the meeting of the
 * 26th clashes while the trip covers it, no longer once the trip ends on the 25th, and again
 * when it is moved onto the 26th. Each edit is one logged action with the row before and after. */
static void test_wuqia_61_trip_edit_moves_the_findings(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	long long meeting = meeting_with_topic(f, "2026-11-26");
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
	assert_int_equal(findings_on(f, "DOUBLE_BOOKED", meeting), 1);
	assert_int_equal(findings_on(f, "TOPIC_LEADER_ABSENT", meeting), 1);
	/* Shortened: back on the 26th, nothing on the meeting. */
	LOGGED(f, "trip edit", true, true, "trip", "edit", "1", "--to", "2026-11-25");
	assert_int_equal(findings_on(f, "DOUBLE_BOOKED", meeting), 0);
	assert_int_equal(findings_on(f, "TOPIC_LEADER_ABSENT", meeting), 0);
	json_t *trips = JSON(f, "trip", "list", "--json");
	assert_json_string(json_array_get(trips, 0), "from", "2026-11-25");
	assert_json_string(json_array_get(trips, 0), "to", "2026-11-25");
	assert_json_string(json_array_get(trips, 0), "reported_to", "县长");
	json_decref(trips);
	/* Moved onto the meeting's day: the clash is back. */
	LOGGED(f, "trip edit", true, true, "trip", "edit", "1", "--from", "2026-11-26", "--to",
	       "2026-11-26", "--reported-to", "县长，已告知政府办公室");
	assert_int_equal(findings_on(f, "DOUBLE_BOOKED", meeting), 1);
	assert_int_equal(findings_on(f, "TOPIC_LEADER_ABSENT", meeting), 1);
	trips = JSON(f, "trip", "list", "--json");
	assert_json_string(json_array_get(trips, 0), "reported_to", "县长，已告知政府办公室");
	json_decref(trips);
	fixture_expect_intact(f);
}

/* A trip that did not happen is cancelled: it stays listed, marked, and makes nobody absent;
 * the twin, a trip still standing, keeps its findings. */
static void test_wuqia_61_trip_cancel_removes_the_findings(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	long long meeting = meeting_with_topic(f, "2026-11-26");
	long long later = meeting_with_topic(f, "2026-12-03");
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-12-02", "--to", "2026-12-03",
	   "--reported-to", "县长");
	LOGGED(f, "trip cancel", true, true, "trip", "cancel", "1");
	assert_int_equal(findings_on(f, "DOUBLE_BOOKED", meeting), 0);
	assert_int_equal(findings_on(f, "TOPIC_LEADER_ABSENT", meeting), 0);
	json_t *findings = JSON(f, "check", "--from", "2026-12-01", "--to", "2026-12-31", "--json");
	int clashes = 0;
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
		clashes += json_integer_value(json_object_get(finding, "meeting")) == later &&
			   strcmp(json_string_value(json_object_get(finding, "code")), "DOUBLE_BOOKED") == 0;
	json_decref(findings);
	assert_int_equal(clashes, 1);
	json_t *trips = JSON(f, "trip", "list", "--json");
	assert_int_equal(json_array_size(trips), 2);
	assert_json_string(json_array_get(trips, 0), "cancelled_on", TODAY);
	assert_json_null(json_array_get(trips, 1), "cancelled_on");
	json_decref(trips);
	run_result r = RUN(f, "trip", "list");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "(cancelled on 2026-11-23)");
	test_run_free(&r);
	REFUSED(f, "trip #1 was cancelled on 2026-11-23 already", "trip", "cancel", "1");
	REFUSED(f, "trip #1 is cancelled", "trip", "edit", "1", "--to", "2026-11-28");
	/* Its days are free again: a new trip over them is taken. */
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-26", "--to", "2026-11-26",
	   "--reported-to", "县长");
	fixture_expect_intact(f);
}

/* Every mistake gets one message and changes nothing. */
static void test_trip_edit_and_cancel_refuse_bad_input(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-12-01", "--to", "2026-12-02",
	   "--reported-to", "县长");
	REFUSED(f, "there is no trip #9", "trip", "edit", "9", "--to", "2026-11-28");
	REFUSED(f, "there is no trip #9", "trip", "cancel", "9");
	REFUSED(f, "abc", "trip", "cancel", "abc");
	REFUSED(f, "'2026-11-31' is not a date", "trip", "edit", "1", "--to", "2026-11-31");
	REFUSED(f, "the trip ends (2026-11-24) before it begins (2026-11-25)", "trip", "edit", "1",
		"--to", "2026-11-24");
	REFUSED(f, "副职甲 is away from 2026-12-01 to 2026-12-02 already (trip #2)", "trip", "edit",
		"1", "--to", "2026-12-01");
	REFUSED(f, "副职甲 is away from 2026-11-25 to 2026-11-27 already (trip #1)", "trip", "add",
		"--person", "副职甲", "--from", "2026-11-20", "--to", "2026-11-25", "--reported-to",
		"县长");
	REFUSED(f, "say to whom the trip was reported (the article names 县长) "
		   "〔恰政发〔2024〕6号 第六十一条〕 (--reported-to)",
		"trip", "edit", "1", "--reported-to", "");
	REFUSED(f, "control character", "trip", "edit", "1", "--reported-to", "县长\x1b[2J");
	/* Wuqia 61 names 县长 for a deputy; a department's head reports to the office, so their
	 * refusal names nobody. */
	OK(f, "trip", "add", "--person", "农业农村局局长", "--from", "2026-11-25", "--to",
	   "2026-11-26", "--reported-to", "政府办公室");
	REFUSED(f, "say to whom the trip was reported (--reported-to)", "trip", "edit", "3",
		"--reported-to", "");
	USAGE_REFUSED(f, "nothing to change", "trip", "edit", "1");
	USAGE_REFUSED(f, "--person", "trip", "edit", "1", "--person", "副职乙");
	USAGE_REFUSED(f, "say add, edit, cancel or list", "trip", "delete", "1");
	/* Another person's trip on the same days is no overlap. */
	OK(f, "trip", "add", "--person", "副职乙", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
}

/* The agenda lists the period's trips; a person's agenda lists their own and marks the meetings
 * within them, which they will miss. A cancelled trip is not listed. */
static void test_agenda_lists_trips_and_marks_the_meetings_away(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL); /* 1: within the trip */
	fixture_add_meeting(f, "executive", "2026-11-30", NULL, NULL); /* 2: after it */
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
	OK(f, "trip", "add", "--person", "副职乙", "--from", "2026-12-20", "--to", "2026-12-22",
	   "--reported-to", "县长"); /* 2: after the two weeks */
	OK(f, "trip", "add", "--person", "常务副职", "--from", "2026-11-24", "--to", "2026-11-24",
	   "--reported-to", "县长");
	OK(f, "trip", "cancel", "3");
	json_t *agenda = JSON(f, "agenda", "--json");
	json_t *trips = json_object_get(agenda, "trips");
	assert_ids(trips, IDS(1));
	assert_json_string(json_array_get(trips, 0), "person", "副职甲");
	assert_json_string(json_array_get(trips, 0), "from", "2026-11-25");
	assert_json_string(json_array_get(trips, 0), "to", "2026-11-27");
	assert_json_string(json_array_get(trips, 0), "reported_to", "县长");
	assert_null(json_object_get(json_array_get(json_object_get(agenda, "meetings"), 0),
				    "away_on_trip"));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "副职甲", "--json");
	json_t *meetings = json_object_get(agenda, "meetings");
	assert_ids(meetings, IDS(1, 2));
	assert_json_int(json_array_get(meetings, 0), "away_on_trip", 1);
	assert_json_null(json_array_get(meetings, 1), "away_on_trip");
	assert_ids(json_object_get(agenda, "trips"), IDS(1));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "副职乙", "--json");
	assert_int_equal(json_array_size(json_object_get(agenda, "trips")), 0);
	assert_json_null(json_array_get(json_object_get(agenda, "meetings"), 0), "away_on_trip");
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--from", "2026-12-01", "--to", "2026-12-31", "--json");
	assert_ids(json_object_get(agenda, "trips"), IDS(2));
	json_decref(agenda);
	run_result r = RUN(f, "agenda", "--person", "副职甲");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "chair: 首长\n        away: out of the region on trip #1\n");
	assert_contains(r.out, "Trips out of the region of this person:\n"
			       "  #1    副职甲  2026-11-25 – 2026-11-27  reported to 县长\n");
	test_run_free(&r);
}

/* Changji 40 (副市长离昌…应事先向市长请假，报请市委批准后…报备): a deputy's trip needs the Party
 * committee's approval recorded besides the report, and is refused without it, citing the
 * article; the mayor's own trip is not what the article speaks of. */
static void test_changji_40_trip_reported_and_approved(void **state)
{
	fixture *f = fixture_in_test(state, "changji", TODAY);
	REFUSED(f, "needs the approval of 市委 as well as the report to 市长", "trip", "add",
		"--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27", "--reported-to",
		"市长");
	REFUSED(f, "〔" CHANGJI("第四十条") "〕", "trip", "add", "--person", "常务副职", "--from",
		"2026-11-25", "--to", "2026-11-27", "--reported-to", "市长");
	LOGGED(f, "trip add", false, true, "trip", "add", "--person", "副职甲", "--from",
	       "2026-11-25", "--to", "2026-11-27", "--reported-to", "市长", "--approved-by",
	       "市委，2026-11-20");
	json_t *trips = JSON(f, "trip", "list", "--json");
	assert_json_string(json_array_get(trips, 0), "approved_by", "市委，2026-11-20");
	json_decref(trips);
	REFUSED(f, "needs the approval of 市委", "trip", "edit", "1", "--approved-by", "");
	OK(f, "trip", "add", "--person", "首长", "--from", "2026-11-25", "--to", "2026-11-25",
	   "--reported-to", "市委");
}

/* The twin: wuqia 61 (副县长离县…应事先报告县长) asks a report and no approval; the same trip is
 * taken without one. */
static void test_wuqia_61_trip_reported_without_approval(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "trip", "add", "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27",
	   "--reported-to", "县长");
	json_t *trips = JSON(f, "trip", "list", "--json");
	assert_json_null(json_array_get(trips, 0), "approved_by");
	json_decref(trips);
}

static const char *const english[] = {"LANGUAGE=", "LC_ALL=C.UTF-8", NULL};

/* `huiwu rules --file` on the shipped rule file of `government` (run_result: free it). */
static run_result rules_of(const char *government, bool json)
{
	char name[64];
	snprintf(name, sizeof name, "rules/%s.ini", government);
	char *path = test_path(test_data_dir(), name);
	run_result r = test_run(english, (const char *const[]){"rules", "--file", path,
								json ? "--json" : NULL, NULL});
	free(path);
	assert_int_equal(r.status, 0);
	return r;
}

/* Each government's 请销假 article, as its rule file gives it: to whom a trip is reported, and
 * in changji by whom it is approved. */
static void test_trip_articles_of_the_five_governments(void **state)
{
	(void)state;
	const struct {
		const char *government, *report, *approval, *clause;
	} cases[] = {
		{"ili", "自治州州长", NULL, "伊州政规〔2023〕2号 第四十条"},
		{"kizilsu", "州长", NULL, "克孜勒苏柯尔克孜自治州人民政府工作规则 第五十八条"},
		{"yiwu", "县长和县委书记", NULL, "伊政发〔2023〕112号 第五十三条"},
		{"changji", "市长", "市委", CHANGJI("第四十条")},
		{"wuqia", "县长", NULL, "恰政发〔2024〕6号 第六十一条"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run_result r = rules_of(cases[i].government, true);
		json_t *rules = json_loads(r.out, 0, NULL);
		assert_non_null(rules);
		assert_json_string(rules, "trip_report", cases[i].report);
		if (cases[i].approval)
			assert_json_string(rules, "trip_approval", cases[i].approval);
		else
			assert_json_null(rules, "trip_approval");
		json_decref(rules);
		test_run_free(&r);
		r = rules_of(cases[i].government, false);
		char line[256];
		snprintf(line, sizeof line, "trips out of the region reported to: %s%s%s 〔%s〕",
			 cases[i].report, cases[i].approval ? ", approved by " : "",
			 cases[i].approval ? cases[i].approval : "", cases[i].clause);
		assert_contains(r.out, line);
		test_run_free(&r);
	}
}

/* A trip key without its article is refused at FILE:LINE: it would cite nothing. */
static void test_trip_keys_must_cite_their_article(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *source = test_path(test_data_dir(), "rules/wuqia.ini");
	char *text = test_read_file(source, NULL);
	const char *key = "trip_report = 县长 @ 第六十一条\n";
	char *at = strstr(text, key);
	assert_non_null(at);
	*at = '\0';
	char *changed = NULL;
	assert_true(asprintf(&changed, "%strip_report = 县长\n%s", text, at + strlen(key)) > 0);
	char *path = test_path(directory, "wuqia.ini");
	test_write_file(path, changed);
	run_result r = test_run(english, (const char *const[]){"rules", "--file", path, NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "wuqia.ini:");
	assert_contains(r.err, "trip_report: the value lacks the clause it comes from");
	test_run_free(&r);
	test_remove_tree(directory);
	free(path);
	free(changed);
	free(text);
	free(source);
	free(directory);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_wuqia_61_trip_edit_moves_the_findings),
		TEST(test_wuqia_61_trip_cancel_removes_the_findings),
		TEST(test_trip_edit_and_cancel_refuse_bad_input),
		TEST(test_agenda_lists_trips_and_marks_the_meetings_away),
		TEST(test_changji_40_trip_reported_and_approved),
		TEST(test_wuqia_61_trip_reported_without_approval),
		TEST(test_trip_articles_of_the_five_governments),
		TEST(test_trip_keys_must_cite_their_article),
	};
	return cmocka_run_group_tests_name("trips", tests, NULL, NULL);
}
