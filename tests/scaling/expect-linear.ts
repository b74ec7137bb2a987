import { expect } from "vitest";

export type ScalingOptions = {
  /** The input size for 1×; pick it so that one run at 1× takes a few milliseconds of CPU. */
  base: number;
  /** How much larger the second input is (default 10). */
  factor?: number;
  /**
   * The largest accepted ratio of time(factor × base) / time(base) (default 30, i.e. growth below
   * n^1.5 for factor 10). Quadratic code shows ~100×. Linear code shows 10–26× here, not 10×: at
   * 10× the input its live heap outgrows the caches and the young generation, so each element
   * costs up to ~2.5× more in cache misses and major garbage collections (measured on spans,
   * quote stacks and sentence labels: the same code shows ×13 from 50k to 500k spans).
   */
  maxRatio?: number;
  /** Timed runs per size; the fastest counts, so a pause of the machine does not (default 5). */
  runs?: number;
};

/** CPU milliseconds (user + system) of this process, so other processes on the machine do not count. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The fastest of `runs` batches, each running `work` `repeat` times back to back, per call. */
function fastestRun(work: () => unknown, runs: number, repeat = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    // Results stay reachable until the batch ends: a 10× run holds its whole output while it
    // builds it, so 10 runs of 1× hold theirs too; dropped one by one they would die young in
    // the garbage collector's nursery and make the small run look cheap.
    const kept: unknown[] = [];
    const started = cpuMs();
    for (let k = 0; k < repeat; k++) kept.push(work());
    best = Math.min(best, (cpuMs() - started) / repeat);
    kept.length = 0;
  }
  return best;
}

/**
 * Asserts that `run(makeInput(n))` grows about linearly: the time for factor × base is at most
 * maxRatio × the time for base. A ratio of CPU times, never an absolute time: quadratic code
 * shows ~factor², linear ~factor; CPU time rather than wall time, because on a shared machine a
 * long run is stretched by the scheduler much more than a short one. Inputs are built before
 * timing; a failing ratio is measured again up to twice, so one busy moment of a shared machine does not fail the test, while a quadratic step always does.
 */
export function expectLinear<T>(makeInput: (size: number) => T, run: (input: T) => unknown, options: ScalingOptions): void {
  const factor = options.factor ?? 10;
  const maxRatio = options.maxRatio ?? 30;
  const runs = options.runs ?? 5;
  const small = makeInput(options.base);
  const large = makeInput(options.base * factor);
  run(small); // warm up the JIT before timing
  let ratio = Infinity;
  const seen: string[] = [];
  for (let attempt = 0; attempt < 3 && ratio > maxRatio; attempt++) {
    // The 1× input runs `factor` times per batch, so both sides allocate alike and a small run
    // cannot look cheap by dying young in the garbage collector's nursery.
    const smallMs = Math.max(fastestRun(() => run(small), Math.max(2, Math.ceil(runs / 2)), factor), 0.05);
    const largeMs = fastestRun(() => run(large), Math.max(1, Math.ceil(runs / 2)));
    ratio = largeMs / smallMs;
    seen.push(`${smallMs.toFixed(2)} ms → ${largeMs.toFixed(2)} ms (×${ratio.toFixed(1)})`);
  }
  expect(ratio, `time for ${factor}× the input: ${seen.join("; ")}`).toBeLessThanOrEqual(maxRatio);
}
