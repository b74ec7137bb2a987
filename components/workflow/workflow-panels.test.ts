import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuditEventDto } from "@/lib/history/audit-event-dto";
import type { AssignmentDto } from "@/lib/workflow/assignment-dto";
import { AssignmentsPanel } from "./assignments-panel";
import { Timeline } from "./timeline";

const at = new Date("2026-03-04T05:06:00Z");
const atIso = at.toISOString();
const assignment = (id: string, userId: string, role: "annotator" | "reviewer", state: AssignmentDto["state"]): AssignmentDto => ({
  id, documentId: "d", userId, user: { id: userId, name: `User ${userId}`, email: `${userId}@x.test` }, role, state,
  returnComment: null, submittedAt: null, version: 1, createdAt: atIso, updatedAt: atIso,
});
const assignments = [assignment("a1", "ann1", "annotator", "SUBMITTED"), assignment("a2", "ann2", "annotator", "IN_PROGRESS"), assignment("r1", "rev", "reviewer", "ASSIGNED")];
const panel = (overrides: Partial<Parameters<typeof AssignmentsPanel>[0]>) =>
  renderToStaticMarkup(
    createElement(AssignmentsPanel, {
      projectId: "p", documentId: "d", documentState: "ANNOTATING", assignments, members: [], currentUserId: "nobody",
      canManage: false, canReview: false, canReopen: false, ...overrides,
    }),
  );
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("AssignmentsPanel", () => {
  it("a manager may remove unsubmitted assignments and add new ones", () => {
    const html = panel({ canManage: true });
    expect(count(html, ">Remove<")).toBe(2);
    expect(html).toContain('data-testid="add-assignment"');
    expect(html).not.toContain("submit-assignment");
  });

  it("an annotator may submit only their own unsubmitted assignment", () => {
    expect(count(panel({ currentUserId: "ann2" }), 'data-testid="submit-assignment"')).toBe(1);
    expect(count(panel({ currentUserId: "ann1" }), 'data-testid="submit-assignment"')).toBe(0);
  });

  it("a reviewer may return submitted annotator work; nothing moves on a signed-off document except reopening", () => {
    expect(count(panel({ canReview: true }), 'data-testid="return-assignment"')).toBe(1);
    const signed = panel({ canReview: true, canManage: true, canReopen: true, documentState: "SIGNED_OFF", currentUserId: "ann2" });
    expect(signed).not.toMatch(/return-assignment|submit-assignment|>Remove<|add-assignment/);
    expect(signed).toContain('data-testid="reopen-document"');
  });
});

describe("Timeline", () => {
  const event = (id: string, action: string, before: unknown, after: unknown): AuditEventDto => ({
    id, action, actor: { id: "rev", name: "Rita Reviewer", email: "r@x.test" }, documentId: "d", annotationId: null, before, after, createdAt: at,
  });

  it("reads events as sentences with before → after, names the affected member, and keeps user text inert", () => {
    const html = renderToStaticMarkup(
      createElement(Timeline, {
        people: [{ id: "ann1", name: "Anna" }],
        hasMore: false,
        events: [
          event("3", "document.state", { state: "SIGNED_OFF" }, { state: "ANNOTATING", event: "reopen", reason: "<img src=x onerror=alert(1)>" }),
          event("2", "assignment.return", { state: "SUBMITTED", userId: "ann1" }, { state: "IN_PROGRESS", userId: "ann1", returnComment: "Fix the speaker" }),
          event("1", "something.new", null, null),
        ],
      }),
    );
    expect(html).toContain("moved the document");
    expect(html).toContain("signed off → annotating · reason: &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("returned work to");
    expect(html).toContain("Anna: “Fix the speaker”");
    expect(html).toContain("something.new");
    expect(html).toContain("2026-03-04 05:06 UTC");
    expect(html).not.toContain("<img");
  });

  it("links annotation events to their history and can show the recorded JSON as text", () => {
    const e = { ...event("9", "annotation.update", { type: "CLAIM", layer: "annotator" }, { type: "CLAIM", layer: "annotator", note: "<i>x</i>" }), annotationId: "ann-1" };
    const html = renderToStaticMarkup(createElement(Timeline, { events: [e], people: [], hasMore: false, historyHref: (id: string) => `/h/${id}`, showDetails: true }));
    expect(html).toContain('href="/h/ann-1"');
    expect(html).toContain("CLAIM · annotator");
    expect(html).toContain("&lt;i&gt;x&lt;/i&gt;");
  });

  it("has a useful empty state", () => {
    expect(renderToStaticMarkup(createElement(Timeline, { events: [], people: [], hasMore: false }))).toContain("Nothing has been recorded yet");
  });
});
