// The only place tables are described. drizzle-kit generates db/migrations from this file;
// Node applies them at start, wrangler applies the same files to D1.
// Times are integer milliseconds since the epoch (drizzle `timestamp_ms` → Date).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Counties, districts and development zones of Changchun, with their receiving department (editable data). */
export const jurisdictions = sqliteTable('jurisdictions', {
  id: text('id').primaryKey(), // administrative code, or our own stable id where there is none
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['district', 'county', 'city', 'zone'] }).notNull(),
  receivingDeptName: text('receiving_dept_name').notNull(),
  receivingDeptPhone: text('receiving_dept_phone').notNull(),
  sort: integer('sort').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/** An employer, upserted on every report by USCC or, without one, by name + district (see `key`). */
export const employers = sqliteTable(
  'employers',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(), // 'uscc:<USCC>' or 'name:<district>:<normalised name>'
    uscc: text('uscc'),
    name: text('name').notNull(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    legalRep: text('legal_rep'),
    industry: text('industry'),
    headcount: integer('headcount'),
    address: text('address'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('employers_key_uq').on(t.key), index('employers_name_idx').on(t.name)],
);

/** A conversation in progress. `version` guards every write (optimistic concurrency, one batch per turn). */
export const intakeDrafts = sqliteTable(
  'intake_drafts',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(), // SHA-256 of the secret resume token
    channel: text('channel', { enum: ['web', 'widget', 'telegram', 'form', 'wechat'] }).notNull(),
    chatKey: text('chat_key'), // 'tg:<chat id>' (Telegram), 'wx:<openid>' (WeChat): one active draft per chat
    state: text('state', { mode: 'json' }).notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['active', 'submitted', 'cancelled'] })
      .notNull()
      .default('active'),
    reportId: text('report_id'),
    receipt: text('receipt'), // kept on the draft so a repeated submit answers the same receipt in one read
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('drafts_chat_key_uq').on(t.chatKey), index('drafts_expires_idx').on(t.expiresAt)],
);

