/* The multi-line editor the minutes are written in: a list of lines, the current one edited
 * by the prompts' line editor (ui_line: whole characters, Chinese included), the others
 * drawn as they are. Minutes are numbered items as the governments write them (一、二、… or
 * 1. 2. …): Enter starts the next item with its number; Enter on a line holding only a number
 * ends the numbering. With $VISUAL or $EDITOR set, the user's own editor runs on a temporary
 * file instead, with the terminal handed over to it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "i18n.h"
#include "ui.h"
#include "widgets.h"

#define ESC 27

extern char **environ;

/* ---- numbered items ---- */

static const wchar_t chinese_digits[] = L"零一二三四五六七八九";

/* The item number a line starts with and how long its mark is, in characters ("十二、" is
 * 12 and 3); `chinese` tells the style. 0 when the line starts with no mark. */
static int item_number(const wchar_t *text, int length, int *mark, bool *chinese)
{
	int i = 0, value = 0;
	if (length > 0 && text[0] >= L'0' && text[0] <= L'9') {
		while (i < length && i < 3 && text[i] >= L'0' && text[i] <= L'9')
			value = value * 10 + (int)(text[i++] - L'0');
		if (i < length && (text[i] == L'.' || text[i] == L'、' || text[i] == L'．') && value > 0) {
			*mark = i + 1;
			*chinese = false;
			return value;
		}
		return 0;
	}
	int tens = -1, units = 0;
	for (; i < length && i < 3; i++) {
		const wchar_t *digit = wcschr(chinese_digits + 1, text[i]);
		if (text[i] == L'十' && tens < 0) {
			tens = units ? units : 1;
			units = 0;
		} else if (digit != NULL && text[i] != L'\0' && units == 0) {
			units = (int)(digit - chinese_digits);
		} else {
			break;
		}
	}
	value = (tens > 0 ? tens * 10 : 0) + units;
	if (i == 0 || value == 0 || i >= length || text[i] != L'、')
		return 0;
	*mark = i + 1;
	*chinese = true;
	return value;
}

/* The mark of item `number` (1 to 99) in the style asked for: "十二、" or "12. ". */
static void item_mark(int number, bool chinese, wchar_t *out, size_t size)
{
	if (!chinese) {
		swprintf(out, size, L"%d. ", number);
		return;
	}
	wchar_t text[8];
	int n = 0, tens = number / 10, units = number % 10;
	if (tens > 1)
		text[n++] = chinese_digits[tens];
	if (tens > 0)
		text[n++] = L'十';
	if (units > 0)
		text[n++] = chinese_digits[units];
	text[n++] = L'、';
	text[n] = L'\0';
	swprintf(out, size, L"%ls", text);
}

/* ---- the text as lines ---- */

typedef struct editor {
	char **lines; /* UTF-8, the current one as it was when loaded */
	int count, capacity;
	int row;      /* the current line */
	int top;      /* the first line shown */
	size_t size;  /* the whole text's limit in bytes, NUL included */
	ui_line current;
} editor;

static bool insert_line(editor *e, int at, const char *text)
{
	if (e->count == e->capacity) {
		int capacity = e->capacity ? e->capacity * 2 : 32;
		char **lines = realloc(e->lines, (size_t)capacity * sizeof *lines);
		if (lines == NULL)
			return false;
		e->lines = lines;
		e->capacity = capacity;
	}
	char *copy = strdup(text);
	if (copy == NULL)
		return false;
	memmove(&e->lines[at + 1], &e->lines[at], (size_t)(e->count - at) * sizeof *e->lines);
	e->lines[at] = copy;
	e->count++;
	return true;
}

static void remove_line(editor *e, int at)
{
	free(e->lines[at]);
	memmove(&e->lines[at], &e->lines[at + 1], (size_t)(e->count - at - 1) * sizeof *e->lines);
	e->count--;
}

/* The bytes every line but the current takes, with the line feeds between all of them. */
static size_t other_bytes(const editor *e)
{
	size_t total = (size_t)(e->count - 1);
	for (int i = 0; i < e->count; i++)
		if (i != e->row)
			total += strlen(e->lines[i]);
	return total;
}

/* Puts the current line's text back in its slot; false when out of memory. */
static bool store_current(editor *e)
{
	char text[UI_LINE_MAX * 4];
	ui_line_get(&e->current, text, sizeof text);
	char *copy = strdup(text);
	if (copy == NULL)
		return false;
	free(e->lines[e->row]);
	e->lines[e->row] = copy;
	return true;
}

/* Makes line `row` the current one, the cursor at `cursor` characters (clamped). The line may
 * take what the others leave of the limit, so that the whole text always fits. */
