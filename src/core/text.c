#include "text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The length of the well-formed UTF-8 sequence at `s` (at most `left` bytes), or 0 when the
 * bytes there do not start one. Table 3-7 of the Unicode standard, "Well-Formed UTF-8 Byte
 * Sequences". */
static size_t sequence_length(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	if (c >= 0x01 && c <= 0x7F)
		return 1;
	size_t length;
	unsigned char low = 0x80, high = 0xBF; /* the range of the second byte */
	if (c >= 0xC2 && c <= 0xDF)
		length = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		length = 3;
		if (c == 0xE0)
			low = 0xA0; /* no overlong forms */
		else if (c == 0xED)
			high = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		length = 4;
		if (c == 0xF0)
			low = 0x90;
		else if (c == 0xF4)
			high = 0x8F; /* nothing above U+10FFFF */
	} else
		return 0;
	if (left < 2 || s[1] < low || s[1] > high)
		return 0;
	for (size_t i = 2; i < length; i++)
		if (i >= left || s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return length;
}

/* How many bytes at `s` make the maximal invalid subsequence to replace by one U+FFFD: the
 * first byte, and the continuation bytes that a well-formed sequence could have had after it. */
static size_t invalid_length(const unsigned char *s, size_t left)
{
	size_t need = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 1;
	if (need == 1 || s[0] > 0xF4)
		return 1;
	size_t taken = 1;
	while (taken < need && taken < left) {
		unsigned char low = 0x80, high = 0xBF;
		if (taken == 1 && s[0] == 0xE0)
			low = 0xA0;
		else if (taken == 1 && s[0] == 0xED)
			high = 0x9F;
		else if (taken == 1 && s[0] == 0xF0)
			low = 0x90;
		else if (taken == 1 && s[0] == 0xF4)
			high = 0x8F;
		if (s[taken] < low || s[taken] > high)
			break;
		taken++;
	}
	return taken;
}

bool hw_utf8_valid(const char *text, size_t length)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < length) {
		size_t n = sequence_length(s + i, length - i);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

char *hw_utf8_repair(const char *text, size_t length, bool *repaired)
{
	const unsigned char *s = (const unsigned char *)text;
	*repaired = false;
	/* Each invalid byte becomes at most three: the replacement character's UTF-8. */
	if (length > (SIZE_MAX - 1) / 3)
		return NULL;
	char *out = malloc(length * 3 + 1);
	if (out == NULL)
		return NULL;
	size_t used = 0, i = 0;
	while (i < length) {
		size_t n = sequence_length(s + i, length - i);
		if (n > 0) {
			memcpy(out + used, s + i, n);
			used += n;
			i += n;
			continue;
		}
		memcpy(out + used, "\xEF\xBF\xBD", 3);
		used += 3;
		i += invalid_length(s + i, length - i);
		*repaired = true;
	}
	out[used] = '\0';
	return out;
}

size_t hw_utf8_incomplete_tail(const char *text, size_t length)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t tail = 1; tail <= 3 && tail <= length; tail++) {
		unsigned char c = s[length - tail];
		if (c >= 0x80 && c <= 0xBF)
			continue; /* a continuation byte: the lead is further back */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
		if (c > 0xF4 || need <= tail)
			return 0;
		/* The bytes there must be a prefix some well-formed sequence could have. */
		return invalid_length(s + length - tail, tail) == tail ? tail : 0;
	}
	return 0;
}

/* The code point of the well-formed `length`-byte sequence at `s`. */
static uint32_t decode(const unsigned char *s, size_t length)
{
	if (length == 1)
		return s[0];
	uint32_t value = s[0] & (0x7F >> length);
	for (size_t i = 1; i < length; i++)
		value = (value << 6) | (s[i] & 0x3F);
	return value;
}

uint32_t hw_utf8_next(const char *s, size_t left, size_t *length)
{
	*length = sequence_length((const unsigned char *)s, left);
	return *length ? decode((const unsigned char *)s, *length) : 0;
}

bool hw_char_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

bool hw_char_is_invisible(uint32_t c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2069) || c == 0x061C || c == 0xFEFF;
}

