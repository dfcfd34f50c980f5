#include "checks.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "office.h"
#include "sort.h"
#include "statutory.h"

/* Findings quote the rules, so their messages are Chinese like the rules themselves. */

const char *hw_severity_key(hw_severity severity)
{
	static const char *const keys[] = {"error", "warning", "info"};
	return keys[severity];
}

const char *hw_severity_label(hw_severity severity)
{
	static const char *const labels[] = {N_("error"), N_("warning"), N_("info")};
	return _(labels[severity]);
}

void hw_findings_free(hw_findings *findings)
{
	free(findings->items);
	memset(findings, 0, sizeof *findings);
}

static void add_finding(hw_findings *out, const char *code, hw_severity severity,
			int64_t meeting_id, hw_date date, const char *clause, const char *format, ...)
	__attribute__((format(printf, 7, 8)));
static void add_finding(hw_findings *out, const char *code, hw_severity severity,
			int64_t meeting_id, hw_date date, const char *clause, const char *format, ...)
{
	/* Out of memory: the run fails (hw_check_run), rather than show fewer findings. */
	if (out->failed || hw_grow((void **)&out->items, &out->capacity, out->count,
				   sizeof *out->items, NULL) != 0) {
		out->failed = true;
		return;
	}
	hw_finding *finding = &out->items[out->count++];
	finding->code = code;
	finding->severity = severity;
	finding->meeting_id = meeting_id;
	finding->date = date;
	snprintf(finding->clause, sizeof finding->clause, "%s", clause ? clause : "");
	va_list args;
	va_start(args, format);
	vsnprintf(finding->message, sizeof finding->message, format, args);
	va_end(args);
}


/* ---- lookups in the loaded data ---- */

static const hw_person *find_person(const hw_check_data *data, int64_t id)
{
	int low = 0, high = data->person_count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		if (data->people[middle].id == id)
			return &data->people[middle];
		if (data->people[middle].id < id)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return NULL;
}

static const hw_department *find_department(const hw_check_data *data, int64_t id)
{
	for (int i = 0; i < data->department_count; i++)
		if (data->departments[i].id == id)
			return &data->departments[i];
	return NULL;
}

static const hw_check_meeting *find_meeting(const hw_check_data *data, int64_t id)
{
	int low = 0, high = data->meeting_count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		if (data->meetings[middle].id == id)
			return &data->meetings[middle];
		if (data->meetings[middle].id < id)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return NULL;
}

static bool in_range(const hw_check_data *data, hw_date date)
{
	return date >= data->from && date <= data->to;
}

/* A meeting's attendees are sorted by person. */
static bool is_attendee(const hw_check_data *data, const hw_check_meeting *meeting, int64_t person)
{
	int low = meeting->first_attendee, high = meeting->first_attendee + meeting->attendee_count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		int64_t id = data->attendees[middle].person_id;
		if (id == person)
			return true;
		if (id < person)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return false;
}

/* The first index in an array sorted by meeting id whose id is >= `meeting`; `offset` is where
 * the id lies in each element. */
static int lower_bound_by_meeting(const void *array, int count, size_t stride, size_t offset,
				  int64_t meeting)
{
	int low = 0, high = count;
	while (low < high) {
		int middle = (low + high) / 2;
		int64_t id;
		memcpy(&id, (const char *)array + (size_t)middle * stride + offset, sizeof id);
		if (id < meeting)
			low = middle + 1;
		else
			high = middle;
	}
	return low;
}

static int first_topic(const hw_check_data *data, int64_t meeting)
{
	return lower_bound_by_meeting(data->topics, data->topic_count, sizeof *data->topics,
				      offsetof(hw_check_topic, meeting_id), meeting);
}

static int first_leave(const hw_check_data *data, int64_t meeting)
{
	return lower_bound_by_meeting(data->leave, data->leave_count, sizeof *data->leave,
				      offsetof(hw_check_leave, meeting_id), meeting);
}

static int first_document(const hw_check_data *data, int64_t meeting)
{
	return lower_bound_by_meeting(data->documents, data->document_count, sizeof *data->documents,
				      offsetof(hw_check_document, document.meeting_id), meeting);
}

static const hw_check_leave *leave_of(const hw_check_data *data, int64_t meeting, int64_t person)
{
	for (int i = first_leave(data, meeting);
	     i < data->leave_count && data->leave[i].meeting_id == meeting; i++)
		if (data->leave[i].person_id == person)
			return &data->leave[i];
	return NULL;
}

static const char *person_name(const hw_check_data *data, int64_t id)
{
	const hw_person *person = find_person(data, id);
	return person ? person->name : "?";
}

/* ---- per meeting ---- */

