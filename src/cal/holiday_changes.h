/* What a new holiday arrangement (a notice just read, hw_notice) changes in the schedule: the
 * planned meetings from today on that now fall on a day off, the occurrences of standing
 * series whose holiday policy (skip, next, previous) would place them otherwise, and the
 * deadlines whose due date moves. Listing changes nothing; re-applying the series' policies is
 * a separate action the clerk confirms. */
#ifndef HW_HOLIDAY_CHANGES_H
#define HW_HOLIDAY_CHANGES_H

#include <stdint.h>

#include "meetings.h"
#include "notice.h"
#include "minutes.h"
#include "session.h"
#include "workdays.h"

typedef enum hw_holiday_change_kind {
	HW_CHANGE_NOW_OFF,        /* a planned meeting on what is now a day off */
	HW_CHANGE_SERIES_MOVE,    /* a series occurrence its policy would move to `after` */
	HW_CHANGE_SERIES_CANCEL,  /* a series occurrence its policy (skip) would cancel */
	HW_CHANGE_SERIES_RESTORE, /* a day the series skipped that is now a working day */
	HW_CHANGE_DEADLINE,       /* a deadline due `after` instead of `before` */
} hw_holiday_change_kind;

typedef struct hw_holiday_change {
	hw_holiday_change_kind kind;
	int64_t meeting_id;  /* 0 for a restored occurrence (there is no meeting yet) */
	int64_t series_id;   /* the series, for the series changes */
	int64_t document_id; /* a deadline's document; 0 for minutes */
	hw_deadline_kind deadline;
	char what[HW_TEXT_SIZE]; /* the meeting's title, or what is due */
	hw_date rule_date;       /* the date the series' rule gives */
	hw_date before;          /* the meeting's date, or the deadline's due date now */
	hw_date after;           /* where it would be under the new arrangement */
	char holiday[64];        /* the day off's name under the new arrangement, or "" */
} hw_holiday_change;

/* Visits each change `after` (the calendar with the new arrangement) makes against the
 * session's calendar, meetings by date first, then deadlines. `visit` returns 0 to go on;
 * anything else stops and is returned. Returns 0, or -1 with `error`. */
int hw_holiday_changes(hw_session *session, const hw_calendar *after,
		       int (*visit)(const hw_holiday_change *, void *), void *user,
		       hw_error *error);

/* Re-applies each standing series' holiday policy under `after`, in one action with an audit
 * entry per meeting ("series reapply"): moves, cancels, and adds the occurrences that
 * hw_holiday_changes lists as HW_CHANGE_SERIES_*. Nothing else moves. `*changed` counts them.
 * Returns 0, or -1 with `error` and nothing changed. */
int hw_series_reapply(hw_session *session, const hw_calendar *after, int *changed,
		      hw_error *error);

/* ---- the import itself, shared by 'huiwu holidays import' and the UI ---- */

/* Reads the notice's text at `path` (a regular file of text, at most 256 KiB) into `notice`
 * (hw_notice_free it, also after an error) and its holiday file into *file_text (free it).
 * Returns 0, or -1 with "PATH:LINE: …". */
int hw_holidays_read_notice(const char *path, hw_notice *notice, char **file_text,
			    hw_error *error);
/* The calendar as it will be once `file_text` is the user's file for `year`. */
hw_calendar *hw_holidays_calendar_after(int year, const char *file_text, hw_error *error);
/* Writes `file_text` as the user's holiday file of the notice's year (hw_user_holidays_dir,
 * created if need be; replaced atomically) and records "holidays import" in the audit log
 * (the year, the document number, the file's path and what was written), as one action: when
 * the entry cannot be recorded the previous file is put back. Writes the path into `path`. */
int hw_holidays_write(hw_session *session, const hw_notice *notice, const char *file_text,
		      char *path, size_t path_size, hw_error *error);

/* The notice as read, line by line to `line` (stops at its first non-zero return, which it
 * returns): the title with the document number and date, per holiday its days off and its
 * make-up working days. */
int hw_notice_describe(const hw_notice *notice, int (*line)(const char *text, void *user),
		       void *user);
/* One change in a line, for the clerk. */
void hw_holiday_change_describe(const hw_holiday_change *change, char *out, size_t size);

#endif
