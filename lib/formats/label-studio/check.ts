// Checks the annotations read from a Label Studio file against the project's label schema, the
// same rules as a save through the API. Pure, so every rule is unit-tested.
import { checkSentenceLabels, checkSpanAttributes } from "@/lib/annotations/attribute-rules";
import type { ImportedAnnotation } from "./reader";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { SpeakerRef } from "@/lib/validation/speaker-ref";

export type CheckedSpan = { type: string; start: number; end: number; gaps?: { start: number; end: number }[]; attributes: Record<string, unknown>; speakers: SpeakerRef[] };
export type CheckedSentence = { start: number; end: number; attributes: Record<string, unknown> };
export type CheckedLayer = { spans: CheckedSpan[]; sentences: CheckedSentence[]; errors: string[] };

const SPEAKER_TYPES = new Set(["person", "organisation", "outlet", "document", "state"]);

function firstErrors(errors: Record<string, string[]>, where: string): string[] {
  return Object.entries(errors).map(([path, messages]) => `${where}: ${path}: ${messages[0]}`);
}

/**
 * Span labels name a span type case-insensitively; attributes, stance, speaker and parts are
 * checked as one attributes object. Speaker types are spelt as in our exports and the API
 * (person…); upper case (PERSON…, older exports) is read too.
 */
export function checkImportedLayer(schema: LabelSchema, annotation: ImportedAnnotation, textLength: number): CheckedLayer {
  const types = new Map(schema.spanTypes.filter((t) => !t.retired).map((t) => [t.name.toLowerCase(), t.name]));
  const errors: string[] = [];
  const unknown = [...new Set(annotation.spans.map((s) => s.type).filter((t) => !types.has(t.toLowerCase())))];
  if (unknown.length > 0) return { spans: [], sentences: [], errors: [`Labels not in the project's schema: ${unknown.join(", ")}. Add them as span types first.`] };
  const spans = annotation.spans.flatMap((s): CheckedSpan[] => {
    const type = types.get(s.type.toLowerCase())!;
    const where = `region ${s.id} (${type})`;
    const input: Record<string, unknown> = { ...s.attributes, ...s.parts };
    if (s.stance.length > 0) input.stance = s.stance;
    if (s.speaker) {
      const kind = s.speaker.type?.toLowerCase();
      if (kind !== undefined && !SPEAKER_TYPES.has(kind)) {
        errors.push(`${where}: speaker type "${s.speaker.type}" is not one of person, organisation, outlet, document, state`);
        return [];
      }
      input.speaker = { name: s.speaker.name, ...(kind ? { type: kind } : {}) };
      const more = s.coSpeakers.map((c) => ({ name: c.name, kind: c.type?.toLowerCase() }));
      const badType = more.find((c) => c.kind !== undefined && !SPEAKER_TYPES.has(c.kind));
      if (badType) {
        errors.push(`${where}: speaker type "${badType.kind}" of "${badType.name}" is not one of person, organisation, outlet, document, state`);
        return [];
      }
      if (more.length > 0) input.speaker = [input.speaker, ...more.map((c) => ({ name: c.name, ...(c.kind ? { type: c.kind } : {}) }))];
    }
    const checked = checkSpanAttributes(schema, type, input, { textLength });
    if (Object.keys(checked.errors).length > 0) {
      errors.push(...firstErrors(checked.errors, where));
      return [];
    }
    return [{ type, start: s.start, end: s.end, ...(s.gaps ? { gaps: s.gaps } : {}), attributes: checked.attributes, speakers: checked.speakers ?? [] }];
  });
  const sentences = annotation.sentences.flatMap((s): CheckedSentence[] => {
    const input: Record<string, unknown> = { ...s.attributes };
    if (s.stance.length > 0) input.stance = s.stance;
    const checked = checkSentenceLabels(schema, input, { textLength });
    if (Object.keys(checked.errors).length > 0) {
      errors.push(...firstErrors(checked.errors, `sentence region ${s.id}`));
      return [];
    }
    return [{ start: s.start, end: s.end, attributes: checked.attributes }];
  });
  return { spans, sentences, errors };
}
