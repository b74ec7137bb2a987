import type { Permission } from "@/lib/auth/permissions";

/** The project's navigation, filtered by what the caller may see. */
export function projectTabsFor(projectId: string, permissions: readonly Permission[]) {
  const base = `/projects/${projectId}`;
  const tabs: { href: string; label: string; needs?: Permission }[] = [
    { href: base, label: "Documents" },
    { href: `${base}/my-work`, label: "My work", needs: "work.view" },
    { href: `${base}/import`, label: "Import", needs: "documents.import" },
    { href: `${base}/suggestions`, label: "Suggestions", needs: "suggestions.manage" },
    { href: `${base}/search`, label: "Search" },
    { href: `${base}/analysis`, label: "Analysis" },
    { href: `${base}/agreement`, label: "Agreement", needs: "agreement.view" },
    { href: `${base}/exports`, label: "Exports", needs: "datasets.view" },
    { href: `${base}/speakers`, label: "Speakers" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/settings`, label: "Settings", needs: "project.edit" },
  ];
  return tabs.filter((t) => !t.needs || permissions.includes(t.needs)).map(({ href, label }) => ({ href, label }));
}

/**
 * Where opening a project takes the caller: people who annotate or review (and do not manage)
 * land on their own work list, as in Label Studio or doccano; managers and admins on the documents.
 */
export function projectLandingHref(projectId: string, roles: readonly string[], isAdmin: boolean): string {
  const works = roles.includes("ANNOTATOR") || roles.includes("REVIEWER");
  return works && !isAdmin && !roles.includes("MANAGER") ? `/projects/${projectId}/my-work` : `/projects/${projectId}`;
}
