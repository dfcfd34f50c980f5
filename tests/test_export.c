/* iCalendar export: what libical writes, read back by libical and by python3-icalendar (an
 * independent parser), as a clerk's and a leader's calendar would read it. */
#include "fixture.h"

#include <jansson.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ics_export.h"
#include "session.h"

#define TODAY "2026-11-23"

/* What python3-icalendar sees in the file. */
static json_t *read_independently(const char *path)
{
	const char *python = getenv("HUIWU_PYTHON");
	const char *checker = getenv("HUIWU_ICS_CHECK");
	if (python == NULL || checker == NULL)
		fail_msg("HUIWU_PYTHON and HUIWU_ICS_CHECK are not set: run the tests with meson test");
	char command[8192];
	snprintf(command, sizeof command, "'%s' '%s' '%s'", python, checker, path);
	FILE *pipe = popen(command, "r");
	assert_non_null(pipe);
	char *output = malloc(1 << 20);
	size_t used = fread(output, 1, (1 << 20) - 1, pipe);
	output[used] = '\0';
	int status = pclose(pipe);
	if (status != 0)
		fail_msg("python3-icalendar refused %s: %s", path, output);
	json_error_t error;
	json_t *value = json_loads(output, 0, &error);
	if (value == NULL)
		fail_msg("checker output is not JSON: %s", output);
	free(output);
	return value;
}

static char *export_to(fixture *f, const char *name, const char *const *extra)
{
	char *path = test_path(f->directory, name);
	const char *args[24] = {"export", "ics", "-o", path};
	int count = 4;
	for (const char *const *e = extra; e && *e; e++)
		args[count++] = *e;
	args[count] = NULL;
	run_result r = test_run(f->env, args);
	if (r.status != 0)
		fail_msg("export: %s", r.err);
	test_run_free(&r);
	/* Every file the tests export is read by the independent parser too. */
	json_decref(read_independently(path));
	return path;
}

static const json_t *event_with(const json_t *calendar, const char *summary)
{
	size_t i;
	json_t *event;
	json_array_foreach(json_object_get(calendar, "events"), i, event)
		if (strcmp(json_string_value(json_object_get(event, "summary")), summary) == 0)
			return event;
	fail_msg("no event \"%s\"", summary);
	return NULL;
}

static const json_t *attendee_named(const json_t *event, const char *name)
{
	size_t i;
	json_t *attendee;
	json_array_foreach(json_object_get(event, "attendees"), i, attendee)
		if (strcmp(json_string_value(json_object_get(attendee, "cn")), name) == 0)
			return attendee;
	fail_msg("no attendee %s", name);
	return NULL;
}

static json_t *json_of_list(fixture *f)
{
	return JSON(f, "meeting", "list", "--from", "2024-01-01", "--to", "2026-12-31", "--json");
}

static const char *text(const json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

static void test_government_calendar(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08", "--time",
		   "09:30", "--end", "11:30", "--location", "政府第一会议室", NULL);
	long long cancelled = fixture_ok(&f, "meeting", "add", "--type", "special", "--date",
					 "2026-12-09", "--time", "15:00", "--chair", "副职甲",
					 "--title", "专题会议（取消）", NULL);
	char number[32];
	snprintf(number, sizeof number, "%lld", cancelled);
	fixture_ok(&f, "meeting", "cancel", number, NULL);
	char *path = export_to(&f, "gov.ics", NULL);
	json_t *calendar = read_independently(path);
	assert_string_equal(text(calendar, "version"), "2.0");
	assert_true(json_is_null(json_object_get(calendar, "method")));
	assert_string_equal(text(calendar, "name"), "乌恰县人民政府");
	assert_string_equal(text(calendar, "x_wr_calname"), "乌恰县人民政府");
	assert_string_equal(text(calendar, "x_wr_timezone"), "Asia/Shanghai");
	assert_int_equal(json_array_size(json_object_get(calendar, "timezones")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(calendar, "timezones"), 0)),
			    "Asia/Shanghai");
	const json_t *executive = event_with(calendar, "乌恰县人民政府常务会议");
	assert_string_equal(text(executive, "start"), "2026-12-08T09:30:00+08:00");
	assert_string_equal(text(executive, "start_tzid"), "Asia/Shanghai");
	assert_string_equal(text(executive, "status"), "CONFIRMED");
	assert_string_equal(text(executive, "location"), "政府第一会议室");
	assert_string_equal(json_string_value(json_array_get(json_object_get(executive, "categories"), 0)),
			    "乌恰县人民政府常务会议");
	assert_string_equal(text(attendee_named(executive, "首长"), "role"), "CHAIR");
	assert_string_equal(text(attendee_named(executive, "副职甲"), "role"), "REQ-PARTICIPANT");
	assert_string_equal(text(attendee_named(executive, "司法局局长"), "role"), "OPT-PARTICIPANT");
	assert_string_equal(text(event_with(calendar, "专题会议（取消）"), "status"), "CANCELLED");
	json_decref(calendar);
	free(path);
	fixture_close(&f);
}

