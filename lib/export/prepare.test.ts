import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson } from "./json";
import { lfText } from "./newlines";
import { prepareDocument } from "./prepare";
import { docA, docB, docC } from "./test-fixtures";
import type { ExportDocument, ExportSpan } from "./types";

describe("canonicalJson", () => {
  it("sorts keys deeply and keeps values", () => {
    expect(JSON.stringify(canonicalJson({ b: [{ d: 1, c: -0 }], a: "я" }))).toBe('{"a":"я","b":[{"c":0,"d":1}]}');
  });
  it("rejects what JSON cannot represent faithfully", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$.a: undefined is not valid JSON/);
    expect(() => canonicalJson([1n])).toThrow(/\$\[0\]: bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
    expect(() => canonicalJson(new Map())).toThrow(/only plain objects/);
    expect(() => canonicalJson(Infinity)).toThrow(/Infinity is not valid JSON/);
  });
});

describe("prepareDocument", () => {
  it("slices by code points", () => {
    const p = prepareDocument(docA);
    expect(p.length).toBe(123);
    expect(p.slice(6, 7)).toBe("👍");
    expect(p.slice(116, 118)).toBe("🇷🇺");
    expect(p.coveredSentences(0, 48).map((s) => s.index)).toEqual([0, 1]);
    expect(p.goldSpans.map((s) => s.id)).toEqual(["c1", "q1", "q2", "e1"]);
  });
  it("rejects invalid documents", () => {
    const span = (patch: Partial<ExportSpan>): ExportDocument => ({ ...docB, spans: [{ ...docB.spans[0]!, ...patch }] });
    expect(() => prepareDocument({ ...docC, id: "" })).toThrow(/id must be a non-empty string/);
    expect(() => prepareDocument({ ...docC, split: "dev" as "test" })).toThrow(/split "dev"/);
    expect(() => prepareDocument(span({ layer: "annotator:" as "gold" }))).toThrow(/layer "annotator:"/);
    expect(() => prepareDocument(span({ type: "TWO WORDS" }))).toThrow(/type must be a non-empty token/);
    expect(() => prepareDocument(span({ start: 1.5 }))).toThrow(/must be integers/);
    expect(() => prepareDocument(span({ cue: { start: 3, end: 2 } }))).toThrow(/cue offsets \[3, 2\)/);
    expect(() => prepareDocument(span({ stance: [{ target: "A", value: 1, holder: "author" }, { target: "A", value: 2, holder: "author" }] }))).toThrow(/two stance values/);
    expect(() => prepareDocument({ ...docB, spans: [docB.spans[0]!, docB.spans[0]!] })).toThrow(/appears twice/);
    expect(() =>
      prepareDocument({ ...docC, sentences: [{ index: 0, start: 0, end: 3, kind: "content", labels: { checkworthy: "maybe" as "yes" } }] }),
    ).toThrow(/checkworthy must be yes\/no/);
  });
});

describe("lfText", () => {
  it("writes CRLF and CR as LF and shifts offsets by the CRs removed", () => {
    const p = prepareDocument({ ...docC, text: "a\r\nб👍\rc\r\nd", sentences: [], spans: [] });
    const lf = lfText(p);
    expect(lf.text).toBe("a\nб👍\nc\nd");
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(lf.map)).toEqual([0, 1, 1, 2, 3, 4, 5, 6, 6, 7]);
    expect(() => lfText(prepareDocument({ ...docC, text: "\uD800", sentences: [] }))).toThrow(/lone UTF-16 surrogate/);
  });
});

describe("prepareDocument slice", () => {
  it("equals the code-point array slice for any text and range", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.nat(45), fc.nat(45), (text, a, b) => {
        const cps = Array.from(text);
        const p = prepareDocument({ ...docC, text, sentences: [], spans: [] });
        expect(p.length).toBe(cps.length);
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(p.slice(start, end)).toBe(cps.slice(start, end).join(""));
      }),
    );
  });
});