/** A submitted Annex 3 report: the case the district office works on. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    receipt: text('receipt').notNull(),
    draftId: text('draft_id'),
    employerId: text('employer_id').notNull(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    channel: text('channel', { enum: ['web', 'widget', 'telegram', 'form', 'officer', 'wechat', 'phone'] }).notNull(),
    locale: text('locale', { enum: ['zh', 'en'] })
      .notNull()
      .default('zh'),
    unitName: text('unit_name').notNull(),
    uscc: text('uscc'),
    industry: text('industry'),
    reporterName: text('reporter_name').notNull(),
    reporterPhone: text('reporter_phone').notNull(),
    reporterChat: text('reporter_chat'), // where replies to the reporter go ('tg:<chat id>', 'wx:<openid>')
    /** A phone report (channel 'phone'): the number the call came from, as the officer typed it. */
    callerPhone: text('caller_phone'),
    answers: text('answers', { mode: 'json' }).notNull(), // Annex 3 answers keyed by field id, as given
    items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
    assessment: text('assessment', { mode: 'json' }).notNull(),
    rulesetVersion: text('ruleset_version').notNull(),
    severity: text('severity', { enum: ['low', 'medium', 'high'] }).notNull(),
    urgency: text('urgency', { enum: ['immediate', 'within_24h'] }).notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    /** A case officers found themselves (走访摸排, seed §8) that the employer never reported (seed §10). */
    unreported: integer('unreported', { mode: 'boolean' }).notNull().default(false),
    lateHours: integer('late_hours'),
    peopleInvolved: integer('people_involved'),
    groupIncident: integer('group_incident', { mode: 'boolean' }).notNull().default(false),
    // The regional warning level's employers and people (db/repo/regional.ts), kept by triggers on every open case
    // (a case not closed) of the employer whenever one of them changes (migration 0021): 1 on the employer's
    // latest open case, so the employers with an open case in a window ending now are a sum over that window; and
    // the case's share of the employer's largest figure — its people less the largest of the employer's later open
    // cases, never below 0 — so those shares over the window add up to each employer's largest figure in it.
    // 0 on closed cases and follow-ups.
    levelEmployer: integer('level_employer').notNull().default(0),
    levelPeople: integer('level_people').notNull().default(0),
    // The same two kept among the employer's open cases in the case's own district (migration 0024), so one
    // district's level (the Annex 4 prefill's suggestion) is sums over that district's window too.
    levelAreaEmployer: integer('level_area_employer').notNull().default(0),
    levelAreaPeople: integer('level_area_people').notNull().default(0),
    eventAt: integer('event_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: ['new', 'claimed', 'annex4_submitted', 'closed'] })
      .notNull()
      .default('new'),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    annex4DueAt: integer('annex4_due_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /**
     * One incident, one case: null when this report is a case itself; the case's report id when the report
     * joined an open case of the same employer as a follow-up (续报). Statistics count rows with no case_id.
     */
    caseId: text('case_id'),
    /** Officer-entered cases: where the officer learned of it (电话, 微信, 走访摸排, 舆情监测, 部门转办). */
    source: text('source', { enum: ['phone', 'wechat', 'visit', 'opinion', 'referral'] }),
    /** When the employer phoned or wrote, for an officer-entered report the employer made (seed §4(4)). */
    employerReportedAt: integer('employer_reported_at', { mode: 'timestamp_ms' }),
    /** District + normalised unit name ('220102:长春某某有限公司'): finds an open case when no USCC matches. */
    nameKey: text('name_key'),
    /** When the retention policy removed the reporter's personal data (RETENTION_YEARS after closing). */
    anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('reports_receipt_uq').on(t.receipt),
    // The open case of an employer, read by the submit batch to join a follow-up (续报) to it.
    index('reports_employer_case_idx').on(t.employerId, t.caseId, t.status),
    // Follow-ups of a case (case_id = ?). Partial: nearly every row is a case (case_id NULL), and a full index
    // lured the planner into reading every case through it for the statistics' `case_id IS NULL` (bench §9).
    index('reports_case_idx').on(t.caseId).where(sql`case_id IS NOT NULL`),
    // One report per draft, whatever the client repeats.
    uniqueIndex('reports_draft_uq').on(t.draftId),
    index('reports_jurisdiction_submitted_idx').on(t.jurisdictionId, t.submittedAt),
    // The to-do counts (due soon, overdue) of cases, not follow-ups: case_id makes it covering.
    index('reports_status_due_idx').on(t.status, t.annex4DueAt, t.caseId),
    index('reports_submitted_idx').on(t.submittedAt),
    index('reports_employer_idx').on(t.employerId),
    // Covers the regional warning aggregate (db/repo/regional.ts) and the statistics' case-level breakdown
    // (db/repo/stats.ts: area, industry, source): range scans of a period with no table lookups.
    index('reports_window_idx').on(
      t.submittedAt,
      t.caseId,
      t.status,
      t.jurisdictionId,
      t.employerId,
      t.industry,
      t.peopleInvolved,
      t.groupIncident,
      t.channel,
    ),
    // The submit's 续报 lookups (openCaseOf) are equalities on uscc and name_key. Partial: rows without one are
    // never looked up, and when most rows lack it ANALYZE makes a full index useless to SQLite 3.45 (bench §10).
    index('reports_uscc_idx').on(t.uscc).where(sql`uscc IS NOT NULL`),
    // The overview's per-area due-soon and overdue counts (db/repo/stats.ts): one range per area and status.
    index('reports_area_due_idx').on(t.jurisdictionId, t.status, t.annex4DueAt, t.caseId).where(sql`case_id IS NULL`),
    // A chat user's own reports (查询, replies from WeChat).
    index('reports_reporter_chat_idx').on(t.reporterChat, t.submittedAt),
    index('reports_name_key_idx').on(t.nameKey).where(sql`name_key IS NOT NULL`),
    // Closed cases past the retention period, found by the tick (src/cases/retention.ts).
    index('reports_closed_idx').on(t.status, t.closedAt),
    // The regional warning level over the open cases of a window (db/repo/regional.ts), each partial to the cases
    // not closed and covering its query: the window's sums (cases, incidents, employers, people) of the city and of
    // one district, whether a district or an industry section (of the city, of one district) has an open case in
    // it, and the employer's open cases the triggers rank (in the city, and in one district).
    index('reports_open_window_idx')
      .on(t.submittedAt, t.groupIncident, t.levelEmployer, t.levelPeople, t.caseId, t.status)
      .where(sql`case_id IS NULL AND status != 'closed'`),
    index('reports_open_area_idx')
      .on(
        t.jurisdictionId,
        t.submittedAt,
        t.industry,
        t.groupIncident,
        t.levelAreaEmployer,
        t.levelAreaPeople,
        t.employerId,
        t.peopleInvolved,
        t.caseId,
        t.status,
      )
      .where(sql`case_id IS NULL AND status != 'closed'`),
    // Whether one district has an open case of an industry section in a window: one probe per section.
    index('reports_open_area_industry_idx')
      .on(t.jurisdictionId, t.industry, t.submittedAt, t.caseId, t.status)
      .where(sql`case_id IS NULL AND status != 'closed'`),
    index('reports_open_industry_idx')
      .on(t.industry, t.submittedAt, t.caseId, t.status)
      .where(sql`case_id IS NULL AND status != 'closed'`),
    // The district comes second so the district ranks (0024) read it here too; the city's read the employer's range.
    index('reports_employer_open_idx')
      .on(t.employerId, t.jurisdictionId, t.submittedAt, t.id, t.peopleInvolved, t.caseId, t.status)
      .where(sql`case_id IS NULL AND status != 'closed'`),
    // The statistics' filters on an industry section with no case_counts scope (with an item or a source, db/repo/
    // stats.ts): the section's cases of a period with what the breakdown groups on and the items to check.
    index('reports_industry_window_idx')
      .on(t.industry, t.submittedAt, t.caseId, t.jurisdictionId, t.channel, t.items)
      .where(sql`case_id IS NULL`),
    // The same within one area (a district officer's statistics by section with an item or a source): the area's
    // section's cases of a period, a few hundred entries however large the city. Section first: a query without
    // one (an area's cases of a period) must not find this covering index tempting.
    index('reports_area_industry_window_idx')
      .on(t.industry, t.jurisdictionId, t.submittedAt, t.caseId, t.channel, t.items)
      .where(sql`case_id IS NULL`),
    // The period report's notable cases (db/repo/period-reports.ts): only the cases notable by their own flags.
    // The first in ranking order (its whole key is the ranking, ties included), so the top of a recent period is a short walk from the top; the second by time,
    // so a period whose top lies deep in that order is one range over its own notable cases. Both cover their query
    // (the flag columns too: SQLite 3.45 checks the query's copy of the WHERE against the entry), and the query
    // repeats the WHERE word for word (NOTABLE_FLAGS): SQLite uses a partial index only then.
    index('reports_notable_rank_idx')
      .on(
        sql`group_incident DESC`,
        sql`coalesce(people_involved, 0) DESC`,
        t.submittedAt,
        t.urgency,
        t.severity,
        t.peopleInvolved,
        t.id,
        t.caseId,
      )
      .where(sql`case_id IS NULL AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high')`),
    index('reports_notable_idx')
      .on(t.submittedAt, t.groupIncident, t.peopleInvolved, t.urgency, t.severity, t.id, t.caseId)
      .where(sql`case_id IS NULL AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high')`),
  ],
);

