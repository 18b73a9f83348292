// Redirect chains per requestId. Removed on completion and on error.
import { clipUrl } from '../diagnosis/observe';
import { cut } from '../diagnosis/text';
import { DEFAULT_BUDGET, PerRequest } from './per-request';

/** Enough to show a loop; Chromium stops at 20 redirects anyway. */
const MAX_CHAIN = 25;
/** URLs are kept whole while the chain's URLs fit in this; later ones are cut short (the count still shows a loop). */
const CHAIN_TEXT_BYTES = 8192;
const CUT_URL_LENGTH = 256;
/** A string in an array costs a little besides its characters. */
const PER_URL = 8;

const chainBytes = (chain: readonly string[]): number => {
  let bytes = 0;
  for (const url of chain) bytes += url.length + PER_URL;
  return bytes;
};

export class RedirectTracker extends PerRequest<string[]> {
  constructor() {
    super(chainBytes, DEFAULT_BUDGET);
  }

  /** onBeforeRedirect: remember the URL that redirected. */
  add(requestId: string, fromUrl: string): void {
    const chain = this.get(requestId) ?? [];
    if (chain.length >= MAX_CHAIN) return;
    const url = clipUrl(fromUrl);
    chain.push(chainBytes(chain) + url.length <= CHAIN_TEXT_BYTES ? url : `${cut(url, CUT_URL_LENGTH)}…`);
    this.set(requestId, chain);
  }
}
