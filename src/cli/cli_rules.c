/* huiwu govs, huiwu rules: the rule sets, readable or as JSON. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "rules_text.h"

static json_t *role_array(hw_role_set set)
{
	json_t *array = json_array();
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(set, (hw_role)role))
			json_array_append_new(array, json_string(hw_role_key((hw_role)role)));
	return array;
}

static json_t *type_value_json(const hw_type_rules *type, hw_type_key key)
{
	switch (key) {
	case HW_KEY_DEFINED: return json_boolean(type->defined);
	case HW_KEY_NAME: return cli_text(type->name);
	case HW_KEY_MEMBERS: return role_array(type->members);
	case HW_KEY_SITTERS_IN: return role_array(type->sitters_in);
	case HW_KEY_MAY_SIT_IN: return role_array(type->may_sit_in);
	case HW_KEY_CHAIR: return role_array(type->chair);
	case HW_KEY_CHAIR_BY_DELEGATION: return role_array(type->chair_by_delegation);
	case HW_KEY_FREQUENCY:
		return type->has_frequency ? json_pack("{s:i,s:i,s:i}", "min", type->frequency.min,
						       "max", type->frequency.max, "months",
						       type->frequency.months)
					   : json_null();
	case HW_KEY_ADHOC: return json_boolean(type->adhoc);
	case HW_KEY_TOPIC_PROPOSERS: return role_array(type->topic_proposers);
	case HW_KEY_TOPIC_REVIEWER: return role_array(type->topic_reviewer);
	case HW_KEY_TOPIC_APPROVER: return role_array(type->topic_approver);
	case HW_KEY_TOPIC_REVIEW_FIRST: return json_boolean(type->topic_review_first);
	case HW_KEY_TOPIC_STUDY_REQUIRED: return json_boolean(type->topic_study_required);
	case HW_KEY_TOPIC_LEADER_MUST_ATTEND: return json_boolean(type->topic_leader_must_attend);
	case HW_KEY_TOPIC_AGREEMENT_REQUIRED: {
		json_t *array = json_array();
		for (int matter = 0; matter < HW_MATTER_COUNT; matter++)
			if (type->topic_agreement_required & (1u << matter))
				json_array_append_new(array, json_string(hw_matter_key((hw_matter)matter)));
		return array;
	}
	case HW_KEY_LEAVE_APPROVER: return role_array(type->leave_approver);
	case HW_KEY_LEAVE_APPROVER_FOR_LEADERS: return role_array(type->leave_approver_for_leaders);
	case HW_KEY_LEAVE_WRITTEN: return json_boolean(type->leave_written);
	case HW_KEY_LEAVE_SUBSTITUTE: return json_boolean(type->leave_substitute);
	case HW_KEY_STAFF_LIMIT:
		return type->staff_limit >= 0 ? json_integer(type->staff_limit) : json_null();
	case HW_KEY_MINUTES_DRAFTER: return role_array(type->minutes_drafter);
	case HW_KEY_MINUTES_SIGNER: return role_array(type->minutes_signer);
	case HW_KEY_MINUTES_APPROVER: return role_array(type->minutes_approver);
	case HW_KEY_DOCUMENT_STEPS: {
		json_t *array = json_array();
		for (int i = 0; i < type->document_step_count; i++)
			json_array_append_new(array, json_integer(type->document_steps[i]));
		return array;
	}
	case HW_KEY_DOCUMENT_STEP_LABELS: {
		json_t *array = json_array();
		for (int i = 0; i < type->document_step_label_count; i++)
			json_array_append_new(array, cli_text(type->document_step_labels[i]));
		return array;
	}
	case HW_KEY_DOCUMENT_STEP_ACTIONS: {
		json_t *array = json_array();
		for (int i = 0; i < type->document_step_action_count; i++)
			json_array_append_new(
				array, json_string(hw_document_step_key(type->document_step_actions[i])));
		return array;
	}
	case HW_KEY_DECISION_CONSENT: return role_array(type->decision_consent);
	case HW_KEY_QUOTA_PER_YEAR:
		return type->quota_per_year >= 0 ? json_integer(type->quota_per_year) : json_null();
	case HW_KEY_NOTICE_WORKDAYS:
		return type->notice_workdays >= 0 ? json_integer(type->notice_workdays) : json_null();
	case HW_KEY_DEPUTY_CONSENT: return json_boolean(type->deputy_consent);
	case HW_KEY_DURATION_MINUTES:
		return type->duration_minutes >= 0 ? json_integer(type->duration_minutes) : json_null();
	case HW_KEY_LEADERS_STAY_AWAY: return json_boolean(type->leaders_stay_away);
	case HW_KEY_LEADERS_OWN_DEPARTMENT_EXEMPT:
		return json_boolean(type->leaders_own_department_exempt);
	case HW_KEY_GOVERNMENT_APPROVAL: return json_boolean(type->government_approval);
	case HW_KEY_LOWER_HEADS_NEED_APPROVAL: return json_boolean(type->lower_heads_need_approval);
	case HW_TYPE_KEY_COUNT: break;
	}
	return json_null();
}

static json_t *rules_json(const hw_rules *rules)
{
	json_t *root = json_object();
	for (int field = 0; field < HW_GOV_FIELD_COUNT; field++) {
		const char *value = rules->government[field];
		json_object_set_new(root, hw_government_field_key((hw_government_field)field),
				    cli_text(value));
	}
	json_t *titles = json_object();
	for (int title = 0; title < HW_TITLE_COUNT; title++)
		if (rules->titles[title] != NULL)
			json_object_set_new(titles, hw_title_key((hw_title)title),
					    cli_text(rules->titles[title]));
	json_object_set_new(root, "titles", titles);
	json_t *types = json_object();
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++) {
		const hw_type_rules *type = &rules->types[t];
		json_t *object = json_object();
		json_t *clauses = json_object();
		for (int key = 0; key < HW_TYPE_KEY_COUNT; key++) {
			json_object_set_new(object, hw_type_key_name((hw_type_key)key),
					    type_value_json(type, (hw_type_key)key));
			if (type->clauses[key] != NULL)
				json_object_set_new(clauses, hw_type_key_name((hw_type_key)key),
						    cli_text(type->clauses[key]));
		}
		json_t *shown_only = json_array();
		for (int key = 0; key < HW_TYPE_KEY_COUNT; key++)
			if (hw_type_key_shown_only((hw_type_key)key) && type->clauses[key] != NULL)
				json_array_append_new(shown_only,
						      json_string(hw_type_key_name((hw_type_key)key)));
		json_object_set_new(object, "shown_only", shown_only);
		json_object_set_new(object, "clause", cli_text(hw_type_clause(type)));
		json_object_set_new(object, "clauses", clauses);
		json_object_set_new(types, hw_meeting_type_key((hw_meeting_type)t), object);
	}
	json_object_set_new(root, "types", types);
	return root;
}

static void print_rules(const hw_rules *rules)
{
	const char *const *g = (const char *const *)rules->government;
	printf("%s (%s)\n", g[HW_GOV_NAME], g[HW_GOV_KEY]);
	printf("  %s: %s%s%s\n", _("document"), g[HW_GOV_TITLE] ? g[HW_GOV_TITLE] : "",
	       g[HW_GOV_TITLE] ? " " : "", g[HW_GOV_DOCUMENT]);
	printf("  %s: %s   %s: %s", _("level"), hw_government_level_label(g[HW_GOV_LEVEL]),
	       _("time zone"), g[HW_GOV_TIMEZONE]);
	if (g[HW_GOV_SEAT])
		printf("   %s: %s 〔%s〕", _("seat"), g[HW_GOV_SEAT],
		       rules->government_clauses[HW_GOV_SEAT] ? rules->government_clauses[HW_GOV_SEAT]
							      : g[HW_GOV_DOCUMENT]);
	if (g[HW_GOV_TRIP_REPORT])
		printf("\n  %s: %s%s%s 〔%s〕", _("trips out of the region reported to"),
		       g[HW_GOV_TRIP_REPORT], g[HW_GOV_TRIP_APPROVAL] ? _(", approved by ") : "",
		       g[HW_GOV_TRIP_APPROVAL] ? g[HW_GOV_TRIP_APPROVAL] : "",
		       rules->government_clauses[HW_GOV_TRIP_REPORT]);
	printf("\n  %s:", _("titles"));
	/* Each title by the role it names, in words (the keys are in --json). */
	for (int role = 0; role < HW_ROLE_COUNT; role++) {
		const char *title = hw_rules_role_title(rules, (hw_role)role);
		if (title)
			printf(" %s=%s", hw_role_label(rules, (hw_role)role), title);
	}
	printf("\n");
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++) {
		const hw_type_rules *type = &rules->types[t];
		const char *type_key = hw_meeting_type_key((hw_meeting_type)t);
		if (!type->defined) {
			printf("\n[%s] %s  〔%s〕\n", type_key, _("not defined by these rules"),
			       hw_type_clause(type));
			continue;
		}
		printf("\n[%s] %s  〔%s〕\n", type_key, type->name, hw_type_clause(type));
		for (int key = HW_KEY_MEMBERS; key < HW_TYPE_KEY_COUNT; key++) {
			if (type->clauses[key] == NULL)
				continue;
			char value[2048];
			hw_type_value_text(rules, type, (hw_type_key)key, value, sizeof value);
			printf("  %s: %s  〔%s〕%s\n", hw_type_key_label((hw_type_key)key), value,
			       type->clauses[key],
			       hw_type_key_shown_only((hw_type_key)key) ? _("  (shown only: not checked)")
									: "");
		}
	}
}

