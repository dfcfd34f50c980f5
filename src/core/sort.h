/* qsort that accepts an empty array: qsort's array argument must not be NULL even for zero
 * elements (C17 7.22.5), and an empty list here is often a NULL pointer. */
#ifndef HW_SORT_H
#define HW_SORT_H

#include <stdlib.h>

static inline void hw_sort(void *base, size_t count, size_t size,
			   int (*compare)(const void *, const void *))
{
	if (count > 1)
		qsort(base, count, size, compare);
}

#endif