static void check_workday(const hw_calendar *calendar, const hw_check_meeting *meeting,
			  hw_findings *out)
{
	hw_day_info day = hw_calendar_day(calendar, meeting->date);
	if (day.kind == HW_DAY_WORKDAY || day.kind == HW_DAY_MAKEUP_WORKDAY)
		return;
	char clause[128];
	int year = hw_date_year(meeting->date);
	if (day.kind == HW_DAY_HOLIDAY && day.provisional) {
		/* The year's notice is not out: the day is off by the statutory list itself. */
		add_finding(out, "NON_WORKDAY", HW_SEVERITY_WARNING, meeting->id, meeting->date,
			    HW_STATUTORY_CLAUSE, "会议安排在法定节假日（%s，暂定：%d年节假日安排尚未发布）",
			    day.holiday_name, year);
		return;
	}
	if (day.kind == HW_DAY_HOLIDAY)
		snprintf(clause, sizeof clause, "国务院办公厅关于%d年部分节假日安排的通知", year);
	else
		snprintf(clause, sizeof clause, "国务院关于职工工作时间的规定 第七条");
	add_finding(out, "NON_WORKDAY", HW_SEVERITY_WARNING, meeting->id, meeting->date, clause,
		    "会议安排在非工作日（%s）", day.kind == HW_DAY_HOLIDAY ? day.holiday_name : "周末");
}

static void check_chair(const hw_rules *rules, const hw_check_data *data,
			const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	if (meeting->type == HW_MEETING_DEPT_WIDE)
		return;
	const hw_person *chair = find_person(data, meeting->chair_id);
	char allowed[256];
	hw_describe_roles(rules, type->chair | type->chair_by_delegation, allowed, sizeof allowed);
	if (chair == NULL) {
		add_finding(out, "CHAIR_NOT_ALLOWED", HW_SEVERITY_ERROR, meeting->id, meeting->date,
			    hw_type_key_clause(type, HW_KEY_CHAIR), "%s没有主持人，规则规定由%s主持", type->name,
			    allowed);
		return;
	}
	if (hw_chair_allowed(type, chair, find_department(data, chair->department_id)) == 0)
		add_finding(out, "CHAIR_NOT_ALLOWED", HW_SEVERITY_ERROR, meeting->id, meeting->date,
			    hw_type_key_clause(type, HW_KEY_CHAIR), "%s由%s（%s）主持，规则规定由%s主持",
			    type->name, chair->name, chair->title, allowed);
}

static void check_members(const hw_rules *rules, const hw_check_data *data,
			  const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	hw_role_set expected = type->members | type->sitters_in;
	if (expected == 0 || meeting->status != HW_STATUS_PLANNED)
		return;
	for (int i = 0; i < data->person_count; i++) {
		const hw_person *person = &data->people[i];
		if (person->left) /* no longer serving: not expected at new meetings */
			continue;
		const hw_department *department = find_department(data, person->department_id);
		hw_role_set missing_as = 0;
		for (int role = 0; role < HW_ROLE_COUNT; role++)
			if (hw_role_set_has(expected, (hw_role)role) &&
			    hw_person_fills_role(person, department, (hw_role)role))
				missing_as |= HW_ROLE_BIT(role);
		if (missing_as == 0 || is_attendee(data, meeting, person->id))
			continue;
		bool member = (missing_as & type->members) != 0;
		add_finding(out, "MEMBER_NOT_INVITED", HW_SEVERITY_WARNING, meeting->id, meeting->date,
			    hw_type_key_clause(type, member ? HW_KEY_MEMBERS : HW_KEY_SITTERS_IN),
			    "%s（%s）是%s的%s，但未被邀请", person->name, person->title, type->name,
			    member ? "组成人员" : "列席人员");
	}
}

static bool topic_of_division(const hw_check_data *data, const hw_check_topic *topic,
			      int64_t deputy)
{
	if (topic->deputy_id == deputy)
		return true;
	const hw_department *department = find_department(data, topic->department_id);
	return department != NULL && department->deputy_id == deputy;
}

