// What the test pages (test/servers/site.mjs) and the benchmarks set on their window.
export {};

declare global {
  interface Window {
    /** Set by a test page once every request it makes has settled. */
    __done?: boolean;
    /** Set by the page-load benchmark: performance.now() when __done was set. */
    __doneAt?: number;
  }
}