static void test_same_bytes_until_a_change(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	long long id = fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08",
				  "--time", "09:30", NULL);
	char *first = export_to(&f, "first.ics", NULL);
	char *second = export_to(&f, "second.ics", NULL);
	size_t size_first, size_second;
	char *a = test_read_file(first, &size_first), *b = test_read_file(second, &size_second);
	assert_int_equal(size_first, size_second);
	assert_memory_equal(a, b, size_first);
	assert_contains(a, "SEQUENCE:0");
	free(b);
	char number[32];
	snprintf(number, sizeof number, "%lld", id);
	fixture_ok(&f, "meeting", "edit", number, "--time", "10:00", NULL);
	char *third = export_to(&f, "third.ics", NULL);
	char *c = test_read_file(third, NULL);
	assert_contains(c, "SEQUENCE:1");
	assert_contains(c, "DTSTART;TZID=Asia/Shanghai:20261208T100000");
	/* The same UID across exports. */
	const char *uid = strstr(a, "UID:");
	assert_non_null(uid);
	char line[128];
	snprintf(line, sizeof line, "%.*s", (int)strcspn(uid, "\r\n"), uid);
	assert_contains(c, line);
	free(a);
	free(c);
	free(first);
	free(second);
	free(third);
	fixture_close(&f);
}

static void test_leave_and_substitute(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	long long id = fixture_ok(&f, "meeting", "add", "--type", "plenary", "--date", "2026-12-10",
				  "--time", "10:00", NULL);
	char number[32];
	snprintf(number, sizeof number, "%lld", id);
	long long leave = fixture_ok(&f, "leave", "request", "--meeting", number, "--person",
				     "农业农村局局长", "--reason", "出差", "--written", "--substitute",
				     "农业农村局副局长", NULL);
	char leave_number[32];
	snprintf(leave_number, sizeof leave_number, "%lld", leave);
	fixture_ok(&f, "leave", "approve", leave_number, "--by", "首长", NULL);
	long long declined = fixture_ok(&f, "leave", "request", "--meeting", number, "--person",
					"副职乙", "--reason", "出差", NULL);
	snprintf(leave_number, sizeof leave_number, "%lld", declined);
	fixture_ok(&f, "leave", "approve", leave_number, "--by", "首长", NULL);
	char *path = export_to(&f, "leave.ics", NULL);
	json_t *calendar = read_independently(path);
	const json_t *plenary = event_with(calendar, "乌恰县人民政府全体会议");
	const json_t *head = attendee_named(plenary, "农业农村局局长");
	assert_string_equal(text(head, "partstat"), "DELEGATED");
	const json_t *substitute = attendee_named(plenary, "农业农村局副局长");
	/* Each names the other: DELEGATED-TO the substitute, DELEGATED-FROM the absent head. */
	assert_string_equal(text(head, "delegated_to"), text(substitute, "address"));
	assert_string_equal(text(substitute, "delegated_from"), text(head, "address"));
	assert_string_equal(text(attendee_named(plenary, "副职乙"), "partstat"), "DECLINED");
	json_decref(calendar);
	free(path);
	/* With e-mail addresses in the roster, the calendar addresses are mailto: and the
	 * delegation names them; who has none keeps the urn. */
	fixture_ok(&f, "person", "edit", "农业农村局局长", "--email", "nync@wuqia.gov.cn", NULL);
	fixture_ok(&f, "person", "edit", "农业农村局副局长", "--email", "nync2@wuqia.gov.cn",
		   "--phone", "0908-5550101", NULL);
	path = export_to(&f, "mailto.ics", NULL);
	calendar = read_independently(path);
	plenary = event_with(calendar, "乌恰县人民政府全体会议");
	head = attendee_named(plenary, "农业农村局局长");
	substitute = attendee_named(plenary, "农业农村局副局长");
	assert_string_equal(text(head, "address"), "mailto:nync@wuqia.gov.cn");
	assert_string_equal(text(head, "delegated_to"), "mailto:nync2@wuqia.gov.cn");
	assert_string_equal(text(substitute, "delegated_from"), "mailto:nync@wuqia.gov.cn");
	assert_non_null(strstr(text(attendee_named(plenary, "副职乙"), "address"), "urn:x-huiwu:"));
	json_decref(calendar);
	free(path);
	REFUSED(&f, "is not an e-mail address", "person", "edit", "副职乙", "--email", "副职乙 at gov");
	REFUSED(&f, "is not a phone number", "person", "edit", "副职乙", "--phone", "call me");
	fixture_close(&f);
}

