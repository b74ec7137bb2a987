"use client";
import { usePathname, useRouter } from "next/navigation";

/** Reviewers and managers switch between their own, the gold and each annotator's layer. */
export function LayerPicker({ layers, value }: { layers: { value: string; label: string }[]; value: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <select
      aria-label="Layer"
      data-testid="layer-picker"
      value={value}
      onChange={(e) => router.push(e.target.value === "mine" ? pathname : `${pathname}?layer=${encodeURIComponent(e.target.value)}`)}
    >
      {layers.map((l) => (
        <option key={l.value} value={l.value}>{l.label}</option>
      ))}
    </select>
  );
}
