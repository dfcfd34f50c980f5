/* The rule engine at the command line: `huiwu check --json` on temporary databases built as a
 * clerk would build them (fixture.h). Part one gives every finding code a scenario that raises
 * it, with its severity, meeting and clause, and a close scenario that does not. Part two puts
 * the same schedule before each of the five governments, whose rules judge it differently.
 *
 * Today is 2026-11-23, a Monday, unless a test says otherwise. Dates that matter: 2026-10-01..07
 * are the National Day holiday, 2026-10-10 (a Saturday) is a make-up workday, 2026-11-07 is a
 * Saturday. */
#include "checks.h"
#include "fixture.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TODAY "2026-11-23"

/* The clauses the findings cite: each government's document, then the article. */
#define ILI(article) "伊州政规〔2023〕2号 " article
#define KIZILSU(article) "克孜勒苏柯尔克孜自治州人民政府工作规则 " article
#define YIWU(article) "伊政发〔2023〕112号 " article
#define CHANGJI(article) "昌市政发〔2023〕78号 " article
#define WUQIA(article) "恰政发〔2024〕6号 " article
#define WEEKEND_CLAUSE "国务院关于职工工作时间的规定 第七条"
#define HOLIDAY_CLAUSE_2026 "国务院办公厅关于2026年部分节假日安排的通知"

/* ---- what a test holds, released by its teardown even when an assertion fails midway ---- */

static struct {
	fixture fixture;
	bool fixture_open;
	json_t *findings;    /* the last check's */
	json_t *shown;       /* the last `meeting show --json` */
	run_result run;      /* the last command run */
	char *rules_setting; /* "HUIWU_RULES_DIR=…", for rules other than the shipped ones */
} owned;

static int release_owned(void **state)
{
	(void)state;
	json_decref(owned.findings);
	json_decref(owned.shown);
	test_run_free(&owned.run);
	free(owned.rules_setting);
	if (owned.fixture_open)
		fixture_close(&owned.fixture);
	memset(&owned, 0, sizeof owned);
	return 0;
}

#define TEST(name) cmocka_unit_test_teardown(name, release_owned)

/* A database of `government` with the standard roster (see fixture.h), today fixed at `today`;
 * closed by close_db, or by the teardown when a test fails midway. */
static fixture *open_db(const char *government, const char *today)
{
	if (owned.fixture_open)
		fail_msg("a test opens one database at a time");
	fixture *f = &owned.fixture;
	fixture_open(f, government, today);
	owned.fixture_open = true;
	return f;
}

static void close_db(fixture *f)
{
	fixture_close(f);
	owned.fixture_open = false;
	json_decref(owned.findings);
	owned.findings = NULL;
	json_decref(owned.shown);
	owned.shown = NULL;
	free(owned.rules_setting);
	owned.rules_setting = NULL;
}

/* ---- running huiwu ---- */


/* Runs huiwu with a NULL-terminated argument list; the result lives until the next run. */
static const run_result *run_args(const fixture *f, const char *const *args)
{
	test_run_free(&owned.run);
	owned.run = test_run(f->env, args);
	return &owned.run;
}

#define RUN_KEPT(f, ...) run_args((f), (const char *const[]){__VA_ARGS__, NULL})

/* Runs huiwu, fails unless it exits 0, and returns the id it prints (or 0). */
static long long ok_args(const fixture *f, const char *const *args)
{
	const run_result *r = run_args(f, args);
	if (r->status != 0)
		fail_msg("huiwu %s %s exited %d: %s", args[0], args[1] ? args[1] : "", r->status,
			 r->err);
	return strtoll(r->out, NULL, 10);
}

/* Runs huiwu and expects a refusal: exit 1 with `needle` in the message. */
static void expect_refused(const fixture *f, const char *needle, const char *const *args)
{
	const run_result *r = run_args(f, args);
	if (r->status != 1)
		fail_msg("expected huiwu %s %s to be refused (exit 1), got %d: %s", args[0],
			 args[1] ? args[1] : "", r->status, r->err);
	assert_contains(r->err, needle);
}

#define REFUSED_SAYING(f, needle, ...) expect_refused((f), (needle), (const char *const[]){__VA_ARGS__, NULL})

/* `huiwu check --json` over [from, to] (NULL: the default, this year); the findings live until
 * the next check. */
static const json_t *check(const fixture *f, const char *from, const char *to)
{
	const char *args[8] = {"check", "--json"};
	int count = 2;
	if (from) {
		args[count++] = "--from";
		args[count++] = from;
	}
	if (to) {
		args[count++] = "--to";
		args[count++] = to;
	}
	args[count] = NULL;
	json_decref(owned.findings);
	owned.findings = fixture_json(test_run(f->env, args), "check --json");
	if (!json_is_array(owned.findings))
		fail_msg("huiwu check --json printed no array");
	return owned.findings;
}

/* `huiwu meeting show ID --json`; the object lives until the next show. */
static const json_t *show(const fixture *f, long long meeting)
{
	json_decref(owned.shown);
	owned.shown = JSON(f, "meeting", "show", ID(meeting), "--json");
	if (!json_is_object(owned.shown))
		fail_msg("huiwu meeting show --json printed no object");
	return owned.shown;
}

/* ---- findings ---- */

#define ANY_MEETING (-1) /* any meeting, or none */
#define NO_MEETING 0     /* a finding about a period: "meeting": null */

static const char *text_of(const json_t *object, const char *key)
{
	const char *text = json_string_value(json_object_get(object, key));
	return text ? text : "";
}

static bool concerns(const json_t *finding, const char *code, long long meeting)
{
	if (strcmp(text_of(finding, "code"), code) != 0)
		return false;
	const json_t *id = json_object_get(finding, "meeting");
	if (meeting == ANY_MEETING)
		return true;
	if (meeting == NO_MEETING)
		return json_is_null(id);
	return json_is_integer(id) && json_integer_value(id) == meeting;
}

static void print_findings(const json_t *findings)
{
	char *text = json_dumps(findings, JSON_INDENT(2));
	print_error("the findings: %s\n", text ? text : "?");
	free(text);
}

/* The finding with this code, severity, meeting and clause; fails the test if there is none. */
static const json_t *expect_finding(const json_t *findings, const char *code, const char *severity,
				    long long meeting, const char *clause)
{
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
	{
		if (concerns(finding, code, meeting) && strcmp(text_of(finding, "severity"), severity) == 0 &&
		    strcmp(text_of(finding, "clause"), clause) == 0)
			return finding;
	}
	print_findings(findings);
	fail_msg("expected %s (%s) on meeting %lld citing \"%s\"", code, severity, meeting, clause);
	return NULL;
}

/* The finding with this code and meeting whose message holds `needle`. */
static const json_t *expect_saying(const json_t *findings, const char *code, long long meeting,
				   const char *needle)
{
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
	{
		if (concerns(finding, code, meeting) && strstr(text_of(finding, "message"), needle))
			return finding;
	}
	print_findings(findings);
	fail_msg("expected %s on meeting %lld saying \"%s\"", code, meeting, needle);
	return NULL;
}

/* Fails the test on a code the engine cannot raise: "no FREQ_OVRE" would always hold. */
static void expect_known_code(const char *code)
{
	if (!hw_finding_code_known(code))
		fail_msg("%s is not a finding code (src/core/checks.c, finding_codes)", code);
}

static int count_findings(const json_t *findings, const char *code, long long meeting)
{
	expect_known_code(code);
	int count = 0;
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
	{
		count += concerns(finding, code, meeting);
	}
	return count;
}

/* Findings with this code whose message holds `needle`. */
static int count_saying(const json_t *findings, const char *code, const char *needle)
{
	expect_known_code(code);
	int count = 0;
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
	{
		count += concerns(finding, code, ANY_MEETING) &&
			 strstr(text_of(finding, "message"), needle) != NULL;
	}
	return count;
}

static void expect_count(const json_t *findings, const char *code, long long meeting, int expected)
{
	int count = count_findings(findings, code, meeting);
	if (count != expected) {
		print_findings(findings);
		fail_msg("expected %d %s on meeting %lld, found %d", expected, code, meeting, count);
	}
}

static void expect_no_finding(const json_t *findings, const char *code, long long meeting)
{
	expect_count(findings, code, meeting, 0);
}

/* No finding at all concerns this meeting. */
static void expect_nothing_on(const json_t *findings, long long meeting)
{
	size_t i;
	json_t *finding;
	json_array_foreach(findings, i, finding)
	{
		const json_t *id = json_object_get(finding, "meeting");
		if (json_is_integer(id) && json_integer_value(id) == meeting) {
			print_findings(findings);
			fail_msg("expected no finding on meeting %lld, found %s", meeting,
				 text_of(finding, "code"));
		}
	}
}

