// One polite live region per page, for feedback a button gives by changing its text ("Copied", "Saved"):
// a changed button label is not read out, a status message is.
import { h } from './dom';

export function announce(text: string): void {
  let region = document.getElementById('announce');
  if (!region) document.body.append(region = h('p', { id: 'announce', class: 'visually-hidden', role: 'status' }));
  // Emptied first: the same words twice in a row are read twice.
  region.textContent = '';
  requestAnimationFrame(() => (region.textContent = text));
}
