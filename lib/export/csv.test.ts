import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, defuseFormula, spreadsheetRow } from "./csv";
import { quotedTsvRow, tsvCell, tsvRow } from "./tsv";

const DANGEROUS = ["=", "+", "-", "@", "\t", "\r", "\u0000", "＝", "＋", "－", "＠"];

describe("formula defusing", () => {
  it("prefixes exactly the dangerous first characters, for every BMP code point and some astral ones", () => {
    const defused: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp = cp < 0xffff ? cp + 1 : cp + 0x101) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const out = defuseFormula(ch + "x");
      if (out !== ch + "x") {
        expect(out).toBe("'" + ch + "x");
        defused.push(ch);
      }
    }
    expect(defused.sort()).toEqual([...DANGEROUS].sort());
  });

  it("keeps main cells exact and defuses text cells of the spreadsheet copy, naming them", () => {
    expect(DANGEROUS.map((c) => csvCell(`${c}1+1`))).toEqual([
      "=1+1", "+1+1", "-1+1", "@1+1", "\t1+1", "\"\r1+1\"", "\u00001+1", "＝1+1", "＋1+1", "－1+1", "＠1+1",
    ]);
    const header = ["id", "text", "value", "note"];
    expect(spreadsheetRow(header, ["=id", "-2", -2, null])).toBe("'=id,'-2,-2,,id;text\r\n");
    expect(spreadsheetRow(header, ["a", " =1", 1, "'=1"])).toBe("a, =1,1,'=1,\r\n");
    expect(spreadsheetRow(header, ["a", "\r=x", 0, "b,c"])).toBe('a,"\'\r=x",0,"b,c",text\r\n');
    expect(() => spreadsheetRow(header, ["a"])).toThrow(/1 cells for 4 columns/);
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
  });

  it("never lets a spreadsheet text cell start with a dangerous character (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const cell = spreadsheetRow(["t"], [s]).split(",")[0]!;
        const body = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(DANGEROUS.includes(body[0] ?? "")).toBe(false);
      }),
    );
  });
});

describe("RFC 4180 quoting", () => {
  it("quotes fields with quote, comma, CR or LF and doubles inner quotes", () => {
    expect(csvRow(["a", 'b"c', "d,e", "f\r\ng", "h\ni", 3])).toBe('a,"b""c","d,e","f\r\ng","h\ni",3\r\n');
  });
  it("rejects non-finite numbers and non-strings", () => {
    expect(() => csvCell(Number.NaN)).toThrow(/not a finite number/);
    expect(() => csvRow([Infinity])).toThrow(/not a finite number/);
    expect(() => defuseFormula(5 as unknown as string)).toThrow(/must be a string/);
  });
});

describe("TSV cells", () => {
  it("quotes data cells with a quote, tab, CR or LF and keeps the text otherwise exact", () => {
    expect(quotedTsvRow(['"We win," he said', "a\tb", "c\r\nd", "e\u2028f", "-2", 3])).toBe(
      '"""We win,"" he said"\t"a\tb"\t"c\r\nd"\te\u2028f\t-2\t3\n',
    );
    expect(() => quotedTsvRow([Number.NaN])).toThrow(/finite/);
  });
  it("turns tabs and every line boundary into one space each, CRLF into one", () => {
    expect(tsvCell("a\tb\r\nc\rd\ne\u2028f\u0085g\u000bh")).toBe("a b c d e f g h");
    expect(tsvRow(["x\ty", 2])).toBe("x y\t2\n");
  });
  it("rejects non-finite numbers and other types", () => {
    expect(() => tsvCell(Number.NaN)).toThrow(/finite/);
    expect(() => tsvCell(null as unknown as string)).toThrow(/string or number/);
  });
});
