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
} run_result;

/* A fresh folder under $TMPDIR, removed by test_remove_tree. */
char *test_make_temp_dir(void);
void test_remove_tree(const char *path);
char *test_read_file(const char *path, size_t *size);
void test_write_file(const char *path, const char *content);
char *test_path(const char *directory, const char *name); /* malloc'd "dir/name" */

/* Runs the huiwu binary ($HUIWU_BINARY) with a NULL-terminated argument list (without
 * argv[0]) and NULL-terminated "NAME=value" environment additions ("NAME=" unsets). */
run_result test_run(const char *const *env, const char *const *args);
void test_run_free(run_result *result);
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
