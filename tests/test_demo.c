/* 'huiwu init --gov KEY --demo': for each government, a role-named demo whose schedule shows
 * every finding that government's rules can produce, and plenty of meetings with none. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const all_codes[] = {
	"NON_WORKDAY",        "DOUBLE_BOOKED",     "CHAIR_NOT_ALLOWED",   "MEMBER_NOT_INVITED",
	"TOPIC_LEADER_ABSENT", "TOPIC_NOT_STUDIED", "TOPIC_NOT_APPROVED",  "TOPIC_NOT_AGREED",
	"LEAVE_NOT_WRITTEN",  "STAFF_OVER",        "DOCUMENT_OVERDUE",
	"SPECIAL_NO_CONSENT", "DEPT_MEETING_QUOTA", "DEPT_MEETING_NOTICE", "DEPT_MEETING_CONSENT",
	"FREQ_OVER",          "FREQ_UNDER",        "STUDY_OVERDUE",       "DEPT_MEETING_LEADER",
	"DEPT_MEETING_APPROVAL", "DEPT_MEETING_LOWER_HEADS", "DEPT_MEETING_OUTSIDE_SEAT",
};
#define CODE_COUNT (sizeof all_codes / sizeof all_codes[0])

/* The codes a government's rules cannot produce (see data/rules/KEY.ini). */
static const struct {
	const char *government;
	const char *head_title;
	const char *impossible;
} governments[] = {
	/* Ili: no written-leave, staff, agreement or consent rules; notice of 10 working days. */
	{"ili", "州长", "TOPIC_NOT_AGREED LEAVE_NOT_WRITTEN STAFF_OVER SPECIAL_NO_CONSENT DEPT_MEETING_CONSENT"},
	/* Kizilsu: the deputy's consent, not a notice period. */
	{"kizilsu", "州长", "DEPT_MEETING_NOTICE"},
	/* Yiwu: no study sessions, no special meetings, no topic study or leader rule. */
	{"yiwu", "县长",
	 "TOPIC_LEADER_ABSENT TOPIC_NOT_STUDIED TOPIC_NOT_AGREED LEAVE_NOT_WRITTEN STAFF_OVER "
	 "SPECIAL_NO_CONSENT DEPT_MEETING_NOTICE STUDY_OVERDUE DEPT_MEETING_APPROVAL "
	 "DEPT_MEETING_OUTSIDE_SEAT"},
	{"changji", "市长", "TOPIC_NOT_AGREED LEAVE_NOT_WRITTEN STAFF_OVER SPECIAL_NO_CONSENT DEPT_MEETING_CONSENT"},
	{"wuqia", "县长", "DEPT_MEETING_NOTICE"},
};

static json_t *run_json(const char *const *env, const char *const *args)
{
	return fixture_json(test_run(env, args), args[0]);
}

static void check_government(size_t index, const char *today, const char *from, const char *to)
{
	char *directory = test_make_temp_dir();
	char *db = test_path(directory, "demo.db");
	char *env_db = NULL, *env_today = NULL;
	assert_true(asprintf(&env_db, "HUIWU_DB=%s", db) > 0);
	assert_true(asprintf(&env_today, "HUIWU_TODAY=%s", today) > 0);
	const char *const env[] = {env_db, env_today, "LANGUAGE=", "LC_ALL=C.UTF-8", NULL};
	const char *government = governments[index].government;

	run_result r = test_run(env, (const char *const[]){"init", "--gov", government, "--demo", NULL});
	if (r.status != 0)
		fail_msg("init --demo for %s: %s", government, r.err);
	test_run_free(&r);

	json_t *findings = run_json(env, (const char *const[]){"check", "--from", from, "--to", to,
							       "--json", NULL});
	for (size_t c = 0; c < CODE_COUNT; c++) {
		bool seen = false;
		size_t i;
		json_t *finding;
		json_array_foreach(findings, i, finding)
			seen |= strcmp(json_string_value(json_object_get(finding, "code")), all_codes[c]) == 0;
		bool possible = strstr(governments[index].impossible, all_codes[c]) == NULL;
		if (seen != possible)
			fail_msg("%s demo (today %s): %s was %s", government, today, all_codes[c],
				 seen ? "reported though its rules cannot produce it" : "not shown");
	}

	/* No meeting on a holiday, published or provisional: the demo's one NON_WORKDAY is the
	 * weekend meeting it schedules on purpose. */
	size_t f_index;
	json_t *found;
	json_array_foreach(findings, f_index, found)
		if (strcmp(json_string_value(json_object_get(found, "code")), "NON_WORKDAY") == 0 &&
		    strstr(json_string_value(json_object_get(found, "message")), "周末") == NULL)
			fail_msg("%s demo (today %s) schedules a meeting on a holiday: %s", government,
				 today, json_string_value(json_object_get(found, "message")));

	/* Plenty of meetings with no finding at all. */
	json_t *meetings = run_json(env, (const char *const[]){"meeting", "list", "--from", from,
							       "--to", to, "--json", NULL});
	size_t clean = 0, i;
	json_t *meeting;
	json_array_foreach(meetings, i, meeting)
	{
		json_int_t id = json_integer_value(json_object_get(meeting, "id"));
		bool flagged = false;
		size_t j;
		json_t *finding;
		json_array_foreach(findings, j, finding)
			flagged |= json_integer_value(json_object_get(finding, "meeting")) == id;
		clean += !flagged;
	}
	if (clean < 4 || clean * 3 < json_array_size(meetings))
		fail_msg("%s demo: only %zu of %zu meetings are free of findings", government, clean,
			 json_array_size(meetings));

	/* A role-named roster: the head is called by the rules' title. */
	json_t *people = run_json(env, (const char *const[]){"person", "list", "--json", NULL});
	bool head_named = false;
	json_array_foreach(people, i, meeting)
		head_named |= strcmp(json_string_value(json_object_get(meeting, "name")),
				     governments[index].head_title) == 0;
	assert_true(head_named);

	/* Every demo action is in the audit log, and the chain holds. */
	r = test_run(env, (const char *const[]){"log", "--verify", NULL});
	assert_int_equal(r.status, 0);
	test_run_free(&r);

	/* A second demo into the same database is refused. */
	r = test_run(env, (const char *const[]){"init", "--gov", government, "--demo", NULL});
	assert_int_equal(r.status, 1);
	test_run_free(&r);

	json_decref(findings);
	json_decref(meetings);
	json_decref(people);
	free(env_db);
	free(env_today);
	free(db);
	test_remove_tree(directory);
	free(directory);
}

