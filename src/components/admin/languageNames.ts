import { CONTENT_LOCALES } from '@/domain/adminMutations'

/** A language's name in the reader's language ("arabe", "Arabic", "العربية"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  }
  catch {
    return code
  }
}

export function languageOptions(locale: string): { code: string, name: string }[] {
  return CONTENT_LOCALES.map(code => ({ code, name: languageName(code, locale) }))
}
