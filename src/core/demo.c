/* The demo: a roster named by roles and about two months of meetings around today.
 *
 * The plan is made first (dates only), then carried out meeting by meeting through the same
 * calls a clerk's commands make. Most meetings are clean; a few carry one deliberate fault
 * each, so that the rule engine has every kind of finding to show that the government's rules
 * can produce. Whether a fault is planted at all, and where, is decided from the rules:
 *
 *  - the periodic types (frequency) get a normal number of meetings per calendar period; the
 *    first ended period gets too few (FREQ_UNDER, STUDY_OVERDUE) and the period of today one
 *    regular meeting too many (FREQ_OVER);
 *  - the earliest meeting is a department's own meeting at the start, so that the ended period
 *    is on record;
 *  - the coming executive meetings carry the agenda, leave, staff and invitation faults; the
 *    past ones the late minutes and documents;
 *  - special and department-wide meetings carry the consent, notice and quota faults where the
 *    rules ask for consent, notice or a quota.
 */
#include "demo.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "leave.h"
#include "meetings.h"
#include "minutes.h"
#include "roster.h"
#include "topics.h"
#include "workdays.h"

#define NO_DAY INT_MIN
#define MAX_PLANS 128
#define MAX_TOPICS 8
#define DEMO_DAYS_BACK 68  /* the first meeting: about two months before today */
#define DEMO_DAYS_AHEAD 35 /* the last: about a month after */

/* The government's leaders, by role; the deputies each have a field (分管领域). */
enum leader {
	L_HEAD,
	L_EXECUTIVE,
	L_DEPUTY_1,
	L_DEPUTY_2,
	L_DEPUTY_3,
	L_DEPUTY_4,
	L_SECRETARY,
	L_COUNT
};
#define DEPUTY_COUNT 4

static const char *const deputy_fields[DEPUTY_COUNT] = {"农业农村", "教育卫生", "住房城建", "政法"};

/* Demo data, not messages: the names of departments and their business are the same in every
 * local government. */
typedef struct demo_department {
	const char *name;
	const char *head_title;
	const char *deputy_title; /* NULL: no deputy head in the demo */
	bool staff;
	bool member_of_executive;
	bool head_in_party_group;
	const char *function; /* role key, or NULL */
	enum leader leader;   /* the leader in charge */
	const char *topics[3];
	const char *matters[3]; /* matter keys of each topic, or NULL */
	const char *subject;    /* of its own department-wide meeting */
} demo_department;

static const demo_department departments[] = {
	{"发展和改革委员会", "主任", "副主任", true, true, false, NULL, L_EXECUTIVE,
	 {"关于年度重点项目投资计划执行情况的汇报", "关于申报中央预算内投资项目的请示",
	  "关于优化营商环境重点任务落实情况的汇报"},
	 {"projects", "projects, funds", NULL},
	 "重点项目建设推进"},
	{"财政局", "局长", "副局长", true, true, false, NULL, L_EXECUTIVE,
	 {"关于调整部分预算支出的请示", "关于政府债务风险防控工作的汇报",
	  "关于下一年度预算编制工作的汇报"},
	 {"funds", NULL, "funds"},
	 "财政收支管理工作"},
	{"农业农村局", "局长", "副局长", true, false, false, NULL, L_DEPUTY_1,
	 {"关于高标准农田建设项目实施方案的请示", "关于冬春农业生产工作的汇报",
	  "关于农业生产先进集体和个人表彰的请示"},
	 {"projects, funds", NULL, "rewards"},
	 "冬春农业生产工作部署"},
	{"水利局", "局长", NULL, false, false, false, NULL, L_DEPUTY_1,
	 {"关于农田水利设施维修养护资金安排的请示", "关于河湖长制工作推进情况的汇报",
	  "关于农村供水保障工程的请示"},
	 {"funds", NULL, "projects"},
	 "河湖长制工作推进"},
	{"教育局", "局长", "副局长", true, false, false, NULL, L_DEPUTY_2,
	 {"关于学前教育普惠发展实施方案的请示", "关于中小学校舍维修改造项目的请示",
	  "关于补充中小学教师的请示"},
	 {"funds", "projects, funds", "staffing"},
	 "教育工作"},
	{"卫生健康委员会", "主任", NULL, true, false, false, NULL, L_DEPUTY_2,
	 {"关于基层医疗卫生机构能力提升的汇报", "关于冬春季传染病防控工作的汇报",
	  "关于医疗卫生服务体系建设项目的请示"},
	 {NULL, NULL, "projects"},
	 "卫生健康工作"},
	{"住房和城乡建设局", "局长", NULL, true, false, false, NULL, L_DEPUTY_3,
	 {"关于老旧小区改造年度计划的请示", "关于冬季供暖保障工作的汇报",
	  "关于城市排水防涝设施建设的请示"},
	 {"projects, funds", NULL, "projects"},
	 "城乡建设工作"},
	{"自然资源局", "局长", NULL, false, true, false, NULL, L_DEPUTY_3,
	 {"关于国土空间总体规划编制进展的汇报", "关于年度土地储备计划的请示",
	  "关于耕地保护工作的汇报"},
	 {NULL, "projects", NULL},
	 "自然资源管理工作"},
	{"公安局", "局长", NULL, false, false, true, NULL, L_DEPUTY_4,
	 {"关于道路交通安全专项整治的汇报", "关于社会治安防控体系建设的汇报",
	  "关于见义勇为人员表彰的请示"},
	 {NULL, NULL, "rewards"},
	 "道路交通安全工作"},
	{"司法局", "局长", NULL, false, false, false, "justice_bureau", L_DEPUTY_4,
	 {"关于行政规范性文件合法性审查工作的汇报", "关于法治政府建设年度报告的请示",
	  "关于公共法律服务体系建设的汇报"},
	 {NULL, NULL, NULL},
	 "法治政府建设工作"},
};
#define DEPARTMENT_COUNT ((int)(sizeof departments / sizeof departments[0]))

/* Which department holds which department-wide meeting. */
enum {
	D_FIRST = 2,   /* the first meeting on record */
	D_CLEAN = 4,   /* in order */
	D_CLEAN_PAST = 0,
	D_CLEAN_LATER = 7,
	D_CONSENT = 5, /* without its deputy's consent */
	D_NOTICE = 6,  /* asked for too late */
	D_DOUBLE = 3,  /* its deputy in charge is due at an executive meeting at the same time */
	D_QUOTA = 8,   /* two in one year */
};

static const char *const study_subjects[] = {
	"学习《中华人民共和国行政复议法》",
	"学习《优化营商环境条例》",
	"学习《中华人民共和国安全生产法》",
};

