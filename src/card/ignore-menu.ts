// "Ignore…" on a card: the four rules it offers, in words, and Undo. The rule is written to the synced
// settings; every page that lists failures follows the rules and takes the failure out at once.
// The settings store loads only on a click: a card alone reads no storage.
import { IGNORE_SCOPES, ruleFor, type IgnoreRule } from '../diagnosis/ignore';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { ruleSentence, scopeLabel } from '../shared/rule-words';
import { failureOf } from './contract';

const store = () => import('../shared/settings-store');

/** The card's button; its menu is built only when it opens. */
export const ignoreButton = (): HTMLElement =>
  h('button', { type: 'button', class: 'ignore', 'data-action': 'ignore', 'aria-expanded': 'false' }, t('ignore'));

function menuFor(button: HTMLElement): HTMLElement | undefined {
  const failure = failureOf(button);
  if (!failure) return undefined;
  const choices = IGNORE_SCOPES.flatMap((scope) => {
    const rule = ruleFor(scope, failure);
    return rule ? [h('li', null, h('button', { type: 'button', 'data-ignore-scope': scope }, scopeLabel(scope, rule)))] : [];
  });
  return h('div', { class: 'ignore-menu', role: 'group', 'aria-label': t('ignoreMenu') }, h('ul', null, ...choices));
}

/** Where "Ignoring …" and Undo are said: outside the list, since the failure leaves the list. */
function status(container: HTMLElement): HTMLElement {
  let element = container.ownerDocument.querySelector<HTMLElement>('.ignore-status');
  if (!element) {
    element = h('div', { class: 'ignore-status note', role: 'status' });
    container.before(element);
  }
  return element;
}

function said(container: HTMLElement, text: string, undo?: IgnoreRule): void {
  const element = status(container);
  const button = undo && h('button', { type: 'button', 'data-action': 'undo-ignore' }, t('undo'));
  element.replaceChildren(h('span', null, text), button ? ' ' : '', button ?? '');
  button?.addEventListener('click', () => {
    void store().then(({ removeIgnoreRule }) => removeIgnoreRule(undo!)).then(() => said(container, t('ignoreUndone', ruleSentence(undo!))));
  });
  button?.focus();
}

/** Clicks on Ignore… and its choices, anywhere in `container` (cards arrive and leave with the list). */
export function wireIgnore(container: HTMLElement): void {
  container.addEventListener('click', (event) => {
    const target = event.target as Element;
    const open = target.closest<HTMLElement>('button[data-action="ignore"]');
    if (open) {
      const expanded = open.getAttribute('aria-expanded') === 'true';
      const menu = open.nextElementSibling;
      if (menu?.classList.contains('ignore-menu')) menu.remove();
      open.setAttribute('aria-expanded', String(!expanded));
      if (!expanded) open.after(menuFor(open) ?? '');
      return;
    }
    const choice = target.closest<HTMLElement>('button[data-ignore-scope]');
    const failure = choice && failureOf(choice);
    if (!choice || !failure) return;
    const rule = ruleFor(choice.getAttribute('data-ignore-scope') as (typeof IGNORE_SCOPES)[number], failure);
    if (!rule) return;
    void store().then(({ addIgnoreRule, RulesTooLarge }) => addIgnoreRule(rule).then(
      () => said(container, t('ignoring', ruleSentence(rule)), rule),
      (error: unknown) => said(container, t(error instanceof RulesTooLarge ? 'rulesQuota' : 'rulesNotSaved')),
    ));
  });
}
