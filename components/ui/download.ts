/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, mimeType: string): void {
  downloadBlob(filename, new Blob([text], { type: `${mimeType};charset=utf-8` }))
}

/** Saves a Blob (one a worker made, say) as a file through the browser's download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement("a")
  anchor.href = url
  anchor.download = filename
  anchor.click()
  // Let the download start before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
