import { describe, expect, it } from "vitest";
import { createAllWriters } from "./all-formats";
import { createAttributionWriter } from "@/lib/formats/attribution/writer";
import { bratFragments, createBratWriter } from "@/lib/formats/brat/writer";
import { checkworthySubquestions, createCheckworthyTsvWriter } from "@/lib/formats/checkworthy-tsv/writer";
import { createSemeval2020Writer } from "@/lib/formats/semeval2020/writer";
import { createSentencesCsvWriter } from "@/lib/formats/sentences-csv/writer";
import { createSpansCsvWriter } from "@/lib/formats/spans-csv/writer";
import { createSpansJsonlWriter } from "@/lib/formats/spans-jsonl/writer";
import { createStanceTsvWriter, semevalStance } from "@/lib/formats/stance-tsv/writer";
import { prepareDocument } from "./prepare";
import { ctx, docA, docB, docC, docD, docs } from "./test-fixtures";
import type { ExportDocument } from "./types";
import { runWriter } from "./writer";

describe("spans JSONL", () => {
  it("writes one exact line per span with covered sentences and context", () => {
    const out = runWriter(createSpansJsonlWriter(), ctx, [docB]).get("spans.jsonl");
    expect(out).toBe(
      '{"document_id":"docB","id":"b1","layer":"gold","type":"CLAIM","start":0,"end":10,"text":"-5 degrees","attributes":{},' +
        '"stance":[{"target":"Weather","value":1,"holder":"author"}],"speaker":null,"speakers":[],"cue":null,"speaker_mention":null,"sentence_indices":[0],' +
        '"context_start":0,"context":"-5 degrees,\\tsaid @weather."}\n' +
        '{"document_id":"docB","id":"b2","layer":"gold","type":"QUOTE","start":36,"end":44,"text":"=SUM(A1)","attributes":{"form":"indirect"},' +
        '"stance":[],"speaker":{"id":"e-w","name":"=cmd|\' /C calc\'!A0","type":"organisation"},' +
        '"speakers":[{"id":"e-w","name":"=cmd|\' /C calc\'!A0","type":"organisation"}],"cue":null,' +
        '"speaker_mention":{"start":17,"end":25,"text":"@weather"},"sentence_indices":[1],"context_start":27,"context":"+1 more: =SUM(A1) \\"ok\\""}\n',
    );
    const a = (runWriter(createSpansJsonlWriter(), ctx, [docA]).get("spans.jsonl") ?? "").split("\n");
    const claim = JSON.parse(a[0] ?? "") as { sentence_indices: number[]; context: string };
    expect(claim.sentence_indices).toEqual([0, 1]);
    expect(claim.context).toBe("Putin 👍 said «да».\r\nLavrov: «Санкции не работают», he told reporters.");
  });

  it("gives null context for a span outside every sentence", () => {
    const doc: ExportDocument = { ...docC, sentences: [], spans: [{ ...docB.spans[0]!, start: 0, end: 5 }] };
    const line = JSON.parse(runWriter(createSpansJsonlWriter(), ctx, [doc]).get("spans.jsonl") ?? "") as Record<string, unknown>;
    expect([line.sentence_indices, line.context_start, line.context]).toEqual([[], null, null]);
  });
});

