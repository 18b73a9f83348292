// The advice rules, one small function each, in the order their notes are shown.
import { clockTime, layerName, waitFor } from './advice-words';
import type { Values } from './catalog/template';
import type { AdviceKey, Catalog } from './catalog/types';
import { answeredBy, type Layer, MAX_LISTED_METHODS, parseAllow, parseChallenge, parseRetryAfter, requestIds, siteOf } from './headers-parse';
import type { Classification, Observation } from './types';
import { hostOf, isFavicon } from './url';

export interface Advice {
  /** Observed facts, most important first, shown above the generic explanation's steps. */
  notes: string[];
  visitor: string[];
  owner: string[];
  /** The layer that produced the error, when headers tell. */
  layer?: Layer;
  requestIds: [string, string][];
}

export interface AdviceContext {
  failure: Observation & Classification;
  headers: Readonly<Record<string, string>>;
  /** The HTTP status, when the failure is one. */
  status: number | undefined;
  method: string;
  catalog: Catalog;
  /** Whether the status's facts list this rule id. */
  applies(id: string): boolean;
  say(key: AdviceKey, values?: Values): string;
}

export interface AdviceRule {
  id: string;
  /** Runs only for statuses whose facts list it; otherwise for every failure. */
  forStatus?: true;
  add(context: AdviceContext, out: Advice): void;
}

const UNSAFE_METHODS = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);
const UPLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function safeUrl(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

const retryAfter: AdviceRule = {
  id: 'retryAfter',
  add({ headers, status, failure, catalog, applies, say }, out) {
    const value = headers['retry-after'];
    if (value === undefined || status === undefined) return;
    const parsed = parseRetryAfter(value, failure.timeStamp);
    if (parsed.kind === 'wait') {
      const wait = waitFor(parsed.seconds, catalog.locale);
      out.visitor.unshift(say('retryIn', { wait, time: clockTime(parsed.at, failure.timeStamp, catalog.locale) }));
      if (applies('maintenance')) out.notes.push(say('maintenance'));
    } else if (parsed.kind === 'past') out.visitor.unshift(say('retryNow'));
    else if (parsed.kind === 'far') out.visitor.unshift(say('retryFar'));
    else out.visitor.unshift(say('retryUnreadable', { value: parsed.value }));
    out.owner.push(say('ownerRetryAfter'));
  },
};

const allow: AdviceRule = {
  id: 'allow',
  forStatus: true,
  add({ headers, method, say }, out) {
    if (headers.allow === undefined) return void out.owner.push(say('allowedMissing'));
    // Present but empty is an answer too (RFC 9110: no method is allowed here).
    const methods = parseAllow(headers.allow);
    if (!methods.length) return void out.notes.push(say(headers.allow.trim() ? 'allowedMissing' : 'allowedNone'));
    const listed = methods.length > MAX_LISTED_METHODS ? `${methods.slice(0, MAX_LISTED_METHODS).join(', ')}, …` : methods.join(', ');
    out.notes.push(say(methods.includes(method.toUpperCase()) ? 'allowedSelf' : 'allowed', { methods: listed, method }));
  },
};

/** WWW-Authenticate on any answer; Proxy-Authenticate where the status is the proxy's (407). */
const challenge: AdviceRule = {
  id: 'challenge',
  add({ headers, applies, say }, out) {
    const proxy = applies('proxyChallenge');
    const header = proxy ? headers['proxy-authenticate'] : headers['www-authenticate'];
    const parsed = header ? parseChallenge(header) : undefined;
    if (!parsed) return;
    const { scheme, realm } = parsed;
    out.notes.push(proxy ? say('authProxy', { scheme }) : realm ? say('authSchemeRealm', { scheme, realm }) : say('authScheme', { scheme }));
    if (parsed.error) out.visitor.push(say('tokenRejected', { detail: parsed.errorDescription ?? parsed.error }));
  },
};

const note = (id: AdviceKey): AdviceRule => ({ id, forStatus: true, add: ({ say }, out) => void out.notes.push(say(id)) });

function loopNote(a: URL | undefined, b: URL | undefined): AdviceKey | undefined {
  if (!a || !b) return undefined;
  if (a.protocol !== b.protocol) return 'loopSchemes';
  const bare = (url: URL): string => url.hostname.replace(/^www\./, '');
  if (bare(a) === bare(b) && a.hostname !== b.hostname) return 'loopWww';
  if (a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '')) return 'loopSlash';
  return undefined;
}

const redirects: AdviceRule = {
  id: 'redirects',
  add({ failure, say }, out) {
    const chain = failure.redirects;
    if (!chain?.length) return;
    out.notes.push(say('redirectChain', { count: chain.length }));
    if (failure.errorName !== 'TOO_MANY_REDIRECTS') return;
    const seen = new Map<string, number>();
    for (const url of [...chain, failure.url]) seen.set(url, (seen.get(url) ?? 0) + 1);
    const repeating = [...seen].filter(([, n]) => n > 1).map(([url]) => url);
    const cycle = repeating.length ? repeating : [failure.url];
    out.notes.push(say('loopUrls', { urls: cycle.slice(0, 4).join(' → ') }));
    const kind = cycle.length === 1 ? 'loopSame' : loopNote(safeUrl(cycle[0]), safeUrl(cycle[1]));
    if (kind) out.notes.push(say(kind));
    out.owner.push(say('ownerLoop'));
  },
};

