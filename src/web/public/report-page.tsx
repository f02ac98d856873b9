import type { Locale } from '../../http/locale';
import { FIELDS, type Field, helpFor, type IntakeCtx, optionsOf } from '../../intake/index';
import { type Catalogue, textOf } from '../../messages/index';
import { MONITORING_ITEMS } from '../../rules/index';
import { Layout } from './layout';
import { type FormValues, followupItem } from './report-form';

// /report: every Annex 3 field and every item's follow-ups, rendered from the field table. Follow-up
// groups of items not (yet) chosen are hidden and disabled; /assets/report-form.js reveals them at once,
// without it the server shows them in a second step. `novalidate`: the server is the one validator.

export interface ReportFormView {
  locale: Locale;
  ctx: IntakeCtx;
  values: FormValues;
  errors: Record<string, string>;
  warnings: Record<string, string>;
  confirmed: Set<string>;
  /** Items whose follow-up groups are shown (and posted). */
  shownItems: Set<string>;
  /** A second step: new follow-ups appeared. */
  step2: boolean;
  submissionKey: string;
  formToken: string;
  /** A page posted again after it was submitted (Back, edit, submit): say that this is a new report. */
  resubmitted?: boolean;
  /** The address has started too many reports this minute: nothing was stored, try again shortly. */
  tooMany?: boolean;
}

const RADIO_MAX = 6;
const id = (f: Field) => `f-${f.id}`;

const INPUT_TYPE: Partial<Record<Field['kind'], string>> = {
  phone: 'tel',
  url: 'url',
  date: 'date',
  datetime: 'datetime-local',
};
const INPUT_MODE: Partial<Record<Field['kind'], 'numeric' | 'decimal'>> = { integer: 'numeric', money: 'decimal' };
const AUTOCOMPLETE: Record<string, string> = {
  unit_name: 'organization',
  reporter_name: 'name',
  reporter_phone: 'tel',
  address: 'street-address',
};