describe("CSV writers", () => {
  it("writes sentences.csv exactly: BOM, CRLF records, quoted CRLF inside text, exact text, numeric stance", () => {
    const files = runWriter(createSentencesCsvWriter(), ctx, docs);
    expect(files.get("sentences.csv")).toBe(
      "\uFEFFdocument_id,sentence_index,start,end,kind,text,checkworthy,stance,stance:Putin,stance:Sanctions,stance:Weather\r\n" +
        'docA,0,0,18,content,Putin 👍 said «да».,no,"[{""target"":""Putin"",""value"":1,""holder"":""author""}]",1,,\r\n' +
        'docA,1,20,69,content,"Lavrov: «Санкции не работают», he told reporters.",yes,"[{""target"":""Sanctions"",""value"":-2,""holder"":""author""}]",,-2,\r\n' +
        "docA,2,71,107,boilerplate,(Translation note: quotes are ours.),,,,,\r\n" +
        'docA,3,108,123,content,"Вот так 🇷🇺\r\nend",no,,,,\r\n' +
        'docB,0,0,26,content,"-5 degrees,\tsaid @weather.",yes,"[{""target"":""Weather"",""value"":0,""holder"":""author""}]",,,0\r\n' +
        'docB,1,27,49,content,"+1 more: =SUM(A1) ""ok""",no,,,,\r\n' +
        "docC,0,0,15,content,Plain sentence.,,,,,\r\n",
    );
    // The spreadsheet copy: the same rows, formula-like text defused and named in `defused`.
    expect(files.get("spreadsheet/sentences.csv")?.split("\r\n").slice(6)).toEqual([
      'docB,0,0,26,content,"\'-5 degrees,\tsaid @weather.",yes,"[{""target"":""Weather"",""value"":0,""holder"":""author""}]",,,0,text',
      'docB,1,27,49,content,"\'+1 more: =SUM(A1) ""ok""",no,,,,,text',
      "docC,0,0,15,content,Plain sentence.,,,,,,",
      "",
    ]);
    expect(files.get("spreadsheet/sentences.csv")?.split("\r\n")[0]).toBe(
      "\uFEFFdocument_id,sentence_index,start,end,kind,text,checkworthy,stance,stance:Putin,stance:Sanctions,stance:Weather,defused",
    );
  });

  it("writes spans.csv with exact text and a spreadsheet copy with defused speaker names and mention text", () => {
    const files = runWriter(createSpansCsvWriter(), ctx, [docB]);
    const header =
      "\uFEFFdocument_id,span_id,layer,type,start,end,text,fragments,sentence_indices,speaker_id,speaker_name,speaker_type,speakers,cue_start,cue_end,cue_text," +
      "speaker_mention_start,speaker_mention_end,speaker_mention_text,attributes,stance,stance:Putin,stance:Sanctions,stance:Weather";
    expect(files.get("spans.csv")?.split("\r\n")).toEqual([
      header,
      'docB,b1,gold,CLAIM,0,10,-5 degrees,,0,,,,[],,,,,,,{},"[{""target"":""Weather"",""value"":1,""holder"":""author""}]",,,1',
      'docB,b2,gold,QUOTE,36,44,=SUM(A1),,1,e-w,=cmd|\' /C calc\'!A0,organisation,"[{""id"":""e-w"",""name"":""=cmd|\' /C calc\'!A0"",""type"":""organisation""}]",,,,17,25,@weather,"{""form"":""indirect""}",[],,,',
      "",
    ]);
    expect(files.get("spreadsheet/spans.csv")?.split("\r\n")).toEqual([
      header + ",defused",
      'docB,b1,gold,CLAIM,0,10,\'-5 degrees,,0,,,,[],,,,,,,{},"[{""target"":""Weather"",""value"":1,""holder"":""author""}]",,,1,text',
      'docB,b2,gold,QUOTE,36,44,\'=SUM(A1),,1,e-w,\'=cmd|\' /C calc\'!A0,organisation,"[{""id"":""e-w"",""name"":""=cmd|\' /C calc\'!A0"",""type"":""organisation""}]",,,,17,25,\'@weather,"{""form"":""indirect""}",[],,,,text;speaker_name;speaker_mention_text',
      "",
    ]);
    const a = (runWriter(createSpansCsvWriter(), ctx, [docA]).get("spans.csv") ?? "").split("\r\n");
    // The CLAIM crosses the CRLF, which stays inside its quoted field.
    expect(a[1]).toBe('docA,c1,gold,CLAIM,0,48,"Putin 👍 said «да».');
    expect(a[2]).toBe('Lavrov: «Санкции не работают",,0;1,,,,[],,,,,,,{},"[{""target"":""Putin"",""value"":2,""holder"":""republisher""},{""target"":""Sanctions"",""value"":-1,""holder"":""author""}]",2,-1,');
  });
});

