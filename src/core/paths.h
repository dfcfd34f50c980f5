/* Where huiwu finds its data (rule sets, holidays) and its database. */
#ifndef HW_PATHS_H
#define HW_PATHS_H

#include <stddef.h>

#include "hw_error.h"

/* The data folder: $HUIWU_DATA_DIR, else the source tree's data/ when the program runs from
 * its build folder, else the installed share/huiwu. */
const char *hw_data_dir(void);
/* "<data>/rules" and "<data>/holidays", or $HUIWU_RULES_DIR for the rules. */
void hw_rules_dir(char *out, size_t size);
void hw_holidays_dir(char *out, size_t size);

/* The database path: `explicit_path` (--db), else $HUIWU_DB, else
 * $XDG_DATA_HOME/huiwu/huiwu.db, else ~/.local/share/huiwu/huiwu.db. */
int hw_database_path(const char *explicit_path, char *out, size_t size, hw_error *error);
/* Creates the folders above `path` that do not exist yet (mkdir -p of its directory). */
int hw_make_parent_dirs(const char *path, hw_error *error);

#endif
