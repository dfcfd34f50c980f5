/* The five rule sets load, say what their documents say, and malformed files are refused with
 * FILE:LINE. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"

static const char *const governments[] = {"ili", "kizilsu", "yiwu", "changji", "wuqia"};
#define GOVERNMENT_COUNT (sizeof governments / sizeof governments[0])

static hw_rules *load(const char *key)
{
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/rules", test_data_dir());
	hw_error error = {0};
	hw_rules *rules = hw_rules_load(directory, key, &error);
	if (rules == NULL)
		fail_msg("%s", error.message);
	return rules;
}

static const hw_type_rules *type_of(const hw_rules *rules, hw_meeting_type type)
{
	return &rules->types[type];
}

static void test_every_rule_file_loads(void **state)
{
	(void)state;
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/rules", test_data_dir());
	hw_error error = {0};
	char **keys = hw_rules_list_keys(directory, &error);
	assert_non_null(keys);
	int count = 0;
	for (char **key = keys; *key; key++, count++) {
		hw_rules *rules = load(*key);
		assert_string_equal(rules->government[HW_GOV_KEY], *key);
		assert_string_equal(rules->government[HW_GOV_TIMEZONE], "Asia/Shanghai");
		/* Every type says whether it is defined, citing the document. */
		for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++) {
			const char *clause = hw_type_clause(type_of(rules, (hw_meeting_type)t));
			assert_non_null(clause);
			assert_contains(clause, "第");
		}
		hw_rules_free(rules);
	}
	assert_int_equal(count, 5);
	hw_rules_free_keys(keys);
}

static void test_document_numbers(void **state)
{
	(void)state;
	static const char *const documents[] = {
		"伊州政规〔2023〕2号", "克孜勒苏柯尔克孜自治州人民政府工作规则", "伊政发〔2023〕112号",
		"昌市政发〔2023〕78号", "恰政发〔2024〕6号",
	};
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		assert_string_equal(rules->government[HW_GOV_DOCUMENT], documents[i]);
		hw_rules_free(rules);
	}
}

/* Yiwu (伊政发〔2023〕112号 第三十四条) has only plenary and executive meetings; the others
 * define head's office, special-topic meetings and study sessions. */
static void test_yiwu_defines_fewer_types(void **state)
{
	(void)state;
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		bool is_yiwu = strcmp(governments[i], "yiwu") == 0;
		assert_true(type_of(rules, HW_MEETING_PLENARY)->defined);
		assert_true(type_of(rules, HW_MEETING_EXECUTIVE)->defined);
		assert_true(type_of(rules, HW_MEETING_DEPT_WIDE)->defined);
		assert_int_equal(type_of(rules, HW_MEETING_OFFICE)->defined, !is_yiwu);
		assert_int_equal(type_of(rules, HW_MEETING_SPECIAL)->defined, !is_yiwu);
		assert_int_equal(type_of(rules, HW_MEETING_STUDY)->defined, !is_yiwu);
		if (is_yiwu)
			assert_string_equal(hw_type_clause(type_of(rules, HW_MEETING_OFFICE)),
					    "伊政发〔2023〕112号 第三十四条");
		hw_rules_free(rules);
	}
}

static void assert_frequency(const char *key, hw_meeting_type type, int min, int max, int months,
			     const char *clause)
{
	hw_rules *rules = load(key);
	const hw_type_rules *rules_of_type = type_of(rules, type);
	assert_true(rules_of_type->has_frequency);
	assert_int_equal(rules_of_type->frequency.min, min);
	assert_int_equal(rules_of_type->frequency.max, max);
	assert_int_equal(rules_of_type->frequency.months, months);
	assert_string_equal(rules_of_type->clauses[HW_KEY_FREQUENCY], clause);
	assert_true(rules_of_type->adhoc);
	hw_rules_free(rules);
}

static void test_executive_frequencies(void **state)
{
	(void)state;
	assert_frequency("yiwu", HW_MEETING_EXECUTIVE, 1, 1, 2, "伊政发〔2023〕112号 第三十六条");
	assert_frequency("kizilsu", HW_MEETING_EXECUTIVE, 1, 2, 1,
			 "克孜勒苏柯尔克孜自治州人民政府工作规则 第三十九条");
	assert_frequency("ili", HW_MEETING_EXECUTIVE, 2, 3, 1, "伊州政规〔2023〕2号 第二十条");
	assert_frequency("changji", HW_MEETING_EXECUTIVE, 2, 3, 1, "昌市政发〔2023〕78号 第二十条");
	assert_frequency("wuqia", HW_MEETING_EXECUTIVE, 1, 2, 1, "恰政发〔2024〕6号 第四十二条");
}

