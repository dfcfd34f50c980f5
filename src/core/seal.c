#include "seal.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"

/* The tables the log speaks for, with how a row is named: its key as text ("12", or "12/5"
 * for a two-column key), and the query of one row by its key's parts. A table added to the
 * schema is added here. */
static const struct sealed_table {
	const char *name;
	const char *first, *second; /* the key's columns; `second` is NULL for one */
	const char *one;
} sealed_tables[] = {
	{"government", "id", NULL, "SELECT * FROM government WHERE id = ?1"},
	{"department", "id", NULL, "SELECT * FROM department WHERE id = ?1"},
	{"person", "id", NULL, "SELECT * FROM person WHERE id = ?1"},
	{"meeting", "id", NULL, "SELECT * FROM meeting WHERE id = ?1"},
	{"attendee", "meeting_id", "person_id",
	 "SELECT * FROM attendee WHERE meeting_id = ?1 AND person_id = ?2"},
	{"topic", "id", NULL, "SELECT * FROM topic WHERE id = ?1"},
	{"leave", "id", NULL, "SELECT * FROM leave WHERE id = ?1"},
	{"minutes", "meeting_id", NULL, "SELECT * FROM minutes WHERE meeting_id = ?1"},
	{"minutes_amendment", "id", NULL, "SELECT * FROM minutes_amendment WHERE id = ?1"},
	{"document", "id", NULL, "SELECT * FROM document WHERE id = ?1"},
	{"series", "id", NULL, "SELECT * FROM series WHERE id = ?1"},
	{"series_skip", "series_id", "occurrence",
	 "SELECT * FROM series_skip WHERE series_id = ?1 AND occurrence = ?2"},
	{"busy", "id", NULL, "SELECT * FROM busy WHERE id = ?1"},
	{"trip", "id", NULL, "SELECT * FROM trip WHERE id = ?1"},
};
#define SEALED_TABLES (sizeof sealed_tables / sizeof sealed_tables[0])

/* ---- the key ---- */

int hw_audit_key_path(char *out, size_t size, hw_error *error)
{
	const char *explicit_path = getenv("HUIWU_AUDIT_KEY");
	const char *config = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int written;
	if (explicit_path != NULL && *explicit_path != '\0')
		written = snprintf(out, size, "%s", explicit_path);
	else if (config != NULL && config[0] == '/')
		written = snprintf(out, size, "%s/huiwu/audit.key", config);
	else if (home != NULL && *home != '\0')
		written = snprintf(out, size, "%s/.config/huiwu/audit.key", home);
	else
		return hw_error_set(error, "%s",
				    _("neither HUIWU_AUDIT_KEY, XDG_CONFIG_HOME nor HOME is set: say "
				      "where the audit key is with HUIWU_AUDIT_KEY"));
	if (written < 0 || (size_t)written >= size)
		return hw_error_set(error, "%s", _("the audit key's path is too long"));
	return 0;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void hex_encode(const unsigned char *bytes, size_t size, char *out)
{
	/* By hand: a seal per changed row, and snprintf per byte was 5% of an import. */
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < size; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 0x0f];
	}
	out[2 * size] = '\0';
}

/* Decodes `size` bytes of hex; false unless `text` is exactly that. */
static bool hex_decode(const char *text, unsigned char *out, size_t size)
{
	if (strlen(text) != 2 * size)
		return false;
	for (size_t i = 0; i < size; i++) {
		int high = hex_value(text[2 * i]), low = hex_value(text[2 * i + 1]);
		if (high < 0 || low < 0)
			return false;
		out[i] = (unsigned char)(high << 4 | low);
	}
	return true;
}

