/* Running another calendar program (khal, calcurse) from a benchmark, to time it in the same
 * run as huiwu: bench_import and bench_export print the ratio per event. */
#ifndef HUIWU_BENCH_EXTERNAL_H
#define HUIWU_BENCH_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* The program `name` in $PATH, written to `path`; false when it is not installed. */
bool bench_find_program(const char *name, char *path, size_t size);

/* Runs argv[0] (a full path) with argv, its standard output to `output` (NULL: /dev/null) and
 * its standard error to a file of its own, niced as this process is; returns the wall-clock
 * milliseconds from fork to exit, and its processor time (user and system) in *cpu_ms unless
 * NULL. Dies, printing what it wrote to standard error, if it fails. */
double bench_run_program(char *const argv[], const char *output, double *cpu_ms);

/* Removes `path` and everything under it (what a program wrote in the temporary folder). */
void bench_remove_tree(const char *path);

#endif
