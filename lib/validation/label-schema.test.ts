import { describe, expect, it } from "vitest";
import { defaultLabelSchema, type LabelSchema } from "@/lib/schema/label-schema";
import { fieldErrorsOf } from "./parse";
import { labelSchemaSchema } from "./label-schema";

const schema = (edit: (s: LabelSchema) => void = () => undefined): LabelSchema => {
  const s = structuredClone(defaultLabelSchema());
  edit(s);
  return s;
};

function errorsOf(value: unknown): Record<string, string[]> {
  const result = labelSchemaSchema.safeParse(value);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("labelSchemaSchema", () => {
  it("accepts the default schema unchanged", () => {
    expect(labelSchemaSchema.parse(schema())).toEqual(schema());
  });

  it("refuses a span type name used twice, case-insensitively", () => {
    const errors = errorsOf(schema((s) => s.spanTypes.push({ ...s.spanTypes[0]!, name: "CLAIM", hotkey: "z" })));
    expect(errors["spanTypes.3.name"]).toEqual(['Type "CLAIM" is listed twice']);
  });

  it("refuses a name that is not an upper-case identifier", () => {
    expect(errorsOf(schema((s) => (s.spanTypes[0]!.name = "claim type")))["spanTypes.0.name"]?.[0]).toMatch(/Capital letters/);
  });

  it("refuses a hotkey used by two active types but lets a retired type keep its key", () => {
    expect(errorsOf(schema((s) => (s.spanTypes[1]!.hotkey = "C")))["spanTypes.1.hotkey"]).toEqual(['Key "C" is already used by CLAIM']);
    expect(errorsOf(schema((s) => Object.assign(s.spanTypes[0]!, { retired: true }, { hotkey: "q" })))).toEqual({});
  });

  it.each(["j", "k", "?", "a", "x", "y", "n", "0", "7", "J", "A"])("refuses the reserved key %s", (key) => {
    expect(errorsOf(schema((s) => (s.spanTypes[0]!.hotkey = key)))["spanTypes.0.hotkey"]?.[0]).toMatch(/Reserved/);
  });

  it.each(["", "cc", " "])("refuses %j as a hotkey (one visible character)", (key) => {
    expect(errorsOf(schema((s) => (s.spanTypes[0]!.hotkey = key)))["spanTypes.0.hotkey"]).toBeDefined();
  });

  it("accepts a single non-ASCII character as a hotkey", () => {
    expect(errorsOf(schema((s) => (s.spanTypes[0]!.hotkey = "ж")))).toEqual({});
  });

  it.each(["red", "#12345", "#1234567", "#gggggg", "2563eb"])("refuses the colour %s", (color) => {
    expect(errorsOf(schema((s) => (s.spanTypes[0]!.color = color)))["spanTypes.0.color"]).toEqual(["A colour like #2563eb"]);
  });

  it("refuses a choice value listed twice and a choice with no values", () => {
    const twice = errorsOf(
      schema((s) => {
        const form = s.spanTypes[1]!.attributes[0]!;
        if (form.kind === "choice") form.values.push({ value: "Direct", label: "Again" });
      }),
    );
    expect(twice["spanTypes.1.attributes.0.values.3.value"]).toEqual(['Value "Direct" is listed twice']);
    const empty = errorsOf(
      schema((s) => {
        const form = s.spanTypes[1]!.attributes[0]!;
        if (form.kind === "choice") form.values = [];
      }),
    );
    expect(empty["spanTypes.1.attributes.0.values"]).toEqual(["A choice needs at least one value"]);
  });

  it("refuses an attribute listed twice on one type, an unknown attribute kind, and duplicate stance targets", () => {
    expect(errorsOf(schema((s) => s.spanTypes[0]!.attributes.push({ name: "Stance", kind: "stance", required: false })))["spanTypes.0.attributes.2.name"]).toEqual([
      'Attribute "Stance" is listed twice',
    ]);
    const bad = schema();
    (bad.spanTypes[0]!.attributes[1] as { kind: string }).kind = "number";
    expect(errorsOf(bad)["spanTypes.0.attributes.1.kind"]).toBeDefined();
    expect(errorsOf(schema((s) => s.stanceTargets.push({ name: "ukraine" })))["stanceTargets.3.name"]).toEqual(['Target "ukraine" is listed twice']);
  });

  it("needs at least one span type", () => {
    expect(errorsOf(schema((s) => (s.spanTypes = [])))["spanTypes"]).toEqual(["At least one span type"]);
  });
});
