#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "civil_date.h"
#include "paths.h"
#include "seal.h"

/* 'HWIU': marks the file as a huiwu database (PRAGMA application_id). */
#define HUIWU_APPLICATION_ID 0x48574955

#define CACHED_STATEMENTS 16

struct hw_store {
	sqlite3 *db;
	char *path;
	bool read_only;
	struct {
		const char *sql;
		sqlite3_stmt *statement;
	} cache[CACHED_STATEMENTS];
};

/* Migration N brings a database from user_version N-1 to N. Append only: a released
 * migration is never edited, since databases in the field already ran it. */
static const char *const migrations[] = {
	/* 1: the government whose rules the database follows. */
	"CREATE TABLE government ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  rules_key TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  document TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	");",

	/* 2: the meeting module. Dates are 'YYYY-MM-DD', times 'HH:MM', in the rules' zone. */
	"CREATE TABLE department ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  deputy_id INTEGER REFERENCES person(id)," /* the deputy in charge: a division */
	"  member_of_executive INTEGER NOT NULL DEFAULT 0," /* 常务会组成部门 */
	"  function TEXT" /* a role the department plays in the rules, e.g. justice_bureau */
	");"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  department_id INTEGER REFERENCES department(id),"
	"  party_group INTEGER NOT NULL DEFAULT 0" /* also a member of the government's Party group */
	");"
	"CREATE INDEX person_department ON person(department_id);"
	"CREATE TABLE meeting ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  type TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  start TEXT NOT NULL,"
	"  end TEXT,"
	"  title TEXT NOT NULL,"
	"  location TEXT,"
	"  chair_id INTEGER REFERENCES person(id),"
	"  chair_delegated INTEGER NOT NULL DEFAULT 0,"
	"  adhoc_reason TEXT,"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),"
	"  decision_type INTEGER NOT NULL DEFAULT 0,"
	"  head_consent INTEGER NOT NULL DEFAULT 0,"
	"  department_id INTEGER REFERENCES department(id)," /* who holds a dept_wide meeting */
	"  requested_on TEXT,"
	"  deputy_consent INTEGER NOT NULL DEFAULT 0,"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  changed_at TEXT NOT NULL"
	");"
	"CREATE INDEX meeting_date ON meeting(date, start);"
	"CREATE INDEX meeting_type_date ON meeting(type, date);"
	"CREATE TABLE attendee ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('member', 'sitter_in', 'guest', 'staff')),"
	"  PRIMARY KEY (meeting_id, person_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX attendee_person ON attendee(person_id, meeting_id);"
	"CREATE TABLE topic ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  deputy_id INTEGER REFERENCES person(id),"
	"  department_id INTEGER REFERENCES department(id),"
	"  matters INTEGER NOT NULL DEFAULT 0," /* bit per hw_matter */
	"  matters_agreed INTEGER NOT NULL DEFAULT 0,"
	"  studied_on TEXT,"
	"  state TEXT NOT NULL DEFAULT 'proposed'"
	"    CHECK (state IN ('proposed', 'approved', 'scheduled', 'decided', 'deferred')),"
	"  approved_by INTEGER REFERENCES person(id),"
	"  meeting_id INTEGER REFERENCES meeting(id),"
	"  decision TEXT"
	");"
	"CREATE INDEX topic_meeting ON topic(meeting_id);"
	"CREATE TABLE leave ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  reason TEXT NOT NULL,"
	"  written INTEGER NOT NULL DEFAULT 0,"
	"  substitute_id INTEGER REFERENCES person(id),"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),"
	"  approvers TEXT NOT NULL," /* role keys, comma-separated, routed by the rules */
	"  decided_by INTEGER REFERENCES person(id),"
	"  requested_at TEXT NOT NULL,"
	"  UNIQUE (meeting_id, person_id)"
	");"
	"CREATE INDEX leave_meeting ON leave(meeting_id);"
	"CREATE TABLE minutes ("
	"  meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),"
	"  text TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'drafted' CHECK (state IN ('drafted', 'signed')),"
	"  drafted_on TEXT NOT NULL,"
	"  signed_by INTEGER REFERENCES person(id),"
	"  signed_on TEXT"
	");"
	"CREATE TABLE minutes_amendment ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES minutes(meeting_id),"
	"  text TEXT NOT NULL,"
	"  by_id INTEGER REFERENCES person(id),"
	"  on_date TEXT NOT NULL"
	");"
	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  title TEXT NOT NULL,"
	"  handed_over_on TEXT,"
	"  issued_on TEXT"
	");"
	"CREATE INDEX document_meeting ON document(meeting_id);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  who TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER,"
	"  meeting_id INTEGER,"
	"  before TEXT,"
	"  after TEXT,"
	"  rules_hash TEXT NOT NULL,"
	"  previous_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL"
	");"
	"CREATE INDEX audit_meeting ON audit(meeting_id);"
	/* Append-only: the log refuses changes; so do signed minutes. */
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER minutes_frozen BEFORE UPDATE ON minutes WHEN OLD.state = 'signed'"
	"  BEGIN SELECT RAISE(ABORT, 'signed minutes are frozen: add an amendment'); END;",

	/* 3: the calendar layer: standing series, and busy time imported from other calendars. */
	"CREATE TABLE series ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  type TEXT NOT NULL,"
	"  rrule TEXT NOT NULL," /* without UNTIL and COUNT: those are the columns below */
	"  start TEXT NOT NULL,"
	"  end TEXT,"
	"  first_date TEXT NOT NULL,"
	"  until TEXT,"
	"  count INTEGER,"
	"  on_holiday TEXT NOT NULL CHECK (on_holiday IN ('skip', 'next', 'previous')),"
	"  title TEXT NOT NULL,"
	"  location TEXT,"
	"  ended_on TEXT,"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  changed_at TEXT NOT NULL"
	");"
	/* An occurrence remembers the date its rule gave (RECURRENCE-ID) and whether it was
	 * changed on its own since. */
	"ALTER TABLE meeting ADD COLUMN series_id INTEGER REFERENCES series(id);"
	"ALTER TABLE meeting ADD COLUMN occurrence TEXT;"
	"ALTER TABLE meeting ADD COLUMN detached INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX meeting_series ON meeting(series_id, occurrence);"
	/* Days the rule gave that fell on a day off and were skipped (EXDATE). */
	"CREATE TABLE series_skip ("
	"  series_id INTEGER NOT NULL REFERENCES series(id),"
	"  occurrence TEXT NOT NULL,"
	"  PRIMARY KEY (series_id, occurrence)"
	") WITHOUT ROWID;"
	"CREATE TABLE busy ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL,"
	"  person_id INTEGER REFERENCES person(id),"
	"  date TEXT NOT NULL,"
	"  start TEXT,"
	"  end TEXT,"
	"  summary TEXT,"
	"  UNIQUE (uid, person_id, date)"
	");"
	"CREATE INDEX busy_date ON busy(date);",

	/* 4: the sealed audit log (src/core/seal.h). Entries from here on carry the id of the
	 * audit key they are sealed with and the state of the rows; the entries before stay as
	 * they were, checked as an unkeyed chain. audit_row holds each live row's seal as of
	 * the last entry. A later migration that adds a column to a sealed table gives it NULL
	 * by default (a seal leaves NULL columns out), or every row would look changed. */
	"ALTER TABLE audit ADD COLUMN key_id TEXT;"
	"ALTER TABLE audit ADD COLUMN state TEXT;"
	"CREATE TABLE audit_row ("
	"  tbl TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  seal TEXT NOT NULL,"
	"  PRIMARY KEY (tbl, key)"
	") WITHOUT ROWID;",

	/* 5: what was published to a CalDAV server (src/cal/publish.h): per collection and UID,
	 * the resource's address, the ETag the server gave and the hash of the bytes sent, so
	 * that the next publish sends only what changed, conditionally. A row is written only
	 * once the server confirmed the resource. */
	"CREATE TABLE published ("
	"  collection TEXT NOT NULL,"
	"  uid TEXT NOT NULL,"
	"  href TEXT NOT NULL,"
	"  etag TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  PRIMARY KEY (collection, uid)"
	") WITHOUT ROWID;"
	"CREATE TABLE publish_run ("
	"  collection TEXT PRIMARY KEY,"
	"  finished_at TEXT NOT NULL"
	") WITHOUT ROWID;",
	/* 6 (calendars, issue 12): the version (SEQUENCE, DTSTAMP) of each event imported, per
	 * target ("meeting", "busy", "busy:PERSON-ID"), so that a newer version updates what was
	 * imported and an older one changes nothing; a person's optional e-mail address (the
	 * export's mailto:) and phone. */
	"ALTER TABLE person ADD COLUMN email TEXT;"
	"ALTER TABLE person ADD COLUMN phone TEXT;"
	"CREATE TABLE import_version ("
	"  uid TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  sequence INTEGER NOT NULL,"
	"  stamp TEXT NOT NULL,"
	"  PRIMARY KEY (uid, target)"
	") WITHOUT ROWID;",

	/* 7: a department-wide meeting's approval by the government (报经批准后实施: ili 25,
	 * kizilsu 44, changji 25, wuqia 47), which also allows inviting the heads of the lower
	 * governments. NULL (not recorded) by default, as a sealed table's new column must be. */
	"ALTER TABLE meeting ADD COLUMN government_approved INTEGER;",

	/* 8: who reviewed a topic before the head decides (changji 21: 经负责常务工作的副市长审核). */
	"ALTER TABLE topic ADD COLUMN reviewed_by INTEGER REFERENCES person(id);",

	/* 9: who proposed a topic, checked against the rules' topic_proposers (ili 21, kizilsu 40,
	 * changji 21, wuqia 43). NULL where not recorded, as a sealed table's new column must be. */
	"ALTER TABLE topic ADD COLUMN proposed_by INTEGER REFERENCES person(id);",

	/* 10: who approved a special-topic meeting's minutes, and when (涉及重大事项报州长审定:
	 * ili 23, kizilsu 43, changji 23, wuqia 46). NULL where not recorded. The head approves
	 * minutes the chair signed, so the freeze now names the signed columns, and a recorded
	 * approval is frozen in its turn. */
	"ALTER TABLE minutes ADD COLUMN approved_by INTEGER REFERENCES person(id);"
	"ALTER TABLE minutes ADD COLUMN approved_on TEXT;"
	"DROP TRIGGER minutes_frozen;"
	"CREATE TRIGGER minutes_frozen"
	"  BEFORE UPDATE OF meeting_id, text, state, drafted_on, signed_by, signed_on ON minutes"
	"  WHEN OLD.state = 'signed'"
	"  BEGIN SELECT RAISE(ABORT, 'signed minutes are frozen: add an amendment'); END;"
	"CREATE TRIGGER minutes_approval_frozen"
	"  BEFORE UPDATE OF approved_by, approved_on ON minutes WHEN OLD.approved_by IS NOT NULL"
	"  BEGIN SELECT RAISE(ABORT, 'an approval of minutes is not changed'); END;",

	/* 11: leaders' trips out of the region (请销假: ili 40, kizilsu 58, yiwu 53, changji 40,
	 * wuqia 61), with to whom each was reported (src/core/trips.h). */
	"CREATE TABLE trip ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  from_date TEXT NOT NULL,"
	"  to_date TEXT NOT NULL,"
	"  reported_to TEXT NOT NULL"
	");"
	"CREATE INDEX trip_dates ON trip(from_date, to_date);",

	/* 12: people no longer serving (离任): kept for the history, left out of new work. */
	"ALTER TABLE person ADD COLUMN left_on TEXT;",

	/* 13: the office's own target for signing minutes, in working days after the meeting
	 * (src/core/office.h). No document sets one: NULL (off) by default, as a sealed table's new
	 * column must be, and never cited to an article. */
	"ALTER TABLE government ADD COLUMN minutes_target_days INTEGER"
	"  CHECK (minutes_target_days IS NULL OR minutes_target_days BETWEEN 1 AND 60);",

	/* 14: a trip that did not happen is cancelled, not deleted (kept, as a cancelled meeting
	 * or a rejected leave request is), and the approval some articles ask for besides the
	 * report (changji 40: 报请市委批准). Both NULL by default, so every seal holds. */
	"ALTER TABLE trip ADD COLUMN cancelled_on TEXT;"
	"ALTER TABLE trip ADD COLUMN approved_by TEXT;",
};
#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int hw_store_schema_version(void)
{
	return MIGRATION_COUNT;
}

