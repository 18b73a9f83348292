// Redirect chains per requestId. Removed on completion and on error.
import { clipUrl } from '../diagnosis/observe';
import { PerRequest } from './per-request';

/** Enough to show a loop; Chromium stops at 20 redirects anyway. */
const MAX_CHAIN = 25;

export class RedirectTracker extends PerRequest<string[]> {
  /** onBeforeRedirect: remember the URL that redirected. */
  add(requestId: string, fromUrl: string): void {
    let chain = this.get(requestId);
    if (!chain) this.set(requestId, (chain = []));
    if (chain.length < MAX_CHAIN) chain.push(clipUrl(fromUrl));
  }
}
