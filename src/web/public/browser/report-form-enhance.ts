// Progressive enhancement for /report (served as /assets/report-form.js, bundled by build-widget.mjs):
// shows a monitoring item's follow-up questions as soon as the item is ticked. Without it, the server
// shows them in a second step; either way the server validates everything.

function sync(form: HTMLFormElement) {
  const chosen = new Set(
    [...form.querySelectorAll<HTMLInputElement>('input[name="items"]')].filter((i) => i.checked).map((i) => i.value),
  );
  for (const group of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-item]')) {
    const on = chosen.has(group.dataset.item ?? '');
    // Disabled groups are not posted, so the server knows which follow-ups the reporter saw.
    group.disabled = !on;
    group.hidden = !on;
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
if (form) {
  sync(form);
  form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === 'items') sync(form);
  });
}
