// Cutting text that a page or a server chose. Pure.

/**
 * The first `max` characters of `text`, as a string of their own. V8 keeps a slice as a view into the whole
 * string: 512 characters cut from a 1 MB header would keep the megabyte alive as long as the record.
 */
export function cut(text: string, max: number): string {
  return text.length > max ? ` ${text.slice(0, max)}`.slice(1) : text;
}
