// Who may send which message, and which shapes pass: the table of both, with hostile inputs.
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '../diagnosis/observe';
import { senderAllowed, senderKind, validMessage, type SenderKind } from './message-guard';
import { MessageType, type BackgroundMessage, type Sender } from './protocol';

const ref = { tabId: 12, method: 'GET', code: '503', url: 'https://shop.test/api' };
const good: Record<string, Record<string, unknown>> = {
  [MessageType.ClearTab]: { type: MessageType.ClearTab, tabId: 12 },
  [MessageType.DismissNotice]: { type: MessageType.DismissNotice, revision: 3 },
  [MessageType.GetNotice]: { type: MessageType.GetNotice },
  [MessageType.OpenReport]: { type: MessageType.OpenReport, line: 2 },
  [MessageType.NoticeSize]: { type: MessageType.NoticeSize, height: 180 },
  [MessageType.Recheck]: { type: MessageType.Recheck, ...ref },
  [MessageType.Watch]: { type: MessageType.Watch, ...ref },
  [MessageType.StopWatch]: { type: MessageType.StopWatch, id: '0b7f4c1e-2a3d-4f5e-8a9b-1c2d3e4f5a6b' },
  [MessageType.ClearHistory]: { type: MessageType.ClearHistory },
};

const own = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const page = (path: string): string => `${own.origin}${path}`;
const tab = { id: 7, index: 2 };

