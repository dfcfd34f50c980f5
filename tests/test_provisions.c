/* The meeting provisions of data/rules/PROVISIONS.md, one test per government and article: each
 * named <government>_<article>_<what> fails when huiwu encodes that article wrongly (the finding
 * or the refusal is missing, or cites another article), and its twin <…>_obeyed passes when the
 * provision is obeyed (nothing is reported). The last test checks that every test named in
 * PROVISIONS.md exists, so the table cannot drift from the tests.
 *
 * To stay fast, each government's tests share one database: the group's setup builds, as a
 * clerk would, one schedule holding a meeting that breaks each provision and one that keeps it,
 * and runs `huiwu check` once over it; the finding tests read that result, the refusal tests run
 * the refused command (which changes nothing) and the allowed one.
 *
 * Today is Monday 2026-11-23. */
#include "fixture.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TODAY "2026-11-23"

#define ILI(article) "伊州政规〔2023〕2号 " article
#define KIZILSU(article) "克孜勒苏柯尔克孜自治州人民政府工作规则 " article
#define YIWU(article) "伊政发〔2023〕112号 " article
#define CHANGJI(article) "昌市政发〔2023〕78号 " article
#define WUQIA(article) "恰政发〔2024〕6号 " article

/* The meetings of the schedule, by what they show. */
enum {
	PLENARY_BAD,  /* a department head uninvited; that head's leave asked orally */
	PLENARY_OK,   /* everyone invited; leave asked in writing */
	EXEC_BAD,     /* a deputy and the justice bureau's head uninvited */
	EXEC_OVER,    /* one executive meeting more than the month (two months) allows */
	EXEC_WITHIN,  /* the last of as many as the month allows */
	PLENARY_OVER, /* one plenary meeting more than the year allows (2025) */
	PLENARY_WITHIN, /* the last of as many as the year allows (2024) */
	TOPIC_BAD,    /* a topic unapproved, unstudied, funds not agreed, its deputy on leave;
			 staff of a unit without a topic */
	TOPIC_OK,     /* a topic in good order; one staff member of its unit */
	DOC_BAD,      /* held 2026-11-09, a document not passed its first step; minutes drafted */
	DOC_OK,       /* held 2026-11-20, a document not yet due */
	SPECIAL_BAD,  /* a decision-type special-topic meeting without the head's consent */
	SPECIAL_OK,   /* with the consent */
	SPECIAL_HELD, /* held, minutes signed by its chair, waiting for the head's approval */
	SPECIAL_UNSIGNED, /* held, minutes drafted, chaired by 副职乙 */
	DEPT_BAD,     /* department-wide: a leader and a township head invited, no approval, no
			 consent, 9 working days' notice, held in a scenic spot */
	DEPT_OK,      /* department-wide: its own people, approved, consent, 10 working days'
			 notice, at the seat */
	QUOTA_BAD,    /* a department's second department-wide meeting of 2026 */
	QUOTA_OK,     /* that department's only one of 2025 */
	MEETING_COUNT
};

typedef struct government {
	const char *key;
	const char *seat; /* the seat's name, as `[government] seat` */
	bool special;     /* the document defines special-topic meetings */
	bool justice;     /* the justice bureau sits in on executive meetings */
	int executive_max; /* executive meetings a month (yiwu: two months) */
	int plenary_max;   /* plenary meetings a year; 0: no number */
	bool review_first; /* a topic is reviewed by the executive deputy before the head decides */
	/* Who may not propose a topic of 副职甲's field, and who may (topic_proposers). */
	const char *proposer_refused, *proposer_allowed;
} government;

static const government governments[] = {
	/* ili 21: the head or the deputy in charge; kizilsu 40, wuqia 43: departments and lower
	 * governments; yiwu 37 names no one; changji 21: the mayor or any deputy mayor. */
	{"ili", "伊宁市", true, true, 3, 2, false, "副职乙", "副职甲"},
	{"kizilsu", "阿图什市", true, false, 2, 2, false, "副职甲", "农业农村局局长"},
	{"yiwu", "伊吾县", false, false, 1, 0, false, NULL, "办公室主任"},
	{"changji", "昌吉市", true, true, 3, 3, true, "农业农村局局长", "副职乙"},
	{"wuqia", "乌恰县", true, true, 2, 2, false, "副职甲", "农业农村局局长"},
};

typedef struct scenario {
	const government *government;
	fixture fixture;
	bool open, broken;
	json_t *findings;
	long long meetings[MEETING_COUNT];
	long long oral_leave; /* pending, on PLENARY_BAD */
	long long bad_topic;  /* unapproved, on TOPIC_BAD */
} scenario;

static long long add_meeting(const fixture *f, const char *type, const char *date)
{
	return OK(f, "meeting", "add", "--type", type, "--date", date, "--time", "09:30");
}

static long long add_dept_wide(const fixture *f, const char *date, const char *dept)
{
	return OK(f, "meeting", "add", "--type", "dept_wide", "--date", date, "--time", "10:00",
		  "--dept", dept, "--deputy-consent", "yes");
}

static long long add_topic(const fixture *f, bool review_first, long long meeting,
			   const char *title, bool good)
{
	long long topic = good ? OK(f, "topic", "add", "--title", title, "--deputy", "副职甲", "--dept",
				    "农业农村局", "--studied", "2026-11-02", "--matters", "funds",
				    "--agreed")
			       : OK(f, "topic", "add", "--title", title, "--deputy", "副职甲", "--dept",
				    "农业农村局", "--matters", "funds");
	if (good && review_first)
		OK(f, "topic", "review", ID(topic), "--by", "常务副职");
	if (good)
		OK(f, "topic", "approve", ID(topic), "--by", "首长");
	OK(f, "topic", "schedule", ID(topic), "--meeting", ID(meeting));
	return topic;
}

