/* What several views show the same way: type names and marks, weekdays, findings. */
#include <stdio.h>
#include <stdlib.h>

#include "checks.h"
#include "i18n.h"
#include "rules_text.h"
#include "ui.h"

const char *ui_type_name(const ui *app, hw_meeting_type type)
{
	const char *name = app->session->rules->types[type].name;
	return name ? name : hw_meeting_type_label(type);
}

const char *ui_type_mark(hw_meeting_type type)
{
	/* Two columns each: the calendar's cells show up to two. */
	static const char *const marks[HW_MEETING_TYPE_COUNT] = {
		/* TRANSLATORS: two columns: plenary meeting, as marked in a calendar cell */
		N_("Pl"),
		/* TRANSLATORS: two columns: executive meeting */
		N_("Ex"),
		/* TRANSLATORS: two columns: the head's office meeting */
		N_("Of"),
		/* TRANSLATORS: two columns: special-topic meeting */
		N_("Sp"),
		/* TRANSLATORS: two columns: study session */
		N_("St"),
		/* TRANSLATORS: two columns: a department's region-wide meeting */
		N_("Dw"),
	};
	return _(marks[type < HW_MEETING_TYPE_COUNT ? type : 0]);
}

int ui_meetings_add(const hw_meeting *meeting, void *user)
{
	ui_meetings *meetings = user;
	if (hw_grow((void **)&meetings->items, &meetings->capacity, meetings->count,
		    sizeof *meetings->items, meetings->error) != 0)
		return -1;
	meetings->items[meetings->count++] = *meeting;
	return 0;
}

void ui_meetings_free(ui_meetings *meetings)
{
	free(meetings->items);
	*meetings = (ui_meetings){0};
}

int ui_findings(ui *app, hw_date from, hw_date to, hw_findings *out, hw_error *error)
{
	hw_check_data data;
	*out = (hw_findings){0};
	if (hw_check_load(app->session, from, to, &data, error) != 0)
		return -1;
	int result = hw_check_run(app->session->rules, app->session->calendar, &data,
				  app->session->today, out, error);
	hw_check_data_free(&data);
	return result;
}

const char *ui_finding_label(const hw_finding *finding)
{
	const char *label = hw_finding_label(finding->code);
	return label ? label : finding->code;
}

void ui_finding_text(const hw_finding *finding, char *out, size_t size)
{
	char said[1400];
	snprintf(said, sizeof said, _("%s: %s"), ui_finding_label(finding), finding->message);
	snprintf(out, size, "%s%s%s%s", said, finding->clause[0] ? "  〔" : "", finding->clause,
		 finding->clause[0] ? "〕" : "");
}

bool ui_meeting_has_findings(const hw_findings *findings, int64_t meeting_id)
{
	for (int i = 0; i < findings->count; i++)
		if (findings->items[i].meeting_id == meeting_id)
			return true;
	return false;
}
