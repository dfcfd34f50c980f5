/* huiwu: the command-line entry point. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "store.h"
#include "text.h"

#ifndef HUIWU_VERSION
#define HUIWU_VERSION "unknown"
#endif

static const cli_command commands[] = {
	{"govs", N_("govs                         list the rule sets: key, name, document"),
	 cli_govs},
	{"rules", N_("rules [KEY | --file PATH] [--json]  show a government's meeting rules (default: the database's)"),
	 cli_rules},
	{"workdays", N_("workdays is DATE | add DATE N | between DATE DATE | list [--from D] [--to D]"),
	 cli_workdays},
	{"holidays", N_("holidays import FILE [--yes] [--reapply-series]  read the State Council's notice of a year's holidays"),
	 cli_holidays},
	{"init", N_("init --gov KEY [--demo]      create the database for a government"), cli_init},
	{"dept", N_("dept add NAME [--deputy P] [--member-of-executive] [--function F] | edit NAME [--deputy P] [--name NEW] | list [--json]"), cli_dept},
	{"person", N_("person add NAME --title T --role R [--dept D] [--party-group] | edit P ... | list [--all] | show P [--json] | retire P [--on D] | reinstate P"), cli_person},
	{"meeting", N_("meeting add --type T --date D --time HH:MM ... | show ID | list | edit ID | cancel ID | restore ID | held ID | invite ID --person P [--as K] | uninvite ID --person P"), cli_meeting},
	{"agenda", N_("agenda [--person P] [--from D] [--to D] [--json]  coming meetings and what waits"), cli_agenda},
	{"topic", N_("topic add --title T ... | edit ID | review ID --by P | approve ID --by P | schedule ID --meeting M | decide ID --decision T | defer ID | reopen ID | list | show ID"), cli_topic},
	{"leave", N_("leave request --meeting M --person P --reason R [--written] [--substitute P] | approve ID --by P | reject ID --by P | list [--pending]"), cli_leave},
	{"trip", N_("trip add --person P --from D --to D --reported-to TEXT [--approved-by TEXT] | edit ID [--from D] [--to D] [--reported-to TEXT] [--approved-by TEXT] | cancel ID | list [--json]  leaders away from the region"), cli_trip},
	{"minutes", N_("minutes draft M --text T | sign M --by P | approve M --by P | amend M --text T --by P | show M"), cli_minutes},
	{"doc", N_("doc add --meeting M --title T | handover ID [--on D] | submit ID [--on D] | issue ID [--on D] | list [--meeting M]"), cli_doc},
	{"series", N_("series add --type T --rrule RULE --time HH:MM --from D [--until D | --count N] [--on-holiday skip|next|previous] [--force] | list | show ID | edit ID | end ID [--on D]"), cli_series},
	{"export", N_("export ics [-o FILE] [--person P] [--type T] [--from D] [--to D] [--todos] [--alarm MINUTES]"), cli_export},
	{"publish", N_("publish [--person P] [--force] | setup URL --user U --password-file F   to a CalDAV server"), cli_publish},
	{"import", N_("import ics FILE --as TYPE | --busy [--person P] [--from D] [--to D]   events of another calendar"), cli_import},
	{"ui", N_("ui [--read-only] [--person P]  the terminal UI (also: huiwu with no command)"), cli_ui},
	{"search", N_("search TEXT [--json]           meetings and topics whose text contains TEXT"), cli_search},
	{"deadlines", N_("deadlines [--meeting M] [--json]  what is due, overdue first"), cli_deadlines},
	{"office", N_("office set minutes-target N|off | show [--json]  the office's own settings"), cli_office},
	{"check", N_("check [--from D] [--to D] [--json]  every place the schedule breaks the rules"), cli_check},
	{"log", N_("log [--meeting ID] [--json] | --verify [--head H] | --head  the audit log"), cli_log},
};

/* Writes `prefix` and `message` on one line (without its line feed): what the message echoes
 * of the input (a line break or an escape code in an argument) is shown as ^J, ^[, never sent
 * as it is. */