describe("TSV writers", () => {
  it("writes stance.tsv with SemEval-2016 columns first, exact text quoted where needed, and our columns after", () => {
    expect(runWriter(createStanceTsvWriter(), ctx, [...docs, docD]).get("stance.tsv")).toBe(
      "ID\tTarget\tTweet\tStance\tOpinion Towards\tValue\tUnit\tDocument\tHolder\n" +
        "docA:s0\tPutin\tPutin 👍 said «да».\tFAVOR\tTARGET\t1\tsentence\tdocA\tauthor\n" +
        "docA:s1\tSanctions\tLavrov: «Санкции не работают», he told reporters.\tAGAINST\tTARGET\t-2\tsentence\tdocA\tauthor\n" +
        'docA:c1\tPutin\t"Putin 👍 said «да».\r\nLavrov: «Санкции не работают"\tFAVOR\tTARGET\t2\tCLAIM\tdocA\trepublisher\n' +
        'docA:c1\tSanctions\t"Putin 👍 said «да».\r\nLavrov: «Санкции не работают"\tAGAINST\tTARGET\t-1\tCLAIM\tdocA\tauthor\n' +
        "docA:q2\tSanctions\tСанкции не работают\tAGAINST\tTARGET\t-2\tQUOTE\tdocA\tsource\n" +
        'docB:s0\tWeather\t"-5 degrees,\tsaid @weather."\tNONE\tNONE\t0\tsentence\tdocB\tauthor\n' +
        "docB:b1\tWeather\t-5 degrees\tFAVOR\tTARGET\t1\tCLAIM\tdocB\tauthor\n" +
        'docD:s0\tPutin\t"""We will win,"" he said."\tFAVOR\tTARGET\t1\tsentence\tdocD\tauthor\n' +
        'docD:d1\tPutin\t"""We will win,"""\tAGAINST\tTARGET\t-1\tCLAIM\tdocD\tauthor\n',
    );
    expect([-2, -1, 0, 1, 2].map(semevalStance)).toEqual(["AGAINST", "AGAINST", "NONE", "FAVOR", "FAVOR"]);
  });

  it("writes checkworthy.tsv for labelled sentences and answered gold CLAIMs, with the schema's sub-questions", () => {
    const schema = {
      sentenceLabels: [{ name: "checkworthy", kind: "choice" }, { name: "checkworthy_verifiable", kind: "choice" }],
      spanTypes: [
        { name: "QUOTE", attributes: [{ name: "checkworthy_ignored", kind: "choice" }] },
        { name: "CLAIM", attributes: [{ name: "checkworthy_harmful", kind: "choice" }, { name: "checkworthy_verifiable", kind: "choice" }] },
      ],
    };
    expect(checkworthySubquestions(schema)).toEqual(["checkworthy_verifiable", "checkworthy_harmful"]);
    expect(checkworthySubquestions(null)).toEqual([]);
    expect(runWriter(createCheckworthyTsvWriter(), { ...ctx, schema }, [docB, docD]).get("checkworthy.tsv")).toBe(
      "Sentence_id\tText\tclass_label\tUnit\tDocument\tcheckworthy_verifiable\tcheckworthy_harmful\n" +
        'docB:s0\t"-5 degrees,\tsaid @weather."\tYes\tsentence\tdocB\t\t\n' +
        'docB:s1\t"+1 more: =SUM(A1) ""ok"""\tNo\tsentence\tdocB\t\t\n' +
        'docD:s0\t"""We will win,"" he said."\tNo\tsentence\tdocD\t\t\n' +
        'docD:s1\t"=1+1\tis ""two""."\tYes\tsentence\tdocD\tyes\t\n' +
        'docD:d1\t"""We will win,"""\tYes\tCLAIM\tdocD\t\tno\n' +
        'docD:d2\t"=1+1\tis ""two""."\tNo\tCLAIM\tdocD\t\t\n',
    );
    expect(runWriter(createCheckworthyTsvWriter(), ctx, [docC]).get("checkworthy.tsv")).toBe("Sentence_id\tText\tclass_label\tUnit\tDocument\n");
  });
});

