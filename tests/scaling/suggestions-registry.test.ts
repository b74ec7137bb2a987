import { describe, it } from "vitest";
import { EntityIndex, proposeMerges } from "@/lib/suggestions/entities";
import { expectLinear } from "./expect-linear";
import { registryOf } from "./suggestions-inputs";

// Registry-wide work per document: merge proposals and name matching against a registry of k speakers.
describe("the entity registry", () => {
  const proposed = registryOf(20, 7).map((e) => ({ name: e.name, type: e.type }));

  it("merge proposals for a document's new names grow linearly with the registry", () => {
    expectLinear(
      (k) => {
        // Varied names without one-word aliases: the output lists the registry's own look-alike pairs,
        // which must not themselves grow as k² for the time per document to be comparable.
        const registry = registryOf(k, 42, "varied").map((e) => ({ ...e, aliases: [] }));
        proposeMerges(registry, []); // the registry's own pairs: once per registry, not per document
        return registry;
      },
      (registry) => proposeMerges(registry, proposed),
      { base: 500 },
    );
  });

  it("matching a name costs the same with many namesakes", () => {
    expectLinear(
      (k) => new EntityIndex(Array.from({ length: k }, (_, i) => ({ id: `w${i}`, name: `Wang ${"Yi".repeat(1 + (i % 5))}${i}`, aliases: [], type: "PERSON" as const }))),
      (index) => {
        for (let i = 0; i < 2_000; i++) index.match("Wang", "PERSON");
      },
      { base: 2_000, maxRatio: 5 },
    );
  });
});
