import { describe, expect, it } from 'vitest';
import { systemNoticeBody } from './system-notice';

const record = { code: 'net::ERR_NAME_NOT_RESOLVED', url: 'https://intranet.example/secret?token=1' };

describe('the system notification of a failure', () => {
  it('names the address of a failure in a normal window', () =>
    expect(systemNoticeBody(record, 'DNS')).toEqual(['systemNoticeBody', record.code, 'DNS', record.url]));
  it('never names the address (nor its host) of a failure in a private window', () => {
    const body = systemNoticeBody({ ...record, private: true }, 'DNS');
    expect(body).toEqual(['systemNoticeBodyPrivate', record.code, 'DNS']);
    expect(body.join(' ')).not.toMatch(/intranet|secret/);
  });
  it('cuts a long address', () => expect(systemNoticeBody({ ...record, url: `https://a.test/${'x'.repeat(5000)}` }, 'DNS')[3]).toHaveLength(200));
});
