#include "office.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "number.h"
#include "sort.h"

int hw_office_minutes_target(hw_session *session, int *days, hw_error *error)
{
	*days = 0;
	sqlite3_stmt *statement = hw_store_cached(
		session->store, "SELECT minutes_target_days FROM government WHERE id = 1", error);
	if (statement == NULL)
		return -1;
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL)
		*days = sqlite3_column_int(statement, 0);
	return hw_store_finish(session->store, statement, last,
			       N_("cannot read the office's settings"), error);
}

int hw_office_set_minutes_target(hw_session *session, const char *value, hw_error *error)
{
	int64_t days = 0;
	if (value == NULL || strcmp(value, "off") != 0) {
		if (hw_number_parse(value, 1, HW_OFFICE_MINUTES_TARGET_MAX, &days) != HW_NUMBER_OK)
			return hw_error_set(error,
					    _("the minutes target is a number of working days from 1 to "
					      "%d, or off"),
					    HW_OFFICE_MINUTES_TARGET_MAX);
	}
	if (hw_action_begin(session, error) != 0)
		return -1;
	if (hw_action_snapshot(session, "government", 1, error) != 0)
		goto fail;
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "UPDATE government SET minutes_target_days = ?1 WHERE id = 1");
	if (statement != NULL) {
		if (days > 0)
			sqlite3_bind_int64(statement, 1, days);
		else
			sqlite3_bind_null(statement, 1);
	}
	if (hw_store_run(session->store, statement, _("cannot save the office's settings"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, "office set", "government", 1, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

hw_date hw_office_minutes_due(const hw_calendar *calendar, int days, hw_date meeting_date)
{
	return hw_calendar_add_workdays(calendar, meeting_date, days, NULL);
}

typedef struct target_list {
	hw_minutes_target *items;
	int count;
	int capacity;
} target_list;

static int compare_targets(const void *a, const void *b)
{
	const hw_minutes_target *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return (x->meeting_id > y->meeting_id) - (x->meeting_id < y->meeting_id);
}

/* Held meetings whose minutes are not signed: not drafted, or drafted and waiting. */
static const char every_unsigned[] =
	"SELECT m.id, m.title, m.date, n.state FROM meeting m"
	" LEFT JOIN minutes n ON n.meeting_id = m.id"
	" WHERE m.status = 'held' AND (n.state IS NULL OR n.state <> 'signed')";
static const char one_unsigned[] =
	"SELECT m.id, m.title, m.date, n.state FROM meeting m"
	" LEFT JOIN minutes n ON n.meeting_id = m.id"
	" WHERE m.status = 'held' AND (n.state IS NULL OR n.state <> 'signed') AND m.id = ?1";

int hw_office_minutes_targets(hw_session *session, int64_t meeting_id,
			      int (*visit)(const hw_minutes_target *, void *), void *user,
			      hw_error *error)
{
	int days;
	if (hw_office_minutes_target(session, &days, error) != 0)
		return -1;
	if (days == 0)
		return 0;
	sqlite3_stmt *statement =
		hw_store_cached(session->store, meeting_id ? one_unsigned : every_unsigned, error);
	if (statement == NULL)
		return -1;
	if (meeting_id)
		sqlite3_bind_int64(statement, 1, meeting_id);
	target_list list = {0};
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_minutes_target item = {.meeting_id = sqlite3_column_int64(statement, 0), .days = days};
		if (!hw_column_date(statement, 2, &item.meeting_date))
			continue;
		hw_column_text(statement, 1, item.title, sizeof item.title);
		item.drafted = sqlite3_column_type(statement, 3) != SQLITE_NULL;
		item.due = hw_office_minutes_due(session->calendar, days, item.meeting_date);
		item.workdays_left = hw_calendar_count_workdays(session->calendar, session->today,
								item.due, &item.touched);
		hw_calendar_note_span(session->calendar, item.meeting_date, item.due, &item.touched);
		item.provisional = item.touched.count > 0;
		if (hw_grow((void **)&list.items, &list.capacity, list.count, sizeof *list.items,
			    error) != 0) {
			status = -1;
			break;
		}
		list.items[list.count++] = item;
	}
	if (status != 0)
		sqlite3_reset(statement);
	else if (hw_store_finish(session->store, statement, last, N_("cannot read the minutes"),
				 error) != 0)
		status = -1;
	hw_sort(list.items, (size_t)list.count, sizeof *list.items, compare_targets);
	for (int i = 0; i < list.count && status == 0; i++)
		status = visit(&list.items[i], user);
	free(list.items);
	return status;
}
