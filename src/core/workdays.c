#include "workdays.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "sort.h"
#include "statutory.h"
#include "text_file.h"

/* A year's notice fills a few KB; the limits only keep a wrong file from being read at all. */
#define MAX_HOLIDAY_FILE_SIZE (64 * 1024)
#define MAX_HOLIDAY_LINE 1024

typedef struct arranged_day {
	hw_date date;
	bool is_workday; /* `work` line: make-up workday; otherwise a day off */
	char *name;
} arranged_day;

struct hw_calendar {
	arranged_day *days; /* sorted by date, unique */
	int day_count;
	int day_capacity;
	int *years; /* sorted */
	int year_count;
	int year_capacity;
	hw_statutory *statutory; /* for years without an arrangement; NULL: none */
};

hw_calendar *hw_calendar_new_empty(void)
{
	return calloc(1, sizeof(hw_calendar));
}

void hw_calendar_free(hw_calendar *calendar)
{
	if (calendar == NULL)
		return;
	for (int i = 0; i < calendar->day_count; i++)
		free(calendar->days[i].name);
	free(calendar->days);
	free(calendar->years);
	hw_statutory_free(calendar->statutory);
	free(calendar);
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int compare_days(const void *a, const void *b)
{
	return compare_ints(&((const arranged_day *)a)->date, &((const arranged_day *)b)->date);
}

static const arranged_day *find_day_among(const arranged_day *days, int count, hw_date date)
{
	if (count == 0)
		return NULL; /* bsearch must not see the NULL of an empty calendar */
	arranged_day key = {.date = date};
	return bsearch(&key, days, (size_t)count, sizeof key, compare_days);
}

static const arranged_day *find_day(const hw_calendar *calendar, hw_date date)
{
	return find_day_among(calendar->days, calendar->day_count, date);
}

bool hw_calendar_year_has_data(const hw_calendar *calendar, int year)
{
	if (calendar->year_count == 0)
		return false;
	return bsearch(&year, calendar->years, (size_t)calendar->year_count, sizeof year,
		       compare_ints) != NULL;
}

int hw_calendar_years(const hw_calendar *calendar, int *years, int capacity)
{
	for (int i = 0; i < calendar->year_count && i < capacity; i++)
		years[i] = calendar->years[i];
	return calendar->year_count;
}

static char *trim(char *text)
{
	while (*text == ' ' || *text == '\t')
		text++;
	char *end = text + strlen(text);
	while (end > text && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return text;
}

/* Parses "DATE KIND NAME"; returns NULL on success or the reason it is malformed. */
static const char *parse_line(char *line, arranged_day *out, int file_year)
{
	char *date_text = strtok(line, " \t");
	char *kind_text = strtok(NULL, " \t");
	char *name = strtok(NULL, "");
	if (date_text == NULL || kind_text == NULL || name == NULL || *trim(name) == '\0')
		return _("expected 'DATE KIND NAME', e.g. '2025-01-28 off 春节'");
	if (!hw_date_parse(date_text, &out->date))
		return _("not a date of the form YYYY-MM-DD");
	int year = hw_date_year(out->date);
	if (year < file_year - 1 || year > file_year + 1)
		return _("date is not in this file's year or next to it");
	if (strcmp(kind_text, "off") == 0)
		out->is_workday = false;
	else if (strcmp(kind_text, "work") == 0)
		out->is_workday = true;
	else
		return _("kind must be 'off' or 'work'");
	if (out->is_workday && !hw_date_is_weekend(out->date))
		return _("a 'work' day must be a Saturday or Sunday: weekdays are working days anyway");
	out->name = trim(name);
	return NULL;
}

static int load_text(hw_calendar *calendar, const char *path, char *text, size_t size, int year,
		     hw_error *error);

int hw_calendar_load_file(hw_calendar *calendar, const char *path, int year, hw_error *error)
{
	char *text = NULL;
	size_t size = 0;
	if (hw_text_file_read(path, MAX_HOLIDAY_FILE_SIZE, MAX_HOLIDAY_LINE, &text, &size, error) != 0)
		return -1;
	int result = load_text(calendar, path, text, size, year, error);
	free(text);
	return result;
}

int hw_calendar_load_text(hw_calendar *calendar, const char *label, const char *text, size_t size,
			  int year, hw_error *error)
{
	if (size > MAX_HOLIDAY_FILE_SIZE)
		return hw_error_set(error, _("%s: larger than a holiday file can be"), label);
	if (hw_text_check_lines(label, text, size, MAX_HOLIDAY_LINE, error) != 0)
		return -1;
	char *copy = malloc(size + 1);
	if (copy == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	memcpy(copy, text, size);
	copy[size] = '\0';
	int result = load_text(calendar, label, copy, size, year, error);
	free(copy);
	return result;
}

/* Loads the checked, NUL-terminated `text` (cut up in place) as `path`'s arrangement. */
static int load_text(hw_calendar *calendar, const char *path, char *text, size_t size, int year,
		     hw_error *error)
{
	int result = 0;
	int first_new = calendar->day_count;
	hw_text_lines lines = hw_text_lines_of(text, size);
	for (char *line; (line = hw_text_next_line(&lines)) != NULL;) {
		char *comment = strchr(line, '#');
		if (comment != NULL)
			*comment = '\0';
		char *content = trim(line);
		if (*content == '\0')
			continue;
		arranged_day day;
		const char *problem = parse_line(content, &day, year);
		/* Days before first_new are sorted; this file's own days are not yet. */
		if (problem == NULL && find_day_among(calendar->days, first_new, day.date) != NULL)
			problem = _("this date is already arranged in another file");
		for (int i = first_new; problem == NULL && i < calendar->day_count; i++)
			if (calendar->days[i].date == day.date)
				problem = _("this date is listed twice");
		if (problem != NULL) {
			result = hw_error_set(error, "%s:%d: %s", path, lines.number, problem);
			break;
		}
		if (hw_grow((void **)&calendar->days, &calendar->day_capacity, calendar->day_count,
			    sizeof(arranged_day), error) != 0) {
			result = -1;
			break;
		}
		if ((day.name = strdup(day.name)) == NULL) {
			result = hw_error_set(error, "%s", _("out of memory"));
			break;
		}
		calendar->days[calendar->day_count++] = day;
	}
	if (result != 0) {
		/* A file loads whole or not at all. */
		for (int i = first_new; i < calendar->day_count; i++)
			free(calendar->days[i].name);
		calendar->day_count = first_new;
		return result;
	}
	hw_sort(calendar->days, (size_t)calendar->day_count, sizeof(arranged_day), compare_days);
	if (!hw_calendar_year_has_data(calendar, year)) {
		if (hw_grow((void **)&calendar->years, &calendar->year_capacity, calendar->year_count,
			    sizeof(int), error) != 0)
			return -1;
		calendar->years[calendar->year_count++] = year;
		hw_sort(calendar->years, (size_t)calendar->year_count, sizeof(int), compare_ints);
	}
	return 0;
}

/* A holiday file is named YYYY.txt; returns the year, or 0 for any other name. */
static int year_of_file_name(const char *name)
{
	int year = 0;
	for (int i = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		year = year * 10 + (name[i] - '0');
	}
	return strcmp(name + 4, ".txt") == 0 ? year : 0;
}

/* Loads every YYYY.txt of `directory` but `skip_year` and the years already loaded. A missing
 * folder is an error unless `missing_ok`. */
static int load_folder(hw_calendar *calendar, const char *directory, int skip_year, bool missing_ok,
		       hw_error *error)
{
	DIR *dir = opendir(directory);
	if (dir == NULL) {
		if (missing_ok && errno == ENOENT)
			return 0;
		return hw_error_set(error, _("cannot read the holiday folder %s: %s"), directory,
				    strerror(errno));
	}
	/* The years already loaded come from a folder that wins over this one. */
	int known = calendar->year_count;
	int *loaded_before = known > 0 ? malloc(sizeof(int) * (size_t)known) : NULL;
	if (known > 0 && loaded_before == NULL) {
		closedir(dir);
		return hw_error_set(error, "%s", _("out of memory"));
	}
	for (int i = 0; i < known; i++)
		loaded_before[i] = calendar->years[i];
	int result = 0;
	struct dirent *entry;
	while (result == 0 && (entry = readdir(dir)) != NULL) {
		int year = year_of_file_name(entry->d_name);
		if (year == 0 || year == skip_year)
			continue;
		bool overridden = false;
		for (int i = 0; i < known; i++)
			overridden = overridden || loaded_before[i] == year;
		if (overridden)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", directory, entry->d_name);
		result = hw_calendar_load_file(calendar, path, year, error);
	}
	free(loaded_before);
	closedir(dir);
	return result;
}

hw_calendar *hw_calendar_load(const char *directory, hw_error *error)
{
	return hw_calendar_load_with_user(directory, NULL, 0, error);
}

hw_calendar *hw_calendar_load_with_user(const char *shipped, const char *user, int skip_year,
					hw_error *error)
{
	hw_calendar *calendar = hw_calendar_new_empty();
	if (calendar == NULL) {
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	if ((user != NULL && load_folder(calendar, user, skip_year, true, error) != 0) ||
	    load_folder(calendar, shipped, skip_year, false, error) != 0 ||
	    hw_calendar_load_statutory(calendar, shipped, error) != 0) {
		hw_calendar_free(calendar);
		return NULL;
	}
	return calendar;
}

int hw_calendar_load_statutory(hw_calendar *calendar, const char *directory, hw_error *error)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", directory, HW_STATUTORY_FILE);
	if (access(path, F_OK) != 0)
		return 0; /* no table: years without an arrangement count Monday to Friday */
	hw_statutory *statutory = hw_statutory_load(path, error);
	if (statutory == NULL)
		return -1;
	hw_statutory_free(calendar->statutory);
	calendar->statutory = statutory;
	return 0;
}

bool hw_calendar_year_is_provisional(const hw_calendar *calendar, int year)
{
	return !hw_calendar_year_has_data(calendar, year) &&
	       hw_statutory_covers(calendar->statutory, year);
}

void hw_calendar_note_year(const hw_calendar *calendar, int year, hw_years_without_data *touched)
{
	if (touched == NULL || hw_calendar_year_has_data(calendar, year))
		return;
	for (int i = 0; i < touched->count; i++)
		if (touched->years[i] == year)
			return;
	if (touched->count == HW_MAX_REPORTED_YEARS)
		return;
	int i = touched->count++;
	while (i > 0 && touched->years[i - 1] > year) {
		touched->years[i] = touched->years[i - 1];
		i--;
	}
	touched->years[i] = year;
}

void hw_calendar_note_span(const hw_calendar *calendar, hw_date from, hw_date to,
			   hw_years_without_data *touched)
{
	int first = hw_date_year(from < to ? from : to), last = hw_date_year(from < to ? to : from);
	for (int year = first; year <= last; year++)
		hw_calendar_note_year(calendar, year, touched);
}

bool hw_calendar_provisional_holiday_note(const hw_calendar *calendar, hw_date date, char *out,
					  size_t size)
{
	if (size > 0)
		out[0] = '\0';
	hw_day_info day = hw_calendar_day(calendar, date);
	if (day.kind != HW_DAY_HOLIDAY || !day.provisional)
		return false;
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	snprintf(out, size,
		 _("%s is %s, a statutory holiday (provisional: the %d arrangement is not published "
		   "yet)"),
		 text, day.holiday_name, hw_date_year(date));
	return true;
}

hw_day_info hw_calendar_day(const hw_calendar *calendar, hw_date date)
{
	hw_day_info info = {.date = date, .holiday_name = NULL};
	info.year_has_data = hw_calendar_year_has_data(calendar, hw_date_year(date));
	const arranged_day *arranged = find_day(calendar, date);
	if (arranged != NULL) {
		info.kind = arranged->is_workday ? HW_DAY_MAKEUP_WORKDAY : HW_DAY_HOLIDAY;
		info.holiday_name = arranged->name;
	} else if (!info.year_has_data &&
		   (info.holiday_name = hw_statutory_holiday(calendar->statutory, date)) != NULL) {
		info.kind = HW_DAY_HOLIDAY;
		info.provisional = true;
	} else {
		info.kind = hw_date_is_weekend(date) ? HW_DAY_WEEKEND : HW_DAY_WORKDAY;
	}
	return info;
}

bool hw_calendar_is_workday(const hw_calendar *calendar, hw_date date)
{
	hw_day_kind kind = hw_calendar_day(calendar, date).kind;
	return kind == HW_DAY_WORKDAY || kind == HW_DAY_MAKEUP_WORKDAY;
}

hw_date hw_calendar_add_workdays(const hw_calendar *calendar, hw_date date, int n,
				 hw_years_without_data *touched)
{
	int step = n < 0 ? -1 : 1;
	int remaining = n < 0 ? -n : n;
	hw_calendar_note_year(calendar, hw_date_year(date), touched);
	while (remaining > 0) {
		date += step;
		hw_calendar_note_year(calendar, hw_date_year(date), touched);
		if (hw_calendar_is_workday(calendar, date))
			remaining--;
	}
	return date;
}

int hw_calendar_count_workdays(const hw_calendar *calendar, hw_date from, hw_date to,
			       hw_years_without_data *touched)
{
	if (to < from)
		return -hw_calendar_count_workdays(calendar, to, from, touched);
	int count = 0;
	hw_calendar_note_year(calendar, hw_date_year(from), touched);
	for (hw_date date = from + 1; date <= to; date++) {
		hw_calendar_note_year(calendar, hw_date_year(date), touched);
		if (hw_calendar_is_workday(calendar, date))
			count++;
	}
	return count;
}

hw_calendar *hw_calendar_load_default(hw_error *error)
{
	char shipped[4096], user[4096];
	hw_holidays_dir(shipped, sizeof shipped);
	bool has_user = hw_user_holidays_dir(user, sizeof user) == 0;
	return hw_calendar_load_with_user(shipped, has_user ? user : NULL, 0, error);
}