/* Faults and extras planted on a meeting. */
enum {
	F_ACTING_CHAIR = 1u << 0,     /* chaired by someone whose post changes afterwards */
	F_UNINVITE = 1u << 1,         /* a member is taken off the list */
	F_LEADER_ABSENT = 1u << 2,    /* a deputy on leave, a topic of their division on the agenda */
	F_LEAVE_CLEAN = 1u << 3,      /* a deputy on leave, nothing of theirs on the agenda */
	F_LEAVE_UNWRITTEN = 1u << 4,  /* a department head asks leave without the written form */
	F_LEAVE_SUBSTITUTE = 1u << 5, /* a department head on leave, their deputy attends */
	F_TOPIC_ISSUES = 1u << 6,     /* topics not approved, not studied, not agreed */
	F_STAFF_OVER = 1u << 7,       /* staff of a department with nothing on the agenda */
	F_MINUTES_UNSIGNED = 1u << 8, /* minutes left waiting for signature (no deadline) */
	F_DOCUMENT_OVERDUE = 1u << 9,
	F_NO_TOPICS = 1u << 10,
	F_NON_WORKDAY = 1u << 11,
};

enum topic_issue { ISSUE_NONE, ISSUE_UNAPPROVED, ISSUE_UNSTUDIED, ISSUE_UNAGREED };

typedef struct plan {
	int order; /* the order of planning, to keep sorting stable */
	hw_meeting_type type;
	hw_date date;
	const char *start, *end;
	unsigned flags;
	char subject[192]; /* added to the type's name in the title; "" for none */
	const char *adhoc_reason;
	int chair;      /* a leader, or -1 for whom the rules name first */
	int department; /* dept_wide: the department holding it; -1 otherwise */
	bool has_requested;
	hw_date requested_on;
	int deputy_consent, decision_type, head_consent;
	bool government_approved; /* dept_wide: 报经批准 recorded */
	bool lower_head;          /* dept_wide: the head of a lower government invited */
	bool outside_seat;        /* dept_wide: held away from the seat (从严控制) */
	int guest;  /* a leader invited as a guest, or -1 */
	int absent; /* the leader on leave (F_LEADER_ABSENT, F_LEAVE_CLEAN), or -1 */
	int clash;  /* a leader due elsewhere at the same hour who asks leave, undecided, or -1 */
	int64_t id;
	char chair_name[HW_NAME_SIZE];
	int64_t topics[MAX_TOPICS];
	int topic_departments[MAX_TOPICS];
	int topic_count;
} plan;

typedef struct demo {
	hw_session *session;
	hw_error *error;
	const hw_rules *rules;
	const hw_calendar *calendar;
	hw_date today, begin, end;
	bool *busy; /* per day of [begin, end]: a government meeting is set that day */
	char leaders[L_COUNT][HW_NAME_SIZE];
	char clerk[HW_NAME_SIZE]; /* the office's clerk */
	char lower_head[HW_NAME_SIZE]; /* the head of a lower government (township_head) */
	char heads[DEPARTMENT_COUNT][HW_NAME_SIZE];
	char deputies[DEPARTMENT_COUNT][HW_NAME_SIZE]; /* "" where none */
	char staff[DEPARTMENT_COUNT][HW_NAME_SIZE];    /* "" where none */
	int topic_turn[DEPARTMENT_COUNT];
	int next_department;
	int next_study_subject;
	plan plans[MAX_PLANS];
	int plan_count;
} demo;

#define TRY(call)                  \
	do {                       \
		if ((call) != 0)   \
			return -1; \
	} while (0)

/* ---- small helpers ---- */

static hw_role leader_role(int leader)
{
	switch (leader) {
	case L_HEAD: return HW_ROLE_HEAD;
	case L_EXECUTIVE: return HW_ROLE_EXECUTIVE_DEPUTY;
	case L_SECRETARY: return HW_ROLE_SECRETARY;
	default: return HW_ROLE_DEPUTY;
	}
}

static bool is_deputy(int leader)
{
	return leader >= L_DEPUTY_1 && leader <= L_DEPUTY_4;
}

static hw_date add_workdays(const demo *d, hw_date date, int n)
{
	return hw_calendar_add_workdays(d->calendar, date, n, NULL);
}

static hw_date min_date(hw_date a, hw_date b)
{
	return a < b ? a : b;
}

static hw_date max_date(hw_date a, hw_date b)
{
	return a > b ? a : b;
}

/* The calendar period of `months` months that holds `date`, as the rule engine counts it. */
static void period_of(hw_date date, int months, hw_date *start, hw_date *end)
{
	int year, month, day;
	hw_date_to_ymd(date, &year, &month, &day);
	int first_month = (month - 1) / months * months + 1;
	int last_month = first_month + months - 1;
	*start = hw_date_from_ymd(year, first_month, 1);
	*end = hw_date_from_ymd(year, last_month, hw_days_in_month(year, last_month));
}

static bool day_free(const demo *d, hw_date date)
{
	return date >= d->begin && date <= d->end && !d->busy[date - d->begin] &&
	       hw_calendar_is_workday(d->calendar, date);
}

/* The free working day in [lo, hi] nearest to `preferred`, now taken; NO_DAY if none. */
static hw_date pick_day(demo *d, hw_date lo, hw_date hi, hw_date preferred)
{
	lo = max_date(lo, d->begin);
	hi = min_date(hi, d->end);
	if (lo > hi)
		return NO_DAY;
	preferred = min_date(max_date(preferred, lo), hi);
	for (int offset = 0; offset <= hi - lo; offset++) {
		hw_date candidates[2] = {preferred + offset, preferred - offset};
		for (int k = 0; k < (offset ? 2 : 1); k++) {
			hw_date date = candidates[k];
			if (date >= lo && date <= hi && day_free(d, date)) {
				d->busy[date - d->begin] = true;
				return date;
			}
		}
	}
	return NO_DAY;
}

static const char *start_of(hw_meeting_type type)
{
	switch (type) {
	case HW_MEETING_PLENARY: return "10:00";
	case HW_MEETING_EXECUTIVE: return "09:30";
	case HW_MEETING_OFFICE: return "15:30";
	case HW_MEETING_STUDY: return "16:00";
	default: return "10:00";
	}
}

static const char *end_of(hw_meeting_type type)
{
	switch (type) {
	case HW_MEETING_PLENARY: return "12:00";
	case HW_MEETING_EXECUTIVE: return "12:00";
	case HW_MEETING_OFFICE: return "17:30";
	case HW_MEETING_STUDY: return "17:30";
	default: return "12:00";
	}
}

