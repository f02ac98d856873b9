// Issue 18 in Chromium, officers' and admins' side, at 390×844 and 1366×768: the admin's first page, refused
// forms that keep what was typed, the channels page (Chinese types, a test message with the robot's answer,
// set-up warnings also in /healthz), 销号 confirmed once with the reason shown on /status, one vocabulary
// without rule ids, folded view lines, and the case page usable on a phone. No script runs on console pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions, notifyChannels, officers, reports } from '../../db/schema';
import { createOfficer, fetcherFor, submitReport } from '../node/console-fixtures';
import { type Robot, startRobot } from '../node/notify-robots';
import { M05_ANSWERS } from '../support/conversation';
import { atEachSize, launchBrowser, seriousViolations, signInAs, startTestHost, type TestHost } from './browser';

const PASSWORD = 'chaoyang-dispatch-2026';
let t: TestHost;
let browser: Browser;
let robot: Robot;

beforeAll(async () => {
  t = await startTestHost();
  robot = await startRobot('wecom', t.clock.now);
  await createOfficer(t.host.deps.db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(t.host.deps.db, { username: 'root', displayName: '管理员', password: PASSWORD, role: 'admin' });
  await createOfficer(t.host.deps.db, {
    username: 'city',
    displayName: '市办王',
    password: PASSWORD,
    role: 'city_officer',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await robot?.close();
  await t?.stop();
});

/** Submits the form holding `button` and returns the response's status. */
async function press(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return response?.status() ?? 0;
}

/** The visible error tied to a control by aria-describedby. */
async function errorFor(page: Page, selector: string): Promise<string> {
  const id = await page.getAttribute(selector, 'aria-describedby');
  expect(id, `${selector} has an error attached`).toBeTruthy();
  return (await page.locator(`#${id}`).textContent()) ?? '';
}

describe('admins', () => {
  it('lands on the accounts page after the first sign-in, not on the Telegram link form', async () => {
    await atEachSize(browser, 'admin-first-page', async (page, size) => {
      const username = `admin-${size}`;
      const id = await createOfficer(t.host.deps.db, { username, password: 'one-time-pass-1', role: 'admin' });
      await t.host.deps.db.update(officers).set({ mustChangePassword: true }).where(eq(officers.id, id));
      await signInAs(page, t.host.url, username, 'one-time-pass-1');
      // First: only the password to set; no Telegram form for an account that handles no cases.
      expect(new URL(page.url()).pathname).toBe('/console/profile');
      expect(await page.locator('h2').allTextContents()).toEqual(['修改密码']);
      await page.fill('input[name=current]', 'one-time-pass-1');
      await page.fill('input[name=password]', 'a-new-admin-passphrase');
      await page.fill('input[name=confirm]', 'a-new-admin-passphrase');
      await press(page, '修改密码');
      expect(new URL(page.url()).pathname).toBe('/console/admin/officers');
      expect(await page.locator('.flash').first().textContent()).toContain('密码已修改');
      // Later sign-ins go straight to the admin's work too.
      await page.getByRole('button', { name: '退出' }).click();
      await signInAs(page, t.host.url, username, 'a-new-admin-passphrase');
      expect(new URL(page.url()).pathname).toBe('/console/admin/officers');
    });
  });

  it('gets a refused account form back with every field kept and the problem next to the district', async () => {
    await atEachSize(browser, 'refused-account', async (page, size) => {
      await signInAs(page, t.host.url, 'root', PASSWORD);
      await page.goto(`${t.host.url}/console/admin/officers`);
      await page.fill('#ac-username', `chaoyang.li.${size}`);
      await page.fill('#ac-name', '李娜');
      await page.selectOption('#ac-role', 'district_officer');
      await page.fill('#ac-phone', '0431-85551234');
      expect(await press(page, '创建并生成一次性密码')).toBe(400);
      expect(await page.inputValue('#ac-username')).toBe(`chaoyang.li.${size}`);
      expect(await page.inputValue('#ac-name')).toBe('李娜');
      expect(await page.inputValue('#ac-role')).toBe('district_officer');
      expect(await page.inputValue('#ac-phone')).toBe('0431-85551234');
      expect(await errorFor(page, '#ac-jurisdiction')).toContain('须选择所属辖区');
      // No link to pages an admin does not have.
      expect(await page.locator('main a[href="/console"]').count()).toBe(0);
      await page.selectOption('#ac-jurisdiction', '220104');
      expect(await press(page, '创建并生成一次性密码')).toBe(200);
      expect(await page.locator('.flash').textContent()).toContain(`已为 chaoyang.li.${size} 设置一次性密码`);
    });
  });

  it('keeps a refused channel (an http:// address) and a refused receiving department as typed', async () => {
    await atEachSize(browser, 'refused-channel', async (page) => {
      await signInAs(page, t.host.url, 'root', PASSWORD);
      await page.goto(`${t.host.url}/console/admin/channels`);
      await page.fill('#ch-name', '朝阳区调度室企业微信群');
      await page.selectOption('#ch-jurisdiction', '220104');
      await page.selectOption('#ch-type', 'wecom');
      await page.fill('#ch-target', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
      expect(await press(page, '新增')).toBe(400);
      expect(await page.inputValue('#ch-name')).toBe('朝阳区调度室企业微信群');
      expect(await page.inputValue('#ch-jurisdiction')).toBe('220104');
      expect(await page.inputValue('#ch-type')).toBe('wecom');
      expect(await page.inputValue('#ch-target')).toBe('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
      expect(await errorFor(page, '#ch-target')).toContain('https://');

      await page.goto(`${t.host.url}/console/admin/jurisdictions`);
      await page.fill('#j-220104-name', '朝阳区劳动关系调度室');
      await page.fill('#j-220104-phone', '');
      await Promise.all([
        page.waitForNavigation(),
        page.locator('form[action$="/220104"]').getByRole('button', { name: '保存' }).click(),
      ]);
      expect(await page.inputValue('#j-220104-name')).toBe('朝阳区劳动关系调度室');
      expect(await errorFor(page, '#j-220104-phone')).toContain('请填写联系电话');
    });
  });

  it('names channel types in Chinese, sends a test message showing the answer, and warns until every area is covered', async () => {
    const health = async () =>
      ((await (await fetch(`${t.host.url}/healthz`)).json()) as { warnings: string[] }).warnings;
    expect((await health()).join('\n')).toMatch(/市办（全市）没有启用的通知渠道[\s\S]*0431-12333/);
    // A robot on loopback (the form accepts https only; the stand-in is inserted as data).
    await t.host.deps.db.insert(notifyChannels).values({
      id: 'ch_test_city',
      jurisdictionId: null,
      type: 'wecom',
      name: '市办企业微信群',
      target: robot.url,
      createdAt: t.clock.now(),
    });
    await atEachSize(browser, 'channels-page', async (page) => {
      await signInAs(page, t.host.url, 'root', PASSWORD);
      await page.goto(`${t.host.url}/console/admin/channels`);
      expect(await page.locator('#ch-type option').allTextContents()).toEqual([
        '请选择',
        '企业微信群机器人',
        '钉钉群机器人',
        '飞书群机器人',
        'Telegram 群',
      ]);
      expect(await page.inputValue('#ch-type')).toBe('');
      expect(await page.locator('.flash.warn').textContent()).toContain('南关区');
      const before = robot.received.length;
      const row = page.locator('tr', { hasText: '市办企业微信群' });
      await Promise.all([page.waitForNavigation(), row.getByRole('button', { name: '发送测试消息' }).click()]);
      expect(await page.locator('tr', { hasText: '市办企业微信群' }).locator('.flash').textContent()).toContain(
        '企业微信群机器人回复：成功',
      );
      expect(robot.received.length).toBe(before + 1);
      expect(JSON.stringify(robot.received.at(-1)?.body)).toContain('测试消息');
      robot.script({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
      await Promise.all([
        page.waitForNavigation(),
        page.locator('tr', { hasText: '市办企业微信群' }).getByRole('button', { name: '发送测试消息' }).click(),
      ]);
      expect(await page.locator('tr', { hasText: '市办企业微信群' }).locator('.flash.error').textContent()).toContain(
        '93000',
      );
    });
    // Every area covered and every phone real: no warning left.
    const all = await t.host.deps.db.select({ id: jurisdictions.id }).from(jurisdictions);
    await t.host.deps.db.insert(notifyChannels).values(
      all.map((j) => ({
        id: `ch_test_${j.id}`,
        jurisdictionId: j.id,
        type: 'wecom' as const,
        name: `${j.id} 群`,
        target: robot.url,
        createdAt: t.clock.now(),
      })),
    );
    expect((await health()).join('\n')).toContain('0431-12333');
    await t.host.deps.db.update(jurisdictions).set({ receivingDeptPhone: '0431-80000000' });
    expect(await health()).toEqual([]);
  });
});

describe('officers on the case page', () => {
  it('reads one vocabulary without rule ids, folded view lines, and reaches the actions on a phone', async () => {
    const { reportId } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
    await atEachSize(browser, 'case-page', async (page, size) => {
      await signInAs(page, t.host.url, 'nanguan', PASSWORD, `/console/cases/${reportId}`);
      await page.reload();
      await page.reload();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('严重程度：中');
      expect(main).not.toMatch(/M\d\d\.|≥|高：高|中：中|低：低|规则 /);
      // The views of one officer on one day are one line with a count.
      const views = await page.locator('li', { hasText: '张伟 查阅' }).allTextContents();
      expect(views.filter((v) => !v.includes('附件4'))).toHaveLength(1);
      expect(views.join('\n')).toMatch(/张伟 查阅 \d+ 次/);
      // The claim button is in the first screen, without scrolling past the answers or the timeline.
      const claim = await page.getByRole('button', { name: '认领此案件' }).boundingBox();
      const height = page.viewportSize()?.height ?? 0;
      expect(claim && claim.y + claim.height).toBeLessThanOrEqual(height);
      // Values are not squeezed: each answer has most of the width.
      const value = await page.locator('#annex3 .kv td').first().boundingBox();
      expect(value?.width ?? 0).toBeGreaterThan(size === 'phone' ? 250 : 300);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
    });
  });

  it('marks a case urgent with a reason: the deadline moves, the reason shows, the form offers the way back', async () => {
    await atEachSize(browser, 'urgency-mark', async (page) => {
      const { reportId } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
      await signInAs(page, t.host.url, 'nanguan', PASSWORD, `/console/cases/${reportId}`);
      expect(await page.locator('#urgency-title').textContent()).toBe('紧急程度：24 小时内报告');
      await page.fill('#urgency textarea[name=reason]', '现场已有 40 余名职工聚集，情绪激动。');
      expect(await press(page, '改为紧急重大（附件4 须 1 小时内报送）')).toBe(200);
      expect(await page.locator('.flash').textContent()).toContain('已改为紧急重大');
      expect(await page.locator('#urgency-title').textContent()).toBe('紧急程度：紧急重大');
      expect(await page.locator('#urgency .muted').textContent()).toContain(
        '研判：现场已有 40 余名职工聚集，情绪激动。',
      );
      expect(await page.locator('.timeline').textContent()).toContain('研判改为紧急重大');
      await expect(page.getByRole('button', { name: '改为非紧急（附件4 按 24 小时时限）' }).count()).resolves.toBe(1);
      const [row] = await t.host.deps.db.select().from(reports).where(eq(reports.id, reportId));
      expect(row?.annex4DueAt.getTime()).toBe(t.clock.now().getTime() + 3_600_000);
    });
  });

  it('asks once before 销号, then the reporter reads the reason on /status', async () => {
    await atEachSize(browser, 'close-case', async (page) => {
      const { reportId, receipt } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
      await signInAs(page, t.host.url, 'nanguan', PASSWORD, `/console/cases/${reportId}`);
      expect(await page.locator('#close .consequence').textContent()).toContain('无法撤销');
      await page.fill('#close-reason', '工资已于 11 月 30 日全部补发，职工已确认。');
      // Not ticked: the browser does not send it (required), so nothing is closed.
      await page.getByRole('button', { name: '确认销号' }).click();
      expect(new URL(page.url()).search).toBe('');
      await page.check('#close input[name=confirm]');
      // Before Annex 4 a district officer is refused in the form itself, the reason kept.
      expect(await press(page, '确认销号')).toBe(409);
      expect(await page.locator('#close-error').textContent()).toContain('附件4 报送后才能销号');
      expect(await page.locator('#close-reason').inputValue()).toContain('全部补发');
      // The city office may close early: its reason is the approval.
      await page.context().clearCookies();
      await signInAs(page, t.host.url, 'city', PASSWORD, `/console/cases/${reportId}`);
      expect(await page.locator('#close .muted').textContent()).toContain('须由市协调劳动关系三方委员会办公室批准');
      await page.fill('#close-reason', '工资已于 11 月 30 日全部补发，职工已确认。');
      await page.check('#close input[name=confirm]');
      expect(await press(page, '确认销号')).toBe(200);
      expect(await page.locator('.flash').textContent()).toContain('已销号');
      expect(await page.locator('#close').count()).toBe(0);
      await page.goto(`${t.host.url}/status`);
      await page.fill('#f-receipt', receipt);
      await page.fill('#f-phone', '13800138000');
      await Promise.all([page.waitForNavigation(), page.locator('form.lookup button[type=submit]').click()]);
      expect(await page.locator('.timeline').textContent()).toContain('工资已于 11 月 30 日全部补发，职工已确认。');
    });
  });
});

describe('the officer forms for a case found or phoned in', () => {
  it('show form help under the fields, never the chat’s typing instructions', async () => {
    await atEachSize(browser, 'officer-form-help', async (page) => {
      await signInAs(page, t.host.url, 'nanguan', PASSWORD);
      for (const path of ['/console/cases/new', '/console/cases/phone']) {
        await page.goto(`${t.host.url}${path}`);
        const text = (await page.locator('main form').first().textContent()) ?? '';
        expect(text, path).not.toMatch(/回复|今天|昨天|可多选。\s*可多选/);
        expect(text, path).toContain('可多选。');
        const help = await page.getAttribute('#f-uscc', 'aria-describedby');
        expect(await page.locator(`#${help}`).textContent()).toContain('营业执照');
      }
    });
  });
});

describe('issuing and lifting a warning', () => {
  it('asks once, naming what will happen; without the tick nothing is issued and the form keeps what was typed', async () => {
    // Phone: issue level 1; desk: lift it.
    await atEachSize(browser, 'warning-confirm', async (page, size) => {
      await signInAs(page, t.host.url, 'city', PASSWORD, '/console/warning');
      const form = page.locator(size === 'phone' ? '#decide' : '#lift');
      const [button, reason, tick] =
        size === 'phone'
          ? ['确定并发布（二级、三级为提请省级）', '南关区、朝阳区相继发生欠薪群体性事件。', '#decide-confirm']
          : ['解除当前预警并通知', '欠薪已补发，停工已复工。', '#lift-confirm'];
      expect(await form.locator('.consequence').textContent()).toMatch(
        size === 'phone' ? /立即发布.*不能撤回/ : /解除通知马上发往.*不能撤回/,
      );
      if (size === 'phone') await form.locator('select[name=level]').selectOption('1');
      await form.locator('textarea[name=reason]').fill(reason);
      // Not ticked: the browser keeps it (required); the server refuses it too, keeping the form.
      await form.getByRole('button', { name: button }).click();
      expect(new URL(page.url()).search).toBe('');
      await page.locator(tick).evaluate((el) => el.removeAttribute('required'));
      expect(await press(page, button)).toBe(400);
      expect(await page.locator(`${tick}-error`).textContent()).toContain('请勾选确认');
      expect(
        await page
          .locator(size === 'phone' ? '#decide' : '#lift')
          .locator('textarea')
          .inputValue(),
      ).toBe(reason);
      if (size === 'phone') expect(await page.inputValue('#decide select[name=level]')).toBe('1');
      expect(await page.locator('.warning-banner').textContent()).toContain(
        size === 'phone' ? '当前未发布' : '当前预警：一级预警',
      );
      await page.check(tick);
      expect(await press(page, button)).toBe(200);
      expect(await page.locator('.flash').first().textContent()).toContain(
        size === 'phone' ? '一级预警已发布' : '预警已解除',
      );
    });
  });
});

describe('accessibility of every console page (axe-core)', () => {
  it('has no serious or critical finding, forms with errors included', async () => {
    const { reportId } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
    await atEachSize(
      browser,
      'console-axe',
      async (page) => {
        const found: string[] = [];
        const check = async (what: string) => {
          for (const v of await seriousViolations(page)) found.push(`${what}: ${v}`);
        };
        await page.goto(`${t.host.url}/login`);
        await check('/login');
        await signInAs(page, t.host.url, 'nanguan', PASSWORD);
        for (const path of [
          '/console',
          '/console/cases',
          '/console/stats',
          `/console/cases/${reportId}`,
          `/console/cases/${reportId}/annex4`,
          '/console/ledger',
          '/console/cases/new',
          '/console/warning',
          '/console/profile',
        ]) {
          await page.goto(`${t.host.url}${path}`);
          await check(path);
        }
        // The refusal of a 报送市办 without its tick (the browser's own check taken away to reach the server).
        await page.goto(`${t.host.url}/console/cases/${reportId}/annex4`);
        await page.locator('#a4-confirmed').evaluate((el) => el.removeAttribute('required'));
        expect(await press(page, '报送市办')).toBe(400);
        await check('annex4 unconfirmed');
        await page.getByRole('button', { name: '退出' }).click();
        await signInAs(page, t.host.url, 'root', PASSWORD);
        for (const path of ['/console/admin/officers', '/console/admin/jurisdictions', '/console/admin/channels']) {
          await page.goto(`${t.host.url}${path}`);
          await check(path);
        }
        await press(page, '新增');
        await check('refused channel form');
        await page.goto(`${t.host.url}/console/admin/officers`);
        await press(page, '创建并生成一次性密码');
        await check('refused account form');
        expect(found).toEqual([]);
      },
      { bypassCSP: true },
      // axe's rules do not depend on the width; one size keeps the suite quick.
      ['phone'],
    );
  });
});

describe('the inbox as a to-do list', () => {
  it('counts what waits, hides closed cases, shows a case once with its reports, refreshes and claims from the list', async () => {
    const db = t.host.deps.db;
    await createOfficer(db, {
      username: 'chaoyang',
      displayName: '李娜',
      password: PASSWORD,
      role: 'district_officer',
      jurisdictionId: '220104',
    });
    const f = fetcherFor(t.host.url);
    const file = (unit: string) => submitReport(f, db, { ...M05_ANSWERS, district: '220104', unit_name: unit });
    const a = await file('朝阳甲公司');
    const b = await file('朝阳乙公司');
    const c = await file('朝阳丙公司');
    const d = await file('朝阳丁公司');
    const e = await file('朝阳甲公司');
    const now = t.clock.now().getTime();
    await db
      .update(reports)
      .set({ annex4DueAt: new Date(now + 90 * 60_000) })
      .where(eq(reports.id, b.reportId));
    await db
      .update(reports)
      .set({ annex4DueAt: new Date(now - 60 * 60_000) })
      .where(eq(reports.id, c.reportId));
    await db
      .update(reports)
      .set({ status: 'closed', closedAt: new Date(now) })
      .where(eq(reports.id, d.reportId));
    // The second 甲 report is a follow-up (续报) of the first: one incident, one row.
    await db.update(reports).set({ caseId: a.reportId }).where(eq(reports.id, e.reportId));

    const claims = { phone: '朝阳甲公司', desk: '朝阳乙公司' } as const;
    await atEachSize(browser, 'inbox', async (page, size) => {
      await signInAs(page, t.host.url, 'chaoyang', PASSWORD);
      const counts = async () =>
        Object.fromEntries(
          (await page.locator('.todo-counts li').allTextContents()).map((x) => [
            x.replace(/\d+/g, ''),
            Number.parseInt(x, 10),
          ]),
        );
      const expected = { 待认领: size === 'phone' ? 3 : 2, 即将逾期: 1, 已逾期: 1 };
      // The same counts on the overview (the first page) and at the top of the inbox.
      expect(new URL(page.url()).pathname).toBe('/console');
      expect(await counts()).toEqual(expected);
      await page.goto(`${t.host.url}/console/cases`);
      expect(await counts()).toEqual(expected);
      // The list reloads itself every minute (HTTP Refresh), and the officer may switch that off.
      const response = await page.reload();
      expect(response?.headers().refresh).toBe('60');
      expect(await page.getByRole('link', { name: '停止自动刷新' }).count()).toBe(1);
      const list = page.locator('table.cases tbody');
      expect(await list.textContent()).not.toContain('朝阳丁公司');
      expect(await list.locator('tr', { hasText: '朝阳甲公司' }).count()).toBe(1);
      expect(await list.locator('tr', { hasText: '朝阳甲公司' }).textContent()).toContain('共 2 份报告');

      // The countdown is computed at each (automatic) reload.
      const before = await list.locator('tr', { hasText: '朝阳甲公司' }).locator('.due time').textContent();
      t.clock.advance(20 * 60_000);
      await page.reload();
      expect(await list.locator('tr', { hasText: '朝阳甲公司' }).locator('.due time').textContent()).not.toBe(before);

      // Claim from the list: back on the same list, the row now shows who follows it.
      const row = list.locator('tr', { hasText: claims[size] });
      await Promise.all([page.waitForNavigation(), row.getByRole('button', { name: '认领' }).click()]);
      expect(new URL(page.url()).pathname).toBe('/console/cases');
      expect(await page.locator('.flash').textContent()).toContain(`已认领：${claims[size]}`);
      expect(await list.locator('tr', { hasText: claims[size] }).textContent()).toContain('李娜');

      // The overdue count leads to the overdue cases only; closed ones appear when asked for.
      await Promise.all([page.waitForNavigation(), page.locator('.todo-counts a[href$="due=overdue"]').click()]);
      expect(await list.locator('tr').allTextContents()).toHaveLength(1);
      expect(await list.textContent()).toContain('朝阳丙公司');
      await page.goto(`${t.host.url}/console/cases`);
      await page.check('input[name=closed]');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '筛选' }).click()]);
      expect(await list.textContent()).toContain('朝阳丁公司');
    });
  });
});

describe('Annex 4 prefill', () => {
  it('reads as an officer would sign it: no system notation, the unit named, cause and trend left to the officer', async () => {
    const { reportId } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, {
      ...M05_ANSWERS,
      business_status: 'normal',
      m05_employees_owed: '5',
      event_at: '2026-11-20',
      details: '我公司因回款困难，10 月工资未能按时发放。',
    });
    await atEachSize(browser, 'annex4-prefill', async (page) => {
      await signInAs(page, t.host.url, 'nanguan', PASSWORD, `/console/cases/${reportId}/annex4`);
      const text = async (name: string) => page.inputValue(`[name=${name}]`);
      const all = (
        await Promise.all(['levelNote', 'basicSituation', 'causeAnalysis', 'trend', 'remarks'].map(text))
      ).join('\n');
      expect(all).not.toMatch(/≥|≤|\d+\/\d+|来源：|门户组件|事发后 [\d.]+ 小时|我公司|M\d\d\./);
      expect(await text('basicSituation')).toContain('长春市示例机械制造有限公司因回款困难');
      expect(await text('remarks')).toContain('迟报：事发于 2026-11-20');
      expect(await text('causeAnalysis')).toBe('');
      expect(await text('trend')).toBe('');
      // The 24-hour note about when the annex is due and the urgency class are not the officer's analysis either.
      expect(all).not.toContain('接报后 24 小时内');
    });
  });
});
