#include "text_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"

int hw_file_read(const char *path, size_t max_size, char **bytes, size_t *size, hw_error *error)
{
	*bytes = NULL;
	*size = 0;
	/* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return hw_error_set(error, _("%s: cannot read the file: %s"), path, strerror(errno));
	struct stat status;
	if (fstat(fd, &status) != 0) {
		int saved = errno;
		close(fd);
		return hw_error_set(error, _("%s: cannot read the file: %s"), path, strerror(saved));
	}
	if (!S_ISREG(status.st_mode)) {
		close(fd);
		return hw_error_set(error, _("%s: not a regular file"), path);
	}
	if ((uintmax_t)status.st_size > max_size) {
		close(fd);
		return hw_error_set(error, _("%s: the file is larger than %zu KiB, the limit for it"),
				    path, max_size / 1024);
	}
	/* A regular file may still grow while it is read: read at most one byte past the limit. */
	size_t capacity = (size_t)status.st_size + 1;
	char *buffer = malloc(capacity + 1);
	size_t used = 0;
	while (buffer != NULL) {
		if (used == capacity) {
			if (capacity > max_size)
				break;
			size_t grown_capacity = capacity * 2 > max_size + 1 ? max_size + 1 : capacity * 2;
			char *grown = realloc(buffer, grown_capacity + 1);
			if (grown == NULL) {
				free(buffer);
				buffer = NULL;
				break;
			}
			buffer = grown;
			capacity = grown_capacity;
		}
		ssize_t n = read(fd, buffer + used, capacity - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			free(buffer);
			close(fd);
			return hw_error_set(error, _("%s: cannot read the file: %s"), path,
					    strerror(saved));
		}
		if (n == 0)
			break;
		used += (size_t)n;
	}
	close(fd);
	if (buffer == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	if (used > max_size) {
		free(buffer);
		return hw_error_set(error, _("%s: the file is larger than %zu KiB, the limit for it"),
				    path, max_size / 1024);
	}
	buffer[used] = '\0';
	*bytes = buffer;
	*size = used;
	return 0;
}

int hw_text_check_lines(const char *path, const char *text, size_t size, size_t max_line,
			hw_error *error)
{
	int line = 0;
	size_t start = 0;
	while (start < size) {
		line++;
		const char *newline = memchr(text + start, '\n', size - start);
		size_t end = newline ? (size_t)(newline - text) : size;
		size_t length = end - start;
		const unsigned char *s = (const unsigned char *)text + start;
		if (length > max_line)
			return hw_error_set(error, _("%s:%d: the line is longer than %zu bytes"), path,
					    line, max_line);
		if (memchr(s, '\0', length) != NULL)
			return hw_error_set(error, _("%s:%d: the line holds a NUL byte: not a text file"),
					    path, line);
		if (!hw_utf8_valid((const char *)s, length))
			return hw_error_set(error, _("%s:%d: the line is not valid UTF-8"), path, line);
		/* Valid UTF-8 by now: every step finds a whole character. */
		for (size_t i = 0, n; i < length; i += n) {
			uint32_t c = hw_utf8_next((const char *)s + i, length - i, &n);
			bool line_end = c == '\r' && i + 1 == length;
			if (hw_char_is_control(c) && c != '\t' && !line_end)
				return hw_error_set(error,
						    _("%s:%d: the line holds the control character U+%04X"),
						    path, line, (unsigned)c);
			if (hw_char_is_invisible(c) && !(c == 0xFEFF && start == 0 && i == 0))
				return hw_error_set(error,
						    _("%s:%d: the line holds the invisible character U+%04X"),
						    path, line, (unsigned)c);
		}
		start = end + 1;
	}
	return 0;
}

int hw_text_file_read(const char *path, size_t max_size, size_t max_line, char **bytes,
		      size_t *size, hw_error *error)
{
	if (hw_file_read(path, max_size, bytes, size, error) != 0)
		return -1;
	if (hw_text_check_lines(path, *bytes, *size, max_line, error) != 0) {
		free(*bytes);
		*bytes = NULL;
		return -1;
	}
	return 0;
}

hw_text_lines hw_text_lines_of(char *text, size_t size)
{
	hw_text_lines lines = {text, text + size, 0};
	if (size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		lines.next += 3;
	return lines;
}

char *hw_text_next_line(hw_text_lines *lines)
{
	if (lines->next >= lines->end)
		return NULL;
	/* Checked text holds no NUL, so the line ends at its newline or at the end. */
	char *line = lines->next, *newline = memchr(line, '\n', (size_t)(lines->end - line));
	lines->next = newline ? newline + 1 : lines->end;
	if (newline != NULL)
		*newline = '\0';
	lines->number++;
	return line;
}
