/* huiwu init: create the database for a government. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <stdbool.h>
#include <sys/stat.h>

#include "cli.h"
#include "demo.h"
#include "i18n.h"
#include "paths.h"
#include "seal.h"
#include "session.h"
#include "store.h"

/* Removes a database file with its -wal and -shm. */
static void remove_database(const char *path)
{
	char side[4300];
	remove(path);
	snprintf(side, sizeof side, "%s-wal", path);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", path);
	remove(side);
}

/* Gives the database built at `building` its name `path`, flushed to disk first; never over a
 * file that appeared at `path` meanwhile. */
static int link_whole(const char *building, const char *path, hw_error *error)
{
	char wal[4300];
	snprintf(wal, sizeof wal, "%s-wal", building);
	struct stat status;
	/* Closing checkpoints the log into the file: a -wal left would be lost with the name. */
	if (stat(wal, &status) == 0)
		return hw_error_set(error, _("cannot create %s: %s is left over; nothing was changed"),
				    path, wal);
	int descriptor = open(building, O_RDONLY | O_CLOEXEC);
	bool synced = descriptor >= 0 && fsync(descriptor) == 0;
	if (descriptor >= 0)
		close(descriptor);
	if (!synced || link(building, path) != 0)
		return hw_error_set(error, _("cannot create %s: %s"), path, strerror(errno));
	hw_sync_parent_dir(path);
	return 0;
}

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
	/* The key the audit log will be sealed with (src/core/seal.h), made now if there is none,
	 * so that the user learns where it is before it matters. */
	hw_audit_key audit_key;
	if (hw_audit_key_ensure(&audit_key, &error) != 0) {
		hw_rules_free(rules);
		return cli_fail(&error);
	}
	bool created = stat(path, &existing) != 0;
	/* A new database is built under a temporary name beside its place and linked there whole
	 * when done: an init killed midway leaves nothing in the way of the next one (which
	 * removes what it left). An existing database (set up for no government yet) is set up in
	 * place, in one transaction. */
	char building[4200];
	const char *target = path;
	if (created) {
		hw_remove_stale_temps(path, ".init-");
		if (hw_temp_beside(path, ".init-", building, sizeof building, &error) != 0) {
			hw_rules_free(rules);
			return cli_fail(&error);
		}
		remove_database(building); /* a dead process's, whose number came round again */
		target = building;
	}
	if ((store = hw_store_open(target, HW_OPEN_OR_CREATE, &error)) == NULL ||
	    hw_store_set_government(store, rules, &error) != 0) {
		status = cli_fail(&error);
	} else {
		hw_crash_point("init-set-up");
		if (demo) {
			/* The demo goes through the same core actions a clerk's commands do. */
			hw_store_close(store);
			store = NULL;
			hw_session *session = hw_session_open(target, false, &error);
			if (session == NULL || hw_demo_fill(session, &error) != 0)
				status = cli_fail(&error);
			hw_session_close(session);
		}
	}
	hw_store_close(store);
	if (status == CLI_OK && created && link_whole(building, path, &error) != 0)
		status = cli_fail(&error);
	if (created)
		remove_database(building);
	if (status == CLI_OK)
		printf(_("created %s for %s (%s)\n"), path, rules->government[HW_GOV_NAME],
		       rules->government[HW_GOV_KEY]);
	hw_rules_free(rules);
	return status;
}
