#include "holiday_changes.h"

#include <errno.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "i18n.h"
#include "paths.h"
#include "series.h"
#include "store.h"
#include "text_file.h"

/* How far ahead meetings are looked at: a notice arranges its year and touches the next. */
#define LOOK_AHEAD_DAYS (3 * 366)

typedef struct change_list {
	hw_holiday_change *items;
	int count;
	int capacity;
	hw_error *error;
} change_list;

static int add_change(change_list *list, const hw_holiday_change *change)
{
	if (hw_grow((void **)&list->items, &list->capacity, list->count, sizeof *change,
		    list->error) != 0)
		return -1;
	list->items[list->count++] = *change;
	return 0;
}

typedef struct meeting_list {
	hw_meeting *items;
	int count;
	int capacity;
	hw_error *error;
} meeting_list;

static int collect_meeting(const hw_meeting *meeting, void *user)
{
	meeting_list *list = user;
	if (meeting->status != HW_STATUS_PLANNED)
		return 0;
	if (hw_grow((void **)&list->items, &list->capacity, list->count, sizeof *meeting,
		    list->error) != 0)
		return -1;
	list->items[list->count++] = *meeting;
	return 0;
}

static bool is_off(hw_day_info info)
{
	return info.kind == HW_DAY_HOLIDAY || info.kind == HW_DAY_WEEKEND;
}

/* Where the policy places an occurrence whose rule gives `rule_date`; false: skipped. */
static bool place(const hw_calendar *calendar, hw_date rule_date, hw_holiday_policy policy,
		  hw_date *out)
{
	*out = rule_date;
	if (hw_calendar_is_workday(calendar, rule_date))
		return true;
	if (policy == HW_HOLIDAY_SKIP)
		return false;
	*out = hw_calendar_add_workdays(calendar, rule_date, policy == HW_HOLIDAY_NEXT ? 1 : -1, NULL);
	return true;
}

static void name_holiday(const hw_calendar *calendar, hw_date date, hw_holiday_change *change)
{
	hw_day_info info = hw_calendar_day(calendar, date);
	snprintf(change->holiday, sizeof change->holiday, "%s",
		 info.holiday_name != NULL ? info.holiday_name : "");
}

typedef struct skip_visit {
	change_list *list;
	const hw_series *series;
	const hw_calendar *after;
	hw_date today;
} skip_visit;

static int visit_skip(hw_date date, void *user)
{
	skip_visit *visit = user;
	if (date < visit->today || visit->series->on_holiday != HW_HOLIDAY_SKIP ||
	    (visit->series->ended && date > visit->series->ended_on))
		return 0;
	/* Under the skip policy a day is skipped only for being off; one that works now returns. */
	if (!hw_calendar_is_workday(visit->after, date))
		return 0;
	hw_holiday_change change = {.kind = HW_CHANGE_SERIES_RESTORE,
				    .series_id = visit->series->id,
				    .rule_date = date,
				    .before = date,
				    .after = date};
	snprintf(change.what, sizeof change.what, "%s", visit->series->title);
	return add_change(visit->list, &change);
}

typedef struct series_walk {
	hw_session *session;
	change_list *list;
	const hw_calendar *after;
	hw_series *items;
	int count;
	int capacity;
	hw_error *error;
} series_walk;

static int collect_series(const hw_series *series, void *user)
{
	series_walk *walk = user;
	if (hw_grow((void **)&walk->items, &walk->capacity, walk->count, sizeof *series,
		    walk->error) != 0)
		return -1;
	walk->items[walk->count++] = *series;
	return 0;
}

static const hw_series *find_series(const series_walk *walk, int64_t id)
{
	for (int i = 0; i < walk->count; i++)
		if (walk->items[i].id == id)
			return &walk->items[i];
	return NULL;
}

/* Whether the series already has its meeting on `date` under `after`: one moved there
 * before, or one there that stays. */
static bool series_holds(const meeting_list *meetings, const change_list *list,
			 const hw_series *series, const hw_calendar *after, hw_date date)
{
	for (int i = 0; i < list->count; i++)
		if (list->items[i].kind == HW_CHANGE_SERIES_MOVE &&
		    list->items[i].series_id == series->id && list->items[i].after == date)
			return true;
	for (int i = 0; i < meetings->count; i++) {
		const hw_meeting *other = &meetings->items[i];
		hw_date placed;
		if (other->series_id != series->id || other->date != date)
			continue;
		if (other->detached || (place(after, other->occurrence, series->on_holiday, &placed) &&
					placed == date))
			return true;
	}
	return false;
}

