/* The store: created with the schema, migrated forward, and never damaged when refused. */
#include "harness.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ics_export.h"
#include "rules.h"
#include "session.h"
#include "store.h"

static char *directory;

static int make_directory(void **state)
{
	(void)state;
	directory = test_make_temp_dir();
	return 0;
}

static int remove_directory(void **state)
{
	(void)state;
	test_remove_tree(directory);
	free(directory);
	return 0;
}

static hw_rules *load(const char *key)
{
	char rules_dir[4096];
	snprintf(rules_dir, sizeof rules_dir, "%s/rules", test_data_dir());
	hw_error error = {0};
	hw_rules *rules = hw_rules_load(rules_dir, key, &error);
	if (rules == NULL)
		fail_msg("%s", error.message);
	return rules;
}

static int pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &statement, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	int value = sqlite3_column_int(statement, 0);
	sqlite3_finalize(statement);
	return value;
}

static void test_missing_database_is_not_created(void **state)
{
	(void)state;
	char *path = test_path(directory, "missing.db");
	hw_error error = {0};
	assert_null(hw_store_open(path, HW_OPEN_EXISTING, &error));
	assert_contains(error.message, "huiwu init --gov");
	assert_null(test_read_file(path, NULL));
	free(path);
}

static void test_new_database_has_schema_wal_and_foreign_keys(void **state)
{
	(void)state;
	char *path = test_path(directory, "nested/folders/new.db");
	hw_error error = {0};
	hw_store *store = hw_store_open(path, HW_OPEN_OR_CREATE, &error);
	if (store == NULL)
		fail_msg("%s", error.message);
	sqlite3 *db = hw_store_db(store);
	assert_int_equal(pragma_int(db, "PRAGMA user_version"), hw_store_schema_version());
	assert_int_equal(pragma_int(db, "PRAGMA foreign_keys"), 1);
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(statement, 0), "wal");
	sqlite3_finalize(statement);

	char key[64];
	assert_int_equal(hw_store_government_key(store, key, sizeof key, &error), -1);
	assert_contains(error.message, "huiwu init");
	hw_rules *wuqia = load("wuqia");
	assert_int_equal(hw_store_set_government(store, wuqia, &error), 0);
	assert_int_equal(hw_store_government_key(store, key, sizeof key, &error), 0);
	assert_string_equal(key, "wuqia");
	hw_store_close(store);

	/* A second set-up is refused and the first stays. */
	store = hw_store_open(path, HW_OPEN_EXISTING, &error);
	hw_rules *yiwu = load("yiwu");
	assert_int_equal(hw_store_set_government(store, yiwu, &error), -1);
	assert_contains(error.message, "already set up for 'wuqia'");
	assert_int_equal(hw_store_government_key(store, key, sizeof key, &error), 0);
	assert_string_equal(key, "wuqia");
	hw_store_close(store);
	hw_rules_free(wuqia);
	hw_rules_free(yiwu);
	free(path);
}

