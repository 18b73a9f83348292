// An ignore rule as a sentence people read ("404 from cdn.example.com"), said once for every page.
import type { IgnoreRule, IgnoreScope } from '../diagnosis/ignore';
import { shortCode } from './failures';
import { t } from './i18n';

export function ruleSentence(rule: IgnoreRule): string {
  if (rule.url !== undefined) return t('ruleRequest', rule.method ?? '', rule.url);
  const parts = [rule.code ? shortCode(rule.code) : t('ruleAnyFailure')];
  if (rule.type) parts.push(t('ruleOfType', rule.type));
  parts.push(rule.host ? t('ruleFromHost', rule.host) : t('ruleEverySite'));
  if (rule.path) parts.push(t('ruleAtPath', rule.path));
  return parts.join(' ');
}

/** What a card's choice offers, in words. */
export function scopeLabel(scope: IgnoreScope, rule: IgnoreRule): string {
  return scope === 'request' ? t('ignoreThisRequest') : ruleSentence(rule);
}
