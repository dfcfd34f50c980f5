/* The export split for publishing (hw_export_each): the same components as the file export,
 * in the same order and the same bytes, each UID in one run (a series' master and its
 * overrides together), so that src/cal/publish.c can make one resource per UID. Runs without
 * a server; tests/test_publish.py publishes to a real one. */
#include "fixture.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_export.h"
#include "session.h"

typedef struct collected {
	char *text;
	size_t size;
	FILE *out;
	char uids[64][160];
	int runs;
	int components;
	int fail_at; /* > 0: the sink refuses that component */
} collected;

static int take(icalcomponent *component, const icalcomponent *timezone, void *user,
		hw_error *error)
{
	collected *c = user;
	assert_non_null(timezone);
	assert_int_equal(icalcomponent_isa((icalcomponent *)timezone), ICAL_VTIMEZONE_COMPONENT);
	if (++c->components == c->fail_at)
		return hw_error_set(error, "refused on purpose");
	char *text = icalcomponent_as_ical_string_r(component);
	fputs(text, c->out);
	free(text);
	const char *uid = icalcomponent_get_uid(component);
	if (c->runs == 0 || strcmp(c->uids[c->runs - 1], uid) != 0) {
		for (int i = 0; i < c->runs; i++)
			if (strcmp(c->uids[i], uid) == 0)
				fail_msg("the UID %s comes back after another: not one resource", uid);
		assert_true(c->runs < 64);
		snprintf(c->uids[c->runs++], sizeof c->uids[0], "%s", uid);
	}
	return 0;
}

static hw_session *open_with_a_series(fixture *f)
{
	fixture_open(f, "wuqia", "2024-12-01");
	fixture_ok(f, "series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=TU",
		   "--time", "09:30", "--end", "11:00", "--from", "2025-01-14", "--until",
		   "2025-02-18", "--on-holiday", "next", "--force", NULL);
	long long single = fixture_add_meeting(f, "office", "2025-01-16", NULL, NULL);
	(void)single;
	/* The series' last Tuesday in the afternoon by itself: an override, same UID. */
	long long last = fixture_count(f, "SELECT max(id) FROM meeting WHERE series_id IS NOT NULL",
				       NULL);
	char id[32];
	snprintf(id, sizeof id, "%lld", last);
	fixture_ok(f, "meeting", "edit", id, "--time", "15:00", "--end", "16:30", NULL);
	hw_error error = {0};
	hw_session *session = hw_session_open(f->db, true, &error);
	if (session == NULL)
		fail_msg("%s", error.message);
	return session;
}

static void test_same_components_as_the_file(void **state)
{
	(void)state;
	fixture f;
	hw_session *session = open_with_a_series(&f);
	hw_export_options options = {.todos = true};
	char *file = NULL;
	size_t file_size = 0;
	FILE *out = open_memstream(&file, &file_size);
	hw_error error = {0};
	int events = hw_export_ics(session, &options, out, &error);
	fclose(out);
	assert_true(events > 0);

	collected c = {0};
	c.out = open_memstream(&c.text, &c.size);
	int each = hw_export_each(session, &options, take, &c, &error);
	fclose(c.out);
	assert_int_equal(each, events);
	/* The file is the head, the VTIMEZONE, then exactly these components, then the tail. */
	const char *body = strstr(file, "END:VTIMEZONE\r\n");
	assert_non_null(body);
	body += strlen("END:VTIMEZONE\r\n");
	const char *tail = strstr(body, "END:VCALENDAR");
	assert_non_null(tail);
	assert_int_equal((size_t)(tail - body), c.size);
	assert_memory_equal(body, c.text, c.size);
	/* The series (master and override) is one run of its UID: fewer runs than components. */
	assert_true(strstr(c.text, "RECURRENCE-ID") != NULL);
	assert_true(c.runs < c.components);
	free(c.text);
	free(file);
	hw_session_close(session);
	fixture_close(&f);
}

static void test_a_refusing_sink_stops_the_export(void **state)
{
	(void)state;
	fixture f;
	hw_session *session = open_with_a_series(&f);
	hw_export_options options = {0};
	collected c = {.fail_at = 2};
	c.out = open_memstream(&c.text, &c.size);
	hw_error error = {0};
	assert_int_equal(hw_export_each(session, &options, take, &c, &error), -1);
	fclose(c.out);
	assert_string_equal(error.message, "refused on purpose");
	assert_int_equal(c.components, 2); /* nothing more was given after the refusal */
	free(c.text);
	hw_session_close(session);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_components_as_the_file),
		cmocka_unit_test(test_a_refusing_sink_stops_the_export),
	};
	return cmocka_run_group_tests_name("publish_split", tests, NULL, NULL);
}