static void check_topics(const hw_rules *rules, const hw_check_data *data,
			 const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	int topics = first_topic(data, meeting->id);
	for (int t = topics; t < data->topic_count && data->topics[t].meeting_id == meeting->id; t++) {
		const hw_check_topic *topic = &data->topics[t];
		if (type->topic_approver && !topic->approved) {
			char approvers[128];
			hw_describe_roles(rules, type->topic_approver, approvers, sizeof approvers);
			add_finding(out, "TOPIC_NOT_APPROVED", HW_SEVERITY_ERROR, meeting->id, meeting->date,
				    hw_type_key_clause(type, HW_KEY_TOPIC_APPROVER),
				    "议题#%lld“%s”未经%s确定即列入议程", (long long)topic->id, topic->title,
				    approvers);
		}
		if (type->topic_study_required &&
		    (!topic->has_studied_on || topic->studied_on > meeting->date))
			add_finding(out, "TOPIC_NOT_STUDIED", HW_SEVERITY_WARNING, meeting->id,
				    meeting->date, hw_type_key_clause(type, HW_KEY_TOPIC_STUDY_REQUIRED),
				    "议题#%lld“%s”上会前未经分管领导召集有关部门专题研究、形成一致意见",
				    (long long)topic->id, topic->title);
		if ((topic->matters & type->topic_agreement_required) != 0 && !topic->agreed)
			add_finding(out, "TOPIC_NOT_AGREED", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    hw_type_key_clause(type, HW_KEY_TOPIC_AGREEMENT_REQUIRED),
				    "议题#%lld“%s”涉及项目、资金、人员编制或奖惩事宜，尚未协调一致",
				    (long long)topic->id, topic->title);
	}
	if (!type->topic_leader_must_attend)
		return;
	/* A deputy on approved leave: that deputy's division's topics wait for another meeting. */
	for (int l = first_leave(data, meeting->id);
	     l < data->leave_count && data->leave[l].meeting_id == meeting->id; l++) {
		const hw_check_leave *leave = &data->leave[l];
		if (!leave->approved)
			continue;
		const hw_person *absent = find_person(data, leave->person_id);
		if (absent == NULL || !hw_role_is_government_leader(absent->role))
			continue;
		for (int t = topics; t < data->topic_count && data->topics[t].meeting_id == meeting->id;
		     t++) {
			const hw_check_topic *topic = &data->topics[t];
			if (topic_of_division(data, topic, absent->id))
				add_finding(out, "TOPIC_LEADER_ABSENT", HW_SEVERITY_WARNING, meeting->id,
					    meeting->date, hw_type_key_clause(type, HW_KEY_TOPIC_LEADER_MUST_ATTEND),
					    "分管领导%s已请假，其分管领域的议题#%lld“%s”原则上不安排上会",
					    absent->name, (long long)topic->id, topic->title);
		}
	}
	/* A deputy away from the region that day (请销假) cannot attend either; one on approved
	 * leave from the meeting was reported above. */
	for (int r = 0; r < data->trip_count; r++) {
		const hw_check_trip *trip = &data->trips[r];
		if (meeting->date < trip->from || meeting->date > trip->to)
			continue;
		const hw_person *away = find_person(data, trip->person_id);
		const hw_check_leave *leave = leave_of(data, meeting->id, trip->person_id);
		if (away == NULL || !hw_role_is_government_leader(away->role) ||
		    (leave && leave->approved))
			continue;
		char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE];
		hw_date_format(trip->from, from);
		hw_date_format(trip->to, to);
		for (int t = topics; t < data->topic_count && data->topics[t].meeting_id == meeting->id;
		     t++) {
			const hw_check_topic *topic = &data->topics[t];
			if (topic_of_division(data, topic, away->id))
				add_finding(out, "TOPIC_LEADER_ABSENT", HW_SEVERITY_WARNING, meeting->id,
					    meeting->date, hw_type_key_clause(type, HW_KEY_TOPIC_LEADER_MUST_ATTEND),
					    "分管领导%s于%s至%s离开本地外出，其分管领域的议题#%lld“%s”原则上不安排上会",
					    away->name, from, to, (long long)topic->id, topic->title);
		}
	}
}

static void check_leave(const hw_rules *rules, const hw_check_data *data,
			const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	if (!type->leave_written)
		return;
	for (int l = first_leave(data, meeting->id);
	     l < data->leave_count && data->leave[l].meeting_id == meeting->id; l++) {
		const hw_check_leave *leave = &data->leave[l];
		if (leave->written || !(leave->approved || leave->pending))
			continue;
		const hw_person *person = find_person(data, leave->person_id);
		/* The written form is what the rules ask of departments' leaders. */
		if (person == NULL || hw_role_is_government_leader(person->role))
			continue;
		add_finding(out, "LEAVE_NOT_WRITTEN", HW_SEVERITY_WARNING, meeting->id, meeting->date,
			    hw_type_key_clause(type, HW_KEY_LEAVE_WRITTEN), "%s未书面请假（规则要求书面请假）",
			    person->name);
	}
}

static void check_staff(const hw_rules *rules, const hw_check_data *data,
			const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	if (type->staff_limit < 0)
		return;
	/* Staff per department; the main reporting units are the departments of the agenda's
	 * topics. */
	for (int i = 0; i < meeting->attendee_count; i++) {
		const hw_check_attendee *attendee = &data->attendees[meeting->first_attendee + i];
		if (attendee->kind != HW_ATTEND_STAFF)
			continue;
		const hw_person *staff = find_person(data, attendee->person_id);
		int64_t department = staff ? staff->department_id : 0;
		/* Count once per department: at its first staff attendee. */
		bool first = true;
		int count = 0;
		for (int j = 0; j < meeting->attendee_count; j++) {
			const hw_check_attendee *other = &data->attendees[meeting->first_attendee + j];
			const hw_person *person = find_person(data, other->person_id);
			if (other->kind != HW_ATTEND_STAFF || person == NULL ||
			    person->department_id != department)
				continue;
			if (j < i)
				first = false;
			count++;
		}
		if (!first)
			continue;
		bool reporting = false;
		for (int t = first_topic(data, meeting->id);
		     t < data->topic_count && data->topics[t].meeting_id == meeting->id && !reporting; t++)
			reporting = data->topics[t].department_id == department && department != 0;
		int allowed = reporting ? type->staff_limit : 0;
		if (count <= allowed)
			continue;
		const hw_department *found = find_department(data, department);
		if (reporting)
			add_finding(out, "STAFF_OVER", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    hw_type_key_clause(type, HW_KEY_STAFF_LIMIT),
				    "%s带%d名工作人员参会，议题主要汇报单位负责人至多可带%d名",
				    found ? found->name : "?", count, allowed);
		else
			add_finding(out, "STAFF_OVER", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    hw_type_key_clause(type, HW_KEY_STAFF_LIMIT),
				    "%s带%d名工作人员参会，议题主要汇报单位以外的单位不得带工作人员",
				    found ? found->name : "?", count);
	}
}

