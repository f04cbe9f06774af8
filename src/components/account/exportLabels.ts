// The readable page's words, from the locale messages (reusing the labels the screens show
// for kinds and statuses; a code without a label is shown as is).
import type { ExportLabels } from '@/domain/export'

type Translate = (key: string, named?: Record<string, unknown>) => string
type Exists = (key: string) => boolean

/** Where each coded value's label lives. */
const VALUE_KEYS: Record<string, string> = {
  appointment_kind: 'appointments.kinds',
  appointment_status: 'appointments.status',
  appointment_response: 'account.page.response',
  offer_status: 'offers.status',
  feedback_kind: 'feedback.kind',
  feedback_status: 'feedback.status',
}

export function exportLabels(t: Translate, te: Exists): ExportLabels {
  const pick = (key: string, fallback: string) => (te(key) ? t(key) : fallback)
  return {
    title: t('account.page.title'),
    generated: date => t('account.page.generated', { date }),
    intro: t('account.page.intro'),
    empty: t('account.page.empty'),
    yes: t('account.page.yes'),
    no: t('account.page.no'),
    sections: {
      profile: t('account.page.sections.profile'),
      appointments: t('account.page.sections.appointments'),
      reminders: t('account.page.sections.reminders'),
      offers: t('account.page.sections.offers'),
      feedback: t('account.page.sections.feedback'),
      evaluations: t('account.page.sections.evaluations'),
      invitation: t('account.page.sections.invitation'),
      devices: t('account.page.sections.devices'),
    },
    field: name => pick(`account.page.fields.${name}`, name),
    value: (group, code) => (VALUE_KEYS[group] ? pick(`${VALUE_KEYS[group]}.${code}`, code) : code),
  }
}
