#include "topics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "minutes.h"
#include "rules_text.h"
#include "text.h"

static const char *const state_keys[HW_TOPIC_STATE_COUNT] = {
	N_("proposed"), N_("approved"), N_("scheduled"), N_("decided"), N_("deferred"),
};

const char *hw_topic_state_key(hw_topic_state state)
{
	return state < HW_TOPIC_STATE_COUNT ? state_keys[state] : "?";
}

const char *hw_topic_state_label(hw_topic_state state)
{
	return state < HW_TOPIC_STATE_COUNT ? _(state_keys[state]) : "?";
}

/* Which matter `item` names: its key (funds) or its label in the user's language (资金); -1
 * for none. */
static int find_matter(const char *item)
{
	for (int matter = 0; matter < HW_MATTER_COUNT; matter++) {
		const char *key = hw_matter_key((hw_matter)matter);
		const char *label = hw_matter_label((hw_matter)matter);
		if (strcmp(key, item) == 0 || strcmp(label, item) == 0)
			return matter;
	}
	return -1;
}

int hw_parse_matters(const char *text, unsigned *out, hw_error *error)
{
	*out = 0;
	/* Chinese lists are written 资金、人员编制 or 资金，人员编制: the same as commas. */
	char copy[256];
	size_t used = 0;
	for (const char *p = text; *p && used + 1 < sizeof copy;) {
		if (strncmp(p, "、", strlen("、")) == 0 || strncmp(p, "，", strlen("，")) == 0 ||
		    strncmp(p, "　", strlen("　")) == 0) {
			copy[used++] = ',';
			p += strlen("、"); /* the three are three bytes each in UTF-8 */
		} else {
			copy[used++] = *p++;
		}
	}
	copy[used] = '\0';
	for (char *save = NULL, *item = strtok_r(copy, ", ", &save); item;
	     item = strtok_r(NULL, ", ", &save)) {
		int matter = find_matter(item);
		if (matter < 0) {
			char known[256];
			hw_matters_accepted(known, sizeof known);
			return hw_error_set(error, _("unknown matter '%s': say %s"), item, known);
		}
		*out |= 1u << matter;
	}
	return 0;
}

hw_role_set hw_topic_approver_roles(const hw_rules *rules, hw_meeting_type type)
{
	hw_role_set roles = rules->types[type].topic_approver;
	return roles ? roles : HW_ROLE_BIT(HW_ROLE_HEAD);
}

#define TOPIC_COLUMNS                                                                          \
	"t.id, t.title, t.deputy_id, coalesce(d.name, ''), t.department_id, coalesce(g.name, ''),"  \
	" t.matters, t.matters_agreed, t.studied_on, t.state, t.approved_by, coalesce(a.name, ''),"  \
	" t.meeting_id, coalesce(t.decision, ''), t.reviewed_by, coalesce(r.name, ''),"          \
	" t.proposed_by, coalesce(p.name, '')"
#define TOPIC_FROM                                                                             \
	" FROM topic t LEFT JOIN person d ON d.id = t.deputy_id"                                  \
	" LEFT JOIN department g ON g.id = t.department_id"                                        \
	" LEFT JOIN person a ON a.id = t.approved_by"                                              \
	" LEFT JOIN person r ON r.id = t.reviewed_by"                                              \
	" LEFT JOIN person p ON p.id = t.proposed_by"

static void read_topic(sqlite3_stmt *statement, hw_topic *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	hw_column_text(statement, 1, out->title, sizeof out->title);
	out->deputy_id = sqlite3_column_int64(statement, 2);
	hw_column_text(statement, 3, out->deputy_name, sizeof out->deputy_name);
	out->department_id = sqlite3_column_int64(statement, 4);
	hw_column_text(statement, 5, out->department_name, sizeof out->department_name);
	out->matters = (unsigned)sqlite3_column_int(statement, 6);
	out->matters_agreed = sqlite3_column_int(statement, 7) != 0;
	out->has_studied_on = hw_column_date(statement, 8, &out->studied_on);
	char state[16];
	hw_column_text(statement, 9, state, sizeof state);
	for (int i = 0; i < HW_TOPIC_STATE_COUNT; i++)
		if (strcmp(state, state_keys[i]) == 0)
			out->state = (hw_topic_state)i;
	out->approved_by = sqlite3_column_int64(statement, 10);
	hw_column_text(statement, 11, out->approved_by_name, sizeof out->approved_by_name);
	out->meeting_id = sqlite3_column_int64(statement, 12);
	hw_column_text(statement, 13, out->decision, sizeof out->decision);
	out->reviewed_by = sqlite3_column_int64(statement, 14);
	hw_column_text(statement, 15, out->reviewed_by_name, sizeof out->reviewed_by_name);
	out->proposed_by = sqlite3_column_int64(statement, 16);
	hw_column_text(statement, 17, out->proposed_by_name, sizeof out->proposed_by_name);
}

