import { readOptions } from './options';
import { mountWidget } from './shell';

// Entry of /widget.js. `document.currentScript` is only set while this file first runs, so it is read
// now; mounting waits for the DOM when the tag sits in <head> or the inline target comes later.

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  const options = readOptions(script);
  const ready = () =>
    document.body !== null &&
    (options.mode !== 'inline' || !options.target || document.querySelector(options.target) !== null);
  if (ready() || document.readyState !== 'loading') mountWidget(options);
  else document.addEventListener('DOMContentLoaded', () => mountWidget(options), { once: true });
}
