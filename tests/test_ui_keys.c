/* The UI's key table (one binding per key and view, each documented in man/huiwu.1) and its
 * line editor (whole characters, Chinese included). */
#include "harness.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "widgets.h"

static int utf8_locale(void **state)
{
	(void)state;
	return setlocale(LC_CTYPE, "C.UTF-8") == NULL;
}

static void test_no_key_means_two_things(void **state)
{
	(void)state;
	for (int a = 0; a < ui_binding_count; a++)
		for (int b = a + 1; b < ui_binding_count; b++) {
			if (!(ui_bindings[a].views & ui_bindings[b].views))
				continue;
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 3; j++)
					if (ui_bindings[a].keys[i] != 0 &&
					    ui_bindings[a].keys[i] == ui_bindings[b].keys[j])
						fail_msg("key %d bound to %s and %s", ui_bindings[a].keys[i],
							 ui_bindings[a].names, ui_bindings[b].names);
		}
}

static void test_keys_reach_their_actions(void **state)
{
	(void)state;
	assert_int_equal(ui_key_action(false, 'j', UI_IN_MONTH), UI_DOWN);
	assert_int_equal(ui_key_action(true, KEY_DOWN, UI_IN_MEETING), UI_DOWN);
	assert_int_equal(ui_key_action(false, 'q', UI_IN_AGENDA), UI_BACK);
	assert_int_equal(ui_key_action(false, 27, UI_IN_AGENDA), UI_BACK); /* Esc */
	assert_int_equal(ui_key_action(false, '?', UI_IN_QUEUES), UI_HELP);
	assert_int_equal(ui_key_action(false, '\r', UI_IN_MONTH), UI_OPEN);
	assert_int_equal(ui_key_action(false, 'a', UI_IN_MEETING), UI_APPROVE);
	/* Not bound in that view: nothing. */
	assert_int_equal(ui_key_action(false, 'a', UI_IN_MONTH), UI_NONE);
	assert_int_equal(ui_key_action(false, 'h', UI_IN_AGENDA), UI_NONE);
	assert_int_equal(ui_key_action(false, 0x5e38 /* 常 */, UI_IN_MONTH), UI_NONE);
	/* Every editing action is marked as one (read-only refuses it): those from "new meeting"
	 * on, but export and the week view's keys, which only move. */
	for (int i = 0; i < ui_binding_count; i++) {
		ui_action action = ui_bindings[i].action;
		bool moves = action < UI_NEW_MEETING || action == UI_EXPORT || action == UI_VIEW_WEEK ||
			     action == UI_PREVIOUS_WEEK || action == UI_NEXT_WEEK;
		assert_int_equal(ui_bindings[i].edits, !moves);
	}
	/* The week view: w opens it from the month and goes back from it, [ ] move a week. */
	assert_int_equal(ui_key_action(false, 'w', UI_IN_MONTH), UI_VIEW_WEEK);
	assert_int_equal(ui_key_action(false, 'w', UI_IN_WEEK), UI_VIEW_WEEK);
	assert_int_equal(ui_key_action(false, '[', UI_IN_WEEK), UI_PREVIOUS_WEEK);
	assert_int_equal(ui_key_action(false, '[', UI_IN_MONTH), UI_PREVIOUS_MONTH);
	assert_int_equal(ui_key_action(true, KEY_RIGHT, UI_IN_WEEK), UI_RIGHT);
	assert_int_equal(ui_key_action(false, '\r', UI_IN_WEEK), UI_OPEN);
}

/* The status line offers only keys that work where it shows them, each with a word. */
static void test_status_keys_are_bound_where_shown(void **state)
{
	(void)state;
	for (int i = 0; i < ui_status_key_count; i++) {
		const ui_binding *binding = ui_binding_of(ui_status_keys[i].action);
		assert_non_null(binding);
		if ((binding->views & ui_status_keys[i].views) != ui_status_keys[i].views)
			fail_msg("status key %s shown in a view where it is not bound", binding->names);
		assert_true(ui_status_keys[i].label != NULL || binding->label != NULL);
	}
}