static void test_person_calendar(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08", "--time",
		   "09:30", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-12-09", "--time",
		   "15:00", "--chair", "副职甲", "--title", "农业专题会议", NULL);
	char *path = export_to(&f, "person.ics", (const char *const[]){"--person", "司法局局长", NULL});
	json_t *calendar = read_independently(path);
	assert_string_equal(text(calendar, "name"), "司法局局长");
	/* The justice bureau sits in on executive meetings only. */
	assert_int_equal(json_array_size(json_object_get(calendar, "events")), 1);
	event_with(calendar, "乌恰县人民政府常务会议");
	json_decref(calendar);
	free(path);
	fixture_close(&f);
}

static void test_chinese_text_and_separators_survive(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	const char *title = "关于研究部署全县冬春农业生产、农田水利基本建设和高标准农田建设项目，以及"
			    "乡村振兴重点帮扶工作的专题会议;第二次";
	const char *location = "政府第一会议室，三楼;东侧\n（请提前十分钟入场）";
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-12-09", "--time",
		   "15:00", "--chair", "副职甲", "--title", title, "--location",
		   "政府第一会议室，三楼;东侧", NULL);
	/* A line break no longer enters a one-line field (src/core/text.h), but one an older
	 * version stored must still be escaped in iCalendar. */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f.db, &db), SQLITE_OK);
	sqlite3_stmt *statement = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE meeting SET location = ?1", -1, &statement,
					    NULL),
			 SQLITE_OK);
	sqlite3_bind_text(statement, 1, location, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(statement), SQLITE_DONE);
	sqlite3_finalize(statement);
	sqlite3_close(db);
	char *path = export_to(&f, "text.ics", NULL);
	json_t *calendar = read_independently(path); /* also checks folding at 75 octets */
	const json_t *event = event_with(calendar, title);
	assert_string_equal(text(event, "location"), location);
	char *raw = test_read_file(path, NULL);
	assert_contains(raw, "\r\n "); /* the long summary was folded */
	free(raw);
	json_decref(calendar);
	free(path);
	fixture_close(&f);
}

static void test_libical_reads_it_back(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08", "--time",
		   "09:30", "--end", "11:30", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "plenary", "--date", "2026-12-10", "--time",
		   "10:00", NULL);
	char *path = export_to(&f, "round.ics", (const char *const[]){"--alarm", "30", NULL});
	char *raw = test_read_file(path, NULL);
	icalcomponent *calendar = icalparser_parse_string(raw);
	assert_non_null(calendar);
	assert_int_equal(icalcomponent_count_errors(calendar), 0);
	int events = 0;
	for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	     event; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
		events++;
		assert_non_null(icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT));
		struct icaltimetype start = icalcomponent_get_dtstart(event);
		assert_string_equal(icaltime_get_tzid(start), "Asia/Shanghai");
		assert_int_equal(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY) > 0, 1);
	}
	assert_int_equal(events, 2);
	icalcomponent_free(calendar);
	free(raw);
	free(path);
	fixture_close(&f);
}

