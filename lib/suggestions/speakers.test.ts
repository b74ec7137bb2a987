import { describe, expect, it } from "vitest";
import { article } from "./corpus.test-helper";
import { EntityIndex } from "./entities";
import { parseSpeakerPhrase, SpeakerResolver } from "./speakers";

describe("parseSpeakerPhrase", () => {
  it("classifies names, outlets, organisations, pronouns, roles and plural sources", () => {
    expect(parseSpeakerPhrase("Alexey Maslov, Director of the Institute", "first")).toEqual({ kind: "name", name: "Alexey Maslov", type: "PERSON", start: 0, end: 13 });
    expect(parseSpeakerPhrase("Rear Admiral Wang Yu", "first")).toEqual({ kind: "name", name: "Wang Yu", type: "PERSON", start: 13, end: 20 });
    expect(parseSpeakerPhrase("the American edition of Politico", "last")).toEqual({ kind: "name", name: "Politico", type: "OUTLET", start: 24, end: 32 });
    expect(parseSpeakerPhrase("the secretariat of the Deputy Chairman", "last")).toEqual({ kind: "name", name: "Secretariat of the Deputy Chairman", type: "ORGANISATION", start: 4, end: 38 });
    expect(parseSpeakerPhrase("He also", "last")).toEqual({ kind: "pronoun", gender: "m", start: 0, end: 2 });
    expect(parseSpeakerPhrase("the interlocutor", "last")).toMatchObject({ kind: "role", role: "interlocutor", words: ["interlocutor"], nations: new Set(), start: 0, end: 16 });
    expect(parseSpeakerPhrase("the Russian president", "last")).toMatchObject({ kind: "role", role: "president", words: ["president"], nations: new Set(["RU"]), start: 0, end: 21 });
    expect(parseSpeakerPhrase("It is", "last")).toEqual({ kind: "impersonal", start: 0, end: 2 });
    expect(parseSpeakerPhrase("the leaders", "last")).toEqual({ kind: "none" });
    expect(parseSpeakerPhrase("a senior Navy officer", "last")).toEqual({ kind: "none" });
  });
  it("rejects non-strings", () => expect(() => parseSpeakerPhrase(7 as unknown as string, "first")).toThrow(TypeError));
});

describe("SpeakerResolver", () => {
  it("resolves 'the interlocutor' to the person introduced as 'Director of the Institute …' (corpus 002)", () => {
    const text = article("002");
    const r = new SpeakerResolver(text, new EntityIndex([]), () => false);
    const intro = text.indexOf("says Alexey Maslov");
    expect(r.resolve(parseSpeakerPhrase("Alexey Maslov", "first"), intro)?.name).toBe("Alexey Maslov");
    const at = text.indexOf("the interlocutor notes");
    expect(r.resolve(parseSpeakerPhrase("the interlocutor", "last"), at)).toEqual({ name: "Alexey Maslov", type: "PERSON" });
    expect(r.resolve(parseSpeakerPhrase("Maslov", "last"), at + 30)).toEqual({ name: "Alexey Maslov", type: "PERSON" });
  });
  it("binds a pronoun to the person named in the same or previous sentence, else to the last speaker", () => {
    const text = "Wang Yi met Lavrov. Sergei Shoigu arrived. He said that all is well.";
    const r = new SpeakerResolver(text, new EntityIndex([{ id: "p", name: "Vladimir Putin", aliases: [], type: "PERSON" }]), () => false);
    const he = text.indexOf("He said");
    expect(r.resolve({ kind: "pronoun", start: 0, end: 2 }, he, he, text.indexOf("Sergei"))?.name).toBe("Sergei Shoigu");
    expect(r.resolve({ kind: "name", name: "Putin", type: "PERSON", start: 0, end: 5 }, he + 5)).toEqual({ name: "Vladimir Putin", type: "PERSON", entityId: "p" });
    expect(r.resolve({ kind: "pronoun", start: 0, end: 2 }, text.length)?.name).toBe("Vladimir Putin");
  });
  it("returns undefined when nothing can be resolved", () => {
    const r = new SpeakerResolver("no names here", new EntityIndex([]), () => false);
    expect(r.resolve({ kind: "pronoun", start: 0, end: 2 }, 5)).toBeUndefined();
    expect(r.resolve({ kind: "none" }, 5)).toBeUndefined();
  });
});
