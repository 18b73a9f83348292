// A hostile page, with the real background in Node: endless failures of huge distinct URLs, huge header values,
// redirect chains of huge URLs, many hosts, 50 tabs and their frames, and a quarter of the requests whose end
// event never comes. What the worker holds after N failures (heap after gc, the per-request maps), and what
// it wrote to storage.session, at N and 2N: all must stay flat.
import { it, vi } from 'vitest';
import { freshBackground, heapAfterGc } from './background';
import { writeResult } from './results';

let browser: unknown;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (browser as Record<string | symbol, unknown>)[key] }),
}));

const HUGE = 'x'.repeat(20_000);
const headers = [
  ...Array.from({ length: 40 }, (_, i) => ({ name: 'WWW-Authenticate', value: `Bearer realm="${i}${HUGE}"` })),
  ...Array.from({ length: 40 }, (_, i) => ({ name: `X-Akamai-${i}`, value: HUGE })),
  ...Array.from({ length: 200 }, (_, i) => ({ name: `X-Junk-${i}`, value: HUGE })),
];

/** One hostile failure `i`: its own host and URL, a redirect chain, an error answer, and every fourth never ends. */
function fire(emit: (event: string, details: unknown) => void, i: number): void {
  const tabId = i % 50;
  const url = `https://h${i}.hostile.test/${i}/${HUGE}`;
  const base = { requestId: `r${i}`, tabId, frameId: i % 7, method: 'GET', timeStamp: i, initiator: `https://h${i % 997}.hostile.test` };
  for (let hop = 0; hop < 3; hop++) emit('webRequest.onBeforeRedirect', { ...base, type: 'script', url: `${url}/${hop}`, redirectUrl: `${url}/${hop + 1}` });
  emit('webRequest.onResponseStarted', { ...base, type: 'script', url, statusCode: 503, statusLine: `HTTP/1.1 503 ${HUGE}`, responseHeaders: headers });
  if (i % 4 === 0) return;
  if (i % 2) emit('webRequest.onErrorOccurred', { ...base, type: 'script', url, error: 'net::ERR_ABORTED' });
  else emit('webRequest.onCompleted', { ...base, type: 'xmlhttprequest', url, statusCode: 500, statusLine: `HTTP/1.1 500 ${HUGE}`, responseHeaders: headers });
}

async function measure(failures: number) {
  const background = await freshBackground((fake) => (browser = fake));
  const { answers, redirects } = await import('../../src/background/index');
  const before = heapAfterGc();
  for (let done = 0; done < failures; done += 1000) {
    for (let i = done; i < done + 1000; i++) fire(background.emit, i);
    await background.flush();
  }
  return {
    failures, heapBytes: heapAfterGc() - before, perRequestBytes: answers.bytes + redirects.bytes, perRequestEntries: answers.size + redirects.size,
    sessionBytes: background.sessionBytes(), sessionRecords: background.sessionRecords(), historyEntries: background.historyEntries(),
  };
}

it('hostile', async () => {
  await measure(2000); // warm-up
  writeResult('hostile', [await measure(10_000), await measure(20_000)]);
});
