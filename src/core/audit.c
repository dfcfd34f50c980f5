#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest.h"
#include "i18n.h"

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
		for (int column = 0; column < sqlite3_column_count(statement); column++) {
			const char *name = sqlite3_column_name(statement, column);
			switch (sqlite3_column_type(statement, column)) {
			case SQLITE_INTEGER:
				json_object_set_new(row, name,
						    json_integer(sqlite3_column_int64(statement, column)));
				break;
			case SQLITE_NULL: json_object_set_new(row, name, json_null()); break;
			default:
				json_object_set_new(row, name,
						    json_string((const char *)sqlite3_column_text(statement, column)));
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
 * entry's hash first. */
static void entry_hash(const char *previous, const char *at, const char *who, const char *action,
		       const char *entity, int64_t entity_id, int64_t meeting_id, const char *before,
		       const char *after, const char *rules_hash, char out[HW_DIGEST_HEX_SIZE])
{
	json_t *fields = json_pack("[s,s,s,s,s,I,I,s?,s?,s]", previous, at, who, action, entity,
				   (json_int_t)entity_id, (json_int_t)meeting_id, before, after,
				   rules_hash);
	char *text = json_dumps(fields, JSON_COMPACT);
	hw_sha256_hex(text, strlen(text), out);
	free(text);
	json_decref(fields);
}

int hw_audit_record(hw_session *session, const char *action, const char *entity, int64_t entity_id,
		    int64_t meeting_id, json_t *before, json_t *after, hw_error *error)
{
	sqlite3 *db = hw_store_db(session->store);
	char *before_text = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *after_text = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(before);
	json_decref(after);
	char previous[HW_DIGEST_HEX_SIZE] = "";
	sqlite3_stmt *statement = NULL;
	int result = -1;
	if (sqlite3_prepare_v2(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", -1, &statement,
			       NULL) != SQLITE_OK)
		goto done;
	if (sqlite3_step(statement) == SQLITE_ROW)
		snprintf(previous, sizeof previous, "%s", (const char *)sqlite3_column_text(statement, 0));
	sqlite3_finalize(statement);
	statement = NULL;

	char at[HW_TIMESTAMP_SIZE], hash[HW_DIGEST_HEX_SIZE];
	hw_timestamp_now(at);
	entry_hash(previous, at, session->user, action, entity, entity_id, meeting_id, before_text,
		   after_text, session->rules->file_hash, hash);
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO audit (at, who, action, entity, entity_id, meeting_id, before,"
			       " after, rules_hash, previous_hash, hash)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
	if (sqlite3_step(statement) == SQLITE_DONE)
		result = 0;
done:
	if (result != 0)
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

int hw_audit_verify(hw_session *session, int64_t *first_bad, int64_t *entries, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT id, at, who, action, entity, entity_id, meeting_id, before, after,"
			       " rules_hash, previous_hash, hash FROM audit ORDER BY id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the audit log"), error);
	char previous[HW_DIGEST_HEX_SIZE] = "";
	*first_bad = 0;
	*entries = 0;
	while (sqlite3_step(statement) == SQLITE_ROW) {
		(*entries)++;
		const char *text[12];
		for (int column = 0; column < 12; column++)
			text[column] = (const char *)sqlite3_column_text(statement, column);
		char expected[HW_DIGEST_HEX_SIZE];
		entry_hash(previous, text[1] ? text[1] : "", text[2] ? text[2] : "",
			   text[3] ? text[3] : "", text[4] ? text[4] : "",
			   sqlite3_column_int64(statement, 5), sqlite3_column_int64(statement, 6), text[7],
			   text[8], text[9] ? text[9] : "", expected);
		bool linked = text[10] != NULL && strcmp(text[10], previous) == 0;
		bool intact = text[11] != NULL && strcmp(text[11], expected) == 0;
		if (!linked || !intact) {
			*first_bad = sqlite3_column_int64(statement, 0);
			break;
		}
		snprintf(previous, sizeof previous, "%s", text[11]);
	}
	sqlite3_finalize(statement);
	return 0;
}