static void load_current(editor *e, int row, int cursor)
{
	e->row = row;
	size_t others = other_bytes(e);
	ui_line_set(&e->current, e->lines[row], e->size > others ? e->size - others : 1);
	if (cursor >= 0 && cursor < e->current.length)
		e->current.cursor = cursor;
}

static void join_text(const editor *e, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < e->count; i++)
		used += (size_t)snprintf(out + used, used < size ? size - used : 0, "%s%s", i ? "\n" : "",
					 e->lines[i]);
}

static void free_lines(editor *e)
{
	for (int i = 0; i < e->count; i++)
		free(e->lines[i]);
	free(e->lines);
	e->lines = NULL;
	e->count = e->capacity = 0;
}

/* The bytes of a line's text in UTF-8. */
static size_t wide_bytes(const wchar_t *text, size_t count)
{
	size_t total = 0;
	char buffer[16];
	mbstate_t state = {0};
	for (size_t i = 0; i < count; i++) {
		size_t length = wcrtomb(buffer, text[i], &state);
		total += length == (size_t)-1 ? 1 : length;
	}
	return total;
}

/* Enter: the text after the cursor goes to a new line below, which starts with the next
 * item's number when this line has one (and the number fits the limit). On a line that is
 * only a number, the number goes instead. */
static void new_line(editor *e)
{
	ui_line *line = &e->current;
	int mark = 0;
	bool chinese = false;
	int number = item_number(line->text, line->length, &mark, &chinese);
	if (number && mark == line->length && line->cursor == line->length) {
		line->length = line->cursor = 0;
		line->text[0] = L'\0';
		return;
	}
	size_t total = other_bytes(e) + wide_bytes(line->text, (size_t)line->length);
	if (total + 1 + 1 > e->size) { /* not even the line feed fits */
		beep();
		return;
	}
	wchar_t next[16] = L"";
	int rest_mark = 0;
	bool rest_chinese;
	/* No number when the rest of the line has one already (the Enter undoes a join). */
	if (number && number < 99 && line->cursor >= mark &&
	    !item_number(line->text + line->cursor, line->length - line->cursor, &rest_mark,
			 &rest_chinese))
		item_mark(number + 1, chinese, next, sizeof next / sizeof next[0]);
	size_t next_length = wcslen(next);
	if (total + 1 + wide_bytes(next, next_length) + 1 > e->size)
		next_length = 0;
	/* The new line: the number, then the rest of this line. */
	static ui_line rest; /* 16 KiB: not on the stack */
	wmemcpy(rest.text, next, next_length);
	wmemcpy(rest.text + next_length, line->text + line->cursor,
		(size_t)(line->length - line->cursor) + 1);
	rest.length = (int)next_length + line->length - line->cursor;
	line->length = line->cursor;
	line->text[line->length] = L'\0';
	char below[UI_LINE_MAX * 4];
	ui_line_get(&rest, below, sizeof below);
	if (!store_current(e) || !insert_line(e, e->row + 1, below)) {
		beep();
		return;
	}
	load_current(e, e->row + 1, (int)next_length);
}

/* Backspace at a line's start joins it to the line above; Delete at its end, the one below. */
static void join_lines(editor *e, bool with_previous)
{
	if (!store_current(e))
		return;
	int upper = with_previous ? e->row - 1 : e->row;
	if (upper < 0 || upper + 1 >= e->count)
		return;
	size_t a = strlen(e->lines[upper]), b = strlen(e->lines[upper + 1]);
	char *joined = malloc(a + b + 1);
	if (joined == NULL)
		return;
	memcpy(joined, e->lines[upper], a);
	memcpy(joined + a, e->lines[upper + 1], b + 1);
	/* Where the cursor goes: after the upper line's characters. */
	ui_line measure;
	ui_line_set(&measure, e->lines[upper], UI_LINE_MAX * 4);
	int cursor = measure.length;
	free(e->lines[upper]);
	e->lines[upper] = joined;
	remove_line(e, upper + 1);
	load_current(e, upper, cursor);
}

/* The character index in `line` nearest to display column `column`. */
static int cursor_at_column(const ui_line *line, int column)
{
	int used = 0, i = 0;
	for (; i < line->length; i++) {
		int w = wcwidth(line->text[i]);
		w = w > 0 ? w : 0;
		if (used + w > column)
			break;
		used += w;
	}
	return i;
}

static int cursor_column(const ui_line *line)
{
	int used = 0;
	for (int i = 0; i < line->cursor; i++) {
		int w = wcwidth(line->text[i]);
		used += w > 0 ? w : 0;
	}
	return used;
}

