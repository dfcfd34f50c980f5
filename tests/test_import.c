/* iCalendar import: events become meetings or busy time; a broken file is refused with its
 * line and nothing of it is imported; a second import changes nothing. */
#include "fixture.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ics_import.h"
#include "session.h"
#include "store.h"

#define TODAY "2026-11-23"

static char *write_ics(fixture *f, const char *name, const char *body)
{
	char *path = test_path(f->directory, name);
	char *text = NULL;
	assert_true(asprintf(&text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n%s"
				    "END:VCALENDAR\r\n", body) > 0);
	test_write_file(path, text);
	free(text);
	return path;
}

static json_t *json_of(fixture *f, const char *const *args)
{
	return fixture_json(test_run(f->env, args), args[0]);
}

static size_t count_of(fixture *f, const char *const *args)
{
	json_t *list = json_of(f, args);
	size_t count = json_array_size(list);
	json_decref(list);
	return count;
}

#define MEETINGS(f) count_of(f, (const char *const[]){"meeting", "list", "--from", "2020-01-01", "--to", "2030-12-31", "--json", NULL})
#define LOG_ENTRIES(f) count_of(f, (const char *const[]){"log", "--json", NULL})

static const char *const two_events =
	"BEGIN:VEVENT\r\nUID:prefecture-1@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
	"DTSTART:20261202T020000Z\r\nDTEND:20261202T040000Z\r\nSUMMARY:自治州人民政府全体会议（视频）\r\n"
	"LOCATION:视频会议室\r\nEND:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:prefecture-2@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
	"DTSTART;TZID=Asia/Shanghai:20261203T150000\r\nSUMMARY:全州经济工作会议\r\nEND:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:prefecture-3@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
	"DTSTART:20261204T090000\r\nSUMMARY:已取消的会议\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n";

static void test_events_become_meetings_once(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char *path = write_ics(&f, "prefecture.ics", two_events);
	run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "3 events: 2 new, 0 updated, 1 cancelled, 0 unchanged, 0 skipped");
	test_run_free(&r);
	json_t *list = json_of(&f, (const char *const[]){"meeting", "list", "--from", "2026-12-01",
							  "--to", "2026-12-31", "--json", NULL});
	assert_int_equal(json_array_size(list), 2);
	json_t *first = json_array_get(list, 0);
	/* 02:00 UTC is 10:00 in Asia/Shanghai. */
	assert_string_equal(json_string_value(json_object_get(first, "start")), "10:00");
	assert_string_equal(json_string_value(json_object_get(first, "end")), "12:00");
	assert_string_equal(json_string_value(json_object_get(first, "uid")), "prefecture-1@example.org");
	assert_string_equal(json_string_value(json_object_get(first, "location")), "视频会议室");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "start")), "15:00");
	json_decref(list);
	size_t entries = LOG_ENTRIES(&f);
	r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "0 new, 0 updated, 0 cancelled, 3 unchanged");
	test_run_free(&r);
	assert_int_equal(MEETINGS(&f), 2);
	assert_int_equal(LOG_ENTRIES(&f), entries);
	free(path);
	fixture_close(&f);
}

static void test_busy_time_is_weighed_for_double_booking(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-02", "--time",
		   "09:30", "--end", "11:30", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-03", "--time",
		   "09:00", "--end", "10:00", "--adhoc", "年终工作", NULL);
	char *path = write_ics(&f, "head.ics", two_events);
	fixture_ok(&f, "import", "ics", path, "--busy", "--person", "首长", NULL);
	run_result r = fixture_run(&f, "check", "--from", "2026-12-01", "--to", "2026-12-31", NULL);
	/* 10:00–12:00 overlaps 09:30–11:30; 15:00 does not touch 09:00–10:00. */
	assert_contains(r.out, "首长在该时段另有安排：自治州人民政府全体会议（视频）");
	assert_not_contains(r.out, "全州经济工作会议");
	test_run_free(&r);
	/* Busy time is not a meeting. */
	assert_int_equal(MEETINGS(&f), 2);
	free(path);
	fixture_close(&f);
}

static void test_busy_by_attendee_names(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char *path = write_ics(&f, "attendees.ics",
			       "BEGIN:VEVENT\r\nUID:a@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
			       "DTSTART;VALUE=DATE:20261205\r\nSUMMARY:全天调研\r\n"
			       "ATTENDEE;CN=副职甲:mailto:a@example.org\r\n"
			       "ATTENDEE;CN=别处的人:mailto:b@example.org\r\nEND:VEVENT\r\n");
	run_result r = fixture_run(&f, "import", "ics", path, "--busy", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "1 new");
	assert_contains(r.err, "1 attendees are not in the roster");
	test_run_free(&r);
	/* An all-day event cannot be a meeting: skipped, with its line. */
	r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.err, "attendees.ics:4: the event 'a@example.org' lasts all day");
	test_run_free(&r);
	/* Never imported, so never "unchanged": skipped again. */
	r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_contains(r.out, "0 unchanged, 1 skipped");
	test_run_free(&r);
	free(path);
	fixture_close(&f);
}

static void test_broken_files_name_their_line(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		const char *content; /* the whole file */
		const char *expected;
	} cases[] = {
		{"missing-end.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
		 "DTSTART:20261202T090000\r\nEND:VCALENDAR\r\n",
		 ":3: BEGIN:VEVENT is never ended"},
		{"unclosed.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",
		 ":3: BEGIN:VEVENT is never ended"},
		{"stray-end.ics", "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 ":2: 'END:VEVENT' ends a component that was not begun"},
		{"not-ics.ics", "这不是日历文件\r\n", ":1: not an iCalendar file"},
		{"empty.ics", "", ":1: the file is empty"},
	};
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	/* A good event first in every broken file must not be imported either. */
	size_t entries = LOG_ENTRIES(&f);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = test_path(f.directory, cases[i].name);
		test_write_file(path, cases[i].content);
		run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
		if (r.status != 1)
			fail_msg("%s: exit %d (%s)", cases[i].name, r.status, r.out);
		assert_int_equal(test_count_lines(r.err), 1);
		assert_contains(r.err, cases[i].expected);
		test_run_free(&r);
		free(path);
	}
	/* A good event first, then one never ended: nothing of the file is imported. */
	char *mixed = test_path(f.directory, "mixed.ics");
	test_write_file(mixed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
			       "BEGIN:VEVENT\r\nUID:good@example.org\r\nDTSTART:20261202T090000\r\n"
			       "SUMMARY:好的\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:bad\r\n"
			       "DTSTART:20261202T090000\r\nEND:VCALENDAR\r\n");
	run_result r = fixture_run(&f, "import", "ics", mixed, "--as", "special", NULL);
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "mixed.ics:9: BEGIN:VEVENT is never ended");
	test_run_free(&r);
	assert_int_equal(MEETINGS(&f), 0);
	assert_int_equal(LOG_ENTRIES(&f), entries);
	free(mixed);
	fixture_close(&f);
}

/* A property that cannot be used is left out with a warning naming its line, and an event
 * that cannot be used without it is skipped; the rest of the file imports. Empty text is
 * empty text, without a word. */