const char *hw_store_migration_sql(int version)
{
	return version >= 1 && version <= MIGRATION_COUNT ? migrations[version - 1] : NULL;
}

int hw_store_fail(hw_store *store, const char *what, hw_error *error)
{
	return hw_error_set(error, "%s: %s", what, sqlite3_errmsg(store->db));
}

static bool is_cached(const hw_store *store, const sqlite3_stmt *statement)
{
	for (int i = 0; i < CACHED_STATEMENTS; i++)
		if (store->cache[i].statement == statement)
			return true;
	return false;
}

int hw_store_finish(hw_store *store, sqlite3_stmt *statement, int last, const char *what,
		    hw_error *error)
{
	bool failed = last != SQLITE_ROW && last != SQLITE_DONE;
	/* The message now: finalizing may leave another one behind. Translated only here: a
	 * read that succeeds (nearly all of them, several per meeting in an export) costs no
	 * gettext lookup. */
	if (failed)
		hw_store_fail(store, _(what), error);
	int ended = is_cached(store, statement) ? sqlite3_reset(statement) : sqlite3_finalize(statement);
	if (!failed && ended != SQLITE_OK) {
		failed = true;
		hw_store_fail(store, _(what), error);
	}
	return failed ? -1 : 0;
}

sqlite3_stmt *hw_store_prepare(hw_store *store, const char *sql)
{
	sqlite3_stmt *statement = NULL;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK) {
		sqlite3_finalize(statement);
		return NULL;
	}
	return statement;
}