static void test_todos(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "yiwu", TODAY);
	long long id = fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-11-16",
				  "--time", "09:30", NULL);
	char number[32];
	snprintf(number, sizeof number, "%lld", id);
	fixture_ok(&f, "meeting", "held", number, NULL);
	fixture_ok(&f, "doc", "add", "--meeting", number, "--title", "关于某项工作的通知", NULL);
	char *path = export_to(&f, "todo.ics", (const char *const[]){"--todos", NULL});
	json_t *calendar = read_independently(path);
	json_t *todos = json_object_get(calendar, "todos");
	assert_int_equal(json_array_size(todos), 1); /* the document's hand-over: minutes have no deadline */
	const char *meeting_uid = text(json_array_get(json_object_get(calendar, "events"), 0), "uid");
	size_t i;
	json_t *todo;
	json_array_foreach(todos, i, todo)
	{
		assert_string_equal(text(todo, "related_to"), meeting_uid);
		assert_string_equal(text(todo, "description"), "伊政发〔2023〕112号 第三十九条");
	}
	/* Named as yiwu 39 names the step, never as minutes to sign. */
	assert_string_equal(text(json_array_get(todos, 0), "summary"),
			    "由组织发起单位报政府办公室：关于某项工作的通知");
	/* 4 working days after Monday 16 November: Friday 20 November, to hand over. */
	bool handover = false;
	json_array_foreach(todos, i, todo)
		handover |= strcmp(text(todo, "due"), "2026-11-20") == 0;
	assert_true(handover);
	/* In the database's language, whatever the exporting clerk's locale (here C): the rules'
	 * label and a Chinese colon, checked above. */
	json_decref(calendar);
	free(path);
	fixture_close(&f);
}

/* A standing series is one event with RRULE, EXDATE for skipped days, RDATE for moved ones
 * and an override for an occurrence changed alone; another parser expands it to the very
 * meetings huiwu holds. */
static void test_series_across_spring_festival(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2024-12-01");
	fixture_ok(&f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=TU",
		   "--time", "09:30", "--end", "11:00", "--from", "2025-01-14", "--until",
		   "2025-02-18", "--on-holiday", "next", "--force", NULL);
	fixture_ok(&f, "series", "add", "--type", "study", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=28",
		   "--time", "16:00", "--from", "2025-01-01", "--count", "3", "--on-holiday", "skip",
		   NULL);
	/* Move the last Tuesday's meeting to the afternoon, by itself. */
	json_t *list = json_of_list(&f);
	char last[32];
	size_t count = json_array_size(list);
	snprintf(last, sizeof last, "%lld",
		 (long long)json_integer_value(json_object_get(json_array_get(list, count - 1), "id")));
	json_decref(list);
	fixture_ok(&f, "meeting", "edit", last, "--time", "15:00", NULL);

	char *path = export_to(&f, "series.ics", NULL);
	char *raw = test_read_file(path, NULL);
	assert_contains(raw, "RRULE:FREQ=WEEKLY;UNTIL=20250218T013000Z;BYDAY=TU");
	assert_contains(raw, "EXDATE;TZID=Asia/Shanghai:20250128T093000");
	assert_contains(raw, "RDATE;TZID=Asia/Shanghai:20250205T093000");
	assert_contains(raw, "RECURRENCE-ID;TZID=Asia/Shanghai:");
	assert_contains(raw, "EXDATE;TZID=Asia/Shanghai:20250128T160000"); /* 春节: skipped */
	free(raw);
	json_t *calendar = read_independently(path);
	/* Expanded by python-dateutil, the instances are the meetings' own dates and times. */
	list = json_of_list(&f);
	json_t *instances = json_object_get(calendar, "instances");
	assert_int_equal(json_array_size(instances), json_array_size(list));
	size_t i;
	json_t *meeting;
	char **expected = calloc(json_array_size(list), sizeof *expected);
	json_array_foreach(list, i, meeting)
		assert_true(asprintf(&expected[i], "%sT%s:00+08:00",
				     json_string_value(json_object_get(meeting, "date")),
				     json_string_value(json_object_get(meeting, "start"))) > 0);
	json_array_foreach(list, i, meeting)
	{
		bool found = false;
		for (size_t j = 0; j < json_array_size(instances); j++)
			found |= strcmp(expected[i], json_string_value(json_array_get(instances, j))) == 0;
		if (!found)
			fail_msg("the independent parser does not see %s", expected[i]);
		free(expected[i]);
	}
	free(expected);
	json_decref(list);
	json_decref(calendar);
	free(path);
	fixture_close(&f);
}

