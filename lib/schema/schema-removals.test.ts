import { describe, expect, it } from "vitest";
import { defaultLabelSchema, type LabelSchema } from "./label-schema";
import { describeRemoval, schemaRemovals } from "./schema-removals";

const edited = (edit: (s: LabelSchema) => void): LabelSchema => {
  const s = structuredClone(defaultLabelSchema(["A", "B"]));
  edit(s);
  return s;
};

describe("schemaRemovals", () => {
  it("finds nothing when values are only retired, relabelled, recoloured or added", () => {
    const after = edited((s) => {
      s.spanTypes[0]!.retired = true;
      s.spanTypes[1]!.color = "#000000";
      s.spanTypes[1]!.label = "Quotation";
      const kind = s.spanTypes[2]!.attributes[0]!;
      if (kind.kind === "choice") {
        kind.values[0]!.retired = true;
        kind.values.push({ value: "caption", label: "Caption" });
      }
      s.stanceTargets[0]!.retired = true;
      s.spanTypes.push({ name: "EVENT", label: "Event", color: "#111111", hotkey: "v", attributes: [] });
    });
    expect(schemaRemovals(defaultLabelSchema(["A", "B"]), after)).toEqual([]);
  });

  it("lists a removed type, attribute, choice value, sentence label value and stance target", () => {
    const after = edited((s) => {
      s.spanTypes.splice(0, 1); // CLAIM
      s.spanTypes[0]!.attributes = s.spanTypes[0]!.attributes.filter((a) => a.name !== "cue");
      const kind = s.spanTypes[1]!.attributes[0]!;
      if (kind.kind === "choice") kind.values = kind.values.filter((v) => v.value !== "boilerplate");
      const cw = s.sentenceLabels[0]!;
      if (cw.kind === "choice") cw.values = cw.values.filter((v) => v.value !== "no");
      s.stanceTargets = [{ name: "B" }];
    });
    const removals = schemaRemovals(defaultLabelSchema(["A", "B"]), after);
    expect(removals).toEqual([
      { kind: "spanType", type: "CLAIM" },
      { kind: "attribute", scope: "QUOTE", attribute: "cue", attributeKind: "span" },
      { kind: "value", scope: "EDITORIAL", attribute: "kind", value: "boilerplate" },
      { kind: "value", scope: null, attribute: "checkworthy", value: "no" },
      { kind: "stanceTarget", target: "A" },
    ]);
    expect(removals.map(describeRemoval)).toEqual([
      "span type CLAIM",
      "attribute QUOTE.cue",
      'value "boilerplate" of EDITORIAL.kind',
      'value "no" of sentence labels.checkworthy',
      'stance target "A"',
    ]);
  });

  it("treats a change of attribute kind as removing the attribute", () => {
    const after = edited((s) => {
      s.spanTypes[0]!.attributes[0] = { name: "checkworthy", kind: "stance", required: false };
    });
    expect(schemaRemovals(defaultLabelSchema(["A", "B"]), after)).toEqual([{ kind: "attribute", scope: "CLAIM", attribute: "checkworthy", attributeKind: "choice" }]);
  });
});
