import { fragmentsOf } from "@/lib/spans/span-gaps";
import { STANCE_HOLDERS } from "@/lib/stance/stance-holder";
import { fileStem } from "@/lib/export/filename";
import { canonicalJson } from "@/lib/export/json";
import type { PreparedDocument } from "@/lib/export/prepare";
import { compareStrings } from "@/lib/export/prepare";
import { lfText, type LfText } from "@/lib/export/newlines";
import { goldRelations } from "@/lib/export/relations";
import { speakersOf } from "@/lib/export/speakers";
import { LINE_BREAK, tsvCell } from "@/lib/export/tsv";
import { ExportError, type ExportContext, type FormatWriter, type Offsets } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

/**
 * brat standoff (gold layer only):
 * - `brat/{stem}.txt` is the document text with CRLF/CR written as LF, because brat reads it
 *   with universal newlines; offsets are code points of that file (see newlines.ts).
 * - A discontinuous span (with gaps) is one text-bound with a fragment per covered piece
 *   (`T1\tQUOTE 10 20;35 50`), its text the fragments joined by a space, as brat writes it.
 * - A span crossing a line break is written as fragments `s e;s e` split at every line
 *   boundary (brat cannot show a text-bound across lines); its text is the fragments joined by
 *   a space, as brat itself writes them.
 * - Cue and speaker-mention spans are `Attribution_cue` / `Speaker_mention` entities linked
 *   with `Cue` / `Speaker` relations (Arg1 the quote); names differ from the entity names so
 *   brat never confuses an entity type with a relation type.
 * - Scalar span attributes become `A` lines named with the key capitalised; stance becomes
 *   `Stance_<target>` with values strong_against/against/neutral/favor/strong_favor for
 *   -2…+2, and `StanceHolder_<target>` says whose stance it is (source/author/republisher).
 *   Names are slugged (Unicode letters, digits, _ and -) and made unique per export;
 *   annotation.conf lists which target each name stands for.
 * - Relations between gold spans are `R` lines named by their type (`R4\tembedded-in Arg1:T3
 *   Arg2:T1`, Arg1 the source); annotation.conf lists each type with the entity types of its ends.
 * - One `AnnotatorNotes` per span records its id, layer, speaker entities and any non-scalar
 *   attributes as JSON.
 */
export const BRAT_CONF_FILE = "brat/annotation.conf";

const STANCE_VALUES = ["strong_against", "against", "neutral", "favor", "strong_favor"] as const;

function slug(value: string): string {
  return value.replace(/[^\p{L}\p{N}_-]+/gu, "_");
}

/** Maps source names to brat-safe names, first come first served, never two sources to one name. */
class NameRegistry {
  private readonly bySource = new Map<string, string>();
  private readonly taken = new Set<string>();
  get(source: string, base: string): string {
    const known = this.bySource.get(source);
    if (known) return known;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.bySource.set(source, name);
    this.taken.add(name);
    return name;
  }
  entries(): Array<[string, string]> {
    return [...this.bySource.entries()];
  }
}

/** Splits [start, end) at line boundaries into non-empty fragments. */
export function bratFragments(p: PreparedDocument, o: Offsets): Offsets[] {
  const text = p.slice(o.start, o.end);
  const out: Offsets[] = [];
  let pos = o.start;
  for (const piece of text.split(new RegExp(`(${LINE_BREAK.source})`, "u"))) {
    const len = Array.from(piece).length;
    if (len > 0 && !new RegExp(`^(${LINE_BREAK.source})$`, "u").test(piece)) out.push({ start: pos, end: pos + len });
    pos += len;
  }
  if (out.length === 0) throw new ExportError(`document ${JSON.stringify(p.doc.id)}: span [${o.start}, ${o.end}) is only line breaks`);
  return out;
}

type Conf = {
  entities: Set<string>;
  cueArgs: Set<string>;
  speakerArgs: Set<string>;
  attributes: Map<string, { args: Set<string>; values: Set<string> }>;
  relations: Map<string, { from: Set<string>; to: Set<string> }>;
};