int hw_topic_get(hw_session *session, int64_t id, hw_topic *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " TOPIC_COLUMNS TOPIC_FROM " WHERE t.id = ?1", -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the topics"), error);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_topic(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the topics"), error) != 0)
		return -1;
	return last == SQLITE_ROW ? 0 : hw_error_option(error, "huiwu topic list", _("no topic #%lld"), (long long)id);
}

int hw_topic_list(hw_session *session, int64_t meeting_id, int (*visit)(const hw_topic *, void *),
		  void *user, hw_error *error)
{
	static const char of_meeting[] =
		"SELECT " TOPIC_COLUMNS TOPIC_FROM " WHERE t.meeting_id = ?1 ORDER BY t.id";
	static const char of_all[] = "SELECT " TOPIC_COLUMNS TOPIC_FROM " ORDER BY t.id";
	sqlite3_stmt *statement =
		hw_store_cached(session->store, meeting_id ? of_meeting : of_all, error);
	if (statement == NULL)
		return -1;
	if (meeting_id)
		sqlite3_bind_int64(statement, 1, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_topic topic;
		read_topic(statement, &topic);
		if ((status = visit(&topic, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the topics"), error) != 0)
		return -1;
	return status;
}

int hw_topic_list_deferred(hw_session *session, int (*visit)(const hw_deferred_topic *, void *),
			   void *user, hw_error *error)
{
	/* Not the cached statement: the visitor may list topics or meetings itself. */
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT " TOPIC_COLUMNS TOPIC_FROM
			       " JOIN meeting m ON m.id = t.meeting_id WHERE t.state = 'deferred'"
			       " ORDER BY m.date, m.start, t.id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the topics"), error);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_deferred_topic deferred;
		read_topic(statement, &deferred.topic);
		if (hw_meeting_get(session, deferred.topic.meeting_id, &deferred.meeting, error) != 0) {
			status = -1;
			break;
		}
		if ((status = visit(&deferred, user)) != 0)
			break;
	}
	if (status != 0) {
		sqlite3_finalize(statement);
		return status;
	}
	return hw_store_finish(session->store, statement, last, N_("cannot read the topics"), error);
}

/* Writes every column of `topic` inside the action; *id is the topic's. */
static int save_topic(hw_session *session, const hw_topic *topic, bool adding, int64_t *id,
		      hw_error *error)
{
	const char *sql =
		adding ? "INSERT INTO topic (title, deputy_id, department_id, matters, matters_agreed,"
			 " studied_on, state, approved_by, meeting_id, decision, reviewed_by, proposed_by)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13)"
		       : "UPDATE topic SET title = ?1, deputy_id = ?2, department_id = ?3, matters = ?4,"
			 " matters_agreed = ?5, studied_on = ?6, state = ?7, approved_by = ?8,"
			 " meeting_id = ?9, decision = ?10, reviewed_by = ?12, proposed_by = ?13"
			 " WHERE id = ?11";
	sqlite3_stmt *statement = hw_store_prepare(session->store, sql);
	sqlite3_bind_text(statement, 1, topic->title, -1, SQLITE_STATIC);
	if (topic->deputy_id)
		sqlite3_bind_int64(statement, 2, topic->deputy_id);
	if (topic->department_id)
		sqlite3_bind_int64(statement, 3, topic->department_id);
	sqlite3_bind_int(statement, 4, (int)topic->matters);
	sqlite3_bind_int(statement, 5, topic->matters_agreed);
	if (topic->has_studied_on)
		hw_bind_date(statement, 6, topic->studied_on);
	sqlite3_bind_text(statement, 7, state_keys[topic->state], -1, SQLITE_STATIC);
	if (topic->approved_by)
		sqlite3_bind_int64(statement, 8, topic->approved_by);
	if (topic->meeting_id)
		sqlite3_bind_int64(statement, 9, topic->meeting_id);
	if (topic->decision[0])
		sqlite3_bind_text(statement, 10, topic->decision, -1, SQLITE_STATIC);
	if (!adding)
		sqlite3_bind_int64(statement, 11, topic->id);
	/* NULL unless reviewed, so that the rows before migration 6 keep their seals. */
	if (topic->reviewed_by)
		sqlite3_bind_int64(statement, 12, topic->reviewed_by);
	if (topic->proposed_by)
		sqlite3_bind_int64(statement, 13, topic->proposed_by);
	if (hw_store_run(session->store, statement, _("cannot save the topic"), error) != 0)
		return -1;
	*id = adding ? sqlite3_last_insert_rowid(hw_store_db(session->store)) : topic->id;
	return 0;
}

static int apply_input(hw_session *session, const hw_topic_input *input, hw_topic *topic,
		       hw_error *error)
{
	if (input->title != NULL) {
		if (*input->title == '\0' || strlen(input->title) >= sizeof topic->title)
			return hw_error_set(error, "%s", _("the title is empty or too long"));
		snprintf(topic->title, sizeof topic->title, "%s", input->title);
	}
	if (input->deputy != NULL) {
		hw_person deputy;
		if (hw_person_find(session, input->deputy, &deputy, error) != 0)
			return -1;
		if (!hw_role_is_government_leader(deputy.role))
			return hw_error_set(error,
					    _("%s is not a government leader and cannot be a topic's "
					      "deputy in charge"),
					    deputy.name);
		topic->deputy_id = deputy.id;
	}
	if (input->department != NULL) {
		hw_department department;
		if (hw_department_find(session, input->department, &department, error) != 0)
			return -1;
		topic->department_id = department.id;
	}
	if (input->matters != NULL && hw_parse_matters(input->matters, &topic->matters, error) != 0)
		return -1;
	if (input->agreed >= 0)
		topic->matters_agreed = input->agreed;
	if (input->studied_on != NULL) {
		if (!hw_date_parse(input->studied_on, &topic->studied_on))
			return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"),
					    input->studied_on);
		topic->has_studied_on = true;
	}
	return 0;
}