/* The schedule of one government (see the enum), then one check over 2024–2026. */
static void build(scenario *s)
{
	const government *g = s->government;
	fixture *f = &s->fixture;
	long long *m = s->meetings;

	m[PLENARY_BAD] = add_meeting(f, "plenary", "2026-11-25");
	OK(f, "meeting", "uninvite", ID(m[PLENARY_BAD]), "--person", "教育局局长");
	s->oral_leave = OK(f, "leave", "request", "--meeting", ID(m[PLENARY_BAD]), "--person",
			   "农业农村局局长", "--reason", "赴外地出差");
	m[PLENARY_OK] = add_meeting(f, "plenary", "2026-11-19");
	OK(f, "leave", "request", "--meeting", ID(m[PLENARY_OK]), "--person", "农业农村局局长",
	   "--reason", "赴外地出差", "--written");

	m[EXEC_BAD] = add_meeting(f, "executive", "2026-11-24");
	OK(f, "meeting", "uninvite", ID(m[EXEC_BAD]), "--person", "副职乙");
	if (g->justice)
		OK(f, "meeting", "uninvite", ID(m[EXEC_BAD]), "--person", "司法局局长");

	/* March 2026: one more than allowed; May 2026: as many as allowed. */
	static const char *const march[] = {"2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"};
	static const char *const may[] = {"2026-05-12", "2026-05-19", "2026-05-26"};
	for (int i = 0; i <= g->executive_max; i++)
		m[EXEC_OVER] = add_meeting(f, "executive", march[i]);
	for (int i = 0; i < g->executive_max; i++)
		m[EXEC_WITHIN] = add_meeting(f, "executive", may[i]);
	/* 2025: one plenary meeting more than allowed; 2024: as many as allowed. */
	static const char *const in_2025[] = {"2025-03-11", "2025-06-10", "2025-09-09", "2025-12-09"};
	static const char *const in_2024[] = {"2024-03-12", "2024-06-11", "2024-09-10"};
	for (int i = 0; g->plenary_max && i <= g->plenary_max; i++)
		m[PLENARY_OVER] = add_meeting(f, "plenary", in_2025[i]);
	for (int i = 0; g->plenary_max && i < g->plenary_max; i++)
		m[PLENARY_WITHIN] = add_meeting(f, "plenary", in_2024[i]);

	m[TOPIC_BAD] = add_meeting(f, "executive", "2026-11-26");
	s->bad_topic = add_topic(f, g->review_first, m[TOPIC_BAD], "农田水利资金", false);
	long long leave = OK(f, "leave", "request", "--meeting", ID(m[TOPIC_BAD]), "--person",
			     "副职甲", "--reason", "赴外地出差", "--written");
	OK(f, "leave", "approve", ID(leave), "--by", "首长");
	OK(f, "meeting", "invite", ID(m[TOPIC_BAD]), "--person", "财政局工作人员", "--as", "staff");
	m[TOPIC_OK] = add_meeting(f, "executive", "2026-11-27");
	add_topic(f, g->review_first, m[TOPIC_OK], "高标准农田建设", true);
	OK(f, "meeting", "invite", ID(m[TOPIC_OK]), "--person", "农业农村局工作人员", "--as", "staff");

	m[DOC_BAD] = add_meeting(f, "executive", "2026-11-09");
	OK(f, "meeting", "held", ID(m[DOC_BAD]));
	OK(f, "doc", "add", "--meeting", ID(m[DOC_BAD]), "--title", "未印发的文件");
	OK(f, "minutes", "draft", ID(m[DOC_BAD]), "--text", "纪要");
	m[DOC_OK] = add_meeting(f, "executive", "2026-11-20");
	OK(f, "meeting", "held", ID(m[DOC_OK]));
	OK(f, "doc", "add", "--meeting", ID(m[DOC_OK]), "--title", "新近的文件");

	if (g->special) {
		m[SPECIAL_BAD] = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-25",
				    "--time", "15:00", "--chair", "副职甲", "--decision", "yes");
		m[SPECIAL_OK] = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-26",
				   "--time", "15:00", "--chair", "副职乙", "--decision", "yes",
				   "--head-consent", "yes");
		m[SPECIAL_HELD] = OK(f, "meeting", "add", "--type", "special", "--date", "2026-11-17",
				     "--time", "15:00", "--chair", "副职甲");
		OK(f, "meeting", "held", ID(m[SPECIAL_HELD]));
		OK(f, "minutes", "draft", ID(m[SPECIAL_HELD]), "--text", "纪要");
		OK(f, "minutes", "sign", ID(m[SPECIAL_HELD]), "--by", "副职甲");
		m[SPECIAL_UNSIGNED] = OK(f, "meeting", "add", "--type", "special", "--date",
					 "2026-11-18", "--time", "15:00", "--chair", "副职乙");
		OK(f, "meeting", "held", ID(m[SPECIAL_UNSIGNED]));
		OK(f, "minutes", "draft", ID(m[SPECIAL_UNSIGNED]), "--text", "纪要");
	}

	OK(f, "person", "add", "某乡乡长", "--title", "乡长", "--role", "township_head");
	/* 2026-11-27 to 2026-12-10: 9 working days; to 2026-12-11: 10. */
	m[DEPT_BAD] = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-10", "--time",
			 "10:00", "--dept", "农业农村局", "--requested", "2026-11-27", "--location",
			 "喀纳斯景区宾馆");
	OK(f, "meeting", "invite", ID(m[DEPT_BAD]), "--person", "副职甲");
	OK(f, "meeting", "invite", ID(m[DEPT_BAD]), "--person", "某乡乡长");
	char seat[128];
	snprintf(seat, sizeof seat, "%s政府三楼会议室", g->seat);
	m[DEPT_OK] = OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-12-11", "--time",
			"10:00", "--dept", "财政局", "--requested", "2026-11-27", "--location", seat,
			"--deputy-consent", "yes");
	OK(f, "meeting", "edit", ID(m[DEPT_OK]), "--approved", "yes");
	OK(f, "meeting", "invite", ID(m[DEPT_OK]), "--person", "财政局局长");
	OK(f, "meeting", "invite", ID(m[DEPT_OK]), "--person", "某乡乡长");

	if (g->special) /* the documents that define special-topic meetings define study sessions */
		add_meeting(f, "study", "2026-07-14");

	m[QUOTA_OK] = add_dept_wide(f, "2025-05-13", "司法局");
	add_dept_wide(f, "2026-06-09", "司法局");
	m[QUOTA_BAD] = add_dept_wide(f, "2026-06-16", "司法局");

	s->findings = JSON(f, "check", "--json", "--from", "2024-01-01", "--to", "2026-12-31");
}

/* The schedules, built by the first test of each government (one TAP plan for the whole file,
 * so one cmocka group) and freed at the end. */
static scenario *scenarios[sizeof governments / sizeof governments[0]];

static int setup(void **state, size_t index)
{
	scenario *s = scenarios[index];
	if (s == NULL) {
		s = scenarios[index] = calloc(1, sizeof *s);
		if (s == NULL)
			return -1;
		s->government = &governments[index];
		fixture_open(&s->fixture, s->government->key, TODAY);
		s->open = true;
		s->broken = true; /* until the schedule is whole */
		build(s);
		s->broken = false;
	}
	*state = s;
	return s->broken ? -1 : 0;
}

static int teardown_all(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
		scenario *s = scenarios[i];
		if (s == NULL)
			continue;
		json_decref(s->findings);
		if (s->open)
			fixture_close(&s->fixture);
		free(s);
		scenarios[i] = NULL;
	}
	return 0;
}

/* ---- reading the findings ---- */

static const char *text_of(const json_t *object, const char *key)
{
	const char *text = json_string_value(json_object_get(object, key));
	return text ? text : "";
}

static bool on_meeting(const json_t *finding, long long meeting)
{
	const json_t *id = json_object_get(finding, "meeting");
	return meeting == 0 ? json_is_null(id) : json_is_integer(id) && json_integer_value(id) == meeting;
}

static void print_findings(const json_t *findings)
{
	char *text = json_dumps(findings, JSON_INDENT(1));
	print_error("the findings: %s\n", text ? text : "?");
	free(text);
}

/* The finding `code` on `meeting` (0: a period) citing `clause` and saying `needle` (or NULL). */
static const json_t *expect_finding(const scenario *s, const char *code, long long meeting,
				    const char *clause, const char *needle)
{
	size_t i;
	json_t *finding;
	json_array_foreach(s->findings, i, finding)
	{
		if (strcmp(text_of(finding, "code"), code) == 0 && on_meeting(finding, meeting) &&
		    strcmp(text_of(finding, "clause"), clause) == 0 &&
		    (needle == NULL || strstr(text_of(finding, "message"), needle) != NULL))
			return finding;
	}
	print_findings(s->findings);
	fail_msg("%s: expected %s on meeting %lld citing \"%s\"%s%s", s->government->key, code,
		 meeting, clause, needle ? " saying " : "", needle ? needle : "");
	return NULL;
}

/* No finding `code` on `meeting` (whatever it cites), or none saying `needle`. */
static void expect_none(const scenario *s, const char *code, long long meeting, const char *needle)
{
	size_t i;
	json_t *finding;
	json_array_foreach(s->findings, i, finding)
	{
		if (strcmp(text_of(finding, "code"), code) == 0 && on_meeting(finding, meeting) &&
		    (needle == NULL || strstr(text_of(finding, "message"), needle) != NULL)) {
			print_findings(s->findings);
			fail_msg("%s: expected no %s on meeting %lld", s->government->key, code, meeting);
		}
	}
}