static void check_follow_up(const hw_rules *rules, const hw_calendar *calendar,
			    const hw_check_data *data, const hw_check_meeting *meeting, hw_date today,
			    hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	if (meeting->status != HW_STATUS_HELD || type->document_step_count == 0)
		return;
	/* Minutes have no deadline in any of the documents: the working days of
	 * document_steps bind only the documents decided at the meeting. */
	const char *clause = hw_type_key_clause(type, HW_KEY_DOCUMENT_STEPS);
	for (int d = first_document(data, meeting->id);
	     d < data->document_count && data->documents[d].document.meeting_id == meeting->id; d++) {
		const hw_document *document = &data->documents[d].document;
		if (document->issued)
			continue;
		hw_deadline_kind step;
		hw_date document_due;
		if (!hw_document_due(rules, calendar, meeting->type, meeting->date, document,
				     &document_due, &step) ||
		    document_due >= today)
			continue;
		/* The step as the rules word it: 印发, 报市长或副市长签发, 由…报政府办公室. */
		const char *label = hw_document_step_label(rules, meeting->type, step);
		char due_text[HW_DATE_TEXT_SIZE];
		hw_date_format(document_due, due_text);
		add_finding(out, "DOCUMENT_OVERDUE", HW_SEVERITY_ERROR, meeting->id, meeting->date, clause,
			    "文件#%lld“%s”应于%s前%s，已逾期%d个工作日", (long long)document->id,
			    document->title, due_text, label ? label : hw_document_step_key(step),
			    hw_calendar_count_workdays(calendar, document_due, today, NULL));
	}
}

static bool minutes_signed(const hw_check_data *data, int64_t meeting)
{
	int low = 0, high = data->signed_minutes_count - 1;
	while (low <= high) {
		int middle = (low + high) / 2;
		if (data->signed_minutes[middle] == meeting)
			return true;
		if (data->signed_minutes[middle] < meeting)
			low = middle + 1;
		else
			high = middle - 1;
	}
	return false;
}

/* The office's own target for signing minutes, when it sets one (src/core/office.h): no
 * document sets a deadline on minutes, so this cites no article, says whose target it is and
 * is only information. */
static void check_office_minutes_target(const hw_calendar *calendar, const hw_check_data *data,
					const hw_check_meeting *meeting, hw_date today,
					hw_findings *out)
{
	if (data->minutes_target_days <= 0 || meeting->status != HW_STATUS_HELD ||
	    minutes_signed(data, meeting->id))
		return;
	hw_date due = hw_office_minutes_due(calendar, data->minutes_target_days, meeting->date);
	if (due >= today)
		return;
	char due_text[HW_DATE_TEXT_SIZE];
	hw_date_format(due, due_text);
	add_finding(out, "MINUTES_PAST_OFFICE_TARGET", HW_SEVERITY_INFO, meeting->id, meeting->date,
		    NULL,
		    "会议纪要尚未签发，已超过办公室自定目标（会后%d个工作日，%s）%d个工作日"
		    "（办公室自行设定，非工作规则条款，不引条款）",
		    data->minutes_target_days, due_text,
		    hw_calendar_count_workdays(calendar, due, today, NULL));
}

static void check_special(const hw_rules *rules, const hw_check_meeting *meeting, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[meeting->type];
	if (meeting->type != HW_MEETING_SPECIAL || !meeting->decision_type ||
	    type->decision_consent == 0 || meeting->head_consent)
		return;
	char who[128];
	hw_describe_roles(rules, type->decision_consent, who, sizeof who);
	add_finding(out, "SPECIAL_NO_CONSENT", HW_SEVERITY_ERROR, meeting->id, meeting->date,
		    hw_type_key_clause(type, HW_KEY_DECISION_CONSENT), "决策类专题会议须报请%s同意后方可召开，尚无%s同意",
		    who, who);
}

