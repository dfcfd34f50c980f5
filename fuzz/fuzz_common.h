/* What the fuzz harnesses share: a private folder for the file each input is written to (the
 * parsers read files, as huiwu does). */
#ifndef HW_FUZZ_COMMON_H
#define HW_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* A folder made once per process under $TMPDIR, removed at exit. */
const char *fuzz_folder(void);
/* Writes `data` to `folder/name` (replacing it); returns the path (static) or NULL. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

#endif
