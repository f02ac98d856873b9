// /console/admin/channels — where each jurisdiction's alerts go, in words an admin knows (企业微信群机器人…),
// with a test message that shows the robot's answer, and a warning while any report would reach nobody.
// A refused form comes back filled in, each problem next to its field (status 400).
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import {
  type ChannelRow,
  deleteChannel,
  insertChannel,
  listChannels,
  setChannelEnabled,
} from '../../../db/repo/accounts';
import { type Jurisdiction, listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { CHANNEL_TYPE_ZH } from '../../cases/labels';
import { publicUrl } from '../../config';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formFlag, formText, validatedForm } from '../../http/validate';
import { newId } from '../../ids';
import { sealChannelSecret } from '../../notify/channel-secrets';
import { defaultSenders } from '../../notify/channels/index';
import { coverageWarnings, notificationCoverage } from '../../notify/coverage';
import type { AlertMessage } from '../../notify/format';
import { webhookTargetProblem } from '../../notify/targets';
import type { Senders } from '../../notify/types';
import { SecretsKeyError } from '../../secrets';
import * as z from '../../zod';
import { adminAudit } from './admin-audit';
import { ErrorSummary, Field, type FieldErrors, type FormValues, invalidProps } from './form-fields';
import { CsrfField, Flash, Layout } from './layout';

const enabledForm = z.object({ enabled: formFlag() });

const RECIPIENT_ZH = {
  office: '市办（全市）',
  superior: '上级单位（仅预警通知，如省厅）',
  peer: '同级单位（仅预警通知，如市委市政府）',
} as const;

const TYPES = Object.keys(CHANNEL_TYPE_ZH) as (keyof typeof CHANNEL_TYPE_ZH)[];
type ChannelType = (typeof TYPES)[number];
const isType = (t: string): t is ChannelType => (TYPES as string[]).includes(t);

/** A Telegram group's chat id (negative for groups) or a public @channel name. */
const TELEGRAM_TARGET = /^-?\d+$|^@\w{4,}$/;
const HTTPS_URL = /^https:\/\/[^\s/]+\/\S*$/;

/** Each refused field gets its own sentence saying what to put there instead. */
export function channelFormErrors(v: FormValues, jurisdictions: Jurisdiction[], allowPrivate = false): FieldErrors {
  const errors: FieldErrors = {};
  const type = v.type ?? '';
  const target = v.target ?? '';
  if (!v.name) errors.name = '请填写名称，例如“南关区调度室企业微信群”。';
  const j = v.jurisdictionId ?? '';
  if (j && !j.startsWith('@') && !jurisdictions.some((x) => x.id === j)) errors.jurisdictionId = '请选择辖区。';
  if (j.startsWith('@') && j !== '@superior' && j !== '@peer') errors.jurisdictionId = '请选择辖区。';
  if (!isType(type)) errors.type = '请选择类型。';
  if (!target) errors.target = '请填写发送地址。';
  else if (type === 'telegram' && !TELEGRAM_TARGET.test(target))
    errors.target = 'Telegram 群请填写群的 chat id（如 -1001234567890）或 @频道名。';
  else if (type !== 'telegram' && isType(type)) {
    const problem = webhookTargetProblem(target, allowPrivate);
    if (target.startsWith('http://') && !allowPrivate)
      errors.target =
        'Webhook 地址必须以 https:// 开头（http:// 不加密，机器人平台也不接受）。请从机器人设置中复制完整地址。';
    else if (problem) errors.target = problem.zh;
    else if (!HTTPS_URL.test(target) && !allowPrivate)
      errors.target = 'Webhook 地址必须是以 https:// 开头的完整地址，请从机器人设置中复制。';
  }
  if (type === 'dingtalk' && v.target && !v.secret)
    errors.secret = '钉钉群机器人需要“加签”密钥（SEC 开头），请在机器人安全设置中复制。';
  return errors;
}

const shownTarget = (ch: ChannelRow) =>
  ch.type === 'telegram' ? ch.target : ch.target.replace(/(key|access_token|hook\/)([^&]+)/g, '$1…');

interface PageOpts {
  values?: FormValues;
  errors?: FieldErrors;
  /** The answer to "发送测试消息" for one channel. */
  tested?: { id: string; ok: boolean; text: string };
  done?: string;
}

