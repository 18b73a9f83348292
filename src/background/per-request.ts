// State kept per requestId until the request ends (onCompleted/onErrorOccurred take it): redirect chains,
// and the error answers of loads the browser may then report only as cancelled. Bounded in entries and in
// bytes (per entry and in all): a page can start requests that never end, with URLs and headers as long
// as it likes.
import type { RequestDetails } from '../diagnosis/observe';
import { textBytes } from './bytes';

/** How much one map may hold. Bytes are counted by textBytes plus a fixed cost per entry. */
export interface Budget {
  entries: number;
  /** A value larger than this is not kept at all. */
  entryBytes: number;
  totalBytes: number;
}

/** What a Map entry, its key and a small object cost besides their strings. */
export const ENTRY_OVERHEAD = 200;

/** If end events were ever lost, forget the oldest entries rather than grow without bound. */
export const DEFAULT_BUDGET: Budget = { entries: 5000, entryBytes: 16_384, totalBytes: 2_000_000 };

/** An error answer's bytes, as keptAnswer() leaves it. */
export function answerBytes(answer: RequestDetails): number {
  let bytes = textBytes(answer.url, answer.method, answer.type, answer.statusLine, answer.ip, answer.initiator, answer.documentId);
  for (const header of answer.responseHeaders ?? []) bytes += textBytes(header.name, header.value) + 16;
  return bytes;
}

interface Entry<T> {
  value: T;
  bytes: number;
}

export class PerRequest<T> {
  private readonly items = new Map<string, Entry<T>>();
  private held = 0;

  constructor(
    /** The value's bytes (its strings); the fixed cost per entry is added to it. */
    private readonly sizeOf: (value: T) => number,
    readonly budget: Budget = DEFAULT_BUDGET,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** The bytes held in all, as counted against the budget. */
  get bytes(): number {
    return this.held;
  }

  get(requestId: string): T | undefined {
    return this.items.get(requestId)?.value;
  }

  /** Keep (or replace) a request's state; a value over the entry budget is not kept. Returns whether it was. */
  set(requestId: string, value: T): boolean {
    const bytes = this.sizeOf(value) + ENTRY_OVERHEAD;
    const old = this.items.get(requestId);
    if (old) this.held -= old.bytes;
    if (bytes > this.budget.entryBytes) {
      this.items.delete(requestId);
      return false;
    }
    if (old) {
      old.value = value;
      old.bytes = bytes;
    } else this.items.set(requestId, { value, bytes });
    this.held += bytes;
    // A Map iterates in insertion order: the first keys are the requests waiting longest, likely never to end.
    for (const [key, entry] of this.items) {
      if (this.items.size <= this.budget.entries && this.held <= this.budget.totalBytes) break;
      if (key === requestId) continue;
      this.held -= entry.bytes;
      this.items.delete(key);
    }
    return true;
  }

  /** The request ended: hand its state over and forget it. Allocates nothing (the success path calls it). */
  take(requestId: string): T | undefined {
    const entry = this.items.get(requestId);
    if (entry === undefined) return undefined;
    this.items.delete(requestId);
    this.held -= entry.bytes;
    return entry.value;
  }
}
