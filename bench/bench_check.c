/* bench_check: how long `huiwu check` takes over a database of many meetings.
 *
 * Builds a throw-away database (20 years of one county government's meetings, 100,000 by
 * default: fixture.c), then times, best of several runs each:
 *   - a baseline: the plain range scan that any check has to do at least (the meetings of the
 *     range and their attendees, every row stepped), the I/O floor;
 *   - the check of one year (what `huiwu check` does by default: the current year);
 *   - the check of the whole database (all 20 years);
 * and prints each as milliseconds and as a ratio to the baseline of the same range. It also
 * prints the query plan of every query hw_check_load runs, so that a query off its index shows.
 *
 * Timings are printed, never asserted: the exit status is 0 unless the fixture fails.
 *
 *   bench_check [-n MEETINGS] [-d DATA_DIR] [-r RUNS] [-k DB_PATH]
 *
 * -k keeps the database at DB_PATH (to profile `huiwu check --db DB_PATH` on it); without it
 * the database lives in a temporary folder that is removed at the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "checks.h"
#include "civil_date.h"
#include "rules.h"
#include "session.h"
#include "store.h"
#include "workdays.h"

#include "fixture.h"

#ifndef HUIWU_BENCH_DATA
#error "HUIWU_BENCH_DATA must name the source tree's data folder"
#endif

#define DEFAULT_RUNS 5

/* ---- measuring ---- */

typedef struct measure {
	const char *what;
	hw_date from, to;
	bool is_check;
	double best, median, best_load, best_run; /* milliseconds */
	long meetings, attendees, findings;
	const struct measure *baseline;
} measure;

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The I/O floor: the range's meetings and their attendees, every row stepped and read. */
static void run_baseline(hw_session *session, measure *m)
{
	sqlite3 *db = hw_store_db(session->store);
	sqlite3_stmt *meetings =
		bench_prepare(db, "SELECT id, date FROM meeting WHERE date BETWEEN ?1 AND ?2");
	sqlite3_stmt *attendees = bench_prepare(
		db, "SELECT a.meeting_id, a.person_id, a.kind FROM meeting m"
		    " JOIN attendee a ON a.meeting_id = m.id WHERE m.date BETWEEN ?1 AND ?2");
	long rows = 0, attendee_rows = 0;
	int64_t sum = 0; /* read the columns, so nothing is skipped */
	hw_bind_date(meetings, 1, m->from);
	hw_bind_date(meetings, 2, m->to);
	while (sqlite3_step(meetings) == SQLITE_ROW) {
		sum += sqlite3_column_int64(meetings, 0) + sqlite3_column_bytes(meetings, 1);
		rows++;
	}
	hw_bind_date(attendees, 1, m->from);
	hw_bind_date(attendees, 2, m->to);
	while (sqlite3_step(attendees) == SQLITE_ROW) {
		sum += sqlite3_column_int64(attendees, 0) + sqlite3_column_int64(attendees, 1) +
		       sqlite3_column_bytes(attendees, 2);
		attendee_rows++;
	}
	sqlite3_finalize(meetings);
	sqlite3_finalize(attendees);
	if (sum == 0 && rows > 0)
		fprintf(stderr, "bench_check: unexpected checksum\n");
	m->meetings = rows;
	m->attendees = attendee_rows;
	m->findings = -1;
}

static void run_check(hw_session *session, measure *m, double *load_ms, double *run_ms)
{
	hw_error error = {0};
	hw_check_data data;
	double start = bench_now_ms();
	if (hw_check_load(session, m->from, m->to, &data, &error) != 0)
		bench_die("hw_check_load", error.message);
	double loaded = bench_now_ms();
	hw_findings findings = {0};
	if (hw_check_run(session->rules, session->calendar, &data, session->today, &findings,
			 &error) != 0)
		bench_die("hw_check_run", error.message);
	m->meetings = data.meeting_count;
	m->attendees = data.attendee_count;
	m->findings = findings.count;
	hw_findings_free(&findings);
	hw_check_data_free(&data);
	double done = bench_now_ms();
	*load_ms = loaded - start;
	*run_ms = done - loaded;
}

