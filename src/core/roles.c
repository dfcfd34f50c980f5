#include "roles.h"

#include <string.h>

#include "i18n.h"
#include "rules.h"

static const struct {
	const char *key;
	const char *description;
} roles[HW_ROLE_COUNT] = {
	[HW_ROLE_HEAD] = {"head", N_("head of government")},
	[HW_ROLE_EXECUTIVE_DEPUTY] = {"executive_deputy", N_("executive deputy head")},
	[HW_ROLE_DEPUTY] = {"deputy", N_("deputy head")},
	[HW_ROLE_SECRETARY] = {"secretary", N_("secretary-general or office director")},
	[HW_ROLE_DEPUTY_SECRETARY] = {"deputy_secretary", N_("deputy secretary-general")},
	[HW_ROLE_PARTY_GROUP] = {"party_group", N_("member of the government's Party group")},
	[HW_ROLE_DEPARTMENT_HEAD] = {"department_head", N_("head of a department")},
	[HW_ROLE_DEPARTMENT_DEPUTY] = {"department_deputy", N_("deputy head of a department")},
	[HW_ROLE_STAFF] = {"staff", N_("a department's staff member")},
	[HW_ROLE_MEMBER_DEPARTMENT] = {"member_department",
				       N_("heads of the departments that are members of the meeting")},
	[HW_ROLE_OFFICE] = {"office", N_("the government's office")},
	[HW_ROLE_JUSTICE_BUREAU] = {"justice_bureau", N_("the justice bureau")},
	[HW_ROLE_RELEVANT_DEPARTMENT] = {"relevant_department",
					 N_("heads of the departments and units concerned")},
	[HW_ROLE_LEGAL_ADVISER] = {"legal_adviser", N_("the government's legal adviser")},
	[HW_ROLE_CONGRESS_DEPUTY] = {"congress_deputy", N_("people's congress deputies")},
	[HW_ROLE_CPPCC_MEMBER] = {"cppcc_member", N_("CPPCC members")},
	[HW_ROLE_PRESS] = {"press", N_("the press")},
	[HW_ROLE_TOWNSHIP_HEAD] = {"township_head", N_("heads of townships and sub-districts")},
	[HW_ROLE_LOCAL_LEADERS] = {"local_leaders",
				   N_("leaders of the Party committee, congress, CPPCC, court and "
				      "procuratorate")},
	[HW_ROLE_EXPERT] = {"expert", N_("invited experts")},
	[HW_ROLE_CHAIR] = {"chair", N_("the meeting's chair")},
	[HW_ROLE_DEPUTY_IN_CHARGE] = {"deputy_in_charge", N_("the deputy in charge of the field")},
	[HW_ROLE_DEPARTMENT] = {"department", N_("a department")},
	[HW_ROLE_LOWER_GOVERNMENT] = {"lower_government", N_("a lower-level government")},
};

const char *hw_role_key(hw_role role)
{
	return role < HW_ROLE_COUNT ? roles[role].key : "?";
}

const char *hw_role_description(hw_role role)
{
	return role < HW_ROLE_COUNT ? _(roles[role].description) : "?";
}

bool hw_role_from_key(const char *key, hw_role *out)
{
	for (int role = 0; role < HW_ROLE_COUNT; role++) {
		if (strcmp(roles[role].key, key) == 0) {
			*out = (hw_role)role;
			return true;
		}
	}
	return false;
}

/* The Chinese names of the roles, as a clerk says them: the one table of them. Where the rule
 * set titles a role (县长, 常务副州长, 政府办公室主任 …), that title replaces the word here
 * (hw_role_label). A "/" separates names that are all accepted (局长/主任). */
