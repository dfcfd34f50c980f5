/* The application: the view stack, the main loop, the top and bottom bars, resizing, the
 * clock tick, colours and the drawing primitives every view uses. */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "actions.h"
#include "checks.h"
#include "i18n.h"
#include "text.h"
#include "text_width.h"
#include "ui.h"
#include "widgets.h"

/* ---- drawing ---- */

static attr_t style_attrs[UI_STYLE_COUNT];

static void init_styles(ui *app)
{
	/* Without colour every style still differs by attribute, and the views mark what
	 * matters with characters as well (!, 休, 班, [today]). */
	attr_t plain[UI_STYLE_COUNT] = {
		[UI_STYLE_TITLE] = A_REVERSE | A_BOLD, [UI_STYLE_STATUS] = A_REVERSE,
		[UI_STYLE_HEADING] = A_BOLD | A_UNDERLINE, [UI_STYLE_SELECTED] = A_REVERSE,
		[UI_STYLE_ERROR] = A_BOLD, [UI_STYLE_WARNING] = A_BOLD, [UI_STYLE_DIM] = A_DIM,
		[UI_STYLE_HOLIDAY] = A_BOLD, [UI_STYLE_MAKEUP] = A_UNDERLINE,
		[UI_STYLE_TODAY] = A_BOLD | A_UNDERLINE,
	};
	memcpy(style_attrs, plain, sizeof plain);
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	struct {
		ui_style style;
		short foreground, background;
		attr_t extra;
	} colors[] = {
		{UI_STYLE_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD},
		{UI_STYLE_STATUS, COLOR_BLACK, COLOR_CYAN, 0},
		{UI_STYLE_HEADING, COLOR_YELLOW, -1, A_BOLD},
		{UI_STYLE_ERROR, COLOR_RED, -1, A_BOLD},
		{UI_STYLE_WARNING, COLOR_YELLOW, -1, 0},
		{UI_STYLE_HOLIDAY, COLOR_RED, -1, 0},
		{UI_STYLE_MAKEUP, COLOR_YELLOW, -1, A_UNDERLINE},
		{UI_STYLE_TODAY, COLOR_GREEN, -1, A_BOLD | A_UNDERLINE},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_PLENARY, COLOR_MAGENTA, -1, A_BOLD},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_EXECUTIVE, COLOR_BLUE, -1, A_BOLD},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_OFFICE, COLOR_CYAN, -1, 0},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_SPECIAL, COLOR_GREEN, -1, 0},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_STUDY, COLOR_YELLOW, -1, 0},
		{UI_STYLE_TYPE_FIRST + HW_MEETING_DEPT_WIDE, COLOR_WHITE, -1, 0},
	};
	for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++) {
		short pair = (short)(i + 1);
		init_pair(pair, colors[i].foreground, colors[i].background);
		style_attrs[colors[i].style] = COLOR_PAIR(pair) | colors[i].extra;
	}
}

attr_t ui_attr(const ui *app, ui_style style)
{
	(void)app;
	return style < UI_STYLE_COUNT ? style_attrs[style] : A_NORMAL;
}

ui_style ui_type_style(hw_meeting_type type)
{
	return (ui_style)(UI_STYLE_TYPE_FIRST + (type < HW_MEETING_TYPE_COUNT ? type : 0));
}

int ui_put(const ui *app, int y, int x, int width, ui_style style, bool pad, const char *text)
{
	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	/* A control character would reach the terminal as a command (an ESC starts one, a newline
	 * in a title moves the cursor): show it as the command line does, ^[ or ^J, and bytes that
	 * are not UTF-8 as U+FFFD. A tab in the minutes is only a space. */
	char tabs[2048];
	size_t i = 0;
	for (; text[i] != '\0' && i + 1 < sizeof tabs; i++)
		tabs[i] = text[i] == '\t' ? ' ' : text[i];
	tabs[i] = '\0';
	char *clean = hw_text_visible(tabs, i, false);
	if (clean == NULL)
		return 0;
	char fitted[2048];
	int used = hw_text_fit(clean, width, pad, fitted, sizeof fitted);
	free(clean);
	attr_t attr = ui_attr(app, style);
	attron(attr);
	mvaddstr(y, x, fitted);
	attroff(attr);
	return used;
}

