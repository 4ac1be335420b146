import type { Metadata, Viewport } from "next"

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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  )
}
