import { describe, expect, it } from "vitest";
import * as assignmentRoute from "@/app/api/v1/assignments/[assignmentId]/route";
import * as returnRoute from "@/app/api/v1/assignments/[assignmentId]/return/route";
import * as submitRoute from "@/app/api/v1/assignments/[assignmentId]/submit/route";
import * as documentAssignments from "@/app/api/v1/documents/[documentId]/assignments/route";
import * as commentsRoute from "@/app/api/v1/documents/[documentId]/comments/route";
import * as historyRoute from "@/app/api/v1/documents/[documentId]/history/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { commentListSchema } from "@/lib/validation/comments";
import { assignmentListSchema, assignmentSchema, documentHistorySchema, transitionResultSchema } from "@/lib/validation/workflow";
import { makeDocument } from "./document-factory";
import { makeTeam } from "./factories";

// The route files are thin, but their HTTP contract (status codes, the error body with `current`,
// optional bodies) is what API clients see, so it is checked once end to end here.
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

async function call<P>(handler: Handler<P>, params: P, token: string, init: { method?: string; body?: unknown; raw?: string; query?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(new Request(`http://test.local/api${init.query ?? ""}`, { method: init.method ?? "POST", headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe("workflow routes over HTTP", () => {
  it("assign → submit without a body → 409 with error.current on a second submit → return → history newest first", async () => {
    const { project, manager, annotator, reviewer } = await makeTeam();
    const doc = await makeDocument(project.id);
    const [m, a, r] = await Promise.all([createApiToken(manager.id, "t"), createApiToken(annotator.id, "t"), createApiToken(reviewer.id, "t")]);

    const created = await call(documentAssignments.POST, { documentId: doc.id }, m.token, { body: { userId: annotator.id, role: "annotator" } });
    expect(created.status).toBe(201);
    // Bodies match the response schemas published in the OpenAPI document.
    const assignmentId = assignmentSchema.parse(created.json).id;
    const listed = await call(documentAssignments.GET, { documentId: doc.id }, a.token, { method: "GET" });
    expect(assignmentListSchema.parse(listed.json).assignments.map((x) => x.id)).toEqual([assignmentId]);

    const submitted = await call(submitRoute.POST, { assignmentId }, a.token);
    expect(submitted.status).toBe(200);
    expect(transitionResultSchema.parse(submitted.json)).toMatchObject({ assignment: { state: "SUBMITTED" }, documentState: "READY_FOR_REVIEW" });

    const again = await call(submitRoute.POST, { assignmentId }, a.token, { body: {} });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "invalid_state", current: "SUBMITTED", entity: "assignment" } });

    const badJson = await call(submitRoute.POST, { assignmentId }, a.token, { raw: "{nope" });
    expect(badJson.status).toBe(415);

    const forbidden = await call(returnRoute.POST, { assignmentId }, a.token, { body: { comment: "x" } });
    expect(forbidden.status).toBe(403);
    const noComment = await call(returnRoute.POST, { assignmentId }, r.token, { body: {} });
    expect(noComment.status).toBe(400);
    expect(noComment.json).toMatchObject({ error: { code: "validation_failed", fields: { comment: expect.any(Array) } } });
    const returned = await call(returnRoute.POST, { assignmentId }, r.token, { body: { comment: "Speaker missing" } });
    expect(returned.json).toMatchObject({ assignment: { state: "IN_PROGRESS", returnComment: "Speaker missing" }, documentState: "ANNOTATING" });

    const history = await call(historyRoute.GET, { documentId: doc.id }, a.token, { method: "GET" });
    const actions = documentHistorySchema.parse(history.json).events.map((e) => e.action);
    expect(actions).toEqual(["document.state", "assignment.return", "document.state", "assignment.submit", "assignment.create"]);
    expect((history.json as { events: { after: unknown }[] }).events[0]!.after).toMatchObject({ state: "ANNOTATING", event: "return" });

    const comments = await call(commentsRoute.GET, { documentId: doc.id }, a.token, { method: "GET" });
    expect(commentListSchema.parse(comments.json).comments.map((c) => c.body)).toEqual(["Speaker missing"]);

    const remove = await call(assignmentRoute.DELETE, { assignmentId }, m.token, { method: "DELETE" });
    expect(remove.status).toBe(204);
    const gone = await call(assignmentRoute.DELETE, { assignmentId }, m.token, { method: "DELETE" });
    expect(gone.status).toBe(404);
  });

  it("history rejects a bad limit with 400", async () => {
    const { project, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    const { token } = await createApiToken(manager.id, "t");
    expect((await call(historyRoute.GET, { documentId: doc.id }, token, { method: "GET" })).status).toBe(200);
    const bad = await call(historyRoute.GET, { documentId: doc.id }, token, { method: "GET", query: "?limit=0" });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: "validation_failed" } });
  });
});