static void test_plenary_frequencies(void **state)
{
	(void)state;
	assert_frequency("changji", HW_MEETING_PLENARY, 2, 3, 12, "昌市政发〔2023〕78号 第十九条");
	assert_frequency("ili", HW_MEETING_PLENARY, 1, 2, 12, "伊州政规〔2023〕2号 第十九条");
	assert_frequency("wuqia", HW_MEETING_PLENARY, 1, 2, 12, "恰政发〔2024〕6号 第四十一条");
	/* Yiwu's article 35 sets no frequency for plenary meetings. */
	hw_rules *yiwu = load("yiwu");
	assert_false(type_of(yiwu, HW_MEETING_PLENARY)->has_frequency);
	hw_rules_free(yiwu);
}

static void test_document_deadlines(void **state)
{
	(void)state;
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		const hw_type_rules *executive = type_of(rules, HW_MEETING_EXECUTIVE);
		if (strcmp(governments[i], "yiwu") == 0) {
			assert_int_equal(executive->document_step_count, 2);
			assert_int_equal(executive->document_steps[0], 4);
			assert_int_equal(executive->document_steps[1], 3);
			assert_string_equal(executive->clauses[HW_KEY_DOCUMENT_STEPS],
					    "伊政发〔2023〕112号 第三十九条");
		} else {
			assert_int_equal(executive->document_step_count, 1);
			assert_int_equal(executive->document_steps[0], 7);
		}
		/* What each step is, as each article words it: yiwu 39 报政府办公室 then 印发,
		 * changji 22 报市长或副市长签发 (a submission, not an issue), the others 印发. */
		hw_document_step expected[2] = {HW_STEP_ISSUE, HW_STEP_ISSUE};
		if (strcmp(governments[i], "yiwu") == 0)
			expected[0] = HW_STEP_HANDOVER;
		else if (strcmp(governments[i], "changji") == 0)
			expected[0] = HW_STEP_SUBMIT;
		assert_int_equal(executive->document_step_action_count, executive->document_step_count);
		for (int s = 0; s < executive->document_step_count; s++)
			assert_int_equal(executive->document_step_actions[s], expected[s]);
		hw_rules_free(rules);
	}
}

/* Every key is enforced (a check or a refusal) or declared shown only, as man 5 huiwu-rules
 * lists them: a key added without either fails here. */
static void test_keys_shown_only_are_declared(void **state)
{
	(void)state;
	static const char *const shown_only[] = {"may_sit_in", "minutes_drafter"};
	for (int key = 0; key < HW_TYPE_KEY_COUNT; key++) {
		bool listed = false;
		for (size_t i = 0; i < sizeof shown_only / sizeof shown_only[0]; i++)
			listed |= strcmp(hw_type_key_name((hw_type_key)key), shown_only[i]) == 0;
		if (listed != hw_type_key_shown_only((hw_type_key)key))
			fail_msg("key %s: shown only is %d", hw_type_key_name((hw_type_key)key),
				 !listed);
	}
	assert_false(hw_type_key_shown_only(HW_TYPE_KEY_COUNT));
}

