import { emailSchema, newPasswordSchema } from "./auth";
import { z } from "./zod";

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "Name is required").max(100),
    password: newPasswordSchema,
    isAdmin: z.boolean().default(false),
  })
  .meta({ id: "CreateUser" });

export const resetPasswordSchema = z.object({ password: newPasswordSchema }).meta({ id: "ResetPassword" });

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), isAdmin: z.boolean(), active: z.boolean() })
  .meta({ id: "User" });

export type CreateUserInput = z.input<typeof createUserSchema>;