export function createBratWriter(): FormatWriter {
  const names = new NameRegistry();
  const conf: Conf = { entities: new Set(), cueArgs: new Set(), speakerArgs: new Set(), attributes: new Map(), relations: new Map() };
  const noteAttr = (name: string, arg: string, value: string) => {
    const a = conf.attributes.get(name) ?? { args: new Set<string>(), values: new Set<string>() };
    a.args.add(arg);
    a.values.add(value);
    conf.attributes.set(name, a);
  };

  function annotations(p: PreparedDocument, lf: LfText): string {
    const lines: string[] = [];
    let t = 0, a = 0, r = 0, n = 0;
    const textBound = (type: string, o: Offsets & { gaps?: Offsets[] }): string => {
      const id = `T${++t}`;
      const frags = fragmentsOf(o.start, o.end, o.gaps).flatMap((piece) => bratFragments(p, piece));
      // Fragments never contain a line break, so mapping their ends is exact.
      const offsets = frags.map((f) => `${lf.map(f.start)} ${lf.map(f.end)}`).join(";");
      lines.push(`${id}\t${type} ${offsets}\t${frags.map((f) => p.slice(f.start, f.end)).join(" ")}`);
      return id;
    };
    const tidOf = new Map<string, { tid: string; type: string }>();
    for (const s of p.goldSpans) {
      const type = names.get(`type:${s.type}`, slug(s.type));
      conf.entities.add(type);
      const tid = textBound(type, s);
      tidOf.set(s.id, { tid, type });
      if (s.cue) {
        const cid = textBound("Attribution_cue", s.cue);
        lines.push(`R${++r}\tCue Arg1:${tid} Arg2:${cid}`);
        conf.cueArgs.add(type);
      }
      if (s.speakerMention) {
        const mid = textBound("Speaker_mention", s.speakerMention);
        lines.push(`R${++r}\tSpeaker Arg1:${tid} Arg2:${mid}`);
        conf.speakerArgs.add(type);
      }
      const extra: Record<string, unknown> = {};
      for (const key of Object.keys(s.attributes).sort()) {
        const v = s.attributes[key];
        if (v === null || v === undefined || v === "") continue;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
          const base = slug(key);
          const name = names.get(`attr:${key}`, base.charAt(0).toUpperCase() + base.slice(1));
          const value = slug(String(v));
          lines.push(`A${++a}\t${name} ${tid} ${value}`);
          noteAttr(name, type, value);
        } else extra[key] = v;
      }
      for (const st of s.stance) {
        const name = names.get(`stance:${st.target}`, `Stance_${slug(st.target)}`);
        const value = STANCE_VALUES[st.value + 2] ?? "neutral";
        lines.push(`A${++a}\t${name} ${tid} ${value}`);
        noteAttr(name, type, value);
        const holderName = names.get(`stanceHolder:${st.target}`, `StanceHolder_${slug(st.target)}`);
        lines.push(`A${++a}\t${holderName} ${tid} ${st.holder}`);
        noteAttr(holderName, type, st.holder);
      }
      const note = [`id=${s.id}`, `layer=${s.layer}`];
      // One `speaker=` per speaker, in order (a joint statement has several).
      for (const sp of speakersOf(s)) note.push(`speaker=${sp.name} [${sp.type} ${sp.id}]`);
      if (Object.keys(extra).length > 0) note.push(`attributes=${JSON.stringify(canonicalJson(extra, `span ${s.id} attributes`))}`);
      lines.push(`#${++n}\tAnnotatorNotes ${tid}\t${tsvCell(note.join("; "))}`);
    }
    for (const rel of goldRelations(p)) {
      const from = tidOf.get(rel.fromId)!;
      const to = tidOf.get(rel.toId)!;
      const name = names.get(`relation:${rel.type}`, slug(rel.type));
      lines.push(`R${++r}\t${name} Arg1:${from.tid} Arg2:${to.tid}`);
      const c = conf.relations.get(name) ?? { from: new Set<string>(), to: new Set<string>() };
      c.from.add(from.type);
      c.to.add(to.type);
      conf.relations.set(name, c);
    }
    return lines.map((l) => l + "\n").join("");
  }

  function annotationConf(ctx: ExportContext): string {
    const sorted = (s: Iterable<string>) => [...s].sort(compareStrings);
    const out: string[] = [
      `# brat configuration for ${tsvCell(ctx.projectName)}, dataset version ${ctx.datasetVersion}.`,
      ...names
        .entries()
        .filter(([source]) => source.startsWith("stance:") || source.startsWith("stanceHolder:"))
        .map(([source, name]) =>
          source.startsWith("stance:")
            ? `# ${name} = stance towards ${JSON.stringify(source.slice("stance:".length))}`
            : `# ${name} = whose stance towards ${JSON.stringify(source.slice("stanceHolder:".length))} (source = quoted speaker, author = outlet, republisher)`,
        ),
      "[entities]",
      ...sorted(conf.entities),
      "Attribution_cue",
      "Speaker_mention",
      "",
      "[relations]",
    ];
    if (conf.cueArgs.size > 0) out.push(`Cue\tArg1:${sorted(conf.cueArgs).join("|")}, Arg2:Attribution_cue`);
    if (conf.speakerArgs.size > 0) out.push(`Speaker\tArg1:${sorted(conf.speakerArgs).join("|")}, Arg2:Speaker_mention`);
    for (const name of sorted(conf.relations.keys())) {
      const c = conf.relations.get(name)!;
      out.push(`${name}\tArg1:${sorted(c.from).join("|")}, Arg2:${sorted(c.to).join("|")}`);
    }
    out.push("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]");
    for (const name of sorted(conf.attributes.keys())) {
      const a = conf.attributes.get(name);
      if (!a) continue;
      const source = names.entries().find(([, n]) => n === name)?.[0] ?? "";
      const values = source.startsWith("stance:") ? [...STANCE_VALUES] : source.startsWith("stanceHolder:") ? [...STANCE_HOLDERS] : sorted(a.values);
      out.push(`${name}\tArg:${sorted(a.args).join("|")}, Value:${values.join("|")}`);
    }
    return out.join("\n") + "\n";
  }

  return defineWriter("brat", {
    begin: () => [],
    document(p) {
      const stem = fileStem(p.doc.id);
      const lf = lfText(p);
      return [
        { path: `brat/${stem}.txt`, data: lf.text },
        { path: `brat/${stem}.ann`, data: annotations(p, lf) },
      ];
    },
    end: (ctx) => [{ path: BRAT_CONF_FILE, data: annotationConf(ctx) }],
  });
}
