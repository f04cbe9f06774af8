// SMS length rules (3GPP TS 23.038). A message in the GSM 7-bit alphabet fits 160
// characters in one part (153 per part when split); anything else goes as UCS-2: 70
// characters (67 per part). French mostly fits GSM-7 once a few letters are plainly
// written (ê -> e, ç -> c...), which keeps a reminder to one part and one price.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const EXTENDED = '^{}\\[~]|€\f'
const basic = new Set(BASIC)
const extended = new Set(EXTENDED)

// Letters outside GSM-7 written as their closest GSM-7 form; typographic marks as ASCII.
const PLAIN: Record<string, string> = {
  â: 'a', á: 'a', ã: 'a', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i', ô: 'o', ó: 'o', õ: 'o', û: 'u', ú: 'u',
  ç: 'c', œ: 'oe', Œ: 'OE', À: 'A', Â: 'A', È: 'E', Ê: 'E', Ë: 'E', Î: 'I', Ï: 'I', Ô: 'O', Û: 'U', Ù: 'U',
  ÿ: 'y', '’': "'", '‘': "'", '«': '"', '»': '"', '“': '"', '”': '"', '–': '-', '—': '-', '…': '...',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ',
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false
  return true
}

/** Septets used by a GSM-7 text (extension characters take two). */
export function gsmLength(text: string): number {
  let n = 0
  for (const ch of text) n += extended.has(ch) ? 2 : 1
  return n
}

/** Rewrites what has a plain GSM-7 equivalent; other characters are left as they are. */
export function toGsm7(text: string): string {
  let out = ''
  for (const ch of text) out += basic.has(ch) || extended.has(ch) ? ch : (PLAIN[ch] ?? ch)
  return out
}

/** Length in the unit of the encoding the text needs (septets, or UTF-16 code units). */
export function smsLength(text: string): { encoding: 'gsm7' | 'ucs2'; length: number; parts: number } {
  if (isGsm7(text)) {
    const length = gsmLength(text)
    return { encoding: 'gsm7', length, parts: length <= 160 ? 1 : Math.ceil(length / 153) }
  }
  const length = text.length
  return { encoding: 'ucs2', length, parts: length <= 70 ? 1 : Math.ceil(length / 67) }
}
