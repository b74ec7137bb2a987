import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { as, demoProjectId } from "./helpers";

export type Ids = Record<string, string>;

// Real ids for the path parameters of the authorization sweep, one resolver per parameter name.
// A feature that adds a new path parameter adds its resolver here.
type Resolver = (request: APIRequestContext, ids: Ids) => Promise<string | undefined>;

export const RESOLVERS: [string, Resolver][] = [
  ["projectId", (request) => demoProjectId(request)],
  [
    "documentId",
    async (request, ids) => {
      const res = await request.get(`/api/v1/projects/${ids.projectId}/documents`, { headers: as("manager") });
      return ((await res.json()) as { items: { id: string }[] }).items[0]?.id;
    },
  ],
  ["index", async () => "0"],
  ["view", async () => "stance"],
  ["format", async () => "brat"],
  [
    "suggestionId",
    async (request, ids) => {
      // The demo seed stores suggestions for its documents.
      const res = await request.get(`/api/v1/documents/${ids.documentId}/suggestions`, { headers: as("manager") });
      return ((await res.json()) as { items: { id: string }[] }).items[0]?.id;
    },
  ],
  [
    "taskId",
    async (request, ids) => {
      const res = await request.post(`/api/v1/projects/${ids.projectId}/imports`, {
        headers: as("manager"),
        multipart: { file: { name: "sweep.txt", mimeType: "text/plain", buffer: Buffer.from("Sweep article.\n\nIt exists for the authorization sweep.") } },
      });
      return ((await res.json()) as { taskId?: string }).taskId;
    },
  ],
  [
    "assignmentId",
    async (request, ids) => {
      // annotator1 on the first document; a 409 on a rerun means it exists already.
      const users = (await (await request.get(`/api/v1/projects/${ids.projectId}/members`, { headers: as("manager") })).json()) as { members: { id: string; email: string }[] };
      const annotator = users.members.find((m) => m.email === "annotator1@example.com");
      if (annotator) {
        await request.post(`/api/v1/documents/${ids.documentId}/assignments`, { headers: as("manager"), data: { userId: annotator.id, role: "annotator" } });
      }
      const res = await request.get(`/api/v1/documents/${ids.documentId}/assignments`, { headers: as("manager") });
      return ((await res.json()) as { assignments: { id: string }[] }).assignments[0]?.id;
    },
  ],
  [
    "annotationId",
    async (request, ids) => {
      // annotator1 is assigned every seeded article; a sample one is found by its title.
      const res = await request.get(`/api/v1/projects/${ids.projectId}/documents?limit=100`, { headers: as("manager") });
      const items = ((await res.json()) as { items: { id: string; title: string }[] }).items;
      const seeded = items.find((d) => d.title === "Moscow and Beijing are global partners");
      if (!seeded) return undefined;
      const created = await request.post(`/api/v1/documents/${seeded.id}/annotations`, {
        headers: as("annotator1"),
        data: { id: crypto.randomUUID(), type: "CLAIM", start: 0, end: 6, attributes: { checkworthy: "no" } },
      });
      return ((await created.json()) as { id?: string }).id;
    },
  ],
  [
    "entityId",
    async (request, ids) => {
      const created = await request.post(`/api/v1/projects/${ids.projectId}/entities`, {
        headers: as("manager"),
        data: { name: `Sweep speaker ${Date.now()}`, type: "person" },
      });
      return ((await created.json()) as { id?: string }).id;
    },
  ],
  [
    "commentId",
    async (request, ids) => {
      const res = await request.post(`/api/v1/documents/${ids.documentId}/comments`, { headers: as("manager"), data: { body: "Authorization sweep thread." } });
      return ((await res.json()) as { id?: string }).id;
    },
  ],
  [
    "version",
    async (request, ids) => {
      // An existing finished version, else build one (needs a signed-off document in the project).
      // Without any, "1" still sweeps correctly: permission is checked before the version is looked up.
      const list = await request.get(`/api/v1/projects/${ids.projectId}/datasets`, { headers: as("manager") });
      const done = ((await list.json()) as { versions?: { number: number; status: string }[] }).versions?.find((v) => v.status === "DONE");
      if (done) return String(done.number);
      const res = await request.post(`/api/v1/projects/${ids.projectId}/datasets`, { headers: as("manager"), data: {} });
      const created = (await res.json()) as { number?: number };
      return String(created.number ?? 1);
    },
  ],
  ["name", async () => "manifest.json"],
  // The sweep never calls as a role that may manage suggesters, and the permission is checked
  // before the suggester is looked up: a well-formed id is enough. (A real one would leave the demo
  // project calling a service that is not there.)
  ["suggesterId", async () => crypto.randomUUID()],
  [
    "relationId",
    async (request) => {
      // Two fresh spans of annotator1's layer in the sample article, linked.
      const res = await request.get(`/api/v1/projects/${await demoProjectId(request)}/documents?limit=100`, { headers: as("manager") });
      const seeded = ((await res.json()) as { items: { id: string; title: string }[] }).items.find((d) => d.title === "Moscow and Beijing are global partners");
      if (!seeded) return undefined;
      const span = async (start: number) => {
        const data = { id: crypto.randomUUID(), type: "CLAIM", start, end: start + 4, attributes: { checkworthy: "no" } };
        return ((await (await request.post(`/api/v1/documents/${seeded.id}/annotations`, { headers: as("annotator1"), data })).json()) as { id?: string }).id;
      };
      const [fromId, toId] = [await span(7), await span(12)];
      const created = await request.post(`/api/v1/documents/${seeded.id}/relations`, { headers: as("annotator1"), data: { id: crypto.randomUUID(), type: "same-claim", fromId, toId } });
      return ((await created.json()) as { id?: string }).id;
    },
  ],
];

export async function resolveIds(request: APIRequestContext): Promise<Ids> {
  const ids: Ids = {};
  for (const [name, resolve] of RESOLVERS) {
    const value = await resolve(request, ids);
    if (value) ids[name] = value;
  }
  return ids;
}