/* A period finding (no meeting) dated `date`, citing `clause`. */
static void expect_period(const scenario *s, const char *code, const char *date,
			  const char *clause, bool present)
{
	size_t i;
	json_t *finding;
	json_array_foreach(s->findings, i, finding)
	{
		if (strcmp(text_of(finding, "code"), code) == 0 && on_meeting(finding, 0) &&
		    strcmp(text_of(finding, "date"), date) == 0) {
			if (!present) {
				print_findings(s->findings);
				fail_msg("%s: expected no %s for the period from %s", s->government->key,
					 code, date);
			}
			assert_string_equal(text_of(finding, "clause"), clause);
			return;
		}
	}
	if (present) {
		print_findings(s->findings);
		fail_msg("%s: expected %s for the period from %s", s->government->key, code, date);
	}
}

/* A command refused (exit 1) with `clause` in its message, changing nothing the caller sees. */
static void expect_refused(const scenario *s, const char *clause, const char *const *args)
{
	run_result r = test_run(s->fixture.env, args);
	if (r.status != 1)
		fail_msg("%s: expected huiwu %s %s to be refused, got %d: %s", s->government->key,
			 args[0], args[1], r.status, r.err);
	assert_contains(r.err, clause);
	assert_string_equal(r.out, "");
	test_run_free(&r);
}

#define REFUSED_CITING(s, clause, ...) expect_refused((s), (clause), (const char *const[]){__VA_ARGS__, NULL})

/* ---- the provisions: one body each, run for each government that has it ---- */

#define SCENARIO scenario *s = *state; const fixture *f = &s->fixture; (void)f

static void plenary_members(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "MEMBER_NOT_INVITED", s->meetings[PLENARY_OK], NULL);
	else
		expect_finding(s, "MEMBER_NOT_INVITED", s->meetings[PLENARY_BAD], clause, "教育局局长");
}

static void plenary_frequency(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "FREQ_OVER", s->meetings[PLENARY_WITHIN], NULL);
	else
		expect_finding(s, "FREQ_OVER", s->meetings[PLENARY_OVER], clause, NULL);
}

static void executive_members(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "MEMBER_NOT_INVITED", s->meetings[TOPIC_OK], NULL);
	else
		expect_finding(s, "MEMBER_NOT_INVITED", s->meetings[EXEC_BAD], clause, "副职乙");
}

static void justice_bureau(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "MEMBER_NOT_INVITED", s->meetings[TOPIC_OK], "司法局局长");
	else
		expect_finding(s, "MEMBER_NOT_INVITED", s->meetings[EXEC_BAD], clause, "司法局局长");
}

static void executive_frequency(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "FREQ_OVER", s->meetings[EXEC_WITHIN], NULL);
	else
		expect_finding(s, "FREQ_OVER", s->meetings[EXEC_OVER], clause, NULL);
}

/* The executive meeting is chaired by the head (wuqia: also the executive deputy by
 * delegation); another chair is refused. */
static void executive_chair(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed) {
		OK(f, "meeting", "add", "--type", "executive", "--date", "2026-12-01", "--time", "15:00",
		   "--chair", "首长");
		return;
	}
	REFUSED_CITING(s, clause, "meeting", "add", "--type", "executive", "--date", "2026-12-01",
		       "--time", "15:00", "--chair", "副职甲");
}

static void topics_approved(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed) {
		expect_none(s, "TOPIC_NOT_APPROVED", s->meetings[TOPIC_OK], NULL);
		return;
	}
	expect_finding(s, "TOPIC_NOT_APPROVED", s->meetings[TOPIC_BAD], clause, NULL);
	REFUSED_CITING(s, clause, "topic", "approve", ID(s->bad_topic), "--by", "副职乙");
}

/* Changji 21: 经负责常务工作的副市长审核后报市长确定. */
static void topic_reviewed_first(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed) {
		OK(f, "topic", "review", ID(s->bad_topic), "--by", "常务副职");
		OK(f, "topic", "approve", ID(s->bad_topic), "--by", "首长");
		return;
	}
	REFUSED_CITING(s, clause, "topic", "approve", ID(s->bad_topic), "--by", "首长");
}

/* Kizilsu 40, yiwu 37, wuqia 43: the deputy in charge 协调或审核 (an "or": no review is
 * required), so a review is recorded only by the deputy in charge of the topic. */
static void topic_reviewed_by_the_deputy_in_charge(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "topic", "review", ID(s->bad_topic), "--by", "副职甲");
	else
		REFUSED_CITING(s, clause, "topic", "review", ID(s->bad_topic), "--by", "副职乙");
}

static void topic_proposed_by(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	const government *g = s->government;
	if (obeyed)
		OK(f, "topic", "add", "--title", "农机补贴", "--deputy", "副职甲", "--dept", "农业农村局",
		   "--proposed-by", g->proposer_allowed);
	else
		REFUSED_CITING(s, clause, "topic", "add", "--title", "农机补贴", "--deputy", "副职甲",
			       "--dept", "农业农村局", "--proposed-by", g->proposer_refused);
}

/* Yiwu 37 names no proposer: whoever proposes is recorded. */
static void yiwu_topic_proposers_not_in_its_rules(void **state)
{
	SCENARIO;
	OK(f, "topic", "add", "--title", "农机补贴", "--deputy", "副职甲", "--dept", "农业农村局",
	   "--proposed-by", "办公室主任");
}

static void topics_studied(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "TOPIC_NOT_STUDIED", s->meetings[TOPIC_OK], NULL);
	else
		expect_finding(s, "TOPIC_NOT_STUDIED", s->meetings[TOPIC_BAD], clause, NULL);
}

static void topic_leader_present(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "TOPIC_LEADER_ABSENT", s->meetings[TOPIC_OK], NULL);
	else
		expect_finding(s, "TOPIC_LEADER_ABSENT", s->meetings[TOPIC_BAD], clause, "副职甲");
}

static void topics_agreed(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "TOPIC_NOT_AGREED", s->meetings[TOPIC_OK], NULL);
	else
		expect_finding(s, "TOPIC_NOT_AGREED", s->meetings[TOPIC_BAD], clause, NULL);
}

static void staff_of_the_reporting_unit(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "STAFF_OVER", s->meetings[TOPIC_OK], NULL);
	else
		expect_finding(s, "STAFF_OVER", s->meetings[TOPIC_BAD], clause, "财政局");
}

static void minutes_signed_by_the_head(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "minutes", "sign", ID(s->meetings[DOC_BAD]), "--by", "首长");
	else
		REFUSED_CITING(s, clause, "minutes", "sign", ID(s->meetings[DOC_BAD]), "--by",
			       "常务副职");
}

static void special_minutes_signed_by_the_chair(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "minutes", "sign", ID(s->meetings[SPECIAL_UNSIGNED]), "--by", "副职乙");
	else
		REFUSED_CITING(s, clause, "minutes", "sign", ID(s->meetings[SPECIAL_UNSIGNED]), "--by",
			       "副职甲");
}

static void documents_in_working_days(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DOCUMENT_OVERDUE", s->meetings[DOC_OK], NULL);
	else
		expect_finding(s, "DOCUMENT_OVERDUE", s->meetings[DOC_BAD], clause, "未印发的文件");
}

static void office_meeting_chair(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "meeting", "add", "--type", "office", "--date", "2026-12-02", "--time", "15:00",
		   "--chair", "首长");
	else
		REFUSED_CITING(s, clause, "meeting", "add", "--type", "office", "--date", "2026-12-02",
			       "--time", "15:00", "--chair", "副职甲");
}

static void special_meeting_chair(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "meeting", "add", "--type", "special", "--date", "2026-12-03", "--time", "15:00",
		   "--chair", "副职乙");
	else
		REFUSED_CITING(s, clause, "meeting", "add", "--type", "special", "--date", "2026-12-03",
			       "--time", "15:00", "--chair", "农业农村局局长");
}

