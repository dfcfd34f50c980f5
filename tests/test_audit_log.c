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

#include "digest.h"
#include "store.h"

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
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
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
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
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

/* ---- the sealed log: what an attacker with the file but not the key cannot hide ---- */

/* A fixture with a meeting held on the 20th (attendees by the rules and one invited), a leave,
 * a topic, drafted minutes and a document: every kind of row the tampering below touches. */
static fixture *sealed_fixture(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	fixture_add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "topic", "add", "--title", "议题", "--deputy", "副职甲");
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	OK(f, "doc", "add", "--meeting", "1", "--title", "通知");
	return f;
}

/* A copy of the fixture's database, to tamper with; free the path. */
static char *copy_database(fixture *f)
{
	char *copy = test_path(f->directory, "tampered.db");
	/* A -wal left by the last copy's reader would be read into this one. */
	char side[4200];
	snprintf(side, sizeof side, "%s-wal", copy);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", copy);
	remove(side);
	size_t size = 0;
	char *content = test_read_file(f->db, &size);
	assert_non_null(content);
	FILE *file = fopen(copy, "wb");
	assert_non_null(file);
	assert_int_equal(fwrite(content, 1, size, file), size);
	assert_int_equal(fclose(file), 0);
	free(content);
	return copy;
}

/* Rewrites every entry from `from` on as the unkeyed chain of huiwu before version 4 computed
 * it (SHA-256 of the fields, no key): what anyone with the file can do. */
static void recompute_unkeyed(const char *path, long long from)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER IF EXISTS audit_no_update", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_stmt *select, *update;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT id, at, who, action, entity, entity_id, meeting_id,"
					    " before, after, rules_hash, previous_hash FROM audit ORDER BY id",
					    -1, &select, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "UPDATE audit SET previous_hash = ?2, hash = ?3, key_id = NULL,"
					    " state = NULL WHERE id = ?1",
					    -1, &update, NULL),
			 SQLITE_OK);
	char previous[HW_DIGEST_HEX_SIZE] = "";
	while (sqlite3_step(select) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(select, 0);
		if (id < from) {
			sqlite3_stmt *hash;
			sqlite3_prepare_v2(db, "SELECT hash FROM audit WHERE id = ?1", -1, &hash, NULL);
			sqlite3_bind_int64(hash, 1, id);
			assert_int_equal(sqlite3_step(hash), SQLITE_ROW);
			snprintf(previous, sizeof previous, "%s", (const char *)sqlite3_column_text(hash, 0));
			sqlite3_finalize(hash);
			continue;
		}
		const char *text[10];
		for (int column = 1; column < 10; column++)
			text[column] = (const char *)sqlite3_column_text(select, column);
		json_t *fields = json_pack("[s,s,s,s,s,I,I,s?,s?,s]", previous, text[1], text[2], text[3],
					   text[4], (json_int_t)sqlite3_column_int64(select, 5),
					   (json_int_t)sqlite3_column_int64(select, 6), text[7], text[8],
					   text[9]);
		char *dumped = json_dumps(fields, JSON_COMPACT);
		char hash[HW_DIGEST_HEX_SIZE];
		hw_sha256_hex(dumped, strlen(dumped), hash);
		free(dumped);
		json_decref(fields);
		sqlite3_reset(update);
		sqlite3_bind_int64(update, 1, id);
		sqlite3_bind_text(update, 2, previous, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(update, 3, hash, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(update), SQLITE_DONE);
		snprintf(previous, sizeof previous, "%s", hash);
	}
	sqlite3_finalize(select);
	sqlite3_finalize(update);
	sqlite3_close(db);
}

/* `log --verify` (with `--head head` unless NULL) on a copy of the fixture's database changed
 * by `sql` as someone with sqlite3 and without the key would. */
