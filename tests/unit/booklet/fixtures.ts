import type { BookletSectionRow } from '@/domain/booklet'

let n = 0
export function section(over: Partial<BookletSectionRow> & Pick<BookletSectionRow, 'slug'>): BookletSectionRow {
  n++
  return {
    id: `s${n}`, locale: 'fr', variant: 'easy', title: over.slug, body: '', position: 10, revision: 1,
    status: 'published', published_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z', ...over,
  }
}

export const SECTIONS: BookletSectionRow[] = [
  section({ slug: 'rsa', position: 10, title: 'Le RSA, c’est quoi ?', body: '**RSA** veut dire revenu de solidarité active.\nLa **CAF** verse le RSA.\n\n### Qui vous aide ?\n\nVotre **référent** vous aide.' }),
  section({ slug: 'rsa', position: 10, variant: 'full', title: 'Le revenu de solidarité active', body: 'Texte complet sur le RSA et la CAF.' }),
  section({ slug: 'rsa', position: 10, locale: 'ar', title: 'ما هو RSA؟', body: 'يدفع **صندوق الإعانات العائلية** مبلغ RSA.' }),
  section({ slug: 'contacts', position: 60, title: 'Qui contacter ?', body: '- Téléphone : [3230](tel:3230)\n- Site : [caf.fr](https://www.caf.fr)' }),
  section({ slug: 'changer-referent', position: 50, variant: 'full', title: 'Changer de référent', body: 'Vous pouvez demander à changer de référent. Voir [les structures](/structures).' }),
  section({ slug: 'droits-devoirs', position: 20, title: 'Vos droits', body: 'Vous venez à vos rendez-vous.', revision: 1 }),
  section({ slug: 'droits-devoirs', position: 20, title: 'Vos droits (v2)', body: 'Vous venez à vos rendez-vous. Prévenez avant.', revision: 2, published_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-20T10:00:00Z' }),
  section({ slug: 'brouillon', position: 5, title: 'Brouillon', status: 'draft' }),
  section({ slug: 'supprime', position: 6, title: 'Supprimé', deleted_at: '2026-11-02T00:00:00Z' }),
]
