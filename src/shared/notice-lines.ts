// How much of a notice is shown, said once: the background sizes the frame by it, the frame draws it.
import type { Notice, NoticeLine } from './protocol';

/** Lines a notification shows; failures beyond them are summed as "and N more". */
export const MAX_NOTICE_LINES = 5;
/** The tallest a notification asks to be (the page's viewport caps it further); its content scrolls beyond. */
export const MAX_NOTICE_HEIGHT = 800;

/** Lines to show, the rest summed as "and N more". */
export function visibleLines(notice: Notice): { lines: NoticeLine[]; more: number } {
  const lines = notice.lines.slice(0, MAX_NOTICE_LINES);
  const shown = lines.reduce((sum, line) => sum + line.count, 0);
  return { lines, more: notice.total - shown };
}

/** The frame's height before it has measured its content: heading, two rows per line, "and N more", counts, footer. */
export function estimatedHeight(notice: Notice): number {
  const { lines, more } = visibleLines(notice);
  return 110 + lines.length * 44 + (more > 0 ? 28 : 0);
}
