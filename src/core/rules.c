#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "civil_date.h"
#include "digest.h"
#include "i18n.h"
#include "sort.h"
#include "text_file.h"

/* A rule file is a few KB; anything near these limits is not one. The line limit stays below
 * inih's (8192), so that inih never splits a line in two. */
#define MAX_RULE_FILE_SIZE (1024 * 1024)
#define MAX_RULE_LINE 4096
#define MAX_KEY_LENGTH 32
#define MAX_TITLE_LENGTH 64

#define ALL_TYPES ((1u << HW_MEETING_TYPE_COUNT) - 1)
#define TYPE_BIT(type) (1u << (type))
#define MEETINGS_WITH_CHAIR (ALL_TYPES & ~TYPE_BIT(HW_MEETING_DEPT_WIDE))

static const char *const meeting_type_keys[HW_MEETING_TYPE_COUNT] = {
	"plenary", "executive", "office", "special", "study", "dept_wide",
};

static const char *const government_keys[HW_GOV_FIELD_COUNT] = {
	"key", "name", "short_name", "document", "title",
	"level", "timezone", "seat", "adopted", "issued",
	"trip_report", "trip_approval",
};
static const bool government_required[HW_GOV_FIELD_COUNT] = {
	[HW_GOV_KEY] = true, [HW_GOV_NAME] = true, [HW_GOV_DOCUMENT] = true, [HW_GOV_LEVEL] = true,
};

static const char *const title_keys[HW_TITLE_COUNT] = {
	"head", "executive_deputy", "deputy", "secretary", "deputy_secretary", "office",
};

static const char *const matter_keys[HW_MATTER_COUNT] = {"projects", "funds", "staffing",
							 "rewards"};

typedef struct type_key_spec {
	const char *name;
	hw_value_kind kind;
	size_t offset;
	unsigned allowed_in;  /* bit per meeting type */
	unsigned required_in; /* bit per meeting type, when the type is defined */
} type_key_spec;

