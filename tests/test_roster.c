/* The roster: departments and people, added, listed, shown and edited, through the command line as the office's clerk uses it.
 * Each test works on a copy of the standard roster (tests/fixture.h), does the thing right once,
 * then makes the mistakes a clerk makes: a refused command exits 1 with exactly one line on
 * standard error and changes nothing (REFUSED). The rule engine's findings are tested in
 * test_checks.c. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Today is Monday 2026-11-23 in every test. */
#define TODAY "2026-11-23"

static void test_dept_add_list_and_edit(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "dept", "add", "水利局", "--deputy", "副职乙");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "5\n");
	assert_string_equal(r.err, "");
	test_run_free(&r);
	json_t *entry = fixture_expect_logged(f, entries, "dept add", false, true);
	assert_json_string(json_object_get(entry, "after"), "name", "水利局");
	json_decref(entry);

	json_t *departments = JSON(f, "dept", "list", "--json");
	assert_int_equal(json_array_size(departments), 5);
	json_t *water = fixture_find_named(departments, "水利局");
	assert_non_null(water);
	assert_keys(water, STRINGS("id", "name", "deputy", "member_of_executive", "function"));
	assert_json_int(water, "id", 5);
	assert_json_string(water, "deputy", "副职乙");
	assert_json_bool(water, "member_of_executive", false);
	assert_json_null(water, "function");
	assert_json_bool(fixture_find_named(departments, "财政局"), "member_of_executive", true);
	assert_json_string(fixture_find_named(departments, "司法局"), "function", "justice_bureau");
	json_decref(departments);

	r = RUN(f, "dept", "list");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "   5  水利局  (in the division of 副职乙)\n");
	assert_contains(r.out, "   2  财政局  (in the division of 副职甲)  [member of the executive meeting]\n");
	assert_contains(r.out, "   4  司法局  (in the division of 副职乙)  [the justice bureau]\n");
	test_run_free(&r);

	/* Moving 教育局 into 副职甲's division. */
	entries = fixture_log_entries(f);
	OK(f, "dept", "edit", "教育局", "--deputy", "副职甲");
	entry = fixture_expect_logged(f, entries, "dept edit", true, true);
	assert_json_int(json_object_get(entry, "before"), "deputy_id", 4);
	assert_json_int(json_object_get(entry, "after"), "deputy_id", 3);
	json_decref(entry);
	json_t *person = JSON(f, "person", "show", "副职甲", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("农业农村局", "财政局", "教育局"));
	json_decref(person);
	person = JSON(f, "person", "show", "副职乙", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("司法局", "水利局"));
	json_decref(person);
}

static void test_dept_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "财政局: the name is taken already", "dept", "add", "财政局");
	REFUSED(f, "a name cannot be only digits", "dept", "add", "2024");
	REFUSED(f, "no person '无名'", "dept", "add", "水利局", "--deputy", "无名");
	REFUSED(f, "农业农村局局长 is not a government leader", "dept", "add", "水利局", "--deputy",
		"农业农村局局长");
	REFUSED(f, "unknown department function 'auditor'", "dept", "add", "审计局", "--function",
		"auditor");
	REFUSED(f, "no department '水利局'", "dept", "edit", "水利局", "--deputy", "副职甲");
	REFUSED(f, "no person '无名'", "dept", "edit", "教育局", "--deputy", "无名");
	/* The divisions are as the fixture made them. */
	json_t *person = JSON(f, "person", "show", "副职乙", "--json");
	assert_strings(json_object_get(person, "division"), STRINGS("教育局", "司法局"));
	json_decref(person);
}

/* dept add refuses a deputy in charge who is no government leader; dept edit must too. */
static void test_dept_edit_refuses_a_deputy_in_charge_who_is_no_leader(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "农业农村局局长 is not a government leader", "dept", "edit", "教育局", "--deputy",
		"农业农村局局长");
	REFUSED(f, "财政局工作人员 is not a government leader", "dept", "edit", "教育局", "--deputy",
		"财政局工作人员");
}

