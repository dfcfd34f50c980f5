#include "hw_error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"

static void set_message(hw_error *error, const char *option, const char *format, va_list args)
{
	vsnprintf(error->message, sizeof error->message, format, args);
	snprintf(error->option, sizeof error->option, "%s", option);
}

int hw_error_set(hw_error *error, const char *format, ...)
{
	if (error == NULL)
		return -1;
	va_list args;
	va_start(args, format);
	set_message(error, "", format, args);
	va_end(args);
	return -1;
}

int hw_error_option(hw_error *error, const char *option, const char *format, ...)
{
	if (error == NULL)
		return -1;
	va_list args;
	va_start(args, format);
	set_message(error, option, format, args);
	va_end(args);
	return -1;
}

void hw_error_clear(hw_error *error)
{
	if (error != NULL) {
		error->message[0] = '\0';
		error->option[0] = '\0';
	}
}

int hw_grow(void **items, int *capacity, int count, size_t size, hw_error *error)
{
	if (count < *capacity)
		return 0;
	int new_capacity = *capacity ? *capacity * 2 : 16;
	void *grown = new_capacity > 0 && (size_t)new_capacity <= SIZE_MAX / size
			      ? realloc(*items, (size_t)new_capacity * size)
			      : NULL;
	if (grown == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	*items = grown;
	*capacity = new_capacity;
	return 0;
}
