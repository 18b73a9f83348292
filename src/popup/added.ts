// What a MutationObserver batch really added: a re-render keeps unchanged lines by moving them, and a
// moved element (removed and added in the same batch) is not new.
export function addedElements(mutations: readonly MutationRecord[]): HTMLElement[] {
  const removed = new Set(mutations.flatMap((mutation) => [...mutation.removedNodes]));
  return mutations.flatMap((mutation) => [...mutation.addedNodes]).filter((node): node is HTMLElement => node instanceof HTMLElement && !removed.has(node));
}
