#include "publish.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <libical/ical.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "i18n.h"
#include "ics_export.h"
#include "paths.h"
#include "roster.h"

#ifndef HUIWU_VERSION
#define HUIWU_VERSION "unknown"
#endif

/* ---- the config file ---- */

void hw_publish_config_path(char *out, size_t size)
{
	const char *config = getenv("XDG_CONFIG_HOME");
	if (config != NULL && config[0] == '/')
		snprintf(out, size, "%s/huiwu/publish.ini", config);
	else
		snprintf(out, size, "%s/.config/huiwu/publish.ini", getenv("HOME") ? getenv("HOME") : ".");
}

static int read_password(const char *path, char *out, size_t size, hw_error *error)
{
	FILE *in = fopen(path, "r");
	if (in == NULL)
		return hw_error_set(error, _("cannot read %s: %s"), path, strerror(errno));
	if (fgets(out, (int)size, in) == NULL)
		out[0] = '\0';
	fclose(in);
	out[strcspn(out, "\r\n")] = '\0';
	if (out[0] == '\0')
		return hw_error_set(error, _("the password file %s is empty"), path);
	return 0;
}

typedef struct config_reading {
	hw_publish_config *config;
	char password_file[1024];
} config_reading;

static int config_entry(void *user, const char *section, const char *name, const char *value)
{
	config_reading *reading = user;
	(void)section;
	if (strcmp(name, "url") == 0)
		snprintf(reading->config->url, sizeof reading->config->url, "%s", value);
	else if (strcmp(name, "user") == 0)
		snprintf(reading->config->user, sizeof reading->config->user, "%s", value);
	else if (strcmp(name, "password") == 0)
		snprintf(reading->config->password, sizeof reading->config->password, "%s", value);
	else if (strcmp(name, "password-file") == 0)
		snprintf(reading->password_file, sizeof reading->password_file, "%s", value);
	return 1;
}

int hw_publish_config_load(hw_publish_config *config, hw_error *error)
{
	char path[1100];
	hw_publish_config_path(path, sizeof path);
	memset(config, 0, sizeof *config);
	config_reading reading = {.config = config};
	int line = ini_parse(path, config_entry, &reading);
	if (line < 0)
		return hw_error_option(error, "publish setup", _("no CalDAV server is set up (%s)"),
				    path);
	if (line > 0)
		return hw_error_set(error, _("%s, line %d: not a setting"), path, line);
	if (config->url[0] == '\0')
		return hw_error_set(error, _("%s: no url"), path);
	if (config->password[0] == '\0' && reading.password_file[0] != '\0' &&
	    read_password(reading.password_file, config->password, sizeof config->password, error) != 0)
		return -1;
	return 0;
}

static bool usable_url(const char *url)
{
	return (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0) &&
	       strlen(url) < 1000 && strpbrk(url, " \t\r\n") == NULL;
}

int hw_publish_config_save(const char *url, const char *user, const char *password_file,
			   hw_error *error)
{
	if (!usable_url(url))
		return hw_error_set(error, _("'%s' is not an http:// or https:// address"), url);
	if (strpbrk(user, "\r\n") != NULL || user[0] == '\0' || strlen(user) >= 256)
		return hw_error_set(error, _("'%s' is not a user name"), user);
	char password[512];
	if (read_password(password_file, password, sizeof password, error) != 0)
		return -1;
	char path[1100], temporary[1200];
	hw_publish_config_path(path, sizeof path);
	if (hw_make_parent_dirs(path, error) != 0)
		return -1;
	snprintf(temporary, sizeof temporary, "%s.tmp", path);
	unlink(temporary);
	/* Mode 0600 from the start: the file holds a password. */
	int descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *out = descriptor >= 0 ? fdopen(descriptor, "w") : NULL;
	if (out == NULL) {
		if (descriptor >= 0)
			close(descriptor);
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(errno));
	}
	size_t length = strlen(url);
	fprintf(out, "[server]\nurl = %s%s\nuser = %s\npassword = %s\n", url,
		url[length - 1] == '/' ? "" : "/", user, password);
	bool written = fflush(out) == 0 && fsync(fileno(out)) == 0;
	written = fclose(out) == 0 && written;
	if (!written || rename(temporary, path) != 0) {
		int cause = errno;
		remove(temporary);
		return hw_error_set(error, _("cannot write %s: %s"), path, strerror(cause));
	}
	return 0;
}

