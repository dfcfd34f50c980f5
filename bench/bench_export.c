/* bench_export: how long `huiwu export ics` takes over a database of many meetings, and how
 * much memory it needs.
 *
 * Builds a throw-away database (20 years of one county government's meetings, 100,000 by
 * default: fixture.c) and a second one with a tenth of the meetings, then:
 *   - peak memory: exports everything in a child process (fork; its ru_maxrss from wait4), for
 *     an empty range (the floor: the session alone), for the small database and for the big
 *     one; the export streams, so the two should need about the same;
 *   - speed, best of several runs each, on a session opened in this process:
 *       baseline: one query that steps every meeting with its attendees and their names,
 *                 writing nothing: the least an export has to read;
 *       the export of everything (hw_export_ics) to /dev/null;
 *       the same to a file in the temporary folder (its size is printed);
 *     each in milliseconds and as a ratio to the baseline.
 *
 * Then calcurse (`calcurse -D DIR --export`, skipped when it is not installed) exports as many
 * plain appointments, written to its apts file in date order, to a file: the time per meeting
 * against calcurse's per appointment is printed.
 *
 * Timings are printed, never asserted: the exit status is 0 unless the fixture or an export
 * fails.
 *
 *   bench_export [-n MEETINGS] [-d DATA_DIR] [-r RUNS] [-k DB_PATH]
 *
 * -k keeps the big database at DB_PATH (to profile `huiwu export ics` on it). A measurement is
 * repeated RUNS times (default 5), or fewer when its runs have taken over 20 s together. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "civil_date.h"
#include "ics_export.h"
#include "session.h"
#include "store.h"

#include "external.h"
#include "fixture.h"

#ifndef HUIWU_BENCH_DATA
#error "HUIWU_BENCH_DATA must name the source tree's data folder"
#endif

#define DEFAULT_RUNS 5
#define RUN_BUDGET_MS 20000.0 /* no more runs of a measurement once its runs took this long */
#define REQUIRED_MS 5000.0    /* "a few seconds at most" for 100,000 meetings */
#define MIB (1024.0 * 1024.0)

/* ---- building, in a child process (so that this one stays small for the memory children) ---- */

