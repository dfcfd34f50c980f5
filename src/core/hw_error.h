/* The error value every core function fills on failure: one message, already in the user's
 * language, that a front end shows as it is. */
#ifndef HW_ERROR_H
#define HW_ERROR_H

#include <stddef.h>

#define HW_ERROR_MESSAGE_SIZE 1024

typedef struct hw_error {
	char message[HW_ERROR_MESSAGE_SIZE];
	/* The input the message is about, by the name of its command-line option without the
	 * dashes ("date", "adhoc", "force"), or "" when none. The message itself never names a
	 * command-line flag, since the terminal UI shows it too: the command line adds the
	 * option (cli_fail: "(--date)", "add --force to do it anyway"), a form names its field.
	 * "force" means the refusal can be overridden on purpose; "huiwu meeting list" names
	 * the command that lists what exists. */
	char option[32];
} hw_error;

/* Sets the message (printf-style), clears the option and returns -1, so callers can
 * `return hw_error_set(...)`. */
int hw_error_set(hw_error *error, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* The same, naming the input the message is about (see hw_error.option). */
int hw_error_option(hw_error *error, const char *option, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
void hw_error_clear(hw_error *error);

/* The one way an array grows: makes room in *items (of *capacity elements of `size` bytes) for
 * element `count`, doubling. Running out of memory is an error like any other: returns -1 with
 * "out of memory" in `error`, the array untouched; never drop an element instead. */
int hw_grow(void **items, int *capacity, int count, size_t size, hw_error *error);

#endif
