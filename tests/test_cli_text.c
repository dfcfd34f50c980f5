/* Text through the command line: what is refused at the door (invalid UTF-8, control
 * characters, invisible look-alikes in names, blank names) with nothing changed, what is
 * normalised (spaces around names and one-line fields), and what an older version or a direct
 * write left in the database: repaired in every --json listing, shown escaped (never obeyed) on
 * a terminal, kept in the audit log. The module itself is tested in test_text.c. */
#include "fixture.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"
#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Writes to the database as an older version or a foreign tool could, past every check. */
static void write_directly(const fixture *f, const char *sql)
{
	sqlite3 *db = NULL;
	char *message = NULL;
	if (sqlite3_open(f->db, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("%s: %s", sql, message ? message : sqlite3_errmsg(db));
	sqlite3_close(db);
}

static json_t *find_id(json_t *array, long long id)
{
	size_t i;
	json_t *item;
	json_array_foreach(array, i, item)
		if (json_integer_value(json_object_get(item, "id")) == id)
			return item;
	return NULL;
}

static void test_names_with_controls_look_alikes_or_nothing_are_refused(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	/* A second 首长 with a zero-width space, or with a right-to-left mark. */
	REFUSED(f, "the person's name holds the invisible character U+200B", "person", "add",
		"首\u200B长", "--title", "县长", "--role", "deputy");
	REFUSED(f, "U+200F", "person", "add", "首长\u200F", "--title", "县长", "--role", "deputy");
	REFUSED(f, "the person's name is blank", "person", "add", "   ", "--title", "副县长",
		"--role", "deputy");
	REFUSED(f, "the person's name is blank", "person", "add", "\u3000", "--title", "副县长",
		"--role", "deputy");
	REFUSED(f, "the person's name holds the control character U+001B", "person", "add",
		"副职\x1B[31m丙", "--title", "副县长", "--role", "deputy");
	REFUSED(f, "the person's title holds the invisible character U+FEFF", "person", "add",
		"副职丙", "--title", "\uFEFF副县长", "--role", "deputy");
	REFUSED(f, "the person's title holds the control character U+000A", "person", "edit",
		"副职甲", "--title", "副县长\n");
	REFUSED(f, "the department's name holds the control character U+0009", "dept", "add",
		"水利\t局");
	REFUSED(f, "the department's name is not valid UTF-8", "dept", "add", "水利\xE5");

	/* The twins: an inner ideographic space is part of the name; the spaces around it go. */
	OK(f, "person", "add", "副职　丙", "--title", "副县长", "--role", "deputy");
	OK(f, "person", "add", " \u3000副职丁 ", "--title", " 副县长　", "--role", "deputy");
	OK(f, "dept", "add", "  水利局  ");
	json_t *people = JSON(f, "person", "list", "--json");
	assert_non_null(fixture_find_named(people, "副职　丙"));
	json_t *fourth = fixture_find_named(people, "副职丁");
	assert_non_null(fourth);
	assert_json_string(fourth, "title", "副县长");
	json_decref(people);
	json_t *departments = JSON(f, "dept", "list", "--json");
	assert_non_null(fixture_find_named(departments, "水利局"));
	json_decref(departments);
}

static void test_one_line_fields_refuse_controls_and_are_trimmed(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "the title holds the control character U+000A", "meeting", "add", "--type",
		"executive", "--date", "2026-11-30", "--time", "09:30", "--title", "常务\n会议");
	/* An OSC sequence would set the terminal's title wherever the location is printed. */
	REFUSED(f, "the location holds the control character U+001B", "meeting", "add", "--type",
		"executive", "--date", "2026-11-30", "--time", "09:30", "--location",
		"\x1B]0;pwned\x07会议室");
	REFUSED(f, "the title is not valid UTF-8", "meeting", "add", "--type", "executive", "--date",
		"2026-11-30", "--time", "09:30", "--title", "会议\xE8");
	REFUSED(f, "the title is empty", "meeting", "add", "--type", "executive", "--date",
		"2026-11-30", "--time", "09:30", "--title", "  ");

	long long id = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-30",
			  "--time", "09:30", "--title", "  常务会议、第一次　", "--location",
			  "县政府　三楼会议室");
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_int(meeting, "id", id);
	assert_json_string(meeting, "title", "常务会议、第一次");
	assert_json_string(meeting, "location", "县政府　三楼会议室");
	json_decref(meeting);

	REFUSED(f, "the location holds the control character U+0009", "meeting", "edit", "1",
		"--location", "\t三楼");
	REFUSED(f, "the title holds the control character U+009B", "meeting", "edit", "1",
		"--title", "会议\xC2\x9B" "2J");
	REFUSED(f, "the title holds the control character U+000D", "topic", "add", "--title",
		"议题\r", "--deputy", "副职甲");
	REFUSED(f, "the reason holds the control character U+007F", "leave", "request",
		"--meeting", "1", "--person", "副职甲", "--reason", "出差\x7F");
	REFUSED(f, "the title holds the control character U+001B", "series", "add", "--type",
		"executive", "--rrule", "FREQ=MONTHLY;BYDAY=2TU", "--time", "09:30", "--from",
		"2027-01-01", "--count", "2", "--title", "\x1B[2J");
	OK(f, "topic", "add", "--title", " 冬季供暖保障 ", "--deputy", "副职乙");
	json_t *topic = JSON(f, "topic", "show", "1", "--json");
	assert_json_string(topic, "title", "冬季供暖保障");
	json_decref(topic);
}

