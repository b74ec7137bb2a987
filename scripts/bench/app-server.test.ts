import { describe, expect, it } from "vitest";
import { settled } from "./app-server";

describe("settled", () => {
  it("polls until nothing is pending", async () => {
    const counts = [2, 1, 0, 5];
    let calls = 0;
    await settled(async () => counts[calls++]!, "tasks", 1);
    expect(calls).toBe(3);
  });

  it("returns at once when nothing is pending", async () => {
    let calls = 0;
    await settled(async () => (calls++, 0), "tasks", 1);
    expect(calls).toBe(1);
  });

  it("fails, naming what is stuck, instead of waiting for ever", async () => {
    await expect(settled(async () => 3, "suggestion tasks", 1, 20)).rejects.toThrow("3 suggestion tasks still pending after 0.02 s");
  });
});
