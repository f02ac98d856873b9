// Section 10 of `npm run bench`: notifications, on the real dispatcher and the embedded database, with
// loopback WeCom robots that record when each message arrives (real time, no rate-limit pressure unless said).
//  - submit → first channel delivered: the API submit to the district robot receiving the alert (p50/p95),
//    spread over one robot per district so no robot's 20-a-minute limit is in the way.
//  - urgent behind 500 routine: 500 routine alerts pending for one robot, then an urgent report; time until
//    the robot has the urgent alert, next to the same with an empty queue, and its place in arrival order
//    (on a database of its own: it measures the queue, not the submit's cost over a big table).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { openLibsql } from '../db/libsql';
import { employerKey, submissionStatements } from '../db/repo/reports';
import * as schema from '../db/schema';
import { createApp } from '../src/app';
import type { AppDeps } from '../src/deps';
import { newId } from '../src/ids';
import { usccCheckChar } from '../src/intake/uscc';
import { dispatch } from '../src/notify/dispatcher';
import { RateLimiter } from '../src/notify/rate-limit';
import { assess } from '../src/rules/index';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../test/support/conversation';
import type { Row } from './measure';

const DISTRICTS = ['220102', '220103', '220104', '220105', '220106', '220112', '220113', '220122', '220182'];

/** A WeCom stand-in: answers ok at once and records when each receipt number arrived. */
async function robotServer() {
  const arrivals = new Map<string, number>();
  const order: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      const at = performance.now();
      const receipt = /CC-\d{4}-[0-9A-Z]{6}/.exec(raw)?.[0];
      if (receipt && !arrivals.has(receipt)) arrivals.set(receipt, at);
      if (receipt) order.push(receipt);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  // Like the robots' own servers, keep idle connections longer than the client does (no reset races).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send`;
  return { arrivals, order, url: (key: string) => `${base}?key=${key}`, close: () => server.close() };
}

async function until(probe: () => boolean, what: string, ms = 30_000) {
  const end = performance.now() + ms;
  while (!probe()) {
    if (performance.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((ok) => setImmediate(ok));
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

const TEMPLATE_USCC = String(M05_ANSWERS.uscc);
const TEMPLATE_UNIT = String(M05_ANSWERS.unit_name);

async function submitToDelivered(deps: AppDeps, add: (r: Row) => void) {
  const robot = await robotServer();
  for (const d of DISTRICTS) {
    await deps.db
      .insert(schema.notifyChannels)
      .values({ id: `ch_bench_${d}`, jurisdictionId: d, type: 'wecom', name: `bench ${d}`, target: robot.url(d) });
  }
  // The host's background work runs right away, as on the Node host.
  const app = createApp({ ...deps, defer: (work) => void work().catch((err) => console.error(err)) });
  const post = (path: string, body: unknown, token?: string) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
      body: JSON.stringify(body),
    });
  const started = (await (await post('/api/drafts', {})).json()) as {
    draftId: string;
    token: string;
    reply: ReplyLike;
  };
  let reply = started.reply;
  while (reply.kind !== 'review') {
    const res = await post(
      `/api/drafts/${started.draftId}/turns`,
      { input: inputFor(reply, M05_ANSWERS) },
      started.token,
    );
    reply = ((await res.json()) as { reply: ReplyLike }).reply;
  }
  const [template] = await deps.db
    .select()
    .from(schema.intakeDrafts)
    .where(eq(schema.intakeDrafts.id, started.draftId));
  if (!template) throw new Error('bench: draft vanished');
  // 10 reports per district robot: below its 20 a minute, so what is measured is the path, not a limit.
  const n = DISTRICTS.length * 10;
  const stateText = JSON.stringify(template.state);
  for (let i = 0; i < n; i++) {
    const district = DISTRICTS[i % DISTRICTS.length] ?? '220102';
    // A different employer each time (its own USCC and name): one incident, one case, so a report on the same
    // employer would join the open case as a 续报 instead of raising its own alert.
    const body = `9222000BENCH${String(i).padStart(5, '0')}`;
    const state = JSON.parse(
      stateText
        .replaceAll('"220102"', `"${district}"`)
        .replaceAll(TEMPLATE_USCC, `${body}${usccCheckChar(body)}`)
        .replaceAll(TEMPLATE_UNIT, `${TEMPLATE_UNIT}${i}号`),
    ) as typeof template.state;
    await deps.db.insert(schema.intakeDrafts).values({ ...template, id: `d_bench_notify_${i}`, chatKey: null, state });
  }
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await post(`/api/drafts/d_bench_notify_${i}/submit`, {}, started.token);
    const { receipt } = (await res.json()) as { receipt: string };
    await until(() => robot.arrivals.has(receipt), `the alert for ${receipt}`);
    latencies.push((robot.arrivals.get(receipt) ?? t0) - t0);
  }
  robot.close();
  add({
    section: '10',
    figure: `submit → first channel delivered p50 (${n} reports)`,
    value: quantile(latencies, 0.5),
    unit: 'ms',
  });
  add({ section: '10', figure: 'submit → first channel delivered p95', value: quantile(latencies, 0.95), unit: 'ms' });
}