static void test_one_bad_line_never_loses_a_file(void **state)
{
	(void)state;
	static const struct {
		const char *event; /* between BEGIN:VEVENT (line 4) and END:VEVENT */
		const char *warning; /* NULL: none */
		int meetings;
	} cases[] = {
		{"UID:x\r\nDTSTART:2026120\r\n", "bad.ics:6: libical cannot read 'DTSTART:2026120'", 0},
		{"UID:x\r\nSUMMARY:a long line folded\r\n  over two lines\r\nDTSTART:20260230T090000\r\n",
		 "bad.ics:8: 'DTSTART:20260230T090000' is not a real date", 0},
		{"UID:x\r\nDTSTART:20261202T090000\r\nRRULE:\r\n", "bad.ics:7: 'RRULE:' has no value", 1},
		{"UID:x\r\nDTSTART:20261202T090000\r\nRDATE;VALUE=DATE:20261209Z\r\n",
		 "bad.ics:7: libical cannot read 'RDATE;VALUE=DATE:20261209Z'", 1},
		{"UID:x\r\nDTSTART;TZID=Nowhere/City:20261202T090000\r\n", "'Nowhere/City'", 0},
		{"DTSTART:20261202T090000\r\nSUMMARY:无UID\r\n", "bad.ics:4: an event has no UID: it is known as 'huiwu-derived-", 1},
		{"UID:x\r\nDTSTART:20261202T020000Z\r\nDESCRIPTION:\r\nLOCATION:\r\nCATEGORIES:\r\n"
		 "SUMMARY:谷歌\r\n", NULL, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture f;
		fixture_open(&f, "wuqia", TODAY);
		char *body = NULL;
		assert_true(asprintf(&body, "BEGIN:VEVENT\r\n%sEND:VEVENT\r\n"
					    "BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20261203T020000Z\r\n"
					    "SUMMARY:好的\r\nEND:VEVENT\r\n", cases[i].event) > 0);
		char *path = write_ics(&f, "bad.ics", body);
		run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
		if (r.status != 0)
			fail_msg("case %zu: exit %d (%s)", i, r.status, r.err);
		if (cases[i].warning)
			assert_contains(r.err, cases[i].warning);
		else
			assert_int_equal(test_count_lines(r.err), 0);
		test_run_free(&r);
		assert_int_equal(MEETINGS(&f), 1 + (size_t)cases[i].meetings);
		if (i == 5) { /* the derived UID is stable: a second import changes nothing */
			r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
			assert_contains(r.out, "0 new, 0 updated, 0 cancelled, 2 unchanged");
			test_run_free(&r);
		}
		free(body);
		free(path);
		fixture_close(&f);
	}
	/* An event the meeting's own checks refuse (a title of 3,000 bytes) is skipped with its
	 * reason and line; the other event is imported. */
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char title[3001];
	memset(title, 'x', 3000);
	title[3000] = '\0';
	char *body = NULL;
	assert_true(asprintf(&body, "BEGIN:VEVENT\r\nUID:long\r\nDTSTART:20261202T020000Z\r\n"
				    "SUMMARY:%s\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:good\r\n"
				    "DTSTART:20261203T020000Z\r\nSUMMARY:好的\r\nEND:VEVENT\r\n",
			     title) > 0);
	char *path = write_ics(&f, "long-title.ics", body);
	run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "2 events: 1 new");
	assert_contains(r.err, "long-title.ics:4: the event 'long': the title is empty or too long: skipped");
	test_run_free(&r);
	assert_int_equal(MEETINGS(&f), 1);
	free(body);
	free(path);
	fixture_close(&f);
}

static void test_import_mistakes(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "yiwu", TODAY);
	char *path = write_ics(&f, "x.ics", two_events);
	run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 1); /* Yiwu defines no special-topic meetings */
	assert_contains(r.err, "第三十四条");
	test_run_free(&r);
	r = fixture_run(&f, "import", "ics", path, NULL);
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	r = fixture_run(&f, "import", "ics", "/nonexistent.ics", "--busy", NULL);
	assert_int_equal(r.status, 1);
	test_run_free(&r);
	assert_int_equal(MEETINGS(&f), 0);
	free(path);
	fixture_close(&f);
}

