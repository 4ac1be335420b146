"use client"

import { Component, type ReactNode } from "react"

interface Props {
  children: ReactNode
  /** The data drawn: a new value tries the chart again. */
  resetKey: unknown
  heightClass: string
}

/**
 * Keeps a chart that fails (its code cannot load, or it throws while drawing) from taking the
 * page down with it: the chart's box says so, and the table beside it still has every figure.
 * New data tries the chart again.
 */
export class ChartBoundary extends Component<Props, { failed: boolean; key: unknown }> {
  override state = { failed: false, key: this.props.resetKey }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key: unknown }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey }
  }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <p
        role="note"
        data-testid="chart-failed"
        className={`grid place-items-center rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400 ${this.props.heightClass}`}
      >
        This chart could not be drawn; the table has the same figures.
      </p>
    )
  }
}
