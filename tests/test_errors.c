/* Errors that cannot get lost (issue 15): a read that fails midway is reported, never taken
 * as complete; a visitor's non-zero return stops a list and is what the list returns; a
 * meeting's whole attendance, with every leave request, is shown and exported.
 *
 * A read fails midway through an SQLite VFS that wraps the default one and, once armed, makes
 * every read of a database file fail after a given number (Debian's libsqlite3 has no fault
 * injection). Each case first counts the reads an operation makes on a fresh session, then
 * fails it halfway on another: the same reads, so the failure falls in the middle. */
#include "fixture.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "checks.h"
#include "ics_export.h"
#include "leave.h"
#include "meetings.h"
#include "roster.h"
#include "session.h"

/* ---- a VFS whose reads fail on demand ---- */

static sqlite3_vfs *real_vfs;
static long reads;           /* xRead calls since the last reset */
static long reads_left = -1; /* reads that still succeed; -1: all do */

typedef struct failing_file {
	sqlite3_file base;
	sqlite3_file *real; /* right after this struct, szOsFile of the real VFS */
} failing_file;

#define REAL(file) (((failing_file *)(file))->real)

static int file_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int file_read(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
	reads++;
	if (reads_left == 0)
		return SQLITE_IOERR_READ;
	if (reads_left > 0)
		reads_left--;
	return REAL(f)->pMethods->xRead(REAL(f), buffer, amount, offset);
}

static int file_write(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
	return REAL(f)->pMethods->xWrite(REAL(f), buffer, amount, offset);
}

static int file_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int file_sync(sqlite3_file *f, int flags)
{
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int file_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int file_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int file_check_lock(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int file_control(sqlite3_file *f, int op, void *argument)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, argument);
}

static int file_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int file_characteristics(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int file_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}

static int file_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void file_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int file_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}

/* No memory-mapped pages: every page is read through file_read. */
static int file_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
	(void)f, (void)offset, (void)amount;
	*out = NULL;
	return SQLITE_OK;
}

static int file_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *page)
{
	(void)f, (void)offset, (void)page;
	return SQLITE_OK;
}

static const sqlite3_io_methods failing_methods = {
	2, file_close, file_read, file_write, file_truncate, file_sync, file_size, file_lock,
	file_unlock, file_check_lock, file_control, file_sector_size, file_characteristics,
	file_shm_map, file_shm_lock, file_shm_barrier, file_shm_unmap, file_fetch, file_unfetch,
};

static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	(void)vfs;
	failing_file *f = (failing_file *)file;
	f->real = (sqlite3_file *)&f[1];
	int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
	f->base.pMethods = f->real->pMethods ? &failing_methods : NULL;
	return rc;
}

static int vfs_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, size, out);
}

static int vfs_randomness(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, size, out);
}

static int vfs_sleep(sqlite3_vfs *vfs, int microseconds)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, microseconds);
}

static int vfs_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int vfs_last_error(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, size, out);
}

static int vfs_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static sqlite3_vfs failing_vfs;

/* Makes the failing VFS the default, which hw_store_open uses. */
static int install_vfs(void **state)
{
	if (real_vfs == NULL) {
		real_vfs = sqlite3_vfs_find(NULL);
		failing_vfs = (sqlite3_vfs){
			.iVersion = 2,
			.szOsFile = (int)sizeof(failing_file) + real_vfs->szOsFile,
			.mxPathname = real_vfs->mxPathname,
			.zName = "failing",
			.xOpen = vfs_open,
			.xDelete = vfs_delete,
			.xAccess = vfs_access,
			.xFullPathname = vfs_full_pathname,
			.xRandomness = vfs_randomness,
			.xSleep = vfs_sleep,
			.xCurrentTime = vfs_current_time,
			.xGetLastError = vfs_last_error,
			.xCurrentTimeInt64 = vfs_current_time_int64,
		};
		if (sqlite3_vfs_register(&failing_vfs, 1) != SQLITE_OK)
			fail_msg("cannot register the failing VFS");
	}
	reads_left = -1;
	return fixture_setup(state);
}

static int disarm(void **state)
{
	reads_left = -1;
	return fixture_teardown(state);
}

/* ---- the data ---- */

