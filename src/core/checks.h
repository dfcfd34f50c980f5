/* The rule engine: a pure function of (rule set, working-day calendar, the data of a period,
 * today) to a list of findings, each with a code, a severity, the meeting it concerns, a
 * message in Chinese (it quotes the rules) and the clause it comes from. Loading the data is
 * separate (hw_check_load), so the engine itself touches no database. */
#ifndef HW_CHECKS_H
#define HW_CHECKS_H

#include <stdbool.h>
#include <stdint.h>

#include "meetings.h"
#include "minutes.h"
#include "roster.h"
#include "rules.h"
#include "workdays.h"

typedef enum hw_severity { HW_SEVERITY_ERROR, HW_SEVERITY_WARNING, HW_SEVERITY_INFO } hw_severity;

typedef struct hw_finding {
	const char *code; /* FREQ_OVER, CHAIR_NOT_ALLOWED, … */
	hw_severity severity;
	int64_t meeting_id; /* 0: the finding concerns a period, not one meeting */
	hw_date date;
	char message[1024];
	char clause[256];
} hw_finding;

typedef struct hw_findings {
	hw_finding *items;
	int count;
	int capacity;
	bool failed; /* a finding could not be added (out of memory): hw_check_run fails */
} hw_findings;

typedef struct hw_check_meeting {
	int64_t id;
	hw_meeting_type type;
	hw_date date;
	int start_minute, end_minute; /* minutes after midnight; end defaults to start + 120 */
	hw_meeting_status status;
	int64_t chair_id;
	bool adhoc;
	bool decision_type, head_consent;
	int64_t department_id;
	bool has_requested_on;
	hw_date requested_on;
	bool deputy_consent;
	bool government_approved;
	char location[HW_NAME_SIZE]; /* as recorded; "" when none */
	int first_attendee, attendee_count; /* a range of hw_check_data.attendees */
	char title[128];
} hw_check_meeting;

typedef struct hw_check_attendee {
	int64_t meeting_id;
	int64_t person_id;
	hw_attendance kind;
} hw_check_attendee;

typedef struct hw_check_leave {
	int64_t meeting_id;
	int64_t person_id;
	bool approved, pending, written;
} hw_check_leave;

typedef struct hw_check_topic {
	int64_t id;
	int64_t meeting_id;
	int64_t deputy_id;
	int64_t department_id;
	unsigned matters;
	bool agreed, approved, has_studied_on;
	hw_date studied_on;
	char title[128];
} hw_check_topic;

typedef struct hw_check_document {
	hw_document document;
} hw_check_document;

/* Time a person is busy elsewhere (imported from another calendar). */
typedef struct hw_check_busy {
	int64_t person_id;
	hw_date date;
	int start_minute, end_minute; /* a whole day: 0 and 1440 */
	char summary[128];
} hw_check_busy;

/* A leader's trip out of the region (src/core/trips.h), both days inclusive. */
typedef struct hw_check_trip {
	int64_t person_id;
	hw_date from, to;
	char reported_to[128];
} hw_check_trip;

/* Everything the engine reads; arrays sorted by meeting id (meetings by id). */
typedef struct hw_check_data {
	hw_date from, to;       /* the period asked about */
	hw_date records_begin;  /* the first meeting on record (after `to` when there is none):
				   periods before it are not judged */
	hw_check_meeting *meetings;
	int meeting_count;
	hw_check_attendee *attendees;
	int attendee_count;
	hw_person *people;
	int person_count;
	hw_department *departments;
	int department_count;
	hw_check_leave *leave;
	int leave_count;
	hw_check_topic *topics;
	int topic_count;
	hw_check_document *documents;
	int document_count;
	/* The office's own minutes target in working days (src/core/office.h), 0 when it sets
	 * none, and the meetings whose minutes are signed (sorted ids). */
	int minutes_target_days;
	int64_t *signed_minutes;
	int signed_minutes_count;
	hw_check_busy *busy; /* sorted by date */
	int busy_count;
	hw_check_trip *trips; /* those that touch the loaded years */
	int trip_count;
} hw_check_data;

/* Loads what the engine needs to judge [from, to]: whole years around it, so that every
 * calendar period (month, two months, year) is counted whole. */
int hw_check_load(hw_session *session, hw_date from, hw_date to, hw_check_data *out,
		  hw_error *error);
void hw_check_data_free(hw_check_data *data);

/* Appends the findings for meetings and periods within [data->from, data->to], by date.
 * Returns 0, or -1 with `error` when memory ran out and some finding may be missing. */
int hw_check_run(const hw_rules *rules, const hw_calendar *calendar, const hw_check_data *data,
		 hw_date today, hw_findings *out, hw_error *error);
void hw_findings_free(hw_findings *findings);
const char *hw_severity_key(hw_severity severity);
/* The severity in the user's language (错误, 提醒, 提示), for people; the key is for --json. */
const char *hw_severity_label(hw_severity severity);
/* Whether `code` is one the engine can raise (FREQ_OVER, …): the list man/huiwu.1 documents,
 * so that a test asserting a finding's absence cannot pass on a misspelt code. */
bool hw_finding_code_known(const char *code);
/* The known codes, in a fixed order: index 0 to hw_finding_code_count() - 1 (NULL outside). */
int hw_finding_code_count(void);
const char *hw_finding_code_at(int index);
/* The short label people read for a code ("topic not approved", 议题未经批准 under zh_CN),
 * translated; NULL for a code the engine does not raise. Front ends show it instead of the
 * code; the code stays in --json for scripts. */
const char *hw_finding_label(const char *code);

#endif
