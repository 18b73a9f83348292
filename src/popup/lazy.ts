// The chunk the popup loads after its first paint, once.
export type Texts = typeof import('./texts');

let texts: Promise<Texts> | undefined;
export const loadTexts = (): Promise<Texts> => (texts ??= import('./texts'));
