/* SHA-256 in hex, for the audit log's hash chain and the rule file a change was checked
 * against (nettle). */
#ifndef HW_DIGEST_H
#define HW_DIGEST_H

#include <stddef.h>

#define HW_DIGEST_HEX_SIZE 65

void hw_sha256_hex(const void *data, size_t size, char out[HW_DIGEST_HEX_SIZE]);

#endif