static void special_minutes_approved_by_the_head(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "minutes", "approve", ID(s->meetings[SPECIAL_HELD]), "--by", "首长");
	else
		REFUSED_CITING(s, clause, "minutes", "approve", ID(s->meetings[SPECIAL_HELD]), "--by",
			       "副职乙");
}

static void decision_special_meeting_consent(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "SPECIAL_NO_CONSENT", s->meetings[SPECIAL_OK], NULL);
	else
		expect_finding(s, "SPECIAL_NO_CONSENT", s->meetings[SPECIAL_BAD], clause, NULL);
}

static void leave_decided_by_the_chair(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "leave", "approve", ID(s->oral_leave), "--by", "首长");
	else
		REFUSED_CITING(s, clause, "leave", "approve", ID(s->oral_leave), "--by", "副职乙");
}

static void leave_in_writing(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "LEAVE_NOT_WRITTEN", s->meetings[PLENARY_OK], NULL);
	else
		expect_finding(s, "LEAVE_NOT_WRITTEN", s->meetings[PLENARY_BAD], clause, "农业农村局局长");
}

static void substitute_is_a_deputy_of_the_same_department(void **state, const char *clause,
							   bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "leave", "request", "--meeting", ID(s->meetings[PLENARY_OK]), "--person",
		   "财政局局长", "--reason", "赴外地出差", "--written", "--substitute", "财政局副局长");
	else
		REFUSED_CITING(s, clause, "leave", "request", "--meeting", ID(s->meetings[PLENARY_OK]),
			       "--person", "教育局局长", "--reason", "赴外地出差", "--written",
			       "--substitute", "农业农村局副局长");
}

static void dept_meeting_leader(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_LEADER", s->meetings[DEPT_OK], NULL);
	else
	{
		expect_finding(s, "DEPT_MEETING_LEADER", s->meetings[DEPT_BAD], clause, "副职甲");
		expect_finding(s, "DEPT_MEETING_LEADER", s->meetings[DEPT_BAD], clause, "一般不出席");
	}
}

static void dept_meeting_quota(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_QUOTA", s->meetings[QUOTA_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_QUOTA", s->meetings[QUOTA_BAD], clause, "司法局");
}

static void dept_meeting_notice(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_NOTICE", s->meetings[DEPT_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_NOTICE", s->meetings[DEPT_BAD], clause, "9个工作日");
}

static void dept_meeting_approval(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_APPROVAL", s->meetings[DEPT_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_APPROVAL", s->meetings[DEPT_BAD], clause, NULL);
}

static void dept_meeting_consent(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_CONSENT", s->meetings[DEPT_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_CONSENT", s->meetings[DEPT_BAD], clause, "农业农村局");
}

static void dept_meeting_lower_heads(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_LOWER_HEADS", s->meetings[DEPT_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_LOWER_HEADS", s->meetings[DEPT_BAD], clause, "某乡乡长");
}

static void dept_meeting_at_the_seat(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		expect_none(s, "DEPT_MEETING_OUTSIDE_SEAT", s->meetings[DEPT_OK], NULL);
	else
		expect_finding(s, "DEPT_MEETING_OUTSIDE_SEAT", s->meetings[DEPT_BAD], clause,
			       "喀纳斯景区宾馆");
}

/* No study session in January–February 2026 (the records begin in 2024); one in July–August. */
static void study_every_two_months(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	expect_period(s, "STUDY_OVERDUE", obeyed ? "2026-07-01" : "2026-01-01", clause, !obeyed);
}

static void types_defined(void **state, const char *clause, bool obeyed)
{
	SCENARIO;
	if (obeyed)
		OK(f, "meeting", "add", "--type", "executive", "--date", "2026-12-04", "--time", "15:00");
	else
		REFUSED_CITING(s, clause, "meeting", "add", "--type", "special", "--date", "2026-12-04",
			       "--time", "15:00");
}

/* A government whose document has no such provision: the meeting that breaks it elsewhere
 * raises nothing under its rules. */
#define NOT_IN_ITS_RULES(name, code, meeting)                                                      \
	static void name(void **state)                                                             \
	{                                                                                          \
		SCENARIO;                                                                          \
		expect_none(s, code, s->meetings[meeting], NULL);                                  \
	}

/* A test and its twin for one government's article. */
#define PROVISION(name, body, clause)                                                              \
	static void name(void **state)                                                             \
	{                                                                                          \
		body(state, clause, false);                                                        \
	}                                                                                          \
	static void name##_obeyed(void **state)                                                    \
	{                                                                                          \
		body(state, clause, true);                                                         \
	}


/* ---- each government's articles ---- */

/* ili */
PROVISION(ili_19_plenary_invites_its_members, plenary_members, ILI("第十九条"))
PROVISION(ili_19_plenary_meetings_a_year, plenary_frequency, ILI("第十九条"))
PROVISION(ili_20_executive_invites_its_members, executive_members, ILI("第二十条"))
PROVISION(ili_18_executive_chaired_by_the_head, executive_chair, ILI("第十八条"))
PROVISION(ili_20_executive_meetings_a_month, executive_frequency, ILI("第二十条"))
PROVISION(ili_21_justice_bureau_sits_in, justice_bureau, ILI("第二十一条"))
PROVISION(ili_21_topics_proposed_as_the_article_says, topic_proposed_by, ILI("第二十一条"))
PROVISION(ili_21_topics_approved_by_the_head, topics_approved, ILI("第二十一条"))
PROVISION(ili_21_topics_studied_first, topics_studied, ILI("第二十一条"))
PROVISION(ili_21_topics_of_an_absent_deputy_held_back, topic_leader_present, ILI("第二十一条"))
PROVISION(ili_22_minutes_signed_by_the_head, minutes_signed_by_the_head, ILI("第二十二条"))
PROVISION(ili_22_documents_within_working_days, documents_in_working_days, ILI("第二十二条"))
PROVISION(ili_23_office_meeting_chaired_by_the_head, office_meeting_chair, ILI("第二十三条"))
PROVISION(ili_23_special_meeting_chaired_by_a_deputy, special_meeting_chair, ILI("第二十三条"))
PROVISION(ili_23_special_minutes_approved_by_the_head, special_minutes_approved_by_the_head, ILI("第二十三条"))
PROVISION(ili_23_special_minutes_signed_by_the_chair, special_minutes_signed_by_the_chair, ILI("第二十三条"))
PROVISION(ili_24_leave_approved_by_the_chair, leave_decided_by_the_chair, ILI("第二十四条"))
PROVISION(ili_25_leaders_not_at_department_meetings, dept_meeting_leader, ILI("第二十五条"))
PROVISION(ili_25_one_department_wide_meeting_a_year, dept_meeting_quota, ILI("第二十五条"))
PROVISION(ili_25_department_wide_meeting_asked_ten_working_days_ahead, dept_meeting_notice, ILI("第二十五条"))
PROVISION(ili_25_department_wide_meeting_approved, dept_meeting_approval, ILI("第二十五条"))
PROVISION(ili_25_lower_heads_not_invited_without_approval, dept_meeting_lower_heads, ILI("第二十五条"))
PROVISION(ili_25_department_wide_meeting_at_the_seat, dept_meeting_at_the_seat, ILI("第二十五条"))
PROVISION(ili_26_study_session_every_two_months, study_every_two_months, ILI("第二十六条"))

