/* Loading what the rule engine reads, with one query per table, each on an index. */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "i18n.h"
#include "office.h"
#include "sort.h"

static int minutes_of_day(const char *text, int fallback)
{
	if (!hw_time_valid(text))
		return fallback;
	return (text[0] - '0') * 600 + (text[1] - '0') * 60 + (text[3] - '0') * 10 + (text[4] - '0');
}

static int compare_meeting_ids(const void *a, const void *b)
{
	int64_t x = ((const hw_check_meeting *)a)->id, y = ((const hw_check_meeting *)b)->id;
	return (x > y) - (x < y);
}

static int meeting_at(const hw_check_data *data, int64_t id)
{
	int low = 0, high = data->meeting_count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		if (data->meetings[middle].id == id)
			return middle;
		if (data->meetings[middle].id < id)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return -1;
}

/* Sorting here is cheaper than ORDER BY in SQLite, which spills large sorts to disk. */
#define COMPARE(x, y) (((x) > (y)) - ((x) < (y)))

static int compare_attendees(const void *a, const void *b)
{
	const hw_check_attendee *x = a, *y = b;
	return x->meeting_id != y->meeting_id ? COMPARE(x->meeting_id, y->meeting_id)
					      : COMPARE(x->person_id, y->person_id);
}

static int compare_leave(const void *a, const void *b)
{
	const hw_check_leave *x = a, *y = b;
	return x->meeting_id != y->meeting_id ? COMPARE(x->meeting_id, y->meeting_id)
					      : COMPARE(x->person_id, y->person_id);
}

static int compare_topics(const void *a, const void *b)
{
	const hw_check_topic *x = a, *y = b;
	return x->meeting_id != y->meeting_id ? COMPARE(x->meeting_id, y->meeting_id)
					      : COMPARE(x->id, y->id);
}

static int compare_documents(const void *a, const void *b)
{
	const hw_document *x = &((const hw_check_document *)a)->document;
	const hw_document *y = &((const hw_check_document *)b)->document;
	return x->meeting_id != y->meeting_id ? COMPARE(x->meeting_id, y->meeting_id)
					      : COMPARE(x->id, y->id);
}

/* Gives each meeting its range of the attendees, which must be grouped by meeting and sorted
 * by person within a group. */
static void assign_attendee_ranges(hw_check_data *data)
{
	for (int m = 0; m < data->meeting_count; m++)
		data->meetings[m].attendee_count = 0;
	int meeting_index = -1;
	for (int i = 0; i < data->attendee_count; i++) {
		int64_t id = data->attendees[i].meeting_id;
		if (meeting_index < 0 || data->meetings[meeting_index].id != id)
			meeting_index = meeting_at(data, id);
		if (meeting_index < 0)
			continue;
		hw_check_meeting *meeting = &data->meetings[meeting_index];
		if (meeting->attendee_count++ == 0)
			meeting->first_attendee = i;
	}
}

/* Whether the rows came grouped by meeting and by person within each group, as the primary
 * key's order gives them; SQLite does not promise it without ORDER BY. Marks the meetings
 * whose group has ended in attendee_count, which assign_attendee_ranges sets afresh. */
static bool attendees_grouped(hw_check_data *data)
{
	for (int i = 1; i < data->attendee_count; i++) {
		const hw_check_attendee *previous = &data->attendees[i - 1], *current = &data->attendees[i];
		if (previous->meeting_id == current->meeting_id) {
			if (previous->person_id >= current->person_id)
				return false;
		} else {
			/* A meeting whose group has ended must not come back. */
			int index = meeting_at(data, current->meeting_id);
			if (index >= 0 && data->meetings[index].attendee_count > 0)
				return false;
			int ended = meeting_at(data, previous->meeting_id);
			if (ended >= 0)
				data->meetings[ended].attendee_count = 1;
		}
	}
	return true;
}

typedef struct loader {
	hw_session *session;
	hw_error *error;
	sqlite3_stmt *statement;
	bool failed;
} loader;

