"use client"

import { useEffect, useRef } from "react"

import { buttonClass } from "../ui/copy-button"

/**
 * Undo for "Use this setting": shown beside it once applied, it brings back the plan before. It
 * takes the focus when the button that was clicked went away, so a keyboard user is not dropped to
 * the top of the page.
 */
export function UndoApply({ onUndo }: { onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) button.current?.focus()
  }, [])
  return (
    <button ref={button} type="button" className={buttonClass} onClick={onUndo} data-testid="undo-apply">
      Undo
    </button>
  )
}