const ChannelForm: FC<{ session: Session; jurisdictions: Jurisdiction[]; values: FormValues; errors: FieldErrors }> = ({
  session,
  jurisdictions,
  values,
  errors,
}) => (
  <form method="post" action="/console/admin/channels" class="card stack" novalidate>
    <h2>新增渠道</h2>
    <ErrorSummary errors={errors} />
    <CsrfField session={session} />
    <Field id="ch-name" label="名称" error={errors.name}>
      <input
        type="text"
        name="name"
        required
        maxlength={100}
        value={values.name ?? ''}
        {...invalidProps('ch-name', errors, 'name')}
      />
    </Field>
    <Field id="ch-jurisdiction" label="辖区" error={errors.jurisdictionId}>
      <select name="jurisdictionId" {...invalidProps('ch-jurisdiction', errors, 'jurisdictionId')}>
        <option value="">市办（全市）</option>
        <option value="@superior" selected={values.jurisdictionId === '@superior'}>
          {RECIPIENT_ZH.superior}
        </option>
        <option value="@peer" selected={values.jurisdictionId === '@peer'}>
          {RECIPIENT_ZH.peer}
        </option>
        {jurisdictions.map((j) => (
          <option value={j.id} selected={values.jurisdictionId === j.id}>
            {j.nameZh}
          </option>
        ))}
      </select>
    </Field>
    <Field id="ch-type" label="类型" error={errors.type}>
      <select name="type" required {...invalidProps('ch-type', errors, 'type')}>
        <option value="">请选择</option>
        {TYPES.map((t) => (
          <option value={t} selected={values.type === t}>
            {CHANNEL_TYPE_ZH[t]}
          </option>
        ))}
      </select>
    </Field>
    <Field
      id="ch-target"
      label="发送地址"
      hint="群机器人：在群设置 → 群机器人中复制 Webhook 地址（https:// 开头）；Telegram 群：群的 chat id，如 -1001234567890。"
      error={errors.target}
    >
      <input
        type="text"
        name="target"
        required
        maxlength={500}
        value={values.target ?? ''}
        {...invalidProps('ch-target', errors, 'target')}
      />
    </Field>
    <Field id="ch-secret" label="加签密钥（钉钉必填，飞书启用签名校验时填写）" error={errors.secret}>
      <input
        type="password"
        name="secret"
        maxlength={200}
        autocomplete="off"
        value={values.secret ?? ''}
        {...invalidProps('ch-secret', errors, 'secret')}
      />
    </Field>
    <Field id="ch-locale" label="消息语言">
      <select name="locale" id="ch-locale">
        <option value="zh">中文</option>
        <option value="en" selected={values.locale === 'en'}>
          English
        </option>
      </select>
    </Field>
    <button type="submit">新增</button>
  </form>
);

/** The message "发送测试消息" sends: says what it is and changes nothing. */
function testMessage(ch: ChannelRow, consoleUrl: string): AlertMessage {
  return {
    locale: ch.locale === 'en' ? 'en' : 'zh',
    reportId: 'test',
    notice: 'report_alert',
    urgent: false,
    title: `【测试消息】劳动关系风险监测预警：渠道“${ch.name}”已连通，新报告将发到这里。`,
    fields: [],
    reasonsLabel: '',
    reasons: [],
    link: { label: '打开工作台', url: consoleUrl },
    claimable: false,
  };
}

