#include "civil_date.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

static bool is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int hw_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
hw_date hw_date_from_ymd(int year, int month, int day)
{
	year -= month <= 2;
	const int era = (year >= 0 ? year : year - 399) / 400;
	const int year_of_era = year - era * 400;
	const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	return era * 146097 + day_of_era - 719468;
}

void hw_date_to_ymd(hw_date date, int *year, int *month, int *day)
{
	const int z = date + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int day_of_era = z - era * 146097;
	const int year_of_era =
		(day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	const int mp = (5 * day_of_year + 2) / 153;
	const int d = day_of_year - (153 * mp + 2) / 5 + 1;
	const int m = mp < 10 ? mp + 3 : mp - 9;
	*year = year_of_era + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

int hw_date_year(hw_date date)
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	return year;
}

static bool parse_digits(const char *text, int count, int *out)
{
	int value = 0;
	for (int i = 0; i < count; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		value = value * 10 + (text[i] - '0');
	}
	*out = value;
	return true;
}

bool hw_date_parse(const char *text, hw_date *out)
{
	int year, month, day;
	if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	if (!parse_digits(text, 4, &year) || !parse_digits(text + 5, 2, &month) ||
	    !parse_digits(text + 8, 2, &day))
		return false;
	if (year < HW_DATE_MIN_YEAR || year > HW_DATE_MAX_YEAR)
		return false;
	if (day < 1 || day > hw_days_in_month(year, month))
		return false;
	*out = hw_date_from_ymd(year, month, day);
	return true;
}

void hw_date_format(hw_date date, char out[HW_DATE_TEXT_SIZE])
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	snprintf(out, HW_DATE_TEXT_SIZE, "%04d-%02d-%02d", year, month, day);
}

int hw_date_iso_weekday(hw_date date)
{
	/* 1970-01-01 was a Thursday (4). */
	int weekday = (date % 7 + 7 + 3) % 7;
	return weekday + 1;
}

bool hw_date_is_weekend(hw_date date)
{
	return hw_date_iso_weekday(date) >= 6;
}

void hw_date_period(hw_date date, int months, hw_date *start, hw_date *end)
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	int first_month = (month - 1) / months * months + 1;
	int last_month = first_month + months - 1;
	*start = hw_date_from_ymd(year, first_month, 1);
	*end = hw_date_from_ymd(year, last_month, hw_days_in_month(year, last_month));
}

const char *hw_weekday_name(hw_date date)
{
	static const char *const names[7] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					     N_("Fri"), N_("Sat"), N_("Sun")};
	return _(names[hw_date_iso_weekday(date) - 1]);
}
