/* The statutory holidays of 全国年节及纪念日放假办法 (as amended in 2024, in force since 2025),
 * for years whose arrangement the State Council has not published yet: 元旦 1 day, 春节 4
 * (农历除夕 to 正月初三), 清明 1 (the solar term's day), 劳动节 2 (May 1 and 2), 端午 1 (五月初五),
 * 中秋 1 (八月十五), 国庆 3 (October 1 to 3); before 2025, as the 2013 text had it, 春节 3 (正月初一
 * to 初三) and 劳动节 1. The lunar and solar-term dates come from a table
 * (data/holidays/statutory.txt); such days are provisional, and make-up working days unknown,
 * until the year's notice is published. */
#ifndef HW_STATUTORY_H
#define HW_STATUTORY_H

#include <stdbool.h>

#include "civil_date.h"
#include "hw_error.h"

typedef struct hw_statutory hw_statutory;

/* Reads the table at `path`: "YEAR 除夕 清明 端午 中秋" per line, '#' comments; a malformed line
 * is an error "FILE:LINE: …". */
hw_statutory *hw_statutory_load(const char *path, hw_error *error);
void hw_statutory_free(hw_statutory *statutory);

/* Whether the table has the year's lunar and solar-term dates. */
bool hw_statutory_covers(const hw_statutory *statutory, int year);
/* The statutory holiday on `date` ("春节", "中秋节、国庆节" where two fall on one day), or NULL:
 * also NULL for a year the table does not cover. */
const char *hw_statutory_holiday(const hw_statutory *statutory, hw_date date);

/* The clause that names the statutory holidays. */
#define HW_STATUTORY_CLAUSE "全国年节及纪念日放假办法 第二条"

#endif
