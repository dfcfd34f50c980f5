/* A rule set's values as readable text, in the user's language: what the `rules` command and
 * the terminal UI's rules view show beside each clause. */
#ifndef HW_RULES_TEXT_H
#define HW_RULES_TEXT_H

#include <stddef.h>

#include "rules.h"

/* What a key of a meeting-type section means ("leave approved by"). */
const char *hw_type_key_label(hw_type_key key);
/* The value of `key` for `type`: roles by the titles these rules give them, yes/no, counts. */
void hw_type_value_text(const hw_rules *rules, const hw_type_rules *type, hw_type_key key,
			char *out, size_t size);
/* The government's level (the rule file's prefecture, city or county) in the user's language
 * (县级); the key itself for a level the rules do not know. */
const char *hw_government_level_label(const char *level);
/* A meeting type in general words (常务会议), for a type these rules give no name. */
const char *hw_meeting_type_label(hw_meeting_type type);
/* A matter a topic may touch, in the user's language (资金 for funds); the key (hw_matter_key)
 * is what scripts and --json use. */
const char *hw_matter_label(hw_matter matter);
/* The matters of `set` (bit per hw_matter) by their labels, joined with "、" under zh_CN. */
void hw_matters_text(unsigned set, char *out, size_t size);
/* The names a clerk types for the matters (hw_parse_matters): each label, or its key where
 * the label is more than one word (English "rewards and penalties": rewards), joined as
 * hw_matters_text joins them: "项目、资金、人员编制、奖惩". */
void hw_matters_accepted(char *out, size_t size);
/* The roles of `set`, by the rules' titles where they give one: "县长, 常务副县长". */
void hw_role_set_text(const hw_rules *rules, hw_role_set set, char *out, size_t size);

#endif
