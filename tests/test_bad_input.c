/* The bad-input corpus (tests/bad-input/, format in its README): one test case per line of
 * cli.txt, rules.txt, holidays.txt and ics.txt. Each must be refused the way every refusal is:
 * exit 1 or 2, exactly one line on stderr (a usage error may add its one hint line), nothing
 * on stdout, the database (and so its audit log) and the files in @OUT unchanged, within 4 s
 * and 1 GiB of address space (no memory limit under AddressSanitizer, which reserves
 * terabytes). The cases of ics-reported.txt are calendars whose bad part is skipped, not a
 * reason to lose the file: they must exit 0 within the same limits with a warning naming the
 * line. A failing case prints its file, line, comment and command, and every way it broke the
 * rule.
 *
 * All cases share one database (a copy of the wuqia fixture with a few meetings); a case that
 * changes it is reported and the database put back. Two twins run the same machinery on good
 * input and must succeed, so that a refusal is the input's doing, not the setup's. */
#include "fixture.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

#define TODAY "2026-11-23"
#define TIMEOUT_MS 4000
#define MEMORY_LIMIT (1LL << 30)
#define MAX_WORDS 48
#define MAX_CASES 400
#define HUGE_FILE (256LL << 20)
#define LONG_LINE (20 * 1024 * 1024)

typedef struct bad_case {
	const char *corpus; /* cli.txt, … */
	int line;
	char *what;         /* the comment above it */
	char *words[MAX_WORDS];
	int word_count;
	char name[600];     /* what cmocka prints */
} bad_case;

static struct {
	char *cases_dir;  /* tests/bad-input */
	char *data_dir;   /* the source tree's data */
	char *work;       /* this run's folder */
	char *out_dir;    /* @OUT */
	char *special;    /* @SPECIAL */
	char *pristine;   /* the prepared database, to put back */
	char *dump;       /* the prepared database as text */
	char *calendar;   /* @OUT/calendar.ics as it was */
	size_t calendar_size;
	fixture f;
	bool ready;
	int holidays_made;
} shared;

static bad_case cases[MAX_CASES];
static int case_count;

