import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import type { Observation } from './types';

const failed = (error: string) =>
  classify({ url: 'https://a.test/', method: 'GET', type: 'main_frame', tabId: 3, timeStamp: 0, error } satisfies Observation);

describe('Firefox error strings are diagnosed like their Chromium twins', () => {
  it.each([
    ['NS_ERROR_UNKNOWN_HOST', 'dns', 'NAME_NOT_RESOLVED'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connect', 'CONNECTION_REFUSED'],
    ['NS_ERROR_NET_RESET', 'wait', 'CONNECTION_RESET'],
    ['NS_ERROR_NET_TIMEOUT', 'wait', 'TIMED_OUT'],
    ['NS_ERROR_NET_INTERRUPT', 'wait', 'CONNECTION_CLOSED'],
    ['NS_ERROR_NET_ON_RESOLVING', 'dns', 'NAME_RESOLUTION_FAILED'],
    ['NS_ERROR_NET_ON_CONNECTING_TO', 'connect', 'CONNECTION_FAILED'],
    ['NS_ERROR_NET_ON_TLS_HANDSHAKE_ENDED', 'tls', 'SSL_PROTOCOL_ERROR'],
    ['NS_ERROR_NET_ON_WAITING_FOR', 'wait', 'EMPTY_RESPONSE'],
    ['NS_ERROR_REDIRECT_LOOP', 'receive', 'TOO_MANY_REDIRECTS'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'connect', 'PROXY_CONNECTION_FAILED'],
    ['NS_ERROR_UNKNOWN_PROXY_HOST', 'connect', 'PROXY_CONNECTION_FAILED'],
    ['NS_ERROR_OFFLINE', 'connect', 'INTERNET_DISCONNECTED'],
    ['The certificate is not trusted because it is self-signed.', 'tls', 'CERT_AUTHORITY_INVALID'],
    ['Peer\u2019s Certificate issuer is not recognized.', 'tls', 'CERT_AUTHORITY_INVALID'],
    ["Peer's Certificate has expired.", 'tls', 'CERT_DATE_INVALID'],
    ['The certificate is only valid for other.test', 'tls', 'CERT_COMMON_NAME_INVALID'],
    ['Peer\u2019s Certificate has been revoked.', 'tls', 'CERT_REVOKED'],
  ])('%s → %s', (error, stage, errorName) => {
    expect(failed(error)).toMatchObject({ stage, errorName, code: error });
  });

  it.each(['NS_BINDING_ABORTED', 'NS_BINDING_REDIRECTED'])('%s is not a failure', (error) => expect(failed(error)).toBeNull());
  it('an unknown NS_ error still gets a stage', () => expect(failed('NS_ERROR_NET_SOMETHING_NEW')?.stage).toBeDefined());
});
