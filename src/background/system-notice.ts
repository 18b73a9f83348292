// What a system notification about a failure says. The operating system keeps notifications outside the
// browser (a notification centre, the lock screen): one from a private window never names the address. Pure.
import type { MessageKey } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';

/** Notifications show a short address. */
const URL_SHOWN = 200;

/** The message and its substitutions; `stage` is the stage's name in the interface language. */
export function systemNoticeBody(record: Pick<FailureRecord, 'code' | 'url' | 'private'>, stage: string): [MessageKey, ...string[]] {
  return record.private ? ['systemNoticeBodyPrivate', record.code, stage] : ['systemNoticeBody', record.code, stage, record.url.slice(0, URL_SHOWN)];
}
