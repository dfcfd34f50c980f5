/* Files that huiwu reads whole — rule files, holiday files, calendars to import — taken at the
 * door: a regular file (not a device, a FIFO or a folder, which would never end or block), no
 * larger than the caller's limit, and for the text files huiwu's own formats are written in,
 * well-formed UTF-8 without NUL bytes or control characters, each line within a limit. Every
 * refusal is one message, "FILE: …" or "FILE:LINE: …". */
#ifndef HW_TEXT_FILE_H
#define HW_TEXT_FILE_H

#include <stddef.h>

#include "hw_error.h"

/* Reads the whole of `path` into a malloc'd buffer, NUL-terminated (the NUL not counted in
 * *size); the caller frees *bytes. Opens without blocking (a FIFO is refused, not waited on),
 * refuses anything but a regular file and a file larger than `max_size` bytes, before reading
 * it. Returns 0, or -1 with the error set. */
int hw_file_read(const char *path, size_t max_size, char **bytes, size_t *size, hw_error *error);

/* Checks that the `size` bytes of `text` (read from `path`) are lines of text: no NUL byte,
 * well-formed UTF-8, no control character but TAB (and CR before a line's LF), no invisible
 * format character (bidi overrides and isolates, zero-width characters, a byte-order mark
 * past the file's start), each line at most `max_line` bytes. Returns 0, or -1 with
 * "PATH:LINE: message" for the first line that is not. */
int hw_text_check_lines(const char *path, const char *text, size_t size, size_t max_line,
			hw_error *error);

/* The lines of text that hw_text_file_read returned, cut out in place: starts past a byte-order
 * mark (Windows editors write one; it is no part of the first line). */
typedef struct hw_text_lines {
	char *next, *end;
	int number; /* of the line last returned, from 1 */
} hw_text_lines;

hw_text_lines hw_text_lines_of(char *text, size_t size);
/* The next line without its newline, or NULL after the last. */
char *hw_text_next_line(hw_text_lines *lines);

/* hw_file_read, then hw_text_check_lines. */
int hw_text_file_read(const char *path, size_t max_size, size_t max_line, char **bytes,
		      size_t *size, hw_error *error);

#endif
