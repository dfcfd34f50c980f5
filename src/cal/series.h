/* Standing series: the year's regular meetings from one recurrence rule (RFC 5545 RRULE,
 * expanded by libical), each occurrence on a day off skipped or moved to the next or previous
 * working day, and each occurrence an ordinary meeting that can be edited or cancelled alone. */
#ifndef HW_SERIES_H
#define HW_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "meetings.h"
#include "session.h"

typedef enum hw_holiday_policy {
	HW_HOLIDAY_SKIP,
	HW_HOLIDAY_NEXT,
	HW_HOLIDAY_PREVIOUS,
} hw_holiday_policy;

typedef struct hw_occurrence {
	hw_date rule_date; /* the date the rule gives (RECURRENCE-ID) */
	hw_date date;      /* the meeting's date: the same, or moved off a day off */
	bool skipped;      /* on a day off and the policy is to skip it, or moved onto a day
			      that has the series' meeting already (EXDATE) */
} hw_occurrence;

#define HW_SERIES_MAX_OCCURRENCES 2000

/* Expands `rrule` (without UNTIL or COUNT) from `from` up to `until` (or for `count`
 * occurrences when count > 0), but never past `horizon`. A pure function of its inputs.
 * Fills at most HW_SERIES_MAX_OCCURRENCES; returns their number, or -1 with `error`. */
int hw_series_expand(const hw_calendar *calendar, const char *rrule, hw_date from, hw_date until,
		     int count, hw_date horizon, hw_holiday_policy policy, hw_occurrence *out,
		     hw_error *error);

typedef struct hw_series_input {
	const char *type;
	const char *rrule;
	const char *time;
	const char *end;
	const char *from;
	const char *until;
	const char *count;
	const char *on_holiday; /* skip (default), next, previous */
	const char *title;
	const char *location;
	const char *horizon; /* default: the end of next year */
	bool force;          /* create it even where it breaks the rules' frequency */
} hw_series_input;

typedef struct hw_series {
	int64_t id;
	char uid[80];
	hw_meeting_type type;
	char rrule[256];
	char start[6];
	char end[6];
	hw_date first_date;
	bool has_until;
	hw_date until;
	int count;
	hw_holiday_policy on_holiday;
	char title[HW_TEXT_SIZE];
	char location[HW_NAME_SIZE];
	bool ended;
	hw_date ended_on;
	int sequence;
	char changed_at[32];
} hw_series;

/* Creates the series and its occurrences up to the horizon, in one action. Refuses, before
 * creating anything, a series that would break the frequency the rules set, naming the
 * period and the clause, unless `force`. `*created` counts the meetings made. */
int hw_series_add(hw_session *session, const hw_series_input *input, int64_t *id, int *created,
		  hw_error *error);
/* Changes the time, end, title or location of the series and of its planned occurrences
 * that were not changed one by one. */
int hw_series_edit(hw_session *session, int64_t id, const hw_series_input *input, hw_error *error);
/* Ends the series after `on` (NULL: today): its later planned occurrences are cancelled. */
int hw_series_end(hw_session *session, int64_t id, const char *on, hw_error *error);
int hw_series_get(hw_session *session, int64_t id, hw_series *out, hw_error *error);
int hw_series_list(hw_session *session, int (*visit)(const hw_series *, void *), void *user,
		   hw_error *error);
/* The days the series skipped (EXDATE), in order. */
int hw_series_skips(hw_session *session, int64_t id, int (*visit)(hw_date, void *), void *user,
		    hw_error *error);
const char *hw_holiday_policy_key(hw_holiday_policy policy);
/* What the policy does, in the user's language (顺延至下一个工作日), for people. */
const char *hw_holiday_policy_label(hw_holiday_policy policy);
/* Records in `touched` the years without a published arrangement in which the series has
 * planned meetings: there its holiday policy placed them by provisional holidays, and they
 * may move when the notice is published. */
int hw_series_years_without_data(hw_session *session, int64_t id, hw_years_without_data *touched,
				 hw_error *error);

/* ---- presets: the standing series a clerk names ---- */

/* What a clerk says (每周二, 每月第二、四个周二, 每季度第一个周二 …), each made into an RRULE
 * for the series' first day, whose weekday, day of the month or date it takes. The form
 * offers them in this order; HW_PRESET_CUSTOM is a rule typed in full. */
typedef enum hw_series_preset {
	HW_PRESET_WEEKLY,          /* every Tuesday: FREQ=WEEKLY;BYDAY=TU */
	HW_PRESET_FORTNIGHTLY,     /* every other Tuesday */
	HW_PRESET_MONTHLY_FIRST,   /* the first Tuesday of every month: BYDAY=1TU */
	HW_PRESET_MONTHLY_SECOND,
	HW_PRESET_MONTHLY_THIRD,
	HW_PRESET_MONTHLY_FOURTH,
	HW_PRESET_MONTHLY_LAST,    /* BYDAY=-1TU */
	HW_PRESET_MONTHLY_1_3,     /* the first and third Tuesdays: BYDAY=1TU,3TU */
	HW_PRESET_MONTHLY_2_4,     /* the second and fourth: BYDAY=2TU,4TU */
	HW_PRESET_BIMONTHLY_FIRST, /* the first Tuesday of every other month */
	HW_PRESET_QUARTERLY_FIRST, /* the first Tuesday of January, April, July and October */
	HW_PRESET_MONTHLY_DAY,     /* the first day's date every month: FREQ=MONTHLY */
	HW_PRESET_BIMONTHLY_DAY,   /* … every other month */
	HW_PRESET_YEARLY_DAY,      /* the first day's date every year: FREQ=YEARLY */
	HW_PRESET_CUSTOM,          /* a typed RRULE */
	HW_PRESET_COUNT
} hw_series_preset;

/* Writes the preset's RRULE for a series whose first day is `first` (without UNTIL or COUNT,
 * as hw_series_add takes it); "" for HW_PRESET_CUSTOM. */
void hw_series_preset_rrule(hw_series_preset preset, hw_date first, char *out, size_t size);
/* Writes the preset's name for `first`, in the user's language: "每月第二、四个周二". */
void hw_series_preset_label(hw_series_preset preset, hw_date first, char *out, size_t size);

#endif
