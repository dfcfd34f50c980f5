/* Rule values as text. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "rules_text.h"

static const char *const key_labels[HW_TYPE_KEY_COUNT] = {
	[HW_KEY_DEFINED] = N_("defined"),
	[HW_KEY_NAME] = N_("name"),
	[HW_KEY_MEMBERS] = N_("members"),
	[HW_KEY_SITTERS_IN] = N_("always sit in"),
	[HW_KEY_MAY_SIT_IN] = N_("may be invited to sit in"),
	[HW_KEY_CHAIR] = N_("chair"),
	[HW_KEY_CHAIR_BY_DELEGATION] = N_("chair by the head's delegation"),
	[HW_KEY_FREQUENCY] = N_("frequency"),
	[HW_KEY_ADHOC] = N_("ad hoc meetings allowed"),
	[HW_KEY_TOPIC_PROPOSERS] = N_("topics proposed by"),
	[HW_KEY_TOPIC_REVIEWER] = N_("topics reviewed by"),
	[HW_KEY_TOPIC_REVIEW_FIRST] = N_("reviewed before the approval"),
	[HW_KEY_TOPIC_APPROVER] = N_("topics approved by"),
	[HW_KEY_TOPIC_STUDY_REQUIRED] = N_("topics studied in advance"),
	[HW_KEY_TOPIC_LEADER_MUST_ATTEND] = N_("topics wait for their absent leader"),
	[HW_KEY_TOPIC_AGREEMENT_REQUIRED] = N_("must be agreed before submission"),
	[HW_KEY_LEAVE_APPROVER] = N_("leave approved by"),
	[HW_KEY_LEAVE_APPROVER_FOR_LEADERS] = N_("government leaders' leave approved by"),
	[HW_KEY_LEAVE_WRITTEN] = N_("leave must be written"),
	[HW_KEY_LEAVE_SUBSTITUTE] = N_("a deputy may attend instead"),
	[HW_KEY_STAFF_LIMIT] = N_("staff the main reporting unit may bring"),
	[HW_KEY_MINUTES_DRAFTER] = N_("minutes drafted by"),
	[HW_KEY_MINUTES_SIGNER] = N_("minutes signed by"),
	[HW_KEY_MINUTES_APPROVER] = N_("important matters approved by"),
	[HW_KEY_DOCUMENT_STEPS] = N_("documents due (working days)"),
	[HW_KEY_DOCUMENT_STEP_LABELS] = N_("document steps"),
	[HW_KEY_DOCUMENT_STEP_ACTIONS] = N_("what each document step is"),
	[HW_KEY_DECISION_CONSENT] = N_("decision-type meetings need consent of"),
	[HW_KEY_QUOTA_PER_YEAR] = N_("per department and year at most"),
	[HW_KEY_NOTICE_WORKDAYS] = N_("request in advance (working days)"),
	[HW_KEY_DEPUTY_CONSENT] = N_("deputy in charge consents first"),
	[HW_KEY_DURATION_MINUTES] = N_("usual length in minutes (the office's own)"),
	[HW_KEY_LEADERS_STAY_AWAY] = N_("government leaders generally do not attend"),
	[HW_KEY_LEADERS_OWN_DEPARTMENT_EXEMPT] = N_("except a leader who also leads the department"),
	[HW_KEY_GOVERNMENT_APPROVAL] = N_("held once the government approves"),
	[HW_KEY_LOWER_HEADS_NEED_APPROVAL] = N_("heads of lower governments invited only with approval"),
};

static const char *const matter_labels[HW_MATTER_COUNT] = {
	N_("projects"), N_("funds"), N_("staffing"), N_("rewards and penalties"),
};

const char *hw_government_level_label(const char *level)
{
	static const struct {
		const char *key, *label;
	} levels[] = {
		{"prefecture", N_("prefecture level")},
		{"city", N_("city level")},
		{"county", N_("county level")},
	};
	for (size_t i = 0; level != NULL && i < sizeof levels / sizeof *levels; i++)
		if (strcmp(level, levels[i].key) == 0)
			return _(levels[i].label);
	return level ? level : "";
}

const char *hw_meeting_type_label(hw_meeting_type type)
{
	static const char *const labels[HW_MEETING_TYPE_COUNT] = {
		N_("plenary meeting"), N_("executive meeting"), N_("office meeting"),
		N_("special-topic meeting"), N_("study session"), N_("department-wide meeting"),
	};
	return type < HW_MEETING_TYPE_COUNT ? _(labels[type]) : "";
}

const char *hw_matter_label(hw_matter matter)
{
	return matter < HW_MATTER_COUNT ? _(matter_labels[matter]) : "";
}

const char *hw_type_key_label(hw_type_key key)
{
	return key < HW_TYPE_KEY_COUNT ? _(key_labels[key]) : "";
}

/* Appends to a text that never overflows (it is cut at the buffer's end). */
static void append(char *out, size_t size, const char *format, const char *text)
{
	size_t used = strlen(out);
	if (used + 1 < size)
		snprintf(out + used, size - used, format, text);
}

