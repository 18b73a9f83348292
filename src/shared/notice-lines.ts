// How much of a notice is shown, said once: the background sizes the frame by it, the frame draws it.
import type { Notice, NoticeLine } from './protocol';

/** Lines a notification shows; failures beyond them are summed as "and N more". */
export const MAX_NOTICE_LINES = 5;

/** Lines to show, the rest summed as "and N more". */
export function visibleLines(notice: Notice): { lines: NoticeLine[]; more: number } {
  const lines = notice.lines.slice(0, MAX_NOTICE_LINES);
  const shown = lines.reduce((sum, line) => sum + line.count, 0);
  return { lines, more: notice.total - shown };
}
