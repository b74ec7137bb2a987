import { expect, test, type APIRequestContext } from "@playwright/test";
import { API_OPERATIONS, type ApiOperation } from "../../lib/api/route-catalog";
import { can, type Permission, type ProjectRoleName } from "../../lib/auth/permissions";
import { DEMO_PASSWORD, type RoleName } from "../fixtures";
import { as, bearer } from "./helpers";
import { resolveIds, type Ids } from "./sweep-ids";

test.use({ storageState: { cookies: [], origins: [] } });

// Walks every operation in the catalog (which a unit test keeps in sync with the route files):
// no token → 401; a non-member → 404; a member whose roles lack the permission → 403.
const MEMBERS: { role: RoleName; roles: ProjectRoleName[] }[] = [
  { role: "manager", roles: ["MANAGER"] },
  { role: "annotator1", roles: ["ANNOTATOR"] },
  { role: "reviewer", roles: ["REVIEWER"] },
];

function fill(path: string, ids: Ids): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? "unknown-id");
}

async function call(request: APIRequestContext, op: ApiOperation, path: string, headers: Record<string, string>) {
  const withBody = op.method !== "get" && op.method !== "delete";
  return request.fetch(path, { method: op.method.toUpperCase(), headers, ...(withBody ? { data: {} } : {}) });
}

let outsiderToken = "";
let ids: Ids = {};

test.beforeAll(async ({ request }) => {
  ids = await resolveIds(request);
  const email = `outsider-${Date.now()}@example.com`;
  const created = await request.post("/api/v1/users", { headers: as("admin"), data: { email, name: "Outsider", password: DEMO_PASSWORD } });
  expect(created.status()).toBe(201);
  const token = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } });
  outsiderToken = ((await token.json()) as { token: string }).token;
});

for (const op of API_OPERATIONS.filter((o) => o.access !== "public")) {
  test(`${op.method.toUpperCase()} ${op.path}`, async ({ request }) => {
    const path = fill(op.path, ids);

    const anonymous = await call(request, op, path, {});
    expect(anonymous.status(), "without a token").toBe(401);
    const bogus = await call(request, op, path, bearer("sbt_not-a-real-token"));
    expect(bogus.status(), "with a bad token").toBe(401);

    if (op.access === "admin") {
      const nonAdmin = await call(request, op, path, as("manager"));
      expect(nonAdmin.status(), "a non-admin").toBe(403);
      return;
    }
    if (op.access === "user") return;

    const outsider = await call(request, op, path, bearer(outsiderToken));
    expect(outsider.status(), "a non-member").toBe(404);
    expect(((await outsider.json()) as { error: { code: string } }).error.code).toBe("not_found");

    expect(path, "every path parameter has a real id (add a resolver in sweep-ids.ts)").not.toContain("unknown-id");
    const lacking = MEMBERS.find((m) => !can(m.roles, op.access as Permission));
    if (lacking) {
      const res = await call(request, op, path, as(lacking.role));
      expect(res.status(), `${lacking.role} lacks ${op.access}`).toBe(403);
    }
  });
}
