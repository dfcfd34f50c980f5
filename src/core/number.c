#include "number.h"

#include <stdbool.h>
#include <stddef.h>

hw_number_status hw_number_parse(const char *text, int64_t min, int64_t max, int64_t *out)
{
	if (text == NULL)
		return HW_NUMBER_MALFORMED;
	bool negative = text[0] == '-' && min < 0;
	const char *digits = negative ? text + 1 : text;
	if (*digits == '\0')
		return HW_NUMBER_MALFORMED;
	/* Accumulated towards the sign's own limit, so INT64_MIN is reachable and nothing wraps. */
	int64_t value = 0;
	bool overflow = false;
	for (const char *c = digits; *c; c++) {
		if (*c < '0' || *c > '9')
			return HW_NUMBER_MALFORMED;
		int digit = *c - '0';
		if (overflow)
			continue;
		if (negative ? value < (INT64_MIN + digit) / 10 : value > (INT64_MAX - digit) / 10)
			overflow = true;
		else
			value = value * 10 + (negative ? -digit : digit);
	}
	if (overflow || value < min || value > max)
		return HW_NUMBER_OUT_OF_RANGE;
	*out = value;
	return HW_NUMBER_OK;
}
