/* The UI's text measure: Chinese takes two columns, nothing is split, cut text ends in '…'. */
#include "harness.h"

#include <locale.h>
#include <stdlib.h>

#include "text_width.h"

static int utf8_locale(void **state)
{
	(void)state;
	return setlocale(LC_CTYPE, "C.UTF-8") == NULL;
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(hw_text_width(""), 0);
	assert_int_equal(hw_text_width("abc"), 3);
	assert_int_equal(hw_text_width("常务会议"), 8);
	assert_int_equal(hw_text_width("县长（分管农业）"), 16); /* full-width brackets too */
	assert_int_equal(hw_text_width("第42条"), 6);
	assert_int_equal(hw_text_width("a\xff" "b"), 3); /* a broken byte is one column */
}

static void test_fit_without_splitting(void **state)
{
	(void)state;
	char out[64];
	/* Fits: padded to the width. */
	assert_int_equal(hw_text_fit("会议", 6, true, out, sizeof out), 6);
	assert_string_equal(out, "会议  ");
	assert_int_equal(hw_text_fit("会议", 6, false, out, sizeof out), 4);
	assert_string_equal(out, "会议");
	/* Too wide: cut with an ellipsis; the character that would straddle is left out. */
	assert_int_equal(hw_text_fit("乌恰县人民政府常务会议", 8, true, out, sizeof out), 8);
	assert_string_equal(out, "乌恰县… ");
	assert_int_equal(hw_text_fit("乌恰县人民政府常务会议", 7, true, out, sizeof out), 7);
	assert_string_equal(out, "乌恰县…");
	assert_int_equal(hw_text_fit("executive meeting", 8, false, out, sizeof out), 8);
	assert_string_equal(out, "executi…");
	/* Exactly as wide as the room: no ellipsis. */
	assert_int_equal(hw_text_fit("常务会议", 8, true, out, sizeof out), 8);
	assert_string_equal(out, "常务会议");
	/* Degenerate rooms and buffers. */
	assert_int_equal(hw_text_fit("会议", 0, true, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(hw_text_fit("会议", 1, true, out, sizeof out), 1);
	assert_string_equal(out, "…");
	char small[5];
	hw_text_fit("乌恰县人民政府", 20, true, small, sizeof small);
	assert_true(hw_text_width(small) <= 20);
	assert_true(strlen(small) < sizeof small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit_without_splitting),
	};
	return cmocka_run_group_tests_name("text_width", tests, utf8_locale, NULL);
}