void ui_box(const ui *app, int top, int left, int height, int width, const char *title)
{
	for (int y = top; y < top + height; y++)
		ui_put(app, y, left, width, UI_STYLE_NORMAL, true, "");
	/* ASCII frames: box-drawing characters are of ambiguous width, two columns wide in
	 * many CJK terminal set-ups, which would break every line of the dialog. */
	char horizontal[512];
	int inner = width - 2 < (int)sizeof horizontal - 1 ? width - 2 : (int)sizeof horizontal - 1;
	memset(horizontal, '-', (size_t)inner);
	horizontal[inner] = '\0';
	for (int y = top + 1; y < top + height - 1; y++) {
		mvaddch(y, left, '|');
		mvaddch(y, left + width - 1, '|');
	}
	mvaddch(top, left, '+');
	mvaddstr(top, left + 1, horizontal);
	mvaddch(top, left + width - 1, '+');
	mvaddch(top + height - 1, left, '+');
	mvaddstr(top + height - 1, left + 1, horizontal);
	mvaddch(top + height - 1, left + width - 1, '+');
	if (title != NULL && title[0] != '\0') {
		char decorated[512];
		snprintf(decorated, sizeof decorated, " %s ", title);
		ui_put(app, top, left + 2, width - 4, UI_STYLE_HEADING, false, decorated);
	}
}

/* ---- the stack ---- */

static void destroy_view(ui *app, int index)
{
	if (app->stack[index].ops->destroy)
		app->stack[index].ops->destroy(app->stack[index].state);
	app->stack[index].state = NULL;
}

void ui_push(ui *app, const ui_view_ops *ops, void *state)
{
	if (state == NULL) {
		ui_say(app, true, "%s", _("out of memory"));
		return;
	}
	if (app->depth == UI_STACK_DEPTH) {
		/* Deep enough: the oldest view above the first goes. */
		destroy_view(app, 1);
		memmove(&app->stack[1], &app->stack[2], (UI_STACK_DEPTH - 2) * sizeof app->stack[0]);
		app->depth--;
	}
	app->stack[app->depth].ops = ops;
	app->stack[app->depth].state = state;
	app->depth++;
	ops->load(app, state);
}

void ui_pop(ui *app)
{
	if (app->depth <= 1) {
		app->running = false;
		return;
	}
	/* What lies below is current: every change reloads the whole stack (ui_changed). */
	destroy_view(app, --app->depth);
}

void ui_switch(ui *app, const ui_view_ops *ops, void *state)
{
	while (app->depth > 0)
		destroy_view(app, --app->depth);
	ui_push(app, ops, state);
	if (app->depth == 0) /* out of memory: the calendar stays available */
		ui_push(app, &ui_month_view, ui_month_new(app));
}

void ui_say(ui *app, bool error, const char *format, ...)
{
	va_list arguments;
	va_start(arguments, format);
	vsnprintf(app->message, sizeof app->message, format, arguments);
	va_end(arguments);
	/* A message is one line, whatever it echoes of the input: a line feed shows as ^J. */
	char *visible = hw_text_visible(app->message, strlen(app->message), false);
	if (visible != NULL) {
		snprintf(app->message, sizeof app->message, "%s", visible);
		free(visible);
	}
	app->message_is_error = error;
}

void ui_changed(ui *app)
{
	for (int i = 0; i < app->depth; i++)
		app->stack[i].ops->load(app, app->stack[i].state);
}

bool ui_may_edit(ui *app, ui_action action)
{
	const ui_binding *binding = ui_binding_of(action);
	if (binding == NULL || !binding->edits || !app->read_only)
		return true;
	ui_say(app, true, _("The database is open read-only: cannot %s."), _(binding->help));
	return false;
}

