/* The terminal UI: a stack of views over one session, every key bound in one table
 * (keymap.c), drawn on stdscr from scratch each frame (ncurses sends only what changed).
 * Views own screens and keys only: every datum comes from src/core, every change goes
 * through the same core functions the command line calls. */
#ifndef HW_UI_H
#define HW_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"
#include "hw_error.h"
#include "meetings.h"
#include "roster.h"
#include "rules.h"
#include "session.h"

#define UI_MIN_COLUMNS 80
#define UI_MIN_LINES 24

/* ---- actions and the key table ---- */

typedef enum ui_action {
	UI_NONE,
	UI_UP,
	UI_DOWN,
	UI_LEFT,
	UI_RIGHT,
	UI_PAGE_UP,
	UI_PAGE_DOWN,
	UI_HOME,
	UI_END,
	UI_NEXT_SECTION,
	UI_OPEN,
	UI_BACK,
	UI_QUIT,
	UI_HELP,
	UI_REFRESH,
	UI_VIEW_MONTH,
	UI_VIEW_AGENDA,
	UI_VIEW_QUEUES,
	UI_VIEW_ROSTER,
	UI_VIEW_RULES,
	UI_SEARCH,
	UI_TODAY,
	UI_GOTO_DATE,
	UI_PREVIOUS_MONTH,
	UI_NEXT_MONTH,
	UI_FILTER_TYPE,
	UI_FILTER_PERSON,
	UI_CLEAR_FILTERS,
	/* Actions that change the database (refused when it is open read-only). */
	UI_NEW_MEETING,
	UI_EDIT_MEETING,
	UI_CANCEL_MEETING,
	UI_MARK_HELD,
	UI_NEW_TOPIC,
	UI_SCHEDULE_TOPIC,
	UI_APPROVE,
	UI_REJECT,
	UI_DECIDE_TOPIC,
	UI_DEFER_TOPIC,
	UI_REQUEST_LEAVE,
	UI_INVITE,
	UI_UNINVITE,
	UI_DRAFT_MINUTES,
	UI_SIGN_MINUTES,
	UI_ADD_DOCUMENT,
	UI_HAND_OVER,
	UI_ISSUE,
	UI_NEW_SERIES,
	UI_EXPORT,
	UI_IMPORT_HOLIDAYS,
	/* The week view (ui-calendar). */
	UI_VIEW_WEEK,
	UI_PREVIOUS_WEEK,
	UI_NEXT_WEEK,
	/* The roster managed in the UI (ui/actions_roster.c), and the start screen's way on. */
	UI_ADD_PERSON,
	UI_ADD_DEPARTMENT,
	UI_EDIT_ROSTER,
	UI_MOVE_DEPARTMENT,
	UI_RETIRE_PERSON,
	UI_PLAN_MEETINGS,
	/* trips out of the region (ui/actions_trip.c) */
	UI_TRIP,
	UI_CANCEL_TRIP,
	UI_ACTION_COUNT
} ui_action;

/* Which views a binding works in. */
enum {
	UI_IN_MONTH = 1 << 0,
	UI_IN_AGENDA = 1 << 1,
	UI_IN_MEETING = 1 << 2,
	UI_IN_QUEUES = 1 << 3,
	UI_IN_ROSTER = 1 << 4,
	UI_IN_RULES = 1 << 5,
	UI_IN_SEARCH = 1 << 6,
	UI_IN_HELP = 1 << 7,
	UI_IN_TOPIC = 1 << 8,
	UI_IN_WEEK = 1 << 9,
	UI_IN_START = 1 << 10, /* the start screen of an empty database */
	UI_IN_ALL = 0x7ff,
	UI_IN_LISTS = UI_IN_AGENDA | UI_IN_MEETING | UI_IN_QUEUES | UI_IN_ROSTER | UI_IN_RULES |
		      UI_IN_SEARCH | UI_IN_HELP | UI_IN_TOPIC,
};

/* A KEY_* code in the key table: above every Unicode character, so the two never clash. */
#define UI_CODE(key) (0x110000 + (key))
#define UI_CTRL(letter) ((letter) & 0x1f)

typedef struct ui_binding {
	ui_action action;
	int keys[3];       /* characters, or UI_CODE(KEY_*) */
	const char *names; /* how the help shows the keys: "j ↓" */
	const char *label; /* the status line's short word, or NULL when not shown there */
	const char *help;  /* what it does */
	unsigned views;
	bool edits;
} ui_binding;

extern const ui_binding ui_bindings[];
extern const int ui_binding_count;

