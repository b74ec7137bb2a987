import { describe, expect, it } from "vitest";
import { expectLinear } from "./expect-linear";

// The helper must be able to fail: a quadratic loop has to be caught, a linear one let through.
describe("expectLinear", () => {
  const linear = (n: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += i % 7;
    return sum;
  };
  const quadratic = (n: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
    return sum;
  };

  it("lets a linear step through", () => {
    expectLinear((n) => n, linear, { base: 2_000_000 });
  });

  it("catches a quadratic step", () => {
    expect(() => expectLinear((n) => n, quadratic, { base: 1_000, runs: 2 })).toThrow(/time for 10× the input/);
  });
});
