/* Measuring text for the terminal: the width in columns of UTF-8 text (a Chinese character
 * takes two), and fitting text to a number of columns without splitting a double-width
 * character — padded with spaces, cut with '…'. The one place the UI measures text.
 * Needs a UTF-8 LC_CTYPE (the UI sets one). */
#ifndef HW_TEXT_WIDTH_H
#define HW_TEXT_WIDTH_H

#include <stdbool.h>
#include <stddef.h>

/* Columns `text` takes. A byte that does not start a valid UTF-8 character counts one column
 * (it will be shown as a replacement); control characters count none. */
int hw_text_width(const char *text);

/* Writes to `out` (NUL-terminated, at most `size` bytes) the part of `text` that fits in
 * `columns`: all of it, or as much as fits with '…' after it. Never splits a character, so a
 * double-width character that would straddle the edge is left out and the gap padded. With
 * `pad`, spaces fill the rest, so the result is exactly `columns` wide. Returns its width. */
int hw_text_fit(const char *text, int columns, bool pad, char *out, size_t size);

#endif
