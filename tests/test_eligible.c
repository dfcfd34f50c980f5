/* Who may act, as the UI offers it: the chairs the rules allow for a type (by delegation
 * marked), who decides a leave request, approves a topic or signs minutes — and, when nobody
 * may, a message naming whom the rules name and the clause. Search across meetings and
 * topics. Against the fixture roster, through the core as the UI calls it. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eligible.h"
#include "search.h"
#include "session.h"

typedef struct names {
	char text[2048];
} names;

static int collect(const hw_person *person, int how, void *user)
{
	names *out = user;
	size_t used = strlen(out->text);
	snprintf(out->text + used, sizeof out->text - used, "%s%s%s", used ? "," : "", person->name,
		 how == 2 ? "(delegated)" : "");
	return 0;
}

static hw_session *open_session(const fixture *f)
{
	hw_error error = {0};
	hw_session *session = hw_session_open(f->db, false, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	return session;
}

static void test_chairs_by_type_and_government(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2026-06-01");
	hw_session *session = open_session(&f);
	hw_error error = {0};
	names chairs = {""};
	/* Wuqia art. 42: the head chairs the executive meeting, the executive deputy when the
	 * head delegates it. */
	assert_int_equal(hw_chair_candidates(session, HW_MEETING_EXECUTIVE, collect, &chairs, &error), 0);
	assert_string_equal(chairs.text, "首长,常务副职(delegated)");
	hw_session_close(session);
	fixture_close(&f);

	fixture_open(&f, "ili", "2026-06-01");
	session = open_session(&f);
	chairs.text[0] = '\0';
	assert_int_equal(hw_chair_candidates(session, HW_MEETING_EXECUTIVE, collect, &chairs, &error), 0);
	assert_string_equal(chairs.text, "首长"); /* no delegation in Ili's art. 18 */
	chairs.text[0] = '\0';
	/* Ili art. 23: special-topic meetings are chaired by deputies or the secretary. */
	assert_int_equal(hw_chair_candidates(session, HW_MEETING_SPECIAL, collect, &chairs, &error), 0);
	assert_contains(chairs.text, "副职甲");
	assert_contains(chairs.text, "办公室主任");
	assert_not_contains(chairs.text, "首长");
	hw_session_close(session);
	fixture_close(&f);
}

/* Requests leave for `person` from meeting 1 (inviting them first if need be); returns the
 * names of those who may decide it. */
static void deciders_for(fixture *f, const char *person, long long leave_id, names *out)
{
	run_result r = fixture_run(f, "meeting", "invite", "1", "--person", person, NULL);
	test_run_free(&r); /* already invited is fine */
	fixture_ok(f, "leave", "request", "--meeting", "1", "--person", person, "--reason", "出差",
		   "--written", NULL);
	hw_session *session = open_session(f);
	hw_error error = {0};
	out->text[0] = '\0';
	if (hw_leave_deciders(session, leave_id, collect, out, &error) != 0)
		fail_msg("%s", error.message);
	hw_session_close(session);
}

static void test_leave_deciders_follow_the_rules(void **state)
{
	(void)state;
	names deciders;
	/* Wuqia art. 44: others' leave goes to the chair or the office, leaders' to the head —
	 * with the executive deputy chairing by delegation (art. 42), the two differ. */
	fixture f;
	fixture_open(&f, "wuqia", "2026-06-01");
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-06-10", "--time",
		   "09:30", "--chair", "常务副职", NULL);
	deciders_for(&f, "农业农村局局长", 1, &deciders);
	assert_string_equal(deciders.text, "常务副职,办公室主任");
	deciders_for(&f, "副职甲", 2, &deciders);
	assert_string_equal(deciders.text, "首长");
	hw_session *session = open_session(&f);
	hw_error error = {0};
	names none = {""};
	assert_int_equal(hw_leave_deciders(session, 99, collect, &none, &error), -1);
	assert_string_equal(none.text, "");
	hw_session_close(session);
	fixture_close(&f);

	/* Ili art. 24: every request goes to the chair, the office decides none. */
	fixture_open(&f, "ili", "2026-06-01");
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-06-10", "--time",
		   "09:30", NULL);
	deciders_for(&f, "农业农村局局长", 1, &deciders);
	assert_string_equal(deciders.text, "首长");
	fixture_close(&f);
}

static void test_nobody_names_the_rule_and_clause(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "yiwu", "2026-06-20");
	/* A department's region-wide meeting has no chair; its minutes go to the chair. */
	fixture_ok(&f, "meeting", "add", "--type", "dept_wide", "--date", "2026-06-10", "--time", "15:00",
		   "--dept", "农业农村局", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-06-11", "--time", "09:30", NULL);
	hw_session *session = open_session(&f);
	hw_error error = {0};
	names signers = {""};
	assert_int_equal(hw_minutes_signers(session, 1, collect, &signers, &error), -1);
	assert_string_equal(signers.text, "");
	assert_contains(error.message, "伊政发〔2023〕112号 第四十条");
	/* The executive meeting's minutes: the head signs (art. 39). */
	assert_int_equal(hw_minutes_signers(session, 2, collect, &signers, &error), 0);
	assert_string_equal(signers.text, "首长");
	hw_session_close(session);
	fixture_close(&f);
}

