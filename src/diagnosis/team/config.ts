// Team mode's settings as stored (storage.local: the password stays on this browser), read defensively. Pure.
import { TEAM_SINKS, type TeamSink } from './record';

export interface TeamConfig {
  sink: TeamSink;
  /** ClickHouse: the HTTP interface's base URL; OpenTelemetry: the collector's OTLP/HTTP base URL. */
  endpoint: string;
  user: string;
  /** A password (ClickHouse), or a token sent as `Authorization: Bearer` (OpenTelemetry, with no user). */
  password: string;
  /** The read-only user that answers "is it only me?" (ClickHouse only; none: the card does not ask). */
  readUser: string;
  readPassword: string;
  /** Send URLs with their query strings. */
  includeQuery: boolean;
}

export const TEAM_CONFIG_KEY = 'team-config';
export const TEAM_INSTALL_ID_KEY = 'team-install-id';
export const TEAM_QUEUE_KEY = 'team-queue';

export const teamDefaults: TeamConfig = { sink: 'off', endpoint: '', user: '', password: '', readUser: '', readPassword: '', includeQuery: false };

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** Only http(s) endpoints; anything else reads as none. */
export function endpointOf(value: unknown): string {
  const typed = text(value, 2048).trim();
  try {
    const url = new URL(typed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

export function normalizeTeamConfig(stored: unknown): TeamConfig {
  const value = (stored ?? {}) as Partial<Record<keyof TeamConfig, unknown>>;
  return {
    sink: TEAM_SINKS.includes(value.sink as TeamSink) ? (value.sink as TeamSink) : 'off',
    endpoint: endpointOf(value.endpoint),
    user: text(value.user, 256),
    password: text(value.password, 1024),
    readUser: text(value.readUser, 256),
    readPassword: text(value.readPassword, 1024),
    includeQuery: value.includeQuery === true,
  };
}

/** Team mode sends only once it has a sink, an endpoint and "Sites I work on". */
export const teamActive = (config: TeamConfig, mySites: readonly string[]): boolean =>
  config.sink !== 'off' && config.endpoint !== '' && mySites.length > 0;

/** The browser and its version, from the user agent (Firefox says Firefox; Chromium-based say Chrome). */
export function browserOf(userAgent: string): { browser: string; version: string } {
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent);
  if (firefox) return { browser: 'Firefox', version: firefox[1]! };
  const edge = /Edg\/([\d.]+)/.exec(userAgent);
  if (edge) return { browser: 'Edge', version: edge[1]! };
  const chrome = /Chrome\/([\d.]+)/.exec(userAgent);
  if (chrome) return { browser: 'Chromium', version: chrome[1]! };
  return { browser: 'other', version: '' };
}