int hw_audit_key_load(hw_audit_key *key, hw_error *error)
{
	memset(key, 0, sizeof *key);
	if (hw_audit_key_path(key->path, sizeof key->path, error) != 0)
		return -1;
	FILE *file = fopen(key->path, "r");
	if (file == NULL) {
		if (errno == ENOENT)
			return 0;
		return hw_error_set(error, _("cannot read the audit key %s: %s"), key->path,
				    strerror(errno));
	}
	char text[2 * HW_AUDIT_KEY_SIZE + 8] = "";
	bool read = fgets(text, sizeof text, file) != NULL;
	fclose(file);
	text[strcspn(text, "\r\n")] = '\0';
	if (!read || !hex_decode(text, key->bytes, sizeof key->bytes))
		return hw_error_set(error,
				    _("the audit key %s is not a huiwu key (64 hex digits): restore it "
				      "from where it was kept"),
				    key->path);
	/* The id names the key (from its bytes: the same key however its hex is cased) and
	 * reveals nothing of it. */
	char digest[HW_DIGEST_HEX_SIZE], lower[2 * HW_AUDIT_KEY_SIZE + 1];
	hex_encode(key->bytes, sizeof key->bytes, lower);
	char named[sizeof "huiwu audit key " + sizeof lower];
	snprintf(named, sizeof named, "huiwu audit key %s", lower);
	hw_sha256_hex(named, strlen(named), digest);
	snprintf(key->id, sizeof key->id, "%.16s", digest);
	return 1;
}

int hw_audit_key_ensure(hw_audit_key *key, hw_error *error)
{
	int loaded = hw_audit_key_load(key, error);
	if (loaded != 0)
		return loaded < 0 ? -1 : 0;
	if (hw_make_parent_dirs(key->path, error) != 0)
		return -1;
	unsigned char bytes[HW_AUDIT_KEY_SIZE];
	if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes)
		return hw_error_set(error, _("cannot make an audit key: %s"), strerror(errno));
	char text[2 * HW_AUDIT_KEY_SIZE + 2];
	hex_encode(bytes, sizeof bytes, text);
	strcat(text, "\n");
	/* Written whole under a temporary name and linked into place: a reader never sees half a
	 * key, and of two processes creating it at once the second takes the first one's key. */
	char temporary[sizeof key->path + 16];
	snprintf(temporary, sizeof temporary, "%s.XXXXXX", key->path);
	int descriptor = mkstemp(temporary);
	if (descriptor < 0)
		return hw_error_set(error, _("cannot write the audit key %s: %s"), key->path,
				    strerror(errno));
	bool written = fchmod(descriptor, 0600) == 0 &&
		       write(descriptor, text, strlen(text)) == (ssize_t)strlen(text) &&
		       fsync(descriptor) == 0;
	int cause = errno;
	close(descriptor);
	if (written && link(temporary, key->path) != 0 && errno != EEXIST) {
		written = false;
		cause = errno;
	}
	unlink(temporary);
	if (!written)
		return hw_error_set(error, _("cannot write the audit key %s: %s"), key->path,
				    strerror(cause));
	hw_sync_parent_dir(key->path);
	loaded = hw_audit_key_load(key, error);
	if (loaded == 0)
		return hw_error_set(error, _("cannot write the audit key %s: %s"), key->path,
				    strerror(ENOENT));
	return loaded < 0 ? -1 : 0;
}

void hw_audit_key_mac(const hw_audit_key *key, const void *data, size_t size,
		      char out[HW_DIGEST_HEX_SIZE])
{
	struct hmac_sha256_ctx context;
	unsigned char digest[SHA256_DIGEST_SIZE];
	hmac_sha256_set_key(&context, sizeof key->bytes, key->bytes);
	hmac_sha256_update(&context, size, data);
	hmac_sha256_digest(&context, sizeof digest, digest);
	hex_encode(digest, sizeof digest, out);
}

/* ---- the row seals ---- */

/* The expression naming a row of `table`, its columns prefixed by `prefix` ("", "OLD.",
 * "NEW."); sqlite3_free it. */
static char *key_expression(const struct sealed_table *table, const char *prefix)
{
	if (table->second == NULL)
		return sqlite3_mprintf("%s%s", prefix, table->first);
	return sqlite3_mprintf("%s%s || '/' || %s%s", prefix, table->first, prefix, table->second);
}