static void check_department_meeting(const hw_rules *rules, const hw_calendar *calendar,
				     const hw_check_data *data, const hw_check_meeting *meeting,
				     hw_findings *out)
{
	if (meeting->type != HW_MEETING_DEPT_WIDE)
		return;
	const hw_type_rules *type = &rules->types[meeting->type];
	const hw_department *department = find_department(data, meeting->department_id);
	const char *name = department ? department->name : "?";
	if (type->notice_workdays >= 0) {
		const char *clause = hw_type_key_clause(type, HW_KEY_NOTICE_WORKDAYS);
		if (!meeting->has_requested_on) {
			add_finding(out, "DEPT_MEETING_NOTICE", HW_SEVERITY_WARNING, meeting->id,
				    meeting->date, clause, "%s召开%s未记录报请日期，规则要求提前%d个工作日报请",
				    name, type->name, type->notice_workdays);
		} else if (meeting->requested_on > meeting->date) {
			char requested[HW_DATE_TEXT_SIZE];
			hw_date_format(meeting->requested_on, requested);
			add_finding(out, "DEPT_MEETING_NOTICE", HW_SEVERITY_WARNING, meeting->id,
				    meeting->date, clause,
				    "%s召开%s于会后（%s）才报请，规则要求提前%d个工作日报请", name, type->name,
				    requested, type->notice_workdays);
		} else {
			int notice = hw_calendar_count_workdays(calendar, meeting->requested_on,
								meeting->date, NULL);
			if (notice < type->notice_workdays)
				add_finding(out, "DEPT_MEETING_NOTICE", HW_SEVERITY_WARNING, meeting->id,
					    meeting->date, clause,
					    "%s召开%s仅提前%d个工作日报请，规则要求提前%d个工作日", name,
					    type->name, notice, type->notice_workdays);
		}
	}
	if (type->deputy_consent && !meeting->deputy_consent)
		add_finding(out, "DEPT_MEETING_CONSENT", HW_SEVERITY_WARNING, meeting->id, meeting->date,
			    hw_type_key_clause(type, HW_KEY_DEPUTY_CONSENT), "%s召开%s须先征得分管领导同意，尚无记录",
			    name, type->name);
	if (meeting->status == HW_STATUS_CANCELLED)
		return;
	if (type->government_approval && !meeting->government_approved)
		add_finding(out, "DEPT_MEETING_APPROVAL", HW_SEVERITY_WARNING, meeting->id,
			    meeting->date, hw_type_key_clause(type, HW_KEY_GOVERNMENT_APPROVAL),
			    "%s召开%s须报经批准后实施，尚无批准记录", name, type->name);
	/* 从严控制…在伊宁市以外召开的全州或区域性会议 (ili 25, kizilsu 44, changji 25, wuqia 47):
	 * strictly controlled, not forbidden, so a warning. huiwu cannot place an address, so a
	 * recorded location counts as inside only when it names the seat; a meeting with no
	 * location recorded is not judged. */
	const char *seat = rules->government[HW_GOV_SEAT];
	if (seat != NULL && rules->government_clauses[HW_GOV_SEAT] != NULL && meeting->location[0] &&
	    strstr(meeting->location, seat) == NULL)
		add_finding(out, "DEPT_MEETING_OUTSIDE_SEAT", HW_SEVERITY_WARNING, meeting->id,
			    meeting->date, rules->government_clauses[HW_GOV_SEAT],
			    "%s召开的%s地点为“%s”，未写明在%s：在%s以外召开的会议须从严控制", name,
			    type->name, meeting->location, seat, seat);
	if (type->lower_heads_need_approval && !meeting->government_approved)
		for (int i = 0; i < meeting->attendee_count; i++) {
			const hw_check_attendee *attendee = &data->attendees[meeting->first_attendee + i];
			const hw_person *person = find_person(data, attendee->person_id);
			if (person != NULL && person->role == HW_ROLE_TOWNSHIP_HEAD)
				add_finding(out, "DEPT_MEETING_LOWER_HEADS", HW_SEVERITY_WARNING,
					    meeting->id, meeting->date,
					    hw_type_key_clause(type, HW_KEY_LOWER_HEADS_NEED_APPROVAL),
					    "%s召开的%s邀请了%s，未记录报经批准：未按有关规定报经批准，不得请下级政府负责人出席",
					    name, type->name, person->name);
		}
	if (!type->leaders_stay_away)
		return;
	for (int i = 0; i < meeting->attendee_count; i++) {
		const hw_check_attendee *attendee = &data->attendees[meeting->first_attendee + i];
		const hw_person *person = find_person(data, attendee->person_id);
		if (person == NULL || !hw_role_is_government_leader(person->role) ||
		    (type->leaders_own_department_exempt && person->department_id &&
		     person->department_id == meeting->department_id))
			continue;
		add_finding(out, "DEPT_MEETING_LEADER", HW_SEVERITY_WARNING, meeting->id, meeting->date,
			    hw_type_key_clause(type, HW_KEY_LEADERS_STAY_AWAY),
			    "政府领导同志一般不出席部门的工作会议，%s召开的%s邀请了%s", name,
			    type->name, person->name);
	}
}

/* ---- across meetings ---- */

/* Said of a finding that no article states: huiwu's own judgement, citing nothing. */
#define OWN_JUDGEMENT "（会务排期提示：规则未作规定，不引条款）"