static void print_error(const char *prefix, const char *message)
{
	char *visible = hw_text_visible(message, strlen(message), false);
	fprintf(stderr, "%s%s", prefix, visible ? visible : _("(out of memory)"));
	free(visible);
}

void cli_error(const char *format, ...)
{
	char message[HW_ERROR_MESSAGE_SIZE];
	va_list args;
	va_start(args, format);
	vsnprintf(message, sizeof message, format, args);
	va_end(args);
	print_error("huiwu: ", message);
	fputc('\n', stderr);
}

int cli_usage_error(const char *command, const char *format, ...)
{
	char prefix[64], message[HW_ERROR_MESSAGE_SIZE];
	va_list args;
	va_start(args, format);
	vsnprintf(message, sizeof message, format, args);
	va_end(args);
	snprintf(prefix, sizeof prefix, "huiwu %s: ", command);
	print_error(prefix, message);
	fprintf(stderr, "%s", _("\n(see 'huiwu help' or man huiwu)\n"));
	return CLI_USAGE;
}

int cli_fail(const hw_error *error)
{
	/* Core names the input a message is about, never its flag (the terminal UI shows the
	 * same message): the command line says which of its options that is. */
	char message[HW_ERROR_MESSAGE_SIZE + 128];
	if (strcmp(error->option, "force") == 0)
		snprintf(message, sizeof message, _("%s (add --force to do it anyway)"), error->message);
	else if (strcmp(error->option, "publish setup") == 0)
		snprintf(message, sizeof message,
			 _("%s (set it up with: huiwu publish setup URL --user U --password-file F)"),
			 error->message);
	else if (strncmp(error->option, "huiwu ", 6) == 0)
		snprintf(message, sizeof message, _("%s (see '%s')"), error->message, error->option);
	else if (error->option[0] != '\0')
		snprintf(message, sizeof message, _("%s (--%s)"), error->message, error->option);
	else
		snprintf(message, sizeof message, "%s", error->message);
	print_error("huiwu: ", message);
	fputc('\n', stderr);
	return CLI_BAD_INPUT;
}

/* ---- stored text never reaches a terminal raw ---- */

/* A stream in front of stdout or stderr that passes everything through hw_text_visible: a
 * control character an older version stored (an OSC sequence in a location would set the
 * terminal's title) is shown as ^], not obeyed. Line feeds and tabs pass; the bytes of a
 * character cut by the buffer's edge wait for the next write. */
typedef struct visible_stream {
	FILE *raw;
	char pending[4];
	size_t pending_length;
} visible_stream;

static visible_stream visible_out, visible_err;

static ssize_t visible_write(void *cookie, const char *data, size_t size)
{
	visible_stream *stream = cookie;
	size_t total = stream->pending_length + size;
	char *joined = malloc(total);
	if (joined == NULL)
		return -1;
	memcpy(joined, stream->pending, stream->pending_length);
	memcpy(joined + stream->pending_length, data, size);
	size_t tail = hw_utf8_incomplete_tail(joined, total);
	char *visible = hw_text_visible(joined, total - tail, true);
	if (visible == NULL) {
		free(joined);
		return -1;
	}
	fputs(visible, stream->raw);
	memcpy(stream->pending, joined + total - tail, tail);
	stream->pending_length = tail;
	free(visible);
	free(joined);
	return (ssize_t)size;
}

/* At exit: what is buffered goes out, and a character cut short at the very end shows as
 * U+FFFD. */
static void flush_visible(visible_stream *stream, FILE *filtered)
{
	if (filtered == NULL || stream->raw == NULL)
		return;
	fflush(filtered);
	if (stream->pending_length > 0) {
		char *visible = hw_text_visible(stream->pending, stream->pending_length, true);
		if (visible)
			fputs(visible, stream->raw);
		free(visible);
		stream->pending_length = 0;
	}
	fflush(stream->raw);
}

static FILE *filtered_out, *filtered_err;

static void flush_visible_streams(void)
{
	flush_visible(&visible_out, filtered_out);
	flush_visible(&visible_err, filtered_err);
}

