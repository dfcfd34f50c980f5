/* The benchmarks' fixture (see fixture.h): 20 years of one county government's meetings,
 * built deterministically with prepared INSERTs in one transaction. */
#include "fixture.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "civil_date.h"
#include "rules.h"
#include "store.h"
#include "workdays.h"

/* ---- helpers the benchmarks share ---- */

const char *bench_program = "bench";

void bench_die(const char *what, const char *message)
{
	fprintf(stderr, "%s: %s: %s\n", bench_program, what, message);
	exit(1);
}

void bench_exec(sqlite3 *db, const char *sql)
{
	char *message = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		bench_die(sql, message ? message : sqlite3_errmsg(db));
}

sqlite3_stmt *bench_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *statement;
	if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK)
		bench_die(sql, sqlite3_errmsg(db));
	return statement;
}

double bench_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

void bench_temp_dir(char *directory, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(directory, size, "%s/huiwu-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(directory) == NULL)
		bench_die(directory, strerror(errno));
}

void fixture_remove(const char *path)
{
	char side[4200];
	remove(path);
	snprintf(side, sizeof side, "%s-wal", path);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", path);
	remove(side);
}

/* ---- a small deterministic random generator (splitmix64) ---- */

#define RANDOM_SEED 0x5eed2026u

static uint64_t random_state = RANDOM_SEED;

static uint64_t next_random(void)
{
	uint64_t z = (random_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* An integer in [low, high]. */
static int random_between(int low, int high)
{
	return low + (int)(next_random() % (uint64_t)(high - low + 1));
}

/* True with probability `p`. */
static bool chance(double p)
{
	return (double)(next_random() >> 11) / 9007199254740992.0 < p;
}

/* ---- the roster: 40 people, 30 departments ---- */

enum {
	HEAD = 1,             /* person ids */
	EXECUTIVE_DEPUTY = 2,
	FIRST_DEPUTY = 3,     /* 3..6 */
	DEPUTY_COUNT = 4,
	SECRETARY = 7,
	FIRST_DEPARTMENT_HEAD = 8, /* department d (1..30) has head 7 + d */
	DEPARTMENT_COUNT = 30,
	FIRST_STAFF = 38,     /* 38..40: staff of departments 1..3 */
	STAFF_COUNT = 3,
	PEOPLE = 40,
	JUSTICE_DEPARTMENT = 3,
};

static const char *const department_names[DEPARTMENT_COUNT] = {
	"发展和改革委员会", "财政局", "司法局", "教育局", "公安局", "民政局",
	"人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局",
	"农业农村局", "商务和工业信息化局", "文化体育广播电视和旅游局", "卫生健康委员会",
	"退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
	"林业和草原局", "乡村振兴局", "民族宗教事务委员会", "生态环境局", "信访局",
	"政务服务和公共资源交易中心", "科学技术局", "档案局", "融媒体中心",
};

/* The deputy in charge of department d: the executive deputy or one of the four deputies. */
static int deputy_of_department(int department)
{
	return EXECUTIVE_DEPUTY + (department - 1) % (1 + DEPUTY_COUNT);
}

static int department_head(int department)
{
	return FIRST_DEPARTMENT_HEAD + department - 1;
}

static bool is_leader(int person)
{
	return person >= HEAD && person <= SECRETARY;
}

/* The department a person belongs to (0: none). */
static int department_of(int person)
{
	if (person >= FIRST_DEPARTMENT_HEAD && person < FIRST_DEPARTMENT_HEAD + DEPARTMENT_COUNT)
		return person - FIRST_DEPARTMENT_HEAD + 1;
	if (person >= FIRST_STAFF && person < FIRST_STAFF + STAFF_COUNT)
		return person - FIRST_STAFF + 1;
	return 0;
}

/* ---- the fixture ---- */

typedef struct fixture {
	sqlite3 *db;
	sqlite3_stmt *meeting, *attendee, *topic, *leave, *minutes, *document;
	const hw_calendar *calendar;
	hw_date today;
	int64_t next_meeting;
	long attendees, topics, leave_requests, minutes_rows, documents;
	long by_type[HW_MEETING_TYPE_COUNT];
} fixture;

static void step_done(sqlite3 *db, sqlite3_stmt *statement)
{
	if (sqlite3_step(statement) != SQLITE_DONE)
		bench_die(sqlite3_sql(statement), sqlite3_errmsg(db));
	sqlite3_reset(statement);
	sqlite3_clear_bindings(statement);
}

static void bind_text(sqlite3_stmt *statement, int index, const char *text)
{
	sqlite3_bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}

static void bind_id(sqlite3_stmt *statement, int index, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(statement, index, id);
	else
		sqlite3_bind_null(statement, index);
}

static void bind_time(sqlite3_stmt *statement, int index, int minute)
{
	char text[8];
	snprintf(text, sizeof text, "%02d:%02d", minute / 60 % 24, minute % 60);
	bind_text(statement, index, text);
}

static void bind_timestamp(sqlite3_stmt *statement, int index, hw_date date, int minute)
{
	char day[HW_DATE_TEXT_SIZE], text[32];
	hw_date_format(date, day);
	snprintf(text, sizeof text, "%sT%02d:%02d:00Z", day, minute / 60 % 24, minute % 60);
	bind_text(statement, index, text);
}

static void insert_roster(sqlite3 *db)
{
	static const char *const surnames[10] = {"王", "李", "张", "刘", "陈",
						 "杨", "赵", "黄", "周", "吴"};
	static const char *const given[4] = {"建国", "志强", "海燕", "玉山"};
	sqlite3_stmt *person = bench_prepare(
		db, "INSERT INTO person (id, name, title, role, department_id, party_group)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_stmt *department = bench_prepare(
		db, "INSERT INTO department (id, name, deputy_id, member_of_executive, function)"
		    " VALUES (?1, ?2, ?3, ?4, ?5)");
	/* Leaders first (departments refer to their deputies), then departments, then the rest. */
	for (int id = 1; id <= PEOPLE; id++) {
		if (id == FIRST_DEPARTMENT_HEAD) {
			for (int d = 1; d <= DEPARTMENT_COUNT; d++) {
				sqlite3_bind_int(department, 1, d);
				bind_text(department, 2, department_names[d - 1]);
				sqlite3_bind_int(department, 3, deputy_of_department(d));
				sqlite3_bind_int(department, 4, d <= 10);
				if (d == JUSTICE_DEPARTMENT)
					bind_text(department, 5, "justice_bureau");
				step_done(db, department);
			}
		}
		const char *title, *role;
		if (id == HEAD)
			title = "县长", role = "head";
		else if (id == EXECUTIVE_DEPUTY)
			title = "常务副县长", role = "executive_deputy";
		else if (id < SECRETARY)
			title = "副县长", role = "deputy";
		else if (id == SECRETARY)
			title = "政府办公室主任", role = "secretary";
		else if (id < FIRST_STAFF)
			title = "局长", role = "department_head";
		else
			title = "科员", role = "staff";
		char name[64];
		snprintf(name, sizeof name, "%s%s", surnames[(id - 1) % 10], given[(id - 1) / 10]);
		sqlite3_bind_int(person, 1, id);
		bind_text(person, 2, name);
		bind_text(person, 3, title);
		bind_text(person, 4, role);
		bind_id(person, 5, department_of(id));
		sqlite3_bind_int(person, 6, id < SECRETARY);
		step_done(db, person);
	}
	sqlite3_finalize(person);
	sqlite3_finalize(department);
}

/* One meeting being generated. */
typedef struct draft {
	hw_meeting_type type;
	hw_date date;
	int start; /* minutes after midnight */
	int chair; /* 0: none */
	bool delegated, adhoc, adhoc_reason;
	int department; /* dept_wide */
	uint64_t people; /* bit per person id */
	int attendee_ids[PEOPLE];
	const char *attendee_kinds[PEOPLE];
	int attendee_count;
	int topic_departments[8];
	int topic_count;
} draft;

static void add_attendee(draft *m, int person, const char *kind)
{
	if (person < HEAD || person > PEOPLE || (m->people & (1ull << person)))
		return;
	m->people |= 1ull << person;
	m->attendee_ids[m->attendee_count] = person;
	m->attendee_kinds[m->attendee_count++] = kind;
}

/* A person among `candidates` (bit per id) not yet busy in this slot, or, when all are, any
 * of them (a double booking: it happens). */
static int pick(uint64_t candidates, uint64_t busy)
{
	uint64_t free_ones = candidates & ~busy;
	uint64_t from = free_ones ? free_ones : candidates;
	int count = __builtin_popcountll(from);
	if (count == 0)
		return 0;
	int chosen = random_between(0, count - 1);
	for (int id = 0; id < 64; id++)
		if ((from >> id & 1) && chosen-- == 0)
			return id;
	return 0;
}

static uint64_t range_mask(int first, int count)
{
	return ((1ull << count) - 1) << first;
}

#define LEADERS range_mask(HEAD, SECRETARY)
#define DEPUTIES range_mask(FIRST_DEPUTY, DEPUTY_COUNT)
#define DEPARTMENT_HEADS range_mask(FIRST_DEPARTMENT_HEAD, DEPARTMENT_COUNT)

/* Up to `count` more department heads who are free in this slot. */
static void add_department_heads(draft *m, int count, uint64_t busy, const char *kind)
{
	for (int i = 0; i < count; i++) {
		uint64_t candidates = DEPARTMENT_HEADS & ~busy & ~m->people;
		if (candidates == 0)
			return;
		add_attendee(m, pick(candidates, 0), kind);
	}
}

/* The people of a meeting, chosen among those free in its slot. */
static void choose_people(draft *m, uint64_t busy)
{
	switch (m->type) {
	case HW_MEETING_EXECUTIVE:
		m->chair = chance(0.93) ? HEAD : EXECUTIVE_DEPUTY;
		m->delegated = m->chair == EXECUTIVE_DEPUTY;
		for (int id = HEAD; id <= SECRETARY; id++)
			add_attendee(m, id, "member");
		add_attendee(m, department_head(JUSTICE_DEPARTMENT), "sitter_in");
		add_department_heads(m, random_between(3, 6), busy, "sitter_in");
		break;
	case HW_MEETING_PLENARY:
	case HW_MEETING_STUDY:
		m->chair = HEAD;
		for (int id = HEAD; id < FIRST_STAFF; id++)
			if (id <= SECRETARY || !chance(0.01)) /* now and then one is left out */
				add_attendee(m, id, "member");
		break;
	case HW_MEETING_OFFICE:
		m->chair = HEAD;
		add_attendee(m, HEAD, "member");
		for (int i = random_between(1, 2); i > 0; i--)
			add_attendee(m, pick(DEPUTIES & ~m->people & ~busy, 0), "sitter_in");
		add_department_heads(m, random_between(5, 9), busy, "sitter_in");
		break;
	case HW_MEETING_SPECIAL:
		if (chance(0.002))
			m->chair = SECRETARY; /* not allowed to chair: a finding */
		else if ((busy >> HEAD & 1) || chance(0.9))
			m->chair = pick(DEPUTIES & ~busy ? DEPUTIES : DEPUTIES | 1ull << HEAD, busy);
		else
			m->chair = HEAD;
		add_attendee(m, m->chair, "member");
		if (chance(0.3))
			add_attendee(m, pick(1ull << SECRETARY & ~busy, 0), "member");
		add_department_heads(m, random_between(6, 10), busy, "sitter_in");
		break;
	case HW_MEETING_DEPT_WIDE:
		add_attendee(m, department_head(m->department), "member");
		if (chance(0.5) && !(busy >> deputy_of_department(m->department) & 1))
			add_attendee(m, deputy_of_department(m->department), "guest");
		add_department_heads(m, random_between(8, 15), busy, "member");
		break;
	default:
		break;
	}
	if (chance(0.005)) /* someone booked twice in the same slot */
		add_attendee(m, pick(DEPARTMENT_HEADS & busy & ~m->people, 0), "sitter_in");
}

static const char *const topic_subjects[] = {
	"高标准农田建设", "城镇老旧小区改造", "义务教育学校布局调整", "冬季供暖保障",
	"边境小康村建设", "水利工程冬修", "安全生产专项整治", "营商环境优化",
	"医疗保障基金监管", "草原生态保护补助", "旅游旺季接待", "城乡低保提标",
	"重点项目资金拨付", "事业单位公开招聘", "先进集体表彰", "防汛抗旱准备",
};
#define SUBJECT_COUNT ((int)(sizeof topic_subjects / sizeof topic_subjects[0]))

static void insert_topics(fixture *f, draft *m, int64_t meeting_id, const char *status)
{
	static const int topics_by_type[HW_MEETING_TYPE_COUNT][2] = {
		[HW_MEETING_PLENARY] = {2, 4}, [HW_MEETING_EXECUTIVE] = {3, 6},
		[HW_MEETING_OFFICE] = {2, 4},  [HW_MEETING_SPECIAL] = {1, 2},
		[HW_MEETING_STUDY] = {1, 1},   [HW_MEETING_DEPT_WIDE] = {0, 0},
	};
	int count = random_between(topics_by_type[m->type][0], topics_by_type[m->type][1]);
	bool cancelled = strcmp(status, "cancelled") == 0;
	for (int i = 0; i < count; i++) {
		/* The reporting department: one at the table, when there is one. */
		int department = random_between(1, DEPARTMENT_COUNT);
		for (int tries = 0; tries < 8; tries++) {
			int candidate = random_between(1, DEPARTMENT_COUNT);
			if (m->people & (1ull << department_head(candidate))) {
				department = candidate;
				break;
			}
		}
		if (m->topic_count < 8)
			m->topic_departments[m->topic_count++] = department;
		char title[160];
		snprintf(title, sizeof title, "关于%s%s的议题", department_names[department - 1],
			 topic_subjects[random_between(0, SUBJECT_COUNT - 1)]);
		unsigned matters = chance(0.3) ? (unsigned)random_between(1, 15) : 0;
		sqlite3_stmt *s = f->topic;
		bind_text(s, 1, title);
		bind_id(s, 2, deputy_of_department(department));
		bind_id(s, 3, department);
		sqlite3_bind_int(s, 4, (int)matters);
		sqlite3_bind_int(s, 5, matters != 0 && chance(0.97));
		if (chance(0.96))
			hw_bind_date(s, 6, m->date - random_between(chance(0.01) ? -3 : 3, 40));
		bind_text(s, 7, cancelled ? "deferred"
				: strcmp(status, "held") == 0 ? "decided"
							      : "scheduled");
		bind_id(s, 8, chance(0.98) ? HEAD : 0);
		bind_id(s, 9, meeting_id);
		if (strcmp(status, "held") == 0)
			bind_text(s, 10, "原则同意，请有关部门抓好落实。");
		step_done(f->db, s);
		f->topics++;
	}
}

static void insert_leave(fixture *f, const draft *m, int64_t meeting_id, bool past)
{
	static const char *const reasons[] = {"出差", "参加上级会议", "病假", "下乡调研", "培训"};
	int requests = chance(0.25) ? (chance(0.3) ? 2 : 1) : 0;
	uint64_t asked = 0;
	for (int i = 0; i < requests && m->attendee_count > 1; i++) {
		int index = random_between(0, m->attendee_count - 1);
		int person = m->attendee_ids[index];
		if (person == m->chair || (asked & (1ull << person)))
			continue;
		asked |= 1ull << person;
		bool leader = is_leader(person);
		const char *state = !past && chance(0.3) ? "pending"
				    : chance(0.9)             ? "approved"
							      : "rejected";
		sqlite3_stmt *s = f->leave;
		bind_id(s, 1, meeting_id);
		bind_id(s, 2, person);
		bind_text(s, 3, reasons[random_between(0, 4)]);
		sqlite3_bind_int(s, 4, chance(leader ? 0.5 : 0.92));
		if (!leader && chance(0.5)) {
			int department = department_of(person);
			int staff = department >= 1 && department <= STAFF_COUNT ? FIRST_STAFF + department - 1
										 : 0;
			bind_id(s, 5, staff);
		}
		bind_text(s, 6, state);
		bind_text(s, 7, leader ? "head" : "chair,office");
		bind_id(s, 8, strcmp(state, "pending") == 0 ? 0 : leader ? HEAD : m->chair ? m->chair : HEAD);
		bind_timestamp(s, 9, m->date - random_between(1, 5), random_between(540, 1200));
		step_done(f->db, s);
		f->leave_requests++;
	}
}

static void insert_follow_up(fixture *f, const draft *m, int64_t meeting_id)
{
	bool minuted = m->type == HW_MEETING_EXECUTIVE || m->type == HW_MEETING_PLENARY ||
		       m->type == HW_MEETING_OFFICE || m->type == HW_MEETING_SPECIAL;
	int age = f->today - m->date;
	if (minuted && chance(0.97)) {
		hw_date drafted = m->date + random_between(1, 3);
		hw_date signed_on = drafted + random_between(1, 7);
		bool is_signed = signed_on < f->today && chance(age > 30 ? 0.995 : 0.6);
		sqlite3_stmt *s = f->minutes;
		bind_id(s, 1, meeting_id);
		bind_text(s, 2, "会议纪要：会议听取了有关议题的汇报，研究了有关事项。");
		bind_text(s, 3, is_signed ? "signed" : "drafted");
		hw_bind_date(s, 4, drafted < f->today ? drafted : f->today);
		if (is_signed) {
			bind_id(s, 5, m->type == HW_MEETING_SPECIAL ? m->chair : HEAD);
			hw_bind_date(s, 6, signed_on);
		}
		step_done(f->db, s);
		f->minutes_rows++;
	}
	int documents = m->type == HW_MEETING_EXECUTIVE || m->type == HW_MEETING_PLENARY
				? random_between(1, 3)
			: m->type == HW_MEETING_SPECIAL && chance(0.05) ? 1
									: 0;
	for (int i = 0; i < documents; i++) {
		hw_date handed = m->date + random_between(1, 4);
		hw_date issued = handed + random_between(2, 6);
		char title[128];
		snprintf(title, sizeof title, "关于印发会议议定事项的通知（第%d号）", i + 1);
		sqlite3_stmt *s = f->document;
		bind_id(s, 1, meeting_id);
		bind_text(s, 2, title);
		if (handed < f->today && chance(0.99))
			hw_bind_date(s, 3, handed);
		if (issued < f->today && chance(age > 30 ? 0.99 : 0.5))
			hw_bind_date(s, 4, issued);
		step_done(f->db, s);
		f->documents++;
	}
}

static void insert_meeting(fixture *f, draft *m)
{
	int64_t id = f->next_meeting++;
	bool past = m->date < f->today;
	const char *status = past ? (chance(0.02) ? "cancelled" : chance(0.01) ? "planned" : "held")
				  : (chance(0.01) ? "cancelled" : "planned");
	char uid[64], title[256];
	snprintf(uid, sizeof uid, "bench-%08lld@" FIXTURE_GOVERNMENT ".huiwu", (long long)id);
	int year, month, day;
	hw_date_to_ymd(m->date, &year, &month, &day);
	switch (m->type) {
	case HW_MEETING_EXECUTIVE:
		snprintf(title, sizeof title, "乌恰县人民政府%d年%d月常务会议", year, month);
		break;
	case HW_MEETING_PLENARY:
		snprintf(title, sizeof title, "乌恰县人民政府%d年全体会议", year);
		break;
	case HW_MEETING_STUDY:
		snprintf(title, sizeof title, "乌恰县人民政府%d年%d月专题学习", year, month);
		break;
	case HW_MEETING_OFFICE:
		snprintf(title, sizeof title, "县长办公会议（%s）",
			 topic_subjects[random_between(0, SUBJECT_COUNT - 1)]);
		break;
	case HW_MEETING_DEPT_WIDE:
		snprintf(title, sizeof title, "全县%s工作会议", department_names[m->department - 1]);
		break;
	default:
		snprintf(title, sizeof title, "%s专题会议",
			 topic_subjects[random_between(0, SUBJECT_COUNT - 1)]);
		break;
	}
	sqlite3_stmt *s = f->meeting;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, uid);
	bind_text(s, 3, hw_meeting_type_key(m->type));
	hw_bind_date(s, 4, m->date);
	bind_time(s, 5, m->start);
	bind_time(s, 6, m->start + 90);
	bind_text(s, 7, title);
	bind_text(s, 8, m->type == HW_MEETING_DEPT_WIDE ? "县人民会堂" : "县政府三楼会议室");
	bind_id(s, 9, m->chair);
	sqlite3_bind_int(s, 10, m->delegated);
	if (m->adhoc_reason)
		bind_text(s, 11, "上级部署紧急工作，临时召开");
	bind_text(s, 12, status);
	bool decision = m->type == HW_MEETING_SPECIAL && chance(0.2);
	sqlite3_bind_int(s, 13, decision);
	sqlite3_bind_int(s, 14, decision && chance(0.97));
	if (m->type == HW_MEETING_DEPT_WIDE) {
		bind_id(s, 15, m->department);
		hw_bind_date(s, 16, m->date - random_between(5, 20));
	}
	sqlite3_bind_int(s, 17, m->type == HW_MEETING_DEPT_WIDE && chance(0.96));
	sqlite3_bind_int(s, 18, random_between(0, 3));
	bind_timestamp(s, 19, m->date - random_between(0, 10), random_between(0, 1439));
	step_done(f->db, s);
	f->by_type[m->type]++;

	insert_topics(f, m, id, status);
	/* Staff come with the reporting units' heads (and, now and then, with another unit). */
	if (m->type == HW_MEETING_EXECUTIVE)
		for (int d = 1; d <= STAFF_COUNT; d++) {
			bool reporting = false;
			for (int t = 0; t < m->topic_count; t++)
				reporting |= m->topic_departments[t] == d;
			if ((reporting && chance(0.5)) || chance(0.01))
				add_attendee(m, FIRST_STAFF + d - 1, "staff");
		}
	for (int i = 0; i < m->attendee_count; i++) {
		sqlite3_bind_int64(f->attendee, 1, id);
		sqlite3_bind_int(f->attendee, 2, m->attendee_ids[i]);
		bind_text(f->attendee, 3, m->attendee_kinds[i]);
		step_done(f->db, f->attendee);
		f->attendees++;
	}
	if (strcmp(status, "cancelled") != 0)
		insert_leave(f, m, id, past);
	if (strcmp(status, "held") == 0)
		insert_follow_up(f, m, id);
}

/* The first working day on or after year-month-day. */
static hw_date workday_on_or_after(const hw_calendar *calendar, int year, int month, int day)
{
	hw_date date = hw_date_from_ymd(year, month, day);
	while (!hw_calendar_is_workday(calendar, date))
		date++;
	return date;
}

/* What the rules make regular on a day: bits per meeting type, and dept_wide meetings. */
typedef struct day_plan {
	uint8_t executive, plenary, study, adhoc_executive, unmarked_executive;
	uint8_t dept_wide_count;
	uint8_t dept_wide[6];
} day_plan;

static void plan_regular_meetings(const hw_calendar *calendar, hw_date first, int first_year,
				  day_plan *plan)
{
	for (int year = first_year; year < first_year + FIXTURE_YEARS; year++) {
		for (int month = 1; month <= 12; month++) {
			/* Executive: twice a month; now and then a third, ad hoc (rarely unmarked). */
			plan[workday_on_or_after(calendar, year, month, 10) - first].executive++;
			plan[workday_on_or_after(calendar, year, month, 24) - first].executive++;
			if (chance(0.06))
				plan[workday_on_or_after(calendar, year, month, 17) - first].adhoc_executive++;
			else if (chance(0.01))
				plan[workday_on_or_after(calendar, year, month, 17) - first].unmarked_executive++;
			if (month % 2 == 1) /* study: once every two months */
				plan[workday_on_or_after(calendar, year, month, 15) - first].study++;
		}
		plan[workday_on_or_after(calendar, year, 2, 20) - first].plenary++;
		if (chance(0.3))
			plan[workday_on_or_after(calendar, year, 8, 15) - first].plenary++;
		/* Each department's region-wide meeting: about one a year, now and then two. */
		int days_in_year = hw_date_from_ymd(year, 12, 31) - hw_date_from_ymd(year, 1, 1) + 1;
		for (int d = 1; d <= DEPARTMENT_COUNT; d++) {
			int meetings = chance(0.9) + chance(0.08);
			for (int i = 0; i < meetings; i++) {
				hw_date date = hw_date_from_ymd(year, 1, 1) + random_between(0, days_in_year - 1);
				while (!hw_calendar_is_workday(calendar, date))
					date++;
				day_plan *p = &plan[date - first]; /* past the span: never read */
				if (p->dept_wide_count < 6)
					p->dept_wide[p->dept_wide_count++] = (uint8_t)d;
			}
		}
	}
}

/* Six 90-minute slots a day; big meetings take a slot of their own. */
static const int slot_starts[6] = {570, 660, 750, 960, 1050, 1140};
#define SLOTS 6

static void fill(fixture *f, long meetings)
{
	int today_year = hw_date_year(f->today);
	int first_year = today_year - FIXTURE_YEARS + 1;
	hw_date first = hw_date_from_ymd(first_year, 1, 1);
	hw_date last = hw_date_from_ymd(today_year, 12, 31);
	int days = last - first + 1;
	/* + 32: a regular day rolled past New Year's Eve to the next working day. */
	day_plan *plan = calloc((size_t)days + 32, sizeof *plan);
	hw_date *workdays = malloc((size_t)days * sizeof *workdays);
	if (plan == NULL || workdays == NULL)
		bench_die("fixture", "out of memory");
	plan_regular_meetings(f->calendar, first, first_year, plan);
	int workday_count = 0;
	for (hw_date date = first; date <= last; date++)
		if (hw_calendar_is_workday(f->calendar, date))
			workdays[workday_count++] = date;

	for (int w = 0; w < workday_count; w++) {
		/* An even share of the meetings per working day. */
		long count = (long)((w + 1) * (int64_t)meetings / workday_count -
				    w * (int64_t)meetings / workday_count);
		const day_plan *p = &plan[workdays[w] - first];
		hw_meeting_type types[64];
		int departments[64] = {0};
		bool adhoc_reason[64] = {0};
		int n = 0;
		for (int i = 0; i < p->plenary && n < count; i++)
			types[n++] = HW_MEETING_PLENARY;
		for (int i = 0; i < p->study && n < count; i++)
			types[n++] = HW_MEETING_STUDY;
		for (int i = 0; i < p->executive + p->adhoc_executive + p->unmarked_executive && n < count;
		     i++) {
			adhoc_reason[n] = i >= p->executive && i < p->executive + p->adhoc_executive;
			types[n++] = HW_MEETING_EXECUTIVE;
		}
		int big = n;
		for (int i = 0; i < p->dept_wide_count && n < count; i++) {
			departments[n] = p->dept_wide[i];
			types[n++] = HW_MEETING_DEPT_WIDE;
		}
		while (n < count && n < 64)
			types[n++] = chance(0.2) ? HW_MEETING_OFFICE : HW_MEETING_SPECIAL;

		/* Big meetings in slots of their own, the rest round the remaining slots. */
		static const int slot_order[SLOTS] = {0, 3, 1, 4, 2, 5};
		int slot_of[64];
		for (int i = 0; i < n; i++)
			slot_of[i] = i < big && i < SLOTS ? slot_order[i]
				     : big < SLOTS        ? slot_order[big + (i - big) % (SLOTS - big)]
							  : i % SLOTS;
		uint64_t busy[SLOTS] = {0};
		bool head_chairs[SLOTS] = {0};
		for (int i = 0; i < n; i++) {
			draft m = {.type = types[i], .date = workdays[w], .start = slot_starts[slot_of[i]],
				   .department = departments[i], .adhoc_reason = adhoc_reason[i]};
			m.adhoc = m.adhoc_reason;
			/* The head chairs one office meeting per slot; another becomes a special one. */
			if (m.type == HW_MEETING_OFFICE && head_chairs[slot_of[i]])
				m.type = HW_MEETING_SPECIAL;
			if (m.type == HW_MEETING_SPECIAL && chance(0.002) &&
			    !hw_calendar_is_workday(f->calendar, m.date + 1))
				m.date++; /* on a day off: a finding */
			choose_people(&m, busy[slot_of[i]]);
			busy[slot_of[i]] |= m.people;
			if (m.chair == HEAD)
				head_chairs[slot_of[i]] = true;
			insert_meeting(f, &m);
		}
	}
	free(plan);
	free(workdays);
}

void fixture_build(const char *path, const char *data_dir, long meetings)
{
	random_state = RANDOM_SEED; /* the same database for the same arguments */
	hw_error error = {0};
	char directory[4096];
	snprintf(directory, sizeof directory, "%s/rules", data_dir);
	hw_rules *rules = hw_rules_load(directory, FIXTURE_GOVERNMENT, &error);
	if (rules == NULL)
		bench_die("rules", error.message);
	snprintf(directory, sizeof directory, "%s/holidays", data_dir);
	hw_calendar *calendar = hw_calendar_load(directory, &error);
	if (calendar == NULL)
		bench_die("holidays", error.message);
	hw_store *store = hw_store_open(path, HW_OPEN_OR_CREATE, &error);
	if (store == NULL || hw_store_set_government(store, rules, &error) != 0)
		bench_die(path, error.message);

	fixture f = {.db = hw_store_db(store), .calendar = calendar, .next_meeting = 1};
	if (!hw_date_parse(FIXTURE_TODAY, &f.today))
		bench_die("FIXTURE_TODAY", FIXTURE_TODAY);
	/* A fixture, not user actions: one transaction, no audit entries, a big cache. */
	bench_exec(f.db, "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF; BEGIN");
	insert_roster(f.db);
	f.meeting = bench_prepare(
		f.db, "INSERT INTO meeting (id, uid, type, date, start, end, title, location, chair_id,"
		      " chair_delegated, adhoc_reason, status, decision_type, head_consent,"
		      " department_id, requested_on, deputy_consent, sequence, changed_at)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		      " ?17, ?18, ?19)");
	f.attendee = bench_prepare(f.db,
				 "INSERT INTO attendee (meeting_id, person_id, kind) VALUES (?1, ?2, ?3)");
	f.topic = bench_prepare(
		f.db, "INSERT INTO topic (title, deputy_id, department_id, matters, matters_agreed,"
		      " studied_on, state, approved_by, meeting_id, decision)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	f.leave = bench_prepare(
		f.db, "INSERT INTO leave (meeting_id, person_id, reason, written, substitute_id, state,"
		      " approvers, decided_by, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	f.minutes = bench_prepare(
		f.db, "INSERT INTO minutes (meeting_id, text, state, drafted_on, signed_by, signed_on)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	f.document = bench_prepare(f.db, "INSERT INTO document (meeting_id, title, handed_over_on,"
				       " issued_on) VALUES (?1, ?2, ?3, ?4)");
	fill(&f, meetings);
	sqlite3_finalize(f.meeting);
	sqlite3_finalize(f.attendee);
	sqlite3_finalize(f.topic);
	sqlite3_finalize(f.leave);
	sqlite3_finalize(f.minutes);
	sqlite3_finalize(f.document);
	bench_exec(f.db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)");

	printf("fixture: %lld meetings (", (long long)(f.next_meeting - 1));
	for (int t = 0; t < HW_MEETING_TYPE_COUNT; t++)
		printf("%s%s %ld", t ? ", " : "", hw_meeting_type_key((hw_meeting_type)t), f.by_type[t]);
	printf("),\n         %ld attendees, %ld topics, %ld leave requests, %ld minutes, %ld "
	       "documents\n",
	       f.attendees, f.topics, f.leave_requests, f.minutes_rows, f.documents);
	hw_store_close(store);
	hw_calendar_free(calendar);
	hw_rules_free(rules);
}

static void usage(const char *program)
{
	fprintf(stderr, "usage: %s [-n MEETINGS] [-d DATA_DIR] [-r RUNS] [-k DB_PATH]\n", program);
	exit(2);
}

void bench_parse_options(int argc, char **argv, const char *program, int default_runs,
			 const char *default_data_dir, bench_options *out)
{
	*out = (bench_options){FIXTURE_DEFAULT_MEETINGS, default_runs, default_data_dir, NULL};
	bench_program = program;
	int option;
	while ((option = getopt(argc, argv, "n:d:r:k:h")) != -1) {
		char *end = NULL;
		switch (option) {
		case 'n':
			out->meetings = strtol(optarg, &end, 10);
			if (*end != '\0' || out->meetings < 1 || out->meetings > FIXTURE_MAX_MEETINGS)
				usage(program);
			break;
		case 'r':
			out->runs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || out->runs < 1 || out->runs > 64)
				usage(program);
			break;
		case 'd':
			out->data_dir = optarg;
			break;
		case 'k':
			out->keep = optarg;
			break;
		default:
			usage(program);
		}
	}
	if (optind != argc)
		usage(program);
	/* The sessions read the same rules and holidays, as of the same day. */
	setenv("HUIWU_DATA_DIR", out->data_dir, 1);
	unsetenv("HUIWU_RULES_DIR");
	setenv("HUIWU_TODAY", FIXTURE_TODAY, 1);
}

void bench_database_path(const bench_options *options, char *directory, size_t directory_size,
			 char *path, size_t path_size)
{
	directory[0] = '\0';
	if (options->keep != NULL) {
		snprintf(path, path_size, "%s", options->keep);
		fixture_remove(path);
	} else {
		bench_temp_dir(directory, directory_size);
		snprintf(path, path_size, "%s/bench.db", directory);
	}
}

void bench_database_done(const bench_options *options, const char *directory, const char *path)
{
	if (options->keep != NULL)
		return;
	fixture_remove(path);
	rmdir(directory);
}