static void test_minutes_keep_line_breaks_and_tabs_only(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-20", "--time", "09:30");
	OK(f, "meeting", "held", "1");
	REFUSED(f, "the minutes' text holds the control character U+001B", "minutes", "draft", "1",
		"--text", "一、\x1B[2J");
	REFUSED(f, "the minutes' text holds the control character U+000D", "minutes", "draft", "1",
		"--text", "一、\r\n二、");
	REFUSED(f, "the document's title holds the control character U+000A", "doc", "add",
		"--meeting", "1", "--title", "纪要\n");
	OK(f, "minutes", "draft", "1", "--text", "一、议题\n\t二、决定");
	json_t *minutes = JSON(f, "minutes", "show", "1", "--json");
	assert_json_string(minutes, "text", "一、议题\n\t二、决定");
	json_decref(minutes);
}

static void test_refusals_are_one_chinese_line_naming_the_field(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	const char *const chinese[] = {f->env_db, f->env_today, "LANGUAGE=zh_CN", "LC_ALL=C.UTF-8",
				       NULL};
	run_result r = test_run(chinese, (const char *const[]){"person", "add", "首\u200B长",
							       "--title", "县长", "--role",
							       "deputy", NULL});
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "人员姓名");
	assert_contains(r.err, "U+200B");
	test_run_free(&r);
	r = test_run(chinese, (const char *const[]){"meeting", "add", "--type", "executive",
						    "--date", "2026-11-30", "--time", "09:30",
						    "--title", "会议\xE8", NULL});
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "标题不是有效的 UTF-8 文本");
	test_run_free(&r);
}

static void test_stored_control_characters_are_shown_escaped_not_sent(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-30", "--time", "09:30");
	OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-27", "--time", "09:30",
	   "--title", "常务会议", "--location", "三楼会议室");
	/* What an older version let through: an OSC sequence that sets the terminal's title, a
	 * CSI that clears the screen, a carriage return that overwrites the line. */
	write_directly(f, "UPDATE meeting SET location = char(27) || ']0;pwned' || char(7) || '会议室',"
			  " title = '常务' || char(27) || '[2J会议' || char(13) || '假' WHERE id = 1");

	run_result r = RUN(f, "meeting", "show", "1");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "^[]0;pwned^G会议室");
	assert_contains(r.out, "常务^[[2J会议^M假");
	assert_null(strpbrk(r.out, "\x1B\x07\r"));
	test_run_free(&r);

	r = RUN(f, "meeting", "list", "--from", "2026-11-01", "--to", "2026-12-31");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "常务^[[2J会议^M假");
	assert_null(strpbrk(r.out, "\x1B\x07\r"));
	/* The twin: a meeting without controls is printed as it is. */
	assert_contains(r.out, "2026-11-27 09:30  常务会议  chair: 首长\n");
	test_run_free(&r);

	r = RUN(f, "search", "常务");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "常务^[[2J会议^M假");
	assert_null(strpbrk(r.out, "\x1B\x07\r"));
	test_run_free(&r);

	/* JSON escapes them itself, and keeps them: a script gets the stored text. */
	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "location", "\x1B]0;pwned\x07会议室");
	json_decref(meeting);
}

