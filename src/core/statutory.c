#include "statutory.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text_file.h"

/* One year's dates that follow the lunar calendar and the solar terms. */
typedef struct lunar_year {
	int year;
	hw_date eve;      /* 除夕 */
	hw_date qingming; /* 清明 */
	hw_date duanwu;   /* 端午 */
	hw_date zhongqiu; /* 中秋 */
} lunar_year;

struct hw_statutory {
	lunar_year *years; /* in file order, one per year */
	int count;
};

/* A table is a few hundred bytes; the limits only keep a wrong file from being read at all. */
#define MAX_TABLE_SIZE (64 * 1024)
#define MAX_TABLE_LINE 1024

void hw_statutory_free(hw_statutory *statutory)
{
	if (statutory == NULL)
		return;
	free(statutory->years);
	free(statutory);
}

static const lunar_year *find_year(const hw_statutory *statutory, int year)
{
	for (int i = 0; statutory != NULL && i < statutory->count; i++)
		if (statutory->years[i].year == year)
			return &statutory->years[i];
	return NULL;
}

/* Parses "YEAR 除夕 清明 端午 中秋"; returns NULL or why the line is malformed. */
static const char *parse_line(char *line, lunar_year *out)
{
	char *fields[6];
	int count = 0;
	for (char *field = strtok(line, " \t\r"); field != NULL; field = strtok(NULL, " \t\r"))
		if (count < 6)
			fields[count++] = field;
		else
			count++;
	if (count != 5)
		return _("expected 'YEAR 除夕 清明 端午 中秋', five fields");
	char *end = NULL;
	long year = strtol(fields[0], &end, 10);
	if (*end != '\0' || year < 1900 || year > 2999 || fields[0][0] < '0' || fields[0][0] > '9')
		return _("the year is not a number from 1900 to 2999");
	out->year = (int)year;
	hw_date *dates[] = {&out->eve, &out->qingming, &out->duanwu, &out->zhongqiu};
	for (int i = 0; i < 4; i++)
		if (!hw_date_parse(fields[i + 1], dates[i]) || hw_date_year(*dates[i]) != year)
			return _("each date must be YYYY-MM-DD in the line's year");
	/* The order the calendar gives them, with room for the solar term: catches swapped columns. */
	if (!(out->eve < out->qingming && out->qingming < out->duanwu && out->duanwu < out->zhongqiu))
		return _("the dates must be in the order 除夕, 清明, 端午, 中秋");
	return NULL;
}

hw_statutory *hw_statutory_load(const char *path, hw_error *error)
{
	char *text = NULL;
	size_t size = 0;
	if (hw_text_file_read(path, MAX_TABLE_SIZE, MAX_TABLE_LINE, &text, &size, error) != 0)
		return NULL;
	hw_statutory *statutory = calloc(1, sizeof *statutory);
	int capacity = 0, result = statutory ? 0 : hw_error_set(error, "%s", _("out of memory"));
	hw_text_lines lines = hw_text_lines_of(text, size);
	for (char *line; result == 0 && (line = hw_text_next_line(&lines)) != NULL;) {
		char *comment = strchr(line, '#');
		if (comment != NULL)
			*comment = '\0';
		if (line[strspn(line, " \t\r")] == '\0')
			continue;
		lunar_year year;
		const char *problem = parse_line(line, &year);
		if (problem == NULL && find_year(statutory, year.year) != NULL)
			problem = _("this year is listed twice");
		if (problem != NULL)
			result = hw_error_set(error, "%s:%d: %s", path, lines.number, problem);
		else if ((result = hw_grow((void **)&statutory->years, &capacity, statutory->count,
					   sizeof *statutory->years, error)) == 0)
			statutory->years[statutory->count++] = year;
	}
	free(text);
	if (result != 0) {
		hw_statutory_free(statutory);
		return NULL;
	}
	return statutory;
}

bool hw_statutory_covers(const hw_statutory *statutory, int year)
{
	return find_year(statutory, year) != NULL;
}

const char *hw_statutory_holiday(const hw_statutory *statutory, hw_date date)
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	const lunar_year *lunar = find_year(statutory, year);
	if (lunar == NULL)
		return NULL;
	bool national_day = month == 10 && day >= 1 && day <= 3;
	if (date == lunar->zhongqiu)
		/* The only two that can meet (2028-10-03, 2031-10-01). */
		return national_day ? "中秋节、国庆节" : "中秋节";
	if (national_day)
		return "国庆节";
	if (month == 1 && day == 1)
		return "元旦";
	/* The 2024 amendment, in force since 2025, added 除夕 to 春节 and May 2 to 劳动节. */
	bool amended = year >= 2025;
	if (date >= lunar->eve + (amended ? 0 : 1) && date <= lunar->eve + 3)
		return "春节";
	if (date == lunar->qingming)
		return "清明节";
	if (month == 5 && (day == 1 || (day == 2 && amended)))
		return "劳动节";
	if (date == lunar->duanwu)
		return "端午节";
	return NULL;
}
