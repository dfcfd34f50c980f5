/* Every key of the UI in one table: the main loop dispatches by it, the help view lists it,
 * the status line shows its short labels and man/huiwu.1 documents it. */
#include "ui.h"

#include "i18n.h"

#define ESC 27

const ui_binding ui_bindings[] = {
	{UI_UP, {'k', UI_CODE(KEY_UP)}, "k ↑", NULL, N_("move up (in the calendar: a week back)"), UI_IN_ALL, false},
	{UI_DOWN, {'j', UI_CODE(KEY_DOWN)}, "j ↓", NULL, N_("move down (in the calendar: a week on)"), UI_IN_ALL, false},
	{UI_LEFT, {'h', UI_CODE(KEY_LEFT)}, "h ←", NULL, N_("the day before; in a form: the previous choice"), UI_IN_MONTH | UI_IN_WEEK, false},
	{UI_RIGHT, {'l', UI_CODE(KEY_RIGHT)}, "l →", NULL, N_("the day after; in a form: the next choice"), UI_IN_MONTH | UI_IN_WEEK, false},
	{UI_PAGE_UP, {UI_CODE(KEY_PPAGE)}, "PgUp", NULL, N_("a page up (in the calendar: the month before)"), UI_IN_ALL, false},
	{UI_PAGE_DOWN, {UI_CODE(KEY_NPAGE), ' '}, "PgDn Space", NULL, N_("a page down (in the calendar: the month after)"), UI_IN_ALL, false},
	{UI_HOME, {UI_CODE(KEY_HOME)}, "Home", NULL, N_("the first line"), UI_IN_LISTS, false},
	{UI_END, {UI_CODE(KEY_END)}, "End", NULL, N_("the last line"), UI_IN_LISTS, false},
	{UI_NEXT_SECTION, {'\t'}, "Tab", NULL, N_("the next section (in the calendar: between days and meetings)"), UI_IN_MONTH | UI_IN_MEETING | UI_IN_QUEUES | UI_IN_ROSTER | UI_IN_RULES, false},
	{UI_OPEN, {'\n', '\r', UI_CODE(KEY_ENTER)}, "Enter", N_("open"), N_("open the selected meeting or topic"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_QUEUES | UI_IN_SEARCH | UI_IN_MEETING | UI_IN_TOPIC | UI_IN_WEEK, false},
	{UI_BACK, {'q', ESC}, "q Esc", N_("back"), N_("back to the previous view; in the first view: quit, after asking"), UI_IN_ALL, false},
	{UI_QUIT, {'Q'}, "Q", NULL, N_("quit huiwu, after asking"), UI_IN_ALL, false},
	{UI_HELP, {'?', UI_CODE(KEY_F(1))}, "? F1", N_("help"), N_("the keys of this view"), UI_IN_ALL & ~UI_IN_HELP, false},
	{UI_REFRESH, {UI_CTRL('l')}, "Ctrl-L", NULL, N_("read everything again and redraw"), UI_IN_ALL, false},
	{UI_VIEW_MONTH, {'1'}, "1", N_("calendar"), N_("the month calendar"), UI_IN_ALL, false},
	{UI_VIEW_AGENDA, {'2'}, "2", N_("agenda"), N_("the agenda: coming meetings, what waits"), UI_IN_ALL, false},
	{UI_VIEW_QUEUES, {'3'}, "3", N_("queues"), N_("queues: leave, topics, deadlines, findings"), UI_IN_ALL, false},
	{UI_VIEW_ROSTER, {'4'}, "4", NULL, N_("the roster: departments, people, divisions"), UI_IN_ALL, false},
	{UI_VIEW_RULES, {'5'}, "5", NULL, N_("the government's rules with their clauses"), UI_IN_ALL, false},
	{UI_SEARCH, {'/'}, "/", N_("search"), N_("search meetings and topics"), UI_IN_ALL & ~UI_IN_HELP, false},
	{UI_TODAY, {'t'}, "t", NULL, N_("today"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_WEEK, false},
	{UI_GOTO_DATE, {'g'}, "g", NULL, N_("go to a date"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_WEEK, false},
	{UI_PREVIOUS_MONTH, {'<', '['}, "< [", NULL, N_("the month before"), UI_IN_MONTH, false},
	{UI_NEXT_MONTH, {'>', ']'}, "> ]", NULL, N_("the month after"), UI_IN_MONTH, false},
	{UI_FILTER_TYPE, {'f'}, "f", NULL, N_("show one meeting type only"), UI_IN_AGENDA, false},
	{UI_FILTER_PERSON, {'p'}, "p", NULL, N_("show one person's meetings and what waits for them"), UI_IN_AGENDA, false},
	{UI_CLEAR_FILTERS, {'c'}, "c", NULL, N_("show everyone's meetings of every type"), UI_IN_AGENDA, false},
	{UI_NEW_MEETING, {'n'}, "n", N_("new"), N_("a new meeting"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_WEEK, true},
	{UI_EDIT_MEETING, {'e'}, "e", NULL, N_("edit the meeting"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_MEETING | UI_IN_WEEK, true},
	{UI_CANCEL_MEETING, {'x'}, "x", NULL, N_("cancel the meeting (a cancelled one: restore it)"), UI_IN_MONTH | UI_IN_AGENDA | UI_IN_MEETING | UI_IN_WEEK, true},
	{UI_MARK_HELD, {'H'}, "H", NULL, N_("mark the meeting held (refused before its day)"), UI_IN_MEETING, true},
	{UI_NEW_TOPIC, {'T'}, "T", NULL, N_("propose a topic (in a meeting: on its agenda)"), UI_IN_AGENDA | UI_IN_MEETING | UI_IN_QUEUES, true},
	{UI_SCHEDULE_TOPIC, {'s'}, "s", NULL, N_("put an approved topic on this meeting's agenda; on a deferred topic: on a meeting to be chosen"), UI_IN_MEETING | UI_IN_QUEUES | UI_IN_TOPIC, true},
	{UI_APPROVE, {'a'}, "a", N_("approve"), N_("approve the selected leave request or topic"), UI_IN_MEETING | UI_IN_QUEUES | UI_IN_TOPIC, true},
	{UI_REJECT, {'r'}, "r", NULL, N_("reject the selected leave request"), UI_IN_MEETING | UI_IN_QUEUES, true},
	{UI_DECIDE_TOPIC, {'D'}, "D", NULL, N_("record what the meeting decided on the selected topic (a decided one: take it back)"), UI_IN_MEETING | UI_IN_TOPIC, true},
	{UI_DEFER_TOPIC, {'P'}, "P", NULL, N_("defer the selected topic to a later meeting (a deferred one: take it back)"), UI_IN_MEETING | UI_IN_TOPIC, true},
	{UI_REQUEST_LEAVE, {'L'}, "L", NULL, N_("request leave for the selected attendee"), UI_IN_MEETING, true},
	{UI_INVITE, {'v'}, "v", NULL, N_("invite someone to the meeting"), UI_IN_MEETING, true},
	{UI_UNINVITE, {'u'}, "u", NULL, N_("take the selected attendee off the list"), UI_IN_MEETING, true},
	{UI_DRAFT_MINUTES, {'m'}, "m", NULL, N_("write or amend the minutes"), UI_IN_MEETING, true},
	{UI_SIGN_MINUTES, {'S'}, "S", NULL, N_("sign the minutes"), UI_IN_MEETING | UI_IN_QUEUES, true},
	{UI_ADD_DOCUMENT, {'d'}, "d", NULL, N_("record a document the meeting decided"), UI_IN_MEETING, true},
	{UI_HAND_OVER, {'o'}, "o", NULL, N_("record the selected document's step before its issue, as the rules name it"), UI_IN_MEETING | UI_IN_QUEUES, true},
	{UI_ISSUE, {'i'}, "i", NULL, N_("record the selected document issued"), UI_IN_MEETING | UI_IN_QUEUES, true},
	{UI_NEW_SERIES, {'N'}, "N", NULL, N_("a standing series of meetings"), UI_IN_MONTH | UI_IN_AGENDA, true},
	{UI_EXPORT, {'E'}, "E", NULL, N_("export or publish the calendar"), UI_IN_MONTH | UI_IN_AGENDA, false},
	{UI_IMPORT_HOLIDAYS, {'I'}, "I", NULL, N_("read the State Council's holiday notice from a file"), UI_IN_MONTH, true},
	/* The week view (ui-calendar); h l, Enter, t, g, n, e, x work there as in the month. */
	{UI_VIEW_WEEK, {'w'}, "w", N_("week"), N_("the week of the selected day, its meetings by time (in the week: back to the month)"), UI_IN_MONTH | UI_IN_WEEK, false},
	{UI_PREVIOUS_WEEK, {'[', '<'}, "[ <", NULL, N_("the week before"), UI_IN_WEEK, false},
	{UI_NEXT_WEEK, {']', '>'}, "] >", NULL, N_("the week after"), UI_IN_WEEK, false},
	{UI_ADD_PERSON, {'n'}, "n", N_("new person"), N_("add a person to the roster (a leader, a department's head …)"), UI_IN_ROSTER | UI_IN_START, true},
	{UI_ADD_DEPARTMENT, {'N'}, "N", N_("new department"), N_("add a department and its deputy in charge"), UI_IN_ROSTER | UI_IN_START, true},
	{UI_EDIT_ROSTER, {'e'}, "e", N_("edit"), N_("edit the selected person (name, title, role, department, e-mail, phone) or department"), UI_IN_ROSTER, true},
	{UI_MOVE_DEPARTMENT, {'m'}, "m", N_("move"), N_("move the selected department to another deputy in charge"), UI_IN_ROSTER, true},
	{UI_RETIRE_PERSON, {'x'}, "x", N_("no longer serving"), N_("mark the selected person no longer serving, history kept (one so marked: serving again)"), UI_IN_ROSTER, true},
	{UI_PLAN_MEETINGS, {'p'}, "p", N_("plan meetings"), N_("go to the calendar and plan a meeting"), UI_IN_START, true},
	{UI_TRIP, {'w'}, "w", NULL, N_("record a leader's trip out of the region (on a trip line: edit it)"), UI_IN_AGENDA, true},
	{UI_CANCEL_TRIP, {'W'}, "W", NULL, N_("cancel the selected trip: it did not happen (it stays listed as cancelled)"), UI_IN_AGENDA, true},
};

const int ui_binding_count = (int)(sizeof ui_bindings / sizeof ui_bindings[0]);

ui_action ui_key_action(bool is_code, wint_t key, unsigned view)
{
	int wanted = is_code ? UI_CODE((int)key) : (int)key;
	for (int i = 0; i < ui_binding_count; i++) {
		if (!(ui_bindings[i].views & view))
			continue;
		for (int k = 0; k < 3; k++)
			if (ui_bindings[i].keys[k] == wanted && wanted != 0)
				return ui_bindings[i].action;
	}
	return UI_NONE;
}

const ui_binding *ui_binding_of(ui_action action)
{
	for (int i = 0; i < ui_binding_count; i++)
		if (ui_bindings[i].action == action)
			return &ui_bindings[i];
	return NULL;
}

/* The status line's keys of each view, most used first: what does not fit at the screen's
 * width is left to `?`, which always ends the line. A NULL label takes the binding's own. */
const ui_status_key ui_status_keys[] = {
	{UI_IN_MONTH | UI_IN_AGENDA, UI_NEW_MEETING, NULL},
	{UI_IN_MONTH | UI_IN_AGENDA | UI_IN_QUEUES | UI_IN_SEARCH, UI_OPEN, NULL},
	{UI_IN_MEETING, UI_MARK_HELD, N_("held")},
	{UI_IN_MEETING | UI_IN_AGENDA, UI_NEW_TOPIC, N_("topic")},
	{UI_IN_MEETING, UI_REQUEST_LEAVE, N_("leave")},
	{UI_IN_MEETING, UI_DRAFT_MINUTES, N_("minutes, short")},
	{UI_IN_QUEUES, UI_APPROVE, NULL},
	{UI_IN_QUEUES, UI_REJECT, N_("reject")},
	{UI_IN_MEETING | UI_IN_QUEUES, UI_SIGN_MINUTES, N_("sign")},
	{UI_IN_MEETING, UI_ADD_DOCUMENT, N_("document, short")},
	{UI_IN_QUEUES, UI_ISSUE, N_("issue")},
	{UI_IN_MONTH | UI_IN_AGENDA, UI_NEW_SERIES, N_("series")},
	{UI_IN_AGENDA, UI_FILTER_PERSON, N_("person")},
	{UI_IN_MONTH | UI_IN_AGENDA, UI_EXPORT, N_("export")},
	{UI_IN_ROSTER | UI_IN_START, UI_ADD_PERSON, NULL},
	{UI_IN_ROSTER | UI_IN_START, UI_ADD_DEPARTMENT, NULL},
	{UI_IN_START, UI_PLAN_MEETINGS, NULL},
	{UI_IN_ROSTER, UI_EDIT_ROSTER, NULL},
	{UI_IN_ROSTER, UI_MOVE_DEPARTMENT, NULL},
	{UI_IN_ROSTER, UI_RETIRE_PERSON, NULL},
	{UI_IN_ROSTER | UI_IN_RULES, UI_VIEW_MONTH, NULL},
	{UI_IN_MONTH | UI_IN_ROSTER | UI_IN_RULES, UI_VIEW_AGENDA, NULL},
	{UI_IN_MONTH | UI_IN_AGENDA | UI_IN_ROSTER | UI_IN_RULES, UI_VIEW_QUEUES, NULL},
	{UI_IN_MONTH | UI_IN_AGENDA | UI_IN_ROSTER | UI_IN_RULES | UI_IN_QUEUES, UI_SEARCH, NULL},
	{UI_IN_MEETING | UI_IN_SEARCH | UI_IN_HELP, UI_BACK, NULL},
	/* The topic view (ui-work): the topic's own keys, then back. */
	{UI_IN_TOPIC, UI_APPROVE, NULL},
	{UI_IN_TOPIC, UI_DECIDE_TOPIC, N_("decide")},
	{UI_IN_TOPIC, UI_DEFER_TOPIC, N_("defer")},
	{UI_IN_QUEUES | UI_IN_TOPIC, UI_SCHEDULE_TOPIC, N_("schedule")},
	{UI_IN_TOPIC, UI_BACK, NULL},
	/* The week view (ui-calendar). */
	{UI_IN_MONTH, UI_VIEW_WEEK, NULL},
	{UI_IN_WEEK, UI_OPEN, NULL},
	{UI_IN_WEEK, UI_NEW_MEETING, NULL},
	{UI_IN_WEEK, UI_PREVIOUS_WEEK, N_("week before")},
	{UI_IN_WEEK, UI_NEXT_WEEK, N_("week after")},
	{UI_IN_WEEK, UI_VIEW_WEEK, N_("month")},
	{UI_IN_WEEK, UI_BACK, NULL},
};

const int ui_status_key_count = (int)(sizeof ui_status_keys / sizeof ui_status_keys[0]);
