// Replays recorded browser event sequences through the real background module (against a fake browser).
// Each test file mocks '../../src/shared/browser' with the fake and calls vi.resetModules() per test.
import { readFileSync } from 'node:fs';
import { fromStored, TAB_LOG_PREFIX, type TabLog } from '../../src/shared/protocol';
import type { FakeBrowser } from './fake-browser';

export interface Recorded {
  event: string;
  details: { tabId: number; error?: string };
}

export function loadFixture(browser: 'chromium' | 'firefox', name: string): { events: Recorded[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/${browser}-events/${name}.json`, import.meta.url), 'utf8'));
}

/** Load the background fresh, deliver every event in order, write everything, return the stored logs. */
export async function replay(fake: FakeBrowser, events: readonly Recorded[]): Promise<TabLog[]> {
  const store = await import('../../src/background/store');
  await import('../../src/background/index');
  await store.ready;
  for (const { event, details } of events) fake.emit(event.includes('.') ? event : `webRequest.${event}`, details);
  await store.flush();
  return storedTabLogs(fake);
}

/** The tab logs in the fake storage.session, read back from their JSON text. */
export const storedTabLogs = (fake: FakeBrowser): TabLog[] =>
  [...fake.session].filter(([key]) => key.startsWith(TAB_LOG_PREFIX)).map(([, value]) => fromStored(value) as TabLog);

/** "stage code ×count" per stored failure, the shape most assertions compare. */
export const codes = (logs: TabLog[]): string[] => logs.flatMap((log) => log.failures.map((f) => `${f.stage} ${f.code} ×${f.count}`));
