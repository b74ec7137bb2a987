import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBulkAssignment } from "./plan-bulk-assignment";

const docs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}`, annotatorIds: [] as string[] }));
const people = (...loads: number[]) => loads.map((load, i) => ({ id: `u${i}`, load }));

describe("planBulkAssignment", () => {
  it("round-robins k annotators per document in order", () => {
    const plan = planBulkAssignment(docs(3), people(0, 0, 0), 2);
    expect(plan.assignments).toEqual([
      { documentId: "d0", userId: "u0" },
      { documentId: "d0", userId: "u1" },
      { documentId: "d1", userId: "u2" },
      { documentId: "d1", userId: "u0" },
      { documentId: "d2", userId: "u1" },
      { documentId: "d2", userId: "u2" },
    ]);
  });

  it("fills the least-loaded annotators first", () => {
    const plan = planBulkAssignment(docs(3), people(5, 0, 1), 1);
    expect(plan.assignments.map((a) => a.userId)).toEqual(["u1", "u1", "u2"]);
  });

  it("counts existing annotators towards k and never assigns someone twice to a document", () => {
    const plan = planBulkAssignment(
      [{ id: "a", annotatorIds: ["u0"] }, { id: "b", annotatorIds: ["u0", "u1"] }],
      people(0, 0, 0),
      2,
    );
    expect(plan.assignments).toEqual([{ documentId: "a", userId: "u1" }]);
    expect(plan.alreadyCovered).toEqual(["b"]);
  });

  it("is deterministic and balanced: loads end within one of each other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (n, people_, k) => {
        const kk = Math.min(k, people_);
        const annotators = Array.from({ length: people_ }, (_, i) => ({ id: `u${i}`, load: 0 }));
        const plan = planBulkAssignment(docs(n), annotators, kk);
        expect(planBulkAssignment(docs(n), annotators, kk)).toEqual(plan);
        expect(plan.assignments).toHaveLength(n * kk);
        const counts = annotators.map((a) => plan.assignments.filter((x) => x.userId === a.id).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        for (let d = 0; d < n; d++) {
          const users = plan.assignments.filter((x) => x.documentId === `d${d}`).map((x) => x.userId);
          expect(new Set(users).size).toBe(users.length);
        }
      }),
    );
  });

  it("rejects a non-positive k", () => {
    expect(() => planBulkAssignment(docs(1), people(0), 0)).toThrow(RangeError);
  });
});
