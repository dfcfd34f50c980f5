/* Civil dates (proleptic Gregorian) as day numbers, so that date arithmetic is integer
 * arithmetic and no time zone or struct tm is involved. */
#ifndef HW_CIVIL_DATE_H
#define HW_CIVIL_DATE_H

#include <stdbool.h>

/* Days since 1970-01-01; negative before. */
typedef int hw_date;

#define HW_DATE_MIN_YEAR 1900
#define HW_DATE_MAX_YEAR 9999
#define HW_DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and NUL */

hw_date hw_date_from_ymd(int year, int month, int day);
void hw_date_to_ymd(hw_date date, int *year, int *month, int *day);
int hw_date_year(hw_date date);

/* Strictly "YYYY-MM-DD" with a day that exists; years HW_DATE_MIN_YEAR..HW_DATE_MAX_YEAR. */
bool hw_date_parse(const char *text, hw_date *out);
void hw_date_format(hw_date date, char out[HW_DATE_TEXT_SIZE]);

/* 1 = Monday … 7 = Sunday (ISO 8601). */
int hw_date_iso_weekday(hw_date date);
bool hw_date_is_weekend(hw_date date);
/* The weekday's short name in the user's language ("Mon", 周一). */
const char *hw_weekday_name(hw_date date);
int hw_days_in_month(int year, int month);
/* The calendar period of `months` months (1, 2, 3, 4, 6 or 12: a divisor of the year) that
 * holds `date`, e.g. March–April for two months: its first and last day. */
void hw_date_period(hw_date date, int months, hw_date *start, hw_date *end);

#endif
