"use client";
import { usePathname } from "next/navigation";
import { NavLink } from "@/components/layout/nav-link";

export type ProjectTab = { href: string; label: string };

export function ProjectTabs({ tabs }: { tabs: ProjectTab[] }) {
  const pathname = usePathname();
  // The longest matching prefix is the current tab, so /documents/x keeps "Documents" selected.
  const current = tabs
    .filter((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav className="tabs" aria-label="Project">
      {tabs.map((tab) => (
        <NavLink key={tab.href} href={tab.href} aria-current={tab === current ? "page" : undefined}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
