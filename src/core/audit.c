#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest.h"
#include "i18n.h"
#include "seal.h"
#include "text.h"

static void drop_snapshot(hw_session *session)
{
	json_decref(session->snapshot);
	session->snapshot = NULL;
}

int hw_action_begin(hw_session *session, hw_error *error)
{
	if (session->read_only)
		return hw_error_set(error, "%s",
				    _("the database is open read-only: nothing can be changed"));
	drop_snapshot(session);
	return hw_store_begin(session->store, error);
}

int hw_action_commit(hw_session *session, hw_error *error)
{
	drop_snapshot(session);
	if (hw_store_commit(session->store, error) != 0) {
		hw_store_rollback(session->store);
		return -1;
	}
	return 0;
}

void hw_action_abort(hw_session *session)
{
	drop_snapshot(session);
	hw_store_rollback(session->store);
}

/* The row as JSON into *out (NULL when there is none): 0, or -1 with `error`. */
static int row_json(hw_session *session, const char *table, int64_t id, json_t **out,
		    hw_error *error)
{
	*out = NULL;
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE %s = ?1", table,
				    strcmp(table, "minutes") == 0 ? "meeting_id" : "id");
	sqlite3_stmt *statement = NULL;
	if (sql == NULL ||
	    sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return hw_store_fail(session->store, _("cannot write the audit log"), error);
	}
	sqlite3_free(sql);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW) {
		json_t *row = json_object();
		for (int column = 0; row && column < sqlite3_column_count(statement); column++) {
			const char *name = sqlite3_column_name(statement, column);
			switch (sqlite3_column_type(statement, column)) {
			case SQLITE_INTEGER:
				json_object_set_new(row, name,
						    json_integer(sqlite3_column_int64(statement, column)));
				break;
			case SQLITE_NULL: json_object_set_new(row, name, json_null()); break;
			default:
				/* Repaired, not left out, where an older version stored bad bytes;
				 * out of memory, no row rather than a row without the field. */
				if (json_object_set_new(row, name,
							hw_json_text((const char *)sqlite3_column_text(
								statement, column))) != 0) {
					json_decref(row);
					row = NULL;
				}
			}
		}
		*out = row;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot write the audit log"),
			    error) != 0) {
		json_decref(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

json_t *hw_row_json(hw_session *session, const char *table, int64_t id)
{
	json_t *row;
	return row_json(session, table, id, &row, NULL) == 0 ? row : NULL;
}

int hw_action_snapshot(hw_session *session, const char *table, int64_t id, hw_error *error)
{
	drop_snapshot(session);
	if (row_json(session, table, id, &session->snapshot, error) != 0)
		return -1;
	if (session->snapshot == NULL)
		return hw_error_set(error, _("cannot write the audit log: there is no %s #%lld"), table,
				    (long long)id);
	return 0;
}

int hw_action_commit_change(hw_session *session, const char *action, const char *entity,
			    int64_t entity_id, int64_t meeting_id, hw_error *error)
{
	json_t *before = session->snapshot, *after;
	session->snapshot = NULL; /* hw_audit_record takes it */
	if (row_json(session, entity, entity_id, &after, error) != 0) {
		json_decref(before);
		hw_action_abort(session);
		return -1;
	}
	if (hw_audit_record(session, action, entity, entity_id, meeting_id, before, after, error) !=
	    0) {
		hw_action_abort(session);
		return -1;
	}
	return hw_action_commit(session, error);
}

/* The hash of an entry: SHA-256 of a compact JSON array of all its fields, the previous
 * entry's hash first; for a sealed entry (`key` not NULL), HMAC-SHA256 under the audit key of
 * the same array followed by the key's id and the state of the rows. */
static void entry_hash(const hw_audit_key *key, const char *state, const char *previous,
		       const char *at, const char *who, const char *action, const char *entity,
		       int64_t entity_id, int64_t meeting_id, const char *before, const char *after,
		       const char *rules_hash, char out[HW_DIGEST_HEX_SIZE])
{
	json_t *fields = json_pack("[s,s,s,s,s,I,I,s?,s?,s]", previous, at, who, action, entity,
				   (json_int_t)entity_id, (json_int_t)meeting_id, before, after,
				   rules_hash);
	if (key != NULL) {
		json_array_append_new(fields, json_string(key->id));
		json_array_append_new(fields, json_string(state));
	}
	char *text = json_dumps(fields, JSON_COMPACT);
	if (key != NULL)
		hw_audit_key_mac(key, text, strlen(text), out);
	else
		hw_sha256_hex(text, strlen(text), out);
	free(text);
	json_decref(fields);
}

/* The key to seal the next entry with: the one the log is sealed with (`log_key_id`), or, for a
 * log with no sealed entry yet (NULL), the user's, made now if there is none. */
static int key_for_log(const char *log_key_id, hw_audit_key *key, hw_error *error)
{
	if (log_key_id == NULL)
		return hw_audit_key_ensure(key, error);
	int loaded = hw_audit_key_load(key, error);
	if (loaded < 0)
		return -1;
	if (loaded == 0)
		return hw_error_set(error,
				    _("the audit key %s is missing, and this database's log is sealed with "
				      "key %s: put that key back (see AUDIT LOG in huiwu(1))"),
				    key->path, log_key_id);
	if (strcmp(key->id, log_key_id) != 0)
		return hw_error_set(error,
				    _("the audit key %s (key %s) is not the key this database's log is "
				      "sealed with (key %s): use that key (see AUDIT LOG in huiwu(1))"),
				    key->path, key->id, log_key_id);
	return 0;
}

int hw_audit_record(hw_session *session, const char *action, const char *entity, int64_t entity_id,
		    int64_t meeting_id, json_t *before, json_t *after, hw_error *error)
{
	sqlite3 *db = hw_store_db(session->store);
	char *before_text = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *after_text = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(before);
	json_decref(after);
	char previous[HW_DIGEST_HEX_SIZE] = "", state[HW_DIGEST_HEX_SIZE] = "";
	char log_key_id[HW_AUDIT_KEY_ID_SIZE] = "";
	sqlite3_stmt *statement = NULL;
	int result = -1;
	bool reported = false; /* `error` says what went wrong already */
	if (sqlite3_prepare_v2(db, "SELECT hash, key_id, state FROM audit ORDER BY id DESC LIMIT 1",
			       -1, &statement, NULL) != SQLITE_OK)
		goto done;
	if (sqlite3_step(statement) == SQLITE_ROW) {
		hw_column_text(statement, 0, previous, sizeof previous);
		hw_column_text(statement, 1, log_key_id, sizeof log_key_id);
		hw_column_text(statement, 2, state, sizeof state);
	}
	sqlite3_finalize(statement);
	statement = NULL;

	/* Every entry from the first sealed one on is sealed with the same key, and brings the
	 * row seals up to date; the first one seals the rows as they are. */
	hw_audit_key key;
	bool sealed_log = log_key_id[0] != '\0';
	if (key_for_log(sealed_log ? log_key_id : NULL, &key, error) != 0 ||
	    hw_seal_update(db, &key, !sealed_log, previous, state, error) != 0) {
		reported = true;
		goto done;
	}
	char at[HW_TIMESTAMP_SIZE], hash[HW_DIGEST_HEX_SIZE];
	hw_timestamp_now(at);
	entry_hash(&key, state, previous, at, session->user, action, entity, entity_id, meeting_id,
		   before_text, after_text, session->rules->file_hash, hash);
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO audit (at, who, action, entity, entity_id, meeting_id, before,"
			       " after, rules_hash, previous_hash, hash, key_id, state)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
			       -1, &statement, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(statement, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, session->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, entity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 5, entity_id);
	if (meeting_id > 0)
		sqlite3_bind_int64(statement, 6, meeting_id);
	sqlite3_bind_text(statement, 7, before_text, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 8, after_text, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 9, session->rules->file_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 10, previous, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 11, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 12, key.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 13, state, -1, SQLITE_STATIC);
	if (sqlite3_step(statement) == SQLITE_DONE)
		result = 0;
done:
	if (result != 0 && !reported)
		hw_store_fail(session->store, _("cannot write the audit log"), error);
	sqlite3_finalize(statement);
	free(before_text);
	free(after_text);
	return result;
}

static void copy_text(char *out, size_t size, sqlite3_stmt *statement, int column)
{
	const unsigned char *text = sqlite3_column_text(statement, column);
	snprintf(out, size, "%s", text ? (const char *)text : "");
}

static char *dup_text(sqlite3_stmt *statement, int column)
{
	const unsigned char *text = sqlite3_column_text(statement, column);
	return text ? strdup((const char *)text) : NULL;
}

int hw_audit_list(hw_session *session, int64_t meeting_id,
		  int (*visit)(const hw_audit_entry *entry, void *user), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	const char *sql = meeting_id > 0
		? "SELECT id, at, who, action, entity, entity_id, meeting_id, before, after, rules_hash"
		  " FROM audit WHERE meeting_id = ?1 ORDER BY id"
		: "SELECT id, at, who, action, entity, entity_id, meeting_id, before, after, rules_hash"
		  " FROM audit ORDER BY id";
	if (sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	if (meeting_id > 0)
		sqlite3_bind_int64(statement, 1, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_audit_entry entry = {.id = sqlite3_column_int64(statement, 0)};
		copy_text(entry.at, sizeof entry.at, statement, 1);
		copy_text(entry.who, sizeof entry.who, statement, 2);
		copy_text(entry.action, sizeof entry.action, statement, 3);
		copy_text(entry.entity, sizeof entry.entity, statement, 4);
		entry.entity_id = sqlite3_column_int64(statement, 5);
		entry.meeting_id = sqlite3_column_int64(statement, 6);
		entry.before = dup_text(statement, 7);
		entry.after = dup_text(statement, 8);
		copy_text(entry.rules_hash, sizeof entry.rules_hash, statement, 9);
		status = visit(&entry, user);
		free(entry.before);
		free(entry.after);
		if (status != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the audit log"), error) != 0)
		return -1;
	return status;
}

/* Recomputes the chain: unsealed entries (written before schema version 4) with SHA-256,
 * sealed ones with the audit key, loaded at the first of them. Fills what `check` says about
 * the chain. */
static int verify_chain(hw_session *session, hw_audit_check *check, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT id, at, who, action, entity, entity_id, meeting_id, before, after,"
			       " rules_hash, previous_hash, hash, key_id, state FROM audit ORDER BY id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	char previous[HW_DIGEST_HEX_SIZE] = "";
	hw_audit_key key;
	bool have_key = false;
	int result = 0;
	while (sqlite3_step(statement) == SQLITE_ROW) {
		check->entries++;
		const char *text[14];
		for (int column = 0; column < 14; column++)
			text[column] = (const char *)sqlite3_column_text(statement, column);
		int64_t id = sqlite3_column_int64(statement, 0);
		bool sealed = text[12] != NULL;
		if (sealed && !have_key) {
			int loaded = hw_audit_key_load(&key, error);
			if (loaded < 0) {
				result = -1;
				break;
			}
			if (loaded == 0) {
				result = hw_error_set(error,
						      _("cannot check the audit log from entry #%lld on: it is "
							"sealed with key %s, and the audit key %s is missing"),
						      (long long)id, text[12], key.path);
				break;
			}
			have_key = true;
			snprintf(check->key_id, sizeof check->key_id, "%s", key.id);
		}
		if (sealed && strcmp(text[12], key.id) != 0) {
			result = hw_error_set(error,
					      _("entry #%lld of the audit log is sealed with key %s, not with "
						"the audit key %s (key %s): check it with that key, or it was "
						"forged"),
					      (long long)id, text[12], key.path, key.id);
			break;
		}
		char expected[HW_DIGEST_HEX_SIZE];
		entry_hash(sealed ? &key : NULL, text[13] ? text[13] : "", previous,
			   text[1] ? text[1] : "", text[2] ? text[2] : "", text[3] ? text[3] : "",
			   text[4] ? text[4] : "", sqlite3_column_int64(statement, 5),
			   sqlite3_column_int64(statement, 6), text[7], text[8], text[9] ? text[9] : "",
			   expected);
		bool linked = text[10] != NULL && strcmp(text[10], previous) == 0;
		bool intact = text[11] != NULL && strcmp(text[11], expected) == 0;
		/* Once sealed, always sealed: an unsealed entry after a sealed one is forged. */
		bool in_order = sealed || check->sealed == 0;
		if (!linked || !intact || !in_order) {
			check->first_bad = id;
			break;
		}
		if (sealed)
			check->sealed++;
		snprintf(previous, sizeof previous, "%s", text[11]);
		check->head_id = id;
		snprintf(check->head_hash, sizeof check->head_hash, "%s", text[11]);
		snprintf(check->state, sizeof check->state, "%s", sealed && text[13] ? text[13] : "");
	}
	sqlite3_finalize(statement);
	return result;
}

int hw_audit_verify(hw_session *session, int64_t *first_bad, int64_t *entries, hw_error *error)
{
	hw_audit_check check = {0};
	int result = verify_chain(session, &check, error);
	*first_bad = check.first_bad;
	*entries = check.entries;
	return result;
}

int hw_audit_check_all(hw_session *session, hw_seal_visit visit, void *user,
		       hw_audit_check *check, hw_error *error)
{
	memset(check, 0, sizeof *check);
	check->rows = -1;
	/* One snapshot for the log and the rows: a clerk's change committed while they are read
	 * would otherwise look like a row changed behind the log's back. */
	sqlite3 *db = hw_store_db(session->store);
	bool own_snapshot = sqlite3_get_autocommit(db) != 0;
	if (own_snapshot && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	int result = verify_chain(session, check, error);
	if (result == 0 && check->first_bad == 0 && check->sealed > 0) {
		hw_audit_key key;
		if (hw_audit_key_load(&key, error) != 1)
			result = hw_error_set(error, "%s",
					      _("the audit key vanished while the log was checked"));
		else
			result = hw_seal_check(db, &key, check->state, visit, user, &check->rows,
					       &check->row_problems, &check->state_holds, error);
	}
	if (own_snapshot)
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return result;
}

int hw_audit_head(hw_session *session, const char *action, int64_t meeting_id,
		  char out[HW_AUDIT_HEAD_SIZE], hw_error *error)
{
	sqlite3_stmt *statement;
	const char *sql = action != NULL
		? "SELECT id, hash FROM audit WHERE action = ?1 AND meeting_id = ?2"
		  " ORDER BY id DESC LIMIT 1"
		: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
	if (sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	if (action != NULL) {
		sqlite3_bind_text(statement, 1, action, -1, SQLITE_STATIC);
		sqlite3_bind_int64(statement, 2, meeting_id);
	}
	int found = 0;
	out[0] = '\0';
	if (sqlite3_step(statement) == SQLITE_ROW) {
		const char *hash = (const char *)sqlite3_column_text(statement, 1);
		snprintf(out, HW_AUDIT_HEAD_SIZE, "%lld:%s",
			 (long long)sqlite3_column_int64(statement, 0), hash ? hash : "");
		found = 1;
	}
	if (sqlite3_finalize(statement) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	return found;
}

int hw_audit_head_check(hw_session *session, const char *head, hw_error *error)
{
	/* "ID:HASH", the hash whole or its first 16 hex digits or more. */
	char *end;
	long long id = strtoll(head, &end, 10);
	size_t digits = *end == ':' ? strspn(end + 1, "0123456789abcdef") : 0;
	if (id <= 0 || *end != ':' || digits < 16 || digits > 64 || end[1 + digits] != '\0')
		return hw_error_set(error,
				    _("'%s' is not a head of the audit log: say it as 'huiwu log --head' "
				      "printed it (ENTRY:HASH)"),
				    head);
	const char *prefix = end + 1;
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store), "SELECT hash FROM audit WHERE id = ?1",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	sqlite3_bind_int64(statement, 1, id);
	int result = 0;
	if (sqlite3_step(statement) != SQLITE_ROW)
		result = hw_error_set(error,
				      _("the audit log has no entry #%lld, which the head %s names: "
					"entries were removed from its end"),
				      id, head);
	else if (strncmp((const char *)sqlite3_column_text(statement, 0), prefix, digits) != 0)
		result = hw_error_set(error,
				      _("entry #%lld of the audit log is not the one the head %s names: "
					"the log was rewritten"),
				      id, head);
	sqlite3_finalize(statement);
	return result;
}
