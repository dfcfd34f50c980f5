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

int hw_chair_candidates(hw_session *session, hw_meeting_type type, hw_eligible_visit visit,
			void *user, hw_error *error)
{
	hw_roster roster;
	if (hw_roster_load(session, &roster, error) != 0)
		return -1;
	const hw_type_rules *rules = &session->rules->types[type];
	int status = 0;
	for (int i = 0; i < roster.person_count; i++) {
		const hw_person *person = &roster.people[i];
		if (person->left)
			continue;
		int how = hw_chair_allowed(rules, person,
					   hw_roster_department(&roster, person->department_id));
		if (how != 0 && (status = visit(person, how, user)) != 0)
			break;
	}
	hw_roster_free(&roster);
	return status;
}

int hw_leave_deciders(hw_session *session, int64_t leave_id, hw_eligible_visit visit, void *user,
		      hw_error *error)
{
	hw_leave leave;
	hw_meeting meeting;
	hw_roster roster;
	if (hw_leave_get(session, leave_id, &leave, error) != 0 ||
	    hw_meeting_get(session, leave.meeting_id, &meeting, error) != 0 ||
	    hw_roster_load(session, &roster, error) != 0)
		return -1;
	int found = 0, status = 0;
	for (int i = 0; i < roster.person_count; i++)
		if (!roster.people[i].left &&
		    hw_leave_may_decide(&roster.people[i], leave.approvers, &meeting)) {
			found++;
			if ((status = visit(&roster.people[i], 1, user)) != 0)
				break;
		}
	hw_roster_free(&roster);
	if (status != 0)
		return status;
	return found ? 0 : nobody(session, _("decide this leave request"), meeting.type,
				  leave.approvers, HW_KEY_LEAVE_APPROVER, error);
}

int hw_topic_approvers(hw_session *session, int64_t topic_id, hw_eligible_visit visit, void *user,
		       hw_error *error)
{
	hw_topic topic;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	hw_roster roster;
	if (hw_topic_get(session, topic_id, &topic, error) != 0 ||
	    (topic.meeting_id && hw_meeting_get(session, topic.meeting_id, &meeting, error) != 0) ||
	    hw_roster_load(session, &roster, error) != 0)
		return -1;
	int found = 0, status = 0;
	for (int i = 0; i < roster.person_count; i++)
		if (!roster.people[i].left &&
		    hw_topic_may_approve(session->rules, &topic, &meeting, &roster.people[i])) {
			found++;
			if ((status = visit(&roster.people[i], 1, user)) != 0)
				break;
		}
	hw_roster_free(&roster);
	if (status != 0)
		return status;
	return found ? 0 : nobody(session, _("approve topics"), meeting.type,
				  hw_topic_approver_roles(session->rules, meeting.type),
				  HW_KEY_TOPIC_APPROVER, error);
}

int hw_leave_substitutes(hw_session *session, int64_t meeting_id, int64_t person_id,
			 hw_eligible_visit visit, void *user, hw_error *error)
{
	hw_meeting meeting;
	hw_person person;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    hw_person_get(session, person_id, &person, error) != 0)
		return -1;
	/* The same test as hw_leave_request's. */
	if (!session->rules->types[meeting.type].leave_substitute ||
	    person.role != HW_ROLE_DEPARTMENT_HEAD || person.department_id == 0)
		return 0;
	hw_roster roster;
	if (hw_roster_load(session, &roster, error) != 0)
		return -1;
	int status = 0;
	for (int i = 0; i < roster.person_count && status == 0; i++) {
		const hw_person *candidate = &roster.people[i];
		if (!candidate->left && candidate->role == HW_ROLE_DEPARTMENT_DEPUTY &&
		    candidate->department_id == person.department_id)
			status = visit(candidate, 1, user);
	}
	hw_roster_free(&roster);
	return status;
}

int hw_minutes_signers(hw_session *session, int64_t meeting_id, hw_eligible_visit visit,
		       void *user, hw_error *error)
{
	hw_meeting meeting;
	hw_roster roster;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    hw_roster_load(session, &roster, error) != 0)
		return -1;
	hw_role_set signers = hw_minutes_signer_roles(session->rules, meeting.type);
	int found = 0, status = 0;
	for (int i = 0; i < roster.person_count; i++)
		if (!roster.people[i].left &&
		    hw_minutes_may_sign(&roster.people[i], signers, &meeting)) {
			found++;
			if ((status = visit(&roster.people[i], 1, user)) != 0)
				break;
		}
	hw_roster_free(&roster);
	if (status != 0)
		return status;
	return found ? 0 : nobody(session, _("sign the minutes"), meeting.type, signers,
				  HW_KEY_MINUTES_SIGNER, error);
}
