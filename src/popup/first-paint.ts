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

const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's first contentful paint (the blank page's first paint is none), or `ms`, whichever comes first. */
const firstContentfulPaint = (ms: number): Promise<unknown> => Promise.race([
  new Promise((resolve) => new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length) resolve(undefined);
  }).observe({ type: 'paint', buffered: true })),
  after(ms),
]);

let drawn: Promise<unknown> = Promise.resolve();
try {
  // The History reads its first screen from storage (its URL is the person's, not the background's). Its
  // modules wait until it is on screen: compiled meanwhile, they held that paint back by 20–40 ms (README).
  // Storage that does not answer must not keep them away either.
  if (isHistoryView()) drawn = Promise.race([paintHistoryFirstScreen().then((cards) => cards && firstContentfulPaint(200), failed), after(500)]);
  else {
    const screen = handedOver();
    if (screen) paintHandedOver(screen);
  }
} catch (error) {
  failed(error);
}
// Only now: sent for before the first screen was drawn, the modules made it ~20 ms later (README).
void drawn.then(loadModules);
