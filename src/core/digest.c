#include "digest.h"

#include <nettle/sha2.h>
#include <stdio.h>

void hw_sha256_hex(const void *data, size_t size, char out[HW_DIGEST_HEX_SIZE])
{
	struct sha256_ctx context;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_init(&context);
	sha256_update(&context, size, data);
	sha256_digest(&context, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}
