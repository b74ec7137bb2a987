import { createTokenSchema, signInSchema, tokenResponseSchema } from "@/lib/validation/auth";
import { addMemberSchema, createProjectSchema, projectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { createUserSchema, userSchema } from "@/lib/validation/users";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

export const FOUNDATION_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/v1/health", summary: "Liveness and database status", tag: "System", access: "public" },
  { method: "get", path: "/api/v1/openapi.json", summary: "This OpenAPI document", tag: "System", access: "public" },
  {
    method: "post",
    path: "/api/v1/auth/token",
    summary: "Exchange email and password for an API token (throttled: 10 failures/minute/email → 429)",
    tag: "Auth",
    access: "public",
    // Intersection, not .extend, so the document refers to SignIn (allOf) instead of repeating it.
    body: z.intersection(signInSchema, z.object({ name: createTokenSchema.shape.name.optional() })),
    response: tokenResponseSchema,
    successStatus: 201,
  },
  { method: "get", path: "/api/v1/users", summary: "List users", tag: "Users", access: "admin" },
  { method: "post", path: "/api/v1/users", summary: "Create a user", tag: "Users", access: "admin", body: createUserSchema, response: userSchema, successStatus: 201 },
  { method: "get", path: "/api/v1/projects", summary: "The caller's projects", tag: "Projects", access: "user" },
  { method: "post", path: "/api/v1/projects", summary: "Create a project", tag: "Projects", access: "admin", body: createProjectSchema, successStatus: 201 },
  { method: "get", path: "/api/v1/projects/{projectId}", summary: "A project", tag: "Projects", access: "project.view", scope: "project", response: projectSchema },
  { method: "patch", path: "/api/v1/projects/{projectId}", summary: "Update project settings", tag: "Projects", access: "project.edit", scope: "project", body: updateProjectSchema },
  { method: "get", path: "/api/v1/projects/{projectId}/members", summary: "Project members", tag: "Projects", access: "project.view", scope: "project" },
  { method: "post", path: "/api/v1/projects/{projectId}/members", summary: "Add a member or set their roles", tag: "Projects", access: "members.manage", scope: "project", body: addMemberSchema, successStatus: 201 },
];
