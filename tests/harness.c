#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *test_make_temp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char *template = NULL;
	if (asprintf(&template, "%s/huiwu-test-XXXXXX", base && *base ? base : "/tmp") < 0)
		fail_msg("out of memory");
	if (mkdtemp(template) == NULL)
		fail_msg("mkdtemp: %s", strerror(errno));
	return template;
}

static int remove_entry(const char *path, const struct stat *status, int flag, struct FTW *ftw)
{
	(void)status;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void test_remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *test_read_file(const char *path, size_t *size)
{
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return NULL;
	size_t capacity = 4096, used = 0;
	char *data = malloc(capacity + 1);
	size_t n;
	while ((n = fread(data + used, 1, capacity - used, file)) > 0) {
		used += n;
		if (used == capacity)
			data = realloc(data, (capacity *= 2) + 1);
	}
	fclose(file);
	data[used] = '\0';
	if (size)
		*size = used;
	return data;
}

void test_write_file(const char *path, const char *content)
{
	FILE *file = fopen(path, "wb");
	if (file == NULL)
		fail_msg("cannot write %s: %s", path, strerror(errno));
	fputs(content, file);
	fclose(file);
}

char *test_path(const char *directory, const char *name)
{
	char *path = NULL;
	if (asprintf(&path, "%s/%s", directory, name) < 0)
		fail_msg("out of memory");
	return path;
}

const char *test_data_dir(void)
{
	const char *data = getenv("HUIWU_SOURCE_DATA");
	if (data == NULL)
		fail_msg("HUIWU_SOURCE_DATA is not set: run the tests with 'meson test'");
	return data;
}

run_result test_run(const char *const *env, const char *const *args)
{
	const char *binary = getenv("HUIWU_BINARY");
	if (binary == NULL)
		fail_msg("HUIWU_BINARY is not set: run the tests with 'meson test'");
	char *directory = test_make_temp_dir();
	char *out_path = test_path(directory, "out"), *err_path = test_path(directory, "err");
	pid_t pid = fork();
	if (pid == 0) {
		int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		for (const char *const *e = env; e && *e; e++) {
			const char *equals = strchr(*e, '=');
			char name[256];
			snprintf(name, sizeof name, "%.*s", (int)(equals - *e), *e);
			if (equals[1] == '\0')
				unsetenv(name);
			else
				setenv(name, equals + 1, 1);
		}
		const char *argv[64] = {binary};
		int argc = 1;
		for (const char *const *a = args; *a && argc < 63; a++)
			argv[argc++] = *a;
		argv[argc] = NULL;
		execv(binary, (char *const *)argv);
		_exit(127);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	run_result result;
	result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	result.out = test_read_file(out_path, NULL);
	result.err = test_read_file(err_path, NULL);
	test_remove_tree(directory);
	free(out_path);
	free(err_path);
	free(directory);
	return result;
}

void test_run_free(run_result *result)
{
	free(result->out);
	free(result->err);
}

int test_count_lines(const char *text)
{
	int lines = 0;
	for (const char *c = text; c && *c; c++)
		lines += *c == '\n';
	return lines;
}