static void make_raw_database(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_newer_database_is_refused_untouched(void **state)
{
	(void)state;
	char *path = test_path(directory, "newer.db");
	char sql[256];
	snprintf(sql, sizeof sql,
		 "PRAGMA application_id = 1213679957; CREATE TABLE future (x); PRAGMA user_version = %d;",
		 hw_store_schema_version() + 1);
	make_raw_database(path, sql);
	size_t size_before, size_after;
	char *before = test_read_file(path, &size_before);
	hw_error error = {0};
	assert_null(hw_store_open(path, HW_OPEN_EXISTING, &error));
	assert_contains(error.message, "newer huiwu");
	char *after = test_read_file(path, &size_after);
	assert_int_equal(size_before, size_after);
	assert_memory_equal(before, after, size_before);
	free(before);
	free(after);
	free(path);
}

static void test_foreign_files_are_refused(void **state)
{
	(void)state;
	hw_error error = {0};
	char *text_file = test_path(directory, "notes.db");
	test_write_file(text_file, "这不是数据库，是一份会议记录。\n");
	assert_null(hw_store_open(text_file, HW_OPEN_EXISTING, &error));
	assert_contains(error.message, "not a huiwu database");
	char *content = test_read_file(text_file, NULL);
	assert_string_equal(content, "这不是数据库，是一份会议记录。\n");
	free(content);

	char *other_program = test_path(directory, "other.db");
	make_raw_database(other_program, "CREATE TABLE songs (title TEXT);");
	assert_null(hw_store_open(other_program, HW_OPEN_EXISTING, &error));
	assert_contains(error.message, "another program");
	free(text_file);
	free(other_program);
}

static void test_empty_database_is_migrated_from_version_zero(void **state)
{
	(void)state;
	char *path = test_path(directory, "empty.db");
	make_raw_database(path, "PRAGMA user_version = 0;");
	hw_error error = {0};
	hw_store *store = hw_store_open(path, HW_OPEN_EXISTING, &error);
	if (store == NULL)
		fail_msg("%s", error.message);
	assert_int_equal(pragma_int(hw_store_db(store), "PRAGMA user_version"), hw_store_schema_version());
	assert_int_equal(pragma_int(hw_store_db(store), "SELECT count(*) FROM government"), 0);
	hw_store_close(store);
	free(path);
}

/* A database written by every earlier version of huiwu opens, is brought up to date, and
 * keeps what it held. */
static void test_every_earlier_version_is_migrated(void **state)
{
	(void)state;
	for (int version = 1; version < hw_store_schema_version(); version++) {
		char name[64];
		snprintf(name, sizeof name, "version-%d.db", version);
		char *path = test_path(directory, name);
		sqlite3 *db;
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		for (int step = 1; step <= version; step++)
			assert_int_equal(sqlite3_exec(db, hw_store_migration_sql(step), NULL, NULL, NULL),
					 SQLITE_OK);
		char sql[256];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = 1213679957;",
			 version);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db,
					      "INSERT INTO government (id, rules_key, name, document, created_at)"
					      " VALUES (1, 'wuqia', '乌恰县人民政府',"
					      " '恰政发〔2024〕6号', '2024-01-01T00:00:00Z')",
					      NULL, NULL, NULL),
				 SQLITE_OK);
		if (version >= 2)
			assert_int_equal(sqlite3_exec(db,
						      "INSERT INTO meeting (uid, type, date, start, title,"
						      " changed_at) VALUES ('u@x', 'executive', '2025-03-11',"
						      " '09:30', '常务会议', '2025-01-01T00:00:00Z')",
						      NULL, NULL, NULL),
					 SQLITE_OK);
		sqlite3_close(db);

		hw_error error = {0};
		hw_store *store = hw_store_open(path, HW_OPEN_EXISTING, &error);
		if (store == NULL)
			fail_msg("version %d: %s", version, error.message);
		sqlite3 *migrated = hw_store_db(store);
		assert_int_equal(pragma_int(migrated, "PRAGMA user_version"), hw_store_schema_version());
		char key[64];
		assert_int_equal(hw_store_government_key(store, key, sizeof key, &error), 0);
		assert_string_equal(key, "wuqia");
		if (version >= 2)
			assert_int_equal(pragma_int(migrated, "SELECT count(*) FROM meeting WHERE series_id IS NULL"), 1);
		assert_int_equal(pragma_int(migrated, "SELECT count(*) FROM series"), 0);
		hw_store_close(store);
		free(path);
	}
}

static void test_read_only_database_refuses_writes(void **state)
{
	(void)state;
	char *path = test_path(directory, "readonly.db");
	hw_error error = {0};
	hw_store *store = hw_store_open(path, HW_OPEN_OR_CREATE, &error);
	assert_non_null(store);
	hw_store_close(store);
	store = hw_store_open(path, HW_OPEN_READ_ONLY, &error);
	assert_non_null(store);
	hw_rules *ili = load("ili");
	assert_int_equal(hw_store_set_government(store, ili, &error), -1);
	hw_store_close(store);
	hw_rules_free(ili);
	free(path);
}

/* ---- who may read the files huiwu writes ---- */

