import { describe, expect, it } from "vitest";
import { permissionsOf } from "@/lib/auth/permissions";
import { projectTabsFor } from "./project-tabs";

const tab = (roles: Parameters<typeof permissionsOf>[0]) => projectTabsFor("p1", permissionsOf(roles)).find((t) => t.label === "Agreement");

describe("the Agreement tab", () => {
  it("is shown to managers and reviewers (agreement.view), not to annotators", () => {
    expect(tab(["MANAGER"])?.href).toBe("/projects/p1/agreement");
    expect(tab(["REVIEWER"])?.href).toBe("/projects/p1/agreement");
    expect(tab(["ANNOTATOR"])).toBeUndefined();
  });
});