/* ---- HTTP ---- */

typedef struct buffer {
	char *data;
	size_t size, capacity;
} buffer;

static size_t collect(char *data, size_t size, size_t count, void *user)
{
	buffer *b = user;
	size_t n = size * count;
	/* Only the start of a body is kept: enough for a multistatus or an error message. */
	if (b->size + n + 1 > b->capacity) {
		size_t capacity = b->capacity ? b->capacity * 2 : 4096;
		while (capacity < b->size + n + 1)
			capacity *= 2;
		if (capacity > (size_t)16 << 20)
			return n;
		char *grown = realloc(b->data, capacity);
		if (grown == NULL)
			return 0;
		b->data = grown;
		b->capacity = capacity;
	}
	memcpy(b->data + b->size, data, n);
	b->size += n;
	b->data[b->size] = '\0';
	return n;
}

typedef struct response {
	long status;
	char etag[256];
	buffer body;
} response;

static size_t header(char *data, size_t size, size_t count, void *user)
{
	response *r = user;
	size_t n = size * count;
	if (n > 5 && strncasecmp(data, "ETag:", 5) == 0) {
		const char *value = data + 5;
		while (*value == ' ')
			value++;
		size_t length = n - (size_t)(value - data);
		while (length && (value[length - 1] == '\r' || value[length - 1] == '\n'))
			length--;
		if (length < sizeof r->etag) {
			memcpy(r->etag, value, length);
			r->etag[length] = '\0';
		}
	}
	return n;
}

typedef struct client {
	CURL *curl;
	const hw_publish_config *config;
	/* Basic or Digest, whichever the server asks for: probed on the first request, then
	 * sent at once, or every request would go twice. */
	long auth;
	char message[CURL_ERROR_SIZE];
} client;

/* The server's own words from an error body: its first non-empty line without markup. */
static void server_words(const buffer *body, char *out, size_t size)
{
	out[0] = '\0';
	if (body->data == NULL)
		return;
	size_t used = 0;
	bool in_tag = false, seen = false;
	for (const char *c = body->data; *c && used + 1 < size; c++) {
		if (*c == '<')
			in_tag = true;
		else if (*c == '>')
			in_tag = false;
		else if (!in_tag && (*c == '\n' || *c == '\r') && seen)
			break;
		else if (!in_tag && *c != '\n' && *c != '\r' && (seen || *c != ' ')) {
			out[used++] = *c;
			seen = true;
		}
	}
	out[used] = '\0';
}

/* One request; fills `r`. A transport failure (unreachable, TLS, timeout) is an error. */
static int request(client *c, const char *method, const char *url, const char *const *headers,
		   const char *body, size_t body_size, response *r, hw_error *error)
{
	memset(r, 0, sizeof *r);
	CURL *curl = c->curl;
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(curl, CURLOPT_USERNAME, c->config->user);
	curl_easy_setopt(curl, CURLOPT_PASSWORD, c->config->password);
	curl_easy_setopt(curl, CURLOPT_HTTPAUTH, c->auth);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
	/* Redirects followed for reading only: a PUT must land where it was aimed. */
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, strcmp(method, "PROPFIND") == 0 ? 1L : 0L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, c->message);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "huiwu/" HUIWU_VERSION);
	struct curl_slist *list = NULL;
	for (int i = 0; headers && headers[i]; i++)
		list = curl_slist_append(list, headers[i]);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
	if (body != NULL) {
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_size);
	}
	c->message[0] = '\0';
	CURLcode code = curl_easy_perform(curl);
	curl_slist_free_all(list);
	if (code != CURLE_OK) {
		free(r->body.data);
		r->body.data = NULL;
		return hw_error_set(error, _("cannot reach %s: %s"), url,
				    c->message[0] ? c->message : curl_easy_strerror(code));
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
	long offered = 0;
	if (c->auth == (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST) &&
	    curl_easy_getinfo(curl, CURLINFO_HTTPAUTH_AVAIL, &offered) == CURLE_OK && r->status != 401)
		c->auth = offered & CURLAUTH_DIGEST ? (long)CURLAUTH_DIGEST
			  : offered & CURLAUTH_BASIC ? (long)CURLAUTH_BASIC
						     : c->auth;
	return 0;
}

