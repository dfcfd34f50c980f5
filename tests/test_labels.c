/* People read labels, scripts read keys (issue 13, point 4): every finding code has a label
 * of its own; matters are accepted by their labels (资金) and kept as keys (funds) in --json;
 * no message of the core or calendar layers names a command-line flag (the terminal UI shows
 * them too: the command line adds its flag); and under zh_CN the command line's human output
 * says the states, days and levels in Chinese while --json keeps the keys. */
#include "fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "rules.h"
#include "rules_text.h"
#include "topics.h"

#define TODAY "2026-11-23"

/* Runs huiwu on the fixture's database under LANGUAGE=zh_CN (the arguments end with NULL). */
static run_result run_chinese(const fixture *f, const char *const *args)
{
	const char *const env[] = {f->env_db, f->env_today, "LANGUAGE=zh_CN", "LC_ALL=C.UTF-8",
				   NULL};
	return test_run(env, args);
}

#define CHINESE(f, ...) run_chinese((f), (const char *const[]){__VA_ARGS__, NULL})

static void assert_lacks(const char *text, const char *unwanted)
{
	if (strstr(text, unwanted) != NULL)
		fail_msg("found \"%s\" in:\n%s", unwanted, text);
}

/* ---- finding codes ---- */

static void test_every_finding_code_has_a_label_of_its_own(void **state)
{
	(void)state;
	int count = hw_finding_code_count();
	assert_true(count >= 22); /* the codes man/huiwu.1 lists */
	for (int i = 0; i < count; i++) {
		const char *code = hw_finding_code_at(i);
		assert_non_null(code);
		assert_true(hw_finding_code_known(code));
		const char *label = hw_finding_label(code);
		if (label == NULL || label[0] == '\0')
			fail_msg("the finding code %s has no label (src/core/checks.c)", code);
		if (strcmp(label, code) == 0)
			fail_msg("the label of %s is the code itself", code);
		for (int j = 0; j < i; j++)
			if (strcmp(label, hw_finding_label(hw_finding_code_at(j))) == 0)
				fail_msg("%s and %s share the label '%s'", code,
					 hw_finding_code_at(j), label);
	}
	assert_null(hw_finding_code_at(count));
	assert_null(hw_finding_code_at(-1));
	assert_null(hw_finding_label("FREQ_OVRE"));
	assert_null(hw_finding_label(NULL));
}

static void test_check_prints_code_and_chinese_label_json_keeps_the_code(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	long long meeting = fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	char id[32];
	snprintf(id, sizeof id, "%lld", meeting);
	OK(f, "topic", "add", "--title", "乡村振兴项目", "--studied", "2026-11-20", "--meeting", id);

	run_result r = CHINESE(f, "check", "--from", "2026-11-26", "--to", "2026-11-26");
	assert_int_equal(r.status, 0);
	/* The code stays for scripts that read this output; the label is beside it. */
	assert_contains(r.out, "TOPIC_NOT_APPROVED 议题未经批准");
	assert_contains(r.out, "错误 TOPIC_NOT_APPROVED");
	assert_lacks(r.out, "error ");
	test_run_free(&r);

	r = CHINESE(f, "meeting", "show", id);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "TOPIC_NOT_APPROVED 议题未经批准");
	assert_contains(r.out, "[已列入议程]");
	assert_lacks(r.out, "[scheduled]");
	test_run_free(&r);

	json_t *findings = JSON(f, "check", "--from", "2026-11-26", "--to", "2026-11-26", "--json");
	bool found = false;
	size_t i;
	json_t *item;
	json_array_foreach(findings, i, item)
		if (strcmp(json_string_value(json_object_get(item, "code")), "TOPIC_NOT_APPROVED") == 0) {
			found = true;
			assert_json_string(item, "severity", "error");
		}
	assert_true(found);
	json_decref(findings);
}

/* ---- matters ---- */

static void test_matters_are_accepted_by_their_labels(void **state)
{
	(void)state;
	/* In-process the catalogue is not bound: the English labels, and the keys. */
	for (int m = 0; m < HW_MATTER_COUNT; m++) {
		const char *label = hw_matter_label((hw_matter)m);
		assert_true(label[0] != '\0');
		unsigned set = 0;
		hw_error error = {0};
		assert_int_equal(hw_parse_matters(hw_matter_key((hw_matter)m), &set, &error), 0);
		assert_int_equal(set, 1u << m);
	}
	char accepted[256];
	hw_matters_accepted(accepted, sizeof accepted);
	unsigned set = 0;
	hw_error error = {0};
	assert_int_equal(hw_parse_matters(accepted, &set, &error), 0);
	assert_int_equal(set, (1u << HW_MATTER_COUNT) - 1);
	assert_int_equal(hw_parse_matters("money", &set, &error), -1);
	assert_contains(error.message, "unknown matter 'money'");
}