static run_result verify_tampered(fixture *f, const char *sql, const char *head)
{
	char *copy = copy_database(f);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(copy, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	char *message = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("%s: %s", sql, message);
	sqlite3_close(db);
	run_result r = head ? RUN(f, "--db", copy, "log", "--verify", "--head", head)
			    : RUN(f, "--db", copy, "log", "--verify");
	free(copy);
	return r;
}

static void expect_detected(fixture *f, const char *sql, const char *head, const char *message)
{
	run_result r = verify_tampered(f, sql, head);
	if (r.status != 1 || strstr(r.err, message) == NULL)
		fail_msg("after %s: expected exit 1 and \"%s\", got %d: %s%s", sql, message, r.status,
			 r.err, r.out);
	assert_string_equal(r.out, "");
	test_run_free(&r);
}

static void test_sealed_log_ties_every_row_to_the_log(void **state)
{
	fixture *f = sealed_fixture(state);
	/* The untampered twin verifies clean, its rows sealed. */
	run_result clean = verify_tampered(f, "SELECT 1", NULL);
	assert_int_equal(clean.status, 0);
	assert_string_equal(clean.err, "");
	assert_contains(clean.out, "sealed with the audit key");
	assert_contains(clean.out, "live rows match the log\n");
	test_run_free(&clean);

	expect_detected(f, "UPDATE meeting SET location = '别处' WHERE id = 1", NULL,
			"huiwu: meeting 1 was changed behind the log's back\n");
	expect_detected(f,
			"UPDATE attendee SET kind = 'guest' WHERE meeting_id = 1 AND person_id ="
			" (SELECT id FROM person WHERE name = '教育局局长')",
			NULL, "was changed behind the log's back");
	expect_detected(f,
			"DELETE FROM attendee WHERE meeting_id = 1 AND person_id ="
			" (SELECT id FROM person WHERE name = '教育局局长')",
			NULL, "was deleted behind the log's back");
	expect_detected(f, "UPDATE minutes SET text = '改过的纪要' WHERE meeting_id = 1", NULL,
			"huiwu: minutes 1 was changed behind the log's back\n");
	expect_detected(f, "UPDATE leave SET state = 'approved' WHERE id = 1", NULL,
			"huiwu: leave 1 was changed behind the log's back\n");
	expect_detected(f, "INSERT INTO person (name, title, role) VALUES ('冒名', '副职', 'deputy')",
			NULL, "was added behind the log's back\n");
	expect_detected(f,
			"INSERT INTO document (meeting_id, title) VALUES (1, '补发');"
			" INSERT INTO attendee (meeting_id, person_id, kind) SELECT 1, id, 'guest'"
			" FROM person WHERE id NOT IN (SELECT person_id FROM attendee WHERE meeting_id = 1)"
			" LIMIT 1",
			NULL, "document 2 was added behind the log's back\n");
	/* A seal changed to match an edited row cannot be made without the key. */
	expect_detected(f,
			"UPDATE meeting SET title = '另一个' WHERE id = 1;"
			" UPDATE audit_row SET seal = (SELECT seal FROM audit_row WHERE tbl = 'topic')"
			" WHERE tbl = 'meeting' AND key = '1'",
			NULL, "meeting 1 was changed behind the log's back");
}

static void test_sealed_log_catches_a_cut_or_recomputed_chain(void **state)
{
	fixture *f = sealed_fixture(state);
	run_result head = RUN(f, "log", "--head");
	assert_int_equal(head.status, 0);
	head.out[strcspn(head.out, "\n")] = '\0';
	assert_true(strchr(head.out, ':') != NULL);
	/* The head matches the untampered log. */
	run_result clean = verify_tampered(f, "SELECT 1", head.out);
	assert_int_equal(clean.status, 0);
	assert_contains(clean.out, "the log still holds the head");
	test_run_free(&clean);

	/* The last entries deleted: the rows' seals no longer add up to the last entry's, and the
	 * head names an entry that is gone. */
	static const char cut[] = "DROP TRIGGER audit_no_delete;"
				  " DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit)";
	expect_detected(f, cut, NULL, "the rows' seals do not add up to the last entry's");
	expect_detected(f, cut, head.out, "entries were removed from its end");
	/* Even when the entry cut off changed no row (the same draft again, the same day). */
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	expect_detected(f,
			"DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
			NULL, "the rows' seals do not add up to the last entry's");

	/* The last entry rewritten and the chain recomputed from it without the key, as the
	 * unkeyed chain was: the sealed entry before it no longer leads to it. */
	char *copy = copy_database(f);
	long long last = (long long)fixture_log_entries(f);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(copy, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER audit_no_update; UPDATE audit SET after ="
					  " '{\"title\":\"另一份\"}' WHERE id = (SELECT max(id) FROM audit)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	recompute_unkeyed(copy, last);
	run_result r = RUN(f, "--db", copy, "log", "--verify");
	assert_int_equal(r.status, 1);
	char expected[96];
	snprintf(expected, sizeof expected, "the audit log is broken at entry #%lld:", last);
	assert_contains(r.err, expected);
	test_run_free(&r);
	/* The whole log recomputed as an unkeyed chain and the seals thrown away is consistent in
	 * itself: verification says it is not sealed, and a head kept outside tells. */
	remove(copy);
	free(copy);
	copy = copy_database(f);
	recompute_unkeyed(copy, 1);
	assert_int_equal(sqlite3_open_v2(copy, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM audit_row", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	r = RUN(f, "--db", copy, "log", "--verify");
	assert_int_equal(r.status, 0);
	assert_not_contains(r.out, "sealed with the audit key");
	assert_contains(r.out, "no entry is sealed");
	test_run_free(&r);
	r = RUN(f, "--db", copy, "log", "--verify", "--head", head.out);
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "is not the one the head");
	assert_contains(r.err, "the log was rewritten");
	test_run_free(&r);
	free(copy);
	/* Mistakes with heads. */
	REFUSED(f, "'12:abc' is not a head of the audit log", "log", "--verify", "--head", "12:abc");
	REFUSED(f, "the audit log has no entry #999999", "log", "--verify", "--head",
		"999999:0123456789abcdef");
	USAGE_REFUSED(f, "a head is checked with --verify", "log", "--head", "1:0123456789abcdef");
	USAGE_REFUSED(f, "--head alone prints the head", "log", "--head", "--json");
	test_run_free(&head);
}

static void test_a_missing_key_stops_writes_and_verification(void **state)
{
	fixture *f = sealed_fixture(state);
	char *missing = test_path(f->directory, "no.key");
	char *env_key = NULL;
	assert_true(asprintf(&env_key, "HUIWU_AUDIT_KEY=%s", missing) > 0);
	f->env[4] = env_key;
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "person", "add", "李四", "--title", "副县长", "--role", "deputy");
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "is missing, and this database's log is sealed with key");
	test_run_free(&r);
	r = RUN(f, "log", "--verify");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "is missing");
	test_run_free(&r);
	/* No key was made behind the user's back, and nothing was written. */
	assert_null(test_read_file(missing, NULL));
	f->env[4] = NULL;
	assert_int_equal(fixture_log_entries(f), entries);
	OK(f, "log", "--verify");
	free(env_key);
	free(missing);
}