int hw_store_run(hw_store *store, sqlite3_stmt *statement, const char *what, hw_error *error)
{
	if (statement == NULL)
		return hw_store_fail(store, what, error);
	int last = sqlite3_step(statement);
	int result = last == SQLITE_DONE ? 0 : hw_store_fail(store, what, error);
	sqlite3_finalize(statement);
	return result;
}

static int exec(hw_store *store, const char *sql, hw_error *error)
{
	char *message = NULL;
	if (sqlite3_exec(store->db, sql, NULL, NULL, &message) != SQLITE_OK) {
		hw_error_set(error, _("database %s: %s"), store->path,
			     message ? message : sqlite3_errmsg(store->db));
		sqlite3_free(message);
		return -1;
	}
	return 0;
}

static int query_int(hw_store *store, const char *sql, int *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db, sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_error_set(error, _("database %s: %s"), store->path, sqlite3_errmsg(store->db));
	int rc = sqlite3_step(statement);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(statement, 0);
	sqlite3_finalize(statement);
	if (rc != SQLITE_ROW)
		return hw_error_set(error, _("database %s: %s"), store->path, sqlite3_errmsg(store->db));
	return 0;
}

int hw_store_begin(hw_store *store, hw_error *error)
{
	/* IMMEDIATE takes the write lock now, so a busy database fails before any work. */
	return exec(store, store->read_only ? "BEGIN" : "BEGIN IMMEDIATE", error);
}

