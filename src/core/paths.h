/* Where huiwu finds its data (rule sets, holidays) and its database. */
#ifndef HW_PATHS_H
#define HW_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "hw_error.h"

/* The data folder: $HUIWU_DATA_DIR, else the source tree's data/ when the program runs from
 * its build folder, else the installed share/huiwu. */
const char *hw_data_dir(void);
/* "<data>/rules" and "<data>/holidays", or $HUIWU_RULES_DIR for the rules. */
void hw_rules_dir(char *out, size_t size);
void hw_holidays_dir(char *out, size_t size);
/* The user's holiday folder, where 'huiwu holidays import' writes and whose YYYY.txt win over
 * the shipped ones: $XDG_DATA_HOME/huiwu/holidays, else ~/.local/share/huiwu/holidays.
 * Returns -1 when neither is set (there is no such folder then). */
int hw_user_holidays_dir(char *out, size_t size);

/* The database path: `explicit_path` (--db), else $HUIWU_DB, else
 * $XDG_DATA_HOME/huiwu/huiwu.db, else ~/.local/share/huiwu/huiwu.db. */
int hw_database_path(const char *explicit_path, char *out, size_t size, hw_error *error);
/* Creates the folders above `path` that do not exist yet (mkdir -p of its directory). */
int hw_make_parent_dirs(const char *path, hw_error *error);

/* ---- files huiwu writes ---- */

/* The mode of a new file: a database is never world-accessible, and readable only by its
 * owner (0600) unless the umask lets the group write (002, 007: an office sharing the
 * database, huiwu(1)), then by the group too (0660 as the umask allows); an export follows the
 * umask (0666 & ~umask). */
mode_t hw_new_file_mode(bool database);

/* The name of this process's temporary file beside `path`: "<path><tag><pid>". */
int hw_temp_beside(const char *path, const char *tag, char *out, size_t size, hw_error *error);
/* Removes the temporary files beside `path` named with `tag` (and their -wal, -shm, -journal)
 * whose process is gone: what a killed command left. */
void hw_remove_stale_temps(const char *path, const char *tag);
/* Flushes the folder holding `path` to disk, so that a rename in it survives a crash. */
int hw_sync_parent_dir(const char *path);

/* For the tests of what a killed command leaves behind: stops the program dead (SIGKILL) when
 * $HUIWU_CRASH_AT names `point`. */
void hw_crash_point(const char *point);

#endif