static plan *add_plan(demo *d, hw_meeting_type type, hw_date date)
{
	if (date == NO_DAY || d->plan_count == MAX_PLANS)
		return NULL;
	plan *p = &d->plans[d->plan_count];
	memset(p, 0, sizeof *p);
	p->order = d->plan_count++;
	p->type = type;
	p->date = date;
	p->start = start_of(type);
	p->end = end_of(type);
	p->chair = -1;
	p->department = -1;
	p->guest = -1;
	p->clash = -1;
	p->absent = -1;
	p->deputy_consent = -1;
	p->decision_type = -1;
	p->head_consent = -1;
	return p;
}

static bool defined(const demo *d, hw_meeting_type type)
{
	return d->rules->types[type].defined;
}

static bool periodic(const demo *d, hw_meeting_type type)
{
	return defined(d, type) && type != HW_MEETING_DEPT_WIDE && d->rules->types[type].has_frequency;
}

/* Someone who fills one of `roles` for meeting `p` (the chair where the chair is named), for
 * approving, signing and deciding leave; NULL if the roster has no one. */
static const char *person_for_roles(const demo *d, hw_role_set roles, const plan *p)
{
	if (hw_role_set_has(roles, HW_ROLE_CHAIR) && p != NULL && p->chair_name[0])
		return p->chair_name;
	for (int leader = 0; leader < L_COUNT; leader++)
		if (hw_role_set_has(roles, leader_role(leader)))
			return d->leaders[leader];
	if (hw_role_set_has(roles, HW_ROLE_OFFICE))
		return d->clerk;
	return NULL;
}

static int no_one(demo *d, const plan *p)
{
	return hw_error_set(d->error, _("the demo roster has no one who may act for %s"),
			    d->rules->types[p->type].name);
}

/* ---- the roster ---- */

static int add_person(demo *d, const char *name, const char *title, const char *role,
		      const char *department, bool party_group)
{
	hw_person_input input = {.name = name, .title = title, .role = role,
				 .department = department, .party_group = party_group};
	int64_t id;
	return hw_person_add(d->session, &input, &id, d->error);
}

static int add_roster(demo *d)
{
	const hw_rules *rules = d->rules;
	const char *head = rules->titles[HW_TITLE_HEAD];
	const char *deputy = rules->titles[HW_TITLE_DEPUTY];
	snprintf(d->leaders[L_HEAD], HW_NAME_SIZE, "%s", head);
	snprintf(d->leaders[L_EXECUTIVE], HW_NAME_SIZE, "%s", rules->titles[HW_TITLE_EXECUTIVE_DEPUTY]);
	for (int i = 0; i < DEPUTY_COUNT; i++)
		snprintf(d->leaders[L_DEPUTY_1 + i], HW_NAME_SIZE, "%s（分管%s）", deputy,
			 deputy_fields[i]);
	snprintf(d->leaders[L_SECRETARY], HW_NAME_SIZE, "%s", rules->titles[HW_TITLE_SECRETARY]);

	for (int leader = 0; leader < L_COUNT; leader++) {
		hw_role role = leader_role(leader);
		const char *title = hw_rules_role_title(rules, role);
		/* The head and the deputies are in the government's Party group by office. */
		TRY(add_person(d, d->leaders[leader], title, hw_role_key(role), NULL,
			       role != HW_ROLE_SECRETARY));
	}
	if (rules->titles[HW_TITLE_DEPUTY_SECRETARY] != NULL)
		TRY(add_person(d, rules->titles[HW_TITLE_DEPUTY_SECRETARY],
			       rules->titles[HW_TITLE_DEPUTY_SECRETARY],
			       hw_role_key(HW_ROLE_DEPUTY_SECRETARY), NULL, false));
	char name[HW_NAME_SIZE], title[HW_NAME_SIZE];
	snprintf(name, sizeof name, "%s助理", head);
	snprintf(title, sizeof title, "政府党组成员、%s助理", head);
	TRY(add_person(d, name, title, hw_role_key(HW_ROLE_PARTY_GROUP), NULL, true));
	snprintf(d->clerk, sizeof d->clerk, "%s文秘", rules->titles[HW_TITLE_OFFICE]);
	TRY(add_person(d, d->clerk, "文秘", hw_role_key(HW_ROLE_OFFICE), NULL, false));
	snprintf(d->lower_head, sizeof d->lower_head, "%s",
		 strcmp(rules->government[HW_GOV_LEVEL], "prefecture") == 0 ? "某县县长" : "某乡乡长");
	TRY(add_person(d, d->lower_head, "下级人民政府负责人", hw_role_key(HW_ROLE_TOWNSHIP_HEAD), NULL,
		       false));

	for (int i = 0; i < DEPARTMENT_COUNT; i++) {
		const demo_department *department = &departments[i];
		hw_department_input input = {.name = department->name,
					     .deputy = d->leaders[department->leader],
					     .member_of_executive = department->member_of_executive,
					     .function = department->function};
		int64_t id;
		TRY(hw_department_add(d->session, &input, &id, d->error));
		snprintf(d->heads[i], HW_NAME_SIZE, "%s%s", department->name, department->head_title);
		TRY(add_person(d, d->heads[i], department->head_title,
			       hw_role_key(HW_ROLE_DEPARTMENT_HEAD), department->name,
			       department->head_in_party_group));
		if (department->deputy_title != NULL) {
			snprintf(d->deputies[i], HW_NAME_SIZE, "%s%s", department->name,
				 department->deputy_title);
			TRY(add_person(d, d->deputies[i], department->deputy_title,
				       hw_role_key(HW_ROLE_DEPARTMENT_DEPUTY), department->name, false));
		}
		if (department->staff) {
			snprintf(d->staff[i], HW_NAME_SIZE, "%s工作人员", department->name);
			TRY(add_person(d, d->staff[i], "工作人员", hw_role_key(HW_ROLE_STAFF),
				       department->name, false));
		}
	}
	return 0;
}

/* ---- the plan ---- */

/* Regular meetings of a periodic type over the demo's span: the rules' minimum in each period,
 * one too few in the first ended period (`under`), one too many in today's (`over`). */
