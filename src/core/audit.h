/* The append-only audit log. Every change a user makes is one entry: who, when, what, the
 * row before and after (JSON), and the hash of the rule file it was checked against. Each
 * entry's hash covers the previous entry's hash, so any edit to the log breaks the chain.
 * Since schema version 4 entries are sealed with a key kept outside the database, and tie the
 * live rows to the log (src/core/seal.h). */
#ifndef HW_AUDIT_H
#define HW_AUDIT_H

#include <jansson.h>
#include <stdint.h>

#include "seal.h"
#include "session.h"

/* One user action is one transaction: begin, check, snapshot, write, commit. A read-only
 * session is refused here, before anything is done. */
int hw_action_begin(hw_session *session, hw_error *error);
/* Keeps the row of `table` whose key is `id` (see hw_row_json) as it is before the change:
 * the audit entry's `before`. The action owns the snapshot: hw_action_commit_change records
 * it; hw_action_commit and hw_action_abort free it. Returns 0, or -1 with `error` when the
 * row cannot be read or is not there. */
int hw_action_snapshot(hw_session *session, const char *table, int64_t id, hw_error *error);
/* Ends the action: records the entry (`before` the snapshot, none for an addition; `after`
 * the row of table `entity` whose key is `entity_id`, as it is now) and commits. On failure
 * everything is rolled back and -1 returned with `error`. */
int hw_action_commit_change(hw_session *session, const char *action, const char *entity,
			    int64_t entity_id, int64_t meeting_id, hw_error *error);
/* Commits an action that recorded its entries itself (hw_audit_record); rolls back on
 * failure. */
int hw_action_commit(hw_session *session, hw_error *error);
/* Rolls the action back and frees its snapshot; for every error path. */
void hw_action_abort(hw_session *session);

/* The row of `table` whose `id` column is `id`, as a JSON object (NULL if there is none, or
 * out of memory); text that is not valid UTF-8 is repaired with U+FFFD (hw_json_text).
 * `table` is one of the schema's table names, never user input. */
json_t *hw_row_json(hw_session *session, const char *table, int64_t id);

/* Appends an entry; takes ownership of `before` and `after` (either may be NULL). */
int hw_audit_record(hw_session *session, const char *action, const char *entity, int64_t entity_id,
		    int64_t meeting_id, json_t *before, json_t *after, hw_error *error);

typedef struct hw_audit_entry {
	int64_t id;
	char at[32];
	char who[128];
	char action[64];
	char entity[32];
	int64_t entity_id;
	int64_t meeting_id; /* 0: none */
	char *before;       /* JSON text or NULL */
	char *after;
	char rules_hash[65];
} hw_audit_entry;

/* Calls `visit` for each entry in order (all, or those of one meeting when meeting_id > 0).
 * Like every list function's visitor, `visit` returns 0 to go on; any other value stops the
 * walk and is returned (a visitor that fails fills the caller's error itself). */
int hw_audit_list(hw_session *session, int64_t meeting_id,
		  int (*visit)(const hw_audit_entry *entry, void *user), void *user, hw_error *error);

/* Recomputes the chain. Returns 0 with *first_bad = 0 when it holds, else the id of the first
 * entry whose hash or link does not match. */
int hw_audit_verify(hw_session *session, int64_t *first_bad, int64_t *entries, hw_error *error);

typedef struct hw_audit_check {
	int64_t entries;
	int64_t sealed;    /* of them, sealed with the audit key */
	int64_t first_bad; /* 0: the chain holds */
	char key_id[HW_AUDIT_KEY_ID_SIZE];
	int64_t head_id; /* the last entry checked */
	char head_hash[HW_DIGEST_HEX_SIZE];
	char state[HW_DIGEST_HEX_SIZE]; /* its state of the rows ("" if unsealed) */
	int64_t rows;         /* live rows compared with their seals; -1: none sealed yet */
	int64_t row_problems; /* rows changed, added or deleted behind the log's back */
	bool state_holds;     /* the seals add up to the last entry's state */
} hw_audit_check;

/* Everything verification can tell: the chain (as hw_audit_verify), then, when it holds and the
 * log has sealed entries, every live row against its seal (`visit` per row that differs) and
 * the seals against the last entry. Returns -1 with `error` when the log cannot be checked
 * (e.g. its key is missing); what is wrong with the log is in `check`, not an error. */
int hw_audit_check_all(hw_session *session, hw_seal_visit visit, void *user,
		       hw_audit_check *check, hw_error *error);

/* The head of the log, "ENTRY:HASH" (the last entry's number and hash), or with `action` the
 * head as of the last entry of that action on meeting `meeting_id` (e.g. "minutes sign").
 * Returns 1, or 0 (out = "") when there is no such entry, -1 on error. */
#define HW_AUDIT_HEAD_SIZE 96
int hw_audit_head(hw_session *session, const char *action, int64_t meeting_id,
		  char out[HW_AUDIT_HEAD_SIZE], hw_error *error);
/* Checks that the log still holds the entry a head names, with that hash (a prefix of at least
 * 16 hex digits will do). Returns 0 if so, -1 with `error` saying what differs. */
int hw_audit_head_check(hw_session *session, const char *head, hw_error *error);

#endif