/* Whether a topic may go on the meeting's agenda: a planned government meeting. */
static int check_agenda(hw_session *session, int64_t meeting_id, hw_error *error)
{
	hw_meeting meeting;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0)
		return -1;
	if (meeting.status != HW_STATUS_PLANNED)
		return hw_error_set(error, _("meeting #%lld is %s: topics go on planned meetings"),
				    (long long)meeting_id, _(hw_meeting_status_key(meeting.status)));
	if (meeting.type == HW_MEETING_DEPT_WIDE)
		return hw_error_set(error, "%s", _("a department-wide meeting has no government agenda"));
	return 0;
}

/* Whether `person` fills `role` as a topic's proposer (topic_proposers). */
static bool proposer_fills(const hw_person *person, const hw_topic *topic, hw_role role)
{
	switch (role) {
	case HW_ROLE_DEPUTY_IN_CHARGE:
		/* The topic's own deputy in charge; a topic naming none takes any deputy's. */
		return (person->role == HW_ROLE_DEPUTY || person->role == HW_ROLE_EXECUTIVE_DEPUTY) &&
		       (topic->deputy_id == 0 || topic->deputy_id == person->id);
	case HW_ROLE_DEPARTMENT:
		/* A department's 书面请示 goes out under its leadership. */
		return person->role == HW_ROLE_DEPARTMENT_HEAD || person->role == HW_ROLE_DEPARTMENT_DEPUTY;
	case HW_ROLE_LOWER_GOVERNMENT:
		return person->role == HW_ROLE_TOWNSHIP_HEAD;
	case HW_ROLE_CHAIR:
		return false;
	default:
		return hw_person_fills_role(person, NULL, role);
	}
}

