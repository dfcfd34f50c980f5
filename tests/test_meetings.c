/* The meeting module through the command line, as the office's clerk uses it: the roster,
 * meetings, the agenda, topics, leave, minutes, documents and the audit log. Each test builds
 * a role-named roster (fixture.c), does the thing right once, then makes the mistakes a clerk
 * makes. A refused command exits 1 with exactly one line on standard error and changes
 * nothing: every table of the database reads the same afterwards, and `huiwu log --json`
 * holds as many entries as before. The rule engine's findings are tested in test_checks.c. */
#include "fixture.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- running huiwu ---- */

#define RUN(f, ...) fixture_run(f, __VA_ARGS__, NULL)
#define OK(f, ...) fixture_ok(f, __VA_ARGS__, NULL)
/* Runs huiwu, which must succeed, and parses what it prints as JSON (json_decref it). */
#define JSON(f, ...) parse_json(fixture_run(f, __VA_ARGS__, NULL), #__VA_ARGS__)

static json_t *parse_json(run_result r, const char *command)
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

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

/* The fixture's roster is built through the CLI once per government (fixture_open); each test
 * works on its own copy of that database, so that the suite stays quick under the sanitizers. */
static const char *const governments[] = {"ili", "kizilsu", "yiwu", "changji", "wuqia"};
#define GOVERNMENT_COUNT (sizeof governments / sizeof governments[0])
static fixture templates[GOVERNMENT_COUNT];
static bool template_built[GOVERNMENT_COUNT];

static int close_templates(void **state)
{
	(void)state;
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++)
		if (templates[i].directory != NULL)
			fixture_close(&templates[i]);
	return 0;
}

static const fixture *template_for(const char *government)
{
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++)
		if (strcmp(governments[i], government) == 0) {
			if (!template_built[i]) {
				fixture_open(&templates[i], government, TODAY);
				template_built[i] = true;
			}
			return &templates[i];
		}
	fail_msg("no fixture for '%s'", government);
	return NULL;
}

static void copy_file(const char *from, const char *to)
{
	size_t size = 0;
	char *content = test_read_file(from, &size);
	if (content == NULL)
		return;
	FILE *file = fopen(to, "wb");
	bool written = file != NULL && fwrite(content, 1, size, file) == size;
	if (file != NULL && fclose(file) != 0)
		written = false;
	free(content);
	if (!written)
		fail_msg("cannot copy %s to %s", from, to);
}

/* A fixture like `from`, on a copy of its database, with today at `today`. */
static void fixture_copy(fixture *out, const fixture *from, const char *today)
{
	fixture copy = *from;
	copy.directory = test_make_temp_dir();
	copy.db = test_path(copy.directory, "huiwu.db");
	if (asprintf(&copy.env_db, "HUIWU_DB=%s", copy.db) < 0 ||
	    asprintf(&copy.env_today, "HUIWU_TODAY=%s", today) < 0)
		fail_msg("out of memory");
	for (size_t i = 0; i < sizeof copy.env / sizeof copy.env[0]; i++) {
		if (from->env[i] != NULL && from->env[i] == from->env_db)
			copy.env[i] = copy.env_db;
		else if (from->env[i] != NULL && from->env[i] == from->env_today)
			copy.env[i] = copy.env_today;
	}
	*out = copy;
	copy_file(from->db, out->db);
	char *from_wal = NULL, *to_wal = NULL;
	if (asprintf(&from_wal, "%s-wal", from->db) < 0 || asprintf(&to_wal, "%s-wal", out->db) < 0)
		fail_msg("out of memory");
	copy_file(from_wal, to_wal);
	free(from_wal);
	free(to_wal);
	char *content = test_read_file(out->db, NULL);
	if (content == NULL)
		fail_msg("the fixture's database %s is missing", from->db);
	free(content);
}

/* Each test opens the fixtures it needs; the teardown closes them even when the test fails. */
typedef struct fixtures {
	fixture items[4];
	int count;
} fixtures;

static int setup(void **state)
{
	*state = calloc(1, sizeof(fixtures));
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	fixtures *all = *state;
	for (int i = 0; i < all->count; i++)
		if (all->items[i].directory != NULL)
			fixture_close(&all->items[i]);
	free(all);
	return 0;
}

static fixture *open_fixture(void **state, const char *government, const char *today)
{
	fixtures *all = *state;
	if (all->count == 4)
		fail_msg("a test opens at most four fixtures");
	const fixture *template = template_for(government);
	fixture *f = &all->items[all->count++];
	memset(f, 0, sizeof *f);
	fixture_copy(f, template, today);
	return f;
}

/* Adds a meeting at 09:30, with one more option when `option` is not NULL; returns its id. */
static long long add_meeting(fixture *f, const char *type, const char *date, const char *option,
			     const char *value)
{
	if (option != NULL)
		return fixture_ok(f, "meeting", "add", "--type", type, "--date", date, "--time", "09:30",
				  option, value, NULL);
	return fixture_ok(f, "meeting", "add", "--type", type, "--date", date, "--time", "09:30",
			  NULL);
}

/* ---- JSON assertions ---- */

#define assert_json_string(object, key, expected)                                                  \
	do {                                                                                       \
		const char *got_ = json_string_value(json_object_get((object), (key)));            \
		if (got_ == NULL || strcmp(got_, (expected)) != 0)                                 \
			fail_msg("\"%s\": expected \"%s\", got %s", (key), (expected),             \
				 got_ ? got_ : "no string");                                       \
	} while (0)

#define assert_json_int(object, key, expected)                                                     \
	do {                                                                                       \
		json_t *got_ = json_object_get((object), (key));                                   \
		if (!json_is_integer(got_) || json_integer_value(got_) != (expected))              \
			fail_msg("\"%s\": expected %lld, got %s %lld", (key), (long long)(expected), \
				 json_is_integer(got_) ? "" : "no integer",                        \
				 (long long)json_integer_value(got_));                             \
	} while (0)

#define assert_json_null(object, key)                                                              \
	do {                                                                                       \
		if (!json_is_null(json_object_get((object), (key))))                               \
			fail_msg("\"%s\": expected null", (key));                                  \
	} while (0)

#define assert_json_bool(object, key, expected)                                                    \
	do {                                                                                       \
		json_t *got_ = json_object_get((object), (key));                                   \
		if (!json_is_boolean(got_) || json_is_true(got_) != (expected))                    \
			fail_msg("\"%s\": expected %s", (key), (expected) ? "true" : "false");     \
	} while (0)

/* The object in `array` whose "name" is `name`, or NULL. */
static json_t *find_named(json_t *array, const char *name)
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

/* How `name` attends the meeting (member, sitter_in, guest, staff), or NULL. */
static const char *attendance(json_t *meeting, const char *name)
{
	json_t *attendee = find_named(json_object_get(meeting, "attendees"), name);
	return attendee ? json_string_value(json_object_get(attendee, "kind")) : NULL;
}

#define assert_attends(meeting, name, kind)                                                        \
	do {                                                                                       \
		const char *got_ = attendance((meeting), (name));                                  \
		if (got_ == NULL || strcmp(got_, (kind)) != 0)                                     \
			fail_msg("%s: expected to attend as %s, got %s", (name), (kind),           \
				 got_ ? got_ : "not invited");                                     \
	} while (0)

#define assert_not_invited(meeting, name)                                                          \
	do {                                                                                       \
		const char *got_ = attendance((meeting), (name));                                  \
		if (got_ != NULL)                                                                  \
			fail_msg("%s: expected not to be invited, attends as %s", (name), got_);   \
	} while (0)

/* Asserts that the array holds exactly these strings, in order (the list ends with NULL). */
static void assert_strings(json_t *array, const char *const *expected)
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

/* Asserts that the objects of the array have exactly these ids, in order (the list ends with 0). */
static void assert_ids(json_t *array, const long long *expected)
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

#define IDS(...) ((const long long[]){__VA_ARGS__, 0})
#define STRINGS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Asserts that the object has exactly these keys. */
static void assert_keys(json_t *object, const char *const *keys)
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
	sqlite3_finalize(statement);
	sqlite3_free(sql);
}

/* The whole database as text: schema and every row of every table. */
static char *dump_database(const fixture *f)
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
	sqlite3_finalize(schema);
	sqlite3_close(db);
	fclose(out);
	return text;
}

static size_t log_entries(fixture *f)
{
	json_t *log = JSON(f, "log", "--json");
	size_t count = json_array_size(log);
	json_decref(log);
	return count;
}

typedef struct saved_state {
	char *dump;
	size_t log_entries;
} saved_state;

static saved_state save_state(fixture *f)
{
	saved_state saved = {dump_database(f), log_entries(f)};
	return saved;
}

