// Pure statistics for the stance views: a mean's 95% interval (normal approximation, sample
// standard deviation), and the same figures from raw values, which tests use to check the SQL.

export function ci95(n: number, mean: number, sd: number | null): [number, number] | null {
  if (n < 2 || sd === null) return null;
  const half = (1.96 * sd) / Math.sqrt(n);
  return [round(mean - half), round(mean + half)];
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function summarise(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  const distribution = { "-2": 0, "-1": 0, "0": 0, "1": 0, "2": 0 } as Record<"-2" | "-1" | "0" | "1" | "2", number>;
  for (const v of values) distribution[String(v) as keyof typeof distribution]++;
  return { n, mean: round(mean), distribution, ci95: ci95(n, mean, sd) };
}