/* The error for an answer that is not what was asked: named by status, with the server's
 * own message. Frees the body. */
static int refused(response *r, const char *method, const char *url, hw_error *error)
{
	char words[300];
	server_words(&r->body, words, sizeof words);
	free(r->body.data);
	r->body.data = NULL;
	const char *what = r->status == 401   ? _("the server refused the user name or password")
			   : r->status == 403 ? _("the server forbids it")
			   : r->status == 404 ? _("no such address on the server")
			   : r->status == 507 ? _("the server has no room left")
					      : _("the server refused");
	return hw_error_set(error, "%s %s: %s (HTTP %ld)%s%s", method, url, what, r->status,
			    words[0] ? ": " : "", words);
}

/* ---- XML (libxml2): the MKCALENDAR body and the PROPFIND answer ---- */

static const char DAV[] = "DAV:", CALDAV[] = "urn:ietf:params:xml:ns:caldav";

static char *mkcalendar_body(const char *name, int *size)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "mkcalendar");
	xmlNsPtr c = xmlNewNs(root, BAD_CAST CALDAV, BAD_CAST "C");
	xmlNsPtr d = xmlNewNs(root, BAD_CAST DAV, BAD_CAST "D");
	xmlSetNs(root, c);
	xmlDocSetRootElement(doc, root);
	xmlNodePtr set = xmlNewChild(root, d, BAD_CAST "set", NULL);
	xmlNodePtr prop = xmlNewChild(set, d, BAD_CAST "prop", NULL);
	xmlNewTextChild(prop, d, BAD_CAST "displayname", BAD_CAST name);
	xmlNodePtr components = xmlNewChild(prop, c, BAD_CAST "supported-calendar-component-set", NULL);
	xmlSetProp(xmlNewChild(components, c, BAD_CAST "comp", NULL), BAD_CAST "name", BAD_CAST "VEVENT");
	xmlSetProp(xmlNewChild(components, c, BAD_CAST "comp", NULL), BAD_CAST "name", BAD_CAST "VTODO");
	xmlChar *text = NULL;
	xmlDocDumpMemoryEnc(doc, &text, size, "UTF-8");
	xmlFreeDoc(doc);
	return (char *)text;
}

static bool is_element(xmlNodePtr node, const char *ns, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	       strcmp((const char *)node->ns->href, ns) == 0 &&
	       strcmp((const char *)node->name, name) == 0;
}

static bool has_descendant(xmlNodePtr node, const char *ns, const char *name)
{
	for (xmlNodePtr child = node->children; child; child = child->next)
		if (is_element(child, ns, name) || has_descendant(child, ns, name))
			return true;
	return false;
}

/* Whether a PROPFIND's multistatus says the resource is a calendar collection. */
static int multistatus_is_calendar(const buffer *body, bool *calendar, hw_error *error)
{
	xmlDocPtr doc = body->data ? xmlReadMemory(body->data, (int)body->size, "propfind.xml", NULL,
						    XML_PARSE_NONET | XML_PARSE_NOERROR |
							    XML_PARSE_NOWARNING)
				   : NULL;
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || !is_element(root, DAV, "multistatus")) {
		xmlFreeDoc(doc);
		return hw_error_set(error, "%s", _("the server's answer to PROPFIND is not a WebDAV multistatus"));
	}
	*calendar = has_descendant(root, CALDAV, "calendar");
	xmlFreeDoc(doc);
	return 0;
}

