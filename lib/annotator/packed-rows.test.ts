import { describe, expect, it } from "vitest";
import { packRows, unpackRows } from "./packed-rows";

type Row = { id: string; type: string; start: number | null; attributes: Record<string, unknown>; speaker: { id: string; name: string } | null; authorId?: string; gaps?: [number, number][] };

const lavrov = { id: "e1", name: "Sergey Lavrov" };
const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({
  id: `a${i}`,
  type: ["QUOTE", "CLAIM", "EDITORIAL"][i % 3]!,
  start: i === 7 ? null : i * 10,
  attributes: i % 3 === 1 ? { stance: [{ target: "Ukraine", value: -1 }] } : { form: "direct" },
  speaker: i % 3 === 0 ? lavrov : null,
  ...(i % 4 === 0 ? { authorId: `u${i % 8}` } : {}),
  ...(i === 5 ? { gaps: [[52, 54]] as [number, number][] } : {}),
}));

describe("packRows / unpackRows", () => {
  it("gives back the same rows, absent keys absent", () => {
    const back = unpackRows(packRows(rows));
    expect(back).toEqual(rows);
    expect("authorId" in back[1]!).toBe(false);
    expect("gaps" in back[0]!).toBe(false);
    expect(back[5]!.gaps).toEqual([[52, 54]]);
  });

  it("survives JSON (what a server render sends) and says each repeated value once", () => {
    const packed = packRows(rows);
    const sent = JSON.stringify(packed);
    expect(unpackRows(JSON.parse(sent) as typeof packed)).toEqual(rows);
    expect(sent.split("Sergey Lavrov").length - 1).toBe(1);
    expect(sent.length).toBeLessThan(JSON.stringify(rows).length / 2);
  });

  it("tells apart values that print alike", () => {
    const tricky = [{ v: null as unknown }, { v: "null" }, { v: 1 }, { v: "1" }, { v: false }, { v: "false" }, { v: null }, { v: 1 }];
    expect(unpackRows(packRows(tricky))).toEqual(tricky);
  });

  it("does not let two rows share an object", () => {
    const back = unpackRows(packRows(rows));
    expect(back[0]!.speaker).not.toBe(back[3]!.speaker);
    (back[0]!.attributes as { form: string }).form = "mixed";
    expect(back[6]!.attributes).toEqual({ form: "direct" });
  });

  it("handles no rows", () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