/* `expected_status` 1 is bad input (one line on stderr), 2 bad usage (the line and a hint). */
static void check_refused(fixture *f, saved_state *before, run_result *r, const char *needle,
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
		saved_state after = save_state(f);
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

/* Runs a command that must be refused: exit 1, one line on stderr containing `needle`,
 * nothing on stdout, the database and the log as they were. */
#define REFUSED(f, needle, ...)                                                                    \
	do {                                                                                       \
		saved_state before_ = save_state(f);                                               \
		run_result r_ = fixture_run(f, __VA_ARGS__, NULL);                                 \
		check_refused(f, &before_, &r_, needle, #__VA_ARGS__, 1);                          \
	} while (0)

/* The same for a usage mistake (a required option missing): exit 2. */
#define USAGE_REFUSED(f, needle, ...)                                                              \
	do {                                                                                       \
		saved_state before_ = save_state(f);                                               \
		run_result r_ = fixture_run(f, __VA_ARGS__, NULL);                                 \
		check_refused(f, &before_, &r_, needle, #__VA_ARGS__, 2);                          \
	} while (0)

/* Asserts that the log grew by exactly one entry since it held `before` entries, with this
 * action and a row before and after as said; returns that entry (json_decref it). */
static json_t *expect_logged(fixture *f, size_t before, const char *action, bool has_before,
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

/* Runs a command that must succeed and add one log entry `action`. */
#define LOGGED(f, action, has_before, has_after, ...)                                              \
	do {                                                                                       \
		size_t entries_ = log_entries(f);                                                  \
		OK(f, __VA_ARGS__);                                                                \
		json_decref(expect_logged(f, entries_, action, has_before, has_after));            \
	} while (0)

/* ====================================================================================== */
/* The roster                                                                              */
/* ====================================================================================== */

static void test_dept_add_list_and_edit(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	size_t entries = log_entries(f);
	run_result r = RUN(f, "dept", "add", "水利局", "--deputy", "副职乙");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "5\n");
	assert_string_equal(r.err, "");
	test_run_free(&r);
	json_t *entry = expect_logged(f, entries, "dept add", false, true);
	assert_json_string(json_object_get(entry, "after"), "name", "水利局");
	json_decref(entry);

	json_t *departments = JSON(f, "dept", "list", "--json");
	assert_int_equal(json_array_size(departments), 5);
	json_t *water = find_named(departments, "水利局");
	assert_non_null(water);
	assert_keys(water, STRINGS("id", "name", "deputy", "member_of_executive", "function"));
	assert_json_int(water, "id", 5);
	assert_json_string(water, "deputy", "副职乙");
	assert_json_bool(water, "member_of_executive", false);
	assert_json_null(water, "function");
	assert_json_bool(find_named(departments, "财政局"), "member_of_executive", true);
	assert_json_string(find_named(departments, "司法局"), "function", "justice_bureau");
	json_decref(departments);

	r = RUN(f, "dept", "list");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "   5  水利局  (in the division of 副职乙)\n");
	assert_contains(r.out, "   2  财政局  (in the division of 副职甲)  [member of the executive meeting]\n");
	assert_contains(r.out, "   4  司法局  (in the division of 副职乙)  [justice_bureau]\n");
	test_run_free(&r);

	/* Moving 教育局 into 副职甲's division. */
	entries = log_entries(f);
	OK(f, "dept", "edit", "教育局", "--deputy", "副职甲");
	entry = expect_logged(f, entries, "dept edit", true, true);
	assert_json_int(json_object_get(entry, "before"), "deputy_id", 4);
	assert_json_int(json_object_get(entry, "after"), "deputy_id", 3);
	json_decref(entry);
	json_t *person = JSON(f, "person", "show", "副职甲", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("农业农村局", "财政局", "教育局"));
	json_decref(person);
	person = JSON(f, "person", "show", "副职乙", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("司法局", "水利局"));
	json_decref(person);
}

static void test_dept_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "财政局: the name is taken already", "dept", "add", "财政局");
	REFUSED(f, "a name cannot be only digits", "dept", "add", "2024");
	REFUSED(f, "no person '无名'", "dept", "add", "水利局", "--deputy", "无名");
	REFUSED(f, "农业农村局局长 is not a government leader", "dept", "add", "水利局", "--deputy",
		"农业农村局局长");
	REFUSED(f, "unknown department function 'auditor'", "dept", "add", "审计局", "--function",
		"auditor");
	REFUSED(f, "no department '水利局'", "dept", "edit", "水利局", "--deputy", "副职甲");
	REFUSED(f, "no person '无名'", "dept", "edit", "教育局", "--deputy", "无名");
	/* The divisions are as the fixture made them. */
	json_t *person = JSON(f, "person", "show", "副职乙", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("教育局", "司法局"));
	json_decref(person);
}

/* dept add refuses a deputy in charge who is no government leader; dept edit must too. */
static void test_dept_edit_refuses_a_deputy_in_charge_who_is_no_leader(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "农业农村局局长 is not a government leader", "dept", "edit", "教育局", "--deputy",
		"农业农村局局长");
	REFUSED(f, "财政局工作人员 is not a government leader", "dept", "edit", "教育局", "--deputy",
		"财政局工作人员");
}

static void test_person_add_list_and_show(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	size_t entries = log_entries(f);
	run_result r = RUN(f, "person", "add", "李四", "--title", "副县长", "--role", "deputy");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "14\n");
	test_run_free(&r);
	json_decref(expect_logged(f, entries, "person add", false, true));
	/* A department named by its number. */
	assert_int_equal(OK(f, "person", "add", "教育局副局长", "--title", "副局长", "--role",
			    "department_deputy", "--dept", "3"),
			 15);

	json_t *people = JSON(f, "person", "list", "--json");
	assert_int_equal(json_array_size(people), 15);
	size_t i;
	json_t *item;
	json_array_foreach(people, i, item)
	{
		assert_true(json_is_integer(json_object_get(item, "id")));
		assert_true(json_is_string(json_object_get(item, "name")));
		assert_true(json_is_string(json_object_get(item, "title")));
		assert_true(json_is_string(json_object_get(item, "role")));
		json_t *department = json_object_get(item, "department");
		assert_true(json_is_string(department) || json_is_null(department));
	}
	json_t *head = find_named(people, "首长");
	assert_json_int(head, "id", 1);
	assert_json_string(head, "role", "head");
	assert_json_null(head, "department");
	json_t *bureau = find_named(people, "农业农村局局长");
	assert_json_string(bureau, "title", "局长");
	assert_json_string(bureau, "role", "department_head");
	assert_json_string(bureau, "department", "农业农村局");
	assert_json_string(find_named(people, "李四"), "role", "deputy");
	assert_json_string(find_named(people, "教育局副局长"), "department", "教育局");
	json_decref(people);

	r = RUN(f, "person", "list");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 15);
	assert_contains(r.out, "  14  李四  副县长  deputy\n");
	assert_contains(r.out, "  15  教育局副局长  副局长  department_deputy  教育局\n");
	test_run_free(&r);

	/* By number or by name; show has the division. */
	json_t *person = JSON(f, "person", "show", "9", "--json");
	assert_json_string(person, "name", "财政局局长");
	assert_json_string(person, "department", "财政局");
	assert_strings(json_object_get(person, "division"), STRINGS(NULL));
	json_decref(person);
	person = JSON(f, "person", "show", "副职甲", "--json");
	assert_keys(person, STRINGS("id", "name", "title", "role", "department", "party_group",
				    "division"));
	assert_json_int(person, "id", 3);
	assert_json_string(person, "title", "副职");
	assert_strings(json_object_get(person, "division"), STRINGS("农业农村局", "财政局"));
	json_decref(person);
	r = RUN(f, "person", "show", "副职甲");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "   3  副职甲  副职  deputy\n  division:\n    农业农村局\n    财政局\n");
	test_run_free(&r);
	REFUSED(f, "no person '无名'", "person", "show", "无名");
	REFUSED(f, "no person '99'", "person", "show", "99");
}

static void test_person_add_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "首长: the name is taken already", "person", "add", "首长", "--title", "县长",
		"--role", "head");
	REFUSED(f, "'mayor' is not a role a person holds", "person", "add", "张三", "--title", "县长",
		"--role", "mayor");
	REFUSED(f, "'member_department' is not a role a person holds", "person", "add", "张三",
		"--title", "局长", "--role", "member_department");
	REFUSED(f, "a department_head belongs to a department: say which with --dept", "person",
		"add", "张三", "--title", "局长", "--role", "department_head");
	REFUSED(f, "a staff belongs to a department", "person", "add", "张三", "--title", "科员",
		"--role", "staff");
	REFUSED(f, "no department '水利局'", "person", "add", "张三", "--title", "局长", "--role",
		"department_head", "--dept", "水利局");
	REFUSED(f, "a name cannot be only digits", "person", "add", "12345", "--title", "副县长",
		"--role", "deputy");
	REFUSED(f, "say the person's title with --title", "person", "add", "张三", "--role", "deputy");
	json_t *people = JSON(f, "person", "list", "--json");
	assert_int_equal(json_array_size(people), 13);
	assert_null(find_named(people, "张三"));
	json_decref(people);
}

static void test_person_edit_role(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	size_t entries = log_entries(f);
	OK(f, "person", "edit", "财政局工作人员", "--role", "department_deputy");
	json_t *entry = expect_logged(f, entries, "person edit", true, true);
	assert_json_string(json_object_get(entry, "before"), "role", "staff");
	assert_json_string(json_object_get(entry, "after"), "role", "department_deputy");
	json_decref(entry);
	json_t *person = JSON(f, "person", "show", "财政局工作人员", "--json");
	assert_json_string(person, "role", "department_deputy");
	assert_json_string(person, "department", "财政局");
	assert_json_string(person, "title", "科员");
	json_decref(person);

	LOGGED(f, "person edit", true, true, "person", "edit", "副职乙", "--title", "副县长");
	person = JSON(f, "person", "show", "副职乙", "--json");
	assert_json_string(person, "title", "副县长");
	assert_json_string(person, "role", "deputy");
	json_decref(person);
}

static void test_person_edit_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "'boss' is not a role a person holds", "person", "edit", "财政局工作人员", "--role",
		"boss");
	REFUSED(f, "a department_head belongs to a department", "person", "edit", "副职甲", "--role",
		"department_head");
	REFUSED(f, "no person '无名'", "person", "edit", "无名", "--role", "deputy");
	REFUSED(f, "no department '水利局'", "person", "edit", "副职甲", "--dept", "水利局");
	REFUSED(f, "the title is empty or too long", "person", "edit", "副职甲", "--title", "");
	json_t *person = JSON(f, "person", "show", "副职甲", "--json");
	assert_json_string(person, "role", "deputy");
	assert_json_null(person, "department");
	json_decref(person);
}

/* ====================================================================================== */
/* Meetings                                                                                */
/* ====================================================================================== */

static void test_meeting_add_prints_the_id_and_defaults_the_chair(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	size_t entries = log_entries(f);
	run_result r = RUN(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time",
			   "09:30");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	assert_string_equal(r.err, "");
	test_run_free(&r);
	json_t *entry = expect_logged(f, entries, "meeting add", false, true);
	assert_json_int(entry, "meeting", 1);
	json_decref(entry);

	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "id", 1);
	assert_json_string(meeting, "type", "executive");
	assert_json_string(meeting, "type_name", "乌恰县人民政府常务会议");
	assert_json_string(meeting, "title", "乌恰县人民政府常务会议");
	assert_json_string(meeting, "date", "2026-11-25");
	assert_json_string(meeting, "start", "09:30");
	assert_json_null(meeting, "end");
	assert_json_null(meeting, "location");
	assert_json_string(meeting, "chair", "首长");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_json_null(meeting, "adhoc_reason");
	assert_json_string(meeting, "status", "planned");
	assert_json_int(meeting, "sequence", 0);
	assert_contains(json_string_value(json_object_get(meeting, "uid")), "@wuqia.huiwu");
	json_decref(meeting);

	r = RUN(f, "meeting", "add", "--type", "plenary", "--date", "2026-11-27", "--time", "09:30",
		"--end", "11:30", "--title", "第一次全体会议", "--location", "三楼会议室");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2\n");
	test_run_free(&r);
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "type", "plenary");
	assert_json_string(meeting, "title", "第一次全体会议");
	assert_json_string(meeting, "end", "11:30");
	assert_json_string(meeting, "location", "三楼会议室");
	assert_json_string(meeting, "chair", "首长");
	json_decref(meeting);
	r = RUN(f, "meeting", "show", "2");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "#2 第一次全体会议\n");
	assert_contains(r.out, "  when: 2026-11-27 09:30-11:30\n");
	assert_contains(r.out, "  chair: 首长\n");
	assert_contains(r.out, "  status: planned\n");
	test_run_free(&r);
}