static void take(hw_session *session, measure *m, int runs)
{
	double times[64], loads[64], checks[64];
	if (runs > 64)
		runs = 64;
	for (int r = 0; r < runs; r++) {
		double start = bench_now_ms();
		if (m->is_check)
			run_check(session, m, &loads[r], &checks[r]);
		else
			run_baseline(session, m);
		times[r] = bench_now_ms() - start;
	}
	m->best_load = m->best_run = 1e300;
	for (int r = 0; r < runs && m->is_check; r++) {
		if (loads[r] < m->best_load)
			m->best_load = loads[r];
		if (checks[r] < m->best_run)
			m->best_run = checks[r];
	}
	qsort(times, (size_t)runs, sizeof *times, compare_doubles);
	m->best = times[0];
	m->median = times[runs / 2];
}

/* ---- the query plans of hw_check_load ---- */

#define MAX_QUERIES 32

typedef struct traced {
	char *sql[MAX_QUERIES];
	int count;
} traced;

static int trace_statement(unsigned kind, void *user, void *statement, void *unexpanded)
{
	(void)unexpanded;
	traced *t = user;
	if (kind != SQLITE_TRACE_STMT)
		return 0;
	const char *sql = sqlite3_sql(statement);
	if (sql == NULL || strncmp(sql, "SELECT", 6) != 0)
		return 0;
	for (int i = 0; i < t->count; i++)
		if (strcmp(t->sql[i], sql) == 0)
			return 0;
	if (t->count < MAX_QUERIES)
		t->sql[t->count++] = strdup(sql);
	return 0;
}

/* Prints the plan of every query hw_check_load runs; returns how many date-ranged queries scan
 * a table instead of searching an index. */
static int print_query_plans(hw_session *session, hw_date from, hw_date to)
{
	sqlite3 *db = hw_store_db(session->store);
	traced t = {.count = 0};
	sqlite3_trace_v2(db, SQLITE_TRACE_STMT, trace_statement, &t);
	hw_error error = {0};
	hw_check_data data;
	if (hw_check_load(session, from, to, &data, &error) != 0)
		bench_die("hw_check_load", error.message);
	hw_check_data_free(&data);
	sqlite3_trace_v2(db, 0, NULL, NULL);

	int scans = 0;
	printf("\nquery plans of hw_check_load (as traced from the connection):\n");
	for (int q = 0; q < t.count; q++) {
		bool ranged = strstr(t.sql[q], "BETWEEN") != NULL;
		printf("\n  %s\n", t.sql[q]);
		char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", t.sql[q]);
		sqlite3_stmt *plan = bench_prepare(db, explain);
		sqlite3_free(explain);
		if (sqlite3_bind_parameter_count(plan) == 2) {
			hw_bind_date(plan, 1, from);
			hw_bind_date(plan, 2, to);
		}
		/* Rows are (id, parent, notused, detail); indent by depth. */
		int ids[64], depths[64], rows = 0;
		while (sqlite3_step(plan) == SQLITE_ROW) {
			int id = sqlite3_column_int(plan, 0), parent = sqlite3_column_int(plan, 1);
			const char *detail = (const char *)sqlite3_column_text(plan, 3);
			int depth = 0;
			for (int i = 0; i < rows; i++)
				if (ids[i] == parent)
					depth = depths[i] + 1;
			if (rows < 64) {
				ids[rows] = id;
				depths[rows++] = depth;
			}
			bool scan = strncmp(detail, "SCAN ", 5) == 0;
			bool sort = strncmp(detail, "USE TEMP B-TREE", 15) == 0;
			const char *mark = ranged && scan   ? "   <-- full scan in a date-ranged query"
					   : ranged && sort ? "   (sorts every row it returns)"
							    : "";
			if (ranged && scan)
				scans++;
			printf("    %*s%s%s\n", 2 * depth, "", detail, mark);
		}
		sqlite3_finalize(plan);
		free(t.sql[q]);
	}
	return scans;
}