/* Makes sure the collection exists as a calendar: PROPFIND, and MKCALENDAR when missing. */
static int ensure_collection(client *c, const char *url, const char *name, hw_error *error)
{
	static const char propfind[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/></D:prop></D:propfind>\n";
	const char *headers[] = {"Depth: 0", "Content-Type: application/xml; charset=utf-8", NULL};
	response r;
	if (request(c, "PROPFIND", url, headers, propfind, sizeof propfind - 1, &r, error) != 0)
		return -1;
	if (r.status == 207) {
		bool calendar = false;
		int status = multistatus_is_calendar(&r.body, &calendar, error);
		free(r.body.data);
		if (status == 0 && !calendar)
			return hw_error_set(error, _("%s exists on the server but is not a calendar"), url);
		return status;
	}
	if (r.status != 404)
		return refused(&r, "PROPFIND", url, error);
	free(r.body.data);
	int size = 0;
	char *body = mkcalendar_body(name, &size);
	const char *make_headers[] = {"Content-Type: application/xml; charset=utf-8", NULL};
	int status = request(c, "MKCALENDAR", url, make_headers, body, (size_t)size, &r, error);
	xmlFree(body);
	if (status != 0)
		return -1;
	if (r.status != 201 && r.status != 200)
		return refused(&r, "MKCALENDAR", url, error);
	free(r.body.data);
	return 0;
}

/* ---- the resources: the export's components grouped by UID ---- */

typedef struct resource {
	char *uid, *summary, *text;
	char hash[HW_DIGEST_HEX_SIZE];
} resource;

typedef struct published_row published_row;
static published_row *find_row(published_row *rows, int count, const char *uid);
static bool same_hash(const published_row *row, const char *hash);

typedef struct resource_list {
	resource *items;
	int count, capacity;
	icalcomponent *calendar; /* the one being filled */
	char uid[512];
	char summary[512];
	/* What was published: a resource whose bytes did not change keeps only its hash, so that
	 * memory holds what is to be sent, not the whole calendar. */
	published_row *rows;
	int row_count;
	bool force;
} resource_list;

static void resource_free(resource *r)
{
	free(r->uid);
	free(r->summary);
	free(r->text);
}

static int finish_resource(resource_list *list, hw_error *error)
{
	if (list->calendar == NULL)
		return 0;
	char *text = icalcomponent_as_ical_string_r(list->calendar);
	icalcomponent_free(list->calendar);
	list->calendar = NULL;
	if (text == NULL || hw_grow((void **)&list->items, &list->capacity, list->count,
				    sizeof *list->items, error) != 0) {
		free(text);
		return text == NULL ? hw_error_set(error, "%s", _("libical did not write the calendar")) : -1;
	}
	resource *r = &list->items[list->count];
	r->uid = strdup(list->uid);
	r->summary = strdup(list->summary);
	r->text = text;
	if (r->uid == NULL || r->summary == NULL) {
		resource_free(r);
		return hw_error_set(error, "%s", _("out of memory"));
	}
	hw_sha256_hex(text, strlen(text), r->hash);
	const published_row *row = find_row(list->rows, list->row_count, r->uid);
	if (!list->force && row != NULL && same_hash(row, r->hash)) {
		free(r->text);
		r->text = NULL; /* unchanged: nothing to send */
	}
	list->count++;
	return 0;
}

static int take_component(icalcomponent *component, const icalcomponent *timezone, void *user,
			  hw_error *error)
{
	resource_list *list = user;
	const char *uid = icalcomponent_get_uid(component);
	if (uid == NULL)
		uid = "";
	if (list->calendar == NULL || strcmp(uid, list->uid) != 0 ||
	    icalcomponent_isa(component) == ICAL_VTODO_COMPONENT) {
		if (finish_resource(list, error) != 0)
			return -1;
		list->calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
		icalcomponent_add_property(list->calendar, icalproperty_new_version("2.0"));
		icalcomponent_add_property(list->calendar,
					   icalproperty_new_prodid("-//huiwu//huiwu " HUIWU_VERSION "//ZH"));
		icalcomponent_add_component(list->calendar,
					    icalcomponent_new_clone((icalcomponent *)timezone));
		snprintf(list->uid, sizeof list->uid, "%s", uid);
		const char *summary = icalcomponent_get_summary(component);
		snprintf(list->summary, sizeof list->summary, "%s", summary ? summary : "");
	}
	icalcomponent_add_component(list->calendar, icalcomponent_new_clone(component));
	return 0;
}

/* ---- what was published ---- */

typedef struct published_row {
	char uid[512], href[1600], etag[256], hash[HW_DIGEST_HEX_SIZE], summary[512];
	bool seen;
} published_row;

static int load_published(hw_session *session, const char *collection, published_row **rows,
			  int *count, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT uid, href, etag, hash, summary FROM published "
			       "WHERE collection = ?1 ORDER BY uid",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read what was published"), error);
	sqlite3_bind_text(statement, 1, collection, -1, SQLITE_STATIC);
	int capacity = 0, last;
	*rows = NULL;
	*count = 0;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		if (hw_grow((void **)rows, &capacity, *count, sizeof **rows, error) != 0) {
			sqlite3_finalize(statement);
			return -1;
		}
		published_row *row = &(*rows)[(*count)++];
		hw_column_text(statement, 0, row->uid, sizeof row->uid);
		hw_column_text(statement, 1, row->href, sizeof row->href);
		hw_column_text(statement, 2, row->etag, sizeof row->etag);
		hw_column_text(statement, 3, row->hash, sizeof row->hash);
		hw_column_text(statement, 4, row->summary, sizeof row->summary);
		row->seen = false;
	}
	return hw_store_finish(session->store, statement, last, N_("cannot read what was published"),
			       error);
}

