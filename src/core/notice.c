#include "notice.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sort.h"
#include "text.h"
#include "text_file.h"

/* A range longer than this is a misreading: the longest holiday so far is nine days. */
#define MAX_RANGE_DAYS 31
/* More days than a year has is no notice; it bounds what a hostile text can make us hold. */
#define MAX_NOTICE_DAYS 400
#define MAX_PENDING 64

typedef struct parser {
	const char *label;
	int line;
	const char *line_text; /* the normalised line, for quoting */
	hw_notice *notice;
	hw_error *error;
} parser;

/* A pointer into a normalised line and its end: every scan is bounded by `end`, so that a
 * text with any bytes at all is read safely. */
typedef struct cursor {
	const char *at;
	const char *end;
} cursor;

static const char *const weekdays[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

const char *hw_notice_weekday(hw_date date)
{
	return weekdays[hw_date_iso_weekday(date) - 1];
}

/* Copies at most `max` bytes of [from, end) into `out`, cut at a UTF-8 character boundary. */
static void quote(char *out, size_t out_size, const char *from, const char *end, size_t max)
{
	size_t length = (size_t)(end - from);
	if (length > max) {
		length = max;
		while (length > 0 && ((unsigned char)from[length] & 0xC0) == 0x80)
			length--;
	}
	if (length >= out_size)
		length = out_size - 1;
	memcpy(out, from, length);
	out[length] = '\0';
}

/* Refuses the line: "LABEL:LINE: problem: 「where it stopped」". */
static int fail_at(parser *p, const cursor *c, const char *problem)
{
	char where[128];
	const char *end = c != NULL ? c->end : p->line_text + strlen(p->line_text);
	quote(where, sizeof where, c != NULL ? c->at : p->line_text, end, 60);
	if (where[0] == '\0')
		return hw_error_set(p->error, _("%s:%d: %s (at the end of the line)"), p->label,
				    p->line, problem);
	return hw_error_set(p->error, _("%s:%d: %s: '%s'"), p->label, p->line, problem, where);
}

/* The line with full-width punctuation and digits made ASCII and every space removed, so that
 * the published text and a half-width copy read alike. `out` holds at least `length` + 1. */
static void normalise(const char *line, size_t length, char *out)
{
	static const struct {
		const char *wide;
		char narrow; /* 0: dropped */
	} map[] = {
		{"\xe3\x80\x80", 0},   /* ideographic space */
		{"\xc2\xa0", 0},       /* no-break space */
		{"（", '('}, {"）", ')'}, {"，", ','}, {"：", ':'}, {"；", ';'}, {"。", '.'},
		{"〔", '['}, {"〕", ']'}, {"［", '['}, {"］", ']'}, {"～", '~'}, {"—", '~'},
		{"－", '~'},
	};
	size_t o = 0;
	for (size_t i = 0; i < length;) {
		unsigned char byte = (unsigned char)line[i];
		if (byte == ' ' || byte == '\t' || byte == '\r') {
			i++;
			continue;
		}
		if (byte == '-') {
			out[o++] = '~';
			i++;
			continue;
		}
		/* Full-width digits U+FF10..U+FF19: EF BC 90..99. */
		if (byte == 0xEF && i + 2 < length && (unsigned char)line[i + 1] == 0xBC &&
		    (unsigned char)line[i + 2] >= 0x90 && (unsigned char)line[i + 2] <= 0x99) {
			out[o++] = (char)('0' + ((unsigned char)line[i + 2] - 0x90));
			i += 3;
			continue;
		}
		bool mapped = false;
		for (size_t m = 0; m < sizeof map / sizeof map[0]; m++) {
			size_t wide_length = strlen(map[m].wide);
			if (i + wide_length <= length && memcmp(line + i, map[m].wide, wide_length) == 0) {
				if (map[m].narrow != 0)
					out[o++] = map[m].narrow;
				i += wide_length;
				mapped = true;
				break;
			}
		}
		if (!mapped)
			out[o++] = line[i++];
	}
	out[o] = '\0';
}

static bool starts(const cursor *c, const char *word)
{
	size_t length = strlen(word);
	return (size_t)(c->end - c->at) >= length && memcmp(c->at, word, length) == 0;
}

static bool take(cursor *c, const char *word)
{
	if (!starts(c, word))
		return false;
	c->at += strlen(word);
	return true;
}

/* Where `word` first occurs in [from, end), or NULL. */
static const char *find(const char *from, const char *end, const char *word)
{
	size_t length = strlen(word);
	for (const char *at = from; at + length <= end; at++)
		if (memcmp(at, word, length) == 0)
			return at;
	return NULL;
}

/* A decimal number of at most four digits; -1 when there is none. */
static int number(cursor *c)
{
	int value = 0, digits = 0;
	while (c->at < c->end && *c->at >= '0' && *c->at <= '9' && digits < 4) {
		value = value * 10 + (*c->at - '0');
		c->at++;
		digits++;
	}
	if (digits == 0 || (c->at < c->end && *c->at >= '0' && *c->at <= '9'))
		return -1;
	return value;
}

/* Reads "[YYYY年][M月]D日", the year and month defaulting to *year and *month (0: none yet);
 * updates them. */
static int parse_date(parser *p, cursor *c, int *year, int *month, hw_date *out)
{
	cursor start = *c;
	int values[3], count = 0;
	const char *units[3];
	while (count < 3) {
		cursor before = *c;
		int value = number(c);
		if (value < 0) {
			*c = before;
			break;
		}
		if (take(c, "年"))
			units[count] = "年";
		else if (take(c, "月"))
			units[count] = "月";
		else if (take(c, "日"))
			units[count] = "日";
		else
			return fail_at(p, &start, _("expected a date such as '1月1日'"));
		values[count++] = value;
		if (units[count - 1][0] == "日"[0] && strcmp(units[count - 1], "日") == 0)
			break;
	}
	if (count == 0 || strcmp(units[count - 1], "日") != 0)
		return fail_at(p, &start, _("expected a date such as '1月1日'"));
	int y = *year, m = *month, d = values[count - 1];
	int i = 0;
	if (strcmp(units[i], "年") == 0) {
		y = values[i++];
		if (strcmp(units[i], "月") != 0)
			return fail_at(p, &start, _("a year must be followed by a month"));
	}
	if (strcmp(units[i], "月") == 0)
		m = values[i++];
	if (i != count - 1 || strcmp(units[i], "日") != 0)
		return fail_at(p, &start, _("expected a date such as '1月1日'"));
	if (m == 0)
		return fail_at(p, &start, _("a date without its month"));
	if (y < HW_DATE_MIN_YEAR || y > HW_DATE_MAX_YEAR || m < 1 || m > 12 || d < 1 ||
	    d > hw_days_in_month(y, m))
		return fail_at(p, &start, _("no such date"));
	*year = y;
	*month = m;
	*out = hw_date_from_ymd(y, m, d);
	return 0;
}

/* Reads "(…)" after a date, if any: weekdays (周四, 星期四) are checked against the calendar,
 * 农历 dates are taken as said. */
static int parse_note(parser *p, cursor *c, hw_date date)
{
	if (!take(c, "("))
		return 0;
	const char *close = memchr(c->at, ')', (size_t)(c->end - c->at));
	if (close == NULL)
		return fail_at(p, c, _("a parenthesis that is not closed"));
	cursor inside = {c->at, close};
	while (inside.at < inside.end) {
		const char *separator = find(inside.at, inside.end, "、");
		const char *comma = memchr(inside.at, ',', (size_t)(inside.end - inside.at));
		const char *token_end = inside.end;
		if (separator != NULL)
			token_end = separator;
		if (comma != NULL && comma < token_end)
			token_end = comma;
		cursor token = {inside.at, token_end};
		if (take(&token, "周") || take(&token, "星期")) {
			static const char *const names[] = {"一", "二", "三", "四", "五", "六", "日"};
			int stated = 0;
			for (int i = 0; i < 7 && stated == 0; i++)
				if (starts(&token, names[i]))
					stated = i + 1;
			if (stated == 0 && starts(&token, "天"))
				stated = 7;
			if (stated == 0 || token.at + 3 != token.end)
				return fail_at(p, &inside, _("cannot read this weekday"));
			if (stated != hw_date_iso_weekday(date)) {
				char text[HW_DATE_TEXT_SIZE], said[32];
				hw_date_format(date, text);
				quote(said, sizeof said, inside.at, token_end, 16);
				return hw_error_set(p->error,
						    _("%s:%d: the notice says %s is %s, but it is %s: "
						      "check the text"),
						    p->label, p->line, text, said,
						    hw_notice_weekday(date));
			}
		} else if (!take(&token, "农历")) {
			return fail_at(p, &inside,
				       _("expected a weekday (周四) or a lunar date (农历…) in parentheses"));
		}
		inside.at = token_end;
		if (!take(&inside, "、"))
			take(&inside, ",");
	}
	c->at = close + 1;
	return 0;
}

typedef struct pending {
	hw_date dates[MAX_PENDING];
	int count;
} pending;

static int push(parser *p, cursor *at, pending *list, hw_date date)
{
	if (list->count == MAX_PENDING)
		return fail_at(p, at, _("too many dates in one sentence"));
	list->dates[list->count++] = date;
	return 0;
}

/* Reads "DATE[(…)][至DATE[(…)]]" and "、" more of them into `list`. */
static int parse_dates(parser *p, cursor *c, pending *list)
{
	int year = p->notice->year, month = 0;
	do {
		cursor start = *c;
		hw_date first, last;
		if (parse_date(p, c, &year, &month, &first) != 0 || parse_note(p, c, first) != 0)
			return -1;
		last = first;
		if (take(c, "至") || take(c, "~")) {
			if (parse_date(p, c, &year, &month, &last) != 0 ||
			    parse_note(p, c, last) != 0)
				return -1;
			if (last <= first || last - first >= MAX_RANGE_DAYS)
				return fail_at(p, &start, _("a range that ends before it starts or "
							    "lasts longer than a month"));
		}
		for (hw_date day = first; day <= last; day++)
			if (push(p, &start, list, day) != 0)
				return -1;
	} while (take(c, "、"));
	return 0;
}

static int add_day(parser *p, cursor *at, hw_date date, bool is_workday, int holiday)
{
	hw_notice *notice = p->notice;
	char text[HW_DATE_TEXT_SIZE];
	hw_date_format(date, text);
	int year = hw_date_year(date);
	if (year < notice->year - 1 || year > notice->year + 1)
		return fail_at(p, at, _("a date far from the notice's year"));
	if (is_workday && !hw_date_is_weekend(date)) {
		char problem[256];
		snprintf(problem, sizeof problem,
			 _("%s (%s) is a weekday: a make-up working day is a Saturday or Sunday"),
			 text, hw_notice_weekday(date));
		return fail_at(p, at, problem);
	}
	for (int i = 0; i < notice->day_count; i++)
		if (notice->days[i].date == date) {
			char problem[256];
			snprintf(problem, sizeof problem, _("%s is arranged twice"), text);
			return fail_at(p, at, problem);
		}
	if (notice->day_count >= MAX_NOTICE_DAYS)
		return fail_at(p, at, _("more days than a notice arranges"));
	if (hw_grow((void **)&notice->days, &notice->day_capacity, notice->day_count,
		    sizeof(hw_notice_day), p->error) != 0)
		return -1;
	notice->days[notice->day_count++] =
		(hw_notice_day){.date = date, .is_workday = is_workday, .holiday = holiday};
	return 0;
}

static int add_all(parser *p, cursor *at, pending *list, bool is_workday, int holiday)
{
	for (int i = 0; i < list->count; i++)
		if (add_day(p, at, list->dates[i], is_workday, holiday) != 0)
			return -1;
	list->count = 0;
	return 0;
}

/* "共N天" or "N天": the number must be the days off the sentence listed. */
static int check_count(parser *p, cursor *c, int listed)
{
	cursor start = *c;
	int stated = number(c);
	if (stated < 0 || !take(c, "天"))
		return fail_at(p, &start, _("expected a number of days such as '共3天'"));
	if (stated != listed) {
		char problem[256];
		snprintf(problem, sizeof problem, _("it says %d days but lists %d days off"), stated,
			 listed);
		return fail_at(p, &start, problem);
	}
	return 0;
}

/* One sentence of an item, between full stops. */
static int parse_sentence(parser *p, cursor sentence, int holiday)
{
	if (starts(&sentence, "鼓励"))
		return 0; /* advice to employers, no arrangement */
	pending list = {.count = 0};
	int off_in_sentence = 0;
	cursor c = sentence;
	while (c.at < c.end) {
		cursor clause = c;
		if (take(&c, "共")) {
			if (check_count(p, &c, off_in_sentence) != 0)
				return -1;
		} else if (take(&c, "与周末连休") || take(&c, "不调休") || take(&c, "调休")) {
			/* says how, arranges nothing more */
		} else {
			if (parse_dates(p, &c, &list) != 0)
				return -1;
			if (take(&c, "放假")) {
				take(&c, "调休");
				int added = list.count;
				if (c.at < c.end && *c.at >= '0' && *c.at <= '9' &&
				    check_count(p, &c, added) != 0)
					return -1;
				if (add_all(p, &clause, &list, false, holiday) != 0)
					return -1;
				off_in_sentence += added;
			} else if (take(&c, "补休")) {
				int added = list.count;
				if (add_all(p, &clause, &list, false, holiday) != 0)
					return -1;
				off_in_sentence += added;
			} else if (take(&c, "上班")) {
				if (add_all(p, &clause, &list, true, holiday) != 0)
					return -1;
			} else if (c.at < c.end && *c.at != ',' && *c.at != ';') {
				return fail_at(p, &c, _("cannot read this part of the notice"));
			}
			/* Dates followed by a comma wait for the clause that says what they are. */
		}
		if (c.at < c.end && !take(&c, ",") && !take(&c, ";"))
			return fail_at(p, &c, _("cannot read this part of the notice"));
	}
	if (list.count > 0)
		return fail_at(p, &sentence, _("dates without '放假', '补休' or '上班'"));
	return 0;
}

static bool is_numeral(const cursor *c)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五",
					       "六", "七", "八", "九", "十"};
	for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
		if (starts(c, numerals[i]))
			return true;
	return false;
}