int hw_store_commit(hw_store *store, hw_error *error)
{
	return exec(store, "COMMIT", error);
}

void hw_store_rollback(hw_store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Refuses a database this huiwu must not touch; reads only. */
static int check_version(hw_store *store, int *version_out, hw_error *error)
{
	int version;
	if (query_int(store, "PRAGMA user_version", &version, error) != 0)
		return -1;
	if (version > MIGRATION_COUNT)
		return hw_error_set(error,
				    _("%s was written by a newer huiwu (schema version %d; this huiwu "
				      "knows up to %d): open it with that version; it has not been "
				      "changed"),
				    store->path, version, MIGRATION_COUNT);
	int application_id;
	if (query_int(store, "PRAGMA application_id", &application_id, error) != 0)
		return -1;
	if (application_id != 0 && application_id != HUIWU_APPLICATION_ID)
		return hw_error_set(error, _("%s is an SQLite database of another program, not huiwu's"),
				    store->path);
	if (application_id == 0 && version == 0) {
		int tables;
		if (query_int(store, "SELECT count(*) FROM sqlite_schema", &tables, error) != 0)
			return -1;
		if (tables > 0)
			return hw_error_set(error,
					    _("%s is an SQLite database of another program, not huiwu's"),
					    store->path);
	}
	*version_out = version;
	return 0;
}

static int migrate(hw_store *store, int version, hw_error *error)
{
	if (store->read_only) {
		if (version < MIGRATION_COUNT)
			return hw_error_set(error,
					    _("%s has schema version %d and needs upgrading to %d: open it "
					      "once without --read-only"),
					    store->path, version, MIGRATION_COUNT);
		return 0;
	}
	for (int next = version + 1; next <= MIGRATION_COUNT; next++) {
		char set_version[96];
		snprintf(set_version, sizeof set_version,
			 "PRAGMA user_version = %d; PRAGMA application_id = %d;", next,
			 HUIWU_APPLICATION_ID);
		if (hw_store_begin(store, error) != 0)
			return -1;
		if (exec(store, migrations[next - 1], error) != 0 ||
		    exec(store, set_version, error) != 0 || hw_store_commit(store, error) != 0) {
			hw_store_rollback(store);
			return -1;
		}
	}
	return 0;
}

hw_store *hw_store_open(const char *path, hw_open_mode mode, hw_error *error)
{
	struct stat status;
	bool exists = stat(path, &status) == 0;
	if (!exists && mode != HW_OPEN_OR_CREATE) {
		hw_error_set(error,
			     _("no database at %s: create one with 'huiwu init --gov KEY' (see "
			       "'huiwu govs')"),
			     path);
		return NULL;
	}
	if (exists && !S_ISREG(status.st_mode)) {
		hw_error_set(error, _("%s is not a file"), path);
		return NULL;
	}
	if (!exists && hw_make_parent_dirs(path, error) != 0)
		return NULL;
	if (!exists) {
		/* Created here rather than by SQLite (0644): the database is private (see
		 * hw_new_file_mode), and SQLite gives its -wal and -shm the database's mode. */
		int descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
				      hw_new_file_mode(true));
		if (descriptor < 0 && errno != EEXIST) {
			hw_error_set(error, _("cannot create the database %s: %s"), path,
				     strerror(errno));
			return NULL;
		}
		if (descriptor >= 0)
			close(descriptor);
	}

	hw_store *store = calloc(1, sizeof *store);
	if (store == NULL || (store->path = strdup(path)) == NULL) {
		free(store);
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	store->read_only = mode == HW_OPEN_READ_ONLY;
	int flags = store->read_only ? SQLITE_OPEN_READONLY
				     : SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
	if (sqlite3_open_v2(path, &store->db, flags, NULL) != SQLITE_OK) {
		hw_error_set(error, _("cannot open the database %s: %s"), path,
			     store->db ? sqlite3_errmsg(store->db) : _("out of memory"));
		hw_store_close(store);
		return NULL;
	}
	sqlite3_extended_result_codes(store->db, 1);
	sqlite3_busy_timeout(store->db, 5000);
	/* WAL changes the file's header, so it is set only once the version check has passed. */
	int version = 0;
	if (exec(store, "PRAGMA foreign_keys = ON;", error) != 0 ||
	    check_version(store, &version, error) != 0 ||
	    (!store->read_only && exec(store, "PRAGMA journal_mode = WAL;", error) != 0) ||
	    migrate(store, version, error) != 0 ||
	    (!store->read_only && hw_seal_watch(store->db, error) != 0)) {
		if (sqlite3_errcode(store->db) == SQLITE_NOTADB)
			hw_error_set(error, _("%s is not a huiwu database (not an SQLite file)"), path);
		hw_store_close(store);
		if (!exists)
			remove(path);
		return NULL;
	}
	return store;
}

sqlite3_stmt *hw_store_cached(hw_store *store, const char *sql, hw_error *error)
{
	int free_slot = -1;
	for (int i = 0; i < CACHED_STATEMENTS; i++) {
		if (store->cache[i].sql == sql) {
			sqlite3_reset(store->cache[i].statement);
			sqlite3_clear_bindings(store->cache[i].statement);
			return store->cache[i].statement;
		}
		if (store->cache[i].sql == NULL && free_slot < 0)
			free_slot = i;
	}
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL) !=
	    SQLITE_OK) {
		hw_store_fail(store, store->path, error);
		return NULL;
	}
	if (free_slot < 0) {
		/* A statement in the cache may be in use up the stack: none is ever evicted. The
		 * cache holds the few queries of long loops; more is a mistake in the code. */
		sqlite3_finalize(statement);
		hw_error_set(error, "%s: too many kept statements (raise CACHED_STATEMENTS)", store->path);
		return NULL;
	}
	store->cache[free_slot].sql = sql;
	store->cache[free_slot].statement = statement;
	return statement;
}

