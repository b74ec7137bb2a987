import { describe, expect, it } from "vitest";
import { parseMentions } from "./parse-mentions";

const members = [
  { id: "a", email: "ann@example.com", name: "Ann" },
  { id: "b", email: "ann.lee@example.com", name: "Ann Lee" },
  { id: "r", email: "reviewer@example.com", name: "Reviewer" },
];

describe("parseMentions", () => {
  it("finds mentions by email and by name, case-insensitively, once each, in order", () => {
    expect(parseMentions("@Reviewer please check; cc @ANN@example.com and @reviewer again", members)).toEqual(["r", "a"]);
  });

  it("prefers the longest matching name", () => {
    expect(parseMentions("thanks @Ann Lee!", members)).toEqual(["b"]);
    expect(parseMentions("thanks @Ann, and @Ann Lee", members)).toEqual(["a", "b"]);
  });

  it("needs a word boundary after the name and no word character before the @", () => {
    expect(parseMentions("@Annabel is not a member", members)).toEqual([]);
    expect(parseMentions("mail me at someone@Reviewer", members)).toEqual([]);
  });

  it("ignores unknown names and bare @", () => {
    expect(parseMentions("@ nobody @stranger", members)).toEqual([]);
  });
});
