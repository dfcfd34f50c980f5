/* Text as it enters and leaves huiwu: UTF-8 checked at the door, repaired where a foreign file
 * must not be lost for one bad byte. Everything else about text (which characters a one-line
 * field or a name may hold, how stored text is shown on a terminal) belongs here too. */
#ifndef HW_TEXT_H
#define HW_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the `length` bytes at `text` are well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). NUL bytes count as invalid: no stored text holds one. */
bool hw_utf8_valid(const char *text, size_t length);

/* A malloc'd, NUL-terminated copy of the `length` bytes at `text` in which each maximal
 * invalid subsequence is replaced by U+FFFD (as the Unicode standard recommends, §3.9); sets
 * *repaired when anything was replaced. NULL when out of memory. */
char *hw_utf8_repair(const char *text, size_t length, bool *repaired);

#endif