static void plan_periodic(demo *d, hw_meeting_type type, bool under, bool over)
{
	const hw_frequency *frequency = &d->rules->types[type].frequency;
	hw_date start, end;
	period_of(d->begin, frequency->months, &start, &end);
	bool under_done = false;
	while (start <= d->end) {
		bool ended = end < d->today;
		int count;
		if (under && !under_done && ended && frequency->min >= 1) {
			count = frequency->min - 1;
			under_done = true;
		} else if (over && start <= d->today && d->today <= end) {
			count = frequency->max + 1;
		} else {
			/* A year that is not over needs only one in the demo's few months. */
			count = frequency->min > 1 ? frequency->min : 1;
			if (!ended && frequency->months >= 12)
				count = 1;
			if (frequency->max >= 1 && count > frequency->max)
				count = frequency->max;
		}
		hw_date lo = max_date(start, d->begin), hi = min_date(end, d->end);
		for (int i = 0; i < count; i++) {
			hw_date preferred = lo + (hi - lo) * (2 * i + 1) / (2 * count);
			plan *p = add_plan(d, type, pick_day(d, lo, hi, preferred));
			if (p != NULL && type == HW_MEETING_STUDY) {
				int n = (int)(sizeof study_subjects / sizeof study_subjects[0]);
				snprintf(p->subject, sizeof p->subject, "%s",
					 study_subjects[d->next_study_subject++ % n]);
			}
		}
		int year, month, day;
		hw_date_to_ymd(start, &year, &month, &day);
		month += frequency->months;
		while (month > 12) {
			month -= 12;
			year++;
		}
		period_of(hw_date_from_ymd(year, month, 1), frequency->months, &start, &end);
	}
}

/* The leader who chairs special meetings in turn: a deputy where the rules allow one. */
static int special_chair(const demo *d, int turn)
{
	hw_role_set chair = d->rules->types[HW_MEETING_SPECIAL].chair;
	if (hw_role_set_has(chair, HW_ROLE_DEPUTY))
		return L_DEPUTY_1 + turn % DEPUTY_COUNT;
	if (hw_role_set_has(chair, HW_ROLE_SECRETARY))
		return L_SECRETARY;
	if (hw_role_set_has(chair, HW_ROLE_EXECUTIVE_DEPUTY))
		return L_EXECUTIVE;
	return L_HEAD;
}

/* A special meeting chaired by a deputy is on the deputy's field. */
static void name_special(plan *p)
{
	if (is_deputy(p->chair))
		snprintf(p->subject, sizeof p->subject, "研究%s工作", deputy_fields[p->chair - L_DEPUTY_1]);
}

static void plan_department_meeting(demo *d, int department, hw_date date, bool late_request,
				    bool no_consent)
{
	plan *p = add_plan(d, HW_MEETING_DEPT_WIDE, date);
	if (p == NULL)
		return;
	const hw_type_rules *type = &d->rules->types[HW_MEETING_DEPT_WIDE];
	p->department = department;
	snprintf(p->subject, sizeof p->subject, "%s：%s", departments[department].name,
		 departments[department].subject);
	p->start = "15:00";
	p->end = "17:00";
	int notice = type->notice_workdays >= 0 ? type->notice_workdays : 0;
	if (late_request) {
		/* Fewer working days than the rules ask; none recorded where they ask none. */
		int days = notice > 3 ? 3 : notice - 1;
		p->has_requested = days >= 0;
		p->requested_on = add_workdays(d, date, -days);
	} else {
		p->has_requested = true;
		p->requested_on = add_workdays(d, date, -(notice + 3));
	}
	p->deputy_consent = no_consent ? 0 : 1;
	/* Approved when asked in order; the faulty ones wait, one inviting a lower head. */
	p->government_approved = !late_request && !no_consent;
	p->lower_head = late_request || no_consent;
	p->outside_seat = late_request || no_consent;
}

static int compare_plans(const void *a, const void *b)
{
	const plan *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	int by_time = strcmp(x->start, y->start);
	if (by_time != 0)
		return by_time;
	return x->order - y->order;
}

static void sort_plans(demo *d)
{
	qsort(d->plans, (size_t)d->plan_count, sizeof *d->plans, compare_plans);
}

static bool is_regular_executive(const plan *p)
{
	return p->type == HW_MEETING_EXECUTIVE && !(p->flags & (F_NON_WORKDAY | F_ACTING_CHAIR));
}

static int count_coming_executive(const demo *d)
{
	int count = 0;
	for (int i = 0; i < d->plan_count; i++)
		if (is_regular_executive(&d->plans[i]) && d->plans[i].date >= d->today)
			count++;
	return count;
}

