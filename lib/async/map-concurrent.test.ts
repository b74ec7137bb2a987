import { describe, expect, it } from "vitest";
import { mapConcurrent } from "./map-concurrent";

describe("mapConcurrent", () => {
  it("keeps input order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await mapConcurrent([30, 10, 20, 5, 0], 2, async (ms, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(result).toEqual(["0:30", "1:10", "2:20", "3:5", "4:0"]);
    expect(peak).toBe(2);
  });

  it("handles an empty list and rejects a bad limit", async () => {
    expect(await mapConcurrent([], 3, async () => 1)).toEqual([]);
    await expect(mapConcurrent([1], 0, async () => 1)).rejects.toThrow("limit must be a positive integer");
  });
});