/* kizilsu */
PROVISION(kizilsu_38_plenary_invites_its_members, plenary_members, KIZILSU("第三十八条"))
PROVISION(kizilsu_38_plenary_meetings_a_year, plenary_frequency, KIZILSU("第三十八条"))
PROVISION(kizilsu_39_executive_invites_its_members, executive_members, KIZILSU("第三十九条"))
PROVISION(kizilsu_39_executive_chaired_by_the_head, executive_chair, KIZILSU("第三十九条"))
PROVISION(kizilsu_39_executive_meetings_a_month, executive_frequency, KIZILSU("第三十九条"))
PROVISION(kizilsu_40_topics_proposed_as_the_article_says, topic_proposed_by, KIZILSU("第四十条"))
PROVISION(kizilsu_40_topics_approved_by_the_head, topics_approved, KIZILSU("第四十条"))
PROVISION(kizilsu_40_topic_reviewed_by_the_deputy_in_charge, topic_reviewed_by_the_deputy_in_charge, KIZILSU("第四十条"))
PROVISION(kizilsu_40_topics_studied_first, topics_studied, KIZILSU("第四十条"))
PROVISION(kizilsu_40_topics_of_an_absent_deputy_held_back, topic_leader_present, KIZILSU("第四十条"))
PROVISION(kizilsu_40_matters_agreed_before_submission, topics_agreed, KIZILSU("第四十条"))
PROVISION(kizilsu_42_minutes_signed_by_the_head, minutes_signed_by_the_head, KIZILSU("第四十二条"))
PROVISION(kizilsu_42_documents_within_working_days, documents_in_working_days, KIZILSU("第四十二条"))
PROVISION(kizilsu_43_office_meeting_chaired_by_the_head, office_meeting_chair, KIZILSU("第四十三条"))
PROVISION(kizilsu_43_special_meeting_chaired_by_a_deputy, special_meeting_chair, KIZILSU("第四十三条"))
PROVISION(kizilsu_43_special_minutes_approved_by_the_head, special_minutes_approved_by_the_head, KIZILSU("第四十三条"))
PROVISION(kizilsu_43_special_minutes_signed_by_the_chair, special_minutes_signed_by_the_chair, KIZILSU("第四十三条"))
PROVISION(kizilsu_43_decision_special_meeting_needs_the_head, decision_special_meeting_consent, KIZILSU("第四十三条"))
PROVISION(kizilsu_41_leave_approved_by_the_chair, leave_decided_by_the_chair, KIZILSU("第四十一条"))
PROVISION(kizilsu_41_department_head_leave_in_writing, leave_in_writing, KIZILSU("第四十一条"))
PROVISION(kizilsu_41_substitute_must_be_deputy_of_same_department, substitute_is_a_deputy_of_the_same_department, KIZILSU("第四十一条"))
PROVISION(kizilsu_41_staff_only_of_the_reporting_unit, staff_of_the_reporting_unit, KIZILSU("第四十一条"))
PROVISION(kizilsu_44_leaders_not_at_department_meetings, dept_meeting_leader, KIZILSU("第四十四条"))
PROVISION(kizilsu_44_one_department_wide_meeting_a_year, dept_meeting_quota, KIZILSU("第四十四条"))
PROVISION(kizilsu_44_department_wide_meeting_approved, dept_meeting_approval, KIZILSU("第四十四条"))
PROVISION(kizilsu_44_department_wide_meeting_deputy_consents, dept_meeting_consent, KIZILSU("第四十四条"))
PROVISION(kizilsu_44_lower_heads_not_invited_without_approval, dept_meeting_lower_heads, KIZILSU("第四十四条"))
PROVISION(kizilsu_44_department_wide_meeting_at_the_seat, dept_meeting_at_the_seat, KIZILSU("第四十四条"))
PROVISION(kizilsu_47_study_session_every_two_months, study_every_two_months, KIZILSU("第四十七条"))

/* yiwu */
PROVISION(yiwu_34_meeting_types_defined, types_defined, YIWU("第三十四条"))
PROVISION(yiwu_35_plenary_invites_its_members, plenary_members, YIWU("第三十五条"))
PROVISION(yiwu_36_executive_invites_its_members, executive_members, YIWU("第三十六条"))
PROVISION(yiwu_36_executive_chaired_by_the_head, executive_chair, YIWU("第三十六条"))
PROVISION(yiwu_36_executive_meetings_a_month, executive_frequency, YIWU("第三十六条"))
PROVISION(yiwu_37_topics_approved_by_the_head, topics_approved, YIWU("第三十七条"))
PROVISION(yiwu_37_topic_reviewed_by_the_deputy_in_charge, topic_reviewed_by_the_deputy_in_charge, YIWU("第三十七条"))
PROVISION(yiwu_39_minutes_signed_by_the_head, minutes_signed_by_the_head, YIWU("第三十九条"))
PROVISION(yiwu_39_documents_within_working_days, documents_in_working_days, YIWU("第三十九条"))
PROVISION(yiwu_38_leave_approved_by_the_chair, leave_decided_by_the_chair, YIWU("第三十八条"))
PROVISION(yiwu_40_leaders_not_at_department_meetings, dept_meeting_leader, YIWU("第四十条"))
PROVISION(yiwu_40_one_department_wide_meeting_a_year, dept_meeting_quota, YIWU("第四十条"))
PROVISION(yiwu_40_department_wide_meeting_deputy_consents, dept_meeting_consent, YIWU("第四十条"))
PROVISION(yiwu_40_lower_heads_not_invited_without_approval, dept_meeting_lower_heads, YIWU("第四十条"))

/* changji */
PROVISION(changji_19_plenary_invites_its_members, plenary_members, CHANGJI("第十九条"))
PROVISION(changji_19_plenary_meetings_a_year, plenary_frequency, CHANGJI("第十九条"))
PROVISION(changji_20_executive_invites_its_members, executive_members, CHANGJI("第二十条"))
PROVISION(changji_20_executive_chaired_by_the_head, executive_chair, CHANGJI("第二十条"))
PROVISION(changji_20_executive_meetings_a_month, executive_frequency, CHANGJI("第二十条"))
PROVISION(changji_21_justice_bureau_sits_in, justice_bureau, CHANGJI("第二十一条"))
PROVISION(changji_21_topics_proposed_as_the_article_says, topic_proposed_by, CHANGJI("第二十一条"))
PROVISION(changji_21_topics_approved_by_the_head, topics_approved, CHANGJI("第二十一条"))
PROVISION(changji_21_topic_reviewed_before_the_mayor_decides, topic_reviewed_first, CHANGJI("第二十一条"))
PROVISION(changji_21_topics_studied_first, topics_studied, CHANGJI("第二十一条"))
PROVISION(changji_21_topics_of_an_absent_deputy_held_back, topic_leader_present, CHANGJI("第二十一条"))
PROVISION(changji_22_minutes_signed_by_the_head, minutes_signed_by_the_head, CHANGJI("第二十二条"))
PROVISION(changji_22_documents_within_working_days, documents_in_working_days, CHANGJI("第二十二条"))
PROVISION(changji_23_office_meeting_chaired_by_the_head, office_meeting_chair, CHANGJI("第二十三条"))
PROVISION(changji_23_special_meeting_chaired_by_a_deputy, special_meeting_chair, CHANGJI("第二十三条"))
PROVISION(changji_23_special_minutes_approved_by_the_head, special_minutes_approved_by_the_head, CHANGJI("第二十三条"))
PROVISION(changji_23_special_minutes_signed_by_the_chair, special_minutes_signed_by_the_chair, CHANGJI("第二十三条"))
PROVISION(changji_24_leave_approved_by_the_chair, leave_decided_by_the_chair, CHANGJI("第二十四条"))
PROVISION(changji_25_leaders_not_at_department_meetings, dept_meeting_leader, CHANGJI("第二十五条"))
PROVISION(changji_25_one_department_wide_meeting_a_year, dept_meeting_quota, CHANGJI("第二十五条"))
PROVISION(changji_25_department_wide_meeting_asked_ten_working_days_ahead, dept_meeting_notice, CHANGJI("第二十五条"))
PROVISION(changji_25_department_wide_meeting_approved, dept_meeting_approval, CHANGJI("第二十五条"))
PROVISION(changji_25_lower_heads_not_invited_without_approval, dept_meeting_lower_heads, CHANGJI("第二十五条"))
PROVISION(changji_25_department_wide_meeting_at_the_seat, dept_meeting_at_the_seat, CHANGJI("第二十五条"))
PROVISION(changji_26_study_session_every_two_months, study_every_two_months, CHANGJI("第二十六条"))

