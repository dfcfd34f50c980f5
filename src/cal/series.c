#include "series.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "i18n.h"
#include "number.h"
#include "text.h"

static const char *const policy_keys[] = {"skip", "next", "previous"};

const char *hw_holiday_policy_key(hw_holiday_policy policy)
{
	return policy_keys[policy];
}

const char *hw_holiday_policy_label(hw_holiday_policy policy)
{
	/* The words of the series form (ui/actions_meeting.c). */
	static const char *const labels[] = {N_("skip it"), N_("move to the next working day"),
					     N_("move to the working day before")};
	return _(labels[policy]);
}

/* A floating noon on `date`: libical 3.0.16 expands a date-only DTSTART wrongly (FREQ=DAILY
 * repeats the first day forever; BYMONTHDAY repeats it once and skips INTERVAL). */
static struct icaltimetype ical_start(hw_date date)
{
	char text[32];
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	snprintf(text, sizeof text, "%04d%02d%02dT120000", year, month, day);
	return icaltime_from_string(text);
}

int hw_series_expand(const hw_calendar *calendar, const char *rrule, hw_date from, hw_date until,
		     int count, hw_date horizon, hw_holiday_policy policy, hw_occurrence *out,
		     hw_error *error)
{
	if (rrule == NULL || *rrule == '\0')
		return hw_error_option(error, "rrule", "%s", _("say the recurrence, e.g. FREQ=MONTHLY;BYDAY=2TU,4TU"));
	icalerror_clear_errno();
	struct icalrecurrencetype rule = icalrecurrencetype_from_string(rrule);
	if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		return hw_error_set(error,
				    _("'%s' is not a recurrence rule (RFC 5545 RRULE), e.g. "
				      "FREQ=MONTHLY;BYDAY=2TU,4TU"),
				    rrule);
	}
	if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
	    rule.freq == ICAL_HOURLY_RECURRENCE)
		return hw_error_set(error, "%s", _("a meeting recurs by days, weeks, months or years"));
	if (rule.count != 0 || !icaltime_is_null_time(rule.until))
		return hw_error_option(error, "until", "%s",
				       _("say the end of the series as its last day or its number of "
					 "meetings, not in the rule"));
	icalrecur_iterator *iterator = icalrecur_iterator_new(rule, ical_start(from));
	if (iterator == NULL) {
		icalerror_clear_errno();
		return hw_error_set(error, _("libical cannot expand the rule '%s'"), rrule);
	}
	hw_date last = until ? (until < horizon ? until : horizon) : horizon;
	int made = 0, taken = 0;
	hw_date previous = from - 1;
	struct icaltimetype next;
	/* Dates must only go forward; a rule that stalls is stopped rather than followed. */
	int stalled = 0;
	while (!icaltime_is_null_time(next = icalrecur_iterator_next(iterator))) {
		hw_date date = hw_date_from_ymd(next.year, next.month, next.day);
		if (date <= previous) {
			if (++stalled > 10000) {
				icalrecur_iterator_free(iterator);
				return hw_error_set(error, _("libical cannot expand the rule '%s'"), rrule);
			}
			continue;
		}
		previous = date;
		if (date > last || (count > 0 && taken == count))
			break;
		if (made == HW_SERIES_MAX_OCCURRENCES) {
			icalrecur_iterator_free(iterator);
			return hw_error_option(error, "until",
					       _("the series would make more than %d meetings before its "
						 "end: give it an earlier end"),
					    HW_SERIES_MAX_OCCURRENCES);
		}
		taken++;
		hw_occurrence *occurrence = &out[made++];
		occurrence->rule_date = date;
		occurrence->date = date;
		occurrence->skipped = false;
		if (hw_calendar_is_workday(calendar, date))
			continue;
		if (policy == HW_HOLIDAY_SKIP)
			occurrence->skipped = true;
		else
			occurrence->date = hw_calendar_add_workdays(calendar, date,
								    policy == HW_HOLIDAY_NEXT ? 1 : -1, NULL);
	}
	icalrecur_iterator_free(iterator);
	/* Two days moved onto one (a Tuesday and the next Tuesday both off until the same
	 * Wednesday) make one meeting, not two. */
	for (int i = 0; i < made; i++)
		for (int j = 0; j < i && !out[i].skipped; j++)
			if (!out[j].skipped && out[j].date == out[i].date)
				out[i].skipped = true;
	return made;
}

