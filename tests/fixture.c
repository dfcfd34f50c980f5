#include "fixture.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the fixture ---- */

static run_result run_list(const fixture *f, va_list args)
{
	const char *argv[64];
	int count = 0;
	const char *argument;
	while ((argument = va_arg(args, const char *)) != NULL && count < 63)
		argv[count++] = argument;
	argv[count] = NULL;
	return test_run(f->env, argv);
}

run_result fixture_run(const fixture *f, ...)
{
	va_list args;
	va_start(args, f);
	run_result result = run_list(f, args);
	va_end(args);
	return result;
}

long long fixture_ok(const fixture *f, ...)
{
	va_list args;
	va_start(args, f);
	run_result result = run_list(f, args);
	va_end(args);
	if (result.status != 0)
		fail_msg("huiwu exited %d: %s", result.status, result.err);
	long long id = strtoll(result.out, NULL, 10);
	test_run_free(&result);
	return id;
}

long long fixture_add_meeting(const fixture *f, const char *type, const char *date, const char *option,
			      const char *value)
{
	if (option != NULL)
		return fixture_ok(f, "meeting", "add", "--type", type, "--date", date, "--time", "09:30",
				  option, value, NULL);
	return fixture_ok(f, "meeting", "add", "--type", type, "--date", date, "--time", "09:30",
			  NULL);
}

void fixture_open(fixture *f, const char *government, const char *today)
{
	const char *templates = getenv("HUIWU_FIXTURES");
	if (templates == NULL)
		fail_msg("HUIWU_FIXTURES is not set: run the tests with 'meson test'");
	memset(f, 0, sizeof *f);
	f->directory = test_make_temp_dir();
	f->db = test_path(f->directory, "huiwu.db");
	char *template = NULL;
	if (asprintf(&template, "%s/fixture-%s.db", templates, government) < 0 ||
	    asprintf(&f->env_db, "HUIWU_DB=%s", f->db) < 0 ||
	    asprintf(&f->env_today, "HUIWU_TODAY=%s", today) < 0)
		fail_msg("out of memory");
	if (access(template, R_OK) != 0)
		fail_msg("cannot read %s: build the tests' fixtures with meson (tests/meson.build)",
			 template);
	test_copy_file(template, f->db);
	free(template);
	f->env[0] = f->env_db;
	f->env[1] = f->env_today;
	f->env[2] = "LANGUAGE=";
	f->env[3] = "LC_ALL=C.UTF-8";
	f->env[4] = NULL;
}

void fixture_close(fixture *f)
{
	test_remove_tree(f->directory);
	free(f->directory);
	free(f->db);
	free(f->env_db);
	free(f->env_today);
	memset(f, 0, sizeof *f);
}

void fixture_expect_quiet(const fixture *f, const char *const *args, const char *expected_out)
{
	run_result r = test_run(f->env, args);
	char err[1024], out[1024];
	snprintf(err, sizeof err, "%s", r.err ? r.err : "(none)");
	snprintf(out, sizeof out, "%s", r.out ? r.out : "(none)");
	int status = r.status;
	test_run_free(&r);
	if (status != 0)
		fail_msg("huiwu %s exited %d: %s", args[0], status, err);
	if (err[0] != '\0')
		fail_msg("huiwu %s %s printed on stderr: %s", args[0], args[1] ? args[1] : "", err);
	if (expected_out != NULL && strcmp(out, expected_out) != 0)
		fail_msg("huiwu %s: expected \"%s\", got \"%s\"", args[0], expected_out, out);
}

json_t *fixture_json(run_result r, const char *command)
{
	char message[1024] = "";
	json_t *value = NULL;
	if (r.status != 0) {
		snprintf(message, sizeof message, "huiwu %s exited %d: %.600s", command, r.status,
			 r.err ? r.err : "");
	} else {
		json_error_t error;
		value = json_loads(r.out ? r.out : "", 0, &error);
		if (value == NULL)
			snprintf(message, sizeof message, "huiwu %s printed no JSON: %s", command,
				 error.text);
	}
	test_run_free(&r);
	if (value == NULL)
		fail_msg("%s", message);
	return value;
}

/* ---- a test's fixtures ---- */

typedef struct fixtures {
	fixture items[4];
	int count;
} fixtures;

int fixture_setup(void **state)
{
	*state = calloc(1, sizeof(fixtures));
	return *state ? 0 : -1;
}

int fixture_teardown(void **state)
{
	fixtures *all = *state;
	for (int i = 0; i < all->count; i++)
		if (all->items[i].directory != NULL)
			fixture_close(&all->items[i]);
	free(all);
	return 0;
}