static void move_to(editor *e, int row)
{
	if (row < 0)
		row = 0;
	if (row >= e->count)
		row = e->count - 1;
	if (row == e->row || !store_current(e))
		return;
	int column = cursor_column(&e->current);
	load_current(e, row, 0);
	e->current.cursor = cursor_at_column(&e->current, column);
}

/* ---- the built-in editor ---- */

static void draw_editor(ui *app, editor *e, const char *title, int *page)
{
	ui_draw_screen(app);
	if (ui_too_small()) {
		*page = 1;
		return;
	}
	int top = 1, left = 1, height = LINES - 2, width = COLS - 2;
	ui_popup_box(app, top, left, height, width, title);
	int inner = width - 4, rows = height - 4;
	*page = rows > 1 ? rows : 1;
	if (e->row < e->top)
		e->top = e->row;
	if (e->row >= e->top + rows)
		e->top = e->row - rows + 1;
	for (int r = 0; r < rows; r++) {
		int i = e->top + r, y = top + 1 + r;
		if (i >= e->count)
			ui_put(app, y, left + 2, inner, UI_STYLE_NORMAL, true, "");
		else if (i != e->row)
			ui_put(app, y, left + 2, inner, UI_STYLE_NORMAL, true, e->lines[i]);
	}
	char hint[256];
	snprintf(hint, sizeof hint, "%s", _("Enter: next item   Ctrl-S or F2: save   Esc: cancel"));
	ui_put(app, top + height - 2, left + 2, inner, UI_STYLE_DIM, true, hint);
	curs_set(1);
	ui_line_draw(app, &e->current, top + 1 + e->row - e->top, left + 2, inner, true);
}

static bool edit_here(ui *app, const char *title, char *text, size_t size)
{
	editor e = {.size = size};
	bool ok = true;
	const char *start = text;
	while (ok) {
		const char *end = strchr(start, '\n');
		size_t length = end ? (size_t)(end - start) : strlen(start);
		char *line = strndup(start, length);
		ok = line && insert_line(&e, e.count, line);
		free(line);
		if (end == NULL)
			break;
		start = end + 1;
	}
	if (!ok) {
		free_lines(&e);
		ui_say(app, true, "%s", _("Out of memory."));
		return false;
	}
	/* Empty minutes start at their first item. */
	if (e.count == 1 && text[0] == '\0') {
		free(e.lines[0]);
		e.lines[0] = strdup("一、");
		if (e.lines[0] == NULL) {
			free_lines(&e);
			return false;
		}
	}
	load_current(&e, e.count - 1, -1);
	char *before = malloc(size), *after = malloc(size + 8);
	if (before == NULL || after == NULL) {
		free(before);
		free(after);
		free_lines(&e);
		ui_say(app, true, "%s", _("Out of memory."));
		return false;
	}
	store_current(&e);
	join_text(&e, before, size);
	bool saved = false;
	int page = 1;
	for (;;) {
		draw_editor(app, &e, title, &page);
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		if (is_code) {
			int step = key == KEY_UP ? -1 : key == KEY_DOWN ? 1 : key == KEY_PPAGE ? -page
				 : key == KEY_NPAGE ? page : 0;
			if (step) {
				move_to(&e, e.row + step);
				continue;
			}
			if (key == KEY_F(2))
				key = UI_CTRL('s'), is_code = false;
			else if (key == KEY_BACKSPACE && e.current.cursor == 0) {
				join_lines(&e, true);
				continue;
			} else if (key == KEY_DC && e.current.cursor == e.current.length) {
				join_lines(&e, false);
				continue;
			}
		} else if ((key == 127 || key == 8) && e.current.cursor == 0) {
			join_lines(&e, true);
			continue;
		} else if (key == '\t') {
			continue; /* a tab is no item */
		}
		ui_line_result result = ui_line_key(&e.current, is_code, key);
		if (result == UI_LINE_ENTER) {
			new_line(&e);
		} else if (result == UI_LINE_SUBMIT || result == UI_LINE_CANCEL) {
			store_current(&e);
			/* Saved, the last lines holding nothing or only a number are no items. */
			while (result == UI_LINE_SUBMIT && e.count > 1) {
				ui_line last;
				int mark = 0;
				bool chinese;
				ui_line_set(&last, e.lines[e.count - 1], UI_LINE_MAX * 4);
				if (last.length > 0 && (!item_number(last.text, last.length, &mark, &chinese) ||
							mark != last.length))
					break;
				if (e.row == e.count - 1)
					e.row--;
				remove_line(&e, e.count - 1);
			}
			join_text(&e, after, size + 8);
			bool changed = strcmp(before, after) != 0;
			if (result == UI_LINE_SUBMIT) {
				saved = changed && strlen(after) < size;
				if (saved)
					snprintf(text, size, "%s", after);
				else
					ui_say(app, false, "%s", _("Unchanged: nothing to save."));
				break;
			}
			if (!changed || ui_confirm(app, _("Discard the changes to the text?")))
				break;
			load_current(&e, e.row, e.current.cursor);
		}
	}
	curs_set(0);
	ui_modal_done();
	free(before);
	free(after);
	free_lines(&e);
	return saved;
}

