// The page summary over mixed records: the rules, and the English sentence they produce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { kindOf, pageFailure, pageSummary, type PageStatus } from './summary';
import { summarySentence, worstStageText, type Words } from './summary-text';
import type { Classification, Observation } from './types';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'));
/** chrome.i18n.getMessage's substitution, over the real English messages. */
const english: Words = (key, ...subs) => {
  const entry = messages[key];
  if (!entry) throw new Error(`no message ${key}`);
  return entry.message
    .replace(/\$(\w+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
};

let serial = 0;
/** A record as the background stores it, classified by the real classifier. */
function record(type: string, outcome: number | string, url = `https://shop.test/r${++serial}`): Observation & Classification & { count: number } {
  const observation: Observation = { url, method: 'GET', type, tabId: 1, timeStamp: ++serial,
    ...(typeof outcome === 'number' ? { statusCode: outcome } : { error: outcome }) };
  return { ...observation, ...classify(observation, { includeAborted: true })!, count: 1 };
}

describe('pageSummary', () => {
  it.each<[string, ReturnType<typeof record>[], PageStatus, string, string]>([
    ['nothing failed', [], 'ok', '', 'Nothing has failed on this page so far.'],
    ['a favicon 404 alone is harmless', [record('image', 404, 'https://shop.test/favicon.ico')], 'partial', 'image',
      "Only the site's icon (favicon) failed; this breaks nothing."],
    ['a failed script likely breaks the page', [record('script', 404), record('image', 404, 'https://shop.test/favicon.ico')], 'partial', 'script,image',
      'This page loaded, but 1 script and 1 image failed, so parts of it may not work.'],
    ['failed API calls likely break the page', [record('xmlhttprequest', 500), record('xmlhttprequest', 'net::ERR_CONNECTION_REFUSED'), record('xmlhttprequest', 503)],
      'partial', 'api', 'This page loaded, but 3 API calls failed, so parts of it may not work.'],
    ['image, script and fetch', [record('image', 404), record('script', 500), record('xmlhttprequest', 502)], 'partial', 'script,api,image',
      'This page loaded, but 1 script, 1 API call and 1 image failed, so parts of it may not work.'],
    ['only images and fonts change the looks', [record('image', 404), record('image', 410), record('font', 404)], 'partial', 'image,font',
      'Only 2 images and 1 font failed; the page works, but may look incomplete.'],
    ['only blocked requests', [record('script', 'net::ERR_BLOCKED_BY_CLIENT'), record('image', 'net::ERR_BLOCKED_BY_CLIENT')], 'blocked', '',
      'Your content blocker stopped 2 requests; the site itself reported no error.'],
    ['the page itself answered 503', [record('main_frame', 503), record('image', 404)], 'failed', 'document,image',
      'The page itself failed: the server answered 503.'],
    ['the page itself failed to resolve', [record('main_frame', 'net::ERR_NAME_NOT_RESOLVED')], 'failed', 'document',
      'The page itself failed at the DNS lookup step (NAME_NOT_RESOLVED).'],
    ['a blocked request next to a failed one counts only the failed one', [record('script', 'net::ERR_BLOCKED_BY_CLIENT'), record('stylesheet', 404)],
      'partial', 'stylesheet', 'Only 1 stylesheet failed; the page works, but may look incomplete.'],
  ])('%s', (_, failures, status, kinds, sentence) => {
    const summary = pageSummary(failures);
    expect(summary.status).toBe(status);
    expect(summary.kinds.join(',')).toBe(kinds);
    expect(summarySentence(summary, english)).toBe(sentence);
  });

  it('blocked-only and a failed page are told apart even when both have one record', () => {
    expect(pageSummary([record('main_frame', 'net::ERR_BLOCKED_BY_CLIENT')]).status).toBe('blocked');
    expect(pageSummary([record('main_frame', 'net::ERR_CONNECTION_RESET')]).status).toBe('failed');
    expect(summarySentence(pageSummary([record('main_frame', 'net::ERR_BLOCKED_BY_CLIENT')]), english)).toBe(
      'Your content blocker stopped 1 request; the site itself reported no error.');
  });

  it('the worst failure is the page itself when it failed, else what breaks most, then the earliest stage', () => {
    const page = record('main_frame', 502);
    expect(pageSummary([record('script', 'net::ERR_NAME_NOT_RESOLVED'), page]).worst).toBe(page);
    const dnsScript = record('script', 'net::ERR_NAME_NOT_RESOLVED');
    expect(pageSummary([record('image', 'net::ERR_CONNECTION_REFUSED'), record('xmlhttprequest', 500), dnsScript]).worst).toBe(dnsScript);
    expect(worstStageText(pageSummary([dnsScript]), english)).toBe('Worst failed step: DNS lookup');
    expect(pageSummary([]).worst).toBeUndefined();
  });

  it('the page failure is the newest failure of the document itself, never a blocked one', () => {
    const older = record('main_frame', 'net::ERR_NAME_NOT_RESOLVED');
    const newer = { ...record('main_frame', 503), lastSeen: 1e9 };
    expect(pageFailure([older, newer, record('script', 404)])).toBe(newer);
    expect(pageFailure([record('main_frame', 'net::ERR_BLOCKED_BY_CLIENT'), record('image', 404)])).toBeUndefined();
  });

  it('counts distinct requests per kind, repeats once', () => {
    const repeated = { ...record('xmlhttprequest', 500), count: 40 };
    expect(pageSummary([repeated, record('xmlhttprequest', 404)]).counts).toEqual({ api: 2 });
  });

  it('every resource type of Chromium and Firefox has a kind; unknown ones are "other"', () => {
    expect(['main_frame', 'sub_frame', 'script', 'xmlhttprequest', 'websocket', 'stylesheet', 'image', 'imageset', 'font', 'media', 'ping', 'beacon', 'csp_report', 'object', '', 'weird']
      .map(kindOf)).toEqual(['document', 'frame', 'script', 'api', 'api', 'stylesheet', 'image', 'image', 'font', 'media', 'other', 'other', 'other', 'other', 'other', 'other']);
  });
});