static void test_wuqia_executive_invites_members_and_sitters_in(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	json_t *attendees = json_object_get(meeting, "attendees");
	assert_int_equal(json_array_size(attendees), 6);
	static const char *const members[] = {"首长", "常务副职", "副职甲", "副职乙", "办公室主任"};
	for (size_t i = 0; i < 5; i++)
		assert_attends(meeting, members[i], "member");
	/* 司法局 sits in on every executive meeting (art. 43). */
	assert_attends(meeting, "司法局局长", "sitter_in");
	assert_not_invited(meeting, "农业农村局局长");
	assert_not_invited(meeting, "财政局局长");
	assert_not_invited(meeting, "教育局局长");
	assert_not_invited(meeting, "财政局副局长");
	size_t i;
	json_t *attendee;
	json_array_foreach(attendees, i, attendee)
	{
		assert_keys(attendee, STRINGS("id", "name", "title", "kind", "leave"));
		assert_json_null(attendee, "leave");
	}
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  attendance:\n    member  首长\n    member  常务副职\n");
	assert_contains(r.out, "    sitter-in  司法局局长\n");
	test_run_free(&r);
}

static void test_yiwu_executive_invites_its_member_departments(void **state)
{
	fixture *f = open_fixture(state, "yiwu", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_attends(meeting, "首长", "member");
	assert_attends(meeting, "常务副职", "member");
	assert_attends(meeting, "副职甲", "member");
	/* 常务会组成部门 (art. 36): 财政局 is one, 教育局 is not. */
	assert_attends(meeting, "财政局局长", "member");
	assert_not_invited(meeting, "教育局局长");
	assert_not_invited(meeting, "农业农村局局长");
	json_decref(meeting);
}

static void test_plenary_invites_every_department_head(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "plenary", "2026-12-10", NULL, NULL);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	static const char *const heads[] = {"农业农村局局长", "财政局局长", "教育局局长", "司法局局长"};
	for (size_t i = 0; i < 4; i++)
		assert_attends(meeting, heads[i], "member");
	assert_attends(meeting, "副职乙", "member");
	assert_not_invited(meeting, "农业农村局副局长");
	assert_not_invited(meeting, "财政局工作人员");
	json_decref(meeting);
}

static void test_yiwu_refuses_types_its_rules_do_not_define(void **state)
{
	fixture *f = open_fixture(state, "yiwu", TODAY);
	static const char *const types[] = {"special", "office", "study"};
	for (size_t i = 0; i < 3; i++) {
		char needle[256];
		snprintf(needle, sizeof needle,
			 "the rules of 伊吾县人民政府 do not define %s meetings 〔伊政发〔2023〕112号 第三十四条〕",
			 types[i]);
		REFUSED(f, needle, "meeting", "add", "--type", types[i], "--date", "2026-11-25", "--time",
			"09:30");
	}
	run_result r = RUN(f, "meeting", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_a_chair_the_rules_do_not_allow_is_refused(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f,
		"副职甲 may not chair 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十二条〕",
		"meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "副职甲");
	REFUSED(f,
		"办公室主任 may not chair 乌恰县人民政府专题会议: the rules name 县长, 副县长 〔恰政发〔2024〕6号 第四十六条〕",
		"meeting", "add", "--type", "special", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "办公室主任");
	REFUSED(f, "常务副职 may not chair 乌恰县人民政府全体会议: the rules name 县长 〔恰政发〔2024〕6号 第四十一条〕",
		"meeting", "add", "--type", "plenary", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "常务副职");
	REFUSED(f, "no person '无名'", "meeting", "add", "--type", "executive", "--date", "2026-11-25",
		"--time", "09:30", "--chair", "无名");
	/* Ili knows no delegation of the executive meeting's chair. */
	fixture *ili = open_fixture(state, "ili", TODAY);
	REFUSED(ili,
		"常务副职 may not chair 伊犁哈萨克自治州人民政府常务会议: the rules name 州长 〔伊州政规〔2023〕2号 第十八条〕",
		"meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time", "09:30",
		"--chair", "常务副职");
}

static void test_wuqia_executive_chaired_by_delegation(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	assert_int_equal(add_meeting(f, "executive", "2026-11-25", "--chair", "常务副职"), 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "常务副职");
	assert_json_bool(meeting, "chair_delegated", true);
	assert_attends(meeting, "常务副职", "member");
	assert_attends(meeting, "首长", "member");
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  chair: 常务副职 (by delegation)\n");
	test_run_free(&r);
	/* A deputy chairs a special meeting in their own right. */
	assert_int_equal(add_meeting(f, "special", "2026-11-26", "--chair", "副职甲"), 2);
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "chair", "副职甲");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_attends(meeting, "副职甲", "member");
	json_decref(meeting);
}

static void test_meeting_add_date_and_time_mistakes(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
#define ADD_EXECUTIVE "meeting", "add", "--type", "executive"
	REFUSED(f, "'2026-11-31' is not a date", ADD_EXECUTIVE, "--date", "2026-11-31", "--time", "09:30");
	REFUSED(f, "'2026/11/30' is not a date", ADD_EXECUTIVE, "--date", "2026/11/30", "--time", "09:30");
	REFUSED(f, "'9:30' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "9:30");
	REFUSED(f, "'25:00' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "25:00");
	REFUSED(f, "'09:60' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "09:60");
	REFUSED(f, "the meeting ends (09:00) before it starts (09:30)", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--end", "09:00");
	REFUSED(f, "the meeting ends (09:30) before it starts (09:30)", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--end", "09:30");
	REFUSED(f, "'11:3' is not a time", ADD_EXECUTIVE, "--date", "2026-11-30", "--time", "09:30",
		"--end", "11:3");
	REFUSED(f, "say the meeting's date with --date", ADD_EXECUTIVE, "--time", "09:30");
	REFUSED(f, "say when the meeting starts with --time", ADD_EXECUTIVE, "--date", "2026-11-30");
	REFUSED(f, "the title is empty or too long", ADD_EXECUTIVE, "--date", "2026-11-30", "--time",
		"09:30", "--title", "");
	REFUSED(f, "only special-topic meetings are marked decision-type", ADD_EXECUTIVE, "--date",
		"2026-11-30", "--time", "09:30", "--decision", "yes");
#undef ADD_EXECUTIVE
	REFUSED(f, "unknown meeting type 'weekly'", "meeting", "add", "--type", "weekly", "--date",
		"2026-11-30", "--time", "09:30");
	REFUSED(f, "say the meeting's type with --type", "meeting", "add", "--date", "2026-11-30",
		"--time", "09:30");
	run_result r = RUN(f, "meeting", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_adhoc_meeting_needs_its_reason(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "an ad-hoc meeting needs its reason: --adhoc REASON", "meeting", "add", "--type",
		"executive", "--date", "2026-11-30", "--time", "09:30", "--adhoc", "");
	assert_int_equal(add_meeting(f, "executive", "2026-11-30", "--adhoc", "防汛抢险"), 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "adhoc_reason", "防汛抢险");
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "  ad hoc: 防汛抢险\n");
	test_run_free(&r);
	/* Changji's study sessions are every two months, with no ad-hoc clause (art. 26). */
	fixture *changji = open_fixture(state, "changji", TODAY);
	REFUSED(changji, "the rules allow no ad-hoc 昌吉市人民政府专题学习 〔昌市政发〔2023〕78号 第二十六条〕",
		"meeting", "add", "--type", "study", "--date", "2026-11-30", "--time", "09:30",
		"--adhoc", "临时学习");
}

static void test_dept_wide_meeting_needs_a_department_and_has_no_chair(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "a department-wide meeting needs its department: --dept D", "meeting", "add",
		"--type", "dept_wide", "--date", "2026-11-30", "--time", "09:30");
	REFUSED(f, "a department-wide meeting is the department's own: it has no chair", "meeting",
		"add", "--type", "dept_wide", "--date", "2026-11-30", "--time", "09:30", "--dept",
		"教育局", "--chair", "首长");
	REFUSED(f, "no department '水利局'", "meeting", "add", "--type", "dept_wide", "--date",
		"2026-11-30", "--time", "09:30", "--dept", "水利局");
	REFUSED(f, "--dept, --requested and --deputy-consent are for department-wide meetings",
		"meeting", "add", "--type", "executive", "--date", "2026-11-30", "--time", "09:30",
		"--dept", "教育局");
	assert_int_equal(OK(f, "meeting", "add", "--type", "dept_wide", "--date", "2026-11-30",
			    "--time", "09:30", "--dept", "教育局", "--requested", "2026-11-02",
			    "--deputy-consent", "yes"),
			 1);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "type", "dept_wide");
	assert_json_string(meeting, "title", "全县性会议");
	assert_json_null(meeting, "chair");
	assert_json_string(meeting, "department", "教育局");
	assert_json_string(meeting, "requested_on", "2026-11-02");
	assert_json_bool(meeting, "deputy_consent", true);
	assert_int_equal(json_array_size(json_object_get(meeting, "attendees")), 0);
	json_decref(meeting);
	REFUSED(f, "it has no chair from the government", "meeting", "edit", "1", "--chair", "首长");
}

static void test_meeting_show_json(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲");
	OK(f, "topic", "schedule", "1", "--meeting", "1");

	json_t *meeting = JSON(f, "meeting", "show", "#1", "--json");
	json_t *attendees = json_object_get(meeting, "attendees");
	json_t *absent = find_named(attendees, "农业农村局局长");
	assert_json_string(absent, "kind", "sitter_in");
	assert_json_string(absent, "leave", "approved");
	assert_json_string(absent, "substitute", "农业农村局副局长");
	json_t *substitute = find_named(attendees, "农业农村局副局长");
	assert_json_string(substitute, "kind", "sitter_in");
	assert_json_null(substitute, "leave");
	assert_json_string(find_named(attendees, "副职甲"), "leave", "pending");
	assert_json_null(find_named(attendees, "副职乙"), "leave");
	json_t *topics = json_object_get(meeting, "topics");
	assert_int_equal(json_array_size(topics), 1);
	json_t *topic = json_array_get(topics, 0);
	assert_keys(topic, STRINGS("id", "title", "state", "deputy", "approved"));
	assert_json_int(topic, "id", 1);
	assert_json_string(topic, "title", "高标准农田建设");
	assert_json_string(topic, "state", "scheduled");
	assert_json_string(topic, "deputy", "副职甲");
	assert_json_bool(topic, "approved", false);
	assert_json_null(meeting, "minutes");
	assert_true(json_is_array(json_object_get(meeting, "findings")));
	json_decref(meeting);

	run_result r = RUN(f, "meeting", "show", "1");
	assert_contains(r.out, "    sitter-in  农业农村局局长  leave: approved  substitute: 农业农村局副局长\n");
	assert_contains(r.out, "    member  副职甲  leave: pending\n");
	assert_contains(r.out, "  topics:\n    #1 高标准农田建设  [scheduled]\n");
	test_run_free(&r);

	/* The minutes, once there are some. */
	OK(f, "meeting", "held", "2");
	OK(f, "minutes", "draft", "2", "--text", "会议议定事项");
	meeting = JSON(f, "meeting", "show", "2", "--json");
	json_t *minutes = json_object_get(meeting, "minutes");
	assert_keys(minutes, STRINGS("state", "text", "signed_by", "amendments"));
	assert_json_string(minutes, "state", "drafted");
	assert_json_string(minutes, "text", "会议议定事项");
	assert_json_null(minutes, "signed_by");
	assert_json_int(minutes, "amendments", 0);
	assert_json_string(meeting, "status", "held");
	json_decref(meeting);

	REFUSED(f, "no meeting #99 (see 'huiwu meeting list')", "meeting", "show", "99");
	REFUSED(f, "'abc' is not a number such as 12 or #12", "meeting", "show", "abc");
}

/* What a command prints on stderr when it succeeds: nothing (the sanitizers see this too). */
static void expect_quiet(fixture *f, const char *const *args, const char *expected_out)
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

static void test_meeting_show_prints_nothing_on_stderr(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	expect_quiet(f, STRINGS("meeting", "show", "1", "--json"), NULL);
	expect_quiet(f, STRINGS("meeting", "show", "1"), NULL);
}

static void test_meeting_list_from_to(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-10", NULL, NULL); /* 1 */
	add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 2 */
	add_meeting(f, "plenary", "2027-01-10", NULL, NULL);   /* 3 */
	add_meeting(f, "executive", "2027-03-01", NULL, NULL); /* 4: beyond 60 days */
	add_meeting(f, "executive", "2026-10-01", NULL, NULL); /* 5: before 30 days ago */
	/* By default from 30 days ago to 60 days ahead, by date. */
	json_t *list = JSON(f, "meeting", "list", "--json");
	assert_ids(list, IDS(1, 2, 3));
	assert_keys(json_array_get(list, 0),
		    STRINGS("id", "uid", "type", "type_name", "date", "start", "end", "title",
			    "location", "chair", "chair_delegated", "adhoc_reason", "status",
			    "sequence"));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--from", "2026-11-20", "--to", "2026-11-30", "--json");
	assert_ids(list, IDS(2));
	json_decref(list);
	list = JSON(f, "meeting", "list", "--from", "2026-01-01", "--to", "2027-12-31", "--json");
	assert_ids(list, IDS(5, 1, 2, 3, 4));
	json_decref(list);
	run_result r = RUN(f, "meeting", "list", "--from", "2026-11-20", "--to", "2026-11-30");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "#2     2026-11-25 09:30  乌恰县人民政府常务会议  chair: 首长\n");
	test_run_free(&r);
	REFUSED(f, "'2026-11-41' is not a date", "meeting", "list", "--from", "2026-11-41");
	REFUSED(f, "'tomorrow' is not a date", "meeting", "list", "--to", "tomorrow");
}

static void test_meeting_edit_raises_the_sequence(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = log_entries(f);
	OK(f, "meeting", "edit", "1", "--time", "10:00", "--end", "11:30", "--location", "三楼会议室");
	json_t *entry = expect_logged(f, entries, "meeting edit", true, true);
	assert_json_int(json_object_get(entry, "before"), "sequence", 0);
	assert_json_string(json_object_get(entry, "before"), "start", "09:30");
	assert_json_int(json_object_get(entry, "after"), "sequence", 1);
	assert_json_string(json_object_get(entry, "after"), "start", "10:00");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "sequence", 1);
	assert_json_string(meeting, "start", "10:00");
	assert_json_string(meeting, "end", "11:30");
	assert_json_string(meeting, "location", "三楼会议室");
	assert_json_string(meeting, "date", "2026-11-25");
	json_decref(meeting);
	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--date", "2026-11-26", "--title",
	       "第五次常务会议");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "sequence", 2);
	assert_json_string(meeting, "date", "2026-11-26");
	assert_json_string(meeting, "title", "第五次常务会议");
	assert_json_string(meeting, "start", "10:00");
	json_decref(meeting);
}