/* ---- reading the corpus ---- */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One word with its escapes undone; NULL when an escape is malformed. */
static char *unescape(const char *word, size_t length)
{
	if (length == 2 && strncmp(word, "''", 2) == 0)
		return strdup("");
	char *out = malloc(length + 1);
	size_t used = 0;
	for (size_t i = 0; i < length; i++) {
		if (word[i] != '\\') {
			out[used++] = word[i];
			continue;
		}
		if (++i == length)
			goto bad;
		switch (word[i]) {
		case 's': out[used++] = ' '; break;
		case 't': out[used++] = '\t'; break;
		case 'n': out[used++] = '\n'; break;
		case 'r': out[used++] = '\r'; break;
		case 'e': out[used++] = '\033'; break;
		case 'a': out[used++] = '\a'; break;
		case '\\': out[used++] = '\\'; break;
		case 'x': {
			int high = i + 1 < length ? hex_digit(word[i + 1]) : -1;
			int low = i + 2 < length ? hex_digit(word[i + 2]) : -1;
			if (high < 0 || low < 0 || (high == 0 && low == 0))
				goto bad;
			out[used++] = (char)(high * 16 + low);
			i += 2;
			break;
		}
		default:
			goto bad;
		}
	}
	out[used] = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

static void read_corpus(const char *name)
{
	char *path = test_path(shared.cases_dir, name);
	char *text = test_read_file(path, NULL);
	if (text == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	char *what = NULL;
	int line = 0;
	for (char *next, *at = text; *at; at = next) {
		line++;
		size_t length = strcspn(at, "\n");
		next = at + length + (at[length] == '\n');
		at[length] = '\0';
		if (at[0] == '\0') {
			free(what);
			what = NULL;
			continue;
		}
		if (at[0] == '#') {
			const char *comment = at + 1 + (at[1] == ' ');
			char *joined = NULL;
			if (asprintf(&joined, "%s%s%s", what ? what : "", what ? " " : "", comment) < 0)
				exit(1);
			free(what);
			what = joined;
			continue;
		}
		if (what == NULL || case_count == MAX_CASES) {
			fprintf(stderr, "%s:%d: a case needs a comment above it (or too many cases)\n",
				path, line);
			exit(1);
		}
		bad_case *c = &cases[case_count++];
		c->corpus = name;
		c->line = line;
		c->what = what;
		what = NULL;
		for (char *word = at; *word;) {
			size_t word_length = strcspn(word, " ");
			if (c->word_count == MAX_WORDS - 1 ||
			    (c->words[c->word_count++] = unescape(word, word_length)) == NULL) {
				fprintf(stderr, "%s:%d: a bad escape or too many words\n", path, line);
				exit(1);
			}
			word += word_length + (word[word_length] == ' ');
		}
		snprintf(c->name, sizeof c->name, "%s:%d %s", name, line, c->what);
		for (char *hash = strchr(c->name, '#'); hash != NULL; hash = strchr(hash, '#'))
			*hash = ' '; /* TAP would read the rest of the name as a directive */
	}
	free(what);
	free(text);
	free(path);
}

/* ---- the shared database and files ---- */

static void make_special_files(void)
{
	char *fifo = test_path(shared.special, "fifo");
	if (mkfifo(fifo, 0600) != 0)
		fail_msg("mkfifo %s: %s", fifo, strerror(errno));
	free(fifo);
	char *huge = test_path(shared.special, "huge.ini");
	int fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, HUGE_FILE) != 0)
		fail_msg("cannot make %s", huge);
	close(fd);
	free(huge);
	char *long_line = test_path(shared.special, "long-line.ics");
	FILE *file = fopen(long_line, "wb");
	if (file == NULL)
		fail_msg("cannot write %s", long_line);
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//huiwu tests//bad input//EN\r\n"
	      "BEGIN:VEVENT\r\nUID:long@bad.test\r\nDTSTAMP:20261101T000000Z\r\n"
	      "DTSTART:20270105T100000\r\nDTEND:20270105T110000\r\nDESCRIPTION:",
	      file);
	static char block[64 * 1024];
	memset(block, 'x', sizeof block);
	for (long written = 0; written < LONG_LINE; written += (long)sizeof block)
		fwrite(block, 1, sizeof block, file);
	fputs("\r\nSUMMARY:long\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", file);
	fclose(file);
	free(long_line);
}

static int prepare(void **state)
{
	(void)state;
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	if (root == NULL)
		fail_msg("HUIWU_SOURCE_ROOT is not set: run the tests with 'meson test'");
	fixture *f = &shared.f;
	fixture_open(f, "wuqia", TODAY);
	OK(f, "person", "add", "县长", "--title", "县长", "--role", "deputy");
	for (int day = 1; day <= 12; day++) {
		char date[16];
		snprintf(date, sizeof date, "2027-01-%02d", day + 3);
		fixture_add_meeting(f, "executive", date, NULL, NULL);
	}
	OK(f, "topic", "add", "--title", "议题", "--dept", "农业农村局");
	shared.work = test_make_temp_dir();
	shared.out_dir = test_path(shared.work, "out");
	shared.special = test_path(shared.work, "special");
	if (mkdir(shared.out_dir, 0700) != 0 || mkdir(shared.special, 0700) != 0)
		fail_msg("cannot make the folders of %s", shared.work);
	char *calendar = test_path(shared.out_dir, "calendar.ics");
	OK(f, "export", "ics", "-o", calendar);
	shared.calendar = test_read_file(calendar, &shared.calendar_size);
	free(calendar);
	make_special_files();
	shared.pristine = test_path(shared.work, "pristine.db");
	test_copy_file(f->db, shared.pristine);
	shared.dump = fixture_dump_database(f);
	shared.ready = true;
	return 0;
}

static int finish(void **state)
{
	(void)state;
	if (shared.ready)
		fixture_close(&shared.f);
	if (shared.work)
		test_remove_tree(shared.work);
	return 0;
}