typedef struct booking {
	int64_t person_id;
	hw_date date;
	int start, end;
	int64_t meeting_id;
} booking;

static int compare_bookings(const void *a, const void *b)
{
	const booking *x = a, *y = b;
	if (x->person_id != y->person_id)
		return x->person_id < y->person_id ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->meeting_id > y->meeting_id) - (x->meeting_id < y->meeting_id);
}

static int compare_meeting_dates(const void *a, const void *b);

/* Day by day: a person can only be double-booked within one day, so each day's bookings are
 * sorted on their own (small arrays, in cache) instead of all bookings at once. */
static void check_double_booking(const hw_rules *rules, const hw_check_data *data,
				 hw_findings *out)
{
	const hw_check_meeting **by_date = malloc((size_t)(data->meeting_count + 1) * sizeof *by_date);
	booking *bookings = malloc((size_t)(data->attendee_count + 1) * sizeof *bookings);
	if (by_date == NULL || bookings == NULL) {
		free(by_date);
		free(bookings);
		return;
	}
	int meetings = 0;
	for (int m = 0; m < data->meeting_count; m++)
		if (data->meetings[m].status != HW_STATUS_CANCELLED &&
		    rules->types[data->meetings[m].type].defined && in_range(data, data->meetings[m].date))
			by_date[meetings++] = &data->meetings[m];
	hw_sort(by_date, (size_t)meetings, sizeof *by_date, compare_meeting_dates);
	for (int first = 0, last; first < meetings; first = last) {
		int count = 0;
		for (last = first; last < meetings && by_date[last]->date == by_date[first]->date; last++) {
			const hw_check_meeting *meeting = by_date[last];
			for (int i = 0; i < meeting->attendee_count; i++) {
				const hw_check_attendee *attendee = &data->attendees[meeting->first_attendee + i];
				const hw_check_leave *leave = leave_of(data, meeting->id, attendee->person_id);
				if (leave != NULL && leave->approved)
					continue;
				bookings[count++] = (booking){attendee->person_id, meeting->date,
							      meeting->start_minute, meeting->end_minute,
							      meeting->id};
			}
		}
		hw_sort(bookings, (size_t)count, sizeof *bookings, compare_bookings);
		for (int i = 0; i < count; i++) {
			for (int j = i + 1; j < count && bookings[j].person_id == bookings[i].person_id &&
					    bookings[j].start < bookings[i].end;
			     j++) {
				const hw_check_meeting *other = find_meeting(data, bookings[i].meeting_id);
				/* No article forbids a double booking: this is huiwu's own scheduling
				 * judgement, so it cites none and says so. */
				add_finding(out, "DOUBLE_BOOKED", HW_SEVERITY_WARNING, bookings[j].meeting_id,
					    bookings[j].date, NULL, "%s同时被安排参加会议#%lld“%s”，时间冲突" OWN_JUDGEMENT,
					    person_name(data, bookings[j].person_id),
					    (long long)bookings[i].meeting_id, other ? other->title : "");
			}
		}
	}
	/* Time someone is busy elsewhere (imported) against the meetings of that day. */
	for (int b = 0; b < data->busy_count; b++) {
		const hw_check_busy *busy = &data->busy[b];
		if (!in_range(data, busy->date))
			continue;
		int low = 0, high = meetings;
		while (low < high) {
			int middle = (low + high) / 2;
			if (by_date[middle]->date < busy->date)
				low = middle + 1;
			else
				high = middle;
		}
		for (int m = low; m < meetings && by_date[m]->date == busy->date; m++) {
			const hw_check_meeting *meeting = by_date[m];
			const hw_check_leave *leave = leave_of(data, meeting->id, busy->person_id);
			if (meeting->start_minute >= busy->end_minute ||
			    busy->start_minute >= meeting->end_minute ||
			    !is_attendee(data, meeting, busy->person_id) || (leave && leave->approved))
				continue;
			add_finding(out, "DOUBLE_BOOKED", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    NULL, "%s在该时段另有安排：%s（导入的日程）" OWN_JUDGEMENT,
				    person_name(data, busy->person_id),
				    busy->summary);
		}
	}
	/* A trip out of the region against the meetings the traveller is invited to. */
	for (int r = 0; r < data->trip_count; r++) {
		const hw_check_trip *trip = &data->trips[r];
		for (int m = 0; m < meetings; m++) {
			const hw_check_meeting *meeting = by_date[m];
			if (meeting->date < trip->from || meeting->date > trip->to ||
			    !in_range(data, meeting->date) ||
			    !is_attendee(data, meeting, trip->person_id))
				continue;
			const hw_check_leave *leave = leave_of(data, meeting->id, trip->person_id);
			if (leave && leave->approved)
				continue;
			char from[HW_DATE_TEXT_SIZE], to[HW_DATE_TEXT_SIZE];
			hw_date_format(trip->from, from);
			hw_date_format(trip->to, to);
			add_finding(out, "DOUBLE_BOOKED", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    NULL, "%s于%s至%s离开本地外出（已报告：%s），无法出席该会议" OWN_JUDGEMENT,
				    person_name(data, trip->person_id), from, to, trip->reported_to);
		}
	}
	free(by_date);
	free(bookings);
}