static void test_meeting_edit_revalidates_the_chair(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	REFUSED(f, "副职甲 may not chair 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十二条〕",
		"meeting", "edit", "1", "--chair", "副职甲");
	REFUSED(f, "a meeting's type cannot change", "meeting", "edit", "1", "--type", "plenary");
	REFUSED(f, "the meeting ends (08:00) before it starts (09:30)", "meeting", "edit", "1", "--end",
		"08:00");
	REFUSED(f, "'24:00' is not a time", "meeting", "edit", "1", "--time", "24:00");
	REFUSED(f, "no meeting #99", "meeting", "edit", "99", "--time", "10:00");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_json_int(meeting, "sequence", 0);
	json_decref(meeting);

	LOGGED(f, "meeting edit", true, true, "meeting", "edit", "1", "--chair", "常务副职");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "常务副职");
	assert_json_bool(meeting, "chair_delegated", true);
	assert_json_int(meeting, "sequence", 1);
	json_decref(meeting);
	OK(f, "meeting", "edit", "1", "--chair", "首长");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "chair", "首长");
	assert_json_bool(meeting, "chair_delegated", false);
	assert_json_int(meeting, "sequence", 2);
	json_decref(meeting);
}

static void test_cancelled_meeting_cannot_change(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = log_entries(f);
	OK(f, "meeting", "cancel", "1");
	json_t *entry = expect_logged(f, entries, "meeting cancel", true, true);
	assert_json_string(json_object_get(entry, "before"), "status", "planned");
	assert_json_string(json_object_get(entry, "after"), "status", "cancelled");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "status", "cancelled");
	assert_json_int(meeting, "sequence", 1);
	json_decref(meeting);
	run_result r = RUN(f, "meeting", "list");
	assert_contains(r.out, "chair: 首长  [cancelled]\n");
	test_run_free(&r);
	REFUSED(f, "meeting #1 is cancelled and cannot be edited", "meeting", "edit", "1", "--time",
		"11:00");
	REFUSED(f, "meeting #1 is cancelled already", "meeting", "cancel", "1");
	REFUSED(f, "meeting #1 is cancelled", "meeting", "held", "1");
	REFUSED(f, "meeting #1 is cancelled", "meeting", "invite", "1", "--person", "教育局局长");
}

static void test_meeting_held(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	add_meeting(f, "special", TODAY, "--chair", "副职甲");
	REFUSED(f, "meeting #1 is not until 2026-11-25: it cannot have been held", "meeting", "held",
		"1");
	REFUSED(f, "no meeting #9", "meeting", "held", "9");
	size_t entries = log_entries(f);
	OK(f, "meeting", "held", "2");
	json_t *entry = expect_logged(f, entries, "meeting held", true, true);
	assert_json_string(json_object_get(entry, "after"), "status", "held");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_json_string(meeting, "status", "held");
	json_decref(meeting);
	OK(f, "meeting", "held", "3"); /* today */
	REFUSED(f, "meeting #2 is held already", "meeting", "held", "2");
	REFUSED(f, "meeting #2 was held and cannot be cancelled", "meeting", "cancel", "2");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "status", "planned");
	json_decref(meeting);
}

/* A meeting cannot be held before its date, so a held meeting cannot move into the future. */
static void test_held_meeting_cannot_move_into_the_future(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	REFUSED(f, "held", "meeting", "edit", "1", "--date", "2026-12-10");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "date", "2026-11-20");
	json_decref(meeting);
}

static void test_invite_guests_and_staff(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	size_t entries = log_entries(f);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "guest");
	json_t *entry = expect_logged(f, entries, "meeting invite", false, true);
	assert_json_int(entry, "meeting", 1);
	assert_json_string(json_object_get(entry, "after"), "kind", "guest");
	assert_json_int(json_object_get(entry, "after"), "person_id", 12);
	json_decref(entry);
	LOGGED(f, "meeting invite", false, true, "meeting", "invite", "1", "--person", "财政局工作人员",
	       "--as", "staff");
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长"); /* sitter_in by default */
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "教育局局长", "guest");
	assert_attends(meeting, "财政局工作人员", "staff");
	assert_attends(meeting, "农业农村局局长", "sitter_in");
	assert_int_equal(json_array_size(json_object_get(meeting, "attendees")), 9);
	json_decref(meeting);

	REFUSED(f, "财政局副局长 is not a staff member (role staff)", "meeting", "invite", "1",
		"--person", "财政局副局长", "--as", "staff");
	REFUSED(f, "no person '无名'", "meeting", "invite", "1", "--person", "无名");
	REFUSED(f, "no meeting #99", "meeting", "invite", "99", "--person", "教育局局长");
	USAGE_REFUSED(f, "say who with --person P", "meeting", "invite", "1");
	saved_state before = save_state(f);
	run_result r = RUN(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "boss");
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "--as takes member, sitter_in, guest or staff, not 'boss'");
	test_run_free(&r);
	char *after = dump_database(f);
	assert_string_equal(after, before.dump);
	free(after);
	free(before.dump);
}

static void test_uninvite(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长", "--as", "guest");
	size_t entries = log_entries(f);
	OK(f, "meeting", "uninvite", "1", "--person", "教育局局长");
	json_t *entry = expect_logged(f, entries, "meeting uninvite", true, false);
	assert_json_string(json_object_get(entry, "before"), "kind", "guest");
	json_decref(entry);
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_not_invited(meeting, "教育局局长");
	json_decref(meeting);
	REFUSED(f, "首长 chairs meeting #1: change the chair first", "meeting", "uninvite", "1",
		"--person", "首长");
	REFUSED(f, "教育局局长 is not invited to meeting #1", "meeting", "uninvite", "1", "--person",
		"教育局局长");
	REFUSED(f, "no person '无名'", "meeting", "uninvite", "1", "--person", "无名");
	/* The chair by delegation cannot be uninvited either. */
	add_meeting(f, "executive", "2026-11-26", "--chair", "常务副职");
	REFUSED(f, "常务副职 chairs meeting #2: change the chair first", "meeting", "uninvite", "2",
		"--person", "常务副职");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "首长", "member");
	json_decref(meeting);
}

/* ====================================================================================== */
/* The agenda                                                                              */
/* ====================================================================================== */