/* ---- main ---- */

int main(int argc, char **argv)
{
	bench_options options;
	bench_parse_options(argc, argv, "bench_check", DEFAULT_RUNS, HUIWU_BENCH_DATA, &options);
	long meetings = options.meetings;
	int runs = options.runs;
	const char *data_dir = options.data_dir;

	char directory[4096], path[4200];
	bench_database_path(&options, directory, sizeof directory, path, sizeof path);

	printf("bench_check: huiwu check over %ld meetings, %d years, rules '%s', today %s, "
	       "best of %d\n",
	       meetings, FIXTURE_YEARS, FIXTURE_GOVERNMENT, FIXTURE_TODAY, runs);
	double started = bench_now_ms();
	fixture_build(path, data_dir, meetings);
	printf("         built in %.1f s at %s\n", (bench_now_ms() - started) / 1e3, path);

	hw_error error = {0};
	double opening = bench_now_ms();
	hw_session *session = hw_session_open(path, true, &error);
	if (session == NULL)
		bench_die(path, error.message);
	double open_ms = bench_now_ms() - opening;

	int year = hw_date_year(session->today);
	hw_date year_from = hw_date_from_ymd(year, 1, 1), year_to = hw_date_from_ymd(year, 12, 31);
	hw_date all_from = hw_date_from_ymd(year - FIXTURE_YEARS + 1, 1, 1);
	measure measures[4] = {
		{.what = "baseline, one year", .from = year_from, .to = year_to},
		{.what = "check, one year", .from = year_from, .to = year_to, .is_check = true},
		{.what = "baseline, all years", .from = all_from, .to = year_to},
		{.what = "check, all years", .from = all_from, .to = year_to, .is_check = true},
	};
	measures[1].baseline = &measures[0];
	measures[3].baseline = &measures[2];
	/* One untimed pass first, so that every measured run finds the file in the page cache. */
	for (int i = 0; i < 4; i++)
		take(session, &measures[i], 1);
	for (int i = 0; i < 4; i++)
		take(session, &measures[i], runs);

	printf("\n%-22s %9s %10s %9s %10s %10s %22s %8s\n", "", "meetings", "attendees", "findings",
	       "best ms", "median ms", "(load + engine) ms", "ratio");
	for (int i = 0; i < 4; i++) {
		const measure *m = &measures[i];
		char findings[32] = "-", parts[48] = "-", ratio[32] = "1.0";
		if (m->is_check) {
			snprintf(findings, sizeof findings, "%ld", m->findings);
			snprintf(parts, sizeof parts, "(%.1f + %.1f)", m->best_load, m->best_run);
			snprintf(ratio, sizeof ratio, "%.1f", m->best / m->baseline->best);
		}
		printf("%-22s %9ld %10ld %9s %10.1f %10.1f %22s %8s\n", m->what, m->meetings,
		       m->attendees, findings, m->best, m->median, parts, ratio);
	}
	printf("\nratio: best time over the best time of the baseline of the same range.\n");
	printf("opening the session (rules, holidays, schema check): %.1f ms\n", open_ms);
	printf("the whole database (%ld meetings) is checked in %.0f ms: %s the 1 s the "
	       "requirement allows\n",
	       measures[3].meetings, measures[3].best,
	       measures[3].best < 1000.0 ? "within" : "OVER");

	int scans = print_query_plans(session, all_from, year_to);
	if (scans == 0)
		printf("\nevery date-ranged query of hw_check_load searches an index\n");
	else
		printf("\n%d date-ranged plan step(s) scan a whole table\n", scans);

	hw_session_close(session);
	bench_database_done(&options, directory, path);
	return 0;
}