typedef struct deadline_list {
	hw_deadline *items;
	int count;
	int capacity;
	hw_error *error;
} deadline_list;

static int collect_deadline(const hw_deadline *deadline, void *user)
{
	deadline_list *list = user;
	if (hw_grow((void **)&list->items, &list->capacity, list->count, sizeof *deadline,
		    list->error) != 0)
		return -1;
	list->items[list->count++] = *deadline;
	return 0;
}

/* Every change, collected; the caller frees list->items. */
static int collect_changes(hw_session *session, const hw_calendar *after, change_list *list,
			   hw_error *error)
{
	const hw_calendar *before = session->calendar;
	meeting_list meetings = {.error = error};
	series_walk walk = {.session = session, .list = list, .after = after, .error = error};
	deadline_list old_deadlines = {.error = error}, new_deadlines = {.error = error};
	int result = -1;
	if (hw_meeting_list(session, session->today, session->today + LOOK_AHEAD_DAYS,
			    collect_meeting, &meetings, error) != 0 ||
	    hw_series_list(session, collect_series, &walk, error) != 0)
		goto done;
	for (int i = 0; i < meetings.count; i++) {
		const hw_meeting *meeting = &meetings.items[i];
		hw_holiday_change change = {.meeting_id = meeting->id,
					    .series_id = meeting->series_id,
					    .rule_date = meeting->occurrence,
					    .before = meeting->date,
					    .after = meeting->date};
		snprintf(change.what, sizeof change.what, "%s", meeting->title);
		const hw_series *series = meeting->series_id != 0 && !meeting->detached
						  ? find_series(&walk, meeting->series_id)
						  : NULL;
		if (series != NULL) {
			/* A meeting the series made and nobody moved alone (not detached) stands
			 * where the policy put it under the data of its day; where the policy
			 * would put it now is all that counts, so that re-applying later, after
			 * the file is written, finds the same. A date the clerk chose stays
			 * theirs (detached). */
			hw_date will;
			bool will_place = place(after, meeting->occurrence, series->on_holiday, &will);
			if (!will_place || will != meeting->date) {
				/* Two occurrences moved onto one day make one meeting, as
				 * hw_series_expand has it: the later is cancelled. */
				if (will_place && series_holds(&meetings, list, series, after, will))
					will_place = false;
				change.kind = will_place ? HW_CHANGE_SERIES_MOVE : HW_CHANGE_SERIES_CANCEL;
				change.after = will_place ? will : meeting->date;
				name_holiday(after, meeting->occurrence, &change);
				if (add_change(list, &change) != 0)
					goto done;
				continue;
			}
		}
		hw_day_info old_day = hw_calendar_day(before, meeting->date);
		hw_day_info new_day = hw_calendar_day(after, meeting->date);
		if (is_off(new_day) && (!is_off(old_day) || old_day.provisional)) {
			change.kind = HW_CHANGE_NOW_OFF;
			name_holiday(after, meeting->date, &change);
			if (add_change(list, &change) != 0)
				goto done;
		}
	}
	for (int i = 0; i < walk.count; i++) {
		skip_visit visit = {list, &walk.items[i], after, session->today};
		if (hw_series_skips(session, walk.items[i].id, visit_skip, &visit, error) != 0)
			goto done;
	}
	/* Deadlines as the session's calendar counts them, then as the new one would. */
	if (hw_deadlines(session, collect_deadline, &old_deadlines, error) != 0)
		goto done;
	session->calendar = (hw_calendar *)after;
	int counted = hw_deadlines(session, collect_deadline, &new_deadlines, error);
	session->calendar = (hw_calendar *)before;
	if (counted != 0)
		goto done;
	for (int i = 0; i < old_deadlines.count; i++) {
		const hw_deadline *old = &old_deadlines.items[i];
		for (int j = 0; j < new_deadlines.count; j++) {
			const hw_deadline *new = &new_deadlines.items[j];
			if (new->kind != old->kind || new->meeting_id != old->meeting_id ||
			    new->document_id != old->document_id || new->due == old->due)
				continue;
			hw_holiday_change change = {.kind = HW_CHANGE_DEADLINE,
						    .meeting_id = old->meeting_id,
						    .document_id = old->document_id,
						    .deadline = old->kind,
						    .before = old->due,
						    .after = new->due};
			snprintf(change.what, sizeof change.what, "%s", old->what);
			if (add_change(list, &change) != 0)
				goto done;
		}
	}
	result = 0;
done:
	free(meetings.items);
	free(walk.items);
	free(old_deadlines.items);
	free(new_deadlines.items);
	return result;
}

