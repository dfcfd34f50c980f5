/* Text at the door: UTF-8 checked, and repaired where a foreign file must not be lost. */
#include "harness.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid_accepts_chinese_and_refuses_malformed_bytes),
		cmocka_unit_test(test_utf8_repair_replaces_each_maximal_invalid_subsequence),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
