// The console's one stylesheet, served from code at /console/assets/console.css so the Workers host needs no
// static files. Plain CSS, mobile first; no inline styles anywhere (the CSP forbids them).
export const CONSOLE_CSS = `
:root { --fg:#1d2329; --muted:#5b6670; --line:#d5dbe0; --bg:#f5f7f9; --card:#fff; --accent:#0b5cad;
  --red:#b42318; --red-bg:#fde8e6; --amber:#8a5a00; --amber-bg:#fff3d6; --green:#1e6b3a; --green-bg:#e3f4e8;
  --grey-bg:#eceff2; font-size:16px; }
* { box-sizing:border-box; }
body { margin:0; font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
  color:var(--fg); background:var(--bg); line-height:1.5; }
a { color:var(--accent); }
header.top { background:#12324f; color:#fff; padding:.5rem 1rem; display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; }
header.top a { color:#fff; text-decoration:none; }
header.top .brand { font-weight:600; margin-right:auto; }
header.top nav { display:flex; flex-wrap:wrap; gap:.25rem .75rem; }
header.top nav a[aria-current="page"] { text-decoration:underline; }
header.top form { margin:0; }
header.top button { background:transparent; color:#fff; border:1px solid #ffffff80; padding:.15rem .6rem; }
main { max-width:1200px; margin:0 auto; padding:1rem; }
h1 { font-size:1.4rem; margin:.25rem 0 1rem; } h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:1rem; margin-bottom:1rem; }
.card > h2:first-child, .card > h1:first-child { margin-top:0; }
.flash { padding:.6rem .9rem; border-radius:6px; margin-bottom:1rem; background:var(--green-bg); color:var(--green); }
.flash.error { background:var(--red-bg); color:var(--red); }
table { width:100%; border-collapse:collapse; background:var(--card); }
th, td { text-align:left; padding:.45rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:.9rem; }
.kv th { width:14rem; }
.badge { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.8rem; white-space:nowrap; background:var(--grey-bg); }
.badge.red { background:var(--red-bg); color:var(--red); } .badge.amber { background:var(--amber-bg); color:var(--amber); }
.badge.green { background:var(--green-bg); color:var(--green); }
.due.overdue { color:var(--red); font-weight:600; } .due.soon { color:var(--amber); font-weight:600; }
.muted { color:var(--muted); font-size:.9rem; }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:flex-end; margin-bottom:1rem; }
label { display:block; font-size:.9rem; color:var(--muted); }
input, select, textarea, button { font:inherit; }
input[type=text], input[type=password], input[type=date], input[type=search], input[type=tel], input[type=number], select, textarea {
  width:100%; padding:.4rem .5rem; border:1px solid var(--line); border-radius:4px; background:#fff; color:var(--fg); }
form.filters label { min-width:9rem; flex:1 1 9rem; }
textarea { min-height:6rem; }
textarea.long { min-height:10rem; }
button, .button { display:inline-block; padding:.45rem .9rem; border-radius:4px; border:1px solid var(--accent);
  background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
button.danger { background:var(--red); border-color:var(--red); }
.actions { display:flex; flex-wrap:wrap; gap:.5rem; align-items:flex-end; }
.stack > * + * { margin-top:.75rem; }
.grid2 { display:grid; gap:1rem; grid-template-columns:1fr; }
@media (min-width: 900px) { .grid2 { grid-template-columns: 3fr 2fr; } }
/* The case page on a phone: the main actions, the facts, the other forms, then the timeline;
   on a desk the actions and forms sit beside the facts and timeline. */
.case-grid { display:grid; gap:0 1rem; grid-template-columns:minmax(0,1fr); grid-template-areas:"act" "facts" "forms" "log"; }
.case-facts { grid-area:facts; min-width:0; } .case-act { grid-area:act; min-width:0; }
.case-forms { grid-area:forms; min-width:0; } .case-log { grid-area:log; min-width:0; }
@media (min-width: 900px) {
  .case-grid { grid-template-columns:minmax(0,3fr) minmax(0,2fr); grid-template-rows:auto auto 1fr;
    grid-template-areas:"facts act" "facts forms" "log forms"; align-items:start; }
}
nav.jump { display:flex; flex-wrap:wrap; gap:.25rem 1rem; margin:0 0 1rem; }
@media (min-width: 900px) { nav.jump { display:none; } }
.badges { margin:.25rem 0; }
.todo-counts { list-style:none; display:flex; flex-wrap:wrap; gap:.75rem; padding:0; margin:0 0 1rem; }
.todo-counts .count a { display:flex; flex-direction:column; align-items:flex-start; min-width:7.5rem; padding:.5rem .9rem;
  border:1px solid var(--line); border-radius:6px; background:var(--card); color:var(--fg); text-decoration:none; }
.todo-counts .count strong { font-size:1.6rem; line-height:1.2; }
.todo-counts .count.amber a { background:var(--amber-bg); color:var(--amber); border-color:var(--amber); }
.todo-counts .count.red a { background:var(--red-bg); color:var(--red); border-color:var(--red); }
.todo-counts a[aria-current="true"] { outline:3px solid var(--accent); }
form.inline { display:inline; margin:0; }
button.small { padding:.2rem .7rem; font-size:.9rem; white-space:nowrap; }
form.filters label.check { flex:0 0 auto; min-width:0; align-self:center; }
.timeline { list-style:none; padding:0; margin:0; }
.timeline li { border-left:3px solid var(--line); padding:.25rem 0 .6rem .75rem; }
.timeline li.message_out, .timeline li.message_in { border-color:var(--accent); }
.timeline li.annex4_escalation { border-color:var(--red); }
.pre { white-space:pre-wrap; overflow-wrap:anywhere; }
.error-text { color:var(--red); font-size:.9rem; display:block; }
.field > label { margin-bottom:.15rem; }
.field .hint { display:block; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border-color:var(--red); border-width:2px; }
.flash.warn { background:var(--amber-bg); color:var(--amber); }
.flash.warn ul { margin:.25rem 0 0; padding-left:1.2rem; }
.confirm { border:2px solid var(--red); }
.confirm:not(.card) { padding:.75rem 1rem; border-radius:6px; }
.confirm .consequence { font-weight:600; }
label.check { display:flex; gap:.5rem; align-items:flex-start; color:var(--fg); }
label.check input { margin-top:.3rem; }
.login { max-width:24rem; margin:3rem auto; }
.table-wrap { overflow-x:auto; }
.warning-banner { margin:0; padding:.4rem 1rem; font-weight:600; }
.warning-banner a { color:inherit; }
.warning-banner.none { background:var(--green-bg); color:var(--green); }
.warning-banner.level1, .warning-banner.requested { background:var(--amber-bg); color:var(--amber); }
.warning-banner.level2, .warning-banner.level3 { background:var(--red-bg); color:var(--red); }
.chart { margin:0 0 1rem; }
.chart figcaption { font-weight:600; font-size:1.05rem; }
.chart-svg { width:100%; height:auto; max-width:720px; display:block; }
.legend { list-style:none; padding:0; margin:.5rem 0; display:flex; flex-wrap:wrap; gap:.25rem 1rem; font-size:.9rem; }
.counts td, .counts th { text-align:right; } .counts td:first-child, .counts th:first-child { text-align:left; }
.counts tr.total td { font-weight:600; border-top:2px solid var(--line); }
td.hot { color:var(--red); font-weight:600; }
@media (max-width: 700px) {
  .kv th, .kv td { display:block; width:auto; }
  .kv th { border-bottom:0; padding-bottom:0; }
  table.cases thead { display:none; }
  table.cases tr { display:block; border-bottom:2px solid var(--line); padding:.4rem 0; }
  table.cases td { display:block; border:0; padding:.1rem .5rem; }
}
@media print {
  @page { size:A4; margin:15mm 12mm; }
  body { background:#fff; font-size:11pt; }
  header.top, .warning-banner, form.filters, nav, .actions, .no-print, button, details > summary { display:none !important; }
  input, select, textarea { border:0; border-bottom:1px solid #999; border-radius:0; padding:0; }
  textarea { min-height:0; height:auto; field-sizing:content; }
  details { display:block; } details > * { display:block; }
  main { max-width:none; padding:0; }
  .card { border:0; padding:0; margin:0 0 8mm; break-inside:avoid; }
  table { font-size:9.5pt; } th, td { padding:1.5mm 2mm; border:1px solid #999; }
  thead { display:table-header-group; } tr { break-inside:avoid; }
  a { color:inherit; text-decoration:none; }
  .table-wrap { overflow:visible; }
  table.cases thead { display:table-header-group !important; }
  table.cases tr { display:table-row !important; } table.cases td { display:table-cell !important; }
}
`;
