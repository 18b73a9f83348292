// @vitest-environment happy-dom
// The History list's cards: Open in tab only where it can do something.
import { describe, expect, it, vi } from 'vitest';
import { observe } from '../../diagnosis/observe';
import { catalogFor } from '../../diagnosis/catalog';
import type { HistoryEntry } from '../../shared/protocol';

vi.mock('../../shared/browser', () => ({ default: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en-US' } } }));
const { entryCard } = await import('./list');

const entry = (tabId: number, pageUrl: string): HistoryEntry => ({
  ...observe({ url: 'https://api.test/x', method: 'GET', type: 'xmlhttprequest', tabId, timeStamp: 1, statusCode: 500 })!,
  pageUrl,
});

describe('Open in tab', async () => {
  const catalog = await catalogFor([entry(1, '')]);
  const open = (e: HistoryEntry, tabs: Map<number, { url: string }>) =>
    entryCard(e, { catalog, tabs, grouping: 'none' }).querySelector('[data-action="open-tab"]') !== null;

  it('is offered when the page is known, its tab open or not', () => {
    expect(open(entry(4, 'https://shop.test/'), new Map())).toBe(true);
    expect(open(entry(4, 'https://shop.test/'), new Map([[4, { url: 'https://other.test/' }]]))).toBe(true);
  });
  it('is offered for an unknown page while its tab is open (it switches there)', () => {
    expect(open(entry(4, ''), new Map([[4, { url: 'https://shop.test/' }]]))).toBe(true);
  });
  it('is not offered for an unknown page whose tab closed, nor for requests without a tab', () => {
    expect(open(entry(4, ''), new Map())).toBe(false);
    expect(open(entry(-1, ''), new Map())).toBe(false);
  });
});

describe('a failure of a private window', async () => {
  const catalog = await catalogFor([entry(1, '')]);
  const secret = { ...entry(9, 'https://private.test/'), private: true };
  const card = (tabs: Map<number, { url: string; windowId?: number; incognito?: boolean }>) => entryCard(secret, { catalog, tabs, grouping: 'none' });

  it('says so on its card', () => {
    const shown = card(new Map());
    expect(shown.hasAttribute('data-private')).toBe(true);
    expect(shown.querySelector('.history-meta .private')?.textContent).toBe('privateWindow');
    expect(entryCard(entry(4, 'https://shop.test/'), { catalog, tabs: new Map(), grouping: 'none' }).hasAttribute('data-private')).toBe(false);
  });
  it('offers Open in tab only while a private window is open, never to open it in a normal one', () => {
    const button = (tabs: Map<number, { url: string; windowId?: number; incognito?: boolean }>) => card(tabs).querySelector('[data-action="open-tab"]');
    expect(button(new Map([[1, { url: 'https://shop.test/', windowId: 1, incognito: false }]]))).toBeNull();
    expect(button(new Map([[3, { url: 'about:blank', windowId: 2, incognito: true }]]))?.getAttribute('title')).toBe('openInPrivateOnly');
  });
});
