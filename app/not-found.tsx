import Link from "next/link"

// Replaces Next's default 404, whose inline styles the page CSP would block.
export default function NotFound() {
  return (
    <main className="mx-auto grid max-w-3xl gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">
        TraceBudget has one page. <Link href="/" className="underline underline-offset-2">Open the planner</Link>.
      </p>
    </main>
  )
}
