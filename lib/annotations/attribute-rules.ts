// Validates an annotation's attributes against the project's label schema. Pure, so every rule
// is unit-tested; the data layer turns the result into a 400 with per-field messages.
import type { FieldErrors } from "@/lib/errors";
import { activeStanceTargets, STANCE_SCALE, type AttributeDefinition, type LabelSchema } from "@/lib/schema/label-schema";
import type { SpeakerRef } from "@/lib/validation/speaker-ref";
import { CO_SPEAKERS, parseSpeakerList } from "@/lib/speakers/speaker-list";
import { defaultStanceHolder, isStanceHolder, STANCE_HOLDERS, type StanceHolder } from "@/lib/stance/stance-holder";

export type CheckedAttributes = {
  /** Attributes to store (the speaker is stored as a reference column, not in here). */
  attributes: Record<string, unknown>;
  /** undefined: the type has no speaker attribute; null: none given. The first of `speakers`. */
  speaker: SpeakerRef | null | undefined;
  /** Every speaker in order (a joint statement has several); empty when none given. */
  speakers?: SpeakerRef[];
  errors: FieldErrors;
};

type Options = {
  /** Code-point length of the document text, to check nested span attributes such as `cue`. */
  textLength: number;
  /** The stored attributes before this change: a retired value may be kept, not newly chosen. */
  previous?: Record<string, unknown>;
};

/** What checkValue needs beyond the options: the holder a stance entry without one gets. */
type Context = Options & { holder: StanceHolder };

const STANCE_VALUES = new Set<number>(STANCE_SCALE.map((s) => s.value));

