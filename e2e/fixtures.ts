import path from "node:path";

export const DEMO_PASSWORD = "stancebench";

export const ROLES = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  annotator1: "annotator1@example.com",
  annotator2: "annotator2@example.com",
  reviewer: "reviewer@example.com",
} as const;

export type RoleName = keyof typeof ROLES;

export const storageStateOf = (role: RoleName) => path.join(__dirname, ".auth", `${role}.json`);
export const tokenFileOf = (role: RoleName) => path.join(__dirname, ".auth", `${role}.token`);