/* Puts @OUT back as it was: calendar.ics, and nothing else. */
static void restore_out(void)
{
	DIR *dir = opendir(shared.out_dir);
	for (struct dirent *entry; dir != NULL && (entry = readdir(dir)) != NULL;)
		if (entry->d_name[0] != '.') {
			char *path = test_path(shared.out_dir, entry->d_name);
			unlink(path);
			free(path);
		}
	if (dir != NULL)
		closedir(dir);
	char *path = test_path(shared.out_dir, "calendar.ics");
	FILE *file = fopen(path, "wb");
	if (file == NULL || fwrite(shared.calendar, 1, shared.calendar_size, file) != shared.calendar_size)
		fail_msg("cannot put back %s", path);
	fclose(file);
	free(path);
}

/* Puts the prepared database back after a case changed it. */
static void restore(void)
{
	char *wal = NULL, *shm = NULL;
	if (asprintf(&wal, "%s-wal", shared.f.db) < 0 || asprintf(&shm, "%s-shm", shared.f.db) < 0)
		fail_msg("out of memory");
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	test_copy_file(shared.pristine, shared.f.db);
}

/* ---- expanding a case ---- */

/* A data folder for HUIWU_DATA_DIR: the shipped rules and holidays, with `file` as 2026.txt. */
static char *holiday_folder(const char *file)
{
	char *folder = NULL, *holidays = NULL;
	if (asprintf(&folder, "%s/data-%d", shared.work, shared.holidays_made++) < 0 ||
	    asprintf(&holidays, "%s/holidays", folder) < 0)
		fail_msg("out of memory");
	char *rules_link = test_path(folder, "rules"), *rules = test_path(shared.data_dir, "rules");
	if (mkdir(folder, 0700) != 0 || mkdir(holidays, 0700) != 0 || symlink(rules, rules_link) != 0)
		fail_msg("cannot make %s", folder);
	free(rules_link);
	free(rules);
	static const char *const years[] = {"2023.txt", "2024.txt", "2025.txt"};
	for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
		char *shipped = NULL, *link = test_path(holidays, years[i]);
		if (asprintf(&shipped, "%s/holidays/%s", shared.data_dir, years[i]) < 0 ||
		    symlink(shipped, link) != 0)
			fail_msg("cannot link %s", link);
		free(shipped);
		free(link);
	}
	char *target = NULL, *link = test_path(holidays, "2026.txt");
	if (file[0] == '/')
		target = strdup(file);
	else if (strcmp(file, "fifo") == 0 || strcmp(file, "huge.ini") == 0)
		target = test_path(shared.special, file);
	else if (asprintf(&target, "%s/holidays/%s", shared.cases_dir, file) < 0)
		target = NULL;
	if (target == NULL || symlink(target, link) != 0)
		fail_msg("cannot link %s", link);
	free(target);
	free(link);
	free(holidays);
	return folder;
}

/* `word` with @CASES, @OUT, @SPECIAL and @HOLIDAYS:FILE replaced (malloc'd). */
static char *expand(const char *word)
{
	const char *holidays = strstr(word, "@HOLIDAYS:");
	if (holidays != NULL) {
		char *folder = holiday_folder(holidays + strlen("@HOLIDAYS:"));
		char *result = NULL;
		if (asprintf(&result, "%.*s%s", (int)(holidays - word), word, folder) < 0)
			fail_msg("out of memory");
		free(folder);
		return result;
	}
	static const char *const names[] = {"@CASES", "@OUT", "@SPECIAL"};
	const char *values[] = {shared.cases_dir, shared.out_dir, shared.special};
	for (size_t i = 0; i < 3; i++) {
		const char *at = strstr(word, names[i]);
		if (at != NULL) {
			char *result = NULL;
			if (asprintf(&result, "%.*s%s%s", (int)(at - word), word, values[i],
				     at + strlen(names[i])) < 0)
				fail_msg("out of memory");
			return result;
		}
	}
	return strdup(word);
}

static bool is_environment_word(const char *word)
{
	size_t name = strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");
	return name > 0 && word[name] == '=';
}

