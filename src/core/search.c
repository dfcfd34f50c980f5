/* Search: instr() rather than LIKE, so that '%' and '_' typed by a user are plain text. */
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "search.h"

static int run(hw_session *session, const char *sql, hw_hit_kind kind, const char *text,
	       int limit, int (*visit)(const hw_search_hit *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot search"), error);
	sqlite3_bind_text(statement, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(statement, 2, limit);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_search_hit hit = {.kind = kind};
		hit.id = sqlite3_column_int64(statement, 0);
		hit.meeting_id = sqlite3_column_int64(statement, 1);
		hit.has_date = hw_column_date(statement, 2, &hit.date);
		hw_column_text(statement, 3, hit.text, sizeof hit.text);
		if ((status = visit(&hit, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot search"), error) != 0)
		return -1;
	return status;
}

int hw_search(hw_session *session, const char *text, int limit,
	      int (*visit)(const hw_search_hit *, void *), void *user, hw_error *error)
{
	if (text == NULL || text[strspn(text, " \t")] == '\0')
		return hw_error_set(error, "%s", _("say what to search for"));
	/* What is searched for is a one-line field like the titles it is looked for in. */
	char checked[HW_TEXT_SIZE];
	if (hw_text_clean(&text, HW_TEXT_LINE, _("the text searched for"), checked, sizeof checked,
			  error) != 0)
		return -1;
	int status = run(session,
		"SELECT m.id, m.id, m.date, m.title FROM meeting m"
		" LEFT JOIN person p ON p.id = m.chair_id"
		" WHERE instr(lower(m.title), lower(?1)) OR instr(lower(coalesce(m.location, '')), lower(?1))"
		"    OR instr(lower(coalesce(p.name, '')), lower(?1))"
		" ORDER BY m.date, m.start, m.id LIMIT ?2",
		HW_HIT_MEETING, text, limit, visit, user, error);
	if (status != 0)
		return status;
	return run(session,
		   "SELECT t.id, coalesce(t.meeting_id, 0), m.date, t.title FROM topic t"
		   " LEFT JOIN meeting m ON m.id = t.meeting_id"
		   " LEFT JOIN department d ON d.id = t.department_id"
		   " LEFT JOIN person p ON p.id = t.deputy_id"
		   " WHERE instr(lower(t.title), lower(?1)) OR instr(lower(coalesce(d.name, '')), lower(?1))"
		   "    OR instr(lower(coalesce(p.name, '')), lower(?1))"
		   " ORDER BY m.date IS NULL, m.date, t.id LIMIT ?2",
		   HW_HIT_TOPIC, text, limit, visit, user, error);
}