static void test_agenda_covers_the_next_two_weeks(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	add_meeting(f, "plenary", "2026-12-07", NULL, NULL);   /* 2: the last day */
	add_meeting(f, "executive", "2026-12-08", NULL, NULL); /* 3: one day too late */
	add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 4: past */
	add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 5: cancelled */
	OK(f, "meeting", "cancel", "5");
	OK(f, "topic", "add", "--title", "冬季供暖保障", "--deputy", "副职乙");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	run_result r = RUN(f, "agenda");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Meetings 2026-11-23 to 2026-12-07:\n"
			       "#1     2026-11-25 09:30  乌恰县人民政府常务会议  chair: 首长\n"
			       "        topic #1 冬季供暖保障  [scheduled]\n"
			       "#2     2026-12-07 09:30  乌恰县人民政府全体会议  chair: 首长\n");
	assert_not_contains(r.out, "#3 ");
	assert_not_contains(r.out, "#4 ");
	assert_not_contains(r.out, "#5 ");
	test_run_free(&r);
	json_t *agenda = JSON(f, "agenda", "--json");
	json_t *meetings = json_object_get(agenda, "meetings");
	assert_ids(meetings, IDS(1, 2));
	assert_ids(json_object_get(json_array_get(meetings, 0), "topics"), IDS(1));
	assert_int_equal(json_array_size(json_object_get(json_array_get(meetings, 1), "topics")), 0);
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--from", "2026-12-08", "--to", "2026-12-31", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(3));
	json_decref(agenda);
	REFUSED(f, "'2026-13-01' is not a date", "agenda", "--from", "2026-13-01");
}

static void test_agenda_for_one_person(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	add_meeting(f, "plenary", "2026-11-26", NULL, NULL);   /* 2 */
	json_t *agenda = JSON(f, "agenda", "--person", "教育局局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(2));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "司法局局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1, 2));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "农业农村局副局长", "--json");
	assert_int_equal(json_array_size(json_object_get(agenda, "meetings")), 0);
	json_decref(agenda);
	run_result r = RUN(f, "agenda", "--person", "教育局局长");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Meetings 2026-11-23 to 2026-12-07 for 教育局局长:\n#2 ");
	assert_not_contains(r.out, "#1 ");
	assert_contains(r.out, "Waiting for this person:\n");
	test_run_free(&r);
	REFUSED(f, "no person '无名'", "agenda", "--person", "无名");
}

static bool waiting_has(json_t *agenda, const char *kind, long long id)
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

static size_t waiting_count(json_t *agenda)
{
	return json_array_size(json_object_get(agenda, "waiting"));
}

static void test_agenda_shows_what_waits_for_each_approver(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);         /* 1 */
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);         /* 2 */
	add_meeting(f, "special", "2026-11-19", "--chair", "副职甲"); /* 3 */
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "topic", "add", "--title", "议题甲", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "议题乙", "--deputy", "副职甲");
	OK(f, "topic", "approve", "2", "--by", "首长");
	OK(f, "meeting", "held", "2");
	OK(f, "minutes", "draft", "2", "--text", "常务会议纪要");
	OK(f, "meeting", "held", "3");
	OK(f, "minutes", "draft", "3", "--text", "专题会议纪要");

	json_t *agenda = JSON(f, "agenda", "--json");
	assert_keys(agenda, STRINGS("meetings", "waiting"));
	assert_int_equal(waiting_count(agenda), 5);
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(agenda, "waiting"), i, item)
		assert_keys(item, STRINGS("kind", "id", "meeting", "text"));
	json_t *first = json_array_get(json_object_get(agenda, "waiting"), 0);
	assert_json_string(first, "kind", "leave");
	assert_json_int(first, "id", 1);
	assert_json_int(first, "meeting", 1);
	assert_json_string(first, "text", "农业农村局局长: 下乡");
	json_decref(agenda);

	/* The head: both leave requests, the unapproved topic, the executive minutes. */
	agenda = JSON(f, "agenda", "--person", "首长", "--json");
	assert_int_equal(waiting_count(agenda), 4);
	assert_true(waiting_has(agenda, "leave", 1));
	assert_true(waiting_has(agenda, "leave", 2));
	assert_true(waiting_has(agenda, "topic", 1));
	assert_false(waiting_has(agenda, "topic", 2));
	assert_true(waiting_has(agenda, "minutes", 2));
	assert_false(waiting_has(agenda, "minutes", 3));
	json_decref(agenda);
	/* The office: the department head's leave only. */
	agenda = JSON(f, "agenda", "--person", "办公室主任", "--json");
	assert_int_equal(waiting_count(agenda), 1);
	assert_true(waiting_has(agenda, "leave", 1));
	json_decref(agenda);
	/* The chair of the special meeting signs its minutes. */
	agenda = JSON(f, "agenda", "--person", "副职甲", "--json");
	assert_int_equal(waiting_count(agenda), 1);
	assert_true(waiting_has(agenda, "minutes", 3));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "常务副职", "--json");
	assert_int_equal(waiting_count(agenda), 0);
	json_decref(agenda);

	run_result r = RUN(f, "agenda", "--person", "首长");
	assert_contains(r.out, "Waiting for this person:\n"
			       "  leave to approve #1 (meeting #1)  农业农村局局长: 下乡\n"
			       "  leave to approve #2 (meeting #1)  副职甲: 出差\n"
			       "  topic to approve #1  议题甲\n"
			       "  minutes to sign #2  乌恰县人民政府常务会议\n");
	test_run_free(&r);
}

/* ====================================================================================== */
/* Topics                                                                                  */
/* ====================================================================================== */

static void test_topic_add_show_and_list(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	size_t entries = log_entries(f);
	run_result r = RUN(f, "topic", "add", "--title", "高标准农田建设", "--deputy", "副职甲", "--dept",
			   "农业农村局", "--studied", "2026-11-10");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	test_run_free(&r);
	json_decref(expect_logged(f, entries, "topic add", false, true));
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
	fixture *f = open_fixture(state, "wuqia", TODAY);
	REFUSED(f, "say the topic's title with --title", "topic", "add", "--deputy", "副职甲");
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
	fixture *f = open_fixture(state, "wuqia", TODAY);
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
	size_t entries = log_entries(f);
	OK(f, "topic", "approve", "1", "--by", "首长");
	json_t *entry = expect_logged(f, entries, "topic approve", true, true);
	assert_json_null(json_object_get(entry, "before"), "approved_by");
	assert_json_int(json_object_get(entry, "after"), "approved_by", 1);
	json_decref(entry);
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "state", "approved");
	assert_json_string(topic, "approved_by", "首长");
	json_decref(topic);
	REFUSED(f, "topic #1 was approved by 首长 already", "topic", "approve", "1", "--by", "首长");
}

static void test_special_meeting_topics_are_approved_by_its_chair(void **state)
{
	/* Changji: 专题会议 topics are set by the chair (art. 23), not by the mayor. */
	fixture *f = open_fixture(state, "changji", TODAY);
	add_meeting(f, "special", "2026-11-25", "--chair", "副职甲");
	OK(f, "topic", "add", "--title", "农产品冷链物流", "--deputy", "副职甲");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	REFUSED(f,
		"首长 may not approve topics for 昌吉市人民政府专题会议: the rules name the meeting's chair 〔昌市政发〔2023〕78号 第二十三条〕",
		"topic", "approve", "1", "--by", "首长");
	REFUSED(f, "副职乙 may not approve topics for 昌吉市人民政府专题会议", "topic", "approve", "1",
		"--by", "副职乙");
	json_t *agenda = JSON(f, "agenda", "--person", "副职甲", "--json");
	assert_true(waiting_has(agenda, "topic", 1));
	json_decref(agenda);
	agenda = JSON(f, "agenda", "--person", "首长", "--json");
	assert_false(waiting_has(agenda, "topic", 1));
	json_decref(agenda);
	LOGGED(f, "topic approve", true, true, "topic", "approve", "1", "--by", "副职甲");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "approved_by", "副职甲");
	assert_json_string(topic, "state", "scheduled");
	json_decref(topic);
}

static void test_topic_schedule(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1: planned */
	add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 2: held */
	add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 3: cancelled */
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
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "topic", "add", "--title", "预算调整", "--deputy", "副职甲");
	OK(f, "topic", "add", "--title", "未排议题", "--deputy", "副职乙");
	OK(f, "topic", "approve", "1", "--by", "首长");
	OK(f, "topic", "schedule", "1", "--meeting", "1");
	REFUSED(f, "meeting #1 has not been held: mark it held first", "topic", "decide", "1",
		"--decision", "同意");
	OK(f, "meeting", "held", "1");
	REFUSED(f, "say what was decided with --decision TEXT", "topic", "decide", "1");
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
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
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

static void test_topic_defer(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
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

/* ====================================================================================== */
/* Leave                                                                                   */
/* ====================================================================================== */

static void test_wuqia_department_head_asks_the_chair_or_the_office(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "meeting", "invite", "1", "--person", "财政局局长");
	size_t entries = log_entries(f);
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			   "--reason", "下乡督导", "--written");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	assert_string_equal(r.err, "leave request #1 goes to 乌恰县人民政府办公室, the meeting's chair\n");
	test_run_free(&r);
	json_decref(expect_logged(f, entries, "leave request", false, true));
	json_t *list = JSON(f, "leave", "list", "--json");
	json_t *leave = json_array_get(list, 0);
	assert_strings(json_object_get(leave, "approvers"), STRINGS("office", "chair"));
	assert_json_string(leave, "state", "pending");
	assert_json_bool(leave, "written", true);
	json_decref(list);

	/* Not a deputy, not the executive deputy who does not chair it. */
	REFUSED(f,
		"副职甲 may not decide this request: leave from 乌恰县人民政府常务会议 goes to 乌恰县人民政府办公室, the meeting's chair 〔恰政发〔2024〕6号 第四十四条〕",
		"leave", "approve", "1", "--by", "副职甲");
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "1", "--by", "常务副职");
	REFUSED(f, "财政局局长 may not decide this request", "leave", "reject", "1", "--by", "财政局局长");
	/* The office director may. */
	entries = log_entries(f);
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	json_t *entry = expect_logged(f, entries, "leave approve", true, true);
	assert_json_string(json_object_get(entry, "before"), "state", "pending");
	assert_json_string(json_object_get(entry, "after"), "state", "approved");
	json_decref(entry);
	/* And so may the chair. */
	OK(f, "leave", "request", "--meeting", "1", "--person", "财政局局长", "--reason", "赴州汇报");
	OK(f, "leave", "approve", "2", "--by", "首长");
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 0), "decided_by", "办公室主任");
	assert_json_string(json_array_get(list, 1), "state", "approved");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_wuqia_delegated_chair_decides_department_heads_not_leaders(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", "--chair", "常务副职");
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "教育局局长", "--reason", "下乡");
	LOGGED(f, "leave approve", true, true, "leave", "approve", "1", "--by", "常务副职");

	/* A government leader's leave goes to the head, whoever chairs (art. 44). */
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason",
			   "出差");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2\n");
	assert_string_equal(r.err, "leave request #2 goes to 县长\n");
	test_run_free(&r);
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_strings(json_object_get(json_array_get(list, 1), "approvers"), STRINGS("head"));
	json_decref(list);
	REFUSED(f,
		"常务副职 may not decide this request: leave from 乌恰县人民政府常务会议 goes to 县长 〔恰政发〔2024〕6号 第四十四条〕",
		"leave", "approve", "2", "--by", "常务副职");
	REFUSED(f, "办公室主任 may not decide this request", "leave", "approve", "2", "--by", "办公室主任");
	REFUSED(f, "副职乙 may not decide this request", "leave", "approve", "2", "--by", "副职乙");
	OK(f, "leave", "approve", "2", "--by", "首长");
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "decided_by", "常务副职");
	assert_json_string(json_array_get(list, 1), "state", "approved");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_ili_leave_goes_to_the_chair(void **state)
{
	fixture *f = open_fixture(state, "ili", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			   "--reason", "下乡");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #1 goes to the meeting's chair\n");
	test_run_free(&r);
	REFUSED(f,
		"办公室主任 may not decide this request: leave from 伊犁哈萨克自治州人民政府常务会议 goes to the meeting's chair 〔伊州政规〔2023〕2号 第二十四条〕",
		"leave", "approve", "1", "--by", "办公室主任");
	OK(f, "leave", "approve", "1", "--by", "首长");
	/* Government leaders too ask the chair (art. 24). */
	r = RUN(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #2 goes to the meeting's chair\n");
	test_run_free(&r);
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "2", "--by", "常务副职");
	OK(f, "leave", "approve", "2", "--by", "首长");
	/* The chair of a special meeting is a deputy, and the head is not asked. */
	add_meeting(f, "special", "2026-11-26", "--chair", "副职乙");
	OK(f, "meeting", "invite", "2", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "2", "--person", "教育局局长", "--reason", "培训");
	REFUSED(f, "首长 may not decide this request", "leave", "approve", "3", "--by", "首长");
	OK(f, "leave", "approve", "3", "--by", "副职乙");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 2), "state", "approved");
	assert_json_string(json_array_get(list, 2), "decided_by", "副职乙");
	json_decref(list);
}