static bool same_hash(const published_row *row, const char *hash)
{
	return strcmp(row->hash, hash) == 0;
}

static published_row *find_row(published_row *rows, int count, const char *uid)
{
	int low = 0, high = count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		int order = strcmp(rows[middle].uid, uid);
		if (order == 0)
			return &rows[middle];
		if (order < 0)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return NULL;
}

/* Recorded at once, on its own: the server has confirmed it. */
static int record(hw_session *session, const char *collection, const resource *r,
		  const char *href, const char *etag, hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT OR REPLACE INTO published (collection, uid, href, etag, hash, "
				"summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_text(statement, 1, collection, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, r->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 3, href, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 4, etag, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 5, r->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 6, r->summary, -1, SQLITE_STATIC);
	return hw_store_run(session->store, statement, N_("cannot record what was published"), error);
}

static int forget(hw_session *session, const char *collection, const char *uid, hw_error *error)
{
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "DELETE FROM published WHERE collection = ?1 AND uid = ?2");
	sqlite3_bind_text(statement, 1, collection, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, uid, -1, SQLITE_STATIC);
	return hw_store_run(session->store, statement, N_("cannot record what was published"), error);
}

/* The resource's address: the UID made URL-safe (letters, digits, '-', '_', '.'; every
 * other byte percent-encoded), so that one UID always has one address. */
static void resource_href(const char *collection, const char *uid, char *out, size_t size)
{
	size_t used = (size_t)snprintf(out, size, "%s", collection);
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *c = (const unsigned char *)uid; *c && used + 8 < size; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    *c == '-' || *c == '_' || *c == '.') {
			out[used++] = (char)*c;
		} else {
			out[used++] = '%';
			out[used++] = hex[*c >> 4];
			out[used++] = hex[*c & 15];
		}
	}
	snprintf(out + used, size - used, ".ics");
}

static void notify(const hw_publish_options *options, hw_publish_event event, const char *uid,
		   const char *summary, int done, int total)
{
	if (options->notify)
		options->notify(event, uid, summary, done, total, options->user);
}

/* What tells this huiwu's own resource: each component's UID, RECURRENCE-ID, SEQUENCE and
 * DTSTAMP (all from the database), in order. A server keeps the meaning, not the bytes. */
static char *fingerprint(const char *text)
{
	icalcomponent *calendar = icalparser_parse_string(text);
	if (calendar == NULL)
		return NULL;
	size_t size = 1, used = 0;
	char *out = calloc(1, size);
	for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT);
	     c && out; c = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)) {
		icalcomponent_kind kind = icalcomponent_isa(c);
		if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT)
			continue;
		const char *uid = icalcomponent_get_uid(c);
		char line[1024];
		int length = snprintf(line, sizeof line, "%s|%s|%d|%s;", uid ? uid : "",
				      icaltime_as_ical_string(icalcomponent_get_recurrenceid(c)),
				      icalcomponent_get_sequence(c),
				      icaltime_as_ical_string(icalcomponent_get_dtstamp(c)));
		char *grown = realloc(out, size + (size_t)length);
		if (grown == NULL) {
			free(out);
			out = NULL;
			break;
		}
		out = grown;
		memcpy(out + used, line, (size_t)length + 1);
		used += (size_t)length;
		size += (size_t)length;
	}
	icalcomponent_free(calendar);
	return out;
}

