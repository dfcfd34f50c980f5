/* bench_ui: how long the terminal UI takes to show its first screen (the month calendar, with
 * every meeting of the six shown weeks marked and the findings judged) on a database of many
 * meetings, and to open the agenda and a meeting.
 *
 * Builds the fixture (fixture.c, 100,000 meetings by default), opens a curses screen of 80×24
 * writing to /dev/null (newterm: the same drawing code, no terminal needed), then times, best
 * of several runs each:
 *   - a baseline: reading the six weeks' meetings (hw_meeting_list), the least any calendar
 *     must do;
 *   - the first screen: the month view loaded and drawn, as `huiwu` shows it on start;
 *   - the agenda (90 days, findings judged) loaded and drawn;
 *   - a meeting's detail loaded and drawn;
 * and prints milliseconds and the ratio to the baseline. Timings are printed, never asserted.
 *
 *   bench_ui [-n MEETINGS] [-d DATA_DIR] [-r RUNS] [-k DB_PATH] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meetings.h"
#include "session.h"
#include "ui.h"

#include "fixture.h"

#ifndef HUIWU_BENCH_DATA
#error "HUIWU_BENCH_DATA must name the source tree's data folder"
#endif

#define DEFAULT_RUNS 7

typedef enum what { BASELINE, FIRST_SCREEN, AGENDA, MEETING, WHAT_COUNT } what;

static const char *const names[WHAT_COUNT] = {
	"baseline: six weeks' meetings", "first screen (calendar)", "agenda, 90 days", "a meeting"};

static int count_meeting(const hw_meeting *meeting, void *user)
{
	int64_t *last = user;
	*last = meeting->id;
	return 0;
}

static double run(hw_session *session, what kind, int64_t meeting_id, long *meetings)
{
	double start = bench_now_ms();
	if (kind == BASELINE) {
		hw_error error;
		int64_t last = 0;
		hw_date first = session->today - 7 - (hw_date_iso_weekday(session->today) - 1);
		if (hw_meeting_list(session, first, first + 41, count_meeting, &last, &error) != 0)
			bench_die("hw_meeting_list", error.message);
		*meetings = last != 0;
		return bench_now_ms() - start;
	}
	ui app;
	ui_init(&app, session, true);
	ui_setup_terminal(&app);
	if (kind == FIRST_SCREEN)
		ui_push(&app, &ui_month_view, ui_month_new(&app));
	else if (kind == AGENDA)
		ui_push(&app, &ui_agenda_view, ui_agenda_new(&app));
	else
		ui_push(&app, &ui_meeting_view, ui_meeting_new(&app, meeting_id));
	ui_draw_screen(&app);
	refresh();
	double took = bench_now_ms() - start;
	ui_close(&app);
	return took;
}

static int remember_meeting(const hw_meeting *meeting, void *user)
{
	int64_t *id = user;
	if (*id == 0)
		*id = meeting->id;
	return 0;
}

int main(int argc, char **argv)
{
	bench_options options;
	bench_parse_options(argc, argv, "bench_ui", DEFAULT_RUNS, HUIWU_BENCH_DATA, &options);
	char directory[4096], path[4200];
	bench_database_path(&options, directory, sizeof directory, path, sizeof path);
	printf("bench_ui: the terminal UI's first screens over %ld meetings, rules '%s', today %s, "
	       "best of %d\n",
	       options.meetings, FIXTURE_GOVERNMENT, FIXTURE_TODAY, options.runs);
	fixture_build(path, options.data_dir, options.meetings);

	hw_error error = {0};
	hw_session *session = hw_session_open(path, true, &error);
	if (session == NULL)
		bench_die(path, error.message);
	int64_t meeting_id = 0;
	hw_meeting_list(session, session->today, session->today + 60, remember_meeting, &meeting_id,
			&error);

	/* A screen of 80×24 that writes to /dev/null: all of curses' work, no terminal. */
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL)
		bench_die("/dev/null", "cannot open");
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	SCREEN *screen = newterm("xterm-256color", out, in);
	if (screen == NULL)
		bench_die("newterm", "no terminal description for xterm-256color");
	set_term(screen);

	double best[WHAT_COUNT];
	long meetings = 0;
	for (int w = 0; w < WHAT_COUNT; w++) {
		run(session, (what)w, meeting_id, &meetings); /* untimed: the page cache */
		best[w] = 1e300;
		for (int r = 0; r < options.runs; r++) {
			double took = run(session, (what)w, meeting_id, &meetings);
			if (took < best[w])
				best[w] = took;
		}
	}
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);

	printf("\n%-32s %10s %8s\n", "", "best ms", "ratio");
	for (int w = 0; w < WHAT_COUNT; w++)
		printf("%-32s %10.2f %8.1f\n", names[w], best[w], best[w] / best[BASELINE]);
	printf("\nratio: best time over the best time of the baseline.\n");
	printf("the first screen takes %.0f ms on %ld meetings: %s\n", best[FIRST_SCREEN],
	       options.meetings, best[FIRST_SCREEN] < 100.0 ? "at once" : "NOT at once (over 100 ms)");

	hw_session_close(session);
	bench_database_done(&options, directory, path);
	return 0;
}