/* A key the status line shows in some views (ui/keymap.c orders them, most used first). */
typedef struct ui_status_key {
	unsigned views;
	ui_action action;
	const char *label; /* its short word there; NULL: the binding's label */
} ui_status_key;

extern const ui_status_key ui_status_keys[];
extern const int ui_status_key_count;

/* The action of a key (from get_wch: `is_code` for KEY_* codes) in a view kind. */
ui_action ui_key_action(bool is_code, wint_t key, unsigned view);
const ui_binding *ui_binding_of(ui_action action);

/* ---- the application ---- */

typedef struct ui ui;

typedef struct ui_view_ops {
	const char *title; /* N_() */
	unsigned kind;     /* UI_IN_* */
	/* Reads what it shows from the core; on failure the view shows the error. */
	void (*load)(ui *app, void *state);
	void (*draw)(ui *app, void *state, int top, int height, int width);
	/* Returns true when the view handled the action. */
	bool (*act)(ui *app, void *state, ui_action action);
	void (*destroy)(void *state);
} ui_view_ops;

#define UI_STACK_DEPTH 16

typedef enum ui_style {
	UI_STYLE_NORMAL,
	UI_STYLE_TITLE,    /* the top bar */
	UI_STYLE_STATUS,   /* the bottom bar */
	UI_STYLE_HEADING,
	UI_STYLE_SELECTED,
	UI_STYLE_ERROR,    /* findings of severity error, overdue deadlines, refusals */
	UI_STYLE_WARNING,
	UI_STYLE_DIM,
	UI_STYLE_HOLIDAY,
	UI_STYLE_MAKEUP,
	UI_STYLE_TODAY,
	UI_STYLE_TYPE_FIRST, /* one per meeting type, in hw_meeting_type order */
	UI_STYLE_COUNT = UI_STYLE_TYPE_FIRST + HW_MEETING_TYPE_COUNT
} ui_style;

struct ui {
	hw_session *session;
	bool read_only;
	bool color;
	bool running;
	int exit_status;
	hw_date selected;  /* the day the calendar and the agenda start from */
	hw_date month;     /* the first day of the month the calendar shows */
	int depth;
	struct {
		const ui_view_ops *ops;
		void *state;
	} stack[UI_STACK_DEPTH];
	char message[HW_ERROR_MESSAGE_SIZE];
	bool message_is_error;
	long long data_version; /* the store's, when last read: others' changes show on the tick */
};

/* Runs the UI on an open session until the user quits; returns the exit status. With
 * `person` (not NULL), it opens on that person's agenda: their meetings, what waits for them
 * and their topics — a leader's view. */
int ui_run(hw_session *session, bool read_only, const hw_person *person);
/* The parts of ui_run, for a caller with a screen of its own (the benchmark): the state, the
 * terminal's modes and colours (after initscr or newterm), and closing every view. */
void ui_init(ui *app, hw_session *session, bool read_only);
void ui_setup_terminal(ui *app);
void ui_close(ui *app);

void ui_push(ui *app, const ui_view_ops *ops, void *state);
void ui_pop(ui *app);
/* Replaces the whole stack with one view (the number keys). */
void ui_switch(ui *app, const ui_view_ops *ops, void *state);
/* A line for the status bar; errors are shown in the error style until the next key. */
void ui_say(ui *app, bool error, const char *format, ...) __attribute__((format(printf, 3, 4)));
/* After a change: every view on the stack reloads. */
void ui_changed(ui *app);
/* Whether the action may run; says why not (read-only) and returns false otherwise. */
bool ui_may_edit(ui *app, ui_action action);
/* Draws the whole screen (views, bars) without refreshing it: modal widgets draw over it. */
void ui_draw_screen(ui *app);
/* Whether the terminal is too small; if so the screen says so. */
bool ui_too_small(void);
/* Reads one key, handling resize and the clock tick (returns false on those: redraw). */
bool ui_read_key(ui *app, bool *is_code, wint_t *key);

/* ---- drawing ---- */

attr_t ui_attr(const ui *app, ui_style style);
ui_style ui_type_style(hw_meeting_type type);
/* Text at (y, x) fitted to `width` columns (padded when `pad`), with control characters
 * shown as spaces. Returns the columns used. */
int ui_put(const ui *app, int y, int x, int width, ui_style style, bool pad, const char *text);
/* A box with a title, for dialogs; returns its inner top-left in *y, *x. */
void ui_box(const ui *app, int top, int left, int height, int width, const char *title);

/* ---- rows: the lists most views show ---- */

