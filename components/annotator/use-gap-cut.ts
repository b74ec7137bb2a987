"use client";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import { withGap } from "@/lib/spans/span-gaps";
import type { Range } from "./annotator-text";
import { bodyOf, isSpan } from "./materialise";
import type { AnnotationDto } from "./types";

type Options = {
  readOnlyReason: string | null;
  /** The span the cut applies to: the one open in the form, else the selected one. */
  spanId: string | null;
  /** The open form's span has not been saved yet: it cannot be cut. */
  unsavedDraft: boolean;
  annotations: ReadonlyMap<string, AnnotationDto>;
  textSelection: Range | null;
  write: (id: string, body: AnnotationBody) => void;
  say: (text: string, ok?: boolean) => void;
  /** After a change: close the form and clear the selection, so the span shows its gaps. */
  done: () => void;
  textOf: (start: number, end: number) => string;
};

/**
 * The gap gesture: select a span (] / [ or a click), select the words inside it to leave out,
 * press g — the span becomes discontinuous ("For this reason, [she added,] he is satisfied").
 * Shift+G joins its fragments again. Both are ordinary writes, so Ctrl+Z undoes them.
 */
export function useGapCut(o: Options) {
  const selectedSpan = () => {
    if (o.readOnlyReason !== null) return (o.say(o.readOnlyReason), null);
    if (o.unsavedDraft) return (o.say("Save the span first, then cut a gap out of it."), null);
    const span = o.spanId ? o.annotations.get(o.spanId) : undefined;
    if (!span || !isSpan(span)) return (o.say("Select a span first (] / [ or a click), then the words to leave out."), null);
    return span;
  };

  const cut = () => {
    const span = selectedSpan();
    if (!span) return;
    const gap = o.textSelection;
    if (!gap || gap.start >= gap.end) return o.say("Select the words inside the span to leave out, then press g.");
    const result = withGap(span, gap);
    if ("error" in result) return o.say(`${result.error}. Select words strictly inside the span.`);
    o.write(span.id, { ...bodyOf(span), gaps: result.gaps });
    o.done();
    o.say(`Gap cut: “${o.textOf(gap.start, gap.end)}” left out of the span (Ctrl+Z to undo).`, true);
  };

  const join = () => {
    const span = selectedSpan();
    if (!span) return;
    if (!span.gaps?.length) return o.say("This span has no gaps.");
    o.write(span.id, { ...bodyOf(span), gaps: null });
    o.done();
    o.say("Fragments joined: the span is contiguous again (Ctrl+Z to undo).", true);
  };

  return { cut, join };
}
