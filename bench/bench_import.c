/* bench_import: `huiwu import ics` of a big calendar of ordinary events, and of one long line,
 * timed against a baseline taken in the same run (bench/README.md). Never fails on a timing. */
#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "ics_import.h"
#include "session.h"
#include "text_file.h"

#define DEFAULT_MIB 64
#define DEFAULT_RUNS 3
#define PERSON "1" /* the fixture's head, by id */

static void write_all(const char *path, const char *text, size_t size)
{
	FILE *file = fopen(path, "wb");
	if (file == NULL || fwrite(text, 1, size, file) != size || fclose(file) != 0)
		bench_die(path, strerror(errno));
}

/* About `mib` MiB of ordinary events, as a prefecture's calendar would hold them: a UID, a
 * stamp, a start and end in UTC, a summary and location in Chinese, a folded description. */
static char *ordinary_calendar(int mib, size_t *size, int *events)
{
	size_t capacity = (size_t)mib * 1024 * 1024, used = 0; /* at most the import's limit */
	char *text = malloc(capacity);
	if (text == NULL)
		bench_die("ordinary calendar", "out of memory");
	used += (size_t)snprintf(text, capacity,
				 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//huiwu//EN\r\n");
	int n = 0;
	for (; used + 1024 < capacity - 64; n++) {
		int day = n % 28 + 1, month = n / 28 % 12 + 1, year = 2027 + n / (28 * 12) % 60;
		int hour = n % 8;
		used += (size_t)snprintf(
			text + used, capacity - used,
			"BEGIN:VEVENT\r\nUID:event-%d@prefecture.example.org\r\n"
			"DTSTAMP:20261101T000000Z\r\nDTSTART:%04d%02d%02dT0%d0000Z\r\n"
			"DTEND:%04d%02d%02dT0%d3000Z\r\nSUMMARY:自治州第%d次专题会议\r\n"
			"LOCATION:州政府三楼会议室\r\nDESCRIPTION:会议说明：各县市政府主要负责同志参加，"
			"请提前十分钟\r\n 到场签到。\r\nEND:VEVENT\r\n",
			n, year, month, day, hour, year, month, day, hour, n);
	}
	used += (size_t)snprintf(text + used, capacity - used, "END:VCALENDAR\r\n");
	*size = used;
	*events = n;
	return text;
}

/* One event whose DESCRIPTION is one unfolded line of `bytes` bytes. */
static char *long_line_calendar(size_t bytes, size_t *size)
{
	const char *head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//huiwu//EN\r\n"
			   "BEGIN:VEVENT\r\nUID:long@example.org\r\nDTSTART:20270101T010000Z\r\n"
			   "DESCRIPTION:";
	const char *tail = "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	size_t used = strlen(head);
	char *text = malloc(used + bytes + strlen(tail) + 1);
	if (text == NULL)
		bench_die("long line", "out of memory");
	memcpy(text, head, used);
	memset(text + used, 'x', bytes);
	strcpy(text + used + bytes, tail);
	*size = used + bytes + strlen(tail);
	return text;
}

static void copy_file(const char *from, const char *to)
{
	size_t size;
	char *bytes;
	hw_error error = {0};
	if (hw_file_read(from, (size_t)1 << 30, &bytes, &size, &error) != 0)
		bench_die(from, error.message);
	write_all(to, bytes, size);
	free(bytes);
}

typedef struct source {
	const char *text;
	size_t size, offset;
} source;

/* A line reader that does not look past the chunk it hands out (fgets-like). */
static char *read_chunk(char *buffer, size_t size, void *user)
{
	source *s = user;
	if (s->offset >= s->size || size < 2)
		return NULL;
	size_t n = size - 1 < s->size - s->offset ? size - 1 : s->size - s->offset;
	const char *newline = memchr(s->text + s->offset, '\n', n);
	if (newline != NULL)
		n = (size_t)(newline - (s->text + s->offset)) + 1;
	memcpy(buffer, s->text + s->offset, n);
	buffer[n] = '\0';
	s->offset += n;
	return buffer;
}

typedef enum { READ_LINES, LIBICAL_PARSE, LIBICAL_PARSE_STRING } kind;

/* The baselines, in this process: ms. */
static double time_baseline(kind what, const char *path)
{
	double start = bench_now_ms();
	char *text;
	size_t size;
	hw_error error = {0};
	if (hw_file_read(path, (size_t)1 << 30, &text, &size, &error) != 0)
		bench_die(path, error.message);
	if (what == READ_LINES) {
		size_t lines = 0;
		for (const char *c = text; (c = memchr(c, '\n', size - (size_t)(c - text))); c++)
			lines++;
		if (lines == 0)
			bench_die(path, "no lines");
	} else {
		icalcomponent *root;
		if (what == LIBICAL_PARSE) {
			source s = {.text = text, .size = size};
			icalparser *parser = icalparser_new();
			icalparser_set_gen_data(parser, &s);
			root = icalparser_parse(parser, read_chunk);
			icalparser_free(parser);
		} else {
			root = icalparser_parse_string(text);
		}
		if (root == NULL)
			bench_die(path, "libical read nothing");
		icalcomponent_free(root);
	}
	free(text);
	return bench_now_ms() - start;
}

typedef struct import_run {
	double ms;
	long peak_kib;
	int created, warnings;
} import_run;

/* hw_import_ics of `path` as busy time into a fresh copy of `empty_db`, in a child process
 * (for its peak memory): opening the session included. */
static import_run time_import(const char *path, const char *empty_db, const char *db)
{
	copy_file(empty_db, db);
	int pipe_fds[2];
	if (pipe(pipe_fds) != 0)
		bench_die("pipe", strerror(errno));
	fflush(stdout); /* or the child would print it again */
	/* A forked child starts with its parent's resident pages: give back what the baselines
	 * freed, so that the peak is the import's. */
	malloc_trim(0);
	double start = bench_now_ms();
	pid_t child = fork();
	if (child < 0)
		bench_die("fork", strerror(errno));
	if (child == 0) {
		close(pipe_fds[0]);
		hw_error error = {0};
		hw_session *session = hw_session_open(db, false, &error);
		if (session == NULL)
			bench_die(db, error.message);
		hw_import_options options = {.busy = true, .person = PERSON};
		hw_import_report report;
		if (hw_import_ics(session, path, &options, &report, &error) != 0)
			bench_die(path, error.message);
		int counts[2] = {report.created, report.warning_count};
		if (write(pipe_fds[1], counts, sizeof counts) != (ssize_t)sizeof counts)
			_exit(1);
		hw_import_report_free(&report);
		hw_session_close(session);
		_exit(0);
	}
	close(pipe_fds[1]);
	int counts[2] = {-1, -1};
	ssize_t got = read(pipe_fds[0], counts, sizeof counts);
	close(pipe_fds[0]);
	int status;
	struct rusage usage;
	if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || got != (ssize_t)sizeof counts)
		bench_die(path, "the import failed");
	import_run run = {.ms = bench_now_ms() - start, .peak_kib = usage.ru_maxrss,
			  .created = counts[0], .warnings = counts[1]};
	fixture_remove(db);
	return run;
}