typedef enum ui_row_kind {
	UI_ROW_TEXT,
	UI_ROW_HEADING,
	UI_ROW_MEETING,
	UI_ROW_ATTENDEE,
	UI_ROW_LEAVE,
	UI_ROW_TOPIC,
	UI_ROW_MINUTES,
	UI_ROW_DOCUMENT,
	UI_ROW_FINDING,
	UI_ROW_DEADLINE,
	UI_ROW_PERSON,
	UI_ROW_ITEM, /* a selectable line that is none of the above */
	UI_ROW_DEPARTMENT,
	UI_ROW_TRIP, /* a leader's trip out of the region: id is the trip's */
} ui_row_kind;

typedef struct ui_row {
	ui_row_kind kind;
	int64_t id;         /* the leave request, topic, document or person */
	int64_t meeting_id; /* the meeting the row belongs to (Enter opens it); 0: none */
	int64_t person_id;  /* attendee rows: the person */
	ui_style style;
	bool marked;        /* has findings: drawn with '!' */
	char *text;
} ui_row;

typedef struct ui_list {
	ui_row *rows;
	int count, capacity;
	int selected, top;
	int height; /* lines of the last draw: a page */
	char error[HW_ERROR_MESSAGE_SIZE]; /* what went wrong loading, shown instead */
} ui_list;

/* Adds a row (text is copied); returns it, or NULL when out of memory. */
ui_row *ui_list_add(ui_list *list, ui_row_kind kind, ui_style style, const char *format, ...)
	__attribute__((format(printf, 4, 5)));
void ui_list_clear(ui_list *list);
void ui_list_draw(const ui *app, ui_list *list, int top, int height, int width, bool focused);
/* Moves the selection for navigation actions; returns whether it handled the action. */
bool ui_list_move(ui_list *list, ui_action action);
const ui_row *ui_list_current(const ui_list *list);
/* Puts the selection on the first row of `kind` with `id` (after a reload). */
void ui_list_select(ui_list *list, ui_row_kind kind, int64_t id);

/* For views whose state begins with their ui_list: draw it, move in it, free it all. */
void ui_list_view_draw(ui *app, void *state, int top, int height, int width);
bool ui_list_view_act(ui *app, void *state, ui_action action);
void ui_list_view_destroy(void *state);

/* Columns: appends `text` fitted to `width` columns (and a space) to `out`. */
void ui_column(char *out, size_t size, const char *text, int width);

/* ---- modal widgets ---- */

/* Asks a yes/no question; true for yes. */
bool ui_confirm(ui *app, const char *question);
/* One line of input, prefilled with `initial`; false when cancelled. */
bool ui_prompt(ui *app, const char *title, const char *label, const char *initial, char *out,
	       size_t size);
/* "Go to a date", prefilled with the selected day: true with `out` set when a date was given;
 * false when cancelled or not a date (said on the status line). */
bool ui_ask_date(ui *app, hw_date *out);
/* Picks one of `count` items (typing filters); returns its index, or -1 when cancelled. */
int ui_pick(ui *app, const char *title, const char *const *items, int count, int initial);

/* A form: fields edited in place, each checked as the cursor leaves it. */
typedef enum ui_field_kind { UI_FIELD_TEXT, UI_FIELD_DATE, UI_FIELD_TIME, UI_FIELD_CHOICE } ui_field_kind;

typedef struct ui_field {
	const char *label;
	ui_field_kind kind;
	bool required;
	char value[1024];
	/* Choices: what is shown and what the value becomes. */
	const char *const *choice_labels;
	const char *const *choice_values;
	int choice_count;
	int choice;
	char error[HW_ERROR_MESSAGE_SIZE]; /* set by the form's checks; shown under the form */
	/* A date a meeting is planned on: leaving it says when its year's holiday arrangement is
	 * not published, or it is a provisional statutory holiday (in `notice`, which does not
	 * keep the cursor, unlike `error`). */
	bool plans;
	char notice[HW_ERROR_MESSAGE_SIZE];
} ui_field;

typedef struct ui_form {
	const char *title;
	ui_field *fields;
	int count;
	/* Extra check of a field as the cursor leaves it (after the form's own); fills
	 * field->error. May change other fields (e.g. the chairs offered for a type). */
	void (*check)(ui *app, struct ui_form *form, int index, void *user);
	/* Does the action; returns 0, or -1 with `error` (shown in the form, which stays). */
	int (*submit)(ui *app, struct ui_form *form, void *user, hw_error *error);
	void *user;
} ui_form;

/* Runs the form until submitted (true) or cancelled (false). */
bool ui_form_run(ui *app, ui_form *form);
/* The value of a field: the text, or the chosen value; NULL when empty. */
const char *ui_field_value(const ui_field *field);
void ui_field_set_choices(ui_field *field, const char *const *labels, const char *const *values,
			  int count, int choice);

