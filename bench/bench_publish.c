/* bench_publish: how long `huiwu publish` takes to a real Radicale on loopback, the first time,
 * again with no change, and after a few changes.
 *
 * Builds a throw-away database (fixture.c; 2,000 meetings by default), starts Radicale from
 * Debian's package (python3 -m radicale) on a free loopback port with a temporary storage,
 * then times, on one session:
 *   baseline: the export of everything (hw_export_ics) to /dev/null, best of 3 after one
 *   untimed: what publishing builds;
 *   the first publish (every resource created, If-None-Match: *), with the time a resource
 *   for each tenth of it (how a create's cost grows with the collection);
 *   a second publish with no change (no PUT: each resource's hash compared);
 *   a publish after CHANGES meetings changed (that many PUTs with If-Match);
 * each in milliseconds, as a ratio to the baseline, and the CPU time of huiwu (this process)
 * and of the Radicale process during it. Timings are printed, never asserted; without
 * Radicale it says so and exits 0.
 *
 * -s seeds the collection first, the Radicale way: the whole export in one PUT to the
 * collection's address (Radicale stores it one resource per UID, at the address huiwu would
 * use). The first publish then finds every resource there (412 to its If-None-Match: *),
 * reads it back and adopts it (huiwu's recovery of a publish whose answers were lost).
 * Radicale-specific; it measures a large collection without Radicale's scan of the
 * collection on every create (bench/README.md).
 *
 *   bench_publish [-n MEETINGS] [-d DATA_DIR] [-k DB_PATH] [-c CHANGES] [-s]   (-r is not used) */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ics_export.h"
#include "publish.h"
#include "session.h"
#include "store.h"

#include "fixture.h"

#ifndef HUIWU_BENCH_DATA
#error "HUIWU_BENCH_DATA must name the source tree's data folder"
#endif

static int free_port(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t length = sizeof address;
	if (s < 0 || bind(s, (struct sockaddr *)&address, sizeof address) != 0 ||
	    getsockname(s, (struct sockaddr *)&address, &length) != 0)
		bench_die("socket", "no free port");
	close(s);
	return ntohs(address.sin_port);
}

static bool listening(int port)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				      .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	bool up = connect(s, (struct sockaddr *)&address, sizeof address) == 0;
	close(s);
	return up;
}

static void write_file(const char *path, const char *text)
{
	FILE *out = fopen(path, "w");
	if (out == NULL || fputs(text, out) < 0 || fclose(out) != 0)
		bench_die(path, "cannot write");
}

