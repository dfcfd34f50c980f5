/* bench_publish: how long `huiwu publish` takes to a real Radicale on loopback, the first time
 * and with one change.
 *
 * Builds a throw-away database (fixture.c; 2,000 meetings by default), starts Radicale from
 * Debian's package (python3 -m radicale) on a free loopback port with a temporary storage,
 * then times, on one session:
 *   baseline: the export of everything (hw_export_ics) to /dev/null: what publishing builds;
 *   the first publish (every resource created, If-None-Match: *);
 *   a second publish with no change (no PUT: each resource's hash compared);
 *   a publish after one meeting changed (one PUT with If-Match);
 * each in milliseconds and as a ratio to the baseline. Timings are printed, never asserted;
 * without Radicale it says so and exits 0.
 *
 *   bench_publish [-n MEETINGS] [-d DATA_DIR] [-r RUNS] [-k DB_PATH]   (RUNS is not used) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static double publish_ms(hw_session *session, const hw_publish_config *config,
			 hw_publish_report *report)
{
	hw_publish_options options = {0};
	hw_error error = {0};
	double start = bench_now_ms();
	if (hw_publish(session, config, &options, report, &error) != 0)
		bench_die("publish", error.message);
	return bench_now_ms() - start;
}

int main(int argc, char **argv)
{
	bench_options options;
	bench_parse_options(argc, argv, "bench_publish", 1, HUIWU_BENCH_DATA, &options);
	bool meetings_given = false;
	for (int i = 1; i < argc; i++)
		meetings_given |= strcmp(argv[i], "-n") == 0;
	/* 2,000 by default: Radicale's first publish grows with the square of the resources
	 * (bench/README.md), 10,000 would take hours. */
	long meetings = meetings_given ? options.meetings : 2000;
	char directory[4096], path[4200], storage[4300], password[4300];
	bench_temp_dir(directory, sizeof directory);
	snprintf(path, sizeof path, "%s", options.keep ? options.keep : "");
	if (!options.keep)
		snprintf(path, sizeof path, "%s/bench.db", directory);
	fixture_remove(path);
	snprintf(storage, sizeof storage, "%s/storage", directory);
	mkdir(storage, 0700);
	printf("bench_publish: huiwu publish of %ld meetings to Radicale on loopback, rules '%s'\n",
	       meetings, FIXTURE_GOVERNMENT);
	int port = free_port();
	pid_t radicale = start_radicale(directory, port);
	if (radicale < 0) {
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

	hw_export_options everything = {0};
	FILE *null = fopen("/dev/null", "w");
	double start = bench_now_ms();
	int events = hw_export_ics(session, &everything, null, &error);
	double baseline = bench_now_ms() - start;
	fclose(null);
	if (events < 0)
		bench_die("export", error.message);

	hw_publish_report first, again, changed;
	double first_ms = publish_ms(session, &config, &first);
	double again_ms = publish_ms(session, &config, &again);
	bench_exec(hw_store_db(session->store),
		   "UPDATE meeting SET location = 'bench', sequence = sequence + 1, "
		   "changed_at = '2026-06-30T00:00:00Z' WHERE id = (SELECT max(id) FROM meeting "
		   "WHERE series_id IS NULL)");
	double changed_ms = publish_ms(session, &config, &changed);

	printf("\n%-40s %10s %9s %8s %8s %10s\n", "", "ms", "x export", "created", "updated",
	       "unchanged");
	printf("%-40s %10.1f %9.2f %8s %8s %10s\n", "baseline: export to /dev/null", baseline, 1.0,
	       "-", "-", "-");
	const struct {
		const char *what;
		double ms;
		const hw_publish_report *r;
	} rows[] = {{"first publish", first_ms, &first},
		    {"second publish, no change", again_ms, &again},
		    {"publish after one change", changed_ms, &changed}};
	for (int i = 0; i < 3; i++)
		printf("%-40s %10.1f %9.2f %8d %8d %10d\n", rows[i].what, rows[i].ms,
		       rows[i].ms / baseline, rows[i].r->created, rows[i].r->updated,
		       rows[i].r->unchanged);
	printf("%d resources; first publish %.2f ms per resource\n", first.resources,
	       first.resources ? first_ms / first.resources : 0.0);
	hw_session_close(session);
	kill(radicale, SIGTERM);
	waitpid(radicale, NULL, 0);
	if (!options.keep)
		fixture_remove(path);
	char command[4200];
	snprintf(command, sizeof command, "rm -rf '%s'", directory);
	if (system(command) != 0)
		fprintf(stderr, "bench_publish: could not remove %s\n", directory);
	return 0;
}
