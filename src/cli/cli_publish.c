/* huiwu publish: the schedule to a CalDAV server (src/cal/publish.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "publish.h"
#include "session.h"

typedef struct publish_output {
	bool progress; /* a terminal: the progress line is redrawn in place */
	bool drawn;
} publish_output;

static void on_event(hw_publish_event event, const char *uid, const char *summary, int done,
		     int total, void *user)
{
	publish_output *output = user;
	if (event == HW_PUBLISH_CONFLICT) {
		if (output->drawn)
			fputc('\n', stderr);
		output->drawn = false;
		cli_error(_("changed on the server since the last publish, left as it is there "
			    "(--force overwrites): %s (%s)"),
			  summary, uid);
		return;
	}
	if (output->progress && (done % 50 == 0 || done == total)) {
		fputc('\r', stderr);
		fprintf(stderr, _("publishing: %d of %d"), done, total);
		output->drawn = true;
	}
}

static int publish_setup(int argc, char **argv)
{
	const char *user = NULL, *password_file = NULL, *url = NULL;
	const cli_option options[] = {
		{"user", &user, NULL}, {"password-file", &password_file, NULL}, {NULL, NULL, NULL}};
	int usage = cli_parse("publish setup", argc, argv, options, &url, 1, 1);
	if (usage != CLI_OK)
		return usage;
	if (user == NULL || password_file == NULL)
		return cli_usage_error("publish setup", "%s",
				       _("say who: huiwu publish setup URL --user U --password-file F"));
	hw_error error = {0};
	if (hw_publish_config_save(url, user, password_file, &error) != 0)
		return cli_fail(&error);
	char path[1100];
	hw_publish_config_path(path, sizeof path);
	fprintf(stderr, _("the server is set up in %s\n"), path);
	return CLI_OK;
}

int cli_publish(cli_context *context, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "setup") == 0)
		return publish_setup(argc - 1, argv + 1);
	const char *person = NULL;
	bool force = false;
	const cli_option options[] = {
		{"person", &person, NULL}, {"force", NULL, &force}, {NULL, NULL, NULL}};
	int usage = cli_parse("publish", argc, argv, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	hw_error error = {0};
	hw_publish_config config;
	if (hw_publish_config_load(&config, &error) != 0)
		return cli_fail(&error);
	hw_session *session = cli_open_session(context, false);
	if (session == NULL)
		return CLI_BAD_INPUT;
	publish_output output = {.progress = isatty(STDERR_FILENO) == 1};
	hw_publish_options publish = {.person = person, .force = force, .notify = on_event,
				      .user = &output};
	hw_publish_report report;
	int status = hw_publish(session, &config, &publish, &report, &error);
	if (output.drawn)
		fputc('\n', stderr);
	if (status != 0) {
		status = cli_fail(&error);
	} else {
		fprintf(stderr, _("%s: %d resources, %d created, %d updated, %d deleted, %d unchanged\n"),
			report.collection, report.resources, report.created, report.updated,
			report.deleted, report.unchanged);
		if (report.conflicts > 0) {
			cli_error(_("%d resources changed on the server were left as they are"),
				  report.conflicts);
			status = CLI_BAD_INPUT;
		}
	}
	hw_session_close(session);
	return status;
}