#define FIELD(member) offsetof(hw_type_rules, member)
static const type_key_spec type_keys[HW_TYPE_KEY_COUNT] = {
	[HW_KEY_DEFINED] = {"defined", HW_VALUE_BOOL, FIELD(defined), ALL_TYPES, ALL_TYPES},
	[HW_KEY_NAME] = {"name", HW_VALUE_TEXT, FIELD(name), ALL_TYPES, ALL_TYPES},
	[HW_KEY_MEMBERS] = {"members", HW_VALUE_ROLES, FIELD(members), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_SITTERS_IN] = {"sitters_in", HW_VALUE_ROLES, FIELD(sitters_in), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_MAY_SIT_IN] = {"may_sit_in", HW_VALUE_ROLES, FIELD(may_sit_in), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_CHAIR] = {"chair", HW_VALUE_ROLES, FIELD(chair), MEETINGS_WITH_CHAIR,
			  MEETINGS_WITH_CHAIR},
	[HW_KEY_CHAIR_BY_DELEGATION] = {"chair_by_delegation", HW_VALUE_ROLES,
					FIELD(chair_by_delegation), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_FREQUENCY] = {"frequency", HW_VALUE_FREQUENCY, FIELD(frequency), MEETINGS_WITH_CHAIR,
			      0},
	[HW_KEY_ADHOC] = {"adhoc", HW_VALUE_BOOL, FIELD(adhoc), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_PROPOSERS] = {"topic_proposers", HW_VALUE_ROLES, FIELD(topic_proposers),
				    MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_REVIEWER] = {"topic_reviewer", HW_VALUE_ROLES, FIELD(topic_reviewer),
				   MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_REVIEW_FIRST] = {"topic_review_first", HW_VALUE_BOOL,
				       FIELD(topic_review_first), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_APPROVER] = {"topic_approver", HW_VALUE_ROLES, FIELD(topic_approver),
				   MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_STUDY_REQUIRED] = {"topic_study_required", HW_VALUE_BOOL,
					 FIELD(topic_study_required), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_LEADER_MUST_ATTEND] = {"topic_leader_must_attend", HW_VALUE_BOOL,
					     FIELD(topic_leader_must_attend), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_TOPIC_AGREEMENT_REQUIRED] = {"topic_agreement_required", HW_VALUE_MATTERS,
					     FIELD(topic_agreement_required), MEETINGS_WITH_CHAIR,
					     0},
	[HW_KEY_LEAVE_APPROVER] = {"leave_approver", HW_VALUE_ROLES, FIELD(leave_approver),
				   MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_LEAVE_APPROVER_FOR_LEADERS] = {"leave_approver_for_leaders", HW_VALUE_ROLES,
					       FIELD(leave_approver_for_leaders),
					       MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_LEAVE_WRITTEN] = {"leave_written", HW_VALUE_BOOL, FIELD(leave_written),
				  MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_LEAVE_SUBSTITUTE] = {"leave_substitute", HW_VALUE_BOOL, FIELD(leave_substitute),
				     MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_STAFF_LIMIT] = {"staff_limit", HW_VALUE_COUNT, FIELD(staff_limit),
				MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_MINUTES_DRAFTER] = {"minutes_drafter", HW_VALUE_ROLES, FIELD(minutes_drafter),
				    MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_MINUTES_SIGNER] = {"minutes_signer", HW_VALUE_ROLES, FIELD(minutes_signer),
				   MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_MINUTES_APPROVER] = {"minutes_approver", HW_VALUE_ROLES, FIELD(minutes_approver),
				     MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_DOCUMENT_STEPS] = {"document_steps", HW_VALUE_COUNT_LIST, FIELD(document_steps),
				   MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_DOCUMENT_STEP_LABELS] = {"document_step_labels", HW_VALUE_TEXT_LIST,
					 FIELD(document_step_labels), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_DOCUMENT_STEP_ACTIONS] = {"document_step_actions", HW_VALUE_STEP_ACTIONS,
					  FIELD(document_step_actions), MEETINGS_WITH_CHAIR, 0},
	[HW_KEY_DECISION_CONSENT] = {"decision_consent", HW_VALUE_ROLES, FIELD(decision_consent),
				     TYPE_BIT(HW_MEETING_SPECIAL), 0},
	[HW_KEY_QUOTA_PER_YEAR] = {"quota_per_year", HW_VALUE_COUNT, FIELD(quota_per_year),
				   TYPE_BIT(HW_MEETING_DEPT_WIDE), TYPE_BIT(HW_MEETING_DEPT_WIDE)},
	[HW_KEY_NOTICE_WORKDAYS] = {"notice_workdays", HW_VALUE_COUNT, FIELD(notice_workdays),
				    TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
	[HW_KEY_DEPUTY_CONSENT] = {"deputy_consent", HW_VALUE_BOOL, FIELD(deputy_consent),
				   TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
	[HW_KEY_DURATION_MINUTES] = {"duration_minutes", HW_VALUE_COUNT, FIELD(duration_minutes),
				     ALL_TYPES, 0},
	[HW_KEY_LEADERS_STAY_AWAY] = {"leaders_stay_away", HW_VALUE_BOOL, FIELD(leaders_stay_away),
				      TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
	[HW_KEY_LEADERS_OWN_DEPARTMENT_EXEMPT] = {"leaders_own_department_exempt", HW_VALUE_BOOL,
						  FIELD(leaders_own_department_exempt),
						  TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
	[HW_KEY_GOVERNMENT_APPROVAL] = {"government_approval", HW_VALUE_BOOL,
					FIELD(government_approval), TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
	[HW_KEY_LOWER_HEADS_NEED_APPROVAL] = {"lower_heads_need_approval", HW_VALUE_BOOL,
					      FIELD(lower_heads_need_approval),
					      TYPE_BIT(HW_MEETING_DEPT_WIDE), 0},
};
#undef FIELD

const char *hw_meeting_type_key(hw_meeting_type type)
{
	return type < HW_MEETING_TYPE_COUNT ? meeting_type_keys[type] : "?";
}

bool hw_meeting_type_from_key(const char *key, hw_meeting_type *out)
{
	for (int type = 0; type < HW_MEETING_TYPE_COUNT; type++) {
		if (strcmp(meeting_type_keys[type], key) == 0) {
			*out = (hw_meeting_type)type;
			return true;
		}
	}
	return false;
}

const char *hw_government_field_key(hw_government_field field)
{
	return government_keys[field];
}

const char *hw_title_key(hw_title title)
{
	return title_keys[title];
}

const char *hw_type_key_name(hw_type_key key)
{
	return type_keys[key].name;
}

hw_value_kind hw_type_key_kind(hw_type_key key)
{
	return type_keys[key].kind;
}

/* Keys huiwu shows with their clause but checks nothing by. */
static const hw_type_key shown_only_keys[] = {HW_KEY_MAY_SIT_IN, HW_KEY_MINUTES_DRAFTER};

bool hw_type_key_shown_only(hw_type_key key)
{
	for (size_t i = 0; i < sizeof shown_only_keys / sizeof shown_only_keys[0]; i++)
		if (shown_only_keys[i] == key)
			return true;
	return false;
}

static const char *const step_keys[HW_STEP_KIND_COUNT] = {"handover", "submit", "issue"};

const char *hw_document_step_key(hw_document_step step)
{
	return step < HW_STEP_KIND_COUNT ? step_keys[step] : "?";
}

bool hw_document_step_from_key(const char *key, hw_document_step *out)
{
	for (int step = 0; step < HW_STEP_KIND_COUNT; step++)
		if (strcmp(step_keys[step], key) == 0) {
			*out = (hw_document_step)step;
			return true;
		}
	return false;
}

const char *hw_matter_key(hw_matter matter)
{
	return matter_keys[matter];
}

const char *hw_type_clause(const hw_type_rules *type)
{
	return type->defined && type->clauses[HW_KEY_NAME] ? type->clauses[HW_KEY_NAME]
							    : type->clauses[HW_KEY_DEFINED];
}

const char *hw_type_key_clause(const hw_type_rules *type, hw_type_key key)
{
	return type->clauses[key] ? type->clauses[key] : hw_type_clause(type);
}

const char *hw_rules_role_title(const hw_rules *rules, hw_role role)
{
	switch (role) {
	case HW_ROLE_HEAD: return rules->titles[HW_TITLE_HEAD];
	case HW_ROLE_EXECUTIVE_DEPUTY: return rules->titles[HW_TITLE_EXECUTIVE_DEPUTY];
	case HW_ROLE_DEPUTY: return rules->titles[HW_TITLE_DEPUTY];
	case HW_ROLE_SECRETARY: return rules->titles[HW_TITLE_SECRETARY];
	case HW_ROLE_DEPUTY_SECRETARY: return rules->titles[HW_TITLE_DEPUTY_SECRETARY];
	case HW_ROLE_OFFICE: return rules->titles[HW_TITLE_OFFICE];
	default: return NULL;
	}
}

void hw_rules_free(hw_rules *rules)
{
	if (rules == NULL)
		return;
	free(rules->path);
	for (int i = 0; i < HW_GOV_FIELD_COUNT; i++) {
		free(rules->government[i]);
		free(rules->government_clauses[i]);
	}
	for (int i = 0; i < HW_TITLE_COUNT; i++) {
		free(rules->titles[i]);
		free(rules->title_clauses[i]);
	}
	for (int type = 0; type < HW_MEETING_TYPE_COUNT; type++) {
		hw_type_rules *rules_of_type = &rules->types[type];
		free(rules_of_type->name);
		for (int i = 0; i < HW_MAX_DOCUMENT_STEPS; i++)
			free(rules_of_type->document_step_labels[i]);
		for (int key = 0; key < HW_TYPE_KEY_COUNT; key++)
			free(rules_of_type->clauses[key]);
	}
	free(rules);
}

/* ---- parsing ---- */

typedef enum section_kind { SECTION_NONE, SECTION_GOVERNMENT, SECTION_TITLES, SECTION_TYPE } section_kind;

typedef struct parse_state {
	hw_rules *rules;
	hw_error *error;
	const char *path;
	const char *text; /* the file's bytes, NUL-terminated */
	size_t size, offset;
	int line;             /* the line the reader returned last */
	bool at_line_start;
	int header_line;      /* the line of the last '[section]' header */
	bool failed;          /* the first error is kept; later ones are not reported */
	section_kind section;
	hw_meeting_type type;
	bool seen_government, seen_titles;
	bool seen_type[HW_MEETING_TYPE_COUNT];
	int government_lines[HW_GOV_FIELD_COUNT];
	int title_lines[HW_TITLE_COUNT];
	char *document; /* the document number, as clauses are prefixed with it */
} parse_state;

/* fgets over the file's bytes, with a line count, so that the handler knows the line it is
 * called for. */
static char *counting_reader(char *buffer, int size, void *stream)
{
	parse_state *state = stream;
	bool line_start = state->at_line_start;
	char *result = NULL;
	if (size > 1 && state->offset < state->size) {
		size_t n = 0;
		while (n + 1 < (size_t)size && state->offset < state->size) {
			char c = state->text[state->offset++];
			buffer[n++] = c;
			if (c == '\n')
				break;
		}
		buffer[n] = '\0';
		result = buffer;
	}
	if (result != NULL) {
		if (line_start)
			state->line++;
		if (line_start && result[strspn(result, " \t")] == '[')
			state->header_line = state->line;
		size_t length = strlen(result);
		state->at_line_start = length > 0 && result[length - 1] == '\n';
	}
	return result;
}

static int fail_at(parse_state *state, int line, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
static int fail_at(parse_state *state, int line, const char *format, ...)
{
	if (state->failed)
		return 0;
	state->failed = true;
	char message[HW_ERROR_MESSAGE_SIZE];
	va_list args;
	va_start(args, format);
	vsnprintf(message, sizeof message, format, args);
	va_end(args);
	hw_error_set(state->error, "%s:%d: %s", state->path, line, message);
	return 0;
}

static char *trim(char *text)
{
	while (*text == ' ' || *text == '\t')
		text++;
	char *end = text + strlen(text);
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return text;
}

static bool parse_bool(const char *text, bool *out)
{
	if (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0) {
		*out = true;
		return true;
	}
	if (strcmp(text, "no") == 0 || strcmp(text, "false") == 0) {
		*out = false;
		return true;
	}
	return false;
}

static bool parse_count(const char *text, int minimum, int *out)
{
	char *end;
	errno = 0;
	long value = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0 || value < minimum || value > 10000 ||
	    text[0] == '+' || text[0] == '-')
		return false;
	*out = (int)value;
	return true;
}

/* Splits "a, b, c" in place; returns the item count or -1 for an empty item or too many. */
static int split_list(char *text, char **items, int capacity)
{
	int count = 0;
	char *rest = text;
	for (;;) {
		char *comma = strchr(rest, ',');
		if (comma != NULL)
			*comma = '\0';
		char *item = trim(rest);
		if (*item == '\0' || count == capacity)
			return -1;
		items[count++] = item;
		if (comma == NULL)
			return count;
		rest = comma + 1;
	}
}

/* A whole number of at most four digits at *text, advancing past it. sscanf's %d would take
 * signs and spaces, and overflow is undefined. */
static bool take_number(const char **text, int *out)
{
	const char *c = *text;
	int value = 0, digits = 0;
	while (*c >= '0' && *c <= '9' && digits < 5) {
		value = value * 10 + (*c++ - '0');
		digits++;
	}
	if (digits == 0 || digits > 4)
		return false;
	*out = value;
	*text = c;
	return true;
}

static bool take_word(const char **text, const char *word)
{
	size_t length = strlen(word);
	if (strncmp(*text, word, length) != 0)
		return false;
	*text += length;
	return true;
}

/* "2-3 per 1 months", "1 per 2 months"; the period divides the year. */
static bool parse_frequency(const char *text, hw_frequency *out)
{
	int min, max, months;
	const char *c = text;
	if (!take_number(&c, &min))
		return false;
	max = min;
	if (*c == '-') {
		c++;
		if (!take_number(&c, &max))
			return false;
	}
	if (!take_word(&c, " per ") || !take_number(&c, &months) || !take_word(&c, " month"))
		return false;
	if (*c == 's')
		c++;
	if (*c != '\0')
		return false;
	if (max < min || max > 1000 || months < 1 || months > 12 || 12 % months != 0)
		return false;
	out->min = min;
	out->max = max;
	out->months = months;
	return true;
}

/* Whether `clause` names an article: 第, a number in Chinese numerals or digits, 条 — what
 * every refusal and finding quotes to the clerk. */
static bool cites_article(const char *clause)
{
	static const char *const digits[] = {"〇", "零", "一", "二", "三", "四", "五", "六", "七",
					     "八", "九", "十", "百", "千", "两"};
	for (const char *at = strstr(clause, "第"); at != NULL; at = strstr(at + 1, "第")) {
		const char *c = at + strlen("第");
		int count = 0;
		for (;;) {
			if (*c >= '0' && *c <= '9') {
				c++;
				count++;
				continue;
			}
			size_t i = 0;
			while (i < sizeof digits / sizeof digits[0] &&
			       strncmp(c, digits[i], strlen(digits[i])) != 0)
				i++;
			if (i == sizeof digits / sizeof digits[0])
				break;
			c += strlen(digits[i]);
			count++;
		}
		if (count > 0 && strncmp(c, "条", strlen("条")) == 0)
			return true;
	}
	return false;
}

static char *citation(parse_state *state, const char *clause)
{
	/* "第四十二条" alone cites the rule set's own document. */
	if (strncmp(clause, "第", strlen("第")) == 0 && state->document != NULL) {
		size_t size = strlen(state->document) + 1 + strlen(clause) + 1;
		char *full = malloc(size);
		if (full != NULL)
			snprintf(full, size, "%s %s", state->document, clause);
		return full;
	}
	return strdup(clause);
}

static const char *role_list_hint(void)
{
	static char hint[1024];
	if (hint[0] == '\0') {
		size_t used = 0;
		for (int role = 0; role < HW_ROLE_COUNT; role++)
			used += (size_t)snprintf(hint + used, sizeof hint - used, "%s%s", role ? ", " : "",
						 hw_role_key((hw_role)role));
	}
	return hint;
}

static int set_type_value(parse_state *state, hw_type_key key, char *value)
{
	hw_type_rules *type = &state->rules->types[state->type];
	const type_key_spec *spec = &type_keys[key];
	void *field = (char *)type + spec->offset;
	const char *name = spec->name;
	switch (spec->kind) {
	case HW_VALUE_BOOL:
		if (!parse_bool(value, field))
			return fail_at(state, state->line, _("%s: expected yes or no, not '%s'"), name, value);
		break;
	case HW_VALUE_TEXT:
		if (*value == '\0')
			return fail_at(state, state->line, _("%s: the value is empty"), name);
		if ((*(char **)field = strdup(value)) == NULL)
			return fail_at(state, state->line, "%s", _("out of memory"));
		break;
	case HW_VALUE_ROLES: {
		char *items[HW_ROLE_COUNT + 1];
		int count = split_list(value, items, HW_ROLE_COUNT + 1);
		if (count < 0)
			return fail_at(state, state->line, _("%s: expected a comma-separated list of roles"),
				       name);
		hw_role_set set = 0;
		for (int i = 0; i < count; i++) {
			hw_role role;
			if (!hw_role_from_key(items[i], &role))
				return fail_at(state, state->line, _("%s: unknown role '%s' (roles: %s)"),
					       name, items[i], role_list_hint());
			if (set & HW_ROLE_BIT(role))
				return fail_at(state, state->line, _("%s: role '%s' is listed twice"), name,
					       items[i]);
			set |= HW_ROLE_BIT(role);
		}
		*(hw_role_set *)field = set;
		break;
	}
	case HW_VALUE_FREQUENCY:
		if (!parse_frequency(value, field))
			return fail_at(state, state->line,
				       _("%s: expected 'MIN-MAX per N months' with MIN <= MAX and N "
					 "dividing 12 (e.g. '2-3 per 1 months'), not '%s'"),
				       name, value);
		type->has_frequency = true;
		break;
	case HW_VALUE_COUNT:
		if (!parse_count(value, 0, field))
			return fail_at(state, state->line, _("%s: expected a whole number, not '%s'"), name,
				       value);
		break;
	case HW_VALUE_COUNT_LIST: {
		char *items[HW_MAX_DOCUMENT_STEPS];
		int count = split_list(value, items, HW_MAX_DOCUMENT_STEPS);
		if (count < 0)
			return fail_at(state, state->line,
				       _("%s: expected one to %d working-day counts separated by commas"),
				       name, HW_MAX_DOCUMENT_STEPS);
		for (int i = 0; i < count; i++)
			if (!parse_count(items[i], 1, &type->document_steps[i]))
				return fail_at(state, state->line,
					       _("%s: '%s' is not a number of working days (1 or more)"),
					       name, items[i]);
		type->document_step_count = count;
		break;
	}
	case HW_VALUE_TEXT_LIST: {
		char *items[HW_MAX_DOCUMENT_STEPS];
		int count = split_list(value, items, HW_MAX_DOCUMENT_STEPS);
		if (count < 0)
			return fail_at(state, state->line,
				       _("%s: expected one to %d labels separated by commas"), name,
				       HW_MAX_DOCUMENT_STEPS);
		for (int i = 0; i < count; i++)
			if ((type->document_step_labels[i] = strdup(items[i])) == NULL)
				return fail_at(state, state->line, "%s", _("out of memory"));
		type->document_step_label_count = count;
		break;
	}
	case HW_VALUE_STEP_ACTIONS: {
		char *items[HW_MAX_DOCUMENT_STEPS];
		int count = split_list(value, items, HW_MAX_DOCUMENT_STEPS);
		if (count < 0)
			return fail_at(state, state->line,
				       _("%s: expected one to %d steps separated by commas"), name,
				       HW_MAX_DOCUMENT_STEPS);
		for (int i = 0; i < count; i++)
			if (!hw_document_step_from_key(items[i], &type->document_step_actions[i]))
				return fail_at(state, state->line,
					       _("%s: unknown step '%s' (steps: handover, submit, issue)"),
					       name, items[i]);
		type->document_step_action_count = count;
		break;
	}
	case HW_VALUE_MATTERS: {
		char *items[HW_MATTER_COUNT + 1];
		int count = split_list(value, items, HW_MATTER_COUNT + 1);
		unsigned matters = 0;
		for (int i = 0; i < count; i++) {
			int matter = 0;
			while (matter < HW_MATTER_COUNT && strcmp(matter_keys[matter], items[i]) != 0)
				matter++;
			if (matter == HW_MATTER_COUNT)
				return fail_at(state, state->line,
					       _("%s: unknown matter '%s' (matters: projects, funds, "
						 "staffing, rewards)"),
					       name, items[i]);
			if (matters & (1u << matter))
				return fail_at(state, state->line, _("%s: matter '%s' is listed twice"),
					       name, items[i]);
			matters |= 1u << matter;
		}
		if (count < 0)
			return fail_at(state, state->line,
				       _("%s: expected a comma-separated list of matters"), name);
		*(unsigned *)field = matters;
		break;
	}
	}
	return 1;
}

static int handle_type_key(parse_state *state, const char *name, char *value, const char *clause)
{
	int key = 0;
	while (key < HW_TYPE_KEY_COUNT && strcmp(type_keys[key].name, name) != 0)
		key++;
	const char *section = meeting_type_keys[state->type];
	if (key == HW_TYPE_KEY_COUNT)
		return fail_at(state, state->line, _("unknown key '%s' in [%s]"), name, section);
	if (!(type_keys[key].allowed_in & TYPE_BIT(state->type)))
		return fail_at(state, state->line, _("key '%s' does not belong in [%s]"), name, section);
	hw_type_rules *type = &state->rules->types[state->type];
	if (type->clauses[key] != NULL)
		return fail_at(state, state->line, _("key '%s' is given twice in [%s] (first on line %d)"),
			       name, section, type->lines[key]);
	/* No document sets how long a meeting lasts: the key is the office's own, labelled so
	 * wherever a clause is shown, and takes none. */
	bool own = key == HW_KEY_DURATION_MINUTES;
	if (own && clause != NULL)
		return fail_at(state, state->line,
			       _("%s is the office's own setting, which no document makes: give it "
				 "without '@'"),
			       name);
	if (clause == NULL && !own)
		return fail_at(state, state->line,
			       _("%s: the value lacks the clause it comes from (end it with '@ 第N条')"),
			       name);
	if (!set_type_value(state, (hw_type_key)key, value))
		return 0;
	if ((type->clauses[key] = own ? strdup(HW_OFFICE_OWN_CLAUSE) : citation(state, clause)) == NULL)
		return fail_at(state, state->line, "%s", _("out of memory"));
	type->lines[key] = state->line;
	return 1;
}

/* Empty, or only spaces: ASCII ones (trimmed already) and the ideographic U+3000, which a
 * Chinese input method types and no name is made of. */
static bool is_blank(const char *value)
{
	while (*value == ' ' || *value == '\t' || strncmp(value, "\xe3\x80\x80", 3) == 0)
		value += *value == ' ' || *value == '\t' ? 1 : 3;
	return *value == '\0';
}

static int handle_text_key(parse_state *state, const char *section, const char *const *keys,
			   int key_count, char **values, char **clauses, int *lines,
			   const char *name, const char *value, const char *clause)
{
	int key = 0;
	while (key < key_count && strcmp(keys[key], name) != 0)
		key++;
	if (key == key_count)
		return fail_at(state, state->line, _("unknown key '%s' in [%s]"), name, section);
	if (values[key] != NULL)
		return fail_at(state, state->line, _("key '%s' is given twice in [%s] (first on line %d)"),
			       name, section, lines[key]);
	if (is_blank(value))
		return fail_at(state, state->line, _("%s: the value is empty"), name);
	values[key] = strdup(value);
	if (clause != NULL)
		clauses[key] = citation(state, clause);
	if (values[key] == NULL || (clause != NULL && clauses[key] == NULL))
		return fail_at(state, state->line, "%s", _("out of memory"));
	lines[key] = state->line;
	return 1;
}

static bool enter_section(parse_state *state, const char *section)
{
	if (strcmp(section, "government") == 0) {
		state->section = SECTION_GOVERNMENT;
		if (state->seen_government)
			return fail_at(state, state->header_line, _("section [%s] is given twice"), section);
		state->seen_government = true;
		return true;
	}
	if (strcmp(section, "titles") == 0) {
		state->section = SECTION_TITLES;
		if (state->seen_titles)
			return fail_at(state, state->header_line, _("section [%s] is given twice"), section);
		state->seen_titles = true;
		return true;
	}
	hw_meeting_type type;
	if (hw_meeting_type_from_key(section, &type)) {
		state->section = SECTION_TYPE;
		state->type = type;
		if (state->seen_type[type])
			return fail_at(state, state->header_line, _("section [%s] is given twice"), section);
		state->seen_type[type] = true;
		state->rules->types[type].section_line = state->header_line;
		return true;
	}
	return fail_at(state, state->header_line,
		       _("unknown section [%s] (sections: government, titles, plenary, executive, "
			 "office, special, study, dept_wide)"),
		       section);
}

static int handle_entry(void *user, const char *section, const char *name, const char *raw_value)
{
	parse_state *state = user;
	if (state->failed)
		return 1;
	/* inih passes the current section name with each entry; a change of name is a new
	 * section (sections without entries are caught by the completeness check). */
	bool new_section = false;
	switch (state->section) {
	case SECTION_NONE: new_section = true; break;
	case SECTION_GOVERNMENT: new_section = strcmp(section, "government") != 0; break;
	case SECTION_TITLES: new_section = strcmp(section, "titles") != 0; break;
	case SECTION_TYPE: new_section = strcmp(section, meeting_type_keys[state->type]) != 0; break;
	}
	if (new_section) {
		if (*section == '\0')
			return fail_at(state, state->line, _("'%s' stands before any [section]"), name);
		if (!enter_section(state, section))
			return 0;
	}

	char buffer[8192];
	snprintf(buffer, sizeof buffer, "%s", raw_value);
	char *clause = NULL;
	char *at = strrchr(buffer, '@');
	if (at != NULL) {
		*at = '\0';
		clause = trim(at + 1);
		if (*clause == '\0')
			return fail_at(state, state->line, _("%s: nothing follows '@': name the clause"),
				       name);
		if (!cites_article(clause))
			return fail_at(state, state->line,
				       _("%s: the clause '%s' names no article (第N条)"), name, clause);
	}
	char *value = trim(buffer);

	switch (state->section) {
	case SECTION_GOVERNMENT:
		if (!handle_text_key(state, "government", government_keys, HW_GOV_FIELD_COUNT,
				     state->rules->government, state->rules->government_clauses,
				     state->government_lines, name, value, clause))
			return 0;
		if (strcmp(name, "document") == 0)
			state->document = state->rules->government[HW_GOV_DOCUMENT];
		return 1;
	case SECTION_TITLES:
		return handle_text_key(state, "titles", title_keys, HW_TITLE_COUNT, state->rules->titles,
				       state->rules->title_clauses, state->title_lines, name, value,
				       clause);
	case SECTION_TYPE:
		return handle_type_key(state, name, value, clause);
	case SECTION_NONE:
		break;
	}
	return 0;
}

static const char *file_stem(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out, size, "%s", base);
	char *dot = strrchr(out, '.');
	if (dot != NULL && strcmp(dot, ".ini") == 0)
		*dot = '\0';
	return out;
}

static bool valid_zone_name(const char *zone)
{
	if (*zone == '\0' || *zone == '/' || strstr(zone, "..") != NULL)
		return false;
	for (const char *c = zone; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      *c == '/' || *c == '_' || *c == '-' || *c == '+'))
			return false;
	return true;
}

/* Where the system's time zone data lies: glibc (hw_today, the export) and libical (the
 * import) both read it there, so a zone that has a file there is one all of them know. */
#define ZONEINFO_DIRECTORY "/usr/share/zoneinfo"

/* Whether `zone` names a zone of the tz database: a file under ZONEINFO_DIRECTORY in the
 * TZif format. glibc takes an unknown TZ for UTC without a word, so the name alone proves
 * nothing. */
static bool zone_known(const char *zone)
{
	if (!valid_zone_name(zone))
		return false;
	char path[4096];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", ZONEINFO_DIRECTORY, zone) >= sizeof path)
		return false;
	struct stat status;
	if (stat(path, &status) != 0 || !S_ISREG(status.st_mode))
		return false;
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return false;
	char magic[4];
	bool tzif = fread(magic, 1, sizeof magic, file) == sizeof magic &&
		    memcmp(magic, "TZif", sizeof magic) == 0;
	fclose(file);
	return tzif;
}

/* A government's key names its file, its UIDs (KEY-…@huiwu) and URNs: plain ASCII. */
static bool valid_government_key(const char *key)
{
	size_t length = strlen(key);
	if (length == 0 || length > MAX_KEY_LENGTH)
		return false;
	for (const char *c = key; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
			return false;
	return true;
}

/* Whole-file checks once every line is read: required keys, consistency. */

/* Every step says what it is and has a label, since every label and deadline the clerk sees
 * comes from the file; an issue ends the steps, and only the first step precedes it. */
static void check_step_actions(parse_state *state, const hw_type_rules *type)
{
	if (type->document_step_count == 0) {
		if (type->clauses[HW_KEY_DOCUMENT_STEP_ACTIONS] != NULL)
			fail_at(state, type->lines[HW_KEY_DOCUMENT_STEP_ACTIONS], "%s",
				_("document_step_actions without document_steps"));
		return;
	}
	int line = type->lines[HW_KEY_DOCUMENT_STEPS];
	if (type->document_step_label_count == 0)
		fail_at(state, line, "%s", _("document_steps needs document_step_labels"));
	if (type->document_step_action_count == 0) {
		fail_at(state, line, "%s",
			_("document_steps needs document_step_actions (handover, submit or issue for "
			  "each step)"));
		return;
	}
	line = type->lines[HW_KEY_DOCUMENT_STEP_ACTIONS];
	if (type->document_step_action_count != type->document_step_count) {
		fail_at(state, line, _("document_step_actions: %d steps for %d document steps"),
			type->document_step_action_count, type->document_step_count);
		return;
	}
	for (int i = 0; i < type->document_step_action_count; i++) {
		bool last = i == type->document_step_action_count - 1;
		bool issue = type->document_step_actions[i] == HW_STEP_ISSUE;
		if ((!last && issue) || (i > 0 && !issue))
			fail_at(state, line, "%s",
				_("document_step_actions: a hand-over or submission comes first and an "
				  "issue last, e.g. 'handover, issue'"));
	}
}

static void check_complete(parse_state *state, int last_line)
{
	hw_rules *rules = state->rules;
	if (!state->seen_government)
		fail_at(state, last_line, _("missing section [%s]"), "government");
	for (int field = 0; field < HW_GOV_FIELD_COUNT; field++)
		if (government_required[field] && rules->government[field] == NULL)
			fail_at(state, last_line, _("[government] lacks the required key '%s'"),
				government_keys[field]);
	char stem[256];
	file_stem(state->path, stem, sizeof stem);
	if (rules->government[HW_GOV_KEY] && !valid_government_key(rules->government[HW_GOV_KEY]))
		fail_at(state, state->government_lines[HW_GOV_KEY],
			_("key: '%s' is not a key: 1 to %d of a-z, 0-9, '_' and '-'"),
			rules->government[HW_GOV_KEY], MAX_KEY_LENGTH);
	if (rules->government[HW_GOV_KEY] && strcmp(rules->government[HW_GOV_KEY], stem) != 0)
		fail_at(state, state->government_lines[HW_GOV_KEY],
			_("key: '%s' must be the file's name without .ini ('%s')"),
			rules->government[HW_GOV_KEY], stem);
	const char *level = rules->government[HW_GOV_LEVEL];
	if (level && strcmp(level, "prefecture") && strcmp(level, "city") && strcmp(level, "county"))
		fail_at(state, state->government_lines[HW_GOV_LEVEL],
			_("level: expected prefecture, city or county, not '%s'"), level);
	if (rules->government[HW_GOV_TIMEZONE] == NULL)
		rules->government[HW_GOV_TIMEZONE] = strdup("Asia/Shanghai");
	else if (!zone_known(rules->government[HW_GOV_TIMEZONE]))
		fail_at(state, state->government_lines[HW_GOV_TIMEZONE],
			_("timezone: '%s' is not a time zone of the system's tz database (%s), such "
			  "as Asia/Shanghai"),
			rules->government[HW_GOV_TIMEZONE], ZONEINFO_DIRECTORY);
	/* The trip keys quote an article: without it they would cite nothing. */
	const hw_government_field cited_fields[] = {HW_GOV_TRIP_REPORT, HW_GOV_TRIP_APPROVAL};
	for (size_t i = 0; i < sizeof cited_fields / sizeof cited_fields[0]; i++)
		if (rules->government[cited_fields[i]] && !rules->government_clauses[cited_fields[i]])
			fail_at(state, state->government_lines[cited_fields[i]],
				_("%s: the value lacks the clause it comes from (end it with '@ 第N条')"),
				government_keys[cited_fields[i]]);
	const hw_government_field date_fields[] = {HW_GOV_ADOPTED, HW_GOV_ISSUED};
	for (size_t i = 0; i < sizeof date_fields / sizeof date_fields[0]; i++) {
		hw_date date;
		const char *text = rules->government[date_fields[i]];
		if (text && !hw_date_parse(text, &date))
			fail_at(state, state->government_lines[date_fields[i]],
				_("%s: '%s' is not a date of the form YYYY-MM-DD"),
				government_keys[date_fields[i]], text);
	}

	if (!state->seen_titles)
		fail_at(state, last_line, _("missing section [%s]"), "titles");
	/* Titles name people (the demo roster's leaders): short enough for a name. */
	for (int title = 0; title < HW_TITLE_COUNT; title++)
		if (rules->titles[title] != NULL && strlen(rules->titles[title]) > MAX_TITLE_LENGTH)
			fail_at(state, state->title_lines[title],
				_("%s: a title is at most %d bytes"), title_keys[title],
				MAX_TITLE_LENGTH);
	for (int title = 0; title < HW_TITLE_COUNT; title++)
		if (title != HW_TITLE_DEPUTY_SECRETARY && rules->titles[title] == NULL)
			fail_at(state, last_line, _("[titles] lacks the required key '%s'"),
				title_keys[title]);

	for (int type = 0; type < HW_MEETING_TYPE_COUNT; type++) {
		hw_type_rules *rules_of_type = &rules->types[type];
		const char *section = meeting_type_keys[type];
		if (!state->seen_type[type]) {
			fail_at(state, last_line,
				_("missing section [%s] (a type the rules do not define says "
				  "'defined = no @ 第N条')"),
				section);
			continue;
		}
		if (rules_of_type->clauses[HW_KEY_DEFINED] == NULL) {
			fail_at(state, rules_of_type->section_line,
				_("[%s] lacks the required key 'defined'"), section);
			continue;
		}
		for (int key = 0; key < HW_TYPE_KEY_COUNT; key++) {
			bool present = rules_of_type->clauses[key] != NULL;
			if (!rules_of_type->defined && present && key != HW_KEY_DEFINED)
				fail_at(state, rules_of_type->lines[key],
					_("%s: [%s] says 'defined = no', so it takes no other key"),
					type_keys[key].name, section);
			if (rules_of_type->defined && !present && (type_keys[key].required_in & TYPE_BIT(type)))
				fail_at(state, rules_of_type->section_line,
					_("[%s] lacks the required key '%s'"), section, type_keys[key].name);
		}
		if (rules_of_type->document_step_label_count != 0 &&
		    rules_of_type->document_step_label_count != rules_of_type->document_step_count)
			fail_at(state, rules_of_type->lines[HW_KEY_DOCUMENT_STEP_LABELS],
				_("document_step_labels: %d labels for %d document steps"),
				rules_of_type->document_step_label_count,
				rules_of_type->document_step_count);
		check_step_actions(state, rules_of_type);
	}
}

hw_rules *hw_rules_load_file(const char *path, hw_error *error)
{
	/* Debian's inih takes its options at run time: lines up to 8 KiB (the file's lines are
	 * checked to be shorter), no inline comments (a ';' belongs to the value), no
	 * continuation lines. */
	ini_use_stack = false;
	ini_allow_realloc = true;
	ini_max_line = 8192;
	ini_allow_inline_comments = false;
	ini_allow_multiline = false;

	parse_state state = {.error = error, .path = path, .at_line_start = true};
	char *bytes = NULL;
	size_t size = 0;
	/* Read once: what is parsed is what is hashed, and a device or a FIFO is refused before
	 * anything waits on it. */
	if (hw_text_file_read(path, MAX_RULE_FILE_SIZE, MAX_RULE_LINE, &bytes, &size, error) != 0)
		return NULL;
	state.text = bytes;
	state.size = size;
	state.rules = calloc(1, sizeof(hw_rules));
	if (state.rules == NULL) {
		free(bytes);
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	for (int type = 0; type < HW_MEETING_TYPE_COUNT; type++) {
		state.rules->types[type].staff_limit = -1;
		state.rules->types[type].quota_per_year = -1;
		state.rules->types[type].notice_workdays = -1;
		state.rules->types[type].duration_minutes = -1;
	}
	int syntax_error_line = ini_parse_stream(counting_reader, &state, handle_entry, &state);
	if (syntax_error_line > 0)
		fail_at(&state, syntax_error_line, "%s",
			_("not an ini line: expected '[section]', 'key = value' or a comment"));
	else if (syntax_error_line < 0)
		fail_at(&state, 0, "%s", _("out of memory"));
	if (!state.failed)
		check_complete(&state, state.line);
	if (!state.failed && (state.rules->path = strdup(path)) == NULL)
		fail_at(&state, 0, "%s", _("out of memory"));
	if (state.failed) {
		free(bytes);
		hw_rules_free(state.rules);
		return NULL;
	}
	hw_sha256_hex(bytes, size, state.rules->file_hash);
	free(bytes);
	return state.rules;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void hw_rules_free_keys(char **keys)
{
	if (keys == NULL)
		return;
	for (char **key = keys; *key; key++)
		free(*key);
	free(keys);
}

char **hw_rules_list_keys(const char *directory, hw_error *error)
{
	DIR *dir = opendir(directory);
	if (dir == NULL) {
		hw_error_set(error, _("cannot read the rules folder %s: %s"), directory, strerror(errno));
		return NULL;
	}
	size_t count = 0, capacity = 8;
	char **keys = malloc(capacity * sizeof *keys);
	struct dirent *entry;
	while (keys != NULL && (entry = readdir(dir)) != NULL) {
		size_t length = strlen(entry->d_name);
		if (entry->d_name[0] == '.' || length <= 4 || strcmp(entry->d_name + length - 4, ".ini"))
			continue;
		if (count + 1 >= capacity) {
			char **grown = realloc(keys, (capacity *= 2) * sizeof *keys);
			if (grown == NULL) {
				keys[count] = NULL;
				hw_rules_free_keys(keys);
				keys = NULL;
				break;
			}
			keys = grown;
		}
		keys[count++] = strndup(entry->d_name, length - 4);
	}
	closedir(dir);
	if (keys == NULL) {
		hw_error_set(error, "%s", _("out of memory"));
		return NULL;
	}
	keys[count] = NULL;
	hw_sort(keys, count, sizeof *keys, compare_strings);
	return keys;
}

hw_rules *hw_rules_load(const char *directory, const char *key, hw_error *error)
{
	bool plain = *key != '\0';
	for (const char *c = key; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
			plain = false;
	char **keys = hw_rules_list_keys(directory, error);
	if (keys == NULL)
		return NULL;
	bool known = false;
	char list[1024] = "";
	size_t used = 0;
	for (char **k = keys; *k; k++) {
		known |= plain && strcmp(*k, key) == 0;
		used += (size_t)snprintf(list + used, used < sizeof list ? sizeof list - used : 0, "%s%s",
					 k == keys ? "" : ", ", *k);
		if (used >= sizeof list)
			used = sizeof list;
	}
	hw_rules_free_keys(keys);
	if (!known) {
		hw_error_set(error, _("no rule set '%s' (known: %s)"), key, list);
		return NULL;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.ini", directory, key);
	return hw_rules_load_file(path, error);
}