static void build_in_child(const char *path, const char *data_dir, long meetings)
{
	double started = bench_now_ms();
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		bench_die("fork", strerror(errno));
	if (pid == 0) {
		fixture_build(path, data_dir, meetings);
		fflush(stdout);
		_exit(0);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		bench_die(path, "building the fixture failed");
	printf("         built in %.1f s at %s\n", (bench_now_ms() - started) / 1e3, path);
}

/* ---- peak memory: one export in a child process ---- */

typedef struct child_export {
	const char *what;
	const char *path;
	bool empty; /* an empty range: the session and the calendar's head and tail only */
	int events;
	double ms;      /* hw_export_ics and fclose, timed in the child */
	long peak_kib;  /* the child's ru_maxrss */
} child_export;

/* What the child sends back through a pipe (no padding: all of it is written). */
typedef struct child_result {
	int64_t events;
	double ms;
} child_result;

static void export_in_child(child_export *c)
{
	int pipe_ends[2];
	if (pipe(pipe_ends) != 0)
		bench_die("pipe", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		bench_die("fork", strerror(errno));
	if (pid == 0) {
		close(pipe_ends[0]);
		child_result result = {.events = -1, .ms = 0.0};
		hw_error error = {0};
		hw_session *session = hw_session_open(c->path, true, &error);
		FILE *out = fopen("/dev/null", "w");
		if (session != NULL && out != NULL) {
			hw_export_options options = {0};
			if (c->empty) {
				options.has_from = options.has_to = true;
				options.from = options.to = hw_date_from_ymd(1900, 1, 1);
			}
			double start = bench_now_ms();
			result.events = hw_export_ics(session, &options, out, &error);
			if (fclose(out) != 0)
				result.events = -1;
			result.ms = bench_now_ms() - start;
		}
		if (result.events < 0)
			fprintf(stderr, "%s: %s: %s\n", bench_program, c->path,
				error.message[0] ? error.message : "cannot export");
		if (session != NULL)
			hw_session_close(session);
		ssize_t written = write(pipe_ends[1], &result, sizeof result);
		_exit(result.events < 0 || written != (ssize_t)sizeof result);
	}
	close(pipe_ends[1]);
	int status;
	struct rusage usage;
	if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		bench_die(c->what, "the export in a child process failed");
	child_result result;
	if (read(pipe_ends[0], &result, sizeof result) != (ssize_t)sizeof result)
		bench_die(c->what, "no result from the child process");
	close(pipe_ends[0]);
	c->events = (int)result.events;
	c->ms = result.ms;
	c->peak_kib = usage.ru_maxrss; /* kilobytes on Linux */
}

/* ---- speed, in this process ---- */

typedef enum { BASELINE, EXPORT_TO_NULL, EXPORT_TO_FILE } measure_kind;

typedef struct measure {
	const char *what;
	measure_kind kind;
	const char *output; /* the file an export writes */
	double best, median; /* milliseconds */
	double best_cpu;     /* this process's processor time (user + sys) in its best run */
	int runs;
	long meetings, attendees; /* -1: not counted */
	double output_mib;        /* -1: nothing kept */
} measure;

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The least an export has to read: every meeting (all its columns) with its attendees and
 * their names, in the export's order, every row stepped; each meeting's columns read once, each
 * attendee's kind and name. */
static void run_baseline(hw_session *session, measure *m)
{
	sqlite3_stmt *statement = bench_prepare(
		hw_store_db(session->store),
		"SELECT m.*, a.kind, p.name FROM meeting m"
		" LEFT JOIN attendee a ON a.meeting_id = m.id LEFT JOIN person p ON p.id = a.person_id"
		" WHERE m.date BETWEEN '1900-01-01' AND '9999-12-31' ORDER BY m.date, m.start, m.id");
	int columns = sqlite3_column_count(statement);
	long meetings = 0, attendees = 0;
	int64_t previous = -1, sum = 0; /* read the columns, so nothing is skipped */
	while (sqlite3_step(statement) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(statement, 0);
		bool first = id != previous; /* a meeting's columns repeat on each of its attendees */
		meetings += first;
		previous = id;
		if (sqlite3_column_type(statement, columns - 2) != SQLITE_NULL)
			attendees++;
		for (int c = first ? 0 : columns - 2; c < columns; c++) {
			switch (sqlite3_column_type(statement, c)) {
			case SQLITE_INTEGER:
				sum += sqlite3_column_int64(statement, c);
				break;
			case SQLITE_TEXT: {
				const unsigned char *text = sqlite3_column_text(statement, c);
				sum += text[0] + sqlite3_column_bytes(statement, c);
				break;
			}
			default:
				break;
			}
		}
	}
	sqlite3_finalize(statement);
	if (sum == 0 && meetings > 0)
		fprintf(stderr, "%s: unexpected checksum\n", bench_program);
	m->meetings = meetings;
	m->attendees = attendees;
}

static void run_export(hw_session *session, measure *m)
{
	FILE *out = fopen(m->output, "w");
	if (out == NULL)
		bench_die(m->output, strerror(errno));
	hw_error error = {0};
	hw_export_options options = {0};
	int events = hw_export_ics(session, &options, out, &error);
	if (fclose(out) != 0)
		bench_die(m->output, strerror(errno));
	if (events < 0)
		bench_die("hw_export_ics", error.message);
	m->meetings = events;
}

static double process_cpu_ms(void)
{
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
	       (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static void take(hw_session *session, measure *m, int runs)
{
	double times[64], total = 0.0, fastest = 0.0;
	int taken = 0;
	if (runs > 64)
		runs = 64;
	while (taken < runs && (taken == 0 || total < RUN_BUDGET_MS)) {
		if (m->kind == EXPORT_TO_FILE)
			remove(m->output); /* untimed: each run writes a new file */
		double start = bench_now_ms(), cpu_start = process_cpu_ms();
		if (m->kind == BASELINE)
			run_baseline(session, m);
		else
			run_export(session, m);
		times[taken] = bench_now_ms() - start;
		double cpu = process_cpu_ms() - cpu_start;
		if (taken == 0 || times[taken] < fastest) {
			fastest = times[taken];
			m->best_cpu = cpu;
		}
		total += times[taken++];
	}
	qsort(times, (size_t)taken, sizeof *times, compare_doubles);
	m->best = times[0];
	m->median = times[taken / 2];
	m->runs = taken;
}

/* Reads the exported file back (untimed): its size, its events and its ATTENDEE properties (a
 * folded line goes on with a space, so a line that starts with ATTENDEE is one property). */
static void inspect_output(measure *m, long *events)
{
	struct stat status;
	if (stat(m->output, &status) != 0)
		bench_die(m->output, strerror(errno));
	m->output_mib = (double)status.st_size / MIB;
	FILE *in = fopen(m->output, "r");
	if (in == NULL)
		bench_die(m->output, strerror(errno));
	char *line = NULL;
	size_t size = 0;
	long attendees = 0;
	*events = 0;
	while (getline(&line, &size, in) != -1) {
		if (strncmp(line, "ATTENDEE", 8) == 0)
			attendees++;
		else if (strncmp(line, "BEGIN:VEVENT", 12) == 0)
			(*events)++;
	}
	free(line);
	fclose(in);
	m->attendees = attendees;
}

/* ---- calcurse: the same number of plain appointments ---- */

/* calcurse's apts file of `count` appointments of 90 minutes over the fixture's 20 years, in
 * date order (as calcurse saves it), with titles like the fixture's. */
static void write_apts(const char *folder, long count)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/apts", folder);
	if (mkdir(folder, 0700) != 0)
		bench_die(folder, strerror(errno));
	FILE *file = fopen(path, "w");
	if (file == NULL)
		bench_die(path, strerror(errno));
	hw_date first = hw_date_from_ymd(2007, 1, 1), last = hw_date_from_ymd(2026, 12, 31);
	long days = last - first + 1;
	for (long n = 0; n < count; n++) {
		hw_date date = first + (hw_date)(n * days / count);
		int year, month, day, slot = (int)(n % 6);
		hw_date_to_ymd(date, &year, &month, &day);
		int start = 9 * 60 + slot * 90, end = start + 90;
		fprintf(file,
			"%02d/%02d/%04d @ %02d:%02d -> %02d/%02d/%04d @ %02d:%02d |研究第%ld项专题工作\n",
			month, day, year, start / 60, start % 60, month, day, year, end / 60, end % 60,
			n + 1);
	}
	if (fclose(file) != 0)
		bench_die(path, strerror(errno));
}

static long count_events(const char *path)
{
	FILE *in = fopen(path, "r");
	if (in == NULL)
		bench_die(path, strerror(errno));
	char *line = NULL;
	size_t size = 0;
	long events = 0;
	while (getline(&line, &size, in) != -1)
		events += strncmp(line, "BEGIN:VEVENT", 12) == 0;
	free(line);
	fclose(in);
	return events;
}

/* `calcurse -D folder --export` to a file: ms (and processor ms), once. */
static double time_calcurse(const char *calcurse, const char *directory, const char *name,
			    long count, double *cpu_ms)
{
	char folder[4200], output[4300];
	snprintf(folder, sizeof folder, "%s/%s", directory, name);
	snprintf(output, sizeof output, "%s/%s.ics", directory, name);
	write_apts(folder, count);
	char *argv[] = {(char *)calcurse, "-D", folder, "--export", NULL};
	double ms = bench_run_program(argv, output, cpu_ms);
	if (count_events(output) != count)
		bench_die(output, "calcurse did not export every appointment");
	remove(output);
	bench_remove_tree(folder);
	return ms;
}

static void compare_with_calcurse(const char *directory, const measure *file)
{
	printf("\nhuiwu against calcurse: %ld meetings, and as many plain appointments\n",
	       file->meetings);
	char calcurse[4096];
	if (!bench_find_program("calcurse", calcurse, sizeof calcurse)) {
		printf("calcurse is not installed (apt-get install calcurse): skipped\n");
		return;
	}
	time_calcurse(calcurse, directory, "calcurse-warm", 100, NULL); /* the program in the cache */
	double cpu_ms;
	double ms = time_calcurse(calcurse, directory, "calcurse", file->meetings, &cpu_ms);
	double huiwu_us = file->best * 1000.0 / (double)file->meetings;
	double calcurse_us = ms * 1000.0 / (double)file->meetings;
	double huiwu_cpu_us = file->best_cpu * 1000.0 / (double)file->meetings;
	double calcurse_cpu_us = cpu_ms * 1000.0 / (double)file->meetings;
	printf("%-52s %12s %12s\n", "", "ms", "µs an event");
	printf("%-52s %12.1f %12.1f\n", "huiwu: hw_export_ics to a file (best of runs)", file->best,
	       huiwu_us);
	printf("%-52s %12.1f %12.1f\n", "  its processor time (user + sys)", file->best_cpu,
	       huiwu_cpu_us);
	printf("%-52s %12.1f %12.1f\n", "calcurse --export to a file (once)", ms, calcurse_us);
	printf("%-52s %12.1f %12.1f\n", "  its processor time (user + sys)", cpu_ms,
	       calcurse_cpu_us);
	printf("huiwu exports a meeting (with its attendees) %.1f times as fast as calcurse an "
	       "appointment (the requirement: 20); %.1f times in processor time\n",
	       calcurse_us / huiwu_us, calcurse_cpu_us / huiwu_cpu_us);
}

/* ---- main ---- */

int main(int argc, char **argv)
{
	bench_options options;
	bench_parse_options(argc, argv, "bench_export", DEFAULT_RUNS, HUIWU_BENCH_DATA, &options);
	long meetings = options.meetings;
	int runs = options.runs;
	const char *data_dir = options.data_dir, *keep = options.keep;

	char directory[4096], path[4200], small_path[4200], output[4200];
	bench_temp_dir(directory, sizeof directory);
	if (keep != NULL)
		snprintf(path, sizeof path, "%s", keep);
	else
		snprintf(path, sizeof path, "%s/bench.db", directory);
	fixture_remove(path);
	snprintf(small_path, sizeof small_path, "%s/bench-tenth.db", directory);
	snprintf(output, sizeof output, "%s/export.ics", directory);
	long small_meetings = meetings / 10 > 0 ? meetings / 10 : 1;

	printf("bench_export: huiwu export ics of %ld meetings, %d years, rules '%s', today %s, "
	       "best of %d\n",
	       meetings, FIXTURE_YEARS, FIXTURE_GOVERNMENT, FIXTURE_TODAY, runs);
	build_in_child(path, data_dir, meetings);
	build_in_child(small_path, data_dir, small_meetings);

	/* Peak memory first, while this process is small: a child starts with its parent's pages. */
	child_export children[3] = {
		{.what = "session only (empty range)", .path = path, .empty = true},
		{.what = "export, database / 10", .path = small_path},
		{.what = "export, database", .path = path},
	};
	for (int i = 0; i < 3; i++)
		export_in_child(&children[i]);
	printf("\npeak memory of a child process that opens a session and exports everything to "
	       "/dev/null:\n");
	printf("%-30s %9s %12s %10s %14s\n", "", "meetings", "export ms", "peak MiB",
	       "above floor");
	for (int i = 0; i < 3; i++) {
		const child_export *c = &children[i];
		char above[32] = "-";
		if (i > 0)
			snprintf(above, sizeof above, "%.1f",
				 (double)(c->peak_kib - children[0].peak_kib) / 1024.0);
		printf("%-30s %9d %12.1f %10.1f %14s\n", c->what, c->events, c->ms,
		       (double)c->peak_kib / 1024.0, above);
	}
	double growth_mib = (double)(children[2].peak_kib - children[1].peak_kib) / 1024.0;
	printf("from %d to %d meetings the peak grows by %.1f MiB (%.2f KiB per 1,000 more "
	       "meetings)\n",
	       children[1].events, children[2].events, growth_mib,
	       children[2].events > children[1].events
		       ? growth_mib * 1024.0 * 1000.0 / (children[2].events - children[1].events)
		       : 0.0);
	fflush(stdout); /* the timings below take a while when the export is slow */

	hw_error error = {0};
	hw_session *session = hw_session_open(path, true, &error);
	if (session == NULL)
		bench_die(path, error.message);
	measure measures[3] = {
		{.what = "baseline (query only)", .kind = BASELINE, .output_mib = -1},
		{.what = "export to /dev/null", .kind = EXPORT_TO_NULL, .output = "/dev/null",
		 .attendees = -1, .output_mib = -1},
		{.what = "export to a file", .kind = EXPORT_TO_FILE, .output = output},
	};
	/* One untimed pass of the baseline first, so that every measured run finds the file in the
	 * page cache (the export's other tables are there already: they were just written). */
	take(session, &measures[0], 1);
	for (int i = 0; i < 3; i++)
		take(session, &measures[i], runs);
	long file_events = 0;
	inspect_output(&measures[2], &file_events);
	remove(output);

	printf("\n%-22s %9s %10s %10s %10s %5s %11s %7s\n", "", "meetings", "attendees", "best ms",
	       "median ms", "runs", "output MiB", "ratio");
	for (int i = 0; i < 3; i++) {
		const measure *m = &measures[i];
		char attendees[32] = "-", size[32] = "-";
		if (m->attendees >= 0)
			snprintf(attendees, sizeof attendees, "%ld", m->attendees);
		if (m->output_mib >= 0)
			snprintf(size, sizeof size, "%.1f", m->output_mib);
		printf("%-22s %9ld %10s %10.1f %10.1f %5d %11s %7.1f\n", m->what, m->meetings, attendees,
		       m->best, m->median, m->runs, size, m->best / measures[0].best);
	}
	printf("\nratio: best time over the best time of the baseline.\n");
	if (file_events != measures[2].meetings || measures[2].attendees != measures[0].attendees)
		printf("the file holds %ld events and %ld attendees; the baseline read %ld meetings "
		       "and %ld attendees\n",
		       file_events, measures[2].attendees, measures[0].meetings, measures[0].attendees);
	else
		printf("the file holds every meeting (%ld events) and every attendee (%ld)\n",
		       file_events, measures[2].attendees);
	const measure *file = &measures[2];
	printf("the whole database (%ld meetings) is exported to a file in %.1f s: %s the few "
	       "seconds (taken as %.0f s) the requirement allows%s\n",
	       file->meetings, file->best / 1e3, file->best <= REQUIRED_MS ? "within" : "OVER",
	       REQUIRED_MS / 1e3, file->meetings == 100000 ? "" : " for 100,000 meetings");
	compare_with_calcurse(directory, &measures[2]);

	hw_session_close(session);
	fixture_remove(small_path);
	if (keep == NULL)
		fixture_remove(path);
	rmdir(directory);
	return 0;
}