/** The channels page: the list with each channel's actions, the coverage warnings, and the new-channel form. */
async function channelsPage(deps: AppDeps, c: Context<ConsoleEnv>, opts: PageOpts = {}, status: 200 | 400 = 200) {
  const session = c.get('session');
  const [rows, jurisdictions, coverage] = await Promise.all([
    listChannels(deps.db),
    listJurisdictions(deps.db),
    notificationCoverage(deps.db),
  ]);
  const warnings = coverageWarnings(coverage);
  const nameOf = (id: string | null, recipient: string) =>
    id === null
      ? (RECIPIENT_ZH[recipient as keyof typeof RECIPIENT_ZH] ?? '市办（全市）')
      : (jurisdictions.find((j) => j.id === id)?.nameZh ?? id);
  return c.html(
    <Layout title="通知渠道" session={session} active="/console/admin/channels">
      <h1>通知渠道</h1>
      <Flash text={opts.done} />
      {warnings.length > 0 && (
        <div class="flash warn" role="alert">
          <strong>还有报告会无人接收：</strong>
          <ul>
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="muted">
        新报告、附件4
        提醒和逾期上报发往所在辖区的渠道；紧急报告和逾期上报同时发往市办渠道。发布和解除预警的通知发往各县（市）区渠道和上级、同级单位渠道。
      </p>
      <div class="table-wrap">
        <table class="cases">
          <thead>
            <tr>
              <th>名称</th>
              <th>辖区</th>
              <th>类型</th>
              <th>发送地址</th>
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ch) => (
              <tr>
                <td>{ch.name}</td>
                <td>{nameOf(ch.jurisdictionId, ch.recipient)}</td>
                <td>{CHANNEL_TYPE_ZH[ch.type]}</td>
                <td class="pre">{shownTarget(ch)}</td>
                <td>{ch.enabled ? '启用' : '停用'}</td>
                <td>
                  <div class="actions">
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/test`}>
                      <CsrfField session={session} />
                      <button type="submit" class="secondary">
                        发送测试消息
                      </button>
                    </form>
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
                  </div>
                  {opts.tested?.id === ch.id && (
                    <p class={opts.tested.ok ? 'flash' : 'flash error'} role="status">
                      {opts.tested.text}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChannelForm
        session={session}
        jurisdictions={jurisdictions}
        values={opts.values ?? {}}
        errors={opts.errors ?? {}}
      />
    </Layout>,
    status,
  );
}

/** A new channel as the form posts it; channelFormErrors says what is wrong, next to each field. */
const channelForm = z.object({
  name: formText(100),
  jurisdictionId: formText(),
  type: formText(),
  target: formText(500),
  secret: formText(),
  locale: z.pipe(
    formText(),
    z.transform((v) => (v === 'en' ? 'en' : 'zh')),
  ),
});

export function adminChannelRoutes(deps: AppDeps, senders?: Senders) {
  const app = new Hono<ConsoleEnv>();
  app.use('/console/admin/channels/*', requirePermission('manage_settings'));
  const send = senders ?? defaultSenders(deps);

  const audit = (c: Context<ConsoleEnv>, type: string, data: unknown) => adminAudit(deps, c, type, data);

  app.get('/console/admin/channels', (c) =>
    channelsPage(deps, c, { ...(c.req.query('done') === '1' ? { done: '已保存。' } : {}) }),
  );

  app.post('/console/admin/channels', validatedForm(channelForm), async (c) => {
    const values: FormValues = c.req.valid('form');
    const errors = channelFormErrors(values, await listJurisdictions(deps.db), deps.config.ALLOW_PRIVATE_TARGETS);
    const type = values.type ?? '';
    if (Object.keys(errors).length > 0 || !isType(type)) return channelsPage(deps, c, { values, errors }, 400);
    const now = deps.clock();
    const id = newId('ch', now, deps.random);
    // Signing secrets are stored sealed with SECRETS_KEY; without it the form comes back, nothing lost.
    let secret: string | null = null;
    if (values.secret) {
      try {
        secret = await sealChannelSecret(deps, id, values.secret);
      } catch (err) {
        if (!(err instanceof SecretsKeyError)) throw err;
        c.get('log')('error', 'secrets.key_missing', { setting: 'SECRETS_KEY', channelType: type });
        const why =
          '服务器尚未设置 SECRETS_KEY（加密保存密钥用），暂时无法保存加签密钥。请联系运维设置后再提交，已填写的内容已保留。';
        return channelsPage(deps, c, { values, errors: { secret: why } }, 400);
      }
    }
    const chosen = values.jurisdictionId ?? '';
    // '@superior' / '@peer': a city-level recipient of warning notices (上级 / 同级), not a jurisdiction.
    const recipient = chosen === '@superior' ? 'superior' : chosen === '@peer' ? 'peer' : 'office';
    const jurisdictionId = chosen.startsWith('@') ? null : chosen || null;
    await deps.db.batch([
      insertChannel(deps.db, {
        id,
        jurisdictionId,
        type,
        name: values.name ?? '',
        target: values.target ?? '',
        secret,
        locale: values.locale === 'en' ? 'en' : 'zh',
        recipient,
        createdAt: now,
      }),
      audit(c, 'channel_created', { channelId: id, type, name: values.name, jurisdictionId, recipient }),
    ]);
    return c.redirect('/console/admin/channels?done=1', 303);
  });

  // Sent at once, not through the outbox: the admin is waiting for the answer on this page.
  app.post('/console/admin/channels/:id/test', async (c) => {
    const id = c.req.param('id');
    const ch = (await listChannels(deps.db)).find((r) => r.id === id);
    if (!ch) throw new ApiError(404, 'not_found');
    const result = await send[ch.type](ch, testMessage(ch, `${publicUrl(deps.config)}/console`));
    await audit(c, 'channel_tested', { channelId: id, ok: result.ok, ...(result.ok ? {} : { error: result.error }) });
    const tested = result.ok
      ? { id, ok: true, text: `测试消息已发出，${CHANNEL_TYPE_ZH[ch.type]}回复：成功。请到群里确认已收到。` }
      : { id, ok: false, text: `发送失败，${CHANNEL_TYPE_ZH[ch.type]}回复：${result.error}` };
    return channelsPage(deps, c, { tested });
  });

  app.post('/console/admin/channels/:id/enabled', validatedForm(enabledForm), async (c) => {
    const { enabled } = c.req.valid('form');
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
