// Which Resource Timing entry belongs to which failure: same URL, and the end time closest to the
// failure's timeStamp, so the same URL requested twice is matched right. No match says why.
import { fromResourceTiming, totalOnly, type ResourceEntry, type Timings } from './timings';

/** What one frame of the tab hands back: its clock origin, how many entries it holds, and the wanted ones. */
export interface FrameEntries {
  timeOrigin: number;
  /** Resource entries in the frame's buffer (all of them, not only the wanted ones). */
  count: number;
  entries: readonly ResourceEntry[];
}

export interface FailureTime {
  url: string;
  timeStamp: number;
  error?: string;
  redirects?: readonly string[];
}

/** Browsers keep 250 resource entries unless the page asks for more; later ones are dropped. */
export const RESOURCE_BUFFER_SIZE = 250;
/** An entry ending further than this from the failure's timeStamp is another request. */
export const MATCH_WINDOW_MS = 3000;

/** Timing entries name the URL first requested (before redirects), without the fragment. */
export const entryUrl = (url: string): string => url.split('#')[0]!;

/** The URLs worth asking a page about, for a set of failures. */
export const wantedUrls = (failures: readonly FailureTime[]): string[] =>
  [...new Set(failures.flatMap((f) => [f.redirects?.[0], f.url]).filter((u): u is string => !!u).map(entryUrl))];

/** `frames` is null when the tab's frames could not be read at all. */
export function timingsFor(failure: FailureTime, frames: readonly FrameEntries[] | null): Timings {
  if (!frames || frames.length === 0) return totalOnly('unreadable');
  const names = new Set([failure.redirects?.[0], failure.url].filter((u): u is string => !!u).map(entryUrl));
  let best: ResourceEntry | undefined;
  let bestDistance = MATCH_WINDOW_MS;
  for (const frame of frames) {
    for (const entry of frame.entries) {
      if (!names.has(entryUrl(entry.name))) continue;
      const end = frame.timeOrigin + (entry.responseEnd > 0 ? entry.responseEnd : entry.startTime + entry.duration);
      const distance = Math.abs(end - failure.timeStamp);
      if (distance <= bestDistance) [best, bestDistance] = [entry, distance];
    }
  }
  if (best) {
    const timings = fromResourceTiming(best);
    return timings.gap && failure.error ? { ...timings, gap: 'network-error' } : timings;
  }
  if (frames.every((frame) => frame.timeOrigin > failure.timeStamp)) return totalOnly('navigated');
  if (frames.some((frame) => frame.count >= RESOURCE_BUFFER_SIZE)) return totalOnly('buffer-full');
  return totalOnly(failure.error ? 'network-error' : 'no-entry');
}
