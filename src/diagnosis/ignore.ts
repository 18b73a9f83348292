// Ignore rules: which failures the person chose to silence. Pure: parsing, checking and matching.
// A rule names any of host, path, code and type; a failure is ignored when every field it names matches.
import { STAGES, type Classification, type Observation } from './types';

export interface IgnoreRule {
  /** A host with its subdomains (`example.com`), only subdomains (`*.example.com`), optionally `:port`. */
  host?: string;
  /** A URL path prefix (`/api/`), or a glob where `*` is any run of characters (`/static/*.js`). */
  path?: string;
  /** A status (`404`), a class (`4xx`), a step (`dns`), `network`, `blocked`, or an error (`NAME_NOT_RESOLVED`). */
  code?: string;
  /** A webRequest resource type (`image`, `xmlhttprequest`, …). */
  type?: string;
  /** One exact request: method and URL (the card's "this exact request"). */
  method?: string;
  url?: string;
}

export const RULE_FIELDS = ['host', 'path', 'code', 'type', 'method', 'url'] as const;
/** The resource types webRequest reports (Chromium and Firefox). */
export const RESOURCE_TYPES = [
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report',
  'media', 'websocket', 'webtransport', 'webbundle', 'other', 'beacon', 'imageset', 'xml_dtd', 'xslt', 'speculative', 'web_manifest',
] as const;
/** Bounds a synced rule set stays within (storage.sync allows 8 KB per item, 100 KB in all). */
export const RULE_LIMITS = { rules: 300, fieldLength: 2048 } as const;

export type RuleError = 'empty' | 'host' | 'path' | 'code' | 'type' | 'method' | 'url' | 'too-long' | 'unknown-field';
export type Checked = { ok: true; rule: IgnoreRule } | { ok: false; error: RuleError; field?: string };

type Failure = Pick<Observation, 'url' | 'method' | 'type'> & Pick<Classification, 'code' | 'stage' | 'blocked' | 'errorName'>;

