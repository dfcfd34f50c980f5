/* What the clerk is told while planning: a meeting placed in a year whose holiday arrangement is
 * not published, or on one of its provisional statutory holidays, and deadlines counted across
 * such a year. The questions are core's (workdays.h, series.h, minutes.h); this only says it. */
#include <stdio.h>

#include "cli.h"
#include "i18n.h"
#include "minutes.h"
#include "series.h"
#include "session.h"

void cli_note_planned_date(const hw_calendar *calendar, hw_date date)
{
	char note[512];
	if (hw_calendar_provisional_holiday_note(calendar, date, note, sizeof note)) {
		/* The warning names the year already: once is enough. */
		fprintf(stderr, _("warning: %s\n"), note);
		return;
	}
	hw_years_without_data touched = {0};
	hw_calendar_note_year(calendar, hw_date_year(date), &touched);
	cli_note_years_without_data(calendar, &touched);
}

int cli_note_planned_series(struct hw_session *session, int64_t id, hw_error *error)
{
	hw_years_without_data touched = {0};
	if (hw_series_years_without_data(session, id, &touched, error) != 0)
		return -1;
	cli_note_years_without_data(session->calendar, &touched);
	return 0;
}

void cli_note_deadline(const hw_calendar *calendar, const hw_deadline *deadline,
		       hw_years_without_data *all)
{
	for (int i = 0; i < deadline->touched.count; i++)
		hw_calendar_note_year(calendar, deadline->touched.years[i], all);
}