/* ---- building scenarios ---- */

static long long add_meeting(const fixture *f, const char *type, const char *date, const char *time)
{
	return OK(f, "meeting", "add", "--type", type, "--date", date, "--time", time);
}

static long long add_executive(const fixture *f, const char *date)
{
	return add_meeting(f, "executive", date, "09:00");
}

static long long add_special(const fixture *f, const char *date, const char *time, const char *chair)
{
	return OK(f, "meeting", "add", "--type", "special", "--date", date, "--time", time, "--chair",
		  chair);
}

static void mark_held(const fixture *f, long long meeting)
{
	OK(f, "meeting", "held", ID(meeting));
}

typedef struct topic_spec {
	const char *title;
	const char *deputy;  /* default 副职甲 */
	const char *dept;    /* default 农业农村局, in 副职甲's division */
	const char *studied; /* NULL: never studied */
	const char *matters; /* NULL: none of projects, funds, staffing, rewards */
	bool agreed;
	bool unapproved; /* not approved by the head */
} topic_spec;

/* A topic put on `meeting`'s agenda. */
static long long put_topic(const fixture *f, long long meeting, topic_spec spec)
{
	const char *args[16] = {"topic", "add", "--title", spec.title, "--deputy",
				spec.deputy ? spec.deputy : "副职甲", "--dept",
				spec.dept ? spec.dept : "农业农村局"};
	int count = 8;
	if (spec.studied) {
		args[count++] = "--studied";
		args[count++] = spec.studied;
	}
	if (spec.matters) {
		args[count++] = "--matters";
		args[count++] = spec.matters;
	}
	if (spec.agreed)
		args[count++] = "--agreed";
	args[count] = NULL;
	long long topic = ok_args(f, args);
	if (!spec.unapproved)
		OK(f, "topic", "approve", ID(topic), "--by", "首长");
	OK(f, "topic", "schedule", ID(topic), "--meeting", ID(meeting));
	return topic;
}

/* A topic in good order: studied, approved, nothing to agree. */
static long long ready_topic(const fixture *f, long long meeting, const char *title)
{
	return put_topic(f, meeting, (topic_spec){.title = title, .studied = "2026-11-02"});
}

static long long ask_leave(const fixture *f, long long meeting, const char *person, bool written)
{
	if (written)
		return OK(f, "leave", "request", "--meeting", ID(meeting), "--person", person, "--reason",
			  "赴外地出差", "--written");
	return OK(f, "leave", "request", "--meeting", ID(meeting), "--person", person, "--reason",
		  "赴外地出差");
}

static void decide_leave(const fixture *f, long long leave, const char *action, const char *by)
{
	OK(f, "leave", action, ID(leave), "--by", by);
}

/* ==== FREQ_OVER ==== */

static void test_freq_over_third_regular_executive_meeting_in_a_month(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-11-03");
	add_executive(f, "2026-11-10");
	long long third = add_executive(f, "2026-11-17");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *over = expect_finding(findings, "FREQ_OVER", "warning", third, WUQIA("第四十二条"));
	assert_string_equal(text_of(over, "date"), "2026-11-17");
	assert_contains(text_of(over, "message"), "2026年11月");
	assert_contains(text_of(over, "message"), "3次");
	expect_count(findings, "FREQ_OVER", ANY_MEETING, 1);

	/* Only meetings within --from/--to are reported; earlier ones of the month still count. */
	findings = check(f, "2026-11-01", "2026-11-16");
	expect_no_finding(findings, "FREQ_OVER", ANY_MEETING);
	findings = check(f, "2026-11-17", "2026-11-30");
	expect_finding(findings, "FREQ_OVER", "warning", third, WUQIA("第四十二条"));
	close_db(f);
}

static void test_freq_over_not_for_adhoc_or_cancelled_meeting(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-11-03");
	add_executive(f, "2026-11-10");
	OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-17", "--time", "09:00",
	   "--adhoc", "防汛紧急部署");
	long long cancelled = add_executive(f, "2026-11-19");
	OK(f, "meeting", "cancel", ID(cancelled));
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "FREQ_OVER", ANY_MEETING);
	close_db(f);
}

/* ==== FREQ_UNDER ==== */

static void test_freq_under_ended_month_without_executive_meeting(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-09-15");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *under =
		expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING, WUQIA("第四十二条"));
	assert_string_equal(text_of(under, "date"), "2026-10-01");
	assert_contains(text_of(under, "message"), "2026年10月");
	/* September had its meeting, November has not ended, August is before the records. */
	expect_count(findings, "FREQ_UNDER", ANY_MEETING, 1);
	close_db(f);
}

static void test_freq_under_not_when_month_has_meeting_but_cancelled_does_not_count(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-09-15");
	long long october = add_executive(f, "2026-10-13");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);

	OK(f, "meeting", "cancel", ID(october));
	findings = check(f, NULL, NULL);
	expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING, WUQIA("第四十二条"));
	close_db(f);
}

static void test_freq_under_not_before_first_meeting_nor_in_unended_month(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-11-03");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
	expect_no_finding(findings, "STUDY_OVERDUE", ANY_MEETING);
	close_db(f);
}

static void test_freq_under_only_within_from_to(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-09-15");
	const json_t *findings = check(f, "2026-11-01", "2026-11-30");
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
	findings = check(f, "2026-09-01", "2026-09-30");
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
	findings = check(f, "2026-10-01", "2026-10-31");
	expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING, WUQIA("第四十二条"));
	close_db(f);
}

/* With no meeting on record, no period is on record either: nothing is too rare. */
static void test_freq_under_not_on_empty_database(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
	expect_no_finding(findings, "STUDY_OVERDUE", ANY_MEETING);
	close_db(f);
}

/* ==== STUDY_OVERDUE ==== */

static void test_study_overdue_two_months_without_study(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_meeting(f, "study", "2026-07-14", "15:00");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *overdue =
		expect_finding(findings, "STUDY_OVERDUE", "warning", NO_MEETING, WUQIA("第五十条"));
	assert_string_equal(text_of(overdue, "date"), "2026-09-01");
	assert_contains(text_of(overdue, "message"), "2026年9—10月");
	/* July–August had its session, November–December has not ended. */
	expect_count(findings, "STUDY_OVERDUE", ANY_MEETING, 1);
	close_db(f);
}

static void test_study_overdue_not_when_study_held_every_two_months(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_meeting(f, "study", "2026-07-14", "15:00");
	add_meeting(f, "study", "2026-10-13", "15:00");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "STUDY_OVERDUE", ANY_MEETING);
	close_db(f);
}

/* ==== CHAIR_NOT_ALLOWED ==== */

static void test_chair_not_allowed_when_chair_is_no_longer_head(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	OK(f, "person", "add", "新任县长", "--title", "县长", "--role", "head");
	long long meeting = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-24",
			       "--time", "09:00", "--chair", "新任县长");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "CHAIR_NOT_ALLOWED", ANY_MEETING);

	OK(f, "person", "edit", "新任县长", "--role", "deputy");
	findings = check(f, NULL, NULL);
	const json_t *chair =
		expect_finding(findings, "CHAIR_NOT_ALLOWED", "error", meeting, WUQIA("第四十二条"));
	assert_contains(text_of(chair, "message"), "新任县长");
	expect_count(findings, "CHAIR_NOT_ALLOWED", ANY_MEETING, 1);
	close_db(f);
}

static void test_chair_allowed_head_and_executive_deputy_by_delegation(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long by_head = add_executive(f, "2026-11-24");
	long long delegated = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25",
				 "--time", "09:00", "--chair", "常务副职");
	add_special(f, "2026-11-26", "09:00", "副职甲");
	const json_t *meeting = show(f, delegated);
	assert_string_equal(text_of(meeting, "chair"), "常务副职");
	assert_true(json_is_true(json_object_get(meeting, "chair_delegated")));
	meeting = show(f, by_head);
	assert_string_equal(text_of(meeting, "chair"), "首长");
	assert_true(json_is_false(json_object_get(meeting, "chair_delegated")));
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "CHAIR_NOT_ALLOWED", ANY_MEETING);
	close_db(f);
}

/* ==== MEMBER_NOT_INVITED ==== */

static void test_member_not_invited_deputy_uninvited(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-24");
	OK(f, "meeting", "uninvite", ID(meeting), "--person", "副职乙");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *missing =
		expect_finding(findings, "MEMBER_NOT_INVITED", "warning", meeting, WUQIA("第四十二条"));
	assert_contains(text_of(missing, "message"), "副职乙");
	assert_contains(text_of(missing, "message"), "组成人员");
	expect_count(findings, "MEMBER_NOT_INVITED", ANY_MEETING, 1);
	close_db(f);
}

