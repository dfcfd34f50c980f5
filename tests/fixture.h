/* The tests' standard role-named roster in a fresh database, and what the tests that run huiwu
 * on it share: running it, reading its JSON, and checking that a refused command changed
 * nothing. */
#ifndef HW_TEST_FIXTURE_H
#define HW_TEST_FIXTURE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "harness.h"

typedef struct fixture {
	char *directory;
	char *db;
	char *env_db;    /* "HUIWU_DB=…" */
	char *env_today; /* "HUIWU_TODAY=…" */
	const char *env[6];
} fixture;

/* Opens a copy of the database of `government` with this roster, with today fixed at `today`
 * (YYYY-MM-DD). The roster is built once per build through the CLI, as a clerk would
 * (tests/make-fixture.sh, a custom target of tests/meson.build; $HUIWU_FIXTURES is its folder):
 *   head "首长", executive deputy "常务副职", deputies "副职甲" (in charge of 农业农村局 and
 *   财政局) and "副职乙" (in charge of 教育局 and 司法局), secretary "办公室主任",
 *   departments 农业农村局, 财政局 (member of the executive meeting), 教育局, 司法局
 *   (function justice_bureau), each with a head "<dept>局长" and for 农业农村局 and 财政局 a
 *   deputy head "<dept>副局长" and a staff member "<dept>工作人员".
 * Fails the test if the copy cannot be made. */
void fixture_open(fixture *f, const char *government, const char *today);
void fixture_close(fixture *f);

/* Runs huiwu on the fixture's database; the arguments end with NULL. */
run_result fixture_run(const fixture *f, ...);
/* Runs huiwu and fails the test unless it exits 0; returns stdout's first line as a number
 * (the id a command prints) or 0. */
long long fixture_ok(const fixture *f, ...);

/* Adds a meeting at 09:30, with one more option when `option` is not NULL; returns its id. */
long long fixture_add_meeting(const fixture *f, const char *type, const char *date, const char *option,
			      const char *value);

/* Runs a command (a NULL-terminated list) that must succeed and print nothing on stderr (the
 * sanitizers see this too), and, unless `expected_out` is NULL, exactly that on stdout. */
void fixture_expect_quiet(const fixture *f, const char *const *args, const char *expected_out);

/* Takes `r` (frees it) and returns what it printed parsed as JSON (json_decref it); fails the
 * test, naming `command`, when huiwu did not exit 0 or printed no JSON. */
json_t *fixture_json(run_result r, const char *command);

#define RUN(f, ...) fixture_run(f, __VA_ARGS__, NULL)
#define OK(f, ...) fixture_ok(f, __VA_ARGS__, NULL)
/* Runs huiwu, which must succeed, and parses what it prints as JSON (json_decref it). */
#define JSON(f, ...) fixture_json(fixture_run(f, __VA_ARGS__, NULL), #__VA_ARGS__)

/* ---- a test's fixtures, closed by the teardown even when the test fails midway ---- */

/* cmocka setup and teardown for tests that open fixtures with fixture_in_test. */
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* Opens a fixture (fixture_open) owned by the running test; at most four per test. */
fixture *fixture_in_test(void **state, const char *government, const char *today);

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
json_t *fixture_find_named(json_t *array, const char *name);
/* How `name` attends the meeting (member, sitter_in, guest, staff), or NULL. */
const char *fixture_attendance(json_t *meeting, const char *name);

#define assert_attends(meeting, name, kind)                                                        \
	do {                                                                                       \
		const char *got_ = fixture_attendance((meeting), (name));                          \
		if (got_ == NULL || strcmp(got_, (kind)) != 0)                                     \
			fail_msg("%s: expected to attend as %s, got %s", (name), (kind),           \
				 got_ ? got_ : "not invited");                                     \
	} while (0)

