// Saves text as a file on the device (a blob and a temporary link): nothing is uploaded, and
// the page itself is never rendered inside the app.
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
