import type { APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import { tokenFileOf, type RoleName } from "../fixtures";

export const tokenOf = (role: RoleName) => fs.readFileSync(tokenFileOf(role), "utf8").trim();
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const as = (role: RoleName) => bearer(tokenOf(role));

export async function demoProjectId(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/v1/projects", { headers: as("manager") });
  const { projects } = (await res.json()) as { projects: { id: string; name: string }[] };
  const project = projects.find((p) => p.name === "Russia–China coverage");
  if (!project) throw new Error("demo project missing");
  return project.id;
}
