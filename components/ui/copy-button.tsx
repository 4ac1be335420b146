"use client"

import { useEffect, useState } from "react"

/** Copies text to the clipboard and says so for two seconds; says why when the browser refuses. */
export function CopyButton(props: {
  /** The text to copy; a promise when it needs code that loads on demand (the Markdown's configs). */
  text: () => string | Promise<string>
  label: string
  className?: string
  testId?: string
  disabled?: boolean
  /** The id of the text that says why the button is off. */
  describedBy?: string
}) {
  // A new object on every click restarts the two-second timer, even when already showing "Copied".
  const [feedback, setFeedback] = useState<{ status: "idle" | "copied" | "failed" }>({ status: "idle" })
  const state = feedback.status

  useEffect(() => {
    if (feedback.status === "idle") return
    const timer = setTimeout(() => setFeedback({ status: "idle" }), 2000)
    return () => clearTimeout(timer)
  }, [feedback])

  async function copy() {
    try {
      await navigator.clipboard.writeText(await props.text())
      setFeedback({ status: "copied" })
    } catch {
      // Clipboard access can be blocked (insecure origin, denied permission); the text stays selectable.
      setFeedback({ status: "failed" })
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      className={props.className ?? buttonClass}
      data-testid={props.testId}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied ✓" : state === "failed" ? "Copy blocked — select the text" : props.label}
      </span>
    </button>
  )
}

export const buttonClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-white dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800 dark:disabled:hover:bg-slate-900"