fixture *fixture_in_test(void **state, const char *government, const char *today)
{
	fixtures *all = *state;
	if (all->count == 4)
		fail_msg("a test opens at most four fixtures");
	fixture *f = &all->items[all->count++];
	fixture_open(f, government, today);
	return f;
}

/* ---- JSON assertions ---- */

json_t *fixture_find_named(json_t *array, const char *name)
{
	size_t i;
	json_t *item;
	json_array_foreach(array, i, item)
	{
		const char *found = json_string_value(json_object_get(item, "name"));
		if (found != NULL && strcmp(found, name) == 0)
			return item;
	}
	return NULL;
}

const char *fixture_attendance(json_t *meeting, const char *name)
{
	json_t *attendee = fixture_find_named(json_object_get(meeting, "attendees"), name);
	return attendee ? json_string_value(json_object_get(attendee, "kind")) : NULL;
}

bool fixture_waiting_has(json_t *agenda, const char *kind, long long id)
{
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(agenda, "waiting"), i, item)
	{
		const char *got = json_string_value(json_object_get(item, "kind"));
		if (got && strcmp(got, kind) == 0 && json_integer_value(json_object_get(item, "id")) == id)
			return true;
	}
	return false;
}

size_t fixture_waiting_count(json_t *agenda)
{
	return json_array_size(json_object_get(agenda, "waiting"));
}

void assert_strings(json_t *array, const char *const *expected)
{
	size_t count = 0;
	while (expected[count] != NULL)
		count++;
	if (!json_is_array(array) || json_array_size(array) != count)
		fail_msg("expected an array of %zu strings, got %zu items", count,
			 json_array_size(array));
	for (size_t i = 0; i < count; i++) {
		const char *got = json_string_value(json_array_get(array, i));
		if (got == NULL || strcmp(got, expected[i]) != 0)
			fail_msg("item %zu: expected \"%s\", got %s", i, expected[i], got ? got : "no string");
	}
}

void assert_ids(json_t *array, const long long *expected)
{
	size_t count = 0;
	while (expected[count] != 0)
		count++;
	if (!json_is_array(array) || json_array_size(array) != count)
		fail_msg("expected %zu items, got %zu", count, json_array_size(array));
	for (size_t i = 0; i < count; i++) {
		long long got = json_integer_value(json_object_get(json_array_get(array, i), "id"));
		if (got != expected[i])
			fail_msg("item %zu: expected id %lld, got %lld", i, expected[i], got);
	}
}

void assert_keys(json_t *object, const char *const *keys)
{
	size_t count = 0;
	for (; keys[count] != NULL; count++)
		if (json_object_get(object, keys[count]) == NULL)
			fail_msg("expected the key \"%s\"", keys[count]);
	if (json_object_size(object) != count)
		fail_msg("expected %zu keys, got %zu", count, json_object_size(object));
}

/* ---- nothing changed ---- */

static void dump_table(sqlite3 *db, FILE *out, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
	sqlite3_stmt *statement = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) == SQLITE_OK)
		while (sqlite3_step(statement) == SQLITE_ROW) {
			for (int column = 0; column < sqlite3_column_count(statement); column++) {
				const unsigned char *text = sqlite3_column_text(statement, column);
				fprintf(out, "%s%s", column ? "|" : "", text ? (const char *)text : "NULL");
			}
			fputc('\n', out);
		}
	int finished = sqlite3_finalize(statement);
	sqlite3_free(sql);
	if (finished != SQLITE_OK)
		fail_msg("cannot read the table %s: %s", table, sqlite3_errmsg(db));
}

char *fixture_dump_database(const fixture *f)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		fail_msg("cannot open %s", f->db);
	}
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	if (out == NULL) {
		sqlite3_close(db);
		fail_msg("out of memory");
	}
	sqlite3_stmt *schema = NULL;
	if (sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name",
			       -1, &schema, NULL) == SQLITE_OK)
		while (sqlite3_step(schema) == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(schema, 0);
			const char *name = (const char *)sqlite3_column_text(schema, 1);
			fprintf(out, "%s %s: %s\n", type, name, (const char *)sqlite3_column_text(schema, 2));
			if (strcmp(type, "table") == 0)
				dump_table(db, out, name);
		}
	int finished = sqlite3_finalize(schema);
	sqlite3_close(db);
	fclose(out);
	if (finished != SQLITE_OK)
		fail_msg("cannot read the schema of %s", f->db);
	return text;
}

size_t fixture_log_entries(const fixture *f)
{
	json_t *log = JSON(f, "log", "--json");
	size_t count = json_array_size(log);
	json_decref(log);
	return count;
}