/** A host as URL parsing writes it (lower case, IDN as punycode), with its port if one was given; undefined if invalid. */
function normalHost(input: string): { name: string; port?: string; subdomainsOnly: boolean } | undefined {
  const subdomainsOnly = input.startsWith('*.');
  const bare = subdomainsOnly ? input.slice(2) : input;
  if (!bare || /[/?#@\s*]/.test(bare)) return undefined;
  try {
    const url = new URL(`http://${bare}`);
    if (!url.hostname || url.hostname.endsWith('.')) return undefined;
    return { name: url.hostname, port: url.port || undefined, subdomainsOnly };
  } catch {
    return undefined;
  }
}

const CODE_PATTERN = /^(?:[1-9]\d{2}|[1-9]xx|network|blocked|(?:net::)?(?:ERR_)?[A-Z][A-Z0-9_]{2,63}|NS_[A-Z0-9_]{2,60})$/;

/** Check one rule as written by hand or imported: every field known and well formed, values normalised. */
export function checkRule(input: unknown): Checked {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'empty' };
  const rule: IgnoreRule = {};
  for (const [field, raw] of Object.entries(input)) {
    if (!(RULE_FIELDS as readonly string[]).includes(field)) return { ok: false, error: 'unknown-field', field };
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') return { ok: false, error: field as RuleError, field };
    const value = raw.trim();
    if (value.length > RULE_LIMITS.fieldLength) return { ok: false, error: 'too-long', field };
    if (!value) continue;
    const fail = { ok: false, error: field as RuleError, field } as const;
    if (field === 'host') {
      const host = normalHost(value.toLowerCase());
      if (!host) return fail;
      rule.host = `${host.subdomainsOnly ? '*.' : ''}${host.name}${host.port ? `:${host.port}` : ''}`;
    } else if (field === 'path') {
      if (!value.startsWith('/') || /[\s?#]/.test(value)) return fail;
      rule.path = value;
    } else if (field === 'code') {
      const lower = value.toLowerCase();
      const code = (STAGES as readonly string[]).includes(lower) || ['network', 'blocked'].includes(lower) || /^\dxx$/.test(lower) ? lower : value;
      // Firefox names certificate errors in English sentences, which a card's "ignore this code" copies.
      if (!(STAGES as readonly string[]).includes(code) && !CODE_PATTERN.test(code) && !/^[^\u0000-\u001f]{8,512}\.$/.test(code)) return fail;
      rule.code = code;
    } else if (field === 'type') {
      if (!(RESOURCE_TYPES as readonly string[]).includes(value)) return fail;
      rule.type = value;
    } else if (field === 'method') {
      if (!/^[A-Za-z]{1,16}$/.test(value)) return fail;
      rule.method = value.toUpperCase();
    } else {
      try {
        if (!/^(https?|wss?):$/.test(new URL(value).protocol)) return fail;
      } catch {
        return fail;
      }
      rule.url = value;
    }
  }
  if (Object.keys(rule).length === 0) return { ok: false, error: 'empty' };
  // "This exact request" needs both halves.
  if ((rule.method === undefined) !== (rule.url === undefined)) return { ok: false, error: rule.url === undefined ? 'url' : 'method' };
  return { ok: true, rule };
}

function hostMatches(ruleHost: string, url: URL): boolean {
  const [pattern, port] = ruleHost.split(/:(?=\d+$)/);
  if (port !== undefined && url.port !== port && !(url.port === '' && port === (url.protocol === 'https:' ? '443' : '80'))) return false;
  const name = url.hostname;
  if (pattern!.startsWith('*.')) return name.endsWith(pattern!.slice(1));
  return name === pattern || name.endsWith(`.${pattern}`);
}

const globCache = new Map<string, RegExp>();
function pathMatches(rulePath: string, path: string): boolean {
  if (!rulePath.includes('*')) return path.startsWith(rulePath);
  let glob = globCache.get(rulePath);
  if (!glob) {
    glob = new RegExp(`^${rulePath.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (globCache.size > 512) globCache.clear();
    globCache.set(rulePath, glob);
  }
  return glob.test(path);
}

function codeMatches(ruleCode: string, failure: Failure): boolean {
  const status = failure.errorName === undefined && /^\d+$/.test(failure.code) ? failure.code : undefined;
  if (/^\dxx$/.test(ruleCode)) return status?.[0] === ruleCode[0];
  if (/^\d+$/.test(ruleCode)) return status === ruleCode;
  if (ruleCode === 'blocked') return failure.blocked;
  if (ruleCode === 'network') return status === undefined && !failure.blocked;
  if ((STAGES as readonly string[]).includes(ruleCode)) return failure.stage === ruleCode;
  const bare = (code: string) => code.replace(/^net::/, '').replace(/^ERR_/, '');
  return failure.code === ruleCode || (failure.errorName !== undefined && bare(ruleCode) === failure.errorName) || bare(failure.code) === bare(ruleCode);
}

/** Whether one checked rule silences a failure. Called for failures only, never for successful requests. */
export function ruleMatches(rule: IgnoreRule, failure: Failure): boolean {
  if (rule.url !== undefined && (rule.url !== failure.url || rule.method !== failure.method)) return false;
  if (rule.code !== undefined && !codeMatches(rule.code, failure)) return false;
  if (rule.type !== undefined && rule.type !== failure.type) return false;
  if (rule.host === undefined && rule.path === undefined) return true;
  let url: URL;
  try {
    url = new URL(failure.url);
  } catch {
    return false;
  }
  return (rule.host === undefined || hostMatches(rule.host, url)) && (rule.path === undefined || pathMatches(rule.path, url.pathname));
}

/** The first rule that silences a failure, if any. */
export const ignoredBy = (rules: readonly IgnoreRule[], failure: Failure): IgnoreRule | undefined =>
  rules.find((rule) => ruleMatches(rule, failure));

/** What "Ignore…" on a card offers, narrowest first. */
export const IGNORE_SCOPES = ['request', 'host-code', 'host', 'code'] as const;
export type IgnoreScope = (typeof IGNORE_SCOPES)[number];

/** The rule one of the card's choices makes for a failure; undefined where it makes no sense (no host). */
export function ruleFor(scope: IgnoreScope, failure: Failure): IgnoreRule | undefined {
  let host = '';
  try {
    host = new URL(failure.url).hostname;
  } catch {
    // No host: only the exact request and the code can be ignored.
  }
  if (scope === 'request') return { method: failure.method, url: failure.url };
  if (scope === 'code') return { code: failure.code };
  if (!host) return undefined;
  return scope === 'host' ? { host } : { host, code: failure.code };
}

/** The same rule written twice (same fields, same values) is one rule. */
export const sameRule = (a: IgnoreRule, b: IgnoreRule): boolean =>
  RULE_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''));