const senders: Record<string, Sender> = {
  popup: { id: own.id, url: page('src/popup/index.html'), origin: own.origin.slice(0, -1) },
  'report in a tab': { id: own.id, url: page('src/popup/index.html?tab=4'), tab },
  'History in a tab': { id: own.id, url: page('src/popup/index.html?view=history'), tab },
  settings: { id: own.id, url: page('src/options/index.html'), tab },
  'DevTools panel': { id: own.id, url: page('src/devtools/panel.html') },
  'Firefox popup (no origin given)': { id: own.id, url: page('src/popup/index.html') },
  'notice frame': { id: own.id, url: page('src/content/notice.html'), tab, origin: own.origin.slice(0, -1) },
  'notice frame with a query': { id: own.id, url: page('src/content/notice.html?tab=7#x'), tab },
  'notice page outside any tab': { id: own.id, url: page('src/content/notice.html') },
  'notice page with tab -1': { id: own.id, url: page('src/content/notice.html'), tab: { id: -1, index: 0 } },
  'content script': { id: own.id, url: 'https://shop.test/cart', tab, origin: 'https://shop.test' },
  'content script on a page whose path looks like ours': { id: own.id, url: 'https://shop.test/src/popup/index.html', tab },
  'content script naming our page as url but its own origin': { id: own.id, url: page('src/popup/index.html'), tab, origin: 'https://shop.test' },
  'another extension': { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' },
  'another extension using our url': { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: page('src/popup/index.html') },
  'an origin that only starts like ours': { id: own.id, url: `${own.origin.slice(0, -1)}x/src/popup/index.html` },
  'no id': { url: page('src/popup/index.html') },
  'no url': { id: own.id, tab },
  'nothing at all': {},
};

describe('sender kinds', () => {
  it.each<[string, SenderKind]>([
    ['popup', 'extension-page'],
    ['report in a tab', 'extension-page'],
    ['History in a tab', 'extension-page'],
    ['settings', 'extension-page'],
    ['DevTools panel', 'extension-page'],
    ['Firefox popup (no origin given)', 'extension-page'],
    ['notice frame', 'notice-frame'],
    ['notice frame with a query', 'notice-frame'],
    ['notice page outside any tab', 'foreign'],
    ['notice page with tab -1', 'foreign'],
    ['content script', 'foreign'],
    ['content script on a page whose path looks like ours', 'foreign'],
    ['content script naming our page as url but its own origin', 'foreign'],
    ['another extension', 'foreign'],
    ['another extension using our url', 'foreign'],
    ['an origin that only starts like ours', 'foreign'],
    ['no id', 'foreign'],
    ['no url', 'foreign'],
    ['nothing at all', 'foreign'],
  ])('%s → %s', (name, kind) => {
    expect(senderKind(senders[name]!, own)).toBe(kind);
  });
});

describe('who may send what', () => {
  const pageOnly: BackgroundMessage['type'][] = [MessageType.ClearTab, MessageType.Recheck, MessageType.Watch, MessageType.StopWatch, MessageType.ClearHistory];
  const noticeOnly: BackgroundMessage['type'][] = [MessageType.DismissNotice, MessageType.GetNotice, MessageType.OpenReport, MessageType.NoticeSize];
  it.each(pageOnly)('%s: extension pages only', (type) => {
    expect(senderAllowed(type, senders.popup!, own)).toBe(true);
    expect(senderAllowed(type, senders.settings!, own)).toBe(true);
    expect(senderAllowed(type, senders['notice frame']!, own)).toBe(false);
    expect(senderAllowed(type, senders['content script']!, own)).toBe(false);
    expect(senderAllowed(type, senders['another extension']!, own)).toBe(false);
  });
  it.each(noticeOnly)('%s: the notification frame only', (type) => {
    expect(senderAllowed(type, senders['notice frame']!, own)).toBe(true);
    expect(senderAllowed(type, senders.popup!, own)).toBe(false);
    expect(senderAllowed(type, senders['content script']!, own)).toBe(false);
    expect(senderAllowed(type, senders['notice page outside any tab']!, own)).toBe(false);
  });
  it('every background message has its rule', () => expect([...pageOnly, ...noticeOnly].sort()).toEqual(Object.keys(good).sort()));
  it.each([MessageType.ShowNotice, MessageType.HideNotice, MessageType.NoticeChanged])('%s (to pages) is never taken by the background', (type) => {
    expect(validMessage({ type })).toBeUndefined();
  });
});

describe('message shapes', () => {
  it.each(Object.entries(good))('a right %s passes, as a fresh copy', (_type, message) => {
    const valid = validMessage(message);
    expect(valid).toEqual(message);
    expect(valid).not.toBe(message);
  });

  it.each<[string, unknown]>([
    ['a dismiss without revision', { type: MessageType.DismissNotice }],
    ['the requests without a tab (-1)', { type: MessageType.ClearTab, tabId: -1 }],
    ['a recheck of an error code', { type: MessageType.Recheck, ...ref, code: 'net::ERR_CONNECTION_REFUSED' }],
    ['a Firefox certificate sentence as code', { type: MessageType.Watch, ...ref, code: 'Peer’s Certificate issuer is not recognized.' }],
    ['a clipped URL at its full length', { type: MessageType.Recheck, ...ref, url: `https://a.test/${'x'.repeat(MAX_URL_LENGTH - 15)}…` }],
    ['a WebDAV method', { type: MessageType.Recheck, ...ref, method: 'PROPFIND' }],
  ])('passes: %s', (_name, message) => {
    expect(validMessage(message)).toEqual(message);
  });

  const huge = 'x'.repeat(1_000_000);
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'recheck'],
    ['a number', 42],
    ['an array', [MessageType.ClearHistory]],
    ['no type', { tabId: 3 }],
    ['a numeric type', { type: 1 }],
    ['an unknown type', { type: 'evaluate' }],
    ['__proto__ as type', { type: '__proto__' }],
    ['constructor as type', { type: 'constructor' }],
    ['toString as type', { type: 'toString' }],
    ['hasOwnProperty as type', { type: 'hasOwnProperty' }],
    ['a type inherited, not own', Object.create({ type: MessageType.ClearHistory })],
    ['an own __proto__ key', JSON.parse('{"type":"clear-history","__proto__":{"tabId":3}}')],
    ['an unknown extra field', { type: MessageType.ClearHistory, tabId: 3 }],
    ['a huge type', { type: huge }],
    ['a tab id as text', { type: MessageType.ClearTab, tabId: '12' }],
    ['a fractional tab id', { type: MessageType.ClearTab, tabId: 1.5 }],
    ['tab id -2', { type: MessageType.ClearTab, tabId: -2 }],
    ['tab id NaN', { type: MessageType.ClearTab, tabId: Number.NaN }],
    ['tab id Infinity', { type: MessageType.ClearTab, tabId: Infinity }],
    ['tab id beyond safe integers', { type: MessageType.ClearTab, tabId: 2 ** 60 }],
    ['no tab id', { type: MessageType.ClearTab }],
    ['a recheck without url', { type: MessageType.Recheck, tabId: 1, method: 'GET', code: '503' }],
    ['a huge url', { type: MessageType.Recheck, ...ref, url: huge }],
    ['an empty url', { type: MessageType.Recheck, ...ref, url: '' }],
    ['a url object', { type: MessageType.Recheck, ...ref, url: { href: 'https://a.test/' } }],
    ['a method with a space', { type: MessageType.Recheck, ...ref, method: 'GET /' }],
    ['a method with a newline', { type: MessageType.Watch, ...ref, method: 'GET\r\nX-A: 1' }],
    ['a long method', { type: MessageType.Recheck, ...ref, method: 'G'.repeat(17) }],
    ['an empty code', { type: MessageType.Watch, ...ref, code: '' }],
    ['a huge code', { type: MessageType.Watch, ...ref, code: huge }],
    ['a numeric code', { type: MessageType.Watch, ...ref, code: 503 }],
    ['a watch id with slashes', { type: MessageType.StopWatch, id: '../watches' }],
    ['a huge watch id', { type: MessageType.StopWatch, id: huge }],
    ['a watch id as number', { type: MessageType.StopWatch, id: 7 }],
    ['a negative revision', { type: MessageType.DismissNotice, revision: -1 }],
    ['a revision as text', { type: MessageType.DismissNotice, revision: '3' }],
    ['a GetNotice naming another tab', { type: MessageType.GetNotice, tabId: 3 }],
    ['an OpenReport naming another tab', { type: MessageType.OpenReport, tabId: 3 }],
    ['an OpenReport naming a line beyond those shown', { type: MessageType.OpenReport, line: 5 }],
    ['an OpenReport naming a line by text', { type: MessageType.OpenReport, line: '#failure=x' }],
    ['a NoticeSize without a height', { type: MessageType.NoticeSize }],
    ['a NoticeSize of 0', { type: MessageType.NoticeSize, height: 0 }],
    ['a NoticeSize taller than any notice', { type: MessageType.NoticeSize, height: 100_000 }],
    ['a NoticeSize with a fraction', { type: MessageType.NoticeSize, height: 12.5 }],
    ['a NoticeSize naming a position', { type: MessageType.NoticeSize, height: 100, position: 'top-left' }],
  ])('refused: %s', (_name, message) => {
    expect(validMessage(message)).toBeUndefined();
  });

  it('an object whose fields throw is refused, not thrown', () => {
    const hostile = { type: MessageType.ClearTab, get tabId(): number { throw new Error('boom'); } };
    expect(validMessage(hostile)).toBeUndefined();
    expect(validMessage(new Proxy({}, { ownKeys: () => { throw new Error('boom'); } }))).toBeUndefined();
  });
});