static void test_export_then_import_round_trip(void **state)
{
	(void)state;
	fixture a, b;
	fixture_open(&a, "wuqia", TODAY);
	fixture_open(&b, "wuqia", TODAY);
	fixture_ok(&a, "meeting", "add", "--type", "special", "--date", "2026-12-09", "--time",
		   "15:00", "--end", "16:30", "--chair", "副职甲", "--title", "农业专题会议；第一次",
		   "--location", "三楼，东侧", NULL);
	char *path = test_path(a.directory, "out.ics");
	fixture_ok(&a, "export", "ics", "-o", path, NULL);
	fixture_ok(&b, "import", "ics", path, "--as", "special", NULL);
	json_t *exported = json_of(&a, (const char *const[]){"meeting", "list", "--json", NULL});
	json_t *imported = json_of(&b, (const char *const[]){"meeting", "list", "--json", NULL});
	json_t *x = json_array_get(exported, 0), *y = json_array_get(imported, 0);
	static const char *const keys[] = {"uid", "date", "start", "end", "title", "location"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_string_equal(json_string_value(json_object_get(x, keys[i])),
				    json_string_value(json_object_get(y, keys[i])));
	json_decref(exported);
	json_decref(imported);
	free(path);
	fixture_close(&a);
	fixture_close(&b);
}

/* ---- limits and warnings, in process ---- */

static hw_session *open_session(const fixture *f)
{
	hw_error error = {0};
	hw_session *session = hw_session_open(f->db, false, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	return session;
}

/* Imports `path` as busy time of 首长; returns hw_import_ics's status. */
static int import_busy(hw_session *session, const char *path, hw_import_report *report,
		       hw_error *error)
{
	hw_import_options options = {.busy = true, .person = "首长"};
	return hw_import_ics(session, path, &options, report, error);
}

static long long count_busy(hw_session *session, const char *uid)
{
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(hw_store_db(session->store),
					    "SELECT count(*) FROM busy WHERE ?1 IS NULL OR uid = ?1",
					    -1, &statement, NULL),
			 SQLITE_OK);
	if (uid)
		sqlite3_bind_text(statement, 1, uid, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	long long count = sqlite3_column_int64(statement, 0);
	sqlite3_finalize(statement);
	return count;
}

/* The report's warnings, one per line, for assertions. */
static char *warnings_of(const hw_import_report *report)
{
	char *all = strdup("");
	for (int i = 0; i < report->warning_count && i < HW_IMPORT_WARNINGS_KEPT; i++) {
		char *longer = NULL;
		assert_true(asprintf(&longer, "%s%s\n", all, report->warnings[i]) > 0);
		free(all);
		all = longer;
	}
	return all;
}

static const char *const plain_event =
	"BEGIN:VEVENT\r\nUID:plain@example.org\r\nDTSTART:20261202T020000Z\r\n"
	"DTEND:20261202T040000Z\r\nSUMMARY:全州会议\r\nEND:VEVENT\r\n";

/* An event of `uid` on 2026-12-03 whose DESCRIPTION is `size` bytes, folded as clients fold. */
static char *event_with_description(const char *uid, size_t size)
{
	char *value = malloc(size + 1);
	assert_non_null(value);
	for (size_t i = 0; i < size; i++)
		value[i] = (char)('a' + i % 26);
	value[size] = '\0';
	size_t folded_size = size + size / 74 * 3 + 256;
	char *text = malloc(folded_size);
	assert_non_null(text);
	int n = snprintf(text, folded_size, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20261203T020000Z\r\n"
					    "DESCRIPTION:", uid);
	size_t used = (size_t)n;
	for (size_t i = 0; i < size; i += 74) {
		if (i > 0)
			used += (size_t)snprintf(text + used, folded_size - used, "\r\n ");
		used += (size_t)snprintf(text + used, folded_size - used, "%.74s", value + i);
	}
	snprintf(text + used, folded_size - used, "\r\nSUMMARY:长描述\r\nEND:VEVENT\r\n");
	free(value);
	return text;
}

/* A content line over 64 KiB (unfolded) is skipped with a warning naming its line, and the
 * rest of its event imports; one just under the limit is read without a word. An 8 MB line
 * (some 20 s before the limit, the time growing with the square of the length) is skipped. */
static void test_long_lines_are_skipped_with_a_warning(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	char *under = event_with_description("under@example.org", 64 * 1024 - 32);
	char *over = event_with_description("over@example.org", 64 * 1024 + 1);
	char *huge = event_with_description("huge@example.org", 8 * 1024 * 1024);
	char *body = NULL;
	assert_true(asprintf(&body, "%s%s%s%s", plain_event, under, over, huge) > 0);
	char *path = write_ics(&f, "long.ics", body);
	hw_import_report report;
	hw_error error = {0};
	if (import_busy(session, path, &report, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(report.events, 4);
	assert_int_equal(report.created, 4);
	assert_int_equal(report.skipped, 0);
	assert_int_equal(report.warning_count, 2);
	char *warnings = warnings_of(&report);
	/* The header takes lines 1-3, the plain event 4-9, the one under the limit 10-900 (its
	 * DESCRIPTION folded in lines of 74 bytes); the long line is the 4th of the next. */
	int over_line = 9 + 3 + (int)((64 * 1024 - 32 + 73) / 74) + 2 + 4;
	char expected[4200];
	snprintf(expected, sizeof expected, "%s:%d: a line of %d bytes, longer than the limit of 64 KiB: skipped",
		 path, over_line, (int)strlen("DESCRIPTION:") + 64 * 1024 + 1);
	assert_contains(warnings, expected);
	assert_contains(warnings, "a line of 8388620 bytes");
	assert_int_equal(count_busy(session, "huge@example.org"), 1);
	hw_import_report_free(&report);
	free(warnings);
	free(path);
	free(body);
	free(huge);
	free(over);
	free(under);
	hw_session_close(session);
	fixture_close(&f);
}

/* Each case: a file's events after a plain one (lines 4-9), how many must import and be
 * skipped, and the warning (NULL: none). */
static void test_reversed_and_nested_events_are_skipped(void **state)
{
	(void)state;
	static const struct {
		const char *name, *body;
		int created, skipped;
		const char *warning; /* after "FILE:" */
	} cases[] = {
		{"reversed.ics",
		 "BEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20261202T040000Z\r\nDTEND:20261202T020000Z\r\n"
		 "END:VEVENT\r\n",
		 0, 1, "10: the event 'r@x' ends before it starts (DTEND before DTSTART): skipped"},
		{"reversed-days.ics",
		 "BEGIN:VEVENT\r\nUID:d@x\r\nDTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261202\r\n"
		 "END:VEVENT\r\n",
		 0, 1, "10: the event 'd@x' ends before it starts"},
		{"reversed-escape.ics",
		 "BEGIN:VEVENT\r\nUID:e\x1b]0;x\x07@x\r\nDTSTART:20261202T040000Z\r\nDTEND:20261202T020000Z\r\n"
		 "END:VEVENT\r\n",
		 0, 1, "10: the event 'e?]0;x?@x' ends before it starts"},
		{"reversed-duration.ics",
		 "BEGIN:VEVENT\r\nUID:n@x\r\nDTSTART:20261202T040000Z\r\nDURATION:-PT1H\r\n"
		 "END:VEVENT\r\n",
		 0, 1, "10: the event 'n@x' ends before it starts"},
		/* Twins: an end equal to the start, or in another zone but later. */
		{"instant.ics",
		 "BEGIN:VEVENT\r\nUID:i@x\r\nDTSTART:20261202T040000Z\r\nDTEND:20261202T040000Z\r\n"
		 "END:VEVENT\r\n",
		 1, 0, NULL},
		{"zones.ics",
		 "BEGIN:VEVENT\r\nUID:z@x\r\nDTSTART:20261202T040000Z\r\n"
		 "DTEND;TZID=Asia/Shanghai:20261202T130000\r\nEND:VEVENT\r\n",
		 1, 0, NULL},
		{"nested.ics",
		 "BEGIN:VEVENT\r\nUID:outer@x\r\nDTSTART:20261202T040000Z\r\n"
		 "BEGIN:VEVENT\r\nUID:inner@x\r\nDTSTART:20261203T040000Z\r\nEND:VEVENT\r\n"
		 "END:VEVENT\r\n",
		 0, 2, "13: an event inside the event begun on line 10: both are skipped"},
		{"in-todo.ics",
		 "BEGIN:VTODO\r\nUID:todo@x\r\n"
		 "BEGIN:VEVENT\r\nUID:inner@x\r\nDTSTART:20261203T040000Z\r\nEND:VEVENT\r\n"
		 "END:VTODO\r\n",
		 0, 1, "12: an event inside the to-do begun on line 10: skipped"},
		/* Twins: an alarm inside an event, a to-do beside an event. */
		{"siblings.ics",
		 "BEGIN:VTODO\r\nUID:todo@x\r\nEND:VTODO\r\n"
		 "BEGIN:VEVENT\r\nUID:e@x\r\nDTSTART:20261203T040000Z\r\n"
		 "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:提醒\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
		 "END:VEVENT\r\n",
		 1, 0, NULL},
		/* A file cannot set huiwu's own marks. */
		{"marks.ics",
		 "BEGIN:VEVENT\r\nUID:m@x\r\nX-HUIWU-SKIP:1\r\nDTSTART:20261203T040000Z\r\nEND:VEVENT\r\n",
		 1, 0, NULL},
	};
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *body = NULL;
		assert_true(asprintf(&body, "%s%s", plain_event, cases[i].body) > 0);
		char *path = write_ics(&f, cases[i].name, body);
		long long before = count_busy(session, NULL);
		hw_import_report report;
		hw_error error = {0};
		if (import_busy(session, path, &report, &error) != 0)
			fail_msg("%s: %s", cases[i].name, error.message);
		char *warnings = warnings_of(&report);
		/* The plain event, first in each file, is imported once over all the cases. */
		long long created = count_busy(session, NULL) - before;
		if (created != cases[i].created + (i == 0) || report.skipped != cases[i].skipped)
			fail_msg("%s: %lld created, %d skipped (%s)", cases[i].name, created,
				 report.skipped, warnings);
		if (cases[i].warning == NULL) {
			assert_int_equal(report.warning_count, 0);
		} else {
			assert_int_equal(report.warning_count, 1);
			char expected[4200];
			snprintf(expected, sizeof expected, "%s:%s", path, cases[i].warning);
			assert_contains(warnings, expected);
		}
		hw_import_report_free(&report);
		free(warnings);
		free(path);
		free(body);
	}
	assert_int_equal(count_busy(session, "outer@x") + count_busy(session, "inner@x"), 0);
	hw_session_close(session);
	fixture_close(&f);
}

/* Invalid UTF-8 in a value is repaired with U+FFFD and a warning naming the line; the file is
 * not lost, and no bad byte is stored. */
static void test_invalid_utf8_is_repaired(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	char *path = write_ics(&f, "latin1.ics",
			       "BEGIN:VEVENT\r\nUID:u@x\r\nDTSTART:20261202T020000Z\r\n"
			       "SUMMARY:R\xe9union \xe5\x85\r\n pr\xe9" "fecture\r\nEND:VEVENT\r\n"
			       "BEGIN:VEVENT\r\nUID:v@x\r\nDTSTART:20261203T020000Z\r\n"
			       "SUMMARY:Réunion 会议\r\nEND:VEVENT\r\n");
	hw_import_report report;
	hw_error error = {0};
	if (import_busy(session, path, &report, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(report.created, 2);
	assert_int_equal(report.warning_count, 1); /* the twin, valid, has none */
	char expected[4200];
	snprintf(expected, sizeof expected, "%s:7: not valid UTF-8: the bad bytes are replaced by U+FFFD",
		 path);
	assert_string_equal(report.warnings[0], expected);
	hw_import_report_free(&report);
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(hw_store_db(session->store),
					    "SELECT summary FROM busy ORDER BY uid", -1, &statement, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(statement, 0),
			    "R\xef\xbf\xbdunion \xef\xbf\xbdpr\xef\xbf\xbd" "fecture");
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(statement, 0), "Réunion 会议");
	sqlite3_finalize(statement);
	free(path);
	hw_session_close(session);
	fixture_close(&f);
}

/* A meeting's title and location are one line: a line break (iCalendar's \\n) or a tab in a
 * foreign event becomes a space, with a warning naming the line; a plain event keeps its text. */
static void test_line_breaks_in_a_title_become_spaces(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	char *path = write_ics(&f, "lines.ics",
			       "BEGIN:VEVENT\r\nUID:lines@x\r\nDTSTART:20261202T020000Z\r\n"
			       "SUMMARY:全州会议\\n第二行\r\nLOCATION:会议室\t三楼\r\nEND:VEVENT\r\n"
			       "BEGIN:VEVENT\r\nUID:plain@x\r\nDTSTART:20261203T020000Z\r\n"
			       "SUMMARY:全州会议\r\nLOCATION:会议室 三楼\r\nEND:VEVENT\r\n");
	hw_import_options options = {.as_type = "special"};
	hw_import_report report;
	hw_error error = {0};
	if (hw_import_ics(session, path, &options, &report, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(report.created, 2);
	char *warnings = warnings_of(&report);
	char expected[4200];
	snprintf(expected, sizeof expected,
		 "%s:4: the event 'lines@x': line breaks and control characters in its title became "
		 "spaces\n%s:4: the event 'lines@x': line breaks and control characters in its "
		 "location became spaces\n",
		 path, path);
	assert_string_equal(warnings, expected); /* the plain twin has none */
	free(warnings);
	hw_import_report_free(&report);
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(hw_store_db(session->store),
					    "SELECT title, location FROM meeting ORDER BY uid", -1,
					    &statement, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(statement, 0), "全州会议 第二行");
	assert_string_equal((const char *)sqlite3_column_text(statement, 1), "会议室 三楼");
	assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(statement, 0), "全州会议");
	sqlite3_finalize(statement);
	free(path);
	hw_session_close(session);
	fixture_close(&f);
}

/* Events are read one by one; a VTIMEZONE of the file serves them whether it comes before or
 * after them. */
static void test_file_time_zones_before_or_after_events(void **state)
{
	(void)state;
	static const char zone[] =
		"BEGIN:VTIMEZONE\r\nTZID:Custom/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
		"TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nTZNAME:CZ\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
	static const char event[] =
		"BEGIN:VEVENT\r\nUID:%s\r\nDTSTART;TZID=Custom/Zone:20261202T100000\r\n"
		"DTEND;TZID=Custom/Zone:20261202T110000\r\nEND:VEVENT\r\n";
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	for (int after = 0; after < 2; after++) {
		char one[512], *body = NULL;
		snprintf(one, sizeof one, event, after ? "after@x" : "before@x");
		assert_true(asprintf(&body, "%s%s", after ? one : zone, after ? zone : one) > 0);
		char *path = write_ics(&f, after ? "after.ics" : "before.ics", body);
		hw_import_report report;
		hw_error error = {0};
		if (import_busy(session, path, &report, &error) != 0)
			fail_msg("%s", error.message);
		assert_int_equal(report.created, 1);
		hw_import_report_free(&report);
		free(path);
		free(body);
	}
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(hw_store_db(session->store),
					    "SELECT start || '-' || end FROM busy ORDER BY uid", -1,
					    &statement, NULL),
			 SQLITE_OK);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
		/* 10:00 at +05:00 is 13:00 in Asia/Shanghai. */
		assert_string_equal((const char *)sqlite3_column_text(statement, 0), "13:00-14:00");
	}
	sqlite3_finalize(statement);
	hw_session_close(session);
	fixture_close(&f);
}

/* A device, a FIFO or a file over 64 MiB is refused at once, without being read. */
static void test_calendar_must_be_a_regular_file(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	char *fifo = test_path(f.directory, "pipe.ics");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	const char *const not_files[] = {"/dev/zero", "/dev/urandom", fifo, f.directory};
	for (size_t i = 0; i < sizeof not_files / sizeof not_files[0]; i++) {
		hw_import_report report;
		hw_error error = {0};
		assert_int_equal(import_busy(session, not_files[i], &report, &error), -1);
		char expected[4200];
		snprintf(expected, sizeof expected, "%s: not a regular file", not_files[i]);
		assert_string_equal(error.message, expected);
	}
	/* A sparse file: 64 MiB and one byte, refused by its size; 64 MiB of nothing but spaces
	 * would be read (and refused as no calendar). */
	char *big = test_path(f.directory, "big.ics");
	test_write_file(big, "");
	assert_int_equal(truncate(big, 64 * 1024 * 1024 + 1), 0);
	hw_import_report report;
	hw_error error = {0};
	assert_int_equal(import_busy(session, big, &report, &error), -1);
	assert_contains(error.message, "larger than 65536 KiB");
	assert_int_equal(count_busy(session, NULL), 0);
	free(big);
	free(fifo);
	hw_session_close(session);
	fixture_close(&f);
}

/* A few MB of ordinary events import whole (the time is measured in bench/bench_import). */
static void test_a_big_calendar_imports_whole(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	enum { EVENTS = 6000 };
	size_t capacity = EVENTS * 400 + 1024, used = 0;
	char *body = malloc(capacity);
	assert_non_null(body);
	for (int i = 0; i < EVENTS; i++)
		used += (size_t)snprintf(
			body + used, capacity - used,
			"BEGIN:VEVENT\r\nUID:big-%d@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
			"DTSTART:2027%02d%02dT0%d0000Z\r\nDTEND:2027%02d%02dT0%d3000Z\r\n"
			"SUMMARY:第%d次会议\r\nLOCATION:会议室\r\nDESCRIPTION:一段会议说明，"
			"长到要折行的样子，正如客户端写出的那样；再写几个字让它超过七十五个字节\r\n"
			" 。\r\nEND:VEVENT\r\n",
			i, 1 + i % 12, 1 + i / 12 % 28, i % 8, 1 + i % 12, 1 + i / 12 % 28, i % 8, i);
	char *path = write_ics(&f, "big.ics", body);
	hw_import_report report;
	hw_error error = {0};
	if (import_busy(session, path, &report, &error) != 0)
		fail_msg("%s", error.message);
	assert_int_equal(report.events, EVENTS);
	assert_int_equal(report.created, EVENTS);
	assert_int_equal(report.warning_count, 0);
	assert_int_equal(count_busy(session, NULL), EVENTS);
	hw_import_report_free(&report);
	free(path);
	free(body);
	hw_session_close(session);
	fixture_close(&f);
}

/* `import ics` prints each warning on its own line and still imports the rest. */
static void test_cli_prints_the_warnings(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char *path = write_ics(&f, "warn.ics",
			       "BEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20261202T040000Z\r\n"
			       "DTEND:20261202T020000Z\r\nEND:VEVENT\r\n"
			       "BEGIN:VEVENT\r\nUID:u@x\r\nDTSTART:20261203T020000Z\r\n"
			       "SUMMARY:\xff\r\nEND:VEVENT\r\n");
	run_result r = fixture_run(&f, "import", "ics", path, "--busy", "--person", "首长", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "2 events: 1 new");
	assert_int_equal(test_count_lines(r.err), 3);
	assert_contains(r.err, "warning: ");
	assert_contains(r.err, "warn.ics:4: the event 'r@x' ends before it starts");
	assert_contains(r.err, "warn.ics:12: not valid UTF-8");
	assert_contains(r.err, "1 events were skipped");
	test_run_free(&r);
	free(path);
	fixture_close(&f);
}

/* ---- what clients send: time zones, recurrence, versions, whole busy time ---- */

/* The rows of `sql` (text columns), "a|b|c" a line, for one assertion on them all. */
static char *rows_of(hw_session *session, const char *sql)
{
	sqlite3_stmt *statement;
	assert_int_equal(sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL),
			 SQLITE_OK);
	char *all = strdup("");
	while (sqlite3_step(statement) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(statement); c++) {
			const char *value = (const char *)sqlite3_column_text(statement, c);
			char *longer = NULL;
			assert_true(asprintf(&longer, "%s%s%s", all, c ? "|" : "", value ? value : "")
				    > 0);
			free(all);
			all = longer;
		}
		char *longer = NULL;
		assert_true(asprintf(&longer, "%s\n", all) > 0);
		free(all);
		all = longer;
	}
	sqlite3_finalize(statement);
	return all;
}

#define MEETING_ROWS "SELECT uid, date, start, end, title, status FROM meeting ORDER BY date, start"
#define BUSY_ROWS "SELECT uid, date, start, end FROM busy ORDER BY date, uid"

static void assert_rows(hw_session *session, const char *sql, const char *expected)
{
	char *rows = rows_of(session, sql);
	assert_string_equal(rows, expected);
	free(rows);
}

/* Imports `text` (a whole file) as `options` say; fails the test on an error. */
static void import_text(fixture *f, hw_session *session, const char *name, const char *text,
			const hw_import_options *options, hw_import_report *report)
{
	char *path = test_path(f->directory, name);
	test_write_file(path, text);
	hw_error error = {0};
	if (hw_import_ics(session, path, options, report, &error) != 0)
		fail_msg("%s", error.message);
	free(path);
}

/* Outlook's VTIMEZONE from 1601, a Windows zone name without a VTIMEZONE, a floating time
 * in the calendar's X-WR-TIMEZONE, a byte-order mark, two calendars in one file, to-dos. */
static void test_time_zones_as_clients_write_them(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	hw_import_options options = {.as_type = "special"};
	hw_import_report report;
	import_text(&f, session, "clients.ics",
		    "\xEF\xBB\xBF" "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Brussels\r\n"
		    "BEGIN:VTIMEZONE\r\nTZID:Outlook Zone\r\nBEGIN:STANDARD\r\n"
		    "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
		    "END:STANDARD\r\nEND:VTIMEZONE\r\n"
		    "BEGIN:VEVENT\r\nUID:float\r\nDTSTART:20260610T210000\r\nDTEND:20260610T220000\r\n"
		    "SUMMARY:布鲁塞尔\r\nEND:VEVENT\r\n"
		    "BEGIN:VEVENT\r\nUID:outlook\r\nDTSTART;TZID=Outlook Zone:20261202T090000\r\n"
		    "DTEND;TZID=Outlook Zone:20261202T100000\r\nSUMMARY:Outlook\r\nEND:VEVENT\r\n"
		    "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:待办一\r\nEND:VTODO\r\n"
		    "BEGIN:VTODO\r\nUID:t2\r\nSUMMARY:待办二\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
		    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Nowhere/Zone\r\n"
		    "BEGIN:VEVENT\r\nUID:windows\r\nDTSTART;TZID=Tokyo Standard Time:20261203T100000\r\n"
		    "DTEND;TZID=Tokyo Standard Time:20261203T110000\r\nSUMMARY:东京\r\nEND:VEVENT\r\n"
		    "BEGIN:VEVENT\r\nUID:local\r\nDTSTART:20261204T210000\r\nSUMMARY:本地\r\n"
		    "END:VEVENT\r\nEND:VCALENDAR\r\n",
		    &options, &report);
	assert_int_equal(report.created, 4);
	assert_int_equal(report.todos, 2);
	char *warnings = warnings_of(&report);
	/* The only warning: the second calendar's zone; its floating time is local. */
	assert_int_equal(report.warning_count, 1);
	assert_non_null(strstr(warnings, "clients.ics:35: X-WR-TIMEZONE 'Nowhere/Zone' is a time zone "
					 "no one knows"));
	free(warnings);
	hw_import_report_free(&report);
	/* Brussels 21:00 in summer is 03:00 the next day in Shanghai; +03:00 09:00 is 14:00; Tokyo
	 * 10:00 is 09:00; the second calendar has no X-WR-TIMEZONE: its floating time is local. */
	assert_rows(session, MEETING_ROWS,
		    "float|2026-06-11|03:00|04:00|布鲁塞尔|planned\n"
		    "outlook|2026-12-02|14:00|15:00|Outlook|planned\n"
		    "windows|2026-12-03|09:00|10:00|东京|planned\n"
		    "local|2026-12-04|21:00||本地|planned\n");
	hw_session_close(session);
	char *path = test_path(f.directory, "clients.ics");
	run_result r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_contains(r.err, "2 to-dos not imported");
	test_run_free(&r);
	free(path);
	fixture_close(&f);
}

static const char *const weekly =
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	"BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART;TZID=Asia/Shanghai:20261207T090000\r\n"
	"DTEND;TZID=Asia/Shanghai:20261207T100000\r\nRRULE:FREQ=WEEKLY\r\n"
	"EXDATE;TZID=Asia/Shanghai:20261214T090000\r\nRDATE:20261210T070000Z\r\nSUMMARY:周例会\r\n"
	"END:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:weekly\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20261221T090000\r\n"
	"DTSTART;TZID=Asia/Shanghai:20261222T150000\r\nDTEND;TZID=Asia/Shanghai:20261222T160000\r\n"
	"SUMMARY:周例会（改期）\r\nEND:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:weekly\r\nRECURRENCE-ID:20261228T010000Z\r\n"
	"DTSTART:20261228T010000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:周例会\r\nEND:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:orphan\r\nRECURRENCE-ID:20261201T010000Z\r\n"
	"DTSTART:20261201T010000Z\r\nSUMMARY:单独一次\r\nEND:VEVENT\r\n"
	"BEGIN:VEVENT\r\nUID:orphan\r\nRECURRENCE-ID:20261202T010000Z\r\n"
	"DTSTART:20261202T020000Z\r\nSUMMARY:单独两次\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/* A weekly event without end, over the window: EXDATE removes a week, RDATE adds a day, an
 * override moves one, a cancelled override removes one; instances without their master are
 * meetings each. */
static void test_recurrence_is_expanded_over_the_window(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	hw_import_options options = {.as_type = "special", .from = "2026-12-01", .to = "2027-01-05"};
	hw_import_report report;
	import_text(&f, session, "weekly.ics", weekly, &options, &report);
	hw_import_report_free(&report);
	assert_rows(session, MEETING_ROWS,
		    "orphan/20261201T010000Z|2026-12-01|09:00||单独一次|planned\n"
		    "orphan/20261202T010000Z|2026-12-02|10:00||单独两次|planned\n"
		    "weekly/20261207T010000Z|2026-12-07|09:00|10:00|周例会|planned\n"
		    "weekly/20261210T070000Z|2026-12-10|15:00|16:00|周例会|planned\n"
		    "weekly/20261221T010000Z|2026-12-22|15:00|16:00|周例会（改期）|planned\n"
		    "weekly/20270104T010000Z|2027-01-04|09:00|10:00|周例会|planned\n");
	/* Again: nothing changes. */
	import_text(&f, session, "weekly.ics", weekly, &options, &report);
	assert_int_equal(report.created, 0);
	assert_int_equal(report.unchanged, 7); /* the cancelled override too */
	hw_import_report_free(&report);
	hw_session_close(session);
	fixture_close(&f);
}

/* huiwu's own export (a standing series as RRULE) imported into a fresh database and
 * exported again gives the same meetings on the same days. */
static void test_own_export_round_trips_with_its_series(void **state)
{
	(void)state;
	fixture a, b;
	fixture_open(&a, "wuqia", TODAY);
	fixture_open(&b, "wuqia", TODAY);
	fixture_ok(&a, "series", "add", "--type", "study", "--rrule", "FREQ=WEEKLY;BYDAY=MO", "--time",
		   "09:00", "--end", "10:00", "--from", "2026-11-30", "--count", "4", "--title",
		   "周一学习", "--force", NULL);
	char *first = test_path(a.directory, "a.ics"), *second = test_path(b.directory, "b.ics");
	run_result r = fixture_run(&a, "export", "ics", "-o", first, NULL);
	assert_contains(r.err, "4 meetings written"); /* meetings, not the one event */
	test_run_free(&r);
	fixture_ok(&b, "import", "ics", first, "--as", "study", NULL);
	fixture_ok(&b, "export", "ics", "-o", second, NULL);
	hw_session *x = open_session(&a), *y = open_session(&b);
	char *days = rows_of(x, "SELECT date, start, end, title FROM meeting ORDER BY date");
	assert_rows(y, "SELECT date, start, end, title FROM meeting ORDER BY date", days);
	assert_non_null(strstr(days, "2026-12-21|09:00|10:00|周一学习"));
	free(days);
	/* As busy time of the same database: its own meetings, left out. */
	hw_import_options options = {.busy = true, .person = "首长"};
	hw_import_report report;
	hw_error error = {0};
	assert_int_equal(hw_import_ics(x, first, &options, &report, &error), 0);
	assert_int_equal(report.own, 1);
	assert_int_equal(report.created, 0);
	hw_import_report_free(&report);
	/* The twin: the other database's export is no one's own there. */
	assert_int_equal(hw_import_ics(x, second, &options, &report, &error), 0);
	assert_int_equal(report.own, 0);
	assert_int_equal(report.created, 4);
	hw_import_report_free(&report);
	hw_session_close(x);
	hw_session_close(y);
	free(first);
	free(second);
	fixture_close(&a);
	fixture_close(&b);
}

static char *versioned(int sequence, const char *stamp, const char *start, const char *extra)
{
	char *text = NULL;
	assert_true(asprintf(&text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:move\r\n"
				    "SEQUENCE:%d\r\nDTSTAMP:%s\r\nDTSTART:%s\r\nSUMMARY:州会\r\n%s"
				    "END:VEVENT\r\nEND:VCALENDAR\r\n",
			     sequence, stamp, start, extra) > 0);
	return text;
}

/* A newer SEQUENCE (or, the same, a newer DTSTAMP) moves what was imported; an older one
 * changes nothing; a cancellation cancels the meeting and takes the busy time away. */
static void test_newer_versions_update_and_cancel(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	static const struct {
		int sequence;
		const char *stamp, *start, *extra, *meeting, *busy;
		int created, updated, cancelled, unchanged;
	} steps[] = {
		{0, "20261101T000000Z", "20261202T020000Z", "", "move|2026-12-02|10:00||州会|planned\n",
		 "move|2026-12-02|10:00|\n", 1, 0, 0, 0},
		{1, "20261102T000000Z", "20261203T020000Z", "", "move|2026-12-03|10:00||州会|planned\n",
		 "move|2026-12-03|10:00|\n", 0, 1, 0, 0},
		{0, "20261105T000000Z", "20261202T020000Z", "", "move|2026-12-03|10:00||州会|planned\n",
		 "move|2026-12-03|10:00|\n", 0, 0, 0, 1},
		{1, "20261103T000000Z", "20261204T020000Z", "", "move|2026-12-04|10:00||州会|planned\n",
		 "move|2026-12-04|10:00|\n", 0, 1, 0, 0},
		{2, "20261104T000000Z", "20261204T020000Z", "STATUS:CANCELLED\r\n",
		 "move|2026-12-04|10:00||州会|cancelled\n", "", 0, 0, 1, 0},
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		char *text = versioned(steps[i].sequence, steps[i].stamp, steps[i].start, steps[i].extra);
		hw_import_options as_meeting = {.as_type = "special"};
		hw_import_options as_busy = {.busy = true, .person = "首长"};
		hw_import_report report;
		import_text(&f, session, "v.ics", text, &as_meeting, &report);
		assert_int_equal(report.created, steps[i].created);
		assert_int_equal(report.updated, steps[i].updated);
		assert_int_equal(report.cancelled, steps[i].cancelled);
		assert_int_equal(report.unchanged, steps[i].unchanged);
		hw_import_report_free(&report);
		import_text(&f, session, "v.ics", text, &as_busy, &report);
		assert_int_equal(report.updated, steps[i].updated);
		hw_import_report_free(&report);
		assert_rows(session, MEETING_ROWS, steps[i].meeting);
		assert_rows(session, BUSY_ROWS, steps[i].busy);
		free(text);
	}
	hw_session_close(session);
	/* What the updates and the cancellation changed is in the sealed audit log. */
	run_result r = fixture_run(&f, "log", "--verify", NULL);
	assert_int_equal(r.status, 0);
	test_run_free(&r);
	fixture_close(&f);
}

/* Busy time covers the whole event: a three-day course, a three-day all-day trip, an event
 * past midnight; `check` finds the clash on day two. */
static void test_busy_time_is_the_whole_event(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	hw_import_options options = {.busy = true, .person = "首长"};
	hw_import_report report;
	import_text(&f, session, "long.ics",
		    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		    "BEGIN:VEVENT\r\nUID:course\r\nDTSTART;TZID=Asia/Shanghai:20270301T090000\r\n"
		    "DTEND;TZID=Asia/Shanghai:20270303T170000\r\nSUMMARY:三天培训\r\nEND:VEVENT\r\n"
		    "BEGIN:VEVENT\r\nUID:trip\r\nDTSTART;VALUE=DATE:20270310\r\n"
		    "DTEND;VALUE=DATE:20270313\r\nSUMMARY:出差\r\nEND:VEVENT\r\n"
		    "BEGIN:VEVENT\r\nUID:night\r\nDTSTART;TZID=Asia/Shanghai:20270320T220000\r\n"
		    "DTEND;TZID=Asia/Shanghai:20270321T013000\r\nSUMMARY:夜间\r\nEND:VEVENT\r\n"
		    "END:VCALENDAR\r\n",
		    &options, &report);
	hw_import_report_free(&report);
	assert_rows(session, BUSY_ROWS,
		    "course|2027-03-01|09:00|23:59\ncourse|2027-03-02||\ncourse|2027-03-03|00:00|17:00\n"
		    "trip|2027-03-10||\ntrip|2027-03-11||\ntrip|2027-03-12||\n"
		    "night|2027-03-20|22:00|23:59\nnight|2027-03-21|00:00|01:30\n");
	hw_session_close(session);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2027-03-02", "--time",
		   "10:00", "--end", "11:00", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2027-03-04", "--time",
		   "10:00", "--end", "11:00", NULL);
	run_result r = fixture_run(&f, "check", "--from", "2027-03-01", "--to", "2027-03-31", NULL);
	assert_contains(r.out, "2027-03-02  首长在该时段另有安排：三天培训");
	assert_not_contains(r.out, "2027-03-04  首长在该时段另有安排"); /* the day after: free */
	test_run_free(&r);
	fixture_close(&f);
}

