// Normalising what people type as a sign-in address. French mobile numbers
// are written "06 12 34 56 78"; the auth server wants E.164 ("+33612345678").

export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '')
  let digits: string
  if (/^0[1-9]\d{8}$/.test(compact))
    digits = `33${compact.slice(1)}`
  else if (/^\+[1-9]\d{6,14}$/.test(compact))
    digits = compact.slice(1)
  else if (/^00[1-9]\d{6,14}$/.test(compact))
    digits = compact.slice(2)
  else
    return null
  return `+${digits}`
}

export function isEmail(input: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.trim()) && input.trim().length <= 254
}

/**
 * Where to go after signing in: only a path of this app (never another
 * origin, "//evil.example" or "/\\evil.example" would leave the site).
 */
export function safeRedirect(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return '/'
  if (raw.startsWith('/connexion'))
    return '/'
  return raw
}
