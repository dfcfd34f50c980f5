/* libFuzzer harness for the rule loader (src/core/rules.c, format huiwu-rules(5)): any bytes
 * as a rule file must give rules or an error, never a crash, a leak or undefined behaviour. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_common.h"
#include "rules.h"

/* The loader wants the file named after its key: take the key the input gives, so that
 * inputs grown from real rule files get past that check and into the rest. */
static void file_name(const uint8_t *data, size_t size, char *out, size_t out_size)
{
	snprintf(out, out_size, "fuzz.ini");
	const uint8_t *key = NULL;
	for (size_t i = 0; i + 3 < size && key == NULL; i++)
		if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "key", 3) == 0)
			key = data + i + 3;
	if (key == NULL)
		return;
	const uint8_t *end = data + size;
	while (key < end && (*key == ' ' || *key == '\t' || *key == '='))
		key++;
	size_t length = 0;
	while (key + length < end && length < 40 &&
	       (islower(key[length]) || isdigit(key[length]) || key[length] == '_' || key[length] == '-'))
		length++;
	if (length > 0)
		snprintf(out, out_size, "%.*s.ini", (int)length, (const char *)key);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[64];
	file_name(data, size, name, sizeof name);
	const char *path = fuzz_write(name, data, size);
	if (path == NULL)
		return 0;
	hw_error error = {0};
	hw_rules *rules = hw_rules_load_file(path, &error);
	if (rules != NULL) {
		/* what the front ends ask of loaded rules */
		for (int role = 0; role < HW_ROLE_COUNT; role++)
			(void)hw_rules_role_title(rules, (hw_role)role);
		hw_rules_free(rules);
	} else if (error.message[0] == '\0') {
		__builtin_trap(); /* a refusal must say why */
	}
	return 0;
}