describe("brat writer", () => {
  const files = runWriter(createBratWriter(), ctx, docs);
  it("writes LF text, fragments across line breaks, attributes, relations and notes", () => {
    expect(files.get("brat/docA.txt")).toBe(
      "Putin 👍 said «да».\nLavrov: «Санкции не работают», he told reporters.\n(Translation note: quotes are ours.) Вот так 🇷🇺\nend",
    );
    expect(files.get("brat/docA.ann")).toBe(
      [
        "T1\tCLAIM 0 18;19 47\tPutin 👍 said «да». Lavrov: «Санкции не работают",
        "A1\tStance_Putin T1 strong_favor",
        "A2\tStanceHolder_Putin T1 republisher",
        "A3\tStance_Sanctions T1 against",
        "A4\tStanceHolder_Sanctions T1 author",
        "#1\tAnnotatorNotes T1\tid=c1; layer=gold",
        "T2\tQUOTE 14 16\tда",
        "T3\tAttribution_cue 8 12\tsaid",
        "R1\tCue Arg1:T2 Arg2:T3",
        "T4\tSpeaker_mention 0 5\tPutin",
        "R2\tSpeaker Arg1:T2 Arg2:T4",
        "A5\tForm T2 direct",
        "#2\tAnnotatorNotes T2\tid=q1; layer=gold; speaker=Владимир Путин [person e-putin]",
        "T5\tQUOTE 28 47\tСанкции не работают",
        "T6\tAttribution_cue 53 57\ttold",
        "R3\tCue Arg1:T5 Arg2:T6",
        "T7\tSpeaker_mention 19 25\tLavrov",
        "R4\tSpeaker Arg1:T5 Arg2:T7",
        "A6\tForm T5 direct",
        "A7\tStance_Sanctions T5 strong_against",
        "A8\tStanceHolder_Sanctions T5 source",
        "#3\tAnnotatorNotes T5\tid=q2; layer=gold; speaker=Sergey Lavrov [person e-lavrov]",
        "T8\tEDITORIAL 69 105\t(Translation note: quotes are ours.)",
        "A9\tKind T8 translation-note",
        "#4\tAnnotatorNotes T8\tid=e1; layer=gold",
        "",
      ].join("\n"),
    );
    expect(files.get("brat/docC.ann")).toBe("");
  });

  it("writes an annotation.conf covering every type, relation and attribute used", () => {
    expect(files.get("brat/annotation.conf")).toBe(
      [
        "# brat configuration for Stance «Пилот», dataset version 3.",
        '# Stance_Putin = stance towards "Putin"',
        '# StanceHolder_Putin = whose stance towards "Putin" (source = quoted speaker, author = outlet, republisher)',
        '# Stance_Sanctions = stance towards "Sanctions"',
        '# StanceHolder_Sanctions = whose stance towards "Sanctions" (source = quoted speaker, author = outlet, republisher)',
        '# Stance_Weather = stance towards "Weather"',
        '# StanceHolder_Weather = whose stance towards "Weather" (source = quoted speaker, author = outlet, republisher)',
        "[entities]", "CLAIM", "EDITORIAL", "QUOTE", "Attribution_cue", "Speaker_mention", "",
        "[relations]",
        "Cue\tArg1:QUOTE, Arg2:Attribution_cue",
        "Speaker\tArg1:QUOTE, Arg2:Speaker_mention",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
        "[events]", "",
        "[attributes]",
        "Form\tArg:QUOTE, Value:direct|indirect",
        "Kind\tArg:EDITORIAL, Value:translation-note",
        "StanceHolder_Putin\tArg:CLAIM, Value:source|author|republisher",
        "StanceHolder_Sanctions\tArg:CLAIM|QUOTE, Value:source|author|republisher",
        "StanceHolder_Weather\tArg:CLAIM, Value:source|author|republisher",
        "Stance_Putin\tArg:CLAIM, Value:strong_against|against|neutral|favor|strong_favor",
        "Stance_Sanctions\tArg:CLAIM|QUOTE, Value:strong_against|against|neutral|favor|strong_favor",
        "Stance_Weather\tArg:CLAIM, Value:strong_against|against|neutral|favor|strong_favor",
        "",
      ].join("\n"),
    );
  });

  it("keeps slugged names unique and puts non-scalar attributes in the note", () => {
    const doc: ExportDocument = {
      ...docC,
      spans: [
        { ...docB.spans[0]!, start: 0, end: 5, attributes: { extra: { b: 1, a: [2] } }, stance: [{ target: "US aid", value: -2, holder: "author" }, { target: "US_aid", value: 2, holder: "author" }] },
      ],
    };
    const f = runWriter(createBratWriter(), ctx, [doc]);
    expect(f.get("brat/docC.ann")).toBe(
      "T1\tCLAIM 0 5\tPlain\nA1\tStance_US_aid T1 strong_against\nA2\tStanceHolder_US_aid T1 author\n" +
        "A3\tStance_US_aid_2 T1 strong_favor\nA4\tStanceHolder_US_aid_2 T1 author\n" +
        '#1\tAnnotatorNotes T1\tid=b1; layer=gold; attributes={"extra":{"a":[2],"b":1}}\n',
    );
  });

  it("splits fragments at every Python line boundary and rejects a span of only line breaks", () => {
    const p = prepareDocument({ ...docC, text: "a\u2028b\r\n\rc", sentences: [], spans: [] });
    expect(bratFragments(p, { start: 0, end: 7 })).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 6, end: 7 },
    ]);
    expect(() => bratFragments(p, { start: 3, end: 5 })).toThrow(/only line breaks/);
  });
});

