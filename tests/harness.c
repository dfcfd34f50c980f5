#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

void test_copy_file(const char *from, const char *to)
{
	size_t size = 0;
	char *content = test_read_file(from, &size);
	FILE *file = content ? fopen(to, "wb") : NULL;
	bool written = file != NULL && fwrite(content, 1, size, file) == size;
	if (file != NULL && fclose(file) != 0)
		written = false;
	free(content);
	if (!written)
		fail_msg("cannot copy %s to %s", from, to);
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

/* The environment for a child: ours, with each "NAME=value" of `changes` set ("NAME=" unsets),
 * then `last` (one more change, or NULL) over them. The array and its strings are the caller's
 * to free (free_environment). */
static char **child_environment(const char *const *changes, const char *last)
{
	size_t count = 0, extra = 0;
	while (environ[count] != NULL)
		count++;
	for (const char *const *c = changes; c && *c; c++)
		extra++;
	/* `last` after the caller's changes: the last change of a name wins. */
	const char **all = calloc(extra + 2, sizeof *all);
	if (all == NULL)
		fail_msg("out of memory");
	for (size_t i = 0; i < extra; i++)
		all[i] = changes[i];
	all[extra] = last;
	extra += last != NULL;
	changes = all;
	char **result = calloc(count + extra + 1, sizeof *result);
	if (result == NULL)
		fail_msg("out of memory");
	size_t used = 0;
	for (size_t i = 0; i < count; i++) {
		bool replaced = false;
		for (const char *const *c = changes; c && *c && !replaced; c++) {
			size_t name_length = strcspn(*c, "=");
			replaced = strncmp(environ[i], *c, name_length + 1) == 0;
		}
		if (!replaced && (result[used++] = strdup(environ[i])) == NULL)
			fail_msg("out of memory");
	}
	for (const char *const *c = changes; c && *c; c++) {
		size_t name_length = strcspn(*c, "=");
		bool set_again_later = false; /* the last change of a name wins, as with setenv */
		for (const char *const *later = c + 1; *later && !set_again_later; later++)
			set_again_later = strncmp(*later, *c, name_length + 1) == 0;
		if (set_again_later || (*c)[name_length] != '=' || (*c)[name_length + 1] == '\0')
			continue;
		if ((result[used++] = strdup(*c)) == NULL)
			fail_msg("out of memory");
	}
	result[used] = NULL;
	free(all);
	return result;
}

static void free_environment(char **environment)
{
	for (char **e = environment; *e != NULL; e++)
		free(*e);
	free(environment);
}

bool test_memory_limit_works(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	return false;
#else
	return true;
#endif
#else
	return true;
#endif
}

/* Starts the binary. posix_spawn, not fork: forking a sanitized test program copies the page
 * tables of its shadow memory, which made each run cost ten times what the command itself does.
 * posix_spawn cannot set a limit in the child, so an address-space limit is set on this
 * (single-threaded) process around the spawn, inherited, and taken back. */
static int spawn(const char *const *env, const char *const *args, const char *stdin_path,
		 const char *out_path, const char *err_path, long long memory_bytes)
{
	const char *binary = getenv("HUIWU_BINARY");
	if (binary == NULL)
		fail_msg("HUIWU_BINARY is not set: run the tests with 'meson test'");
	const char *argv[64] = {binary};
	int argc = 1;
	for (const char *const *a = args; *a && argc < 63; a++)
		argv[argc++] = *a;
	argv[argc] = NULL;
	/* Leak checks at the child's exit only where the test is about the command line
	 * (tests/meson.build, leak_checked): the last detect_leaks in ASAN_OPTIONS wins. */
	char no_leak_check[1024] = "";
	const char *asan = getenv("ASAN_OPTIONS");
	if (getenv("HUIWU_CHILD_LEAK_CHECKS") == NULL && asan != NULL)
		snprintf(no_leak_check, sizeof no_leak_check, "ASAN_OPTIONS=%s:detect_leaks=0", asan);
	char **environment = child_environment(env, no_leak_check[0] ? no_leak_check : NULL);
	posix_spawn_file_actions_t actions;
	if (posix_spawn_file_actions_init(&actions) != 0 ||
	    posix_spawn_file_actions_addopen(&actions, 0, stdin_path ? stdin_path : "/dev/null",
					     O_RDONLY, 0) != 0 ||
	    posix_spawn_file_actions_addopen(&actions, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC,
					     0600) != 0 ||
	    posix_spawn_file_actions_addopen(&actions, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC,
					     0600) != 0)
		fail_msg("posix_spawn_file_actions: out of memory");
	struct rlimit saved;
	bool limited = memory_bytes > 0 && getrlimit(RLIMIT_AS, &saved) == 0;
	if (limited) {
		struct rlimit limit = {(rlim_t)memory_bytes, saved.rlim_max};
		if (saved.rlim_max != RLIM_INFINITY && limit.rlim_cur > saved.rlim_max)
			limit.rlim_cur = saved.rlim_max;
		limited = setrlimit(RLIMIT_AS, &limit) == 0;
	}
	pid_t pid;
	int spawned = posix_spawn(&pid, binary, &actions, NULL, (char *const *)argv, environment);
	if (limited)
		setrlimit(RLIMIT_AS, &saved);
	posix_spawn_file_actions_destroy(&actions);
	free_environment(environment);
	if (spawned != 0)
		fail_msg("cannot run %s: %s", binary, strerror(spawned));
	return pid;
}

int test_spawn(const char *const *env, const char *const *args, const char *out_path,
	       const char *err_path)
{
	return spawn(env, args, NULL, out_path, err_path, 0);
}

int test_wait_for(int pid, long timeout_us)
{
	int status = 0;
	if (timeout_us >= 0) {
		/* Waits on a pidfd rather than polling: no test sleeps. */
		int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
		if (pidfd < 0)
			fail_msg("pidfd_open: %s", strerror(errno));
		struct pollfd ready = {pidfd, POLLIN, 0};
		struct timespec timeout = {timeout_us / 1000000, timeout_us % 1000000 * 1000};
		int polled;
		while ((polled = ppoll(&ready, 1, &timeout, NULL)) < 0 && errno == EINTR)
			;
		close(pidfd);
		if (polled == 0)
			return -1;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fail_msg("waitpid: %s", strerror(errno));
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

run_result test_run_bounded(const char *const *env, const char *const *args, const test_limits *limits)
{
	char *directory = test_make_temp_dir();
	char *out_path = test_path(directory, "out"), *err_path = test_path(directory, "err");
	long long memory = limits && test_memory_limit_works() ? limits->memory_bytes : 0;
	int pid = spawn(env, args, limits ? limits->stdin_path : NULL, out_path, err_path, memory);
	run_result result = {0};
	long timeout = limits && limits->timeout_ms > 0 ? limits->timeout_ms * 1000L : -1;
	result.status = test_wait_for(pid, timeout);
	if (result.status < 0) {
		kill(pid, SIGKILL);
		result.status = test_wait_for(pid, -1);
		result.timed_out = true;
	}
	result.out = test_read_file(out_path, NULL);
	result.err = test_read_file(err_path, NULL);
	test_remove_tree(directory);
	free(out_path);
	free(err_path);
	free(directory);
	return result;
}

run_result test_run(const char *const *env, const char *const *args)
{
	return test_run_bounded(env, args, NULL);
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
