// /console/admin/* — accounts (create with a one-time password shown once, reset, disable), the receiving
// department of each jurisdiction, and notification channels. Admins only; every change is an audit event.
import { type Context, Hono } from 'hono';
import {
  deleteChannel,
  deleteOtherSessions,
  insertAccount,
  insertChannel,
  listAccounts,
  listChannels,
  ROLES,
  type Role,
  setChannelEnabled,
  setPassword,
  updateAccount,
  updateReceivingDept,
} from '../../../db/repo/accounts';
import { eventStatement } from '../../../db/repo/cases';
import { isUniqueViolation } from '../../../db/repo/drafts';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import { hashPassword } from '../../auth/password';
import { ROLE_NAMES } from '../../auth/roles';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { newId, newToken } from '../../ids';
import { webhookTargetProblem } from '../../notify/targets';
import { CsrfField, Flash, Layout } from './layout';

const CHANNEL_TYPES = ['telegram', 'wecom', 'dingtalk', 'feishu'] as const;
const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;

type Body = Record<string, string | File | (string | File)[]>;
const str = (body: Body, k: string, max = 200) =>
  typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, max) : '';

const RECIPIENT_ZH = {
  office: '市办（全市）',
  superior: '上级单位（仅预警通知，如省厅）',
  peer: '同级单位（仅预警通知，如市委市政府）',
} as const;

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  // '/x/*' also matches '/x' itself, so these cover the list pages too.
  app.use('/console/admin/officers/*', requirePermission('manage_accounts'));
  app.use('/console/admin/jurisdictions/*', requirePermission('manage_settings'));
  app.use('/console/admin/channels/*', requirePermission('manage_settings'));

  const audit = (c: Context<ConsoleEnv>, type: string, data: unknown) =>
    eventStatement(deps.db, {
      reportId: null,
      at: deps.clock(),
      actorType: 'officer',
      actorId: c.get('session').account.id,
      type,
      data,
    });

  // Accounts -----------------------------------------------------------------------------------------

  const officersPage = async (
    c: Context<ConsoleEnv>,
    opts: { error?: string; created?: { username: string; password: string } } = {},
    status = 200,
  ) => {
    const session = c.get('session');
    const [accounts, jurisdictions] = await Promise.all([listAccounts(deps.db), listJurisdictions(deps.db)]);
    return c.html(
      <Layout title="账号管理" session={session} active="/console/admin/officers">
        <h1>账号管理</h1>
        <Flash text={opts.error} error />
        {opts.created && (
          <p class="flash" role="status">
            已为 {opts.created.username} 设置一次性密码：<code>{opts.created.password}</code>
            （只显示这一次，请当面或电话告知；首次登录须修改）
          </p>
        )}
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>用户名</th>
                <th>姓名</th>
                <th>角色</th>
                <th>辖区</th>
                <th>电话</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr>
                  <td>{a.username}</td>
                  <td>{a.displayName}</td>
                  <td>{ROLE_NAMES[a.role]}</td>
                  <td>{a.jurisdictionName ?? '—'}</td>
                  <td>{a.phone ?? ''}</td>
                  <td>{a.disabled ? '已停用' : a.mustChangePassword ? '待改密码' : '正常'}</td>
                  <td class="actions">
                    <form method="post" action={`/console/admin/officers/${encodeURIComponent(a.id)}/reset`}>
                      <CsrfField session={session} />
                      <button type="submit" class="secondary">
                        重置密码
                      </button>
                    </form>
                    {a.id !== session.account.id && (
                      <form method="post" action={`/console/admin/officers/${encodeURIComponent(a.id)}/disabled`}>
                        <CsrfField session={session} />
                        <input type="hidden" name="disabled" value={a.disabled ? '0' : '1'} />
                        <button type="submit" class="secondary">
                          {a.disabled ? '启用' : '停用'}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form method="post" action="/console/admin/officers" class="card stack">
          <h2>新建账号</h2>
          <CsrfField session={session} />
          <label>
            用户名（字母、数字、_ . -）
            <input type="text" name="username" required pattern="[A-Za-z0-9_.\-]{3,40}" />
          </label>
          <label>
            姓名
            <input type="text" name="displayName" required maxlength={50} />
          </label>
          <label>
            角色
            <select name="role">
              {ROLES.map((r) => (
                <option value={r}>{ROLE_NAMES[r]}</option>
              ))}
            </select>
          </label>
          <label>
            辖区（县（市）区调度室必选）
            <select name="jurisdictionId">
              <option value="">—</option>
              {jurisdictions.map((j) => (
                <option value={j.id}>{j.nameZh}</option>
              ))}
            </select>
          </label>
          <label>
            联系电话
            <input type="tel" name="phone" maxlength={30} />
          </label>
          <button type="submit">创建并生成一次性密码</button>
        </form>
      </Layout>,
      status as 200,
    );
  };

  app.get('/console/admin/officers', (c) => officersPage(c));

  app.post('/console/admin/officers', async (c) => {
    const body = await c.req.parseBody();
    const username = str(body, 'username', 40);
    const displayName = str(body, 'displayName', 50);
    const role = str(body, 'role') as Role;
    const chosen = str(body, 'jurisdictionId');
    // '@superior' / '@peer': a city-level recipient of warning notices (上级 / 同级), not a jurisdiction.
    const recipient = chosen === '@superior' ? 'superior' : chosen === '@peer' ? 'peer' : 'office';
    const jurisdictionId = chosen.startsWith('@') ? null : chosen || null;
    const jurisdictions = await listJurisdictions(deps.db);
    if (!USERNAME.test(username) || !displayName || !ROLES.includes(role))
      return officersPage(c, { error: '请填写用户名、姓名和角色。' }, 400);
    if (role === 'district_officer' && !jurisdictions.some((j) => j.id === jurisdictionId)) {
      return officersPage(c, { error: '县（市）区调度室账号必须选择辖区。' }, 400);
    }
    const password = newToken(deps.random, 12);
    const now = deps.clock();
    const id = newId('of', now, deps.random);
    try {
      await deps.db.batch([
        insertAccount(deps.db, {
          id,
          username,
          displayName,
          role,
          jurisdictionId: role === 'district_officer' ? jurisdictionId : null,
          phone: str(body, 'phone', 30) || null,
          passwordHash: await hashPassword(password, deps.random),
          mustChangePassword: true,
          createdAt: now,
        }),
        audit(c, 'account_created', { officerId: id, username, role, jurisdictionId }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err, 'officers')) return officersPage(c, { error: '用户名已存在。' }, 409);
      throw err;
    }
    return officersPage(c, { created: { username, password } });
  });

  app.post('/console/admin/officers/:id/reset', async (c) => {
    const id = c.req.param('id');
    const account = (await listAccounts(deps.db)).find((a) => a.id === id);
    if (!account) throw new ApiError(404, 'not_found');
    const password = newToken(deps.random, 12);
    await deps.db.batch([
      setPassword(deps.db, id, await hashPassword(password, deps.random), true),
      deleteOtherSessions(deps.db, id, id === c.get('session').account.id ? c.get('session').id : null),
      audit(c, 'password_reset', { officerId: id }),
    ]);
    return officersPage(c, { created: { username: account.username, password } });
  });

  app.post('/console/admin/officers/:id/disabled', async (c) => {
    const id = c.req.param('id');
    if (id === c.get('session').account.id) throw new ApiError(400, 'bad_request');
    const disabled = str(await c.req.parseBody(), 'disabled') === '1';
    await deps.db.batch([
      updateAccount(deps.db, id, { disabled }),
      ...(disabled ? [deleteOtherSessions(deps.db, id, null)] : []),
      audit(c, disabled ? 'account_disabled' : 'account_enabled', { officerId: id }),
    ]);
    return c.redirect('/console/admin/officers', 303);
  });

  // Jurisdictions ------------------------------------------------------------------------------------

  app.get('/console/admin/jurisdictions', async (c) => {
    const session = c.get('session');
    const rows = await listJurisdictions(deps.db);
    return c.html(
      <Layout title="辖区与接报部门" session={session} active="/console/admin/jurisdictions">
        <h1>辖区与接报部门</h1>
        <Flash text={c.req.query('done') === '1' ? '已保存。' : undefined} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>辖区</th>
                <th>接报部门名称 / 联系电话</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((j) => (
                <tr>
                  <td>
                    {j.nameZh}
                    <div class="muted">{j.id}</div>
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/console/admin/jurisdictions/${encodeURIComponent(j.id)}`}
                      class="actions"
                    >
                      <CsrfField session={session} />
                      <input
                        type="text"
                        name="name"
                        value={j.receivingDeptName}
                        required
                        maxlength={100}
                        aria-label="接报部门名称"
                      />
                      <input
                        type="tel"
                        name="phone"
                        value={j.receivingDeptPhone}
                        required
                        maxlength={30}
                        aria-label="联系电话"
                      />
                      <button type="submit" class="secondary">
                        保存
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  app.post('/console/admin/jurisdictions/:id', async (c) => {
    const body = await c.req.parseBody();
    const name = str(body, 'name', 100);
    const phone = str(body, 'phone', 30);
    if (!name || !phone)
      throw new ApiError(400, 'validation', { zh: '名称和电话均为必填。', en: 'Name and phone are required.' });
    const id = c.req.param('id');
    await deps.db.batch([
      updateReceivingDept(deps.db, id, name, phone, deps.clock()),
      audit(c, 'jurisdiction_updated', { jurisdictionId: id, receivingDeptName: name, receivingDeptPhone: phone }),
    ]);
    return c.redirect('/console/admin/jurisdictions?done=1', 303);
  });

  // Notification channels ----------------------------------------------------------------------------

  app.get('/console/admin/channels', async (c) => {
    const session = c.get('session');
    const [rows, jurisdictions] = await Promise.all([listChannels(deps.db), listJurisdictions(deps.db)]);
    const nameOf = (id: string | null, recipient: string) =>
      id === null
        ? (RECIPIENT_ZH[recipient as keyof typeof RECIPIENT_ZH] ?? '市办（全市）')
        : (jurisdictions.find((j) => j.id === id)?.nameZh ?? id);
    return c.html(
      <Layout title="通知渠道" session={session} active="/console/admin/channels">
        <h1>通知渠道</h1>
        <p class="muted">
          新报告、附件4
          提醒和逾期上报发往所在辖区的渠道；紧急报告和逾期上报同时发往市办渠道。发布和解除预警的通知发往各县（市）区渠道和上级、同级单位渠道。
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>名称</th>
                <th>辖区</th>
                <th>类型</th>
                <th>目标</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((ch) => (
                <tr>
                  <td>{ch.name}</td>
                  <td>{nameOf(ch.jurisdictionId, ch.recipient)}</td>
                  <td>{ch.type}</td>
                  <td class="pre">
                    {ch.type === 'telegram' ? ch.target : ch.target.replace(/(key|access_token)=[^&]+/g, '$1=…')}
                  </td>
                  <td>{ch.enabled ? '启用' : '停用'}</td>
                  <td class="actions">
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/enabled`}>
                      <CsrfField session={session} />
                      <input type="hidden" name="enabled" value={ch.enabled ? '0' : '1'} />
                      <button type="submit" class="secondary">
                        {ch.enabled ? '停用' : '启用'}
                      </button>
                    </form>
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/delete`}>
                      <CsrfField session={session} />
                      <button type="submit" class="danger">
                        删除
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form method="post" action="/console/admin/channels" class="card stack">
          <h2>新增渠道</h2>
          <CsrfField session={session} />
          <label>
            名称
            <input type="text" name="name" required maxlength={100} />
          </label>
          <label>
            辖区
            <select name="jurisdictionId">
              <option value="">市办（全市）</option>
              <option value="@superior">{RECIPIENT_ZH.superior}</option>
              <option value="@peer">{RECIPIENT_ZH.peer}</option>
              {jurisdictions.map((j) => (
                <option value={j.id}>{j.nameZh}</option>
              ))}
            </select>
          </label>
          <label>
            类型
            <select name="type">
              {CHANNEL_TYPES.map((t) => (
                <option value={t}>{t}</option>
              ))}
            </select>
          </label>
          <label>
            目标（Telegram 群组 chat id，或机器人 Webhook 地址）
            <input type="text" name="target" required maxlength={500} />
          </label>
          <label>
            签名密钥（钉钉 / 飞书，可选）
            <input type="password" name="secret" maxlength={200} autocomplete="off" />
          </label>
          <label>
            语言
            <select name="locale">
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit">新增</button>
        </form>
      </Layout>,
    );
  });

  app.post('/console/admin/channels', async (c) => {
    const body = await c.req.parseBody();
    const type = str(body, 'type') as (typeof CHANNEL_TYPES)[number];
    const name = str(body, 'name', 100);
    const target = str(body, 'target', 500);
    const chosen = str(body, 'jurisdictionId');
    // '@superior' / '@peer': a city-level recipient of warning notices (上级 / 同级), not a jurisdiction.
    const recipient = chosen === '@superior' ? 'superior' : chosen === '@peer' ? 'peer' : 'office';
    const jurisdictionId = chosen.startsWith('@') ? null : chosen || null;
    const jurisdictions = await listJurisdictions(deps.db);
    const targetProblem =
      type === 'telegram' ? undefined : webhookTargetProblem(target, deps.config.ALLOW_PRIVATE_TARGETS);
    if (targetProblem && CHANNEL_TYPES.includes(type)) throw new ApiError(400, 'validation', targetProblem);
    const validTarget = type === 'telegram' ? /^-?\d+$|^@\w+$/.test(target) : /^https?:\/\/\S+$/.test(target);
    if (
      !CHANNEL_TYPES.includes(type) ||
      !name ||
      !validTarget ||
      (jurisdictionId && !jurisdictions.some((j) => j.id === jurisdictionId))
    ) {
      throw new ApiError(400, 'validation', {
        zh: '请检查名称、类型和目标（Telegram 为 chat id，其他为 https Webhook 地址）。',
        en: 'Check name, type and target (a chat id for Telegram, an https webhook otherwise).',
      });
    }
    const now = deps.clock();
    const id = newId('ch', now, deps.random);
    await deps.db.batch([
      insertChannel(deps.db, {
        id,
        jurisdictionId,
        type,
        name,
        target,
        secret: str(body, 'secret') || null,
        locale: str(body, 'locale') === 'en' ? 'en' : 'zh',
        recipient,
        createdAt: now,
      }),
      audit(c, 'channel_created', { channelId: id, type, name, jurisdictionId, recipient }),
    ]);
    return c.redirect('/console/admin/channels', 303);
  });

  app.post('/console/admin/channels/:id/enabled', async (c) => {
    const enabled = str(await c.req.parseBody(), 'enabled') === '1';
    const id = c.req.param('id');
    await deps.db.batch([
      setChannelEnabled(deps.db, id, enabled),
      audit(c, enabled ? 'channel_enabled' : 'channel_disabled', { channelId: id }),
    ]);
    return c.redirect('/console/admin/channels', 303);
  });

  app.post('/console/admin/channels/:id/delete', async (c) => {
    const id = c.req.param('id');
    await deps.db.batch([deleteChannel(deps.db, id), audit(c, 'channel_deleted', { channelId: id })]);
    return c.redirect('/console/admin/channels', 303);
  });

  return app;
}
