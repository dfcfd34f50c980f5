/* A government's meeting rules, loaded from data/rules/KEY.ini (format: huiwu-rules(5)).
 * Every value that a clause of the government's working rules sets keeps that clause. */
#ifndef HW_RULES_H
#define HW_RULES_H

#include <stdbool.h>

#include "hw_error.h"
#include "roles.h"

typedef enum hw_meeting_type {
	HW_MEETING_PLENARY,   /* 全体会议 */
	HW_MEETING_EXECUTIVE, /* 常务会议 */
	HW_MEETING_OFFICE,    /* 州长/市长/县长办公会议 */
	HW_MEETING_SPECIAL,   /* 专题会议 */
	HW_MEETING_STUDY,     /* 专题学习 */
	HW_MEETING_DEPT_WIDE, /* 全州/全市/全县性会议 held by a department */
	HW_MEETING_TYPE_COUNT
} hw_meeting_type;

/* Matters that a topic may touch and that must be agreed before it goes to a meeting. */
typedef enum hw_matter {
	HW_MATTER_PROJECTS,
	HW_MATTER_FUNDS,
	HW_MATTER_STAFFING,
	HW_MATTER_REWARDS,
	HW_MATTER_COUNT
} hw_matter;

typedef enum hw_government_field {
	HW_GOV_KEY,
	HW_GOV_NAME,
	HW_GOV_SHORT_NAME,
	HW_GOV_DOCUMENT,
	HW_GOV_TITLE,
	HW_GOV_LEVEL,
	HW_GOV_TIMEZONE,
	HW_GOV_SEAT,
	HW_GOV_ADOPTED,
	HW_GOV_ISSUED,
	/* 请销假: to whom a deputy reports a trip out of the region (the article's clause is
	 * what trips cite), and whose approval it needs besides, where the article asks one
	 * (changji 40: 报请市委批准); see src/core/trips.h. */
	HW_GOV_TRIP_REPORT,
	HW_GOV_TRIP_APPROVAL,
	HW_GOV_FIELD_COUNT
} hw_government_field;

typedef enum hw_title {
	HW_TITLE_HEAD,
	HW_TITLE_EXECUTIVE_DEPUTY,
	HW_TITLE_DEPUTY,
	HW_TITLE_SECRETARY,
	HW_TITLE_DEPUTY_SECRETARY,
	HW_TITLE_OFFICE,
	HW_TITLE_COUNT
} hw_title;

/* The keys of a meeting-type section, in the order files and listings use. */
typedef enum hw_type_key {
	HW_KEY_DEFINED,
	HW_KEY_NAME,
	HW_KEY_MEMBERS,
	HW_KEY_SITTERS_IN,
	HW_KEY_MAY_SIT_IN,
	HW_KEY_CHAIR,
	HW_KEY_CHAIR_BY_DELEGATION,
	HW_KEY_FREQUENCY,
	HW_KEY_ADHOC,
	HW_KEY_TOPIC_PROPOSERS,
	HW_KEY_TOPIC_REVIEWER,
	HW_KEY_TOPIC_REVIEW_FIRST,
	HW_KEY_TOPIC_APPROVER,
	HW_KEY_TOPIC_STUDY_REQUIRED,
	HW_KEY_TOPIC_LEADER_MUST_ATTEND,
	HW_KEY_TOPIC_AGREEMENT_REQUIRED,
	HW_KEY_LEAVE_APPROVER,
	HW_KEY_LEAVE_APPROVER_FOR_LEADERS,
	HW_KEY_LEAVE_WRITTEN,
	HW_KEY_LEAVE_SUBSTITUTE,
	HW_KEY_STAFF_LIMIT,
	HW_KEY_MINUTES_DRAFTER,
	HW_KEY_MINUTES_SIGNER,
	HW_KEY_MINUTES_APPROVER,
	HW_KEY_DOCUMENT_STEPS,
	HW_KEY_DOCUMENT_STEP_LABELS,
	HW_KEY_DOCUMENT_STEP_ACTIONS,
	HW_KEY_DECISION_CONSENT,
	HW_KEY_QUOTA_PER_YEAR,
	HW_KEY_NOTICE_WORKDAYS,
	HW_KEY_DEPUTY_CONSENT,
	HW_KEY_DURATION_MINUTES, /* the office's own: no clause (HW_OFFICE_OWN_CLAUSE) */
	HW_KEY_LEADERS_STAY_AWAY,
	HW_KEY_LEADERS_OWN_DEPARTMENT_EXEMPT,
	HW_KEY_GOVERNMENT_APPROVAL,
	HW_KEY_LOWER_HEADS_NEED_APPROVAL,
	HW_TYPE_KEY_COUNT
} hw_type_key;

/* What stands for the clause of a key no document sets: the office's own practice. */
#define HW_OFFICE_OWN_CLAUSE "本办自定（无文件规定）"

typedef enum hw_value_kind {
	HW_VALUE_BOOL,
	HW_VALUE_TEXT,
	HW_VALUE_ROLES,
	HW_VALUE_FREQUENCY,
	HW_VALUE_COUNT,       /* a whole number >= 0 */
	HW_VALUE_COUNT_LIST,  /* whole numbers >= 1, comma-separated */
	HW_VALUE_TEXT_LIST,
	HW_VALUE_MATTERS,
	HW_VALUE_STEP_ACTIONS, /* handover, submit, issue: comma-separated */
} hw_value_kind;

