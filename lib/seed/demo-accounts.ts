import type { ProjectRoleName } from "@/lib/auth/permissions";

// Demo logins (README "Demo logins"). Only created in demo mode (embedded database).
export const DEMO_PASSWORD = "stancebench";

export const DEMO_USERS: { email: string; name: string; isAdmin: boolean; roles: ProjectRoleName[] }[] = [
  { email: "admin@example.com", name: "Ada Admin", isAdmin: true, roles: [] },
  { email: "manager@example.com", name: "Mona Manager", isAdmin: false, roles: ["MANAGER"] },
  { email: "annotator1@example.com", name: "Anna Annotator", isAdmin: false, roles: ["ANNOTATOR"] },
  { email: "annotator2@example.com", name: "Boris Annotator", isAdmin: false, roles: ["ANNOTATOR"] },
  { email: "reviewer@example.com", name: "Rita Reviewer", isAdmin: false, roles: ["REVIEWER"] },
];

export const DEMO_PROJECT = {
  name: "Russia–China coverage",
  description: "Machine-translated Russian press coverage of the Russia–China partnership, republished via InoSMI and others.",
  stanceTargets: ["Russia–China partnership", "United States / the West", "Ukraine"],
};

/** Who works on every sample article in the demo project. */
export const DEMO_ASSIGNMENTS = {
  annotators: ["annotator1@example.com", "annotator2@example.com"],
  reviewer: "reviewer@example.com",
};
