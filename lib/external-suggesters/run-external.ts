import "server-only";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { labelStudioConfig, modelFromSchema } from "@/lib/formats/label-studio/config";
import { activeStanceTargets, type LabelSchema } from "@/lib/schema/label-schema";
import { mapPrediction, predictRequest } from "./predict-protocol";
import { postJson } from "./post-json";

/** Largest answer read from a suggester; a bigger one is cut off and counts as a failure. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export type ExternalSuggestion = { suggester: "external"; rule: string; type: string; start: number; end: number; attributes: Record<string, unknown>; confidence: number };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** <base>/predict, as Label Studio calls an ML backend registered by its base URL. */
export function predictUrl(base: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/u, "")}/predict`;
  return url;
}

/**
 * Calls every external suggester of the project for one document. Never throws: a failure (no
 * answer in time, an error status, a refused address, garbage) is recorded on the suggester row
 * for the manager and counted, and the rule-based suggestions go on without it.
 */
export async function runExternalSuggesters(doc: { id: string; projectId: string; text: string; labelSchema: LabelSchema }): Promise<{ suggestions: ExternalSuggestion[]; failures: number }> {
  const suggesters = await prisma().externalSuggester.findMany({ where: { projectId: doc.projectId }, orderBy: { name: "asc" }, select: { id: true, name: true, url: true, token: true } });
  if (suggesters.length === 0) return { suggestions: [], failures: 0 };
  const spanTypes = doc.labelSchema.spanTypes.filter((t) => !t.retired).map((t) => t.name);
  const body = predictRequest({ taskId: doc.id, text: doc.text, projectId: doc.projectId, labelConfig: labelStudioConfig(modelFromSchema(doc.labelSchema, activeStanceTargets(doc.labelSchema))) });
  const { EXTERNAL_SUGGESTERS_ALLOW_PRIVATE: allowPrivate, EXTERNAL_SUGGESTER_TIMEOUT_MS: timeoutMs } = env();
  const results = await Promise.all(
    suggesters.map(async (s) => {
      try {
        const answer = await postJson(predictUrl(s.url), body, { token: s.token, timeoutMs, maxBytes: MAX_RESPONSE_BYTES, allowPrivate });
        const { spans, dropped } = mapPrediction(answer, doc.text, spanTypes);
        const droppedNote = Object.entries(dropped).map(([why, n]) => `${n} × ${why}`).join(", ");
        await prisma().externalSuggester.update({
          where: { id: s.id },
          data: droppedNote ? { lastOkAt: new Date(), lastError: `Document ${doc.id}: regions dropped: ${droppedNote}`, lastErrorAt: new Date() } : { lastOkAt: new Date() },
        });
        return spans.map((x): ExternalSuggestion => ({ suggester: "external", rule: `external:${s.name}`, type: x.type, start: x.start, end: x.end, attributes: {}, confidence: x.confidence }));
      } catch (error) {
        await prisma()
          .externalSuggester.update({ where: { id: s.id }, data: { lastError: `Document ${doc.id}: ${messageOf(error)}`, lastErrorAt: new Date() } })
          .catch(() => undefined); // deleted meanwhile
        return null;
      }
    }),
  );
  return { suggestions: results.flatMap((r) => r ?? []), failures: results.filter((r) => r === null).length };
}
