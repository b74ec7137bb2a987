#!/usr/bin/env python3
"""Independent check of a Stancebench export directory (Python 3 standard library only).

Python slices str by code points, which is the offset unit of every format, so a writer
that counted UTF-16 units or bytes fails here. Usage: verify_export.py DIR
Prints {"checked": N, "by_file": {...}, "errors": [...]} and exits 1 on any error.
"""
import csv
import glob
import hashlib
import json
import os
import re
import sys

FORMULA = set("=+-@\t\r\0\uff1d\uff0b\uff0d\uff20")
# The line breaks brat export splits text-bounds at (lib/export/tsv.ts LINE_BREAK).
LINE_BREAK = re.compile("(\r\n|[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029])")
NUMERIC = {"sentence_index", "start", "end", "cue_start", "cue_end", "speaker_mention_start", "speaker_mention_end"}


def is_numeric_column(name):
    return name in NUMERIC or name.startswith("stance:")


class Checker:
    def __init__(self, root):
        self.root = root
        self.checked = 0
        self.by_file = {}
        self.errors = []
        self.docs = {}

    def expect(self, where, got, want):
        self.checked += 1
        key = re.split(r"[: ]", where, 1)[0]
        self.by_file[key] = self.by_file.get(key, 0) + 1
        if got != want:
            self.errors.append({"at": where, "expected": want, "got": got})

    def fail(self, where, message):
        self.errors.append({"at": where, "error": message})

    def path(self, name):
        return os.path.join(self.root, name)

    def read(self, name):
        with open(self.path(name), encoding="utf-8", newline="") as f:
            return f.read()

    def span_by_ref(self, ref):
        """Resolve '{doc}:s{index}' or '{doc}:{spanId}' to (document, text of the unit)."""
        for i in range(len(ref)):
            if ref[i] != ":" or ref[:i] not in self.docs:
                continue
            doc, rest = self.docs[ref[:i]], ref[i + 1:]
            text = doc["text"]
            m = re.fullmatch(r"s(\d+)", rest)
            if m:
                for s in doc["sentences"]:
                    if s["index"] == int(m.group(1)):
                        return text[s["start"]:s["end"]]
            for s in doc["spans"]:
                if s["id"] == rest:
                    return text[s["start"]:s["end"]]
        return None

    def fragments_of(self, span):
        """A span's covered pieces: its `fragments` (a discontinuous span) or [start, end)."""
        return span.get("fragments") or [{"start": span["start"], "end": span["end"]}]

    def check_fragments(self, where, text, span):
        """`fragments` cover [start, end) in order, leaving non-empty gaps strictly inside."""
        frags = span.get("fragments")
        if frags is None:
            return
        for i, f in enumerate(frags):
            self.check_piece(f"{where} fragment {i}", text, f)
        bounds = [(f["start"], f["end"]) for f in frags]
        ok = len(bounds) >= 2 and bounds[0][0] == span["start"] and bounds[-1][1] == span["end"]
        ok = ok and all(s < e for s, e in bounds) and all(bounds[i][1] < bounds[i + 1][0] for i in range(len(bounds) - 1))
        self.expect(f"{where} fragments", ok, True)

    def check_piece(self, where, text, piece):
        if piece is not None:
            self.expect(where, text[piece["start"]:piece["end"]], piece["text"])

    def check_doc_record(self, name, line_no, rec):
        text = rec["text"]
        where = f"{name}:{line_no}"
        if rec.get("offset_unit") != "codepoint":
            self.fail(where, "offset_unit is not codepoint")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["text_sha256"]:
            self.fail(where, "text_sha256 mismatch")
        for s in rec["sentences"]:
            if not 0 <= s["start"] < s["end"] <= len(text):
                self.fail(where, f"sentence {s['index']} out of range")
        for s in rec["spans"]:
            self.check_piece(f"{where} span {s['id']}", text, s)
            self.check_fragments(f"{where} span {s['id']}", text, s)
            self.check_piece(f"{where} span {s['id']} cue", text, s["cue"])
            self.check_piece(f"{where} span {s['id']} mention", text, s["speaker_mention"])
        layer_of = {s["id"]: s["layer"] for s in rec["spans"]}
        for r in rec.get("relations", []):
            ends = (layer_of.get(r["from_id"]), layer_of.get(r["to_id"]))
            self.expect(f"{where} relation {r['id']}", ends if r["from_id"] != r["to_id"] else None, (r["layer"], r["layer"]))

    def native(self):
        with open(self.path("native.jsonl"), encoding="utf-8", newline="") as f:
            for n, line in enumerate(f, 1):
                rec = json.loads(line)
                self.docs[rec["id"]] = rec
                self.check_doc_record("native.jsonl", n, rec)

    def hf(self):
        for p in sorted(glob.glob(self.path("hf/data/*.jsonl"))):
            name = os.path.relpath(p, self.root)
            with open(p, encoding="utf-8", newline="") as f:
                for n, line in enumerate(f, 1):
                    self.check_doc_record(name, n, json.loads(line))

    def spans_jsonl(self):
        if not os.path.exists(self.path("spans.jsonl")):
            return
        with open(self.path("spans.jsonl"), encoding="utf-8", newline="") as f:
            for n, line in enumerate(f, 1):
                s = json.loads(line)
                text = self.docs[s["document_id"]]["text"]
                where = f"spans.jsonl:{n}"
                self.check_piece(where, text, s)
                self.check_fragments(where, text, s)
                self.check_piece(where + " cue", text, s["cue"])
                self.check_piece(where + " mention", text, s["speaker_mention"])
                if s["context"] is not None:
                    c0 = s["context_start"]
                    self.expect(where + " context", text[c0:c0 + len(s["context"])], s["context"])

    def csvs(self):
        """Main CSVs keep every cell exact; the spreadsheet copies defuse formula-like text
        cells with one apostrophe and name those columns in `defused`."""
        for name, cols in (("sentences.csv", [("text", "start", "end")]),
                           ("spans.csv", [("text", "start", "end"), ("cue_text", "cue_start", "cue_end"),
                                          ("speaker_mention_text", "speaker_mention_start", "speaker_mention_end")])):
            if not os.path.exists(self.path(name)):
                continue
            main = self.read_csv(name)
            for n, row in enumerate(main, 2):
                text = self.docs[row["document_id"]]["text"]
                for col, start, end in cols:
                    if row[start] != "":
                        self.expect(f"{name}:{n} {col}", row[col], text[int(row[start]):int(row[end])])
                if row.get("fragments"):
                    span = {"start": int(row["start"]), "end": int(row["end"]), "fragments": json.loads(row["fragments"])}
                    self.check_fragments(f"{name}:{n}", text, span)
            safe_name = "spreadsheet/" + name
            if not os.path.exists(self.path(safe_name)):
                self.fail(safe_name, "missing")
                continue
            safe = self.read_csv(safe_name)
            self.expect(f"{safe_name} rows", len(safe), len(main))
            for n, (row, exact) in enumerate(zip(safe, main), 2):
                want = [k for k, v in exact.items() if v and v[0] in FORMULA and not is_numeric_column(k)]
                self.expect(f"{safe_name}:{n} defused", row["defused"], ";".join(want))
                for k, v in exact.items():
                    if row[k] != ("'" + v if k in want else v):
                        self.fail(f"{safe_name}:{n} {k}", f"{row[k]!r} is not the defused {v!r}")

    def read_csv(self, name):
        with open(self.path(name), "rb") as f:
            if not f.read(3) == b"\xef\xbb\xbf":
                self.fail(name, "missing UTF-8 BOM")
        with open(self.path(name), encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))

    def tsvs(self):
        """Both TSVs parse with Python's csv module at default settings (tab delimiter)."""
        for name, header, text_col in (("stance.tsv", ["ID", "Target", "Tweet", "Stance"], "Tweet"),
                                       ("checkworthy.tsv", ["Sentence_id", "Text", "class_label"], "Text")):
            if not os.path.exists(self.path(name)):
                continue
            if not self.read(name).endswith("\n"):
                self.fail(name, "no final newline")
            with open(self.path(name), encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f, delimiter="\t"))
            self.expect(f"{name}:1 header", rows[0][:len(header)], header)
            for n, cells in enumerate(rows[1:], 2):
                row = dict(zip(rows[0], cells))
                if len(cells) != len(rows[0]):
                    self.fail(f"{name}:{n}", f"{len(cells)} cells for {len(rows[0])} columns")
                    continue
                unit = self.span_by_ref(cells[0])
                if unit is None:
                    self.fail(f"{name}:{n}", f"unknown id {cells[0]}")
                    continue
                self.expect(f"{name}:{n}", row[text_col], unit)

    def brat(self):
        for ann_path in sorted(glob.glob(self.path("brat/*.ann"))):
            name = os.path.relpath(ann_path, self.root)
            txt = self.read(name[:-4] + ".txt")
            if "\r" in txt:
                self.fail(name, ".txt contains CR")
            lines = self.read(name).split("\n")[:-1]
            # Span ids from the AnnotatorNotes, so R lines can be compared with native.jsonl.
            span_of = {}
            for line in lines:
                m = re.match(r"#\d+\tAnnotatorNotes (T\d+)\tid=([^;]*);", line)
                if m:
                    span_of[m.group(1)] = m.group(2)
            doc = self.docs.get(os.path.basename(name)[:-4])
            spans = {s["id"]: s for s in doc["spans"]} if doc else {}
            for n, line in enumerate(lines, 1):
                if line.startswith("R"):
                    self.brat_relation(f"{name}:{n}", line, span_of)
                if not line.startswith("T"):
                    continue
                tid, type_offsets, text = line.split("\t", 2)
                frags = [tuple(map(int, f.split(" "))) for f in type_offsets.split(" ", 1)[1].split(";")]
                self.expect(f"{name}:{n}", text, " ".join(txt[s:e] for s, e in frags))
                span = spans.get(span_of.get(tid))
                if span is not None:
                    # Fragments: the span's pieces (gaps left out), each split at line breaks.
                    want = [p for f in self.fragments_of(span) for p in LINE_BREAK.split(doc["text"][f["start"]:f["end"]])
                            if p and not LINE_BREAK.fullmatch(p)]
                    self.expect(f"{name}:{n} fragments", [txt[s:e] for s, e in frags], want)

    def brat_relation(self, where, line, span_of):
        """An R line between two spans is a gold relation of native.jsonl, same type and ends."""
        m = re.fullmatch(r"R\d+\t(\S+) Arg1:(T\d+) Arg2:(T\d+)", line)
        if not m:
            self.fail(where, "malformed R line")
            return
        kind, arg1, arg2 = m.groups()
        if kind in ("Cue", "Speaker"):
            return
        gold = {(r["type"], r["from_id"], r["to_id"]) for d in self.docs.values() for r in d.get("relations", []) if r["layer"] == "gold"}
        self.expect(where, (kind, span_of.get(arg1), span_of.get(arg2)) in gold, True)

    def semeval(self):
        """Official Task 11 layout: numeric ids mapped in article_ids.tsv, .task-si.labels and
        .task-flc-tc.labels locate gold spans in the LF text."""
        if not os.path.exists(self.path("semeval2020/article_ids.tsv")):
            return
        normalise = lambda s: s.replace("\r\n", "\n").replace("\r", "\n")
        for line in self.read("semeval2020/article_ids.tsv").split("\n")[1:-1]:
            article, doc_id = line.split("\t")
            doc = self.docs[doc_id]
            txt = self.read(f"semeval2020/article{article}.txt")
            self.expect(f"semeval2020/article{article}.txt", txt, normalise(doc["text"]))
            gold = [s for s in doc["spans"] if s["layer"] == "gold"]
            for kind, width in (("task-si", 3), ("task-flc-tc", 4)):
                name = f"semeval2020/article{article}.{kind}.labels"
                for n, line in enumerate(self.read(name).split("\n")[:-1], 1):
                    cells = line.split("\t")
                    if len(cells) != width or cells[0] != article:
                        self.fail(f"{name}:{n}", f"expected {width} cells starting with {article}")
                        continue
                    start, end = int(cells[-2]), int(cells[-1])
                    wanted = [normalise(doc["text"][s["start"]:s["end"]]) for s in gold if width == 3 or s["type"] == cells[1]]
                    got = txt[start:end]
                    self.expect(f"{name}:{n}", got if got in wanted else None, got)

    def attribution(self):
        for p in sorted(glob.glob(self.path("attribution/*.json"))):
            name = os.path.relpath(p, self.root)
            body = json.loads(self.read(name))
            text = self.docs[body["document_id"]]["text"]
            for a in body["attributions"]:
                for piece in [a["cue"]] + a["sources"] + a["contents"]:
                    self.check_piece(f"{name} {a['id']}", text, piece)
                span = next((s for s in self.docs[body["document_id"]]["spans"] if s["id"] == a["id"] and s["layer"] == "gold"), None)
                if span is not None:
                    got = [(c["start"], c["end"]) for c in a["contents"]]
                    self.expect(f"{name} {a['id']} contents", got, [(f["start"], f["end"]) for f in self.fragments_of(span)])

    def label_studio(self):
        """Regions locate their text; per-region results and relations point at a region; every
        control used is declared in label-studio.xml."""
        if not os.path.exists(self.path("label-studio.json")):
            return
        import xml.etree.ElementTree as ET
        config = ET.fromstring(self.read("label-studio.xml"))
        controls = {e.get("name") for e in config.iter() if e.get("name")}
        for t in json.loads(self.read("label-studio.json")):
            text = t["data"]["text"]
            for ann in t["annotations"]:
                regions = {r["id"] for r in ann["result"] if r["type"] == "labels"}
                for r in ann["result"]:
                    where = f"label-studio.json task {t['id']} {r.get('id', 'relation')}"
                    if r["type"] == "labels":
                        self.check_piece(where, text, r["value"])
                    elif r["type"] == "relation":
                        self.expect(where + " relation", r["from_id"] in regions and r["to_id"] in regions, True)
                    else:
                        self.expect(where + " " + r["from_name"], r["id"] in regions and r["from_name"] in controls, True)

def main():
    if len(sys.argv) != 2:
        print("usage: verify_export.py DIR", file=sys.stderr)
        return 2
    c = Checker(sys.argv[1])
    try:
        c.native()
        for step in (c.spans_jsonl, c.csvs, c.tsvs, c.brat, c.semeval, c.attribution, c.label_studio, c.hf):
            step()
    except (OSError, ValueError, KeyError, IndexError) as e:
        c.fail("export", f"{type(e).__name__}: {e}")
    print(json.dumps({"checked": c.checked, "by_file": c.by_file, "errors": c.errors}, ensure_ascii=False, sort_keys=True))
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
