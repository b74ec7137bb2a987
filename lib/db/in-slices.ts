// Prisma splits a createMany past PostgreSQL's 65,535 bind parameters into several statements and
// runs them concurrently. Inside an interactive transaction they then queue on its one pg client,
// which pg 8 warns about and pg 9 refuses. Big row sets are written a slice at a time instead.
export const ROWS_PER_STATEMENT = 1000;

/** Calls `write` with consecutive slices of `rows`, one after another; returns each call's result in order. */
export async function inSlices<T, R>(rows: readonly T[], write: (slice: T[]) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) results.push(await write(rows.slice(i, i + ROWS_PER_STATEMENT)));
  return results;
}