void hw_matters_accepted(char *out, size_t size)
{
	out[0] = '\0';
	for (int matter = 0; matter < HW_MATTER_COUNT; matter++) {
		const char *label = hw_matter_label((hw_matter)matter);
		if (matter > 0)
			append(out, size, "%s", _(", "));
		append(out, size, "%s", strchr(label, ' ') ? hw_matter_key((hw_matter)matter) : label);
	}
}

void hw_matters_text(unsigned set, char *out, size_t size)
{
	out[0] = '\0';
	for (int matter = 0; matter < HW_MATTER_COUNT; matter++)
		if (set & (1u << matter)) {
			if (out[0] != '\0')
				/* TRANSLATORS: between matters in a list: "项目、资金". */
				append(out, size, "%s", _(", "));
			append(out, size, "%s", hw_matter_label((hw_matter)matter));
		}
}

void hw_role_set_text(const hw_rules *rules, hw_role_set set, char *out, size_t size)
{
	out[0] = '\0';
	for (int role = 0; role < HW_ROLE_COUNT; role++) {
		if (!hw_role_set_has(set, (hw_role)role))
			continue;
		const char *title = hw_rules_role_title(rules, (hw_role)role);
		if (out[0] != '\0')
			append(out, size, "%s", ", ");
		append(out, size, "%s", title ? title : hw_role_label(rules, (hw_role)role));
	}
}

static hw_role_set roles_of(const hw_type_rules *type, hw_type_key key)
{
	switch (key) {
	case HW_KEY_MEMBERS: return type->members;
	case HW_KEY_SITTERS_IN: return type->sitters_in;
	case HW_KEY_MAY_SIT_IN: return type->may_sit_in;
	case HW_KEY_CHAIR: return type->chair;
	case HW_KEY_CHAIR_BY_DELEGATION: return type->chair_by_delegation;
	case HW_KEY_TOPIC_PROPOSERS: return type->topic_proposers;
	case HW_KEY_TOPIC_REVIEWER: return type->topic_reviewer;
	case HW_KEY_TOPIC_APPROVER: return type->topic_approver;
	case HW_KEY_LEAVE_APPROVER: return type->leave_approver;
	case HW_KEY_LEAVE_APPROVER_FOR_LEADERS: return type->leave_approver_for_leaders;
	case HW_KEY_MINUTES_DRAFTER: return type->minutes_drafter;
	case HW_KEY_MINUTES_SIGNER: return type->minutes_signer;
	case HW_KEY_MINUTES_APPROVER: return type->minutes_approver;
	case HW_KEY_DECISION_CONSENT: return type->decision_consent;
	default: return 0;
	}
}

