#include "trips.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "text.h"

#define TRIP_COLUMNS                                                                               \
	"t.id, t.person_id, coalesce(p.name, ''), t.from_date, t.to_date, t.reported_to,"          \
	" coalesce(t.approved_by, ''), t.cancelled_on"                                             \
	" FROM trip t LEFT JOIN person p ON p.id = t.person_id"

static void read_trip(sqlite3_stmt *statement, hw_trip *trip)
{
	memset(trip, 0, sizeof *trip);
	trip->id = sqlite3_column_int64(statement, 0);
	trip->person_id = sqlite3_column_int64(statement, 1);
	hw_column_text(statement, 2, trip->person_name, sizeof trip->person_name);
	hw_column_date(statement, 3, &trip->from);
	hw_column_date(statement, 4, &trip->to);
	hw_column_text(statement, 5, trip->reported_to, sizeof trip->reported_to);
	hw_column_text(statement, 6, trip->approved_by, sizeof trip->approved_by);
	trip->cancelled = hw_column_date(statement, 7, &trip->cancelled_on);
}

int hw_trip_get(hw_session *session, int64_t id, hw_trip *out, hw_error *error)
{
	sqlite3_stmt *statement =
		hw_store_cached(session->store, "SELECT " TRIP_COLUMNS " WHERE t.id = ?1", error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_trip(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the trips"), error) != 0)
		return -1;
	if (last != SQLITE_ROW)
		return hw_error_option(error, "huiwu trip list", _("there is no trip #%lld"),
				    (long long)id);
	return 0;
}

/* Checks a trip as it will be stored (`trip`, whose id is 0 for a new one) against the dates'
 * order, the traveller's other trips and the approval the rules ask besides the report. */
static int check_trip(hw_session *session, const hw_person *traveller, const hw_trip *trip,
		      hw_error *error)
{
	char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE];
	hw_date_format(trip->from, from);
	hw_date_format(trip->to, to);
	if (trip->to < trip->from)
		return hw_error_set(error, _("the trip ends (%s) before it begins (%s)"), to, from);
	/* 请销假 names whom a deputy (副州长, 副市长, 副县长) reports to; a department's head reports
	 * as each text says otherwise, so the name is given for deputies alone. */
	bool deputy = traveller->role == HW_ROLE_DEPUTY || traveller->role == HW_ROLE_EXECUTIVE_DEPUTY;
	const char *report = session->rules->government[HW_GOV_TRIP_REPORT];
	if (trip->reported_to[0] == '\0' && report != NULL && deputy)
		return hw_error_option(error, "reported-to",
				       _("say to whom the trip was reported (the article names %s) "
					 "〔%s〕"),
				    report, session->rules->government_clauses[HW_GOV_TRIP_REPORT]);
	if (trip->reported_to[0] == '\0')
		return hw_error_option(error, "reported-to", "%s",
				       _("say to whom the trip was reported"));
	/* And in changji a deputy's trip is approved too. */
	const char *approval = session->rules->government[HW_GOV_TRIP_APPROVAL];
	if (approval && deputy && trip->approved_by[0] == '\0')
		return hw_error_option(
			error, "approved-by",
			_("%s's trip out of the region needs the approval of %s as well as the report "
			  "to %s: say who approved it 〔%s〕"),
			traveller->name, approval,
			session->rules->government[HW_GOV_TRIP_REPORT]
				? session->rules->government[HW_GOV_TRIP_REPORT]
				: "",
			session->rules->government_clauses[HW_GOV_TRIP_APPROVAL]);
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT id, from_date, to_date FROM trip WHERE person_id = ?1 AND id != ?2"
			       " AND cancelled_on IS NULL AND from_date <= ?4 AND to_date >= ?3"
			       " ORDER BY from_date LIMIT 1",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the trips"), error);
	sqlite3_bind_int64(statement, 1, traveller->id);
	sqlite3_bind_int64(statement, 2, trip->id);
	hw_bind_date(statement, 3, trip->from);
	hw_bind_date(statement, 4, trip->to);
	int last = sqlite3_step(statement);
	long long other = 0;
	char other_from[HW_DATE_TEXT_SIZE] = "", other_to[HW_DATE_TEXT_SIZE] = "";
	if (last == SQLITE_ROW) {
		other = sqlite3_column_int64(statement, 0);
		hw_column_text(statement, 1, other_from, sizeof other_from);
		hw_column_text(statement, 2, other_to, sizeof other_to);
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the trips"), error) != 0)
		return -1;
	if (other)
		return hw_error_set(error, _("%s is away from %s to %s already (trip #%lld): edit that trip"),
				    traveller->name, other_from, other_to, other);
	return 0;
}

/* The text fields cleaned at the door, and the dates parsed, into `trip`; NULL leaves a field
 * as `trip` has it. */
static int take_input(const hw_trip_input *input, hw_trip *trip, hw_error *error)
{
	const char *reported_to = input->reported_to, *approved_by = input->approved_by;
	char clean[HW_TEXT_SIZE];
	if (reported_to) {
		if (hw_text_clean(&reported_to, HW_TEXT_LINE, _("to whom it was reported"), clean,
				  sizeof clean, error) != 0)
			return -1;
		snprintf(trip->reported_to, sizeof trip->reported_to, "%s", reported_to);
	}
	if (approved_by) {
		if (hw_text_clean(&approved_by, HW_TEXT_LINE, _("who approved it"), clean, sizeof clean,
				  error) != 0)
			return -1;
		snprintf(trip->approved_by, sizeof trip->approved_by, "%s", approved_by);
	}
	if (input->from && !hw_date_parse(input->from, &trip->from))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), input->from);
	if (input->to && !hw_date_parse(input->to, &trip->to))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), input->to);
	return 0;
}