int cli_rules(cli_context *context, int argc, char **argv)
{
	bool json = false;
	const char *file = NULL, *positional[1] = {NULL};
	const cli_option options[] = {
		{"json", NULL, &json}, {"file", &file, NULL}, {NULL, NULL, NULL}};
	int usage = cli_parse("rules", argc, argv, options, positional, 0, 1);
	if (usage != CLI_OK)
		return usage;
	if (file != NULL && positional[0] != NULL)
		return cli_usage_error("rules", "%s",
				       _("name one rule set: huiwu rules [KEY], or huiwu rules --file PATH"));
	hw_error error = {0};
	hw_rules *rules;
	if (file != NULL)
		rules = hw_rules_load_file(file, &error);
	else if (positional[0] != NULL)
		rules = cli_load_rules(positional[0], &error);
	else
		rules = cli_load_database_rules(context, &error); /* the database's own government */
	if (rules == NULL)
		return cli_fail(&error);
	if (json)
		cli_print_json(rules_json(rules));
	else
		print_rules(rules);
	hw_rules_free(rules);
	return CLI_OK;
}

int cli_govs(cli_context *context, int argc, char **argv)
{
	(void)context;
	bool json = false;
	const cli_option options[] = {{"json", NULL, &json}, {NULL, NULL, NULL}};
	int usage = cli_parse("govs", argc, argv, options, NULL, 0, 0);
	if (usage != CLI_OK)
		return usage;
	char directory[4096];
	hw_rules_dir(directory, sizeof directory);
	hw_error error = {0};
	char **keys = hw_rules_list_keys(directory, &error);
	if (keys == NULL)
		return cli_fail(&error);
	int status = CLI_OK;
	json_t *list = json_array();
	for (char **key = keys; *key; key++) {
		hw_rules *rules = hw_rules_load(directory, *key, &error);
		if (rules == NULL) {
			status = cli_fail(&error);
			continue;
		}
		char *const *g = rules->government;
		if (json)
			json_array_append_new(list, json_pack("{s:o,s:o,s:o,s:o}", "key",
							      cli_text(g[HW_GOV_KEY]), "name",
							      cli_text(g[HW_GOV_NAME]), "document",
							      cli_text(g[HW_GOV_DOCUMENT]), "level",
							      cli_text(g[HW_GOV_LEVEL])));
		else
			printf("%-10s %s  %s\n", g[HW_GOV_KEY], g[HW_GOV_NAME], g[HW_GOV_DOCUMENT]);
		hw_rules_free(rules);
	}
	hw_rules_free_keys(keys);
	if (json)
		cli_print_json(list);
	else
		json_decref(list);
	return status;
}