static void test_topic_approvers(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "ili", "2026-06-01");
	fixture_ok(&f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲", "--dept",
		   "农业农村局", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-06-10", "--time", "09:30",
		   "--chair", "副职乙", NULL);
	hw_session *session = open_session(&f);
	hw_error error = {0};
	names approvers = {""};
	/* On no agenda yet: as for the executive meeting, the head (Ili art. 21). */
	assert_int_equal(hw_topic_approvers(session, 1, collect, &approvers, &error), 0);
	assert_string_equal(approvers.text, "首长");
	hw_session_close(session);
	/* On a special-topic meeting's agenda: its chair (Ili art. 23). */
	fixture_ok(&f, "topic", "schedule", "1", "--meeting", "1", NULL);
	session = open_session(&f);
	approvers.text[0] = '\0';
	assert_int_equal(hw_topic_approvers(session, 1, collect, &approvers, &error), 0);
	assert_string_equal(approvers.text, "副职乙");
	hw_session_close(session);
	fixture_close(&f);
}

typedef struct hits {
	char text[4096];
	int count;
} hits;

static int collect_hit(const hw_search_hit *hit, void *user)
{
	hits *out = user;
	size_t used = strlen(out->text);
	snprintf(out->text + used, sizeof out->text - used, "%s#%lld/%lld;",
		 hit->kind == HW_HIT_MEETING ? "meeting" : "topic", (long long)hit->id,
		 (long long)hit->meeting_id);
	out->count++;
	return 0;
}

static void test_search(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2026-06-01");
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-06-10", "--time", "09:30",
		   "--title", "研究冬季供暖保障工作", "--location", "100%会议室", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-06-12", "--time", "09:30",
		   "--chair", "副职甲", "--title", "Flood Control", NULL);
	fixture_ok(&f, "topic", "add", "--title", "关于供暖价格的请示", "--deputy", "副职甲", "--dept",
		   "财政局", NULL);
	fixture_ok(&f, "topic", "add", "--title", "关于农田建设的请示", "--deputy", "副职甲", NULL);
	fixture_ok(&f, "topic", "schedule", "1", "--meeting", "1", NULL);
	hw_session *session = open_session(&f);
	hw_error error = {0};
	hits found = {.count = 0};
	assert_int_equal(hw_search(session, "供暖", 50, collect_hit, &found, &error), 0);
	assert_string_equal(found.text, "meeting#1/1;topic#1/1;");
	/* Latin letters ignore case; '%' is plain text, not a wildcard. */
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "flood", 50, collect_hit, &found, &error), 0);
	assert_string_equal(found.text, "meeting#2/2;");
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "0%会", 50, collect_hit, &found, &error), 0);
	assert_string_equal(found.text, "meeting#1/1;");
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "_", 50, collect_hit, &found, &error), 0);
	assert_int_equal(found.count, 0);
	/* By the chair's name and the topic's department; a topic on no agenda has meeting 0. */
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "副职甲", 50, collect_hit, &found, &error), 0);
	assert_string_equal(found.text, "meeting#2/2;topic#1/1;topic#2/0;");
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "财政局", 50, collect_hit, &found, &error), 0);
	assert_string_equal(found.text, "topic#1/1;");
	/* The limit holds per kind; empty text is an error. */
	found = (hits){.count = 0};
	assert_int_equal(hw_search(session, "请示", 1, collect_hit, &found, &error), 0);
	assert_int_equal(found.count, 1);
	assert_int_equal(hw_search(session, "  ", 50, collect_hit, &found, &error), -1);
	hw_session_close(session);

	/* The command line says the same. */
	run_result r = fixture_run(&f, "search", "供暖", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "研究冬季供暖保障工作");
	assert_contains(r.out, "关于供暖价格的请示");
	test_run_free(&r);
	r = fixture_run(&f, "search", "", NULL);
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	fixture_close(&f);
}

static void test_ui_needs_a_terminal(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "yiwu", "2026-06-01");
	/* No command and no terminal (a script, a pipe): say so, exit 2, open nothing. */
	run_result r = fixture_run(&f, NULL);
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "terminal");
	test_run_free(&r);
	r = fixture_run(&f, "ui", "--read-only", NULL);
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	r = fixture_run(&f, "--read-only", "meeting", "list", NULL);
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "terminal UI");
	test_run_free(&r);
	r = fixture_run(&f, "ui", "--frobnicate", NULL);
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "--frobnicate");
	test_run_free(&r);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chairs_by_type_and_government),
		cmocka_unit_test(test_leave_deciders_follow_the_rules),
		cmocka_unit_test(test_nobody_names_the_rule_and_clause),
		cmocka_unit_test(test_topic_approvers),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_ui_needs_a_terminal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
