import "server-only";
import crypto from "node:crypto";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { querySql as sql } from "@/lib/search/query-sql";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { savedSearchInputSchema, type SavedSearch } from "@/lib/validation/search";

// Saved searches are a project's shared bookmarks (the query string of a search link); any member
// may save one, and its author or a manager may delete it.

type Row = { id: string; name: string; query: string; created_at: Date; user_id: string };
const toDto = (row: Row, userId: string): SavedSearch => ({ id: row.id, name: row.name, query: row.query, createdAt: row.created_at.toISOString(), mine: row.user_id === userId });

export async function listSavedSearches(user: AuthenticatedUser, projectId: string): Promise<SavedSearch[]> {
  await requireProjectPermission(user, projectId, "documents.view");
  const rows = await sql().query<Row>(`SELECT id, name, query, created_at, user_id FROM saved_searches WHERE project_id = $1 ORDER BY created_at DESC, id LIMIT 200`, [projectId]);
  return rows.map((r) => toDto(r, user.id));
}

export async function saveSearch(user: AuthenticatedUser, projectId: string, input: unknown): Promise<SavedSearch> {
  await requireProjectPermission(user, projectId, "documents.view");
  const data = parseOrThrow(savedSearchInputSchema, input);
  const [row] = await sql().query<Row>(
    `INSERT INTO saved_searches (id, project_id, user_id, name, query) VALUES ($1, $2, $3, $4, $5) RETURNING id, name, query, created_at, user_id`,
    [crypto.randomUUID(), projectId, user.id, data.name, data.query],
  );
  return toDto(row!, user.id);
}

export async function deleteSavedSearch(user: AuthenticatedUser, projectId: string, id: string): Promise<void> {
  const access = await requireProjectPermission(user, projectId, "documents.view");
  const [row] = await sql().query<{ user_id: string }>(`SELECT user_id FROM saved_searches WHERE id = $1 AND project_id = $2`, [id, projectId]);
  if (!row) throw new AppError("not_found", "Saved search not found.");
  if (row.user_id !== user.id && !access.permissions.includes("project.edit")) throw new AppError("forbidden", "Only its author or a manager can delete a saved search.");
  await sql().query(`DELETE FROM saved_searches WHERE id = $1`, [id]);
}