saved_state fixture_save_state(const fixture *f)
{
	saved_state saved = {fixture_dump_database(f), fixture_log_entries(f)};
	return saved;
}

void fixture_check_refused(const fixture *f, saved_state *before, run_result *r, const char *needle,
			   const char *command, int expected_status)
{
	char message[2048] = "";
	size_t err_length = r->err ? strlen(r->err) : 0;
	if (r->status != expected_status)
		snprintf(message, sizeof message,
			 "huiwu %s: expected exit %d, got %d (stdout: %.400s; stderr: %.400s)", command,
			 expected_status, r->status, r->out ? r->out : "", r->err ? r->err : "");
	else if (expected_status == 1 &&
		 (test_count_lines(r->err) != 1 || r->err[err_length - 1] != '\n'))
		snprintf(message, sizeof message, "huiwu %s: expected one line on stderr, got: %.800s",
			 command, r->err ? r->err : "");
	else if (strstr(r->err, needle) == NULL)
		snprintf(message, sizeof message, "huiwu %s: expected \"%s\" in: %.800s", command,
			 needle, r->err);
	else if (r->out != NULL && r->out[0] != '\0')
		snprintf(message, sizeof message, "huiwu %s: expected nothing on stdout, got: %.400s",
			 command, r->out);
	test_run_free(r);
	if (message[0] == '\0') {
		saved_state after = fixture_save_state(f);
		if (after.log_entries != before->log_entries)
			snprintf(message, sizeof message,
				 "huiwu %s was refused but the log grew from %zu to %zu entries", command,
				 before->log_entries, after.log_entries);
		else if (strcmp(after.dump, before->dump) != 0)
			snprintf(message, sizeof message,
				 "huiwu %s was refused but changed the database", command);
		free(after.dump);
	}
	free(before->dump);
	if (message[0] != '\0')
		fail_msg("%s", message);
}

json_t *fixture_expect_logged(const fixture *f, size_t before, const char *action, bool has_before,
			      bool has_after)
{
	json_t *log = JSON(f, "log", "--json");
	if (json_array_size(log) != before + 1) {
		size_t count = json_array_size(log);
		json_decref(log);
		fail_msg("%s: expected the log to grow from %zu to %zu entries, it holds %zu", action,
			 before, before + 1, count);
	}
	json_t *entry = json_incref(json_array_get(log, before));
	json_decref(log);
	assert_json_string(entry, "action", action);
	if (json_is_object(json_object_get(entry, "before")) != has_before)
		fail_msg("%s: expected %s row before", action, has_before ? "a" : "no");
	if (json_is_object(json_object_get(entry, "after")) != has_after)
		fail_msg("%s: expected %s row after", action, has_after ? "a" : "no");
	const char *who = json_string_value(json_object_get(entry, "who"));
	if (who == NULL || who[0] == '\0')
		fail_msg("%s: the entry does not say who", action);
	return entry;
}

static sqlite3 *open_read_only(const fixture *f)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		fail_msg("cannot open %s", f->db);
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

void fixture_expect_intact(const fixture *f)
{
	sqlite3 *db = open_read_only(f);
	sqlite3_stmt *statement = NULL;
	char verdict[512] = "";
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, NULL) == SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		snprintf(verdict, sizeof verdict, "%s", (const char *)sqlite3_column_text(statement, 0));
	else
		snprintf(verdict, sizeof verdict, "cannot check: %s", sqlite3_errmsg(db));
	sqlite3_finalize(statement);
	sqlite3_close(db);
	if (strcmp(verdict, "ok") != 0)
		fail_msg("PRAGMA integrity_check on %s: %s", f->db, verdict);
	run_result r = RUN(f, "log", "--verify");
	if (r.status != 0) {
		char message[1024];
		snprintf(message, sizeof message, "huiwu log --verify exited %d: %.800s", r.status, r.err);
		test_run_free(&r);
		fail_msg("%s", message);
	}
	test_run_free(&r);
}

long long fixture_count(const fixture *f, const char *sql, const char *text)
{
	sqlite3 *db = open_read_only(f);
	sqlite3_stmt *statement = NULL;
	long long count = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) == SQLITE_OK) {
		if (text != NULL)
			sqlite3_bind_text(statement, 1, text, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(statement) == SQLITE_ROW)
			count = sqlite3_column_int64(statement, 0);
	}
	int finished = sqlite3_finalize(statement);
	sqlite3_close(db);
	if (finished != SQLITE_OK || count < 0)
		fail_msg("cannot count (%s) in %s", sql, f->db);
	return count;
}