static void test_every_key_is_documented(void **state)
{
	(void)state;
	char path[4096];
	snprintf(path, sizeof path, "%s/man/huiwu.1", getenv("HUIWU_SOURCE_ROOT"));
	FILE *file = fopen(path, "r");
	assert_non_null(file);
	static char text[200000];
	size_t length = fread(text, 1, sizeof text - 1, file);
	text[length] = '\0';
	fclose(file);
	for (int i = 0; i < ui_binding_count; i++) {
		char entry[256];
		snprintf(entry, sizeof entry, "\n.B %s\n", ui_bindings[i].names);
		if (strstr(text, entry) == NULL)
			fail_msg("man/huiwu.1 does not document the key %s", ui_bindings[i].names);
		assert_non_null(ui_bindings[i].help);
		assert_non_null(ui_binding_of(ui_bindings[i].action));
	}
}

static void typed(ui_line *line, const wchar_t *text)
{
	for (; *text; text++)
		assert_int_equal(ui_line_key(line, false, (wint_t)*text), UI_LINE_EDITING);
}

static void test_line_editor_whole_characters(void **state)
{
	(void)state;
	ui_line line;
	char out[256];
	ui_line_set(&line, "议题", sizeof out);
	typed(&line, L"常务会");
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "议题常务会");
	/* Backspace removes the last character, all three bytes of it. */
	assert_int_equal(ui_line_key(&line, true, KEY_BACKSPACE), UI_LINE_EDITING);
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "议题常务");
	/* DEL (127) and ^H are Backspace too. */
	ui_line_key(&line, false, 127);
	ui_line_key(&line, false, 8);
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "议题");
	/* Home, then Delete removes the character under the cursor; typing inserts there. */
	ui_line_key(&line, true, KEY_HOME);
	ui_line_key(&line, true, KEY_DC);
	typed(&line, L"新");
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "新题");
	/* Control characters are not text; Ctrl-U clears. */
	ui_line_key(&line, false, 1 /* Ctrl-A: to the start */);
	ui_line_key(&line, false, 7);
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "新题");
	ui_line_key(&line, false, UI_CTRL('u'));
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "");
	/* Backspace at the start changes nothing. */
	ui_line_key(&line, true, KEY_BACKSPACE);
	assert_int_equal(line.length, 0);
	assert_int_equal(ui_line_key(&line, false, '\n'), UI_LINE_ENTER);
	assert_int_equal(ui_line_key(&line, false, 27), UI_LINE_CANCEL);
	assert_int_equal(ui_line_key(&line, false, '\t'), UI_LINE_NEXT);
	assert_int_equal(ui_line_key(&line, true, KEY_BTAB), UI_LINE_PREVIOUS);
	assert_int_equal(ui_line_key(&line, false, UI_CTRL('s')), UI_LINE_SUBMIT);
}

static void test_line_editor_stops_at_its_limit(void **state)
{
	(void)state;
	ui_line line;
	char out[8];
	/* 7 bytes and the NUL: 会 (3 more bytes) does not fit after 常务, the letter does. */
	ui_line_set(&line, "", sizeof out);
	typed(&line, L"常务会a");
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "常务a");
	typed(&line, L"b");
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "常务a"); /* full: nothing more is taken, nothing is cut */
	/* Making room makes typing possible again. */
	ui_line_key(&line, true, KEY_BACKSPACE);
	typed(&line, L"b");
	ui_line_get(&line, out, sizeof out);
	assert_string_equal(out, "常务b");
}

static void test_wrap_never_splits(void **state)
{
	(void)state;
	char lines[8][512];
	int count = ui_wrap("副县长同时被安排参加会议，时间冲突", 10, lines, 8);
	assert_int_equal(count, 4);
	assert_string_equal(lines[0], "副县长同时");
	assert_string_equal(lines[3], "冲突");
	/* An odd width leaves the column empty rather than split a character. */
	count = ui_wrap("常务会议", 5, lines, 8);
	assert_int_equal(count, 2);
	assert_string_equal(lines[0], "常务");
	assert_string_equal(lines[1], "会议");
	/* Newlines end lines; the count is bounded. */
	assert_int_equal(ui_wrap("a\nb\nc", 10, lines, 2), 2);
	assert_string_equal(lines[1], "b");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_key_means_two_things),
		cmocka_unit_test(test_keys_reach_their_actions),
		cmocka_unit_test(test_every_key_is_documented),
		cmocka_unit_test(test_status_keys_are_bound_where_shown),
		cmocka_unit_test(test_line_editor_whole_characters),
		cmocka_unit_test(test_line_editor_stops_at_its_limit),
		cmocka_unit_test(test_wrap_never_splits),
	};
	return cmocka_run_group_tests(tests, utf8_locale, NULL);
}
