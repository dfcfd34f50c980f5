#include "external.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

bool bench_find_program(const char *name, char *path, size_t size)
{
	const char *search = getenv("PATH");
	if (search == NULL || *search == '\0')
		search = "/usr/local/bin:/usr/bin:/bin";
	for (const char *start = search; *start;) {
		const char *end = strchr(start, ':');
		size_t length = end ? (size_t)(end - start) : strlen(start);
		if (length > 0) {
			snprintf(path, size, "%.*s/%s", (int)length, start, name);
			struct stat status;
			if (stat(path, &status) == 0 && S_ISREG(status.st_mode) &&
			    access(path, X_OK) == 0)
				return true;
		}
		start += length + (end != NULL);
	}
	return false;
}

double bench_run_program(char *const argv[], const char *output, double *cpu_ms)
{
	const char *temporary = getenv("TMPDIR");
	char errors[4096];
	snprintf(errors, sizeof errors, "%s/huiwu-bench-stderr-XXXXXX",
		 temporary && *temporary ? temporary : "/tmp");
	int error_fd = mkstemp(errors);
	if (error_fd < 0)
		bench_die("mkstemp", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	double start = bench_now_ms();
	pid_t child = fork();
	if (child < 0)
		bench_die("fork", strerror(errno));
	if (child == 0) {
		int out = open(output ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);
		if (out < 0 || in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(error_fd, 2) < 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage usage;
	if (wait4(child, &status, 0, &usage) != child)
		bench_die(argv[0], strerror(errno));
	double ms = bench_now_ms() - start;
	if (cpu_ms != NULL)
		*cpu_ms = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
			  (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s: %s failed; it wrote:\n", bench_program, argv[0]);
		char buffer[4096];
		ssize_t got;
		lseek(error_fd, 0, SEEK_SET);
		while ((got = read(error_fd, buffer, sizeof buffer)) > 0)
			fwrite(buffer, 1, (size_t)got, stderr);
		close(error_fd);
		remove(errors);
		bench_die(argv[0], "the program failed");
	}
	close(error_fd);
	remove(errors);
	return ms;
}

static int remove_entry(const char *path, const struct stat *status, int flag, struct FTW *walk)
{
	(void)status;
	(void)flag;
	(void)walk;
	return remove(path);
}

void bench_remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
