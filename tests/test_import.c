/* iCalendar import: events become meetings or busy time; a broken file is refused with its
 * line and nothing of it is imported; a second import changes nothing. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	assert_contains(r.out, "3 events: 2 imported, 0 imported before, 1 cancelled");
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
	assert_contains(r.out, "0 imported, 2 imported before");
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
	assert_contains(r.out, "1 imported");
	assert_contains(r.err, "1 attendees are not in the roster");
	test_run_free(&r);
	/* An all-day event cannot be a meeting. */
	r = fixture_run(&f, "import", "ics", path, "--as", "special", NULL);
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "all day");
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
		{"bad-value.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026120\r\n"
		 "END:VEVENT\r\nEND:VCALENDAR\r\n",
		 ":5: libical cannot read 'DTSTART:2026120'"},
		{"no-date.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
		 "SUMMARY:a long line folded\r\n  over two lines\r\nDTSTART:20260230T090000\r\n"
		 "END:VEVENT\r\nEND:VCALENDAR\r\n",
		 ":7: 'DTSTART:20260230T090000' is not a real date"},
		{"stray-end.ics", "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 ":2: 'END:VEVENT' ends a component that was not begun"},
		{"not-ics.ics", "这不是日历文件\r\n", ":1: not an iCalendar file"},
		{"empty.ics", "", ":1: the file is empty"},
		{"no-uid.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261202T090000\r\n"
		 "END:VEVENT\r\nEND:VCALENDAR\r\n",
		 "has no UID"},
		{"unknown-zone.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:z\r\n"
		 "DTSTART;TZID=Nowhere/City:20261202T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 "'Nowhere/City'"},
		{"recurring.ics",
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:r\r\nDTSTART:20261202T090000\r\n"
		 "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 "recurs (RRULE)"},
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
	char *mixed = write_ics(&f, "mixed.ics",
				"BEGIN:VEVENT\r\nUID:good@example.org\r\nDTSTART:20261202T090000\r\n"
				"SUMMARY:好的\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:bad\r\n"
				"DTSTART:20261302T090000\r\nEND:VEVENT\r\n");
	run_result r = fixture_run(&f, "import", "ics", mixed, "--as", "special", NULL);
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "mixed.ics:11: "); /* the bad DTSTART, after a good event */
	test_run_free(&r);
	assert_int_equal(MEETINGS(&f), 0);
	assert_int_equal(LOG_ENTRIES(&f), entries);
	free(mixed);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events_become_meetings_once),
		cmocka_unit_test(test_busy_time_is_weighed_for_double_booking),
		cmocka_unit_test(test_busy_by_attendee_names),
		cmocka_unit_test(test_broken_files_name_their_line),
		cmocka_unit_test(test_import_mistakes),
		cmocka_unit_test(test_export_then_import_round_trip),
	};
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