static FILE *open_visible(visible_stream *stream, FILE *raw)
{
	stream->raw = raw;
	FILE *filtered = fopencookie(stream, "w", (cookie_io_functions_t){.write = visible_write});
	/* Buffered as the stream it stands in front of was: stderr not at all, stdout by line on
	 * a terminal, so that the two interleave as before. */
	if (filtered != NULL)
		setvbuf(filtered, NULL,
			raw == stderr ? _IONBF : isatty(fileno(raw)) ? _IOLBF : _IOFBF, BUFSIZ);
	return filtered;
}

/* Puts the visible streams in front of stderr and, unless the command writes a file format
 * there (iCalendar to stdout), stdout. glibc lets stdout and stderr be assigned. */
static void show_visibly(bool out)
{
	if (out && (filtered_out = open_visible(&visible_out, stdout)) != NULL)
		stdout = filtered_out;
	if ((filtered_err = open_visible(&visible_err, stderr)) != NULL)
		stderr = filtered_err;
	atexit(flush_visible_streams);
}

void cli_print_json(json_t *value)
{
	json_dumpf(value, stdout, JSON_INDENT(2));
	fputc('\n', stdout);
	json_decref(value);
}

hw_calendar *cli_load_calendar(hw_error *error)
{
	return hw_calendar_load_default(error);
}

hw_rules *cli_load_rules(const char *key, hw_error *error)
{
	char directory[4096];
	hw_rules_dir(directory, sizeof directory);
	return hw_rules_load(directory, key, error);
}

hw_rules *cli_load_database_rules(cli_context *context, hw_error *error)
{
	char path[4096], key[256];
	if (hw_database_path(context->db_option, path, sizeof path, error) != 0)
		return NULL;
	hw_store *store = hw_store_open(path, HW_OPEN_READ_ONLY, error);
	if (store == NULL)
		return NULL;
	int status = hw_store_government_key(store, key, sizeof key, error);
	hw_store_close(store);
	return status == 0 ? cli_load_rules(key, error) : NULL;
}

void cli_note_years_without_data(const hw_calendar *calendar, const hw_years_without_data *years)
{
	for (int i = 0; i < years->count; i++)
		if (hw_calendar_year_is_provisional(calendar, years->years[i]))
			fprintf(stderr,
				_("note: the %d holiday arrangement is not published yet: its statutory "
				  "holidays are provisional and its make-up working days unknown, so this "
				  "may move when the notice is published\n"),
				years->years[i]);
		else
			fprintf(stderr,
				_("note: there is no holiday data for %d, so Monday to Friday count as "
				  "working days there\n"),
				years->years[i]);
}

static void print_help(void)
{
	printf(_("huiwu %s — meeting affairs for a local government office\n\n"), HUIWU_VERSION);
	printf("%s", _("Usage: huiwu [--db PATH] [--read-only] [--person P]   the terminal UI\n"
		       "       huiwu [--db PATH] COMMAND [ARGS]\n\nCommands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  huiwu %s\n", _(commands[i].synopsis));
	printf("%s", _("\nThe database is --db PATH, else $HUIWU_DB, else "
		       "$XDG_DATA_HOME/huiwu/huiwu.db.\nExit status: 0 done, 1 bad input (nothing "
		       "changed), 2 bad usage. See man huiwu.\n"));
}

/* The locale name that chooses messages, by POSIX precedence. */
static const char *messages_locale_requested(void)
{
	const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *value = getenv(names[i]);
		if (value != NULL && value[0] != '\0')
			return value;
	}
	return "";
}

/* zh_CN named by LANGUAGE (first entry) or by the messages locale. */
static bool chinese_requested(void)
{
	const char *language = getenv("LANGUAGE");
	if (language != NULL && strncmp(language, "zh_CN", 5) == 0)
		return true;
	return strncmp(messages_locale_requested(), "zh_CN", 5) == 0;
}

static bool codeset_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* A zh_CN request gets the Chinese messages whether or not that locale is generated: when
 * the user's locale is missing or not UTF-8, characters are C.UTF-8's and gettext, which
 * ignores LANGUAGE only under the C locale, reads the zh_CN catalogue through LANGUAGE. */