/** Who answered; a proxy that could not reach the server behind it (502, 504, 52x) points at the origin. */
const whoAnswered: AdviceRule = {
  id: 'whoAnswered',
  add({ headers, status, catalog, applies, say }, out) {
    const layer = answeredBy(headers);
    if (!layer || status === undefined) return;
    out.layer = layer;
    if (layer.proxy && applies('proxyNoAnswer')) {
      out.notes.push(say('proxyNoAnswer', { layer: layerName(layer, catalog) }));
      out.owner.unshift(say('ownerOriginFix'));
      // A proxy or CDN passes the origin's answers on (and Cloudflare rewrites Server): it is not the one to blame.
    } else out.notes.push(say(layer.proxy ? 'passedThrough' : 'answeredBy', { layer: layerName(layer, catalog) }));
  },
};

const ids: AdviceRule = { id: 'requestIds', add: ({ headers }, out) => void (out.requestIds = requestIds(headers)) };

const body: AdviceRule = {
  id: 'body',
  add({ headers, status, failure, say }, out) {
    if (status === undefined) return;
    const type = (headers['content-type'] ?? '').toLowerCase();
    if (/json/.test(type)) out.notes.push(say('bodyApi'));
    else if (failure.type === 'main_frame' && type.includes('html')) out.notes.push(say('bodyHtml'));
  },
};

const editConflict: AdviceRule = {
  id: 'editConflict',
  forStatus: true,
  add: ({ method, say }, out) => void (UNSAFE_METHODS.has(method) && out.notes.push(say('editConflict', { method }))),
};

const precondition: AdviceRule = {
  id: 'precondition',
  forStatus: true,
  add: ({ method, say }, out) => void (UNSAFE_METHODS.has(method) && out.owner.push(say('ownerPrecondition'))),
};

/** A webRequest resource type (Chromium's or Firefox's) → the words naming that part of a page. */
const PART_WORDS: Readonly<Record<string, AdviceKey>> = {
  image: 'partImage', imageset: 'partImage', script: 'partScript', stylesheet: 'partStylesheet', font: 'partFont',
  sub_frame: 'partFrame', xmlhttprequest: 'partApi', media: 'partMedia', object: 'partObject', object_subrequest: 'partObject',
  ping: 'partPing', beacon: 'partPing', csp_report: 'partPing', websocket: 'partWebsocket',
};
export const partWords = (type: string): AdviceKey => (Object.hasOwn(PART_WORDS, type) ? PART_WORDS[type]! : 'partOther');

const missing: AdviceRule = {
  id: 'missing',
  forStatus: true,
  add({ failure, say }, out) {
    if (isFavicon(failure.url)) {
      out.notes.push(say('faviconMissing'));
      out.owner.push(say('ownerFavicon'));
    } else if (failure.type === 'main_frame') out.notes.push(say('pageMissing'));
    else out.notes.push(say('subresourceMissing', { part: say(partWords(failure.type)) }));
  },
};

const uploadTooLarge: AdviceRule = {
  id: 'uploadTooLarge',
  forStatus: true,
  add: ({ method, say }, out) => void (UPLOAD_METHODS.has(method) && out.visitor.unshift(say('uploadTooLarge'))),
};

/** Firefox has one error for two different things: say so rather than guess. */
const resetOrEmpty: AdviceRule = {
  id: 'resetOrEmpty',
  add: ({ failure, say }, out) => void (failure.error === 'NS_ERROR_NET_RESET' && out.notes.push(say('resetOrEmpty'))),
};

const thirdParty: AdviceRule = {
  id: 'thirdParty',
  add({ failure, say }, out) {
    const host = hostOf(failure.url);
    const pageHost = hostOf(failure.initiator);
    if (host && pageHost && failure.type !== 'main_frame' && siteOf(host) !== siteOf(pageHost)) out.notes.push(say('thirdParty', { host }));
  },
};

/** Modifiers read by other rules through `applies`, listed in facts.json but adding nothing alone. */
export const MODIFIER_IDS = ['maintenance', 'proxyChallenge', 'proxyNoAnswer'];

export const ADVICE_RULES: readonly AdviceRule[] = [
  retryAfter, allow, challenge, note('unauthorizedVsForbidden'), note('forbiddenVsUnauthorized'), redirects, whoAnswered, ids,
  editConflict, precondition, missing, uploadTooLarge, note('legal'), resetOrEmpty, thirdParty,
  // Last: that the body is out of sight is worth a line, never the first one.
  body,
];
