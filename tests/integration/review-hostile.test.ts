import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getReview } from "@/lib/review/get-review";
import { startReview } from "@/lib/review/start-review";
import { makeTeam } from "./factories";
import { assign, makeDocument } from "./review-factories";

// The review page's loading function on hostile layers: 5,000 spans per annotator, two annotators,
// laid out normally, all identical, and all overlapping one another.

const PER_ANNOTATOR = 5000;

async function twoLayers(text: string, place: (annotator: 0 | 1, k: number) => { start: number; end: number; checkworthy?: string }) {
  const team = await makeTeam();
  const doc = await makeDocument(team.project.id, { text });
  await assign(doc.id, team.annotator);
  await assign(doc.id, team.annotator2);
  const rows = ([team.annotator, team.annotator2] as const).flatMap((user, u) =>
    Array.from({ length: PER_ANNOTATOR }, (_, k) => ({ authorId: user.id, checkworthy: "yes", ...place(u as 0 | 1, k) })),
  );
  // One INSERT … SELECT FROM unnest: 10,000 rows through createMany take most of the test's time.
  await prisma().$executeRaw`
    INSERT INTO annotations (id, document_id, layer, author_id, type, start, "end", attributes, updated_at)
    SELECT a.id, ${doc.id}, 'ANNOTATOR'::"AnnotationLayer", a.author_id, 'CLAIM', a.start, a."end", jsonb_build_object('checkworthy', a.checkworthy), now()
    FROM unnest(${rows.map(() => crypto.randomUUID())}::text[], ${rows.map((r) => r.authorId)}::text[], ${rows.map((r) => r.start)}::int[],
                ${rows.map((r) => r.end)}::int[], ${rows.map((r) => r.checkworthy)}::text[]) AS a(id, author_id, start, "end", checkworthy)`;
  return { team, doc };
}

const versionsIn = (review: Awaited<ReturnType<typeof getReview>>) => review.matches.reduce((sum, m) => sum + m.versions.length, 0);

describe("review of 5,000 spans per annotator", () => {
  it("loads a normal layout: one match per sentence, boundary disagreements counted", async () => {
    const sentence = "Officials said the partnership is strong. ";
    const length = Array.from(sentence).length;
    const { team, doc } = await twoLayers(sentence.repeat(PER_ANNOTATOR).trimEnd(), (u, k) => ({
      start: k * length,
      // Every fifth sentence the second annotator stops one code point early.
      end: k * length + length - 1 - (u === 1 && k % 5 === 0 ? 1 : 0),
    }));
    const review = await getReview(team.reviewer, doc.id);
    expect(review.counts).toMatchObject({ matches: PER_ANNOTATOR, agreed: 4000, disagreements: 1000, open: 1000, decided: 0 });
    expect(versionsIn(review)).toBe(2 * PER_ANNOTATOR);
    const disagreement = review.matches.find((m) => !m.agreed)!;
    expect(disagreement.differences).toEqual(["boundaries"]);
  });

  it("loads and starts a review of 5,000 identical spans per annotator: one agreed match per pair", async () => {
    const { team, doc } = await twoLayers("Officials said the partnership is strong.", () => ({ start: 0, end: 41 }));
    const review = await getReview(team.reviewer, doc.id);
    expect(review.counts).toMatchObject({ matches: PER_ANNOTATOR, agreed: PER_ANNOTATOR, open: 0 });
    expect(new Set(review.matches.map((m) => m.key)).size).toBe(PER_ANNOTATOR);
    expect(review.matches.map((m) => m.key)).toContain(`CLAIM:0:41#${PER_ANNOTATOR}`);
    expect(await startReview(team.reviewer, doc.id)).toMatchObject({ autoAccepted: PER_ANNOTATOR });
    expect((await getReview(team.reviewer, doc.id)).gold).toHaveLength(PER_ANNOTATOR);
  });

  it("loads 5,000 spans per annotator that all overlap one another, every version in exactly one match", async () => {
    // One long sentence (a period at the end only).
    const text = `${"word ".repeat(4 * PER_ANNOTATOR).trimEnd()}.`;
    const { team, doc } = await twoLayers(text, (u, k) => ({ start: 2 * k + u, end: 2 * k + u + 400, checkworthy: k % 2 ? "yes" : "no" }));
    const review = await getReview(team.reviewer, doc.id);
    expect(versionsIn(review)).toBe(2 * PER_ANNOTATOR);
    const ids = review.matches.flatMap((m) => m.versions.map((v) => v.id));
    expect(new Set(ids).size).toBe(2 * PER_ANNOTATOR);
    // Each annotator at most once per match; nearly every span finds its neighbour's partner.
    expect(review.matches.every((m) => new Set(m.versions.map((v) => v.authorId)).size === m.versions.length)).toBe(true);
    expect(review.counts.matches).toBeLessThan(1.1 * PER_ANNOTATOR);
  });
});
