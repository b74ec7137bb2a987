import { describe, expect, it } from "vitest";
import { defaultLabelSchema, withStanceTargets } from "@/lib/schema/label-schema";
import { checkSentenceLabels, checkSpanAttributes } from "./attribute-rules";

const schema = defaultLabelSchema();
const opts = { textLength: 100 };

describe("checkSpanAttributes", () => {
  it("accepts a complete quote and separates the speaker from stored attributes", () => {
    const result = checkSpanAttributes(
      schema,
      "QUOTE",
      { form: "direct", speaker: { name: "Sergey Lavrov" }, cue: { start: 3, end: 7 }, stance: [{ target: "Ukraine", value: -1 }] },
      opts,
    );
    expect(result.errors).toEqual({});
    expect(result.speaker).toEqual({ name: "Sergey Lavrov" });
    // A quote's stance without a holder is stored as the source's (the quoted speaker's).
    expect(result.attributes).toEqual({ form: "direct", cue: { start: 3, end: 7 }, stance: [{ target: "Ukraine", value: -1, holder: "source" }] });
  });

  it("requires the speaker of a quote", () => {
    const result = checkSpanAttributes(schema, "QUOTE", { form: "direct" }, opts);
    expect(result.errors["attributes.speaker"]).toEqual(["speaker is required"]);
  });

  it("rejects unknown types, attributes and values with precise paths", () => {
    expect(checkSpanAttributes(schema, "RUMOUR", {}, opts).errors.type?.[0]).toMatch(/Unknown type "RUMOUR"; expected one of CLAIM, QUOTE, EDITORIAL/);
    const result = checkSpanAttributes(schema, "CLAIM", { checkworthy: "maybe", colour: "red" }, opts);
    expect(result.errors["attributes.colour"]).toEqual(['Unknown attribute "colour"']);
    expect(result.errors["attributes.checkworthy"]?.[0]).toMatch(/Unknown value "maybe"; expected one of yes, no/);
  });

  it("rejects stance targets outside the project, duplicates and values off the scale", () => {
    const result = checkSpanAttributes(
      schema,
      "CLAIM",
      { checkworthy: "yes", stance: [{ target: "Mars", value: 1 }, { target: "Ukraine", value: 3 }, { target: "Ukraine", value: 0 }] },
      opts,
    );
    expect(result.errors["attributes.stance.0.target"]).toEqual(['"Mars" is not a stance target of this project']);
    expect(result.errors["attributes.stance.1.value"]).toEqual(["Stance value must be one of -2, -1, 0, 1, 2"]);
    expect(result.errors["attributes.stance.2.target"]).toEqual(['"Ukraine" appears twice']);
  });

  it("stores each stance holder, filling the type's default and keeping an explicit one", () => {
    const stance = (type: string, attributes: Record<string, unknown>) => checkSpanAttributes(schema, type, attributes, opts).attributes.stance;
    expect(stance("CLAIM", { checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }] })).toEqual([{ target: "Ukraine", value: 1, holder: "author" }]);
    expect(stance("EDITORIAL", { kind: "editor-aside", stance: [{ target: "Ukraine", value: -1 }] })).toEqual([{ target: "Ukraine", value: -1, holder: "republisher" }]);
    expect(stance("QUOTE", { form: "direct", speaker: { id: "e" }, stance: [{ target: "Ukraine", value: 0, holder: "author" }] })).toEqual([
      { target: "Ukraine", value: 0, holder: "author" },
    ]);
  });

  it("rejects an unknown stance holder with its path and the allowed values", () => {
    const result = checkSpanAttributes(schema, "CLAIM", { checkworthy: "yes", stance: [{ target: "Ukraine", value: 1, holder: "editor" }] }, opts);
    expect(result.errors).toEqual({ "attributes.stance.0.holder": ['Unknown stance holder "editor"; expected one of source, author, republisher'] });
  });

  it("checks cue spans against the text length", () => {
    const result = checkSpanAttributes(schema, "QUOTE", { form: "direct", speaker: { id: "e1" }, cue: { start: 90, end: 101 } }, opts);
    expect(result.errors["attributes.cue"]?.[0]).toMatch(/0 ≤ start < end ≤ 100/);
  });

  it("keeps a retired stance target that was already set but refuses choosing it anew", () => {
    const retired = withStanceTargets(schema, ["Ukraine"]);
    const previous = { checkworthy: "yes", stance: [{ target: "United States / the West", value: 1 }] };
    expect(checkSpanAttributes(retired, "CLAIM", previous, { ...opts, previous }).errors).toEqual({});
    expect(checkSpanAttributes(retired, "CLAIM", previous, opts).errors["attributes.stance.0.target"]).toBeDefined();
  });
});

describe("checkSentenceLabels", () => {
  it("accepts checkworthy and stance", () => {
    const result = checkSentenceLabels(schema, { checkworthy: "yes", stance: [{ target: "Ukraine", value: 2 }] }, opts);
    expect(result.errors).toEqual({});
    expect(result.attributes).toEqual({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 2, holder: "author" }] });
  });

  it("refuses an empty label set", () => {
    expect(checkSentenceLabels(schema, {}, opts).errors.labels).toEqual(["Set at least one label"]);
  });
});