static void test_wuqia_executive_chair_and_members(void **state)
{
	(void)state;
	/* 恰政发〔2024〕6号 第四十二条: 由县长、副县长、政府办公室主任组成，由县长或委托分管常务工作的
	 * 副县长召集和主持. No other government lets the executive deputy chair by delegation. */
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		const hw_type_rules *executive = type_of(rules, HW_MEETING_EXECUTIVE);
		bool is_wuqia = strcmp(governments[i], "wuqia") == 0;
		assert_true(hw_role_set_has(executive->chair, HW_ROLE_HEAD));
		assert_false(hw_role_set_has(executive->chair, HW_ROLE_EXECUTIVE_DEPUTY));
		assert_int_equal(hw_role_set_has(executive->chair_by_delegation, HW_ROLE_EXECUTIVE_DEPUTY),
				 is_wuqia);
		if (is_wuqia) {
			assert_true(hw_role_set_has(executive->members, HW_ROLE_SECRETARY));
			assert_string_equal(rules->titles[HW_TITLE_SECRETARY], "政府办公室主任");
			assert_string_equal(executive->clauses[HW_KEY_CHAIR_BY_DELEGATION],
					    "恰政发〔2024〕6号 第四十二条");
		}
		hw_rules_free(rules);
	}
	/* Yiwu (第三十六条): 县长、副县长、党组成员及常务会组成部门 — not every department head. */
	hw_rules *yiwu = load("yiwu");
	const hw_type_rules *yiwu_executive = type_of(yiwu, HW_MEETING_EXECUTIVE);
	assert_true(hw_role_set_has(yiwu_executive->members, HW_ROLE_PARTY_GROUP));
	assert_true(hw_role_set_has(yiwu_executive->members, HW_ROLE_MEMBER_DEPARTMENT));
	assert_false(hw_role_set_has(yiwu_executive->members, HW_ROLE_DEPARTMENT_HEAD));
	assert_true(hw_role_set_has(type_of(yiwu, HW_MEETING_PLENARY)->members, HW_ROLE_DEPARTMENT_HEAD));
	hw_rules_free(yiwu);
	/* Changji's executive meeting is the mayor and deputy mayors only (第二十条). */
	hw_rules *changji = load("changji");
	assert_false(hw_role_set_has(type_of(changji, HW_MEETING_EXECUTIVE)->members, HW_ROLE_SECRETARY));
	hw_rules_free(changji);
}

static void test_written_leave_and_substitutes(void **state)
{
	(void)state;
	/* Kizilsu 第四十一条 and Wuqia 第四十四条: 书面请假 … 可指定副职参加; the others not. */
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		bool written = strcmp(governments[i], "kizilsu") == 0 || strcmp(governments[i], "wuqia") == 0;
		for (hw_meeting_type type = HW_MEETING_PLENARY; type <= HW_MEETING_EXECUTIVE; type++) {
			assert_int_equal(type_of(rules, type)->leave_written, written);
			assert_int_equal(type_of(rules, type)->leave_substitute, written);
		}
		assert_int_equal(type_of(rules, HW_MEETING_EXECUTIVE)->staff_limit, written ? 1 : -1);
		hw_rules_free(rules);
	}
	hw_rules *kizilsu = load("kizilsu");
	assert_string_equal(type_of(kizilsu, HW_MEETING_EXECUTIVE)->clauses[HW_KEY_LEAVE_WRITTEN],
			    "克孜勒苏柯尔克孜自治州人民政府工作规则 第四十一条");
	hw_rules_free(kizilsu);
	hw_rules *ili = load("ili");
	assert_true(hw_role_set_has(type_of(ili, HW_MEETING_EXECUTIVE)->leave_approver, HW_ROLE_CHAIR));
	hw_rules_free(ili);
}

static void test_department_wide_meetings(void **state)
{
	(void)state;
	for (size_t i = 0; i < GOVERNMENT_COUNT; i++) {
		hw_rules *rules = load(governments[i]);
		const hw_type_rules *dept = type_of(rules, HW_MEETING_DEPT_WIDE);
		bool notice = strcmp(governments[i], "ili") == 0 || strcmp(governments[i], "changji") == 0;
		assert_int_equal(dept->quota_per_year, 1);
		assert_int_equal(dept->notice_workdays, notice ? 10 : -1);
		assert_int_equal(dept->deputy_consent, !notice);
		hw_rules_free(rules);
	}
}

static void test_decision_consent_for_special_meetings(void **state)
{
	(void)state;
	/* Kizilsu 第四十三条, Wuqia 第四十六条: 决策类专题会议要报请州长/县长同意后方可召开. */
	const char *with_consent[] = {"kizilsu", "wuqia"}, *without[] = {"ili", "changji"};
	for (int i = 0; i < 2; i++) {
		hw_rules *rules = load(with_consent[i]);
		assert_true(hw_role_set_has(type_of(rules, HW_MEETING_SPECIAL)->decision_consent, HW_ROLE_HEAD));
		hw_rules_free(rules);
		rules = load(without[i]);
		assert_int_equal(type_of(rules, HW_MEETING_SPECIAL)->decision_consent, 0);
		hw_rules_free(rules);
	}
}

