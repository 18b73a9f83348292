// Starts an async generator at once (its first reads run while the caller does other work). Pure.

/** Runs the reads up to the first result now; iterating later yields every result from the start. */
export function startedNow<T>(source: AsyncGenerator<T>): AsyncIterable<T> {
  const first = source.next();
  return {
    async *[Symbol.asyncIterator]() {
      for (let step = await first; !step.done; step = await source.next()) yield step.value;
    },
  };
}