/* The command for a report: printable, escapes shown as in the corpus. */
static void describe(const bad_case *c, char *out, size_t size)
{
	size_t used = snprintf(out, size, "huiwu");
	for (int w = 0; w < c->word_count && used + 8 < size; w++) {
		out[used++] = ' ';
		if (c->words[w][0] == '\0')
			used += snprintf(out + used, size - used, "''");
		for (const unsigned char *b = (const unsigned char *)c->words[w]; *b && used + 8 < size; b++)
			used += *b == ' ' ? (size_t)snprintf(out + used, size - used, "\\s")
				: (*b < 0x20 || *b == 0x7f || *b >= 0x80 || *b == '\\')
					? (size_t)snprintf(out + used, size - used, "\\x%02x", *b)
					: (size_t)snprintf(out + used, size - used, "%c", *b);
	}
	out[used < size ? used : size - 1] = '\0';
}

/* What huiwu printed, shortened and with control bytes (and all of invalid UTF-8) shown as
 * escapes, for a report. */
static void show(const char *text, char *out, size_t size)
{
	size_t used = 0;
	text = text ? text : "";
	bool valid = hw_utf8_valid(text, strlen(text));
	for (const unsigned char *b = (const unsigned char *)text; *b && used + 8 < size; b++) {
		if (*b >= 0xc0 && valid && used + 12 >= size)
			break; /* no room for the whole character: a cut one would garble the log */
		used += (*b < 0x20 || *b == 0x7f || (!valid && *b >= 0x80))
				? (size_t)snprintf(out + used, size - used, "\\x%02x", *b)
				: (size_t)snprintf(out + used, size - used, "%c", *b);
	}
	out[used] = '\0';
}

static bool calendar_unchanged(void)
{
	size_t size = 0;
	char *path = test_path(shared.out_dir, "calendar.ics");
	char *now = test_read_file(path, &size);
	free(path);
	bool same = now != NULL && size == shared.calendar_size &&
		    memcmp(now, shared.calendar, size) == 0;
	free(now);
	return same;
}

static int files_in_out(void)
{
	int count = 0;
	DIR *dir = opendir(shared.out_dir);
	if (dir == NULL)
		return -1;
	for (struct dirent *entry; (entry = readdir(dir)) != NULL;)
		count += entry->d_name[0] != '.';
	closedir(dir);
	return count;
}

/* Whether stderr is the refusal's one line (and, for a usage error, its hint). */
static bool one_line(const char *err, int status)
{
	size_t length = err ? strlen(err) : 0;
	if (length == 0 || err[length - 1] != '\n')
		return false;
	int lines = test_count_lines(err);
	if (lines == 1)
		return true;
	const char *second = strchr(err, '\n') + 1;
	return status == 2 && lines == 2 && strncmp(second, "(see 'huiwu help'", 17) == 0;
}

static bool raw_controls(const char *err)
{
	for (const unsigned char *b = (const unsigned char *)(err ? err : ""); *b; b++)
		if ((*b < 0x20 && *b != '\n') || *b == 0x7f)
			return true;
	return false;
}

static run_result run_case(const bad_case *c, int first_word, const char *const *extra_env)
{
	const char *env[16] = {NULL};
	int env_count = 0;
	for (const char *const *e = shared.f.env; *e; e++)
		env[env_count++] = *e;
	for (const char *const *e = extra_env; e && *e; e++)
		env[env_count++] = *e;
	char *expanded[MAX_WORDS] = {NULL};
	const char *args[MAX_WORDS] = {NULL};
	int arg_count = 0;
	for (int w = first_word; w < c->word_count; w++) {
		expanded[w] = expand(c->words[w]);
		if (is_environment_word(c->words[w]) && arg_count == 0 && env_count < 15)
			env[env_count++] = expanded[w];
		else
			args[arg_count++] = expanded[w];
	}
	test_limits limits = {TIMEOUT_MS, MEMORY_LIMIT, NULL};
	run_result r = test_run_bounded(env, args, &limits);
	for (int w = 0; w < MAX_WORDS; w++)
		free(expanded[w]);
	return r;
}

