/* Being written: see the test plan. */
#include "fixture.h"

static void test_fixture_builds(void **state)
{
	(void)state;
	fixture f;
	fixture_open(&f, "wuqia", "2026-11-23");
	run_result r = fixture_run(&f, "person", "list", NULL);
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "司法局局长");
	test_run_free(&r);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_fixture_builds)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