static bool prepare(loader *l, const char *sql, hw_date from, hw_date to)
{
	if (sqlite3_prepare_v2(hw_store_db(l->session->store), sql, -1, &l->statement, NULL) !=
	    SQLITE_OK) {
		hw_store_fail(l->session->store, _("cannot read the data to check"), l->error);
		l->failed = true;
		return false;
	}
	if (sqlite3_bind_parameter_count(l->statement) == 2) {
		hw_bind_date(l->statement, 1, from);
		hw_bind_date(l->statement, 2, to);
	}
	return true;
}

/* Ends the read whose last step returned `last`: 0, or -1 with the loader's error. */
static int finish(loader *l, int last)
{
	sqlite3_stmt *statement = l->statement;
	l->statement = NULL;
	if (hw_store_finish(l->session->store, statement, last, N_("cannot read the data to check"),
			    l->error) != 0)
		l->failed = true;
	return l->failed ? -1 : 0;
}

/* Drops a read cut short by an error already in the loader's error. */
static void discard(loader *l)
{
	sqlite3_finalize(l->statement);
	l->statement = NULL;
}

int hw_check_load(hw_session *session, hw_date from, hw_date to, hw_check_data *out,
		  hw_error *error)
{
	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	/* Whole years, so every month, two months and year is counted whole. */
	int from_year = hw_date_year(from), to_year = hw_date_year(to);
	hw_date load_from = hw_date_from_ymd(from_year, 1, 1);
	hw_date load_to = hw_date_from_ymd(to_year, 12, 31);
	loader l = {.session = session, .error = error};
	int capacity = 0, last;

	/* The roster, sorted by id (people are looked up by binary search). */
	hw_roster roster;
	if (hw_roster_load(session, &roster, error) != 0)
		goto fail;
	/* The engine owns the roster's arrays from here (hw_check_data_free frees them). */
	out->people = roster.people;
	out->person_count = roster.person_count;
	out->departments = roster.departments;
	out->department_count = roster.department_count;

	/* With no meeting on record, no period is on record either. */
	out->records_begin = to + 1;
	if (prepare(&l, "SELECT min(date) FROM meeting WHERE status <> 'cancelled'",
		    from, to)) {
		last = sqlite3_step(l.statement);
		if (last == SQLITE_ROW)
			hw_column_date(l.statement, 0, &out->records_begin);
		finish(&l, last);
	}
	if (l.failed)
		goto fail;

	if (!prepare(&l,
		     "SELECT id, type, date, start, end, status, chair_id, adhoc_reason, decision_type,"
		     " head_consent, department_id, requested_on, deputy_consent, title,"
		     " government_approved, location FROM meeting WHERE date BETWEEN ?1 AND ?2",
		     load_from, load_to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->meetings, &capacity, out->meeting_count,
			    sizeof *out->meetings, error) != 0)
			goto fail;
		hw_check_meeting *m = &out->meetings[out->meeting_count];
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(l.statement, 0);
		char text[32];
		hw_column_text(l.statement, 1, text, sizeof text);
		if (!hw_meeting_type_from_key(text, &m->type) || !hw_column_date(l.statement, 2, &m->date))
			continue;
		hw_column_text(l.statement, 3, text, sizeof text);
		m->start_minute = minutes_of_day(text, 0);
		hw_column_text(l.statement, 4, text, sizeof text);
		m->end_minute = minutes_of_day(text, m->start_minute + 120);
		hw_column_text(l.statement, 5, text, sizeof text);
		m->status = strcmp(text, "held") == 0        ? HW_STATUS_HELD
			    : strcmp(text, "cancelled") == 0 ? HW_STATUS_CANCELLED
							     : HW_STATUS_PLANNED;
		m->chair_id = sqlite3_column_int64(l.statement, 6);
		m->adhoc = sqlite3_column_type(l.statement, 7) != SQLITE_NULL;
		m->decision_type = sqlite3_column_int(l.statement, 8) != 0;
		m->head_consent = sqlite3_column_int(l.statement, 9) != 0;
		m->department_id = sqlite3_column_int64(l.statement, 10);
		m->has_requested_on = hw_column_date(l.statement, 11, &m->requested_on);
		m->deputy_consent = sqlite3_column_int(l.statement, 12) != 0;
		hw_column_text(l.statement, 13, m->title, sizeof m->title);
		m->government_approved = sqlite3_column_int(l.statement, 14) != 0;
		hw_column_text(l.statement, 15, m->location, sizeof m->location);
		out->meeting_count++;
	}
	if (finish(&l, last) != 0)
		goto fail;
	hw_sort(out->meetings, (size_t)out->meeting_count, sizeof *out->meetings, compare_meeting_ids);

	/* Attendees grouped by meeting, by person within it; each meeting gets its range. */
	capacity = 0;
	if (!prepare(&l,
		     "SELECT a.meeting_id, a.person_id, a.kind FROM meeting m"
		     " JOIN attendee a ON a.meeting_id = m.id WHERE m.date BETWEEN ?1 AND ?2",
		     load_from, load_to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->attendees, &capacity, out->attendee_count,
			  sizeof *out->attendees, error) != 0)
			goto fail;
		hw_check_attendee *a = &out->attendees[out->attendee_count++];
		a->meeting_id = sqlite3_column_int64(l.statement, 0);
		a->person_id = sqlite3_column_int64(l.statement, 1);
		char kind[16];
		hw_column_text(l.statement, 2, kind, sizeof kind);
		if (!hw_attendance_from_key(kind, &a->kind))
			a->kind = HW_ATTEND_GUEST;
	}
	if (finish(&l, last) != 0)
		goto fail;
	if (!attendees_grouped(out))
		hw_sort(out->attendees, (size_t)out->attendee_count, sizeof *out->attendees,
		       compare_attendees);
	assign_attendee_ranges(out);

	capacity = 0;
	if (!prepare(&l,
		     "SELECT v.meeting_id, v.person_id, v.state, v.written FROM meeting m"
		     " JOIN leave v ON v.meeting_id = m.id WHERE m.date BETWEEN ?1 AND ?2",
		     load_from, load_to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->leave, &capacity, out->leave_count,
			    sizeof *out->leave, error) != 0)
			goto fail;
		hw_check_leave *v = &out->leave[out->leave_count++];
		v->meeting_id = sqlite3_column_int64(l.statement, 0);
		v->person_id = sqlite3_column_int64(l.statement, 1);
		char state[16];
		hw_column_text(l.statement, 2, state, sizeof state);
		v->approved = strcmp(state, "approved") == 0;
		v->pending = strcmp(state, "pending") == 0;
		v->written = sqlite3_column_int(l.statement, 3) != 0;
	}
	if (finish(&l, last) != 0)
		goto fail;
	hw_sort(out->leave, (size_t)out->leave_count, sizeof *out->leave, compare_leave);

	capacity = 0;
	if (!prepare(&l,
		     "SELECT t.id, t.meeting_id, t.deputy_id, t.department_id, t.matters,"
		     " t.matters_agreed, t.approved_by, t.studied_on, t.title FROM meeting m"
		     " JOIN topic t ON t.meeting_id = m.id"
		     " WHERE m.date BETWEEN ?1 AND ?2 AND t.state IN ('scheduled', 'decided')",
		     load_from, load_to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->topics, &capacity, out->topic_count,
			    sizeof *out->topics, error) != 0)
			goto fail;
		hw_check_topic *t = &out->topics[out->topic_count++];
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(l.statement, 0);
		t->meeting_id = sqlite3_column_int64(l.statement, 1);
		t->deputy_id = sqlite3_column_int64(l.statement, 2);
		t->department_id = sqlite3_column_int64(l.statement, 3);
		t->matters = (unsigned)sqlite3_column_int(l.statement, 4);
		t->agreed = sqlite3_column_int(l.statement, 5) != 0;
		t->approved = sqlite3_column_type(l.statement, 6) != SQLITE_NULL;
		t->has_studied_on = hw_column_date(l.statement, 7, &t->studied_on);
		hw_column_text(l.statement, 8, t->title, sizeof t->title);
	}
	if (finish(&l, last) != 0)
		goto fail;
	hw_sort(out->topics, (size_t)out->topic_count, sizeof *out->topics, compare_topics);

	capacity = 0;
	if (!prepare(&l,
		     "SELECT d.id, d.meeting_id, d.title, d.handed_over_on, d.issued_on FROM meeting m"
		     " JOIN document d ON d.meeting_id = m.id WHERE m.date BETWEEN ?1 AND ?2",
		     load_from, load_to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->documents, &capacity, out->document_count,
			  sizeof *out->documents, error) != 0)
			goto fail;
		hw_document *d = &out->documents[out->document_count++].document;
		memset(d, 0, sizeof *d);
		d->id = sqlite3_column_int64(l.statement, 0);
		d->meeting_id = sqlite3_column_int64(l.statement, 1);
		hw_column_text(l.statement, 2, d->title, sizeof d->title);
		d->handed_over = hw_column_date(l.statement, 3, &d->handed_over_on);
		d->issued = hw_column_date(l.statement, 4, &d->issued_on);
	}
	if (finish(&l, last) != 0)
		goto fail;
	hw_sort(out->documents, (size_t)out->document_count, sizeof *out->documents, compare_documents);
	if (hw_office_minutes_target(session, &out->minutes_target_days, error) != 0)
		goto fail;
	capacity = 0;
	if (out->minutes_target_days > 0) {
		if (!prepare(&l,
			     "SELECT n.meeting_id FROM meeting m JOIN minutes n ON n.meeting_id = m.id"
			     " WHERE m.date BETWEEN ?1 AND ?2 AND n.state = 'signed' ORDER BY n.meeting_id",
			     load_from, load_to))
			goto fail;
		while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
			if (hw_grow((void **)&out->signed_minutes, &capacity,
				    out->signed_minutes_count, sizeof *out->signed_minutes, error) != 0)
				goto fail;
			out->signed_minutes[out->signed_minutes_count++] =
				sqlite3_column_int64(l.statement, 0);
		}
		if (finish(&l, last) != 0)
			goto fail;
	}
	capacity = 0;
	if (!prepare(&l,
		     "SELECT person_id, date, start, end, coalesce(summary, '') FROM busy"
		     " WHERE date BETWEEN ?1 AND ?2 AND person_id IS NOT NULL ORDER BY date",
		     from, to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->busy, &capacity, out->busy_count,
			    sizeof *out->busy, error) != 0)
			goto fail;
		hw_check_busy *b = &out->busy[out->busy_count];
		b->person_id = sqlite3_column_int64(l.statement, 0);
		if (!hw_column_date(l.statement, 1, &b->date))
			continue;
		char text[16];
		hw_column_text(l.statement, 2, text, sizeof text);
		bool all_day = text[0] == '\0';
		b->start_minute = all_day ? 0 : minutes_of_day(text, 0);
		hw_column_text(l.statement, 3, text, sizeof text);
		b->end_minute = all_day ? 24 * 60 : minutes_of_day(text, b->start_minute + 120);
		hw_column_text(l.statement, 4, b->summary, sizeof b->summary);
		out->busy_count++;
	}
	if (finish(&l, last) != 0)
		goto fail;
	capacity = 0;
	if (!prepare(&l,
		     "SELECT person_id, from_date, to_date, reported_to FROM trip"
		     " WHERE to_date >= ?1 AND from_date <= ?2 AND cancelled_on IS NULL"
		     " ORDER BY from_date, id",
		     from, to))
		goto fail;
	while ((last = sqlite3_step(l.statement)) == SQLITE_ROW) {
		if (hw_grow((void **)&out->trips, &capacity, out->trip_count, sizeof *out->trips,
			    error) != 0)
			goto fail;
		hw_check_trip *trip = &out->trips[out->trip_count];
		trip->person_id = sqlite3_column_int64(l.statement, 0);
		if (!hw_column_date(l.statement, 1, &trip->from) ||
		    !hw_column_date(l.statement, 2, &trip->to))
			continue;
		hw_column_text(l.statement, 3, trip->reported_to, sizeof trip->reported_to);
		out->trip_count++;
	}
	if (finish(&l, last) != 0)
		goto fail;
	return 0;

fail:
	discard(&l);
	hw_check_data_free(out);
	return -1;
}

void hw_check_data_free(hw_check_data *data)
{
	free(data->meetings);
	free(data->attendees);
	free(data->people);
	free(data->departments);
	free(data->leave);
	free(data->topics);
	free(data->documents);
	free(data->signed_minutes);
	free(data->busy);
	free(data->trips);
	memset(data, 0, sizeof *data);
}