/* wuqia */
PROVISION(wuqia_41_plenary_invites_its_members, plenary_members, WUQIA("第四十一条"))
PROVISION(wuqia_41_plenary_meetings_a_year, plenary_frequency, WUQIA("第四十一条"))
PROVISION(wuqia_42_executive_invites_its_members, executive_members, WUQIA("第四十二条"))
PROVISION(wuqia_42_executive_chaired_by_the_head, executive_chair, WUQIA("第四十二条"))
PROVISION(wuqia_42_executive_meetings_a_month, executive_frequency, WUQIA("第四十二条"))
PROVISION(wuqia_43_justice_bureau_sits_in, justice_bureau, WUQIA("第四十三条"))
PROVISION(wuqia_43_topics_proposed_as_the_article_says, topic_proposed_by, WUQIA("第四十三条"))
PROVISION(wuqia_43_topics_approved_by_the_head, topics_approved, WUQIA("第四十三条"))
PROVISION(wuqia_43_topic_reviewed_by_the_deputy_in_charge, topic_reviewed_by_the_deputy_in_charge, WUQIA("第四十三条"))
PROVISION(wuqia_43_topics_studied_first, topics_studied, WUQIA("第四十三条"))
PROVISION(wuqia_43_topics_of_an_absent_deputy_held_back, topic_leader_present, WUQIA("第四十三条"))
PROVISION(wuqia_43_matters_agreed_before_submission, topics_agreed, WUQIA("第四十三条"))
PROVISION(wuqia_45_minutes_signed_by_the_head, minutes_signed_by_the_head, WUQIA("第四十五条"))
PROVISION(wuqia_45_documents_within_working_days, documents_in_working_days, WUQIA("第四十五条"))
PROVISION(wuqia_46_office_meeting_chaired_by_the_head, office_meeting_chair, WUQIA("第四十六条"))
PROVISION(wuqia_46_special_meeting_chaired_by_a_deputy, special_meeting_chair, WUQIA("第四十六条"))
PROVISION(wuqia_46_special_minutes_approved_by_the_head, special_minutes_approved_by_the_head, WUQIA("第四十六条"))
PROVISION(wuqia_46_special_minutes_signed_by_the_chair, special_minutes_signed_by_the_chair, WUQIA("第四十六条"))
PROVISION(wuqia_46_decision_special_meeting_needs_the_head, decision_special_meeting_consent, WUQIA("第四十六条"))
PROVISION(wuqia_44_leave_approved_by_the_chair, leave_decided_by_the_chair, WUQIA("第四十四条"))
PROVISION(wuqia_44_department_head_leave_in_writing, leave_in_writing, WUQIA("第四十四条"))
PROVISION(wuqia_44_substitute_must_be_deputy_of_same_department, substitute_is_a_deputy_of_the_same_department, WUQIA("第四十四条"))
PROVISION(wuqia_44_staff_only_of_the_reporting_unit, staff_of_the_reporting_unit, WUQIA("第四十四条"))
PROVISION(wuqia_47_leaders_not_at_department_meetings, dept_meeting_leader, WUQIA("第四十七条"))
PROVISION(wuqia_47_one_department_wide_meeting_a_year, dept_meeting_quota, WUQIA("第四十七条"))
PROVISION(wuqia_47_department_wide_meeting_approved, dept_meeting_approval, WUQIA("第四十七条"))
PROVISION(wuqia_47_department_wide_meeting_deputy_consents, dept_meeting_consent, WUQIA("第四十七条"))
PROVISION(wuqia_47_lower_heads_not_invited_without_approval, dept_meeting_lower_heads, WUQIA("第四十七条"))
PROVISION(wuqia_47_department_wide_meeting_at_the_seat, dept_meeting_at_the_seat, WUQIA("第四十七条"))
PROVISION(wuqia_50_study_session_every_two_months, study_every_two_months, WUQIA("第五十条"))

/* the provisions a government's document does not have */
NOT_IN_ITS_RULES(yiwu_topics_studied_first_not_in_its_rules, "TOPIC_NOT_STUDIED", TOPIC_BAD)
NOT_IN_ITS_RULES(yiwu_topics_of_an_absent_deputy_held_back_not_in_its_rules, "TOPIC_LEADER_ABSENT", TOPIC_BAD)
NOT_IN_ITS_RULES(ili_matters_agreed_before_submission_not_in_its_rules, "TOPIC_NOT_AGREED", TOPIC_BAD)
NOT_IN_ITS_RULES(yiwu_matters_agreed_before_submission_not_in_its_rules, "TOPIC_NOT_AGREED", TOPIC_BAD)
NOT_IN_ITS_RULES(changji_matters_agreed_before_submission_not_in_its_rules, "TOPIC_NOT_AGREED", TOPIC_BAD)
NOT_IN_ITS_RULES(ili_decision_special_meeting_needs_the_head_not_in_its_rules, "SPECIAL_NO_CONSENT", SPECIAL_BAD)
NOT_IN_ITS_RULES(changji_decision_special_meeting_needs_the_head_not_in_its_rules, "SPECIAL_NO_CONSENT", SPECIAL_BAD)
NOT_IN_ITS_RULES(ili_department_head_leave_in_writing_not_in_its_rules, "LEAVE_NOT_WRITTEN", PLENARY_BAD)
NOT_IN_ITS_RULES(yiwu_department_head_leave_in_writing_not_in_its_rules, "LEAVE_NOT_WRITTEN", PLENARY_BAD)
NOT_IN_ITS_RULES(changji_department_head_leave_in_writing_not_in_its_rules, "LEAVE_NOT_WRITTEN", PLENARY_BAD)
NOT_IN_ITS_RULES(ili_staff_only_of_the_reporting_unit_not_in_its_rules, "STAFF_OVER", TOPIC_BAD)
NOT_IN_ITS_RULES(yiwu_staff_only_of_the_reporting_unit_not_in_its_rules, "STAFF_OVER", TOPIC_BAD)
NOT_IN_ITS_RULES(changji_staff_only_of_the_reporting_unit_not_in_its_rules, "STAFF_OVER", TOPIC_BAD)
NOT_IN_ITS_RULES(kizilsu_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, "DEPT_MEETING_NOTICE", DEPT_BAD)
NOT_IN_ITS_RULES(yiwu_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, "DEPT_MEETING_NOTICE", DEPT_BAD)
NOT_IN_ITS_RULES(wuqia_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, "DEPT_MEETING_NOTICE", DEPT_BAD)
NOT_IN_ITS_RULES(yiwu_department_wide_meeting_approved_not_in_its_rules, "DEPT_MEETING_APPROVAL", DEPT_BAD)
NOT_IN_ITS_RULES(ili_department_wide_meeting_deputy_consents_not_in_its_rules, "DEPT_MEETING_CONSENT", DEPT_BAD)
NOT_IN_ITS_RULES(changji_department_wide_meeting_deputy_consents_not_in_its_rules, "DEPT_MEETING_CONSENT", DEPT_BAD)
NOT_IN_ITS_RULES(yiwu_department_wide_meeting_at_the_seat_not_in_its_rules, "DEPT_MEETING_OUTSIDE_SEAT", DEPT_BAD)

/* ---- the table and the tests agree ---- */

/* Every test PROVISIONS.md names (`name` in backquotes) is a function of some tests/test_*.c
 * (or made here by PROVISION or NOT_IN_ITS_RULES), so the table cannot name a test that is
 * gone. */
