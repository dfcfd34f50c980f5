/* A standard role-named roster in a fresh database, built through the CLI as a clerk would,
 * for the tests of the meeting module and the rule engine. */
#ifndef HW_TEST_FIXTURE_H
#define HW_TEST_FIXTURE_H

#include "harness.h"

typedef struct fixture {
	char *directory;
	char *db;
	char *env_db;    /* "HUIWU_DB=…" */
	char *env_today; /* "HUIWU_TODAY=…" */
	const char *env[6];
} fixture;

/* Creates a database for `government` with today fixed at `today` (YYYY-MM-DD) and this
 * roster (titles from the government's own rules are not needed by the tests):
 *   head "首长", executive deputy "常务副职", deputies "副职甲" (in charge of 农业农村局 and
 *   财政局) and "副职乙" (in charge of 教育局 and 司法局), secretary "办公室主任",
 *   departments 农业农村局, 财政局 (member of the executive meeting), 教育局, 司法局
 *   (function justice_bureau), each with a head "<dept>局长" and for 农业农村局 and 财政局 a
 *   deputy head "<dept>副局长" and a staff member "<dept>工作人员".
 * Fails the test if any step fails. */
void fixture_open(fixture *f, const char *government, const char *today);
void fixture_close(fixture *f);

/* Runs huiwu on the fixture's database; the arguments end with NULL. */
run_result fixture_run(const fixture *f, ...);
/* Runs huiwu and fails the test unless it exits 0; returns stdout's first line as a number
 * (the id a command prints) or 0. */
long long fixture_ok(const fixture *f, ...);

#endif
