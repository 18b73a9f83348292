import { describe, expect, it } from 'vitest';
import { openAction, type OpenTabs } from './open-rule';

const page = 'https://shop.test/cart';
const normalTab = { url: 'https://other.test/', windowId: 1, incognito: false };
const privateTab = { url: 'https://other.test/', windowId: 2, incognito: true };

describe('Open in tab', () => {
  describe('a failure of a normal window', () => {
    it('switches to its tab while it shows the page', () =>
      expect(openAction({ tabId: 4, pageUrl: page }, new Map([[4, { ...normalTab, url: `${page}#top` }]]))).toEqual({ kind: 'switch', tabId: 4, windowId: 1 }));
    it('opens the page in a new tab (the History\'s window) once the tab moved on or closed', () => {
      expect(openAction({ tabId: 4, pageUrl: page }, new Map([[4, normalTab]]))).toEqual({ kind: 'open', url: page });
      expect(openAction({ tabId: 4, pageUrl: page }, new Map())).toEqual({ kind: 'open', url: page });
    });
    it('switches to the tab of an unknown page; nothing once it closed, nor without a tab', () => {
      expect(openAction({ tabId: 4, pageUrl: '' }, new Map([[4, normalTab]]))).toMatchObject({ kind: 'switch', tabId: 4 });
      expect(openAction({ tabId: 4, pageUrl: '' }, new Map())).toBeUndefined();
      expect(openAction({ tabId: -1, pageUrl: '' }, new Map([[4, normalTab]]))).toBeUndefined();
    });
  });

  describe('a failure of a private window', () => {
    const entry = { tabId: 9, pageUrl: page, private: true };
    it('switches to its tab while it shows the page', () =>
      expect(openAction(entry, new Map([[9, { ...privateTab, url: page }]]))).toEqual({ kind: 'switch', tabId: 9, windowId: 2 }));
    it('opens in its tab\'s private window once the tab moved on', () =>
      expect(openAction(entry, new Map([[3, { ...privateTab, windowId: 5 }], [9, privateTab]]))).toEqual({ kind: 'open', url: page, windowId: 2 }));
    it('opens in another private window still open once its tab closed', () =>
      expect(openAction(entry, new Map([[1, normalTab], [3, { ...privateTab, windowId: 5 }]]))).toEqual({ kind: 'open', url: page, windowId: 5 }));
    it('never in a normal window: with no private window open, nothing', () => {
      const onlyNormal: OpenTabs = new Map([[1, normalTab], [4, { ...normalTab, url: page }]]);
      expect(openAction(entry, onlyNormal)).toBeUndefined();
      expect(openAction(entry, new Map())).toBeUndefined();
      // A private tab whose window is not known is no window to open in.
      expect(openAction(entry, new Map([[3, { url: 'https://other.test/', incognito: true }]]))).toBeUndefined();
    });
  });
});
