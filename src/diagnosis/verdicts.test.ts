// The verdicts agree with each other (issue 30): for each kind of page, the summary sentence, the failure
// it names as the worst, that failure's likely side, its notes and its advice lists, read together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullCatalog } from './catalog/full';
import { classify } from './classify';
import { explain } from './explain';
import { breaksNothing, pageSummary } from './summary';
import { summarySentence, type Words } from './summary-text';
import type { Classification, Observation, Side } from './types';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'));
const english: Words = (key, ...subs) => messages[key]!.message
  .replace(/\$(\w+)\$/g, (_, name: string) => messages[key]!.placeholders?.[name.toLowerCase()]?.content ?? '')
  .replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
const catalog = await fullCatalog({ language: 'en', locale: 'en-GB' });

type Failure = Observation & Classification & { count: number };
let serial = 0;
/** A request of the page on https://shop.test, classified by the real classifier. */
function request(type: string, outcome: number | string, url = `https://shop.test/r${++serial}`, extra: Partial<Observation> = {}): Failure {
  const observation: Observation = { url, method: 'GET', type, tabId: 1, timeStamp: ++serial, initiator: 'https://shop.test', ...extra,
    ...(typeof outcome === 'number' ? { statusCode: outcome } : { error: outcome }) };
  return { ...observation, ...classify(observation, { includeAborted: true })!, count: 1 };
}

/** "Nothing for you to do" and its kin: a note that says so must not sit above a list of things to do. */
const NOTHING_TO_DO = /nothing for you to do|nothing to do|breaks nothing/i;

interface Verdict { sentence: RegExp; worst: string; side: Side; notes?: RegExp; visitorAdvice: boolean; calm: boolean }

describe('summary, worst failure, likely side, notes and lists agree', () => {
  it.each<[string, Failure[], Verdict]>([
    ['favicon 404 only (the calm page)', [request('image', 404, 'https://shop.test/favicon.ico')],
      { sentence: /breaks nothing/, worst: '404', side: 'site', notes: /nothing for you to do/, visitorAdvice: false, calm: true }],
    ['an image 404: looks incomplete', [request('image', 404)],
      { sentence: /^Only 1 image failed; the page works/, worst: '404', side: 'site', visitorAdvice: true, calm: false }],
    ['a 409 on a POST: the conflict is with the data the site holds, not the browser', [request('xmlhttprequest', 409, undefined, { method: 'POST' })],
      { sentence: /1 API call failed, so parts of it may not work/, worst: '409', side: 'site', visitorAdvice: true, calm: false }],
    ['a 401: the browser did not prove who it is', [request('xmlhttprequest', 401)],
      { sentence: /1 API call failed/, worst: '401', side: 'browser', visitorAdvice: true, calm: false }],
    ['a 429: this browser asked too often', [request('xmlhttprequest', 429)],
      { sentence: /1 API call failed/, worst: '429', side: 'browser', visitorAdvice: true, calm: false }],
    ['a 500 (server error class)', [request('xmlhttprequest', 500)],
      { sentence: /1 API call failed/, worst: '500', side: 'site', visitorAdvice: true, calm: false }],
    ['a 502: a proxy or CDN in between', [request('xmlhttprequest', 502)],
      { sentence: /1 API call failed/, worst: '502', side: 'intermediary', visitorAdvice: true, calm: false }],
    ['the page itself 503', [request('main_frame', 503), request('image', 404)],
      { sentence: /^The page itself failed: the server answered 503/, worst: '503', side: 'site', visitorAdvice: true, calm: false }],
    ['DNS: the name does not exist', [request('script', 'net::ERR_NAME_NOT_RESOLVED', 'https://static.shop.test/app.js')],
      { sentence: /1 script failed/, worst: 'net::ERR_NAME_NOT_RESOLVED', side: 'site', visitorAdvice: true, calm: false }],
    ['connect: refused', [request('xmlhttprequest', 'net::ERR_CONNECTION_REFUSED')],
      { sentence: /1 API call failed/, worst: 'net::ERR_CONNECTION_REFUSED', side: 'site', visitorAdvice: true, calm: false }],
    ['TLS: an untrusted certificate', [request('xmlhttprequest', 'net::ERR_CERT_AUTHORITY_INVALID')],
      { sentence: /1 API call failed/, worst: 'net::ERR_CERT_AUTHORITY_INVALID', side: 'site', visitorAdvice: true, calm: false }],
    ['wait: an empty answer', [request('xmlhttprequest', 'net::ERR_EMPTY_RESPONSE')],
      { sentence: /1 API call failed/, worst: 'net::ERR_EMPTY_RESPONSE', side: 'site', visitorAdvice: true, calm: false }],
    ['no internet at all: your network', [request('xmlhttprequest', 'net::ERR_INTERNET_DISCONNECTED')],
      { sentence: /1 API call failed/, worst: 'net::ERR_INTERNET_DISCONNECTED', side: 'network', visitorAdvice: true, calm: false }],
    ['a redirect loop: its notes count the redirects it went through', [request('xmlhttprequest', 'net::ERR_TOO_MANY_REDIRECTS', 'https://shop.test/loop',
      { redirects: Array.from({ length: 20 }, (_, i) => `https://shop.test/loop?${i}`) })],
      { sentence: /1 API call failed/, worst: 'net::ERR_TOO_MANY_REDIRECTS', side: 'site', notes: /went through 20 redirects/, visitorAdvice: true, calm: false }],
    ["the page's own API 500 beside an unrelated host's DNS failure: the page's own is the worst", [
      request('script', 'net::ERR_NAME_NOT_RESOLVED', 'https://tracker.other.test/t.js'), request('xmlhttprequest', 500)],
    { sentence: /1 script and 1 API call failed/, worst: '500', side: 'site', visitorAdvice: true, calm: false }],
    ['a favicon 404 beside a failing API: no longer calm', [request('image', 404, 'https://shop.test/favicon.ico'), request('xmlhttprequest', 503)],
      { sentence: /1 API call and 1 image failed/, worst: '503', side: 'site', visitorAdvice: true, calm: false }],
  ])('%s', (_, failures, verdict) => {
    const summary = pageSummary(failures);
    expect(summarySentence(summary, english)).toMatch(verdict.sentence);
    expect(summary.worst?.code).toBe(verdict.worst);
    const diagnosis = explain(summary.worst!, catalog);
    expect(diagnosis.side).toBe(verdict.side);
    if (verdict.notes) expect(diagnosis.notes.join('\n')).toMatch(verdict.notes);
    expect(diagnosis.visitor.length > 0).toBe(verdict.visitorAdvice);
    expect(breaksNothing(failures)).toBe(verdict.calm);
    // A note that says there is nothing to do is never followed by things to do.
    if (diagnosis.notes.some((note) => NOTHING_TO_DO.test(note))) expect(diagnosis.visitor).toEqual([]);
  });

  it('the words for a request without step times do not say it got no answer (a redirect loop got 20)', () => {
    expect(english('timingGap_network_error')).not.toMatch(/no answer/);
  });
});
