// <input type="datetime-local"> speaks the device's local time without an
// offset; the server wants an explicit offset. Convert both ways here.

/** ISO instant -> "YYYY-MM-DDTHH:mm" in the device's time zone ('' for none). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso)
    return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime()))
    return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** "YYYY-MM-DDTHH:mm" (device time) -> ISO instant with an offset (null for none or invalid). */
export function fromLocalInput(value: string): string | null {
  if (!value)
    return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}
