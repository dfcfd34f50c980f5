/* Managing the roster with real personal names, through the command line as the UI's forms use
 * the same core: roles given by their Chinese names in each government's own titles (a
 * county's 县长, a prefecture's 州长, a city's 市长), people found by a unique title or role
 * (an ambiguous one refused, naming the candidates), and people marked no longer serving —
 * kept in the history, left out of new invitations, pickers and the lists of who may act.
 * The names (吴敏, 张伟 …) are invented for the tests; demo data stays role-named. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-23"

/* A fixture whose database is a fresh, empty one of `government` (no roster at all). */
static fixture *empty_fixture(void **state, const char *government)
{
	fixture *f = fixture_in_test(state, government, TODAY);
	unlink(f->db);
	OK(f, "init", "--gov", government);
	return f;
}

/* The real-names database, built once per run (as tests/make-fixture.sh builds the standard
 * roster) and copied for each test. */
static char *real_names_directory, *real_names_template;

static void remove_template(void)
{
	if (real_names_directory != NULL) {
		test_remove_tree(real_names_directory);
		free(real_names_directory);
		free(real_names_template);
	}
}

/* A small Wuqia roster of real names, entered as a clerk would, roles by their Chinese names. */
static fixture *real_names(void **state)
{
	if (real_names_template != NULL) {
		fixture *f = fixture_in_test(state, "wuqia", TODAY);
		test_copy_file(real_names_template, f->db);
		return f;
	}
	fixture *f = empty_fixture(state, "wuqia");
	OK(f, "person", "add", "吴敏", "--title", "县长", "--role", "县长");
	OK(f, "person", "add", "王芳", "--title", "常务副县长", "--role", "常务副县长");
	OK(f, "person", "add", "张伟", "--title", "副县长", "--role", "副县长");
	OK(f, "person", "add", "李强", "--title", "副县长", "--role", "副县长");
	OK(f, "person", "add", "赵丽", "--title", "政府办公室主任", "--role", "政府办公室主任");
	OK(f, "dept", "add", "农业农村局", "--deputy", "张伟");
	OK(f, "dept", "add", "财政局", "--deputy", "李强", "--member-of-executive");
	OK(f, "person", "add", "刘洋", "--title", "农业农村局局长", "--role", "局长", "--dept",
	   "农业农村局");
	OK(f, "person", "add", "孙杰", "--title", "农业农村局副局长", "--role", "副局长", "--dept",
	   "农业农村局");
	OK(f, "person", "add", "陈静", "--title", "财政局局长", "--role", "局长", "--dept", "财政局");
	OK(f, "person", "add", "周涛", "--title", "财政局副局长", "--role", "副局长", "--dept", "财政局");
	real_names_directory = test_make_temp_dir();
	real_names_template = test_path(real_names_directory, "real-names.db");
	test_copy_file(f->db, real_names_template);
	atexit(remove_template);
	return f;
}

static void expect_role(const fixture *f, const char *name, const char *key)
{
	json_t *person = JSON(f, "person", "show", name, "--json");
	assert_json_string(person, "role", key);
	json_decref(person);
}

static void test_roles_by_the_county_titles(void **state)
{
	fixture *f = real_names(state);
	/* The JSON keeps the keys scripts read. */
	expect_role(f, "吴敏", "head");
	expect_role(f, "王芳", "executive_deputy");
	expect_role(f, "张伟", "deputy");
	expect_role(f, "赵丽", "secretary");
	expect_role(f, "刘洋", "department_head");
	expect_role(f, "孙杰", "department_deputy");
	/* 主任 is a department head's name too (局长/主任); the keys still work. */
	OK(f, "dept", "add", "发展和改革委员会", "--deputy", "王芳");
	OK(f, "person", "add", "黄磊", "--title", "发展和改革委员会主任", "--role", "主任", "--dept",
	   "发展和改革委员会");
	expect_role(f, "黄磊", "department_head");
	OK(f, "person", "add", "郭静", "--title", "科员", "--role", "staff", "--dept", "财政局");
	expect_role(f, "郭静", "staff");
	/* A county has no 州长 or 市长: another government's title is not a role here. */
	REFUSED(f, "'州长' is not a role a person holds (县长, 常务副县长, 副县长", "person", "add",
		"马丽", "--title", "州长", "--role", "州长");
	REFUSED(f, "'市长' is not a role a person holds", "person", "add", "马丽", "--title", "市长",
		"--role", "市长");
	/* An edit takes the Chinese name too. */
	OK(f, "person", "edit", "李强", "--role", "常务副县长");
	expect_role(f, "李强", "executive_deputy");
}

