/* The command line as a clerk or a script uses it: output, exit status, and nothing changed
 * on a refusal. Each test runs the built huiwu binary. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *directory;

static int make_directory(void **state)
{
	(void)state;
	directory = test_make_temp_dir();
	return 0;
}

static int remove_directory(void **state)
{
	(void)state;
	test_remove_tree(directory);
	free(directory);
	return 0;
}

/* English messages unless a test asks for Chinese. */
static const char *const english[] = {"LANGUAGE=", "LC_ALL=C.UTF-8", NULL};

#define RUN(...) test_run(english, (const char *const[]){__VA_ARGS__, NULL})

static void test_govs_lists_the_five_governments(void **state)
{
	(void)state;
	run_result r = RUN("govs");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 5);
	assert_contains(r.out, "ili");
	assert_contains(r.out, "伊犁哈萨克自治州人民政府");
	assert_contains(r.out, "伊州政规〔2023〕2号");
	assert_contains(r.out, "克孜勒苏柯尔克孜自治州人民政府");
	assert_contains(r.out, "伊政发〔2023〕112号");
	assert_contains(r.out, "昌市政发〔2023〕78号");
	assert_contains(r.out, "恰政发〔2024〕6号");
	test_run_free(&r);
}

static void test_rules_json(void **state)
{
	(void)state;
	run_result r = RUN("rules", "yiwu", "--json");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "\"key\": \"yiwu\"");
	assert_contains(r.out, "\"document\": \"伊政发〔2023〕112号\"");
	assert_contains(r.out, "\"titles\": {");
	/* The office meeting is not defined, and says so with its clause. */
	const char *office = strstr(r.out, "\"office\": {");
	assert_non_null(office);
	assert_contains(office, "\"defined\": false");
	assert_contains(r.out, "\"frequency\": {\n        \"min\": 1,\n        \"max\": 1,\n        \"months\": 2\n      }");
	assert_contains(r.out, "\"document_steps\": [\n        4,\n        3\n      ]");
	test_run_free(&r);

	r = RUN("rules", "--json", "wuqia");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "\"chair_by_delegation\": [\n        \"executive_deputy\"\n      ]");
	assert_contains(r.out, "\"clause\": \"恰政发〔2024〕6号 第四十二条\"");
	test_run_free(&r);
}

static void test_rules_readable(void **state)
{
	(void)state;
	run_result r = RUN("rules", "changji");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "昌吉市人民政府 (changji)");
	assert_contains(r.out, "frequency: 2 to 3, a year  〔昌市政发〔2023〕78号 第十九条〕");
	test_run_free(&r);
	r = RUN("rules", "yiwu");
	assert_contains(r.out, "[office] not defined by these rules  〔伊政发〔2023〕112号 第三十四条〕");
	test_run_free(&r);
}

static void test_rules_mistakes(void **state)
{
	(void)state;
	run_result r = RUN("rules", "hami");
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "no rule set 'hami'");
	assert_string_equal(r.out, "");
	test_run_free(&r);

	/* Without a key, the rules of the database's government; without a database, say so. */
	char *missing_db = test_path(directory, "none.db");
	r = RUN("--db", missing_db, "rules");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "huiwu init --gov KEY");
	test_run_free(&r);
	free(missing_db);
	r = RUN("rules", "ili", "yiwu");
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	r = RUN("rules", "ili", "--colour");
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "--colour");
	test_run_free(&r);

	char *path = test_path(directory, "broken.ini");
	test_write_file(path, "[government]\nkey = broken\nname = 测试\nmystery = 1\n");
	r = RUN("rules", "--file", path);
	assert_int_equal(r.status, 1);
	char expected[4200];
	snprintf(expected, sizeof expected, "%s:4: unknown key 'mystery' in [government]", path);
	assert_contains(r.err, expected);
	test_run_free(&r);
	free(path);
}

static void test_workdays_is(void **state)
{
	(void)state;
	static const struct {
		const char *date;
		const char *answer;
	} days[] = {
		{"2024-02-18", "workday 春节调休上班\n"}, {"2024-02-12", "off 春节\n"},
		{"2024-02-24", "off weekend\n"},           {"2024-02-19", "workday\n"},
		{"2024-10-12", "workday 国庆节调休上班\n"}, {"2025-02-04", "off 春节\n"},
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		run_result r = RUN("workdays", "is", days[i].date);
		assert_int_equal(r.status, 0);
		assert_string_equal(r.out, days[i].answer);
		assert_string_equal(r.err, "");
		test_run_free(&r);
	}
}

