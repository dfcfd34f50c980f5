/* libFuzzer harness for the notice parser (src/core/notice.c, 'huiwu holidays import'): any
 * bytes must be read or refused with a message, and what is read must make a holiday file
 * that the calendar loads back with the same days. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "notice.h"
#include "workdays.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hw_notice notice;
	hw_error error = {0};
	if (hw_notice_parse("fuzz", (const char *)data, size, &notice, &error) != 0) {
		if (error.message[0] == '\0')
			__builtin_trap(); /* a refusal must say why */
		hw_notice_free(&notice);
		return 0;
	}
	char *file = hw_notice_holiday_file(&notice);
	hw_calendar *calendar = hw_calendar_new_empty();
	if (file != NULL && calendar != NULL) {
		/* What the import writes, the loader must take, day for day. */
		if (hw_calendar_load_text(calendar, "fuzz", file, strlen(file), notice.year,
					  &error) != 0)
			__builtin_trap();
		for (int i = 0; i < notice.day_count; i++) {
			hw_day_info info = hw_calendar_day(calendar, notice.days[i].date);
			hw_day_kind expected = notice.days[i].is_workday ? HW_DAY_MAKEUP_WORKDAY
									 : HW_DAY_HOLIDAY;
			if (info.kind != expected)
				__builtin_trap();
		}
	}
	hw_calendar_free(calendar);
	free(file);
	hw_notice_free(&notice);
	return 0;
}