function push(errors: FieldErrors, path: string, message: string) {
  (errors[path] ??= []).push(message);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function checkValue(def: AttributeDefinition, value: unknown, path: string, schema: LabelSchema, options: Context, errors: FieldErrors): unknown {
  const previous = options.previous?.[def.name];
  switch (def.kind) {
    case "choice": {
      const choice = def.values.find((v) => v.value === value);
      if (typeof value !== "string" || !choice) {
        push(errors, path, `Unknown value ${JSON.stringify(value)}; expected one of ${def.values.filter((v) => !v.retired).map((v) => v.value).join(", ")}`);
      } else if (choice.retired && previous !== value) {
        push(errors, path, `The value "${value}" is retired and can no longer be chosen`);
      }
      return value;
    }
    case "stance": {
      if (!Array.isArray(value)) {
        push(errors, path, "Stance must be a list of {target, value, holder}");
        return value;
      }
      const active = new Set(activeStanceTargets(schema));
      const previousTargets = new Set(Array.isArray(previous) ? previous.map((s: { target?: unknown }) => s?.target) : []);
      const seen = new Set<string>();
      value.forEach((item: unknown, i) => {
        const entry = item as { target?: unknown; value?: unknown; holder?: unknown };
        if (typeof entry !== "object" || entry === null || typeof entry.target !== "string") {
          push(errors, `${path}.${i}.target`, "Stance target is required");
          return;
        }
        if (!active.has(entry.target) && !previousTargets.has(entry.target)) {
          push(errors, `${path}.${i}.target`, `"${entry.target}" is not a stance target of this project`);
        }
        if (seen.has(entry.target)) push(errors, `${path}.${i}.target`, `"${entry.target}" appears twice`);
        seen.add(entry.target);
        if (typeof entry.value !== "number" || !STANCE_VALUES.has(entry.value)) {
          push(errors, `${path}.${i}.value`, "Stance value must be one of -2, -1, 0, 1, 2");
        }
        if (entry.holder !== undefined && !isStanceHolder(entry.holder)) {
          push(errors, `${path}.${i}.holder`, `Unknown stance holder ${JSON.stringify(entry.holder)}; expected one of ${STANCE_HOLDERS.join(", ")}`);
        }
      });
      // The holder is always stored, so later readers never have to guess.
      return value.map((item: { target: string; value: number; holder?: StanceHolder }) => ({ target: item?.target, value: item?.value, holder: item?.holder ?? options.holder }));
    }
    case "span": {
      const span = value as { start?: unknown; end?: unknown };
      const ok =
        typeof span === "object" &&
        span !== null &&
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        (span.start as number) >= 0 &&
        (span.start as number) < (span.end as number) &&
        (span.end as number) <= options.textLength;
      if (!ok) push(errors, path, `Must be {start, end} with 0 ≤ start < end ≤ ${options.textLength} (code points)`);
      return ok ? { start: span.start, end: span.end } : value;
    }
    case "entity":
      // Handled by checkAgainst (one reference or a list, see lib/speakers/speaker-list.ts).
      return value;
  }
}

function checkAgainst(
  definitions: readonly AttributeDefinition[],
  input: Record<string, unknown>,
  prefix: string,
  schema: LabelSchema,
  options: Context,
): CheckedAttributes {
  const errors: FieldErrors = {};
  const attributes: Record<string, unknown> = {};
  let speaker: SpeakerRef | null | undefined;
  let speakers: SpeakerRef[] | undefined;
  const known = new Set(definitions.map((d) => d.name));
  // Stored further speakers travel back in (e.g. GET then PATCH): part of the speaker attribute.
  if (definitions.some((d) => d.kind === "entity")) known.add(CO_SPEAKERS);
  for (const name of Object.keys(input)) {
    if (!known.has(name)) push(errors, `${prefix}.${name}`, `Unknown attribute "${name}"`);
  }
  for (const def of definitions) {
    const value = input[def.name];
    const path = `${prefix}.${def.name}`;
    if (def.kind === "entity") {
      const parsed = parseSpeakerList(value, input[CO_SPEAKERS]);
      for (const e of parsed.errors) push(errors, e.path.startsWith(":") ? `${prefix}.${e.path.slice(1)}` : `${path}${e.path}`, e.message);
      if (parsed.refs.length === 0 && parsed.errors.length === 0 && def.required) push(errors, path, `${def.name} is required`);
      speakers = parsed.refs;
      speaker = parsed.refs[0] ?? null;
      continue;
    }
    if (isBlank(value)) {
      if (def.required) push(errors, path, `${def.name} is required`);
      continue;
    }
    attributes[def.name] = checkValue(def, value, path, schema, options, errors);
  }
  return { attributes, speaker, speakers, errors };
}

/** A span annotation's type and attributes. */
export function checkSpanAttributes(
  schema: LabelSchema,
  type: string,
  input: Record<string, unknown>,
  options: Options & { previousType?: string },
): CheckedAttributes {
  const definition = schema.spanTypes.find((t) => t.name === type);
  if (!definition) {
    const types = schema.spanTypes.filter((t) => !t.retired).map((t) => t.name);
    return { attributes: {}, speaker: undefined, errors: { type: [`Unknown type "${type}"; expected one of ${types.join(", ")}`] } };
  }
  if (definition.retired && options.previousType !== type) {
    return { attributes: {}, speaker: undefined, errors: { type: [`The type "${type}" is retired and can no longer be chosen`] } };
  }
  const holder = defaultStanceHolder(type, definition.attributes.some((a) => a.kind === "entity"));
  return checkAgainst(definition.attributes, input, "attributes", schema, { ...options, holder });
}

/** Sentence-level labels (checkworthy, stance…); at least one must be set. */
export function checkSentenceLabels(schema: LabelSchema, input: Record<string, unknown>, options: Options): CheckedAttributes {
  const checked = checkAgainst(schema.sentenceLabels, input, "labels", schema, { ...options, holder: defaultStanceHolder(null) });
  if (Object.keys(checked.attributes).length === 0 && Object.keys(checked.errors).length === 0) {
    checked.errors.labels = ["Set at least one label"];
  }
  return checked;
}