static void exec_sql(const char *db_path, const char *sql)
{
	sqlite3 *db;
	char *message = NULL;
	if (sqlite3_open(db_path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("%s: %s", sql, message ? message : sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Many meetings in 2026 (long titles, so that they fill many pages), many audit entries. */
static void add_many_rows(const fixture *f)
{
	exec_sql(f->db,
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
		 " INSERT INTO meeting (uid, type, date, start, title, changed_at)"
		 " SELECT 'bulk-' || i || '@test', 'executive',"
		 "  date('2026-01-01', '+' || (i % 360) || ' days'), '09:30',"
		 "  '会议' || i || substr(hex(zeroblob(400)), 1, 600), '2026-01-01T00:00:00Z' FROM n;"
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
		 " INSERT INTO audit (at, who, action, entity, entity_id, before, after, rules_hash,"
		 "  previous_hash, hash)"
		 " SELECT '2026-01-01T00:00:00Z', 'test', 'bulk', 'meeting', i,"
		 "  '{\"x\":\"' || hex(zeroblob(300)) || '\"}', NULL, 'h', 'p', 'h' FROM n;");
}

static hw_session *open_session(const fixture *f)
{
	hw_error error = {0};
	hw_session *session = hw_session_open(f->db, true, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	return session;
}

/* ---- failed reads ---- */

typedef struct counter {
	int visits;
	int stop_at;  /* the visit that returns `stop_with`; 0: none */
	int stop_with;
} counter;

static int count_meeting(const hw_meeting *meeting, void *user)
{
	(void)meeting;
	counter *c = user;
	return ++c->visits == c->stop_at ? c->stop_with : 0;
}

static int count_entry(const hw_audit_entry *entry, void *user)
{
	(void)entry;
	counter *c = user;
	return ++c->visits == c->stop_at ? c->stop_with : 0;
}

static int count_person(const hw_person *person, void *user)
{
	(void)person;
	counter *c = user;
	return ++c->visits == c->stop_at ? c->stop_with : 0;
}

static int count_attendee(const hw_attendee *attendee, const hw_leave *leave, void *user)
{
	(void)attendee, (void)leave;
	counter *c = user;
	return ++c->visits == c->stop_at ? c->stop_with : 0;
}

static int count_plain_attendee(const hw_attendee *attendee, void *user)
{
	(void)attendee;
	counter *c = user;
	return ++c->visits == c->stop_at ? c->stop_with : 0;
}

typedef enum operation { LIST_MEETINGS, LOAD_CHECKS, LIST_AUDIT } operation;

/* Runs `op` on a fresh session, failing every read after `allowed` of them (-1: none fail);
 * returns what the operation returned, with the visits and the reads it made. */
static int run_operation(const fixture *f, operation op, long allowed, counter *visits,
			 long *reads_made, hw_error *error)
{
	hw_session *session = open_session(f);
	*visits = (counter){0};
	reads = 0;
	reads_left = allowed;
	int result = -2;
	switch (op) {
	case LIST_MEETINGS:
		result = hw_meeting_list(session, hw_date_from_ymd(2026, 1, 1),
					 hw_date_from_ymd(2026, 12, 31), count_meeting, visits, error);
		break;
	case LOAD_CHECKS: {
		hw_check_data data;
		result = hw_check_load(session, hw_date_from_ymd(2026, 1, 1),
				       hw_date_from_ymd(2026, 12, 31), &data, error);
		if (result == 0) {
			visits->visits = data.meeting_count;
			hw_check_data_free(&data);
		}
		break;
	}
	case LIST_AUDIT:
		result = hw_audit_list(session, 0, count_entry, visits, error);
		break;
	}
	*reads_made = reads;
	reads_left = -1;
	hw_session_close(session);
	return result;
}

static void check_failure_midway(void **state, operation op, const char *message)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	add_many_rows(f);
	hw_error error = {0};
	counter whole, part;
	long all_reads, part_reads;
	/* The twin: with every read succeeding, the whole list. */
	assert_int_equal(run_operation(f, op, -1, &whole, &all_reads, &error), 0);
	assert_true(whole.visits >= 400);
	assert_true(all_reads > 20);
	/* Halfway, a read fails: an error, never success on what was read so far. */
	error.message[0] = '\0';
	assert_int_equal(run_operation(f, op, all_reads / 2, &part, &part_reads, &error), -1);
	assert_true(part.visits < whole.visits);
	assert_contains(error.message, message);
}

static void test_meeting_list_fails_when_a_read_fails_midway(void **state)
{
	check_failure_midway(state, LIST_MEETINGS, "cannot read the meetings");
}

static void test_check_loader_fails_when_a_read_fails_midway(void **state)
{
	check_failure_midway(state, LOAD_CHECKS, "cannot read the data to check");
}

static void test_audit_log_fails_when_a_read_fails_midway(void **state)
{
	check_failure_midway(state, LIST_AUDIT, "cannot read the audit log");
}

/* A failed read of a one-row lookup is an error, not "no such meeting". */
static void test_lookup_reports_a_failed_read_not_absence(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	add_many_rows(f);
	hw_session *session = open_session(f);
	hw_error error = {0};
	hw_meeting meeting;
	assert_int_equal(hw_meeting_get(session, 390, &meeting, &error), 0);
	hw_session_close(session);
	session = open_session(f);
	reads_left = 0;
	assert_int_equal(hw_meeting_get(session, 390, &meeting, &error), -1);
	reads_left = -1;
	assert_contains(error.message, "cannot read the meetings");
	assert_not_contains(error.message, "no meeting");
	hw_session_close(session);
}

static long long add_crowded_meeting(const fixture *f);

/* ---- visitors that stop ---- */

static void test_a_visitor_stops_the_walk_and_its_value_is_returned(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	add_many_rows(f);
	hw_session *session = open_session(f);
	hw_error error = {0};
	hw_date from = hw_date_from_ymd(2026, 1, 1), to = hw_date_from_ymd(2026, 12, 31);

	counter c = {.stop_at = 3, .stop_with = 7};
	assert_int_equal(hw_meeting_list(session, from, to, count_meeting, &c, &error), 7);
	assert_int_equal(c.visits, 3);
	c = (counter){.stop_at = 2, .stop_with = -1};
	assert_int_equal(hw_audit_list(session, 0, count_entry, &c, &error), -1);
	assert_int_equal(c.visits, 2);
	c = (counter){.stop_at = 1, .stop_with = 5};
	assert_int_equal(hw_person_list(session, count_person, &c, &error), 5);
	assert_int_equal(c.visits, 1);

	/* A kept statement stopped midway serves the next walk whole. */
	hw_session_close(session);
	int64_t meeting_id = add_crowded_meeting(f);
	session = open_session(f);
	counter whole = {0};
	assert_int_equal(hw_attendance_list(session, meeting_id, count_attendee, &whole, &error), 0);
	c = (counter){.stop_at = 1, .stop_with = 9};
	assert_int_equal(hw_attendance_list(session, meeting_id, count_attendee, &c, &error), 9);
	assert_int_equal(c.visits, 1);
	counter again = {0};
	assert_int_equal(hw_attendance_list(session, meeting_id, count_attendee, &again, &error), 0);
	assert_int_equal(again.visits, whole.visits);
	c = (counter){.stop_at = 2, .stop_with = 4};
	assert_int_equal(hw_meeting_attendees(session, meeting_id, count_plain_attendee, &c, &error),
			 4);
	assert_int_equal(c.visits, 2);
	hw_session_close(session);
}

/* ---- a meeting's whole attendance ---- */

#define CROWD 300
#define ON_LEAVE 280 /* more than either list the front ends were cut at (256, 128) */

/* A meeting with CROWD guests, ON_LEAVE of them on approved leave; returns its id. */
static long long add_crowded_meeting(const fixture *f)
{
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "INSERT INTO meeting (uid, type, date, start, title, changed_at)"
		 " VALUES ('crowd@test', 'executive', '2026-06-10', '09:30', '大会',"
		 "  '2026-01-01T00:00:00Z');"
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
		 " INSERT INTO person (name, title, role, department_id)"
		 " SELECT '列席' || i, '科员', 'staff', (SELECT min(id) FROM department) FROM n;"
		 "INSERT INTO attendee (meeting_id, person_id, kind)"
		 " SELECT (SELECT id FROM meeting WHERE uid = 'crowd@test'), id, 'guest' FROM person"
		 " WHERE name LIKE '列席%%';"
		 "INSERT INTO leave (meeting_id, person_id, reason, state, approvers, requested_at)"
		 " SELECT (SELECT id FROM meeting WHERE uid = 'crowd@test'), id, '出差', 'approved',"
		 "  'chair', '2026-01-01T00:00:00Z' FROM person WHERE name LIKE '列席%%'"
		 " ORDER BY id LIMIT %d;",
		 CROWD, ON_LEAVE);
	exec_sql(f->db, sql);
	hw_session *session = open_session(f);
	hw_error error = {0};
	hw_meeting meeting;
	long long id = 0;
	for (int64_t candidate = 1; candidate < 1000 && id == 0; candidate++)
		if (hw_meeting_get(session, candidate, &meeting, &error) == 0 &&
		    strcmp(meeting.uid, "crowd@test") == 0)
			id = candidate;
	hw_session_close(session);
	assert_true(id > 0);
	return id;
}

static int count_occurrences(const char *text, const char *needle)
{
	int count = 0;
	for (const char *at = strstr(text, needle); at; at = strstr(at + 1, needle))
		count++;
	return count;
}

static void test_meeting_show_lists_every_attendee_with_leave(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	char id[32];
	snprintf(id, sizeof id, "%lld", add_crowded_meeting(f));
	json_t *meeting = JSON(f, "meeting", "show", id, "--json");
	json_t *attendees = json_object_get(meeting, "attendees");
	assert_int_equal(json_array_size(attendees), CROWD);
	size_t i;
	json_t *item;
	int on_leave = 0;
	json_array_foreach(attendees, i, item)
		on_leave += json_is_string(json_object_get(item, "leave"));
	assert_int_equal(on_leave, ON_LEAVE);
	json_decref(meeting);
	run_result shown = RUN(f, "meeting", "show", id);
	assert_int_equal(shown.status, 0);
	assert_true(test_count_lines(shown.out) > CROWD + ON_LEAVE);
	test_run_free(&shown);
}

static void test_export_writes_every_attendee_with_leave(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	add_crowded_meeting(f);
	hw_session *session = open_session(f);
	hw_error error = {0};
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	assert_non_null(out);
	hw_export_options options = {.has_from = true, .from = hw_date_from_ymd(2026, 6, 10),
				     .has_to = true, .to = hw_date_from_ymd(2026, 6, 10)};
	int events = hw_export_ics(session, &options, out, &error);
	fclose(out);
	hw_session_close(session);
	if (events < 0)
		fail_msg("%s", error.message);
	/* Unfolded (RFC 5545 3.1), so that no parameter is split across lines. */
	char *unfolded = malloc(size + 1);
	size_t used = 0;
	for (size_t k = 0; k < size; k++) {
		if (text[k] == '\r' && k + 2 < size && text[k + 1] == '\n' && text[k + 2] == ' ') {
			k += 2;
			continue;
		}
		unfolded[used++] = text[k];
	}
	unfolded[used] = '\0';
	assert_int_equal(count_occurrences(unfolded, "\nATTENDEE"), CROWD);
	assert_int_equal(count_occurrences(unfolded, "PARTSTAT=DECLINED"), ON_LEAVE);
	free(unfolded);
	free(text);
}

/* ---- the audited change ---- */

static int last_entry(const hw_audit_entry *entry, void *user)
{
	hw_audit_entry *out = user;
	free(out->before);
	free(out->after);
	*out = *entry;
	out->before = entry->before ? strdup(entry->before) : NULL;
	out->after = entry->after ? strdup(entry->after) : NULL;
	return 0;
}

/* The action keeps the row as it was and records it with the row as it is; a change refused
 * after the snapshot records nothing (and, under ASan, leaks nothing). */
static void test_a_change_records_its_snapshot_and_a_refusal_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", "2026-06-01");
	add_crowded_meeting(f);
	hw_error error = {0};
	hw_error_clear(&error);
	hw_session *session = hw_session_open(f->db, false, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	hw_meeting meeting;
	int64_t id = 0;
	for (int64_t candidate = 1; candidate < 1000 && id == 0; candidate++)
		if (hw_meeting_get(session, candidate, &meeting, &error) == 0 &&
		    strcmp(meeting.uid, "crowd@test") == 0)
			id = candidate;
	hw_audit_entry before_all = {0};
	assert_int_equal(hw_audit_list(session, id, last_entry, &before_all, &error), 0);

	hw_meeting_input refused = HW_MEETING_INPUT_INIT;
	refused.title = "改名";
	refused.chair = "没有这个人";
	assert_int_equal(hw_meeting_edit(session, id, &refused, &error), -1);
	hw_audit_entry entry = {0};
	assert_int_equal(hw_audit_list(session, id, last_entry, &entry, &error), 0);
	assert_int_equal(entry.id, before_all.id);
	assert_true(session->snapshot == NULL);

	hw_meeting_input renamed = HW_MEETING_INPUT_INIT;
	renamed.title = "改名后的大会";
	assert_int_equal(hw_meeting_edit(session, id, &renamed, &error), 0);
	assert_int_equal(hw_audit_list(session, id, last_entry, &entry, &error), 0);
	assert_true(entry.id > before_all.id);
	assert_string_equal(entry.action, "meeting edit");
	assert_contains(entry.before, "\"title\":\"大会\"");
	assert_contains(entry.after, "\"title\":\"改名后的大会\"");
	assert_true(session->snapshot == NULL);
	free(entry.before);
	free(entry.after);
	free(before_all.before);
	free(before_all.after);
	hw_session_close(session);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_meeting_list_fails_when_a_read_fails_midway,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_check_loader_fails_when_a_read_fails_midway,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_audit_log_fails_when_a_read_fails_midway,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_lookup_reports_a_failed_read_not_absence,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_a_visitor_stops_the_walk_and_its_value_is_returned,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_meeting_show_lists_every_attendee_with_leave,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_export_writes_every_attendee_with_leave,
						install_vfs, disarm),
		cmocka_unit_test_setup_teardown(test_a_change_records_its_snapshot_and_a_refusal_nothing,
						install_vfs, disarm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
