/* What every action on a government's database needs: the store, the government's rules, the
 * working-day calendar, who is acting and what day it is. Both front ends open one. */
#ifndef HW_SESSION_H
#define HW_SESSION_H

#include <stdbool.h>

#include "civil_date.h"
#include "hw_error.h"
#include "rules.h"
#include "store.h"
#include "workdays.h"

typedef struct hw_session {
	hw_store *store;
	hw_rules *rules;
	hw_calendar *calendar;
	char user[128]; /* the login name, recorded in the audit log */
	hw_date today;  /* in the rules' time zone; $HUIWU_TODAY overrides (for what-if and tests) */
	bool read_only;
	struct json_t *snapshot; /* the action's row before its change (hw_action_snapshot) */
} hw_session;

/* Opens the database at `db_path` and loads the rules it was set up for. */
hw_session *hw_session_open(const char *db_path, bool read_only, hw_error *error);
void hw_session_close(hw_session *session);

/* Today's date in `zone` (e.g. Asia/Shanghai), or $HUIWU_TODAY when set. */
int hw_today(const char *zone, hw_date *out, hw_error *error);

/* The time of day in `zone` as "HH:MM" (not fixed by $HUIWU_TODAY): the UI's clock. */
void hw_clock(const char *zone, char out[6]);

#endif