static void test_yiwu_leave_goes_to_the_head(void **state)
{
	fixture *f = open_fixture(state, "yiwu", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	run_result r = RUN(f, "leave", "request", "--meeting", "1", "--person", "财政局局长",
			   "--reason", "赴市汇报");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "leave request #1 goes to 县长\n");
	test_run_free(&r);
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_strings(json_object_get(json_array_get(list, 0), "approvers"), STRINGS("head"));
	json_decref(list);
	REFUSED(f,
		"办公室主任 may not decide this request: leave from 伊吾县人民政府常务会议 goes to 县长 〔伊政发〔2023〕112号 第三十八条〕",
		"leave", "approve", "1", "--by", "办公室主任");
	REFUSED(f, "常务副职 may not decide this request", "leave", "approve", "1", "--by", "常务副职");
	OK(f, "leave", "approve", "1", "--by", "首长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	size_t entries = log_entries(f);
	OK(f, "leave", "reject", "2", "--by", "首长");
	json_t *entry = expect_logged(f, entries, "leave reject", true, true);
	assert_json_string(json_object_get(entry, "after"), "state", "rejected");
	json_decref(entry);
	list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 1), "state", "rejected");
	assert_json_string(json_array_get(list, 1), "decided_by", "首长");
	json_decref(list);
}

static void test_second_leave_request_is_refused(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	REFUSED(f, "副职甲 has asked leave from meeting #1 already", "leave", "request", "--meeting",
		"1", "--person", "副职甲", "--reason", "另有公务");
	OK(f, "leave", "reject", "1", "--by", "首长");
	REFUSED(f, "副职甲 has asked leave from meeting #1 already", "leave", "request", "--meeting",
		"1", "--person", "副职甲", "--reason", "再次请假");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_int_equal(json_array_size(list), 1);
	assert_json_string(json_array_get(list, 0), "reason", "出差");
	json_decref(list);
}

static void test_leave_request_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL); /* 1 */
	add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 2 */
	add_meeting(f, "executive", "2026-11-27", NULL, NULL); /* 3 */
	OK(f, "meeting", "held", "2");
	OK(f, "meeting", "cancel", "3");
	REFUSED(f, "教育局局长 is not invited to meeting #1", "leave", "request", "--meeting", "1",
		"--person", "教育局局长", "--reason", "下乡");
	REFUSED(f, "say why with --reason", "leave", "request", "--meeting", "1", "--person", "副职甲");
	REFUSED(f, "no meeting #99", "leave", "request", "--meeting", "99", "--person", "副职甲",
		"--reason", "出差");
	REFUSED(f, "no person '无名'", "leave", "request", "--meeting", "1", "--person", "无名",
		"--reason", "出差");
	REFUSED(f, "meeting #2 is held: leave is asked before a meeting", "leave", "request",
		"--meeting", "2", "--person", "副职甲", "--reason", "出差");
	REFUSED(f, "meeting #3 is cancelled: leave is asked before a meeting", "leave", "request",
		"--meeting", "3", "--person", "副职甲", "--reason", "出差");
	run_result r = RUN(f, "leave", "list", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_substitute_is_a_deputy_of_the_same_department(void **state)
{
	static const struct {
		const char *government, *clause;
	} governments[] = {
		{"wuqia", "〔恰政发〔2024〕6号 第四十四条〕"},
		{"kizilsu", "〔克孜勒苏柯尔克孜自治州人民政府工作规则 第四十一条〕"},
	};
	for (size_t i = 0; i < 2; i++) {
		fixture *f = open_fixture(state, governments[i].government, TODAY);
		add_meeting(f, "executive", "2026-11-25", NULL, NULL);
		OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
		char needle[512];
		snprintf(needle, sizeof needle, "财政局副局长 is not one for 农业农村局局长 %s",
			 governments[i].clause);
		REFUSED(f, needle, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			"--reason", "下乡", "--substitute", "财政局副局长");
		REFUSED(f, "a substitute is a deputy head (department_deputy) of the same department",
			"leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
			"--substitute", "农业农村局工作人员");
		REFUSED(f, "农业农村局副局长 is not one for 副职甲", "leave", "request", "--meeting", "1",
			"--person", "副职甲", "--reason", "出差", "--substitute", "农业农村局副局长");
		REFUSED(f, "no person '无名'", "leave", "request", "--meeting", "1", "--person",
			"农业农村局局长", "--reason", "下乡", "--substitute", "无名");
		OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
		   "--written", "--substitute", "农业农村局副局长");
		json_t *list = JSON(f, "leave", "list", "--json");
		assert_int_equal(json_array_size(list), 1);
		assert_json_string(json_array_get(list, 0), "substitute", "农业农村局副局长");
		json_decref(list);
	}
}

static void test_substitute_refused_where_the_rules_allow_none(void **state)
{
	static const struct {
		const char *government, *meeting;
	} governments[] = {
		{"ili", "伊犁哈萨克自治州人民政府常务会议"},
		{"changji", "昌吉市人民政府常务会议"},
		{"yiwu", "伊吾县人民政府常务会议"},
	};
	for (size_t i = 0; i < 3; i++) {
		fixture *f = open_fixture(state, governments[i].government, TODAY);
		add_meeting(f, "executive", "2026-11-25", NULL, NULL);
		OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
		char needle[512];
		snprintf(needle, sizeof needle, "the rules do not let anyone attend %s in another's place",
			 governments[i].meeting);
		REFUSED(f, needle, "leave", "request", "--meeting", "1", "--person", "农业农村局局长",
			"--reason", "下乡", "--substitute", "农业农村局副局长");
		/* Without a substitute the same request goes through. */
		OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡");
	}
}

static void test_approved_substitute_is_invited(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "meeting", "invite", "2", "--person", "财政局局长", "--as", "member");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "request", "--meeting", "2", "--person", "财政局局长", "--reason", "汇报",
	   "--written", "--substitute", "财政局副局长");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_not_invited(meeting, "农业农村局副局长");
	assert_json_string(find_named(json_object_get(meeting, "attendees"), "农业农村局局长"), "leave",
			   "pending");
	json_decref(meeting);
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_attends(meeting, "农业农村局副局长", "sitter_in");
	assert_attends(meeting, "农业农村局局长", "sitter_in");
	assert_json_string(find_named(json_object_get(meeting, "attendees"), "农业农村局局长"), "leave",
			   "approved");
	json_decref(meeting);
	/* In the absent head's place: a member's substitute attends as a member. */
	OK(f, "leave", "approve", "2", "--by", "首长");
	meeting = JSON(f, "meeting", "show", "2", "--json");
	assert_attends(meeting, "财政局副局长", "member");
	json_decref(meeting);
	/* A rejected request invites no one. */
	add_meeting(f, "executive", "2026-11-27", NULL, NULL);
	OK(f, "meeting", "invite", "3", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "3", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "reject", "3", "--by", "首长");
	meeting = JSON(f, "meeting", "show", "3", "--json");
	assert_not_invited(meeting, "农业农村局副局长");
	json_decref(meeting);
	/* The substitute's agenda has the meeting they attend. */
	json_t *agenda = JSON(f, "agenda", "--person", "农业农村局副局长", "--json");
	assert_ids(json_object_get(agenda, "meetings"), IDS(1));
	json_decref(agenda);
}

static void test_leave_list_pending_and_json(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "农业农村局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "农业农村局局长", "--reason", "下乡",
	   "--written", "--substitute", "农业农村局副局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "leave", "request", "--meeting", "2", "--person", "副职乙", "--reason", "培训");
	OK(f, "leave", "approve", "1", "--by", "办公室主任");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_ids(list, IDS(1, 2, 3));
	json_t *first = json_array_get(list, 0);
	assert_keys(first, STRINGS("id", "meeting", "person", "reason", "written", "substitute",
				   "state", "approvers", "decided_by"));
	assert_json_int(first, "meeting", 1);
	assert_json_string(first, "person", "农业农村局局长");
	assert_json_string(first, "reason", "下乡");
	assert_json_null(json_array_get(list, 1), "substitute");
	assert_json_null(json_array_get(list, 1), "decided_by");
	json_decref(list);
	list = JSON(f, "leave", "list", "--pending", "--json");
	assert_ids(list, IDS(2, 3));
	json_decref(list);
	list = JSON(f, "leave", "list", "--meeting", "2", "--json");
	assert_ids(list, IDS(3));
	json_decref(list);
	run_result r = RUN(f, "leave", "list", "--pending");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "#2    meeting #1  副职甲: 出差  [pending]  goes to 县长\n"
				   "#3    meeting #2  副职乙: 培训  [pending]  goes to 县长\n");
	test_run_free(&r);
	r = RUN(f, "leave", "list");
	assert_contains(r.out, "#1    meeting #1  农业农村局局长: 下乡  [approved]  goes to "
			       "乌恰县人民政府办公室, the meeting's chair  (written)  substitute: "
			       "农业农村局副局长  decided by 办公室主任\n");
	test_run_free(&r);
}

