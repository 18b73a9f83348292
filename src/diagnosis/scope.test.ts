import { describe, expect, it } from 'vitest';
import { isOfflineFailure, isThirdParty, onHostList, parseSiteList, reactsTo } from './scope';

describe('sites I work on', () => {
  it.each([
    ['example.com', ['example.com'], true],
    ['api.example.com', ['example.com'], true],
    ['notexample.com', ['example.com'], false],
    ['example.com', ['api.example.com'], false],
    ['API.Example.com', ['example.com'], true],
    ['xn--bcher-kva.example', ['xn--bcher-kva.example'], true],
    ['', ['example.com'], false],
  ])('%s on %j: %s', (host, list, expected) => {
    expect(onHostList(host, list)).toBe(expected);
  });

  it('reads the list as people type or paste it', () => {
    expect(parseSiteList('example.com\n  https://App.Example.org:8443/path?q\n*.cdn.test\nbücher.example\n\nnot a host\nexample.com\n')).toEqual({
      sites: ['example.com', 'app.example.org', 'cdn.test', 'xn--bcher-kva.example'],
      invalid: ['not a host'],
    });
  });

  it.each([
    // reactTo, request host, page host, reacts
    ['all', 'ads.test', 'news.test', true],
    ['my-sites', 'ads.test', 'app.example.com', true],
    ['my-sites', 'api.example.com', 'news.test', false],
    ['to-my-sites', 'api.example.com', 'news.test', true],
    ['to-my-sites', 'ads.test', 'app.example.com', false],
  ] as const)('%s: a failure of %s on a page of %s reacts: %s', (reactTo, requestHost, pageHost, expected) => {
    expect(reactsTo(reactTo, ['example.com'], requestHost, pageHost)).toBe(expected);
  });

  it('reacts to everything while the list is empty', () => {
    expect(reactsTo('my-sites', [], 'ads.test', 'news.test')).toBe(true);
  });
});

describe('third parties', () => {
  it.each([
    ['cdn.example.com', 'www.example.com', false],
    ['tracker.test', 'www.example.com', true],
    ['a.example.co.uk', 'b.example.co.uk', false],
    ['a.co.uk', 'b.co.uk', true],
    ['', 'www.example.com', false],
  ])('%s on %s: %s', (request, page, expected) => {
    expect(isThirdParty(request, page)).toBe(expected);
  });
});

describe('offline', () => {
  it.each([
    ['net::ERR_INTERNET_DISCONNECTED', 'INTERNET_DISCONNECTED', true, true],
    ['net::ERR_NETWORK_CHANGED', 'NETWORK_CHANGED', true, true],
    ['NS_ERROR_OFFLINE', 'NS_ERROR_OFFLINE', true, true],
    ['net::ERR_NAME_NOT_RESOLVED', 'NAME_NOT_RESOLVED', false, true],
    ['net::ERR_NAME_NOT_RESOLVED', 'NAME_NOT_RESOLVED', true, false],
    ['NS_ERROR_UNKNOWN_HOST', undefined, false, true],
    ['net::ERR_CONNECTION_REFUSED', 'CONNECTION_REFUSED', false, false],
    ['503', undefined, false, false],
  ])('%s (online: %s)', (code, errorName, online, expected) => {
    expect(isOfflineFailure(code, errorName, online)).toBe(expected);
  });
});
