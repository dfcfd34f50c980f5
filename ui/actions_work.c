/* The daily work on a meeting: topics proposed, approved and scheduled; leave requested and
 * decided (with a substitute); minutes written and signed; documents recorded, handed over
 * and issued. Deciders are picked from those the rules allow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "leave.h"
#include "minutes.h"
#include "rules_text.h"
#include "topics.h"

typedef int (*eligible_fn)(hw_session *session, int64_t id, hw_eligible_visit visit, void *user,
			   hw_error *error);

/* Picks who acts among those the rules allow (`eligible` for `id`); false when nobody may
 * (said, with the rule) or the user cancels. `by` gets the person's id, as the core takes it. */
static bool pick_actor(ui *app, eligible_fn eligible, int64_t id, const char *title, hw_person *who,
		       char by[32])
{
	ui_choices choices = {0};
	hw_error error = {0};
	bool picked = false;
	if (eligible(app->session, id, ui_choices_eligible, &choices, &error) != 0) {
		ui_say(app, true, "%s", error.message);
	} else {
		int index = ui_pick(app, title, choices.labels, choices.count, 0);
		if (index >= 0 && hw_person_get(app->session, atoll(choices.values[index]), who, &error) != 0)
			ui_say(app, true, "%s", error.message);
		else if (index >= 0) {
			snprintf(by, 32, "%lld", (long long)who->id);
			picked = true;
		}
	}
	ui_choices_free(&choices);
	return picked;
}

/* ---- leave ---- */

