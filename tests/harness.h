/* Helpers shared by the test programs: temporary folders, files, and running the huiwu
 * binary as a user would, capturing what it prints. */
#ifndef HW_TEST_HARNESS_H
#define HW_TEST_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

typedef struct run_result {
	int status; /* exit status, or 128+signal */
	char *out;
	char *err;
	bool timed_out; /* test_run_bounded killed it at its time limit */
} run_result;

/* A fresh folder under $TMPDIR, removed by test_remove_tree. */
char *test_make_temp_dir(void);
void test_remove_tree(const char *path);
char *test_read_file(const char *path, size_t *size);
void test_write_file(const char *path, const char *content);
/* Copies a file byte for byte; fails the test when it cannot. */
void test_copy_file(const char *from, const char *to);
char *test_path(const char *directory, const char *name); /* malloc'd "dir/name" */

/* Runs the huiwu binary ($HUIWU_BINARY) with a NULL-terminated argument list (without
 * argv[0]) and NULL-terminated "NAME=value" environment additions ("NAME=" unsets). */
run_result test_run(const char *const *env, const char *const *args);
void test_run_free(run_result *result);

/* Limits for test_run_bounded. */
typedef struct test_limits {
	int timeout_ms;          /* killed (SIGKILL) after this long; 0: no limit */
	long long memory_bytes;  /* RLIMIT_AS of the child; 0: none (see test_memory_limit_works) */
	const char *stdin_path;  /* NULL: /dev/null */
} test_limits;

/* test_run with a time limit, an address-space limit and a chosen stdin. */
run_result test_run_bounded(const char *const *env, const char *const *args, const test_limits *limits);
/* Whether an RLIMIT_AS can be set on huiwu: not in a build with AddressSanitizer, whose shadow
 * memory reserves terabytes of address space. */
bool test_memory_limit_works(void);

/* Starts huiwu without waiting, its stdout and stderr going to these files; returns its pid.
 * test_wait_for waits at most `timeout_us` microseconds (-1: for ever) and returns its status as in
 * run_result, or -1 if it is still running. */
int test_spawn(const char *const *env, const char *const *args, const char *out_path,
	       const char *err_path);
int test_wait_for(int pid, long timeout_us);
/* Number of lines in `text`. */
int test_count_lines(const char *text);

/* The source tree's data folder ($HUIWU_SOURCE_DATA). */
const char *test_data_dir(void);

#define assert_contains(haystack, needle)                                                          \
	do {                                                                                       \
		const char *hw_haystack_ = (haystack);                                             \
		const char *hw_needle_ = (needle);                                                 \
		if (hw_haystack_ == NULL || strstr(hw_haystack_, hw_needle_) == NULL)              \
			fail_msg("expected to find \"%s\" in \"%s\"", hw_needle_,                  \
				 hw_haystack_ ? hw_haystack_ : "(null)");                          \
	} while (0)

#define assert_not_contains(haystack, needle)                                                      \
	do {                                                                                       \
		const char *hw_haystack_ = (haystack);                                             \
		if (hw_haystack_ != NULL && strstr(hw_haystack_, (needle)) != NULL)                \
			fail_msg("did not expect \"%s\" in \"%s\"", (needle), hw_haystack_);       \
	} while (0)

#endif