static void test_roles_by_the_prefecture_and_city_titles(void **state)
{
	fixture *ili = empty_fixture(state, "ili");
	OK(ili, "person", "add", "吴敏", "--title", "州长", "--role", "州长");
	OK(ili, "person", "add", "王芳", "--title", "常务副州长", "--role", "常务副州长");
	OK(ili, "person", "add", "张伟", "--title", "秘书长", "--role", "秘书长");
	OK(ili, "person", "add", "李强", "--title", "副秘书长", "--role", "副秘书长");
	expect_role(ili, "吴敏", "head");
	expect_role(ili, "王芳", "executive_deputy");
	expect_role(ili, "张伟", "secretary");
	expect_role(ili, "李强", "deputy_secretary");
	REFUSED(ili, "'县长' is not a role a person holds (州长, 常务副州长, 副州长", "person", "add",
		"赵丽", "--title", "县长", "--role", "县长");

	fixture *changji = empty_fixture(state, "changji");
	OK(changji, "person", "add", "吴敏", "--title", "市长", "--role", "市长");
	OK(changji, "person", "add", "王芳", "--title", "副市长", "--role", "副市长");
	OK(changji, "person", "add", "赵丽", "--title", "办公室主任", "--role", "办公室主任");
	expect_role(changji, "吴敏", "head");
	expect_role(changji, "王芳", "deputy");
	expect_role(changji, "赵丽", "secretary");
	REFUSED(changji, "'州长' is not a role a person holds (市长", "person", "add", "李强",
		"--title", "州长", "--role", "州长");
}

static void test_a_unique_title_or_role_finds_its_person(void **state)
{
	fixture *f = real_names(state);
	/* A unique title. */
	json_t *person = JSON(f, "person", "show", "县长", "--json");
	assert_json_string(person, "name", "吴敏");
	json_decref(person);
	person = JSON(f, "person", "show", "财政局副局长", "--json");
	assert_json_string(person, "name", "周涛");
	json_decref(person);
	/* A role, by its Chinese name or its key, held by one person. */
	OK(f, "person", "edit", "王芳", "--title", "县委常委、常务副县长");
	person = JSON(f, "person", "show", "常务副县长", "--json");
	assert_json_string(person, "name", "王芳");
	json_decref(person);
	person = JSON(f, "person", "show", "secretary", "--json");
	assert_json_string(person, "name", "赵丽");
	json_decref(person);
	/* Any command taking a person: a meeting chaired by the head, her agenda. */
	long long id = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time",
			  "09:30", "--chair", "县长");
	assert_true(id > 0);
	json_t *agenda = JSON(f, "agenda", "--person", "县长", "--json");
	json_decref(agenda);
	char meeting[32];
	snprintf(meeting, sizeof meeting, "%lld", id);
	json_t *shown = JSON(f, "meeting", "show", meeting, "--json");
	assert_json_string(shown, "chair", "吴敏");
	json_decref(shown);
	/* An exact name comes first, even where it is someone else's title. */
	OK(f, "person", "add", "县长助理", "--title", "县长助理", "--role", "party_group");
	person = JSON(f, "person", "show", "县长助理", "--json");
	assert_json_string(person, "role", "party_group");
	json_decref(person);
}

static void test_an_ambiguous_title_or_role_is_refused_with_the_candidates(void **state)
{
	fixture *f = real_names(state);
	/* Two with the title 副县长: both named, with title and department. */
	REFUSED(f, "'副县长' fits 2 people: 张伟（副县长）、李强（副县长）; name one of them", "person",
		"show", "副县长");
	/* Two department heads by role: their departments say which. */
	REFUSED(f, "'局长' fits 2 people: 刘洋（农业农村局局长，农业农村局）、陈静（财政局局长，财政局）",
		"agenda", "--person", "局长");
	REFUSED(f, "fits 2 people", "person", "show", "department_head");
	/* Nobody at all: as before. */
	REFUSED(f, "no person '州长'", "person", "show", "州长");
}

