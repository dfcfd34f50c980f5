/* bench_import: `huiwu import ics` of a big calendar of ordinary events, and of one long line,
 * timed against a baseline taken in the same run; then the same calendar of -n events imported
 * by huiwu and by khal (`khal import --batch`, skipped when khal is not installed), per event
 * (bench/README.md). Never fails on a timing. */
#include <dirent.h>
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

#include "external.h"
#include "fixture.h"
#include "ics_import.h"
#include "session.h"
#include "text_file.h"

#define DEFAULT_MIB 64
#define DEFAULT_RUNS 3
#define DEFAULT_EVENTS 100000 /* the khal comparison's */
#define PERSON "1" /* the fixture's head, by id */

static void write_all(const char *path, const char *text, size_t size)
{
	FILE *file = fopen(path, "wb");
	if (file == NULL || fwrite(text, 1, size, file) != size || fclose(file) != 0)
		bench_die(path, strerror(errno));
}

/* About `mib` MiB of ordinary events, as a prefecture's calendar would hold them: a UID, a
 * stamp, a start and end in UTC, a summary and location in Chinese, a folded description;
 * `limit` events at most (0: as many as fit). */
static char *ordinary_calendar(int mib, int limit, size_t *size, int *events)
{
	size_t capacity = (size_t)mib * 1024 * 1024, used = 0; /* at most the import's limit */
	char *text = malloc(capacity);
	if (text == NULL)
		bench_die("ordinary calendar", "out of memory");
	used += (size_t)snprintf(text, capacity,
				 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//huiwu//EN\r\n");
	int n = 0;
	for (; used + 1024 < capacity - 64 && (limit == 0 || n < limit); n++) {
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
	double ms, cpu_ms; /* wall clock; the child's processor time (user + sys) */
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
			  .cpu_ms = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
				    (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3,
			  .created = counts[0], .warnings = counts[1]};
	fixture_remove(db);
	return run;
}

/* khal's configuration for a fresh calendar (vdir) and cache under `home`. */
static void khal_home(const char *home, char *config, size_t size)
{
	char vdir[4400], calendar[4400];
	snprintf(vdir, sizeof vdir, "%s/vdir", home);
	snprintf(calendar, sizeof calendar, "%s/vdir/bench", home);
	if (mkdir(home, 0700) != 0 || mkdir(vdir, 0700) != 0 || mkdir(calendar, 0700) != 0)
		bench_die(home, strerror(errno));
	snprintf(config, size, "%s/config", home);
	FILE *file = fopen(config, "w");
	if (file == NULL)
		bench_die(config, strerror(errno));
	fprintf(file,
		"[calendars]\n[[bench]]\npath = %s/vdir/bench\ntype = calendar\n"
		"[locale]\nlocal_timezone = Asia/Shanghai\ndefault_timezone = Asia/Shanghai\n"
		"timeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\nlongdateformat = %%Y-%%m-%%d\n"
		"datetimeformat = %%Y-%%m-%%d %%H:%%M\nlongdatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
		"[default]\ndefault_calendar = bench\n[sqlite]\npath = %s/khal.db\n",
		home, home);
	if (fclose(file) != 0)
		bench_die(config, strerror(errno));
}

/* `khal import --batch` of `ics` into a fresh calendar: ms, the whole program. */
static double time_khal(const char *khal, const char *directory, const char *name,
			const char *ics, int events, double *cpu_ms)
{
	char home[4200], config[4300], vdir[4400];
	snprintf(home, sizeof home, "%s/%s", directory, name);
	khal_home(home, config, sizeof config);
	char *argv[] = {(char *)khal, "-c", config, "import", "--batch", (char *)ics, NULL};
	double ms = bench_run_program(argv, NULL, cpu_ms);
	/* Each event is a file of the calendar: check that khal imported them all. */
	snprintf(vdir, sizeof vdir, "%s/vdir/bench", home);
	DIR *folder = opendir(vdir);
	int files = 0;
	for (struct dirent *entry; folder && (entry = readdir(folder));)
		files += entry->d_name[0] != '.';
	if (folder)
		closedir(folder);
	if (files != events)
		bench_die(vdir, "khal did not import every event");
	bench_remove_tree(home);
	return ms;
}

/* The same calendar of `count` ordinary events imported by huiwu (best of `runs`) and by khal
 * (once: about 3 ms an event; after a warm-up import of a few events, so that khal's Python
 * modules and the files are in the page cache), per event. */
static void compare_with_khal(const char *directory, const char *empty_db, const char *db,
			      int count, int runs)
{
	printf("\nhuiwu against khal: the same calendar of %d ordinary events\n", count);
	char khal[4096];
	if (!bench_find_program("khal", khal, sizeof khal)) {
		printf("khal is not installed (apt-get install khal): skipped\n");
		return;
	}
	char ics[4200], warm[4200];
	snprintf(ics, sizeof ics, "%s/khal-calendar.ics", directory);
	snprintf(warm, sizeof warm, "%s/khal-warm.ics", directory);
	size_t size;
	int events, warm_events;
	char *text = ordinary_calendar(64, count, &size, &events);
	write_all(ics, text, size);
	free(text);
	text = ordinary_calendar(1, 100, &size, &warm_events);
	write_all(warm, text, size);
	free(text);
	import_run best = {.ms = 1e300};
	for (int run = 0; run < runs; run++) {
		import_run r = time_import(ics, empty_db, db);
		if (r.created != events || r.warnings != 0)
			bench_die(ics, "the import did not create every event, or warned");
		if (r.ms < best.ms)
			best = r;
	}
	time_khal(khal, directory, "khal-warm", warm, warm_events, NULL);
	double khal_cpu_ms;
	double khal_ms = time_khal(khal, directory, "khal", ics, events, &khal_cpu_ms);
	double huiwu_us = best.ms * 1000.0 / events, khal_us = khal_ms * 1000.0 / events;
	printf("%-48s %12s %12s\n", "", "ms", "µs an event");
	printf("%-48s %12.1f %12.1f\n", "huiwu: hw_import_ics --busy (best of runs)", best.ms,
	       huiwu_us);
	printf("%-48s %12.1f %12.1f\n", "  its processor time (user + sys)", best.cpu_ms,
	       best.cpu_ms * 1000.0 / events);
	printf("%-48s %12.1f %12.1f\n", "khal import --batch (once, warm)", khal_ms, khal_us);
	printf("%-48s %12.1f %12.1f\n", "  its processor time (user + sys)", khal_cpu_ms,
	       khal_cpu_ms * 1000.0 / events);
	printf("huiwu imports an event %.1f times as fast as khal (the requirement: 30); "
	       "%.1f times in processor time\n",
	       khal_us / huiwu_us, khal_cpu_ms / best.cpu_ms);
	remove(ics);
	remove(warm);
}

static void usage(void)
{
	fprintf(stderr, "usage: bench_import [-m MIB] [-n EVENTS] [-r RUNS] [-d DATA_DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	bench_program = "bench_import";
	int mib = DEFAULT_MIB, runs = DEFAULT_RUNS, khal_events = DEFAULT_EVENTS;
	const char *data_dir = HUIWU_BENCH_DATA;
	int option;
	while ((option = getopt(argc, argv, "m:n:r:d:h")) != -1) {
		switch (option) {
		case 'm': mib = atoi(optarg); break;
		case 'n': khal_events = atoi(optarg); break;
		case 'r': runs = atoi(optarg); break;
		case 'd': data_dir = optarg; break;
		default: usage();
		}
	}
	if (optind != argc || mib < 1 || mib > 64 || runs < 1 || runs > 20 || khal_events < 0 ||
	    khal_events > 150000)
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
	char *text = ordinary_calendar(mib, 0, &size, &events);
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
	remove(ics);
	if (khal_events > 0)
		compare_with_khal(directory, empty_db, db, khal_events, runs);
	fixture_remove(empty_db);
	rmdir(directory);
	return 0;
}
