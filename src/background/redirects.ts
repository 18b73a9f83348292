// Redirect chains per requestId, the only per-request state we keep. Removed on completion and on error.
import { clipUrl } from '../diagnosis/observe';

/** Enough to show a loop; Chromium stops at 20 redirects anyway. */
const MAX_CHAIN = 25;
/** If completion events were ever lost, forget the oldest chains rather than grow without bound. */
const MAX_TRACKED = 5000;

export class RedirectTracker {
  private readonly chains = new Map<string, string[]>();

  get size(): number {
    return this.chains.size;
  }

  /** onBeforeRedirect: remember the URL that redirected. */
  add(requestId: string, fromUrl: string): void {
    let chain = this.chains.get(requestId);
    if (!chain) {
      // A Map iterates in insertion order: the first key is the chain waiting longest, likely never to end.
      if (this.chains.size >= MAX_TRACKED) this.chains.delete(this.chains.keys().next().value!);
      chain = [];
      this.chains.set(requestId, chain);
    }
    if (chain.length < MAX_CHAIN) chain.push(clipUrl(fromUrl));
  }

  /** onCompleted/onErrorOccurred: hand the chain over and forget it. */
  take(requestId: string): string[] | undefined {
    const chain = this.chains.get(requestId);
    if (chain) this.chains.delete(requestId);
    return chain;
  }
}
