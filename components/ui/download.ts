/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }))
  const anchor = document.createElement("a")
  anchor.href = url
  anchor.download = filename
  anchor.click()
  // Let the download start before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
