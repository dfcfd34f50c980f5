/* The SQLite store: one database per government office. Opening applies the forward
 * migrations; a database written by a newer huiwu is refused, never touched. */
#ifndef HW_STORE_H
#define HW_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "hw_error.h"
#include "rules.h"

typedef struct hw_store hw_store;

/* The schema version this build writes (PRAGMA user_version). */
int hw_store_schema_version(void);
/* The SQL that takes a database from version-1 to `version` (1 … hw_store_schema_version()),
 * for the tests that build databases of every earlier version. */
const char *hw_store_migration_sql(int version);

typedef enum hw_open_mode {
	HW_OPEN_EXISTING,  /* the database must exist */
	HW_OPEN_OR_CREATE, /* create the file (and its folders) if missing */
	HW_OPEN_READ_ONLY, /* must exist; no writes, no migration */
} hw_open_mode;

hw_store *hw_store_open(const char *path, hw_open_mode mode, hw_error *error);
void hw_store_close(hw_store *store);
sqlite3 *hw_store_db(hw_store *store);

/* A number that changes when another connection (another clerk, a script) has committed a
 * change to the database since the last call would have seen it (PRAGMA data_version); -1 on
 * error. A front end that stays open polls it to show others' changes. */
long long hw_store_data_version(hw_store *store);
const char *hw_store_path(const hw_store *store);

/* One user action is one transaction: begin, then commit or roll back. */
int hw_store_begin(hw_store *store, hw_error *error);
int hw_store_commit(hw_store *store, hw_error *error);
void hw_store_rollback(hw_store *store);

/* Records which government's rules this database follows; refuses if it has one already. */
int hw_store_set_government(hw_store *store, const hw_rules *rules, hw_error *error);
/* The rule-set key the database follows; an error if the database was never initialised. */
int hw_store_government_key(hw_store *store, char *out, size_t size, hw_error *error);

/* A prepared statement kept for the connection's life, for queries run once per meeting in
 * long loops (export, the agenda). `sql` must be a string literal: it is the cache's key by
 * address. The statement comes reset with no bindings; the caller resets it when done
 * (sqlite3_reset), never finalizes it. One statement serves one loop at a time: a visit
 * callback of a function that uses one must not call that same function. Returns NULL with
 * `error` on failure. */
sqlite3_stmt *hw_store_cached(hw_store *store, const char *sql, hw_error *error);

/* Now, as the store records change times: "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
#define HW_TIMESTAMP_SIZE 32
void hw_timestamp_now(char out[HW_TIMESTAMP_SIZE]);

/* Column helpers: copy text ("" for NULL); parse a date column (false for NULL or bad). */
void hw_column_text(sqlite3_stmt *statement, int column, char *out, size_t size);
bool hw_column_date(sqlite3_stmt *statement, int column, int *out);
/* Binds a date as 'YYYY-MM-DD'. */
void hw_bind_date(sqlite3_stmt *statement, int index, int date);

/* Sets `error` from the connection's last failure, prefixed by `what`, and returns -1. */
int hw_store_fail(hw_store *store, const char *what, hw_error *error);

/* Ends a read, since a read is over only when its statement says so. `last` is what the last
 * sqlite3_step returned: SQLITE_DONE when the rows ran out, SQLITE_ROW when the caller stopped
 * on purpose (a lookup, a visitor that said stop); anything else is a failed step. Finalizes
 * the statement, or resets it when it is one of hw_store_cached's, and reads what that
 * returns too. Returns 0, or -1 with `error` ("`what`: SQLite's message"). `what` is marked
 * N_() and translated only when a read fails. */
int hw_store_finish(hw_store *store, sqlite3_stmt *statement, int last, const char *what,
		    hw_error *error);

/* A statement for hw_store_run: NULL when it cannot be prepared, which hw_store_run then
 * reports (sqlite3_bind_* on NULL only returns SQLITE_MISUSE, so binding needs no check). */
sqlite3_stmt *hw_store_prepare(hw_store *store, const char *sql);
/* Runs one statement that returns no rows (INSERT, UPDATE, DELETE) to its end and finalizes
 * it, also when it fails; NULL is a statement that could not be prepared. Returns 0, or -1
 * with `error` ("`what`: SQLite's message"); sqlite3_extended_errcode then says why, e.g.
 * SQLITE_CONSTRAINT_UNIQUE for a key that is taken. */
int hw_store_run(hw_store *store, sqlite3_stmt *statement, const char *what, hw_error *error);

#endif
