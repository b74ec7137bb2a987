import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { projectSettingsOf } from "@/lib/projects/settings";
import { defaultLabelSchema } from "./label-schema";
import { labelSchemaOf } from "./label-schema-of";

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
};

describe("labelSchemaOf: the label_schema JSON column through one typed parser", () => {
  it("reads the default schema back unchanged", () => {
    const schema = defaultLabelSchema();
    expect(labelSchemaOf(JSON.parse(JSON.stringify(schema)))).toEqual(schema);
  });

  it("still reads a row saved under older rules (a now-reserved hotkey, padded labels normalised)", () => {
    const schema = defaultLabelSchema();
    const old = { ...schema, spanTypes: [{ ...schema.spanTypes[0]!, hotkey: "a", label: "  Claim  " }, ...schema.spanTypes.slice(1)] };
    const read = labelSchemaOf(old);
    expect(read.spanTypes[0]).toMatchObject({ hotkey: "a", label: "Claim" });
  });

  it.each([
    ["not an object", "oops", "This project's stored label schema is damaged (Invalid input: expected object, received string). An administrator must repair it."],
    ["null", null, "This project's stored label schema is damaged (Invalid input: expected object, received null). An administrator must repair it."],
    ["no span types", { spanTypes: [], sentenceLabels: [], stanceTargets: [] }, "This project's stored label schema is damaged (spanTypes: Too small: expected array to have >=1 items). An administrator must repair it."],
  ])("fails clearly on a damaged row: %s", (_what, json, message) => {
    const e = errorOf(() => labelSchemaOf(json));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toBe(message);
  });

  it("keeps the project's relation types", () => {
    const schema = { ...defaultLabelSchema(), relationTypes: [{ name: "cites", label: "Cites" }, { name: "same-claim", label: "Same claim", retired: true }] };
    expect(labelSchemaOf(JSON.parse(JSON.stringify(schema))).relationTypes).toEqual(schema.relationTypes);
  });

  it("names the first broken field of a damaged span type", () => {
    const schema = defaultLabelSchema();
    const broken = { ...schema, spanTypes: [schema.spanTypes[0], { ...schema.spanTypes[1], attributes: [{ name: "form", kind: "colour", required: true }] }] };
    expect(errorOf(() => labelSchemaOf(broken)).message).toMatch(/^This project's stored label schema is damaged \(spanTypes\.1\.attributes\.0\.kind: /u);
  });
});

describe("projectSettingsOf: the settings JSON column", () => {
  it("fills defaults for keys an older row lacks and drops unknown keys", () => {
    expect(projectSettingsOf({ membersMayDownload: true, retiredKey: 1 })).toEqual({
      preAcceptAgreed: true,
      membersMayDownload: true,
      license: "CC-BY-4.0",
      sourceDescription: "",
      suggesters: { editorial: true, quote: true, claim: true },
      suggestionThreshold: 0,
    });
    expect(projectSettingsOf(null).membersMayDownload).toBe(false);
  });

  it("fails clearly on a damaged row instead of silently resetting every setting", () => {
    const e = errorOf(() => projectSettingsOf({ membersMayDownload: "yes" }));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toBe("This project's stored settings are damaged (membersMayDownload: Invalid input: expected boolean, received string). An administrator must repair them.");
  });
});