static void test_member_not_invited_justice_bureau_sitter_in(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-24");
	OK(f, "meeting", "uninvite", ID(meeting), "--person", "司法局局长");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *missing =
		expect_finding(findings, "MEMBER_NOT_INVITED", "warning", meeting, WUQIA("第四十三条"));
	assert_contains(text_of(missing, "message"), "司法局局长");
	assert_contains(text_of(missing, "message"), "列席人员");
	close_db(f);
}

static void test_member_not_invited_deputy_appointed_after_meeting_until_invited(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-24");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "MEMBER_NOT_INVITED", ANY_MEETING);

	OK(f, "person", "add", "副职丙", "--title", "副县长", "--role", "deputy");
	findings = check(f, NULL, NULL);
	expect_saying(findings, "MEMBER_NOT_INVITED", meeting, "副职丙");
	expect_finding(findings, "MEMBER_NOT_INVITED", "warning", meeting, WUQIA("第四十二条"));

	OK(f, "meeting", "invite", ID(meeting), "--person", "副职丙", "--as", "member");
	findings = check(f, NULL, NULL);
	expect_no_finding(findings, "MEMBER_NOT_INVITED", ANY_MEETING);
	close_db(f);
}

static void test_member_not_invited_not_once_meeting_held(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-16");
	OK(f, "meeting", "uninvite", ID(meeting), "--person", "副职乙");
	const json_t *findings = check(f, NULL, NULL);
	expect_count(findings, "MEMBER_NOT_INVITED", meeting, 1);
	mark_held(f, meeting);
	findings = check(f, NULL, NULL);
	expect_no_finding(findings, "MEMBER_NOT_INVITED", ANY_MEETING);
	close_db(f);
}

/* ==== TOPIC_LEADER_ABSENT ==== */

static void test_topic_leader_absent_deputy_on_approved_leave(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "高标准农田建设");
	/* Brought by another leader, but from a department in 副职甲's division. */
	put_topic(f, meeting,
		  (topic_spec){.title = "预算调整", .deputy = "常务副职", .dept = "财政局",
			       .studied = "2026-11-02"});
	long long leave = ask_leave(f, meeting, "副职甲", false);
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "TOPIC_LEADER_ABSENT", ANY_MEETING);

	decide_leave(f, leave, "approve", "首长");
	findings = check(f, NULL, NULL);
	const json_t *absent = expect_finding(findings, "TOPIC_LEADER_ABSENT", "warning", meeting,
					      WUQIA("第四十三条"));
	assert_contains(text_of(absent, "message"), "副职甲");
	expect_count(findings, "TOPIC_LEADER_ABSENT", meeting, 2);
	close_db(f);
}

static void test_topic_leader_absent_not_for_other_division_or_refused_leave(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "高标准农田建设");
	decide_leave(f, ask_leave(f, meeting, "副职乙", false), "approve", "首长");
	decide_leave(f, ask_leave(f, meeting, "副职甲", false), "reject", "首长");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "TOPIC_LEADER_ABSENT", ANY_MEETING);
	close_db(f);
}

/* Wuqia 61 (副县长离县…应事先报告县长) and ili 40 (副州长…离伊…应事先向自治州州长请假): a deputy's
 * trip out of the region is recorded with to whom it was reported, and it makes the deputy
 * absent as leave does: the division's topics on a meeting within the trip are reported
 * (TOPIC_LEADER_ABSENT, the topic article's clause) and so is the clash with the meeting
 * (DOUBLE_BOOKED, no article). The twin: a trip that ends the day before the meeting. */
static void test_wuqia_61_ili_40_deputy_away_on_a_trip(void **state)
{
	(void)state;
	const struct {
		const char *government, *clause, *reported;
	} cases[] = {
		{"wuqia", WUQIA("第四十三条"), "县长"},
		{"ili", ILI("第二十一条"), "州长，已按规定报备"},
	};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		long long meeting = add_executive(f, "2026-11-26");
		ready_topic(f, meeting, "高标准农田建设");
		long long before = add_executive(f, "2026-11-24");
		ready_topic(f, before, "农机补贴");
		REFUSED(f, "the trip ends (2026-11-25) before it begins (2026-11-27)", "trip", "add",
			"--person", "副职甲", "--from", "2026-11-27", "--to", "2026-11-25",
			"--reported-to", cases[i].reported);
		USAGE_REFUSED(f, "say --person P --from D --to D --reported-to TEXT", "trip", "add",
			      "--person", "副职甲", "--from", "2026-11-25", "--to", "2026-11-27");
		LOGGED(f, "trip add", false, true, "trip", "add", "--person", "副职甲", "--from",
		       "2026-11-25", "--to", "2026-11-27", "--reported-to", cases[i].reported);
		json_t *trips = JSON(f, "trip", "list", "--json");
		assert_int_equal(json_array_size(trips), 1);
		assert_json_string(json_array_get(trips, 0), "reported_to", cases[i].reported);
		assert_json_string(json_array_get(trips, 0), "from", "2026-11-25");
		json_decref(trips);
		const json_t *findings = check(f, NULL, NULL);
		const json_t *absent = expect_finding(findings, "TOPIC_LEADER_ABSENT", "warning",
						      meeting, cases[i].clause);
		assert_contains(text_of(absent, "message"), "离开本地外出");
		const json_t *clash = expect_finding(findings, "DOUBLE_BOOKED", "warning", meeting, "");
		assert_contains(text_of(clash, "message"), cases[i].reported);
		/* The twin: the meeting before the trip. */
		expect_no_finding(findings, "TOPIC_LEADER_ABSENT", before);
		expect_no_finding(findings, "DOUBLE_BOOKED", before);
		close_db(f);
	}
}

/* ==== TOPIC_NOT_STUDIED ==== */

static void test_topic_not_studied_never_or_after_meeting(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	long long never = put_topic(f, meeting, (topic_spec){.title = "乡村振兴项目"});
	put_topic(f, meeting, (topic_spec){.title = "农机补贴", .studied = "2026-11-27"});
	const json_t *findings = check(f, NULL, NULL);
	expect_finding(findings, "TOPIC_NOT_STUDIED", "warning", meeting, WUQIA("第四十三条"));
	char needle[64];
	snprintf(needle, sizeof needle, "议题#%lld", never);
	expect_saying(findings, "TOPIC_NOT_STUDIED", meeting, needle);
	expect_count(findings, "TOPIC_NOT_STUDIED", meeting, 2);
	close_db(f);
}

static void test_topic_not_studied_not_when_studied_before_or_on_the_day(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	put_topic(f, meeting, (topic_spec){.title = "乡村振兴项目", .studied = "2026-11-20"});
	put_topic(f, meeting, (topic_spec){.title = "农机补贴", .studied = "2026-11-26"});
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "TOPIC_NOT_STUDIED", ANY_MEETING);
	close_db(f);
}

/* ==== TOPIC_NOT_APPROVED ==== */

static void test_topic_not_approved_on_agenda(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	put_topic(f, meeting,
		  (topic_spec){.title = "乡村振兴项目", .studied = "2026-11-20", .unapproved = true});
	const json_t *findings = check(f, NULL, NULL);
	const json_t *unapproved =
		expect_finding(findings, "TOPIC_NOT_APPROVED", "error", meeting, WUQIA("第四十三条"));
	assert_contains(text_of(unapproved, "message"), "县长");
	expect_count(findings, "TOPIC_NOT_APPROVED", ANY_MEETING, 1);
	close_db(f);
}

static void test_topic_not_approved_not_once_head_approves(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "乡村振兴项目");
	/* Approved after it was put on the agenda. */
	long long late = put_topic(
		f, meeting, (topic_spec){.title = "农机补贴", .studied = "2026-11-20", .unapproved = true});
	const json_t *findings = check(f, NULL, NULL);
	expect_count(findings, "TOPIC_NOT_APPROVED", meeting, 1);
	OK(f, "topic", "approve", ID(late), "--by", "首长");
	/* Wuqia's rules name no one to set a special-topic meeting's topics (第四十六条). */
	long long special = add_special(f, "2026-11-27", "09:00", "副职甲");
	put_topic(f, special,
		  (topic_spec){.title = "农产品销售", .studied = "2026-11-20", .unapproved = true});
	findings = check(f, NULL, NULL);
	expect_no_finding(findings, "TOPIC_NOT_APPROVED", ANY_MEETING);
	close_db(f);
}

/* ==== TOPIC_NOT_AGREED ==== */

