/**
 * Where a dataset build's time goes, in milliseconds per phase (recorded on its task, printed by
 * the export benchmark): the build is measured in the worker, not guessed from the outside.
 */
export class BuildClock {
  private readonly phases: Record<string, number> = {};
  private last = performance.now();

  /** Charges the time since the previous mark to `phase` (phases may be charged many times). */
  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = (this.phases[phase] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** Adds a duration measured elsewhere (e.g. before the clock existed). */
  add(phase: string, ms: number): void {
    this.phases[phase] = (this.phases[phase] ?? 0) + ms;
  }

  result(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, Math.round(v)]));
  }
}
