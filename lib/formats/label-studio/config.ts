import { relationTypesOf, type RelationTypeDefinition } from "@/lib/relations/relation-types";
import { STANCE_SCALE } from "@/lib/schema/label-schema";
import { STANCE_HOLDERS } from "@/lib/stance/stance-holder";
import { compareStrings } from "@/lib/export/prepare";
import {
  attributeControl, LS_FRAGMENT, LS_PART_CONTROL, LS_PARTS, LS_SENTENCE_CONTROL, LS_SENTENCE_LABEL, LS_SPAN_CONTROL, LS_SPEAKER_TYPES, stanceControl,
  stanceHolderControl, LS_CO_SPEAKERS,
} from "./names";

export const LABEL_STUDIO_CONFIG_FILE = "label-studio.xml";

/** What the config must offer: span types with their choice/other attributes, and the stance targets. */
export type ConfigModel = {
  types: Map<string, { choices: Map<string, Set<string>>; others: Set<string>; speaker: boolean }>;
  sentence: { choices: Map<string, Set<string>>; others: Set<string> };
  targets: Set<string>;
  colors: Map<string, string>;
  /** Relation types between spans (labels of `relation` results). */
  relationTypes: Set<string>;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function emptyModel(): ConfigModel {
  return { types: new Map(), sentence: { choices: new Map(), others: new Set() }, targets: new Set(), colors: new Map(), relationTypes: new Set() };
}

export function modelType(m: ConfigModel, type: string) {
  let t = m.types.get(type);
  if (!t) m.types.set(type, (t = { choices: new Map(), others: new Set(), speaker: false }));
  return t;
}

export function addChoice(choices: Map<string, Set<string>>, name: string, value: string): void {
  let values = choices.get(name);
  if (!values) choices.set(name, (values = new Set()));
  values.add(value);
}

function addDefinitions(list: unknown, choices: Map<string, Set<string>>, others: Set<string>, onEntity: () => void): void {
  for (const a of Array.isArray(list) ? list : []) {
    if (!isObj(a) || typeof a.name !== "string") continue;
    if (a.kind === "choice" && Array.isArray(a.values)) {
      for (const v of a.values) if (isObj(v) && typeof v.value === "string") addChoice(choices, a.name, v.value);
    } else if (a.kind === "entity") onEntity();
    else if (a.kind !== "stance" && a.kind !== "span") others.add(a.name);
  }
}

/** Seeds the model from the project's label schema (read defensively: the context types it as unknown). */
export function modelFromSchema(schema: unknown, targets: readonly string[]): ConfigModel {
  const m = emptyModel();
  for (const t of targets) m.targets.add(t);
  if (!isObj(schema)) return m;
  for (const st of Array.isArray(schema.spanTypes) ? schema.spanTypes : []) {
    if (!isObj(st) || typeof st.name !== "string") continue;
    const t = modelType(m, st.name);
    if (typeof st.color === "string" && /^#[0-9a-fA-F]{6}$/u.test(st.color)) m.colors.set(st.name, st.color);
    addDefinitions(st.attributes, t.choices, t.others, () => (t.speaker = true));
  }
  addDefinitions(schema.sentenceLabels, m.sentence.choices, m.sentence.others, () => undefined);
  for (const t of relationTypesOf({ relationTypes: Array.isArray(schema.relationTypes) ? (schema.relationTypes as RelationTypeDefinition[]) : undefined }))
    if (typeof t.name === "string") m.relationTypes.add(t.name);
  return m;
}

const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
const sorted = (values: Iterable<string>) => [...values].sort(compareStrings);

function choicesXml(name: string, values: Iterable<string>, visible: string, header: string): string[] {
  return [
    `  <View visibleWhen="region-selected"${visible}>`,
    `    <Header value="${esc(header)}"/>`,
    `    <Choices name="${esc(name)}" toName="text" perRegion="true" choice="single">`,
    ...[...values].map((v) => `      <Choice value="${esc(v)}"/>`),
    "    </Choices>",
    "  </View>",
  ];
}

function textAreaXml(name: string, visible: string, header: string): string[] {
  return [
    `  <View visibleWhen="region-selected"${visible}>`,
    `    <Header value="${esc(header)}"/>`,
    `    <TextArea name="${esc(name)}" toName="text" perRegion="true" maxSubmissions="1" editable="true"/>`,
    "  </View>",
  ];
}

/**
 * The labelling config XML matching our tasks: import `label-studio.json` into a Label Studio
 * project created with this config and every region, choice, text and relation shows up.
 */
export function labelStudioConfig(m: ConfigModel): string {
  const types = sorted(m.types.keys());
  const when = (label: string) => ` whenLabelValue="${esc(label)}"`;
  const lines = [
    "<View>",
    `  <Labels name="${LS_SPAN_CONTROL}" toName="text">`,
    ...types.map((t) => `    <Label value="${esc(t)}"${m.colors.has(t) ? ` background="${m.colors.get(t)}"` : ""}/>`),
    "  </Labels>",
    `  <Labels name="${LS_PART_CONTROL}" toName="text">`,
    ...LS_PARTS.map((p) => `    <Label value="${p}"/>`),
    "  </Labels>",
    `  <Labels name="${LS_SENTENCE_CONTROL}" toName="text">`,
    `    <Label value="${LS_SENTENCE_LABEL}"/>`,
    "  </Labels>",
    '  <Text name="text" value="$text"/>',
    "  <Relations>",
    ...LS_PARTS.map((p) => `    <Relation value="${p}"/>`),
    `    <Relation value="${LS_FRAGMENT}"/>`,
    ...sorted(m.relationTypes).filter((t) => !(LS_PARTS as readonly string[]).includes(t) && t !== LS_FRAGMENT).map((t) => `    <Relation value="${esc(t)}"/>`),
    "  </Relations>",
  ];
  for (const t of types) {
    const def = m.types.get(t)!;
    for (const name of sorted(def.choices.keys())) lines.push(...choicesXml(attributeControl(t, name), sorted(def.choices.get(name)!), when(t), `${t}: ${name}`));
    for (const name of sorted(def.others)) lines.push(...textAreaXml(attributeControl(t, name), when(t), `${t}: ${name} (JSON)`));
    if (def.speaker) {
      lines.push(...textAreaXml(attributeControl(t, "speaker"), when(t), `${t}: speaker`));
      lines.push(...choicesXml(attributeControl(t, "speaker_type"), LS_SPEAKER_TYPES, when(t), `${t}: speaker type`));
      lines.push(...textAreaXml(attributeControl(t, LS_CO_SPEAKERS), when(t), `${t}: further speakers (JSON list of {name, type})`));
    }
  }
  const sentenceWhen = when(LS_SENTENCE_LABEL);
  for (const name of sorted(m.sentence.choices.keys()))
    lines.push(...choicesXml(attributeControl(LS_SENTENCE_CONTROL, name), sorted(m.sentence.choices.get(name)!), sentenceWhen, `Sentence: ${name}`));
  for (const name of sorted(m.sentence.others)) lines.push(...textAreaXml(attributeControl(LS_SENTENCE_CONTROL, name), sentenceWhen, `Sentence: ${name} (JSON)`));
  const scale = STANCE_SCALE.map((s) => String(s.value));
  for (const target of sorted(m.targets)) {
    lines.push(...choicesXml(stanceControl(target), scale, "", `Stance towards ${target} (−2 strongly against … +2 strongly for)`));
    lines.push(...choicesXml(stanceHolderControl(target), STANCE_HOLDERS, "", `Whose stance towards ${target} (source = quoted speaker, author = outlet, republisher)`));
  }
  lines.push("</View>", "");
  return lines.join("\n");
}
