// The widget's stylesheet, applied inside its shadow root (the portal's CSS cannot reach in, and this
// cannot leak out). Colours meet WCAG AA contrast on their backgrounds.

export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { font: 16px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1f24; }
button, input, textarea { font: inherit; color: inherit; margin: 0; }
button { display: inline-block; cursor: pointer; min-height: 44px; padding: 8px 14px; border-radius: 8px;
  border: 1px solid #0b4f9c; background: #fff; color: #0b4f9c; text-align: center; }
button:hover { background: #e8f0fa; }
button.primary, button[aria-pressed="true"] { background: #0b4f9c; color: #fff; }
button.primary:hover, button[aria-pressed="true"]:hover { background: #083d79; }
button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible {
  outline: 3px solid #0b4f9c; outline-offset: 2px; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border-radius: 28px;
  padding: 12px 22px; background: #0b4f9c; color: #fff; border: 2px solid #fff; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.launcher:hover { background: #083d79; }
.panel { display: flex; flex-direction: column; background: #fff; overflow: hidden; }
.floating .panel { position: fixed; right: 20px; bottom: 20px; z-index: 2147483001; width: 400px;
  height: min(680px, calc(100vh - 40px)); border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
.inline .panel { position: relative; width: 100%; height: 640px; max-height: 85vh; border: 1px solid #b7c2d3; border-radius: 8px; }
@media (max-width: 600px) {
  .floating .panel { inset: 0; right: 0; bottom: 0; width: 100%; height: 100%; border-radius: 0; }
}
.head { display: flex; align-items: center; gap: 8px; padding: 10px 12px 10px 16px; background: #0b4f9c; color: #fff; }
.head h2 { flex: 1; margin: 0; font-size: 17px; font-weight: 600; }
.head button { background: transparent; color: #fff; border-color: #fff; min-width: 44px; }
.head button:hover { background: #083d79; }
.head button:focus-visible { outline-color: #fff; }
.chat { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.progress { margin: 0; padding: 4px 16px; font-size: 14px; color: #3d4654; background: #f1f4f9; }
.progress:empty { display: none; }
.log { flex: 1; overflow-y: auto; padding: 12px 16px; display: flex; flex-direction: column; gap: 8px; }
.msg { margin: 0; max-width: 88%; padding: 8px 12px; border-radius: 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot { align-self: flex-start; background: #eef2f8; }
.msg.me { align-self: flex-end; background: #0b4f9c; color: #fff; }
.msg.error { align-self: flex-start; background: #fdecee; color: #8a0016; }
.msg.warning { align-self: flex-start; background: #fff4e0; color: #5c3800; }
.composer { border-top: 1px solid #d5dbe5; padding: 12px 16px; max-height: 60%; overflow-y: auto; }
.composer[aria-busy="true"] .controls { opacity: .7; }
.options, .row { display: flex; flex-wrap: wrap; gap: 8px; }
.row { margin-top: 8px; }
.group-label, label { display: block; margin: 0 0 6px; font-weight: 600; }
input, textarea { display: block; width: 100%; min-height: 44px; padding: 8px 10px; border: 1px solid #5f6b7d;
  border-radius: 6px; background: #fff; }
textarea { resize: vertical; }
input[aria-invalid="true"], textarea[aria-invalid="true"] { border: 2px solid #b00020; }
.field-error { margin: 8px 0 0; color: #b00020; }
.warning { margin-top: 8px; padding: 8px; border-radius: 6px; background: #fff4e0; color: #5c3800; }
.warning p { margin: 0 0 8px; }
.sending { margin: 8px 0 0; color: #3d4654; }
.status:empty { display: none; }
.status .retry { margin-top: 8px; }
.chat.reviewing .log { flex: 0 0 auto; max-height: 6em; }
.chat.reviewing .composer { flex: 1; max-height: none; }
.review-title { margin: 0 0 8px; font-size: 17px; }
.review-title:focus { outline: none; }
.destination { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 0; padding: 8px 12px;
  border-radius: 8px; background: #eef2f8; }
.destination p { margin: 0; flex: 1 1 12em; font-weight: 600; }
.review { list-style: none; margin: 0; padding: 0; }
.review li { display: flex; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid #e3e7ee; }
.review .line { flex: 1; min-width: 0; }
.review .label { display: block; font-size: 14px; color: #3d4654; }
.review .value { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
.receipt { font-size: 18px; margin: 0 0 8px; }
a { color: #0b4f9c; }
`;