/* What a document step is, as the rules word it: hand the document over to the office
 * (yiwu 39), submit it for signature (报…签发, changji 22), or issue it (印发). */
typedef enum hw_document_step {
	HW_STEP_HANDOVER,
	HW_STEP_SUBMIT,
	HW_STEP_ISSUE,
	HW_STEP_KIND_COUNT
} hw_document_step;

const char *hw_document_step_key(hw_document_step step);
bool hw_document_step_from_key(const char *key, hw_document_step *out);

typedef struct hw_frequency {
	int min;
	int max;
	int months; /* the calendar period: 1 = a month, 2 = two months, 12 = a year */
} hw_frequency;

#define HW_MAX_DOCUMENT_STEPS 4

typedef struct hw_type_rules {
	bool defined;
	char *name;
	hw_role_set members;
	hw_role_set sitters_in;
	hw_role_set may_sit_in;
	hw_role_set chair;
	hw_role_set chair_by_delegation;
	bool has_frequency;
	hw_frequency frequency;
	bool adhoc;
	hw_role_set topic_proposers;
	hw_role_set topic_reviewer;
	bool topic_review_first; /* the head approves only a reviewed topic (changji 21) */
	hw_role_set topic_approver;
	bool topic_study_required;
	bool topic_leader_must_attend;
	unsigned topic_agreement_required; /* bit per hw_matter */
	hw_role_set leave_approver;
	hw_role_set leave_approver_for_leaders;
	bool leave_written;
	bool leave_substitute;
	int staff_limit; /* -1: the rules set none */
	hw_role_set minutes_drafter;
	hw_role_set minutes_signer;
	hw_role_set minutes_approver;
	int document_step_count;
	int document_steps[HW_MAX_DOCUMENT_STEPS];
	int document_step_label_count;
	char *document_step_labels[HW_MAX_DOCUMENT_STEPS];
	/* What each step is; as many as document_steps. Only the last may be an issue, and
	 * only the first something else. */
	int document_step_action_count;
	hw_document_step document_step_actions[HW_MAX_DOCUMENT_STEPS];
	hw_role_set decision_consent;
	int quota_per_year;  /* -1: none */
	int notice_workdays; /* -1: none */
	bool deputy_consent;
	/* How long a meeting of the type usually lasts, for an export's DURATION and the forms'
	 * proposed end: the office's own practice (no document sets it); -1: not given. */
	int duration_minutes;
	/* 政府领导同志一般不出席部门的工作会议, and whether one who also leads the department may
	 * attend its meeting (兼任部门负责同志的参加本部门会议除外). */
	bool leaders_stay_away;
	bool leaders_own_department_exempt;
	/* 报经批准后实施; and 未按有关规定报经批准，不得请下级政府负责人出席 (the heads of the
	 * lower governments: township_head). */
	bool government_approval;
	bool lower_heads_need_approval;
	/* The full citation ("恰政发〔2024〕6号 第四十二条") of each key the file gives; NULL if absent. */
	char *clauses[HW_TYPE_KEY_COUNT];
	int lines[HW_TYPE_KEY_COUNT];
	int section_line;
} hw_type_rules;

typedef struct hw_rules {
	char *path;
	char file_hash[65]; /* SHA-256 of the file's bytes: what a change was checked against */
	char *government[HW_GOV_FIELD_COUNT];
	char *government_clauses[HW_GOV_FIELD_COUNT];
	char *titles[HW_TITLE_COUNT];
	char *title_clauses[HW_TITLE_COUNT];
	hw_type_rules types[HW_MEETING_TYPE_COUNT];
} hw_rules;

/* Loads and checks one rule file. On a mistake the error reads "FILE:LINE: message". */
hw_rules *hw_rules_load_file(const char *path, hw_error *error);
/* Loads DIRECTORY/KEY.ini; an unknown key is an error that lists the known ones. */
hw_rules *hw_rules_load(const char *directory, const char *key, hw_error *error);
void hw_rules_free(hw_rules *rules);

/* The keys of the rule files in `directory`, sorted; NULL-terminated, free with
 * hw_rules_free_keys. */
char **hw_rules_list_keys(const char *directory, hw_error *error);
void hw_rules_free_keys(char **keys);

const char *hw_meeting_type_key(hw_meeting_type type);
bool hw_meeting_type_from_key(const char *key, hw_meeting_type *out);
const char *hw_government_field_key(hw_government_field field);
const char *hw_title_key(hw_title title);
const char *hw_type_key_name(hw_type_key key);
hw_value_kind hw_type_key_kind(hw_type_key key);
/* Keys huiwu only shows (with their clause) and checks nothing by: may_sit_in and
 * minutes_drafter;
 * man 5 huiwu-rules lists them. Every other key is enforced by a check or a refusal. */
bool hw_type_key_shown_only(hw_type_key key);
const char *hw_matter_key(hw_matter matter);

/* The clause that defines the type: the one of its name, or of `defined` for a type the
 * rules do not define. */
const char *hw_type_clause(const hw_type_rules *type);
/* The clause of one key of a type, or the clause that defines the type where the file gives
 * that key none: what a refusal or a finding cites. */
const char *hw_type_key_clause(const hw_type_rules *type, hw_type_key key);
/* The title the rule set gives a role ("副县长"), or NULL for roles without a title. */
const char *hw_rules_role_title(const hw_rules *rules, hw_role role);

#endif
