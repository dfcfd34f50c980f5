/* Text at the door: UTF-8 checked, and repaired where a foreign file must not be lost. */
#include "harness.h"

#include <jansson.h>
#include <stdlib.h>

#include "text.h"

#define VALID(literal) hw_utf8_valid((literal), sizeof(literal) - 1)

static void test_utf8_valid_accepts_chinese_and_refuses_malformed_bytes(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(VALID("伊吾县人民政府常务会议 09:30"));
	assert_true(VALID("\xF0\x9F\x93\x85"));     /* U+1F4C5, four bytes */
	assert_false(VALID("\xE4\xBC"));            /* 伊 cut short */
	assert_false(VALID("\xC0\xAF"));            /* an overlong '/' */
	assert_false(VALID("\xE0\x80\xAF"));        /* overlong in three bytes */
	assert_false(VALID("\xED\xA0\x80"));        /* a surrogate, U+D800 */
	assert_false(VALID("\xF4\x90\x80\x80"));    /* above U+10FFFF */
	assert_false(VALID("\xFF"));
	assert_false(VALID("a\0b"));                /* a NUL inside */
	assert_false(VALID("\x80"));                /* a lone continuation byte */
}

static void expect_repair(const char *input, size_t length, const char *expected, bool changed)
{
	bool repaired = !changed;
	char *out = hw_utf8_repair(input, length, &repaired);
	assert_non_null(out);
	assert_string_equal(out, expected);
	assert_int_equal(repaired, changed);
	assert_true(hw_utf8_valid(out, strlen(out)));
	free(out);
}

static void test_utf8_repair_replaces_each_maximal_invalid_subsequence(void **state)
{
	(void)state;
	expect_repair("会议", 6, "会议", false);
	/* The truncated 伊 (two bytes) is one replacement character, as Unicode §3.9 recommends. */
	expect_repair("a\xE4\xBC" "b", 4, "a\xEF\xBF\xBD" "b", true);
	/* C0 can start nothing: each byte is replaced on its own. */
	expect_repair("\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", true);
	expect_repair("\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", true);
	expect_repair("x\xFF", 2, "x\xEF\xBF\xBD", true);
}

/* Cleans `input` as a field of `kind` (limit 64 bytes) and expects `expected` back. */
static void expect_clean(const char *input, hw_text_kind kind, const char *expected)
{
	char buffer[64];
	hw_error error = {0};
	const char *text = input;
	if (hw_text_clean(&text, kind, "the title", buffer, sizeof buffer, &error) != 0)
		fail_msg("'%s' refused: %s", input, error.message);
	assert_ptr_equal(text, buffer);
	assert_string_equal(text, expected);
}

/* Expects `input` refused as a field of `kind`, with a message holding `needle`, and the
 * caller's pointer left as it was. */
static void expect_refused(const char *input, hw_text_kind kind, const char *needle)
{
	char buffer[64];
	hw_error error = {0};
	const char *text = input;
	if (hw_text_clean(&text, kind, "the title", buffer, sizeof buffer, &error) == 0)
		fail_msg("'%s' accepted as '%s'", input, buffer);
	assert_ptr_equal(text, input);
	assert_contains(error.message, "the title");
	assert_contains(error.message, needle);
}

static void test_clean_refuses_control_characters_in_one_line_fields(void **state)
{
	(void)state;
	expect_refused("a\x1B]0;pwned\x07", HW_TEXT_LINE, "U+001B");
	expect_refused("a\nb", HW_TEXT_LINE, "U+000A");
	expect_refused("a\rb", HW_TEXT_LINE, "U+000D");
	expect_refused("a\tb", HW_TEXT_LINE, "U+0009");
	expect_refused("a\x7F", HW_TEXT_LINE, "U+007F");
	expect_refused("a\xC2\x9B" "31m", HW_TEXT_LINE, "U+009B"); /* C1 CSI */
	expect_refused("a\nb", HW_TEXT_NAME, "U+000A");
	/* Their twins: Chinese punctuation and inner spaces are text. */
	expect_clean("常务会议、第一次", HW_TEXT_LINE, "常务会议、第一次");
	expect_clean("县政府　三楼 会议室", HW_TEXT_LINE, "县政府　三楼 会议室");
}

static void test_clean_lets_multi_line_fields_keep_line_feeds_and_tabs_only(void **state)
{
	(void)state;
	expect_clean("一、议题\n\t二、决定\n", HW_TEXT_LINES, "一、议题\n\t二、决定\n");
	expect_refused("一\r\n二", HW_TEXT_LINES, "U+000D");
	expect_refused("一\x1B[2J", HW_TEXT_LINES, "U+001B");
	/* Not trimmed: where its lines begin is the writer's. */
	expect_clean("  一", HW_TEXT_LINES, "  一");
}

static void test_clean_refuses_invalid_utf8_naming_the_field(void **state)
{
	(void)state;
	expect_refused("会\xE8", HW_TEXT_LINE, "UTF-8");
	expect_refused("\xC0\xAF", HW_TEXT_NAME, "UTF-8");
	expect_refused("\xFF", HW_TEXT_LINES, "UTF-8");
}