static void test_export_mistakes(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char *path = test_path(f.directory, "never.ics");
	run_result r = fixture_run(&f, "export", "ics", "-o", path, "--person", "无此人", NULL);
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	assert_null(test_read_file(path, NULL));
	r = fixture_run(&f, "export", "ics", "--alarm", "soon", NULL);
	assert_int_equal(r.status, 1);
	test_run_free(&r);
	r = fixture_run(&f, "export", "ics", "-o", "/nonexistent-folder/x.ics", NULL);
	assert_int_equal(r.status, 1);
	test_run_free(&r);
	r = fixture_run(&f, "export", "csv", NULL);
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	free(path);
	fixture_close(&f);
}

/* Exporting to a device (here through a link to /dev/null) writes to it, and never renames a
 * file over it. */
static void test_export_to_a_device(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08", "--time",
		   "09:30", NULL);
	char *link = test_path(f.directory, "null.ics");
	assert_int_equal(symlink("/dev/null", link), 0);
	fixture_ok(&f, "export", "ics", "-o", link, NULL);
	struct stat status;
	assert_int_equal(lstat(link, &status), 0);
	assert_true(S_ISLNK(status.st_mode));
	assert_int_equal(stat(link, &status), 0);
	assert_true(S_ISCHR(status.st_mode));
	free(link);
	fixture_close(&f);
}

/* An export killed after writing its temporary file, before the rename, leaves the old
 * calendar whole; the next export removes the temporary. The calendar carries the audit log's
 * head, which `log --verify --head` accepts. */
static void test_killed_export_leaves_nothing_behind(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-08", "--time",
		   "09:30", NULL);
	char *path = export_to(&f, "calendar.ics", NULL);
	char *before = test_read_file(path, NULL);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-15", "--time",
		   "09:30", NULL);
	f.env[4] = "HUIWU_CRASH_AT=export-written";
	run_result r = test_run(f.env, (const char *const[]){"export", "ics", "-o", path, NULL});
	f.env[4] = NULL;
	assert_int_equal(r.status, 128 + 9);
	test_run_free(&r);
	char *after = test_read_file(path, NULL);
	assert_string_equal(after, before);
	free(after);
	/* What the killed export left: its temporary, named after its process. */
	char *listing = NULL;
	size_t size = 0;
	FILE *names = open_memstream(&listing, &size);
	char *command = NULL;
	assert_true(asprintf(&command, "ls -a '%s'", f.directory) > 0);
	FILE *ls = popen(command, "r");
	char line[512];
	while (fgets(line, sizeof line, ls))
		fputs(line, names);
	pclose(ls);
	fclose(names);
	assert_contains(listing, "calendar.ics.huiwu-tmp-");
	free(listing);

	free(export_to(&f, "calendar.ics", NULL));
	ls = popen(command, "r");
	bool left = false;
	while (fgets(line, sizeof line, ls))
		left |= strstr(line, ".huiwu-tmp-") != NULL;
	pclose(ls);
	assert_false(left);
	free(command);

	/* The head in the calendar is the log's. */
	char *calendar = test_read_file(path, NULL);
	/* Unfolded: a long line goes on after CRLF and a space (RFC 5545 3.1). */
	char *to = calendar;
	for (const char *from = calendar; *from; from++) {
		if (strncmp(from, "\r\n ", 3) == 0)
			from += 3;
		*to++ = *from;
	}
	*to = '\0';
	const char *property = strstr(calendar, "X-HUIWU-AUDIT-HEAD:");
	assert_non_null(property);
	char head[128];
	snprintf(head, sizeof head, "%.*s", (int)strcspn(property + 19, "\r\n"), property + 19);
	run_result verified =
		test_run(f.env, (const char *const[]){"log", "--verify", "--head", head, NULL});
	assert_int_equal(verified.status, 0);
	assert_contains(verified.out, "the log still holds the head");
	test_run_free(&verified);
	free(calendar);
	free(before);
	free(path);
	fixture_close(&f);
}

