#include "statutory.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "text.h"

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

/* A table is a few hundred bytes; anything larger is not one. */
#define MAX_TABLE_SIZE (64 * 1024)

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
	for (char *field = strtok(line, " \t\r\n"); field != NULL; field = strtok(NULL, " \t\r\n"))
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
	FILE *file = fopen(path, "r");
	if (file == NULL) {
		hw_error_set(error, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct stat status;
	if (fstat(fileno(file), &status) != 0 || !S_ISREG(status.st_mode) ||
	    status.st_size > MAX_TABLE_SIZE) {
		fclose(file);
		hw_error_set(error, _("%s: not a table of statutory holiday dates (a small text file)"),
			     path);
		return NULL;
	}
	hw_statutory *statutory = calloc(1, sizeof *statutory);
	char *line = NULL;
	size_t line_size = 0;
	ssize_t length;
	int line_number = 0, capacity = 0;
	const char *problem = NULL;
	while (statutory != NULL && problem == NULL && (length = getline(&line, &line_size, file)) != -1) {
		line_number++;
		if (!hw_utf8_valid(line, (size_t)length)) {
			problem = _("not valid UTF-8");
			break;
		}
		char *comment = strchr(line, '#');
		if (comment != NULL)
			*comment = '\0';
		if (line[strspn(line, " \t\r\n")] == '\0')
			continue;
		lunar_year year;
		problem = parse_line(line, &year);
		if (problem == NULL && find_year(statutory, year.year) != NULL)
			problem = _("this year is listed twice");
		if (problem != NULL)
			break;
		if (statutory->count == capacity) {
			int grown_capacity = capacity ? capacity * 2 : 16;
			lunar_year *grown = realloc(statutory->years, (size_t)grown_capacity * sizeof *grown);
			if (grown == NULL) {
				hw_statutory_free(statutory);
				statutory = NULL;
				break;
			}
			statutory->years = grown;
			capacity = grown_capacity;
		}
		statutory->years[statutory->count++] = year;
	}
	bool read_error = ferror(file);
	free(line);
	fclose(file);
	if (statutory == NULL) {
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	if (problem != NULL || read_error) {
		hw_statutory_free(statutory);
		if (problem != NULL)
			hw_error_set(error, "%s:%d: %s", path, line_number, problem);
		else
			hw_error_set(error, "%s: %s", path, strerror(errno));
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