int hw_holiday_changes(hw_session *session, const hw_calendar *after,
		       int (*visit)(const hw_holiday_change *, void *), void *user,
		       hw_error *error)
{
	change_list list = {.error = error};
	if (collect_changes(session, after, &list, error) != 0) {
		free(list.items);
		return -1;
	}
	int result = 0;
	for (int i = 0; i < list.count && result == 0; i++)
		result = visit(&list.items[i], user);
	free(list.items);
	return result;
}

static int run(hw_session *session, const char *sql, int64_t id, hw_date date, const char *text,
	       hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(session->store, sql);
	if (statement != NULL) {
		sqlite3_bind_int64(statement, 1, id);
		hw_bind_date(statement, 2, date);
		if (sqlite3_bind_parameter_count(statement) >= 3)
			sqlite3_bind_text(statement, 3, text, -1, SQLITE_STATIC);
	}
	return hw_store_run(session->store, statement, _("cannot change the series"), error);
}

/* Adds the occurrence of `series` on `date` that the series had skipped. */
static int restore(hw_session *session, const hw_series *series, hw_date date, int64_t *id,
		   hw_error *error)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	hw_meeting_input meeting = HW_MEETING_INPUT_INIT;
	meeting.type = hw_meeting_type_key(series->type);
	meeting.date = text;
	meeting.time = series->start;
	meeting.end = series->end[0] ? series->end : NULL;
	meeting.title = series->title;
	meeting.location = series->location[0] ? series->location : NULL;
	if (hw_meeting_insert(session, &meeting, series->id, date, id, error) != 0)
		return -1;
	return run(session, "DELETE FROM series_skip WHERE series_id = ?1 AND occurrence = ?2",
		   series->id, date, NULL, error);
}

int hw_series_reapply(hw_session *session, const hw_calendar *after, int *changed,
		      hw_error *error)
{
	*changed = 0;
	change_list list = {.error = error};
	if (collect_changes(session, after, &list, error) != 0) {
		free(list.items);
		return -1;
	}
	if (hw_action_begin(session, error) != 0) {
		free(list.items);
		return -1;
	}
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	for (int i = 0; i < list.count; i++) {
		const hw_holiday_change *change = &list.items[i];
		if (change->kind != HW_CHANGE_SERIES_MOVE && change->kind != HW_CHANGE_SERIES_CANCEL &&
		    change->kind != HW_CHANGE_SERIES_RESTORE)
			continue;
		int64_t meeting_id = change->meeting_id;
		json_t *before = NULL;
		if (change->kind == HW_CHANGE_SERIES_RESTORE) {
			hw_series series;
			if (hw_series_get(session, change->series_id, &series, error) != 0 ||
			    restore(session, &series, change->rule_date, &meeting_id, error) != 0)
				goto fail;
		} else {
			before = hw_row_json(session, "meeting", meeting_id);
			if (before == NULL) {
				hw_error_set(error, "%s", _("cannot change the series"));
				goto fail;
			}
			int rc = change->kind == HW_CHANGE_SERIES_MOVE
					 ? run(session,
					       "UPDATE meeting SET date = ?2, sequence = sequence + 1,"
					       " changed_at = ?3 WHERE id = ?1",
					       meeting_id, change->after, now, error)
					 : run(session,
					       "UPDATE meeting SET status = 'cancelled',"
					       " sequence = sequence + 1, changed_at = ?3 WHERE id = ?1"
					       " AND ?2 IS NOT NULL",
					       meeting_id, change->after, now, error);
			if (rc == 0 && change->kind == HW_CHANGE_SERIES_CANCEL)
				rc = run(session,
					 "INSERT OR IGNORE INTO series_skip (series_id, occurrence)"
					 " VALUES (?1, ?2)",
					 change->series_id, change->rule_date, NULL, error);
			if (rc != 0) {
				json_decref(before);
				goto fail;
			}
		}
		json_t *after_row = hw_row_json(session, "meeting", meeting_id);
		if (hw_audit_record(session, "series reapply", "meeting", meeting_id, meeting_id,
				    before, after_row, error) != 0)
			goto fail;
		(*changed)++;
	}
	free(list.items);
	return hw_action_commit(session, error);
fail:
	free(list.items);
	*changed = 0;
	hw_action_abort(session);
	return -1;
}