static void test_workdays_add_and_between(void **state)
{
	(void)state;
	run_result r = RUN("workdays", "add", "2024-09-27", "7");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "2024-10-12\n");
	test_run_free(&r);
	r = RUN("workdays", "add", "2025-01-24", "4");
	assert_string_equal(r.out, "2025-02-06\n");
	test_run_free(&r);
	r = RUN("workdays", "add", "2024-02-19", "-1");
	assert_string_equal(r.out, "2024-02-18\n");
	test_run_free(&r);
	r = RUN("workdays", "between", "2024-09-27", "2024-10-12");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "7\n");
	test_run_free(&r);
}

static void test_workdays_without_data_say_so(void **state)
{
	(void)state;
	/* 2027's arrangement is not published: its statutory days are provisional days off. */
	run_result r = RUN("workdays", "is", "2027-10-01");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "off 国庆节 (provisional statutory holiday: this year's "
				   "arrangement is not published yet)\n");
	assert_contains(r.err, "the 2027 holiday arrangement is not published yet");
	assert_int_equal(test_count_lines(r.err), 1);
	test_run_free(&r);
	r = RUN("workdays", "is", "2027-10-08");
	assert_string_equal(r.out, "workday\n"); /* a Friday, no make-up days known */
	assert_contains(r.err, "make-up working days unknown");
	test_run_free(&r);
	/* Three working days after 2026-12-30 step over the provisional 元旦. */
	r = RUN("workdays", "add", "2026-12-30", "3");
	assert_string_equal(r.out, "2027-01-05\n");
	assert_contains(r.err, "may move when the notice is published");
	test_run_free(&r);
	r = RUN("workdays", "add", "2026-12-01", "3");
	assert_string_equal(r.err, "");
	test_run_free(&r);
	/* Beyond the table of lunar dates: Monday to Friday, and said so. */
	r = RUN("workdays", "is", "2036-01-01");
	assert_string_equal(r.out, "workday\n");
	assert_contains(r.err, "no holiday data for 2036");
	test_run_free(&r);
}

static void test_workdays_mistakes(void **state)
{
	(void)state;
	run_result r = RUN("workdays", "is", "2025-02-29");
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "'2025-02-29' is not a date");
	test_run_free(&r);
	r = RUN("workdays", "add", "2025-01-01", "seven");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "'seven'");
	test_run_free(&r);
	r = RUN("workdays", "is");
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	r = RUN("workdays", "when", "2025-01-01");
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	r = RUN("workdays", "list", "--from", "2025-01-26", "--to", "2025-01-01");
	assert_int_equal(r.status, 1);
	test_run_free(&r);
}

static void test_workdays_list(void **state)
{
	(void)state;
	run_result r = RUN("workdays", "list", "--from", "2025-01-26", "--to", "2025-02-08");
	assert_int_equal(r.status, 0);
	assert_int_equal(test_count_lines(r.out), 14);
	assert_contains(r.out, "2025-01-26 Sun  workday 春节调休上班\n");
	assert_contains(r.out, "2025-01-28 Tue  off 春节\n");
	assert_contains(r.out, "2025-02-05 Wed  workday\n");
	test_run_free(&r);
}

static void test_init_creates_the_database(void **state)
{
	(void)state;
	char *db = test_path(directory, "office/huiwu.db");
	run_result r = RUN("--db", db, "init", "--gov", "kizilsu");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "克孜勒苏柯尔克孜自治州人民政府");
	test_run_free(&r);
	char *content = test_read_file(db, NULL);
	assert_non_null(content);
	free(content);

	r = RUN("--db", db, "rules");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "克孜勒苏柯尔克孜自治州人民政府 (kizilsu)");
	test_run_free(&r);

	/* A second init is refused and leaves the first government. */
	r = RUN("--db", db, "init", "--gov", "wuqia");
	assert_int_equal(r.status, 1);
	assert_int_equal(test_count_lines(r.err), 1);
	assert_contains(r.err, "already set up for 'kizilsu'");
	test_run_free(&r);
	free(db);
}

static void test_init_mistakes_change_nothing(void **state)
{
	(void)state;
	char *db = test_path(directory, "never.db");
	run_result r = RUN("--db", db, "init", "--gov", "urumqi");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "no rule set 'urumqi'");
	test_run_free(&r);
	assert_null(test_read_file(db, NULL));
	r = RUN("--db", db, "init");
	assert_int_equal(r.status, 2);
	test_run_free(&r);
	assert_null(test_read_file(db, NULL));
	free(db);
}