#define assert_not_invited(meeting, name)                                                          \
	do {                                                                                       \
		const char *got_ = fixture_attendance((meeting), (name));                          \
		if (got_ != NULL)                                                                  \
			fail_msg("%s: expected not to be invited, attends as %s", (name), got_);   \
	} while (0)

/* Whether the agenda's "waiting" list holds the item of this kind and id; how many it holds. */
bool fixture_waiting_has(json_t *agenda, const char *kind, long long id);
size_t fixture_waiting_count(json_t *agenda);

/* Asserts that the array holds exactly these strings, in order (the list ends with NULL). */
void assert_strings(json_t *array, const char *const *expected);
/* Asserts that the objects of the array have exactly these ids, in order (the list ends with 0). */
void assert_ids(json_t *array, const long long *expected);
/* Asserts that the object has exactly these keys. */
void assert_keys(json_t *object, const char *const *keys);

#define IDS(...) ((const long long[]){__VA_ARGS__, 0})
#define STRINGS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- nothing changed ---- */

/* The whole database and the size of the audit log, before a command that must be refused. */
typedef struct saved_state {
	char *dump;
	size_t log_entries;
} saved_state;

saved_state fixture_save_state(const fixture *f);
/* The whole database as text: schema and every row of every table (free it). */
char *fixture_dump_database(const fixture *f);
/* The number of entries in the audit log (`huiwu log --json`). */
size_t fixture_log_entries(const fixture *f);

/* Takes `r` and `before`: fails unless huiwu exited `expected_status` (1 bad input, with one
 * line on stderr; 2 bad usage, the line and a hint), said `needle` on stderr, printed nothing
 * on stdout and left the database and the log as they were. */
void fixture_check_refused(const fixture *f, saved_state *before, run_result *r, const char *needle,
			   const char *command, int expected_status);

/* An id as a command's argument, valid to the end of the full expression:
 * RUN(f, "meeting", "show", ID(id)). */
typedef struct id_text {
	char text[24];
} id_text;

static inline id_text id_of(long long id)
{
	id_text text;
	snprintf(text.text, sizeof text.text, "%lld", id);
	return text;
}

#define ID(id) (id_of(id).text)

/* Runs a command that must be refused: exit 1, one line on stderr containing `needle`,
 * nothing on stdout, the database and the log as they were. */
#define REFUSED(f, needle, ...)                                                                    \
	do {                                                                                       \
		saved_state before_ = fixture_save_state(f);                                       \
		run_result r_ = fixture_run(f, __VA_ARGS__, NULL);                                 \
		fixture_check_refused(f, &before_, &r_, needle, #__VA_ARGS__, 1);                  \
	} while (0)

/* The same for a usage mistake (a required option missing): exit 2. */
#define USAGE_REFUSED(f, needle, ...)                                                              \
	do {                                                                                       \
		saved_state before_ = fixture_save_state(f);                                       \
		run_result r_ = fixture_run(f, __VA_ARGS__, NULL);                                 \
		fixture_check_refused(f, &before_, &r_, needle, #__VA_ARGS__, 2);                  \
	} while (0)

/* Fails the test unless SQLite's integrity check passes on the database and `huiwu log
 * --verify` holds. */
void fixture_expect_intact(const fixture *f);
/* The number of rows `sql` (one SELECT of one number, with one text parameter `text`) counts. */
long long fixture_count(const fixture *f, const char *sql, const char *text);

/* Asserts that the log grew by exactly one entry since it held `before` entries, with this
 * action and a row before and after as said; returns that entry (json_decref it). */
json_t *fixture_expect_logged(const fixture *f, size_t before, const char *action, bool has_before,
			      bool has_after);

/* Runs a command that must succeed and add one log entry `action`. */
#define LOGGED(f, action, has_before, has_after, ...)                                              \
	do {                                                                                       \
		size_t entries_ = fixture_log_entries(f);                                          \
		OK(f, __VA_ARGS__);                                                                \
		json_decref(fixture_expect_logged(f, entries_, action, has_before, has_after));    \
	} while (0)

#endif
