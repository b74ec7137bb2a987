"use client";
import { useMemo } from "react";
import { AnnotatorPage } from "@/components/annotator/annotator-page";
import { unpackShell, type PackedAnnotatorShell } from "@/lib/annotator/packed-shell";

/** The annotator, given the page's packed shell: unpacked once here, in the browser. */
export function AnnotatorIsland({ packed }: { packed: PackedAnnotatorShell }) {
  const shell = useMemo(() => unpackShell(packed), [packed]);
  return <AnnotatorPage shell={shell} />;
}