static void test_database_location(void **state)
{
	(void)state;
	char *db = test_path(directory, "from-env.db");
	char *env_db = NULL, *env_xdg = NULL;
	assert_true(asprintf(&env_db, "HUIWU_DB=%s", db) > 0);
	const char *const env[] = {"LANGUAGE=", "LC_ALL=C.UTF-8", env_db, NULL};
	run_result r = test_run(env, (const char *const[]){"init", "--gov", "ili", NULL});
	assert_int_equal(r.status, 0);
	assert_contains(r.out, db);
	test_run_free(&r);
	assert_true(asprintf(&env_xdg, "XDG_DATA_HOME=%s/xdg", directory) > 0);
	const char *const xdg[] = {"LANGUAGE=", "LC_ALL=C.UTF-8", "HUIWU_DB=", env_xdg, NULL};
	r = test_run(xdg, (const char *const[]){"init", "--gov", "changji", NULL});
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "/xdg/huiwu/huiwu.db");
	test_run_free(&r);
	free(env_db);
	free(env_xdg);
	free(db);
}

static void test_usage(void **state)
{
	(void)state;
	run_result r = RUN("frobnicate");
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "unknown command 'frobnicate'");
	test_run_free(&r);
	r = RUN("help");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "workdays");
	test_run_free(&r);
}

static void test_messages_in_chinese(void **state)
{
	(void)state;
	/* LANGUAGE picks the zh_CN catalogue under any locale but plain C; C.UTF-8 is always there. */
	const char *const chinese[] = {"LANGUAGE=zh_CN", "LC_ALL=C.UTF-8", NULL};
	run_result r = test_run(chinese, (const char *const[]){"rules", "hami", NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "没有规则集“hami”");
	test_run_free(&r);
	r = test_run(chinese, (const char *const[]){"workdays", "is", "2027-01-05", NULL});
	assert_string_equal(r.out, "workday\n"); /* what scripts read stays as it is */
	assert_contains(r.err, "2027年节假日安排尚未发布");
	test_run_free(&r);
	r = test_run(chinese, (const char *const[]){"rules", "yiwu", NULL});
	assert_contains(r.out, "[office] 本规则未规定此类会议");
	assert_contains(r.out, "组成人员: 县长, 常务副县长, 副县长");
	test_run_free(&r);
}

/* A zh_CN request speaks Chinese whether or not that locale is generated (the test machine
 * has only C.UTF-8); another language's request stays English. */
static void test_chinese_without_the_locale(void **state)
{
	(void)state;
	const char *const lang_only[] = {"LANGUAGE=", "LC_ALL=", "LC_MESSAGES=",
					 "LANG=zh_CN.UTF-8", NULL};
	run_result r = test_run(lang_only, (const char *const[]){"rules", "hami", NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "没有规则集“hami”");
	test_run_free(&r);
	const char *const language_only[] = {"LANGUAGE=zh_CN", "LC_ALL=", "LC_MESSAGES=", "LANG=",
					     NULL};
	r = test_run(language_only, (const char *const[]){"rules", "hami", NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "没有规则集“hami”");
	test_run_free(&r);
	const char *const messages_only[] = {"LANGUAGE=", "LC_ALL=", "LC_MESSAGES=zh_CN.UTF-8",
					     "LANG=", NULL};
	r = test_run(messages_only, (const char *const[]){"rules", "hami", NULL});
	assert_contains(r.err, "没有规则集“hami”");
	test_run_free(&r);
	const char *const english_lang[] = {"LANGUAGE=", "LC_ALL=", "LC_MESSAGES=",
					    "LANG=en_US.UTF-8", NULL};
	r = test_run(english_lang, (const char *const[]){"rules", "hami", NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "no rule set 'hami'");
	assert_null(strstr(r.err, "规则集"));
	test_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_govs_lists_the_five_governments),
		cmocka_unit_test(test_rules_json),
		cmocka_unit_test(test_rules_readable),
		cmocka_unit_test(test_rules_mistakes),
		cmocka_unit_test(test_workdays_is),
		cmocka_unit_test(test_workdays_add_and_between),
		cmocka_unit_test(test_workdays_without_data_say_so),
		cmocka_unit_test(test_workdays_mistakes),
		cmocka_unit_test(test_workdays_list),
		cmocka_unit_test(test_init_creates_the_database),
		cmocka_unit_test(test_init_mistakes_change_nothing),
		cmocka_unit_test(test_database_location),
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_messages_in_chinese),
		cmocka_unit_test(test_chinese_without_the_locale),
	};
	return cmocka_run_group_tests_name("cli", tests, make_directory, remove_directory);
}
