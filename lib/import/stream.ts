import { JSONParser } from "@streamparser/json"

import { ImportFormatError, type ImportFormat, type TraceStatsAccumulator } from "./index"

/** A sink for text chunks of a trace export, in order. */
export interface ImportStream {
  write(chunk: string): void
  /** Call once after the last chunk; throws an ImportFormatError if the file ended early or held no traces. */
  end(): void
}

/**
 * Feeds a trace export to an accumulator as it streams in, one trace (Jaeger), one resourceSpans
 * (OTLP JSON) or one line (JSON Lines) at a time, so a 100 MB file is never one object in memory.
 *
 * @example
 * const stream = createImportStream("otlp-jsonl", accumulator)
 * stream.write('{"resourceSpans":[...]}\n{"resourceSpans":[...]}\n')
 * stream.end()
 * accumulator.summary({ slowThresholdMs: 1000 })
 */
export function createImportStream(format: ImportFormat, accumulator: TraceStatsAccumulator): ImportStream {
  return format === "otlp-jsonl" ? jsonLinesStream(accumulator) : documentStream(format, accumulator)
}

function documentStream(format: "jaeger" | "otlp-json", accumulator: TraceStatsAccumulator): ImportStream {
  // keepStack: false drops each element once emitted, so memory stays flat over a huge array.
  const parser = new JSONParser({
    paths: format === "jaeger" ? ["$.data.*"] : ["$.resourceSpans.*", "$.resource_spans.*"],
    keepStack: false,
  })
  let units = 0
  parser.onValue = ({ value }) => {
    units++
    if (format === "jaeger") accumulator.addJaegerTrace(value, `trace ${units}`)
    else accumulator.addResourceSpans(value, `resourceSpans ${units}`)
  }
  const what = format === "jaeger" ? "Jaeger JSON" : "OTLP JSON"
  return {
    write(chunk) {
      try {
        parser.write(chunk)
      } catch (error) {
        if (error instanceof ImportFormatError) throw error
        throw new ImportFormatError(`not JSON: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
    end() {
      if (!parser.isEnded) {
        try {
          parser.end()
        } catch {
          throw new ImportFormatError(`not ${what}: the file ends in the middle of the document`)
        }
      }
      // The parser only reports the array's elements: none means the key is missing or its array empty.
      if (units === 0) {
        throw new ImportFormatError(
          format === "jaeger"
            ? "no traces found in the file: data is missing or empty"
            : "no spans found in the file: resourceSpans is missing or empty"
        )
      }
    },
  }
}

function jsonLinesStream(accumulator: TraceStatsAccumulator): ImportStream {
  let pending = ""
  let lineNumber = 0
  let documents = 0
  const take = (line: string) => {
    lineNumber++
    if (line.trim() === "") return
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch (error) {
      throw new ImportFormatError(
        `line ${lineNumber}: not JSON: ${error instanceof Error ? error.message : String(error)}`
      )
    }
    documents++
    accumulator.addOtlpDocument(doc, `line ${lineNumber}`)
  }
  return {
    write(chunk) {
      const lines = (pending + chunk).split("\n")
      pending = lines.pop() ?? ""
      for (const line of lines) take(line)
    },
    end() {
      if (pending !== "") take(pending)
      pending = ""
      if (documents === 0) throw new ImportFormatError("not OTLP JSON Lines: no documents")
    },
  }
}