static void test_leave_decision_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	OK(f, "leave", "approve", "1", "--by", "首长");
	REFUSED(f, "leave request #1 is approved already", "leave", "approve", "1", "--by", "首长");
	REFUSED(f, "leave request #1 is approved already", "leave", "reject", "1", "--by", "首长");
	REFUSED(f, "no leave request #9", "leave", "approve", "9", "--by", "首长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职乙", "--reason", "培训");
	REFUSED(f, "no person '无名'", "leave", "approve", "2", "--by", "无名");
	REFUSED(f, "'x' is not a number", "leave", "approve", "x", "--by", "首长");
	json_t *list = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(list, 0), "state", "approved");
	assert_json_string(json_array_get(list, 1), "state", "pending");
	json_decref(list);
}

/* ====================================================================================== */
/* Minutes                                                                                 */
/* ====================================================================================== */

static void test_minutes_drafted_only_after_the_meeting_is_held(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	REFUSED(f, "meeting #1 has not been held: mark it held first", "minutes", "draft", "1",
		"--text", "纪要");
	OK(f, "meeting", "held", "1");
	LOGGED(f, "minutes draft", false, true, "minutes", "draft", "1", "--text", "纪要初稿");
	/* Redrafting replaces the draft. */
	size_t entries = log_entries(f);
	OK(f, "minutes", "draft", "1", "--text", "纪要二稿");
	json_t *entry = expect_logged(f, entries, "minutes draft", true, true);
	assert_json_string(json_object_get(entry, "before"), "text", "纪要初稿");
	assert_json_string(json_object_get(entry, "after"), "text", "纪要二稿");
	json_decref(entry);
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_int(minutes, "meeting", 1);
	assert_json_string(minutes, "state", "drafted");
	assert_json_string(minutes, "text", "纪要二稿");
	assert_json_null(minutes, "signed_by");
	assert_json_int(minutes, "amendments", 0);
	json_decref(minutes);
	run_result r = RUN(f, "minutes", "show", "1");
	assert_string_equal(r.out, "draft\n纪要二稿\n");
	test_run_free(&r);
	REFUSED(f, "say the minutes' text with --text", "minutes", "draft", "1");
	REFUSED(f, "meeting #2 has not been held", "minutes", "draft", "2", "--text", "纪要");
	REFUSED(f, "no meeting #99", "minutes", "draft", "99", "--text", "纪要");
}

static void test_executive_minutes_are_signed_by_the_head(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", "--chair", "常务副职");
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	/* Even the chair by delegation does not sign (art. 45). */
	REFUSED(f,
		"常务副职 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕",
		"minutes", "sign", "1", "--by", "常务副职");
	REFUSED(f,
		"副职甲 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕",
		"minutes", "sign", "1", "--by", "副职甲");
	REFUSED(f, "办公室主任 may not sign the minutes", "minutes", "sign", "1", "--by", "办公室主任");
	size_t entries = log_entries(f);
	OK(f, "minutes", "sign", "1", "--by", "首长");
	json_t *entry = expect_logged(f, entries, "minutes sign", true, true);
	assert_json_string(json_object_get(entry, "before"), "state", "drafted");
	assert_json_string(json_object_get(entry, "after"), "state", "signed");
	json_decref(entry);
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "state", "signed");
	assert_json_string(minutes, "signed_by", "首长");
	json_decref(minutes);
	run_result r = RUN(f, "minutes", "show", "1");
	assert_string_equal(r.out, "signed\n纪要\n");
	test_run_free(&r);
}

static void test_special_minutes_are_signed_by_the_chair(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "special", "2026-11-19", "--chair", "副职甲");
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "专题会议纪要");
	REFUSED(f,
		"首长 may not sign the minutes of 乌恰县人民政府专题会议: the rules name the meeting's chair 〔恰政发〔2024〕6号 第四十六条〕",
		"minutes", "sign", "1", "--by", "首长");
	REFUSED(f, "副职乙 may not sign the minutes of 乌恰县人民政府专题会议", "minutes", "sign", "1",
		"--by", "副职乙");
	LOGGED(f, "minutes sign", true, true, "minutes", "sign", "1", "--by", "副职甲");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "signed_by", "副职甲");
	json_decref(minutes);
}

static void test_signed_minutes_are_frozen_and_amended(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	OK(f, "minutes", "sign", "1", "--by", "首长");
	REFUSED(f, "the minutes of meeting #1 are signed and frozen: correct them with 'huiwu minutes amend'",
		"minutes", "draft", "1", "--text", "改过的纪要");
	REFUSED(f, "the minutes of meeting #1 were signed by 首长 already", "minutes", "sign", "1",
		"--by", "首长");
	REFUSED(f, "副职甲 may not sign the minutes of 乌恰县人民政府常务会议: the rules name 县长 〔恰政发〔2024〕6号 第四十五条〕", "minutes", "amend", "1",
		"--text", "补充", "--by", "副职甲");
	REFUSED(f, "say the minutes' text with --text", "minutes", "amend", "1", "--by", "首长");

	size_t entries = log_entries(f);
	OK(f, "minutes", "amend", "1", "--text", "补充第三条", "--by", "首长");
	json_t *entry = expect_logged(f, entries, "minutes amend", false, true);
	assert_json_int(entry, "meeting", 1);
	assert_json_string(json_object_get(entry, "after"), "text", "补充第三条");
	assert_json_int(json_object_get(entry, "after"), "by_id", 1);
	json_decref(entry);
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "text", "纪要");
	assert_json_string(minutes, "state", "signed");
	assert_json_int(minutes, "amendments", 1);
	json_t *listed = json_array_get(json_object_get(minutes, "amendment_list"), 0);
	assert_json_string(listed, "text", "补充第三条");
	assert_json_string(listed, "by", "首长");
	json_decref(minutes);
	run_result shown = RUN(f, "minutes", "show", "1");
	assert_contains(shown.out, "纪要\n");
	assert_contains(shown.out, "by 首长: 补充第三条\n");
	test_run_free(&shown);
	LOGGED(f, "minutes amend", false, true, "minutes", "amend", "1", "--text", "更正日期", "--by",
	       "首长");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(json_object_get(meeting, "minutes"), "amendments", 2);
	assert_json_string(json_object_get(meeting, "minutes"), "text", "纪要");
	json_decref(meeting);
}

static void test_minutes_mistakes_change_nothing(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	REFUSED(f, "meeting #1 has no minutes yet: draft them first", "minutes", "sign", "1", "--by",
		"首长");
	REFUSED(f, "the minutes of meeting #1 are not signed", "minutes", "amend", "1", "--text", "补充",
		"--by", "首长");
	REFUSED(f, "meeting #1 has no minutes yet", "minutes", "show", "1");
	OK(f, "minutes", "draft", "1", "--text", "纪要");
	REFUSED(f, "the minutes of meeting #1 are not signed: edit the draft with 'huiwu minutes draft'",
		"minutes", "amend", "1", "--text", "补充", "--by", "首长");
	REFUSED(f, "no person '无名'", "minutes", "sign", "1", "--by", "无名");
	REFUSED(f, "'one' is not a number", "minutes", "show", "one");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "state", "drafted");
	assert_json_int(minutes, "amendments", 0);
	json_decref(minutes);
}

/* ====================================================================================== */
/* Documents and deadlines                                                                 */
/* ====================================================================================== */

static void test_documents_only_for_held_meetings(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	REFUSED(f, "meeting #1 has not been held: mark it held first", "doc", "add", "--meeting", "1",
		"--title", "关于冬季供暖的通知");
	REFUSED(f, "meeting #2 has not been held", "doc", "add", "--meeting", "2", "--title",
		"关于冬季供暖的通知");
	OK(f, "meeting", "held", "2");
	size_t entries = log_entries(f);
	run_result r = RUN(f, "doc", "add", "--meeting", "2", "--title", "关于冬季供暖的通知");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "1\n");
	test_run_free(&r);
	json_t *entry = expect_logged(f, entries, "doc add", false, true);
	assert_json_int(entry, "meeting", 2);
	json_decref(entry);
	REFUSED(f, "say the document's title with --title", "doc", "add", "--meeting", "2");
	REFUSED(f, "no meeting #99", "doc", "add", "--meeting", "99", "--title", "通知");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_int_equal(json_array_size(list), 1);
	json_t *document = json_array_get(list, 0);
	assert_keys(document, STRINGS("id", "meeting", "title", "handed_over_on", "issued_on", "due",
				      "step"));
	assert_json_int(document, "meeting", 2);
	assert_json_string(document, "title", "关于冬季供暖的通知");
	assert_json_null(document, "handed_over_on");
	assert_json_null(document, "issued_on");
	/* Seven working days after Friday 2026-11-20. */
	assert_json_string(document, "due", "2026-12-01");
	assert_json_string(document, "step", "issue");
	json_decref(list);
	r = RUN(f, "doc", "list", "--meeting", "2");
	assert_string_equal(r.out, "#1    meeting #2  关于冬季供暖的通知  issue due 2026-12-01\n");
	test_run_free(&r);
	r = RUN(f, "doc", "list", "--meeting", "1", "--json");
	assert_string_equal(r.out, "[]\n");
	test_run_free(&r);
}

static void test_yiwu_documents_are_handed_over_then_issued(void **state)
{
	fixture *f = open_fixture(state, "yiwu", TODAY);
	add_meeting(f, "executive", "2026-11-16", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于农田建设的通知");
	/* 4 working days to hand over: Friday 2026-11-20, one working day ago. */
	json_t *deadlines = JSON(f, "deadlines", "--json");
	json_t *first = json_array_get(deadlines, 0);
	assert_json_string(first, "kind", "handover");
	assert_json_int(first, "document", 1);
	assert_json_string(first, "due", "2026-11-20");
	assert_json_int(first, "workdays_left", -1);
	assert_json_bool(first, "overdue", true);
	assert_json_string(first, "clause", "伊政发〔2023〕112号 第三十九条");
	json_decref(deadlines);
	run_result r = RUN(f, "doc", "list");
	assert_string_equal(r.out, "#1    meeting #1  关于农田建设的通知  hand-over due 2026-11-20\n");
	test_run_free(&r);

	REFUSED(f,
		"document #1 must be handed over to the office before it is issued 〔伊政发〔2023〕112号 第三十九条〕",
		"doc", "issue", "1");
	size_t entries = log_entries(f);
	OK(f, "doc", "handover", "1", "--on", "2026-11-19");
	json_t *entry = expect_logged(f, entries, "doc handover", true, true);
	assert_json_null(json_object_get(entry, "before"), "handed_over_on");
	assert_json_string(json_object_get(entry, "after"), "handed_over_on", "2026-11-19");
	json_decref(entry);
	/* Then 3 working days for the office: Tuesday 2026-11-24. */
	deadlines = JSON(f, "deadlines", "--json");
	first = json_array_get(deadlines, 0);
	assert_json_string(first, "kind", "issue");
	assert_json_string(first, "due", "2026-11-24");
	assert_json_int(first, "workdays_left", 1);
	assert_json_bool(first, "overdue", false);
	json_decref(deadlines);
	r = RUN(f, "doc", "list");
	assert_string_equal(r.out, "#1    meeting #1  关于农田建设的通知  handed over 2026-11-19  issue due 2026-11-24\n");
	test_run_free(&r);
	REFUSED(f, "document #1 is handed over already", "doc", "handover", "1");
	REFUSED(f, "that date is before the hand-over", "doc", "issue", "1", "--on", "2026-11-18");
	LOGGED(f, "doc issue", true, true, "doc", "issue", "1");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_json_string(json_array_get(list, 0), "issued_on", TODAY);
	assert_json_null(json_array_get(list, 0), "due");
	json_decref(list);
	REFUSED(f, "document #1 is issued already", "doc", "issue", "1");
	/* What remains due is the minutes. */
	deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	assert_json_string(json_array_get(deadlines, 0), "kind", "minutes");
	json_decref(deadlines);
	/* One meeting's deadlines: the same for it, none for another. */
	add_meeting(f, "executive", "2026-11-17", NULL, NULL);
	OK(f, "meeting", "held", "2");
	deadlines = JSON(f, "deadlines", "--meeting", "1", "--json");
	assert_int_equal(json_array_size(deadlines), 1);
	assert_json_int(json_array_get(deadlines, 0), "meeting", 1);
	json_decref(deadlines);
	deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 2);
	json_decref(deadlines);
	expect_quiet(f, STRINGS("deadlines", "--meeting", "3", "--json"), "[]\n");
	REFUSED(f, "'x' is not", "deadlines", "--meeting", "x");
}