static void test_no_longer_serving_kept_in_history_left_out_of_new_work(void **state)
{
	fixture *f = real_names(state);
	long long held = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-16",
			    "--time", "09:30", "--chair", "吴敏");
	char held_id[32];
	snprintf(held_id, sizeof held_id, "%lld", held);
	OK(f, "meeting", "invite", held_id, "--person", "周涛", "--as", "sitter_in");
	/* A deputy in charge of departments: refused until the departments move. */
	REFUSED(f, "张伟 is in charge of 农业农村局: move those departments to another deputy in charge first",
		"person", "retire", "张伟");
	OK(f, "person", "retire", "周涛");
	/* Listed only with --all, and marked; the JSON says since when. */
	run_result r = RUN(f, "person", "list");
	assert_int_equal(r.status, 0);
	assert_true(strstr(r.out, "周涛") == NULL);
	test_run_free(&r);
	r = RUN(f, "person", "list", "--all");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "周涛  财政局副局长  副局长/副主任  财政局  [no longer serving since 2026-11-23]\n");
	test_run_free(&r);
	json_t *person = JSON(f, "person", "show", "周涛", "--json");
	assert_json_string(person, "left_on", "2026-11-23");
	json_decref(person);
	person = JSON(f, "person", "show", "陈静", "--json");
	assert_null(json_object_get(person, "left_on"));
	json_decref(person);
	/* History keeps them: the meeting they attended still lists them. */
	json_t *meeting = JSON(f, "meeting", "show", held_id, "--json");
	assert_attends(meeting, "周涛", "sitter_in");
	json_decref(meeting);
	/* Nothing new: no invitation, no substitute, no deputy in charge; their title finds nobody. */
	long long next = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25",
			    "--time", "09:30");
	char next_id[32];
	snprintf(next_id, sizeof next_id, "%lld", next);
	REFUSED(f, "周涛 is no longer serving and cannot be invited", "meeting", "invite", next_id,
		"--person", "周涛");
	OK(f, "meeting", "invite", next_id, "--person", "陈静", "--as", "sitter_in");
	REFUSED(f, "周涛 is no longer serving", "leave", "request", "--meeting", next_id, "--person",
		"陈静", "--reason", "赴州财政局参加培训", "--substitute", "周涛");
	REFUSED(f, "no person '财政局副局长'", "person", "show", "财政局副局长");
	REFUSED(f, "周涛 is no longer serving", "dept", "edit", "财政局", "--deputy", "周涛");
	/* The role's other holder is now the only one: 副局长 finds 孙杰. */
	person = JSON(f, "person", "show", "副局长", "--json");
	assert_json_string(person, "name", "孙杰");
	json_decref(person);
	/* Marked twice: refused; serving again; a retired leader is no one's deputy in charge. */
	REFUSED(f, "周涛 is no longer serving already", "person", "retire", "周涛");
	OK(f, "person", "reinstate", "周涛");
	OK(f, "meeting", "invite", next_id, "--person", "周涛", "--as", "sitter_in");
	OK(f, "dept", "edit", "农业农村局", "--deputy", "李强");
	OK(f, "person", "retire", "张伟", "--on", "2026-11-20");
	REFUSED(f, "张伟 is no longer serving", "dept", "edit", "农业农村局", "--deputy", "张伟");
	person = JSON(f, "person", "show", "张伟", "--json");
	assert_json_string(person, "left_on", "2026-11-20");
	json_decref(person);
	fixture_expect_intact(f);
}

static void test_a_meeting_invites_only_those_serving(void **state)
{
	fixture *f = real_names(state);
	OK(f, "dept", "edit", "财政局", "--deputy", "张伟");
	OK(f, "person", "retire", "李强");
	long long id = OK(f, "meeting", "add", "--type", "executive", "--date", "2026-11-25", "--time",
			  "09:30");
	char meeting_id[32];
	snprintf(meeting_id, sizeof meeting_id, "%lld", id);
	json_t *meeting = JSON(f, "meeting", "show", meeting_id, "--json");
	assert_attends(meeting, "张伟", "member");
	assert_not_invited(meeting, "李强");
	/* And the checks do not ask for them. */
	json_t *findings = json_object_get(meeting, "findings");
	for (size_t i = 0; i < json_array_size(findings); i++) {
		const char *message = json_string_value(
			json_object_get(json_array_get(findings, i), "message"));
		assert_true(message == NULL || strstr(message, "李强") == NULL);
	}
	json_decref(meeting);
}

static void test_renamed_person_and_department(void **state)
{
	fixture *f = real_names(state);
	OK(f, "person", "edit", "刘洋", "--name", "刘阳");
	expect_role(f, "刘阳", "department_head");
	REFUSED(f, "no person '刘洋'", "person", "show", "刘洋");
	REFUSED(f, "the name is taken already", "person", "edit", "刘阳", "--name", "陈静");
	OK(f, "dept", "edit", "农业农村局", "--name", "农业农村和乡村振兴局");
	json_t *person = JSON(f, "person", "show", "刘阳", "--json");
	assert_json_string(person, "department", "农业农村和乡村振兴局");
	json_decref(person);
	USAGE_REFUSED(f, "say what changes", "dept", "edit", "财政局");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roles_by_the_county_titles, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_roles_by_the_prefecture_and_city_titles,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_unique_title_or_role_finds_its_person,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(
			test_an_ambiguous_title_or_role_is_refused_with_the_candidates, fixture_setup,
			fixture_teardown),
		cmocka_unit_test_setup_teardown(
			test_no_longer_serving_kept_in_history_left_out_of_new_work, fixture_setup,
			fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_meeting_invites_only_those_serving,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_renamed_person_and_department, fixture_setup,
						fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
