/* huiwu init: create the database for a government. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <stdbool.h>
#include <sys/stat.h>

#include "cli.h"
#include "demo.h"
#include "i18n.h"
#include "paths.h"
#include "session.h"
#include "store.h"

int cli_init(cli_context *context, int argc, char **argv)
{
	static const struct option options[] = {
		{"gov", required_argument, NULL, 'g'},
		{"demo", no_argument, NULL, 'd'},
		{NULL, 0, NULL, 0},
	};
	const char *key = NULL;
	bool demo = false;
	int option;
	optind = 0;
	opterr = 0;
	while ((option = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (option == 'g')
			key = optarg;
		else if (option == 'd')
			demo = true;
		else
			return cli_usage_error("init", _("unknown or incomplete option '%s'"),
					       argv[optind - 1]);
	}
	if (key == NULL || optind != argc)
		return cli_usage_error("init", "%s", _("say which government: huiwu init --gov KEY"));

	hw_error error = {0};
	hw_rules *rules = cli_load_rules(key, &error);
	if (rules == NULL)
		return cli_fail(&error);
	char path[4096];
	hw_store *store = NULL;
	int status = CLI_OK;
	struct stat existing;
	if (hw_database_path(context->db_option, path, sizeof path, &error) != 0) {
		hw_rules_free(rules);
		return cli_fail(&error);
	}
	bool created = stat(path, &existing) != 0;
	if ((store = hw_store_open(path, HW_OPEN_OR_CREATE, &error)) == NULL ||
	    hw_store_set_government(store, rules, &error) != 0) {
		status = cli_fail(&error);
	} else if (demo) {
		/* The demo goes through the same core actions a clerk's commands do. */
		hw_store_close(store);
		store = NULL;
		hw_session *session = hw_session_open(path, false, &error);
		if (session == NULL || hw_demo_fill(session, &error) != 0)
			status = cli_fail(&error);
		hw_session_close(session);
	}
	hw_store_close(store);
	if (status == CLI_OK) {
		printf(_("created %s for %s (%s)\n"), path, rules->government[HW_GOV_NAME],
		       rules->government[HW_GOV_KEY]);
	} else if (created) {
		/* A refused init leaves nothing behind. */
		char side[4200];
		remove(path);
		snprintf(side, sizeof side, "%s-wal", path);
		remove(side);
		snprintf(side, sizeof side, "%s-shm", path);
		remove(side);
	}
	hw_rules_free(rules);
	return status;
}