/* Prints what a failing case ran, how it broke its rule (`verdict`, `problems`) and what it
 * printed; takes `r`, and fails the test. */
static void fail_case(const bad_case *c, run_result *r, const char *verdict, const char *problems)
{
	char command[1024], out[400], err[600];
	describe(c, command, sizeof command);
	show(r->out, out, sizeof out);
	show(r->err, err, sizeof err);
	test_run_free(r);
	print_message("# BAD INPUT %s %s:%d (%s)\n#     %s%s\n#     stdout: %s\n#     stderr: %s\n",
		      verdict, c->corpus, c->line, c->what, command, problems, out, err);
	fail_msg("%s:%d: see above", c->corpus, c->line);
}

/* Whether stderr holds a warning naming a line of the file ("FILE:LINE: …"). */
static bool warns_with_line(const char *err)
{
	for (const char *at = err ? strstr(err, "warning: ") : NULL; at; at = strstr(at + 1, "warning: ")) {
		const char *colon = strchr(at + 9, ':');
		if (colon && colon[1] >= '0' && colon[1] <= '9')
			return true;
	}
	return false;
}

/* A case of a corpus of reported input (ics-reported.txt): exit 0 within the limits, a warning
 * naming the line, no raw controls; what it imported is put back. */
static void test_bad_input_is_reported(void **state)
{
	const bad_case *c = *state;
	if (!shared.ready)
		fail_msg("the shared database could not be prepared");
	run_result r = run_case(c, 0, NULL);
	char problems[2048] = "";
	size_t used = 0;
#define PROBLEM(...) used += (size_t)snprintf(problems + used, sizeof problems - used, "\n#     - " __VA_ARGS__)
	if (r.timed_out)
		PROBLEM("did not end within %d ms (killed)", TIMEOUT_MS);
	else if (r.status != 0)
		PROBLEM("exited %d, not 0 with a warning", r.status);
	if (!warns_with_line(r.err))
		PROBLEM("gave no warning naming the file's line");
	if (raw_controls(r.err))
		PROBLEM("printed raw control characters on stderr");
	if (r.err && !hw_utf8_valid(r.err, strlen(r.err)))
		PROBLEM("printed invalid UTF-8 on stderr");
#undef PROBLEM
	char *dump = fixture_dump_database(&shared.f);
	if (strcmp(dump, shared.dump) != 0)
		restore();
	free(dump);
	if (!calendar_unchanged() || files_in_out() != 1)
		restore_out();
	if (problems[0] == '\0')
		test_run_free(&r);
	else
		fail_case(c, &r, "NOT REPORTED", problems);
}

static void test_bad_input_is_refused(void **state)
{
	const bad_case *c = *state;
	if (!shared.ready)
		fail_msg("the shared database could not be prepared");
	run_result r = run_case(c, 0, NULL);
	char problems[2048] = "";
	size_t used = 0;
#define PROBLEM(...) used += (size_t)snprintf(problems + used, sizeof problems - used, "\n#     - " __VA_ARGS__)
	if (r.timed_out)
		PROBLEM("did not end within %d ms (killed)", TIMEOUT_MS);
	else if (r.status != 1 && r.status != 2)
		PROBLEM("exited %d, not 1 or 2%s", r.status, r.status > 128 ? " (killed by a signal)" : "");
	if ((r.status == 1 || r.status == 2) && !one_line(r.err, r.status))
		PROBLEM("printed %d lines on stderr, not one", test_count_lines(r.err));
	if (raw_controls(r.err))
		PROBLEM("printed raw control characters on stderr");
	if (r.err && !hw_utf8_valid(r.err, strlen(r.err)))
		PROBLEM("printed invalid UTF-8 on stderr");
	if (r.out && r.out[0] != '\0')
		PROBLEM("printed on stdout");
	char *dump = fixture_dump_database(&shared.f);
	bool changed = strcmp(dump, shared.dump) != 0;
	free(dump);
	if (changed)
		PROBLEM("changed the database");
	if (!calendar_unchanged())
		PROBLEM("changed @OUT/calendar.ics");
	if (files_in_out() != 1)
		PROBLEM("left files in @OUT");
#undef PROBLEM
	if (problems[0] == '\0') {
		test_run_free(&r);
		return;
	}
	if (changed)
		restore();
	if (!calendar_unchanged() || files_in_out() != 1)
		restore_out();
	fail_case(c, &r, "NOT REFUSED", problems);
}

