#include "fuzz_common.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char folder[4096];

static int remove_entry(const char *path, const struct stat *status, int flag, struct FTW *ftw)
{
	(void)status;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_folder(void)
{
	if (folder[0] != '\0')
		nftw(folder, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_folder(void)
{
	if (folder[0] == '\0') {
		const char *base = getenv("TMPDIR");
		snprintf(folder, sizeof folder, "%s/huiwu-fuzz-XXXXXX", base && *base ? base : "/tmp");
		if (mkdtemp(folder) == NULL) {
			perror("mkdtemp");
			abort();
		}
		atexit(remove_folder);
	}
	return folder;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[4352];
	snprintf(path, sizeof path, "%s/%s", fuzz_folder(), name);
	FILE *file = fopen(path, "wb");
	if (file == NULL)
		return NULL;
	size_t written = fwrite(data, 1, size, file);
	if (fclose(file) != 0 || written != size)
		return NULL;
	return path;
}
