import { describe, expect, it } from "vitest";
import { permissionsOf } from "@/lib/auth/permissions";
import { projectTabsFor } from "./project-tabs";

const labels = (roles: Parameters<typeof permissionsOf>[0], isAdmin = false) => projectTabsFor("p", permissionsOf(roles, { isAdmin })).map((t) => t.label);

describe("projectTabsFor", () => {
  it("shows My work to annotators and reviewers, not to managers or admins", () => {
    expect(labels(["ANNOTATOR"])).toEqual(["Documents", "My work", "Members"]);
    expect(labels(["REVIEWER"])).toContain("My work");
    expect(labels(["MANAGER"])).toEqual(["Documents", "Import", "Members", "Settings"]);
    expect(labels([], true)).not.toContain("My work");
  });

  it("links My work under the project", () => {
    expect(projectTabsFor("p1", ["work.view"]).find((t) => t.label === "My work")?.href).toBe("/projects/p1/my-work");
  });
});
