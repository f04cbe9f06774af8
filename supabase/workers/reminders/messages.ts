// Reminder texts per language. French is the source and the fallback for languages not
// written here yet. SMS texts avoid the appointment's kind (a "bilan de santé" or an
// "Espace insertion" on a phone shared by a family says too much): when, where, and
// "answer in the app". Emails go to a personal address and say more.

export interface ReminderTexts {
  /** BCP 47 tag for Intl date and time formatting (Latin digits everywhere). */
  intl: string
  sms: (when: string, place: string) => string
  today: (time: string) => string
  tomorrow: (time: string) => string
  onDate: (date: string, time: string) => string
  byPhone: string
  byVideo: string
  subject: (when: string) => string
  greeting: string
  intro: string
  what: string
  whenLabel: string
  whereLabel: string
  minutes: (n: number) => string
  documents: string
  cannotCome: (phone: string | null) => string
  footer: string
  kinds: Record<string, string>
}

const fr: ReminderTexts = {
  intl: 'fr-FR',
  sms: (when, place) => `Repères : rendez-vous ${when}${place ? `, ${place}` : ''}. Répondez dans l'app Repères.`,
  today: (time) => `aujourd'hui à ${time}`,
  tomorrow: (time) => `demain à ${time}`,
  onDate: (date, time) => `le ${date} à ${time}`,
  byPhone: 'par téléphone',
  byVideo: 'en visio',
  subject: (when) => `Rappel : votre rendez-vous ${when}`,
  greeting: 'Bonjour,',
  intro: 'Nous vous rappelons votre rendez-vous.',
  what: 'Quoi :',
  whenLabel: 'Quand :',
  whereLabel: 'Où :',
  minutes: (n) => `${n} min`,
  documents: 'Documents à apporter :',
  cannotCome: (phone) =>
    'Si vous ne pouvez pas venir, dites-le dans l’application Repères (« Je ne peux pas venir » ou « Je voudrais une autre date »)' +
    (phone ? `, ou appelez le ${phone}.` : '.'),
  footer:
    'Vous recevez ce message car les rappels par courriel sont activés dans votre profil Repères. Vous pouvez les désactiver dans l’application.',
  kinds: {
    first_reception: 'Premier accueil',
    diagnostic: 'Diagnostic de distance à l’emploi',
    follow_up: 'Rendez-vous de suivi avec votre référent',
    bilan_sante: 'Bilan de santé gratuit',
    mdee_session: 'Session à la Maison des entreprises et de l’emploi',
    pre_recrutement: 'Session de pré-recrutement',
    forum_preparation: 'Préparation au forum de l’emploi',
    information_collective: 'Information collective',
  },
}

const en: ReminderTexts = {
  intl: 'en-GB',
  sms: (when, place) => `Repères: appointment ${when}${place ? `, ${place}` : ''}. Please answer in the Repères app.`,
  today: (time) => `today at ${time}`,
  tomorrow: (time) => `tomorrow at ${time}`,
  onDate: (date, time) => `on ${date} at ${time}`,
  byPhone: 'by phone',
  byVideo: 'by video',
  subject: (when) => `Reminder: your appointment ${when}`,
  greeting: 'Hello,',
  intro: 'This is a reminder of your appointment.',
  what: 'What:',
  whenLabel: 'When:',
  whereLabel: 'Where:',
  minutes: (n) => `${n} min`,
  documents: 'Documents to bring:',
  cannotCome: (phone) =>
    'If you cannot come, say so in the Repères app ("I cannot come" or "I would like another date")' +
    (phone ? `, or call ${phone}.` : '.'),
  footer:
    'You receive this message because email reminders are on in your Repères profile. You can turn them off in the app.',
  kinds: {
    first_reception: 'First appointment',
    diagnostic: 'Employment diagnosis',
    follow_up: 'Follow-up with your advisor',
    bilan_sante: 'Free health check',
    mdee_session: 'Session at the Maison des entreprises et de l’emploi',
    pre_recrutement: 'Pre-recruitment session',
    forum_preparation: 'Job fair preparation',
    information_collective: 'Group information session',
  },
}

const ar: ReminderTexts = {
  intl: 'ar-u-nu-latn',
  sms: (when, place) => `ريبير: موعدك ${when}${place ? `، ${place}` : ''}. يرجى الرد في تطبيق ريبير.`,
  today: (time) => `اليوم الساعة ${time}`,
  tomorrow: (time) => `غدًا الساعة ${time}`,
  onDate: (date, time) => `يوم ${date} الساعة ${time}`,
  byPhone: 'عبر الهاتف',
  byVideo: 'عبر الفيديو',
  subject: (when) => `تذكير: موعدك ${when}`,
  greeting: 'مرحبًا،',
  intro: 'نذكّرك بموعدك.',
  what: 'الموضوع:',
  whenLabel: 'الموعد:',
  whereLabel: 'المكان:',
  minutes: (n) => `${n} دقيقة`,
  documents: 'الوثائق التي يجب إحضارها:',
  cannotCome: (phone) =>
    'إذا لم تتمكن من الحضور، أخبرنا في تطبيق ريبير («لا أستطيع الحضور» أو «أريد موعدًا آخر»)' +
    (phone ? ` أو اتصل بالرقم ${phone}.` : '.'),
  footer: 'تصلك هذه الرسالة لأن التذكير بالبريد الإلكتروني مفعّل في ملفك على ريبير. يمكنك إيقافه من التطبيق.',
  kinds: {
    first_reception: 'الاستقبال الأول',
    diagnostic: 'تشخيص البعد عن العمل',
    follow_up: 'موعد متابعة مع مرشدك',
    bilan_sante: 'فحص صحي مجاني',
    mdee_session: 'جلسة في دار المؤسسات والتوظيف',
    pre_recrutement: 'جلسة ما قبل التوظيف',
    forum_preparation: 'التحضير لمعرض التوظيف',
    information_collective: 'جلسة إعلامية جماعية',
  },
}

const TEXTS: Record<string, ReminderTexts> = { fr, en, ar }

export function textsFor(locale: string): ReminderTexts {
  return TEXTS[locale] ?? fr
}
