import { describe, expect, it } from "vitest";
import { defaultLabelSchema, type LabelSchema } from "@/lib/schema/label-schema";
import { attributeFormSchema, toApiAttributes, toFormValues, spanType } from "./attribute-form";

const schema = defaultLabelSchema();
const targets = ["Ukraine", "Russia–China partnership"];
const quote = spanType(schema, "QUOTE")!;
const claim = spanType(schema, "CLAIM")!;

describe("attributeFormSchema", () => {
  it("accepts a complete quote", () => {
    const values = { form: "direct", speaker: ["ent1"], cue: { start: 3, end: 7 }, speakerMention: null, stance: [{ target: "Ukraine", value: -2, holder: "source" }] };
    expect(attributeFormSchema(quote, targets).safeParse(values).success).toBe(true);
  });

  it("requires a known holder on every stance entry", () => {
    const s = attributeFormSchema(claim, targets);
    expect(s.safeParse({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1, holder: "republisher" }] }).success).toBe(true);
    const bad = s.safeParse({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1, holder: "editor" }] });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["stance.0.holder", "Choose whose stance it is: source, author or republisher."]]);
  });

  it("requires the speaker and the form, with messages per field", () => {
    const result = attributeFormSchema(quote, targets).safeParse({ form: "", speaker: [], cue: null, speakerMention: null, stance: [] });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({ form: "Choose a form.", speaker: "Pick a speaker." });
  });

  it("rejects unknown stance targets, values outside −2..+2 and a target rated twice", () => {
    const s = attributeFormSchema(claim, targets);
    expect(s.safeParse({ checkworthy: "yes", stance: [{ target: "Mars", value: 0 }] }).success).toBe(false);
    expect(s.safeParse({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 3 }] }).success).toBe(false);
    expect(s.safeParse({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1.5 }] }).success).toBe(false);
    expect(s.safeParse({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }, { target: "Ukraine", value: 2 }] }).success).toBe(false);
    expect(s.safeParse({ checkworthy: "maybe", stance: [] }).success).toBe(false);
  });

  it("rejects an empty cue range", () => {
    const values = { form: "direct", speaker: ["e"], cue: { start: 5, end: 5 }, speakerMention: null, stance: [] };
    expect(attributeFormSchema(quote, targets).safeParse(values).success).toBe(false);
  });

  it("keeps a retired value valid only for the annotation already using it", () => {
    const retired: LabelSchema = structuredClone(schema);
    const form = retired.spanTypes[1]!.attributes[0]!;
    if (form.kind === "choice") form.values[2]!.retired = true;
    const type = spanType(retired, "QUOTE")!;
    const values = { form: "mixed", speaker: ["e"], cue: null, speakerMention: null, stance: [] };
    expect(attributeFormSchema(type, targets).safeParse(values).success).toBe(false);
    expect(attributeFormSchema(type, targets, { form: "mixed" }).safeParse(values).success).toBe(true);
  });
});

describe("form values ↔ API attributes", () => {
  it("round-trips a quote, sending the speaker as {id} and leaving unset values out", () => {
    const api = { form: "indirect", speaker: { id: "e9" }, cue: { start: 1, end: 5 }, stance: [{ target: "Ukraine", value: 1, holder: "author" }] };
    const values = toFormValues(quote, api, null);
    expect(values).toEqual({ form: "indirect", speaker: ["e9"], cue: { start: 1, end: 5 }, speakerMention: null, stance: [{ target: "Ukraine", value: 1, holder: "author" }] });
    expect(toApiAttributes(quote, values)).toEqual(api);
  });

  it("lists every speaker of a joint statement and sends them back as a list", () => {
    const values = toFormValues(quote, { form: "direct", coSpeakers: ["e2", "e3"] }, "e1");
    expect(values.speaker).toEqual(["e1", "e2", "e3"]);
    expect(toApiAttributes(quote, values)).toEqual({ form: "direct", speaker: [{ id: "e1" }, { id: "e2" }, { id: "e3" }] });
    // A queued save still holds the list it sent.
    expect(toFormValues(quote, { speaker: [{ id: "e1" }, { id: "e2" }] }, "e1").speaker).toEqual(["e1", "e2"]);
    const s = attributeFormSchema(quote, targets);
    expect(s.safeParse({ form: "direct", speaker: ["e1", "e1"], cue: null, speakerMention: null, stance: [] }).error?.issues[0]?.message).toBe("Each speaker may be listed once.");
  });

  it("gives stored stance without a holder (older data) the type's default", () => {
    expect(toFormValues(quote, { stance: [{ target: "Ukraine", value: 1 }] }, "e").stance).toEqual([{ target: "Ukraine", value: 1, holder: "source" }]);
    expect(toFormValues(claim, { stance: [{ target: "Ukraine", value: 1 }] }, null).stance).toEqual([{ target: "Ukraine", value: 1, holder: "author" }]);
  });

  it("prefers the annotation's resolved speaker and ignores junk", () => {
    const values = toFormValues(quote, { form: 3, speaker: "x", cue: "no", stance: [{ target: 1 }] }, "e1");
    expect(values).toEqual({ form: "", speaker: ["e1"], cue: null, speakerMention: null, stance: [] });
    expect(toApiAttributes(quote, values)).toEqual({ speaker: { id: "e1" } });
  });
});
