// Pure data shapes shared by the classifier, the catalog and every UI that renders a diagnosis.
import type { CorsDetail } from './cors';

/** The steps of one HTTP request, in order. `browser` means it never left this computer. */
export const STAGES = ['browser', 'dns', 'connect', 'tls', 'send', 'wait', 'receive'] as const;
export type Stage = (typeof STAGES)[number];

/** How bad a failure is; drives the badge colour and notification thresholds. */
export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Whose side the problem is most likely on. */
export type Side = 'browser' | 'network' | 'site' | 'intermediary';

/** One catalog entry: everything a person reads about one status or error. */
export interface Explanation {
  /** Short headline, e.g. "Conflict with the current state". No code number in it. */
  title: string;
  side: Side;
  /** What happened at the failing stage, in plain words (one to three sentences). */
  what: string;
  /** What the visitor can do, most useful first. */
  visitor: readonly string[];
  /** What the site owner or developer should check, most useful first. */
  owner: readonly string[];
  /** Who defines it, e.g. "RFC 9110 §15.5.10" or "Cloudflare". */
  source?: string;
}

/** What the browser told us about one finished request: the input of every diagnosis. */
export interface Observation {
  url: string;
  method: string;
  /** webRequest resource type: main_frame, sub_frame, xmlhttprequest, image, ... */
  type: string;
  tabId: number;
  timeStamp: number;
  statusCode?: number;
  statusLine?: string;
  /** onErrorOccurred's string, exactly as the browser gave it. */
  error?: string;
  ip?: string;
  initiator?: string;
  /** The response headers the diagnosis reads, names in lower case. */
  headers?: Readonly<Record<string, string>>;
  /** Chromium: the document that made the request (its frame's parent document for sub-frames). */
  documentId?: string;
  /** The frame the request belongs to: 0 is the tab's top document (a sub-frame's own load names the new frame). */
  frameId?: number;
  /** URLs this request was redirected through, oldest first. */
  redirects?: readonly string[];
  /** A cross-origin fetch/XHR that failed without a reason: which CORS rule refused it, as far as was seen. */
  cors?: CorsDetail;
  /** The request came from a private (incognito) window. */
  private?: boolean;
  /** It failed because the device was offline (scope.ts `isOfflineFailure`, with the browser's own word then). */
  offline?: boolean;
}

/** Where a failure sits on the cycle; `null` from the classifier means "not a failure". */
export interface Classification {
  stage: Stage;
  /** The HTTP status (`"409"`), or the error string; a known-better Chromium name where we know more. */
  code: string;
  severity: Severity;
  /** Stopped by another extension (or cancelled, when those are shown): listed apart, never on the badge. */
  blocked: boolean;
  /** Chromium error name (no prefix) used to look up the explanation, for errors only. */
  errorName?: string;
}

/** One failure as stored: what was observed, where it failed, and how often it repeated.
 * Identical failures (same code, method and URL) fold into one record. */
export interface FailureRecord extends Observation, Classification {
  count: number;
  /** `timeStamp` is when it first happened; this is the latest repeat. */
  lastSeen: number;
}

/** One failure in the history: the record plus the page it happened on (empty for requests without a tab). */
export interface HistoryEntry extends FailureRecord {
  pageUrl: string;
  pageTitle?: string;
}
