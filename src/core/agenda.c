#include "agenda.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "leave.h"
#include "minutes.h"
#include "topics.h"

const char *hw_waiting_kind_key(hw_waiting_kind kind)
{
	static const char *const keys[] = {"leave", "topic", "minutes"};
	return keys[kind];
}

typedef struct waiting_scan {
	hw_session *session;
	const hw_person *person; /* NULL: anyone */
	int (*visit)(const hw_waiting *, void *);
	void *user;
	hw_error *error;
} waiting_scan;

static int scan_leave(const hw_leave *leave, void *user)
{
	waiting_scan *scan = user;
	hw_meeting meeting;
	if (hw_meeting_get(scan->session, leave->meeting_id, &meeting, scan->error) != 0)
		return -1;
	if (scan->person && !hw_leave_may_decide(scan->person, leave->approvers, &meeting))
		return 0;
	hw_waiting item = {HW_WAITING_LEAVE, leave->id, leave->meeting_id, ""};
	snprintf(item.text, sizeof item.text, "%s: %s", leave->person_name, leave->reason);
	return scan->visit(&item, scan->user);
}

static int scan_topic(const hw_topic *topic, void *user)
{
	waiting_scan *scan = user;
	if (topic->approved_by || topic->state == HW_TOPIC_DECIDED)
		return 0;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	if (topic->meeting_id &&
	    hw_meeting_get(scan->session, topic->meeting_id, &meeting, scan->error) != 0)
		return -1;
	if (scan->person) {
		hw_role_set roles = hw_topic_approver_roles(scan->session->rules, meeting.type);
		bool mine = hw_role_set_has(roles, HW_ROLE_CHAIR) && topic->meeting_id &&
			    meeting.chair_id == scan->person->id;
		for (int role = 0; role < HW_ROLE_COUNT && !mine; role++)
			mine = role != HW_ROLE_CHAIR && hw_role_set_has(roles, (hw_role)role) &&
			       hw_person_fills_role(scan->person, NULL, (hw_role)role);
		if (!mine)
			return 0;
	}
	hw_waiting item = {HW_WAITING_TOPIC, topic->id, topic->meeting_id, ""};
	snprintf(item.text, sizeof item.text, "%s", topic->title);
	return scan->visit(&item, scan->user);
}

static int scan_minutes(waiting_scan *scan)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(scan->session->store),
			       "SELECT meeting_id FROM minutes WHERE state = 'drafted' ORDER BY meeting_id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(scan->session->store, _("cannot read the minutes"), scan->error);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_meeting meeting;
		status = hw_meeting_get(scan->session, sqlite3_column_int64(statement, 0), &meeting,
					scan->error);
		if (status != 0)
			break;
		hw_role_set signers = hw_minutes_signer_roles(scan->session->rules, meeting.type);
		if (scan->person && !hw_minutes_may_sign(scan->person, signers, &meeting))
			continue;
		hw_waiting item = {HW_WAITING_MINUTES, meeting.id, meeting.id, ""};
		snprintf(item.text, sizeof item.text, "%s", meeting.title);
		if ((status = scan->visit(&item, scan->user)) != 0)
			break;
	}
	if (status != 0) {
		sqlite3_finalize(statement);
		return status;
	}
	return hw_store_finish(scan->session->store, statement, last, N_("cannot read the minutes"),
			       scan->error);
}

int hw_waiting_for(hw_session *session, int64_t person_id, int (*visit)(const hw_waiting *, void *),
		   void *user, hw_error *error)
{
	hw_person person;
	if (person_id && hw_person_get(session, person_id, &person, error) != 0)
		return -1;
	waiting_scan scan = {session, person_id ? &person : NULL, visit, user, error};
	int status = hw_leave_list(session, true, 0, scan_leave, &scan, error);
	if (status == 0)
		status = hw_topic_list(session, 0, scan_topic, &scan, error);
	if (status == 0)
		status = scan_minutes(&scan);
	return status;
}
