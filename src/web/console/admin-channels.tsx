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
import { labelIn } from '../../messages/index';
import { officerText } from '../../messages/officer';
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

const t = officerText('adminChannels');
const RECIPIENTS = t.recipients;

const TYPES = Object.keys(CHANNEL_TYPE_ZH) as (keyof typeof CHANNEL_TYPE_ZH)[];
type ChannelType = (typeof TYPES)[number];
const isType = (type: string): type is ChannelType => (TYPES as string[]).includes(type);

/** A Telegram group's chat id (negative for groups) or a public @channel name. */
const TELEGRAM_TARGET = /^-?\d+$|^@\w{4,}$/;
const HTTPS_URL = /^https:\/\/[^\s/]+\/\S*$/;

/** Each refused field gets its own sentence saying what to put there instead. */
export function channelFormErrors(v: FormValues, jurisdictions: Jurisdiction[], allowPrivate = false): FieldErrors {
  const errors: FieldErrors = {};
  const type = v.type ?? '';
  const target = v.target ?? '';
  if (!v.name) errors.name = t.missingName;
  const j = v.jurisdictionId ?? '';
  if (j && !j.startsWith('@') && !jurisdictions.some((x) => x.id === j)) errors.jurisdictionId = t.chooseJurisdiction;
  if (j.startsWith('@') && j !== '@superior' && j !== '@peer') errors.jurisdictionId = t.chooseJurisdiction;
  if (!isType(type)) errors.type = t.chooseType;
  if (!target) errors.target = t.missingTarget;
  else if (type === 'telegram' && !TELEGRAM_TARGET.test(target)) errors.target = t.telegramTarget;
  else if (type !== 'telegram' && isType(type)) {
    const problem = webhookTargetProblem(target, allowPrivate);
    if (target.startsWith('http://') && !allowPrivate) errors.target = t.httpsOnly;
    else if (problem) errors.target = problem.zh;
    else if (!HTTPS_URL.test(target) && !allowPrivate) errors.target = t.fullUrl;
  }
  if (type === 'dingtalk' && v.target && !v.secret) errors.secret = t.dingtalkSecret;
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
    <h2>{t.newHeading}</h2>
    <ErrorSummary errors={errors} />
    <CsrfField session={session} />
    <Field id="ch-name" label={t.name} error={errors.name}>
      <input
        type="text"
        name="name"
        required
        maxlength={100}
        value={values.name ?? ''}
        {...invalidProps('ch-name', errors, 'name')}
      />
    </Field>
    <Field id="ch-jurisdiction" label={t.jurisdiction} error={errors.jurisdictionId}>
      <select name="jurisdictionId" {...invalidProps('ch-jurisdiction', errors, 'jurisdictionId')}>
        <option value="">{RECIPIENTS.office}</option>
        <option value="@superior" selected={values.jurisdictionId === '@superior'}>
          {RECIPIENTS.superior}
        </option>
        <option value="@peer" selected={values.jurisdictionId === '@peer'}>
          {RECIPIENTS.peer}
        </option>
        {jurisdictions.map((j) => (
          <option value={j.id} selected={values.jurisdictionId === j.id}>
            {j.nameZh}
          </option>
        ))}
      </select>
    </Field>
    <Field id="ch-type" label={t.type} error={errors.type}>
      <select name="type" required {...invalidProps('ch-type', errors, 'type')}>
        <option value="">{t.choose}</option>
        {TYPES.map((type) => (
          <option value={type} selected={values.type === type}>
            {CHANNEL_TYPE_ZH[type]}
          </option>
        ))}
      </select>
    </Field>
    <Field id="ch-target" label={t.target} hint={t.targetHint} error={errors.target}>
      <input
        type="text"
        name="target"
        required
        maxlength={500}
        value={values.target ?? ''}
        {...invalidProps('ch-target', errors, 'target')}
      />
    </Field>
    <Field id="ch-secret" label={t.secret} error={errors.secret}>
      <input
        type="password"
        name="secret"
        maxlength={200}
        autocomplete="off"
        value={values.secret ?? ''}
        {...invalidProps('ch-secret', errors, 'secret')}
      />
    </Field>
    <Field id="ch-locale" label={t.locale}>
      <select name="locale" id="ch-locale">
        <option value="zh">{t.languages.zh}</option>
        <option value="en" selected={values.locale === 'en'}>
          {t.languages.en}
        </option>
      </select>
    </Field>
    <button type="submit">{t.add}</button>
  </form>
);

/** The message "发送测试消息" sends, in the channel's language: says what it is and changes nothing. */
function testMessage(ch: ChannelRow, consoleUrl: string): AlertMessage {
  const locale = ch.locale === 'en' ? 'en' : 'zh';
  const say = officerText('adminChannels', locale);
  return {
    locale,
    reportId: 'test',
    notice: 'report_alert',
    urgent: false,
    title: say.testTitle(ch.name),
    fields: [],
    reasonsLabel: '',
    reasons: [],
    link: { label: say.openConsole, url: consoleUrl },
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
      ? (labelIn(RECIPIENTS, recipient) ?? RECIPIENTS.office)
      : (jurisdictions.find((j) => j.id === id)?.nameZh ?? id);
  return c.html(
    <Layout title={t.title} session={session} active="/console/admin/channels">
      <h1>{t.title}</h1>
      <Flash text={opts.done} />
      {warnings.length > 0 && (
        <div class="flash warn" role="alert">
          <strong>{t.unreachable}</strong>
          <ul>
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="muted">{t.routing}</p>
      <div class="table-wrap">
        <table class="cases">
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.jurisdiction}</th>
              <th>{t.type}</th>
              <th>{t.target}</th>
              <th>{t.status}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ch) => (
              <tr>
                <td>{ch.name}</td>
                <td>{nameOf(ch.jurisdictionId, ch.recipient)}</td>
                <td>{CHANNEL_TYPE_ZH[ch.type]}</td>
                <td class="pre">{shownTarget(ch)}</td>
                <td>{ch.enabled ? t.enabled : t.disabled}</td>
                <td>
                  <div class="actions">
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/test`}>
                      <CsrfField session={session} />
                      <button type="submit" class="secondary">
                        {t.sendTest}
                      </button>
                    </form>
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/enabled`}>
                      <CsrfField session={session} />
                      <input type="hidden" name="enabled" value={ch.enabled ? '0' : '1'} />
                      <button type="submit" class="secondary">
                        {ch.enabled ? t.disable : t.enable}
                      </button>
                    </form>
                    <form method="post" action={`/console/admin/channels/${encodeURIComponent(ch.id)}/delete`}>
                      <CsrfField session={session} />
                      <button type="submit" class="danger">
                        {t.delete}
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
    channelsPage(deps, c, { ...(c.req.query('done') === '1' ? { done: officerText('deskShared').saved } : {}) }),
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
        return channelsPage(deps, c, { values, errors: { secret: t.noSecretsKey } }, 400);
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
      ? { id, ok: true, text: t.testSent(CHANNEL_TYPE_ZH[ch.type]) }
      : { id, ok: false, text: t.testFailed(CHANNEL_TYPE_ZH[ch.type], result.error) };
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
