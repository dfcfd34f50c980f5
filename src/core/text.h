/* Text as it enters and leaves huiwu: UTF-8 checked at the door, repaired where a foreign file
 * must not be lost for one bad byte. Everything else about text (which characters a one-line
 * field or a name may hold, how stored text is shown on a terminal) belongs here too.
 *
 * At the door (hw_text_clean, called at the top of every core function that stores text):
 * invalid UTF-8 and control characters are refused (C0, DEL, C1; a multi-line field keeps line
 * feeds and tabs), names also refuse what is invisible (bidi controls, zero-width characters)
 * and blankness; names and one-line fields lose leading and trailing spaces (ASCII and the
 * ideographic U+3000). On the way out: JSON through hw_json_text, which repairs what an older
 * version stored; terminals through hw_text_visible, which shows control characters as ^X. */
#ifndef HW_TEXT_H
#define HW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw_error.h"

struct json_t;

/* Whether the `length` bytes at `text` are well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). NUL bytes count as invalid: no stored text holds one. */
bool hw_utf8_valid(const char *text, size_t length);

/* The character at `s` (at most `left` bytes): returns its code point and sets *length to its
 * bytes; *length is 0 where the bytes there start no well-formed sequence. */
uint32_t hw_utf8_next(const char *s, size_t left, size_t *length);

/* A C0 control, DEL or a C1 control (U+0080–U+009F). */
bool hw_char_is_control(uint32_t c);
/* A character that shows nothing yet changes how text reads or what it compares as: the bidi
 * marks, embeddings, overrides and isolates, and the zero-width and invisible characters
 * (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+061C, U+FEFF). */
bool hw_char_is_invisible(uint32_t c);

/* A malloc'd, NUL-terminated copy of the `length` bytes at `text` in which each maximal
 * invalid subsequence is replaced by U+FFFD (as the Unicode standard recommends, §3.9); sets
 * *repaired when anything was replaced. NULL when out of memory. */
char *hw_utf8_repair(const char *text, size_t length, bool *repaired);

/* How many of the last bytes of the `length` at `text` (0 to 3) start a UTF-8 sequence that
 * more bytes could still complete: what a filter over a stream keeps for its next write. */
size_t hw_utf8_incomplete_tail(const char *text, size_t length);

typedef enum hw_text_kind {
	HW_TEXT_NAME,  /* a person's or department's name or title: one line, not blank, nothing
			* invisible, so that two names cannot look the same */
	HW_TEXT_LINE,  /* a one-line field (a title, a location, a reason): no control characters */
	HW_TEXT_LINES, /* a multi-line field (minutes): line feeds and tabs, no other control */
} hw_text_kind;

/* Checks the text at *text (NULL: not given, nothing to do) as a value of a field of `kind`
 * and, when it passes, copies it (trimmed for names and one-line fields) to `buffer` (`size`
 * bytes, which is also the field's limit) and points *text at the copy. `field` names the field
 * in the message ("the title"). A name of spaces only is refused as blank; an empty text
 * passes, for the caller to refuse with what it asks for instead ("say the title with
 * --title"). Returns 0, or -1 with `error` and *text unchanged. */
int hw_text_clean(const char **text, hw_text_kind kind, const char *field, char *buffer,
		  size_t size, hw_error *error);

/* A new JSON string holding `text`, repaired with U+FFFD where it is not valid UTF-8 (text an
 * older version or a direct write stored); JSON null for NULL. NULL only when out of memory. */
struct json_t *hw_json_text(const char *text);

/* A malloc'd, NUL-terminated form of the `length` bytes at `text` that is safe to send to a
 * terminal and shows what is there: C0 controls and DEL as ^X (ESC as ^[, a line feed as ^J),
 * C1 controls as <U+0085>, invalid UTF-8 as U+FFFD. With `keep_lines`, line feeds and tabs stay
 * as they are. NULL when out of memory. */
char *hw_text_visible(const char *text, size_t length, bool keep_lines);

#endif
