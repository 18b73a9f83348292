// Performance marks the benchmarks and tests read (README: "The popup, measured"), each set once per page.
export function markOnce(name: string): void {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

/** The first screen is on the page: lines (the popup) or cards (the History), whichever script drew it. */
export const markFirstRender = (): void => markOnce('first-render');
