import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TopBar } from "@/components/layout/top-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stancebench", template: "%s · Stancebench" },
  description: "Annotate claims, quotes and editorial insertions with stance and attribution.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <TopBar />
        {children}
      </body>
    </html>
  );
}
