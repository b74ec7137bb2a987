import { z } from "./zod";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Email is required")
  .max(254)
  .email("Enter a valid email address")
  .transform((value) => value.toLowerCase());

export const newPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(200, "Use at most 200 characters");

export const signInSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1, "Password is required").max(200),
  })
  .meta({ id: "SignIn" });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" })
  .meta({ id: "ChangePassword" });

export const createTokenSchema = z
  .object({ name: z.string().trim().min(1, "Give the token a name").max(100) })
  .meta({ id: "CreateToken" });

export const tokenResponseSchema = z.object({ token: z.string(), id: z.string(), name: z.string() }).meta({ id: "TokenCreated" });