function describedBy(f: Field, v: ReportFormView): string | undefined {
  const ids = [
    helpFor(f, 'form') ? `h-${f.id}` : '',
    v.errors[f.id] ? `e-${f.id}` : '',
    v.warnings[f.id] ? `w-${f.id}` : '',
  ];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function scalar(v: ReportFormView, f: Field): string {
  const x = v.values[f.id];
  return typeof x === 'string' ? x : '';
}

function Notes({ f, v, s }: { f: Field; v: ReportFormView; s: Catalogue['pages'] }) {
  const L = v.locale;
  const help = helpFor(f, 'form');
  return (
    <>
      {help ? (
        <p class="hint" id={`h-${f.id}`}>
          {help[L]}
        </p>
      ) : null}
      {v.errors[f.id] ? (
        <p class="error" id={`e-${f.id}`}>
          {v.errors[f.id]}
        </p>
      ) : null}
      {v.warnings[f.id] ? (
        <div class="warning">
          <p id={`w-${f.id}`}>{v.warnings[f.id]}</p>
          <label class="check">
            <input type="checkbox" name="confirm" value={f.id} checked={v.confirmed.has(f.id)} /> {s.confirmWarning}
          </label>
        </div>
      ) : null}
    </>
  );
}

function LabelText({ f, v, s }: { f: Field; v: ReportFormView; s: Catalogue['pages'] }) {
  return (
    <>
      {f.label[v.locale]}
      <span class={f.required ? 'req' : 'opt'}>
        {v.locale === 'zh'
          ? `（${f.required ? s.required : s.optional}）`
          : `(${f.required ? s.required : s.optional})`}
      </span>
    </>
  );
}

function Choices({ f, v, s }: { f: Field; v: ReportFormView; s: Catalogue['pages'] }) {
  const L = v.locale;
  const options =
    f.kind === 'boolean'
      ? [
          { value: 'yes', label: s.yes },
          { value: 'no', label: s.no },
        ]
      : optionsOf(f, v.ctx).map((o) => ({ value: o.value, label: o.label[L] }));
  const posted = v.values[f.id];
  const chosen = new Set(Array.isArray(posted) ? posted : posted ? [posted] : []);
  const invalid = v.errors[f.id] ? 'true' : undefined;
  if (f.kind !== 'multi' && options.length > RADIO_MAX) {
    return (
      <div class="field">
        <label for={id(f)}>
          <LabelText f={f} v={v} s={s} />
        </label>
        <Notes f={f} v={v} s={s} />
        <select
          id={id(f)}
          name={f.id}
          aria-describedby={describedBy(f, v)}
          aria-invalid={invalid}
          aria-required={f.required ? 'true' : undefined}
        >
          <option value="">{s.choose}</option>
          {options.map((o) => (
            <option value={o.value} selected={chosen.has(o.value)}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const type = f.kind === 'multi' ? 'checkbox' : 'radio';
  return (
    <fieldset class="field group" aria-describedby={describedBy(f, v)}>
      <legend>
        <LabelText f={f} v={v} s={s} />
      </legend>
      <Notes f={f} v={v} s={s} />
      <div class={f.kind === 'multi' ? 'checks' : 'radios'}>
        {options.map((o, i) => (
          <label class="check">
            <input
              type={type}
              id={i === 0 ? id(f) : `${id(f)}-${i}`}
              name={f.id}
              value={o.value}
              checked={chosen.has(o.value)}
              aria-invalid={invalid}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FieldRow({ f, v, s }: { f: Field; v: ReportFormView; s: Catalogue['pages'] }) {
  if (f.kind === 'choice' || f.kind === 'multi' || f.kind === 'boolean') return <Choices f={f} v={v} s={s} />;
  const common = {
    id: id(f),
    name: f.id,
    'aria-describedby': describedBy(f, v),
    'aria-invalid': v.errors[f.id] ? 'true' : undefined,
    'aria-required': f.required ? 'true' : undefined,
    autocomplete: AUTOCOMPLETE[f.id],
  };
  return (
    <div class="field">
      <label for={id(f)}>
        <LabelText f={f} v={v} s={s} />
      </label>
      <Notes f={f} v={v} s={s} />
      {f.kind === 'longtext' ? (
        <textarea {...common} rows={5}>
          {scalar(v, f)}
        </textarea>
      ) : (
        <input {...common} type={INPUT_TYPE[f.kind] ?? 'text'} inputmode={INPUT_MODE[f.kind]} value={scalar(v, f)} />
      )}
    </div>
  );
}

function Followups({ v, s }: { v: ReportFormView; s: Catalogue['pages'] }) {
  return (
    <>
      {MONITORING_ITEMS.map((item) => {
        const fields = FIELDS.filter((f) => followupItem(f) === item.code);
        const on = v.shownItems.has(item.code);
        return (
          <fieldset class="section followup" data-item={item.code} disabled={!on} hidden={!on}>
            <legend>{s.followupLegend(item.name[v.locale])}</legend>
            <input type="hidden" name="shown" value={item.code} />
            {fields.map((f) => (
              <FieldRow f={f} v={v} s={s} />
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

function ErrorSummary({ v, s }: { v: ReportFormView; s: Catalogue['pages'] }) {
  const problems = FIELDS.filter((f) => v.errors[f.id] || v.warnings[f.id]);
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" id="error-summary">
      <h2>{s.errorSummary}</h2>
      <ul>
        {problems.map((f) => (
          <li>
            <a
              href={`#${id(f)}`}
            >{`${f.label[v.locale]}${v.locale === 'zh' ? '：' : ': '}${v.errors[f.id] ?? v.warnings[f.id]}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "将报送至 XX 协调劳动关系三方委员会办公室" beside the submit button, with a link back to the district question.
 * /assets/report-form.js rewrites it when another district is chosen (data-template holds the sentence).
 */
function Destination({ v, s }: { v: ReportFormView; s: Catalogue['pages'] }) {
  const chosen = v.values.district;
  const area = v.ctx.jurisdictions.find((j) => j.id === chosen)?.name[v.locale];
  const AREA = '{area}';
  return (
    <div class="destination" id="destination">
      <p data-template={s.destination(AREA)} data-unknown={s.destinationUnknown}>
        {area ? s.destination(area) : s.destinationUnknown}
      </p>
      <a href="#f-district">{s.changeDestination}</a>
    </div>
  );
}

export function ReportPage(v: ReportFormView) {
  const s = textOf('pages', v.locale);
  const sectionOf = (name: string) => FIELDS.filter((f) => f.section === name);
  const action = v.locale === 'en' ? '/report?lang=en' : '/report';
  return (
    <Layout title={s.reportTitle} locale={v.locale} path="/report" scripts={['/assets/report-form.js']}>
      <h1>{s.reportTitle}</h1>
      <p class="intro">{s.reportIntro}</p>
      {v.step2 ? <p class="notice">{s.step2}</p> : null}
      {v.tooMany ? (
        <p class="notice" role="alert">
          {s.tooManyDrafts}
        </p>
      ) : null}
      {v.resubmitted ? (
        <p class="notice" role="alert">
          {s.resubmitted}
        </p>
      ) : null}
      <ErrorSummary v={v} s={s} />
      <form method="post" action={action} novalidate data-report-form>
        <input type="hidden" name="submission" value={v.submissionKey} />
        <input type="hidden" name="token" value={v.formToken} />
        {(['employer', 'reporter', 'items'] as const).map((name) => (
          <fieldset class="section">
            <legend>{s.sections[name]}</legend>
            {sectionOf(name).map((f) => (
              <FieldRow f={f} v={v} s={s} />
            ))}
          </fieldset>
        ))}
        <Followups v={v} s={s} />
        <fieldset class="section">
          <legend>{s.sections.collective}</legend>
          <p class="hint">{s.collectiveNote}</p>
          {sectionOf('collective').map((f) => (
            <FieldRow f={f} v={v} s={s} />
          ))}
        </fieldset>
        <fieldset class="section">
          <legend>{s.sections.details}</legend>
          {sectionOf('details').map((f) => (
            <FieldRow f={f} v={v} s={s} />
          ))}
        </fieldset>
        <Destination v={v} s={s} />
        <button type="submit" class="primary">
          {s.submit}
        </button>
      </form>
    </Layout>
  );
}

export function ReportSubmittedPage({
  locale,
  receipt,
  joinedReceipt,
}: {
  locale: Locale;
  receipt: string;
  /** One incident, one case: the open case this report joined as a follow-up (续报). */
  joinedReceipt?: string | undefined;
}) {
  const s = textOf('pages', locale);
  const q = locale === 'en' ? '&lang=en' : '';
  return (
    <Layout title={s.submittedTitle} locale={locale} path="/report">
      <h1>{s.submittedTitle}</h1>
      <p class="receipt">
        {`${s.receipt}${locale === 'zh' ? '：' : ': '}`}
        <strong id="receipt">{receipt}</strong>
      </p>
      <p>{s.submittedText}</p>
      {joinedReceipt ? (
        <p class="notice" id="joined-case">
          {s.joinedCase(joinedReceipt)}
        </p>
      ) : null}
      <p>
        <a href={`/status?receipt=${encodeURIComponent(receipt)}${q}`}>{s.checkStatus}</a>
      </p>
      <p>
        <a href={locale === 'en' ? '/report?lang=en' : '/report'}>{s.newReport}</a>
      </p>
    </Layout>
  );
}

export function ForbiddenPage({ locale }: { locale: Locale }) {
  const s = textOf('pages', locale);
  return (
    <Layout title={s.forbiddenTitle} locale={locale} path="/report">
      <h1>{s.forbiddenTitle}</h1>
      <p>{s.forbiddenText}</p>
      <p>
        <a href="/report">{s.backToForm}</a>
      </p>
    </Layout>
  );
}