static void setup_locale(void)
{
	bool chinese = chinese_requested();
	bool found = setlocale(LC_ALL, "") != NULL;
	if (!found || !codeset_is_utf8()) {
		if (!found)
			setlocale(LC_ALL, "C.UTF-8");
		else {
			setlocale(LC_CTYPE, "C.UTF-8");
			const char *messages = setlocale(LC_MESSAGES, NULL);
			if (messages == NULL || strcmp(messages, "C") == 0 ||
			    strcmp(messages, "POSIX") == 0)
				setlocale(LC_MESSAGES, "C.UTF-8");
		}
		/* The terminal UI measures and draws wide characters: it needs a UTF-8 LC_CTYPE. */
		if (!codeset_is_utf8())
			setlocale(LC_CTYPE, "en_US.UTF-8");
		const char *language = getenv("LANGUAGE");
		if (chinese && (language == NULL || language[0] == '\0'))
			setenv("LANGUAGE", "zh_CN", 1);
	}
	const char *locale_dir = HUIWU_LOCALEDIR;
	char build_locale_dir[4096];
	/* Running from the build folder, the fresh translations are there. */
	snprintf(build_locale_dir, sizeof build_locale_dir, "%s/po", HUIWU_BUILD_ROOT);
	if (strcmp(hw_data_dir(), HUIWU_SOURCE_DATADIR) == 0 && access(build_locale_dir, F_OK) == 0)
		locale_dir = build_locale_dir;
	bindtextdomain("huiwu", locale_dir);
	bind_textdomain_codeset("huiwu", "UTF-8");
	textdomain("huiwu");
}

int main(int argc, char **argv)
{
	setup_locale();
	cli_context context = {.program = argv[0]};
	int index = 1;
	while (index < argc && argv[index][0] == '-') {
		const char *option = argv[index];
		if (strcmp(option, "--db") == 0 || strncmp(option, "--db=", 5) == 0) {
			bool joined = option[4] == '=';
			if (!joined && index + 1 == argc) {
				fprintf(stderr, "%s", _("huiwu: --db needs a path: --db PATH\n"));
				return CLI_USAGE;
			}
			context.db_option = joined ? option + 5 : argv[index + 1];
			index += joined ? 1 : 2;
			/* An empty path would quietly fall back to $HUIWU_DB: another database. */
			if (context.db_option[0] == '\0') {
				fprintf(stderr, "%s", _("huiwu: --db needs a path, not an empty one\n"));
				return CLI_USAGE;
			}
		} else if (strcmp(option, "--read-only") == 0) {
			context.read_only = true;
			index++;
		} else if (strcmp(option, "--person") == 0 && index + 1 < argc) {
			context.person = argv[index + 1];
			index += 2;
		} else if (strcmp(option, "--help") == 0 || strcmp(option, "-h") == 0) {
			print_help();
			return CLI_OK;
		} else if (strcmp(option, "--version") == 0) {
			printf("huiwu %s\n", HUIWU_VERSION);
			return CLI_OK;
		} else {
			cli_error(_("unknown option '%s' (see 'huiwu help')"), option);
			return CLI_USAGE;
		}
	}
	if (index == argc)
		return cli_ui(&context, 0, NULL);
	const char *name = argv[index];
	if ((context.read_only || context.person) && strcmp(name, "ui") != 0) {
		fprintf(stderr, "%s",
			_("huiwu: --read-only and --person are for the terminal UI: give them without "
			  "a command\n"));
		return CLI_USAGE;
	}
	if (strcmp(name, "help") == 0) {
		print_help();
		return CLI_OK;
	}
	/* The terminal UI draws through ncurses, which shows control characters itself. */
	if (strcmp(name, "ui") != 0)
		show_visibly(strcmp(name, "export") != 0);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].run(&context, argc - index, argv + index);
	cli_error(_("unknown command '%s' (see 'huiwu help')"), name);
	return CLI_USAGE;
}