/* ---- the user's own editor ---- */

/* Writes the text to a private temporary file, runs the editor on it with the terminal, and
 * reads it back. */
static bool edit_outside(ui *app, const char *command, char *text, size_t size)
{
	const char *directory = getenv("TMPDIR");
	if (directory == NULL || directory[0] == '\0')
		directory = "/tmp";
	char path[4096];
	snprintf(path, sizeof path, "%s/huiwu-minutes-XXXXXX.txt", directory);
	int fd = mkstemps(path, 4); /* mode 0600: minutes are not for other users */
	if (fd < 0) {
		ui_say(app, true, _("Cannot make a temporary file in %s: %s"), directory, strerror(errno));
		return false;
	}
	size_t length = strlen(text);
	bool ok = fchmod(fd, S_IRUSR | S_IWUSR) == 0 &&
		  (length == 0 || (write(fd, text, length) == (ssize_t)length && write(fd, "\n", 1) == 1));
	if (close(fd) != 0 || !ok) {
		ui_say(app, true, _("Cannot write %s: %s"), path, strerror(errno));
		unlink(path);
		return false;
	}
	/* As git runs core.editor: through the shell, so that "code --wait" or "vim -u NONE"
	 * work, the file as its argument. */
	char script[4096];
	snprintf(script, sizeof script, "%s \"$@\"", command);
	char *argv[] = {"sh", "-c", script, (char *)command, path, NULL};
	def_prog_mode();
	endwin();
	/* The terminal is the editor's: Ctrl-C there must not end huiwu. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	posix_spawnattr_t attributes;
	posix_spawnattr_init(&attributes);
	sigset_t defaults;
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGINT);
	sigaddset(&defaults, SIGQUIT);
	posix_spawnattr_setsigdefault(&attributes, &defaults);
	posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
	pid_t child;
	int spawned = posix_spawnp(&child, "sh", NULL, &attributes, argv, environ);
	posix_spawnattr_destroy(&attributes);
	int status = 0;
	if (spawned == 0)
		while (waitpid(child, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (spawned != 0) {
		ui_say(app, true, _("Cannot run the editor %s: %s"), command, strerror(spawned));
		unlink(path);
		return false;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_say(app, true, _("The editor %s failed (status %d): nothing saved."), command,
		       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		unlink(path);
		return false;
	}
	char *read_back = malloc(size + 1);
	FILE *file = fopen(path, "rb");
	size_t got = 0;
	bool too_long = false;
	if (read_back && file) {
		got = fread(read_back, 1, size, file);
		/* Whatever is past `size` bytes makes it too long, unless it is line feeds alone. */
		int c;
		while (got == size && (c = fgetc(file)) != EOF)
			if (c != '\n' && c != '\r')
				too_long = true;
	}
	int read_error = file == NULL || ferror(file) ? errno : 0;
	if (file)
		fclose(file);
	unlink(path);
	if (read_back == NULL || file == NULL || read_error) {
		ui_say(app, true, _("Cannot read the edited text back: %s"), strerror(read_error));
		free(read_back);
		return false;
	}
	if (too_long) {
		ui_say(app, true, _("The text is too long (at most %zu bytes): nothing saved."), size - 1);
		free(read_back);
		return false;
	}
	/* Editors end the last line with a line feed; the minutes end with their last item. */
	while (got > 0 && (read_back[got - 1] == '\n' || read_back[got - 1] == '\r'))
		got--;
	if (got >= size) {
		ui_say(app, true, _("The text is too long (at most %zu bytes): nothing saved."), size - 1);
		free(read_back);
		return false;
	}
	read_back[got] = '\0';
	bool changed = strcmp(read_back, text) != 0;
	if (changed)
		snprintf(text, size, "%s", read_back);
	else
		ui_say(app, false, "%s", _("Unchanged: nothing to save."));
	free(read_back);
	return changed;
}

bool ui_edit_text(ui *app, const char *title, char *text, size_t size)
{
	const char *command = getenv("VISUAL");
	if (command == NULL || command[0] == '\0')
		command = getenv("EDITOR");
	if (command != NULL && command[0] != '\0')
		return edit_outside(app, command, text, size);
	return edit_here(app, title, text, size);
}