/* "一、NAME:…": returns 1 and reads it when the line is a numbered item, 0 when it is not. */
static int parse_item(parser *p, cursor line)
{
	cursor c = line;
	while (is_numeral(&c))
		c.at += 3;
	if (c.at == line.at || !take(&c, "、"))
		return 0;
	const char *colon = memchr(c.at, ':', (size_t)(c.end - c.at));
	if (colon == NULL)
		return fail_at(p, &line, _("a numbered item without 'NAME：' before its days"));
	size_t name_length = (size_t)(colon - c.at);
	hw_notice *notice = p->notice;
	if (notice->year == 0)
		return fail_at(p, &line, _("an item before the title that names the year "
					  "('关于YYYY年部分节假日安排的通知')"));
	if (name_length == 0 || name_length >= HW_NOTICE_NAME_SIZE || !hw_utf8_valid(c.at, name_length))
		return fail_at(p, &line, _("cannot read the holiday's name"));
	/* The name is written into the holiday file: it must read back as the same text. */
	hw_error ignored;
	if (memchr(c.at, '#', name_length) != NULL ||
	    hw_text_check_lines("name", c.at, name_length, HW_NOTICE_NAME_SIZE, &ignored) != 0)
		return fail_at(p, &line, _("cannot read the holiday's name"));
	if (notice->holiday_count == HW_NOTICE_MAX_HOLIDAYS)
		return fail_at(p, &line, _("more numbered items than a notice has"));
	int holiday = notice->holiday_count++;
	memcpy(notice->holidays[holiday], c.at, name_length);
	notice->holidays[holiday][name_length] = '\0';
	int days_before = notice->day_count;
	c.at = colon + 1;
	while (c.at < c.end) {
		const char *stop = memchr(c.at, '.', (size_t)(c.end - c.at));
		cursor sentence = {c.at, stop != NULL ? stop : c.end};
		if (sentence.at < sentence.end && parse_sentence(p, sentence, holiday) != 0)
			return -1;
		c.at = stop != NULL ? stop + 1 : c.end;
	}
	bool any_off = false;
	for (int i = days_before; i < notice->day_count; i++)
		any_off = any_off || !notice->days[i].is_workday;
	if (!any_off)
		return fail_at(p, &line, _("an item that gives no day off"));
	return 1;
}