/**
 * Case counts for the statistics (issue 16): one row per (scope, Beijing day) whose `counts` is a flat JSON
 * object of the day's cases in that scope by area, item, industry section and source — keys 'a:<area>',
 * 'i:<item>', 'n:<section, '' when not given>', 'c:<channel>'. Scopes are the filters the statistics offer:
 * '' (the whole city), 'a:<area>', 'i:<item>', 'n:<section>', 'c:<channel>', and an area with one of the others
 * ('a:<area>|i:<item>'…). A case with two items counts under each. Kept by triggers on reports in the same
 * statement that stores, joins, splits or merges a case (db/migrations/0018_case_counts_triggers.sql), so a
 * month is 30 rows of one scope whatever the number of cases (db/repo/stats.ts).
 */
export const caseCounts = sqliteTable(
  'case_counts',
  {
    scope: text('scope').notNull(),
    /** Days since 1970-01-01 in Beijing time (UTC+8). */
    day: integer('day').notNull(),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);

/**
 * Cases not yet closed per area, status and urgency, kept by triggers on reports like case_counts: the
 * overview's unclaimed, urgent and open counts read these few rows instead of every open case.
 */
export const openCaseCounts = sqliteTable(
  'open_case_counts',
  {
    jurisdictionId: text('jurisdiction_id').notNull(),
    status: text('status', { enum: ['new', 'claimed', 'annex4_submitted'] }).notNull(),
    urgency: text('urgency', { enum: ['immediate', 'within_24h'] }).notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.status, t.urgency] })],
);

/** One row per monitoring item of a report: filters by item and the regional aggregates read it. */
export const reportItems = sqliteTable(
  'report_items',
  {
    reportId: text('report_id').notNull(),
    item: text('item').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.item] }), index('report_items_item_idx').on(t.item, t.submittedAt)],
);

