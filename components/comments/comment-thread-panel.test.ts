import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CommentDto } from "@/lib/comments/comment-dto";
import { CommentThreadPanel } from "./comment-thread-panel";

const XSS = "<img src=x onerror=alert(1)>";
const person = { id: "u1", name: "<b>Mallory</b>", email: "m@example.test" };

const comment = (overrides: Partial<CommentDto>): CommentDto => ({
  id: "c1", documentId: "d", annotationId: null, sentenceIndex: null, parentId: null, author: person, body: XSS, mentions: [],
  resolvedAt: null, resolvedBy: null, createdAt: new Date("2026-01-02T03:04:00Z"), ...overrides,
});

describe("CommentThreadPanel", () => {
  it("renders bodies and names as inert text, threads with replies, anchors and resolve controls", () => {
    const html = renderToStaticMarkup(
      createElement(CommentThreadPanel, {
        projectId: "p",
        documentId: "d",
        currentUserId: "u1",
        canWrite: true,
        canResolveAny: false,
        comments: [
          comment({ id: "root", sentenceIndex: 4 }),
          comment({ id: "reply", parentId: "root", body: "fine\n<script>alert(2)</script>" }),
          comment({ id: "done", body: "settled", resolvedAt: new Date(), resolvedBy: person }),
        ],
      }),
    );
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Mallory&lt;/b&gt;");
    expect(html).toContain("on sentence 5");
    expect(html).toContain("1 open · 1 resolved");
    // The author may resolve their own thread and reopen the resolved one.
    expect(html).toContain("Resolve thread");
    expect(html).toContain("Reopen thread");
  });

  it("explains the empty state and hides the form from read-only members", () => {
    const html = renderToStaticMarkup(
      createElement(CommentThreadPanel, { projectId: "p", documentId: "d", currentUserId: "u1", canWrite: false, canResolveAny: false, comments: [] }),
    );
    expect(html).toContain("No comments yet");
    expect(html).not.toContain("new-comment");
  });
});
