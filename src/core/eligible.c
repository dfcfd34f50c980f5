/* Who may act: every person of the roster put to the same test the action itself applies. */
#include <stdlib.h>

#include "eligible.h"
#include "i18n.h"
#include "leave.h"
#include "minutes.h"
#include "topics.h"

/* Nobody qualifies: says whom the rules name, and where. */
static int nobody(hw_session *session, const char *what, hw_meeting_type type, hw_role_set roles,
		  hw_type_key key, hw_error *error)
{
	char names[256];
	const hw_type_rules *rules = &session->rules->types[type];
	hw_describe_roles(session->rules, roles, names, sizeof names);
	return hw_error_set(error, _("nobody on the roster may %s for %s: the rules name %s 〔%s〕"),
			    what, rules->name ? rules->name : hw_meeting_type_key(type), names,
			    hw_type_key_clause(rules, key));
}

typedef struct people {
	hw_person *items;
	int count;
	bool failed;
} people;

static void collect(const hw_person *person, void *user)
{
	people *list = user;
	hw_person *grown = realloc(list->items, (size_t)(list->count + 1) * sizeof *grown);
	if (grown == NULL) {
		list->failed = true;
		return;
	}
	list->items = grown;
	list->items[list->count++] = *person;
}

/* The roster in memory: the visits below read departments, which a running person list
 * (one statement) must not be interleaved with. */
static int load_people(hw_session *session, people *list, hw_error *error)
{
	*list = (people){0};
	if (hw_person_list(session, collect, list, error) != 0 || list->failed) {
		free(list->items);
		return list->failed ? hw_error_set(error, "%s", _("out of memory")) : -1;
	}
	return 0;
}

int hw_chair_candidates(hw_session *session, hw_meeting_type type, hw_eligible_visit visit,
			void *user, hw_error *error)
{
	people list;
	if (load_people(session, &list, error) != 0)
		return -1;
	const hw_type_rules *rules = &session->rules->types[type];
	for (int i = 0; i < list.count; i++) {
		hw_department department = {0};
		if (list.items[i].department_id &&
		    hw_department_get(session, list.items[i].department_id, &department, error) != 0) {
			free(list.items);
			return -1;
		}
		int how = hw_chair_allowed(rules, &list.items[i], &department);
		if (how != 0)
			visit(&list.items[i], how, user);
	}
	free(list.items);
	return 0;
}

int hw_leave_deciders(hw_session *session, int64_t leave_id, hw_eligible_visit visit, void *user,
		      hw_error *error)
{
	hw_leave leave;
	hw_meeting meeting;
	people list;
	if (hw_leave_get(session, leave_id, &leave, error) != 0 ||
	    hw_meeting_get(session, leave.meeting_id, &meeting, error) != 0 ||
	    load_people(session, &list, error) != 0)
		return -1;
	int found = 0;
	for (int i = 0; i < list.count; i++)
		if (hw_leave_may_decide(&list.items[i], leave.approvers, &meeting)) {
			visit(&list.items[i], 1, user);
			found++;
		}
	free(list.items);
	return found ? 0 : nobody(session, _("decide this leave request"), meeting.type,
				  leave.approvers, HW_KEY_LEAVE_APPROVER, error);
}

int hw_topic_approvers(hw_session *session, int64_t topic_id, hw_eligible_visit visit, void *user,
		       hw_error *error)
{
	hw_topic topic;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	people list;
	if (hw_topic_get(session, topic_id, &topic, error) != 0 ||
	    (topic.meeting_id && hw_meeting_get(session, topic.meeting_id, &meeting, error) != 0) ||
	    load_people(session, &list, error) != 0)
		return -1;
	int found = 0;
	for (int i = 0; i < list.count; i++)
		if (hw_topic_may_approve(session->rules, &topic, &meeting, &list.items[i])) {
			visit(&list.items[i], 1, user);
			found++;
		}
	free(list.items);
	return found ? 0 : nobody(session, _("approve topics"), meeting.type,
				  hw_topic_approver_roles(session->rules, meeting.type),
				  HW_KEY_TOPIC_APPROVER, error);
}

int hw_minutes_signers(hw_session *session, int64_t meeting_id, hw_eligible_visit visit,
		       void *user, hw_error *error)
{
	hw_meeting meeting;
	people list;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    load_people(session, &list, error) != 0)
		return -1;
	hw_role_set signers = hw_minutes_signer_roles(session->rules, meeting.type);
	int found = 0;
	for (int i = 0; i < list.count; i++)
		if (hw_minutes_may_sign(&list.items[i], signers, &meeting)) {
			visit(&list.items[i], 1, user);
			found++;
		}
	free(list.items);
	return found ? 0 : nobody(session, _("sign the minutes"), meeting.type, signers,
				  HW_KEY_MINUTES_SIGNER, error);
}
