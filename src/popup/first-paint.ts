// The page's one script (scripts/vite-classic-script.ts builds it as a classic script and takes the page's
// modules out of the page). It runs while the page parses: first it draws the first screen the background
// put in the popup's URL, then it loads the page's modules (popup.ts), which take those lines over.
import { handedOver, paintHandedOver } from './first-screen-view';

/** Set by the build: the page's module entry, and the modules it imports. */
declare const PAGE_MODULE: string;
declare const PAGE_PRELOADS: string[];

try {
  const screen = handedOver();
  if (screen) paintHandedOver(screen);
} catch (error) {
  // The modules draw everything again from storage: a first screen that failed only costs time.
  console.error('Request Doctor: could not draw the first screen', error);
}
// Only now: sent for before drawing, the modules made the first screen ~20 ms later (README).
for (const href of PAGE_PRELOADS) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
void import(PAGE_MODULE);