static void provisions_table_names_only_tests_that_exist(void **state)
{
	(void)state;
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	if (root == NULL)
		fail_msg("HUIWU_SOURCE_ROOT is not set: run the tests with 'meson test'");
	char *path = test_path(root, "data/rules/PROVISIONS.md");
	char *table = test_read_file(path, NULL);
	free(path);
	assert_non_null(table);
	/* Every test source, one after the other. */
	static const char *const sources[] = {
		"test_provisions.c", "test_checks.c",    "test_topics.c", "test_minutes.c",
		"test_leave.c",      "test_documents.c", "test_meetings.c", "test_notice.c",
		"test_eligible.c",   "test_rules.c",     "test_office.c", "test_trips.c",
	};
	size_t total = 1;
	char *texts[sizeof sources / sizeof sources[0]] = {0};
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		char *name = test_path(root, "tests");
		char *file = test_path(name, sources[i]);
		free(name);
		FILE *exists = fopen(file, "r");
		if (exists != NULL) {
			fclose(exists);
			texts[i] = test_read_file(file, NULL);
			total += strlen(texts[i]);
		}
		free(file);
	}
	char *all = calloc(1, total);
	assert_non_null(all);
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		if (texts[i] != NULL)
			strcat(all, texts[i]);
		free(texts[i]);
	}
	int named = 0;
	for (const char *at = strchr(table, '`'); at != NULL; at = strchr(at, '`')) {
		const char *end = strchr(at + 1, '`');
		if (end == NULL)
			break;
		size_t length = (size_t)(end - at - 1);
		bool test_name = length > 0 && length < 200;
		for (size_t i = 0; test_name && i < length; i++) {
			char c = at[1 + i];
			test_name = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
		}
		/* A name of a test: test_… or government_article_… */
		if (test_name && (strncmp(at + 1, "test_", 5) == 0 || strncmp(at + 1, "ili_", 4) == 0 ||
				  strncmp(at + 1, "kizilsu_", 8) == 0 || strncmp(at + 1, "yiwu_", 5) == 0 ||
				  strncmp(at + 1, "changji_", 8) == 0 || strncmp(at + 1, "wuqia_", 6) == 0)) {
			/* Defined as a function, or by PROVISION(name, …) with its twin name_obeyed. */
			char name[256], made[256], twin[256], absent[256];
			snprintf(name, sizeof name, "%.*s(void **state)", (int)length, at + 1);
			snprintf(made, sizeof made, "PROVISION(%.*s,", (int)length, at + 1);
			snprintf(absent, sizeof absent, "NOT_IN_ITS_RULES(%.*s,", (int)length, at + 1);
			size_t base = length > 7 && strncmp(end - 7, "_obeyed", 7) == 0 ? length - 7 : 0;
			snprintf(twin, sizeof twin, "PROVISION(%.*s,", (int)base, at + 1);
			if (strstr(all, name) == NULL && strstr(all, made) == NULL &&
			    strstr(all, absent) == NULL &&
			    (base == 0 || strstr(all, twin) == NULL))
				fail_msg("PROVISIONS.md names the test %.*s, which no tests/test_*.c defines",
					 (int)length, at + 1);
			named++;
		}
		at = end + 1;
	}
	/* The table names the tests of this file at least. */
	assert_true(named > 100);
	free(all);
	free(table);
}

