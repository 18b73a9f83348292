// Step timings for the report, read from the tab's own Resource Timing entries when the report opens:
// nothing runs in pages while browsing. One executeScript into every frame, asking only for the failed URLs.
import browser from '../shared/browser';
import { timingsFor, wantedUrls, type FrameEntries } from '../diagnosis/timing-match';
import type { Timings } from '../diagnosis/timings';
import type { FailureRecord } from '../shared/protocol';
import { failureOf } from '../card/card';
import { showTimings } from '../card/timings';

/** Runs inside each frame (serialized by executeScript: it must not use anything from outside). */
function readEntries(urls: string[]): FrameEntries {
  const wanted = new Set(urls);
  const resources = performance.getEntriesByType('resource');
  const pick = (list: PerformanceEntryList): FrameEntries['entries'] =>
    list.filter((entry) => wanted.has(entry.name.split('#')[0]!)).map((entry) => entry.toJSON());
  return {
    timeOrigin: performance.timeOrigin,
    count: resources.length,
    entries: [...pick(performance.getEntriesByType('navigation')), ...pick(resources)],
  };
}

const isFrame = (value: unknown): value is FrameEntries =>
  typeof (value as FrameEntries | null)?.timeOrigin === 'number' && Array.isArray((value as FrameEntries).entries);

/** Every readable frame of the tab; null when none could be read (error pages, browser pages, no access). */
async function readFrames(tabId: number, urls: string[]): Promise<FrameEntries[] | null> {
  if (tabId < 0) return null;
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readEntries, args: [urls] });
    const frames = results.map((result) => result.result).filter(isFrame);
    return frames.length ? frames : null;
  } catch {
    return null;
  }
}

/** A failure is read once per report; its record object changes with every storage update. */
const keyOf = (f: FailureRecord): string => `${f.code} ${f.method} ${f.timeStamp} ${f.url}`;
const known = new Map<string, Timings>();

/** Read what is not known yet, then put the figures on every card in `list`. */
export async function addTimings(list: HTMLElement, tabId: number): Promise<void> {
  list.dataset.timings = 'reading';
  const cardFailures = (): [Element, FailureRecord][] => [...list.querySelectorAll('[data-failure]')]
    .map((card): [Element, FailureRecord | undefined] => [card, failureOf(card)])
    .filter((pair): pair is [Element, FailureRecord] => !!pair[1] && !pair[1].blocked);
  const unread = cardFailures().map(([, failure]) => failure).filter((failure) => !known.has(keyOf(failure)));
  if (unread.length) {
    const frames = await readFrames(tabId, wantedUrls(unread));
    for (const failure of unread) known.set(keyOf(failure), timingsFor(failure, frames));
  }
  // The list may have been rebuilt meanwhile: apply to the cards there now, and forget failures it no longer lists.
  const listed = new Set<string>();
  for (const [card, failure] of cardFailures()) {
    listed.add(keyOf(failure));
    const timings = known.get(keyOf(failure));
    if (timings) showTimings(card, timings, failure);
  }
  for (const key of known.keys()) if (!listed.has(key)) known.delete(key);
  performance.mark('timings-shown');
  list.dataset.timings = 'ready';
}