/* The year of a title "…关于YYYY年…": 0 when the line has none. */
static int title_year(const cursor *line)
{
	const char *about = find(line->at, line->end, "关于");
	if (about == NULL)
		return 0;
	cursor c = {about + strlen("关于"), line->end};
	int year = number(&c);
	return year >= HW_DATE_MIN_YEAR && take(&c, "年") ? year : 0;
}

static bool mentions_date(const cursor *line)
{
	for (const char *at = line->at; at < line->end; at++) {
		if (*at < '0' || *at > '9')
			continue;
		cursor c = {at, line->end};
		while (c.at < c.end && *c.at >= '0' && *c.at <= '9')
			c.at++;
		if (take(&c, "月") && c.at < c.end && *c.at >= '0' && *c.at <= '9')
			return true;
	}
	return false;
}

/* A line outside the items: the title, the document number, the signing date, or prose. */
static int parse_other(parser *p, cursor line, cursor next_line)
{
	hw_notice *notice = p->notice;
	int year = title_year(&line);
	if (year != 0 && (find(line.at, line.end, "节假日") != NULL ||
			  find(next_line.at, next_line.end, "节假日") != NULL)) {
		if (notice->year != 0 && notice->year != year)
			return fail_at(p, &line, _("a second title naming another year"));
		notice->year = year;
		return 0;
	}
	const char *document = find(line.at, line.end, "国办发");
	if (document != NULL) {
		const char *number_end = find(document, line.end, "号");
		if (number_end == NULL)
			return fail_at(p, &line, _("cannot read the document number"));
		number_end += strlen("号");
		char *out = notice->document;
		size_t o = 0;
		for (const char *at = document; at < number_end; at++) {
			const char *piece = *at == '[' ? "〔" : *at == ']' ? "〕" : NULL;
			size_t length = piece != NULL ? strlen(piece) : 1;
			if (o + length >= sizeof notice->document)
				return fail_at(p, &line, _("cannot read the document number"));
			memcpy(out + o, piece != NULL ? piece : at, length);
			o += length;
		}
		out[o] = '\0';
		hw_error ignored;
		if (hw_text_check_lines("number", out, o, sizeof notice->document, &ignored) != 0)
			return fail_at(p, &line, _("cannot read the document number"));
		return 0;
	}
	cursor c = line;
	int y = 0, m = 0;
	hw_date date;
	cursor probe = c;
	if (probe.at < probe.end && *probe.at >= '0' && *probe.at <= '9' && find(c.at, c.end, "年") &&
	    number(&probe) >= HW_DATE_MIN_YEAR && take(&probe, "年")) {
		hw_error ignored;
		parser quiet = *p;
		quiet.error = &ignored;
		if (parse_date(&quiet, &c, &y, &m, &date) == 0 && c.at == c.end) {
			notice->signed_on = date;
			notice->has_signed_on = true;
			return 0;
		}
	}
	/* The preamble (经…批准, 按照…, 根据…) explains the rules; any other line that gives dates
	 * and days off is an item we failed to recognise. */
	bool preamble = starts(&line, "经") || starts(&line, "按照") || starts(&line, "根据");
	if (!preamble && mentions_date(&line) &&
	    (find(line.at, line.end, "放假") != NULL || find(line.at, line.end, "上班") != NULL))
		return fail_at(p, &line, _("this line arranges days but is not a numbered item "
					  "('一、NAME：…')"));
	return 0;
}

