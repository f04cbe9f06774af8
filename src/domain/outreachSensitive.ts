// The note of a field contact must not hold sensitive details (GDPR art. 9 and 10): a
// check on the device flags words about health, religion, origin and justice, in French,
// English and Arabic whatever the interface language, and the worker confirms or edits.
// It is a reminder, not a filter: false positives cost one tap, misses are possible.
//
// Matching: accent- and case-insensitive, on whole words (Unicode letters), Arabic without
// vowel marks and with its one-letter prefixes (و ف ب ل ك) and article (ال) removed.
// An entry ending in "*" matches words that start with it ("diabet*": diabète, diabétique).
// Words with a common harmless meaning are left out on purpose ("parole", "court",
// "casier", "noir" as in "travail au noir"; Arabic دين "debt", حامل "holder", نفسي "myself").

export const SENSITIVE_CATEGORIES = ['health', 'religion', 'origin', 'justice'] as const
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number]

/** Words and short phrases per category; several languages side by side. */
export const SENSITIVE_WORDS: Readonly<Record<SensitiveCategory, readonly string[]>> = {
  health: [
    // fr
    'maladie*', 'malade*', 'sante', 'handicap*', 'invalidite', 'diabet*', 'cancer*', 'vih', 'sida', 'seropositi*',
    'enceinte', 'grossesse', 'depression*', 'depressi*', 'psychiatr*', 'psychologi*', 'psy', 'alcool*', 'drogue*',
    'toxicoman*', 'addiction*', 'hopital', 'hopitaux', 'hospitalis*', 'medicament*', 'traitement medical', 'chimio*',
    'tuberculose', 'hepatite', 'schizophren*', 'bipolaire*', 'suicid*', 'mdph', 'aah', 'dialyse', 'operation chirurgicale',
    // en
    'illness*', 'sick*', 'disease*', 'disabled', 'disabilit*', 'diabetes', 'diabetic', 'hiv', 'aids', 'pregnan*',
    'mental health', 'alcohol*', 'drugs', 'addict*', 'hospital*', 'medication*', 'therapy', 'psychiatric', 'suicidal',
    // ar
    'مرض*', 'مريض*', 'صحه', 'اعاقه', 'معاق*', 'سكري', 'سرطان', 'اكتئاب', 'طبيب نفسي', 'مستشفي',
    'دواء', 'ادويه', 'علاج', 'كحول', 'مخدرات', 'ادمان', 'ايدز',
  ],
  religion: [
    'religion*', 'religieu*', 'musulman*', 'chretien*', 'juif*', 'juive*', 'islam*', 'catholique*', 'protestant*',
    'mosquee*', 'eglise*', 'synagogue*', 'ramadan', 'priere*', 'imam', 'pretre', 'bouddhis*', 'hindou*', 'athee*', 'voilee*',
    'religio*', 'muslim*', 'christian*', 'jewish', 'jew', 'jews', 'catholic*', 'mosque*', 'church*', 'prayer*', 'hijab',
    'ديانه', 'ديني*', 'مسلم*', 'مسيحي*', 'يهودي*', 'مسجد', 'كنيسه', 'صلاه', 'رمضان', 'حجاب',
  ],
  origin: [
    'origine*', 'ethni*', 'race', 'racial*', 'nationalite*', 'immigre*', 'immigration', 'migrant*', 'refugie*', 'asile',
    'demandeur d\'asile', 'sans papiers', 'sans-papiers', 'clandestin*', 'titre de sejour', 'roms', 'rom', 'gitan*',
    'maghrebin*', 'africain*', 'arabe*',
    'origin', 'origins', 'ethnic*', 'nationality', 'immigra*', 'refugee*', 'asylum', 'undocumented', 'illegal immigrant*',
    'عرقي*', 'جنسيه', 'مهاجر*', 'هجره', 'لاجئ*', 'لجوء', 'بدون اوراق',
  ],
  justice: [
    'prison*', 'detenu*', 'detention', 'incarcer*', 'casier judiciaire', 'condamn*', 'garde a vue', 'tribunal*',
    'juge', 'jugement*', 'delit*', 'delinquan*', 'crime*', 'criminel*', 'plainte', 'police', 'policier*', 'spip',
    'bracelet electronique', 'sursis', 'probation', 'avocat*', 'proces',
    'jail*', 'inmate*', 'convict*', 'criminal*', 'courthouse', 'judge', 'offence*', 'offense*', 'probation officer', 'lawyer*',
    'سجن', 'سجين', 'مسجون', 'محكمه', 'قاضي', 'شرطه', 'جريمه', 'جرائم', 'ادانه', 'محامي', 'حبس', 'معتقل',
  ],
}

