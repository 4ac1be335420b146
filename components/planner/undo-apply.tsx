"use client"

import { useEffect, useRef } from "react"

import { buttonClass } from "../ui/copy-button"

/** Whether the focus was dropped: its element left the page, and the browser put it on the body. */
const focusDropped = () => document.activeElement === null || document.activeElement === document.body

/**
 * Undo for "Use this setting": shown beside it once applied, it brings back the plan before. It
 * takes the focus when the button that was clicked went away, and hands it back to the first
 * button of its row ("Use this setting" again) when it goes away itself, so a keyboard user is
 * never dropped to the top of the page.
 */
export function UndoApply({ onUndo }: { onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (focusDropped()) button.current?.focus()
    const row = button.current?.parentElement
    // A passive effect's cleanup runs after the DOM has changed: the row's new buttons are there.
    return () => {
      if (focusDropped()) row?.querySelector<HTMLButtonElement>("button")?.focus()
    }
  }, [])
  return (
    <button ref={button} type="button" className={buttonClass} onClick={onUndo} data-testid="undo-apply">
      Undo
    </button>
  )
}
