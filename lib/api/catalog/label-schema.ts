import { labelSchemaSchema, updateLabelSchemaSchema } from "@/lib/validation/label-schema";
import { z } from "@/lib/validation/zod";
import type { ApiOperation } from "./types";

const updatedSchema = z.object({ labelSchema: labelSchemaSchema, schemaVersion: z.number().int() }).meta({ id: "LabelSchemaUpdated" });

export const LABEL_SCHEMA_OPERATIONS: ApiOperation[] = [
  {
    method: "patch",
    path: "/api/v1/projects/{projectId}/label-schema",
    summary:
      "Replace the label schema (unique names and hotkeys, #rrggbb colours, hotkeys not j k ? a x y n or digits). Values in use can be retired, not removed: removing one → 409 with details.inUse counts; a stale schemaVersion → 409",
    tag: "Projects",
    access: "schema.edit",
    scope: "project",
    body: updateLabelSchemaSchema,
    response: updatedSchema,
  },
];
