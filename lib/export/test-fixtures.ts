import type { ExportContext, ExportDocument } from "./types";

/** Shared test data: emoji (incl. a flag pair), Cyrillic, CRLF, a tab and formula-like text. */
export const ctx: ExportContext = {
  projectName: "Stance «Пилот»",
  datasetVersion: 3,
  createdAt: "2025-01-02T03:04:05.000Z",
  schema: { version: 2, types: ["CLAIM", "QUOTE", "EDITORIAL"] },
  license: "cc-by-4.0",
  sourceDescription: "News articles | 2024",
  stanceTargets: ["Putin", "Sanctions", "Weather"],
};

export const docA: ExportDocument = {
  id: "docA",
  title: "Putin and «да»",
  text: "Putin 👍 said «да».\r\nLavrov: «Санкции не работают», he told reporters.\r\n(Translation note: quotes are ours.) Вот так 🇷🇺\r\nend",
  language: "ru",
  source: "Example Times",
  originalSource: null,
  author: "Ivan Petrov",
  url: "https://example.org/a",
  publishedAt: "2024-05-06T00:00:00.000Z",
  meta: { z: 1, a: { y: true, b: null } },
  tags: ["politics"],
  split: "train",
  sentences: [
    { index: 1, start: 20, end: 69, kind: "content", labels: { checkworthy: "yes", stance: [{ target: "Sanctions", value: -2, holder: "author" }] } },
    { index: 0, start: 0, end: 18, kind: "content", labels: { checkworthy: "no", stance: [{ target: "Putin", value: 1, holder: "author" }] } },
    { index: 2, start: 71, end: 107, kind: "boilerplate", labels: null },
    { index: 3, start: 108, end: 123, kind: "content", labels: { checkworthy: "no" } },
  ],
  spans: [
    {
      id: "q2", type: "QUOTE", start: 29, end: 48, attributes: { form: "direct" },
      stance: [{ target: "Sanctions", value: -2, holder: "source" }],
      speaker: { id: "e-lavrov", name: "Sergey Lavrov", type: "person" },
      cue: { start: 54, end: 58 }, speakerMention: { start: 20, end: 26 }, layer: "gold",
    },
    {
      id: "c1", type: "CLAIM", start: 0, end: 48, attributes: {},
      stance: [{ target: "Sanctions", value: -1, holder: "author" }, { target: "Putin", value: 2, holder: "republisher" }],
      speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
    {
      id: "q1", type: "QUOTE", start: 14, end: 16, attributes: { form: "direct" }, stance: [],
      speaker: { id: "e-putin", name: "Владимир Путин", type: "person" },
      cue: { start: 8, end: 12 }, speakerMention: { start: 0, end: 5 }, layer: "gold",
    },
    {
      id: "e1", type: "EDITORIAL", start: 71, end: 107, attributes: { kind: "translation-note" }, stance: [],
      speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
    {
      id: "u1q", type: "QUOTE", start: 13, end: 18, attributes: { form: "direct" }, stance: [],
      speaker: null, cue: null, speakerMention: null, layer: "annotator:u1",
    },
  ],
  provenance: { annotators: ["u1", "u2"], reviewer: "r1", signedOffAt: "2024-06-01T10:00:00.000Z", schemaVersion: 2 },
};

export const docB: ExportDocument = {
  id: "docB",
  title: '=HYPERLINK("http://x")',
  text: '-5 degrees,\tsaid @weather.\n+1 more: =SUM(A1) "ok"',
  language: "en",
  source: null,
  originalSource: "Wire",
  author: null,
  url: null,
  publishedAt: null,
  meta: {},
  tags: ["a", "b"],
  split: "test",
  sentences: [
    { index: 0, start: 0, end: 26, kind: "content", labels: { checkworthy: "yes", stance: [{ target: "Weather", value: 0, holder: "author" }] } },
    { index: 1, start: 27, end: 49, kind: "content", labels: { checkworthy: "no" } },
  ],
  spans: [
    {
      id: "b1", type: "CLAIM", start: 0, end: 10, attributes: {}, stance: [{ target: "Weather", value: 1, holder: "author" }],
      speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
    {
      id: "b2", type: "QUOTE", start: 36, end: 44, attributes: { form: "indirect" }, stance: [],
      speaker: { id: "e-w", name: "=cmd|' /C calc'!A0", type: "organisation" },
      cue: null, speakerMention: { start: 17, end: 25 }, layer: "gold",
    },
  ],
  provenance: { annotators: ["u1"], reviewer: null, signedOffAt: null, schemaVersion: 2 },
};

export const docC: ExportDocument = {
  id: "docC",
  title: "Plain",
  text: "Plain sentence.",
  language: "en",
  source: null,
  originalSource: null,
  author: null,
  url: null,
  publishedAt: null,
  meta: {},
  tags: [],
  split: "validation",
  sentences: [{ index: 0, start: 0, end: 15, kind: "content", labels: null }],
  spans: [],
  provenance: { annotators: [], reviewer: null, signedOffAt: null, schemaVersion: 2 },
};

export const docs = [docA, docB, docC];

/**
 * Only in the export-file tests: cells that start with `"`, contain tabs, newlines and formula
 * characters, and CLAIM spans with check-worthiness answers.
 */
export const docD: ExportDocument = {
  id: "docD",
  title: "Quotes",
  text: '"We will win," he said.\n=1+1\tis "two".',
  language: "en",
  source: null,
  originalSource: null,
  author: null,
  url: null,
  publishedAt: null,
  meta: {},
  tags: [],
  split: "train",
  sentences: [
    { index: 0, start: 0, end: 23, kind: "content", labels: { checkworthy: "no", stance: [{ target: "Putin", value: 1, holder: "author" }] } },
    { index: 1, start: 24, end: 38, kind: "content", labels: { checkworthy: "yes", choices: { checkworthy_verifiable: "yes" } } },
  ],
  spans: [
    {
      id: "d1", type: "CLAIM", start: 0, end: 14, attributes: { checkworthy: "yes", checkworthy_harmful: "no" },
      stance: [{ target: "Putin", value: -1, holder: "author" }], speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
    {
      id: "d2", type: "CLAIM", start: 24, end: 38, attributes: { checkworthy: "no" },
      stance: [], speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
    {
      id: "d3", type: "CLAIM", start: 24, end: 28, attributes: {}, stance: [], speaker: null, cue: null, speakerMention: null, layer: "gold",
    },
  ],
  provenance: { annotators: [], reviewer: null, signedOffAt: null, schemaVersion: 2 },
};

/**
 * A quote interrupted by its attribution (a discontinuous span: "For this reason 🙂, he is
 * satisfied with the deal", gap ", she added,"), and a gapped annotator span whose second
 * fragment crosses a line break.
 */
const gapText = "For this reason 🙂, she added, he is satisfied with the deal.\r\nShe left.";
/** The code-point offset of the first occurrence of `s`. */
const cp = (s: string) => Array.from(gapText.slice(0, gapText.indexOf(s))).length;
export const docG: ExportDocument = {
  id: "docG",
  title: "Interrupted",
  text: gapText,
  language: "en",
  source: null,
  originalSource: null,
  author: null,
  url: null,
  publishedAt: null,
  meta: {},
  tags: [],
  split: "train",
  sentences: [
    { index: 0, start: 0, end: cp("\r\n"), kind: "content", labels: null },
    { index: 1, start: cp("She left"), end: Array.from(gapText).length, kind: "content", labels: null },
  ],
  spans: [
    {
      id: "g1", type: "QUOTE", start: 0, end: cp("."), gaps: [{ start: cp(", she"), end: cp(" he is") }], attributes: { form: "direct" },
      stance: [{ target: "Putin", value: 1, holder: "source" }],
      speaker: { id: "e-she", name: "Anna", type: "person" }, cue: { start: cp("added"), end: cp("added") + 5 }, speakerMention: { start: cp("she"), end: cp("she") + 3 }, layer: "gold",
    },
    {
      id: "g2", type: "CLAIM", start: cp("he is"), end: cp(" left"), gaps: [{ start: cp(" with"), end: cp(" the deal") }], attributes: {},
      stance: [], speaker: null, cue: null, speakerMention: null, layer: "annotator:u1",
    },
  ],
  relations: [],
  provenance: { annotators: ["u1"], reviewer: "r1", signedOffAt: null, schemaVersion: 2 },
};