int hw_seal_watch(sqlite3 *db, hw_error *error)
{
	char *sql = sqlite3_mprintf("CREATE TEMP TABLE IF NOT EXISTS hw_touched ("
				    " tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key)"
				    ") WITHOUT ROWID;");
	for (size_t i = 0; i < SEALED_TABLES && sql != NULL; i++) {
		const char *name = sealed_tables[i].name;
		char *with_old = key_expression(&sealed_tables[i], "OLD.");
		char *with_new = key_expression(&sealed_tables[i], "NEW.");
		char *more = with_old && with_new ? sqlite3_mprintf(
			"%s"
			"CREATE TEMP TRIGGER IF NOT EXISTS hw_touch_%s_i AFTER INSERT ON main.%s"
			" BEGIN INSERT OR IGNORE INTO hw_touched VALUES ('%s', %s); END;"
			"CREATE TEMP TRIGGER IF NOT EXISTS hw_touch_%s_u AFTER UPDATE ON main.%s"
			" BEGIN INSERT OR IGNORE INTO hw_touched VALUES ('%s', %s), ('%s', %s); END;"
			"CREATE TEMP TRIGGER IF NOT EXISTS hw_touch_%s_d AFTER DELETE ON main.%s"
			" BEGIN INSERT OR IGNORE INTO hw_touched VALUES ('%s', %s); END;",
			sql, name, name, name, with_new, name, name, name, with_old, name, with_new, name,
			name, name, with_old) : NULL;
		sqlite3_free(with_old);
		sqlite3_free(with_new);
		sqlite3_free(sql);
		sql = more;
	}
	if (sql == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	char *message = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &message);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		hw_error_set(error, _("cannot watch the changes for the audit log: %s"),
			     message ? message : sqlite3_errmsg(db));
		sqlite3_free(message);
		return -1;
	}
	return 0;
}

static void mac_add(struct hmac_sha256_ctx *context, const void *data, size_t size)
{
	/* Each part is preceded by its length, so that no two rows serialize alike. */
	unsigned char length[8];
	for (int i = 0; i < 8; i++)
		length[i] = (unsigned char)((uint64_t)size >> (8 * i));
	hmac_sha256_update(context, sizeof length, length);
	hmac_sha256_update(context, size, data);
}

/* The seal of the row `statement` holds (from column `first` on) in raw bytes. NULL columns are
 * left out, so that a migration adding a column that is NULL by default keeps every seal. */
static void seal_row(const hw_audit_key *key, const char *table, const char *row,
		     sqlite3_stmt *statement, int first, unsigned char out[SHA256_DIGEST_SIZE])
{
	struct hmac_sha256_ctx context;
	hmac_sha256_set_key(&context, sizeof key->bytes, key->bytes);
	mac_add(&context, table, strlen(table));
	mac_add(&context, row, strlen(row));
	for (int column = first; column < sqlite3_column_count(statement); column++) {
		int type = sqlite3_column_type(statement, column);
		if (type == SQLITE_NULL)
			continue;
		const char *name = sqlite3_column_name(statement, column);
		mac_add(&context, name, strlen(name));
		unsigned char tag = (unsigned char)type;
		hmac_sha256_update(&context, 1, &tag);
		if (type == SQLITE_BLOB) {
			const void *blob = sqlite3_column_blob(statement, column);
			mac_add(&context, blob, (size_t)sqlite3_column_bytes(statement, column));
		} else {
			/* Integers and reals as SQLite prints them: one text per value. */
			const unsigned char *text = sqlite3_column_text(statement, column);
			mac_add(&context, text, (size_t)sqlite3_column_bytes(statement, column));
		}
	}
	hmac_sha256_digest(&context, SHA256_DIGEST_SIZE, out);
}

static void xor_into(unsigned char state[SHA256_DIGEST_SIZE], const unsigned char *seal)
{
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		state[i] ^= seal[i];
}

static const struct sealed_table *find_table(const char *name)
{
	for (size_t i = 0; i < SEALED_TABLES; i++)
		if (strcmp(sealed_tables[i].name, name) == 0)
			return &sealed_tables[i];
	return NULL;
}

static void bind_part(sqlite3_stmt *statement, int index, const char *part, size_t length)
{
	char *end;
	char text[64];
	snprintf(text, sizeof text, "%.*s", (int)length, part);
	long long number = strtoll(text, &end, 10);
	if (*text != '\0' && *end == '\0')
		sqlite3_bind_int64(statement, index, number);
	else
		sqlite3_bind_text(statement, index, part, (int)length, SQLITE_TRANSIENT);
}

/* A statement kept in `slot` across the rows of one pass: prepared the first time, reset
 * after; the pass finalizes its slots (finalize_all). NULL on error. */
