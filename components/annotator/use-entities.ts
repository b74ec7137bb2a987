"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { annotatorApi } from "@/lib/api-client/annotator-endpoints";
import type { EntityDto } from "./types";

/**
 * The project's speaker registry as the annotator holds it: the list (grown by speakers created
 * here), a map by id, and a stable getter the sync engine reads when it materialises a change.
 */
export function useEntities(projectId: string, initial: EntityDto[]) {
  const [entities, setEntities] = useState<EntityDto[]>(initial);
  const entityMap = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const entityRef = useRef(entityMap);
  useEffect(() => {
    entityRef.current = entityMap;
  }, [entityMap]);
  const [getEntities] = useState(() => () => entityRef.current);

  /** Creates a speaker in the registry; the new entity, or a message to show. */
  const createEntity = async (name: string, type: string): Promise<EntityDto | string> => {
    try {
      const created = await annotatorApi.createEntity(projectId, { name, type });
      const entity: EntityDto = { id: created.id, name: created.name, aliases: created.aliases, type: created.type };
      setEntities((all) => [...all.filter((e) => e.id !== entity.id), entity].sort((a, b) => a.name.localeCompare(b.name)));
      return entity;
    } catch (error) {
      return messageOf(error, "The speaker could not be created.");
    }
  };

  return { entities, entityMap, getEntities, createEntity };
}