/* ---- the import ---- */

/* A notice is a few KB; its longest line, the 2025 preamble, under 1 KB. */
#define MAX_NOTICE_SIZE (256 * 1024)
#define MAX_NOTICE_LINE (16 * 1024)

int hw_holidays_read_notice(const char *path, hw_notice *notice, char **file_text,
			    hw_error *error)
{
	memset(notice, 0, sizeof *notice);
	*file_text = NULL;
	char *text = NULL;
	size_t size = 0;
	if (hw_text_file_read(path, MAX_NOTICE_SIZE, MAX_NOTICE_LINE, &text, &size, error) != 0)
		return -1;
	int result = hw_notice_parse(path, text, size, notice, error);
	free(text);
	if (result != 0)
		return -1;
	if ((*file_text = hw_notice_holiday_file(notice)) == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	return 0;
}

hw_calendar *hw_holidays_calendar_after(int year, const char *file_text, hw_error *error)
{
	char shipped[4096], user[4096];
	hw_holidays_dir(shipped, sizeof shipped);
	bool has_user = hw_user_holidays_dir(user, sizeof user) == 0;
	hw_calendar *calendar =
		hw_calendar_load_with_user(shipped, has_user ? user : NULL, year, error);
	if (calendar == NULL)
		return NULL;
	char label[64];
	snprintf(label, sizeof label, _("the notice's %d.txt"), year);
	if (hw_calendar_load_text(calendar, label, file_text, strlen(file_text), year, error) != 0) {
		hw_calendar_free(calendar);
		return NULL;
	}
	return calendar;
}

/* Writes `text` to `path` through a temporary file beside it, synced, then renamed. */
static int write_whole(const char *path, const char *text, hw_error *error)
{
	char temporary[4200];
	if (hw_temp_beside(path, ".new", temporary, sizeof temporary, error) != 0)
		return -1;
	FILE *out = fopen(temporary, "w");
	if (out == NULL)
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(errno));
	size_t length = strlen(text);
	bool ok = fwrite(text, 1, length, out) == length && fflush(out) == 0 &&
		  fsync(fileno(out)) == 0;
	int saved = errno;
	if (fclose(out) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok || rename(temporary, path) != 0) {
		if (ok)
			saved = errno;
		unlink(temporary);
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(saved));
	}
	hw_sync_parent_dir(path);
	return 0;
}

int hw_holidays_write(hw_session *session, const hw_notice *notice, const char *file_text,
		      char *path, size_t path_size, hw_error *error)
{
	char folder[4096];
	if (hw_user_holidays_dir(folder, sizeof folder) != 0)
		return hw_error_set(error, "%s",
				    _("neither XDG_DATA_HOME nor HOME is set: there is no folder "
				      "for your holiday files"));
	if ((size_t)snprintf(path, path_size, "%s/%d.txt", folder, notice->year) >= path_size)
		return hw_error_set(error, "%s", _("the holiday folder's path is too long"));
	if (hw_make_parent_dirs(path, error) != 0)
		return -1;
	/* What was there, to put back if the audit entry cannot be recorded. */
	char *previous = NULL;
	size_t previous_size = 0;
	bool had_previous = access(path, F_OK) == 0;
	/* A file that is there but cannot be kept aside is not replaced: it could not be put back. */
	if (had_previous && hw_file_read(path, MAX_NOTICE_SIZE, &previous, &previous_size, error) != 0)
		return -1;
	char signed_on[HW_DATE_TEXT_SIZE] = "";
	if (notice->has_signed_on)
		hw_date_format(notice->signed_on, signed_on);
	json_t *after = json_pack("{s:i,s:s?,s:s?,s:s,s:s,s:b}", "year", notice->year, "document",
				  notice->document[0] ? notice->document : NULL, "signed_on",
				  signed_on[0] ? signed_on : NULL, "file", path, "text", file_text,
				  "replaced", had_previous);
	if (after == NULL) {
		free(previous);
		return hw_error_set(error, "%s", _("out of memory"));
	}
	if (hw_action_begin(session, error) != 0) {
		json_decref(after);
		free(previous);
		return -1;
	}
	if (hw_audit_record(session, "holidays import", "holidays", notice->year, 0, NULL, after,
			    error) != 0 ||
	    write_whole(path, file_text, error) != 0) {
		hw_action_abort(session);
		free(previous);
		return -1;
	}
	if (hw_action_commit(session, error) != 0) {
		hw_error restore_error;
		if (had_previous)
			write_whole(path, previous, &restore_error);
		else
			unlink(path);
		free(previous);
		return -1;
	}
	free(previous);
	return 0;
}