/* Records the proposer inside the action, refusing one the rules do not name. */
static int check_proposer(hw_session *session, const char *reference, hw_topic *topic,
			  hw_error *error)
{
	hw_person proposer;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	if (hw_person_find(session, reference, &proposer, error) != 0 ||
	    (topic->meeting_id && hw_meeting_get(session, topic->meeting_id, &meeting, error) != 0))
		return -1;
	const hw_type_rules *type = &session->rules->types[meeting.type];
	bool may = type->topic_proposers == 0; /* a text naming no proposer leaves it open */
	for (int role = 0; role < HW_ROLE_COUNT && !may; role++)
		may = hw_role_set_has(type->topic_proposers, (hw_role)role) &&
		      proposer_fills(&proposer, topic, (hw_role)role);
	if (!may) {
		char names[256];
		hw_describe_roles(session->rules, type->topic_proposers, names, sizeof names);
		return hw_error_set(error, _("%s may not propose topics for %s: the rules name %s 〔%s〕"),
				    proposer.name,
				    type->name ? type->name : hw_meeting_type_key(meeting.type), names,
				    hw_type_key_clause(type, HW_KEY_TOPIC_PROPOSERS));
	}
	topic->proposed_by = proposer.id;
	return 0;
}

int hw_topic_add(hw_session *session, const hw_topic_input *input, int64_t *id, hw_error *error)
{
	char title[HW_TEXT_SIZE];
	hw_topic_input clean = *input;
	if (hw_text_clean(&clean.title, HW_TEXT_LINE, _("the title"), title, sizeof title, error) != 0)
		return -1;
	input = &clean;
	if (input->title == NULL)
		return hw_error_option(error, "title", "%s", _("say the topic's title"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_topic topic = {.state = HW_TOPIC_PROPOSED};
	if (input->meeting_id) {
		topic.meeting_id = input->meeting_id;
		topic.state = HW_TOPIC_SCHEDULED;
	}
	if (apply_input(session, input, &topic, error) != 0 ||
	    (input->meeting_id && check_agenda(session, input->meeting_id, error) != 0) ||
	    (input->proposer && check_proposer(session, input->proposer, &topic, error) != 0) ||
	    save_topic(session, &topic, true, id, error) != 0) {
		hw_action_abort(session);
		return -1;
	}
	return hw_action_commit_change(session, "topic add", "topic", *id, topic.meeting_id, error);
}

/* Loads the topic for a change inside an action, with its snapshot; refuses decided topics. */
static int begin_change(hw_session *session, int64_t id, hw_topic *topic, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	if (hw_topic_get(session, id, topic, error) != 0 ||
	    (topic->state == HW_TOPIC_DECIDED &&
	     hw_error_set(error, _("topic #%lld is decided already"), (long long)id)) ||
	    hw_action_snapshot(session, "topic", id, error) != 0) {
		hw_action_abort(session);
		return -1;
	}
	return 0;
}

static int finish_change(hw_session *session, hw_topic *topic, const char *action,
			 hw_error *error)
{
	int64_t id;
	if (save_topic(session, topic, false, &id, error) != 0) {
		hw_action_abort(session);
		return -1;
	}
	return hw_action_commit_change(session, action, "topic", id, topic->meeting_id, error);
}

static int fail_change(hw_session *session)
{
	hw_action_abort(session);
	return -1;
}

int hw_topic_edit(hw_session *session, int64_t id, const hw_topic_input *input, hw_error *error)
{
	char title[HW_TEXT_SIZE];
	hw_topic_input clean = *input;
	if (hw_text_clean(&clean.title, HW_TEXT_LINE, _("the title"), title, sizeof title, error) != 0)
		return -1;
	input = &clean;
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	if (apply_input(session, input, &topic, error) != 0)
		return fail_change(session);
	return finish_change(session, &topic, "topic edit", error);
}

bool hw_topic_may_approve(const hw_rules *rules, const hw_topic *topic, const hw_meeting *meeting,
			  const hw_person *person)
{
	hw_role_set roles = hw_topic_approver_roles(rules, meeting->type);
	if (hw_role_set_has(roles, HW_ROLE_CHAIR) && topic->meeting_id && person->id == meeting->chair_id)
		return true;
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (hw_role_set_has(roles, (hw_role)role) && role != HW_ROLE_CHAIR &&
		    hw_person_fills_role(person, NULL, (hw_role)role))
			return true;
	return false;
}

int hw_topic_review(hw_session *session, int64_t id, const char *by, hw_error *error)
{
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	hw_person reviewer;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	if (hw_person_find(session, by, &reviewer, error) != 0 ||
	    (topic.meeting_id && hw_meeting_get(session, topic.meeting_id, &meeting, error) != 0))
		return fail_change(session);
	const hw_type_rules *type = &session->rules->types[meeting.type];
	const char *name = type->name ? type->name : hw_meeting_type_key(meeting.type);
	if (type->topic_reviewer == 0) {
		hw_error_set(error, _("the rules name no one to review the topics of %s"), name);
		return fail_change(session);
	}
	if (topic.reviewed_by) {
		hw_error_set(error, _("topic #%lld was reviewed by %s already"), (long long)id,
			     topic.reviewed_by_name);
		return fail_change(session);
	}
	/* The deputy in charge is the topic's own; any other role as the roster says. */
	bool may = hw_role_set_has(type->topic_reviewer, HW_ROLE_DEPUTY_IN_CHARGE) &&
		   topic.deputy_id && topic.deputy_id == reviewer.id;
	for (int role = 0; role < HW_ROLE_COUNT && !may; role++)
		may = role != HW_ROLE_DEPUTY_IN_CHARGE && role != HW_ROLE_CHAIR &&
		      hw_role_set_has(type->topic_reviewer, (hw_role)role) &&
		      hw_person_fills_role(&reviewer, NULL, (hw_role)role);
	if (!may) {
		char names[256];
		hw_describe_roles(session->rules, type->topic_reviewer, names, sizeof names);
		hw_error_set(error, _("%s may not review topics for %s: the rules name %s 〔%s〕"),
			     reviewer.name, name, names, hw_type_key_clause(type, HW_KEY_TOPIC_REVIEWER));
		return fail_change(session);
	}
	topic.reviewed_by = reviewer.id;
	return finish_change(session, &topic, "topic review", error);
}

int hw_topic_approve(hw_session *session, int64_t id, const char *by, hw_error *error)
{
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	hw_person approver;
	hw_meeting meeting = {.type = HW_MEETING_EXECUTIVE};
	if (hw_person_find(session, by, &approver, error) != 0 ||
	    (topic.meeting_id && hw_meeting_get(session, topic.meeting_id, &meeting, error) != 0))
		return fail_change(session);
	if (topic.approved_by) {
		hw_error_set(error, _("topic #%lld was approved by %s already"), (long long)id,
			     topic.approved_by_name);
		return fail_change(session);
	}
	hw_role_set roles = hw_topic_approver_roles(session->rules, meeting.type);
	if (!hw_topic_may_approve(session->rules, &topic, &meeting, &approver)) {
		char names[256];
		const hw_type_rules *type = &session->rules->types[meeting.type];
		hw_describe_roles(session->rules, roles, names, sizeof names);
		hw_error_set(error, _("%s may not approve topics for %s: the rules name %s 〔%s〕"),
			     approver.name, type->name ? type->name : hw_meeting_type_key(meeting.type),
			     names,
			     hw_type_key_clause(type, HW_KEY_TOPIC_APPROVER));
		return fail_change(session);
	}
	const hw_type_rules *rules_of_type = &session->rules->types[meeting.type];
	if (rules_of_type->topic_review_first && !topic.reviewed_by) {
		char names[256];
		hw_describe_roles(session->rules, rules_of_type->topic_reviewer, names, sizeof names);
		hw_error_set(error, _("topic #%lld is first reviewed by %s, then approved 〔%s〕"),
			     (long long)id, names,
			     hw_type_key_clause(rules_of_type, HW_KEY_TOPIC_REVIEW_FIRST));
		return fail_change(session);
	}
	topic.approved_by = approver.id;
	if (topic.state == HW_TOPIC_PROPOSED)
		topic.state = HW_TOPIC_APPROVED;
	return finish_change(session, &topic, "topic approve", error);
}

int hw_topic_schedule(hw_session *session, int64_t id, int64_t meeting_id, hw_error *error)
{
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	if (check_agenda(session, meeting_id, error) != 0)
		return fail_change(session);
	/* A deferred topic scheduled again: the reason it waited belongs to the earlier meeting
	 * (the audit log keeps it), not to the new agenda. */
	if (topic.state == HW_TOPIC_DEFERRED)
		topic.decision[0] = '\0';
	topic.meeting_id = meeting_id;
	topic.state = HW_TOPIC_SCHEDULED;
	return finish_change(session, &topic, "topic schedule", error);
}

int hw_topic_decide(hw_session *session, int64_t id, const char *decision, hw_error *error)
{
	char clean[HW_TEXT_SIZE];
	if (hw_text_clean(&decision, HW_TEXT_LINE, _("the decision"), clean, sizeof clean, error) != 0)
		return -1;
	if (decision == NULL || *decision == '\0')
		return hw_error_option(error, "decision", "%s", _("say what was decided"));
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	hw_meeting meeting;
	if (topic.state != HW_TOPIC_SCHEDULED) {
		hw_error_set(error, _("topic #%lld is %s: only a topic on an agenda is decided"),
			     (long long)id, _(state_keys[topic.state]));
		return fail_change(session);
	}
	if (hw_meeting_get(session, topic.meeting_id, &meeting, error) != 0)
		return fail_change(session);
	if (meeting.status != HW_STATUS_HELD) {
		hw_error_set(error, _("meeting #%lld has not been held: mark it held first"),
			     (long long)meeting.id);
		return fail_change(session);
	}
	snprintf(topic.decision, sizeof topic.decision, "%s", decision);
	topic.state = HW_TOPIC_DECIDED;
	return finish_change(session, &topic, "topic decide", error);
}

int hw_topic_defer(hw_session *session, int64_t id, const char *reason, hw_error *error)
{
	char clean[HW_TEXT_SIZE];
	if (hw_text_clean(&reason, HW_TEXT_LINE, _("the reason"), clean, sizeof clean, error) != 0)
		return -1;
	hw_topic topic;
	if (begin_change(session, id, &topic, error) != 0)
		return -1;
	if (topic.state != HW_TOPIC_SCHEDULED) {
		hw_error_set(error, _("topic #%lld is %s: only a topic on an agenda is deferred"),
			     (long long)id, _(state_keys[topic.state]));
		return fail_change(session);
	}
	topic.state = HW_TOPIC_DEFERRED;
	snprintf(topic.decision, sizeof topic.decision, "%s", reason ? reason : "");
	return finish_change(session, &topic, "topic defer", error);
}

/* A decision or deferral recorded by mistake is taken back (the topic is on its meeting's
 * agenda again) until the minutes that record it are signed. */
int hw_topic_reopen(hw_session *session, int64_t id, hw_error *error)
{
	/* Not begin_change: it refuses the decided topics this takes back. */
	hw_topic topic;
	if (hw_action_begin(session, error) != 0)
		return -1;
	if (hw_topic_get(session, id, &topic, error) != 0 ||
	    hw_action_snapshot(session, "topic", id, error) != 0)
		return fail_change(session);
	if (topic.state != HW_TOPIC_DECIDED && topic.state != HW_TOPIC_DEFERRED) {
		hw_error_set(error,
			     _("topic #%lld is %s: only a decision or a deferral is taken back"),
			     (long long)id, _(state_keys[topic.state]));
		return fail_change(session);
	}
	hw_minutes minutes;
	int found = hw_minutes_get(session, topic.meeting_id, &minutes, error);
	if (found < 0)
		return fail_change(session);
	if (found && minutes.signed_) {
		hw_error_set(error,
			     _("topic #%lld cannot be taken back: the minutes of meeting #%lld are "
			       "signed (correct them with an amendment)"),
			     (long long)id, (long long)topic.meeting_id);
		return fail_change(session);
	}
	topic.state = HW_TOPIC_SCHEDULED;
	topic.decision[0] = '\0';
	return finish_change(session, &topic, "topic reopen", error);
}