/* Writes `trip`: a new row when its id is 0, else the row's dates and texts. */
static int store_trip(hw_session *session, hw_trip *trip, hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		trip->id ? "UPDATE trip SET from_date = ?2, to_date = ?3, reported_to = ?4,"
			   " approved_by = nullif(?5, '') WHERE id = ?1"
			 : "INSERT INTO trip (person_id, from_date, to_date, reported_to, approved_by)"
			   " VALUES (?6, ?2, ?3, ?4, nullif(?5, ''))");
	if (statement != NULL) {
		if (trip->id)
			sqlite3_bind_int64(statement, 1, trip->id);
		else
			sqlite3_bind_int64(statement, 6, trip->person_id);
		hw_bind_date(statement, 2, trip->from);
		hw_bind_date(statement, 3, trip->to);
		sqlite3_bind_text(statement, 4, trip->reported_to, -1, SQLITE_STATIC);
		sqlite3_bind_text(statement, 5, trip->approved_by, -1, SQLITE_STATIC);
	}
	if (hw_store_run(session->store, statement, _("cannot save the trip"), error) != 0)
		return -1;
	if (trip->id == 0)
		trip->id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return 0;
}

int hw_trip_add(hw_session *session, const hw_trip_input *input, int64_t *id, hw_error *error)
{
	if (input->person == NULL)
		return hw_error_option(error, "person", "%s", _("say whose trip it is"));
	if (input->reported_to == NULL)
		return hw_error_option(error, "reported-to", "%s",
				       _("say to whom the trip was reported"));
	if (input->from == NULL)
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), "");
	if (input->to == NULL)
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), "");
	hw_trip trip;
	memset(&trip, 0, sizeof trip);
	if (take_input(input, &trip, error) != 0 || hw_action_begin(session, error) != 0)
		return -1;
	hw_person traveller;
	if (hw_person_find(session, input->person, &traveller, error) != 0)
		goto fail;
	trip.person_id = traveller.id;
	if (check_trip(session, &traveller, &trip, error) != 0 ||
	    store_trip(session, &trip, error) != 0)
		goto fail;
	*id = trip.id;
	return hw_action_commit_change(session, "trip add", "trip", trip.id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_trip_edit(hw_session *session, int64_t id, const hw_trip_input *changes, hw_error *error)
{
	if (changes->from == NULL && changes->to == NULL && changes->reported_to == NULL &&
	    changes->approved_by == NULL)
		return hw_error_set(error, "%s",
				    _("nothing to change: give the first or last day, to whom the trip was "
				      "reported or who approved it"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_trip trip;
	hw_person traveller;
	if (hw_trip_get(session, id, &trip, error) != 0 ||
	    hw_person_get(session, trip.person_id, &traveller, error) != 0)
		goto fail;
	if (trip.cancelled) {
		hw_error_set(error, _("trip #%lld is cancelled: record a new trip instead"),
			     (long long)id);
		goto fail;
	}
	if (take_input(changes, &trip, error) != 0 ||
	    check_trip(session, &traveller, &trip, error) != 0 ||
	    hw_action_snapshot(session, "trip", id, error) != 0 ||
	    store_trip(session, &trip, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "trip edit", "trip", id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_trip_cancel(hw_session *session, int64_t id, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_trip trip;
	if (hw_trip_get(session, id, &trip, error) != 0)
		goto fail;
	if (trip.cancelled) {
		char when[HW_DATE_TEXT_SIZE];
		hw_date_format(trip.cancelled_on, when);
		hw_error_set(error, _("trip #%lld was cancelled on %s already"), (long long)id, when);
		goto fail;
	}
	if (hw_action_snapshot(session, "trip", id, error) != 0)
		goto fail;
	sqlite3_stmt *statement =
		hw_store_prepare(session->store, "UPDATE trip SET cancelled_on = ?2 WHERE id = ?1");
	sqlite3_bind_int64(statement, 1, id);
	hw_bind_date(statement, 2, session->today);
	if (hw_store_run(session->store, statement, _("cannot cancel the trip"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, "trip cancel", "trip", id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_trip_list(hw_session *session, hw_date from, hw_date to, int64_t person_id,
		 bool with_cancelled, int (*visit)(const hw_trip *, void *), void *user,
		 hw_error *error)
{
	sqlite3_stmt *statement = hw_store_cached(
		session->store,
		"SELECT " TRIP_COLUMNS " WHERE (?1 IS NULL OR t.to_date >= ?1)"
		" AND (?2 IS NULL OR t.from_date <= ?2) AND (?3 = 0 OR t.person_id = ?3)"
		" AND (?4 OR t.cancelled_on IS NULL) ORDER BY t.from_date, t.id",
		error);
	if (statement == NULL)
		return -1;
	if (from)
		hw_bind_date(statement, 1, from);
	if (to)
		hw_bind_date(statement, 2, to);
	sqlite3_bind_int64(statement, 3, person_id);
	sqlite3_bind_int(statement, 4, with_cancelled);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_trip trip;
		read_trip(statement, &trip);
		if ((status = visit(&trip, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the trips"), error) != 0)
		return -1;
	return status;
}

int hw_trip_away(hw_session *session, int64_t person_id, hw_date date, hw_trip *out,
		 hw_error *error)
{
	/* Kept: the agenda and the meeting view ask it once per meeting or attendee. */
	sqlite3_stmt *statement = hw_store_cached(
		session->store,
		"SELECT " TRIP_COLUMNS " WHERE t.person_id = ?1 AND t.cancelled_on IS NULL"
		" AND t.from_date <= ?2 AND t.to_date >= ?2 ORDER BY t.from_date LIMIT 1",
		error);
	if (statement == NULL)
		return -1;
	sqlite3_bind_int64(statement, 1, person_id);
	hw_bind_date(statement, 2, date);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW && out != NULL)
		read_trip(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the trips"), error) != 0)
		return -1;
	return last == SQLITE_ROW;
}