static void test_wuqia_documents_have_no_hand_over_step(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	OK(f, "meeting", "held", "1");
	OK(f, "doc", "add", "--meeting", "1", "--title", "关于冬季供暖的通知");
	REFUSED(f, "the rules set no hand-over step for 乌恰县人民政府常务会议: issue the document", "doc",
		"handover", "1");
	REFUSED(f, "that date is before the meeting", "doc", "issue", "1", "--on", "2026-11-19");
	REFUSED(f, "that date is in the future", "doc", "issue", "1", "--on", "2026-11-24");
	REFUSED(f, "'2026-13-01' is not a date", "doc", "issue", "1", "--on", "2026-13-01");
	REFUSED(f, "no document #9", "doc", "issue", "9");
	LOGGED(f, "doc issue", true, true, "doc", "issue", "1", "--on", "2026-11-20");
	json_t *list = JSON(f, "doc", "list", "--json");
	assert_json_null(json_array_get(list, 0), "handed_over_on");
	assert_json_string(json_array_get(list, 0), "issued_on", "2026-11-20");
	json_decref(list);
}

static void test_deadlines_with_nothing_due(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
	expect_quiet(f, STRINGS("deadlines"), "");
	/* A planned meeting owes nothing yet. */
	add_meeting(f, "executive", "2026-11-20", NULL, NULL);
	expect_quiet(f, STRINGS("deadlines", "--json"), "[]\n");
}

static void test_deadlines_put_the_overdue_first(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-20", NULL, NULL); /* 1: due 2026-12-01 */
	add_meeting(f, "executive", "2026-11-10", NULL, NULL); /* 2: due 2026-11-19 */
	OK(f, "meeting", "held", "1");
	OK(f, "meeting", "held", "2");
	OK(f, "doc", "add", "--meeting", "1", "--title", "通知甲");
	OK(f, "doc", "add", "--meeting", "2", "--title", "通知乙");
	json_t *deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 4);
	size_t i;
	json_t *item;
	json_array_foreach(deadlines, i, item)
	{
		assert_keys(item, STRINGS("kind", "meeting", "document", "what", "due", "workdays_left",
					  "overdue", "clause"));
		assert_json_string(item, "clause", "恰政发〔2024〕6号 第四十五条");
		/* Seven working days after 2026-11-10 is 2026-11-19: two working days late. */
		if (i < 2) {
			assert_json_int(item, "meeting", 2);
			assert_json_string(item, "due", "2026-11-19");
			assert_json_int(item, "workdays_left", -2);
			assert_json_bool(item, "overdue", true);
		} else {
			assert_json_int(item, "meeting", 1);
			assert_json_string(item, "due", "2026-12-01");
			assert_json_int(item, "workdays_left", 6);
			assert_json_bool(item, "overdue", false);
		}
		const char *kind = json_string_value(json_object_get(item, "kind"));
		assert_non_null(kind);
		if (strcmp(kind, "minutes") == 0)
			assert_json_null(item, "document");
		else
			assert_string_equal(kind, "issue");
	}
	json_decref(deadlines);
	run_result r = RUN(f, "deadlines");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 4);
	const char *overdue = "OVERDUE   2 working days  due 2026-11-19  ";
	assert_true(strncmp(r.out, overdue, strlen(overdue)) == 0);
	assert_contains(r.out, "OVERDUE   2 working days  due 2026-11-19  document to issue  meeting #2  通知乙  〔恰政发〔2024〕6号 第四十五条〕\n");
	assert_contains(r.out, "  6 working days left   due 2026-12-01  minutes to sign  meeting #1  乌恰县人民政府常务会议  〔恰政发〔2024〕6号 第四十五条〕\n");
	test_run_free(&r);
	/* Signed minutes and an issued document are no longer due. */
	OK(f, "minutes", "draft", "2", "--text", "纪要");
	OK(f, "minutes", "sign", "2", "--by", "首长");
	OK(f, "doc", "issue", "2");
	deadlines = JSON(f, "deadlines", "--json");
	assert_int_equal(json_array_size(deadlines), 2);
	json_array_foreach(deadlines, i, item)
		assert_json_bool(item, "overdue", false);
	json_decref(deadlines);
}

/* ====================================================================================== */
/* The audit log                                                                           */
/* ====================================================================================== */

static void test_every_action_is_logged_with_before_and_after(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
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
	size_t entries = log_entries(f);
	json_decref(JSON(f, "meeting", "show", "1", "--json"));
	json_decref(JSON(f, "agenda", "--json"));
	json_decref(JSON(f, "deadlines", "--json"));
	json_decref(JSON(f, "leave", "list", "--json"));
	assert_int_equal(log_entries(f), entries);
	run_result r = RUN(f, "log");
	assert_contains(r.out, " meeting cancel   meeting #2 (meeting #2)\n");
	assert_contains(r.out, "      - {");
	assert_contains(r.out, "      + {");
	test_run_free(&r);
}

static void test_log_of_one_meeting(void **state)
{
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	add_meeting(f, "executive", "2026-11-26", NULL, NULL);
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
	fixture *f = open_fixture(state, "wuqia", TODAY);
	add_meeting(f, "executive", "2026-11-25", NULL, NULL);
	OK(f, "meeting", "invite", "1", "--person", "教育局局长");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	size_t entries = log_entries(f);
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
#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		/* the roster */
		TEST(test_dept_add_list_and_edit),
		TEST(test_dept_mistakes_change_nothing),
		TEST(test_dept_edit_refuses_a_deputy_in_charge_who_is_no_leader),
		TEST(test_person_add_list_and_show),
		TEST(test_person_add_mistakes_change_nothing),
		TEST(test_person_edit_role),
		TEST(test_person_edit_mistakes_change_nothing),
		/* meetings */
		TEST(test_meeting_add_prints_the_id_and_defaults_the_chair),
		TEST(test_wuqia_executive_invites_members_and_sitters_in),
		TEST(test_yiwu_executive_invites_its_member_departments),
		TEST(test_plenary_invites_every_department_head),
		TEST(test_yiwu_refuses_types_its_rules_do_not_define),
		TEST(test_a_chair_the_rules_do_not_allow_is_refused),
		TEST(test_wuqia_executive_chaired_by_delegation),
		TEST(test_meeting_add_date_and_time_mistakes),
		TEST(test_adhoc_meeting_needs_its_reason),
		TEST(test_dept_wide_meeting_needs_a_department_and_has_no_chair),
		TEST(test_meeting_show_json),
		TEST(test_meeting_show_prints_nothing_on_stderr),
		TEST(test_meeting_list_from_to),
		TEST(test_meeting_edit_raises_the_sequence),
		TEST(test_meeting_edit_revalidates_the_chair),
		TEST(test_cancelled_meeting_cannot_change),
		TEST(test_meeting_held),
		TEST(test_held_meeting_cannot_move_into_the_future),
		TEST(test_invite_guests_and_staff),
		TEST(test_uninvite),
		/* the agenda */
		TEST(test_agenda_covers_the_next_two_weeks),
		TEST(test_agenda_for_one_person),
		TEST(test_agenda_shows_what_waits_for_each_approver),
		/* topics */
		TEST(test_topic_add_show_and_list),
		TEST(test_topic_add_mistakes_change_nothing),
		TEST(test_topic_approved_only_by_the_head),
		TEST(test_special_meeting_topics_are_approved_by_its_chair),
		TEST(test_topic_schedule),
		TEST(test_topic_decided_only_after_the_meeting_is_held),
		TEST(test_decided_topic_cannot_change),
		TEST(test_topic_defer),
		/* leave */
		TEST(test_wuqia_department_head_asks_the_chair_or_the_office),
		TEST(test_wuqia_delegated_chair_decides_department_heads_not_leaders),
		TEST(test_ili_leave_goes_to_the_chair),
		TEST(test_yiwu_leave_goes_to_the_head),
		TEST(test_second_leave_request_is_refused),
		TEST(test_leave_request_mistakes_change_nothing),
		TEST(test_substitute_is_a_deputy_of_the_same_department),
		TEST(test_substitute_refused_where_the_rules_allow_none),
		TEST(test_approved_substitute_is_invited),
		TEST(test_leave_list_pending_and_json),
		TEST(test_leave_decision_mistakes_change_nothing),
		/* minutes */
		TEST(test_minutes_drafted_only_after_the_meeting_is_held),
		TEST(test_executive_minutes_are_signed_by_the_head),
		TEST(test_special_minutes_are_signed_by_the_chair),
		TEST(test_signed_minutes_are_frozen_and_amended),
		TEST(test_minutes_mistakes_change_nothing),
		/* documents and deadlines */
		TEST(test_documents_only_for_held_meetings),
		TEST(test_yiwu_documents_are_handed_over_then_issued),
		TEST(test_wuqia_documents_have_no_hand_over_step),
		TEST(test_deadlines_with_nothing_due),
		TEST(test_deadlines_put_the_overdue_first),
		/* the audit log */
		TEST(test_every_action_is_logged_with_before_and_after),
		TEST(test_log_of_one_meeting),
		TEST(test_log_verify_finds_a_changed_entry),
	};
#undef TEST
	return cmocka_run_group_tests_name("meetings", tests, NULL, close_templates);
}