static void test_topic_not_agreed_funds_and_projects(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	put_topic(f, meeting,
		  (topic_spec){.title = "农田水利资金", .studied = "2026-11-20",
			       .matters = "funds,projects"});
	const json_t *findings = check(f, NULL, NULL);
	expect_finding(findings, "TOPIC_NOT_AGREED", "warning", meeting, WUQIA("第四十三条"));
	expect_count(findings, "TOPIC_NOT_AGREED", ANY_MEETING, 1);
	close_db(f);
}

static void test_topic_not_agreed_not_when_agreed_or_no_such_matters(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	put_topic(f, meeting,
		  (topic_spec){.title = "农田水利资金", .studied = "2026-11-20",
			       .matters = "funds,projects", .agreed = true});
	ready_topic(f, meeting, "春耕备耕工作");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "TOPIC_NOT_AGREED", ANY_MEETING);
	close_db(f);
}

/* ==== LEAVE_NOT_WRITTEN ==== */

static void test_leave_not_written_oral_request_of_department_head(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_meeting(f, "plenary", "2026-11-26", "09:00");
	long long leave = ask_leave(f, meeting, "农业农村局局长", false);
	const json_t *findings = check(f, NULL, NULL);
	const json_t *oral =
		expect_finding(findings, "LEAVE_NOT_WRITTEN", "warning", meeting, WUQIA("第四十四条"));
	assert_contains(text_of(oral, "message"), "农业农村局局长");
	/* Approving an oral request does not make it written. */
	decide_leave(f, leave, "approve", "首长");
	findings = check(f, NULL, NULL);
	expect_finding(findings, "LEAVE_NOT_WRITTEN", "warning", meeting, WUQIA("第四十四条"));
	expect_count(findings, "LEAVE_NOT_WRITTEN", ANY_MEETING, 1);
	close_db(f);
}

static void test_leave_not_written_not_for_written_refused_or_leaders(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_meeting(f, "plenary", "2026-11-26", "09:00");
	ask_leave(f, meeting, "农业农村局局长", true);
	ask_leave(f, meeting, "副职乙", false);
	decide_leave(f, ask_leave(f, meeting, "教育局局长", false), "reject", "首长");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "LEAVE_NOT_WRITTEN", ANY_MEETING);
	close_db(f);
}

/* ==== STAFF_OVER ==== */

static void test_staff_over_staff_of_department_without_topic(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "高标准农田建设");
	OK(f, "meeting", "invite", ID(meeting), "--person", "财政局工作人员", "--as", "staff");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *over =
		expect_finding(findings, "STAFF_OVER", "warning", meeting, WUQIA("第四十四条"));
	assert_contains(text_of(over, "message"), "财政局");
	expect_count(findings, "STAFF_OVER", ANY_MEETING, 1);
	close_db(f);
}

static void test_staff_over_two_staff_of_reporting_department(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "高标准农田建设");
	OK(f, "person", "add", "农业农村局工作人员乙", "--title", "科员", "--role", "staff", "--dept",
	   "农业农村局");
	OK(f, "meeting", "invite", ID(meeting), "--person", "农业农村局工作人员", "--as", "staff");
	OK(f, "meeting", "invite", ID(meeting), "--person", "农业农村局工作人员乙", "--as", "staff");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *over =
		expect_finding(findings, "STAFF_OVER", "warning", meeting, WUQIA("第四十四条"));
	assert_contains(text_of(over, "message"), "农业农村局带2名");
	expect_count(findings, "STAFF_OVER", ANY_MEETING, 1);
	close_db(f);
}

static void test_staff_over_not_for_one_staff_of_reporting_department(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-26");
	ready_topic(f, meeting, "高标准农田建设");
	OK(f, "meeting", "invite", ID(meeting), "--person", "农业农村局工作人员", "--as", "staff");
	/* A guest is not staff brought along. */
	OK(f, "meeting", "invite", ID(meeting), "--person", "财政局工作人员", "--as", "guest");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "STAFF_OVER", ANY_MEETING);
	close_db(f);
}

/* ==== minutes: no deadline ==== */

/* No document sets a deadline on minutes (ili 22, kizilsu 42, yiwu 39, changji 22, wuqia 45
 * bind only the documents decided at the meeting): unsigned minutes, long after the meeting,
 * raise nothing in any government. */
static void test_minutes_unsigned_long_after_the_meeting_raise_nothing(void **state)
{
	(void)state;
	static const char *const governments[] = {"ili", "kizilsu", "yiwu", "changji", "wuqia"};
	for (size_t g = 0; g < sizeof governments / sizeof governments[0]; g++) {
		fixture *f = open_db(governments[g], TODAY);
		long long drafted = add_executive(f, "2026-10-13");
		mark_held(f, drafted);
		OK(f, "minutes", "draft", ID(drafted), "--text", "会议研究了春耕备耕工作。");
		long long unwritten = add_executive(f, "2026-10-20");
		mark_held(f, unwritten);
		const json_t *findings = check(f, NULL, NULL);
		size_t i;
		json_t *finding;
		json_array_foreach(findings, i, finding)
			if (strstr(text_of(finding, "message"), "纪要") != NULL) {
				print_findings(findings);
				fail_msg("%s: a finding about minutes", governments[g]);
			}
		assert_false(hw_finding_code_known("MINUTES_OVERDUE"));
		close_db(f);
	}
}

/* ==== DOCUMENT_OVERDUE ==== */

static void test_document_overdue_not_issued_within_seven_workdays(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = add_executive(f, "2026-11-11");
	mark_held(f, meeting);
	OK(f, "minutes", "draft", ID(meeting), "--text", "会议研究了春耕备耕工作。");
	OK(f, "minutes", "sign", ID(meeting), "--by", "首长");
	long long document = OK(f, "doc", "add", "--meeting", ID(meeting), "--title", "春耕备耕通知");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *overdue =
		expect_finding(findings, "DOCUMENT_OVERDUE", "error", meeting, WUQIA("第四十五条"));
	assert_contains(text_of(overdue, "message"), "2026-11-20前印发");
	char needle[64];
	snprintf(needle, sizeof needle, "文件#%lld", document);
	assert_contains(text_of(overdue, "message"), needle);
	close_db(f);
}

static void test_document_overdue_not_when_issued_in_time_or_not_yet_due(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long issued = add_executive(f, "2026-11-11");
	mark_held(f, issued);
	long long document = OK(f, "doc", "add", "--meeting", ID(issued), "--title", "春耕备耕通知");
	OK(f, "doc", "issue", ID(document), "--on", "2026-11-18");
	long long recent = add_executive(f, "2026-11-16");
	mark_held(f, recent);
	OK(f, "doc", "add", "--meeting", ID(recent), "--title", "秋冬种通知"); /* due 2026-11-25 */
	/* Held on 2026-11-12: seven working days run out today, not before. */
	long long due_today = add_executive(f, "2026-11-12");
	mark_held(f, due_today);
	OK(f, "doc", "add", "--meeting", ID(due_today), "--title", "冬季防火通知");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "DOCUMENT_OVERDUE", ANY_MEETING);
	close_db(f);
}

/* ==== SPECIAL_NO_CONSENT ==== */

static void test_special_no_consent_decision_meeting_without_head(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-25",
			       "--time", "09:00", "--chair", "副职甲", "--decision", "yes");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *consent =
		expect_finding(findings, "SPECIAL_NO_CONSENT", "error", meeting, WUQIA("第四十六条"));
	assert_contains(text_of(consent, "message"), "县长");
	/* The head agrees afterwards. */
	OK(f, "meeting", "edit", ID(meeting), "--head-consent", "yes");
	findings = check(f, NULL, NULL);
	expect_no_finding(findings, "SPECIAL_NO_CONSENT", ANY_MEETING);
	close_db(f);
}

static void test_special_no_consent_not_with_consent_or_not_decision_type(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-25", "--time", "09:00",
	   "--chair", "副职甲", "--decision", "yes", "--head-consent", "yes");
	add_special(f, "2026-11-26", "09:00", "副职乙");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "SPECIAL_NO_CONSENT", ANY_MEETING);
	close_db(f);
}

/* ==== DEPT_MEETING_QUOTA ==== */

static long long add_dept_wide(const fixture *f, const char *date, const char *dept)
{
	return OK(f, "meeting", "add", "--type", "dept_wide", "--date", date, "--time", "10:00",
		  "--dept", dept, "--deputy-consent", "yes");
}

