// The consent text shown to (and read aloud for) a person met in the street before any
// name or phone number is kept. It is a versioned document, not interface wording: the
// contact records `consent_version` (e.g. "consent-v1.ar"), which must always identify
// the exact words the person saw. Changing a word means a new version here; interface
// strings live in the locale files.

export const CONSENT_VERSION = 'consent-v1'
export const CONSENT_LANGUAGES = ['fr', 'en', 'ar'] as const
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number]

export interface ConsentText {
  title: string
  /** Each part answers one question: what, why, how long, who, rights. */
  parts: ReadonlyArray<{ heading: string, text: string }>
  optional: string
}

export const CONSENT_TEXTS: Readonly<Record<ConsentLanguage, ConsentText>> = {
  fr: {
    title: 'Garder votre prénom et vos coordonnées : votre accord',
    parts: [
      { heading: 'Ce que nous gardons', text: 'Votre prénom ou un surnom. Votre téléphone ou votre e-mail, seulement si vous voulez être rappelé. Ce que vous cherchez (emploi, formation, aide…), le quartier et le jour de notre rencontre. Jamais rien sur votre santé, votre religion, vos origines ou la justice.' },
      { heading: 'Pourquoi', text: 'Pour vous rappeler, vous présenter à une structure qui peut vous aider (Espace insertion, PLIE, Mission locale…) et savoir si cela a marché.' },
      { heading: 'Combien de temps', text: '12 mois après notre dernier échange, puis tout est effacé. Si vous commencez un accompagnement, nous les gardons pendant l’accompagnement. Sans votre accord, nous ne gardons aucun nom, et après 3 mois il ne reste que des chiffres.' },
      { heading: 'Qui les voit', text: 'L’équipe de terrain qui vous a rencontré. Si nous vous orientons, les référents de la structure choisie. Personne d’autre : le Département ne voit que des chiffres.' },
      { heading: 'Vos droits', text: 'Vous pouvez changer d’avis à tout moment : dites-le-nous et nous effaçons tout de suite votre prénom et vos coordonnées. Vous pouvez aussi demander ce que nous avons gardé.' },
    ],
    optional: 'Vous pouvez refuser. Nous pouvons quand même vous indiquer où aller.',
  },
  en: {
    title: 'Keeping your first name and contact details: your agreement',
    parts: [
      { heading: 'What we keep', text: 'Your first name or a nickname. Your phone number or e-mail, only if you want us to call you back. What you are looking for (a job, training, help…), the neighbourhood and the day we met. Never anything about your health, religion, origins or any court matter.' },
      { heading: 'Why', text: 'To call you back, to introduce you to a service that can help you (Espace insertion, PLIE, Mission locale…) and to know whether it worked.' },
      { heading: 'How long', text: '12 months after we last spoke, then everything is deleted. If you start a support programme, we keep them while it lasts. Without your agreement we keep no name, and after 3 months only numbers remain.' },
      { heading: 'Who sees them', text: 'The outreach team who met you. If we refer you, the advisers of the service chosen. Nobody else: the Département only sees numbers.' },
      { heading: 'Your rights', text: 'You can change your mind at any time: tell us and we delete your name and contact details straight away. You can also ask what we have kept.' },
    ],
    optional: 'You can say no. We can still tell you where to go.',
  },
  ar: {
    title: 'الاحتفاظ باسمك ووسيلة التواصل معك: موافقتك',
    parts: [
      { heading: 'ما نحتفظ به', text: 'اسمك الأول أو اسم مستعار. رقم هاتفك أو بريدك الإلكتروني، فقط إذا أردت أن نتصل بك. ما تبحث عنه (عمل، تكوين، مساعدة…)، والحي ويوم لقائنا. لا شيء أبدًا عن صحتك أو دينك أو أصلك أو أي قضية أمام القضاء.' },
      { heading: 'لماذا', text: 'لنتصل بك، ولنعرّفك على جهة يمكنها مساعدتك (Espace insertion، PLIE، Mission locale…) ولنعرف إن كان ذلك قد نجح.' },
      { heading: 'إلى متى', text: '12 شهرًا بعد آخر تواصل بيننا، ثم يُحذف كل شيء. إذا بدأت مرافقة، نحتفظ بها طوال مدة المرافقة. بدون موافقتك لا نحتفظ بأي اسم، وبعد 3 أشهر لا يبقى إلا أرقام.' },
      { heading: 'من يراها', text: 'فريق الميدان الذي التقاك. وإذا وجّهناك، مستشارو الجهة المختارة. لا أحد غيرهم: المقاطعة لا ترى إلا أرقامًا.' },
      { heading: 'حقوقك', text: 'يمكنك تغيير رأيك في أي وقت: أخبرنا ونحذف اسمك ووسيلة التواصل فورًا. يمكنك أيضًا أن تسأل عمّا احتفظنا به.' },
    ],
    optional: 'يمكنك الرفض. ومع ذلك يمكننا أن نخبرك إلى أين تذهب.',
  },
}

/** What is recorded with the consent: the text's version and the language it was shown in. */
export function consentVersionFor(language: ConsentLanguage): string {
  return `${CONSENT_VERSION}.${language}`
}

/** The whole text as one block, for reading aloud. */
export function consentPlainText(language: ConsentLanguage): string {
  const c = CONSENT_TEXTS[language]
  return [c.title, ...c.parts.map(p => `${p.heading}. ${p.text}`), c.optional].join('\n\n')
}

export function isConsentLanguage(value: unknown): value is ConsentLanguage {
  return (CONSENT_LANGUAGES as readonly unknown[]).includes(value)
}