static void usage(void)
{
	fprintf(stderr, "usage: bench_import [-m MIB] [-r RUNS] [-d DATA_DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	bench_program = "bench_import";
	int mib = DEFAULT_MIB, runs = DEFAULT_RUNS;
	const char *data_dir = HUIWU_BENCH_DATA;
	int option;
	while ((option = getopt(argc, argv, "m:r:d:h")) != -1) {
		switch (option) {
		case 'm': mib = atoi(optarg); break;
		case 'r': runs = atoi(optarg); break;
		case 'd': data_dir = optarg; break;
		default: usage();
		}
	}
	if (optind != argc || mib < 1 || mib > 64 || runs < 1 || runs > 20)
		usage();
	setenv("HUIWU_DATA_DIR", data_dir, 1);
	unsetenv("HUIWU_RULES_DIR");
	setenv("HUIWU_TODAY", FIXTURE_TODAY, 1);

	char directory[4096], empty_db[4200], db[4200], ics[4200];
	bench_temp_dir(directory, sizeof directory);
	snprintf(empty_db, sizeof empty_db, "%s/empty.db", directory);
	snprintf(db, sizeof db, "%s/import.db", directory);
	snprintf(ics, sizeof ics, "%s/calendar.ics", directory);
	fixture_build(empty_db, data_dir, 0);

	size_t size;
	int events;
	char *text = ordinary_calendar(mib, &size, &events);
	write_all(ics, text, size);
	free(text);
	printf("bench_import: huiwu import ics --busy of %d ordinary events (%.1f MiB), best of %d\n",
	       events, (double)size / (1024.0 * 1024.0), runs);

	double best_read = 1e300, best_libical = 1e300;
	import_run best = {.ms = 1e300};
	for (int run = 0; run < runs; run++) {
		double ms = time_baseline(READ_LINES, ics);
		best_read = ms < best_read ? ms : best_read;
		ms = time_baseline(LIBICAL_PARSE, ics);
		best_libical = ms < best_libical ? ms : best_libical;
		import_run r = time_import(ics, empty_db, db);
		if (r.created != events || r.warnings != 0)
			bench_die(ics, "the import did not create every event, or warned");
		if (r.ms < best.ms)
			best = r;
	}
	printf("%-44s %10s %10s %8s\n", "", "best ms", "peak MiB", "ratio");
	printf("%-44s %10.1f %10s %8.1f\n", "baseline: read the file, find its lines", best_read,
	       "-", 1.0);
	printf("%-44s %10.1f %10s %8.1f\n", "libical alone (icalparser_parse, line reader)",
	       best_libical, "-", best_libical / best_read);
	printf("%-44s %10.1f %10.1f %8.1f\n", "hw_import_ics (session, parse, SQL, commit)",
	       best.ms, (double)best.peak_kib / 1024.0, best.ms / best_read);
	printf("%d events in %.2f s: %.1f µs an event\n\n", events, best.ms / 1000.0,
	       best.ms * 1000.0 / events);
	fflush(stdout);

	/* One long line: libical's own string reader against huiwu's, as the line doubles. */
	printf("one unfolded line of N MiB (best of %d; parse_string: libical's string reader, "
	       "as huiwu used it; import: skipped past 64 KiB):\n",
	       runs);
	printf("%8s %22s %8s %14s %8s\n", "MiB", "parse_string ms", "x prev", "import ms",
	       "x prev");
	double previous_string = 0, previous_import = 0;
	for (int line_mib = 1; line_mib <= 16; line_mib *= 2) {
		text = long_line_calendar((size_t)line_mib * 1024 * 1024, &size);
		write_all(ics, text, size);
		free(text);
		/* Past 4 MiB libical's reader takes minutes: measured up to there. */
		double best_string = -1;
		if (line_mib <= 4)
			for (int run = 0; run < runs; run++) {
				double ms = time_baseline(LIBICAL_PARSE_STRING, ics);
				best_string = best_string < 0 || ms < best_string ? ms : best_string;
			}
		import_run best_long = {.ms = 1e300};
		for (int run = 0; run < runs; run++) {
			import_run r = time_import(ics, empty_db, db);
			if (r.created != 1 || r.warnings != 1)
				bench_die(ics, "the long line was not skipped with a warning");
			if (r.ms < best_long.ms)
				best_long = r;
		}
		char string_ms[32] = "-", string_ratio[32] = "-", import_ratio[32] = "-";
		if (best_string >= 0)
			snprintf(string_ms, sizeof string_ms, "%.1f", best_string);
		if (best_string >= 0 && previous_string > 0)
			snprintf(string_ratio, sizeof string_ratio, "%.1f", best_string / previous_string);
		if (previous_import > 0)
			snprintf(import_ratio, sizeof import_ratio, "%.1f", best_long.ms / previous_import);
		printf("%8d %22s %8s %14.1f %8s\n", line_mib, string_ms, string_ratio, best_long.ms,
		       import_ratio);
		previous_string = best_string;
		previous_import = best_long.ms;
	}
	fixture_remove(empty_db);
	remove(ics);
	rmdir(directory);
	return 0;
}