static void test_person_add_list_and_show(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	size_t entries = fixture_log_entries(f);
	run_result r = RUN(f, "person", "add", "李四", "--title", "副县长", "--role", "deputy");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "14\n");
	test_run_free(&r);
	json_decref(fixture_expect_logged(f, entries, "person add", false, true));
	/* A department named by its number. */
	assert_int_equal(OK(f, "person", "add", "教育局副局长", "--title", "副局长", "--role",
			    "department_deputy", "--dept", "3"),
			 15);

	json_t *people = JSON(f, "person", "list", "--json");
	assert_int_equal(json_array_size(people), 15);
	size_t i;
	json_t *item;
	json_array_foreach(people, i, item)
	{
		assert_true(json_is_integer(json_object_get(item, "id")));
		assert_true(json_is_string(json_object_get(item, "name")));
		assert_true(json_is_string(json_object_get(item, "title")));
		assert_true(json_is_string(json_object_get(item, "role")));
		json_t *department = json_object_get(item, "department");
		assert_true(json_is_string(department) || json_is_null(department));
	}
	json_t *head = fixture_find_named(people, "首长");
	assert_json_int(head, "id", 1);
	assert_json_string(head, "role", "head");
	assert_json_null(head, "department");
	json_t *bureau = fixture_find_named(people, "农业农村局局长");
	assert_json_string(bureau, "title", "局长");
	assert_json_string(bureau, "role", "department_head");
	assert_json_string(bureau, "department", "农业农村局");
	assert_json_string(fixture_find_named(people, "李四"), "role", "deputy");
	assert_json_string(fixture_find_named(people, "教育局副局长"), "department", "教育局");
	json_decref(people);

	r = RUN(f, "person", "list");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 15);
	assert_contains(r.out, "  14  李四  副县长  副县长\n");
	assert_contains(r.out, "  15  教育局副局长  副局长  副局长/副主任  教育局\n");
	test_run_free(&r);

	/* By number or by name; show has the division. */
	json_t *person = JSON(f, "person", "show", "9", "--json");
	assert_json_string(person, "name", "财政局局长");
	assert_json_string(person, "department", "财政局");
	assert_strings(json_object_get(person, "division"), STRINGS(NULL));
	json_decref(person);
	person = JSON(f, "person", "show", "副职甲", "--json");
	assert_keys(person, STRINGS("id", "name", "title", "role", "department", "party_group",
				    "email", "phone", "division"));
	assert_json_null(person, "email");
	assert_json_null(person, "phone");
	assert_json_int(person, "id", 3);
	assert_json_string(person, "title", "副职");
	assert_strings(json_object_get(person, "division"), STRINGS("农业农村局", "财政局"));
	json_decref(person);
	r = RUN(f, "person", "show", "副职甲");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "   3  副职甲  副职  副县长\n  division:\n    农业农村局\n    财政局\n");
	test_run_free(&r);
	REFUSED(f, "no person '无名'", "person", "show", "无名");
	REFUSED(f, "no person '99'", "person", "show", "99");

	/* An optional e-mail address and phone: set, shown, cleared with "". */
	OK(f, "person", "add", "王五", "--title", "科员", "--role", "staff", "--dept", "财政局",
	   "--email", "wangwu@example.gov.cn", "--phone", "+86 908 555 0101");
	person = JSON(f, "person", "show", "王五", "--json");
	assert_json_string(person, "email", "wangwu@example.gov.cn");
	assert_json_string(person, "phone", "+86 908 555 0101");
	json_decref(person);
	OK(f, "person", "edit", "王五", "--email", "");
	person = JSON(f, "person", "show", "王五", "--json");
	assert_json_null(person, "email");
	assert_json_string(person, "phone", "+86 908 555 0101");
	json_decref(person);
	REFUSED(f, "'a@b' is not an e-mail address", "person", "edit", "王五", "--email", "a@b");
	REFUSED(f, "'12' is not a phone number", "person", "add", "赵六", "--title", "科员", "--role",
		"staff", "--dept", "财政局", "--phone", "12");
}

static void test_person_add_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "首长: the name is taken already", "person", "add", "首长", "--title", "县长",
		"--role", "head");
	REFUSED(f, "'mayor' is not a role a person holds", "person", "add", "张三", "--title", "县长",
		"--role", "mayor");
	REFUSED(f, "'member_department' is not a role a person holds", "person", "add", "张三",
		"--title", "局长", "--role", "member_department");
	REFUSED(f, "a 局长/主任 belongs to a department: say which (--dept)", "person",
		"add", "张三", "--title", "局长", "--role", "department_head");
	REFUSED(f, "a 工作人员 belongs to a department", "person", "add", "张三", "--title", "科员",
		"--role", "staff");
	REFUSED(f, "no department '水利局'", "person", "add", "张三", "--title", "局长", "--role",
		"department_head", "--dept", "水利局");
	REFUSED(f, "a name cannot be only digits", "person", "add", "12345", "--title", "副县长",
		"--role", "deputy");
	REFUSED(f, "say the person's title, e.g. 副县长 (--title)", "person", "add", "张三", "--role", "deputy");
	json_t *people = JSON(f, "person", "list", "--json");
	assert_int_equal(json_array_size(people), 13);
	assert_null(fixture_find_named(people, "张三"));
	json_decref(people);
}

static void test_person_edit_role(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	size_t entries = fixture_log_entries(f);
	OK(f, "person", "edit", "财政局工作人员", "--role", "department_deputy");
	json_t *entry = fixture_expect_logged(f, entries, "person edit", true, true);
	assert_json_string(json_object_get(entry, "before"), "role", "staff");
	assert_json_string(json_object_get(entry, "after"), "role", "department_deputy");
	json_decref(entry);
	json_t *person = JSON(f, "person", "show", "财政局工作人员", "--json");
	assert_json_string(person, "role", "department_deputy");
	assert_json_string(person, "department", "财政局");
	assert_json_string(person, "title", "科员");
	json_decref(person);

	LOGGED(f, "person edit", true, true, "person", "edit", "副职乙", "--title", "副县长");
	person = JSON(f, "person", "show", "副职乙", "--json");
	assert_json_string(person, "title", "副县长");
	assert_json_string(person, "role", "deputy");
	json_decref(person);
}

static void test_person_edit_mistakes_change_nothing(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	REFUSED(f, "'boss' is not a role a person holds", "person", "edit", "财政局工作人员", "--role",
		"boss");
	REFUSED(f, "a 局长/主任 belongs to a department", "person", "edit", "副职甲", "--role",
		"department_head");
	REFUSED(f, "no person '无名'", "person", "edit", "无名", "--role", "deputy");
	REFUSED(f, "no department '水利局'", "person", "edit", "副职甲", "--dept", "水利局");
	REFUSED(f, "the title is empty or too long", "person", "edit", "副职甲", "--title", "");
	json_t *person = JSON(f, "person", "show", "副职甲", "--json");
	assert_json_string(person, "role", "deputy");
	assert_json_null(person, "department");
	json_decref(person);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		TEST(test_dept_add_list_and_edit),
		TEST(test_dept_mistakes_change_nothing),
		TEST(test_dept_edit_refuses_a_deputy_in_charge_who_is_no_leader),
		TEST(test_person_add_list_and_show),
		TEST(test_person_add_mistakes_change_nothing),
		TEST(test_person_edit_role),
		TEST(test_person_edit_mistakes_change_nothing),
	};
#undef TEST
	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