static void test_dept_meeting_quota_second_in_a_year(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long first = add_dept_wide(f, "2026-03-10", "农业农村局");
	long long second = add_dept_wide(f, "2026-11-24", "农业农村局");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *quota =
		expect_finding(findings, "DEPT_MEETING_QUOTA", "warning", second, WUQIA("第四十七条"));
	assert_contains(text_of(quota, "message"), "农业农村局");
	assert_contains(text_of(quota, "message"), "第2次");
	expect_no_finding(findings, "DEPT_MEETING_QUOTA", first);
	long long third = add_dept_wide(f, "2026-12-08", "农业农村局");
	findings = check(f, NULL, NULL);
	expect_finding(findings, "DEPT_MEETING_QUOTA", "warning", third, WUQIA("第四十七条"));
	/* Only within --from/--to, though the first meeting of the year still counts. */
	findings = check(f, "2026-11-01", "2026-11-30");
	expect_finding(findings, "DEPT_MEETING_QUOTA", "warning", second, WUQIA("第四十七条"));
	expect_count(findings, "DEPT_MEETING_QUOTA", ANY_MEETING, 1);
	close_db(f);
}

static void test_dept_meeting_quota_not_for_other_department_year_or_cancelled(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long cancelled = add_dept_wide(f, "2026-03-10", "农业农村局");
	OK(f, "meeting", "cancel", ID(cancelled));
	add_dept_wide(f, "2026-11-24", "农业农村局");
	add_dept_wide(f, "2026-11-25", "财政局");
	add_dept_wide(f, "2025-11-25", "财政局");
	const json_t *findings = check(f, "2025-01-01", "2026-12-31");
	expect_no_finding(findings, "DEPT_MEETING_QUOTA", ANY_MEETING);
	close_db(f);
}

/* ==== DEPT_MEETING_NOTICE (Ili: 10 working days) ==== */

static void test_dept_meeting_notice_short_or_missing_request(void **state)
{
	(void)state;
	fixture *f = open_db("ili", TODAY);
	/* 2026-11-27 to 2026-12-10: 9 working days. */
	long long short_notice = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-10",
				    "--time", "10:00", "--dept", "农业农村局", "--requested",
				    "2026-11-27");
	long long unrecorded = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-11",
				  "--time", "10:00", "--dept", "财政局");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *notice = expect_finding(findings, "DEPT_MEETING_NOTICE", "warning", short_notice,
					      ILI("第二十五条"));
	assert_contains(text_of(notice, "message"), "9个工作日");
	notice = expect_finding(findings, "DEPT_MEETING_NOTICE", "warning", unrecorded,
				ILI("第二十五条"));
	assert_contains(text_of(notice, "message"), "未记录报请日期");
	close_db(f);
}

static void test_dept_meeting_notice_not_with_ten_workdays(void **state)
{
	(void)state;
	fixture *f = open_db("ili", TODAY);
	/* 2026-11-26 to 2026-12-10: 10 working days. */
	OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-10", "--time", "10:00",
	   "--dept", "农业农村局", "--requested", "2026-11-26");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "DEPT_MEETING_NOTICE", ANY_MEETING);
	close_db(f);
}

/* A request recorded after the meeting is late, not missing. */
static void test_dept_meeting_notice_request_after_meeting_is_not_missing(void **state)
{
	(void)state;
	fixture *f = open_db("ili", TODAY);
	long long meeting = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-10",
			       "--time", "10:00", "--dept", "农业农村局", "--requested", "2026-12-14");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *notice =
		expect_finding(findings, "DEPT_MEETING_NOTICE", "warning", meeting, ILI("第二十五条"));
	assert_not_contains(text_of(notice, "message"), "未记录报请日期");
	close_db(f);
}

/* ==== DEPT_MEETING_CONSENT (Wuqia: the deputy in charge agrees first) ==== */

static void test_dept_meeting_consent_missing(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long meeting = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-11-26",
			       "--time", "10:00", "--dept", "农业农村局");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *consent = expect_finding(findings, "DEPT_MEETING_CONSENT", "warning", meeting,
					       WUQIA("第四十七条"));
	assert_contains(text_of(consent, "message"), "农业农村局");
	expect_no_finding(findings, "DEPT_MEETING_NOTICE", ANY_MEETING);
	close_db(f);
}

static void test_dept_meeting_consent_not_once_deputy_agrees(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_dept_wide(f, "2026-11-25", "财政局");
	long long later = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-11-26",
			     "--time", "10:00", "--dept", "农业农村局");
	OK(f, "meeting", "edit", ID(later), "--deputy-consent", "yes");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "DEPT_MEETING_CONSENT", ANY_MEETING);
	close_db(f);
}

/* ==== NON_WORKDAY ==== */

static void test_non_workday_weekend(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long saturday = add_executive(f, "2026-11-07");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *weekend =
		expect_finding(findings, "NON_WORKDAY", "warning", saturday, WEEKEND_CLAUSE);
	assert_contains(text_of(weekend, "message"), "周末");
	expect_count(findings, "NON_WORKDAY", ANY_MEETING, 1);
	close_db(f);
}

static void test_non_workday_public_holiday(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long monday = add_executive(f, "2026-10-05");
	long long saturday = add_special(f, "2026-10-03", "10:00", "副职甲");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *holiday =
		expect_finding(findings, "NON_WORKDAY", "warning", monday, HOLIDAY_CLAUSE_2026);
	assert_contains(text_of(holiday, "message"), "国庆节");
	/* A holiday on a Saturday is still the holiday. */
	expect_finding(findings, "NON_WORKDAY", "warning", saturday, HOLIDAY_CLAUSE_2026);
	close_db(f);
}

static void test_non_workday_not_on_makeup_workday_or_weekday(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-10-10"); /* Saturday, 国庆节调休上班 */
	add_executive(f, "2026-10-09"); /* Friday */
	add_executive(f, "2026-11-23"); /* Monday */
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "NON_WORKDAY", ANY_MEETING);
	close_db(f);
}

/* A year whose arrangement is not published: the statutory days (全国年节及纪念日放假办法 第二条)
 * are off, provisionally; the days beside them are ordinary working days. */
static void test_non_workday_provisional_statutory_holiday(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", "2026-12-02");
	long long new_year = add_executive(f, "2027-01-01");      /* Friday, 元旦 */
	long long eve = add_executive(f, "2027-02-05");           /* Friday, 除夕 */
	long long after = add_executive(f, "2027-02-09");         /* Tuesday, after 初三 */
	const json_t *findings = check(f, "2027-01-01", "2027-12-31");
	const json_t *holiday = expect_finding(findings, "NON_WORKDAY", "warning", new_year,
					       "全国年节及纪念日放假办法 第二条");
	assert_contains(text_of(holiday, "message"), "元旦");
	assert_contains(text_of(holiday, "message"), "暂定");
	assert_contains(text_of(holiday, "message"), "2027年节假日安排尚未发布");
	assert_contains(text_of(expect_finding(findings, "NON_WORKDAY", "warning", eve,
					       "全国年节及纪念日放假办法 第二条"), "message"),
			"春节");
	expect_no_finding(findings, "NON_WORKDAY", after);
	close_db(f);
}

/* ==== DOUBLE_BOOKED ==== */

static void test_double_booked_overlapping_meetings(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	long long executive = add_executive(f, "2026-11-24"); /* 09:00, two hours */
	long long special = add_special(f, "2026-11-24", "10:00", "副职甲");
	long long afternoon = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-25",
				 "--time", "14:00", "--end", "15:00", "--chair", "副职乙");
	long long long_one = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-25",
				"--time", "09:00", "--end", "14:30", "--chair", "副职乙");
	const json_t *findings = check(f, NULL, NULL);
	/* No article forbids a double booking: huiwu's own judgement, citing none, says so. */
	const json_t *clash = expect_finding(findings, "DOUBLE_BOOKED", "warning", special, "");
	assert_contains(text_of(clash, "message"), "规则未作规定，不引条款");
	assert_contains(text_of(clash, "message"), "副职甲");
	char needle[32];
	snprintf(needle, sizeof needle, "#%lld", executive);
	assert_contains(text_of(clash, "message"), needle);
	clash = expect_finding(findings, "DOUBLE_BOOKED", "warning", afternoon, "");
	snprintf(needle, sizeof needle, "#%lld", long_one);
	assert_contains(text_of(clash, "message"), needle);
	expect_count(findings, "DOUBLE_BOOKED", ANY_MEETING, 2);
	close_db(f);
}

static void test_double_booked_not_back_to_back_on_leave_or_cancelled(void **state)
{
	(void)state;
	fixture *f = open_db("wuqia", TODAY);
	add_executive(f, "2026-11-24");               /* 09:00 to 11:00 */
	add_special(f, "2026-11-24", "11:00", "副职甲"); /* starts as it ends */
	long long excused = add_executive(f, "2026-11-25");
	add_special(f, "2026-11-25", "10:00", "副职甲");
	decide_leave(f, ask_leave(f, excused, "副职甲", false), "approve", "首长");
	long long cancelled = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-26",
				 "--time", "09:00", "--adhoc", "临时研究");
	add_special(f, "2026-11-26", "10:00", "副职乙");
	OK(f, "meeting", "cancel", ID(cancelled));
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "DOUBLE_BOOKED", ANY_MEETING);
	close_db(f);
}

