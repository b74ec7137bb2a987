import { describe, expect, it } from "vitest";
import { prepareDocument } from "@/lib/export/prepare";
import { docA, docB } from "@/lib/export/test-fixtures";
import { DiffTracker, fingerprintLines, parseFingerprints } from "./diff";

describe("dataset diff", () => {
  it("fingerprints a document and each gold span, ignoring the split", () => {
    const lines = fingerprintLines(prepareDocument(docA)).trim().split("\n");
    expect(lines.map((l) => l.split("\t").slice(0, 2).join(" "))).toEqual(["D docA", "A c1", "A q1", "A q2", "A e1"]);
    expect(fingerprintLines(prepareDocument({ ...docA, split: "test" }))).toBe(fingerprintLines(prepareDocument(docA)));
  });

  it("counts added, changed and removed documents and annotations", async () => {
    const previous = await parseFingerprints(
      (fingerprintLines(prepareDocument(docA)) + fingerprintLines(prepareDocument(docB))).split("\n"),
    );
    const tracker = new DiffTracker(previous, 4);
    const changedA = { ...docA, spans: docA.spans.filter((s) => s.id !== "e1").map((s) => (s.id === "c1" ? { ...s, end: 47 } : s)) };
    tracker.add(fingerprintLines(prepareDocument(changedA)));
    tracker.add(fingerprintLines(prepareDocument({ ...docB, id: "docNew" })));
    expect(tracker.result()).toEqual({
      previousVersion: 4,
      documents: { added: 1, changed: 1, removed: 1 },
      annotations: { added: 0, changed: 1, removed: 1 },
    });
  });

  it("sees a gap cut into a span as a change of that span", () => {
    const lineOf = (doc: typeof docA) => fingerprintLines(prepareDocument(doc)).split("\n").find((l) => l.startsWith("A\tc1\t"));
    const cut = { ...docA, spans: docA.spans.map((s) => (s.id === "c1" ? { ...s, gaps: [{ start: 10, end: 12 }] } : s)) };
    expect(lineOf(cut)).not.toBe(lineOf(docA));
    expect(lineOf({ ...docA })).toBe(lineOf(docA));
  });

  it("sees a changed co-speaker as a change of that span, and no co-speakers as before", () => {
    const lineOf = (doc: typeof docA) => fingerprintLines(prepareDocument(doc)).split("\n").find((l) => l.startsWith("A\tq1\t"));
    const withCo = (co: { id: string; name: string; type: string }[] | undefined) => ({ ...docA, spans: docA.spans.map((s) => (s.id === "q1" ? { ...s, coSpeakers: co } : s)) });
    const wang = { id: "e-wang", name: "Wang Yi", type: "person" };
    const lavrov = { id: "e-lavrov", name: "Sergei Lavrov", type: "person" };
    expect(lineOf(withCo([wang]))).not.toBe(lineOf(docA));
    expect(lineOf(withCo([lavrov]))).not.toBe(lineOf(withCo([wang])));
    expect(lineOf(withCo([wang, lavrov]))).not.toBe(lineOf(withCo([lavrov, wang])));
    expect(lineOf(withCo([]))).toBe(lineOf(docA));
    expect(lineOf(withCo([wang]))).toBe(lineOf(withCo([{ ...wang }])));
  });

  it("counts everything as added for a first version", () => {
    const tracker = new DiffTracker(null, null);
    tracker.add(fingerprintLines(prepareDocument(docB)));
    expect(tracker.result()).toEqual({ previousVersion: null, documents: { added: 1, changed: 0, removed: 0 }, annotations: { added: 2, changed: 0, removed: 0 } });
  });
});
