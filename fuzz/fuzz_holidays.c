/* libFuzzer harness for the holiday parser (src/core/workdays.c, data/holidays/YYYY.txt): any
 * bytes as a year's file must load or be refused with a message, and the calendar built from
 * what loads must answer every question about the days around it. */
#include <stdint.h>

#include "fuzz_common.h"
#include "workdays.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("2026.txt", data, size);
	if (path == NULL)
		return 0;
	hw_calendar *calendar = hw_calendar_new_empty();
	if (calendar == NULL)
		return 0;
	hw_error error = {0};
	if (hw_calendar_load_file(calendar, path, 2026, &error) == 0) {
		hw_date first = hw_date_from_ymd(2025, 12, 1), last = hw_date_from_ymd(2027, 1, 31);
		{
			hw_years_without_data touched = {0};
			for (hw_date day = first; day <= last; day++) {
				hw_day_info info = hw_calendar_day(calendar, day);
				(void)info;
			}
			hw_date later = hw_calendar_add_workdays(calendar, first, 250, &touched);
			if (hw_calendar_count_workdays(calendar, first, later, &touched) != 250 &&
			    hw_calendar_is_workday(calendar, later))
				__builtin_trap(); /* the contract workdays.h states */
			int years[8];
			(void)hw_calendar_years(calendar, years, 8);
		}
	} else if (error.message[0] == '\0') {
		__builtin_trap(); /* a refusal must say why */
	}
	hw_calendar_free(calendar);
	return 0;
}
