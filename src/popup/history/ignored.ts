// The History keeps ignored failures: hidden behind a "Show ignored" switch, and marked when shown, with
// the rule that silences them. Matched as they are shown, so a rule added or removed applies at once.
import { ignoredBy, type IgnoreRule } from '../../diagnosis/ignore';
import { splitIgnored } from '../../diagnosis/noise';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/protocol';
import { ruleSentence } from '../../shared/rule-words';

const toggle = h('input', { type: 'checkbox', name: 'show-ignored', id: 'show-ignored' });
const label = h('span', null);

/** The switch, placed in the filter form (it is no filter of the URL: rules differ from one person to the next). */
export function ignoredSwitch(form: HTMLFormElement): void {
  if (!toggle.isConnected) form.append(h('label', { for: 'show-ignored', class: 'show-ignored' }, toggle, label));
}

/** The entries to list: without the ignored ones unless the switch is on; the switch says how many there are. */
export function withIgnored(entries: HistoryEntry[], rules: readonly IgnoreRule[]): HistoryEntry[] {
  const { listed, ignored } = splitIgnored(rules, entries);
  label.textContent = t('historyShowIgnored', ignored.length);
  label.parentElement?.setAttribute('data-ignored-count', String(ignored.length));
  return toggle.checked ? entries : listed;
}

/** An ignored entry's card says so, and by which rule. */
export function markIgnored(card: HTMLElement, entry: HistoryEntry, rules: readonly IgnoreRule[] = []): HTMLElement {
  const rule = rules.length ? ignoredBy(rules, entry) : undefined;
  if (!rule) return card;
  card.setAttribute('data-ignored', '');
  card.prepend(h('p', { class: 'note ignored-mark' }, t('ignoredByRule', ruleSentence(rule))));
  return card;
}