describe("attribution and SemEval-2020 writers", () => {
  it("writes attribution triples for gold quotes", () => {
    expect(runWriter(createAttributionWriter(), ctx, [docB]).get("attribution/docB.json")).toBe(
      JSON.stringify(
        {
          document_id: "docB",
          text_sha256: "19b42811be3dc8981618f8fca80afbb9c378b7dae5cb2a52d5e77fb19bf50b74",
          offset_unit: "codepoint",
          attributions: [
            {
              id: "b2",
              speaker_index: 0,
              cue: null,
              sources: [{ start: 17, end: 25, text: "@weather" }],
              contents: [{ start: 36, end: 44, text: "=SUM(A1)" }],
              speaker: { id: "e-w", name: "=cmd|' /C calc'!A0", type: "organisation" },
              form: "indirect",
              stance: [],
            },
          ],
        },
        null,
        2,
      ) + "\n",
    );
    const a = JSON.parse(runWriter(createAttributionWriter(), ctx, [docA]).get("attribution/docA.json") ?? "") as {
      attributions: Array<{ id: string; cue: unknown }>;
    };
    expect(a.attributions.map((x) => [x.id, x.cue])).toEqual([
      ["q1", { start: 8, end: 12, text: "said" }],
      ["q2", { start: 54, end: 58, text: "told" }],
    ]);
  });

  it("writes SemEval-2020 Task 11 files with numeric article ids and offsets into the LF text", () => {
    const f = runWriter(createSemeval2020Writer(), ctx, docs);
    expect(f.get("semeval2020/article_ids.tsv")).toBe("article_id\tdocument_id\n1\tdocA\n2\tdocB\n3\tdocC\n");
    expect(f.get("semeval2020/article1.task-flc-tc.labels")).toBe("1\tCLAIM\t0\t47\n1\tQUOTE\t14\t16\n1\tQUOTE\t28\t47\n1\tEDITORIAL\t69\t105\n");
    expect(f.get("semeval2020/article1.task-si.labels")).toBe("1\t0\t47\n1\t14\t16\n1\t28\t47\n1\t69\t105\n");
    expect(f.get("semeval2020/article1.txt")?.includes("\r")).toBe(false);
    expect(f.get("semeval2020/article3.task-si.labels")).toBe("");
    expect([...f.keys()].filter((k) => k.includes("docA"))).toEqual([]);
  });
});

describe("all writers", () => {
  it("are deterministic and reject bad input the same way", () => {
    const once = () => createAllWriters().map((w) => [...runWriter(w, ctx, docs).entries()]);
    expect(once()).toEqual(once());
    for (const w of createAllWriters()) {
      expect(() => w.end()).toThrow(/end\(\) before begin\(\)/);
      w.begin(ctx);
      expect(() => w.document({ ...docC, spans: [{ ...docB.spans[0]!, end: 99 }] })).toThrow(/not a non-empty range within 0..15/);
    }
  });
});