static void test_invalid_utf8_stored_is_repaired_in_every_listing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-30", "--time", "09:30");
	OK(f, "topic", "add", "--title", "冬季供暖保障", "--deputy", "副职乙", "--meeting", "1");
	OK(f, "leave", "request", "--meeting", "1", "--person", "副职甲", "--reason", "出差");
	size_t people_before;
	json_t *people = JSON(f, "person", "list", "--json");
	people_before = json_array_size(people);
	json_decref(people);
	/* 伊, a byte that is never UTF-8, 会; a character cut short; 首 with a stray byte. */
	write_directly(f, "UPDATE meeting SET title = CAST(X'E4BC8AFFE4BC9A' AS TEXT),"
			  " location = CAST(X'E4BC' AS TEXT) WHERE id = 1;"
			  "UPDATE person SET name = CAST(X'E9A696FF' AS TEXT) WHERE name = '首长';"
			  "UPDATE topic SET title = CAST(X'E8AEAEFF' AS TEXT) WHERE id = 1;"
			  "UPDATE department SET name = CAST(X'E6B0B4FF' AS TEXT) WHERE name = '教育局';"
			  "UPDATE leave SET reason = CAST(X'E587BAE5' AS TEXT) WHERE id = 1");

	run_result r = RUN(f, "meeting", "show", "1");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "#1 伊" REPLACEMENT "会\n");
	assert_contains(r.out, "首" REPLACEMENT);
	test_run_free(&r);

	json_t *meeting = JSON(f, "meeting", "show", "1", "--json");
	assert_json_string(meeting, "title", "伊" REPLACEMENT "会");
	assert_json_string(meeting, "location", REPLACEMENT);
	assert_json_string(meeting, "chair", "首" REPLACEMENT);
	json_decref(meeting);

	json_t *meetings = JSON(f, "meeting", "list", "--json");
	assert_non_null(find_id(meetings, 1));
	assert_json_string(find_id(meetings, 1), "title", "伊" REPLACEMENT "会");
	json_decref(meetings);

	people = JSON(f, "person", "list", "--json");
	assert_int_equal(json_array_size(people), people_before);
	assert_non_null(fixture_find_named(people, "首" REPLACEMENT));
	json_decref(people);

	json_t *hits = JSON(f, "search", "伊", "--json");
	assert_int_equal(json_array_size(hits), 1);
	assert_json_string(json_array_get(hits, 0), "text", "伊" REPLACEMENT "会");
	json_decref(hits);

	json_t *topics = JSON(f, "topic", "list", "--json");
	assert_non_null(find_id(topics, 1));
	assert_json_string(find_id(topics, 1), "title", "议" REPLACEMENT);
	json_decref(topics);

	json_t *departments = JSON(f, "dept", "list", "--json");
	assert_int_equal(json_array_size(departments), 4);
	assert_non_null(fixture_find_named(departments, "水" REPLACEMENT));
	json_decref(departments);

	json_t *leave = JSON(f, "leave", "list", "--json");
	assert_int_equal(json_array_size(leave), 1);
	assert_json_string(json_array_get(leave, 0), "reason", "出" REPLACEMENT);
	json_decref(leave);

	json_t *agenda = JSON(f, "agenda", "--from", "2026-11-23", "--to", "2026-12-31", "--json");
	assert_non_null(find_id(json_object_get(agenda, "meetings"), 1));
	json_decref(agenda);

	/* The audit entry of a change keeps the field, repaired, before and after. */
	size_t entries = fixture_log_entries(f);
	OK(f, "meeting", "edit", "1", "--time", "10:00");
	json_t *entry = fixture_expect_logged(f, entries, "meeting edit", true, true);
	assert_json_string(json_object_get(entry, "before"), "title", "伊" REPLACEMENT "会");
	assert_json_string(json_object_get(entry, "after"), "title", "伊" REPLACEMENT "会");
	assert_json_string(json_object_get(entry, "after"), "start", "10:00");
	json_decref(entry);
}