/* The length of the space (ASCII, or the ideographic U+3000) at `s`, 0 when there is none. */
static size_t space_at(const char *s, size_t left)
{
	if (left >= 1 && s[0] == ' ')
		return 1;
	if (left >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* The same for a space that ends the `left` bytes at `s`. */
static size_t space_before(const char *s, size_t left)
{
	if (left >= 1 && s[left - 1] == ' ')
		return 1;
	if (left >= 3 && memcmp(s + left - 3, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

int hw_text_clean(const char **text, hw_text_kind kind, const char *field, char *buffer,
		  size_t size, hw_error *error)
{
	const char *input = *text;
	if (input == NULL)
		return 0;
	size_t length = strlen(input);
	if (!hw_utf8_valid(input, length))
		return hw_error_set(error,
				    _("%s is not valid UTF-8 text: check the encoding of the terminal "
				      "or of the file it came from"),
				    field);
	const unsigned char *s = (const unsigned char *)input;
	for (size_t i = 0, n; i < length; i += n) {
		n = sequence_length(s + i, length - i);
		uint32_t c = decode(s + i, n);
		if (hw_char_is_control(c) && !(kind == HW_TEXT_LINES && (c == '\n' || c == '\t')))
			return kind == HW_TEXT_LINES
				       ? hw_error_set(error,
						      _("%s holds the control character U+%04X: only line "
							"breaks and tabs may be in it"),
						      field, (unsigned)c)
				       : hw_error_set(error,
						      _("%s holds the control character U+%04X: it is one "
							"line, without line breaks, tabs or escape codes"),
						      field, (unsigned)c);
		if (kind == HW_TEXT_NAME && hw_char_is_invisible(c))
			return hw_error_set(error,
					    _("%s holds the invisible character U+%04X, with which it "
					      "could look like another name: type it without it"),
					    field, (unsigned)c);
	}
	size_t first = 0, end = length, n;
	if (kind != HW_TEXT_LINES) {
		while ((n = space_at(input + first, end - first)) != 0)
			first += n;
		while ((n = space_before(input + first, end - first)) != 0)
			end -= n;
	}
	/* Only spaces: blank. Empty is the caller's to refuse, with what it asks for instead. */
	if (kind == HW_TEXT_NAME && first == end && length > 0)
		return hw_error_set(error, _("%s is blank"), field);
	if (end - first >= size)
		return hw_error_set(error, _("%s is longer than %zu bytes"), field, size - 1);
	memcpy(buffer, input + first, end - first);
	buffer[end - first] = '\0';
	*text = buffer;
	return 0;
}

json_t *hw_json_text(const char *text)
{
	if (text == NULL)
		return json_null();
	size_t length = strlen(text);
	if (hw_utf8_valid(text, length))
		return json_stringn(text, length);
	bool repaired;
	char *copy = hw_utf8_repair(text, length, &repaired);
	if (copy == NULL)
		return NULL;
	json_t *value = json_string(copy);
	free(copy);
	return value;
}

char *hw_text_visible(const char *text, size_t length, bool keep_lines)
{
	const unsigned char *s = (const unsigned char *)text;
	/* The most a byte grows: half of a C1 control's "<U+0085>". */
	if (length > (SIZE_MAX - 1) / 4)
		return NULL;
	char *out = malloc(length * 4 + 1);
	if (out == NULL)
		return NULL;
	size_t used = 0, i = 0;
	while (i < length) {
		size_t n = sequence_length(s + i, length - i);
		if (n == 0) {
			memcpy(out + used, "\xEF\xBF\xBD", 3);
			used += 3;
			i += invalid_length(s + i, length - i);
			continue;
		}
		uint32_t c = decode(s + i, n);
		if (!hw_char_is_control(c) || (keep_lines && (c == '\n' || c == '\t'))) {
			memcpy(out + used, s + i, n);
			used += n;
		} else if (c < 0x80) {
			out[used++] = '^';
			out[used++] = (char)(c ^ 0x40); /* ESC ^[, LF ^J, DEL ^? */
		} else {
			used += (size_t)snprintf(out + used, 9, "<U+%04X>", (unsigned)c);
		}
		i += n;
	}
	out[used] = '\0';
	return out;
}