/* ==== types the rules do not define ==== */

/* Rules of Yiwu that also define special-topic meetings, in the fixture's folder: meetings made
 * under them stand for records from before the rules took their present form. */
static void write_yiwu_rules_with_special(const fixture *f)
{
	char *source = test_path(test_data_dir(), "rules/yiwu.ini");
	char *text = test_read_file(source, NULL);
	free(source);
	assert_non_null(text);
	char *special = strstr(text, "[special]"), *study = strstr(text, "[study]");
	assert_non_null(special);
	assert_non_null(study);
	char *directory = test_path(f->directory, "rules");
	mkdir(directory, 0700);
	char *path = test_path(directory, "yiwu.ini");
	FILE *file = fopen(path, "wb");
	assert_non_null(file);
	fwrite(text, 1, (size_t)(special - text), file);
	fputs("[special]\n"
	      "defined = yes @ 第三十四条\n"
	      "name = 伊吾县人民政府专题会议 @ 第三十四条\n"
	      "chair = head, deputy @ 第三十四条\n"
	      "adhoc = yes @ 第三十四条\n"
	      "decision_consent = head @ 第三十四条\n\n",
	      file);
	fputs(study, file);
	fclose(file);
	free(path);
	free(text);
	free(owned.rules_setting);
	if (asprintf(&owned.rules_setting, "HUIWU_RULES_DIR=%s", directory) < 0)
		fail_msg("out of memory");
	free(directory);
}

/* Runs the following commands under those rules, or again under the shipped ones. */
static void use_rules_with_special(fixture *f, bool on)
{
	f->env[4] = on ? owned.rules_setting : NULL;
}

static void test_yiwu_meeting_of_undefined_type_not_judged(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	write_yiwu_rules_with_special(f);
	use_rules_with_special(f, true);
	long long special = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-07",
			       "--time", "09:00", "--chair", "副职甲", "--decision", "yes");
	const json_t *findings = check(f, NULL, NULL);
	/* Under rules that define it, the meeting is judged. */
	expect_finding(findings, "NON_WORKDAY", "warning", special, WEEKEND_CLAUSE);
	expect_finding(findings, "SPECIAL_NO_CONSENT", "error", special, YIWU("第三十四条"));
	use_rules_with_special(f, false);
	findings = check(f, NULL, NULL);
	expect_nothing_on(findings, special);
	close_db(f);
}

static void test_yiwu_meeting_of_undefined_type_not_double_booked(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	write_yiwu_rules_with_special(f);
	add_executive(f, "2026-11-10");
	use_rules_with_special(f, true);
	long long special = add_special(f, "2026-11-10", "10:00", "副职甲");
	use_rules_with_special(f, false);
	const json_t *findings = check(f, NULL, NULL);
	expect_nothing_on(findings, special);
	close_db(f);
}

static void test_yiwu_never_reports_study_sessions(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	add_executive(f, "2026-03-10");
	const json_t *findings = check(f, NULL, NULL);
	expect_no_finding(findings, "STUDY_OVERDUE", ANY_MEETING);
	assert_int_equal(count_saying(findings, "FREQ_UNDER", "专题学习"), 0);
	/* The executive meeting, which Yiwu does define, is judged. */
	expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING, YIWU("第三十六条"));
	close_db(f);
}

/* ==== the same schedule under the five governments' rules ==== */

/* Executive meetings on three Tuesdays of November 2026: Ili and Changji hold 2-3 a month,
 * Kizilsu and Wuqia 1-2, Yiwu one every two months. */
static void three_executive_meetings_in_a_month(const char *government, int over, const char *clause)
{
	fixture *f = open_db(government, TODAY);
	long long meetings[3] = {add_executive(f, "2026-11-03"), add_executive(f, "2026-11-10"),
				 add_executive(f, "2026-11-17")};
	const json_t *findings = check(f, NULL, NULL);
	expect_count(findings, "FREQ_OVER", ANY_MEETING, over);
	for (int i = 3 - over; i < 3; i++)
		expect_finding(findings, "FREQ_OVER", "warning", meetings[i], clause);
	expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
	close_db(f);
}

static void test_three_executive_meetings_a_month_ili_fine(void **state)
{
	(void)state;
	three_executive_meetings_in_a_month("ili", 0, NULL);
}

static void test_three_executive_meetings_a_month_changji_fine(void **state)
{
	(void)state;
	three_executive_meetings_in_a_month("changji", 0, NULL);
}

static void test_three_executive_meetings_a_month_kizilsu_over(void **state)
{
	(void)state;
	three_executive_meetings_in_a_month("kizilsu", 1, KIZILSU("第三十九条"));
}

static void test_three_executive_meetings_a_month_wuqia_over(void **state)
{
	(void)state;
	three_executive_meetings_in_a_month("wuqia", 1, WUQIA("第四十二条"));
}

static void test_three_executive_meetings_a_month_yiwu_over_twice(void **state)
{
	(void)state;
	three_executive_meetings_in_a_month("yiwu", 2, YIWU("第三十六条"));
}

typedef struct government_case {
	const char *government;
	const char *clause; /* NULL: not flagged under these rules */
} government_case;

/* ==== DEPT_MEETING_LEADER: 政府领导同志一般不出席部门的工作会议 ==== */

/* 从严控制以自治州名义在伊宁市以外召开的全州或区域性会议 (ili 25; kizilsu 44 阿图什市,
 * changji 25 昌吉市域外, wuqia 47 乌恰县): a department-wide meeting whose location does not
 * name the seat is reported. The twins: one whose location names the seat, one with no
 * location recorded; yiwu 40 has no such sentence and reports none. */
static void test_dept_meeting_outside_the_seat_by_government(void **state)
{
	(void)state;
	const struct {
		const char *government, *seat, *clause;
	} cases[] = {
		{"ili", "伊宁市", ILI("第二十五条")},       {"kizilsu", "阿图什市", KIZILSU("第四十四条")},
		{"yiwu", "伊吾县", NULL},                 {"changji", "昌吉市", CHANGJI("第二十五条")},
		{"wuqia", "乌恰县", WUQIA("第四十七条")},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		long long away = add_dept_wide(f, "2026-11-25", "农业农村局");
		OK(f, "meeting", "edit", ID(away), "--location", "喀纳斯景区宾馆");
		long long home = add_dept_wide(f, "2026-11-26", "财政局");
		char inside[128];
		snprintf(inside, sizeof inside, "%s政府三楼会议室", cases[i].seat);
		OK(f, "meeting", "edit", ID(home), "--location", inside);
		long long unknown = add_dept_wide(f, "2026-11-27", "教育局");
		const json_t *findings = check(f, NULL, NULL);
		if (cases[i].clause != NULL) {
			const json_t *outside = expect_finding(findings, "DEPT_MEETING_OUTSIDE_SEAT",
							       "warning", away, cases[i].clause);
			assert_contains(text_of(outside, "message"), "喀纳斯景区宾馆");
			assert_contains(text_of(outside, "message"), "从严控制");
		} else {
			expect_no_finding(findings, "DEPT_MEETING_OUTSIDE_SEAT", ANY_MEETING);
		}
		expect_no_finding(findings, "DEPT_MEETING_OUTSIDE_SEAT", home);
		expect_no_finding(findings, "DEPT_MEETING_OUTSIDE_SEAT", unknown);
		close_db(f);
	}
}

/* 兼任部门负责同志的参加本部门会议除外 (wuqia 47 and the others), but not in yiwu 40, which
 * gives no such exception. */
static void test_dept_meeting_leader_who_leads_the_department(void **state)
{
	(void)state;
	const char *const governments[] = {"wuqia", "yiwu"};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = open_db(governments[i], TODAY);
		OK(f, "person", "edit", "副职甲", "--dept", "农业农村局");
		long long own = add_dept_wide(f, "2026-11-25", "农业农村局");
		OK(f, "meeting", "invite", ID(own), "--person", "副职甲");
		long long other = add_dept_wide(f, "2026-11-26", "财政局");
		OK(f, "meeting", "invite", ID(other), "--person", "副职甲");
		const json_t *findings = check(f, NULL, NULL);
		expect_count(findings, "DEPT_MEETING_LEADER", other, 1);
		expect_count(findings, "DEPT_MEETING_LEADER", own, i == 0 ? 0 : 1);
		close_db(f);
	}
}

