import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, permissionsOf, type Permission, type ProjectRoleName } from "./permissions";

// The expected matrix, written out by hand so that a change to the table must be made twice.
const EXPECTED: Record<Permission, Record<ProjectRoleName, boolean>> = {
  "project.view": { MANAGER: true, ANNOTATOR: true, REVIEWER: true },
  "project.edit": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "members.manage": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "schema.edit": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "documents.view": { MANAGER: true, ANNOTATOR: true, REVIEWER: true },
  "documents.import": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "documents.delete": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "documents.editSegments": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "assignments.manage": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "annotations.write": { MANAGER: false, ANNOTATOR: true, REVIEWER: false },
  "review.view": { MANAGER: true, ANNOTATOR: false, REVIEWER: true },
  "review.act": { MANAGER: false, ANNOTATOR: false, REVIEWER: true },
  "review.signOff": { MANAGER: false, ANNOTATOR: false, REVIEWER: true },
  "documents.reopen": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "comments.write": { MANAGER: true, ANNOTATOR: true, REVIEWER: true },
  "comments.resolve": { MANAGER: true, ANNOTATOR: false, REVIEWER: true },
  "work.view": { MANAGER: false, ANNOTATOR: true, REVIEWER: true },
  "entities.create": { MANAGER: true, ANNOTATOR: true, REVIEWER: true },
  "entities.manage": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "agreement.view": { MANAGER: true, ANNOTATOR: false, REVIEWER: true },
  "agreement.compute": { MANAGER: true, ANNOTATOR: false, REVIEWER: true },
  "suggestions.manage": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "datasets.create": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
  "datasets.view": { MANAGER: true, ANNOTATOR: false, REVIEWER: false },
};

describe("role → permission matrix", () => {
  it("covers every permission in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, byRole] of Object.entries(EXPECTED) as [Permission, Record<ProjectRoleName, boolean>][]) {
    for (const [role, allowed] of Object.entries(byRole) as [ProjectRoleName, boolean][]) {
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can([role], permission)).toBe(allowed);
      });
    }
  }

  it("a user without roles (not a member) may do nothing", () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it("several roles combine", () => {
    expect(can(["ANNOTATOR", "REVIEWER"], "review.signOff")).toBe(true);
    expect(can(["ANNOTATOR", "REVIEWER"], "annotations.write")).toBe(true);
    expect(can(["ANNOTATOR", "REVIEWER"], "members.manage")).toBe(false);
  });

  it("a site admin acts as manager but gains no annotator or reviewer rights", () => {
    expect(can([], "members.manage", { isAdmin: true })).toBe(true);
    expect(can([], "annotations.write", { isAdmin: true })).toBe(false);
    expect(can([], "review.signOff", { isAdmin: true })).toBe(false);
  });

  it("a project setting can grant dataset downloads to members, and nothing else", () => {
    expect(can(["ANNOTATOR"], "datasets.view", { memberGrants: ["datasets.view"] })).toBe(true);
    expect(can([], "datasets.view", { memberGrants: ["datasets.view"] })).toBe(false);
    expect(can(["ANNOTATOR"], "datasets.create", { memberGrants: ["datasets.create"] })).toBe(false);
  });
});