static const char *const role_labels[HW_ROLE_COUNT] = {
	[HW_ROLE_HEAD] = "政府正职",
	[HW_ROLE_EXECUTIVE_DEPUTY] = "常务副职",
	[HW_ROLE_DEPUTY] = "政府副职",
	[HW_ROLE_SECRETARY] = "秘书长/办公室主任",
	[HW_ROLE_DEPUTY_SECRETARY] = "副秘书长",
	[HW_ROLE_PARTY_GROUP] = "党组成员",
	[HW_ROLE_DEPARTMENT_HEAD] = "局长/主任",
	[HW_ROLE_DEPARTMENT_DEPUTY] = "副局长/副主任",
	[HW_ROLE_STAFF] = "工作人员",
	[HW_ROLE_MEMBER_DEPARTMENT] = "组成部门负责人",
	[HW_ROLE_OFFICE] = "政府办公室",
	[HW_ROLE_JUSTICE_BUREAU] = "司法局",
	[HW_ROLE_RELEVANT_DEPARTMENT] = "有关部门负责人",
	[HW_ROLE_LEGAL_ADVISER] = "法律顾问",
	[HW_ROLE_CONGRESS_DEPUTY] = "人大代表",
	[HW_ROLE_CPPCC_MEMBER] = "政协委员",
	[HW_ROLE_PRESS] = "新闻媒体",
	[HW_ROLE_TOWNSHIP_HEAD] = "乡镇（街道）负责人",
	[HW_ROLE_LOCAL_LEADERS] = "党委、人大、政协、法院、检察院负责同志",
	[HW_ROLE_EXPERT] = "专家学者",
	[HW_ROLE_CHAIR] = "会议主持人",
	[HW_ROLE_DEPUTY_IN_CHARGE] = "分管领导",
	[HW_ROLE_DEPARTMENT] = "部门",
	[HW_ROLE_LOWER_GOVERNMENT] = "下级政府",
};

const char *hw_role_label(const hw_rules *rules, hw_role role)
{
	if (role >= HW_ROLE_COUNT)
		return "?";
	/* The office's title in a rule file is the office's own name, not a person's. */
	const char *title = rules != NULL && role != HW_ROLE_OFFICE ? hw_rules_role_title(rules, role)
								     : NULL;
	return title != NULL && title[0] != '\0' ? title : role_labels[role];
}

/* Whether `label` is `names` or one of its "/"-separated parts. */
static bool label_matches(const char *names, const char *label)
{
	size_t length = strlen(label);
	if (length == 0)
		return false;
	for (const char *part = names; part != NULL;) {
		const char *slash = strchr(part, '/');
		size_t part_length = slash ? (size_t)(slash - part) : strlen(part);
		if (part_length == length && strncmp(part, label, length) == 0)
			return true;
		part = slash ? slash + 1 : NULL;
	}
	return strcmp(names, label) == 0;
}

bool hw_role_from_label(const hw_rules *rules, const char *label, hw_role *out)
{
	if (label == NULL)
		return false;
	for (int role = 0; role < HW_ROLE_COUNT; role++) {
		if (label_matches(hw_role_label(rules, (hw_role)role), label)) {
			*out = (hw_role)role;
			return true;
		}
	}
	return false;
}

bool hw_role_parse(const hw_rules *rules, const char *text, hw_role *out)
{
	return text != NULL && (hw_role_from_key(text, out) || hw_role_from_label(rules, text, out));
}

bool hw_role_set_has(hw_role_set set, hw_role role)
{
	return (set & HW_ROLE_BIT(role)) != 0;
}

bool hw_role_is_personal(hw_role role)
{
	switch (role) {
	case HW_ROLE_MEMBER_DEPARTMENT:
	case HW_ROLE_JUSTICE_BUREAU:
	case HW_ROLE_RELEVANT_DEPARTMENT:
	case HW_ROLE_CHAIR:
	case HW_ROLE_DEPUTY_IN_CHARGE:
	case HW_ROLE_DEPARTMENT:
	case HW_ROLE_LOWER_GOVERNMENT:
	case HW_ROLE_COUNT:
		return false;
	default:
		return true;
	}
}

bool hw_role_is_government_leader(hw_role role)
{
	switch (role) {
	case HW_ROLE_HEAD:
	case HW_ROLE_EXECUTIVE_DEPUTY:
	case HW_ROLE_DEPUTY:
	case HW_ROLE_SECRETARY:
	case HW_ROLE_DEPUTY_SECRETARY:
	case HW_ROLE_PARTY_GROUP:
		return true;
	default:
		return false;
	}
}
