#include "fixture.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static run_result run_list(const fixture *f, va_list args)
{
	const char *argv[64];
	int count = 0;
	const char *argument;
	while ((argument = va_arg(args, const char *)) != NULL && count < 63)
		argv[count++] = argument;
	argv[count] = NULL;
	return test_run(f->env, argv);
}

run_result fixture_run(const fixture *f, ...)
{
	va_list args;
	va_start(args, f);
	run_result result = run_list(f, args);
	va_end(args);
	return result;
}

long long fixture_ok(const fixture *f, ...)
{
	va_list args;
	va_start(args, f);
	run_result result = run_list(f, args);
	va_end(args);
	if (result.status != 0)
		fail_msg("huiwu exited %d: %s", result.status, result.err);
	long long id = strtoll(result.out, NULL, 10);
	test_run_free(&result);
	return id;
}

void fixture_open(fixture *f, const char *government, const char *today)
{
	memset(f, 0, sizeof *f);
	f->directory = test_make_temp_dir();
	f->db = test_path(f->directory, "huiwu.db");
	if (asprintf(&f->env_db, "HUIWU_DB=%s", f->db) < 0 ||
	    asprintf(&f->env_today, "HUIWU_TODAY=%s", today) < 0)
		fail_msg("out of memory");
	f->env[0] = f->env_db;
	f->env[1] = f->env_today;
	f->env[2] = "LANGUAGE=";
	f->env[3] = "LC_ALL=C.UTF-8";
	f->env[4] = NULL;
	fixture_ok(f, "init", "--gov", government, NULL);
	fixture_ok(f, "person", "add", "首长", "--title", "首长", "--role", "head", NULL);
	fixture_ok(f, "person", "add", "常务副职", "--title", "常务副职", "--role", "executive_deputy", NULL);
	fixture_ok(f, "person", "add", "副职甲", "--title", "副职", "--role", "deputy", NULL);
	fixture_ok(f, "person", "add", "副职乙", "--title", "副职", "--role", "deputy", NULL);
	fixture_ok(f, "person", "add", "办公室主任", "--title", "办公室主任", "--role", "secretary", NULL);
	fixture_ok(f, "dept", "add", "农业农村局", "--deputy", "副职甲", NULL);
	fixture_ok(f, "dept", "add", "财政局", "--deputy", "副职甲", "--member-of-executive", NULL);
	fixture_ok(f, "dept", "add", "教育局", "--deputy", "副职乙", NULL);
	fixture_ok(f, "dept", "add", "司法局", "--deputy", "副职乙", "--function", "justice_bureau", NULL);
	static const char *const departments[] = {"农业农村局", "财政局", "教育局", "司法局"};
	for (int i = 0; i < 4; i++) {
		char name[128];
		snprintf(name, sizeof name, "%s局长", departments[i]);
		fixture_ok(f, "person", "add", name, "--title", "局长", "--role", "department_head",
			   "--dept", departments[i], NULL);
		if (i >= 2)
			continue;
		snprintf(name, sizeof name, "%s副局长", departments[i]);
		fixture_ok(f, "person", "add", name, "--title", "副局长", "--role", "department_deputy",
			   "--dept", departments[i], NULL);
		snprintf(name, sizeof name, "%s工作人员", departments[i]);
		fixture_ok(f, "person", "add", name, "--title", "科员", "--role", "staff", "--dept",
			   departments[i], NULL);
	}
}

void fixture_close(fixture *f)
{
	test_remove_tree(f->directory);
	free(f->directory);
	free(f->db);
	free(f->env_db);
	free(f->env_today);
}
