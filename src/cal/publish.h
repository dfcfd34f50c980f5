/* Publishing to a CalDAV server (RFC 4791): the export split one resource per UID (a series
 * with its overrides together, each with its VTIMEZONE), sent with conditional requests and
 * remembered per resource (address, ETag, hash of the bytes sent) so that the next publish
 * sends only what changed. HTTP through libcurl, the multistatus XML through libxml2. */
#ifndef HW_PUBLISH_H
#define HW_PUBLISH_H

#include <stdbool.h>

#include "session.h"

/* Where to publish: the account's home on the server, e.g. https://dav.example/user/; the
 * collections are made under it. Kept in $XDG_CONFIG_HOME/huiwu/publish.ini (mode 0600),
 * never in the database. */
typedef struct hw_publish_config {
	char url[1024];
	char user[256];
	char password[512];
} hw_publish_config;

/* The config file's path. */
void hw_publish_config_path(char *out, size_t size);
/* Reads the config file; an error names what is missing. */
int hw_publish_config_load(hw_publish_config *config, hw_error *error);
/* Writes the config file (mode 0600, replaced whole). The URL must be http(s) and end up
 * with a '/'; the password comes from the first line of `password_file`. */
int hw_publish_config_save(const char *url, const char *user, const char *password_file,
			   hw_error *error);

typedef enum hw_publish_event {
	HW_PUBLISH_PROGRESS, /* done of total resources handled */
	HW_PUBLISH_CONFLICT, /* 412: changed on the server; `uid`, `summary` say which */
} hw_publish_event;

typedef struct hw_publish_options {
	const char *person; /* that leader's calendar (with to-dos); NULL: the government's */
	bool force;         /* overwrite what changed on the server */
	void (*notify)(hw_publish_event event, const char *uid, const char *summary, int done,
		       int total, void *user);
	void *user;
} hw_publish_options;

typedef struct hw_publish_report {
	char collection[1200];
	int resources, created, updated, deleted, unchanged, conflicts;
} hw_publish_report;

/* Publishes; returns 0 (conflicts are counted in the report, not an error), or -1 with
 * `error` on the first failure (what was confirmed before it stays recorded). */
int hw_publish(hw_session *session, const hw_publish_config *config,
	       const hw_publish_options *options, hw_publish_report *report, hw_error *error);

/* When the government's calendar was last published ("" if never) and whether meetings
 * changed since; for the UI's status line. Returns 0 or -1 with `error`. */
int hw_publish_status(hw_session *session, char *last, size_t size, bool *pending,
		      hw_error *error);

#endif