static void test_clean_refuses_invisible_characters_in_names_only(void **state)
{
	(void)state;
	expect_refused("县\u200B长", HW_TEXT_NAME, "U+200B"); /* zero-width space */
	expect_refused("县\u2062长", HW_TEXT_NAME, "U+2062"); /* invisible times, as in rule files */
	expect_refused("县长\u200D", HW_TEXT_NAME, "U+200D");
	expect_refused("\u2060县长", HW_TEXT_NAME, "U+2060");
	expect_refused("\uFEFF县长", HW_TEXT_NAME, "U+FEFF");
	expect_refused("县长\u202E", HW_TEXT_NAME, "U+202E"); /* right-to-left override */
	expect_refused("\u2066县长\u2069", HW_TEXT_NAME, "U+2066");
	expect_refused("县长\u200F", HW_TEXT_NAME, "U+200F");
	expect_refused("县长\u061C", HW_TEXT_NAME, "U+061C");
	expect_clean("县长", HW_TEXT_NAME, "县长");
	expect_clean("副县长（分管农业农村）", HW_TEXT_NAME, "副县长（分管农业农村）");
	/* A title is not a name: what it looks like identifies no one. */
	expect_clean("县\u200B长", HW_TEXT_LINE, "县\u200B长");
}

static void test_clean_trims_spaces_and_refuses_blank_names(void **state)
{
	(void)state;
	expect_clean("  常务会议  ", HW_TEXT_LINE, "常务会议");
	expect_clean("　县长　 ", HW_TEXT_NAME, "县长"); /* U+3000, the ideographic space */
	expect_clean("县　长", HW_TEXT_NAME, "县　长");  /* inside, it stays */
	expect_clean("   ", HW_TEXT_LINE, "");
	expect_refused("   ", HW_TEXT_NAME, "blank");
	expect_refused("　", HW_TEXT_NAME, "blank");
	expect_clean("", HW_TEXT_NAME, ""); /* the caller says what to give instead */
}

static void test_clean_measures_the_trimmed_text_against_the_limit(void **state)
{
	(void)state;
	char long_text[80];
	memset(long_text, 'x', 64);
	long_text[64] = '\0';
	expect_refused(long_text, HW_TEXT_LINE, "longer than 63 bytes");
	long_text[63] = '\0';
	expect_clean(long_text, HW_TEXT_LINE, long_text);
	char padded[96];
	snprintf(padded, sizeof padded, "  %s  ", long_text); /* 67 bytes, 63 once trimmed */
	expect_clean(padded, HW_TEXT_LINE, long_text);
	/* Not given: nothing to check, nothing copied. */
	const char *absent = NULL;
	char buffer[8];
	hw_error error = {0};
	assert_int_equal(hw_text_clean(&absent, HW_TEXT_NAME, "x", buffer, sizeof buffer, &error), 0);
	assert_null(absent);
}

static void test_json_text_repairs_instead_of_failing(void **state)
{
	(void)state;
	assert_null(json_string("会议\xE8")); /* what jansson does with bad bytes */
	json_t *value = hw_json_text("会议\xE8");
	assert_non_null(value);
	assert_string_equal(json_string_value(value), "会议\xEF\xBF\xBD");
	json_decref(value);
	value = hw_json_text("会议室");
	assert_string_equal(json_string_value(value), "会议室");
	json_decref(value);
	value = hw_json_text(NULL);
	assert_true(json_is_null(value));
	json_decref(value);
}

static void expect_visible(const char *input, bool keep_lines, const char *expected)
{
	char *out = hw_text_visible(input, strlen(input), keep_lines);
	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void test_visible_shows_controls_and_never_emits_them(void **state)
{
	(void)state;
	expect_visible("\x1B]0;pwned\x07会议室", false, "^[]0;pwned^G会议室");
	expect_visible("a\nb\tc\rd", false, "a^Jb^Ic^Md");
	expect_visible("a\nb\tc\rd", true, "a\nb\tc^Md");
	expect_visible("\x7F\xC2\x9B" "1m", true, "^?<U+009B>1m");
	expect_visible("会\xE8", true, "会\xEF\xBF\xBD");
	expect_visible("伊吾县 常务会议、第一次", false, "伊吾县 常务会议、第一次");
}

static void test_incomplete_tail_is_what_more_bytes_could_complete(void **state)
{
	(void)state;
	assert_int_equal(hw_utf8_incomplete_tail("ab", 2), 0);
	assert_int_equal(hw_utf8_incomplete_tail("a\xE4", 2), 1);     /* 伊's first byte */
	assert_int_equal(hw_utf8_incomplete_tail("a\xE4\xBC", 3), 2); /* two of three */
	assert_int_equal(hw_utf8_incomplete_tail("伊", 3), 0);          /* complete */
	assert_int_equal(hw_utf8_incomplete_tail("a\xF0\x9F\x93", 4), 3);
	assert_int_equal(hw_utf8_incomplete_tail("a\xFF", 2), 0);      /* nothing can follow */
	assert_int_equal(hw_utf8_incomplete_tail("a\xE0\x80", 3), 0); /* overlong already */
	assert_int_equal(hw_utf8_incomplete_tail("a\x80", 2), 0);      /* a lone continuation */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid_accepts_chinese_and_refuses_malformed_bytes),
		cmocka_unit_test(test_utf8_repair_replaces_each_maximal_invalid_subsequence),
		cmocka_unit_test(test_clean_refuses_control_characters_in_one_line_fields),
		cmocka_unit_test(test_clean_lets_multi_line_fields_keep_line_feeds_and_tabs_only),
		cmocka_unit_test(test_clean_refuses_invalid_utf8_naming_the_field),
		cmocka_unit_test(test_clean_refuses_invisible_characters_in_names_only),
		cmocka_unit_test(test_clean_trims_spaces_and_refuses_blank_names),
		cmocka_unit_test(test_clean_measures_the_trimmed_text_against_the_limit),
		cmocka_unit_test(test_json_text_repairs_instead_of_failing),
		cmocka_unit_test(test_visible_shows_controls_and_never_emits_them),
		cmocka_unit_test(test_incomplete_tail_is_what_more_bytes_could_complete),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