/* ---- malformed files ---- */

#define TEN(x) x x x x x x x x x x
#define LONG_COMMENT TEN(TEN(TEN("xxxxx"))) /* 5000 bytes */
#define MEDIUM_COMMENT TEN(TEN(TEN("xxxx"))) /* 4000 bytes */

typedef struct mutation {
	const char *description;
	const char *section; /* where to look for `find`: "[executive]" etc.; NULL: the whole file */
	const char *find;    /* a line of wuqia.ini to replace (NULL: append at the end) */
	const char *replace; /* what stands there instead ("" removes the line) */
	int expected_line;   /* 0: the line of `find`; -1: the file's last line; -4: [executive]'s document_steps */
	const char *expected_message;
} mutation;

static const mutation mutations[] = {
	{"unknown section", NULL, NULL, "[meetings]\nname = x @ 第一条\n", -1, "unknown section [meetings]"},
	{"unknown key", "[executive]", "adhoc     = yes @ 第四十二条", "adhocc = yes @ 第四十二条", 0, "unknown key 'adhocc'"},
	{"unknown key in [government]", NULL, "seat       = 乌恰县 @ 第四十七条", "seats = 乌恰县 @ 第四十七条", 0, "unknown key 'seats' in [government]"},
	{"unknown key in [titles]", NULL, "deputy           = 副县长 @ 第四条", "deputies = 副县长 @ 第四条", 0, "unknown key 'deputies' in [titles]"},
	{"bad boolean", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = maybe @ 第四十二条", 0, "adhoc: expected yes or no"},
	{"unknown role", "[executive]", "chair     = head @ 第四十二条", "chair = mayor @ 第四十二条", 0, "unknown role 'mayor'"},
	{"bad frequency", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = 3-2 per 1 months @ 第四十二条", 0, "frequency: expected"},
	{"frequency period", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = 1-2 per 5 months @ 第四十二条", 0, "dividing 12"},
	{"missing clause", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes", 0, "lacks the clause"},
	{"empty clause", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @", 0, "nothing follows '@'"},
	{"duplicate key", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @ 第四十二条\nadhoc = no @ 第四十二条", 1, "given twice"},
	{"bad number", "[executive]", "staff_limit     = 1 @ 第四十四条", "staff_limit = one @ 第四十四条", 0, "staff_limit: expected a whole number"},
	{"bad step", "[executive]", "document_steps  = 7 @ 第四十五条", "document_steps = 7, 0 @ 第四十五条", 0, "'0' is not a number of working days"},
	{"step labels", "[executive]", "document_step_labels = 印发 @ 第四十五条", "document_step_labels = 移交, 印发 @ 第四十五条", 0, "2 labels for 1 document steps"},
	{"unknown step action", "[executive]", "document_step_actions = issue @ 第四十五条", "document_step_actions = sign @ 第四十五条", 0, "unknown step 'sign' (steps: handover, submit, issue)"},
	{"step actions count", "[executive]", "document_step_actions = issue @ 第四十五条", "document_step_actions = handover, issue @ 第四十五条", 0, "2 steps for 1 document steps"},
	{"steps without actions", "[executive]", "document_step_actions = issue @ 第四十五条", "", -4, "document_steps needs document_step_actions"},
	{"steps without labels", "[executive]", "document_step_labels = 印发 @ 第四十五条", "", -4, "document_steps needs document_step_labels"},
	{"issue before hand-over", "[executive]", "document_steps  = 7 @ 第四十五条\ndocument_step_labels = 印发 @ 第四十五条\ndocument_step_actions = issue @ 第四十五条", "document_steps = 4, 3 @ 第四十五条\ndocument_step_labels = 印发, 报送 @ 第四十五条\ndocument_step_actions = issue, handover @ 第四十五条", 2, "an issue last"},
	{"key in wrong section", "[executive]", "adhoc     = yes @ 第四十二条", "quota_per_year = 1 @ 第四十二条", 0, "does not belong in [executive]"},
	{"undefined type with keys", "[special]", "defined   = yes @ 第四十六条", "defined = no @ 第四十六条", -2, "takes no other key"},
	{"missing required key", "[study]", "chair     = head @ 第五十条", "", -3, "[study] lacks the required key 'chair'"},
	{"missing section", NULL, "[dept_wide]", "[other_dept]", 0, "unknown section [other_dept]"},
	{"wrong government key", NULL, "key        = wuqia", "key = qiawu", 0, "must be the file's name"},
	{"bad level", NULL, "level      = county", "level = village", 0, "level: expected prefecture, city or county"},
	{"bad date", NULL, "issued     = 2024-03-22", "issued = 2024-02-30", 0, "issued: '2024-02-30' is not a date"},
	{"not ini", "[executive]", "adhoc     = yes @ 第四十二条", "this line has no equals sign", 0, "not an ini line"},
	{"missing title", NULL, "head             = 县长 @ 第四条", "", -1, "[titles] lacks the required key 'head'"},
	{"matters", "[executive]", "topic_agreement_required = projects, funds, staffing, rewards @ 第四十三条", "topic_agreement_required = land @ 第四十三条", 0, "unknown matter 'land'"},
	/* What would only break later: a zone glibc would take for UTC and every import refuse. */
	{"unknown time zone", NULL, "timezone   = Asia/Shanghai", "timezone = Mars/Olympus", 0, "timezone: 'Mars/Olympus' is not a time zone"},
	{"time zone path", NULL, "timezone   = Asia/Shanghai", "timezone = ../zoneinfo/Asia/Shanghai", 0, "is not a time zone"},
	{"time zone folder", NULL, "timezone   = Asia/Shanghai", "timezone = Asia", 0, "is not a time zone"},
	{"key with spaces", NULL, "key        = wuqia", "key = wu qia", 0, "is not a key"},
	{"clause without article", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @ 会议纪要", 0, "names no article"},
	{"signed frequency", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = +1-2 per 1 months @ 第四十二条", 0, "frequency: expected"},
	{"frequency with trailing text", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = 1-2 per 1 monthsx @ 第四十二条", 0, "frequency: expected"},
	{"huge frequency", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = 1-99999999999 per 1 months @ 第四十二条", 0, "frequency: expected"},
	{"matter twice", "[executive]", "topic_agreement_required = projects, funds, staffing, rewards @ 第四十三条", "topic_agreement_required = funds, funds @ 第四十三条", 0, "matter 'funds' is listed twice"},
	{"long title", NULL, "head             = 县长 @ 第四条", "head = 县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长县长 @ 第四条", 0, "a title is at most 64 bytes"},
	/* Bytes that are not text, refused at the door with their line. */
	{"invalid UTF-8", NULL, "head             = 县长 @ 第四条", "head = \xe5\x8e @ 第四条", 0, "the line is not valid UTF-8"},
	{"overlong UTF-8", NULL, "head             = 县长 @ 第四条", "head = \xc0\xae @ 第四条", 0, "the line is not valid UTF-8"},
	{"escape sequence", NULL, "head             = 县长 @ 第四条", "head = \x1b]0;x\x07县长 @ 第四条", 0, "control character U+001B"},
	{"bidi override", NULL, "head             = 县长 @ 第四条", "head = 县\xe2\x80\xae长 @ 第四条", 0, "invisible character U+202E"},
	{"byte-order mark past the start", NULL, "head             = 县长 @ 第四条", "\xef\xbb\xbfhead = 县长 @ 第四条", 0, "invisible character U+FEFF"},
	{"zero-width space", NULL, "head             = 县长 @ 第四条", "head = 县\xe2\x80\x8b长 @ 第四条", 0, "invisible character U+200B"},
	{"long line", NULL, "; Format", "; " LONG_COMMENT "\n; Format", 0, "the line is longer than 4096 bytes"},
	{"a clause for the office's own", "[executive]", "adhoc     = yes @ 第四十二条", "duration_minutes = 90 @ 第四十二条", 0, "duration_minutes is the office's own setting"},
	{"a duration not a number", "[executive]", "adhoc     = yes @ 第四十二条", "duration_minutes = long", 0, "duration_minutes: expected a whole number"},
};

/* The accepted twins of the refusals above: the same lines written as they may be. */
static const mutation accepted[] = {
	{"another time zone", NULL, "timezone   = Asia/Shanghai", "timezone = Asia/Urumqi", 0, NULL},
	{"key with _ and -", NULL, "key        = wuqia", "key = wuqia", 0, NULL},
	{"article in digits", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @ 第42条", 0, NULL},
	{"article of another document", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @ 国务院工作规则第十条", 0, NULL},
	{"singular month", "[executive]", "frequency = 1-2 per 1 months @ 第四十二条", "frequency = 1 per 1 month @ 第四十二条", 0, NULL},
	{"matters once", "[executive]", "topic_agreement_required = projects, funds, staffing, rewards @ 第四十三条", "topic_agreement_required = funds, staffing @ 第四十三条", 0, NULL},
	{"title of 64 bytes", NULL, "head             = 县长 @ 第四条", "head = 县长县长县长县长县长县长县长县长县长县长县 @ 第四条", 0, NULL},
	{"byte-order mark", NULL, "; 乌恰县人民政府工作规则", "\xef\xbb\xbf; 乌恰县人民政府工作规则", 0, NULL},
	{"tabs and CRLF", NULL, "head             = 县长 @ 第四条", "head\t=\t县长 @ 第四条\r", 0, NULL},
	{"a comment of 4000 bytes", NULL, "; Format", "; " MEDIUM_COMMENT "\n; Format", 0, NULL},
	{"the office's own duration", "[executive]", "adhoc     = yes @ 第四十二条", "adhoc = yes @ 第四十二条\nduration_minutes = 90", 0, NULL},
};

static char *wuqia_text(void)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/rules/wuqia.ini", test_data_dir());
	char *text = test_read_file(path, NULL);
	assert_non_null(text);
	return text;
}

static int line_of(const char *text, const char *position)
{
	int line = 1;
	for (const char *c = text; c < position; c++)
		line += *c == '\n';
	return line;
}

/* wuqia.ini with `m` applied; *line is the line of `find` (the header appended at the end). */
static char *mutate(const mutation *m, int *line)
{
	char *original = wuqia_text();
	char *mutated = NULL;
	if (m->find == NULL) {
		assert_true(asprintf(&mutated, "%s%s", original, m->replace) > 0);
		*line = test_count_lines(original) + 1;
	} else {
		char *from = m->section ? strstr(original, m->section) : original;
		char *found = from ? strstr(from, m->find) : NULL;
		if (found == NULL)
			fail_msg("mutation '%s': line not found", m->description);
		*line = line_of(original, found);
		size_t replaced = strlen(m->find);
		if (*m->replace == '\0' && found[replaced] == '\n')
			replaced++; /* remove the whole line */
		assert_true(asprintf(&mutated, "%.*s%s%s", (int)(found - original), original,
				     m->replace, found + replaced) > 0);
	}
	free(original);
	return mutated;
}

static void test_accepted_twins_load(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "wuqia.ini");
	for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
		int line;
		char *mutated = mutate(&accepted[i], &line);
		test_write_file(path, mutated);
		hw_error error = {0};
		hw_rules *rules = hw_rules_load_file(path, &error);
		if (rules == NULL)
			fail_msg("twin '%s' refused: %s", accepted[i].description, error.message);
		hw_rules_free(rules);
		free(mutated);
	}
	test_remove_tree(directory);
	free(path);
	free(directory);
}

static void test_malformed_files_name_file_and_line(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "wuqia.ini");
	for (size_t i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
		const mutation *m = &mutations[i];
		char *original = wuqia_text();
		char *mutated = NULL;
		int expected_line = m->expected_line;
		if (m->find == NULL) {
			assert_true(asprintf(&mutated, "%s%s", original, m->replace) > 0);
			expected_line = test_count_lines(original) + 1; /* the appended header */
		} else {
			char *from = m->section ? strstr(original, m->section) : original;
			char *found = from ? strstr(from, m->find) : NULL;
			if (found == NULL)
				fail_msg("mutation '%s': line not found", m->description);
			int line = line_of(original, found);
			size_t replaced = strlen(m->find);
			if (*m->replace == '\0' && found[replaced] == '\n')
				replaced++; /* remove the whole line */
			assert_true(asprintf(&mutated, "%.*s%s%s", (int)(found - original), original,
					     m->replace, found + replaced) > 0);
			if (expected_line >= 0)
				expected_line += line;
			else if (expected_line == -2)
				expected_line = line + 1; /* the first key after 'defined = no' */
			else if (expected_line == -4)
				expected_line = line_of(mutated, strstr(strstr(mutated, "[executive]"),
									 "document_steps"));
			else if (expected_line == -3) {
				/* the [study] header */
				expected_line = line_of(mutated, strstr(mutated, "[study]"));
			} else {
				expected_line = test_count_lines(mutated);
			}
		}
		test_write_file(path, mutated);
		hw_error error = {0};
		hw_rules *rules = hw_rules_load_file(path, &error);
		if (rules != NULL)
			fail_msg("mutation '%s' was accepted", m->description);
		char prefix[4200];
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, expected_line);
		if (strncmp(error.message, prefix, strlen(prefix)) != 0)
			fail_msg("mutation '%s': expected '%s…', got '%s'", m->description, prefix,
				 error.message);
		assert_contains(error.message, m->expected_message);
		free(mutated);
		free(original);
	}
	test_remove_tree(directory);
	free(path);
	free(directory);
}

static void test_missing_section(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "wuqia.ini");
	char *text = wuqia_text();
	*strstr(text, "[dept_wide]") = '\0';
	test_write_file(path, text);
	hw_error error = {0};
	assert_null(hw_rules_load_file(path, &error));
	char expected[4200];
	snprintf(expected, sizeof expected, "%s:%d: missing section [dept_wide]", path,
		 test_count_lines(text));
	assert_contains(error.message, expected);
	free(text);
	test_remove_tree(directory);
	free(path);
	free(directory);
}

static void test_garbage_never_crashes(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "wuqia.ini");
	static const char *const garbage[] = {
		"",
		"\n\n\n",
		"=\n",
		"[\n",
		"[government\nkey = wuqia\n",
		"key = wuqia\n",
		"[government]\n" "key = wuqia @ @ @\n",
		"\xff\xfe\x00\x01 binary",
	};
	for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++) {
		test_write_file(path, garbage[i]);
		hw_error error = {0};
		assert_null(hw_rules_load_file(path, &error));
		assert_contains(error.message, path);
	}
	/* A very long line. */
	size_t size = 100000;
	char *long_line = malloc(size + 32);
	strcpy(long_line, "[government]\nname = ");
	memset(long_line + strlen(long_line), 'x', size);
	long_line[size + 20] = '\0';
	test_write_file(path, long_line);
	hw_error error = {0};
	assert_null(hw_rules_load_file(path, &error));
	free(long_line);
	/* A missing file. */
	char *missing = test_path(directory, "none.ini");
	assert_null(hw_rules_load_file(missing, &error));
	assert_contains(error.message, "none.ini");
	free(missing);
	test_remove_tree(directory);
	free(path);
	free(directory);
}

/* Every way of cutting a real file short, and every single line dropped, either loads or is
 * refused with the file's name; under the sanitizers this also shows nothing is misread. */
static void test_damaged_copies_are_refused_cleanly(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *path = test_path(directory, "changji.ini");
	char source[4096];
	snprintf(source, sizeof source, "%s/rules/changji.ini", test_data_dir());
	size_t size;
	char *text = test_read_file(source, &size);
	assert_non_null(text);
	int refused = 0;
	for (size_t cut = 0; cut < size; cut += 7) {
		char *copy = strndup(text, cut);
		test_write_file(path, copy);
		hw_error error = {0};
		hw_rules *rules = hw_rules_load_file(path, &error);
		if (rules == NULL) {
			assert_contains(error.message, path);
			refused++;
		}
		hw_rules_free(rules);
		free(copy);
	}
	for (const char *line = text; *line; ) {
		const char *next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		char *copy = NULL;
		assert_true(asprintf(&copy, "%.*s%s", (int)(line - text), text, next) >= 0);
		test_write_file(path, copy);
		hw_error error = {0};
		hw_rules *rules = hw_rules_load_file(path, &error);
		if (rules == NULL)
			assert_contains(error.message, path);
		hw_rules_free(rules);
		free(copy);
		line = next;
	}
	assert_true(refused > 0);
	free(text);
	test_remove_tree(directory);
	free(path);
	free(directory);
}

/* A device, a FIFO, a folder or a big file is refused at once, without being read: by the
 * loader and by `huiwu rules --file`, which used to wait forever on them. */
static void test_rule_file_must_be_a_small_regular_file(void **state)
{
	(void)state;
	char *directory = test_make_temp_dir();
	char *fifo = test_path(directory, "wuqia.ini");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	const char *const not_files[] = {"/dev/zero", "/dev/urandom", fifo, directory};
	static const char *const english[] = {"LANGUAGE=", "LC_ALL=C.UTF-8", NULL};
	for (size_t i = 0; i < sizeof not_files / sizeof not_files[0]; i++) {
		hw_error error = {0};
		assert_null(hw_rules_load_file(not_files[i], &error));
		char expected[4200];
		snprintf(expected, sizeof expected, "%s: not a regular file", not_files[i]);
		assert_string_equal(error.message, expected);
		run_result r = test_run(english,
					(const char *const[]){"rules", "--file", not_files[i], NULL});
		assert_int_equal(r.status, 1);
		assert_int_equal(test_count_lines(r.err), 1);
		assert_contains(r.err, expected);
		test_run_free(&r);
	}
	assert_int_equal(unlink(fifo), 0);
	/* 2 MiB of comments: every line fine, the file over the limit. */
	size_t size = 2 * 1024 * 1024;
	char *big = malloc(size + 1);
	assert_non_null(big);
	for (size_t i = 0; i < size; i++)
		big[i] = i % 64 == 0 ? '#' : i % 64 == 63 ? '\n' : 'x';
	big[size] = '\0';
	test_write_file(fifo, big);
	hw_error error = {0};
	assert_null(hw_rules_load_file(fifo, &error));
	assert_contains(error.message, "larger than 1024 KiB");
	run_result r = test_run(english, (const char *const[]){"rules", "--file", fifo, NULL});
	assert_int_equal(r.status, 1);
	assert_contains(r.err, "larger than 1024 KiB");
	test_run_free(&r);
	/* The same comments, within the limit, before a real rule file: it loads. */
	char *text = wuqia_text();
	big[512 * 1024] = '\0';
	char *padded = NULL;
	assert_true(asprintf(&padded, "%s%s", big, text) > 0);
	test_write_file(fifo, padded);
	hw_rules *rules = hw_rules_load_file(fifo, &error);
	if (rules == NULL)
		fail_msg("%s", error.message);
	hw_rules_free(rules);
	/* And `rules --file` takes what the loader takes. */
	r = test_run(english, (const char *const[]){"rules", "--file", fifo, NULL});
	assert_int_equal(r.status, 0);
	test_run_free(&r);
	free(padded);
	free(text);
	free(big);
	test_remove_tree(directory);
	free(fifo);
	free(directory);
}

static void test_unknown_government(void **state)
{
	(void)state;
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/rules", test_data_dir());
	hw_error error = {0};
	assert_null(hw_rules_load(directory, "hami", &error));
	assert_contains(error.message, "'hami'");
	assert_contains(error.message, "changji, ili, kizilsu, wuqia, yiwu");
	assert_null(hw_rules_load(directory, "../rules/wuqia", &error));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule_file_loads),
		cmocka_unit_test(test_document_numbers),
		cmocka_unit_test(test_yiwu_defines_fewer_types),
		cmocka_unit_test(test_executive_frequencies),
		cmocka_unit_test(test_plenary_frequencies),
		cmocka_unit_test(test_keys_shown_only_are_declared),
		cmocka_unit_test(test_document_deadlines),
		cmocka_unit_test(test_wuqia_executive_chair_and_members),
		cmocka_unit_test(test_written_leave_and_substitutes),
		cmocka_unit_test(test_department_wide_meetings),
		cmocka_unit_test(test_decision_consent_for_special_meetings),
		cmocka_unit_test(test_malformed_files_name_file_and_line),
		cmocka_unit_test(test_accepted_twins_load),
		cmocka_unit_test(test_rule_file_must_be_a_small_regular_file),
		cmocka_unit_test(test_missing_section),
		cmocka_unit_test(test_garbage_never_crashes),
		cmocka_unit_test(test_damaged_copies_are_refused_cleanly),
		cmocka_unit_test(test_unknown_government),
	};
	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