/* ---- views (one file each) ---- */

extern const ui_view_ops ui_month_view;
extern const ui_view_ops ui_agenda_view;
extern const ui_view_ops ui_meeting_view;
extern const ui_view_ops ui_queues_view;
extern const ui_view_ops ui_roster_view;
extern const ui_view_ops ui_rules_view;
extern const ui_view_ops ui_search_view;
extern const ui_view_ops ui_help_view;
extern const ui_view_ops ui_start_view;

void *ui_month_new(ui *app);
void *ui_agenda_new(ui *app);
/* The agenda filtered for one person. */
void *ui_agenda_new_for(ui *app, const hw_person *person);
void *ui_meeting_new(ui *app, int64_t meeting_id);
void *ui_queues_new(ui *app);
void *ui_roster_new(ui *app);
void *ui_rules_new(ui *app);
void *ui_search_new(ui *app, const char *text);
void *ui_help_new(ui *app, unsigned view_kind, const char *view_title);
/* The start screen (ui/view_start.c): what to do first in a database with nobody in it. */
void *ui_start_new(ui *app);
/* Whether the roster has nobody in it yet (the UI then opens on the start screen). */
bool ui_roster_is_empty(ui *app);

/* Opens a meeting's detail. */
void ui_open_meeting(ui *app, int64_t meeting_id);

/* ---- actions that change the database (actions_*.c) ---- */

/* Runs an editing action from a view; `row` is the selected row (or NULL), `meeting_id` the
 * meeting the view is about (0: none), `date` the day to propose. What it needs and cannot
 * find (a meeting, a document) it asks the user to select. */
void ui_edit_action(ui *app, ui_action action, const ui_row *row, int64_t meeting_id, hw_date date);

/* Meeting type names as the rules give them, and the short mark the calendar shows. */
const char *ui_type_name(const ui *app, hw_meeting_type type);
const char *ui_type_mark(hw_meeting_type type);

/* Meetings read into memory: hw_meeting_list's visitor appends to a ui_meetings. */
typedef struct ui_meetings {
	hw_meeting *items;
	int count, capacity;
	hw_error *error; /* where ui_meetings_add says that memory ran out: set it before listing */
} ui_meetings;
/* Returns 0, or -1 with *meetings->error when the list cannot grow (the walk stops). */
int ui_meetings_add(const hw_meeting *meeting, void *meetings);
void ui_meetings_free(ui_meetings *meetings);

/* The findings for [from, to], for views that mark meetings. */
struct hw_findings;
int ui_findings(ui *app, hw_date from, hw_date to, struct hw_findings *out, hw_error *error);
bool ui_meeting_has_findings(const struct hw_findings *findings, int64_t meeting_id);
/* What a finding is called on screen: its label in the user's language (议题未经批准), never
 * the code, which is for scripts. */
struct hw_finding;
const char *ui_finding_label(const struct hw_finding *finding);
/* A finding as the views show it: "label：message  〔clause〕". */
void ui_finding_text(const struct hw_finding *finding, char *out, size_t size);

/* ---- topics, the minutes editor (ui-work) ---- */

extern const ui_view_ops ui_topic_view;
void *ui_topic_new(ui *app, int64_t topic_id);
/* Opens a topic's view: its facts, approval, meeting and decision, with the topic keys. */
void ui_open_topic(ui *app, int64_t topic_id);
/* "常务会议 2026-11-30" for a meeting (its type as the rules name it, and its date); "" for
 * meeting 0 or one that cannot be read. */
void ui_meeting_label(ui *app, int64_t meeting_id, char *out, size_t size);

/* Edits multi-line text (minutes) in place over the screen: numbered items, a new line the
 * next item; Ctrl-S or F2 keeps it, Esc asks before losing changes. With $VISUAL or $EDITOR
 * set, runs that editor on a temporary file instead. `text` is `size` bytes, in and out.
 * Returns true when the text was kept and differs from what it was (so there is something
 * to save), false when cancelled, unchanged or the editor failed (said on the status line). */
bool ui_edit_text(ui *app, const char *title, char *text, size_t size);
/* ---- the week view (ui-calendar) ---- */

extern const ui_view_ops ui_week_view;
/* The week (Monday to Sunday) of the selected day. */
void *ui_week_new(ui *app);
/* A meeting's title as a calendar cell shows it: without the government's name, or the subject
 * in brackets after the type's name (the cell shows the type by its colour). */
void ui_short_title(const ui *app, const hw_meeting *meeting, char *out, size_t size);

#endif