/* Every exported meeting has an end: a meeting without one lasts its type's usual length
 * (duration_minutes, the office's own), else an hour; one with an end keeps its DTEND. */
static void test_every_meeting_has_an_end(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-02", "--time",
		   "09:00", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-12-03", "--time",
		   "15:00", NULL);
	fixture_ok(&f, "meeting", "add", "--type", "special", "--date", "2026-12-04", "--time",
		   "15:00", "--end", "16:30", NULL);
	hw_error error = {0};
	hw_session *session = hw_session_open(f.db, true, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	session->rules->types[HW_MEETING_EXECUTIVE].duration_minutes = 90;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	int meetings = 0;
	hw_export_options options = {.meetings_written = &meetings};
	assert_int_equal(hw_export_ics(session, &options, out, &error), 3);
	fclose(out);
	assert_int_equal(meetings, 3);
	icalcomponent *calendar = icalparser_parse_string(text);
	assert_non_null(calendar);
	int checked = 0;
	for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	     event; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype start = icalcomponent_get_dtstart(event);
		bool has_dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) != NULL;
		int minutes = icaldurationtype_as_int(icalcomponent_get_duration(event)) / 60;
		if (start.day == 2)
			assert_true(!has_dtend && minutes == 90);
		else if (start.day == 3)
			assert_true(!has_dtend && minutes == HW_EXPORT_DEFAULT_MINUTES);
		else
			assert_true(has_dtend && minutes == 90);
		checked++;
	}
	assert_int_equal(checked, 3);
	icalcomponent_free(calendar);
	free(text);
	hw_session_close(session);
	fixture_close(&f);
}

/* A new calendar file follows the umask (it is meant to be shared), a replaced one keeps its
 * mode. */
