#include "hw_error.h"

#include <stdarg.h>
#include <stdio.h>

int hw_error_set(hw_error *error, const char *format, ...)
{
	if (error == NULL)
		return -1;
	va_list args;
	va_start(args, format);
	vsnprintf(error->message, sizeof error->message, format, args);
	va_end(args);
	return -1;
}

void hw_error_clear(hw_error *error)
{
	if (error != NULL)
		error->message[0] = '\0';
}
