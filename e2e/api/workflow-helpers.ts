import crypto from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { ROLES, type RoleName } from "../fixtures";
import { as, demoProjectId } from "./helpers";

/** Imports a fresh article into the demo project and assigns both annotators and the reviewer. */
export async function assignedArticle(request: APIRequestContext, text: string) {
  const projectId = await demoProjectId(request);
  const imported = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("manager"), data: { text } });
  expect(imported.status(), "import").toBe(201);
  const documentId = ((await imported.json()) as { results: { id: string }[] }).results[0]!.id;
  const members = (await (await request.get(`/api/v1/projects/${projectId}/members`, { headers: as("manager") })).json()) as { members: { id: string; email: string }[] };
  const idOf = (role: RoleName) => members.members.find((m) => m.email === ROLES[role])!.id;
  for (const [role, kind] of [["annotator1", "annotator"], ["annotator2", "annotator"], ["reviewer", "reviewer"]] as const) {
    const res = await request.post(`/api/v1/documents/${documentId}/assignments`, { headers: as("manager"), data: { userId: idOf(role), role: kind } });
    expect(res.status(), `assign ${role}`).toBe(201);
  }
  return { projectId, documentId };
}

/** Code-point offsets of the first occurrence of `needle` in `text`. */
export function codePointSpan(text: string, needle: string) {
  const start = [...text.slice(0, text.indexOf(needle))].length;
  return { start, end: start + [...needle].length };
}

export async function annotateAs(request: APIRequestContext, role: RoleName, documentId: string, data: object): Promise<{ id: string; version: number }> {
  const res = await request.post(`/api/v1/documents/${documentId}/annotations`, { headers: as(role), data: { id: crypto.randomUUID(), ...data } });
  expect(res.status(), `${role} annotates`).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

export async function submitAs(request: APIRequestContext, role: RoleName, documentId: string) {
  const list = (await (await request.get(`/api/v1/documents/${documentId}/assignments`, { headers: as(role) })).json()) as {
    assignments: { id: string; user: { email: string }; role: string }[];
  };
  const mine = list.assignments.find((a) => a.user.email === ROLES[role] && a.role === "annotator")!;
  const res = await request.post(`/api/v1/assignments/${mine.id}/submit`, { headers: as(role) });
  expect(res.status(), `${role} submits`).toBe(200);
}

/** A signed-off article: both annotators agree on every span, so review pre-accepts it all. */
export async function signedOffArticle(request: APIRequestContext, text: string, spans: object[]) {
  const { projectId, documentId } = await assignedArticle(request, text);
  for (const role of ["annotator1", "annotator2"] as const) {
    for (const span of spans) await annotateAs(request, role, documentId, span);
    await submitAs(request, role, documentId);
  }
  expect((await request.post(`/api/v1/documents/${documentId}/review/start`, { headers: as("reviewer") })).status(), "start review").toBe(200);
  const signOff = await request.post(`/api/v1/documents/${documentId}/sign-off`, { headers: as("reviewer") });
  expect(signOff.status(), `sign off: ${await signOff.text()}`).toBe(200);
  return { projectId, documentId };
}
