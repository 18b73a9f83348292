// Observation → where it failed on the HTTP cycle. Returns null for anything that is not a failure.
import type { CorsRule } from './cors';
import { firefoxTwin } from './firefox-errors';
import { guessStage, NET_ERROR_STAGES } from './net-errors';
import type { Classification, Observation, Severity, Stage } from './types';

/** Chromium follows at most 20 redirects; a main-frame loop then surfaces as ERR_ABORTED. */
export const REDIRECT_LIMIT = 20;

const CHROMIUM_PREFIX = 'net::ERR_';

/** The Chromium error name (no prefix) behind any browser's error string, if we recognise it. */
export function errorNameOf(error: string): string | undefined {
  const trimmed = error.trim();
  if (trimmed.startsWith(CHROMIUM_PREFIX)) return trimmed.slice(CHROMIUM_PREFIX.length).split(/[\s(]/)[0];
  return firefoxTwin(trimmed);
}

function severityOf(stage: Stage, status: number | undefined, blocked: boolean): Severity {
  if (blocked || stage === 'browser') return 'info';
  if (status !== undefined && status < 500) return 'warning';
  return 'error';
}

function classifyStatus(status: number): Classification | null {
  // Status 0 and other nonsense are not an HTTP answer we can judge; 999 and friends are.
  if (!Number.isFinite(status) || status < 400 || status > 999) return null;
  const code = String(Math.trunc(status));
  return { stage: 'receive', code, severity: severityOf('receive', status, false), blocked: false };
}

export interface ClassifyOptions {
  /** Keep cancelled requests (shown apart, like blocked ones) instead of dropping them. */
  includeAborted?: boolean;
}

function classifyError(error: string, redirectCount: number, options: ClassifyOptions): Classification | null {
  let name = errorNameOf(error);
  let code = error;
  if (name === 'ABORTED') {
    if (redirectCount >= REDIRECT_LIMIT) {
      // A main frame that hit the redirect limit is a loop, not a cancel.
      name = 'TOO_MANY_REDIRECTS';
      code = CHROMIUM_PREFIX + name;
    } else if (options.includeAborted) {
      return { stage: 'browser', code, severity: 'info', blocked: true, errorName: name };
    } else {
      return null;
    }
  }
  const stage = (name === undefined ? undefined : NET_ERROR_STAGES.get(name)) ?? guessStage(error);
  const blocked = name === 'BLOCKED_BY_CLIENT';
  return { stage, code, severity: severityOf(stage, undefined, blocked), blocked, errorName: name };
}

/** Place one finished request on the cycle (from its error, status and redirects). Successful and cancelled requests give null. */
export function classify(observation: Partial<Observation>, options: ClassifyOptions = {}): Classification | null {
  const { error, statusCode, redirects } = observation;
  if (typeof error === 'string' && error !== '') return classifyError(error, redirects?.length ?? 0, options);
  if (typeof statusCode === 'number') return classifyStatus(statusCode);
  return null;
}

/** A CORS refusal: stopped in the browser, but the server's configuration is at fault, and the page's request failed. */
export const classifyCors = (rule: CorsRule): Classification => ({ stage: 'browser', code: rule, severity: 'error', blocked: false, errorName: rule });