/* After a create was refused (412): is what the server holds at `href` this very resource,
 * sent by an earlier publish whose answer was lost? Then its ETag is taken. */
static int adopt(client *c, const char *href, const resource *r, char *etag, size_t size,
		 bool *adopted, hw_error *error)
{
	*adopted = false;
	response answer;
	if (request(c, "GET", href, NULL, NULL, 0, &answer, error) != 0)
		return -1;
	if (answer.status == 200 && answer.body.data != NULL && answer.etag[0]) {
		char *theirs = fingerprint(answer.body.data), *ours = fingerprint(r->text);
		*adopted = theirs && ours && strcmp(theirs, ours) == 0;
		free(theirs);
		free(ours);
		snprintf(etag, size, "%s", answer.etag);
	}
	free(answer.body.data);
	return 0;
}

/* PUT of one resource, conditional; 0 when confirmed or a conflict (counted), -1 on failure. */
static int put_resource(hw_session *session, client *c, const char *collection, const resource *r,
			const published_row *row, const hw_publish_options *options,
			hw_publish_report *report, hw_error *error)
{
	char href[1600], condition[300];
	if (row != NULL)
		snprintf(href, sizeof href, "%s", row->href);
	else
		resource_href(collection, r->uid, href, sizeof href);
	if (options->force)
		condition[0] = '\0';
	else if (row != NULL)
		snprintf(condition, sizeof condition, "If-Match: %s", row->etag);
	else
		snprintf(condition, sizeof condition, "If-None-Match: *");
	const char *headers[] = {"Content-Type: text/calendar; charset=utf-8",
				 condition[0] ? condition : NULL, NULL};
	response answer;
	if (request(c, "PUT", href, headers, r->text, strlen(r->text), &answer, error) != 0)
		return -1;
	if (answer.status == 412) {
		free(answer.body.data);
		char etag[256];
		bool adopted = false;
		if (row == NULL && adopt(c, href, r, etag, sizeof etag, &adopted, error) != 0)
			return -1;
		if (adopted) {
			report->created++;
			return record(session, collection, r, href, etag, error);
		}
		report->conflicts++;
		notify(options, HW_PUBLISH_CONFLICT, r->uid, r->summary, 0, 0);
		return 0;
	}
	if (answer.status != 201 && answer.status != 204 && answer.status != 200)
		return refused(&answer, "PUT", href, error);
	free(answer.body.data);
	if (answer.etag[0] == '\0') {
		/* A server that changed what it stored gives no ETag with its answer (RFC 4791
		 * 5.3.4): it is read back. */
		response stored;
		if (request(c, "GET", href, NULL, NULL, 0, &stored, error) != 0)
			return -1;
		free(stored.body.data);
		snprintf(answer.etag, sizeof answer.etag, "%s", stored.etag);
	}
	if (row != NULL)
		report->updated++;
	else
		report->created++;
	return record(session, collection, r, href, answer.etag, error);
}

static int delete_resource(hw_session *session, client *c, const char *collection,
			   const published_row *row, const hw_publish_options *options,
			   hw_publish_report *report, hw_error *error)
{
	char condition[300];
	snprintf(condition, sizeof condition, "If-Match: %s", row->etag);
	const char *headers[] = {options->force || row->etag[0] == '\0' ? NULL : condition, NULL};
	response answer;
	if (request(c, "DELETE", row->href, headers, NULL, 0, &answer, error) != 0)
		return -1;
	if (answer.status == 412) {
		free(answer.body.data);
		report->conflicts++;
		notify(options, HW_PUBLISH_CONFLICT, row->uid, row->summary, 0, 0);
		return 0;
	}
	/* Gone already is as good as deleted. */
	if (answer.status != 204 && answer.status != 200 && answer.status != 404)
		return refused(&answer, "DELETE", row->href, error);
	free(answer.body.data);
	report->deleted++;
	return forget(session, collection, row->uid, error);
}

