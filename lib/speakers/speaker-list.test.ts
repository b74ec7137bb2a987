import { describe, expect, it } from "vitest";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { checkSpanAttributes } from "@/lib/annotations/attribute-rules";
import { coSpeakerIds, MAX_SPEAKERS, parseSpeakerList, storeSpeakers, withSpeakerSet } from "./speaker-list";

describe("parseSpeakerList", () => {
  it("takes one reference or a list, in order, and appends stored further speakers", () => {
    expect(parseSpeakerList({ id: "e1" }, undefined)).toEqual({ refs: [{ id: "e1" }], errors: [] });
    expect(parseSpeakerList([{ id: "e1" }, { name: "Wang Yi", type: "person" }], undefined).refs).toEqual([{ id: "e1" }, { name: "Wang Yi", type: "person" }]);
    expect(parseSpeakerList({ id: "e1" }, ["e2", { id: "e3" }]).refs).toEqual([{ id: "e1" }, { id: "e2" }, { id: "e3" }]);
    expect(parseSpeakerList(undefined, undefined)).toEqual({ refs: [], errors: [] });
  });

  it("refuses an empty list, a malformed entry, a speaker listed twice and too many speakers", () => {
    expect(parseSpeakerList([], undefined).errors).toEqual([{ path: "", message: "An empty list names no speaker; send one speaker or a list of at least one" }]);
    expect(parseSpeakerList([{ id: "e1" }, { who: "x" }], undefined).errors).toEqual([{ path: ".1", message: "Speaker must be {id} of a project entity or {name} of a new one" }]);
    expect(parseSpeakerList([{ name: "Lavrov" }, { name: " lavrov " }], undefined).errors).toEqual([{ path: ".1", message: 'The speaker "lavrov" is listed twice' }]);
    expect(parseSpeakerList({ id: "e1" }, ["e1"]).errors[0]?.message).toBe("The speaker e1 is listed twice");
    const many = Array.from({ length: MAX_SPEAKERS + 1 }, (_, i) => ({ id: `e${i}` }));
    expect(parseSpeakerList(many, undefined).errors).toEqual([{ path: "", message: `At most ${MAX_SPEAKERS} speakers` }]);
    expect(parseSpeakerList({ id: "e1" }, "e2").errors).toEqual([{ path: ":coSpeakers", message: "coSpeakers must be a list of entity ids" }]);
  });
});

describe("storing and comparing speakers", () => {
  it("keeps the first in the column and the rest, deduplicated, in coSpeakers; one speaker stores no coSpeakers", () => {
    expect(storeSpeakers({ form: "direct" }, ["e1", "e2", "e1", "e3"])).toEqual({ attributes: { form: "direct", coSpeakers: ["e2", "e3"] }, speakerId: "e1" });
    expect(storeSpeakers({ form: "direct", coSpeakers: ["old"] }, ["e1"])).toEqual({ attributes: { form: "direct" }, speakerId: "e1" });
    expect(storeSpeakers({}, [])).toEqual({ attributes: {}, speakerId: null });
    expect(coSpeakerIds({ coSpeakers: ["a", 3, "", "b"] })).toEqual(["a", "b"]);
  });

  it("compares speakers as a set: the same speakers in another order agree, a missing one does not", () => {
    const a = withSpeakerSet({ form: "direct", coSpeakers: ["e2"] }, "e1");
    const b = withSpeakerSet({ form: "direct", coSpeakers: ["e1"] }, "e2");
    expect(a).toEqual({ form: "direct", speaker: { id: "e1+e2" } });
    expect(b).toEqual(a);
    expect(withSpeakerSet({ form: "direct" }, "e1")).toEqual({ form: "direct", speaker: { id: "e1" } });
    expect(withSpeakerSet({ form: "direct" }, null)).toEqual({ form: "direct" });
  });
});

describe("the speaker attribute of a QUOTE", () => {
  const schema = defaultLabelSchema();
  const quote = (speaker: unknown, extra: Record<string, unknown> = {}) => checkSpanAttributes(schema, "QUOTE", { form: "direct", speaker, ...extra }, { textLength: 50 });

  it("returns every speaker and the first as `speaker`", () => {
    const checked = quote([{ id: "e1" }, { name: "Wang Yi" }]);
    expect(checked.errors).toEqual({});
    expect(checked.speakers).toEqual([{ id: "e1" }, { name: "Wang Yi" }]);
    expect(checked.speaker).toEqual({ id: "e1" });
    expect(checked.attributes).toEqual({ form: "direct" });
  });

  it("reports list errors at the attribute's path; the stored coSpeakers key is accepted, not unknown", () => {
    expect(quote([]).errors).toEqual({ "attributes.speaker": ["An empty list names no speaker; send one speaker or a list of at least one"] });
    expect(quote([{ id: "e1" }, { id: "e1" }]).errors).toEqual({ "attributes.speaker.1": ["The speaker e1 is listed twice"] });
    expect(quote({ id: "e1" }, { coSpeakers: ["e2"] }).speakers).toEqual([{ id: "e1" }, { id: "e2" }]);
    expect(quote(undefined).errors).toEqual({ "attributes.speaker": ["speaker is required"] });
    expect(checkSpanAttributes(schema, "CLAIM", { checkworthy: "yes", coSpeakers: ["e2"] }, { textLength: 50 }).errors).toEqual({ "attributes.coSpeakers": ['Unknown attribute "coSpeakers"'] });
  });
});
