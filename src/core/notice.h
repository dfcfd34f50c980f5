/* The State Council General Office's notice of a year's holiday arrangement
 * (国务院办公厅关于YYYY年部分节假日安排的通知), read from its text as published: the year from
 * its title, the document number (国办发明电〔YYYY〕N号) and signing date when present, and per
 * numbered item ("一、元旦：…") the days off and the make-up working days. Pure: text in,
 * arranged days out, no file and no database, so that a fuzzer can call it.
 *
 * What it reads, per item, sentence by sentence (full-width or half-width punctuation, with or
 * without spaces): "M月D日[（…）][至[YYYY年][M月]D日[（…）]]放假[调休][N天]" (a year may open any
 * date), "，共N天" (checked against the days listed), "，与周末连休", "，不调休",
 * "DATE（…）[、DATE（…）]补休" (days off in lieu), "DATE（…）[、DATE（…）]上班" (make-up working
 * days), and sentences that open with 鼓励 (advice, no arrangement). In parentheses: the
 * weekday (周四, 星期四: checked against the calendar) and 农历 dates (not checked). Any other
 * sentence in an item is refused, naming the line, as is a line outside the items that
 * arranges days. */
#ifndef HW_NOTICE_H
#define HW_NOTICE_H

#include <stdbool.h>
#include <stddef.h>

#include "civil_date.h"
#include "hw_error.h"

#define HW_NOTICE_NAME_SIZE 64
#define HW_NOTICE_MAX_HOLIDAYS 16 /* a notice has seven items; more is not a notice */

typedef struct hw_notice_day {
	hw_date date;
	bool is_workday; /* a make-up working day; otherwise a day off */
	int holiday;     /* index into hw_notice.holidays */
} hw_notice_day;

typedef struct hw_notice {
	int year;                 /* from the title */
	char document[64];        /* "国办发明电〔2025〕7号", or "" when the text has none */
	hw_date signed_on;        /* the date under 国务院办公厅; valid when has_signed_on */
	bool has_signed_on;
	int holiday_count;
	char holidays[HW_NOTICE_MAX_HOLIDAYS][HW_NOTICE_NAME_SIZE]; /* "元旦", "中秋节、国庆节" */
	hw_notice_day *days;      /* sorted by date, each date once */
	int day_count;
	int day_capacity;
} hw_notice;

/* Reads the `size` bytes of `text` into `out` (which the caller frees with hw_notice_free,
 * also after an error). Returns 0, or -1 with "LABEL:LINE: …" quoting the part of the line it
 * could not read, or naming the weekday that does not match the calendar. */
int hw_notice_parse(const char *label, const char *text, size_t size, hw_notice *out,
		    hw_error *error);
void hw_notice_free(hw_notice *notice);

/* The notice as a holiday file (data/holidays/YYYY.txt's format, man 5 huiwu-rules): a comment
 * header naming the notice, then "DATE  off   NAME  # 周X" and "DATE  work  NAME调休上班  # 周X"
 * lines by date. Returns a malloc'd string, or NULL out of memory. */
char *hw_notice_holiday_file(const hw_notice *notice);

/* "周一" … "周日" for a date: the notices' own spelling, whatever the user's language. */
const char *hw_notice_weekday(hw_date date);

#endif