static pid_t start_radicale(const char *directory, int port)
{
	char path[4300], text[9000];
	snprintf(path, sizeof path, "%s/users", directory);
	write_file(path, "clerk:secret\n");
	snprintf(text, sizeof text,
		 "[server]\nhosts = 127.0.0.1:%d\n[auth]\ntype = htpasswd\nhtpasswd_filename = "
		 "%s/users\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = "
		 "%s/storage\n[rights]\ntype = owner_only\n[logging]\nlevel = warning\n",
		 port, directory, directory);
	snprintf(path, sizeof path, "%s/radicale.ini", directory);
	write_file(path, text);
	pid_t pid = fork();
	if (pid == 0) {
		execl("/usr/bin/python3", "python3", "-m", "radicale", "--config", path, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 300 && !listening(port); i++) {
		int status;
		if (waitpid(pid, &status, WNOHANG) == pid)
			return -1;
		usleep(50000);
	}
	return listening(port) ? pid : -1;
}

/* CPU time (user + system) in ms: of this process, and of the server's (from /proc). */
static double own_cpu_ms(void)
{
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
	       (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static pid_t server_pid;

static double server_cpu_ms(void)
{
	char path[64], text[2048];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)server_pid);
	FILE *in = fopen(path, "r");
	size_t length = in ? fread(text, 1, sizeof text - 1, in) : 0;
	if (in)
		fclose(in);
	text[length] = '\0';
	/* utime and stime (fields 14 and 15, in clock ticks), counted after the name's ')'. */
	const char *c = strrchr(text, ')');
	unsigned long user = 0, system = 0;
	if (c == NULL || sscanf(c + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &user,
				&system) != 2)
		return 0.0;
	return (double)(user + system) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

typedef struct measure {
	double ms, own_cpu, server_cpu;
} measure;

/* The first publish's time a resource, tenth by tenth, printed at once (a long run shows how
 * far it got). */
typedef struct tenths {
	int next, last_done;
	double start, last_ms, last_server;
} tenths;

static void on_progress(hw_publish_event event, const char *uid, const char *summary, int done,
			int total, void *user)
{
	tenths *t = user;
	(void)uid;
	(void)summary;
	if (event != HW_PUBLISH_PROGRESS || total < 10 || done < (int)((long)total * t->next / 10))
		return;
	double now = bench_now_ms(), server = server_cpu_ms();
	int count = done - t->last_done;
	printf("  resources %6d-%-6d %8.1f ms a resource, Radicale CPU %6.1f ms; %7.1f s in\n",
	       t->last_done + 1, done, (now - t->last_ms) / count, (server - t->last_server) / count,
	       (now - t->start) / 1000.0);
	fflush(stdout);
	t->last_done = done;
	t->last_ms = now;
	t->last_server = server;
	t->next++;
}

static measure publish_measure(hw_session *session, const hw_publish_config *config,
			       hw_publish_report *report, bool show_tenths)
{
	measure m = {.own_cpu = own_cpu_ms(), .server_cpu = server_cpu_ms()};
	double start = bench_now_ms();
	tenths t = {.next = 1, .start = start, .last_ms = start, .last_server = m.server_cpu};
	hw_publish_options options = {.notify = show_tenths ? on_progress : NULL, .user = &t};
	hw_error error = {0};
	if (hw_publish(session, config, &options, report, &error) != 0)
		bench_die("publish", error.message);
	m.ms = bench_now_ms() - start;
	m.own_cpu = own_cpu_ms() - m.own_cpu;
	m.server_cpu = server_cpu_ms() - m.server_cpu;
	return m;
}

/* -s: the whole export in one PUT to the collection's address (Radicale's own way of
 * uploading a calendar file: it replaces the collection with one resource per UID). */
static measure seed(hw_session *session, const char *collection, const char *password)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	hw_export_options everything = {0};
	hw_error error = {0};
	measure m = {.own_cpu = own_cpu_ms(), .server_cpu = server_cpu_ms()};
	double start = bench_now_ms();
	if (out == NULL || hw_export_ics(session, &everything, out, &error) < 0 || fclose(out) != 0)
		bench_die("seed", error.message[0] ? error.message : "cannot export");
	CURL *curl = curl_easy_init();
	struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: text/calendar; charset=utf-8");
	long status = 0;
	if (curl == NULL)
		bench_die("seed", "cannot start libcurl");
	curl_easy_setopt(curl, CURLOPT_URL, collection);
	curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
	curl_easy_setopt(curl, CURLOPT_USERNAME, "clerk");
	curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, text);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)size);
	FILE *null = fopen("/dev/null", "w");
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, null);
	CURLcode code = curl_easy_perform(curl);
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	fclose(null);
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	free(text);
	if (code != CURLE_OK || status != 201)
		bench_die("seed", code != CURLE_OK ? curl_easy_strerror(code) : "Radicale refused the PUT");
	m.ms = bench_now_ms() - start;
	m.own_cpu = own_cpu_ms() - m.own_cpu;
	m.server_cpu = server_cpu_ms() - m.server_cpu;
	return m;
}