void hw_store_close(hw_store *store)
{
	if (store == NULL)
		return;
	for (int i = 0; i < CACHED_STATEMENTS; i++)
		sqlite3_finalize(store->cache[i].statement);
	sqlite3_close(store->db);
	free(store->path);
	free(store);
}

long long hw_store_data_version(hw_store *store)
{
	sqlite3_stmt *statement;
	long long version = -1;
	if (sqlite3_prepare_v2(store->db, "PRAGMA data_version", -1, &statement, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(statement) == SQLITE_ROW)
		version = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return version;
}

sqlite3 *hw_store_db(hw_store *store)
{
	return store->db;
}

const char *hw_store_path(const hw_store *store)
{
	return store->path;
}

int hw_store_set_government(hw_store *store, const hw_rules *rules, hw_error *error)
{
	if (hw_store_begin(store, error) != 0)
		return -1;
	sqlite3_stmt *statement = NULL;
	int result = -1;
	if (sqlite3_prepare_v2(store->db, "SELECT rules_key FROM government WHERE id = 1", -1,
			       &statement, NULL) != SQLITE_OK) {
		hw_store_fail(store, store->path, error);
		goto done;
	}
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW) {
		hw_error_set(error, _("%s is already set up for '%s'; nothing was changed"), store->path,
			     (const char *)sqlite3_column_text(statement, 0));
		goto done;
	}
	int read = hw_store_finish(store, statement, last, store->path, error);
	statement = NULL;
	if (read != 0)
		goto done;
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	if (sqlite3_prepare_v2(store->db,
			       "INSERT INTO government (id, rules_key, name, document, created_at)"
			       " VALUES (1, ?1, ?2, ?3, ?4)",
			       -1, &statement, NULL) != SQLITE_OK) {
		hw_store_fail(store, store->path, error);
		goto done;
	}
	sqlite3_bind_text(statement, 1, rules->government[HW_GOV_KEY], -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, rules->government[HW_GOV_NAME], -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, rules->government[HW_GOV_DOCUMENT], -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(statement) != SQLITE_DONE) {
		hw_store_fail(store, store->path, error);
		goto done;
	}
	result = hw_store_commit(store, error);
done:
	sqlite3_finalize(statement);
	if (result != 0)
		hw_store_rollback(store);
	return result;
}