/* ---- what the import shows ---- */

/* "2027-01-01（周五）" appended to `out`. */
static void append_day(char *out, size_t size, hw_date date)
{
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	size_t used = strlen(out);
	snprintf(out + used, size - used, "%s（%s）", text, hw_notice_weekday(date));
}

/* The days of one holiday of one kind, consecutive days as one range, appended to `out`. */
static void append_days(char *out, size_t size, const hw_notice *notice, int holiday, bool workday)
{
	int shown = 0;
	for (int i = 0; i < notice->day_count; i++) {
		const hw_notice_day *day = &notice->days[i];
		if (day->holiday != holiday || day->is_workday != workday)
			continue;
		int last = i;
		while (last + 1 < notice->day_count && notice->days[last + 1].holiday == holiday &&
		       notice->days[last + 1].is_workday == workday &&
		       notice->days[last + 1].date == notice->days[last].date + 1)
			last++;
		size_t used = strlen(out);
		snprintf(out + used, size - used, "%s", shown++ ? _(", ") : " ");
		append_day(out, size, day->date);
		if (last > i) {
			used = strlen(out);
			snprintf(out + used, size - used, "%s", _(" to "));
			append_day(out, size, notice->days[last].date);
		}
		i = last;
	}
}

int hw_notice_describe(const hw_notice *notice, int (*line)(const char *text, void *user),
		       void *user)
{
	char text[2048];
	/* The notice's own title, in its own language. */
	snprintf(text, sizeof text, "国务院办公厅关于%d年部分节假日安排的通知", notice->year);
	char signed_on[HW_DATE_TEXT_SIZE] = "";
	if (notice->has_signed_on)
		hw_date_format(notice->signed_on, signed_on);
	if (notice->document[0] || signed_on[0]) {
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, "（%s%s%s）", notice->document,
			 notice->document[0] && signed_on[0] ? "，" : "", signed_on);
	}
	int result = line(text, user);
	for (int h = 0; h < notice->holiday_count && result == 0; h++) {
		int off = 0, work = 0;
		for (int i = 0; i < notice->day_count; i++)
			if (notice->days[i].holiday == h)
				*(notice->days[i].is_workday ? &work : &off) += 1;
		snprintf(text, sizeof text, _("  %s: %d days off:"), notice->holidays[h], off);
		append_days(text, sizeof text, notice, h, false);
		result = line(text, user);
		if (work > 0 && result == 0) {
			snprintf(text, sizeof text, "%s", _("    make-up working days:"));
			append_days(text, sizeof text, notice, h, true);
			result = line(text, user);
		}
	}
	return result;
}

void hw_holiday_change_describe(const hw_holiday_change *change, char *out, size_t size)
{
	char before[HW_DATE_TEXT_SIZE], after[HW_DATE_TEXT_SIZE];
	hw_date_format(change->before, before);
	hw_date_format(change->after, after);
	const char *holiday = change->holiday[0] ? change->holiday : _("a day off");
	switch (change->kind) {
	case HW_CHANGE_NOW_OFF:
		snprintf(out, size, _("meeting #%lld %s on %s now falls on a day off (%s)"),
			 (long long)change->meeting_id, change->what, before, holiday);
		return;
	case HW_CHANGE_SERIES_MOVE:
		snprintf(out, size,
			 _("series #%lld: meeting #%lld %s on %s would move to %s (%s, the series' "
			   "holiday policy)"),
			 (long long)change->series_id, (long long)change->meeting_id, change->what,
			 before, after, holiday);
		return;
	case HW_CHANGE_SERIES_CANCEL:
		snprintf(out, size,
			 _("series #%lld: meeting #%lld %s on %s would be cancelled (%s, the series' "
			   "holiday policy)"),
			 (long long)change->series_id, (long long)change->meeting_id, change->what,
			 before, holiday);
		return;
	case HW_CHANGE_SERIES_RESTORE:
		snprintf(out, size,
			 _("series #%lld: %s on %s, skipped as a day off, would take place: it is a "
			   "working day now"),
			 (long long)change->series_id, change->what, before);
		return;
	case HW_CHANGE_DEADLINE:
		snprintf(out, size, _("deadline: %s (meeting #%lld) due %s, now %s"), change->what,
			 (long long)change->meeting_id, before, after);
		return;
	}
	snprintf(out, size, "?");
}