static void plan_meetings(demo *d)
{
	const hw_rules *rules = d->rules;
	/* The first meeting on record opens the records, so that the first ended period is judged. */
	if (defined(d, HW_MEETING_DEPT_WIDE)) {
		d->busy[0] = true;
		plan_department_meeting(d, D_FIRST, d->begin, false, false);
	}

	/* Periodic meetings. One type shows too few meetings (the executive meeting where it is
	 * periodic), one too many, and the study sessions their own overdue period. */
	static const hw_meeting_type order[] = {HW_MEETING_EXECUTIVE, HW_MEETING_PLENARY,
						HW_MEETING_OFFICE, HW_MEETING_SPECIAL};
	int under_type = -1, over_type = -1;
	for (int i = 0; i < 4; i++)
		if (periodic(d, order[i]) && rules->types[order[i]].frequency.min >= 1 &&
		    under_type < 0)
			under_type = order[i];
	for (int i = 0; i < 4; i++)
		if (periodic(d, order[i]) && over_type < 0)
			over_type = order[i];
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		if (periodic(d, (hw_meeting_type)t))
			plan_periodic(d, (hw_meeting_type)t, t == under_type || t == HW_MEETING_STUDY,
				      t == over_type);

	hw_date yesterday = d->today - 1;
	/* A plenary meeting where the rules set no frequency. */
	if (defined(d, HW_MEETING_PLENARY) && !periodic(d, HW_MEETING_PLENARY))
		add_plan(d, HW_MEETING_PLENARY, pick_day(d, d->begin, yesterday, d->today - 30));

	if (defined(d, HW_MEETING_OFFICE) && !periodic(d, HW_MEETING_OFFICE)) {
		add_plan(d, HW_MEETING_OFFICE, pick_day(d, d->begin, yesterday, d->today - 12));
		add_plan(d, HW_MEETING_OFFICE, pick_day(d, d->today, d->end, d->today + 7));
	}

	if (defined(d, HW_MEETING_SPECIAL) && !periodic(d, HW_MEETING_SPECIAL)) {
		/* Each chaired by a deputy, on their own field, where the rules let deputies chair. */
		const hw_type_rules *special = &rules->types[HW_MEETING_SPECIAL];
		plan *p = add_plan(d, HW_MEETING_SPECIAL, pick_day(d, d->begin, yesterday, d->today - 20));
		if (p != NULL) {
			p->chair = special_chair(d, 0);
			name_special(p);
			p->decision_type = 0;
		}
		p = add_plan(d, HW_MEETING_SPECIAL, pick_day(d, d->today, d->end, d->today + 4));
		if (p != NULL) {
			p->chair = special_chair(d, 1);
			name_special(p);
			p->decision_type = 1;
			p->head_consent = 1;
		}
		if (special->decision_consent != 0) {
			p = add_plan(d, HW_MEETING_SPECIAL, pick_day(d, d->today, d->end, d->today + 13));
			if (p != NULL) {
				p->chair = special_chair(d, 2);
				name_special(p);
				p->decision_type = 1;
				p->head_consent = 0;
			}
		}
	}

	/* A meeting chaired by a leader who has left the post since: the first type whose chair a
	 * demo leader may take and where one meeting more upsets no count. */
	static const hw_meeting_type acting_order[] = {HW_MEETING_SPECIAL, HW_MEETING_OFFICE,
						       HW_MEETING_PLENARY, HW_MEETING_EXECUTIVE};
	for (int i = 0; i < 4; i++) {
		hw_meeting_type type = acting_order[i];
		const hw_type_rules *rules_of_type = &rules->types[type];
		if (!rules_of_type->defined || rules_of_type->chair == 0 ||
		    (periodic(d, type) && !rules_of_type->adhoc))
			continue;
		plan *p = add_plan(d, type, pick_day(d, d->today, d->end, d->today + 16));
		if (p != NULL) {
			p->flags |= F_ACTING_CHAIR | F_NO_TOPICS;
			snprintf(p->subject, sizeof p->subject, "研究应急管理工作");
			if (periodic(d, type))
				p->adhoc_reason = "研究部署应急管理工作";
		}
		break;
	}

	/* An ad-hoc executive meeting on the first day off after today. */
	const hw_type_rules *executive = &rules->types[HW_MEETING_EXECUTIVE];
	if (executive->defined && executive->adhoc) {
		hw_date date = d->today + 2;
		while (date <= d->end && hw_calendar_is_workday(d->calendar, date))
			date++;
		plan *p = add_plan(d, HW_MEETING_EXECUTIVE, date <= d->end ? date : NO_DAY);
		if (p != NULL) {
			p->flags |= F_NON_WORKDAY;
			p->adhoc_reason = "应对雨雪冰冻天气，研究部署应急保障工作";
		}
	}
	/* The coming executive meetings carry the agenda faults: at least two of them. */
	for (int k = 0; executive->defined && executive->adhoc && count_coming_executive(d) < 2 && k < 4;
	     k++) {
		plan *p = add_plan(d, HW_MEETING_EXECUTIVE,
				   pick_day(d, d->today, d->end, d->today + 3 + 6 * k));
		if (p != NULL)
			p->adhoc_reason = "研究部署年底重点工作";
	}

	/* Department-wide meetings: one in order, one asked for late, one without consent, and a
	 * department's second of the year. */
	if (defined(d, HW_MEETING_DEPT_WIDE)) {
		const hw_type_rules *type = &rules->types[HW_MEETING_DEPT_WIDE];
		plan_department_meeting(d, D_CLEAN, pick_day(d, d->today, d->end, d->today + 6), false,
					false);
		plan_department_meeting(d, D_CLEAN_PAST,
					pick_day(d, d->begin, d->today - 1, d->today - 24), false, false);
		plan_department_meeting(d, D_CLEAN_LATER,
					pick_day(d, d->today, d->end, d->today + 20), false, false);
		if (type->notice_workdays >= 0)
			plan_department_meeting(d, D_NOTICE, pick_day(d, d->today, d->end, d->today + 9),
						true, false);
		if (type->deputy_consent)
			plan_department_meeting(d, D_CONSENT,
						pick_day(d, d->today, d->end, d->today + 11), false,
						true);
		if (type->quota_per_year >= 0) {
			int year = hw_date_year(d->today);
			hw_date lo = max_date(d->begin + 1, hw_date_from_ymd(year, 1, 1));
			hw_date hi = min_date(d->end, hw_date_from_ymd(year, 12, 31));
			for (int i = 0; i <= type->quota_per_year && lo <= hi; i++) {
				int count = type->quota_per_year + 1;
				hw_date preferred = lo + (hi - lo) * (2 * i + 1) / (2 * count);
				plan_department_meeting(d, D_QUOTA, pick_day(d, lo, hi, preferred), false,
							false);
			}
		}
	}
	sort_plans(d);

	/* Faults of the coming executive meetings. */
	plan *coming[MAX_PLANS];
	int coming_count = 0;
	for (int i = 0; i < d->plan_count; i++)
		if (is_regular_executive(&d->plans[i]) && d->plans[i].date >= d->today)
			coming[coming_count++] = &d->plans[i];
	if (coming_count > 0) {
		plan *first = coming[0], *second = coming[1 % coming_count],
		     *last = coming[coming_count - 1];
		first->flags |= F_LEADER_ABSENT | F_LEAVE_UNWRITTEN;
		first->absent = L_DEPUTY_2;
		second->flags |= F_TOPIC_ISSUES | F_STAFF_OVER;
		last->flags |= F_UNINVITE | F_LEAVE_SUBSTITUTE;
		/* A department's own meeting at the same hour, with its deputy in charge. */
		if (defined(d, HW_MEETING_DEPT_WIDE)) {
			plan *p = add_plan(d, HW_MEETING_DEPT_WIDE, last->date);
			if (p != NULL) {
				int notice = rules->types[HW_MEETING_DEPT_WIDE].notice_workdays;
				p->department = D_DOUBLE;
				snprintf(p->subject, sizeof p->subject, "%s：%s",
					 departments[D_DOUBLE].name, departments[D_DOUBLE].subject);
				p->start = "10:00";
				p->end = "12:00";
				p->has_requested = true;
				p->requested_on = add_workdays(d, p->date, -((notice > 0 ? notice : 0) + 3));
				p->deputy_consent = 1;
				p->government_approved = true;
				p->guest = departments[D_DOUBLE].leader;
				/* Who asks leave from the executive meeting for it, still undecided:
				 * approving it ends the clash. */
				last->clash = departments[D_DOUBLE].leader;
			}
		}
	}

	/* Unsigned minutes and a late document on the latest past meetings whose deadline has gone. */
	plan *late[2] = {NULL, NULL};
	for (int i = d->plan_count - 1; i >= 0 && late[1] == NULL; i--) {
		plan *p = &d->plans[i];
		int days = hw_rules_total_document_days(rules, p->type);
		if (p->date >= d->today || p->type == HW_MEETING_DEPT_WIDE ||
		    rules->types[p->type].document_step_count == 0 ||
		    add_workdays(d, p->date, days) >= d->today)
			continue;
		late[late[0] == NULL ? 0 : 1] = p;
	}
	if (late[0] != NULL) {
		late[0]->flags |= F_MINUTES_UNSIGNED;
		(late[1] ? late[1] : late[0])->flags |= F_DOCUMENT_OVERDUE;
	}
	/* A deputy on leave from an early executive meeting, with nothing of theirs to report. */
	for (int i = 0; i < d->plan_count; i++) {
		plan *p = &d->plans[i];
		if (is_regular_executive(p) && p->date < d->today &&
		    !(p->flags & (F_MINUTES_UNSIGNED | F_DOCUMENT_OVERDUE))) {
			p->flags |= F_LEAVE_CLEAN;
			p->absent = L_DEPUTY_4;
			break;
		}
	}
	sort_plans(d);
}

