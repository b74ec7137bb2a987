import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/export/filename";
import { contentTypeOf, decodeFileNameParam, downloadBaseName } from "./content-types";

describe("dataset file names and types", () => {
  it("maps extensions to UTF-8 content types", () => {
    expect(contentTypeOf("native.jsonl")).toBe("application/x-ndjson; charset=utf-8");
    expect(contentTypeOf("sentences.csv")).toBe("text/csv; charset=utf-8; header=present");
    expect(contentTypeOf("semeval2020/articlex.labels.tsv")).toBe("text/tab-separated-values; charset=utf-8");
    expect(contentTypeOf("brat/x.ann")).toBe("text/plain; charset=utf-8");
    expect(contentTypeOf("hf/README.md")).toBe("text/markdown; charset=utf-8");
  });

  it("builds a safe attachment name from project, version and path", () => {
    const { base, extension } = downloadBaseName("Пилот «A»", 3, "brat/doc~2F.ann");
    expect([base, extension]).toEqual(["Пилот «A» v3 brat-doc~2F", "ann"]);
    expect(contentDisposition(base, extension)).toBe(`attachment; filename="_____ _A_ v3 brat-doc~2F.ann"; filename*=UTF-8''%D0%9F%D0%B8%D0%BB%D0%BE%D1%82%20%C2%ABA%C2%BB%20v3%20brat-doc~2F.ann`);
    expect(downloadBaseName("P", 1, "README")).toEqual({ base: "P v1 README", extension: "txt" });
  });

  it("decodes a name the router left encoded, once", () => {
    expect(decodeFileNameParam("brat%2Fdoc.ann")).toBe("brat/doc.ann");
    expect(decodeFileNameParam("brat/doc.ann")).toBe("brat/doc.ann");
    expect(decodeFileNameParam("bad%E0")).toBe("bad%E0");
  });
});
