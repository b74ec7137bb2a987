import { describe, expect, it } from "vitest";
import { permissionsOf } from "@/lib/auth/permissions";
import { projectLandingHref, projectTabsFor } from "./project-tabs";

const labels = (roles: Parameters<typeof permissionsOf>[0], isAdmin = false) => projectTabsFor("p", permissionsOf(roles, { isAdmin })).map((t) => t.label);

describe("projectTabsFor", () => {
  it("shows My work to annotators and reviewers, not to managers or admins", () => {
    // Other features add tabs too, so only My work's presence and place are asserted.
    expect(labels(["ANNOTATOR"]).slice(0, 2)).toEqual(["Documents", "My work"]);
    expect(labels(["REVIEWER"])).toContain("My work");
    expect(labels(["MANAGER"])).not.toContain("My work");
    expect(labels([], true)).not.toContain("My work");
  });

  it("links My work under the project", () => {
    expect(projectTabsFor("p1", ["work.view"]).find((t) => t.label === "My work")?.href).toBe("/projects/p1/my-work");
  });
});

describe("projectLandingHref", () => {
  it("sends annotators and reviewers to My work, managers and admins to the documents", () => {
    expect(projectLandingHref("p", ["ANNOTATOR"], false)).toBe("/projects/p/my-work");
    expect(projectLandingHref("p", ["REVIEWER"], false)).toBe("/projects/p/my-work");
    expect(projectLandingHref("p", ["ANNOTATOR", "MANAGER"], false)).toBe("/projects/p");
    expect(projectLandingHref("p", ["ANNOTATOR"], true)).toBe("/projects/p");
    expect(projectLandingHref("p", [], true)).toBe("/projects/p");
  });
});
