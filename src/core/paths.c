#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
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

int hw_user_holidays_dir(char *out, size_t size)
{
	const char *data_home = getenv("XDG_DATA_HOME");
	int written;
	if (data_home != NULL && data_home[0] == '/') {
		written = snprintf(out, size, "%s/huiwu/holidays", data_home);
	} else {
		const char *home = getenv("HOME");
		if (home == NULL || *home == '\0')
			return -1;
		written = snprintf(out, size, "%s/.local/share/huiwu/holidays", home);
	}
	return written < 0 || (size_t)written >= size ? -1 : 0;
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

mode_t hw_new_file_mode(bool database)
{
	/* umask() only sets; reading it means setting it back. */
	mode_t mask = umask(077);
	umask(mask);
	if (!database)
		return 0666 & ~mask;
	return (mask & 020) == 0 ? (0660 & ~mask) : 0600;
}

int hw_temp_beside(const char *path, const char *tag, char *out, size_t size, hw_error *error)
{
	int written = snprintf(out, size, "%s%s%ld", path, tag, (long)getpid());
	if (written < 0 || (size_t)written >= size)
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(ENAMETOOLONG));
	return 0;
}

void hw_remove_stale_temps(const char *path, const char *tag)
{
	char copy[PATH_MAX], base_copy[PATH_MAX];
	if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
		return;
	snprintf(base_copy, sizeof base_copy, "%s", path);
	const char *folder = dirname(copy), *base = basename(base_copy);
	char prefix[PATH_MAX];
	if (snprintf(prefix, sizeof prefix, "%s%s", base, tag) >= (int)sizeof prefix)
		return;
	size_t prefix_length = strlen(prefix);
	DIR *directory = opendir(folder);
	if (directory == NULL)
		return;
	struct dirent *entry;
	while ((entry = readdir(directory)) != NULL) {
		if (strncmp(entry->d_name, prefix, prefix_length) != 0)
			continue;
		char *end;
		long pid = strtol(entry->d_name + prefix_length, &end, 10);
		bool ours = *end == '\0' || strcmp(end, "-wal") == 0 || strcmp(end, "-shm") == 0 ||
			    strcmp(end, "-journal") == 0;
		if (!ours || pid <= 0 || end == entry->d_name + prefix_length)
			continue;
		/* Only a process that is gone: a running one is still writing. */
		if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char stale[PATH_MAX];
		if (snprintf(stale, sizeof stale, "%s/%s", folder, entry->d_name) < (int)sizeof stale)
			unlink(stale);
	}
	closedir(directory);
}

int hw_sync_parent_dir(const char *path)
{
	char copy[PATH_MAX];
	if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
		return -1;
	int descriptor = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (descriptor < 0)
		return -1;
	int result = fsync(descriptor);
	close(descriptor);
	return result;
}

void hw_crash_point(const char *point)
{
	const char *wanted = getenv("HUIWU_CRASH_AT");
	if (wanted != NULL && strcmp(wanted, point) == 0)
		raise(SIGKILL);
}