/* ---- the twins: the same machinery on good input ---- */

static void test_good_input_through_the_same_machinery_succeeds(void **state)
{
	(void)state;
	if (!shared.ready)
		fail_msg("the shared database could not be prepared");
	/* a copy of a shipped rule file, named after its key */
	char *good_rules = test_path(shared.work, "good.ini");
	char *shipped = test_path(shared.data_dir, "rules/wuqia.ini");
	char *text = test_read_file(shipped, NULL);
	assert_non_null(text);
	char *key = strstr(text, "key        = wuqia");
	assert_non_null(key);
	FILE *file = fopen(good_rules, "w");
	fprintf(file, "%.*skey        = good%s", (int)(key - text), text, key + strlen("key        = wuqia"));
	fclose(file);
	free(text);
	free(shipped);
	bad_case rules = {.word_count = 3, .words = {"rules", "--file", good_rules}};
	run_result r = run_case(&rules, 0, NULL);
	if (r.status != 0)
		fail_msg("rules --file on a good file exited %d: %s", r.status, r.err);
	test_run_free(&r);
	free(good_rules);

	/* the shipped 2026 holidays through @HOLIDAYS, and a good calendar: both write */
	char shipped_2026[4096];
	snprintf(shipped_2026, sizeof shipped_2026, "HUIWU_DATA_DIR=@HOLIDAYS:%s/holidays/2026.txt",
		 shared.data_dir);
	bad_case holidays = {.word_count = 9, .words = {shipped_2026, "meeting", "add", "--type",
		"executive", "--date", "2026-12-09", "--time", "09:30"}};
	r = run_case(&holidays, 0, NULL);
	if (r.status != 0)
		fail_msg("meeting add with the shipped holidays exited %d: %s", r.status, r.err);
	test_run_free(&r);
	bad_case calendar = {.word_count = 5,
			     .words = {"import", "ics", "@CASES/ics/good.ics", "--as", "special"}};
	r = run_case(&calendar, 0, NULL);
	if (r.status != 0)
		fail_msg("import ics good.ics exited %d: %s", r.status, r.err);
	test_run_free(&r);
}

/* The twins wrote: the cases start from the prepared database all the same. */
static int restore_after_twin(void **state)
{
	(void)state;
	if (shared.ready)
		restore();
	return 0;
}

int main(void)
{
	const char *root = getenv("HUIWU_SOURCE_ROOT");
	const char *data = getenv("HUIWU_SOURCE_DATA");
	if (root == NULL || data == NULL) {
		fprintf(stderr, "HUIWU_SOURCE_ROOT and HUIWU_SOURCE_DATA must be set: run with 'meson test'\n");
		return 1;
	}
	shared.cases_dir = test_path(root, "tests/bad-input");
	shared.data_dir = strdup(data);
	static const char *const corpora[] = {"cli.txt", "rules.txt", "holidays.txt", "ics.txt",
					      "ics-reported.txt"};
	for (size_t i = 0; i < sizeof corpora / sizeof *corpora; i++)
		read_corpus(corpora[i]);
	struct CMUnitTest *tests = calloc((size_t)case_count + 1, sizeof *tests);
	tests[0] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_good_input_through_the_same_machinery_succeeds, restore_after_twin);
	for (int i = 0; i < case_count; i++)
		tests[i + 1] = (struct CMUnitTest){cases[i].name,
						   strcmp(cases[i].corpus, "ics-reported.txt") == 0
							   ? test_bad_input_is_reported
							   : test_bad_input_is_refused,
						   NULL, NULL, &cases[i]};
	int failed = _cmocka_run_group_tests("bad input", tests, (size_t)case_count + 1, prepare, finish);
	free(tests);
	return failed;
}
