import { describe, expect, it } from "vitest";
import type { CommentDto } from "@/lib/comments/comment-dto";
import { threadsOf } from "./thread-tree";

const comment = (id: string, minute: number, extra: Partial<CommentDto> = {}): CommentDto => ({
  id, documentId: "d", annotationId: null, sentenceIndex: null, parentId: null, author: null, body: id, mentions: [],
  resolvedAt: null, resolvedBy: null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)), ...extra,
});

describe("threadsOf", () => {
  it("nests replies under their root, open threads first, most recent activity first", () => {
    const threads = threadsOf([
      comment("a", 1),
      comment("b", 2),
      comment("c", 3, { resolvedAt: new Date() }),
      comment("a-reply", 4, { parentId: "a" }),
    ]);
    expect(threads.map((t) => t.root.id)).toEqual(["a", "b", "c"]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(["a-reply"]);
  });
});