static void test_export_follows_the_umask(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	char *shared = test_path(f.directory, "shared.ics"), *own = test_path(f.directory, "own.ics");
	mode_t saved = umask(022);
	fixture_ok(&f, "export", "ics", "-o", shared, NULL);
	umask(077);
	fixture_ok(&f, "export", "ics", "-o", own, NULL);
	fixture_ok(&f, "export", "ics", "-o", shared, NULL); /* replaced: keeps 0644 */
	umask(saved);
	struct stat st;
	assert_int_equal(stat(shared, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(stat(own, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(shared);
	free(own);
	fixture_close(&f);
}

/* ---- the file and publishing write the same events ---- */

typedef struct components {
	FILE *out;
	char *text;
	size_t size;
} components;

static int take_component(icalcomponent *component, const icalcomponent *timezone, void *user,
			  hw_error *error)
{
	(void)timezone;
	(void)error;
	char *text = icalcomponent_as_ical_string_r(component);
	fputs(text, ((components *)user)->out);
	free(text);
	return 0;
}

/* The file export writes a listed meeting's VEVENT part by part, keeping the text of parts that
 * come again (attendees, SEQUENCE, times of the day, LOCATION, DURATION, the last properties);
 * publishing (hw_export_each) builds each VEVENT whole in libical. Both must give the same
 * bytes: delegation and declined leave (written anew), the same people, times and places on
 * several meetings (kept), a cancelled meeting, no end (DURATION), an alarm, one person's
 * calendar. */
static void test_file_and_publishing_write_the_same_events(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", TODAY);
	long long ids[4];
	ids[0] = fixture_ok(&f, "meeting", "add", "--type", "plenary", "--date", "2026-12-10",
			    "--time", "10:00", "--end", "11:30", "--location", "政府第一会议室", NULL);
	ids[1] = fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-10",
			    "--time", "10:00", "--location", "政府第一会议室", NULL);
	ids[2] = fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-11",
			    "--time", "10:00", "--end", "11:30", "--location", "政府第二会议室", NULL);
	ids[3] = fixture_ok(&f, "meeting", "add", "--type", "executive", "--date", "2026-12-11",
			    "--time", "15:00", "--end", "16:00", NULL);
	char number[32];
	snprintf(number, sizeof number, "%lld", ids[0]);
	long long leave = fixture_ok(&f, "leave", "request", "--meeting", number, "--person",
				     "农业农村局局长", "--reason", "出差", "--written", "--substitute",
				     "农业农村局副局长", NULL);
	char leave_number[32];
	snprintf(leave_number, sizeof leave_number, "%lld", leave);
	fixture_ok(&f, "leave", "approve", leave_number, "--by", "首长", NULL);
	snprintf(number, sizeof number, "%lld", ids[2]);
	leave = fixture_ok(&f, "leave", "request", "--meeting", number, "--person", "副职乙",
			   "--reason", "出差", NULL);
	snprintf(leave_number, sizeof leave_number, "%lld", leave);
	fixture_ok(&f, "leave", "approve", leave_number, "--by", "首长", NULL);
	snprintf(number, sizeof number, "%lld", ids[3]);
	fixture_ok(&f, "meeting", "cancel", number, NULL);
	fixture_ok(&f, "person", "edit", "副职甲", "--email", "fzj@wuqia.gov.cn", NULL);

	hw_error error = {0};
	hw_session *session = hw_session_open(f.db, true, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	const char *people[] = {NULL, "副职甲"};
	for (int alarm = 0; alarm <= 15; alarm += 15)
		for (int who = 0; who < 2; who++) {
			hw_export_options options = {.alarm_minutes = alarm, .person = people[who]};
			char *file = NULL;
			size_t file_size = 0;
			FILE *out = open_memstream(&file, &file_size);
			int events = hw_export_ics(session, &options, out, &error);
			fclose(out);
			if (events < 0)
				fail_msg("%s", error.message);
			components c = {0};
			c.out = open_memstream(&c.text, &c.size);
			int each = hw_export_each(session, &options, take_component, &c, &error);
			fclose(c.out);
			assert_int_equal(each, events);
			if (who == 0)
				assert_int_equal(events, 4);
			else
				assert_true(events > 0); /* the person filter's path */
			const char *body = strstr(file, "END:VTIMEZONE\r\n");
			assert_non_null(body);
			body += strlen("END:VTIMEZONE\r\n");
			const char *tail = strstr(body, "END:VCALENDAR");
			assert_non_null(tail);
			assert_int_equal((size_t)(tail - body), c.size);
			assert_memory_equal(body, c.text, c.size);
			/* What the kept parts cover is there. */
			if (who == 0) {
				assert_non_null(strstr(c.text, "DELEGATED-TO"));
				assert_non_null(strstr(c.text, "PARTSTAT=DECLINED"));
				assert_non_null(strstr(c.text, "DURATION:"));
				assert_non_null(strstr(c.text, alarm ? "BEGIN:VALARM" : "STATUS:CANCELLED"));
			}
			free(c.text);
			free(file);
		}
	hw_session_close(session);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_to_a_device),
		cmocka_unit_test(test_government_calendar),
		cmocka_unit_test(test_same_bytes_until_a_change),
		cmocka_unit_test(test_leave_and_substitute),
		cmocka_unit_test(test_person_calendar),
		cmocka_unit_test(test_chinese_text_and_separators_survive),
		cmocka_unit_test(test_libical_reads_it_back),
		cmocka_unit_test(test_todos),
		cmocka_unit_test(test_every_meeting_has_an_end),
		cmocka_unit_test(test_export_follows_the_umask),
		cmocka_unit_test(test_series_across_spring_festival),
		cmocka_unit_test(test_export_mistakes),
		cmocka_unit_test(test_killed_export_leaves_nothing_behind),
		cmocka_unit_test(test_file_and_publishing_write_the_same_events),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
