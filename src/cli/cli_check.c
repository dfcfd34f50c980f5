/* huiwu check: the rule engine; huiwu log: the audit log. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "checks.h"
#include "cli.h"
#include "i18n.h"
#include "session.h"

int cli_check(cli_context *context, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	bool json = false;
	const cli_option options[] = {
		{"from", &from, NULL}, {"to", &to, NULL}, {"json", NULL, &json}, {NULL, NULL, NULL},
	};
	int usage = cli_parse("check", argc, argv, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	/* By default the current year. */
	int year = hw_date_year(session->today);
	hw_date first = hw_date_from_ymd(year, 1, 1), last = hw_date_from_ymd(year, 12, 31);
	int status = CLI_OK;
	hw_error error = {0};
	hw_check_data data;
	if ((from && !cli_date(from, &first)) || (to && !cli_date(to, &last))) {
		status = CLI_BAD_INPUT;
	} else if (last < first) {
		fprintf(stderr, "%s", _("huiwu: --to must be on or after --from\n"));
		status = CLI_BAD_INPUT;
	} else if (hw_check_load(session, first, last, &data, &error) != 0) {
		status = cli_fail(&error);
	} else {
		hw_findings findings = {0};
		if (hw_check_run(session->rules, session->calendar, &data, session->today, &findings,
				 &error) != 0) {
			status = cli_fail(&error);
		} else if (json) {
			cli_print_json(cli_findings_json(&findings));
		} else {
			for (int i = 0; i < findings.count; i++) {
				const hw_finding *f = &findings.items[i];
				char date[HW_DATE_TEXT_SIZE], meeting[32] = "-";
				hw_date_format(f->date, date);
				if (f->meeting_id)
					snprintf(meeting, sizeof meeting, "#%lld", (long long)f->meeting_id);
				/* The code for scripts that read this output, its label for people. */
				const char *label = hw_finding_label(f->code);
				printf("%s %s %s %-6s %s  %s", hw_severity_label(f->severity), f->code,
				       label ? label : "", meeting, date, f->message);
				if (f->clause[0])
					printf("  〔%s〕", f->clause);
				printf("\n");
			}
			char a[HW_DATE_TEXT_SIZE], b[HW_DATE_TEXT_SIZE];
			hw_date_format(first, a);
			hw_date_format(last, b);
			printf(_("%d findings from %s to %s\n"), findings.count, a, b);
		}
		if (status == CLI_OK) {
			/* The checks count working days across the period (notice, lateness). */
			hw_years_without_data touched = {0};
			hw_calendar_note_span(session->calendar, first, last, &touched);
			cli_note_years_without_data(session->calendar, &touched);
		}
		hw_findings_free(&findings);
		hw_check_data_free(&data);
	}
	hw_session_close(session);
	return status;
}

static int print_entry(const hw_audit_entry *entry, void *user)
{
	json_t *array = user;
	if (array) {
		json_t *before = entry->before ? json_loads(entry->before, 0, NULL) : NULL;
		json_t *after = entry->after ? json_loads(entry->after, 0, NULL) : NULL;
		json_array_append_new(
			array, json_pack("{s:I,s:s,s:o,s:s,s:s,s:I,s:o,s:o,s:o,s:s}", "id",
					 (json_int_t)entry->id, "at", entry->at, "who", cli_text(entry->who),
					 "action", entry->action, "entity", entry->entity, "entity_id",
					 (json_int_t)entry->entity_id, "meeting",
					 entry->meeting_id ? json_integer(entry->meeting_id) : json_null(),
					 "before", before ? before : json_null(), "after",
					 after ? after : json_null(), "rules_hash", entry->rules_hash));
		return 0;
	}
	printf("%5lld %s %-10s %-16s %s #%lld", (long long)entry->id, entry->at, entry->who,
	       entry->action, entry->entity, (long long)entry->entity_id);
	if (entry->meeting_id)
		printf(_(" (meeting #%lld)"), (long long)entry->meeting_id);
	printf("\n");
	if (entry->before)
		printf("      - %s\n", entry->before);
	if (entry->after)
		printf("      + %s\n", entry->after);
	return 0;
}

static void print_row_problem(const char *table, const char *row, const char *what, void *user)
{
	(void)user;
	/* The row's key and table are the schema's, never user input. */
	if (strcmp(what, "changed") == 0)
		fprintf(stderr, _("huiwu: %s %s was changed behind the log's back\n"), table, row);
	else if (strcmp(what, "added") == 0)
		fprintf(stderr, _("huiwu: %s %s was added behind the log's back\n"), table, row);
	else
		fprintf(stderr, _("huiwu: %s %s was deleted behind the log's back\n"), table, row);
}