/* ---- carrying the plan out ---- */

typedef struct attendee_lookup {
	const char *name;
	bool found;
} attendee_lookup;

static int note_attendee(const hw_attendee *attendee, void *user)
{
	attendee_lookup *lookup = user;
	if (strcmp(attendee->person.name, lookup->name) == 0)
		lookup->found = true;
	return 0;
}

static int invite_once(demo *d, const plan *p, const char *name, hw_attendance kind)
{
	attendee_lookup lookup = {.name = name};
	TRY(hw_meeting_attendees(d->session, p->id, note_attendee, &lookup, d->error));
	return lookup.found ? 0 : hw_meeting_invite(d->session, p->id, name, kind, d->error);
}

static bool on_agenda(const plan *p, int department)
{
	for (int i = 0; i < p->topic_count; i++)
		if (p->topic_departments[i] == department)
			return true;
	return false;
}

/* The next department in turn for a topic: of `want`'s division if given, never of `avoid`'s,
 * one with a deputy head if asked; -1 if none is left. */
static int choose_department(demo *d, const plan *p, int want, int avoid, bool with_deputy)
{
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < DEPARTMENT_COUNT; k++) {
			int i = (d->next_department + k) % DEPARTMENT_COUNT;
			const demo_department *department = &departments[i];
			if (on_agenda(p, i) || (int)department->leader == avoid ||
			    (with_deputy && department->deputy_title == NULL) ||
			    (pass == 0 && want >= 0 && (int)department->leader != want))
				continue;
			d->next_department = i + 1;
			return i;
		}
	}
	return -1;
}

static int add_topic(demo *d, plan *p, int department, enum topic_issue issue)
{
	if (department < 0 || p->topic_count == MAX_TOPICS)
		return 0;
	const demo_department *reporting = &departments[department];
	int turn = d->topic_turn[department]++ % 3;
	const char *matters = issue == ISSUE_UNAGREED ? "funds" : reporting->matters[turn];
	char studied_on[HW_DATE_TEXT_SIZE];
	hw_date_format(add_workdays(d, p->date, -3), studied_on);
	hw_topic_input input = HW_TOPIC_INPUT_INIT;
	input.title = reporting->topics[turn];
	input.deputy = d->leaders[reporting->leader];
	input.department = reporting->name;
	input.matters = matters;
	input.agreed = matters == NULL ? -1 : issue == ISSUE_UNAGREED ? 0 : 1;
	input.studied_on = issue == ISSUE_UNSTUDIED ? NULL : studied_on;
	int64_t id;
	TRY(hw_topic_add(d->session, &input, &id, d->error));
	TRY(hw_topic_schedule(d->session, id, p->id, d->error));
	if (issue != ISSUE_UNAPPROVED) {
		/* Changji 21: the executive deputy reviews before the mayor decides. */
		const hw_type_rules *type = &d->rules->types[p->type];
		if (type->topic_review_first) {
			const char *reviewer = person_for_roles(d, type->topic_reviewer, p);
			if (reviewer == NULL)
				return no_one(d, p);
			TRY(hw_topic_review(d->session, id, reviewer, d->error));
		}
		const char *by = person_for_roles(d, hw_topic_approver_roles(d->rules, p->type), p);
		if (by == NULL)
			return no_one(d, p);
		TRY(hw_topic_approve(d->session, id, by, d->error));
	}
	p->topics[p->topic_count] = id;
	p->topic_departments[p->topic_count++] = department;
	/* The reporting department's head sits in where department heads are not members. */
	return invite_once(d, p, d->heads[department], HW_ATTEND_SITTER_IN);
}

static int add_topics(demo *d, plan *p)
{
	if (p->type == HW_MEETING_DEPT_WIDE || p->type == HW_MEETING_STUDY || (p->flags & F_NO_TOPICS))
		return 0;
	/* The emergency on a day off has one matter; other meetings of the whole government two. */
	int count = (p->type == HW_MEETING_EXECUTIVE || p->type == HW_MEETING_PLENARY) &&
				    !(p->flags & F_NON_WORKDAY)
			    ? 2
			    : 1;
	int avoid = (p->flags & (F_LEADER_ABSENT | F_LEAVE_CLEAN)) ? p->absent : -1;
	for (int i = 0; i < count; i++) {
		int want = -1;
		if (i == 0 && (p->flags & F_LEADER_ABSENT))
			want = p->absent;
		else if (p->type == HW_MEETING_SPECIAL && is_deputy(p->chair))
			want = p->chair;
		bool with_deputy = i == 0 && (p->flags & F_LEAVE_SUBSTITUTE);
		TRY(add_topic(d, p, choose_department(d, p, want, want >= 0 ? -1 : avoid, with_deputy),
			      ISSUE_NONE));
	}
	if (p->flags & F_TOPIC_ISSUES) {
		/* On the draft agenda: one not yet approved, one not yet studied by the deputy in
		 * charge with the departments concerned, one whose funds are not yet agreed. */
		TRY(add_topic(d, p, choose_department(d, p, -1, avoid, false), ISSUE_UNAPPROVED));
		TRY(add_topic(d, p, choose_department(d, p, -1, avoid, false), ISSUE_UNSTUDIED));
		TRY(add_topic(d, p, choose_department(d, p, -1, avoid, false), ISSUE_UNAGREED));
	}
	return 0;
}

