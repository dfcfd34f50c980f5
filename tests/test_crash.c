/* huiwu killed midway: SIGKILL at random points of write actions (small ones, a series of 150
 * meetings, the import of a 1,000-event .ics), then the database must pass SQLite's integrity
 * check, the audit log must verify, every action acknowledged (exit 0 seen) must be there whole
 * and every killed one must be there whole or not at all.
 *
 * The kill points come from a seeded generator; the seed is printed, and $HUIWU_TEST_SEED
 * replays it (timing still varies, so a replay is close, not exact). Bounded: 40 kills. */
#include "fixture.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TODAY "2026-11-23"
#define KILLS 40
#define MAX_ACTIONS 200
#define IMPORT_EVENTS 1000
#define SERIES_MEETINGS 150

#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

static uint64_t seed_state;

static uint64_t next_random(void)
{
	/* xorshift64*: enough to scatter kill points, and the same sequence for the same seed */
	seed_state ^= seed_state >> 12;
	seed_state ^= seed_state << 25;
	seed_state ^= seed_state >> 27;
	return seed_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t choose_seed(void)
{
	const char *given = getenv("HUIWU_TEST_SEED");
	uint64_t seed = given && *given ? strtoull(given, NULL, 10) : 20261123;
	print_message("# seed %" PRIu64 " (HUIWU_TEST_SEED=%" PRIu64 " replays it)\n", seed, seed);
	seed_state = seed ? seed : 1;
	return seed;
}

typedef enum action_kind { MEETING, PERSON, TOPIC, SERIES, IMPORT, KIND_COUNT } action_kind;

static const char *const kind_names[KIND_COUNT] = {"meeting add", "person add", "topic add",
						   "series add", "import ics"};

/* How many rows each kind writes, and where: the action is there whole when the count of
 * rows with its mark is `rows`, and absent when it is 0. */
static const struct {
	const char *sql;
	long long rows;
} kind_rows[KIND_COUNT] = {
	{"SELECT count(*) FROM meeting WHERE title = ?1", 1},
	{"SELECT count(*) FROM person WHERE name = ?1", 1},
	{"SELECT count(*) FROM topic WHERE title = ?1", 1},
	{"SELECT count(*) FROM meeting WHERE title = ?1", SERIES_MEETINGS},
	{"SELECT count(*) FROM meeting WHERE title = ?1", IMPORT_EVENTS},
};

typedef struct action {
	action_kind kind;
	char mark[64]; /* the unique title or name the action writes */
	bool acknowledged;
	bool killed;
} action;

/* A calendar of IMPORT_EVENTS events titled `mark`, with UIDs of its own. */
static void write_calendar(const char *path, const char *mark)
{
	FILE *file = fopen(path, "w");
	if (file == NULL)
		fail_msg("cannot write %s", path);
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//huiwu tests//crash//EN\r\n", file);
	for (int k = 0; k < IMPORT_EVENTS; k++) {
		int month = k % 12 + 1, day = k / 12 % 28 + 1, hour = 8 + k % 9;
		fprintf(file,
			"BEGIN:VEVENT\r\nUID:%s-%d@crash.test\r\nDTSTAMP:20261101T000000Z\r\n"
			"DTSTART:2027%02d%02dT%02d0000\r\nDTEND:2027%02d%02dT%02d3000\r\n"
			"SUMMARY:%s\r\nEND:VEVENT\r\n",
			mark, k, month, day, hour, month, day, hour, mark);
	}
	fputs("END:VCALENDAR\r\n", file);
	fclose(file);
}

/* Starts action `a` (number `n`) on the fixture; returns the child's pid. */
static int start_action(const fixture *f, action *a, int n, const char *directory)
{
	static const char *const weekdays[] = {"MO", "TU", "WE", "TH", "FR"};
	static char date[16], byday[32], calendar[512], out[512], err[512];
	snprintf(a->mark, sizeof a->mark, "crash-%s-%d", kind_names[a->kind], n);
	snprintf(date, sizeof date, "2027-%02d-%02d", n % 12 + 1, n % 27 + 1);
	snprintf(byday, sizeof byday, "FREQ=WEEKLY;BYDAY=%s", weekdays[n % 5]);
	snprintf(out, sizeof out, "%s/out", directory);
	snprintf(err, sizeof err, "%s/err", directory);
	const char *args[24] = {NULL};
	switch (a->kind) {
	case MEETING: {
		const char *list[] = {"meeting", "add", "--type", "executive", "--date", date,
				      "--time", "09:30", "--title", a->mark, NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case PERSON: {
		const char *list[] = {"person", "add", a->mark, "--title", "科员", "--role", "staff",
				      "--dept", "农业农村局", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case TOPIC: {
		const char *list[] = {"topic", "add", "--title", a->mark, "--dept", "农业农村局", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case SERIES: {
		const char *list[] = {"series", "add", "--type", "executive", "--rrule", byday,
				      "--time", "15:00", "--from", "2027-01-01", "--count", "150", "--on-holiday", "next",
				      "--horizon", "2030-12-31", "--title", a->mark, "--force", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case IMPORT: {
		snprintf(calendar, sizeof calendar, "%s/%d.ics", directory, n);
		write_calendar(calendar, a->mark);
		const char *list[] = {"import", "ics", calendar, "--as", "special", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	default:
		fail_msg("unknown action kind");
	}
	return test_spawn(f->env, args, out, err);
}

static long long elapsed_us(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000000LL + (now.tv_nsec - since->tv_nsec) / 1000;
}

static void test_killed_writes_leave_every_acknowledged_action_and_an_intact_log(void **state)
{
	choose_seed();
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	char *directory = test_make_temp_dir();
	static action actions[MAX_ACTIONS];
	long long duration_us[KIND_COUNT] = {0};
	int count = 0, kills = 0, kills_by_kind[KIND_COUNT] = {0};

	/* Each kind once, whole: its acknowledgement, and how long it takes here (a sanitizer
	 * build is slower), which bounds where the kills fall. */
	for (int k = 0; k < KIND_COUNT; k++) {
		action *a = &actions[count];
		a->kind = (action_kind)k;
		struct timespec started;
		clock_gettime(CLOCK_MONOTONIC, &started);
		int status = test_wait_for(start_action(f, a, count, directory), -1);
		duration_us[k] = elapsed_us(&started);
		if (status != 0) {
			char *err = test_path(directory, "err");
			char *said = test_read_file(err, NULL);
			fail_msg("%s exited %d: %s", kind_names[k], status, said ? said : "");
		}
		a->acknowledged = true;
		count++;
	}

	while (kills < KILLS && count < MAX_ACTIONS) {
		action *a = &actions[count];
		/* the long actions more often, so that kills land inside them */
		uint64_t pick = next_random() % 10;
		a->kind = pick < 3 ? IMPORT : pick < 6 ? SERIES : (action_kind)(pick % 3);
		/* up to just past the shortest whole run of its kind seen so far: most runs are cut, some
		 * right at their commit */
		long delay = (long)(next_random() % (uint64_t)(duration_us[a->kind] * 21 / 20 + 1));
		struct timespec started;
		clock_gettime(CLOCK_MONOTONIC, &started);
		int pid = start_action(f, a, count, directory);
		int status = test_wait_for(pid, delay);
		if (status >= 0 && elapsed_us(&started) < duration_us[a->kind])
			duration_us[a->kind] = elapsed_us(&started);
		if (status < 0) {
			kill(pid, SIGKILL);
			status = test_wait_for(pid, -1);
			a->killed = true;
			kills++;
			kills_by_kind[a->kind]++;
		}
		a->acknowledged = status == 0;
		if (!a->killed && status != 0) {
			char *err = test_path(directory, "err");
			char *said = test_read_file(err, NULL);
			fail_msg("%s (after %d kills) exited %d: %s", kind_names[a->kind], kills, status,
				 said ? said : "");
		}
		count++;
	}
	print_message("# %d actions, %d killed (import %d, series %d, others %d)\n", count, kills,
		      kills_by_kind[IMPORT], kills_by_kind[SERIES],
		      kills_by_kind[MEETING] + kills_by_kind[PERSON] + kills_by_kind[TOPIC]);
	assert_int_equal(kills, KILLS);
	assert_true(kills_by_kind[IMPORT] > 0 && kills_by_kind[SERIES] > 0);

	fixture_expect_intact(f);
	int killed_after_commit = 0;
	for (int i = 0; i < count; i++) {
		const action *a = &actions[i];
		long long rows = fixture_count(f, kind_rows[a->kind].sql, a->mark);
		killed_after_commit += a->killed && rows > 0;
		if (a->acknowledged && rows != kind_rows[a->kind].rows)
			fail_msg("%s \"%s\" was acknowledged but %lld of its %lld rows are there",
				 kind_names[a->kind], a->mark, rows, kind_rows[a->kind].rows);
		if (a->killed && rows != 0 && rows != kind_rows[a->kind].rows)
			fail_msg("%s \"%s\" was killed and left %lld of its %lld rows", kind_names[a->kind],
				 a->mark, rows, kind_rows[a->kind].rows);
	}
	print_message("# %d of the killed actions had committed\n", killed_after_commit);
	/* and huiwu goes on working on what the kills left */
	OK(f, "meeting", "add", "--type", "executive", "--date", "2027-03-03", "--time", "14:00",
	   "--title", "after the kills");
	fixture_expect_intact(f);
	test_remove_tree(directory);
	free(directory);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_killed_writes_leave_every_acknowledged_action_and_an_intact_log),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
