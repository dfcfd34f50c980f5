/* Demo data: a role-named roster (县长, 副县长（分管农业农村）, 财政局局长 …, never personal
 * names) and the meetings of the last month and the coming month around the session's today,
 * written through the public core API so that every row is one a clerk could have entered.
 * Everything government-specific (titles, type names, which types exist, which rules apply)
 * comes from the session's rule set. */
#ifndef HW_DEMO_H
#define HW_DEMO_H

#include "hw_error.h"
#include "session.h"

/* Fills a freshly initialised database with a role-named demo: roster, two months of
 * meetings (the last month and the coming month around session->today), topics, leave,
 * minutes and documents, showing every kind of finding of the rule engine at least once
 * and plenty of meetings with none. One transaction per action is fine (it calls the core API).
 * Refuses a database that has people already. */
int hw_demo_fill(hw_session *session, hw_error *error);

#endif
