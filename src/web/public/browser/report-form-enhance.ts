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

/** "将报送至 …" beside the submit button follows the district chosen above it. */
function syncDestination(form: HTMLFormElement) {
  const select = form.querySelector<HTMLSelectElement>('select[name="district"]');
  const line = form.querySelector<HTMLElement>('#destination [data-template]');
  if (!select || !line) return;
  const area = select.value === '' ? undefined : select.selectedOptions[0]?.textContent?.trim();
  line.textContent = area
    ? (line.dataset.template ?? '').replace('{area}', area)
    : (line.dataset.unknown ?? line.textContent ?? '');
}

const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
if (form) {
  sync(form);
  syncDestination(form);
  form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === 'items') sync(form);
    if (e.target instanceof HTMLSelectElement && e.target.name === 'district') syncDestination(form);
  });
}