/** The audit trail and case timeline: every change and every view of personal data. */
export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: text('report_id'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorType: text('actor_type', { enum: ['reporter', 'officer', 'system'] }).notNull(),
    actorId: text('actor_id'),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

/**
 * Inbound event keys (Telegram update_id, Idempotency-Key): written in the same batch as the effects,
 * so a repeat fails the unique key, changes nothing, and is answered with the stored first response.
 */
export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    key: text('key').primaryKey(),
    response: text('response', { mode: 'json' }),
    createdAt: createdAt(),
  },
  (t) => [index('inbound_events_created_idx').on(t.createdAt)],
);

/** Transactional outbox: rows written with the report, sent by the dispatcher. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(), // 'report_alert' | 'reminder' | 'escalation' | 'reporter_message' | 'bot_reply' …
    reportId: text('report_id'),
    channelId: text('channel_id'), // notify_channels.id, or null when the payload names its destination
    payload: text('payload', { mode: 'json' }).notNull(),
    dedupeKey: text('dedupe_key'), // makes "exactly once" notifications (reminders, escalations) a unique key
    state: text('state', { enum: ['pending', 'sent', 'dead'] })
      .notNull()
      .default('pending'),
    // Lower goes first among due rows (OUTBOX_PRIORITY, db/repo/outbox.ts): 0 urgent, 1 bot replies, 2 everything else.
    priority: integer('priority').notNull().default(2),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('outbox_due_idx').on(t.state, t.nextAttemptAt),
    // The dispatcher's queue order: urgent rows first, then by due time.
    index('outbox_queue_idx').on(t.state, t.priority, t.nextAttemptAt),
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
    index('outbox_report_idx').on(t.reportId),
  ],
);

/** Where a jurisdiction's alerts go (null jurisdiction = the city office). Data, editable without a deploy. */
export const notifyChannels = sqliteTable(
  'notify_channels',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id'),
    type: text('type', { enum: ['telegram', 'wecom', 'dingtalk', 'feishu'] }).notNull(),
    name: text('name').notNull(),
    target: text('target').notNull(), // Telegram chat id or robot webhook URL
    secret: text('secret'), // DingTalk / Feishu signing secret
    locale: text('locale', { enum: ['zh', 'en'] })
      .notNull()
      .default('zh'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /**
     * For city channels (null jurisdiction): 'office' is the city office itself; 'superior' (上级, e.g. 省厅)
     * and 'peer' (同级, e.g. 市委市政府) receive issued warnings only.
     */
    recipient: text('recipient', { enum: ['office', 'superior', 'peer'] })
      .notNull()
      .default('office'),
    createdAt: createdAt(),
  },
  (t) => [index('notify_channels_jurisdiction_idx').on(t.jurisdictionId)],
);

export const officers = sqliteTable(
  'officers',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['district_officer', 'city_officer', 'admin'] }).notNull(),
    jurisdictionId: text('jurisdiction_id'), // required for district officers
    passwordHash: text('password_hash').notNull(),
    phone: text('phone'),
    telegramUserId: text('telegram_user_id'),
    linkCode: text('link_code'),
    linkCodeExpiresAt: integer('link_code_expires_at', { mode: 'timestamp_ms' }),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** Set for a generated or admin-reset password: the console asks for a new one before anything else. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('officers_username_uq').on(t.username),
    uniqueIndex('officers_telegram_uq').on(t.telegramUserId),
    uniqueIndex('officers_link_code_uq').on(t.linkCode),
  ],
);

export const officerSessions = sqliteTable(
  'officer_sessions',
  {
    id: text('id').primaryKey(), // SHA-256 of the cookie token
    officerId: text('officer_id').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('officer_sessions_officer_idx').on(t.officerId)],
);