static bool bool_of(const hw_type_rules *type, hw_type_key key)
{
	switch (key) {
	case HW_KEY_DEFINED: return type->defined;
	case HW_KEY_ADHOC: return type->adhoc;
	case HW_KEY_TOPIC_STUDY_REQUIRED: return type->topic_study_required;
	case HW_KEY_TOPIC_LEADER_MUST_ATTEND: return type->topic_leader_must_attend;
	case HW_KEY_LEAVE_WRITTEN: return type->leave_written;
	case HW_KEY_LEAVE_SUBSTITUTE: return type->leave_substitute;
	case HW_KEY_DEPUTY_CONSENT: return type->deputy_consent;
	case HW_KEY_LEADERS_STAY_AWAY: return type->leaders_stay_away;
	case HW_KEY_TOPIC_REVIEW_FIRST: return type->topic_review_first;
	case HW_KEY_LEADERS_OWN_DEPARTMENT_EXEMPT: return type->leaders_own_department_exempt;
	case HW_KEY_GOVERNMENT_APPROVAL: return type->government_approval;
	case HW_KEY_LOWER_HEADS_NEED_APPROVAL: return type->lower_heads_need_approval;
	default: return false;
	}
}

static int count_of(const hw_type_rules *type, hw_type_key key)
{
	switch (key) {
	case HW_KEY_STAFF_LIMIT: return type->staff_limit;
	case HW_KEY_QUOTA_PER_YEAR: return type->quota_per_year;
	case HW_KEY_NOTICE_WORKDAYS: return type->notice_workdays;
	case HW_KEY_DURATION_MINUTES: return type->duration_minutes;
	default: return -1;
	}
}

void hw_type_value_text(const hw_rules *rules, const hw_type_rules *type, hw_type_key key,
			char *out, size_t size)
{
	out[0] = '\0';
	if (size == 0)
		return;
	switch (hw_type_key_kind(key)) {
	case HW_VALUE_BOOL:
		snprintf(out, size, "%s", bool_of(type, key) ? _("yes") : _("no"));
		return;
	case HW_VALUE_ROLES:
		hw_role_set_text(rules, roles_of(type, key), out, size);
		return;
	case HW_VALUE_FREQUENCY: {
		if (!type->has_frequency)
			return;
		char period[64];
		if (type->frequency.months == 12)
			snprintf(period, sizeof period, "%s", _("a year"));
		else if (type->frequency.months == 1)
			snprintf(period, sizeof period, "%s", _("a month"));
		else
			snprintf(period, sizeof period, _("every %d months"), type->frequency.months);
		if (type->frequency.min == type->frequency.max)
			snprintf(out, size, _("%d, %s"), type->frequency.min, period);
		else
			snprintf(out, size, _("%d to %d, %s"), type->frequency.min,
				 type->frequency.max, period);
		return;
	}
	case HW_VALUE_MATTERS:
		hw_matters_text(type->topic_agreement_required, out, size);
		return;
	case HW_VALUE_TEXT:
		snprintf(out, size, "%s", key == HW_KEY_NAME && type->name ? type->name : "");
		return;
	case HW_VALUE_COUNT: {
		int count = count_of(type, key);
		if (count >= 0)
			snprintf(out, size, "%d", count);
		return;
	}
	case HW_VALUE_COUNT_LIST:
		for (int i = 0; i < type->document_step_count; i++) {
			char number[16];
			snprintf(number, sizeof number, "%d", type->document_steps[i]);
			if (i > 0)
				append(out, size, "%s", " + ");
			append(out, size, "%s", number);
		}
		return;
	case HW_VALUE_STEP_ACTIONS: {
		static const char *const names[HW_STEP_KIND_COUNT] = {
			N_("hand over to the office"), N_("submit for signature"), N_("issue")};
		for (int i = 0; i < type->document_step_action_count; i++) {
			if (i > 0)
				append(out, size, "%s", ", ");
			append(out, size, "%s", _(names[type->document_step_actions[i]]));
		}
		return;
	}
	case HW_VALUE_TEXT_LIST:
		for (int i = 0; i < type->document_step_label_count; i++) {
			if (i > 0)
				append(out, size, "%s", ", ");
			append(out, size, "%s", type->document_step_labels[i]);
		}
		return;
	}
}
