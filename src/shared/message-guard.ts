// Who may send which message to the background, and what shape each message must have: every rule once.
// Pure: the background passes in the sender and its own id and origin. A message failing either gets no answer.
import { MAX_URL_LENGTH } from '../diagnosis/observe';
import { MAX_NOTICE_HEIGHT, MAX_NOTICE_LINES } from './notice-lines';
import { MessageType, type BackgroundMessage, type Sender } from './protocol';

/** The notification page, framed by web pages (web-accessible): it speaks only for the tab it sits in. */
export const NOTICE_PAGE = '/src/content/notice.html';

/**
 * `extension-page`: popup, report, History, settings, DevTools panel. `notice-frame`: the notification frame
 * inside a tab. `foreign`: anything else, such as a content script, whose url is the web page's own (what
 * a compromised renderer can send from).
 */
export type SenderKind = 'extension-page' | 'notice-frame' | 'foreign';

/** This extension as the browser names it: `runtime.id`, and `runtime.getURL('')` (with its trailing slash). */
export interface OwnExtension {
  id: string;
  origin: string;
}

export function senderKind(sender: Sender, own: OwnExtension): SenderKind {
  // Compared as text: URL parsing gives extension schemes no origin outside the browser.
  const { url } = sender;
  if (sender.id !== own.id || !own.origin.endsWith('/') || typeof url !== 'string' || !url.startsWith(own.origin)) return 'foreign';
  // Chromium names the sending document's origin too: a content script's is the page's.
  if (sender.origin !== undefined && `${sender.origin}/` !== own.origin) return 'foreign';
  const path = `/${url.slice(own.origin.length).split(/[?#]/, 1)[0]}`;
  if (path === NOTICE_PAGE) return Number.isSafeInteger(sender.tab?.id) && sender.tab!.id! >= 0 ? 'notice-frame' : 'foreign';
  return 'extension-page';
}

/** Who may send each message: the notification frame only its own four, which act on its own tab. */
const SENDERS: Record<BackgroundMessage['type'], SenderKind> = {
  [MessageType.ClearTab]: 'extension-page',
  [MessageType.UndoClear]: 'extension-page',
  [MessageType.TeamTest]: 'extension-page',
  [MessageType.TeamResetId]: 'extension-page',
  [MessageType.TeamOthers]: 'extension-page',
  [MessageType.DismissNotice]: 'notice-frame',
  [MessageType.GetNotice]: 'notice-frame',
  [MessageType.OpenReport]: 'notice-frame',
  [MessageType.NoticeSize]: 'notice-frame',
  [MessageType.Recheck]: 'extension-page',
  [MessageType.Watch]: 'extension-page',
  [MessageType.StopWatch]: 'extension-page',
  [MessageType.ClearHistory]: 'extension-page',
};

export const senderAllowed = (type: BackgroundMessage['type'], sender: Sender, own: OwnExtension): boolean => SENDERS[type] === senderKind(sender, own);

// Field checks. Failure codes are the status, or the browser's error string cut at 512 characters (observe.ts).
const tabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= -1;
const text = (max: number) => (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
/** An HTTP method: an RFC 9110 token, as long as observe.ts keeps it. */
const method = (v: unknown): v is string => typeof v === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,16}$/.test(v);
/** A clipped URL ends in one more character, the ellipsis. */
const url = text(MAX_URL_LENGTH + 1);
const code = text(512);
const watchId = (v: unknown): v is string => typeof v === 'string' && /^[0-9A-Za-z-]{1,64}$/.test(v);
const revision = (v: unknown): v is number | undefined => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0);
const noticeLine = (v: unknown): v is number | undefined => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < MAX_NOTICE_LINES);
const noticeHeight = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= MAX_NOTICE_HEIGHT;

type Check = (value: unknown) => boolean;
const FAILURE_REF: Record<string, Check> = { tabId, method, code, url };

/** The fields of each message type (besides `type`) and their checks; no other field is accepted. */
const SHAPES: Record<BackgroundMessage['type'], Record<string, Check>> = {
  [MessageType.ClearTab]: { tabId },
  [MessageType.UndoClear]: { tabId },
  [MessageType.TeamTest]: {},
  [MessageType.TeamResetId]: {},
  [MessageType.TeamOthers]: FAILURE_REF,
  [MessageType.DismissNotice]: { revision },
  [MessageType.GetNotice]: {},
  [MessageType.OpenReport]: { line: noticeLine },
  [MessageType.NoticeSize]: { height: noticeHeight },
  [MessageType.Recheck]: FAILURE_REF,
  [MessageType.Watch]: FAILURE_REF,
  [MessageType.StopWatch]: { id: watchId },
  [MessageType.ClearHistory]: {},
};

/** The message as a fresh plain object when its type and every field are right; otherwise undefined. Never throws. */
export function validMessage(message: unknown): BackgroundMessage | undefined {
  try {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
    const fields = message as Record<string, unknown>;
    const type = Object.hasOwn(fields, 'type') ? fields.type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return undefined;
    const shape = SHAPES[type as BackgroundMessage['type']];
    const copy: Record<string, unknown> = { type };
    for (const key of Object.keys(fields)) {
      if (key === 'type') continue;
      if (!Object.hasOwn(shape, key)) return undefined;
      copy[key] = fields[key];
    }
    for (const [key, check] of Object.entries(shape)) if (!check(copy[key])) return undefined;
    return copy as unknown as BackgroundMessage;
  } catch {
    // Only an object with throwing accessors gets here; messages between contexts are plain data.
    return undefined;
  }
}