/* A database of schema version 3, whose log was an unkeyed chain, opens, verifies as it
 * did, and is sealed from its next entry on. */
static void test_a_log_from_before_the_seal_still_verifies(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	char *path = test_path(f->directory, "version-3.db");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (int step = 1; step <= 3; step++)
		assert_int_equal(sqlite3_exec(db, hw_store_migration_sql(step), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "PRAGMA user_version = 3; PRAGMA application_id = 1213679957;"
				      "INSERT INTO government VALUES (1, 'wuqia', '乌恰县人民政府',"
				      " '恰政发〔2024〕6号', '2024-01-01T00:00:00Z');"
				      "INSERT INTO person (name, title, role) VALUES ('首长', '县长', 'head');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	/* The entry as huiwu before version 4 wrote it. */
	static const char after[] = "{\"id\":1,\"name\":\"首长\"}";
	json_t *fields = json_pack("[s,s,s,s,s,I,I,n,s,s]", "", "2024-01-02T00:00:00Z", "clerk",
				   "person add", "person", (json_int_t)1, (json_int_t)0, after, "r");
	char *dumped = json_dumps(fields, JSON_COMPACT);
	char hash[HW_DIGEST_HEX_SIZE];
	hw_sha256_hex(dumped, strlen(dumped), hash);
	free(dumped);
	json_decref(fields);
	char *insert = sqlite3_mprintf(
		"INSERT INTO audit (at, who, action, entity, entity_id, meeting_id, before, after,"
		" rules_hash, previous_hash, hash) VALUES ('2024-01-02T00:00:00Z', 'clerk', 'person add',"
		" 'person', 1, 0, NULL, %Q, 'r', '', %Q)",
		after, hash);
	assert_int_equal(sqlite3_exec(db, insert, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(insert);
	sqlite3_close(db);

	run_result r = RUN(f, "--db", path, "log", "--verify");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "the audit log holds: 1 entries, each linked to the one before\n");
	assert_contains(r.out, "no entry is sealed");
	test_run_free(&r);
	/* The next change seals the log and the rows as they are. */
	OK(f, "--db", path, "person", "add", "李四", "--title", "副县长", "--role", "deputy");
	r = RUN(f, "--db", path, "log", "--verify");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "the audit log holds: 2 entries, each linked to the one before\n");
	assert_contains(r.out, "1 of them sealed with the audit key");
	assert_contains(r.out, "live rows match the log\n");
	test_run_free(&r);
	/* From then on a row changed directly is caught, and the old entry is still checked. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE person SET title = '书记' WHERE id = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	r = RUN(f, "--db", path, "log", "--verify");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "huiwu: person 1 was changed behind the log's back\n");
	test_run_free(&r);
	free(path);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_every_action_is_logged_with_before_and_after),
		TEST(test_log_of_one_meeting),
		TEST(test_log_verify_finds_a_changed_entry),
		TEST(test_sealed_log_ties_every_row_to_the_log),
		TEST(test_sealed_log_catches_a_cut_or_recomputed_chain),
		TEST(test_a_missing_key_stops_writes_and_verification),
		TEST(test_a_log_from_before_the_seal_still_verifies),
	};
#undef TEST
	return cmocka_run_group_tests_name("audit_log", tests, NULL, NULL);
}