int hw_store_government_key(hw_store *store, char *out, size_t size, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(store->db, "SELECT rules_key FROM government WHERE id = 1", -1,
			       &statement, NULL) != SQLITE_OK)
		return hw_store_fail(store, store->path, error);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(statement, 0));
	if (hw_store_finish(store, statement, last, store->path, error) != 0)
		return -1;
	if (last != SQLITE_ROW)
		return hw_error_set(error,
				    _("%s is not set up for a government yet: run 'huiwu init --gov "
				      "KEY'"),
				    store->path);
	return 0;
}

void hw_column_text(sqlite3_stmt *statement, int column, char *out, size_t size)
{
	/* As snprintf("%s") would, without its formatting (a tenth of an export's time). */
	const unsigned char *text = sqlite3_column_text(statement, column);
	if (size == 0)
		return;
	size_t length = text ? strnlen((const char *)text, size - 1) : 0;
	memcpy(out, text ? (const char *)text : "", length);
	out[length] = '\0';
}

bool hw_column_date(sqlite3_stmt *statement, int column, int *out)
{
	const char *text = (const char *)sqlite3_column_text(statement, column);
	return text != NULL && hw_date_parse(text, out);
}

void hw_bind_date(sqlite3_stmt *statement, int index, int date)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	sqlite3_bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}

void hw_timestamp_now(char out[HW_TIMESTAMP_SIZE])
{
	time_t now = time(NULL);
	struct tm utc;
	gmtime_r(&now, &utc);
	strftime(out, HW_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &utc);
}
