import { z } from "./zod";

export const entityTypeSchema = z.enum(["person", "organisation", "outlet", "document", "state"]);

export const createEntitySchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(300),
    type: entityTypeSchema.default("person"),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
  })
  .strict()
  .meta({ id: "CreateEntity" });

export const updateEntitySchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(300).optional(),
    type: entityTypeSchema.optional(),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
  })
  .strict()
  .meta({ id: "UpdateEntity" });

export const mergeEntitySchema = z
  .object({ into: z.string().min(1, "into (the entity to keep) is required") })
  .strict()
  .meta({ id: "MergeEntity" });

export const entityDtoSchema = z
  .object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), type: entityTypeSchema, annotationCount: z.number().int().optional() })
  .meta({ id: "Entity" });