static void test_cli_accepts_chinese_matters_and_keeps_keys_in_json(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	run_result r = CHINESE(f, "topic", "add", "--title", "资金议题", "--matters", "资金、人员编制，奖惩");
	assert_int_equal(r.status, 0);
	long long id = strtoll(r.out, NULL, 10);
	test_run_free(&r);
	char text[32];
	snprintf(text, sizeof text, "%lld", id);
	json_t *topic = JSON(f, "topic", "show", text, "--json");
	assert_strings(json_object_get(topic, "matters"), STRINGS("funds", "staffing", "rewards"));
	json_decref(topic);

	/* The keys still work under zh_CN, for scripts. */
	r = CHINESE(f, "topic", "edit", text, "--matters", "projects 资金");
	assert_int_equal(r.status, 0);
	test_run_free(&r);
	topic = JSON(f, "topic", "show", text, "--json");
	assert_strings(json_object_get(topic, "matters"), STRINGS("projects", "funds"));
	json_decref(topic);

	/* A refusal lists what to type, in Chinese only. */
	r = CHINESE(f, "topic", "add", "--title", "钱的议题", "--matters", "钱");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "未知事项“钱”：可填 项目、资金、人员编制、奖惩");
	assert_lacks(r.err, "funds");
	test_run_free(&r);
}

/* ---- no command-line flag nor command in a core message ---- */

/* Messages that do name a flag or a command on purpose: each is about starting huiwu or a
 * command that only the command line has, never something the terminal UI shows. */
static const char *const allowed[] = {
	"say it as 'huiwu log --head'",        /* log --verify --head: the command line's own */
	"run 'huiwu log --verify'",            /* a broken audit log: before anything else */
	"neither --db, HUIWU_DB",              /* where the database is: before the UI starts */
	"once without --read-only",            /* an old database opened read-only */
	"create one with 'huiwu init --gov KEY'", /* no database yet: before the UI starts */
	"run 'huiwu init --gov",               /* a database without a government */
	"(import it as --busy)",               /* import ics: the command line's own */
	"(see 'huiwu govs')",                  /* no database yet, as above */
	"# Written by 'huiwu holidays import'", /* a comment in the holiday file it writes */
	/* Left to the roster's own change (src/core/roster.c, hw_department_find and
	 * hw_person_find, which finding people by title rewrites): */
	"(see 'huiwu dept list')",
	"(see 'huiwu person list')",
};

static bool allowed_message(const char *message)
{
	for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++)
		if (strstr(message, allowed[i]) != NULL)
			return true;
	return false;
}

/* Whether `message` names a flag: "--" before a letter, not inside a word (a space, a quote,
 * a parenthesis or a Chinese character before it). */
static bool names_a_flag(const char *message)
{
	/* A command to run is the command line's too: the core leaves it to hw_error.option. */
	if (strstr(message, "'huiwu ") != NULL)
		return true;
	for (const char *p = strstr(message, "--"); p; p = strstr(p + 2, "--")) {
		unsigned char before = p == message ? ' ' : (unsigned char)p[-1];
		bool in_word = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
			       (before >= '0' && before <= '9') || before == '-';
		if (!in_word && p[2] >= 'a' && p[2] <= 'z')
			return true;
	}
	return false;
}

/* Reads every string literal in `path`, adjacent ones joined as the compiler joins them: the
 * messages in _("…"), and the findings' Chinese messages, which quote the rules untranslated. */
static int scan_file(const char *path, char *report, size_t size)
{
	FILE *file = fopen(path, "r");
	if (file == NULL)
		fail_msg("cannot read %s", path);
	fseek(file, 0, SEEK_END);
	long length = ftell(file);
	rewind(file);
	char *text = malloc((size_t)length + 1);
	assert_non_null(text);
	size_t got = fread(text, 1, (size_t)length, file);
	text[got] = '\0';
	fclose(file);
	int found = 0;
	for (const char *p = strchr(text, '"'); p; p = strchr(p, '"')) {
		if (p > text && p[-1] == '\'') { /* the character '"' */
			p++;
			continue;
		}
		char message[4096];
		size_t used = 0;
		const char *q = p;
		while (*q == '"') {
			for (q++; *q && *q != '"'; q++) {
				if (*q == '\\' && q[1])
					q++;
				if (used + 1 < sizeof message)
					message[used++] = *q;
			}
			if (*q == '"')
				q++;
			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
		}
		message[used] = '\0';
		if (names_a_flag(message) && !allowed_message(message)) {
			size_t at = strlen(report);
			snprintf(report + at, size - at, "\n%s: \"%s\"", path, message);
			found++;
		}
		p = q;
	}
	free(text);
	return found;
}

