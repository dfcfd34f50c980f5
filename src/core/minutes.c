#include "minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "i18n.h"
#include "text.h"
#include "sort.h"

hw_role_set hw_minutes_signer_roles(const hw_rules *rules, hw_meeting_type type)
{
	hw_role_set roles = rules->types[type].minutes_signer;
	return roles ? roles : HW_ROLE_BIT(HW_ROLE_CHAIR);
}

bool hw_minutes_may_sign(const hw_person *person, hw_role_set signers, const hw_meeting *meeting)
{
	if (hw_role_set_has(signers, HW_ROLE_CHAIR) && person->id == meeting->chair_id)
		return true;
	for (int role = 0; role < HW_ROLE_COUNT; role++)
		if (role != HW_ROLE_CHAIR && hw_role_set_has(signers, (hw_role)role) &&
		    hw_person_fills_role(person, NULL, (hw_role)role))
			return true;
	return false;
}

int hw_rules_total_document_days(const hw_rules *rules, hw_meeting_type type)
{
	int total = 0;
	for (int i = 0; i < rules->types[type].document_step_count; i++)
		total += rules->types[type].document_steps[i];
	return total;
}

int hw_minutes_get(hw_session *session, int64_t meeting_id, hw_minutes *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT m.text, m.state, m.signed_by, coalesce(p.name, ''), m.signed_on,"
			       " (SELECT count(*) FROM minutes_amendment a WHERE a.meeting_id = m.meeting_id),"
			       " m.approved_by, coalesce(q.name, ''), m.approved_on"
			       " FROM minutes m LEFT JOIN person p ON p.id = m.signed_by"
			       " LEFT JOIN person q ON q.id = m.approved_by"
			       " WHERE m.meeting_id = ?1",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the minutes"), error);
	sqlite3_bind_int64(statement, 1, meeting_id);
	int last = sqlite3_step(statement);
	int found = last == SQLITE_ROW;
	if (found) {
		memset(out, 0, sizeof *out);
		out->meeting_id = meeting_id;
		hw_column_text(statement, 0, out->text, sizeof out->text);
		char state[16];
		hw_column_text(statement, 1, state, sizeof state);
		out->signed_ = strcmp(state, "signed") == 0;
		out->signed_by = sqlite3_column_int64(statement, 2);
		hw_column_text(statement, 3, out->signed_by_name, sizeof out->signed_by_name);
		hw_column_date(statement, 4, &out->signed_on);
		out->amendment_count = sqlite3_column_int(statement, 5);
		out->approved_by = sqlite3_column_int64(statement, 6);
		hw_column_text(statement, 7, out->approved_by_name, sizeof out->approved_by_name);
		hw_column_date(statement, 8, &out->approved_on);
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the minutes"), error) != 0)
		return -1;
	return found;
}


typedef struct minutes_values {
	int64_t meeting_id;
	const char *text;
	int64_t person_id;
	hw_date date;
} minutes_values;

static void bind_draft(sqlite3_stmt *statement, const void *values)
{
	const minutes_values *v = values;
	sqlite3_bind_int64(statement, 1, v->meeting_id);
	sqlite3_bind_text(statement, 2, v->text, -1, SQLITE_STATIC);
	hw_bind_date(statement, 3, v->date);
}

static void bind_sign(sqlite3_stmt *statement, const void *values)
{
	const minutes_values *v = values;
	sqlite3_bind_int64(statement, 1, v->meeting_id);
	sqlite3_bind_int64(statement, 2, v->person_id);
	hw_bind_date(statement, 3, v->date);
}

static void bind_amend(sqlite3_stmt *statement, const void *values)
{
	const minutes_values *v = values;
	sqlite3_bind_int64(statement, 1, v->meeting_id);
	sqlite3_bind_text(statement, 2, v->text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(statement, 3, v->person_id);
	hw_bind_date(statement, 4, v->date);
}

static int check_text(const char *text, hw_error *error)
{
	if (text == NULL || *text == '\0')
		return hw_error_option(error, "text", "%s", _("say the minutes' text"));
	if (strlen(text) >= sizeof((hw_minutes *)0)->text)
		return hw_error_set(error, "%s", _("the text is too long"));
	return 0;
}

int hw_minutes_draft(hw_session *session, int64_t meeting_id, const char *text, hw_error *error)
{
	char clean[sizeof((hw_minutes *)0)->text];
	if (hw_text_clean(&text, HW_TEXT_LINES, _("the minutes' text"), clean, sizeof clean, error) != 0)
		return -1;
	if (check_text(text, error) != 0 || hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_minutes minutes;
	int existing;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    (existing = hw_minutes_get(session, meeting_id, &minutes, error)) < 0)
		goto fail;
	if (meeting.status != HW_STATUS_HELD) {
		hw_error_set(error, _("meeting #%lld has not been held: mark it held first"),
			     (long long)meeting_id);
		goto fail;
	}
	if (existing && minutes.signed_) {
		hw_error_option(error, "huiwu minutes amend",
				_("the minutes of meeting #%lld are signed and frozen: correct them "
				  "by an amendment"),
				(long long)meeting_id);
		goto fail;
	}
	if (existing && hw_action_snapshot(session, "minutes", meeting_id, error) != 0)
		goto fail;
	minutes_values values = {.meeting_id = meeting_id, .text = text, .date = session->today};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		existing ? "UPDATE minutes SET text = ?2, drafted_on = ?3 WHERE meeting_id = ?1"
			 : "INSERT INTO minutes (meeting_id, text, drafted_on) VALUES (?1, ?2, ?3)");
	if (statement != NULL)
		bind_draft(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot save the minutes"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, "minutes draft", "minutes", meeting_id, meeting_id,
				       error);
fail:
	hw_action_abort(session);
	return -1;
}

/* Inside an action: the meeting, its minutes and the signer, who must be whom the rules name.
 * Returns 1 when the meeting has minutes, 0 when not, -1 on an error. */
static int load_for_signer(hw_session *session, int64_t meeting_id, const char *by,
			   hw_meeting *meeting, hw_minutes *minutes, hw_person *signer,
			   hw_error *error)
{
	int existing;
	if (hw_meeting_get(session, meeting_id, meeting, error) != 0 ||
	    hw_person_find(session, by, signer, error) != 0 ||
	    (existing = hw_minutes_get(session, meeting_id, minutes, error)) < 0)
		return -1;
	hw_role_set signers = hw_minutes_signer_roles(session->rules, meeting->type);
	if (!hw_minutes_may_sign(signer, signers, meeting)) {
		const hw_type_rules *type = &session->rules->types[meeting->type];
		char names[256];
		hw_describe_roles(session->rules, signers, names, sizeof names);
		hw_error_set(error, _("%s may not sign the minutes of %s: the rules name %s 〔%s〕"),
			     signer->name, type->name, names,
			     hw_type_key_clause(type, HW_KEY_MINUTES_SIGNER));
		return -1;
	}
	return existing;
}

int hw_minutes_sign(hw_session *session, int64_t meeting_id, const char *by, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_minutes minutes;
	hw_person signer;
	int existing = load_for_signer(session, meeting_id, by, &meeting, &minutes, &signer, error);
	if (existing < 0)
		goto fail;
	if (!existing) {
		hw_error_set(error, _("meeting #%lld has no minutes yet: draft them first"),
			     (long long)meeting_id);
		goto fail;
	}
	if (minutes.signed_) {
		hw_error_set(error, _("the minutes of meeting #%lld were signed by %s already"),
			     (long long)meeting_id, minutes.signed_by_name);
		goto fail;
	}
	if (hw_action_snapshot(session, "minutes", meeting_id, error) != 0)
		goto fail;
	minutes_values values = {.meeting_id = meeting_id, .person_id = signer.id,
				 .date = session->today};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		"UPDATE minutes SET state = 'signed', signed_by = ?2, signed_on = ?3 WHERE meeting_id = ?1");
	if (statement != NULL)
		bind_sign(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot sign the minutes"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, "minutes sign", "minutes", meeting_id, meeting_id,
				       error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_minutes_approve(hw_session *session, int64_t meeting_id, const char *by, hw_error *error)
{
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_minutes minutes;
	hw_person approver;
	int existing;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0 ||
	    hw_person_find(session, by, &approver, error) != 0 ||
	    (existing = hw_minutes_get(session, meeting_id, &minutes, error)) < 0)
		goto fail;
	const hw_type_rules *type = &session->rules->types[meeting.type];
	const char *name = type->name ? type->name : hw_meeting_type_key(meeting.type);
	if (type->minutes_approver == 0) {
		hw_error_set(error, _("the rules name no one to approve the minutes of %s"), name);
		goto fail;
	}
	if (!existing) {
		hw_error_set(error, _("meeting #%lld has no minutes yet: draft them first"),
			     (long long)meeting_id);
		goto fail;
	}
	if (minutes.approved_by) {
		hw_error_set(error, _("the minutes of meeting #%lld were approved by %s already"),
			     (long long)meeting_id, minutes.approved_by_name);
		goto fail;
	}
	bool may = false;
	for (int role = 0; role < HW_ROLE_COUNT && !may; role++)
		may = role != HW_ROLE_CHAIR && hw_role_set_has(type->minutes_approver, (hw_role)role) &&
		      hw_person_fills_role(&approver, NULL, (hw_role)role);
	if (!may) {
		char names[256];
		hw_describe_roles(session->rules, type->minutes_approver, names, sizeof names);
		hw_error_set(error, _("%s may not approve the minutes of %s: the rules name %s 〔%s〕"),
			     approver.name, name, names,
			     hw_type_key_clause(type, HW_KEY_MINUTES_APPROVER));
		goto fail;
	}
	if (hw_action_snapshot(session, "minutes", meeting_id, error) != 0)
		goto fail;
	minutes_values values = {.meeting_id = meeting_id, .person_id = approver.id,
				 .date = session->today};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store,
		"UPDATE minutes SET approved_by = ?2, approved_on = ?3 WHERE meeting_id = ?1");
	if (statement != NULL)
		bind_sign(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot record the approval"), error) != 0)
		goto fail;
	return hw_action_commit_change(session, "minutes approve", "minutes", meeting_id,
				       meeting_id, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_minutes_amend(hw_session *session, int64_t meeting_id, const char *text, const char *by,
		     hw_error *error)
{
	char clean[sizeof((hw_minutes *)0)->text];
	if (hw_text_clean(&text, HW_TEXT_LINES, _("the minutes' text"), clean, sizeof clean, error) != 0)
		return -1;
	if (check_text(text, error) != 0 || hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	hw_minutes minutes;
	hw_person signer;
	int existing = load_for_signer(session, meeting_id, by, &meeting, &minutes, &signer, error);
	if (existing < 0)
		goto fail;
	if (!existing || !minutes.signed_) {
		hw_error_option(error, "huiwu minutes draft",
				_("the minutes of meeting #%lld are not signed: edit the draft"),
				(long long)meeting_id);
		goto fail;
	}
	minutes_values values = {.meeting_id = meeting_id, .text = text, .person_id = signer.id,
				 .date = session->today};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT INTO minutes_amendment (meeting_id, text, by_id, on_date)"
				" VALUES (?1, ?2, ?3, ?4)");
	if (statement != NULL)
		bind_amend(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot save the amendment"), error) != 0)
		goto fail;
	int64_t amendment = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "minutes amend", "minutes_amendment", amendment,
				       meeting_id, error);
fail:
	hw_action_abort(session);
	return -1;
}

/* ---- documents ---- */

static void read_document(sqlite3_stmt *statement, hw_document *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(statement, 0);
	out->meeting_id = sqlite3_column_int64(statement, 1);
	hw_column_text(statement, 2, out->title, sizeof out->title);
	out->handed_over = hw_column_date(statement, 3, &out->handed_over_on);
	out->issued = hw_column_date(statement, 4, &out->issued_on);
}

static int document_get(hw_session *session, int64_t id, hw_document *out, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT id, meeting_id, title, handed_over_on, issued_on FROM document"
			       " WHERE id = ?1",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the documents"), error);
	sqlite3_bind_int64(statement, 1, id);
	int last = sqlite3_step(statement);
	if (last == SQLITE_ROW)
		read_document(statement, out);
	if (hw_store_finish(session->store, statement, last, N_("cannot read the documents"), error) !=
	    0)
		return -1;
	return last == SQLITE_ROW ? 0
		     : hw_error_option(error, "huiwu doc list", _("no document #%lld"), (long long)id);
}

int hw_document_list(hw_session *session, int64_t meeting_id,
		     int (*visit)(const hw_document *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	const char *sql = meeting_id
		? "SELECT id, meeting_id, title, handed_over_on, issued_on FROM document"
		  " WHERE meeting_id = ?1 ORDER BY id"
		: "SELECT id, meeting_id, title, handed_over_on, issued_on FROM document"
		  " WHERE ?1 = 0 ORDER BY id";
	if (sqlite3_prepare_v2(hw_store_db(session->store), sql, -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the documents"), error);
	sqlite3_bind_int64(statement, 1, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_document document;
		read_document(statement, &document);
		if ((status = visit(&document, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the documents"), error) !=
	    0)
		return -1;
	return status;
}

typedef struct document_values {
	int64_t id;
	const char *title;
	hw_date date;
} document_values;

static void bind_document_add(sqlite3_stmt *statement, const void *values)
{
	const document_values *v = values;
	sqlite3_bind_int64(statement, 1, v->id);
	sqlite3_bind_text(statement, 2, v->title, -1, SQLITE_STATIC);
}

static void bind_document_date(sqlite3_stmt *statement, const void *values)
{
	const document_values *v = values;
	sqlite3_bind_int64(statement, 1, v->id);
	hw_bind_date(statement, 2, v->date);
}

int hw_document_add(hw_session *session, int64_t meeting_id, const char *title, int64_t *id,
		    hw_error *error)
{
	char clean[HW_TEXT_SIZE];
	if (hw_text_clean(&title, HW_TEXT_LINE, _("the document's title"), clean, sizeof clean,
			  error) != 0)
		return -1;
	if (title == NULL || *title == '\0' || strlen(title) >= HW_TEXT_SIZE)
		return hw_error_option(error, "title", "%s", _("say the document's title"));
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_meeting meeting;
	if (hw_meeting_get(session, meeting_id, &meeting, error) != 0)
		goto fail;
	if (meeting.status != HW_STATUS_HELD) {
		hw_error_set(error, _("meeting #%lld has not been held: mark it held first"),
			     (long long)meeting_id);
		goto fail;
	}
	document_values values = {.id = meeting_id, .title = title};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, "INSERT INTO document (meeting_id, title) VALUES (?1, ?2)");
	if (statement != NULL)
		bind_document_add(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot add the document"), error) != 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(hw_store_db(session->store));
	return hw_action_commit_change(session, "doc add", "document", *id, meeting_id, error);
fail:
	hw_action_abort(session);
	return -1;
}

/* The step before the issue, if the rules name one (it is always the first). */
static bool first_step(const hw_type_rules *type, hw_document_step *out)
{
	if (type->document_step_action_count == 0 ||
	    type->document_step_actions[0] == HW_STEP_ISSUE)
		return false;
	*out = type->document_step_actions[0];
	return true;
}

/* The rules' steps as their labels say them, for a refusal. */
static void describe_steps(const hw_type_rules *type, char *out, size_t size)
{
	out[0] = '\0';
	size_t used = 0;
	for (int i = 0; i < type->document_step_label_count && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "、" : "",
					 type->document_step_labels[i]);
}

int hw_document_record_step(hw_session *session, int64_t id, hw_document_step step,
			    const char *on, hw_error *error)
{
	bool issuing = step == HW_STEP_ISSUE;
	hw_date date = session->today;
	if (on != NULL && !hw_date_parse(on, &date))
		return hw_error_set(error, _("'%s' is not a date: write YYYY-MM-DD"), on);
	if (hw_action_begin(session, error) != 0)
		return -1;
	hw_document document;
	hw_meeting meeting;
	if (document_get(session, id, &document, error) != 0 ||
	    hw_meeting_get(session, document.meeting_id, &meeting, error) != 0)
		goto fail;
	const hw_type_rules *type = &session->rules->types[meeting.type];
	hw_document_step before = HW_STEP_ISSUE;
	bool has_before = first_step(type, &before);
	const char *clause = hw_type_key_clause(type, HW_KEY_DOCUMENT_STEPS);
	if (!issuing && (!has_before || before != step)) {
		char steps[512];
		describe_steps(type, steps, sizeof steps);
		if (steps[0] == '\0')
			hw_error_set(error, _("the rules set no steps for the documents of %s"),
				     type->name);
		else
			hw_error_set(error,
				     _("the rules set no such step for the documents of %s: their steps "
				       "are %s 〔%s〕"),
				     type->name, steps, clause);
		goto fail;
	}
	if (date < meeting.date) {
		hw_error_set(error, "%s", _("that date is before the meeting"));
		goto fail;
	}
	if (date > session->today) {
		hw_error_set(error, "%s", _("that date is in the future"));
		goto fail;
	}
	if (issuing) {
		if (document.issued) {
			hw_error_set(error, _("document #%lld is issued already"), (long long)id);
			goto fail;
		}
		if (has_before && !document.handed_over) {
			hw_error_set(error, _("document #%lld must first pass the step '%s' 〔%s〕"),
				     (long long)id, type->document_step_labels[0], clause);
			goto fail;
		}
		if (document.handed_over && date < document.handed_over_on) {
			hw_error_set(error, _("that date is before the step '%s'"),
				     type->document_step_labels[0]);
			goto fail;
		}
	} else if (document.handed_over) {
		hw_error_set(error, _("document #%lld has passed the step '%s' already"), (long long)id,
			     type->document_step_labels[0]);
		goto fail;
	}
	if (hw_action_snapshot(session, "document", id, error) != 0)
		goto fail;
	document_values values = {.id = id, .date = date};
	sqlite3_stmt *statement = hw_store_prepare(
		session->store, issuing ? "UPDATE document SET issued_on = ?2 WHERE id = ?1"
					: "UPDATE document SET handed_over_on = ?2 WHERE id = ?1");
	if (statement != NULL)
		bind_document_date(statement, &values);
	if (hw_store_run(session->store, statement, _("cannot save the document"), error) != 0)
		goto fail;
	char action[32];
	snprintf(action, sizeof action, "doc %s", hw_document_step_key(step));
	return hw_action_commit_change(session, action, "document", id, meeting.id, error);
fail:
	hw_action_abort(session);
	return -1;
}

int hw_document_handover(hw_session *session, int64_t id, const char *on, hw_error *error)
{
	return hw_document_record_step(session, id, HW_STEP_HANDOVER, on, error);
}

int hw_document_issue(hw_session *session, int64_t id, const char *on, hw_error *error)
{
	return hw_document_record_step(session, id, HW_STEP_ISSUE, on, error);
}

bool hw_document_due(const hw_rules *rules, const hw_calendar *calendar, hw_meeting_type type,
		     hw_date meeting_date, const hw_document *document, hw_date *due,
		     hw_deadline_kind *step)
{
	const hw_type_rules *rules_of_type = &rules->types[type];
	if (document->issued || rules_of_type->document_step_count == 0)
		return false;
	hw_document_step before;
	bool has_before = first_step(rules_of_type, &before);
	hw_date first_due = hw_calendar_add_workdays(calendar, meeting_date,
						     rules_of_type->document_steps[0], NULL);
	if (!document->handed_over) {
		*step = rules_of_type->document_step_actions[0];
		*due = first_due;
		return true;
	}
	if (!has_before || rules_of_type->document_step_count < 2)
		return false; /* e.g. Changji: once submitted for signature, nothing more is due */
	*step = HW_STEP_ISSUE;
	/* The office's days run from the hand-over, or from its deadline when later. */
	hw_date from = document->handed_over_on < first_due ? document->handed_over_on : first_due;
	*due = hw_calendar_add_workdays(calendar, from, rules_of_type->document_steps[1], NULL);
	return true;
}

const char *hw_document_step_label(const hw_rules *rules, hw_meeting_type type,
				   hw_document_step step)
{
	const hw_type_rules *rules_of_type = &rules->types[type];
	for (int i = 0; i < rules_of_type->document_step_action_count &&
			i < rules_of_type->document_step_label_count;
	     i++)
		if (rules_of_type->document_step_actions[i] == step)
			return rules_of_type->document_step_labels[i];
	return NULL;
}

const char *hw_deadline_kind_key(hw_deadline_kind kind)
{
	return hw_document_step_key(kind);
}

typedef struct deadline_list {
	hw_deadline *items;
	int count;
	int capacity;
} deadline_list;

static int push(deadline_list *list, const hw_deadline *item, hw_error *error)
{
	if (hw_grow((void **)&list->items, &list->capacity, list->count, sizeof *list->items,
		    error) != 0)
		return -1;
	list->items[list->count++] = *item;
	return 0;
}

static int compare_deadlines(const void *a, const void *b)
{
	const hw_deadline *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return (x->meeting_id > y->meeting_id) - (x->meeting_id < y->meeting_id);
}

/* Documents decided at a meeting that are not issued: of every meeting, or of one. Minutes
 * have no deadline in any of the documents, so they are not among the deadlines. */
static const char every_deadline[] =
	"SELECT m.id, m.type, m.date, d.title, d.id, d.handed_over_on, d.issued_on"
	" FROM document d JOIN meeting m ON m.id = d.meeting_id WHERE d.issued_on IS NULL";
static const char meeting_deadlines[] =
	"SELECT m.id, m.type, m.date, d.title, d.id, d.handed_over_on, d.issued_on"
	" FROM document d JOIN meeting m ON m.id = d.meeting_id"
	" WHERE d.meeting_id = ?1 AND d.issued_on IS NULL";

static int read_deadlines(hw_session *session, int64_t meeting_id,
			  int (*visit)(const hw_deadline *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       meeting_id ? meeting_deadlines : every_deadline, -1, &statement,
			       NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the deadlines"), error);
	if (meeting_id)
		sqlite3_bind_int64(statement, 1, meeting_id);
	deadline_list list = {0};
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_deadline item = {.meeting_id = sqlite3_column_int64(statement, 0)};
		char type[32];
		hw_column_text(statement, 1, type, sizeof type);
		if (!hw_meeting_type_from_key(type, &item.type) ||
		    !hw_column_date(statement, 2, &item.meeting_date))
			continue;
		const hw_type_rules *rules_of_type = &session->rules->types[item.type];
		if (rules_of_type->document_step_count == 0)
			continue; /* the rules set no deadline for this type */
		hw_column_text(statement, 3, item.what, sizeof item.what);
		item.document_id = sqlite3_column_int64(statement, 4);
		item.clause = hw_type_key_clause(rules_of_type, HW_KEY_DOCUMENT_STEPS);
		hw_document document = {.id = item.document_id};
		document.handed_over = hw_column_date(statement, 5, &document.handed_over_on);
		if (!hw_document_due(session->rules, session->calendar, item.type, item.meeting_date,
				     &document, &item.due, &item.kind))
			continue;
		item.label = hw_document_step_label(session->rules, item.type, item.kind);
		item.workdays_left = hw_calendar_count_workdays(session->calendar, session->today,
								item.due, &item.touched);
		/* Every step counts forward from the meeting, or from a hand-over before the due
		 * date it replaces, so the years read lie between the earliest start and the due date. */
		hw_date start = item.meeting_date;
		if (document.handed_over && document.handed_over_on < start)
			start = document.handed_over_on;
		hw_calendar_note_span(session->calendar, start, item.due, &item.touched);
		item.provisional = item.touched.count > 0;
		if ((status = push(&list, &item, error)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the deadlines"), error) !=
	    0)
		status = -1;
	hw_sort(list.items, (size_t)list.count, sizeof *list.items, compare_deadlines);
	for (int i = 0; i < list.count && status == 0; i++)
		status = visit(&list.items[i], user);
	free(list.items);
	return status;
}

int hw_deadlines(hw_session *session, int (*visit)(const hw_deadline *, void *), void *user,
		 hw_error *error)
{
	return read_deadlines(session, 0, visit, user, error);
}

int hw_meeting_deadlines(hw_session *session, int64_t meeting_id,
			 int (*visit)(const hw_deadline *, void *), void *user, hw_error *error)
{
	return read_deadlines(session, meeting_id, visit, user, error);
}

int hw_minutes_amendments(hw_session *session, int64_t meeting_id,
			  int (*visit)(const hw_amendment *, void *), void *user, hw_error *error)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(hw_store_db(session->store),
			       "SELECT a.id, a.text, coalesce(p.name, ''), a.on_date FROM minutes_amendment a"
			       " LEFT JOIN person p ON p.id = a.by_id WHERE a.meeting_id = ?1 ORDER BY a.id",
			       -1, &statement, NULL) != SQLITE_OK)
		return hw_store_fail(session->store, _("cannot read the amendments"), error);
	sqlite3_bind_int64(statement, 1, meeting_id);
	int status = 0, last;
	while ((last = sqlite3_step(statement)) == SQLITE_ROW) {
		hw_amendment amendment = {.id = sqlite3_column_int64(statement, 0)};
		hw_column_text(statement, 1, amendment.text, sizeof amendment.text);
		hw_column_text(statement, 2, amendment.by_name, sizeof amendment.by_name);
		hw_column_date(statement, 3, &amendment.on);
		if ((status = visit(&amendment, user)) != 0)
			break;
	}
	if (hw_store_finish(session->store, statement, last, N_("cannot read the amendments"),
			    error) != 0)
		return -1;
	return status;
}
