// Each benchmark file writes its measurements to a file of its own; scripts/bench.mjs reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** scripts/bench.mjs names the folder in REQUEST_DOCTOR_BENCH, the variable that turns the benchmarks on. */
export function writeResult(name: string, result: unknown): void {
  const dir = process.env.REQUEST_DOCTOR_BENCH;
  if (!dir) throw new Error('run the benchmarks with npm run bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result)}\n`);
}
