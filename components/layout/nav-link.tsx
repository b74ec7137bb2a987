"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * Pages where the navigation's links are not prefetched: the annotator's text and outbox load
 * right after hydration, and a prefetch per visible link (a server render each, twice over the
 * top bar and the project tabs) competed with them on the server and the main thread. Leaving
 * the annotator is rare and still a normal navigation.
 */
export function prefetchesNavigation(pathname: string | null): boolean {
  return !(pathname ?? "").endsWith("/annotate");
}

/** A link of the site's navigation (top bar, project tabs, breadcrumbs). */
export function NavLink(props: ComponentProps<typeof Link>) {
  const pathname = usePathname();
  return <Link {...props} prefetch={prefetchesNavigation(pathname) ? props.prefetch : false} />;
}
