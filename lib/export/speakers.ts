import type { ExportSpan, ExportSpeaker } from "./types";

/** Every speaker of a span in order: `speaker` first, then any further ones. */
export function speakersOf(s: Pick<ExportSpan, "speaker" | "coSpeakers">): ExportSpeaker[] {
  return s.speaker ? [s.speaker, ...(s.coSpeakers ?? [])] : [];
}
