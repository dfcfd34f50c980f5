#include "session.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "text.h"

/* Now, as the clock reads where the government sits, whatever this machine's zone. */
static void local_time_in(const char *zone, struct tm *out)
{
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", zone, 1);
	tzset();
	time_t now = time(NULL);
	localtime_r(&now, out);
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
}

int hw_today(const char *zone, hw_date *out, hw_error *error)
{
	const char *fixed = getenv("HUIWU_TODAY");
	if (fixed != NULL && *fixed != '\0') {
		if (!hw_date_parse(fixed, out))
			return hw_error_set(error, _("HUIWU_TODAY='%s' is not a date of the form YYYY-MM-DD"),
					    fixed);
		return 0;
	}
	struct tm local;
	local_time_in(zone, &local);
	*out = hw_date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
	return 0;
}

void hw_clock(const char *zone, char out[6])
{
	struct tm local;
	local_time_in(zone, &local);
	snprintf(out, 6, "%02u:%02u", (unsigned)local.tm_hour % 24u, (unsigned)local.tm_min % 60u);
}

static void login_name(char *out, size_t size)
{
	const char *name = getenv("USER");
	if (name == NULL || *name == '\0') {
		struct passwd *entry = getpwuid(getuid());
		name = entry ? entry->pw_name : "unknown";
	}
	/* It goes into every audit entry, whose JSON takes no bytes that are not UTF-8: repaired,
	 * and cut to the buffer at a character's end. */
	bool repaired;
	char *valid = hw_utf8_repair(name, strlen(name), &repaired);
	snprintf(out, size, "%s", valid ? valid : "unknown");
	free(valid);
	size_t length = strlen(out);
	out[length - hw_utf8_incomplete_tail(out, length)] = '\0';
}

hw_session *hw_session_open(const char *db_path, bool read_only, hw_error *error)
{
	hw_session *session = calloc(1, sizeof *session);
	if (session == NULL) {
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	session->read_only = read_only;
	/* A reader still opens a writable file read-write, so that an older database is brought
	 * up to date; the session itself refuses every change. */
	bool writable = access(db_path, W_OK) == 0;
	session->store = hw_store_open(db_path, read_only && !writable ? HW_OPEN_READ_ONLY
								       : HW_OPEN_EXISTING,
				       error);
	char key[256], rules_dir[4096];
	if (session->store == NULL ||
	    hw_store_government_key(session->store, key, sizeof key, error) != 0)
		goto fail;
	hw_rules_dir(rules_dir, sizeof rules_dir);
	if ((session->rules = hw_rules_load(rules_dir, key, error)) == NULL ||
	    (session->calendar = hw_calendar_load_default(error)) == NULL ||
	    hw_today(session->rules->government[HW_GOV_TIMEZONE], &session->today, error) != 0)
		goto fail;
	login_name(session->user, sizeof session->user);
	return session;
fail:
	hw_session_close(session);
	return NULL;
}

void hw_session_close(hw_session *session)
{
	if (session == NULL)
		return;
	hw_store_close(session->store);
	hw_rules_free(session->rules);
	hw_calendar_free(session->calendar);
	free(session);
}