/** Login throttling: failed attempts per key (username or client address) in a window. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/** Annex 4 situation form, one per report, drafted then submitted to the city office. */
export const annex4 = sqliteTable('annex4', {
  reportId: text('report_id').primaryKey(),
  data: text('data', { mode: 'json' }).notNull(),
  /** 'accepted' (签收) and 'returned' (退回补充) are the city office's answer to a submitted form. */
  status: text('status', { enum: ['draft', 'submitted', 'accepted', 'returned'] })
    .notNull()
    .default('draft'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedBy: text('updated_by'),
  submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
  reviewedBy: text('reviewed_by'),
  /** Why it was returned (what to add), or the note on acceptance. */
  reviewNote: text('review_note'),
});

/** Regional warning level decisions: the suggestion, the officer's decision and the written reason. */
export const warningDecisions = sqliteTable(
  'warning_decisions',
  {
    id: text('id').primaryKey(),
    suggestedLevel: integer('suggested_level').notNull(),
    decidedLevel: integer('decided_level').notNull(),
    reasons: text('reasons', { mode: 'json' }).notNull(),
    note: text('note'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * 'recorded': a decision only (older rows); 'issued': a level-1 warning issued by the city; 'requested':
     * a level-2/3 warning requested from the province (提请); 'lifted': a warning lifted (解除).
     */
    action: text('action', { enum: ['recorded', 'issued', 'requested', 'lifted'] })
      .notNull()
      .default('recorded'),
    /** The notice's recipients as sent: [{ channelId, name, recipient }]. */
    recipients: text('recipients', { mode: 'json' }),
    /** For a request: when and to whom it went, recorded by the officer after sending it. */
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    sentTo: text('sent_to'),
  },
  // The warning in force, read for the banner on every console page: the latest decision, without a sort.
  (t) => [index('warning_decisions_decided_idx').on(t.decidedAt)],
);

/**
 * Accountability (seed §10): 迟报 / 漏报 / 瞒报 entries. The rules only suggest (status 'suggested');
 * an officer confirms or dismisses with a reason. Only confirmed rows reach the accountability lists.
 */
export const accountabilityEntries = sqliteTable(
  'accountability_entries',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    employerId: text('employer_id').notNull(),
    kind: text('kind', { enum: ['late', 'unreported', 'concealed'] }).notNull(),
    status: text('status', { enum: ['suggested', 'confirmed', 'dismissed'] }).notNull(),
    /** Why the rules suggested it, or the officer's written reason when deciding. */
    reason: text('reason').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accountability_case_kind_uq').on(t.caseId, t.kind),
    index('accountability_status_idx').on(t.status, t.decidedAt),
    index('accountability_employer_idx').on(t.employerId),
  ],
);

/**
 * Actions taken on a confirmed accountability entry (seed §10): 信用提醒 (credit reminder) or 诚信约谈 (integrity
 * interview), on a day, by someone, with notes; who recorded it and when is kept besides.
 */
export const accountabilityActions = sqliteTable(
  'accountability_actions',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull(),
    kind: text('kind', { enum: ['credit_reminder', 'integrity_interview'] }).notNull(),
    takenOn: text('taken_on').notNull(), // YYYY-MM-DD, Beijing date the action was taken
    takenBy: text('taken_by').notNull(), // who took it, as written (department and name)
    note: text('note').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('accountability_actions_entry_idx').on(t.entryId, t.takenOn)],
);

/** 重大风险 cases (seed §4(2)): a special ledger with a named tracking person and regular follow-up. */
export const majorRisks = sqliteTable(
  'major_risks',
  {
    reportId: text('report_id').primaryKey(),
    trackerName: text('tracker_name').notNull(),
    trackerPhone: text('tracker_phone'),
    note: text('note'),
    markedBy: text('marked_by').notNull(),
    markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull(),
    /** Days between follow-up reminders (team default 7). */
    intervalDays: integer('interval_days').notNull(),
    nextFollowUpAt: integer('next_follow_up_at', { mode: 'timestamp_ms' }).notNull(),
    /** Reminders sent so far: the next one's dedupe key. */
    reminders: integer('reminders').notNull().default(0),
  },
  (t) => [index('major_risks_next_idx').on(t.nextFollowUpAt)],
);

/** Each version of the period report (情况报告) downloaded: the office's text and the figures as drawn. */
export const periodReports = sqliteTable(
  'period_reports',
  {
    id: text('id').primaryKey(),
    fromDay: text('from_day').notNull(), // YYYY-MM-DD, Beijing dates, inclusive
    toDay: text('to_day').notNull(),
    docNumber: text('doc_number').notNull(), // 文号
    analysis: text('analysis').notNull(),
    nextSteps: text('next_steps').notNull(),
    figures: text('figures', { mode: 'json' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('period_reports_created_idx').on(t.createdAt)],
);

/** Per-chat preferences (e.g. /lang) for chat channels. */
export const chatPrefs = sqliteTable('chat_prefs', {
  chatKey: text('chat_key').primaryKey(),
  locale: text('locale', { enum: ['zh', 'en'] }).notNull(),
});

/**
 * Access tokens of outside APIs (the WeChat access_token), shared by every instance: fetched once, stored,
 * refreshed when it is about to expire or the API says it is invalid.
 */
export const apiTokens = sqliteTable('api_tokens', {
  name: text('name').primaryKey(),
  token: text('token').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * What the host's periodic work last did, shared by every instance (Workers run the cron in one isolate and
 * answer /healthz in another): key 'tick' holds the last tick's time and summary.
 */
export const hostState = sqliteTable('host_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