static sqlite3_stmt *reuse(sqlite3 *db, sqlite3_stmt **slot, const char *sql)
{
	if (*slot != NULL) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return *slot;
	}
	if (sqlite3_prepare_v2(db, sql, -1, slot, NULL) != SQLITE_OK) {
		sqlite3_finalize(*slot);
		*slot = NULL;
	}
	return *slot;
}

static void finalize_all(sqlite3_stmt **slots, size_t count)
{
	for (size_t i = 0; i < count; i++)
		sqlite3_finalize(slots[i]);
}

/* The live row named `row` of `table` (its query kept in `slot`): 1 with its seal in `out`,
 * 0 if it does not exist, -1 on error. */
static int seal_live_row(sqlite3 *db, const hw_audit_key *key, const struct sealed_table *table,
			 const char *row, unsigned char out[SHA256_DIGEST_SIZE], sqlite3_stmt **slot)
{
	sqlite3_stmt *statement = reuse(db, slot, table->one);
	if (statement == NULL)
		return -1;
	const char *slash = table->second != NULL ? strchr(row, '/') : NULL;
	if (slash != NULL) {
		bind_part(statement, 1, row, (size_t)(slash - row));
		bind_part(statement, 2, slash + 1, strlen(slash + 1));
	} else {
		bind_part(statement, 1, row, strlen(row));
	}
	int rc = sqlite3_step(statement);
	if (rc == SQLITE_ROW)
		seal_row(key, table->name, row, statement, 0, out);
	sqlite3_reset(statement);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The seal the record holds for a row: 1 with it in `out`, 0 if none, -1 on error. */
static int recorded_seal(sqlite3_stmt *lookup, const char *table, const char *row,
			 unsigned char out[SHA256_DIGEST_SIZE])
{
	sqlite3_reset(lookup);
	sqlite3_bind_text(lookup, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(lookup, 2, row, -1, SQLITE_STATIC);
	int rc = sqlite3_step(lookup);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return -1;
	const char *text = (const char *)sqlite3_column_text(lookup, 0);
	if (text == NULL || !hex_decode(text, out, SHA256_DIGEST_SIZE))
		memset(out, 0, SHA256_DIGEST_SIZE); /* a mangled seal matches no row */
	return 1;
}

/* Records `seal` for a row, or removes its seal when NULL; `slots` keeps the two statements. */
static int store_seal(sqlite3 *db, const char *table, const char *row, const unsigned char *seal,
		      sqlite3_stmt *slots[2])
{
	sqlite3_stmt *statement =
		seal ? reuse(db, &slots[0],
			     "INSERT INTO audit_row (tbl, key, seal) VALUES (?1, ?2, ?3)"
			     " ON CONFLICT (tbl, key) DO UPDATE SET seal = excluded.seal")
		     : reuse(db, &slots[1], "DELETE FROM audit_row WHERE tbl = ?1 AND key = ?2");
	if (statement == NULL)
		return -1;
	sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, row, -1, SQLITE_STATIC);
	if (seal != NULL) {
		char hex[HW_DIGEST_HEX_SIZE];
		hex_encode(seal, SHA256_DIGEST_SIZE, hex);
		sqlite3_bind_text(statement, 3, hex, -1, SQLITE_TRANSIENT);
	}
	int rc = sqlite3_step(statement);
	sqlite3_reset(statement);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Seals every row anew: the first sealed entry of a database. */
static int anchor_all(sqlite3 *db, const hw_audit_key *key, unsigned char state[SHA256_DIGEST_SIZE])
{
	memset(state, 0, SHA256_DIGEST_SIZE);
	if (sqlite3_exec(db, "DELETE FROM audit_row; DELETE FROM temp.hw_touched;", NULL, NULL,
			 NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *store[2] = {NULL, NULL};
	int result = 0;
	for (size_t i = 0; i < SEALED_TABLES && result == 0; i++) {
		const struct sealed_table *table = &sealed_tables[i];
		char *naming = key_expression(table, "");
		char *sql = naming ? sqlite3_mprintf("SELECT %s, * FROM %s", naming, table->name) : NULL;
		sqlite3_free(naming);
		sqlite3_stmt *statement;
		int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &statement, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
		if (rc != SQLITE_OK) {
			result = -1;
			break;
		}
		while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
			const char *row = (const char *)sqlite3_column_text(statement, 0);
			unsigned char seal[SHA256_DIGEST_SIZE];
			seal_row(key, table->name, row ? row : "", statement, 1, seal);
			xor_into(state, seal);
			if (store_seal(db, table->name, row ? row : "", seal, store) != 0) {
				rc = SQLITE_ERROR;
				break;
			}
		}
		if (sqlite3_finalize(statement) != SQLITE_OK || rc != SQLITE_DONE)
			result = -1;
	}
	finalize_all(store, 2);
	return result;
}

/* The seal of the log's position: which entry the state belongs to (named by the hash of the
 * entry before it). Counted in the state like a row's, so that entries cut from the end of the
 * log never leave the seals adding up to the new last entry's state. */
static int seal_position(sqlite3 *db, const hw_audit_key *key, const char *previous,
			 unsigned char state[SHA256_DIGEST_SIZE])
{
	sqlite3_stmt *lookup = NULL, *store[2] = {NULL, NULL};
	int result = -1;
	if (sqlite3_prepare_v2(db, "SELECT seal FROM audit_row WHERE tbl = ?1 AND key = ?2", -1,
			       &lookup, NULL) != SQLITE_OK)
		goto done;
	unsigned char old_seal[SHA256_DIGEST_SIZE], new_seal[SHA256_DIGEST_SIZE];
	int had = recorded_seal(lookup, "audit", "position", old_seal);
	if (had < 0)
		goto done;
	if (had)
		xor_into(state, old_seal);
	struct hmac_sha256_ctx context;
	hmac_sha256_set_key(&context, sizeof key->bytes, key->bytes);
	mac_add(&context, "audit", 5);
	mac_add(&context, "position", 8);
	mac_add(&context, previous, strlen(previous));
	hmac_sha256_digest(&context, sizeof new_seal, new_seal);
	xor_into(state, new_seal);
	sqlite3_reset(lookup);
	result = store_seal(db, "audit", "position", new_seal, store);
done:
	sqlite3_finalize(lookup);
	finalize_all(store, 2);
	return result;
}

int hw_seal_update(sqlite3 *db, const hw_audit_key *key, bool anchor, const char *previous,
		   char state[HW_DIGEST_HEX_SIZE], hw_error *error)
{
	unsigned char bytes[SHA256_DIGEST_SIZE] = {0};
	if (anchor) {
		if (anchor_all(db, key, bytes) != 0 || seal_position(db, key, previous, bytes) != 0)
			return hw_error_set(error, _("cannot seal the rows: %s"), sqlite3_errmsg(db));
		hex_encode(bytes, sizeof bytes, state);
		return 0;
	}
	if (!hex_decode(state, bytes, sizeof bytes))
		return hw_error_set(error, "%s",
				    _("the last entry of the audit log has no valid state: run 'huiwu log "
				      "--verify'"));
	sqlite3_stmt *touched = NULL, *lookup = NULL, *one[SEALED_TABLES] = {NULL}, *store[2] = {NULL};
	int result = -1;
	if (sqlite3_prepare_v2(db, "SELECT tbl, key FROM temp.hw_touched", -1, &touched, NULL) !=
		    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT seal FROM audit_row WHERE tbl = ?1 AND key = ?2", -1,
			       &lookup, NULL) != SQLITE_OK)
		goto done;
	int rc;
	while ((rc = sqlite3_step(touched)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(touched, 0);
		const char *row = (const char *)sqlite3_column_text(touched, 1);
		const struct sealed_table *table = find_table(name ? name : "");
		if (table == NULL || row == NULL)
			continue;
		unsigned char old_seal[SHA256_DIGEST_SIZE], new_seal[SHA256_DIGEST_SIZE];
		int had = recorded_seal(lookup, table->name, row, old_seal);
		int has = had < 0 ? -1
				  : seal_live_row(db, key, table, row, new_seal,
						  &one[table - sealed_tables]);
		sqlite3_reset(lookup);
		if (had < 0 || has < 0)
			goto done;
		if (had)
			xor_into(bytes, old_seal);
		if (has)
			xor_into(bytes, new_seal);
		if ((had || has) && store_seal(db, table->name, row, has ? new_seal : NULL, store) != 0)
			goto done;
	}
	if (rc != SQLITE_DONE)
		goto done;
	sqlite3_finalize(touched);
	touched = NULL;
	if (sqlite3_exec(db, "DELETE FROM temp.hw_touched", NULL, NULL, NULL) != SQLITE_OK ||
	    seal_position(db, key, previous, bytes) != 0)
		goto done;
	hex_encode(bytes, sizeof bytes, state);
	result = 0;
done:
	if (result != 0)
		hw_error_set(error, _("cannot seal the rows: %s"), sqlite3_errmsg(db));
	sqlite3_finalize(touched);
	sqlite3_finalize(lookup);
	finalize_all(one, SEALED_TABLES);
	finalize_all(store, 2);
	return result;
}

int hw_seal_check(sqlite3 *db, const hw_audit_key *key, const char *state, hw_seal_visit visit,
		  void *user, int64_t *rows, int64_t *problems, bool *state_holds, hw_error *error)
{
	*rows = 0;
	*problems = 0;
	*state_holds = false;
	unsigned char sum[SHA256_DIGEST_SIZE] = {0}, expected[SHA256_DIGEST_SIZE];
	sqlite3_stmt *statement = NULL, *lookup = NULL, *one[SEALED_TABLES] = {NULL};
	int result = -1, rc;
	if (sqlite3_prepare_v2(db, "SELECT seal FROM audit_row WHERE tbl = ?1 AND key = ?2", -1,
			       &lookup, NULL) != SQLITE_OK)
		goto done;
	/* Every live row against its seal: changed, or added behind the log's back. */
	for (size_t i = 0; i < SEALED_TABLES; i++) {
		const struct sealed_table *table = &sealed_tables[i];
		char *naming = key_expression(table, "");
		char *sql = naming ? sqlite3_mprintf("SELECT %s, * FROM %s", naming, table->name) : NULL;
		sqlite3_free(naming);
		rc = sql ? sqlite3_prepare_v2(db, sql, -1, &statement, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			goto done;
		while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
			const char *row = (const char *)sqlite3_column_text(statement, 0);
			unsigned char live[SHA256_DIGEST_SIZE], recorded[SHA256_DIGEST_SIZE];
			seal_row(key, table->name, row ? row : "", statement, 1, live);
			int had = recorded_seal(lookup, table->name, row ? row : "", recorded);
			sqlite3_reset(lookup);
			if (had < 0)
				goto done;
			(*rows)++;
			if (!had || memcmp(live, recorded, sizeof live) != 0) {
				(*problems)++;
				visit(table->name, row ? row : "", had ? "changed" : "added", user);
			}
		}
		if (rc != SQLITE_DONE)
			goto done;
		sqlite3_finalize(statement);
		statement = NULL;
	}
	/* Every seal against its row (deleted), and all of them against the state. */
	if (sqlite3_prepare_v2(db, "SELECT tbl, key, seal FROM audit_row", -1, &statement, NULL) !=
	    SQLITE_OK)
		goto done;
	while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(statement, 0);
		const char *row = (const char *)sqlite3_column_text(statement, 1);
		const char *text = (const char *)sqlite3_column_text(statement, 2);
		unsigned char seal[SHA256_DIGEST_SIZE], live[SHA256_DIGEST_SIZE];
		if (text != NULL && hex_decode(text, seal, sizeof seal))
			xor_into(sum, seal);
		if (name != NULL && strcmp(name, "audit") == 0)
			continue; /* the log's position: counted in the sum, no row of its own */
		const struct sealed_table *table = find_table(name ? name : "");
		int has = table && row ? seal_live_row(db, key, table, row, live,
							    &one[table - sealed_tables])
				       : 0;
		if (has < 0)
			goto done;
		if (!has) {
			(*problems)++;
			visit(name ? name : "?", row ? row : "?", "deleted", user);
		}
	}
	if (rc != SQLITE_DONE)
		goto done;
	*state_holds = hex_decode(state, expected, sizeof expected) &&
		       memcmp(sum, expected, sizeof sum) == 0;
	result = 0;
done:
	if (result != 0)
		hw_error_set(error, _("cannot read the sealed rows: %s"), sqlite3_errmsg(db));
	sqlite3_finalize(statement);
	sqlite3_finalize(lookup);
	finalize_all(one, SEALED_TABLES);
	return result;
}
