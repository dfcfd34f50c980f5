/* The office's own settings: what no document sets but an office may want for itself. Today one:
 * a target for signing minutes, in working days after the meeting. The working rules set no
 * deadline on minutes (ili 22, kizilsu 42, yiwu 39, changji 22, wuqia 45 give working days
 * only to the documents decided at the meeting), so the target is off unless the office sets
 * it, is always shown as the office's own ("办公室自定目标") and is never cited to an article. */
#ifndef HW_OFFICE_H
#define HW_OFFICE_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"

#define HW_OFFICE_MINUTES_TARGET_MAX 60

/* The office's minutes target in working days; 0 when it sets none (the default). */
int hw_office_minutes_target(hw_session *session, int *days, hw_error *error);
/* Sets the target from what the user typed: "off", or a whole number of working days from 1
 * to HW_OFFICE_MINUTES_TARGET_MAX. One action, logged. */
int hw_office_set_minutes_target(hw_session *session, const char *value, hw_error *error);

/* When minutes of a meeting held on `meeting_date` reach the office's target of `days`
 * working days (days > 0). */
hw_date hw_office_minutes_due(const hw_calendar *calendar, int days, hw_date meeting_date);

/* A held meeting whose minutes are not signed yet, measured against the office's target. */
typedef struct hw_minutes_target {
	int64_t meeting_id;
	char title[HW_TEXT_SIZE];
	hw_date meeting_date;
	hw_date due;
	int days;          /* the target, in working days after the meeting */
	int workdays_left; /* negative: working days past the target */
	bool drafted;      /* drafted, waiting for a signature (else not drafted yet) */
	hw_years_without_data touched;
	bool provisional; /* touched.count > 0: the date may move with the year's notice */
} hw_minutes_target;

/* The held meetings' unsigned minutes against the office's target, earliest due first: of
 * every meeting, or of one (meeting_id > 0). Visits nothing when the office sets no target. */
int hw_office_minutes_targets(hw_session *session, int64_t meeting_id,
			      int (*visit)(const hw_minutes_target *, void *), void *user,
			      hw_error *error);

#endif
