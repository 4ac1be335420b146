"use client"

import { memo, useState } from "react"

import { formatDecimal, formatInteger } from "@/lib/format"
import { estimateSpanBytes, SPAN_SIZE_PRESETS } from "@/lib/shape/span-size"

const smallInput =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-accent dark:border-slate-600 dark:bg-slate-900"
const chipClass =
  "rounded-full border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-600 dark:hover:bg-slate-800"

interface ShapeText {
  attributesPerSpan: string
  attributeKeyBytes: string
  attributeValueBytes: string
  eventsPerSpan: string
}

const FIELDS: { key: keyof ShapeText; label: string }[] = [
  { key: "attributesPerSpan", label: "Attributes per span" },
  { key: "attributeKeyBytes", label: "Key length (bytes)" },
  { key: "attributeValueBytes", label: "Value length (bytes)" },
  { key: "eventsPerSpan", label: "Events per span" },
]

function toShape(text: ShapeText) {
  const numbers = Object.fromEntries(Object.entries(text).map(([key, value]) => [key, Number(value)])) as Record<
    keyof ShapeText,
    number
  >
  const valid = Object.values(numbers).every((value) => Number.isInteger(value) && value >= 0 && value <= 10_000)
  return valid ? numbers : null
}

/** Span-size presets and an estimator that computes OTLP protobuf bytes from a span's shape. */
export const SpanSizeHelper = memo(function SpanSizeHelper({ onUse }: { onUse: (spanBytes: number) => void }) {
  const [shape, setShape] = useState<ShapeText>({
    attributesPerSpan: "10",
    attributeKeyBytes: "20",
    attributeValueBytes: "25",
    eventsPerSpan: "1",
  })
  const numbers = toShape(shape)
  const estimate = numbers ? estimateSpanBytes(numbers) : null

  return (
    <div className="grid gap-2">
      <div role="group" aria-label="Span size presets" className="flex flex-wrap gap-2">
        {SPAN_SIZE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className={chipClass}
            title={`${preset.source} (as of ${preset.asOf})`}
            onClick={() => onUse(preset.spanBytes)}
          >
            {preset.label} · {formatInteger(preset.spanBytes)} B
          </button>
        ))}
      </div>
      <details className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
        <summary className="cursor-pointer rounded-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
          Estimate bytes per span from its attributes
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {FIELDS.map(({ key, label }) => (
            <label key={key} className="grid gap-1 text-xs font-medium">
              {label}
              <input
                type="text"
                inputMode="numeric"
                value={shape[key]}
                onChange={(event) => setShape({ ...shape, [key]: event.target.value })}
                className={smallInput}
                data-testid={`span-shape-${key}`}
              />
            </label>
          ))}
        </div>
        {estimate ? (
          <div className="mt-2 grid gap-1" data-testid="span-estimate">
            <p>
              ≈ <strong>{formatInteger(estimate.spanBytes)} B</strong> per span in a batch of 512 (string attributes,
              OTLP protobuf encoding, 24-attribute Kubernetes resource).
            </p>
            <ul className="grid gap-0.5 text-xs text-slate-600 dark:text-slate-400">
              {estimate.breakdown.map((part) => (
                <li key={part.label} className="flex justify-between gap-2">
                  <span>{part.label}</span>
                  <span>{formatDecimal(part.bytes, 0, 1)} B</span>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className={`${chipClass} justify-self-start`}
              onClick={() => onUse(estimate.spanBytes)}
            >
              Use {formatInteger(estimate.spanBytes)} B per span
            </button>
          </div>
        ) : (
          <p className="mt-2 text-xs font-medium text-red-700 dark:text-red-300" role="alert">
            Enter whole numbers from 0 to 10,000 in each box.
          </p>
        )}
      </details>
    </div>
  )
})