static int compare_meeting_dates(const void *a, const void *b)
{
	const hw_check_meeting *x = *(const hw_check_meeting *const *)a;
	const hw_check_meeting *y = *(const hw_check_meeting *const *)b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start_minute != y->start_minute)
		return x->start_minute < y->start_minute ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void describe_period(hw_date start, int months, char *out, size_t size)
{
	int year, month, day;
	hw_date_to_ymd(start, &year, &month, &day);
	if (months == 12)
		snprintf(out, size, "%d年", year);
	else if (months == 1)
		snprintf(out, size, "%d年%d月", year, month);
	else
		snprintf(out, size, "%d年%d—%d月", year, month, month + months - 1);
}

static void check_frequency(const hw_rules *rules, const hw_check_data *data, hw_date today,
			    hw_meeting_type type_key, const hw_check_meeting **sorted, int sorted_count,
			    hw_findings *out)
{
	const hw_type_rules *type = &rules->types[type_key];
	if (!type->defined || !type->has_frequency)
		return;
	int months = type->frequency.months;
	hw_date start, end;
	hw_date_period(data->from, months, &start, &end);
	int index = 0;
	while (start <= data->to) {
		int regular = 0, total = 0;
		for (; index < sorted_count && sorted[index]->date < start; index++)
			;
		for (int i = index; i < sorted_count && sorted[i]->date <= end; i++) {
			const hw_check_meeting *meeting = sorted[i];
			total++;
			if (meeting->adhoc)
				continue;
			if (++regular > type->frequency.max && in_range(data, meeting->date)) {
				char period[32];
				describe_period(start, months, period, sizeof period);
				add_finding(out, "FREQ_OVER", HW_SEVERITY_WARNING, meeting->id, meeting->date,
					    hw_type_key_clause(type, HW_KEY_FREQUENCY),
					    "%s%s已召开%d次，超过规定的%d次；如确需临时召开，请注明临时召开的事由",
					    period, type->name, regular, type->frequency.max);
			}
		}
		bool ended = end < today;
		bool on_record = end >= data->records_begin;
		if (ended && on_record && total < type->frequency.min) {
			char period[32];
			describe_period(start, months, period, sizeof period);
			bool study = type_key == HW_MEETING_STUDY;
			add_finding(out, study ? "STUDY_OVERDUE" : "FREQ_UNDER", HW_SEVERITY_WARNING, 0, start,
				    hw_type_key_clause(type, HW_KEY_FREQUENCY), "%s%s召开%d次，少于规定的%d次",
				    period, type->name, total, type->frequency.min);
		}
		int year, month, day;
		hw_date_to_ymd(start, &year, &month, &day);
		month += months;
		if (month > 12) {
			month -= 12;
			year++;
		}
		if (year > HW_DATE_MAX_YEAR)
			break;
		start = hw_date_from_ymd(year, month, 1);
		hw_date_period(start, months, &start, &end);
	}
}

static void check_department_quota(const hw_rules *rules, const hw_check_data *data,
				   const hw_check_meeting **sorted, int sorted_count, hw_findings *out)
{
	const hw_type_rules *type = &rules->types[HW_MEETING_DEPT_WIDE];
	if (!type->defined || type->quota_per_year < 0)
		return;
	for (int i = 0; i < sorted_count; i++) {
		const hw_check_meeting *meeting = sorted[i];
		if (!in_range(data, meeting->date))
			continue;
		int year = hw_date_year(meeting->date), before = 0;
		for (int j = 0; j < i; j++)
			if (sorted[j]->department_id == meeting->department_id &&
			    hw_date_year(sorted[j]->date) == year)
				before++;
		if (before >= type->quota_per_year) {
			const hw_department *department = find_department(data, meeting->department_id);
			add_finding(out, "DEPT_MEETING_QUOTA", HW_SEVERITY_WARNING, meeting->id, meeting->date,
				    hw_type_key_clause(type, HW_KEY_QUOTA_PER_YEAR),
				    "%s %d年第%d次召开%s，规则规定每年原则上不超过%d次",
				    department ? department->name : "?", year, before + 1, type->name,
				    type->quota_per_year);
		}
	}
}

static int compare_findings(const void *a, const void *b)
{
	const hw_finding *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->meeting_id != y->meeting_id)
		return x->meeting_id < y->meeting_id ? -1 : 1;
	return strcmp(x->code, y->code);
}