static void decide_leave(ui *app, int64_t leave_id, bool approve)
{
	hw_error error = {0};
	hw_leave leave;
	if (hw_leave_get(app->session, leave_id, &leave, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	if (leave.state != HW_LEAVE_PENDING) {
		ui_say(app, true, _("Leave request #%lld was decided already."), (long long)leave_id);
		return;
	}
	hw_person decider;
	char by[32], question[2048], done[256];
	if (!pick_actor(app, hw_leave_deciders, leave_id, approve ? _("Approved by") : _("Rejected by"),
			&decider, by))
		return;
	snprintf(question, sizeof question,
		 approve ? _("Approve %s's leave from meeting #%lld (%s), as %s?")
			 : _("Reject %s's leave from meeting #%lld (%s), as %s?"),
		 leave.person_name, (long long)leave.meeting_id, leave.reason, decider.name);
	if (!ui_confirm(app, question))
		return;
	snprintf(done, sizeof done,
		 approve ? _("Leave request #%lld approved.") : _("Leave request #%lld rejected."),
		 (long long)leave_id);
	ui_report(app, hw_leave_decide(app->session, leave_id, approve, by, &error), &error, done);
}

enum { L_REASON, L_WRITTEN, L_SUBSTITUTE, L_COUNT };

typedef struct leave_form {
	int64_t meeting_id;
	char person[32];
	int64_t id;
} leave_form;

static int submit_leave(ui *app, ui_form *form, void *user, hw_error *error)
{
	leave_form *data = user;
	hw_leave_input input = {.meeting_id = data->meeting_id, .person = data->person,
				.reason = ui_field_value(&form->fields[L_REASON]),
				.written = form->fields[L_WRITTEN].choice == 1,
				.substitute = ui_field_value(&form->fields[L_SUBSTITUTE])};
	return hw_leave_request(app->session, &input, &data->id, error);
}

static void request_leave(ui *app, const ui_row *row, int64_t meeting_id)
{
	if (row == NULL || row->kind != UI_ROW_ATTENDEE) {
		ui_say(app, true, "%s", _("Select the attendee who asks for leave."));
		return;
	}
	leave_form data = {.meeting_id = meeting_id};
	snprintf(data.person, sizeof data.person, "%lld", (long long)row->person_id);
	ui_choices substitutes = {0};
	hw_error error = {0};
	ui_choices_add(&substitutes, _("(none)"), "");
	/* Only whom the rules allow: a deputy head of the same department, where they provide
	 * for a substitute at all. */
	if (hw_leave_substitutes(app->session, meeting_id, row->person_id, ui_choices_eligible,
				 &substitutes, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		ui_choices_free(&substitutes);
		return;
	}
	ui_field fields[L_COUNT] = {
		[L_REASON] = {.label = _("Reason"), .required = true},
		[L_WRITTEN] = {.label = _("In writing")},
		[L_SUBSTITUTE] = {.label = _("Substitute")},
	};
	ui_field_yes_no(&fields[L_WRITTEN]);
	ui_field_set_choices(&fields[L_SUBSTITUTE], substitutes.labels, substitutes.values,
			     substitutes.count, 0);
	hw_person person;
	char title[600];
	if (hw_person_get(app->session, row->person_id, &person, &error) == 0)
		snprintf(title, sizeof title, _("Leave for %s"), person.name);
	else
		snprintf(title, sizeof title, "%s", _("Leave"));
	ui_form form = {.title = title, .fields = fields, .count = L_COUNT, .submit = submit_leave,
			.user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		ui_say(app, false, _("Leave request #%lld recorded."), (long long)data.id);
	}
	ui_choices_free(&substitutes);
}

/* ---- attendance ---- */

enum { I_PERSON, I_KIND, I_COUNT };

typedef struct invite_form {
	int64_t meeting_id;
} invite_form;

static int submit_invite(ui *app, ui_form *form, void *user, hw_error *error)
{
	invite_form *data = user;
	hw_attendance kind;
	if (!hw_attendance_from_key(ui_field_value(&form->fields[I_KIND]), &kind))
		kind = HW_ATTEND_GUEST;
	return hw_meeting_invite(app->session, data->meeting_id, ui_field_value(&form->fields[I_PERSON]),
				 kind, error);
}

static void invite(ui *app, int64_t meeting_id)
{
	static const char *kind_labels[HW_ATTEND_COUNT];
	static const char *kind_values[HW_ATTEND_COUNT];
	for (int k = 0; k < HW_ATTEND_COUNT; k++) {
		kind_labels[k] = hw_attendance_label((hw_attendance)k);
		kind_values[k] = hw_attendance_key((hw_attendance)k);
	}
	ui_choices people = {0};
	hw_error error = {0};
	if (ui_choices_people(app, &people, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	ui_field fields[I_COUNT] = {
		[I_PERSON] = {.label = _("Who"), .required = true},
		[I_KIND] = {.label = _("As")},
	};
	ui_field_set_choices(&fields[I_PERSON], people.labels, people.values, people.count, 0);
	ui_field_set_choices(&fields[I_KIND], kind_labels, kind_values, HW_ATTEND_COUNT,
			     HW_ATTEND_SITTER_IN);
	invite_form data = {.meeting_id = meeting_id};
	char title[128];
	snprintf(title, sizeof title, _("Invite to meeting #%lld"), (long long)meeting_id);
	ui_form form = {.title = title, .fields = fields, .count = I_COUNT, .submit = submit_invite,
			.user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		ui_say(app, false, "%s", _("Invited."));
	}
	ui_choices_free(&people);
}

static void uninvite(ui *app, const ui_row *row, int64_t meeting_id)
{
	hw_person person;
	hw_error error = {0};
	if (row == NULL || row->kind != UI_ROW_ATTENDEE) {
		ui_say(app, true, "%s", _("Select the attendee to take off the list."));
		return;
	}
	if (hw_person_get(app->session, row->person_id, &person, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	char question[1024], reference[32], done[600];
	snprintf(question, sizeof question, _("Take %s off the list of meeting #%lld?"), person.name,
		 (long long)meeting_id);
	if (!ui_confirm(app, question))
		return;
	snprintf(reference, sizeof reference, "%lld", (long long)person.id);
	snprintf(done, sizeof done, _("%s is off the list."), person.name);
	ui_report(app, hw_meeting_uninvite(app->session, meeting_id, reference, &error), &error, done);
}

/* ---- topics ---- */

/* The department before the leader in charge: choosing it fills the leader in. */
enum { T_TITLE, T_DEPARTMENT, T_DEPUTY, T_MATTERS, T_AGREED, T_STUDIED, T_COUNT };

typedef struct topic_form {
	int64_t meeting_id;
	int64_t id;
	int filled_deputy; /* the leader choice the department filled in (0: none) */
} topic_form;

static int submit_topic(ui *app, ui_form *form, void *user, hw_error *error)
{
	topic_form *data = user;
	ui_field *f = form->fields;
	hw_topic_input input = HW_TOPIC_INPUT_INIT;
	input.title = ui_field_value(&f[T_TITLE]);
	input.deputy = ui_field_value(&f[T_DEPUTY]);
	input.department = ui_field_value(&f[T_DEPARTMENT]);
	input.matters = ui_field_value(&f[T_MATTERS]);
	input.agreed = f[T_AGREED].choice;
	input.studied_on = ui_field_value(&f[T_STUDIED]);
	/* Proposed from a meeting: on that meeting's agenda at once, in the same action. */
	input.meeting_id = data->meeting_id;
	return hw_topic_add(app->session, &input, &data->id, error);
}

/* The department's deputy in charge (分管领导) becomes the topic's leader in charge, unless
 * the clerk chose another one. */
static void fill_deputy(ui *app, ui_form *form, topic_form *data)
{
	ui_field *deputy = &form->fields[T_DEPUTY];
	const char *department_id = ui_field_value(&form->fields[T_DEPARTMENT]);
	if (deputy->choice != 0 && deputy->choice != data->filled_deputy)
		return;
	hw_department department;
	hw_error error = {0};
	int choice = 0;
	if (department_id != NULL &&
	    hw_department_get(app->session, atoll(department_id), &department, &error) == 0 &&
	    department.deputy_id != 0) {
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)department.deputy_id);
		for (int i = 1; i < deputy->choice_count; i++)
			if (strcmp(deputy->choice_values[i], id) == 0)
				choice = i;
	}
	deputy->choice = data->filled_deputy = choice;
}

static void check_topic_field(ui *app, ui_form *form, int index, void *user)
{
	ui_field *field = &form->fields[index];
	if (index == T_DEPARTMENT)
		fill_deputy(app, form, user);
	unsigned matters;
	hw_error error;
	if (index == T_MATTERS && field->value[0] &&
	    hw_parse_matters(field->value, &matters, &error) != 0)
		snprintf(field->error, sizeof field->error, "%s", error.message);
	(void)app;
}

static void new_topic(ui *app, int64_t meeting_id)
{
	topic_form data = {.meeting_id = meeting_id};
	ui_choices deputies = {0}, departments = {0};
	hw_error error = {0};
	ui_choices_add(&deputies, _("(none)"), "");
	ui_choices_people(app, &deputies, &error);
	ui_choices_add(&departments, _("(none)"), "");
	ui_choices_departments(app, &departments, &error);
	/* The matters by the names the clerk types (资金、人员编制); their keys work too. */
	char all_matters[256], matters_label[320];
	hw_matters_accepted(all_matters, sizeof all_matters);
	snprintf(matters_label, sizeof matters_label, _("Touches (%s)"), all_matters);
	ui_field fields[T_COUNT] = {
		[T_TITLE] = {.label = _("Title"), .required = true},
		[T_DEPUTY] = {.label = _("Leader in charge")},
		[T_DEPARTMENT] = {.label = _("Reporting department")},
		[T_MATTERS] = {.label = matters_label},
		[T_AGREED] = {.label = _("Agreed with those concerned")},
		[T_STUDIED] = {.label = _("Studied in advance on"), .kind = UI_FIELD_DATE},
	};
	ui_field_set_choices(&fields[T_DEPUTY], deputies.labels, deputies.values, deputies.count, 0);
	ui_field_set_choices(&fields[T_DEPARTMENT], departments.labels, departments.values,
			     departments.count, 0);
	ui_field_yes_no(&fields[T_AGREED]);
	ui_form form = {.title = _("New topic"), .fields = fields, .count = T_COUNT,
			.check = check_topic_field, .submit = submit_topic, .user = &data};
	if (ui_form_run(app, &form)) {
		ui_changed(app);
		ui_say(app, false, _("Topic #%lld proposed."), (long long)data.id);
	}
	ui_choices_free(&deputies);
	ui_choices_free(&departments);
}

typedef struct unscheduled {
	ui_choices choices;
} unscheduled;

/* Topics on no agenda, and deferred ones waiting to be scheduled again (暂缓待重新安排). */
static int add_unscheduled(const hw_topic *topic, void *user)
{
	if (topic->state == HW_TOPIC_DECIDED || (topic->meeting_id && topic->state != HW_TOPIC_DEFERRED))
		return 0;
	char label[1400], value[32];
	snprintf(label, sizeof label, "#%lld %s%s%s", (long long)topic->id, topic->title,
		 topic->approved_by ? "" : _(" (not approved yet)"),
		 topic->state == HW_TOPIC_DEFERRED ? _(" (deferred)") : "");
	snprintf(value, sizeof value, "%lld", (long long)topic->id);
	ui_choices_add(user, label, value);
	return 0;
}

static void schedule_topic(ui *app, int64_t meeting_id)
{
	ui_choices topics = {0};
	hw_error error = {0};
	if (hw_topic_list(app->session, 0, add_unscheduled, &topics, &error) != 0) {
		ui_say(app, true, "%s", error.message);
	} else if (topics.count == 0) {
		ui_say(app, true, "%s", _("No topic waits for an agenda: T proposes one."));
	} else {
		int picked = ui_pick(app, _("Put on this meeting's agenda"), topics.labels, topics.count, 0);
		if (picked >= 0) {
			int64_t id = atoll(topics.values[picked]);
			char done[128];
			snprintf(done, sizeof done, _("Topic #%lld is on the agenda."), (long long)id);
			ui_report(app, hw_topic_schedule(app->session, id, meeting_id, &error), &error, done);
		}
	}
	ui_choices_free(&topics);
}

/* The planned meetings from today on that take a government agenda, for a picker. */
static int add_agenda_meeting(const hw_meeting *meeting, void *user)
{
	if (meeting->status != HW_STATUS_PLANNED || meeting->type == HW_MEETING_DEPT_WIDE)
		return 0;
	ui_choices *choices = user;
	char label[1400], value[32], date[HW_DATE_TEXT_SIZE];
	hw_date_format(meeting->date, date);
	snprintf(label, sizeof label, "#%lld %s %s %s %s", (long long)meeting->id, date,
		 hw_weekday_name(meeting->date), meeting->start, meeting->title);
	snprintf(value, sizeof value, "%lld", (long long)meeting->id);
	ui_choices_add(choices, label, value);
	return 0;
}

void ui_schedule_topic_again(ui *app, int64_t topic_id)
{
	ui_choices meetings = {0};
	hw_error error = {0};
	/* A year ahead: far enough for any standing series a clerk plans. */
	if (hw_meeting_list(app->session, app->session->today, app->session->today + 366,
			    add_agenda_meeting, &meetings, &error) != 0) {
		ui_say(app, true, "%s", error.message);
	} else if (meetings.count == 0) {
		ui_say(app, true, "%s", _("No planned meeting takes an agenda: n plans one in the calendar."));
	} else {
		char title[128];
		snprintf(title, sizeof title, _("Put topic #%lld on the agenda of"), (long long)topic_id);
		int picked = ui_pick(app, title, meetings.labels, meetings.count, 0);
		if (picked >= 0) {
			int64_t meeting_id = atoll(meetings.values[picked]);
			char done[256];
			snprintf(done, sizeof done, _("Topic #%lld is on the agenda of meeting #%lld."),
				 (long long)topic_id, (long long)meeting_id);
			ui_report(app, hw_topic_schedule(app->session, topic_id, meeting_id, &error), &error,
				  done);
		}
	}
	ui_choices_free(&meetings);
}

static void approve_topic(ui *app, int64_t topic_id)
{
	hw_error error = {0};
	hw_topic topic;
	hw_person approver;
	char by[32], question[2048], done[128];
	if (hw_topic_get(app->session, topic_id, &topic, &error) != 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	if (!pick_actor(app, hw_topic_approvers, topic_id, _("Approved by"), &approver, by))
		return;
	snprintf(question, sizeof question, _("Approve topic #%lld “%s” as %s?"), (long long)topic_id,
		 topic.title, approver.name);
	if (!ui_confirm(app, question))
		return;
	snprintf(done, sizeof done, _("Topic #%lld approved."), (long long)topic_id);
	ui_report(app, hw_topic_approve(app->session, topic_id, by, &error), &error, done);
}

/* A topic on the agenda: what the meeting decided on it, or that it waits for a later one. */
static void settle_topic(ui *app, const ui_row *row, bool decide)
{
	if (row == NULL || row->kind != UI_ROW_TOPIC) {
		ui_say(app, true, "%s", _("Select a topic on the agenda first."));
		return;
	}
	char text[1024], done[128];
	hw_error error = {0};
	hw_topic topic;
	if (hw_topic_get(app->session, row->id, &topic, &error) == 0 &&
	    (topic.state == HW_TOPIC_DECIDED || topic.state == HW_TOPIC_DEFERRED)) {
		/* Recorded by mistake: D or P again offers to take it back. */
		char question[1024];
		snprintf(question, sizeof question,
			 topic.state == HW_TOPIC_DECIDED
				 ? _("Topic #%lld is decided. Take the decision back (the topic returns "
				     "to the agenda)?")
				 : _("Topic #%lld is deferred. Take the deferral back (the topic returns "
				     "to the agenda)?"),
			 (long long)row->id);
		if (!ui_confirm(app, question))
			return;
		snprintf(done, sizeof done, _("Topic #%lld is on the agenda again."),
			 (long long)row->id);
		ui_report(app, hw_topic_reopen(app->session, row->id, &error), &error, done);
		return;
	}
	if (!ui_prompt(app, decide ? _("Decision") : _("Defer"),
		       decide ? _("What the meeting decided:") : _("Why it waits (may be empty):"), "",
		       text, sizeof text))
		return;
	int status = decide ? hw_topic_decide(app->session, row->id, text, &error)
			    : hw_topic_defer(app->session, row->id, text[0] ? text : NULL, &error);
	snprintf(done, sizeof done, decide ? _("Topic #%lld decided.") : _("Topic #%lld deferred."),
		 (long long)row->id);
	ui_report(app, status, &error, done);
}

/* ---- minutes and documents ---- */

static void sign_minutes(ui *app, int64_t meeting_id)
{
	hw_error error = {0};
	hw_person signer;
	char by[32], question[1024], done[128];
	if (!pick_actor(app, hw_minutes_signers, meeting_id, _("Signed by"), &signer, by))
		return;
	snprintf(question, sizeof question,
		 _("Sign the minutes of meeting #%lld as %s? Signed minutes are frozen: a "
		   "correction becomes an amendment."),
		 (long long)meeting_id, signer.name);
	if (!ui_confirm(app, question))
		return;
	snprintf(done, sizeof done, _("Minutes of meeting #%lld signed."), (long long)meeting_id);
	ui_report(app, hw_minutes_sign(app->session, meeting_id, by, &error), &error, done);
}

static void write_minutes(ui *app, int64_t meeting_id)
{
	hw_minutes minutes;
	hw_error error = {0};
	int has = hw_minutes_get(app->session, meeting_id, &minutes, &error);
	if (has < 0) {
		ui_say(app, true, "%s", error.message);
		return;
	}
	/* The multi-line editor (or $VISUAL, $EDITOR): numbered items, one a line. */
	char text[sizeof minutes.text];
	bool amending = has && minutes.signed_;
	snprintf(text, sizeof text, "%s", has && !amending ? minutes.text : "");
	if (!ui_edit_text(app, amending ? _("Amend the signed minutes") : _("Minutes"), text,
			  sizeof text))
		return;
	char done[128];
	if (!amending) {
		snprintf(done, sizeof done, _("Minutes of meeting #%lld saved."), (long long)meeting_id);
		ui_report(app, hw_minutes_draft(app->session, meeting_id, text, &error), &error, done);
		return;
	}
	hw_person amender;
	char by[32];
	if (!pick_actor(app, hw_minutes_signers, meeting_id, _("Amended by"), &amender, by))
		return;
	snprintf(done, sizeof done, _("Amendment to meeting #%lld recorded."), (long long)meeting_id);
	ui_report(app, hw_minutes_amend(app->session, meeting_id, text, by, &error), &error, done);
}

static void add_document(ui *app, int64_t meeting_id)
{
	char title[1024], done[128];
	if (!ui_prompt(app, _("New document"), _("Title of the document the meeting decided:"), "",
		       title, sizeof title))
		return;
	int64_t id = 0;
	hw_error error = {0};
	int status = hw_document_add(app->session, meeting_id, title, &id, &error);
	snprintf(done, sizeof done, _("Document #%lld recorded."), (long long)id);
	ui_report(app, status, &error, done);
}

static void document_step(ui *app, const ui_row *row, bool issue)
{
	if (row == NULL || row->kind != UI_ROW_DOCUMENT || row->id == 0) {
		ui_say(app, true, "%s", _("Select a document first."));
		return;
	}
	/* 'o' records the step before the issue as the rules name it: the hand-over to the
	 * office (Yiwu 39) or the submission for signature (Changji 22); the core refuses it
	 * where the rules have none, naming their steps. */
	hw_document_step step = HW_STEP_ISSUE;
	const char *label = NULL;
	hw_meeting meeting;
	hw_error error = {0};
	if (!issue) {
		if (hw_meeting_get(app->session, row->meeting_id, &meeting, &error) != 0) {
			ui_report(app, -1, &error, NULL);
			return;
		}
		const hw_type_rules *type = &app->session->rules->types[meeting.type];
		step = type->document_step_action_count > 0 ? type->document_step_actions[0]
							    : HW_STEP_HANDOVER;
		label = type->document_step_label_count > 0 ? type->document_step_labels[0] : NULL;
	}
	char on[64], today[HW_DATE_TEXT_SIZE], done[768];
	hw_date_format(app->session->today, today);
	if (!ui_prompt(app, issue ? _("Issued") : label ? label : _("Handed over"),
		       _("On (YYYY-MM-DD):"), today, on, sizeof on))
		return;
	int status = hw_document_record_step(app->session, row->id, step, on, &error);
	if (issue || label == NULL)
		snprintf(done, sizeof done, issue ? _("Document #%lld issued.") : _("Document #%lld handed over."),
			 (long long)row->id);
	else
		snprintf(done, sizeof done, _("Document #%lld: %s, recorded."), (long long)row->id, label);
	ui_report(app, status, &error, done);
}

void ui_work_action(ui *app, ui_action action, const ui_row *row, int64_t meeting_id)
{
	bool leave_row = row && (row->kind == UI_ROW_LEAVE || row->kind == UI_ROW_ATTENDEE) && row->id;
	switch (action) {
	case UI_APPROVE:
		if (leave_row)
			decide_leave(app, row->id, true);
		else if (row && row->kind == UI_ROW_TOPIC)
			approve_topic(app, row->id);
		else
			ui_say(app, true, "%s", _("Select a leave request or a topic to approve."));
		return;
	case UI_REJECT:
		if (leave_row)
			decide_leave(app, row->id, false);
		else
			ui_say(app, true, "%s", _("Select a leave request to reject."));
		return;
	case UI_DECIDE_TOPIC: settle_topic(app, row, true); return;
	case UI_DEFER_TOPIC: settle_topic(app, row, false); return;
	case UI_REQUEST_LEAVE: request_leave(app, row, meeting_id); return;
	case UI_UNINVITE: uninvite(app, row, meeting_id); return;
	case UI_NEW_TOPIC: new_topic(app, meeting_id); return;
	case UI_HAND_OVER: document_step(app, row, false); return;
	case UI_ISSUE: document_step(app, row, true); return;
	default: break;
	}
	if (meeting_id == 0) {
		ui_say(app, true, "%s", _("Select a meeting first."));
		return;
	}
	switch (action) {
	case UI_SCHEDULE_TOPIC: schedule_topic(app, meeting_id); return;
	case UI_INVITE: invite(app, meeting_id); return;
	case UI_DRAFT_MINUTES: write_minutes(app, meeting_id); return;
	case UI_SIGN_MINUTES: sign_minutes(app, meeting_id); return;
	case UI_ADD_DOCUMENT: add_document(app, meeting_id); return;
	default: return;
	}
}
