// The stylesheet of the public pages and the demo portal, served as /assets/site.css (the CSP allows no
// inline style). Colours meet WCAG AA contrast.

export const SITE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1f24; background: #f5f7fa; }
a { color: #0b4f9c; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.wrap { max-width: 880px; margin: 0 auto; padding: 0 16px; }
.site-head { background: #0b4f9c; color: #fff; }
.site-head .wrap { display: flex; justify-content: space-between; align-items: center; min-height: 56px; gap: 12px; }
.site-name { font-weight: 600; }
.site-head a { color: #fff; }
.site-head a:focus-visible { outline-color: #fff; }
main.wrap { background: #fff; padding-top: 8px; padding-bottom: 32px; }
h1 { font-size: 26px; margin: 16px 0 8px; }
.intro { color: #3d4654; }
.notice { padding: 12px 16px; border-left: 4px solid #0b4f9c; background: #e8f0fa; }
.error-summary { padding: 12px 16px; border: 3px solid #b00020; margin: 16px 0; }
.error-summary h2 { font-size: 18px; margin: 0 0 8px; }
.error-summary a { color: #b00020; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.section { border-top: 2px solid #d5dbe5; padding: 8px 0 16px; margin-top: 16px; }
.section > legend { font-size: 20px; font-weight: 600; padding: 8px 0; }
.field { margin: 16px 0; }
.field > label, .group > legend { display: block; font-weight: 600; margin-bottom: 4px; }
.req, .opt { font-weight: 400; color: #3d4654; font-size: 14px; margin-left: 4px; }
.hint { margin: 0 0 6px; color: #3d4654; font-size: 14px; }
.error { margin: 0 0 6px; color: #b00020; font-weight: 600; }
.warning { margin: 0 0 8px; padding: 8px 12px; background: #fff4e0; color: #5c3800; }
.warning p { margin: 0 0 6px; }
input[type=text], input[type=tel], input[type=url], input[type=date], input[type=datetime-local], select, textarea {
  display: block; width: 100%; max-width: 560px; min-height: 44px; padding: 8px 10px; font: inherit; color: inherit;
  border: 1px solid #5f6b7d; border-radius: 6px; background: #fff; }
[aria-invalid=true] { border: 2px solid #b00020; }
.radios, .checks { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.check { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; font-weight: 400; }
.check input { width: 20px; height: 20px; }
button.primary { font: inherit; min-height: 48px; padding: 10px 24px; border: 0; border-radius: 6px; background: #0b4f9c; color: #fff; cursor: pointer; margin-top: 16px; }
button.primary:hover { background: #083d79; }
.destination { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; margin-top: 16px; padding: 12px 16px;
  border-left: 4px solid #0b4f9c; background: #e8f0fa; }
.destination p { margin: 0; font-weight: 600; flex: 1 1 16em; }
.receipt { font-size: 20px; }
.status-result dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.status-result dt { color: #3d4654; }
.status-result dd { margin: 0; overflow-wrap: anywhere; }
.timeline { padding-left: 20px; }
.timeline .when { color: #3d4654; font-size: 14px; }
.timeline .message { margin: 4px 0 8px; padding: 8px 12px; background: #eef2f8; white-space: pre-wrap; overflow-wrap: anywhere; }
.conversation { list-style: none; padding: 0; margin: 0 0 8px; }
.conversation li { margin: 8px 0; }
.conversation .who { font-weight: 600; }
.conversation .when { color: #3d4654; font-size: 14px; }
.conversation .message { margin: 4px 0 8px; padding: 8px 12px; background: #eef2f8; white-space: pre-wrap; overflow-wrap: anywhere; }
.conversation .from-reporter .message { background: #e8f5ec; }
.message-form textarea { min-height: 120px; }
.portal { background: #eef1f5; }
.demo-banner { margin: 0; padding: 8px 16px; background: #fff4e0; color: #5c3800; text-align: center; font-size: 14px; }
.portal-head { background: #a4161a; color: #fff; padding: 16px 0; }
.portal-name { margin: 0; font-size: 26px; font-weight: 700; letter-spacing: 2px; }
.portal-sub { margin: 0; font-size: 14px; }
.portal-nav { background: #7d1014; }
.portal-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0; padding-top: 0; padding-bottom: 0; }
.portal-nav a { display: block; padding: 10px 16px; color: #fff; text-decoration: none; }
.portal-nav a:hover { background: #5e0c0f; }
.portal-nav a:focus-visible { outline-color: #fff; outline-offset: -3px; }
.portal-main { display: grid; grid-template-columns: 1fr; gap: 24px; background: #fff; }
@media (min-width: 800px) { .portal-main { grid-template-columns: 3fr 2fr; } }
.portal-col h1, .portal-col h2 { color: #7d1014; border-bottom: 2px solid #a4161a; padding-bottom: 6px; font-size: 20px; }
.news { list-style: none; padding: 0; }
.news li { display: flex; justify-content: space-between; gap: 12px; padding: 8px 0; border-bottom: 1px dashed #c5ccd6; }
.news-date { color: #3d4654; white-space: nowrap; }
.portal-foot { color: #3d4654; font-size: 14px; padding: 16px 0; }
`;