/** Stores a submitted report as the intake does (with its source outbox row); returns its receipt. */
async function storeReport(db: Db, n: number, urgent: boolean, at: Date): Promise<string> {
  const facts = urgent
    ? { m09_people_involved: 60, m09_place: '厂区南门', m09_still_going: true, m09_blocking_roads: true }
    : { m05_employees_owed: 12, m05_amount_owed: 96_000, m05_months_in_arrears: 1 };
  const items = urgent ? (['M09'] as const) : (['M05'] as const);
  const assessment = assess({
    employer: { name: `基准单位${n}`, headcount: 300, district: '220104' },
    items: [...items],
    facts,
    eventAt: at.toISOString(),
    reportedAt: at.toISOString(),
  });
  const reportId = newId('r', at, () => crypto.getRandomValues(new Uint8Array(16)));
  const receipt = `CC-2026-${(n + 100_000).toString(36).toUpperCase().padStart(6, 'Z').slice(-6)}`;
  const employerId = `e_bench_notify_${n}`;
  const statements = submissionStatements(db, {
    report: {
      id: reportId,
      receipt,
      employerId,
      jurisdictionId: '220104',
      channel: 'web',
      locale: 'zh',
      unitName: `基准单位${n}`,
      reporterName: '李协调',
      reporterPhone: '13812345678',
      answers: {},
      items: [...items],
      assessment,
      rulesetVersion: assessment.rulesetVersion,
      severity: assessment.severity.level,
      urgency: assessment.urgency.level,
      late: false,
      lateHours: null,
      peopleInvolved: assessment.peopleInvolved,
      groupIncident: assessment.groupIncident,
      eventAt: at,
      submittedAt: at,
      annex4DueAt: new Date(at.getTime() + 3_600_000),
    },
    employer: {
      id: employerId,
      key: employerKey(null, '220104', `基准单位${n}`),
      name: `基准单位${n}`,
      jurisdictionId: '220104',
      headcount: 300,
      updatedAt: at,
    },
    outboxId: newId('o', at, () => crypto.getRandomValues(new Uint8Array(16))),
  });
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return receipt;
}

async function urgentBehindBacklog(deps: AppDeps, add: (r: Row) => void) {
  // One more robot, for district 220104 only (its channel from the first part is disabled here).
  await deps.db.update(schema.notifyChannels).set({ enabled: false });
  const robot = await robotServer();
  await deps.db.insert(schema.notifyChannels).values({
    id: 'ch_bench_backlog',
    jurisdictionId: '220104',
    type: 'wecom',
    name: 'backlog',
    target: robot.url('backlog'),
  });
  // The city office hears of urgent reports too: give it a robot so the fan-out has its second channel.
  await deps.db
    .insert(schema.notifyChannels)
    .values({ id: 'ch_bench_city', jurisdictionId: null, type: 'wecom', name: 'city', target: robot.url('city') });

  const timeUrgent = async (label: number) => {
    const receipt = await storeReport(deps.db, label, true, deps.clock());
    const t0 = performance.now();
    // A fresh limiter: this robot's tokens are all there, as after a quiet minute.
    await dispatch(deps, { limiter: new RateLimiter() });
    await until(() => robot.arrivals.has(receipt), 'the urgent alert');
    return { ms: (robot.arrivals.get(receipt) ?? t0) - t0, receipt };
  };
  const empty = await timeUrgent(900_001);
  // 500 routine reports fanned out and pending for the same robot (its limit holds them back).
  for (let i = 0; i < 500; i++) await storeReport(deps.db, 800_000 + i, false, deps.clock());
  robot.order.length = 0;
  const behind = await timeUrgent(900_002);
  const place =
    robot.order.filter((r) => r !== behind.receipt).length === robot.order.length
      ? -1
      : robot.order.indexOf(behind.receipt) + 1;
  robot.close();
  add({
    section: '10',
    figure: 'urgent report behind 500 pending routine rows → delivered',
    value: behind.ms,
    unit: 'ms',
    baseline: { name: 'urgent report, empty queue', value: empty.ms },
    ratio: behind.ms / Math.max(empty.ms, 0.001),
  });
  add({
    section: '10',
    figure: 'its place among the robot’s messages of that dispatch',
    value: place,
    unit: '(1 = first)',
  });
}

export async function notifyBench(deps: AppDeps, add: (r: Row) => void) {
  console.log('10. notifications: submit → delivered; an urgent report behind 500 routine rows');
  // The earlier sections submit thousands of reports with no dispatcher running: their outbox rows would be a
  // backlog in front of these measures (and use up the district robots' 20 a minute). Start from an empty queue.
  await deps.db.delete(schema.outbox);
  await submitToDelivered(deps, add);
  // The backlog part measures the dispatcher's queue order, not how a submit scales with the table: it gets a
  // database of its own, or storing its 500 reports next to the 1,000,000 of section 6 takes most of an hour.
  const work = mkdtempSync(join(tmpdir(), 'labor-risk-bench-backlog-'));
  const opened = await openLibsql(`file:${join(work, 'backlog.db')}`);
  try {
    await urgentBehindBacklog({ ...deps, db: opened.db }, add);
  } finally {
    opened.close();
    rmSync(work, { recursive: true, force: true });
  }
}
