// The label schema of a project: span types with their attributes, sentence-level labels and the
// stance targets. Stored as JSON on the project; values in use are retired, never deleted.
export type AttributeDefinition =
  | { name: string; kind: "choice"; values: ChoiceValue[]; required: boolean }
  | { name: string; kind: "stance"; required: boolean }
  | { name: string; kind: "entity"; required: boolean }
  | { name: string; kind: "span"; required: boolean };

export type ChoiceValue = { value: string; label: string; retired?: boolean };

export type SpanTypeDefinition = {
  name: string;
  label: string;
  color: string;
  hotkey: string;
  attributes: AttributeDefinition[];
  retired?: boolean;
};

export type StanceTarget = { name: string; retired?: boolean };

export type LabelSchema = {
  spanTypes: SpanTypeDefinition[];
  sentenceLabels: AttributeDefinition[];
  stanceTargets: StanceTarget[];
  /** Typed links between spans; absent on older projects, which get the defaults (lib/relations/relation-types.ts). */
  relationTypes?: { name: string; label: string; retired?: boolean }[];
};

export const STANCE_SCALE = [
  { value: -2, label: "Strongly against" },
  { value: -1, label: "Against" },
  { value: 0, label: "Neutral" },
  { value: 1, label: "For" },
  { value: 2, label: "Strongly for" },
] as const;

const yesNo: ChoiceValue[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export const DEFAULT_STANCE_TARGETS = ["Russia–China partnership", "United States / the West", "Ukraine"];

export function defaultLabelSchema(stanceTargets: readonly string[] = DEFAULT_STANCE_TARGETS): LabelSchema {
  return {
    spanTypes: [
      {
        name: "CLAIM",
        label: "Claim",
        color: "#2563eb",
        hotkey: "c",
        attributes: [
          { name: "checkworthy", kind: "choice", values: yesNo, required: true },
          { name: "stance", kind: "stance", required: false },
        ],
      },
      {
        name: "QUOTE",
        label: "Quote",
        color: "#16a34a",
        hotkey: "q",
        attributes: [
          {
            name: "form",
            kind: "choice",
            required: true,
            values: [
              { value: "direct", label: "Direct" },
              { value: "indirect", label: "Indirect" },
              { value: "mixed", label: "Mixed" },
            ],
          },
          { name: "speaker", kind: "entity", required: true },
          { name: "cue", kind: "span", required: false },
          { name: "speakerMention", kind: "span", required: false },
          { name: "stance", kind: "stance", required: false },
        ],
      },
      {
        name: "EDITORIAL",
        label: "Editorial insertion",
        color: "#d97706",
        hotkey: "e",
        attributes: [
          {
            name: "kind",
            kind: "choice",
            required: true,
            values: [
              { value: "translation-note", label: "Translation note" },
              { value: "editor-aside", label: "Editor aside" },
              { value: "legal-footnote", label: "Legal footnote" },
              { value: "disclaimer", label: "Disclaimer" },
              { value: "republisher-lead", label: "Republisher lead" },
              { value: "boilerplate", label: "Boilerplate" },
            ],
          },
          { name: "stance", kind: "stance", required: false },
        ],
      },
    ],
    sentenceLabels: [
      { name: "checkworthy", kind: "choice", values: yesNo, required: false },
      { name: "stance", kind: "stance", required: false },
    ],
    stanceTargets: stanceTargets.map((name) => ({ name })),
  };
}

export function activeStanceTargets(schema: LabelSchema): string[] {
  return schema.stanceTargets.filter((t) => !t.retired).map((t) => t.name);
}

/**
 * Replaces the active stance targets with `names`. Targets that disappear from the list are
 * retired rather than deleted, so annotations that use them stay valid and exportable.
 */
export function withStanceTargets(schema: LabelSchema, names: readonly string[]): LabelSchema {
  const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
  const kept: StanceTarget[] = schema.stanceTargets.map((t) =>
    wanted.has(t.name.toLowerCase()) ? { name: wanted.get(t.name.toLowerCase())! } : { name: t.name, retired: true },
  );
  const known = new Set(schema.stanceTargets.map((t) => t.name.toLowerCase()));
  const added = names.filter((n) => !known.has(n.toLowerCase())).map((name) => ({ name }));
  return { ...schema, stanceTargets: [...kept, ...added] };
}