/* log --verify [--head H]: the chain, the live rows, the head. */
static int verify_log(hw_session *session, const char *head)
{
	hw_error error = {0};
	hw_audit_check check;
	if (hw_audit_check_all(session, print_row_problem, NULL, &check, &error) != 0)
		return cli_fail(&error);
	if (check.first_bad) {
		fprintf(stderr,
			_("huiwu: the audit log is broken at entry #%lld: it was changed after it "
			  "was written\n"),
			(long long)check.first_bad);
		return CLI_BAD_INPUT;
	}
	int status = CLI_OK;
	if (check.row_problems > 0)
		status = CLI_BAD_INPUT;
	if (check.sealed > 0 && !check.state_holds) {
		fprintf(stderr, "%s\n",
			_("huiwu: the rows' seals do not add up to the last entry's: seals were changed, "
			  "or entries removed from the end of the log"));
		status = CLI_BAD_INPUT;
	}
	if (head != NULL && hw_audit_head_check(session, head, &error) != 0) {
		cli_fail(&error);
		status = CLI_BAD_INPUT;
	}
	if (status != CLI_OK)
		return status;
	printf(_("the audit log holds: %lld entries, each linked to the one before\n"),
	       (long long)check.entries);
	if (check.sealed > 0) {
		printf(_("%lld of them sealed with the audit key %s; the %lld live rows match the "
			 "log\n"),
		       (long long)check.sealed, check.key_id, (long long)check.rows);
	} else if (check.entries > 0) {
		printf("%s\n", _("no entry is sealed yet (written before huiwu sealed its log): the "
				 "live rows are tied to the log from the next change on"));
	}
	if (check.entries > 0)
		printf(_("head: %lld:%s\n"), (long long)check.head_id, check.head_hash);
	if (head != NULL)
		printf(_("the log still holds the head %s\n"), head);
	return CLI_OK;
}

int cli_log(cli_context *context, int argc, char **argv)
{
	const char *meeting = NULL, *head = NULL;
	bool verify = false, json = false, print_head = false;
	const cli_option options[] = {
		{"meeting", &meeting, NULL}, {"verify", NULL, &verify}, {"json", NULL, &json},
		{"head", &head, NULL},       {NULL, NULL, NULL},
	};
	/* "--head" with no value (last, or before another option) prints the head; "--verify
	 * --head H" checks one. */
	char *arguments[argc + 1];
	int count = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && strcmp(argv[i], "--head") == 0 &&
		    (i + 1 == argc || strncmp(argv[i + 1], "--", 2) == 0))
			print_head = true;
		else
			arguments[count++] = argv[i];
	}
	arguments[count] = NULL;
	int usage = cli_parse("log", count, arguments, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	/* --verify checks the whole log and prints its own lines: it reads neither of the others. */
	if (verify && (meeting || json))
		return cli_usage_error("log", "%s", _("--verify goes alone: log --verify"));
	if (print_head && (verify || json || meeting))
		return cli_usage_error("log", "%s", _("--head alone prints the head: huiwu log --head"));
	if (head != NULL && !verify)
		return cli_usage_error("log", "%s",
				       _("a head is checked with --verify: huiwu log --verify --head H"));
	hw_error error = {0};
	int64_t meeting_id = 0;
	if (meeting && hw_parse_id(meeting, &meeting_id, &error) != 0)
		return cli_fail(&error);
	hw_session *session = cli_open_session(context, true);
	if (session == NULL)
		return CLI_BAD_INPUT;
	int status = CLI_OK;
	if (verify) {
		status = verify_log(session, head);
	} else if (print_head) {
		char text[HW_AUDIT_HEAD_SIZE];
		int found = hw_audit_head(session, NULL, 0, text, &error);
		if (found < 0)
			status = cli_fail(&error);
		else if (found == 0 &&
			 hw_error_set(&error, "%s", _("the audit log is empty: it has no head yet")) != 0)
			status = cli_fail(&error);
		else
			printf("%s\n", text);
	} else {
		json_t *array = json ? json_array() : NULL;
		if (hw_audit_list(session, meeting_id, print_entry, array, &error) != 0) {
			json_decref(array);
			status = cli_fail(&error);
		} else if (json) {
			cli_print_json(array);
		}
	}
	hw_session_close(session);
	return status;
}
