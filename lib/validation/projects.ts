import { emailSchema } from "./auth";
import { suggestionThresholdSchema } from "./suggestions";
import { z } from "./zod";

export const projectRoleSchema = z.enum(["MANAGER", "ANNOTATOR", "REVIEWER"]);

const stanceTargetName = z.string().trim().min(1, "A target cannot be empty").max(120, "At most 120 characters");

export const createProjectSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(200),
    description: z.string().trim().max(5000).default(""),
    stanceTargets: z.array(stanceTargetName).max(100).optional(),
  })
  .meta({ id: "CreateProject" });

export const updateProjectSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(200),
    description: z.string().trim().max(5000),
    stanceTargets: z
      .array(stanceTargetName)
      .max(100, "At most 100 targets")
      .refine((targets) => new Set(targets.map((t) => t.toLowerCase())).size === targets.length, "Targets must be unique"),
    preAcceptAgreed: z.boolean(),
    membersMayDownload: z.boolean(),
    license: z.string().trim().max(100),
    sourceDescription: z.string().trim().max(2000),
    /** Per-suggester switches; left out, they stay as they are. */
    suggesters: z.object({ editorial: z.boolean(), quote: z.boolean(), claim: z.boolean() }).optional(),
    /** Suggestions below this confidence (0–1) are hidden; left out, it stays as it is. */
    suggestionThreshold: suggestionThresholdSchema.optional(),
  })
  .meta({ id: "UpdateProject" });

export const addMemberSchema = z
  .object({
    email: emailSchema,
    roles: z.array(projectRoleSchema).min(1, "Choose at least one role").max(3),
  })
  .meta({ id: "AddMember" });

export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    roles: z.array(projectRoleSchema),
    documentCount: z.number().int(),
    stanceTargets: z.array(z.string()),
  })
  .meta({ id: "Project" });

export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
export type AddMemberInput = z.input<typeof addMemberSchema>;