/* One executive meeting in October: too few for Ili and Changji only. */
static void test_one_executive_meeting_a_month_too_few_in_ili_and_changji(void **state)
{
	(void)state;
	const government_case cases[] = {
		{"ili", ILI("第二十条")}, {"changji", CHANGJI("第二十条")}, {"kizilsu", NULL},
		{"wuqia", NULL},          {"yiwu", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		add_executive(f, "2026-10-13");
		const json_t *findings = check(f, "2026-10-01", "2026-10-31");
		if (cases[i].clause) {
			expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING, cases[i].clause);
			expect_count(findings, "FREQ_UNDER", ANY_MEETING, 1);
		} else {
			expect_no_finding(findings, "FREQ_UNDER", ANY_MEETING);
		}
		close_db(f);
	}
}

/* Wuqia lets the executive deputy chair by the head's delegation (see above); the others refuse
 * the meeting and cite the clause. */
static void test_executive_deputy_may_not_chair_executive_outside_wuqia(void **state)
{
	(void)state;
	const government_case cases[] = {
		{"ili", ILI("第十八条")},
		{"kizilsu", KIZILSU("第三十九条")},
		{"yiwu", YIWU("第三十六条")},
		{"changji", CHANGJI("第二十条")},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		REFUSED_SAYING(f, cases[i].clause, "meeting", "add", "--type", "executive", "--date",
			"2026-11-24", "--time", "09:00", "--chair", "常务副职");
		assert_contains(owned.run.err, "常务副职");
		const run_result *list = RUN_KEPT(f, "meeting", "list", "--json");
		assert_int_equal(list->status, 0);
		assert_string_equal(list->out, "[]\n");
		close_db(f);
	}
}

static void test_substitute_for_department_head_in_kizilsu_and_wuqia(void **state)
{
	(void)state;
	const government_case cases[] = {{"kizilsu", KIZILSU("第四十一条")},
					 {"wuqia", WUQIA("第四十四条")}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		long long meeting = add_meeting(f, "plenary", "2026-11-26", "09:00");
		/* Only a deputy head of the same department stands in. */
		REFUSED_SAYING(f, cases[i].clause, "leave", "request", "--meeting", ID(meeting), "--person",
			"教育局局长", "--reason", "赴外地出差", "--written", "--substitute",
			"农业农村局副局长");
		long long leave = OK(f, "leave", "request", "--meeting", ID(meeting), "--person",
				     "农业农村局局长", "--reason", "赴外地出差", "--written",
				     "--substitute", "农业农村局副局长");
		decide_leave(f, leave, "approve", "首长");
		const json_t *shown = show(f, meeting);
		bool head_substituted = false, deputy_attends = false;
		size_t index;
		json_t *attendee;
		json_array_foreach(json_object_get(shown, "attendees"), index, attendee)
		{
			if (strcmp(text_of(attendee, "name"), "农业农村局局长") == 0)
				head_substituted =
					strcmp(text_of(attendee, "substitute"), "农业农村局副局长") == 0 &&
					strcmp(text_of(attendee, "leave"), "approved") == 0;
			if (strcmp(text_of(attendee, "name"), "农业农村局副局长") == 0)
				deputy_attends = true;
		}
		assert_true(head_substituted);
		assert_true(deputy_attends);
		const json_t *findings = check(f, NULL, NULL);
		expect_no_finding(findings, "LEAVE_NOT_WRITTEN", ANY_MEETING);
		close_db(f);
	}
}

static void test_substitute_refused_in_ili_yiwu_and_changji(void **state)
{
	(void)state;
	const char *const governments[] = {"ili", "yiwu", "changji"};
	for (size_t i = 0; i < sizeof governments / sizeof governments[0]; i++) {
		fixture *f = open_db(governments[i], TODAY);
		long long meeting = add_meeting(f, "plenary", "2026-11-26", "09:00");
		REFUSED_SAYING(f, "says nothing of anyone attending in another's place", "leave", "request", "--meeting", ID(meeting), "--person",
			"农业农村局局长", "--reason", "赴外地出差", "--written", "--substitute",
			"农业农村局副局长");
		const run_result *list = RUN_KEPT(f, "leave", "list", "--json");
		assert_string_equal(list->out, "[]\n");
		close_db(f);
	}
}

static void test_yiwu_refuses_special_office_and_study_meetings(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	const char *const types[] = {"special", "office", "study"};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		REFUSED_SAYING(f, YIWU("第三十四条"), "meeting", "add", "--type", types[i], "--date",
			"2026-11-24", "--time", "09:00");
		assert_contains(owned.run.err, "do not define");
	}
	const run_result *list = RUN_KEPT(f, "meeting", "list", "--json");
	assert_string_equal(list->out, "[]\n");
	close_db(f);
}

/* Yiwu: the organising unit hands documents to the office within 4 working days, the office
 * issues them within 3 more. */
static void test_documents_due_in_yiwu_four_plus_three_workdays(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	long long ninth = add_executive(f, "2026-11-09");
	mark_held(f, ninth);
	long long kept = OK(f, "doc", "add", "--meeting", ID(ninth), "--title", "未报送的文件");
	long long handed = OK(f, "doc", "add", "--meeting", ID(ninth), "--title", "已报送的文件");
	OK(f, "doc", "handover", ID(handed), "--on", "2026-11-11");
	long long issued = OK(f, "doc", "add", "--meeting", ID(ninth), "--title", "已印发的文件");
	OK(f, "doc", "handover", ID(issued), "--on", "2026-11-11");
	OK(f, "doc", "issue", ID(issued), "--on", "2026-11-13");
	long long sixteenth = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-16",
				 "--time", "09:00", "--adhoc", "临时研究");
	mark_held(f, sixteenth);
	OK(f, "doc", "add", "--meeting", ID(sixteenth), "--title", "新近的文件");
	const json_t *findings = check(f, NULL, NULL);
	char needle[64];
	snprintf(needle, sizeof needle, "文件#%lld", kept);
	const json_t *late = expect_saying(findings, "DOCUMENT_OVERDUE", ninth, needle);
	assert_contains(text_of(late, "message"), "2026-11-13前由组织发起单位报政府办公室");
	assert_string_equal(text_of(late, "clause"), YIWU("第三十九条"));
	snprintf(needle, sizeof needle, "文件#%lld", handed);
	late = expect_saying(findings, "DOCUMENT_OVERDUE", ninth, needle);
	assert_contains(text_of(late, "message"), "2026-11-16前由政府办公室印发");
	expect_count(findings, "DOCUMENT_OVERDUE", ninth, 2);
	/* Held a week ago: four working days for the hand-over are past, seven are not. */
	late = expect_finding(findings, "DOCUMENT_OVERDUE", "error", sixteenth, YIWU("第三十九条"));
	assert_contains(text_of(late, "message"), "2026-11-20前由组织发起单位报政府办公室");
	close_db(f);
}

static void test_documents_due_elsewhere_seven_workdays(void **state)
{
	(void)state;
	const government_case cases[] = {
		{"ili", ILI("第二十二条")},
		{"kizilsu", KIZILSU("第四十二条")},
		{"changji", CHANGJI("第二十二条")},
		{"wuqia", WUQIA("第四十五条")},
	};
	/* Changji 22 sets the 7 working days to submit for signature, the others to issue. */
	const char *const expected[] = {"2026-11-18前印发", "2026-11-18前印发",
					"2026-11-18前报市长或副市长签发", "2026-11-18前印发"};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, TODAY);
		long long ninth = add_executive(f, "2026-11-09");
		mark_held(f, ninth);
		OK(f, "doc", "add", "--meeting", ID(ninth), "--title", "未印发的文件");
		long long sixteenth = add_executive(f, "2026-11-16");
		mark_held(f, sixteenth);
		OK(f, "doc", "add", "--meeting", ID(sixteenth), "--title", "新近的文件");
		const json_t *findings = check(f, NULL, NULL);
		const json_t *late =
			expect_finding(findings, "DOCUMENT_OVERDUE", "error", ninth, cases[i].clause);
		assert_contains(text_of(late, "message"), expected[i]);
		expect_no_finding(findings, "DOCUMENT_OVERDUE", sixteenth);
		close_db(f);
	}
}

/* One plenary meeting in 2026, judged in January 2027: Changji holds 2-3 a year, Ili, Kizilsu
 * and Wuqia 1-2, Yiwu's rules set no number. */
