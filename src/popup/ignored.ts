// "N ignored" in the popup and the report: nothing vanishes silently. The count, and behind Show, each
// ignored failure with the rule that silences it and a way to stop ignoring it.
import { ignoredBy, type IgnoreRule } from '../diagnosis/ignore';
import { hostLabel } from '../diagnosis/url';
import { h } from '../shared/dom';
import { shortCode } from '../shared/failures';
import { t, tCount } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { ruleSentence } from '../shared/rule-words';
import { removeIgnoreRule } from '../shared/settings-store';

let section: HTMLElement | undefined;
let open = false;

function item(failure: FailureRecord, rule: IgnoreRule): HTMLElement {
  const stop = h('button', { type: 'button', 'data-action': 'stop-ignoring' }, t('stopIgnoring'));
  stop.addEventListener('click', () => void removeIgnoreRule(rule));
  return h('li', { 'data-ignored-failure': '', 'data-code': failure.code, 'data-url': failure.url },
    h('span', { class: 'code' }, shortCode(failure.code)), ' ',
    h('span', { class: 'host' }, hostLabel(failure.url)), ' ',
    h('span', { class: 'url' }, failure.url), ' ',
    h('span', { class: 'rule' }, t('ignoredByRule', ruleSentence(rule))), ' ', stop);
}

/** Shows the ignored failures' count before `list` (nothing when none), and them behind a Show button. */
export function showIgnored(list: HTMLElement, ignored: readonly FailureRecord[], rules: readonly IgnoreRule[]): void {
  if (ignored.length === 0) {
    section?.remove();
    section = undefined;
    return;
  }
  const count = ignored.reduce((sum, failure) => sum + failure.count, 0);
  const toggle = h('button', { type: 'button', 'data-action': 'show-ignored', 'aria-expanded': String(open), 'aria-controls': 'ignored-list' }, t(open ? 'hideIgnored' : 'showIgnored'));
  const items = h('ul', { id: 'ignored-list', class: 'ignored-list', hidden: !open }, ...ignored.map((failure) => item(failure, ignoredBy(rules, failure)!)));
  toggle.addEventListener('click', () => {
    open = !open;
    items.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'hideIgnored' : 'showIgnored');
  });
  const next = h('section', { class: 'ignored note', 'data-ignored-count': String(count) },
    h('span', null, tCount('ignoredCount', count, count)), ' ', toggle, items);
  if (section) section.replaceWith(next);
  else list.before(next);
  section = next;
}
