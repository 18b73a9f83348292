import { defineConfig, type Plugin } from 'vitest/config';

/** In the build, crxjs turns `x.ts?script&iife` into the output file's name; in tests it is just that name. */
const crxScriptNames: Plugin = {
  name: 'crx-script-names',
  enforce: 'pre',
  resolveId: (id) => (id.includes('?script') ? `\0crx-script:${id}` : undefined),
  load: (id) => {
    if (!id.startsWith('\0crx-script:')) return undefined;
    const file = id.slice('\0crx-script:'.length).split('?')[0]!.replace(/^(\.\.\/)+/, 'src/').replace(/\.ts$/, '.js');
    return `export default ${JSON.stringify(file)};`;
  },
};

export default defineConfig({
  plugins: [crxScriptNames],
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          // test/build runs vite itself; the browser tests use the dist/ that `npm run build` wrote.
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      // Benchmarks, never part of `npm test`: only `npm run bench` (which sets REQUEST_DOCTOR_BENCH) adds them.
      ...(process.env.REQUEST_DOCTOR_BENCH
        ? [{
            extends: true as const,
            test: {
              name: 'bench',
              include: ['test/bench/**/*.bench-run.ts'],
              environment: 'node' as const,
              testTimeout: 600_000,
              // One file at a time so measurements never share the two cores; gc exposed to measure the heap.
              fileParallelism: false,
              execArgv: ['--expose-gc'],
            },
          }]
        : []),
    ],
  },
});
