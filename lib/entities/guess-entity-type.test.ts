import { describe, expect, it } from "vitest";
import { guessEntityType } from "./guess-entity-type";

describe("guessEntityType", () => {
  it("files ministries and institutions as organisations, in English and Russian", () => {
    expect(guessEntityType("Ministry of Foreign Affairs")).toBe("organisation");
    expect(guessEntityType("Министерство иностранных дел России")).toBe("organisation");
    expect(guessEntityType("the Kremlin")).toBe("organisation");
    expect(guessEntityType("Госдума")).toBe("organisation");
    expect(guessEntityType("Государственная дума")).toBe("organisation");
    expect(guessEntityType("Press office of the Ministry of Defence")).toBe("organisation");
  });

  it("files news media as outlets and countries or capitals as states", () => {
    expect(guessEntityType("TASS")).toBe("outlet");
    expect(guessEntityType("РИА Новости")).toBe("outlet");
    expect(guessEntityType("Global Times")).toBe("outlet");
    expect(guessEntityType("China")).toBe("state");
    expect(guessEntityType("the United States")).toBe("state");
    expect(guessEntityType("Китай")).toBe("state");
    expect(guessEntityType("Beijing")).toBe("state");
  });

  it("files statements as documents and everyone else as a person", () => {
    expect(guessEntityType("Joint Statement of the Two Leaders")).toBe("document");
    expect(guessEntityType("Sergey Lavrov")).toBe("person");
    expect(guessEntityType("Сергей Лавров")).toBe("person");
    expect(guessEntityType("  ")).toBe("person");
  });

  it("lets the project's registry decide for a known name or alias", () => {
    const registry = [{ name: "Zakharova", aliases: ["MFA spokeswoman"], type: "person" }, { name: "Xinhua", aliases: [], type: "outlet" }, { name: "Paris", aliases: [], type: "person" }];
    expect(guessEntityType("mfa spokeswoman", registry)).toBe("person");
    expect(guessEntityType("Paris", registry)).toBe("person"); // Paris Hilton, not France: the registry wins
    expect(guessEntityType("Paris")).toBe("state");
  });
});