static void test_demo_late_autumn(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof governments / sizeof governments[0]; i++)
		check_government(i, "2026-11-23", "2026-09-14", "2027-01-02");
}

static void test_demo_around_the_spring_festival(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof governments / sizeof governments[0]; i++)
		check_government(i, "2025-01-15", "2024-11-06", "2025-02-24");
}

/* December, planning next year: 2027's arrangement is not published, its 元旦 and 春节 are
 * provisional days off, and the demo keeps off them. */
static void test_demo_planning_next_year(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof governments / sizeof governments[0]; i++)
		check_government(i, "2026-12-02", "2026-09-23", "2027-02-11");
}

static void test_demo_fails_cleanly_for_an_unknown_government(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *db = test_path(directory, "none.db");
	char *env_db = NULL;
	assert_true(asprintf(&env_db, "HUIWU_DB=%s", db) > 0);
	const char *const env[] = {env_db, "LANGUAGE=", "LC_ALL=C.UTF-8", NULL};
	run_result r = test_run(env, (const char *const[]){"init", "--gov", "hami", "--demo", NULL});
	assert_int_equal(r.status, 1);
	test_run_free(&r);
	assert_null(test_read_file(db, NULL));
	free(env_db);
	free(db);
	test_remove_tree(directory);
	free(directory);
}

/* An init --demo killed after the database was set up and before the demo was in leaves
 * nothing at the database's place, and the next init succeeds (and clears what was left). */
static void test_killed_demo_leaves_nothing_in_the_way(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *db = test_path(directory, "demo.db");
	char *env_db = NULL;
	assert_true(asprintf(&env_db, "HUIWU_DB=%s", db) > 0);
	const char *env[] = {env_db, "HUIWU_TODAY=2026-11-23", "LANGUAGE=", "LC_ALL=C.UTF-8",
			     "HUIWU_CRASH_AT=init-set-up", NULL};
	run_result r = test_run(env, (const char *const[]){"init", "--gov", "wuqia", "--demo", NULL});
	assert_int_equal(r.status, 128 + 9);
	test_run_free(&r);
	assert_null(test_read_file(db, NULL));
	env[4] = NULL;
	r = test_run(env, (const char *const[]){"init", "--gov", "wuqia", NULL});
	if (r.status != 0)
		fail_msg("init after a killed init: %s", r.err);
	test_run_free(&r);
	r = test_run(env, (const char *const[]){"person", "list", NULL});
	assert_int_equal(r.status, 0);
	test_run_free(&r);
	/* Only the database is left in its folder. */
	char *command = NULL;
	assert_true(asprintf(&command, "ls -A '%s'", directory) > 0);
	FILE *ls = popen(command, "r");
	char listing[512] = "";
	size_t used = fread(listing, 1, sizeof listing - 1, ls);
	listing[used] = '\0';
	pclose(ls);
	assert_string_equal(listing, "demo.db\n");
	free(command);
	free(env_db);
	free(db);
	test_remove_tree(directory);
	free(directory);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_late_autumn),
		cmocka_unit_test(test_demo_around_the_spring_festival),
		cmocka_unit_test(test_demo_planning_next_year),
		cmocka_unit_test(test_demo_fails_cleanly_for_an_unknown_government),
		cmocka_unit_test(test_killed_demo_leaves_nothing_in_the_way),
	};
	return cmocka_run_group_tests_name("demo", tests, NULL, NULL);
}