/* ---- storage ---- */

#define SERIES_COLUMNS                                                                         \
	"id, uid, type, rrule, start, end, first_date, until, count, on_holiday, title, location,"  \
	" ended_on, sequence, changed_at"

static void read_series(sqlite3_stmt *statement, hw_series *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	hw_column_text(statement, 1, out->uid, sizeof out->uid);
	char text[32];
	hw_column_text(statement, 2, text, sizeof text);
	if (!hw_meeting_type_from_key(text, &out->type))
		out->type = HW_MEETING_EXECUTIVE;
	hw_column_text(statement, 3, out->rrule, sizeof out->rrule);
	hw_column_text(statement, 4, out->start, sizeof out->start);
	hw_column_text(statement, 5, out->end, sizeof out->end);
	hw_column_date(statement, 6, &out->first_date);
	out->has_until = hw_column_date(statement, 7, &out->until);
	out->count = sqlite3_column_int(statement, 8);
	hw_column_text(statement, 9, text, sizeof text);
	out->on_holiday = strcmp(text, "next") == 0       ? HW_HOLIDAY_NEXT
			  : strcmp(text, "previous") == 0 ? HW_HOLIDAY_PREVIOUS
							  : HW_HOLIDAY_SKIP;
	hw_column_text(statement, 10, out->title, sizeof out->title);
	hw_column_text(statement, 11, out->location, sizeof out->location);
	out->ended = hw_column_date(statement, 12, &out->ended_on);
	out->sequence = sqlite3_column_int(statement, 13);
	hw_column_text(statement, 14, out->changed_at, sizeof out->changed_at);
}

int hw_series_get(hw_session *session, int64_t id, hw_series *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " SERIES_COLUMNS " FROM series WHERE id = ?1", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the series"), error);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_series(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the series"), error) != 0)
		return -1;
	return last == SQLITE_ROW ? 0
		     : hw_error_option(error, "huiwu series list", _("no series #%lld"), (long long)id);
}