void ui_open_meeting(ui *app, int64_t meeting_id)
{
	if (meeting_id > 0)
		ui_push(app, &ui_meeting_view, ui_meeting_new(app, meeting_id));
}

/* ---- bars and the frame ---- */

bool ui_too_small(void)
{
	return LINES < UI_MIN_LINES || COLS < UI_MIN_COLUMNS;
}

static void draw_too_small(const ui *app)
{
	erase();
	char line[256];
	snprintf(line, sizeof line, _("Please enlarge the terminal to at least %d×%d (now %d×%d)."),
		 UI_MIN_COLUMNS, UI_MIN_LINES, COLS, LINES);
	int width = COLS > 2 ? COLS - 2 : COLS;
	ui_put(app, LINES / 2 > 0 ? LINES / 2 - 1 : 0, 1, width, UI_STYLE_ERROR, false, line);
	if (LINES > 2)
		ui_put(app, LINES / 2 + 1 < LINES ? LINES / 2 + 1 : 0, 1, width, UI_STYLE_NORMAL, false,
		       _("Q quits."));
}

static void draw_title(const ui *app)
{
	const ui_view_ops *view = app->stack[app->depth - 1].ops;
	char today[HW_DATE_TEXT_SIZE], left[512], right[128], clock[6];
	hw_date_format(app->session->today, today);
	hw_clock(app->session->rules->government[HW_GOV_TIMEZONE], clock);
	snprintf(left, sizeof left, " %s · %s",
		 app->session->rules->government[HW_GOV_SHORT_NAME]
			 ? app->session->rules->government[HW_GOV_SHORT_NAME]
			 : app->session->rules->government[HW_GOV_NAME],
		 _(view->title));
	snprintf(right, sizeof right, "%s%s %s %s ", app->read_only ? _("[read-only]") : "",
		 app->read_only ? " " : "", today, clock);
	int right_width = hw_text_width(right);
	ui_put(app, 0, 0, COLS, UI_STYLE_TITLE, true, "");
	ui_put(app, 0, 0, COLS - right_width - 1, UI_STYLE_TITLE, true, left);
	ui_put(app, 0, COLS - right_width, right_width, UI_STYLE_TITLE, false, right);
}

/* "key word" of a binding: its first key name, then its short word. */
static void status_item(const ui_binding *binding, const char *label, char *out, size_t size)
{
	char key[16];
	snprintf(key, sizeof key, "%s", binding->names);
	char *space = strchr(key, ' ');
	if (space)
		*space = '\0';
	snprintf(out, size, "%s %s", key, _(label));
}

/* The view's most used keys after `line`'s start, in ui_status_keys' order, as many as fit in
 * `width` columns with "? help" always last (the rest of the keys are in the help view). */
static void build_status_keys(const ui *app, unsigned view, int width, char *line, size_t size)
{
	char help[64] = "";
	const ui_binding *help_binding = ui_binding_of(UI_HELP);
	if (help_binding && (help_binding->views & view))
		status_item(help_binding, help_binding->label, help, sizeof help);
	const char *separator = " · ";
	int help_width = help[0] ? hw_text_width(separator) + hw_text_width(help) : 0;
	size_t used = strlen(line);
	bool first = true;
	for (int i = 0; i < ui_status_key_count; i++) {
		const ui_status_key *entry = &ui_status_keys[i];
		const ui_binding *binding = ui_binding_of(entry->action);
		const char *label = entry->label ? entry->label : binding ? binding->label : NULL;
		if (!(entry->views & view) || binding == NULL || label == NULL ||
		    !(binding->views & view) || (binding->edits && app->read_only))
			continue;
		char item[128], candidate[1024];
		status_item(binding, label, item, sizeof item);
		snprintf(candidate, sizeof candidate, "%s%s%s", line, first ? " " : separator, item);
		if (hw_text_width(candidate) + help_width > width)
			break;
		snprintf(line + used, size - used, "%s%s", first ? " " : separator, item);
		used = strlen(line);
		first = false;
	}
	if (help[0])
		snprintf(line + used, size - used, "%s%s", first ? " " : separator, help);
}