static int compare_days(const void *a, const void *b)
{
	hw_date x = ((const hw_notice_day *)a)->date, y = ((const hw_notice_day *)b)->date;
	return (x > y) - (x < y);
}

int hw_notice_parse(const char *label, const char *text, size_t size, hw_notice *out,
		    hw_error *error)
{
	memset(out, 0, sizeof *out);
	parser p = {.label = label, .notice = out, .error = error};
	/* Each line normalised ahead of time, so that the title may look at the next one. */
	char *normal = malloc(size + 1);
	if (normal == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	if (memchr(text, '\0', size) != NULL) {
		free(normal);
		return hw_error_set(error, _("%s: not a text: it holds a NUL byte"), label);
	}
	/* Skip a byte-order mark. */
	size_t begin = size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	int result = 0, items = 0;
	const char *line = text + begin, *text_end = text + size;
	char *current = normal;
	/* Normalise line by line into `normal`, NUL-separated. */
	for (const char *at = line; at <= text_end;) {
		const char *newline = memchr(at, '\n', (size_t)(text_end - at));
		const char *stop = newline != NULL ? newline : text_end;
		normalise(at, (size_t)(stop - at), current);
		current += strlen(current) + 1;
		if (newline == NULL)
			break;
		at = newline + 1;
	}
	char *end_of_lines = current;
	current = normal;
	p.line = 0;
	while (current < end_of_lines && result == 0) {
		p.line++;
		size_t length = strlen(current);
		char *next = current + length + 1;
		cursor this_line = {current, current + length};
		cursor next_line = {next, next < end_of_lines ? next + strlen(next) : next};
		p.line_text = current;
		if (length == 0 || current[0] == '#') {
			current = next;
			continue;
		}
		int item = parse_item(&p, this_line);
		if (item < 0)
			result = -1;
		else if (item > 0)
			items++;
		else if (parse_other(&p, this_line, next_line) != 0)
			result = -1;
		current = next;
	}
	free(normal);
	if (result != 0)
		return -1;
	if (out->year == 0)
		return hw_error_set(error,
				    _("%s: no title naming the year ('关于YYYY年部分节假日安排的通知')"),
				    label);
	if (items == 0)
		return hw_error_set(error, _("%s: no numbered item ('一、元旦：…') arranging days"),
				    label);
	hw_sort(out->days, (size_t)out->day_count, sizeof(hw_notice_day), compare_days);
	return 0;
}

void hw_notice_free(hw_notice *notice)
{
	free(notice->days);
	notice->days = NULL;
	notice->day_count = notice->day_capacity = 0;
}

char *hw_notice_holiday_file(const hw_notice *notice)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	if (out == NULL)
		return NULL;
	fprintf(out,
		"# 法定节假日与调休上班日 %d — public holidays and make-up workdays for %d.\n"
		"# Written by 'huiwu holidays import' from the text of the notice below.\n"
		"# Format (man 5 huiwu-rules, HOLIDAYS): one date a line, `DATE KIND NAME`, KIND "
		"`off` (a day\n"
		"# off) or `work` (a weekend day that is a working day); `#` starts a comment.\n\n",
		notice->year, notice->year);
	fprintf(out, "# 来源：国务院办公厅关于%d年部分节假日安排的通知", notice->year);
	char signed_on[HW_DATE_TEXT_SIZE] = "";
	if (notice->has_signed_on)
		hw_date_format(notice->signed_on, signed_on);
	if (notice->document[0] != '\0' && signed_on[0] != '\0')
		fprintf(out, "（%s，%s）", notice->document, signed_on);
	else if (notice->document[0] != '\0' || signed_on[0] != '\0')
		fprintf(out, "（%s）", notice->document[0] != '\0' ? notice->document : signed_on);
	fputc('\n', out);
	for (int i = 0; i < notice->day_count; i++) {
		const hw_notice_day *day = &notice->days[i];
		char date[HW_DATE_TEXT_SIZE];
		hw_date_format(day->date, date);
		fprintf(out, "%s  %-5s %s%s  # %s\n", date, day->is_workday ? "work" : "off",
			notice->holidays[day->holiday], day->is_workday ? "调休上班" : "",
			hw_notice_weekday(day->date));
	}
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}
