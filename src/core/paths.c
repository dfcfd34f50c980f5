#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

#ifndef HUIWU_BUILD_ROOT
#error "HUIWU_BUILD_ROOT must name the build folder"
#endif
#ifndef HUIWU_SOURCE_DATADIR
#error "HUIWU_SOURCE_DATADIR must name the source tree's data folder"
#endif
#ifndef HUIWU_INSTALLED_DATADIR
#error "HUIWU_INSTALLED_DATADIR must name the installed data folder"
#endif

/* True when the running program lies inside the build folder, i.e. it is not installed. */
static bool running_from_build_tree(void)
{
	char executable[PATH_MAX];
	ssize_t length = readlink("/proc/self/exe", executable, sizeof executable - 1);
	if (length <= 0)
		return false;
	executable[length] = '\0';
	char build_root[PATH_MAX];
	if (realpath(HUIWU_BUILD_ROOT, build_root) == NULL)
		return false;
	size_t root_length = strlen(build_root);
	return strncmp(executable, build_root, root_length) == 0 && executable[root_length] == '/';
}

const char *hw_data_dir(void)
{
	const char *from_environment = getenv("HUIWU_DATA_DIR");
	if (from_environment != NULL && *from_environment != '\0')
		return from_environment;
	return running_from_build_tree() ? HUIWU_SOURCE_DATADIR : HUIWU_INSTALLED_DATADIR;
}

void hw_rules_dir(char *out, size_t size)
{
	const char *from_environment = getenv("HUIWU_RULES_DIR");
	if (from_environment != NULL && *from_environment != '\0')
		snprintf(out, size, "%s", from_environment);
	else
		snprintf(out, size, "%s/rules", hw_data_dir());
}

void hw_holidays_dir(char *out, size_t size)
{
	snprintf(out, size, "%s/holidays", hw_data_dir());
}

int hw_database_path(const char *explicit_path, char *out, size_t size, hw_error *error)
{
	const char *path = explicit_path;
	if (path == NULL || *path == '\0')
		path = getenv("HUIWU_DB");
	if (path != NULL && *path != '\0') {
		if ((size_t)snprintf(out, size, "%s", path) >= size)
			return hw_error_set(error, "%s", _("the database path is too long"));
		return 0;
	}
	const char *data_home = getenv("XDG_DATA_HOME");
	int written;
	if (data_home != NULL && data_home[0] == '/') {
		written = snprintf(out, size, "%s/huiwu/huiwu.db", data_home);
	} else {
		const char *home = getenv("HOME");
		if (home == NULL || *home == '\0')
			return hw_error_set(error, "%s",
					    _("neither --db, HUIWU_DB, XDG_DATA_HOME nor HOME is set: "
					      "say where the database is with --db PATH"));
		written = snprintf(out, size, "%s/.local/share/huiwu/huiwu.db", home);
	}
	if (written < 0 || (size_t)written >= size)
		return hw_error_set(error, "%s", _("the database path is too long"));
	return 0;
}

int hw_make_parent_dirs(const char *path, hw_error *error)
{
	char directory[PATH_MAX];
	if (snprintf(directory, sizeof directory, "%s", path) >= (int)sizeof directory)
		return hw_error_set(error, "%s", _("the database path is too long"));
	char *slash = strrchr(directory, '/');
	if (slash == NULL || slash == directory)
		return 0;
	*slash = '\0';
	for (char *p = directory + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(directory, 0700) != 0 && errno != EEXIST)
			return hw_error_set(error, _("cannot create the folder %s: %s"), directory,
					    strerror(errno));
		*p = '/';
	}
	if (mkdir(directory, 0700) != 0 && errno != EEXIST)
		return hw_error_set(error, _("cannot create the folder %s: %s"), directory,
				    strerror(errno));
	return 0;
}