static mode_t mode_of(const char *path)
{
	struct stat status;
	if (stat(path, &status) != 0)
		fail_msg("%s: %s", path, strerror(errno));
	return status.st_mode & 0777;
}

/* A new database and its -wal and -shm, made under `mask`, have mode `expected`. */
static void check_database_mode(mode_t mask, mode_t expected)
{
	mode_t saved = umask(mask);
	char name[64];
	snprintf(name, sizeof name, "umask-%03o.db", (unsigned)mask);
	char *path = test_path(directory, name);
	hw_error error = {0};
	hw_store *store = hw_store_open(path, HW_OPEN_OR_CREATE, &error);
	umask(saved);
	if (store == NULL)
		fail_msg("%s", error.message);
	/* A write brings the -wal and -shm into being. */
	assert_int_equal(sqlite3_exec(hw_store_db(store), "INSERT INTO department (name) VALUES ('x')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	char side[4200];
	if (mode_of(path) != expected)
		fail_msg("umask %03o: %s has mode %03o, not %03o", (unsigned)mask, name,
			 (unsigned)mode_of(path), (unsigned)expected);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_equal(mode_of(side), expected);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_int_equal(mode_of(side), expected);
	hw_store_close(store);
	free(path);
}

static void test_new_database_is_private(void **state)
{
	(void)state;
	check_database_mode(022, 0600); /* a user's own database: theirs alone */
	check_database_mode(077, 0600);
	check_database_mode(027, 0600);
	/* A umask that lets the group write is an office sharing the database (huiwu(1)). */
	check_database_mode(002, 0660);
	check_database_mode(007, 0660);
}

/* A database to export from: set up for wuqia, through a session. */
static hw_session *export_session(void)
{
	char *path = test_path(directory, "export.db");
	hw_error error = {0};
	hw_store *store = hw_store_open(path, HW_OPEN_OR_CREATE, &error);
	if (store == NULL)
		fail_msg("%s", error.message);
	hw_rules *rules = load("wuqia");
	if (hw_store_government_key(store, (char[64]){0}, 64, &error) != 0 &&
	    hw_store_set_government(store, rules, &error) != 0)
		fail_msg("%s", error.message);
	hw_rules_free(rules);
	hw_store_close(store);
	hw_session *session = hw_session_open(path, false, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	free(path);
	return session;
}

static void export_under(hw_session *session, const char *path, mode_t mask)
{
	mode_t saved = umask(mask);
	hw_error error = {0};
	hw_export_options options = {0};
	int count = hw_export_ics_to_path(session, &options, path, &error);
	umask(saved);
	if (count < 0)
		fail_msg("%s", error.message);
}

static void test_export_follows_the_umask_and_keeps_a_replaced_mode(void **state)
{
	(void)state;
	hw_session *session = export_session();
	char *path = test_path(directory, "calendar.ics");
	remove(path);
	export_under(session, path, 022);
	assert_int_equal(mode_of(path), 0644);
	remove(path);
	export_under(session, path, 077);
	assert_int_equal(mode_of(path), 0600);
	/* A file the user made readable to their group stays so when replaced, whatever the
	 * umask; so does one they made private. */
	assert_int_equal(chmod(path, 0640), 0);
	export_under(session, path, 022);
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(chmod(path, 0600), 0);
	export_under(session, path, 000);
	assert_int_equal(mode_of(path), 0600);
	hw_session_close(session);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_database_is_not_created),
		cmocka_unit_test(test_new_database_has_schema_wal_and_foreign_keys),
		cmocka_unit_test(test_newer_database_is_refused_untouched),
		cmocka_unit_test(test_foreign_files_are_refused),
		cmocka_unit_test(test_empty_database_is_migrated_from_version_zero),
		cmocka_unit_test(test_every_earlier_version_is_migrated),
		cmocka_unit_test(test_read_only_database_refuses_writes),
		cmocka_unit_test(test_new_database_is_private),
		cmocka_unit_test(test_export_follows_the_umask_and_keeps_a_replaced_mode),
	};
	return cmocka_run_group_tests_name("store", tests, make_directory, remove_directory);
}
