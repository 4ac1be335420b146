/**
 * A labelled checkbox that switches how a section shows its content (wrap long lines, full
 * citations); hidden in print, where there is nothing to switch.
 *
 * @example
 * <Toggle checked={wrap} onChange={setWrap}>Wrap long lines</Toggle>
 */
export function Toggle({
  checked,
  onChange,
  children,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  children: React.ReactNode
}) {
  return (
    <label className="inline-flex items-center gap-1.5 text-sm print:hidden">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      />
      {children}
    </label>
  )
}