static int finish_run(hw_session *session, const char *collection, hw_error *error)
{
	char now[HW_TIMESTAMP_SIZE];
	hw_timestamp_now(now);
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT OR REPLACE INTO publish_run (collection, finished_at) VALUES (?1, ?2)");
	sqlite3_bind_text(statement, 1, collection, -1, SQLITE_STATIC);
	sqlite3_bind_text(statement, 2, now, -1, SQLITE_STATIC);
	return hw_store_run(session->store, statement, N_("cannot record what was published"), error);
}

int hw_publish(hw_session *session, const hw_publish_config *config,
	       const hw_publish_options *options, hw_publish_report *report, hw_error *error)
{
	memset(report, 0, sizeof *report);
	if (session->read_only)
		return hw_error_set(error, "%s", _("the database is open read-only"));
	const char *key = session->rules->government[HW_GOV_KEY];
	const char *name = session->rules->government[HW_GOV_NAME];
	hw_export_options export = {.person = options->person};
	if (options->person != NULL) {
		hw_person person;
		if (hw_person_find(session, options->person, &person, error) != 0)
			return -1;
		snprintf(report->collection, sizeof report->collection, "%shuiwu-%s-%lld/", config->url,
			 key, (long long)person.id);
		export.todos = true;
		name = options->person;
	} else {
		snprintf(report->collection, sizeof report->collection, "%shuiwu-%s/", config->url, key);
	}
	const char *collection = report->collection;

	published_row *rows = NULL;
	int row_count = 0;
	int status = load_published(session, collection, &rows, &row_count, error);
	resource_list list = {.rows = rows, .row_count = row_count, .force = options->force};
	if (status == 0 && (hw_export_each(session, &export, take_component, &list, error) < 0 ||
			    finish_resource(&list, error) != 0))
		status = -1;
	if (list.calendar)
		icalcomponent_free(list.calendar);
	report->resources = list.count;

	client c = {.config = config, .auth = (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST)};
	if (status == 0 && (c.curl = curl_easy_init()) == NULL)
		status = hw_error_set(error, "%s", _("cannot start libcurl"));
	if (status == 0)
		status = ensure_collection(&c, collection, name, error);
	int total = list.count, done = 0;
	for (int i = 0; status == 0 && i < list.count; i++) {
		resource *r = &list.items[i];
		published_row *row = find_row(rows, row_count, r->uid);
		if (row != NULL)
			row->seen = true;
		if (r->text == NULL)
			report->unchanged++;
		else
			status = put_resource(session, &c, collection, r, row, options, report, error);
		notify(options, HW_PUBLISH_PROGRESS, NULL, NULL, ++done, total);
	}
	for (int i = 0; status == 0 && i < row_count; i++)
		if (!rows[i].seen)
			status = delete_resource(session, &c, collection, &rows[i], options, report, error);
	if (status == 0 && report->conflicts == 0)
		status = finish_run(session, collection, error);
	if (c.curl)
		curl_easy_cleanup(c.curl);
	for (int i = 0; i < list.count; i++)
		resource_free(&list.items[i]);
	free(list.items);
	free(rows);
	return status;
}

int hw_publish_status(hw_session *session, char *last, size_t size, bool *pending, hw_error *error)
{
	last[0] = '\0';
	*pending = false;
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT max(finished_at) FROM publish_run", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read what was published"), error);
	int step = sqlite3_step(statement);
	if (step == SQLITE_ROW)
		hw_column_text(statement, 0, last, size);
	if (hw_store_finish(session->store, statement, step, N_("cannot read what was published"),
			    error) != 0)
		return -1;
	if (last[0] == '\0')
		return 0; /* never published: nothing to compare (and no table scanned) */
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT EXISTS (SELECT 1 FROM meeting WHERE changed_at > ?1)"
			       " OR EXISTS (SELECT 1 FROM series WHERE changed_at > ?1)",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read what was published"), error);
	sqlite3_bind_text(statement, 1, last, -1, SQLITE_STATIC);
	step = sqlite3_step(statement);
	if (step == SQLITE_ROW)
		*pending = sqlite3_column_int(statement, 0) != 0;
	return hw_store_finish(session->store, statement, step, N_("cannot read what was published"),
			       error);
}