int hw_series_list(hw_session *session, int (*visit)(const hw_series *, void *), void *user,
		   hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " SERIES_COLUMNS " FROM series ORDER BY id", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the series"), error);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_series series;
		read_series(statement, &series);
		if ((status = visit(&series, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the series"), error) != 0)
		return -1;
	return status;
}

int hw_series_skips(hw_session *session, int64_t id, int (*visit)(hw_date, void *), void *user,
		    hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT occurrence FROM series_skip WHERE series_id = ?1 ORDER BY occurrence",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the series"), error);
	sqlite3_bind_int64(statement, 1, id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_date date;
		if (hw_column_date(statement, 0, &date) && (status = visit(date, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the series"), error) != 0)
		return -1;
	return status;
}

/* ---- the frequency the rules set ---- */

static int count_existing(hw_session *session, hw_meeting_type type, hw_date start, hw_date end,
			  int *count, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT count(*) FROM meeting WHERE type = ?1 AND date BETWEEN ?2 AND ?3"
			       " AND status <> 'cancelled' AND adhoc_reason IS NULL",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the meetings"), error);
	sqlite3_bind_text(statement, 1, hw_meeting_type_key(type), -1, SQLITE_STATIC);
	hw_bind_date(statement, 2, start);
	hw_bind_date(statement, 3, end);
	int last = sqlite3_step(statement);
	*count = last == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
	return hw_store_finish(session->store, statement, last, N_("cannot read the meetings"), error);
}

static void describe_period(hw_date start, int months, char *out, size_t size)
{
	int year, month, day;
	hw_date_to_ymd(start, &year, &month, &day);
	if (months == 12)
		snprintf(out, size, "%d", year);
	else if (months == 1)
		snprintf(out, size, "%d-%02d", year, month);
	else
		snprintf(out, size, "%d-%02d..%02d", year, month, month + months - 1);
}

/* Refuses occurrences that would put more meetings in a period than the rules allow. */
static int check_frequency(hw_session *session, hw_meeting_type type, const hw_occurrence *list,
			   int count, hw_error *error)
{
	const hw_type_rules *rules = &session->rules->types[type];
	if (!rules->has_frequency)
		return 0;
	int months = rules->frequency.months;
	for (int i = 0; i < count; i++) {
		if (list[i].skipped)
			continue;
		hw_date start, end;
		hw_date_period(list[i].date, months, &start, &end);
		/* Judge each period once: at its first occurrence. */
		bool first = true;
		for (int j = 0; j < i && first; j++)
			first = list[j].skipped || list[j].date < start || list[j].date > end;
		if (!first)
			continue;
		int total = 0;
		if (count_existing(session, type, start, end, &total, error) != 0)
			return -1;
		for (int j = i; j < count; j++)
			total += !list[j].skipped && list[j].date >= start && list[j].date <= end;
		if (total > rules->frequency.max) {
			char period[32];
			describe_period(start, months, period, sizeof period);
			return hw_error_option(error, "force",
					       _("the series would hold %d %s in %s, and the rules allow at "
						 "most %d 〔%s〕: nothing was created"),
					    total, rules->name, period, rules->frequency.max,
					    hw_type_key_clause(rules, HW_KEY_FREQUENCY));
		}
	}
	return 0;
}

/* ---- actions ---- */

static int parse_policy(const char *text, hw_holiday_policy *out, hw_error *error)
{
	if (text == NULL) {
		*out = HW_HOLIDAY_SKIP;
		return 0;
	}
	for (int policy = 0; policy < 3; policy++)
		if (strcmp(text, policy_keys[policy]) == 0) {
			*out = (hw_holiday_policy)policy;
			return 0;
		}
	return hw_error_option(error, "on-holiday",
			       _("a meeting on a day off is skipped, moved to the next or moved to the "
				 "previous working day (skip, next, previous), not '%s'"),
			       text);
}

static int insert_series(hw_session *session, const hw_series *series, int64_t *id, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "INSERT INTO series (uid, type, rrule, start, end, first_date, until, count,"
			       " on_holiday, title, location, changed_at)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot save the series"), error);
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	sqlite3_bind_text(statement, 1, series->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, hw_meeting_type_key(series->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, series->rrule, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, series->start, -1, SQLITE_STATIC);
	if (series->end[0])
		sqlite3_bind_text(statement, 5, series->end, -1, SQLITE_STATIC);
	hw_bind_date(statement, 6, series->first_date);
	if (series->has_until)
		hw_bind_date(statement, 7, series->until);
	if (series->count)
		sqlite3_bind_int(statement, 8, series->count);
	sqlite3_bind_text(statement, 9, policy_keys[series->on_holiday], -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 10, series->title, -1, SQLITE_STATIC);
	if (series->location[0])
		sqlite3_bind_text(statement, 11, series->location, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 12, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(statement);
	sqlite3_finalize(statement);
	if (rc != SQLITE_DONE)
		return hw_store_fail(session->store, _("cannot save the series"), error);
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return 0;
}

static int insert_skip(hw_session *session, int64_t id, hw_date date, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "INSERT INTO series_skip (series_id, occurrence) VALUES (?1, ?2)", -1,
			       &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot save the series"), error);
	sqlite3_bind_int64(statement, 1, id);
	hw_bind_date(statement, 2, date);
	int rc = sqlite3_step(statement);
	sqlite3_finalize(statement);
	return rc == SQLITE_DONE ? 0 : hw_store_fail(session->store, _("cannot save the series"), error);
}

/* The input with its text checked and trimmed at the door, the copies kept in `buffers`. */
static int clean_text(const hw_series_input *input, hw_series_input *clean, hw_series *buffers,
		      hw_error *error)
{
	*clean = *input;
	if (hw_text_clean(&clean->title, HW_TEXT_LINE, _("the title"), buffers->title,
			  sizeof buffers->title, error) != 0 ||
	    hw_text_clean(&clean->location, HW_TEXT_LINE, _("the location"), buffers->location,
			  sizeof buffers->location, error) != 0 ||
	    hw_text_clean(&clean->rrule, HW_TEXT_LINE, _("the recurrence"), buffers->rrule,
			  sizeof buffers->rrule, error) != 0)
		return -1;
	return 0;
}

int hw_series_add(hw_session *session, const hw_series_input *input, int64_t *id, int *created,
		  hw_error *error)
{
	hw_series series = {0};
	*created = 0;
	hw_series text = {0};
	hw_series_input clean;
	if (clean_text(input, &clean, &text, error) != 0)
		return -1;
	input = &clean;
	if (input->type == NULL || !hw_meeting_type_from_key(input->type, &series.type))
		return hw_error_option(error, "type", "%s",
				       _("say the meeting type (plenary, executive, office, special, "
					 "study)"));
	const hw_type_rules *type = &session->rules->types[series.type];
	if (!type->defined)
		return hw_error_set(error, _("the rules of %s do not define %s meetings 〔%s〕"),
				    session->rules->government[HW_GOV_NAME], input->type,
				    hw_type_clause(type));
	if (series.type == HW_MEETING_DEPT_WIDE)
		return hw_error_set(error, "%s",
				    _("a department-wide meeting is a department's own request, not a "
				      "standing series"));
	if (input->from == NULL || !hw_date_parse(input->from, &series.first_date))
		return hw_error_option(error, "from", "%s", _("say the first day (YYYY-MM-DD)"));
	if (input->until != NULL && input->count != NULL)
		return hw_error_option(error, "count", "%s", _("end the series by its last day or by its number of meetings, not both"));
	if (input->until != NULL) {
		if (!hw_date_parse(input->until, &series.until) || series.until < series.first_date)
			return hw_error_option(error, "until",
					       _("'%s' is not a date on or after the first day"),
					       input->until);
		series.has_until = true;
	}
	if (input->count != NULL) {
		int64_t count;
		if (hw_number_parse(input->count, 1, HW_SERIES_MAX_OCCURRENCES, &count) !=
		    HW_NUMBER_OK)
			return hw_error_option(error, "count",
					       _("the number of meetings is a number from 1 to %d"),
					       HW_SERIES_MAX_OCCURRENCES);
		series.count = (int)count;
	}
	hw_date horizon = hw_date_from_ymd(hw_date_year(session->today) + 1, 12, 31);
	if (input->horizon != NULL && !hw_date_parse(input->horizon, &horizon))
		return hw_error_option(error, "horizon", _("'%s' is not a date"), input->horizon);
	if (parse_policy(input->on_holiday, &series.on_holiday, error) != 0)
		return -1;
	if (input->time == NULL || !hw_time_valid(input->time))
		return hw_error_option(error, "time", "%s", _("say when the meetings start (HH:MM)"));
	snprintf(series.start, sizeof series.start, "%s", input->time);
	if (input->end != NULL) {
		if (!hw_time_valid(input->end) || strcmp(input->end, input->time) <= 0)
			return hw_error_option(error, "end", _("'%s' is not a time after the start"), input->end);
		snprintf(series.end, sizeof series.end, "%s", input->end);
	}
	if (input->rrule == NULL || strlen(input->rrule) >= sizeof series.rrule)
		return hw_error_option(error, "rrule", "%s", _("say the recurrence, e.g. FREQ=MONTHLY;BYDAY=2TU,4TU"));
	snprintf(series.rrule, sizeof series.rrule, "%s", input->rrule);
	snprintf(series.title, sizeof series.title, "%s", input->title ? input->title : type->name);
	snprintf(series.location, sizeof series.location, "%s", input->location ? input->location : "");

	hw_occurrence *occurrences = malloc(HW_SERIES_MAX_OCCURRENCES * sizeof *occurrences);
	if (occurrences == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	int count = hw_series_expand(session->calendar, series.rrule, series.first_date,
				     series.has_until ? series.until : 0, series.count, horizon,
				     series.on_holiday, occurrences, error);
	int result = -1;
	if (count < 0)
		goto done;
	if (count == 0) {
		hw_error_set(error, "%s", _("the rule gives no day between the first day and the end"));
		goto done;
	}
	if (!input->force && check_frequency(session, series.type, occurrences, count, error) != 0)
		goto done;
	if (hw_action_begin(session, error) != 0)
		goto done;
	hw_new_uid(session->rules->government[HW_GOV_KEY], series.uid, sizeof series.uid);
	if (insert_series(session, &series, id, error) != 0)
		goto abort;
	hw_meeting_input meeting = HW_MEETING_INPUT_INIT;
	meeting.type = input->type;
	meeting.time = input->time;
	meeting.end = input->end;
	meeting.title = series.title;
	meeting.location = input->location;
	for (int i = 0; i < count; i++) {
		if (occurrences[i].skipped) {
			if (insert_skip(session, *id, occurrences[i].rule_date, error) != 0)
				goto abort;
			continue;
		}
		char date[HW_DATE_TEXT_SIZE];
		hw_date_format(occurrences[i].date, date);
		meeting.date = date;
		int64_t meeting_id;
		if (hw_meeting_insert(session, &meeting, *id, occurrences[i].rule_date, &meeting_id,
				      error) != 0)
			goto abort;
		(*created)++;
	}
	if (*created == 0) {
		hw_error_set(error, "%s", _("every day the rule gives is a day off, and the series skips them"));
		goto abort;
	}
	json_t *after = hw_row_json(session, "series", *id);
	if (after)
		json_object_set_new(after, "meetings", json_integer(*created));
	if (hw_audit_record(session, "series add", "series", *id, 0, NULL, after, error) != 0)
		goto abort;
	result = hw_action_commit(session, error);
	goto done;
abort:
	*created = 0;
	hw_action_abort(session);
done:
	free(occurrences);
	return result;
}

/* Applies `sql` (binding ?1 = series id, ?2 = today) inside an action. */
static int run_on_series(hw_session *session, const char *sql, int64_t id, hw_date day,
			 const char *text1, const char *text2, hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(session->store, sql);
	sqlite3_bind_int64(statement, 1, id);
	hw_bind_date(statement, 2, day);
	if (sqlite3_bind_parameter_count(statement) >= 3 && text1)
		sqlite3_bind_text(statement, 3, text1, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(statement) >= 4 && text2)
		sqlite3_bind_text(statement, 4, text2, -1, SQLITE_STATIC);
	return hw_store_run(session->store, statement, _("cannot change the series"), error);
}

int hw_series_edit(hw_session *session, int64_t id, const hw_series_input *input, hw_error *error)
{
	hw_series text = {0};
	hw_series_input clean;
	if (clean_text(input, &clean, &text, error) != 0)
		return -1;
	input = &clean;
	if (input->type || input->rrule || input->from || input->until || input->count ||
	    input->on_holiday)
		return hw_error_set(error, "%s",
				    _("a series' rule and days cannot change: end it and add a new one"));
	if (input->time == NULL && input->end == NULL && input->title == NULL && input->location == NULL)
		return hw_error_set(error, "%s", _("say what changes: the start, the end, the title or the place"));
	if (input->time && !hw_time_valid(input->time))
		return hw_error_set(error, _("'%s' is not a time: write HH:MM, e.g. 09:30"), input->time);
	if (input->end && *input->end && !hw_time_valid(input->end))
		return hw_error_set(error, _("'%s' is not a time: write HH:MM, e.g. 11:30"), input->end);
	if (input->title && (*input->title == '\0' || strlen(input->title) >= HW_TEXT_SIZE))
		return hw_error_set(error, "%s", _("the title is empty or too long"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_series series;
	if (hw_series_get(session, id, &series, error) != 0 ||
	    hw_action_snapshot(session, "series", id, error) != 0)
		goto fail;
	const char *start = input->time ? input->time : series.start;
	const char *end = input->end ? input->end : series.end;
	if (*end && strcmp(end, start) <= 0) {
		hw_error_set(error, _("the meeting ends (%s) before it starts (%s)"), end, start);
		goto fail;
	}
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	/* The series, then its planned occurrences from today on that were not changed alone. */
	if (run_on_series(session,
			  "UPDATE series SET start = ?3, end = nullif(?4, ''), sequence = sequence + 1"
			  " WHERE id = ?1 AND ?2 IS NOT NULL",
			  id, session->today, start, end, error) != 0 ||
	    (input->title &&
	     run_on_series(session, "UPDATE series SET title = ?3 WHERE id = ?1 AND ?2 IS NOT NULL", id,
			   session->today, input->title, NULL, error) != 0) ||
	    (input->location &&
	     run_on_series(session, "UPDATE series SET location = nullif(?3, '') WHERE id = ?1 AND ?2 IS NOT NULL",
			   id, session->today, input->location, NULL, error) != 0) ||
	    run_on_series(session,
			  "UPDATE meeting SET start = ?3, end = nullif(?4, ''), sequence = sequence + 1"
			  " WHERE series_id = ?1 AND date >= ?2 AND status = 'planned' AND detached = 0",
			  id, session->today, start, end, error) != 0 ||
	    (input->title &&
	     run_on_series(session,
			   "UPDATE meeting SET title = ?3 WHERE series_id = ?1 AND date >= ?2"
			   " AND status = 'planned' AND detached = 0",
			   id, session->today, input->title, NULL, error) != 0) ||
	    (input->location &&
	     run_on_series(session,
			   "UPDATE meeting SET location = nullif(?3, '') WHERE series_id = ?1 AND date >= ?2"
			   " AND status = 'planned' AND detached = 0",
			   id, session->today, input->location, NULL, error) != 0) ||
	    run_on_series(session,
			  "UPDATE series SET changed_at = ?3 WHERE id = ?1 AND ?2 IS NOT NULL", id,
			  session->today, now, NULL, error) != 0 ||
	    run_on_series(session,
			  "UPDATE meeting SET changed_at = ?3 WHERE series_id = ?1 AND date >= ?2"
			  " AND status = 'planned' AND detached = 0",
			  id, session->today, now, NULL, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "series edit", "series", id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_series_end(hw_session *session, int64_t id, const char *on, hw_error *error)
{
	hw_date day = session->today;
	if (on != NULL && !hw_date_parse(on, &day))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), on);
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_series series;
	if (hw_series_get(session, id, &series, error) != 0)
		goto fail;
	if (series.ended) {
		hw_error_set(error, _("series #%lld has ended already"), (long long)id);
		goto fail;
	}
	if (day < series.first_date) {
		hw_error_set(error, "%s", _("that is before the series begins"));
		goto fail;
	}
	if (hw_action_snapshot(session, "series", id, error) != 0)
		goto fail;
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	if (run_on_series(session,
			  "UPDATE series SET ended_on = ?2, sequence = sequence + 1, changed_at = ?3"
			  " WHERE id = ?1",
			  id, day, now, NULL, error) != 0 ||
	    run_on_series(session,
			  "UPDATE meeting SET status = 'cancelled', sequence = sequence + 1, changed_at = ?3"
			  " WHERE series_id = ?1 AND date > ?2 AND status = 'planned'",
			  id, day, now, NULL, error) != 0)
		goto fail;
	return hw_action_commit_change(session, "series end", "series", id, 0, error);
fail:
	hw_action_abort(session);
	return -1;
}

typedef struct planned_years {
	const hw_calendar *calendar;
	int64_t series_id;
	hw_years_without_data *touched;
} planned_years;

static int note_planned_year(const hw_meeting *meeting, void *user)
{
	planned_years *planned = user;
	if (meeting->series_id == planned->series_id && meeting->status == HW_STATUS_PLANNED)
		hw_calendar_note_year(planned->calendar, hw_date_year(meeting->date), planned->touched);
	return 0;
}

int hw_series_years_without_data(hw_session *session, int64_t id, hw_years_without_data *touched,
				 hw_error *error)
{
	hw_series series;
	if (hw_series_get(session, id, &series, error) != 0)
		return -1;
	planned_years planned = {session->calendar, id, touched};
	return hw_meeting_list(session, series.first_date, hw_date_from_ymd(9999, 12, 31),
			       note_planned_year, &planned, error);
}

/* ---- presets ---- */

static const char *const byday_codes[7] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

void hw_series_preset_rrule(hw_series_preset preset, hw_date first, char *out, size_t size)
{
	const char *day = byday_codes[hw_date_iso_weekday(first) - 1];
	switch (preset) {
	case HW_PRESET_WEEKLY: snprintf(out, size, "FREQ=WEEKLY;BYDAY=%s", day); break;
	case HW_PRESET_FORTNIGHTLY: snprintf(out, size, "FREQ=WEEKLY;INTERVAL=2;BYDAY=%s", day); break;
	case HW_PRESET_MONTHLY_FIRST: snprintf(out, size, "FREQ=MONTHLY;BYDAY=1%s", day); break;
	case HW_PRESET_MONTHLY_SECOND: snprintf(out, size, "FREQ=MONTHLY;BYDAY=2%s", day); break;
	case HW_PRESET_MONTHLY_THIRD: snprintf(out, size, "FREQ=MONTHLY;BYDAY=3%s", day); break;
	case HW_PRESET_MONTHLY_FOURTH: snprintf(out, size, "FREQ=MONTHLY;BYDAY=4%s", day); break;
	case HW_PRESET_MONTHLY_LAST: snprintf(out, size, "FREQ=MONTHLY;BYDAY=-1%s", day); break;
	case HW_PRESET_MONTHLY_1_3: snprintf(out, size, "FREQ=MONTHLY;BYDAY=1%s,3%s", day, day); break;
	case HW_PRESET_MONTHLY_2_4: snprintf(out, size, "FREQ=MONTHLY;BYDAY=2%s,4%s", day, day); break;
	case HW_PRESET_BIMONTHLY_FIRST:
		snprintf(out, size, "FREQ=MONTHLY;INTERVAL=2;BYDAY=1%s", day);
		break;
	/* The calendar's quarters, whatever month the series starts in. */
	case HW_PRESET_QUARTERLY_FIRST:
		snprintf(out, size, "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1%s", day);
		break;
	case HW_PRESET_MONTHLY_DAY: snprintf(out, size, "FREQ=MONTHLY"); break;
	case HW_PRESET_BIMONTHLY_DAY: snprintf(out, size, "FREQ=MONTHLY;INTERVAL=2"); break;
	case HW_PRESET_YEARLY_DAY: snprintf(out, size, "FREQ=YEARLY"); break;
	case HW_PRESET_CUSTOM: case HW_PRESET_COUNT: default: snprintf(out, size, "%s", ""); break;
	}
}

void hw_series_preset_label(hw_series_preset preset, hw_date first, char *out, size_t size)
{
	/* TRANSLATORS: %s is the weekday's short name (周二) */
	static const char *const weekday_labels[] = {
		[HW_PRESET_WEEKLY] = N_("every %s"),
		[HW_PRESET_FORTNIGHTLY] = N_("every other %s"),
		[HW_PRESET_MONTHLY_FIRST] = N_("the first %s of every month"),
		[HW_PRESET_MONTHLY_SECOND] = N_("the second %s of every month"),
		[HW_PRESET_MONTHLY_THIRD] = N_("the third %s of every month"),
		[HW_PRESET_MONTHLY_FOURTH] = N_("the fourth %s of every month"),
		[HW_PRESET_MONTHLY_LAST] = N_("the last %s of every month"),
		[HW_PRESET_MONTHLY_1_3] = N_("the first and third %s of every month"),
		[HW_PRESET_MONTHLY_2_4] = N_("the second and fourth %s of every month"),
		[HW_PRESET_BIMONTHLY_FIRST] = N_("the first %s of every other month"),
		[HW_PRESET_QUARTERLY_FIRST] = N_("the first %s of every quarter"),
	};
	int year, month, day;
	hw_date_to_ymd(first, &year, &month, &day);
	switch (preset) {
	case HW_PRESET_MONTHLY_DAY: snprintf(out, size, _("every month on day %d"), day); break;
	case HW_PRESET_BIMONTHLY_DAY: snprintf(out, size, _("every other month on day %d"), day); break;
	case HW_PRESET_YEARLY_DAY: snprintf(out, size, _("every year on %d-%d"), month, day); break;
	case HW_PRESET_CUSTOM: case HW_PRESET_COUNT:
		snprintf(out, size, "%s", _("custom: the rule typed below"));
		break;
	default:
		snprintf(out, size, _(weekday_labels[preset]), hw_weekday_name(first));
		break;
	}
}