/* The login name enters too, into every audit entry: bytes in it that are not UTF-8 made
 * every change crash. */
static void test_a_login_name_that_is_not_utf8_is_repaired(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	const char *const env[] = {f->env_db, f->env_today, "LANGUAGE=", "LC_ALL=C.UTF-8",
				   "USER=clerk\xFF", NULL};
	size_t entries = fixture_log_entries(f);
	run_result r = test_run(env, (const char *const[]){"dept", "add", "水利局", NULL});
	assert_int_equal(r.status, 0);
	test_run_free(&r);
	json_t *entry = fixture_expect_logged(f, entries, "dept add", false, true);
	assert_json_string(entry, "who", "clerk" REPLACEMENT);
	json_decref(entry);
}

/* The stream in front of stdout passes its buffer on in pieces; a character cut by a piece's
 * edge must come out whole, not as two replacement characters. */
static void test_long_chinese_output_comes_out_whole(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	/* Sixty meetings whose titles are 101 to 160 times 会: about 25 KB to print, so that
	 * the buffer's edges fall inside characters. */
	write_directly(f, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 60)"
			  " INSERT INTO meeting (uid, type, date, start, title, changed_at)"
			  " SELECT 'bulk-' || x, 'executive', '2026-11-30', '09:30',"
			  " replace(printf('%.*c', 100 + x, '.'), '.', '会'), '2026-11-23T00:00:00Z'"
			  " FROM n");
	run_result r = RUN(f, "meeting", "list", "--from", "2026-11-30", "--to", "2026-11-30");
	assert_int_equal(r.status, 0);
	assert_true(strlen(r.out) > 2 * 8192);
	assert_not_contains(r.out, REPLACEMENT);
	char title[3 * 160 + 8] = "  ";
	for (int length = 1; length <= 160; length++) {
		strcat(title, "会");
		if (length > 100) {
			char line[sizeof title + 1];
			snprintf(line, sizeof line, "%s\n", title);
			assert_contains(r.out, line);
		}
	}
	test_run_free(&r);
}

static void test_an_error_echoing_a_line_break_stays_one_line(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "no person 'a^Jb'", "person", "show", "a\nb");
	REFUSED(f, "no department '水^M利^[[2J'", "dept", "edit", "水\r利\x1B[2J", "--deputy",
		"副职甲");
	REFUSED(f, "'2026^J11' is not a date", "agenda", "--from", "2026\n11");
	/* A usage error: the message on one line, then the hint. */
	run_result r = RUN(f, "meeting", "x\ny");
	assert_int_equal(r.status, 2);
	assert_int_equal(test_count_lines(r.err), 2);
	assert_contains(r.err, "unknown action 'x^Jy': say add, show");
	assert_contains(r.err, "or uninvite\n(see");
	test_run_free(&r);
	r = RUN(f, "fro\nb");
	assert_int_equal(r.status, 2);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "unknown command 'fro^Jb'");
	test_run_free(&r);
	/* The twin: an error without controls reads as it did. */
	REFUSED(f, "no person '无名'", "person", "show", "无名");
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_names_with_controls_look_alikes_or_nothing_are_refused),
		TEST(test_one_line_fields_refuse_controls_and_are_trimmed),
		TEST(test_minutes_keep_line_breaks_and_tabs_only),
		TEST(test_refusals_are_one_chinese_line_naming_the_field),
		TEST(test_stored_control_characters_are_shown_escaped_not_sent),
		TEST(test_invalid_utf8_stored_is_repaired_in_every_listing),
		TEST(test_a_login_name_that_is_not_utf8_is_repaired),
		TEST(test_long_chinese_output_comes_out_whole),
		TEST(test_an_error_echoing_a_line_break_stays_one_line),
	};
#undef TEST
	return cmocka_run_group_tests_name("cli_text", tests, NULL, NULL);
}
