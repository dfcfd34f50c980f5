/* The role vocabulary that rule files use for members, chairs, approvers and signers. The
 * vocabulary is the same for every government; what each role is called there comes from the
 * rule set's [titles]. */
#ifndef HW_ROLES_H
#define HW_ROLES_H

#include <stdbool.h>
#include <stdint.h>

typedef enum hw_role {
	HW_ROLE_HEAD,                /* 州长 / 市长 / 县长 */
	HW_ROLE_EXECUTIVE_DEPUTY,    /* 负责常务工作的副职 */
	HW_ROLE_DEPUTY,              /* 副州长 / 副市长 / 副县长 */
	HW_ROLE_SECRETARY,           /* 秘书长 or 政府办公室主任 */
	HW_ROLE_DEPUTY_SECRETARY,    /* 副秘书长 */
	HW_ROLE_PARTY_GROUP,         /* 政府党组成员 */
	HW_ROLE_DEPARTMENT_HEAD,     /* a department's 局长 / 主任 */
	HW_ROLE_DEPARTMENT_DEPUTY,   /* a department's 副职 */
	HW_ROLE_STAFF,               /* a department's staff member (工作人员) */
	HW_ROLE_MEMBER_DEPARTMENT,   /* heads of the departments designated as the meeting's members */
	HW_ROLE_OFFICE,              /* 办公厅 / 办公室 */
	HW_ROLE_JUSTICE_BUREAU,      /* 司法局 */
	HW_ROLE_RELEVANT_DEPARTMENT, /* 有关部门、单位负责人 */
	HW_ROLE_LEGAL_ADVISER,       /* 法律顾问 */
	HW_ROLE_CONGRESS_DEPUTY,     /* 人大代表 */
	HW_ROLE_CPPCC_MEMBER,        /* 政协委员 */
	HW_ROLE_PRESS,               /* 新闻媒体 */
	HW_ROLE_TOWNSHIP_HEAD,       /* 乡镇（街道）负责人 */
	HW_ROLE_LOCAL_LEADERS,       /* 党委、人大、政协、法院、检察院负责同志 */
	HW_ROLE_EXPERT,              /* 专家学者 */
	HW_ROLE_CHAIR,               /* the meeting's chair, whoever that is */
	HW_ROLE_DEPUTY_IN_CHARGE,    /* the deputy in charge of the topic's field */
	HW_ROLE_DEPARTMENT,          /* a department, as the proposer of a topic */
	HW_ROLE_LOWER_GOVERNMENT,    /* a township or county government, as proposer */
	HW_ROLE_COUNT
} hw_role;

/* A set of roles, one bit per role. */
typedef uint32_t hw_role_set;
#define HW_ROLE_BIT(role) ((hw_role_set)1u << (role))

/* The key used in rule files, the CLI and JSON, e.g. "executive_deputy". */
const char *hw_role_key(hw_role role);
/* A short description in the user's language. */
const char *hw_role_description(hw_role role);
/* Returns false if `key` is not in the vocabulary. */
bool hw_role_from_key(const char *key, hw_role *out);
/* The role's Chinese name in the government's own words: the title its rule set gives the role
 * (县长, 常务副州长, 政府办公室主任), else huiwu's name for it (局长/主任, 副局长/副主任,
 * 工作人员 …; "/" separates equal names). `rules` may be NULL (huiwu's names only). */
struct hw_rules;
const char *hw_role_label(const struct hw_rules *rules, hw_role role);
/* The role a Chinese name means for this government: its hw_role_label or one of the names
 * the label separates with "/". A title of another government (州长 in a county) is unknown.
 * Returns false if no role has that name. */
bool hw_role_from_label(const struct hw_rules *rules, const char *label, hw_role *out);
/* A role given by its key ("deputy") or its Chinese name (hw_role_from_label). */
bool hw_role_parse(const struct hw_rules *rules, const char *text, hw_role *out);
bool hw_role_set_has(hw_role_set set, hw_role role);
/* Roles a person can hold (the others are functions: the chair, a department, …). */
bool hw_role_is_personal(hw_role role);
/* The government's leaders: head, deputies, secretary(-general), Party-group members. */
bool hw_role_is_government_leader(hw_role role);

#endif
