// Small timing helpers for `npm run bench`: run an async operation many times after a warm-up and report
// throughput and latency percentiles. Each figure is printed next to a baseline measured in the same run.

export interface Timing {
  ops: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export async function time(op: (i: number) => Promise<unknown>, opts: { n: number; warmup?: number }): Promise<Timing> {
  for (let i = 0; i < (opts.warmup ?? Math.min(200, opts.n / 10)); i++) await op(i);
  const samples = new Float64Array(opts.n);
  const started = performance.now();
  for (let i = 0; i < opts.n; i++) {
    const t0 = performance.now();
    await op(i);
    samples[i] = performance.now() - t0;
  }
  const total = performance.now() - started;
  samples.sort();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { ops: opts.n, perSec: (opts.n / total) * 1000, p50Ms: at(0.5), p99Ms: at(0.99), meanMs: total / opts.n };
}

/** CPU time (user + system) per operation in ms, over `n` sequential operations. */
export async function cpuPerOp(op: (i: number) => Promise<unknown>, n: number): Promise<number> {
  for (let i = 0; i < Math.min(100, n / 10); i++) await op(i);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await op(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

export interface Row {
  section: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value ÷ baseline, oriented so that 1.0 is "as fast as the floor" and larger is slower. */
  ratio?: number;
  target?: string;
  met?: boolean;
}

export const fmt = (n: number, digits = 2) =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);

export function printTable(rows: Row[]) {
  const cells = rows.map((r) => [
    r.section,
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '',
    r.ratio === undefined ? '' : `×${r.ratio.toFixed(2)}`,
    r.target ? `${r.target} ${r.met === undefined ? '' : r.met ? '✓' : '✗'}` : '',
  ]);
  const head = ['#', 'figure', 'value', 'baseline (same run)', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
