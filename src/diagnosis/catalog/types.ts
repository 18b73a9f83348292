// The shape every language module of the catalog fills in; a translation is one new module.
import type { Explanation, Stage } from '../types';

export interface Catalog {
  /** Every HTTP status we know by number (4xx, 5xx and the listed outliers such as 999). */
  statuses: Readonly<Record<number, Explanation>>;
  /** Fallback per status class, keyed by the first digit (1 to 9). */
  statusClasses: Readonly<Record<number, Explanation>>;
  /** Chromium net errors by name without the `net::ERR_` prefix. */
  netErrors: Readonly<Record<string, Explanation>>;
  /** Internal-only errors explained together (cache, file, certificate manager, ...). */
  netErrorGroups: ReadonlyArray<{ readonly names: readonly string[]; readonly explanation: Explanation }>;
  /** Generic text per stage, for error strings nobody has catalogued. */
  stages: Readonly<Record<Stage, Explanation>>;
  advice: AdviceTexts;
}

/** Sentences built from what was observed; each language supplies its own wording. */
export interface AdviceTexts {
  retryIn(wait: string, at: string): string;
  retryNow(): string;
  retryUnreadable(value: string): string;
  maintenance(): string;
  ownerRetryAfter(): string;
  allowed(methods: string, used: string): string;
  allowedMissing(): string;
  authScheme(scheme: string, realm: string | undefined): string;
  authProxy(scheme: string): string;
  tokenRejected(detail: string | undefined): string;
  unauthorizedVsForbidden(): string;
  forbiddenVsUnauthorized(): string;
  redirectChain(count: number): string;
  loopUrls(urls: string): string;
  loopSchemes(): string;
  loopWww(): string;
  loopSlash(): string;
  loopSame(): string;
  ownerLoop(): string;
  answeredBy(layer: string): string;
  proxyNoAnswer(layer: string): string;
  ownerOriginFix(): string;
  requestIds(): string;
  bodyApi(): string;
  bodyHtml(): string;
  editConflict(method: string): string;
  ownerPrecondition(): string;
  faviconMissing(): string;
  ownerFavicon(): string;
  subresourceMissing(type: string): string;
  pageMissing(): string;
  uploadTooLarge(): string;
  legal(): string;
  thirdParty(host: string): string;
  resetOrEmpty(): string;
  durationSeconds(n: number): string;
  durationMinutes(n: number): string;
  durationHours(n: number): string;
  durationLong(): string;
}
