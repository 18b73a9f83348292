// Error answers (status ≥ 400) of scripts, stylesheets and fonts, by requestId, until the request ends:
// Blink cancels those loads as soon as the status arrives, and the browser may then report only the cancel.
import type { RequestDetails } from '../diagnosis/observe';

/** If end events were ever lost, forget the oldest answers rather than grow without bound. */
const MAX_TRACKED = 5000;

export class AnswerTracker {
  private readonly answers = new Map<string, RequestDetails>();

  get size(): number {
    return this.answers.size;
  }

  /** onResponseStarted of an error status. */
  keep(requestId: string, details: RequestDetails): void {
    if (this.answers.size >= MAX_TRACKED) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(requestId, details);
  }

  /** onCompleted/onErrorOccurred: hand the answer over and forget it. */
  take(requestId: string): RequestDetails | undefined {
    const answer = this.answers.get(requestId);
    if (answer) this.answers.delete(requestId);
    return answer;
  }
}