/* A leave request; decided by whom the rules route it to (approve 1, reject 0, pending -1). */
static int request_leave(demo *d, const plan *p, const char *person, bool leader, bool written,
			 const char *substitute, const char *reason, int approve)
{
	hw_leave_input input = {.meeting_id = p->id, .person = person, .reason = reason,
				.written = written, .substitute = substitute};
	int64_t id;
	TRY(hw_leave_request(d->session, &input, &id, d->error));
	if (approve < 0)
		return 0;
	const char *by = person_for_roles(d, hw_leave_approver_roles(d->rules, p->type, leader), p);
	if (by == NULL)
		return no_one(d, p);
	return hw_leave_decide(d->session, id, approve == 1, by, d->error);
}

static int add_attendance(demo *d, plan *p)
{
	const hw_type_rules *type = &d->rules->types[p->type];
	if (p->guest >= 0)
		TRY(invite_once(d, p, d->leaders[p->guest], HW_ATTEND_GUEST));
	if (p->lower_head)
		TRY(invite_once(d, p, d->lower_head, HW_ATTEND_GUEST));
	/* One staff member with the first reporting department, where the rules let it bring one. */
	if (p->type == HW_MEETING_EXECUTIVE && p->topic_count > 0 && type->staff_limit != 0 &&
	    d->staff[p->topic_departments[0]][0])
		TRY(hw_meeting_invite(d->session, p->id, d->staff[p->topic_departments[0]],
				      HW_ATTEND_STAFF, d->error));
	if ((p->flags & F_STAFF_OVER) && type->staff_limit >= 0)
		for (int i = 0; i < DEPARTMENT_COUNT; i++)
			if (d->staff[i][0] && !on_agenda(p, i)) {
				TRY(hw_meeting_invite(d->session, p->id, d->staff[i], HW_ATTEND_STAFF,
						      d->error));
				break;
			}

	if (p->flags & F_LEADER_ABSENT)
		TRY(request_leave(d, p, d->leaders[p->absent], true, true, NULL, "赴外地参加专题培训", 1));
	if (p->clash >= 0) {
		char reason[HW_NAME_SIZE + 64];
		snprintf(reason, sizeof reason, "同一时间出席%s召开的会议", departments[D_DOUBLE].name);
		TRY(request_leave(d, p, d->leaders[p->clash], true, true, NULL, reason, -1));
	}
	if (p->flags & F_LEAVE_CLEAN)
		TRY(request_leave(d, p, d->leaders[p->absent], true, true, NULL, "下乡督导调研", 1));
	/* Department heads: substitutes where the rules allow them. */
	int unwritten = -1, substituted = -1;
	for (int i = 0; i < p->topic_count; i++) {
		int department = p->topic_departments[i];
		if ((p->flags & F_LEAVE_SUBSTITUTE) && substituted < 0 && d->deputies[department][0])
			substituted = department;
		else if ((p->flags & F_LEAVE_UNWRITTEN) && unwritten < 0 &&
			 (int)departments[department].leader != p->absent)
			unwritten = department;
	}
	if (substituted >= 0)
		TRY(request_leave(d, p, d->heads[substituted], false, true,
				  type->leave_substitute ? d->deputies[substituted] : NULL, "外出学习",
				  1));
	if (unwritten >= 0)
		TRY(request_leave(d, p, d->heads[unwritten], false, false,
				  type->leave_substitute && d->deputies[unwritten][0]
					  ? d->deputies[unwritten]
					  : NULL,
				  "参加上级部门视频会议", -1));
	if (p->flags & F_UNINVITE)
		TRY(hw_meeting_uninvite(d->session, p->id, d->leaders[L_DEPUTY_3], d->error));
	return 0;
}

/* The document's steps on time: each within the rules' working days, then issued. */
static int document_on_time(demo *d, const plan *p, int64_t document)
{
	const hw_type_rules *type = &d->rules->types[p->type];
	char on[HW_DATE_TEXT_SIZE];
	hw_date step = p->date;
	/* The step before the issue as the rules name it: a hand-over (Yiwu), a submission for
	 * signature (Changji). */
	if (type->document_step_action_count > 0 && type->document_step_actions[0] != HW_STEP_ISSUE) {
		step = min_date(add_workdays(d, p->date, 1), d->today);
		hw_date_format(step, on);
		TRY(hw_document_record_step(d->session, document, type->document_step_actions[0], on,
					    d->error));
	}
	hw_date_format(min_date(add_workdays(d, step, 2), d->today), on);
	return hw_document_issue(d->session, document, on, d->error);
}

static int hold(demo *d, plan *p)
{
	const hw_type_rules *type = &d->rules->types[p->type];
	TRY(hw_meeting_mark_held(d->session, p->id, d->error));
	for (int i = 0; i < p->topic_count; i++)
		TRY(hw_topic_decide(d->session, p->topics[i], "原则同意，由汇报单位会同有关部门抓好落实。",
				    d->error));
	if (p->type == HW_MEETING_DEPT_WIDE)
		return 0;

	char text[2048];
	if (p->topic_count > 0) {
		hw_topic topic;
		TRY(hw_topic_get(d->session, p->topics[0], &topic, d->error));
		snprintf(text, sizeof text,
			 "会议研究了“%s”等%d项议题。会议议定：原则同意，由汇报单位会同有关部门抓好落实，"
			 "%s跟踪督办。",
			 topic.title, p->topic_count, d->rules->titles[HW_TITLE_OFFICE]);
	} else {
		snprintf(text, sizeof text, "会议按计划召开，议定事项由%s跟踪督办。",
			 d->rules->titles[HW_TITLE_OFFICE]);
	}
	TRY(hw_minutes_draft(d->session, p->id, text, d->error));

	int steps = type->document_step_count;
	hw_date due = add_workdays(d, p->date, hw_rules_total_document_days(d->rules, p->type));
	bool deadline_gone = steps == 0 || due < d->today;
	if (deadline_gone && !(p->flags & F_MINUTES_UNSIGNED)) {
		const char *by = person_for_roles(d, hw_minutes_signer_roles(d->rules, p->type), p);
		if (by == NULL)
			return no_one(d, p);
		TRY(hw_minutes_sign(d->session, p->id, by, d->error));
	}
	/* Unsigned minutes stand alone: the meeting decided no documents. */
	if (steps == 0 || ((p->flags & F_MINUTES_UNSIGNED) && !(p->flags & F_DOCUMENT_OVERDUE)))
		return 0;

	hw_meeting meeting;
	TRY(hw_meeting_get(d->session, p->id, &meeting, d->error));
	char title[HW_TEXT_SIZE];
	snprintf(title, sizeof title, "关于落实%.900s议定事项的通知", meeting.title);
	int64_t document;
	TRY(hw_document_add(d->session, p->id, title, &document, d->error));
	if (deadline_gone) {
		TRY(document_on_time(d, p, document));
	} else if (steps >= 2) {
		/* Still within the deadline: handed over on the last day of its step if that has
		 * come, waiting to be issued. */
		hw_date handover_due = add_workdays(d, p->date, type->document_steps[0]);
		if (handover_due < d->today) {
			char on[HW_DATE_TEXT_SIZE];
			hw_date_format(handover_due, on);
			TRY(hw_document_handover(d->session, document, on, d->error));
		}
	}
	if (p->flags & F_DOCUMENT_OVERDUE) {
		/* A second document: handed over on time where there is that step, never issued. */
		snprintf(title, sizeof title, "关于印发%.900s有关实施方案的通知", meeting.title);
		TRY(hw_document_add(d->session, p->id, title, &document, d->error));
		if (steps >= 2) {
			char on[HW_DATE_TEXT_SIZE];
			hw_date_format(min_date(add_workdays(d, p->date, 1), d->today), on);
			TRY(hw_document_handover(d->session, document, on, d->error));
		}
	}
	return 0;
}