int main(int argc, char **argv)
{
	/* -c CHANGES and -s are this benchmark's own; the rest go to bench_parse_options. */
	long changes = 5;
	bool seeded = false, meetings_given = false;
	char *rest[64];
	int count = 0;
	for (int i = 0; i < argc && count < 63; i++) {
		if (i > 0 && strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			char *end = NULL;
			changes = strtol(argv[++i], &end, 10);
			if (*end != '\0' || changes < 1 || changes > 1000) {
				fprintf(stderr, "bench_publish: -c takes 1 to 1000 meetings\n");
				return 2;
			}
			continue;
		}
		if (i > 0 && strcmp(argv[i], "-s") == 0) {
			seeded = true;
			continue;
		}
		meetings_given |= strcmp(argv[i], "-n") == 0;
		rest[count++] = argv[i];
	}
	rest[count] = NULL;
	bench_options options;
	bench_parse_options(count, rest, "bench_publish", 1, HUIWU_BENCH_DATA, &options);
	/* 2,000 by default: Radicale's first publish grows with the square of the resources
	 * (bench/README.md). */
	long meetings = meetings_given ? options.meetings : 2000;
	char directory[4096], path[4200], storage[4300], password[4300];
	bench_temp_dir(directory, sizeof directory);
	snprintf(path, sizeof path, "%s", options.keep ? options.keep : "");
	if (!options.keep)
		snprintf(path, sizeof path, "%s/bench.db", directory);
	fixture_remove(path);
	snprintf(storage, sizeof storage, "%s/storage", directory);
	mkdir(storage, 0700);
	printf("bench_publish: huiwu publish of %ld meetings to Radicale on loopback, rules '%s'%s\n",
	       meetings, FIXTURE_GOVERNMENT,
	       seeded ? ", the collection seeded with one PUT of the whole export (-s)" : "");
	int port = free_port();
	server_pid = start_radicale(directory, port);
	if (server_pid < 0) {
		printf("bench_publish: skipped: Radicale (python3-radicale) is not installed or did not "
		       "start\n");
		return 0;
	}
	fixture_build(path, options.data_dir, meetings);
	setenv("XDG_CONFIG_HOME", directory, 1);
	snprintf(password, sizeof password, "%s/password", directory);
	write_file(password, "secret\n");
	char url[128];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/clerk/", port);
	hw_error error = {0};
	hw_publish_config config;
	if (hw_publish_config_save(url, "clerk", password, &error) != 0 ||
	    hw_publish_config_load(&config, &error) != 0)
		bench_die("config", error.message);
	hw_session *session = hw_session_open(path, false, &error);
	if (session == NULL)
		bench_die(path, error.message);

	/* The baseline: the best of three exports to /dev/null after one untimed (so that the
	 * database is in the page cache, as it is for the publishes that follow). */
	hw_export_options everything = {0};
	FILE *null = fopen("/dev/null", "w");
	double baseline = 0.0;
	for (int run = 0; run < 4; run++) {
		double start = bench_now_ms();
		if (hw_export_ics(session, &everything, null, &error) < 0)
			bench_die("export", error.message);
		double ms = bench_now_ms() - start;
		if (run == 1 || (run > 1 && ms < baseline))
			baseline = ms;
	}
	fclose(null);

	measure seed_m = {0};
	if (seeded) {
		char collection[256];
		snprintf(collection, sizeof collection, "%shuiwu-%s/", url, FIXTURE_GOVERNMENT);
		seed_m = seed(session, collection, "secret");
	}
	hw_publish_report first, again, changed;
	printf("first publish, tenth by tenth:\n");
	measure first_m = publish_measure(session, &config, &first, true);
	measure again_m = publish_measure(session, &config, &again, false);
	char sql[400];
	snprintf(sql, sizeof sql,
		 "UPDATE meeting SET location = 'bench', sequence = sequence + 1, "
		 "changed_at = '2026-06-30T00:00:00Z' WHERE id IN (SELECT id FROM meeting "
		 "WHERE series_id IS NULL ORDER BY id DESC LIMIT %ld)",
		 changes);
	bench_exec(hw_store_db(session->store), sql);
	measure changed_m = publish_measure(session, &config, &changed, false);

	printf("\n%-40s %10s %9s %9s %10s %8s %8s %10s\n", "", "ms", "x export", "huiwu CPU",
	       "server CPU", "created", "updated", "unchanged");
	printf("%-40s %10.1f %9.2f %9s %10s %8s %8s %10s\n", "baseline: export to /dev/null", baseline,
	       1.0, "-", "-", "-", "-", "-");
	if (seeded)
		printf("%-40s %10.1f %9.2f %9.1f %10.1f %8s %8s %10s\n",
		       "seed: the export in one PUT (-s)", seed_m.ms, seed_m.ms / baseline,
		       seed_m.own_cpu, seed_m.server_cpu, "-", "-", "-");
	char changed_what[64];
	snprintf(changed_what, sizeof changed_what, "publish after %ld change%s", changes,
		 changes == 1 ? "" : "s");
	const struct {
		const char *what;
		const measure *m;
		const hw_publish_report *r;
	} rows[] = {{seeded ? "first publish (adopts the seeded)" : "first publish", &first_m, &first},
		    {"second publish, no change", &again_m, &again},
		    {changed_what, &changed_m, &changed}};
	for (int i = 0; i < 3; i++)
		printf("%-40s %10.1f %9.2f %9.1f %10.1f %8d %8d %10d\n", rows[i].what, rows[i].m->ms,
		       rows[i].m->ms / baseline, rows[i].m->own_cpu, rows[i].m->server_cpu,
		       rows[i].r->created, rows[i].r->updated, rows[i].r->unchanged);
	printf("%d resources; first publish %.2f ms a resource\n", first.resources,
	       first.resources ? first_m.ms / first.resources : 0.0);
	hw_session_close(session);
	kill(server_pid, SIGTERM);
	waitpid(server_pid, NULL, 0);
	if (!options.keep)
		fixture_remove(path);
	char command[4200];
	snprintf(command, sizeof command, "rm -rf '%s'", directory);
	if (system(command) != 0)
		fprintf(stderr, "bench_publish: could not remove %s\n", directory);
	return 0;
}
