// The files made on the device from public.account_export(): the JSON as is, and a readable
// page in which nothing the person (or anyone) wrote can become markup or script.
import { describe, expect, it } from 'vitest'
import { accountExportSchema, escapeHtml, exportFileName, exportHtml, exportJson, type ExportLabels } from '@/domain/export'

const doc = accountExportSchema.parse({
  format: 'reperes.account_export',
  version: 1,
  generated_at: '2026-11-25T09:30:00+00:00',
  user_id: 'de000000-0000-4000-8000-000000000002',
  profile: { id: 'de000000-0000-4000-8000-000000000002', display_name: 'Jean-Pierre <b>Robert</b>', email: 'jp@example.org', reminder_sms: true },
  appointments: [
    { id: 'a1', starts_at: '2026-12-01T09:00:00+00:00', kind: 'follow_up', title: 'Rendez-vous à la CAPI', status: 'scheduled', documents_to_bring: ['CV', 'Attestation CAF'] },
  ],
  prestation_offers: [],
  feedback: [{ id: 'f1', created_at: '2026-11-20T10:00:00Z', kind: 'other', body: '<script>alert("x")</script> & <img src=x onerror=alert(1)>', share_with_groupe: false }],
  evaluations: [{ id: 'e1', consultation_title: 'Relecture', answers: { clarte: 4 }, submitted_at: null }],
  invitation: null,
  sync: { mutations: 3, devices: [{ device_id: 'd1', mutations: 3, first_at: '2026-11-01T10:00:00Z', last_at: '2026-11-20T10:00:00Z' }] },
})

const labels: ExportLabels = {
  title: 'Mes données',
  generated: date => `Créé le ${date}`,
  intro: 'Intro',
  empty: 'Rien.',
  yes: 'oui',
  no: 'non',
  sections: { profile: 'Profil', appointments: 'Rendez-vous', reminders: 'Rappels', offers: 'Propositions', feedback: 'Avis', evaluations: 'Réponses', invitation: 'Invitation', devices: 'Appareils' },
  field: name => `[${name}]`,
  value: (group, code) => (group === 'appointment_kind' && code === 'follow_up' ? 'Suivi' : code),
}

describe('account export files', () => {
  it('names the files by the day', () => {
    expect(exportFileName(new Date(2026, 10, 5, 23, 0), 'json')).toBe('reperes-mes-donnees-2026-11-05.json')
    expect(exportFileName(new Date(2026, 0, 1), 'html')).toBe('reperes-mes-donnees-2026-01-01.html')
  })

  it('keeps the JSON document whole', () => {
    expect(JSON.parse(exportJson(doc))).toEqual(doc)
  })

  it('refuses an answer that is not an export', () => {
    expect(accountExportSchema.safeParse({ format: 'other', version: 1 }).success).toBe(false)
  })

  it('escapes everything written by people: no markup, no script in the page', () => {
    const html = exportHtml(doc, labels, 'fr', 'ltr')
    expect(html).not.toMatch(/<script\b/i)
    expect(html).not.toMatch(/<img\b/i)
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Jean-Pierre &lt;b&gt;Robert&lt;/b&gt;')
    expect(escapeHtml('\'"<>&')).toBe('&#39;&quot;&lt;&gt;&amp;')
  })

  it('shows every section with its count, readable values and the person\'s language and direction', () => {
    const html = exportHtml(doc, labels, 'ar', 'rtl')
    expect(html).toContain('<html lang="ar" dir="rtl">')
    expect(html).toContain('<h2>Rendez-vous (1)</h2>')
    expect(html).toContain('<h2>Propositions (0)</h2>')
    expect(html).toContain('<p class="empty">Rien.</p>')
    expect(html).toContain('<dt>[kind]</dt><dd>Suivi</dd>')
    expect(html).toContain('<dd>CV, Attestation CAF</dd>')
    expect(html).toContain('<dt>[reminder_sms]</dt><dd>oui</dd>')
    expect(html).toContain('<h2>Appareils (1)</h2>')
  })
})
