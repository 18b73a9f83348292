// The settings page's ignore rules: each as a sentence with Remove, a rule written by hand (a bad field
// named where it was typed), and export/import as JSON (refused whole, with a message, when anything is off).
import { checkRule, RESOURCE_TYPES, type IgnoreRule, type RuleError } from '../diagnosis/ignore';
import { exportRules, importRules, type ImportError } from '../diagnosis/ignore-io';
import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { ruleSentence } from '../shared/rule-words';
import { ignoreRules, removeIgnoreRule, RulesTooLarge, setIgnoreRules, settingsReady, watchIgnoreRules } from '../shared/settings-store';

const FIELDS = ['host', 'path', 'code', 'type'] as const;
const FIELD_LABEL: Record<(typeof FIELDS)[number], MessageKey> = { host: 'ruleFieldHost', path: 'ruleFieldPath', code: 'ruleFieldCode', type: 'ruleFieldType' };
const RULE_ERROR: Record<RuleError, MessageKey> = {
  empty: 'ruleErrorEmpty', host: 'ruleErrorHost', path: 'ruleErrorPath', code: 'ruleErrorCode', type: 'ruleErrorType',
  method: 'ruleErrorRequest', url: 'ruleErrorRequest', 'too-long': 'ruleErrorTooLong', 'unknown-field': 'ruleErrorUnknownField',
};

const section = h('section', { id: 'ignore-rules-section' });
(document.querySelector('main') ?? document.body).append(section);

const list = h('ul', { id: 'ignore-rules' });
const status = h('p', { id: 'rules-status', role: 'status' });
const inputs = Object.fromEntries(FIELDS.map((field) => [field, h('input', {
  type: 'text', id: `rule-${field}`, name: `rule-${field}`, spellcheck: 'false', list: field === 'type' ? 'resource-types' : undefined, 'aria-describedby': `rule-${field}-error`,
})])) as Record<(typeof FIELDS)[number], HTMLInputElement>;
const fieldErrors = Object.fromEntries(FIELDS.map((field) => [field, h('span', { id: `rule-${field}-error`, class: 'error' })])) as Record<(typeof FIELDS)[number], HTMLElement>;
const formError = h('p', { id: 'rule-error', class: 'error', role: 'alert' });
const importInput = h('input', { type: 'file', id: 'import-rules', name: 'import-rules', accept: 'application/json,.json' });

function say(text: string, element: HTMLElement = status): void {
  element.textContent = text;
}

/** Writing failed: storage.sync's quota refuses the whole change; nothing of it was saved. */
const refusal = (error: unknown): string => (error instanceof RulesTooLarge ? t('rulesQuota') : t('rulesNotSaved'));

function showRules(rules: readonly IgnoreRule[]): void {
  list.replaceChildren(...rules.map((rule, index) => {
    const sentence = ruleSentence(rule);
    const remove = h('button', { type: 'button', 'data-action': 'remove-rule', id: `rule-remove-${index}`, 'aria-label': t('ruleRemoveFor', sentence) }, t('ruleRemove'));
    remove.addEventListener('click', () => void removeIgnoreRule(rule).catch((error: unknown) => say(refusal(error))));
    return h('li', { 'data-rule': JSON.stringify(rule) }, h('span', null, sentence), remove);
  }));
  if (!rules.length) list.replaceChildren(h('li', { class: 'hint' }, t('rulesNone')));
}

async function addTyped(): Promise<void> {
  for (const field of FIELDS) {
    fieldErrors[field].textContent = '';
    inputs[field].removeAttribute('aria-invalid');
  }
  say('', formError);
  const checked = checkRule(Object.fromEntries(FIELDS.map((field) => [field, inputs[field].value])));
  if (!checked.ok) {
    const field = FIELDS.find((name) => name === checked.field || name === checked.error);
    if (field) {
      fieldErrors[field].textContent = t(RULE_ERROR[checked.error]);
      inputs[field].setAttribute('aria-invalid', 'true');
      inputs[field].focus();
    } else say(t(RULE_ERROR[checked.error]), formError);
    return;
  }
  try {
    await setIgnoreRules([...ignoreRules(), checked.rule]);
    for (const field of FIELDS) inputs[field].value = '';
    say(t('ignoring', ruleSentence(checked.rule)));
  } catch (error) {
    say(refusal(error), formError);
  }
}

function importMessage(result: ImportError): string {
  if (result.error === 'json') return t('importNotJson');
  if (result.error === 'format') return t('importFormat');
  if (result.error === 'too-many') return t('importTooMany', result.limit);
  if (result.error === 'quota') return t('rulesQuota');
  return t('importRule', result.index + 1, t(RULE_ERROR[result.reason]));
}

async function importFile(): Promise<void> {
  const file = importInput.files?.[0];
  if (!file) return;
  const result = importRules(await file.text());
  importInput.value = '';
  if (!result.ok) return say(t('importRefused', importMessage(result)));
  try {
    const kept = ignoreRules();
    const added = result.rules.filter((rule) => !kept.some((old) => JSON.stringify(old) === JSON.stringify(rule)));
    await setIgnoreRules([...kept, ...added]);
    say(t('importDone', added.length));
  } catch (error) {
    say(t('importRefused', refusal(error)));
  }
}

function exportFile(): void {
  const url = URL.createObjectURL(new Blob([exportRules(ignoreRules())], { type: 'application/json' }));
  h('a', { href: url, download: 'request-doctor-ignore-rules.json' }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const add = h('button', { type: 'button', 'data-action': 'add-rule' }, t('ruleAdd'));
add.addEventListener('click', () => void addTyped());
const removeAll = h('button', { type: 'button', 'data-action': 'remove-all-rules' }, t('rulesRemoveAll'));
removeAll.addEventListener('click', () => void setIgnoreRules([]).then(() => say(t('rulesRemovedAll')), (error: unknown) => say(refusal(error))));
const exportButton = h('button', { type: 'button', 'data-action': 'export-rules' }, t('rulesExport'));
exportButton.addEventListener('click', exportFile);
importInput.addEventListener('change', () => void importFile());

section.append(
  h('h2', null, t('optionsIgnoreRules')),
  h('p', { class: 'hint' }, t('rulesIntro')),
  list,
  h('fieldset', { id: 'rule-editor' }, h('legend', null, t('ruleAddLegend')),
    ...FIELDS.map((field) => h('label', { for: `rule-${field}` }, h('span', null, t(FIELD_LABEL[field])), inputs[field], fieldErrors[field])),
    h('datalist', { id: 'resource-types' }, ...RESOURCE_TYPES.map((type) => h('option', { value: type }))),
    h('p', { class: 'hint' }, t('ruleAddHint')),
    formError,
    add),
  h('p', null, exportButton, ' ', removeAll, ' ', h('label', { for: 'import-rules', class: 'inline' }, h('span', null, t('rulesImport')), importInput)),
  h('p', { class: 'hint' }, t('rulesQuotaHint')),
  status,
);
watchIgnoreRules(showRules);
void settingsReady.then(() => showRules(ignoreRules()));