#define BOTH(name, government)                                                                     \
	cmocka_unit_test_setup(name, setup_##government),                                          \
		cmocka_unit_test_setup(name##_obeyed, setup_##government)

#define GROUP_SETUP(key, index)                                                                    \
	static int setup_##key(void **state)                                                       \
	{                                                                                          \
		return setup(state, index);                                                        \
	}

GROUP_SETUP(ili, 0)
GROUP_SETUP(kizilsu, 1)
GROUP_SETUP(yiwu, 2)
GROUP_SETUP(changji, 3)
GROUP_SETUP(wuqia, 4)

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(ili_19_plenary_invites_its_members, ili),
		BOTH(ili_19_plenary_meetings_a_year, ili),
		BOTH(ili_20_executive_invites_its_members, ili),
		BOTH(ili_18_executive_chaired_by_the_head, ili),
		BOTH(ili_20_executive_meetings_a_month, ili),
		BOTH(ili_21_justice_bureau_sits_in, ili),
		BOTH(ili_21_topics_proposed_as_the_article_says, ili),
		BOTH(ili_21_topics_approved_by_the_head, ili),
		BOTH(ili_21_topics_studied_first, ili),
		BOTH(ili_21_topics_of_an_absent_deputy_held_back, ili),
		BOTH(ili_22_minutes_signed_by_the_head, ili),
		BOTH(ili_22_documents_within_working_days, ili),
		BOTH(ili_23_office_meeting_chaired_by_the_head, ili),
		BOTH(ili_23_special_meeting_chaired_by_a_deputy, ili),
		BOTH(ili_23_special_minutes_approved_by_the_head, ili),
		BOTH(ili_23_special_minutes_signed_by_the_chair, ili),
		BOTH(ili_24_leave_approved_by_the_chair, ili),
		BOTH(ili_25_leaders_not_at_department_meetings, ili),
		BOTH(ili_25_one_department_wide_meeting_a_year, ili),
		BOTH(ili_25_department_wide_meeting_asked_ten_working_days_ahead, ili),
		BOTH(ili_25_department_wide_meeting_approved, ili),
		BOTH(ili_25_lower_heads_not_invited_without_approval, ili),
		BOTH(ili_25_department_wide_meeting_at_the_seat, ili),
		BOTH(ili_26_study_session_every_two_months, ili),
		cmocka_unit_test_setup(ili_matters_agreed_before_submission_not_in_its_rules, setup_ili),
		cmocka_unit_test_setup(ili_decision_special_meeting_needs_the_head_not_in_its_rules, setup_ili),
		cmocka_unit_test_setup(ili_department_head_leave_in_writing_not_in_its_rules, setup_ili),
		cmocka_unit_test_setup(ili_staff_only_of_the_reporting_unit_not_in_its_rules, setup_ili),
		cmocka_unit_test_setup(ili_department_wide_meeting_deputy_consents_not_in_its_rules, setup_ili),
		BOTH(kizilsu_38_plenary_invites_its_members, kizilsu),
		BOTH(kizilsu_38_plenary_meetings_a_year, kizilsu),
		BOTH(kizilsu_39_executive_invites_its_members, kizilsu),
		BOTH(kizilsu_39_executive_chaired_by_the_head, kizilsu),
		BOTH(kizilsu_39_executive_meetings_a_month, kizilsu),
		BOTH(kizilsu_40_topics_proposed_as_the_article_says, kizilsu),
		BOTH(kizilsu_40_topics_approved_by_the_head, kizilsu),
		BOTH(kizilsu_40_topic_reviewed_by_the_deputy_in_charge, kizilsu),
		BOTH(kizilsu_40_topics_studied_first, kizilsu),
		BOTH(kizilsu_40_topics_of_an_absent_deputy_held_back, kizilsu),
		BOTH(kizilsu_40_matters_agreed_before_submission, kizilsu),
		BOTH(kizilsu_42_minutes_signed_by_the_head, kizilsu),
		BOTH(kizilsu_42_documents_within_working_days, kizilsu),
		BOTH(kizilsu_43_office_meeting_chaired_by_the_head, kizilsu),
		BOTH(kizilsu_43_special_meeting_chaired_by_a_deputy, kizilsu),
		BOTH(kizilsu_43_special_minutes_approved_by_the_head, kizilsu),
		BOTH(kizilsu_43_special_minutes_signed_by_the_chair, kizilsu),
		BOTH(kizilsu_43_decision_special_meeting_needs_the_head, kizilsu),
		BOTH(kizilsu_41_leave_approved_by_the_chair, kizilsu),
		BOTH(kizilsu_41_department_head_leave_in_writing, kizilsu),
		BOTH(kizilsu_41_substitute_must_be_deputy_of_same_department, kizilsu),
		BOTH(kizilsu_41_staff_only_of_the_reporting_unit, kizilsu),
		BOTH(kizilsu_44_leaders_not_at_department_meetings, kizilsu),
		BOTH(kizilsu_44_one_department_wide_meeting_a_year, kizilsu),
		BOTH(kizilsu_44_department_wide_meeting_approved, kizilsu),
		BOTH(kizilsu_44_department_wide_meeting_deputy_consents, kizilsu),
		BOTH(kizilsu_44_lower_heads_not_invited_without_approval, kizilsu),
		BOTH(kizilsu_44_department_wide_meeting_at_the_seat, kizilsu),
		BOTH(kizilsu_47_study_session_every_two_months, kizilsu),
		cmocka_unit_test_setup(kizilsu_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, setup_kizilsu),
		BOTH(yiwu_34_meeting_types_defined, yiwu),
		BOTH(yiwu_35_plenary_invites_its_members, yiwu),
		BOTH(yiwu_36_executive_invites_its_members, yiwu),
		BOTH(yiwu_36_executive_chaired_by_the_head, yiwu),
		BOTH(yiwu_36_executive_meetings_a_month, yiwu),
		cmocka_unit_test_setup(yiwu_topic_proposers_not_in_its_rules, setup_yiwu),
		BOTH(yiwu_37_topics_approved_by_the_head, yiwu),
		BOTH(yiwu_37_topic_reviewed_by_the_deputy_in_charge, yiwu),
		BOTH(yiwu_39_minutes_signed_by_the_head, yiwu),
		BOTH(yiwu_39_documents_within_working_days, yiwu),
		BOTH(yiwu_38_leave_approved_by_the_chair, yiwu),
		BOTH(yiwu_40_leaders_not_at_department_meetings, yiwu),
		BOTH(yiwu_40_one_department_wide_meeting_a_year, yiwu),
		BOTH(yiwu_40_department_wide_meeting_deputy_consents, yiwu),
		BOTH(yiwu_40_lower_heads_not_invited_without_approval, yiwu),
		cmocka_unit_test_setup(yiwu_topics_studied_first_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_topics_of_an_absent_deputy_held_back_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_matters_agreed_before_submission_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_department_head_leave_in_writing_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_staff_only_of_the_reporting_unit_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_department_wide_meeting_approved_not_in_its_rules, setup_yiwu),
		cmocka_unit_test_setup(yiwu_department_wide_meeting_at_the_seat_not_in_its_rules, setup_yiwu),
		BOTH(changji_19_plenary_invites_its_members, changji),
		BOTH(changji_19_plenary_meetings_a_year, changji),
		BOTH(changji_20_executive_invites_its_members, changji),
		BOTH(changji_20_executive_chaired_by_the_head, changji),
		BOTH(changji_20_executive_meetings_a_month, changji),
		BOTH(changji_21_justice_bureau_sits_in, changji),
		BOTH(changji_21_topics_proposed_as_the_article_says, changji),
		BOTH(changji_21_topics_approved_by_the_head, changji),
		BOTH(changji_21_topic_reviewed_before_the_mayor_decides, changji),
		BOTH(changji_21_topics_studied_first, changji),
		BOTH(changji_21_topics_of_an_absent_deputy_held_back, changji),
		BOTH(changji_22_minutes_signed_by_the_head, changji),
		BOTH(changji_22_documents_within_working_days, changji),
		BOTH(changji_23_office_meeting_chaired_by_the_head, changji),
		BOTH(changji_23_special_meeting_chaired_by_a_deputy, changji),
		BOTH(changji_23_special_minutes_approved_by_the_head, changji),
		BOTH(changji_23_special_minutes_signed_by_the_chair, changji),
		BOTH(changji_24_leave_approved_by_the_chair, changji),
		BOTH(changji_25_leaders_not_at_department_meetings, changji),
		BOTH(changji_25_one_department_wide_meeting_a_year, changji),
		BOTH(changji_25_department_wide_meeting_asked_ten_working_days_ahead, changji),
		BOTH(changji_25_department_wide_meeting_approved, changji),
		BOTH(changji_25_lower_heads_not_invited_without_approval, changji),
		BOTH(changji_25_department_wide_meeting_at_the_seat, changji),
		BOTH(changji_26_study_session_every_two_months, changji),
		cmocka_unit_test_setup(changji_matters_agreed_before_submission_not_in_its_rules, setup_changji),
		cmocka_unit_test_setup(changji_decision_special_meeting_needs_the_head_not_in_its_rules, setup_changji),
		cmocka_unit_test_setup(changji_department_head_leave_in_writing_not_in_its_rules, setup_changji),
		cmocka_unit_test_setup(changji_staff_only_of_the_reporting_unit_not_in_its_rules, setup_changji),
		cmocka_unit_test_setup(changji_department_wide_meeting_deputy_consents_not_in_its_rules, setup_changji),
		BOTH(wuqia_41_plenary_invites_its_members, wuqia),
		BOTH(wuqia_41_plenary_meetings_a_year, wuqia),
		BOTH(wuqia_42_executive_invites_its_members, wuqia),
		BOTH(wuqia_42_executive_chaired_by_the_head, wuqia),
		BOTH(wuqia_42_executive_meetings_a_month, wuqia),
		BOTH(wuqia_43_justice_bureau_sits_in, wuqia),
		BOTH(wuqia_43_topics_proposed_as_the_article_says, wuqia),
		BOTH(wuqia_43_topics_approved_by_the_head, wuqia),
		BOTH(wuqia_43_topic_reviewed_by_the_deputy_in_charge, wuqia),
		BOTH(wuqia_43_topics_studied_first, wuqia),
		BOTH(wuqia_43_topics_of_an_absent_deputy_held_back, wuqia),
		BOTH(wuqia_43_matters_agreed_before_submission, wuqia),
		BOTH(wuqia_45_minutes_signed_by_the_head, wuqia),
		BOTH(wuqia_45_documents_within_working_days, wuqia),
		BOTH(wuqia_46_office_meeting_chaired_by_the_head, wuqia),
		BOTH(wuqia_46_special_meeting_chaired_by_a_deputy, wuqia),
		BOTH(wuqia_46_special_minutes_approved_by_the_head, wuqia),
		BOTH(wuqia_46_special_minutes_signed_by_the_chair, wuqia),
		BOTH(wuqia_46_decision_special_meeting_needs_the_head, wuqia),
		BOTH(wuqia_44_leave_approved_by_the_chair, wuqia),
		BOTH(wuqia_44_department_head_leave_in_writing, wuqia),
		BOTH(wuqia_44_substitute_must_be_deputy_of_same_department, wuqia),
		BOTH(wuqia_44_staff_only_of_the_reporting_unit, wuqia),
		BOTH(wuqia_47_leaders_not_at_department_meetings, wuqia),
		BOTH(wuqia_47_one_department_wide_meeting_a_year, wuqia),
		BOTH(wuqia_47_department_wide_meeting_approved, wuqia),
		BOTH(wuqia_47_department_wide_meeting_deputy_consents, wuqia),
		BOTH(wuqia_47_lower_heads_not_invited_without_approval, wuqia),
		BOTH(wuqia_47_department_wide_meeting_at_the_seat, wuqia),
		BOTH(wuqia_50_study_session_every_two_months, wuqia),
		cmocka_unit_test_setup(wuqia_department_wide_meeting_asked_ten_working_days_ahead_not_in_its_rules, setup_wuqia),
		cmocka_unit_test(provisions_table_names_only_tests_that_exist),
	};
	return cmocka_run_group_tests_name("provisions", tests, NULL, teardown_all);
}