/* The post the leader who chairs an F_ACTING_CHAIR meeting holds when it is planned. */
static hw_role acting_role(const hw_type_rules *type)
{
	static const hw_role roles[] = {HW_ROLE_DEPUTY, HW_ROLE_SECRETARY, HW_ROLE_EXECUTIVE_DEPUTY,
					HW_ROLE_HEAD};
	for (int i = 0; i < 4; i++)
		if (hw_role_set_has(type->chair, roles[i]))
			return roles[i];
	return HW_ROLE_HEAD;
}

static int carry_out(demo *d, plan *p)
{
	const hw_rules *rules = d->rules;
	const hw_type_rules *type = &rules->types[p->type];
	char date[HW_DATE_TEXT_SIZE], requested[HW_DATE_TEXT_SIZE], title[HW_TEXT_SIZE];
	char acting[HW_NAME_SIZE] = "";
	hw_date_format(p->date, date);
	hw_date_format(p->requested_on, requested);

	if (p->flags & F_ACTING_CHAIR) {
		/* Planned while they held the post; transferred to the congress since. */
		hw_role role = acting_role(type);
		const char *post = hw_rules_role_title(rules, role);
		if (role == HW_ROLE_DEPUTY)
			snprintf(acting, sizeof acting, "%s（分管应急管理）", post);
		else
			snprintf(acting, sizeof acting, "代%s", post);
		TRY(add_person(d, acting, post, hw_role_key(role), NULL, false));
	}

	hw_meeting_input input = HW_MEETING_INPUT_INIT;
	input.type = hw_meeting_type_key(p->type);
	input.date = date;
	input.time = p->start;
	input.end = p->end;
	if (p->subject[0]) {
		snprintf(title, sizeof title, "%s（%s）", type->name, p->subject);
		input.title = title;
	}
	/* A department's own room names the seat, so that only the faulty ones are reported
	 * as held outside it (DEPT_MEETING_OUTSIDE_SEAT). */
	char location[HW_NAME_SIZE];
	const char *seat = d->rules->government[HW_GOV_SEAT];
	snprintf(location, sizeof location, "%s%s", seat && !p->outside_seat ? seat : "",
		 p->outside_seat ? "风景区宾馆会议厅" : "本单位会议室");
	input.location = p->type == HW_MEETING_DEPT_WIDE ? location
			 : p->type == HW_MEETING_PLENARY ? "政府大会议室"
							 : "政府第一会议室";
	input.chair = acting[0] ? acting : p->chair >= 0 ? d->leaders[p->chair] : NULL;
	input.adhoc_reason = p->adhoc_reason;
	if (p->type == HW_MEETING_DEPT_WIDE) {
		input.department = departments[p->department].name;
		input.requested_on = p->has_requested ? requested : NULL;
		input.deputy_consent = p->deputy_consent;
		input.government_approved = p->government_approved;
	} else if (p->type == HW_MEETING_SPECIAL) {
		input.decision_type = p->decision_type;
		input.head_consent = p->head_consent;
	}
	TRY(hw_meeting_add(d->session, &input, &p->id, d->error));

	if (acting[0]) {
		char post[HW_NAME_SIZE];
		snprintf(post, sizeof post, "%s人大常委会副主任",
			 rules->government[HW_GOV_SHORT_NAME] ? rules->government[HW_GOV_SHORT_NAME]
							      : "");
		TRY(hw_person_edit(d->session, acting, post, hw_role_key(HW_ROLE_LOCAL_LEADERS), NULL,
				   d->error));
	}
	hw_meeting meeting;
	TRY(hw_meeting_get(d->session, p->id, &meeting, d->error));
	snprintf(p->chair_name, sizeof p->chair_name, "%s", meeting.chair_name);

	TRY(add_topics(d, p));
	TRY(add_attendance(d, p));
	return p->date < d->today ? hold(d, p) : 0;
}

/* ---- the entry point ---- */

static int count_person(const hw_person *person, void *user)
{
	(void)person;
	++*(int *)user;
	return 0;
}

int hw_demo_fill(hw_session *session, hw_error *error)
{
	int people = 0;
	if (hw_person_list(session, count_person, &people, error) != 0)
		return -1;
	if (people > 0)
		return hw_error_set(error, "%s",
				    _("the demo goes into a new database only: this one has people "
				      "already"));
	demo *d = calloc(1, sizeof *d);
	if (d == NULL)
		return hw_error_set(error, "%s", _("out of memory"));
	d->session = session;
	d->error = error;
	d->rules = session->rules;
	d->calendar = session->calendar;
	d->today = session->today;
	d->begin = d->today - DEMO_DAYS_BACK;
	while (!hw_calendar_is_workday(d->calendar, d->begin))
		d->begin++;
	d->end = d->today + DEMO_DAYS_AHEAD;
	d->busy = calloc((size_t)(d->end - d->begin + 1), sizeof *d->busy);
	int result = -1;
	if (d->busy == NULL) {
		hw_error_set(error, "%s", _("out of memory"));
		goto done;
	}
	if (add_roster(d) != 0)
		goto failed;
	plan_meetings(d);
	for (int i = 0; i < d->plan_count; i++)
		if (carry_out(d, &d->plans[i]) != 0)
			goto failed;
	result = 0;
	goto done;
failed:;
	hw_error reason = *error;
	hw_error_set(error, _("cannot write the demo data: %s"), reason.message);
done:
	free(d->busy);
	free(d);
	return result;
}
