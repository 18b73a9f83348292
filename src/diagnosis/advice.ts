// Advice specific to what was observed: headers, method, resource type and who answered.
import type { AdviceTexts } from './catalog/types';
import { answeredBy, MAX_LISTED_METHODS, parseAllow, parseChallenge, parseRetryAfter, requestIds, siteOf } from './headers-parse';
import { httpStatusOf } from './status';
import type { Classification, Observation } from './types';
import { hostOf, isFavicon } from './url';

export interface Advice {
  /** Observed facts, most important first, shown above the generic explanation's steps. */
  notes: string[];
  visitor: string[];
  owner: string[];
  /** The layer that produced the error, when headers tell. */
  layer?: string;
  requestIds: [string, string][];
}

const UNSAFE_METHODS = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);
const pad = (n: number): string => String(n).padStart(2, '0');

function duration(seconds: number, texts: AdviceTexts): string {
  if (seconds < 90) return texts.durationSeconds(seconds);
  if (seconds < 90 * 60) return texts.durationMinutes(Math.round(seconds / 60));
  if (seconds <= 24 * 3600) return texts.durationHours(Math.round(seconds / 3600));
  return texts.durationLong();
}

function redirectAdvice(redirects: readonly string[], url: string, looped: boolean, texts: AdviceTexts, out: Advice): void {
  out.notes.push(texts.redirectChain(redirects.length));
  if (!looped) return;
  const seen = new Map<string, number>();
  for (const u of [...redirects, url]) seen.set(u, (seen.get(u) ?? 0) + 1);
  const repeating = [...seen].filter(([, n]) => n > 1).map(([u]) => u);
  const cycle = repeating.length ? repeating : [url];
  out.notes.push(texts.loopUrls(cycle.slice(0, 4).join(' → ')));
  const [a, b] = cycle;
  const ua = a ? safeUrl(a) : undefined;
  const ub = b ? safeUrl(b) : undefined;
  if (cycle.length === 1) out.notes.push(texts.loopSame());
  else if (ua && ub && ua.protocol !== ub.protocol) out.notes.push(texts.loopSchemes());
  else if (ua && ub && ua.hostname.replace(/^www\./, '') === ub.hostname.replace(/^www\./, '') && ua.hostname !== ub.hostname) out.notes.push(texts.loopWww());
  else if (ua && ub && ua.pathname.replace(/\/$/, '') === ub.pathname.replace(/\/$/, '')) out.notes.push(texts.loopSlash());
  out.owner.push(texts.ownerLoop());
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Everything the observation adds to the catalog text. Never throws on odd input. */
export function adviceFor(failure: Observation & Classification, texts: AdviceTexts): Advice {
  const out: Advice = { notes: [], visitor: [], owner: [], requestIds: [] };
  const headers = failure.headers ?? {};
  const status = httpStatusOf(failure);
  const method = failure.method.toUpperCase();

  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && status !== undefined) {
    const parsed = parseRetryAfter(retryAfter, failure.timeStamp);
    if (parsed.kind === 'wait') {
      const at = new Date(parsed.at);
      out.visitor.unshift(texts.retryIn(duration(parsed.seconds, texts), `${pad(at.getHours())}:${pad(at.getMinutes())}`));
      if (status === 503) out.notes.push(texts.maintenance());
    } else if (parsed.kind === 'past') out.visitor.unshift(texts.retryNow());
    else out.visitor.unshift(texts.retryUnreadable(parsed.value));
    out.owner.push(texts.ownerRetryAfter());
  }

  if (status === 405) {
    const methods = parseAllow(headers.allow ?? '');
    if (methods.length) {
      const listed = methods.length > MAX_LISTED_METHODS ? `${methods.slice(0, MAX_LISTED_METHODS).join(', ')}, …` : methods.join(', ');
      out.notes.push(texts.allowed(listed, method));
    } else out.owner.push(texts.allowedMissing());
  }

  const challengeHeader = status === 407 ? headers['proxy-authenticate'] : headers['www-authenticate'];
  const challenge = challengeHeader ? parseChallenge(challengeHeader) : undefined;
  if (challenge) {
    out.notes.push(status === 407 ? texts.authProxy(challenge.scheme) : texts.authScheme(challenge.scheme, challenge.realm));
    if (challenge.error) out.visitor.push(texts.tokenRejected(challenge.errorDescription ?? challenge.error));
  }
  if (status === 401) out.notes.push(texts.unauthorizedVsForbidden());
  if (status === 403) out.notes.push(texts.forbiddenVsUnauthorized());

  if (failure.redirects?.length) redirectAdvice(failure.redirects, failure.url, failure.errorName === 'TOO_MANY_REDIRECTS', texts, out);

  const layer = answeredBy(headers);
  if (layer && status !== undefined) {
    out.layer = layer.name;
    const proxyError = status === 502 || status === 504 || (status >= 520 && status <= 527) || status === 530;
    if (proxyError && layer.proxy) {
      out.notes.push(texts.proxyNoAnswer(layer.name));
      out.owner.unshift(texts.ownerOriginFix());
    } else out.notes.push(texts.answeredBy(layer.name));
  }
  out.requestIds = requestIds(headers);

  const contentType = (headers['content-type'] ?? '').toLowerCase();
  if (status !== undefined && /json/.test(contentType)) out.notes.push(texts.bodyApi());
  else if (status !== undefined && failure.type === 'main_frame' && contentType.includes('html')) out.notes.push(texts.bodyHtml());

  if ((status === 409 || status === 412 || status === 428) && UNSAFE_METHODS.has(method)) {
    out.notes.push(texts.editConflict(method));
    if (status !== 409) out.owner.push(texts.ownerPrecondition());
  }
  if (status === 404 || status === 410) {
    if (isFavicon(failure.url)) {
      out.notes.push(texts.faviconMissing());
      out.owner.push(texts.ownerFavicon());
    } else if (failure.type === 'main_frame') out.notes.push(texts.pageMissing());
    else out.notes.push(texts.subresourceMissing(failure.type));
  }
  if (status === 413 && (method === 'POST' || method === 'PUT' || method === 'PATCH')) out.visitor.unshift(texts.uploadTooLarge());
  if (status === 451) out.notes.push(texts.legal());

  // Firefox has one error for two different things: say so rather than guess.
  if (failure.error === 'NS_ERROR_NET_RESET') out.notes.push(texts.resetOrEmpty());

  const requestHost = hostOf(failure.url);
  const pageHost = hostOf(failure.initiator);
  if (requestHost && pageHost && failure.type !== 'main_frame' && siteOf(requestHost) !== siteOf(pageHost)) {
    out.notes.push(texts.thirdParty(requestHost));
  }
  return out;
}
