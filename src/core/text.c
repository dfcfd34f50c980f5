#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