/* "China Standard Time", the Windows zone name Outlook writes for China: with Outlook's own
 * VTIMEZONE from 1601 (a quoted TZID, as Outlook 15.0 writes it) and without any VTIMEZONE
 * (CLDR's windowsZones maps it to Asia/Shanghai); no public calendar file of the corpus has
 * it (tests/ics-corpus/SOURCES.md). Either way 09:00 is 09:00 here, with no warning. */
static void test_china_standard_time(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	hw_session *session = open_session(&f);
	hw_import_options options = {.as_type = "special"};
	hw_import_report report;
	import_text(&f, session, "outlook.ics",
		    "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 15.0 MIMEDIR//EN\r\n"
		    "VERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\n"
		    "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\n"
		    "TZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
		    "BEGIN:VEVENT\r\nUID:with-vtimezone\r\n"
		    "DTSTART;TZID=\"China Standard Time\":20261202T090000\r\n"
		    "DTEND;TZID=\"China Standard Time\":20261202T103000\r\n"
		    "SUMMARY;LANGUAGE=zh-cn:防汛会商\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		    "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Windows Live Calendar//EN\r\n"
		    "VERSION:2.0\r\nBEGIN:VEVENT\r\nUID:without-vtimezone\r\n"
		    "DTSTART;TZID=China Standard Time:20261203T090000\r\n"
		    "DTEND;TZID=China Standard Time:20261203T100000\r\n"
		    "SUMMARY:招商推介\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		    &options, &report);
	assert_int_equal(report.created, 2);
	assert_int_equal(report.warning_count, 0);
	hw_import_report_free(&report);
	assert_rows(session, MEETING_ROWS,
		    "with-vtimezone|2026-12-02|09:00|10:30|防汛会商|planned\n"
		    "without-vtimezone|2026-12-03|09:00|10:00|招商推介|planned\n");
	hw_session_close(session);
	fixture_close(&f);
}

/* ---- real calendar files (tests/ics-corpus, sources in its SOURCES.md) ---- */

/* The timed events of `path` as python3-icalendar reads them, "UID DATE HH:MM" a line, the
 * start in Asia/Shanghai (tests/ics_corpus_check.py). */
static char *independently(const char *path)
{
	const char *python = getenv("HUIWU_PYTHON"), *checker = getenv("HUIWU_ICS_CHECK");
	if (python == NULL || checker == NULL)
		fail_msg("HUIWU_PYTHON and HUIWU_ICS_CHECK are not set: run the tests with meson test");
	char command[8192];
	snprintf(command, sizeof command, "'%s' '%.*s/ics_corpus_check.py' '%s' Asia/Shanghai",
		 python, (int)(strrchr(checker, '/') - checker), checker, path);
	FILE *pipe = popen(command, "r");
	assert_non_null(pipe);
	char *output = calloc(1, 1 << 16);
	assert_non_null(output);
	size_t used = fread(output, 1, (1 << 16) - 1, pipe);
	output[used] = '\0';
	if (pclose(pipe) != 0)
		fail_msg("python3-icalendar refused %s: %s", path, output);
	return output;
}

static void test_real_calendar_files(void **state)
{
	(void)state;
	static const struct {
		const char *file, *from, *to;
		int events, created, skipped;
		const char *warning; /* NULL: none */
		const char *busy;    /* uid|date|start|end, by date and uid */
	} cases[] = {
		{"google-alarms.ics", "2024-01-01", "2024-12-31", 1, 1, 0, NULL,
		 "79fs7pkqvht9m5igs0vjv1sfra@google.com|2024-10-05|02:15|03:00\n"},
		{"google-blank-description.ics", "2012-01-01", "2012-12-31", 1, 1, 0, NULL,
		 "dn4vrfmfn5p05roahsopg57h48@google.com|2012-06-30|21:00|22:00\n"},
		/* Three instances of one UID without their master; RDATE with Z on a DATE. */
		{"google-birthday.ics", "2012-01-01", "2015-12-31", 4, 4, 0,
		 "google-birthday.ics:12: libical cannot read 'RDATE:20131210Z': left out",
		 "BIRTHDAY_79d389868f96182e@google.com/20121210|2012-12-10||\n"
		 "BIRTHDAY_79d389868f96182e@google.com/20131210|2013-12-10||\n"
		 "2014_BIRTHDAY_79d389868f96182e@google.com/20141210|2014-12-10||\n"
		 "BIRTHDAY_79d389868f96182e@google.com/20141210|2014-12-10||\n"},
		/* Exchange's VTIMEZONE from 1601, a fortnightly all-day week less an EXDATE. */
		{"exchange-2010.ics", "2024-01-01", "2024-12-31", 3, 3, 0, NULL, NULL},
		/* A lone override, no UID, an RDATE of periods in a Windows zone. */
		{"khal-rdate-period.ics", "2018-01-01", "2018-12-31", 1, 1, 0, "an event has no UID",
		 NULL},
		{"multiple-calendars.ics", "2024-01-01", "2024-12-31", 2, 0, 2,
		 "multiple-calendars.ics:12: the event 'event2@example.com' has no valid DTSTART", ""},
		{"rdate-exdate.ics", "2024-01-01", "2024-12-31", 3, 3, 0, NULL,
		 "123/20240609T030000Z|2024-06-09|11:00|\n123/20240610T030000Z|2024-06-10|11:00|\n"
		 "123/20240612T030000Z|2024-06-12|11:00|\n"},
		/* Thunderbird's VTIMEZONE from 1847 (Europe/London's whole history), CRLF. */
		{"thunderbird-1847.ics", "2024-01-01", "2024-12-31", 1, 1, 0, NULL,
		 "b9a23b47-f109-4e7a-908c-75e925b27def|2024-10-23|22:00|23:00\n"},
		/* A weekly series in a zone named without VTIMEZONE, one occurrence moved, one
		 * cancelled (khal's test data): the cancelled one is no busy time. */
		{"khal-cancelled-occurrence.ics", "2014-01-01", "2014-12-31", 6, 5, 0, NULL,
		 "event_rrule_recurrence_id/20140630T050000Z|2014-06-30|13:00|18:00\n"
		 "event_rrule_recurrence_id/20140707T050000Z|2014-07-07|15:00|20:00\n"
		 "event_rrule_recurrence_id/20140721T050000Z|2014-07-21|13:00|18:00\n"
		 "event_rrule_recurrence_id/20140728T050000Z|2014-07-28|13:00|18:00\n"
		 "event_rrule_recurrence_id/20140804T050000Z|2014-08-04|13:00|18:00\n"},
		/* Zimbra: a monthly RRULE with RDATEs (one a list), EXDATEs, two overrides (one by a
		 * UTC RECURRENCE-ID on an RDATE), an empty VTIMEZONE and an unknown component. The
		 * RDATE list's two days were lost before the RRULEs and RDATEs were listed first. */
		{"zimbra-recur-instances.ics", "2012-01-01", "2013-04-30", 7, 7, 0, NULL,
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121002T170000Z|2012-10-03|06:00|06:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121105T180000Z|2012-11-07|12:00|12:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121106T180000Z|2012-11-07|02:00|02:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121110T180000Z|2012-11-11|02:00|02:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20121130T180000Z|2012-12-01|02:00|02:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20130101T180000Z|2013-01-02|02:00|02:30\n"
		 "623c13c0-6c2b-45d6-a12b-c33ad61c4868/20130305T180000Z|2013-03-06|02:00|02:30\n"},
		/* Apple Calendar (Cyrus's test data): a Windows zone name without a VTIMEZONE;
		 * "Eastern Standard Time" 13:00 in September is EDT, 01:00 the next day here. */
		{"apple-windows-zone.ics", "2016-01-01", "2016-12-31", 1, 1, 0, NULL,
		 "3edfa67a-9e92-4ed7-b0cf-c07ad63ab8f8|2016-09-29|01:00|03:00\n"},
		/* Apple Calendar: X-APPLE-STRUCTURED-LOCATION on one unfolded line of 119 octets,
		 * SUMMARY;LANGUAGE, an IANA zone without a VTIMEZONE, a trailing empty line. */
		{"apple-structured-location.ics", "2016-01-01", "2016-12-31", 1, 1, 0, NULL,
		 "47cd939c-90c2-4efe-a8dd-b704435667a2|2016-09-28|22:00|23:00\n"},
	};
	const char *checker = getenv("HUIWU_ICS_CHECK");
	assert_non_null(checker);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture f;
		fixture_open(&f, "wuqia", TODAY);
		hw_session *session = open_session(&f);
		char path[4096];
		snprintf(path, sizeof path, "%.*s/ics-corpus/%s",
			 (int)(strrchr(checker, '/') - checker), checker, cases[i].file);
		hw_import_options options = {.busy = true, .person = "首长", .from = cases[i].from,
					     .to = cases[i].to};
		hw_import_report report;
		hw_error error = {0};
		if (hw_import_ics(session, path, &options, &report, &error) != 0)
			fail_msg("%s: %s", cases[i].file, error.message);
		char *warnings = warnings_of(&report);
		if (report.events != cases[i].events || report.created != cases[i].created ||
		    report.skipped != cases[i].skipped)
			fail_msg("%s: %d events, %d new, %d skipped\n%s", cases[i].file, report.events,
				 report.created, report.skipped, warnings);
		if (cases[i].warning)
			assert_non_null(strstr(warnings, cases[i].warning));
		else
			assert_string_equal(warnings, "");
		free(warnings);
		hw_import_report_free(&report);
		char *rows = rows_of(session, BUSY_ROWS);
		if (cases[i].busy)
			assert_string_equal(rows, cases[i].busy);
		/* Each timed event the other parser reads starts on the same day and minute. */
		char *other = independently(path);
		for (char *line = strtok(other, "\n"); line; line = strtok(NULL, "\n")) {
			char expected[1024];
			char *space = strchr(line, ' ');
			assert_non_null(space);
			snprintf(expected, sizeof expected, "%.*s|%.10s|%s|", (int)(space - line), line,
				 space + 1, space + 12);
			if (strstr(rows, expected) == NULL)
				fail_msg("%s: python3-icalendar reads '%s', huiwu has:\n%s",
					 cases[i].file, expected, rows);
		}
		free(other);
		free(rows);
		hw_session_close(session);
		fixture_close(&f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events_become_meetings_once),
		cmocka_unit_test(test_busy_time_is_weighed_for_double_booking),
		cmocka_unit_test(test_busy_by_attendee_names),
		cmocka_unit_test(test_broken_files_name_their_line),
		cmocka_unit_test(test_one_bad_line_never_loses_a_file),
		cmocka_unit_test(test_import_mistakes),
		cmocka_unit_test(test_export_then_import_round_trip),
		cmocka_unit_test(test_long_lines_are_skipped_with_a_warning),
		cmocka_unit_test(test_reversed_and_nested_events_are_skipped),
		cmocka_unit_test(test_invalid_utf8_is_repaired),
		cmocka_unit_test(test_line_breaks_in_a_title_become_spaces),
		cmocka_unit_test(test_file_time_zones_before_or_after_events),
		cmocka_unit_test(test_calendar_must_be_a_regular_file),
		cmocka_unit_test(test_a_big_calendar_imports_whole),
		cmocka_unit_test(test_cli_prints_the_warnings),
		cmocka_unit_test(test_time_zones_as_clients_write_them),
		cmocka_unit_test(test_recurrence_is_expanded_over_the_window),
		cmocka_unit_test(test_own_export_round_trips_with_its_series),
		cmocka_unit_test(test_newer_versions_update_and_cancel),
		cmocka_unit_test(test_busy_time_is_the_whole_event),
		cmocka_unit_test(test_china_standard_time),
		cmocka_unit_test(test_real_calendar_files),
	};
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
