/* The working-day calendar: weekends, the State Council's public holidays and make-up
 * workdays, read from data/holidays/YYYY.txt. A year without a file (its notice not published
 * yet) has the statutory holidays of data/holidays/statutory.txt, marked provisional, and no
 * make-up workdays; a year the table does not cover either counts Monday–Friday. Every answer
 * that touches a year without a file says so through `years_without_data`. */
#ifndef HW_WORKDAYS_H
#define HW_WORKDAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "civil_date.h"
#include "hw_error.h"

typedef struct hw_calendar hw_calendar;

typedef enum hw_day_kind {
	HW_DAY_WORKDAY,         /* an ordinary weekday */
	HW_DAY_MAKEUP_WORKDAY,  /* a weekend day that the arrangement makes a working day */
	HW_DAY_WEEKEND,
	HW_DAY_HOLIDAY,
} hw_day_kind;

typedef struct hw_day_info {
	hw_date date;
	hw_day_kind kind;
	const char *holiday_name; /* holiday or make-up day's name; NULL otherwise; owned by calendar */
	bool year_has_data;       /* the year's arrangement is published (YYYY.txt) */
	bool provisional;         /* a statutory holiday of a year whose arrangement is not published */
} hw_day_info;

/* Years an answer touched that have no holiday data, ascending, without repeats. */
#define HW_MAX_REPORTED_YEARS 8
typedef struct hw_years_without_data {
	int count;
	int years[HW_MAX_REPORTED_YEARS];
} hw_years_without_data;

/* The table of the lunar and solar-term dates of the statutory holidays, in the holiday folder. */
#define HW_STATUTORY_FILE "statutory.txt"

/* Loads every YYYY.txt in `directory`, and its statutory.txt when there is one; a malformed line
 * is an error "FILE:LINE: …". */
hw_calendar *hw_calendar_load(const char *directory, hw_error *error);
/* The calendar as huiwu uses it: the YYYY.txt files of the user's holiday folder `user`
 * ($XDG_DATA_HOME/huiwu/holidays, where 'huiwu holidays import' writes; NULL or missing: none),
 * then those of the shipped folder `shipped` for the years the user's folder has no file for —
 * the user's file wins for its year —, then the shipped statutory.txt. `skip_year` (0: none)
 * is left out of both, for a caller that adds that year's text itself. */
hw_calendar *hw_calendar_load_with_user(const char *shipped, const char *user, int skip_year,
					hw_error *error);
/* The user's and the shipped holiday folders (hw_user_holidays_dir, hw_holidays_dir). */
hw_calendar *hw_calendar_load_default(hw_error *error);
/* An empty calendar (Monday–Friday everywhere); for tests and for a missing data directory. */
hw_calendar *hw_calendar_new_empty(void);
/* Adds one file's arrangement; `year` is the year the file covers. */
int hw_calendar_load_file(hw_calendar *calendar, const char *path, int year, hw_error *error);
/* The same from `size` bytes of text (checked as hw_text_check_lines does), `label` naming it
 * in errors. */
int hw_calendar_load_text(hw_calendar *calendar, const char *label, const char *text, size_t size,
			  int year, hw_error *error);
void hw_calendar_free(hw_calendar *calendar);
/* Loads `directory`/statutory.txt (nothing when there is none), replacing any table loaded. */
int hw_calendar_load_statutory(hw_calendar *calendar, const char *directory, hw_error *error);
/* Whether `year` has no published arrangement but its statutory holidays are known: they are
 * provisional, and its make-up working days unknown. */
bool hw_calendar_year_is_provisional(const hw_calendar *calendar, int year);

bool hw_calendar_year_has_data(const hw_calendar *calendar, int year);
/* The years with data, ascending; returns how many, writes at most `capacity`. */
int hw_calendar_years(const hw_calendar *calendar, int *years, int capacity);

hw_day_info hw_calendar_day(const hw_calendar *calendar, hw_date date);
bool hw_calendar_is_workday(const hw_calendar *calendar, hw_date date);

/* The n-th working day after `date` (before it for negative n; `date` itself for 0). */
hw_date hw_calendar_add_workdays(const hw_calendar *calendar, hw_date date, int n,
				 hw_years_without_data *touched);
/* Working days after `from` up to and including `to`; negative when `to` is before `from`.
 * So add_workdays(from, count_workdays(from, to)) == to whenever `to` is a working day. */
int hw_calendar_count_workdays(const hw_calendar *calendar, hw_date from, hw_date to,
			       hw_years_without_data *touched);

/* Records `year` in `touched` if the calendar has no data for it. */
void hw_calendar_note_year(const hw_calendar *calendar, int year, hw_years_without_data *touched);
/* Records in `touched` every year from `from`'s to `to`'s (in either order) that has no data:
 * the years a count of working days between the two dates reads. */
void hw_calendar_note_span(const hw_calendar *calendar, hw_date from, hw_date to,
			   hw_years_without_data *touched);

/* What a clerk planning something on `date` must be told when it is a provisional statutory
 * holiday: "2027-01-01 is 元旦, a statutory holiday (provisional: the 2027 arrangement is not
 * published yet)", translated, into `out`. Returns false and writes "" when `date` is not one.
 * Front ends show it where a meeting or a series is placed (the CLI, the UI's forms). */
bool hw_calendar_provisional_holiday_note(const hw_calendar *calendar, hw_date date, char *out,
					  size_t size);

#endif
