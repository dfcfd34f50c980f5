/* Publishing from the UI: `E` offers it beside the export to a file; the status line says when
 * the calendar was last published and whether changes wait (src/cal/publish.h). */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "publish.h"
#include "ui.h"

static void on_event(hw_publish_event event, const char *uid, const char *summary, int done,
		     int total, void *user)
{
	int *conflicts = user;
	(void)uid;
	(void)summary;
	(void)done;
	(void)total;
	if (event == HW_PUBLISH_CONFLICT)
		++*conflicts;
}

void ui_publish_action(ui *app)
{
	hw_error error = {0};
	hw_publish_config config;
	if (hw_publish_config_load(&config, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	ui_say(app, false, "%s", _("publishing…"));
	ui_draw_screen(app);
	refresh();
	int conflicts = 0;
	hw_publish_options options = {.notify = on_event, .user = &conflicts};
	hw_publish_report report;
	if (hw_publish(app->session, &config, &options, &report, &error) != 0)
		ui_say(app, true, "%s", error.message);
	else if (conflicts > 0)
		ui_say(app, true,
		       _("%d resources changed on the server were left as they are"),
		       conflicts);
	else
		ui_say(app, false, _("published: %d created, %d updated, %d deleted, %d unchanged"),
		       report.created, report.updated, report.deleted, report.unchanged);
}

void ui_publish_status(ui *app, char *out, size_t size)
{
	char last[64];
	bool pending;
	hw_error error = {0};
	out[0] = '\0';
	if (hw_publish_status(app->session, last, sizeof last, &pending, &error) != 0 || !last[0])
		return;
	/* "YYYY-MM-DDTHH:MM:SSZ" shown as "YYYY-MM-DD HH:MM UTC". */
	snprintf(out, size, pending ? _(" published %.10s %.5s UTC, changes wait |")
				    : _(" published %.10s %.5s UTC |"),
		 last, last + 11);
}
