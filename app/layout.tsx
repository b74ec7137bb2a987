import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TopBar } from "@/components/layout/top-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stancebench", template: "%s · Stancebench" },
  description: "Annotate claims, quotes and editorial insertions with stance and attribution.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TopBar />
        {children}
      </body>
    </html>
  );
}
