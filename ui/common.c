/* What several views show the same way: type names and marks, weekdays, findings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The title less what the calendar says already: the government's name before it, and the
 * type's name around a bracketed subject ("全县性会议（公安局：道路交通安全工作）" gives
 * "公安局：道路交通安全工作"). A title that is nothing else stays whole. */
void ui_short_title(const ui *app, const hw_meeting *meeting, char *out, size_t size)
{
	const char *title = meeting->title;
	const char *type = app->session->rules->types[meeting->type].name;
	const char *government = app->session->rules->government[HW_GOV_NAME];
	static const char open[] = "（", close[] = "）";
	size_t type_length = type ? strlen(type) : 0, title_length = strlen(title);
	if (type_length > 0 && strncmp(title, type, type_length) == 0 &&
	    strncmp(title + type_length, open, strlen(open)) == 0 &&
	    title_length > type_length + strlen(open) + strlen(close) &&
	    strcmp(title + title_length - strlen(close), close) == 0) {
		const char *subject = title + type_length + strlen(open);
		int length = (int)(title_length - type_length - strlen(open) - strlen(close));
		snprintf(out, size, "%.*s", length, subject);
		return;
	}
	size_t government_length = government ? strlen(government) : 0;
	if (government_length > 0 && strncmp(title, government, government_length) == 0 &&
	    title[government_length] != '\0')
		title += government_length;
	snprintf(out, size, "%s", title);
}
