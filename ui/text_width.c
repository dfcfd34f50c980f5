#include "text_width.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The next character of `text`: its length in bytes (0 at the end) and its width. */
static size_t next_character(const char *text, mbstate_t *state, int *width)
{
	wchar_t character;
	size_t length = mbrtowc(&character, text, MB_CUR_MAX, state);
	if (length == 0)
		return 0;
	if (length == (size_t)-1 || length == (size_t)-2) {
		memset(state, 0, sizeof *state);
		*width = 1; /* shown as one replacement column */
		return 1;
	}
	int columns = wcwidth(character);
	*width = columns < 0 ? 0 : columns;
	return length;
}

int hw_text_width(const char *text)
{
	mbstate_t state = {0};
	int total = 0, width;
	size_t length;
	while ((length = next_character(text, &state, &width)) != 0) {
		total += width;
		text += length;
	}
	return total;
}

int hw_text_fit(const char *text, int columns, bool pad, char *out, size_t size)
{
	static const char ellipsis[] = "…"; /* one column */
	if (size == 0)
		return 0;
	out[0] = '\0';
	if (columns <= 0)
		return 0;
	bool fits = hw_text_width(text) <= columns;
	int room = fits ? columns : columns - 1; /* leave a column for the ellipsis */
	size_t used = 0;
	int width_used = 0, width;
	mbstate_t state = {0};
	size_t length;
	while ((length = next_character(text, &state, &width)) != 0) {
		if (width_used + width > room || used + length + sizeof ellipsis >= size)
			break;
		memcpy(out + used, text, length);
		used += length;
		width_used += width;
		text += length;
	}
	if (!fits && used + sizeof ellipsis <= size) {
		memcpy(out + used, ellipsis, sizeof ellipsis - 1);
		used += sizeof ellipsis - 1;
		width_used += 1;
	}
	while (pad && width_used < columns && used + 1 < size) {
		out[used++] = ' ';
		width_used++;
	}
	out[used] = '\0';
	return width_used;
}