int hw_check_run(const hw_rules *rules, const hw_calendar *calendar, const hw_check_data *data,
		 hw_date today, hw_findings *out, hw_error *error)
{
	int first_new = out->count;
	for (int m = 0; m < data->meeting_count; m++) {
		const hw_check_meeting *meeting = &data->meetings[m];
		const hw_type_rules *type = &rules->types[meeting->type];
		/* A type these rules do not define is never judged by them. */
		if (!type->defined || meeting->status == HW_STATUS_CANCELLED ||
		    !in_range(data, meeting->date))
			continue;
		check_workday(calendar, meeting, out);
		check_chair(rules, data, meeting, out);
		check_members(rules, data, meeting, out);
		check_topics(rules, data, meeting, out);
		check_leave(rules, data, meeting, out);
		check_staff(rules, data, meeting, out);
		check_follow_up(rules, calendar, data, meeting, today, out);
		check_office_minutes_target(calendar, data, meeting, today, out);
		check_special(rules, meeting, out);
		check_department_meeting(rules, calendar, data, meeting, out);
	}
	check_double_booking(rules, data, out);

	/* Per type, the meetings that count (not cancelled) by date, for periods and quotas. */
	const hw_check_meeting **sorted = malloc((size_t)(data->meeting_count + 1) * sizeof *sorted);
	if (sorted == NULL) {
		out->failed = true;
	} else {
		for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++) {
			int count = 0;
			for (int m = 0; m < data->meeting_count; m++)
				if ((int)data->meetings[m].type == t &&
				    data->meetings[m].status != HW_STATUS_CANCELLED)
					sorted[count++] = &data->meetings[m];
			hw_sort(sorted, (size_t)count, sizeof *sorted, compare_meeting_dates);
			if (t == HW_MEETING_DEPT_WIDE)
				check_department_quota(rules, data, sorted, count, out);
			else
				check_frequency(rules, data, today, (hw_meeting_type)t, sorted, count, out);
		}
		free(sorted);
	}
	hw_sort(out->items + first_new, (size_t)(out->count - first_new), sizeof *out->items,
	       compare_findings);
	if (out->failed)
		return hw_error_set(error, "%s", _("out of memory: the rules could not be checked"));
	return 0;
}

/* Every code add_finding is given above (tests/test_checks.c checks that the two agree), each
 * with the short label people read instead of the code (tests/test_labels.c checks that each
 * has one). The code is the interface for scripts (--json); the label is for people. */
static const struct {
	const char *code;
	const char *label;
} finding_codes[] = {
	{"FREQ_OVER", N_("more meetings than the rules allow")},
	{"FREQ_UNDER", N_("fewer meetings than the rules ask")},
	{"STUDY_OVERDUE", N_("study session overdue")},
	{"CHAIR_NOT_ALLOWED", N_("chair not as the rules name")},
	{"MEMBER_NOT_INVITED", N_("member not invited")},
	{"TOPIC_LEADER_ABSENT", N_("topic's leader absent")},
	{"TOPIC_NOT_STUDIED", N_("topic not studied beforehand")},
	{"TOPIC_NOT_APPROVED", N_("topic not approved")},
	{"TOPIC_NOT_AGREED", N_("topic not agreed with those concerned")},
	{"LEAVE_NOT_WRITTEN", N_("leave not asked in writing")},
	{"STAFF_OVER", N_("too many staff attending")},
	{"DOCUMENT_OVERDUE", N_("document overdue")},
	{"SPECIAL_NO_CONSENT", N_("special meeting without the head's consent")},
	{"DEPT_MEETING_QUOTA", N_("department meetings over the yearly quota")},
	{"DEPT_MEETING_NOTICE", N_("department meeting asked too late")},
	{"DEPT_MEETING_CONSENT", N_("department meeting without the deputy's consent")},
	{"NON_WORKDAY", N_("on a rest day")},
	{"DOUBLE_BOOKED", N_("booked twice at the same time")},
	{"DEPT_MEETING_LEADER", N_("government leader at a department meeting")},
	{"DEPT_MEETING_APPROVAL", N_("department meeting not approved")},
	{"DEPT_MEETING_LOWER_HEADS", N_("lower governments' heads invited without approval")},
	{"DEPT_MEETING_OUTSIDE_SEAT", N_("held outside the seat")},
	{"MINUTES_PAST_OFFICE_TARGET", N_("minutes past the office's own target")},
};

#define FINDING_CODE_COUNT ((int)(sizeof finding_codes / sizeof *finding_codes))

bool hw_finding_code_known(const char *code)
{
	for (int i = 0; code != NULL && i < FINDING_CODE_COUNT; i++)
		if (strcmp(code, finding_codes[i].code) == 0)
			return true;
	return false;
}

int hw_finding_code_count(void)
{
	return FINDING_CODE_COUNT;
}

const char *hw_finding_code_at(int index)
{
	return index >= 0 && index < FINDING_CODE_COUNT ? finding_codes[index].code : NULL;
}

const char *hw_finding_label(const char *code)
{
	for (int i = 0; code != NULL && i < FINDING_CODE_COUNT; i++)
		if (strcmp(code, finding_codes[i].code) == 0)
			return finding_codes[i].label ? _(finding_codes[i].label) : NULL;
	return NULL;
}
