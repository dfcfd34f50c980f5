/* libFuzzer harness for the .ics importer (src/cal/ics_import.c): any bytes as a calendar
 * must be imported or refused with a message, on a demo database, never a crash, a leak or
 * undefined behaviour. The first byte chooses meetings (even, the seeds' '0') or busy time
 * (odd, '1'); the rest is the calendar. Every 256 inputs the
 * database is put back, so that it does not grow with what was imported. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "demo.h"
#include "fuzz_common.h"
#include "ics_import.h"
#include "paths.h"
#include "session.h"

static char db_path[4352], pristine_path[4352];
static hw_session *session;
static unsigned inputs;

static void fail(const char *what, const hw_error *error)
{
	fprintf(stderr, "fuzz_ics: %s: %s\n", what, error->message);
	abort();
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	if (in == NULL || out == NULL)
		abort();
	char buffer[65536];
	size_t n;
	while ((n = fread(buffer, 1, sizeof buffer, in)) > 0)
		if (fwrite(buffer, 1, n, out) != n)
			abort();
	fclose(in);
	if (fclose(out) != 0)
		abort();
}

static void open_session(void)
{
	char wal[4400], shm[4400];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	snprintf(shm, sizeof shm, "%s-shm", db_path);
	unlink(wal);
	unlink(shm);
	copy_file(pristine_path, db_path);
	hw_error error = {0};
	if ((session = hw_session_open(db_path, false, &error)) == NULL)
		fail("cannot open the database", &error);
	/* nothing here needs to survive a power cut: spare the disk */
	sqlite3_exec(hw_store_db(session->store), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("HUIWU_TODAY", "2026-11-23", 1);
	setenv("HUIWU_DATA_DIR", FUZZ_DATA_DIR, 1);
	snprintf(db_path, sizeof db_path, "%s/huiwu.db", fuzz_folder());
	snprintf(pristine_path, sizeof pristine_path, "%s/pristine.db", fuzz_folder());
	hw_error error = {0};
	char rules_dir[4096];
	hw_rules_dir(rules_dir, sizeof rules_dir);
	hw_rules *rules = hw_rules_load(rules_dir, "wuqia", &error);
	hw_store *store = rules ? hw_store_open(pristine_path, HW_OPEN_OR_CREATE, &error) : NULL;
	if (store == NULL || hw_store_set_government(store, rules, &error) != 0)
		fail("cannot create the database", &error);
	hw_store_close(store);
	hw_rules_free(rules);
	hw_session *demo = hw_session_open(pristine_path, false, &error);
	if (demo == NULL || hw_demo_fill(demo, &error) != 0)
		fail("cannot fill the demo database", &error);
	hw_session_close(demo);
	open_session();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (++inputs % 256 == 0) {
		hw_session_close(session);
		open_session();
	}
	const char *path = fuzz_write("calendar.ics", data + 1, size - 1);
	if (path == NULL)
		return 0;
	hw_import_options options = {0};
	if (data[0] & 1)
		options.busy = true;
	else
		options.as_type = "special";
	hw_import_report report;
	memset(&report, 0, sizeof report);
	hw_error error = {0};
	int status = hw_import_ics(session, path, &options, &report, &error);
	hw_import_report_free(&report); /* the warnings are the caller's (ics_import.h) */
	if (status != 0 && error.message[0] == '\0')
		__builtin_trap(); /* a refusal must say why */
	hw_import_report_free(&report); /* the warnings of what was skipped */
	return 0;
}
