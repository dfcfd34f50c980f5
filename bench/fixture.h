/* The benchmarks' fixture: a throw-away database of one county government's meetings (20 years
 * of them, 100,000 by default), filled with plain prepared INSERTs in one transaction (a
 * fixture, not user actions: no audit entries), deterministic (a fixed seed). bench/README.md
 * describes what is in it. Shared by bench_check and bench_export, with a few helpers of theirs. */
#ifndef HW_BENCH_FIXTURE_H
#define HW_BENCH_FIXTURE_H

#include <stddef.h>

#include <sqlite3.h>

#define FIXTURE_DEFAULT_MEETINGS 100000
#define FIXTURE_MAX_MEETINGS 300000 /* 64 a working day at most: the roster is 40 people */
#define FIXTURE_GOVERNMENT "wuqia"
#define FIXTURE_TODAY "2026-06-30" /* fixed, so that every run judges the same data the same way */
#define FIXTURE_YEARS 20           /* the span of the fixture, ending with FIXTURE_TODAY's year */

/* The program's name, for messages ("bench_check: what: message"); main sets it. */
extern const char *bench_program;

/* Prints "PROGRAM: what: message" on stderr and exits with status 1. */
_Noreturn void bench_die(const char *what, const char *message);
void bench_exec(sqlite3 *db, const char *sql);
sqlite3_stmt *bench_prepare(sqlite3 *db, const char *sql);

/* CLOCK_MONOTONIC, in milliseconds. */
double bench_now_ms(void);

/* Makes a temporary folder huiwu-bench-XXXXXX under $TMPDIR (or /tmp) into `directory`. */
void bench_temp_dir(char *directory, size_t size);

/* Builds the database at `path` (which must not exist) with `meetings` meetings, the rules and
 * holidays read from `data_dir`, and prints what it holds ("fixture: ..."). The same arguments
 * give the same database, also when built twice in one process. */
void fixture_build(const char *path, const char *data_dir, long meetings);

/* Removes the database at `path` with its -wal and -shm files. */
void fixture_remove(const char *path);

/* A benchmark's options: -n MEETINGS, -r RUNS, -d DATA_DIR, -k DB_PATH. Parses them (usage
 * and exit 2 on a mistake, naming `program`) and points the sessions at the data folder and
 * the fixture's day. */
typedef struct bench_options {
	long meetings;
	int runs;
	const char *data_dir;
	const char *keep; /* NULL: a temporary database */
} bench_options;

void bench_parse_options(int argc, char **argv, const char *program, int default_runs,
			 const char *default_data_dir, bench_options *out);

/* Where the benchmark's database goes: the -k path (emptied first), or bench.db in a new
 * temporary folder (written to `directory`, "" with -k). bench_database_done removes what
 * is not to be kept. */
void bench_database_path(const bench_options *options, char *directory, size_t directory_size,
			 char *path, size_t path_size);
void bench_database_done(const bench_options *options, const char *directory, const char *path);

#endif
