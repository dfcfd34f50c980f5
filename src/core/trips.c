#include "trips.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "text.h"

typedef struct trip_values {
	int64_t person_id;
	hw_date from, to;
	const char *reported_to;
} trip_values;

int hw_trip_add(hw_session *session, const char *person, const char *from, const char *to,
		const char *reported_to, int64_t *id, hw_error *error)
{
	char clean[HW_TEXT_SIZE];
	if (hw_text_clean(&reported_to, HW_TEXT_LINE, _("to whom it was reported"), clean,
			  sizeof clean, error) != 0)
		return -1;
	if (person == NULL)
		return hw_error_option(error, "person", "%s", _("say whose trip it is"));
	if (reported_to == NULL || *reported_to == '\0')
		return hw_error_option(error, "reported-to", "%s",
				       _("say to whom the trip was reported"));
	trip_values values = {.reported_to = reported_to};
	if (from == NULL || !hw_date_parse(from, &values.from))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), from ? from : "");
	if (to == NULL || !hw_date_parse(to, &values.to))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), to ? to : "");
	if (values.to < values.from)
		return hw_error_set(error, _("the trip ends (%s) before it begins (%s)"), to, from);
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_person traveller;
	if (hw_person_find(session, person, &traveller, error) != 0)
		goto fail;
	values.person_id = traveller.id;
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		"INSERT INTO trip (person_id, from_date, to_date, reported_to) VALUES (?1, ?2, ?3, ?4)");
	if (statement != NULL) {
		sqlite3_bind_int64(statement, 1, values.person_id);
		hw_bind_date(statement, 2, values.from);
		hw_bind_date(statement, 3, values.to);
		sqlite3_bind_text(statement, 4, values.reported_to, -1, SQLITE_STATIC);
	}
	if (hw_store_run(session->store, statement, _("cannot save the trip"), error) != 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "trip add", "trip", *id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_trip_list(hw_session *session, int (*visit)(const hw_trip *, void *), void *user,
		 hw_error *error)
{
	sqlite3_stmt *statement = hw_store_cached(
		session->store,
		"SELECT t.id, t.person_id, coalesce(p.name, ''), t.from_date, t.to_date, t.reported_to"
		" FROM trip t LEFT JOIN person p ON p.id = t.person_id ORDER BY t.from_date, t.id",
		error);
	if (statement == NULL)
		return -1;
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_trip trip;
		memset(&trip, 0, sizeof trip);
		trip.id = sqlite3_column_int64(statement, 0);
		trip.person_id = sqlite3_column_int64(statement, 1);
		hw_column_text(statement, 2, trip.person_name, sizeof trip.person_name);
		hw_column_date(statement, 3, &trip.from);
		hw_column_date(statement, 4, &trip.to);
		hw_column_text(statement, 5, trip.reported_to, sizeof trip.reported_to);
		if ((status = visit(&trip, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the trips"), error) != 0)
		return -1;
	return status;
}
