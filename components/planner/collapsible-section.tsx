"use client"

import { useState } from "react"

/**
 * A form section the user can fold away. It opens by itself when one of its fields has an
 * error, so a message is never hidden, and starts open when `startsOpen` (a shared link set one of
 * its fields), so what shapes the plan is in view.
 */
export function CollapsibleSection(props: {
  title: string
  hasError: boolean
  startsOpen?: boolean
  children: React.ReactNode
  testId?: string
}) {
  const [open, setOpen] = useState(props.startsOpen ?? false)

  return (
    <details
      open={open || props.hasError}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="min-w-0 rounded-md border border-slate-200 dark:border-slate-800"
      data-testid={props.testId}
    >
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-semibold tracking-wide text-slate-600 uppercase focus-visible:outline-2 focus-visible:outline-accent dark:text-slate-400">
        {props.title}
      </summary>
      <div className="grid min-w-0 gap-4 px-3 pb-3">{props.children}</div>
    </details>
  )
}
