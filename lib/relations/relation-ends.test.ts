import { describe, expect, it } from "vitest";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { relationEndErrors, relationTypeErrors, type RelationEnd } from "./relation-ends";
import { activeRelationTypes, removedRelationTypes } from "./relation-types";

const span = (id: string, overrides: Partial<RelationEnd> = {}): RelationEnd => ({ id, documentId: "d1", layer: "annotator", authorId: "u1", type: "QUOTE", ...overrides });

describe("relation ends", () => {
  it("accepts two spans of one annotator's layer, and two gold spans", () => {
    expect(relationEndErrors(span("a"), span("b"))).toEqual({});
    expect(relationEndErrors(span("a", { layer: "gold", authorId: "r1" }), span("b", { layer: "gold", authorId: "r2" }))).toEqual({});
  });

  it.each([
    ["a self-relation", span("a"), span("a"), "toId", /same annotation/],
    ["a sentence label as the source", span("a", { type: "SENTENCE" }), span("b"), "fromId", /sentence/],
    ["a sentence label as the target", span("a"), span("b", { type: "SENTENCE" }), "toId", /sentence/],
    ["ends in different documents", span("a"), span("b", { documentId: "d2" }), "toId", /same document/],
    ["an annotator span and a gold span", span("a"), span("b", { layer: "gold" }), "toId", /same layer \(fromId is annotator, toId is gold\)/],
    ["two annotators' layers", span("a"), span("b", { authorId: "u2" }), "toId", /same annotator's layer/],
  ])("refuses %s", (_label, from, to, field, message) => {
    const errors = relationEndErrors(from, to);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]![0]).toMatch(message);
  });
});

describe("relation types", () => {
  it("a schema without relation types gets the three defaults", () => {
    expect(activeRelationTypes(defaultLabelSchema()).map((t) => t.name)).toEqual(["embedded-in", "same-claim", "responds-to"]);
    expect(relationTypeErrors(defaultLabelSchema(), "embedded-in")).toEqual({});
  });

  it("refuses an unknown type, naming the ones that exist", () => {
    expect(relationTypeErrors(defaultLabelSchema(), "quotes")).toEqual({ type: ['Unknown relation type "quotes"; the project\'s types are embedded-in, same-claim, responds-to.'] });
  });

  it("refuses a retired type for new links but keeps it valid where it is already used", () => {
    const schema = { relationTypes: [{ name: "cites", label: "Cites", retired: true }, { name: "same-claim", label: "Same claim" }] };
    expect(relationTypeErrors(schema, "cites").type?.[0]).toMatch(/retired; use one of same-claim/);
    expect(relationTypeErrors(schema, "cites", { allowRetired: true })).toEqual({});
  });

  it("tells removed types from retired ones", () => {
    const before = { relationTypes: [{ name: "cites", label: "Cites" }, { name: "same-claim", label: "Same claim" }] };
    expect(removedRelationTypes(before, { relationTypes: [{ name: "cites", label: "Cites", retired: true }] })).toEqual(["same-claim"]);
    expect(removedRelationTypes({}, { relationTypes: [{ name: "embedded-in", label: "Embedded" }] })).toEqual(["same-claim", "responds-to"]);
  });
});
