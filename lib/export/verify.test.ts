import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAllWriters } from "./all-formats";
import { ctx, docs } from "./test-fixtures";
import { runWriter } from "./writer";

const dir = mkdtempSync(join(tmpdir(), "stancebench-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeAll(): void {
  for (const w of createAllWriters())
    for (const [name, data] of runWriter(w, ctx, docs)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data, "utf8");
    }
}

function verify(): { status: number | null; report: { checked: number; by_file: Record<string, number>; errors: unknown[] } } {
  const r = spawnSync("python3", [join(__dirname, "verify_export.py"), dir], { encoding: "utf8" });
  return { status: r.status, report: JSON.parse(r.stdout) as { checked: number; by_file: Record<string, number>; errors: unknown[] } };
}

describe("verify_export.py (independent Python reader)", () => {
  it("finds every span text at its code-point offsets in every format", () => {
    writeAll();
    const { status, report } = verify();
    expect(report.errors).toEqual([]);
    expect(status).toBe(0);
    expect(report.by_file).toEqual({
      "native.jsonl": 12, // docA 5 spans + 2 cues + 2 mentions, docB 2 spans + 1 mention
      "spans.jsonl": 19, // the same 12 pieces + 7 contexts
      "sentences.csv": 7,
      "spans.csv": 12,
      "stance.tsv": 7,
      "checkworthy.tsv": 5,
      "brat/docA.ann": 8, // 4 gold spans + 2 cues + 2 mentions
      "brat/docB.ann": 3,
      "semeval2020/articledocA.labels.tsv": 8, // per label: .txt check + span check
      "semeval2020/articledocB.labels.tsv": 4,
      "attribution/docA.json": 6,
      "attribution/docB.json": 2,
      "label-studio.json": 7,
      "hf/data/train.jsonl": 9,
      "hf/data/test.jsonl": 3,
    });
    expect(report.checked).toBe(112);
  });

  it("exits non-zero when an offset is wrong", () => {
    writeAll();
    const ann = join(dir, "brat/docA.ann");
    writeFileSync(ann, readFileSync(ann, "utf8").replace("T2\tQUOTE 14 16", "T2\tQUOTE 15 17"), "utf8");
    const { status, report } = verify();
    expect(status).toBe(1);
    expect(report.errors).toEqual([{ at: "brat/docA.ann:5", expected: "а»", got: "да" }]);
  });
});