static void test_plenary_meetings_a_year_by_government(void **state)
{
	(void)state;
	const government_case cases[] = {
		{"changji", CHANGJI("第十九条")}, {"ili", NULL},  {"kizilsu", NULL},
		{"wuqia", NULL},                  {"yiwu", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture *f = open_db(cases[i].government, "2027-01-15");
		add_meeting(f, "plenary", "2026-03-10", "09:00");
		const json_t *findings = check(f, "2026-01-01", "2026-12-31");
		if (cases[i].clause) {
			const json_t *under = expect_finding(findings, "FREQ_UNDER", "warning", NO_MEETING,
							     cases[i].clause);
			assert_string_equal(text_of(under, "date"), "2026-01-01");
			assert_int_equal(count_saying(findings, "FREQ_UNDER", "全体会议"), 1);
		} else {
			assert_int_equal(count_saying(findings, "FREQ_UNDER", "全体会议"), 0);
		}
		/* A second plenary meeting satisfies every government. */
		add_meeting(f, "plenary", "2026-06-09", "09:00");
		findings = check(f, "2026-01-01", "2026-12-31");
		assert_int_equal(count_saying(findings, "FREQ_UNDER", "全体会议"), 0);
		close_db(f);
	}
}

/* Yiwu's executive meeting has member departments (常务会组成部门); Wuqia's has none. */
static void test_executive_member_departments_only_in_yiwu(void **state)
{
	(void)state;
	fixture *f = open_db("yiwu", TODAY);
	long long meeting = add_executive(f, "2026-11-24");
	OK(f, "meeting", "uninvite", ID(meeting), "--person", "财政局局长");
	const json_t *findings = check(f, NULL, NULL);
	const json_t *missing =
		expect_finding(findings, "MEMBER_NOT_INVITED", "warning", meeting, YIWU("第三十六条"));
	assert_contains(text_of(missing, "message"), "财政局局长");
	close_db(f);

	f = open_db("wuqia", TODAY);
	meeting = add_executive(f, "2026-11-24");
	const json_t *shown = show(f, meeting);
	size_t index;
	json_t *attendee;
	json_array_foreach(json_object_get(shown, "attendees"), index, attendee)
	{
		assert_string_not_equal(text_of(attendee, "name"), "财政局局长");
	}
	findings = check(f, NULL, NULL);
	expect_no_finding(findings, "MEMBER_NOT_INVITED", ANY_MEETING);
	close_db(f);
}

/* ---- the codes the assertions accept ---- */

/* The codes src/core/checks.c raises: each `add_finding(out, "CODE"`, read from the source. */
static int codes_raised_in_source(char codes[][64], int capacity)
{
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	if (root == NULL)
		fail_msg("HUIWU_SOURCE_ROOT is not set: run the tests with 'meson test'");
	char *path = test_path(root, "src/core/checks.c");
	char *source = test_read_file(path, NULL);
	free(path);
	assert_non_null(source);
	int count = 0;
	const char *call = "add_finding(out, \"";
	for (const char *at = strstr(source, call); at != NULL; at = strstr(at + 1, call)) {
		const char *code = at + strlen(call);
		size_t length = strcspn(code, "\"");
		if (length == 0 || length >= 64 || count == capacity)
			fail_msg("unexpected add_finding call in src/core/checks.c");
		memcpy(codes[count], code, length);
		codes[count++][length] = '\0';
	}
	free(source);
	return count;
}

static void test_finding_codes_known_are_those_the_engine_raises(void **state)
{
	(void)state;
	char codes[64][64];
	int count = codes_raised_in_source(codes, 64);
	assert_true(count >= 19);
	for (int i = 0; i < count; i++)
		if (!hw_finding_code_known(codes[i]))
			fail_msg("src/core/checks.c raises %s, which finding_codes does not list", codes[i]);
}

static void test_misspelt_finding_code_is_not_known(void **state)
{
	(void)state;
	assert_true(hw_finding_code_known("FREQ_OVER"));
	assert_true(hw_finding_code_known("DOUBLE_BOOKED"));
	/* what expect_no_finding and count_findings now refuse instead of counting zero */
	assert_false(hw_finding_code_known("FREQ_OVRE"));
	assert_false(hw_finding_code_known("freq_over"));
	assert_false(hw_finding_code_known("FREQ_OVER "));
	assert_false(hw_finding_code_known(""));
	assert_false(hw_finding_code_known(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_finding_codes_known_are_those_the_engine_raises),
		TEST(test_misspelt_finding_code_is_not_known),
		/* one code at a time: raised, and not raised */
		TEST(test_freq_over_third_regular_executive_meeting_in_a_month),
		TEST(test_freq_over_not_for_adhoc_or_cancelled_meeting),
		TEST(test_freq_under_ended_month_without_executive_meeting),
		TEST(test_freq_under_not_when_month_has_meeting_but_cancelled_does_not_count),
		TEST(test_freq_under_not_before_first_meeting_nor_in_unended_month),
		TEST(test_freq_under_only_within_from_to),
		TEST(test_freq_under_not_on_empty_database),
		TEST(test_study_overdue_two_months_without_study),
		TEST(test_study_overdue_not_when_study_held_every_two_months),
		TEST(test_chair_not_allowed_when_chair_is_no_longer_head),
		TEST(test_chair_allowed_head_and_executive_deputy_by_delegation),
		TEST(test_member_not_invited_deputy_uninvited),
		TEST(test_member_not_invited_justice_bureau_sitter_in),
		TEST(test_member_not_invited_deputy_appointed_after_meeting_until_invited),
		TEST(test_member_not_invited_not_once_meeting_held),
		TEST(test_topic_leader_absent_deputy_on_approved_leave),
		TEST(test_topic_leader_absent_not_for_other_division_or_refused_leave),
		TEST(test_topic_not_studied_never_or_after_meeting),
		TEST(test_topic_not_studied_not_when_studied_before_or_on_the_day),
		TEST(test_topic_not_approved_on_agenda),
		TEST(test_topic_not_approved_not_once_head_approves),
		TEST(test_topic_not_agreed_funds_and_projects),
		TEST(test_topic_not_agreed_not_when_agreed_or_no_such_matters),
		TEST(test_leave_not_written_oral_request_of_department_head),
		TEST(test_leave_not_written_not_for_written_refused_or_leaders),
		TEST(test_staff_over_staff_of_department_without_topic),
		TEST(test_staff_over_two_staff_of_reporting_department),
		TEST(test_staff_over_not_for_one_staff_of_reporting_department),
		TEST(test_minutes_unsigned_long_after_the_meeting_raise_nothing),
		TEST(test_document_overdue_not_issued_within_seven_workdays),
		TEST(test_document_overdue_not_when_issued_in_time_or_not_yet_due),
		TEST(test_special_no_consent_decision_meeting_without_head),
		TEST(test_special_no_consent_not_with_consent_or_not_decision_type),
		TEST(test_dept_meeting_quota_second_in_a_year),
		TEST(test_dept_meeting_quota_not_for_other_department_year_or_cancelled),
		TEST(test_dept_meeting_notice_short_or_missing_request),
		TEST(test_dept_meeting_notice_not_with_ten_workdays),
		TEST(test_dept_meeting_notice_request_after_meeting_is_not_missing),
		TEST(test_dept_meeting_consent_missing),
		TEST(test_dept_meeting_consent_not_once_deputy_agrees),
		TEST(test_dept_meeting_leader_who_leads_the_department),
		TEST(test_dept_meeting_outside_the_seat_by_government),
		TEST(test_wuqia_61_ili_40_deputy_away_on_a_trip),
		TEST(test_non_workday_weekend),
		TEST(test_non_workday_public_holiday),
		TEST(test_non_workday_not_on_makeup_workday_or_weekday),
		TEST(test_non_workday_provisional_statutory_holiday),
		TEST(test_double_booked_overlapping_meetings),
		TEST(test_double_booked_not_back_to_back_on_leave_or_cancelled),
		TEST(test_yiwu_meeting_of_undefined_type_not_judged),
		TEST(test_yiwu_meeting_of_undefined_type_not_double_booked),
		TEST(test_yiwu_never_reports_study_sessions),
		/* one schedule, five governments */
		TEST(test_three_executive_meetings_a_month_ili_fine),
		TEST(test_three_executive_meetings_a_month_changji_fine),
		TEST(test_three_executive_meetings_a_month_kizilsu_over),
		TEST(test_three_executive_meetings_a_month_wuqia_over),
		TEST(test_three_executive_meetings_a_month_yiwu_over_twice),
		TEST(test_one_executive_meeting_a_month_too_few_in_ili_and_changji),
		TEST(test_executive_deputy_may_not_chair_executive_outside_wuqia),
		TEST(test_substitute_for_department_head_in_kizilsu_and_wuqia),
		TEST(test_substitute_refused_in_ili_yiwu_and_changji),
		TEST(test_yiwu_refuses_special_office_and_study_meetings),
		TEST(test_documents_due_in_yiwu_four_plus_three_workdays),
		TEST(test_documents_due_elsewhere_seven_workdays),
		TEST(test_plenary_meetings_a_year_by_government),
		TEST(test_executive_member_departments_only_in_yiwu),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