static void test_core_messages_name_no_command_line_flag(void **state)
{
	(void)state;
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	assert_non_null(root);
	/* The files of the core and calendar layers with messages: po/POTFILES lists them all
	 * (the translations test checks that). */
	char list[4096];
	snprintf(list, sizeof list, "%s/po/POTFILES", root);
	FILE *potfiles = fopen(list, "r");
	assert_non_null(potfiles);
	char line[512], report[16384] = "";
	int files = 0, found = 0;
	while (fgets(line, sizeof line, potfiles)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "src/core/", 9) != 0 && strncmp(line, "src/cal/", 8) != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", root, line);
		found += scan_file(path, report, sizeof report);
		files++;
	}
	fclose(potfiles);
	assert_true(files >= 20);
	if (found)
		fail_msg("%d core messages name a command-line flag:%s", found, report);
	/* The scanner itself finds what it looks for. */
	assert_true(names_a_flag("say why with --reason"));
	assert_true(names_a_flag("(--adhoc)"));
	assert_true(names_a_flag("请注明事由（--adhoc）"));
	assert_false(names_a_flag("2026-11-23 -- a dash"));
	assert_false(names_a_flag("FREQ=MONTHLY"));
	assert_true(names_a_flag("correct them with 'huiwu minutes amend'"));
}

static void test_the_cli_adds_the_flag_the_core_leaves_out(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	/* A refusal that can be overridden: the core says so, the command line names --force. */
	run_result r = RUN(f, "series", "add", "--type", "plenary", "--rrule", "FREQ=WEEKLY", "--time",
			   "09:30", "--from", "2027-03-01", "--count", "5");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "nothing was created (add --force to do it anyway)");
	test_run_free(&r);
	r = CHINESE(f, "leave", "request", "--meeting", "1", "--person", "副职甲");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "请说明请假事由（--reason）");
	test_run_free(&r);
	r = CHINESE(f, "meeting", "show", "99");
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "没有会议 #99（参见 'huiwu meeting list'）");
	test_run_free(&r);
}

/* ---- the command line's words under zh_CN ---- */

static void test_cli_human_output_in_chinese_json_keeps_keys(void **state)
{
	fixture *f = fixture_in_test(state, "wuqia", TODAY);
	long long meeting = fixture_add_meeting(f, "executive", "2026-11-26", NULL, NULL);
	char id[32];
	snprintf(id, sizeof id, "%lld", meeting);
	OK(f, "topic", "add", "--title", "冬季供暖", "--meeting", id);
	OK(f, "leave", "request", "--meeting", id, "--person", "副职甲", "--reason", "出差");

	run_result r = CHINESE(f, "workdays", "list", "--from", "2026-12-31", "--to", "2027-01-03");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "2026-12-31 周四  工作日\n");
	assert_contains(r.out, "2027-01-02 周六  休息 周末\n");
	assert_lacks(r.out, "workday");
	assert_lacks(r.out, "weekend");
	test_run_free(&r);
	/* What scripts read stays as it is. */
	r = CHINESE(f, "workdays", "is", "2026-12-31");
	assert_string_equal(r.out, "workday\n");
	test_run_free(&r);

	r = CHINESE(f, "rules");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "层级: 县级");
	assert_lacks(r.out, "county");
	assert_lacks(r.out, "head=");
	test_run_free(&r);
	json_t *rules = JSON(f, "rules", "--json");
	assert_json_string(rules, "level", "county");
	json_decref(rules);

	r = CHINESE(f, "topic", "list");
	assert_contains(r.out, "[已列入议程]");
	assert_lacks(r.out, "[scheduled]");
	test_run_free(&r);
	r = CHINESE(f, "agenda");
	assert_contains(r.out, "[已列入议程]");
	assert_lacks(r.out, "[scheduled]");
	test_run_free(&r);
	json_t *topics = JSON(f, "topic", "list", "--json");
	assert_json_string(json_array_get(topics, 0), "state", "scheduled");
	json_decref(topics);

	r = CHINESE(f, "leave", "list");
	assert_contains(r.out, "[待审批]");
	assert_lacks(r.out, "[pending]");
	test_run_free(&r);
	json_t *leave = JSON(f, "leave", "list", "--json");
	assert_json_string(json_array_get(leave, 0), "state", "pending");
	json_decref(leave);

	OK(f, "series", "add", "--type", "study", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=28", "--time",
	   "16:00", "--from", "2027-01-01", "--count", "2", "--on-holiday", "next", "--force");
	r = CHINESE(f, "series", "list");
	assert_contains(r.out, "遇休息日：顺延至下一个工作日");
	assert_lacks(r.out, "next");
	assert_lacks(r.out, " study ");
	test_run_free(&r);
	json_t *series = JSON(f, "series", "list", "--json");
	assert_json_string(json_array_get(series, 0), "on_holiday", "next");
	assert_json_string(json_array_get(series, 0), "type", "study");
	json_decref(series);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_finding_code_has_a_label_of_its_own),
		cmocka_unit_test_setup_teardown(test_check_prints_code_and_chinese_label_json_keeps_the_code,
						fixture_setup, fixture_teardown),
		cmocka_unit_test(test_matters_are_accepted_by_their_labels),
		cmocka_unit_test_setup_teardown(test_cli_accepts_chinese_matters_and_keeps_keys_in_json,
						fixture_setup, fixture_teardown),
		cmocka_unit_test(test_core_messages_name_no_command_line_flag),
		cmocka_unit_test_setup_teardown(test_the_cli_adds_the_flag_the_core_leaves_out,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_cli_human_output_in_chinese_json_keeps_keys,
						fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
