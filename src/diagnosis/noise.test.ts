import { describe, expect, it } from 'vitest';
import { groupFailures } from './groups';
import { countsOnBadge, mayNotify, splitIgnored, type Quieting } from './noise';
import { observe } from './observe';
import { pageSummary } from './summary';
import { summarySentence } from './summary-text';

const failure = (url: string, extra: { statusCode?: number; error?: string; type?: string } = {}) =>
  ({ ...observe({ url, method: 'GET', type: extra.type ?? 'xmlhttprequest', tabId: 1, timeStamp: 1, ...extra })!, count: 1, lastSeen: 1 });

const quiet = (change: Partial<Quieting> = {}): Quieting => ({ rules: [], mySites: [], reactTo: 'all', quietThirdParties: false, ...change });
const mine = failure('https://api.mine.test/x', { statusCode: 500 });
const theirs = failure('https://cdn.other.test/x', { statusCode: 404 });

describe('what a failure does under the quieting choices', () => {
  it.each([
    // reactTo, page host, failure, counted
    ['all', 'page.other.test', mine, true],
    ['my-sites', 'www.mine.test', theirs, true],
    ['my-sites', 'page.other.test', mine, false],
    ['to-my-sites', 'page.other.test', mine, true],
    ['to-my-sites', 'www.mine.test', theirs, false],
  ] as const)('react to %s on %s', (reactTo, pageHost, f, counted) => {
    expect(countsOnBadge(quiet({ reactTo, mySites: ['mine.test'] }), f, pageHost)).toBe(counted);
  });

  it('react to counts everything while "Sites I work on" is empty', () => {
    expect(countsOnBadge(quiet({ reactTo: 'my-sites' }), theirs, 'page.other.test')).toBe(true);
  });

  it('an ignored failure is neither counted nor notified', () => {
    const rules = [{ host: 'other.test', code: '404' }];
    expect(countsOnBadge(quiet({ rules }), theirs, 'x.test')).toBe(false);
    expect(mayNotify(quiet({ rules }), theirs, 'x.test')).toBe(false);
    expect(mayNotify(quiet({ rules }), mine, 'x.test')).toBe(true);
  });

  it('a third party kept quiet is counted, never notified; the page\'s own site still notifies', () => {
    expect(countsOnBadge(quiet({ quietThirdParties: true }), theirs, 'www.mine.test')).toBe(true);
    expect(mayNotify(quiet({ quietThirdParties: true }), theirs, 'www.mine.test')).toBe(false);
    expect(mayNotify(quiet({ quietThirdParties: true }), mine, 'www.mine.test')).toBe(true);
  });

  it('splitIgnored keeps the order on both sides, and does nothing without rules', () => {
    const list = [mine, theirs, mine];
    expect(splitIgnored([], list).listed).toEqual(list);
    expect(splitIgnored([{ code: '500' }], list)).toEqual({ listed: [theirs], ignored: [mine, mine] });
  });
});

describe('layout: my sites first, being offline as one group', () => {
  it('hosts on "Sites I work on" come first, the rest in their usual order', () => {
    const a = { ...failure('https://a.test/', { statusCode: 404 }), lastSeen: 3 };
    const b = { ...failure('https://b.mine.test/', { statusCode: 404 }), lastSeen: 1 };
    const c = { ...failure('https://c.test/', { statusCode: 404 }), lastSeen: 2 };
    expect(groupFailures([a, b, c]).map((g) => g.host)).toEqual(['a.test', 'c.test', 'b.mine.test']);
    expect(groupFailures([a, b, c], (host) => host.endsWith('mine.test')).map((g) => g.host)).toEqual(['b.mine.test', 'a.test', 'c.test']);
  });

  it('offline failures share one group, first, and the summary says so', () => {
    const offline = [1, 2, 3].map((n) => ({ ...failure(`https://s${n}.test/`, { error: 'net::ERR_INTERNET_DISCONNECTED' }), offline: true }));
    const groups = groupFailures([theirs, ...offline]);
    expect(groups.map((g) => [g.kind, g.failures.length])).toEqual([['offline', 3], ['host', 1]]);
    const words = (key: string, ...values: (string | number)[]) => `${key}(${values.join(',')})`;
    expect(summarySentence(pageSummary([theirs, ...offline]), words)).toBe('summaryOffline(3)');
    expect(summarySentence(pageSummary([theirs]), words)).not.toMatch(/Offline/);
  });
});