static void draw_status(const ui *app)
{
	int y = LINES - 1;
	if (app->message[0] != '\0') {
		/* A refusal is shown whole, rule and clause included: over up to three lines. */
		char lines[3][512];
		int count = ui_wrap(app->message, COLS - 1, lines, 3);
		for (int i = 0; i < count; i++)
			ui_put(app, LINES - count + i, 0, COLS,
			       app->message_is_error ? UI_STYLE_ERROR : UI_STYLE_STATUS, true, lines[i]);
		return;
	}
	unsigned view = app->stack[app->depth - 1].ops->kind;
	/* On the calendar, a selected day in a year without a published arrangement says so at
	 * the right end; the keys keep the rest of the line. */
	char note[128] = "";
	int year = hw_date_year(app->selected);
	if (view & UI_IN_MONTH) {
		if (hw_calendar_year_is_provisional(app->session->calendar, year))
			snprintf(note, sizeof note, _("%d holidays provisional"), year);
		else if (!hw_calendar_year_has_data(app->session->calendar, year))
			snprintf(note, sizeof note, _("no holiday data for %d"), year);
	}
	char shown[160]; /* a space either side, apart from the keys */
	snprintf(shown, sizeof shown, " %s ", note);
	int note_width = note[0] ? hw_text_width(shown) : 0;
	if (note_width > COLS / 2)
		note_width = COLS / 2;
	char line[1024] = "";
	/* When the calendar was last published matters where E is (calendar and agenda). */
	if (view & (UI_IN_MONTH | UI_IN_AGENDA))
		ui_publish_status((ui *)app, line, sizeof line);
	build_status_keys(app, view, COLS - note_width - 1, line, sizeof line);
	ui_put(app, y, 0, COLS, UI_STYLE_STATUS, true, line);
	if (note[0])
		ui_put(app, y, COLS - note_width, note_width, UI_STYLE_WARNING, true, shown);
}

void ui_draw_screen(ui *app)
{
	if (ui_too_small()) {
		draw_too_small(app);
		return;
	}
	erase();
	draw_title(app);
	const ui_view_ops *view = app->stack[app->depth - 1].ops;
	view->draw(app, app->stack[app->depth - 1].state, 1, LINES - 2, COLS);
	draw_status(app);
}

bool ui_read_key(ui *app, bool *is_code, wint_t *key)
{
	int status = get_wch(key);
	if (status == ERR) {
		/* The tick: a new day changes what "today" is, and what another clerk or a script
		 * committed meanwhile is read again. */
		hw_date today;
		hw_error error;
		long long version = hw_store_data_version(app->session->store);
		bool new_day = hw_today(app->session->rules->government[HW_GOV_TIMEZONE], &today,
					&error) == 0 &&
			       today != app->session->today;
		if (new_day)
			app->session->today = today;
		if (new_day || (version >= 0 && version != app->data_version)) {
			app->data_version = version;
			ui_changed(app);
		}
		return false;
	}
	*is_code = status == KEY_CODE_YES;
	if (*is_code && *key == KEY_RESIZE)
		return false;
	/* While the terminal is too small only Esc (leave a dialog) and Q (quit) count: nothing
	 * is typed into what cannot be seen. */
	if (ui_too_small() && (*is_code || (*key != 27 && *key != 'Q')))
		return false;
	return true;
}

/* ---- the main loop ---- */

