// The page's one script (scripts/vite-classic-script.ts builds it as a classic script and takes the page's
// modules out of the page). It runs while the page parses: first it draws the first screen (the popup's,
// which the background put in its URL; or the History's frame, whose cards follow from storage), then it
// loads the page's modules (popup.ts), which take over what it drew.
import { handedOver, paintHandedOver } from './first-screen-view';
import { isHistoryView, paintHistoryFirstScreen } from './history/first-screen';

/** Set by the build: the page's module entry, and the modules it imports. */
declare const PAGE_MODULE: string;
declare const PAGE_PRELOADS: string[];

// The modules draw everything again from storage: a first screen that failed only costs time.
const failed = (error: unknown): void => console.error('Request Doctor: could not draw the first screen', error);
function loadModules(): void {
  for (const href of PAGE_PRELOADS) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
  void import(PAGE_MODULE);
}

let drawn: Promise<unknown> = Promise.resolve();
try {
  // The History reads its first screen from storage (its URL is the person's, not the background's).
  if (isHistoryView()) {
    // Storage that does not answer must not keep the modules away either.
    drawn = Promise.race([paintHistoryFirstScreen().catch(failed), new Promise((resolve) => setTimeout(resolve, 500))]);
  } else {
    const screen = handedOver();
    if (screen) paintHandedOver(screen);
  }
} catch (error) {
  failed(error);
}
// Only now: sent for before the first screen was drawn, the modules made it ~20 ms later in the popup and
// ~5 ms in the History, whose reads they slowed down (README).
void drawn.then(loadModules);
