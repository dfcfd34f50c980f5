/* Several clerks at once: four writers (meetings, people, topics, .ics imports), each a chain
 * of huiwu processes, a fifth process reading all along, and a reader holding one snapshot
 * open across all of it. Nothing may be lost, no command may fail on a locked database, the
 * snapshot must not move until it ends, and the audit log must verify. Bounded: 4 × 10
 * actions. */
#include "fixture.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TODAY "2026-11-23"
#define WRITERS 4
#define ACTIONS_PER_WRITER 10
#define IMPORT_EVENTS 20
#define SLOTS (WRITERS + 1) /* the last one reads */

#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

typedef struct slot {
	int pid;
	int done;
	char out[512], err[512];
	char mark[64];
	char calendar[512];
} slot;

static void write_calendar(const char *path, const char *mark)
{
	FILE *file = fopen(path, "w");
	if (file == NULL)
		fail_msg("cannot write %s", path);
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//huiwu tests//concurrency//EN\r\n", file);
	for (int k = 0; k < IMPORT_EVENTS; k++)
		fprintf(file,
			"BEGIN:VEVENT\r\nUID:%s-%d@concurrency.test\r\nDTSTAMP:20261101T000000Z\r\n"
			"DTSTART:202703%02dT100000\r\nDTEND:202703%02dT110000\r\nSUMMARY:%s\r\n"
			"END:VEVENT\r\n",
			mark, k, k + 1, k + 1, mark);
	fputs("END:VCALENDAR\r\n", file);
	fclose(file);
}

/* Starts the next action of writer `w` (or a read, for the last slot). */
static void start(const fixture *f, slot *s, int w)
{
	static char date[40];
	snprintf(s->mark, sizeof s->mark, "concurrent-%d-%d", w, s->done);
	snprintf(date, sizeof date, "2027-%02d-%02d", w + 1, s->done + 1);
	const char *args[16] = {NULL};
	switch (w) {
	case 0: {
		const char *list[] = {"meeting", "add", "--type", "executive", "--date", date,
				      "--time", "09:30", "--title", s->mark, NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case 1: {
		const char *list[] = {"person", "add", s->mark, "--title", "科员", "--role", "staff",
				      "--dept", "财政局", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case 2: {
		const char *list[] = {"topic", "add", "--title", s->mark, "--dept", "教育局", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	case 3: {
		write_calendar(s->calendar, s->mark);
		const char *list[] = {"import", "ics", s->calendar, "--as", "special", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	default: {
		const char *list[] = {"check", "--json", NULL};
		memcpy(args, list, sizeof list);
		break;
	}
	}
	s->pid = test_spawn(f->env, args, s->out, s->err);
}

static long long snapshot_count(sqlite3 *db)
{
	sqlite3_stmt *statement = NULL;
	long long count = -1;
	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM person)"
				   " + (SELECT count(*) FROM topic) + (SELECT count(*) FROM audit)",
			       -1, &statement, NULL) == SQLITE_OK &&
	    sqlite3_step(statement) == SQLITE_ROW)
		count = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	if (count < 0)
		fail_msg("the snapshot reader cannot read: %s", sqlite3_errmsg(db));
	return count;
}

static void test_four_writers_and_readers_lose_nothing_and_never_see_locked(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	char *directory = test_make_temp_dir();
	size_t log_before = fixture_log_entries(f);

	sqlite3 *reader = NULL;
	if (sqlite3_open_v2(f->db, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_exec(reader, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("cannot open the snapshot reader: %s", sqlite3_errmsg(reader));
	long long seen_before = snapshot_count(reader); /* the read starts the snapshot */

	slot slots[SLOTS];
	memset(slots, 0, sizeof slots);
	int running = 0, finished_writes = 0, reads = 0;
	for (int w = 0; w < SLOTS; w++) {
		snprintf(slots[w].out, sizeof slots[w].out, "%s/out-%d", directory, w);
		snprintf(slots[w].err, sizeof slots[w].err, "%s/err-%d", directory, w);
		snprintf(slots[w].calendar, sizeof slots[w].calendar, "%s/calendar-%d.ics", directory, w);
		start(f, &slots[w], w);
		running++;
	}
	while (running > 0) {
		int status = 0;
		int pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			fail_msg("waitpid: %s", strerror(errno));
		}
		int w = 0;
		while (w < SLOTS && slots[w].pid != pid)
			w++;
		if (w == SLOTS)
			continue;
		slot *s = &slots[w];
		char *err = test_read_file(s->err, NULL);
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		if (code != 0 || (err && (strstr(err, "locked") || strstr(err, "busy")))) {
			char message[1024];
			snprintf(message, sizeof message, "%s (writer %d, action %d) exited %d: %.800s",
				 w == WRITERS ? "a read" : s->mark, w, s->done, code, err ? err : "");
			free(err);
			fail_msg("%s", message);
		}
		free(err);
		s->done++;
		if (w < WRITERS)
			finished_writes++;
		else
			reads++;
		/* halfway, the snapshot still shows the database as it was when it began */
		if (w < WRITERS && finished_writes == WRITERS * ACTIONS_PER_WRITER / 2)
			assert_int_equal(snapshot_count(reader), seen_before);
		bool writes_left = finished_writes < WRITERS * ACTIONS_PER_WRITER;
		if (w < WRITERS ? s->done < ACTIONS_PER_WRITER : writes_left)
			start(f, s, w);
		else
			running--;
	}
	assert_int_equal(snapshot_count(reader), seen_before);
	if (sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("the snapshot reader cannot end: %s", sqlite3_errmsg(reader));
	assert_true(snapshot_count(reader) > seen_before);
	sqlite3_close(reader);
	print_message("# %d writes by %d writers, %d reads alongside\n", finished_writes, WRITERS,
		      reads);
	assert_true(reads > 0);

	fixture_expect_intact(f);
	static const char *const counts[WRITERS] = {
		"SELECT count(*) FROM meeting WHERE title = ?1",
		"SELECT count(*) FROM person WHERE name = ?1",
		"SELECT count(*) FROM topic WHERE title = ?1",
		"SELECT count(*) FROM meeting WHERE title = ?1",
	};
	static const long long rows[WRITERS] = {1, 1, 1, IMPORT_EVENTS};
	for (int w = 0; w < WRITERS; w++)
		for (int k = 0; k < ACTIONS_PER_WRITER; k++) {
			char mark[64];
			snprintf(mark, sizeof mark, "concurrent-%d-%d", w, k);
			long long found = fixture_count(f, counts[w], mark);
			if (found != rows[w])
				fail_msg("%s: %lld of its %lld rows are there", mark, found, rows[w]);
		}
	/* one audit entry per action (an import is one action) */
	assert_int_equal(fixture_log_entries(f), log_before + WRITERS * ACTIONS_PER_WRITER);
	test_remove_tree(directory);
	free(directory);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_four_writers_and_readers_lose_nothing_and_never_see_locked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
