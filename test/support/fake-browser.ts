// A stand-in for the WebExtension API, enough to run the real background module in Node:
// listeners are captured so recorded events can be replayed into them.
type Listener = (...args: never[]) => unknown;

export interface FakeBrowser {
  browser: unknown;
  /** Deliver one event to every listener registered for it, e.g. 'webRequest.onCompleted'. */
  emit(event: string, ...args: unknown[]): void;
  listeners: Map<string, Listener[]>;
  session: Map<string, unknown>;
  badges: Map<number, { text: string; color?: string }>;
  /** Each tab's popup, as `action.setPopup` last set it. */
  popups: Map<number, string>;
  /** What storage.session may hold, counted as Chromium counts it (keys and values, strings in UTF-8 bytes); beyond it a set fails as Chromium's does. */
  quota: { sessionBytes: number };
}

/** Bytes of a storage area as Chromium's quota counts them: a string value is its UTF-8 bytes, anything else its JSON. */
export const storedBytes = (items: Map<string, unknown>): number =>
  [...items].reduce((sum, [key, value]) => sum + new TextEncoder().encode(key + (typeof value === 'string' ? value : JSON.stringify(value))).length, 0);

export function createFakeBrowser(): FakeBrowser {
  const listeners = new Map<string, Listener[]>();
  const session = new Map<string, unknown>();
  const badges = new Map<number, { text: string; color?: string }>();
  const popups = new Map<number, string>();
  const quota = { sessionBytes: Infinity };
  const event = (name: string) => ({
    addListener: (fn: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), fn]),
    removeListener: (fn: Listener) => listeners.set(name, (listeners.get(name) ?? []).filter((f) => f !== fn)),
  });
  const area = (store: Map<string, unknown>, limit = () => Infinity) => ({
    get: async (keys: unknown) => {
      if (keys === null || keys === undefined) return Object.fromEntries(store);
      if (typeof keys === 'string') return store.has(keys) ? { [keys]: store.get(keys) } : {};
      return { ...(keys as object), ...Object.fromEntries(store) };
    },
    set: async (items: Record<string, unknown>) => {
      if (storedBytes(new Map([...store, ...Object.entries(items)])) > limit()) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    },
    remove: async (keys: string | string[]) => [keys].flat().forEach((k) => store.delete(k)),
    onChanged: event('storage.area.onChanged'),
  });
  const browser = {
    webRequest: {
      onBeforeRedirect: event('webRequest.onBeforeRedirect'),
      onCompleted: event('webRequest.onCompleted'),
      onErrorOccurred: event('webRequest.onErrorOccurred'),
      onResponseStarted: event('webRequest.onResponseStarted'),
      onHeadersReceived: event('webRequest.onHeadersReceived'),
      onSendHeaders: event('webRequest.onSendHeaders'),
    },
    webNavigation: { onCommitted: event('webNavigation.onCommitted') },
    tabs: {
      onRemoved: event('tabs.onRemoved'),
      onUpdated: event('tabs.onUpdated'),
      onActivated: event('tabs.onActivated'),
      get: async (tabId: number) => ({ id: tabId, url: `https://example.com/tab/${tabId}`, title: `Tab ${tabId}`, active: false }),
    },
    runtime: { onMessage: event('runtime.onMessage'), onSuspend: event('runtime.onSuspend'), getURL: (path: string) => `chrome-extension://fake-extension-id/${path}` },
    storage: { session: area(session, () => quota.sessionBytes), local: area(new Map()), sync: { ...area(new Map()), onChanged: event('storage.sync.onChanged') } },
    alarms: { onAlarm: event('alarms.onAlarm'), create: async () => {}, clear: async () => true, getAll: async () => [] },
    action: {
      setPopup: async ({ tabId, popup }: { tabId: number; popup: string }) => void popups.set(tabId, popup),
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => badges.set(tabId, { ...badges.get(tabId), text }),
      setBadgeBackgroundColor: async ({ tabId, color }: { tabId: number; color: string }) =>
        badges.set(tabId, { text: badges.get(tabId)?.text ?? '', color }),
    },
  };
  return {
    browser,
    listeners,
    session,
    badges,
    popups,
    quota,
    emit: (name, ...args) => listeners.get(name)?.forEach((fn) => (fn as (...a: unknown[]) => unknown)(...args)),
  };
}
