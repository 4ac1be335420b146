import type { Metadata, Viewport } from "next"
import { connection } from "next/server"

import "./globals.css"

export const metadata: Metadata = {
  title: "TraceBudget: trace sampling cost planner",
  description:
    "From requests per second and retention: traces, spans, bytes and storage per day, and $ per month on Tempo, ClickHouse, Jaeger and SaaS backends, at every sampling rate.",
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put that request's CSP nonce on its scripts;
  // a prerendered page (the 404) would carry scripts the CSP blocks. The planner reads its
  // query anyway, so this costs nothing there.
  await connection()
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  )
}
