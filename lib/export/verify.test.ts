import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAllWriters } from "./all-formats";
import { ctx, docA, docD, docG, docs } from "./test-fixtures";
import { runWriter } from "./writer";

// With one check-worthiness sub-question, so checkworthy.tsv has a column beyond the CheckThat! ones.
const schemaCtx = { ...ctx, schema: { sentenceLabels: [{ name: "checkworthy_verifiable", kind: "choice" }] } };
const dir = mkdtempSync(join(tmpdir(), "stancebench-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// docA with two gold relations, so brat R lines and the relations of every format are checked too.
const relations = [
  { id: "r1", type: "embedded-in", fromId: "q1", toId: "c1", layer: "gold" as const },
  { id: "r2", type: "responds-to", fromId: "q2", toId: "q1", layer: "gold" as const },
];
const input = [{ ...docA, relations }, ...docs.slice(1), docD];

function writeAll(documents = input): void {
  rmSync(dir, { recursive: true, force: true });
  for (const w of createAllWriters())
    for (const [name, data] of runWriter(w, schemaCtx, documents)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data, "utf8");
    }
}

function verify(): { status: number | null; report: { checked: number; by_file: Record<string, number>; errors: unknown[] } } {
  const r = spawnSync("python3", [join(__dirname, "..", "..", "tests", "export", "verify_export.py"), dir], { encoding: "utf8" });
  return { status: r.status, report: JSON.parse(r.stdout) as { checked: number; by_file: Record<string, number>; errors: unknown[] } };
}

// Spawns Python per test; on a loaded machine that alone can take seconds.
describe("verify_export.py (independent Python reader)", { timeout: 30_000 }, () => {
  it("finds every span text at its code-point offsets in every format", () => {
    writeAll();
    const { status, report } = verify();
    expect(report.errors).toEqual([]);
    expect(status).toBe(0);
    expect(report.by_file).toEqual({
      "native.jsonl": 17, // docA 5 spans + 2 cues + 2 mentions + 2 relations, docB 2 spans + 1 mention, docD 3 spans
      "spans.jsonl": 25, // the same 15 pieces + 10 contexts
      "sentences.csv": 9,
      "spans.csv": 15,
      "spreadsheet/sentences.csv": 10, // row count + the defused column of 9 rows
      "spreadsheet/spans.csv": 11,
      "stance.tsv": 10, // header + 9 rows, text exact
      "checkworthy.tsv": 10, // header + 7 sentences + 2 CLAIMs
      "brat/docA.ann": 14, // 4 gold spans (text and fragments) + 2 cues + 2 mentions + 2 R lines of relations
      "brat/docB.ann": 5,
      "brat/docD.ann": 6,
      "semeval2020/article1.txt": 1, // numeric ids in export order: docA, docB, docC, docD
      "semeval2020/article1.task-si.labels": 4,
      "semeval2020/article1.task-flc-tc.labels": 4,
      "semeval2020/article2.txt": 1,
      "semeval2020/article2.task-si.labels": 2,
      "semeval2020/article2.task-flc-tc.labels": 2,
      "semeval2020/article3.txt": 1,
      "semeval2020/article4.txt": 1,
      "semeval2020/article4.task-si.labels": 3,
      "semeval2020/article4.task-flc-tc.labels": 3,
      "attribution/docA.json": 8, // pieces + each quote's contents against its fragments
      "attribution/docB.json": 3,
      "label-studio.json": 69, // regions (spans, parts, sentences) + per-region results + relations
      "hf/data/train.jsonl": 14,
      "hf/data/test.jsonl": 3,
    });
    expect(report.checked).toBe(251);
  });

  it("fails a TSV cell that lost its quoting and a spreadsheet row with a wrong defused column", () => {
    writeAll();
    const stance = join(dir, "stance.tsv");
    writeFileSync(stance, readFileSync(stance, "utf8").replace('"""We will win,"" he said."', '"We will win," he said.'), "utf8");
    const sheet = join(dir, "spreadsheet/spans.csv");
    writeFileSync(sheet, readFileSync(sheet, "utf8").replace(",text;speaker_name;speaker_mention_text\r\n", ",text;speaker_name\r\n"), "utf8");
    const { status, report } = verify();
    expect(status).toBe(1);
    expect(report.errors).toEqual([
      { at: "spreadsheet/spans.csv:8 defused", expected: "text;speaker_name;speaker_mention_text", got: "text;speaker_name" },
      // Python's csv reader takes the opening quote as field quoting: the bug this layout fixes.
      { at: "stance.tsv:9", expected: '"We will win," he said.', got: "We will win, he said." },
    ]);
  });

  it("fails an R line whose type or ends differ from the gold relations", () => {
    writeAll();
    const ann = join(dir, "brat/docA.ann");
    const text = readFileSync(ann, "utf8");
    const line = /^R\d+\tembedded-in Arg1:(T\d+) Arg2:(T\d+)$/mu.exec(text)!;
    writeFileSync(ann, text.replace(line[0], line[0].replace("embedded-in", "same-claim")).replace(/^(R\d+\tresponds-to Arg1:)(T\d+) Arg2:(T\d+)$/mu, "$1$3 Arg2:$2"), "utf8");
    const { status, report } = verify();
    expect(status).toBe(1);
    expect(report.errors).toHaveLength(2);
    expect(report.errors).toEqual([expect.objectContaining({ expected: true, got: false }), expect.objectContaining({ expected: true, got: false })]);
  });

  it("exits non-zero when an offset is wrong", () => {
    writeAll();
    const ann = join(dir, "brat/docA.ann");
    writeFileSync(ann, readFileSync(ann, "utf8").replace("T2\tQUOTE 14 16", "T2\tQUOTE 15 17"), "utf8");
    const { status, report } = verify();
    expect(status).toBe(1);
    expect(report.errors).toEqual([
      { at: "brat/docA.ann:7", expected: "а»", got: "да" },
      { at: "brat/docA.ann:7 fragments", expected: ["да"], got: ["а»"] },
    ]);
  });

  it("checks a discontinuous span's brat fragments, native fragments and attribution contents", () => {
    writeAll([docG]);
    const ok = verify();
    expect(ok.report.errors).toEqual([]);
    expect(ok.report.by_file["brat/docG.ann"]).toBe(4); // the quote (text and fragments), its cue and mention (text)
    const ann = join(dir, "brat/docG.ann");
    // A fragment that still covers the gap: the text line agrees with itself, the fragments do not.
    writeFileSync(ann, readFileSync(ann, "utf8").replace("T1\tQUOTE 0 17;29 59\tFor this reason 🙂  he", "T1\tQUOTE 0 17;17 59\tFor this reason 🙂 , she added, he"), "utf8");
    const { status, report } = verify();
    expect(status).toBe(1);
    expect(report.errors).toEqual([
      { at: "brat/docG.ann:1 fragments", expected: ["For this reason 🙂", " he is satisfied with the deal"], got: ["For this reason 🙂", ", she added, he is satisfied with the deal"] },
    ]);
  });
});
