// Replaces Next's default 404, whose inline styles the page CSP would block. A plain link: the
// 404 is part of every page's layout, and next/link would add its code to the planner's first load.
export default function NotFound() {
  return (
    <main className="mx-auto grid max-w-3xl gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">
        TraceBudget has one page.{" "}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full load of the one page is fine here */}
        <a href="/" className="underline underline-offset-2">
          Open the planner
        </a>
        .
      </p>
    </main>
  )
}
