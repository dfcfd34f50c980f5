/* Numbers as users type them: ids, counts, minutes. One parser for all of them, so that every
 * command reads "12" the same way and none reads " 12", "+12" or "0x0C" as 12, or quietly
 * turns a number too large for it into another one. */
#ifndef HW_NUMBER_H
#define HW_NUMBER_H

#include <stdint.h>

typedef enum hw_number_status {
	HW_NUMBER_OK,
	HW_NUMBER_MALFORMED,    /* not plain decimal digits */
	HW_NUMBER_OUT_OF_RANGE, /* plain decimal digits, outside min..max (never clamped) */
} hw_number_status;

/* Parses `text` as plain decimal digits ("0" to "9", at least one; leading zeros allowed),
 * with a leading '-' only when `min` is negative: no space, no '+', no other base. Sets *out
 * only on HW_NUMBER_OK. A NULL or empty text is malformed. The caller words the message, since
 * it knows what the number counts. */
hw_number_status hw_number_parse(const char *text, int64_t min, int64_t max, int64_t *out);

#endif
