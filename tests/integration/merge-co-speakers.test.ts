import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { mergeEntity } from "@/lib/entities/entities";
import { makeTeam } from "./factories";
import { makeDocument, makeEntity } from "./review-factories";

describe("merging entities re-points further speakers", () => {
  it("replaces the merged entity in attributes.coSpeakers in place, without listing a speaker twice", async () => {
    const team = await makeTeam();
    const doc = await makeDocument(team.project.id);
    const entity = (name: string) => makeEntity(team.project.id, name);
    const [xi, putin, putinDup, lukashenko] = [await entity("Xi Jinping"), await entity("Vladimir Putin"), await entity("V. Putin"), await entity("Alexander Lukashenko")];
    const quote = async (speakerId: string, coSpeakers: string[]) => {
      const id = crypto.randomUUID();
      await prisma().annotation.create({
        data: { id, documentId: doc.id, layer: "ANNOTATOR", authorId: team.annotator.id, type: "QUOTE", start: 0, end: 10, speakerId, attributes: { form: "direct", coSpeakers } },
      });
      return id;
    };
    const inPlace = await quote(xi.id, [putinDup.id, lukashenko.id]); // → [putin, lukashenko]
    const twice = await quote(xi.id, [putin.id, putinDup.id]); // → [putin]
    const first = await quote(putinDup.id, [putin.id, lukashenko.id]); // speaker → putin; co → [lukashenko]
    const only = await quote(putin.id, [putinDup.id]); // → no further speakers
    const untouched = await quote(xi.id, [lukashenko.id]);

    const result = await mergeEntity(team.manager, team.project.id, putinDup.id, { into: putin.id });
    expect(result.repointedAnnotations).toBe(4);
    const stored = async (id: string) => prisma().annotation.findUniqueOrThrow({ where: { id }, select: { speakerId: true, attributes: true, version: true } });
    expect(await stored(inPlace)).toEqual({ speakerId: xi.id, attributes: { form: "direct", coSpeakers: [putin.id, lukashenko.id] }, version: 2 });
    expect(await stored(twice)).toEqual({ speakerId: xi.id, attributes: { form: "direct", coSpeakers: [putin.id] }, version: 2 });
    expect(await stored(first)).toMatchObject({ speakerId: putin.id, attributes: { form: "direct", coSpeakers: [lukashenko.id] } });
    expect(await stored(only)).toEqual({ speakerId: putin.id, attributes: { form: "direct" }, version: 2 });
    expect(await stored(untouched)).toEqual({ speakerId: xi.id, attributes: { form: "direct", coSpeakers: [lukashenko.id] }, version: 1 });
  });
});
