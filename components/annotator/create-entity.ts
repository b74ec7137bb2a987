"use client";
import type { EntityDto } from "./types";

/** Creates a speaker in the project's registry; the new entity, or a message to show. */
export async function createEntity(projectId: string, name: string, type: string): Promise<EntityDto | string> {
  try {
    const res = await fetch(`/api/v1/projects/${projectId}/entities`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, type }),
    });
    const body = (await res.json().catch(() => null)) as (EntityDto & { entity?: EntityDto; error?: { message?: string } }) | null;
    if (!res.ok || !body) return body?.error?.message ?? "The speaker could not be created.";
    const created = body.entity ?? body;
    return { id: created.id, name: created.name, aliases: created.aliases ?? [], type: String(created.type).toLowerCase() };
  } catch {
    return "You are offline: speakers can only be created online.";
  }
}
