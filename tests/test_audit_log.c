/* The audit log: every action with its row before and after, and its hash chain, through the command line as the office's clerk uses it.
 * Each test works on a copy of the standard roster (tests/fixture.h), does the thing right once,
 * then makes the mistakes a clerk makes: a refused command exits 1 with exactly one line on
 * standard error and changes nothing (REFUSED). The rule engine's findings are tested in
 * test_checks.c. */
#include "fixture.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

static void test_every_action_is_logged_with_before_and_after(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	LOGGED(f, "person add", false, true, "person", "add", "李四", "--title", "副县长", "--role", "deputy");
	LOGGED(f, "person edit", true, true, "person", "edit", "李四", "--title", "常务副县长");
	LOGGED(f, "dept add", false, true, "dept", "add", "水利局", "--deputy", "李四");
	LOGGED(f, "dept edit", true, true, "dept", "edit", "水利局", "--deputy", "副职乙");
	LOGGED(f, "meeting add", false, true, "meeting", "add", "--type", "executive", "--date",
	       "2026-11-20", "--time", "09:30");
	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--time", "10:00");
	LOGGED(f, "meeting invite", false, true, "meeting", "invite", "1", "--person", "教育局局长");
	LOGGED(f, "meeting uninvite", true, false, "meeting", "uninvite", "1", "--person", "教育局局长");
	LOGGED(f, "topic add", false, true, "topic", "add", "--title", "议题", "--deputy", "副职甲");
	LOGGED(f, "topic edit", true, true, "topic", "edit", "1", "--studied", "2026-11-01");
	LOGGED(f, "topic approve", true, true, "topic", "approve", "1", "--by", "首长");
	LOGGED(f, "topic schedule", true, true, "topic", "schedule", "1", "--meeting", "1");
	LOGGED(f, "leave request", false, true, "leave", "request", "--meeting", "1", "--person",
	       "副职甲", "--reason", "出差");
	LOGGED(f, "leave approve", true, true, "leave", "approve", "1", "--by", "首长");
	LOGGED(f, "leave request", false, true, "leave", "request", "--meeting", "1", "--person",
	       "副职乙", "--reason", "培训");
	LOGGED(f, "leave reject", true, true, "leave", "reject", "2", "--by", "首长");
	LOGGED(f, "meeting held", true, true, "meeting", "held", "1");
	LOGGED(f, "topic decide", true, true, "topic", "decide", "1", "--decision", "同意");
	LOGGED(f, "minutes draft", false, true, "minutes", "draft", "1", "--text", "纪要");
	LOGGED(f, "minutes draft", true, true, "minutes", "draft", "1", "--text", "纪要定稿");
	LOGGED(f, "minutes sign", true, true, "minutes", "sign", "1", "--by", "首长");
	LOGGED(f, "minutes amend", false, true, "minutes", "amend", "1", "--text", "补充", "--by", "首长");
	LOGGED(f, "doc add", false, true, "doc", "add", "--meeting", "1", "--title", "通知");
	LOGGED(f, "doc issue", true, true, "doc", "issue", "1");
	LOGGED(f, "meeting add", false, true, "meeting", "add", "--type", "executive", "--date",
	       "2026-11-25", "--time", "09:30");
	LOGGED(f, "topic add", false, true, "topic", "add", "--title", "议题二", "--deputy", "副职乙");
	LOGGED(f, "topic schedule", true, true, "topic", "schedule", "2", "--meeting", "2");
	LOGGED(f, "topic defer", true, true, "topic", "defer", "2");
	LOGGED(f, "meeting cancel", true, true, "meeting", "cancel", "2");
	/* Reading adds nothing. */
	size_t entries = fixture_log_entries(f);
	json_decref(JSON(f, "meeting", "show", "1", "--json"));
	json_decref(JSON(f, "agenda", "--json"));
	json_decref(JSON(f, "deadlines", "--json"));
	json_decref(JSON(f, "leave", "list", "--json"));
	assert_int_equal(fixture_log_entries(f), entries);
	run_result r = RUN(f, "log");
	assert_contains(r.out, " meeting cancel   meeting #2 (meeting #2)\n");
	assert_contains(r.out, "      - {");
	assert_contains(r.out, "      + {");
	test_run_free(&r);
}

static void test_log_of_one_meeting(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "2", "--person", "副职甲", "--reason", "出差");
	OK(f, "meeting", "edit", "1", "--time", "10:00");
	json_t *log = JSON(f, "log", "--meeting", "1", "--json");
	assert_int_equal(json_array_size(log), 3);
	static const char *const actions[] = {"meeting add", "meeting invite", "meeting edit"};
	size_t i;
	json_t *entry;
	json_array_foreach(log, i, entry)
	{
		assert_json_int(entry, "meeting", 1);
		assert_json_string(entry, "action", actions[i]);
		assert_keys(entry, STRINGS("id", "at", "who", "action", "entity", "entity_id", "meeting",
					   "before", "after", "rules_hash"));
	}
	json_decref(log);
	log = JSON(f, "log", "--meeting", "#2", "--json");
	assert_int_equal(json_array_size(log), 2);
	assert_json_string(json_array_get(log, 1), "action", "leave request");
	json_decref(log);
	run_result r = RUN(f, "log", "--meeting", "1");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "(meeting #1)");
	assert_not_contains(r.out, "person add");
	assert_not_contains(r.out, "(meeting #2)");
	test_run_free(&r);
	REFUSED(f, "'abc' is not a number such as 12 or #12", "log", "--meeting", "abc");
}

static void test_log_verify_finds_a_changed_entry(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "log", "--verify");
	assert_int_equal(r.status, 0);
	char expected[128];
	snprintf(expected, sizeof expected,
		 "the audit log holds: %zu entries, each linked to the one before\n", entries);
	assert_string_equal(r.out, expected);
	assert_string_equal(r.err, "");
	test_run_free(&r);

	/* The number of the entry that records the meeting. */
	json_t *log = JSON(f, "log", "--meeting", "1", "--json");
	long long target = json_integer_value(json_object_get(json_array_get(log, 0), "id"));
	json_decref(log);
	assert_true(target > 1 && (size_t)target < entries);

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	/* While the triggers stand, the log refuses changes. */
	char *message = NULL;
	char *update = sqlite3_mprintf("UPDATE audit SET after = '{\"chair_id\":3}' WHERE id = %lld", target);
	int rc = sqlite3_exec(db, update, NULL, NULL, &message);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	assert_contains(message, "the audit log is append-only");
	sqlite3_free(message);
	message = NULL;
	rc = sqlite3_exec(db, "DELETE FROM audit WHERE id = 1", NULL, NULL, &message);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	sqlite3_free(message);
	message = NULL;
	sqlite3_close(db);
	r = RUN(f, "log", "--verify");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, expected);
	test_run_free(&r);

	/* An attacker drops the trigger and rewrites one entry. */
	assert_int_equal(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER audit_no_update", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, update, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_changes(db), 1);
	sqlite3_free(update);
	sqlite3_close(db);

	r = RUN(f, "log", "--verify");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_int_equal(test_count_lines(r.err), 1);
	snprintf(expected, sizeof expected, "the audit log is broken at entry #%lld:", target);
	assert_contains(r.err, expected);
	test_run_free(&r);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_every_action_is_logged_with_before_and_after),
		TEST(test_log_of_one_meeting),
		TEST(test_log_verify_finds_a_changed_entry),
	};
#undef TEST
	return cmocka_run_group_tests_name("audit_log", tests, NULL, NULL);
}
