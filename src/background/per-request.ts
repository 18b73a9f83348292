// State kept per requestId until the request ends (onCompleted/onErrorOccurred take it): redirect chains,
// and the error answers of loads the browser may then report only as cancelled.

/** If end events were ever lost, forget the oldest entries rather than grow without bound. */
const MAX_TRACKED = 5000;

export class PerRequest<T> {
  private readonly items = new Map<string, T>();

  get size(): number {
    return this.items.size;
  }

  get(requestId: string): T | undefined {
    return this.items.get(requestId);
  }

  set(requestId: string, value: T): void {
    // A Map iterates in insertion order: the first key is the request waiting longest, likely never to end.
    if (this.items.size >= MAX_TRACKED && !this.items.has(requestId)) this.items.delete(this.items.keys().next().value!);
    this.items.set(requestId, value);
  }

  /** The request ended: hand its state over and forget it. */
  take(requestId: string): T | undefined {
    const value = this.items.get(requestId);
    if (value !== undefined) this.items.delete(requestId);
    return value;
  }
}
