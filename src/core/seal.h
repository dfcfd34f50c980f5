/* The seal of the audit log: what ties the log to something outside the database file, and
 * the live rows to the log.
 *
 * - The audit key: 32 random bytes kept outside the database ($HUIWU_AUDIT_KEY, else
 *   $XDG_CONFIG_HOME/huiwu/audit.key, else ~/.config/huiwu/audit.key; mode 0600). Every entry
 *   written since schema version 4 carries the key's id and is chained with HMAC-SHA256 under
 *   the key, so that without the key no entry can be forged or recomputed.
 * - The row seals: for every row of every table the log speaks for (government … busy), an
 *   HMAC of its content, kept in the table audit_row as of the last entry; each entry carries
 *   the XOR of all of them and of a seal of the entry's position in the log (its "state"). A
 *   row changed, added or deleted without an entry no longer matches its seal; a seal changed
 *   without the key, or entries cut from the end of the log, no longer match the state.
 * - The head: "ID:HASH" of the last entry, to be kept outside the file (printed on signed
 *   minutes, exported with the calendar, written down by the office); comparing it later
 *   catches a log cut short or rewritten up to that entry. */
#ifndef HW_SEAL_H
#define HW_SEAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "digest.h"
#include "hw_error.h"

#define HW_AUDIT_KEY_SIZE 32
#define HW_AUDIT_KEY_ID_SIZE 17 /* 16 hex digits and the NUL */

typedef struct hw_audit_key {
	unsigned char bytes[HW_AUDIT_KEY_SIZE];
	char id[HW_AUDIT_KEY_ID_SIZE]; /* what the log records: it names the key, never reveals it */
	char path[4096];
} hw_audit_key;

/* Where the key lives (see above). */
int hw_audit_key_path(char *out, size_t size, hw_error *error);
/* Loads the key: returns 1 when loaded, 0 when there is no key file (key->path says where it
 * was looked for), -1 on error (unreadable, malformed). */
int hw_audit_key_load(hw_audit_key *key, hw_error *error);
/* Loads the key, creating it first (0600, atomically: two processes racing agree on one key)
 * when there is none. */
int hw_audit_key_ensure(hw_audit_key *key, hw_error *error);

/* HMAC-SHA256 of `data` under the key, in hex. */
void hw_audit_key_mac(const hw_audit_key *key, const void *data, size_t size,
		      char out[HW_DIGEST_HEX_SIZE]);

/* Makes this connection note every row it changes in the sealed tables (temporary triggers:
 * they live in the connection, not in the file, so a change made by another program is never
 * noted). Called when a store is opened for writing. */
int hw_seal_watch(sqlite3 *db, hw_error *error);

/* Brings the row seals up to date for an entry about to be written after the entry whose hash
 * is `previous` ("" for none): the rows this connection changed since the last entry, or every
 * row when `anchor` (the first sealed entry of a database: it takes the rows as they are).
 * `state` holds the previous entry's state ("" for none) and receives the new one. */
int hw_seal_update(sqlite3 *db, const hw_audit_key *key, bool anchor, const char *previous,
		   char state[HW_DIGEST_HEX_SIZE], hw_error *error);

/* What hw_seal_check found wrong with one row: `what` is "changed", "added" or "deleted". */
typedef void (*hw_seal_visit)(const char *table, const char *row, const char *what, void *user);

/* Compares every live row with its seal, and the seals with `state` (the last entry's).
 * Calls `visit` per row that differs; *rows receives the number of live rows, *problems the
 * number of rows that differ, *state_holds whether the seals add up to `state`. */
int hw_seal_check(sqlite3 *db, const hw_audit_key *key, const char *state, hw_seal_visit visit,
		  void *user, int64_t *rows, int64_t *problems, bool *state_holds, hw_error *error);

#endif