static void dispatch(ui *app, ui_action action)
{
	const ui_view_ops *view = app->stack[app->depth - 1].ops;
	void *state = app->stack[app->depth - 1].state;
	if (view->act(app, state, action))
		return;
	switch (action) {
	/* Leaving the program asks: Esc pressed once too often must not end the session. */
	case UI_BACK:
		if (app->depth > 1 || ui_confirm(app, _("Quit huiwu?")))
			ui_pop(app);
		break;
	case UI_QUIT:
		if (ui_confirm(app, _("Quit huiwu?")))
			app->running = false;
		break;
	case UI_HELP: ui_push(app, &ui_help_view, ui_help_new(app, view->kind, _(view->title))); break;
	case UI_REFRESH:
		ui_changed(app);
		clearok(curscr, TRUE);
		break;
	case UI_VIEW_MONTH: ui_switch(app, &ui_month_view, ui_month_new(app)); break;
	case UI_VIEW_AGENDA: ui_switch(app, &ui_agenda_view, ui_agenda_new(app)); break;
	case UI_VIEW_QUEUES: ui_switch(app, &ui_queues_view, ui_queues_new(app)); break;
	case UI_VIEW_ROSTER: ui_switch(app, &ui_roster_view, ui_roster_new(app)); break;
	case UI_VIEW_RULES: ui_switch(app, &ui_rules_view, ui_rules_new(app)); break;
	case UI_SEARCH: {
		char text[256];
		if (ui_prompt(app, _("Search"), _("Meetings and topics containing:"), "", text, sizeof text))
			ui_push(app, &ui_search_view, ui_search_new(app, text));
		break;
	}
	default: break;
	}
}

void ui_init(ui *app, hw_session *session, bool read_only)
{
	*app = (ui){.session = session, .read_only = read_only, .running = true};
	app->selected = session->today;
	int year, month, day;
	hw_date_to_ymd(session->today, &year, &month, &day);
	app->month = hw_date_from_ymd(year, month, 1);
}

void ui_setup_terminal(ui *app)
{
	app->color = has_colors() && getenv("NO_COLOR") == NULL;
	init_styles(app);
	cbreak();
	/* Ctrl-S saves a form: the terminal must not take it for XOFF (flow control). */
	struct termios modes;
	if (tcgetattr(STDIN_FILENO, &modes) == 0) {
		modes.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &modes);
		def_prog_mode();
	}
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Home and End arrive in several spellings (tmux and screen send the vt220 ones whatever
	 * TERM says): take them all. */
	static const struct {
		const char *sequence;
		int key;
	} spellings[] = {{"\033[1~", KEY_HOME}, {"\033[4~", KEY_END},  {"\033[7~", KEY_HOME},
			 {"\033[8~", KEY_END},  {"\033[H", KEY_HOME},  {"\033[F", KEY_END},
			 {"\033OH", KEY_HOME},  {"\033OF", KEY_END}};
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
		if (key_defined(spellings[i].sequence) == 0)
			define_key(spellings[i].sequence, spellings[i].key);
	set_escdelay(25);
	curs_set(0);
	timeout(1000); /* the tick: the clock in the title, and midnight */
}

void ui_close(ui *app)
{
	while (app->depth > 0)
		destroy_view(app, --app->depth);
}

int ui_run(hw_session *session, bool read_only, const hw_person *person)
{
	ui app_storage;
	ui *app = &app_storage;
	ui_init(app, session, read_only);
	if (initscr() == NULL)
		return 1;
	ui_setup_terminal(app);
	app->data_version = hw_store_data_version(session->store);
	/* The calendar is the first view, or, while nobody is on the roster, the start screen;
	 * a person's agenda opens above it. */
	if (person == NULL && ui_roster_is_empty(app))
		ui_push(app, &ui_start_view, ui_start_new(app));
	else
		ui_push(app, &ui_month_view, ui_month_new(app));
	if (person != NULL)
		ui_push(app, &ui_agenda_view, ui_agenda_new_for(app, person));
	while (app->running && app->depth > 0) {
		ui_draw_screen(app);
		refresh();
		bool is_code;
		wint_t key;
		if (!ui_read_key(app, &is_code, &key))
			continue;
		app->message[0] = '\0';
		if (ui_too_small()) {
			if (!is_code && key == 'Q')
				app->running = false;
			continue;
		}
		ui_action action = ui_key_action(is_code, key, app->stack[app->depth - 1].ops->kind);
		if (action != UI_NONE)
			dispatch(app, action);
	}
	ui_close(app);
	endwin();
	return app->exit_status;
}
