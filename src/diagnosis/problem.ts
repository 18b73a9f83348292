// A server's own words about an error: a problem description (RFC 9457, `application/problem+json`), as a
// recheck reads it. Only its `title` and `detail`, as plain text, bounded: they are shown quoted, never as HTML.

export interface ServerProblem { title?: string; detail?: string }

/** Each quoted text is cut to this many characters: a hostile server cannot fill the session storage. */
export const PROBLEM_TEXT_CHARS = 300;

export const isProblemJson = (contentType: string | null | undefined): boolean =>
  /^\s*application\/problem\+json\s*(?:;|$)/i.test(contentType ?? '');

/** A text as it is quoted: one line, no control characters, at most PROBLEM_TEXT_CHARS. */
function quoted(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > PROBLEM_TEXT_CHARS ? `${text.slice(0, PROBLEM_TEXT_CHARS - 1)}…` : text;
}

/** The title and detail of a problem description's text; undefined when it is none (not JSON, no text in either). */
export function problemOf(body: string): ServerProblem | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { title, detail } = parsed as Record<string, unknown>;
  const problem: ServerProblem = {};
  const titleText = quoted(title);
  const detailText = quoted(detail);
  if (titleText) problem.title = titleText;
  if (detailText) problem.detail = detailText;
  return titleText || detailText ? problem : undefined;
}