/**
 * Folds a text for matching: no accents, lower case, Arabic without vowel marks or
 * tatweel and with its letter variants unified (أ إ آ → ا, ة → ه, ى → ي), one kind of apostrophe.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036F\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[’‘`´]/g, '\'')
    .toLocaleLowerCase('fr')
}

// Letters with their combining marks (Arabic vowel signs), and digits.
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const ARABIC = /^[\u0600-\u06FF]+$/

/** The forms a word may take once its Arabic prefixes are removed (itself first). */
function variants(token: string): string[] {
  if (!ARABIC.test(token))
    return [token]
  const out = new Set([token])
  for (const base of [...out]) {
    for (const p of ['و', 'ف'])
      if (base.startsWith(p) && base.length > p.length + 1)
        out.add(base.slice(p.length))
  }
  for (const base of [...out]) {
    for (const p of ['ب', 'ل', 'ك'])
      if (base.startsWith(p) && base.length > p.length + 1)
        out.add(base.slice(p.length))
  }
  for (const base of [...out]) {
    for (const p of ['ال', 'ل'])
      if (base.startsWith(p) && base.length > p.length + 1)
        out.add(base.slice(p.length))
  }
  return [...out]
}

interface Entry {
  words: string[]
  prefix: boolean
  category: SensitiveCategory
}

function compile(lists: Readonly<Record<SensitiveCategory, readonly string[]>>): Entry[] {
  return SENSITIVE_CATEGORIES.flatMap(category => lists[category].map((raw) => {
    const prefix = raw.endsWith('*')
    const words = foldForMatch(prefix ? raw.slice(0, -1) : raw).match(WORD) ?? []
    return { words, prefix, category }
  })).filter(e => e.words.length > 0)
}

const DEFAULT_ENTRIES = compile(SENSITIVE_WORDS)

export interface SensitiveHit {
  /** The words as the worker typed them. */
  text: string
  category: SensitiveCategory
}

/** Words of a note that look sensitive, each reported once, in the order they appear. */
export function findSensitiveWords(note: string, lists?: Readonly<Record<SensitiveCategory, readonly string[]>>): SensitiveHit[] {
  const entries = lists ? compile(lists) : DEFAULT_ENTRIES
  const found = [...note.matchAll(WORD)]
  const tokens = found.map(m => variants(foldForMatch(m[0])))
  const hits: SensitiveHit[] = []
  const seen = new Set<string>()
  for (let i = 0; i < tokens.length; i++) {
    // The longest entry that matches here ("casier judiciaire" before "casier").
    let best: Entry | null = null
    for (const entry of entries) {
      const n = entry.words.length
      if (i + n > tokens.length || (best && best.words.length >= n))
        continue
      const matches = entry.words.every((w, k) => {
        const last = k === n - 1
        return tokens[i + k]!.some(t => (entry.prefix && last ? t.startsWith(w) : t === w))
      })
      if (matches)
        best = entry
    }
    if (!best)
      continue
    const first = found[i]!
    const last = found[i + best.words.length - 1]!
    const text = note.slice(first.index, last.index + last[0].length)
    const key = `${best.category}|${foldForMatch(text)}`
    if (!seen.has(key)) {
      seen.add(key)
      hits.push({ text, category: best.category })
    }
    i += best.words.length - 1
  }
  return hits
}

/** The categories a note touches, for the warning's wording. */
export function sensitiveCategories(hits: readonly SensitiveHit[]): SensitiveCategory[] {
  return SENSITIVE_CATEGORIES.filter(c => hits.some(h => h.category === c))
}
