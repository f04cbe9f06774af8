import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/domain/roles'
import type { MessageGroup } from './i18n'
import HomeView from '@/views/public/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (also used for document.title). */
    titleKey: string
    /** Any of these roles opens the area; absent = open to everyone. */
    roles?: Role[]
    /** The word groups the screen needs, when fewer than its roles imply (router.ts, messageGroups). */
    words?: MessageGroup[]
  }
}

// The public content screens need only the public words: a first visit to one
// of them fetches ≈ 6 KB gzip less before its first paint.
const PUBLIC_WORDS: MessageGroup[] = ['public']

// Every screen but the home page is a lazy chunk: the first screen ships only
// what it shows. The admin area in particular never reaches allocataires.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'home.title' } },
  { path: '/livret', name: 'booklet', component: () => import('@/views/public/BookletView.vue'), meta: { titleKey: 'pages.booklet.title', words: PUBLIC_WORDS } },
  { path: '/rendez-vous', name: 'appointments', component: () => import('@/views/allocataire/AppointmentsView.vue'), meta: { titleKey: 'pages.appointments.title', roles: ['allocataire'] } },
  { path: '/rendez-vous/:id', name: 'appointment', component: () => import('@/views/allocataire/AppointmentDetailView.vue'), meta: { titleKey: 'pages.appointment.title', roles: ['allocataire'] } },
  { path: '/prestations', name: 'prestations', component: () => import('@/views/public/PrestationsView.vue'), meta: { titleKey: 'pages.prestations.title', words: PUBLIC_WORDS } },
  { path: '/prestations/propositions', name: 'offers', component: () => import('@/views/public/PrestationOffersView.vue'), meta: { titleKey: 'pages.offers.title', words: PUBLIC_WORDS } },
  { path: '/prestations/evenements', name: 'events', component: () => import('@/views/public/EventsView.vue'), meta: { titleKey: 'pages.events.title', words: PUBLIC_WORDS } },
  { path: '/prestations/:id', name: 'prestation', component: () => import('@/views/public/PrestationDetailView.vue'), meta: { titleKey: 'pages.prestation.title', words: PUBLIC_WORDS } },
  { path: '/structures', name: 'structures', component: () => import('@/views/public/StructuresView.vue'), meta: { titleKey: 'pages.structures.title', words: PUBLIC_WORDS } },
  { path: '/structures/:id', name: 'structure', component: () => import('@/views/public/StructureDetailView.vue'), meta: { titleKey: 'pages.structure.title', words: PUBLIC_WORDS } },
  { path: '/avis', name: 'feedback', component: () => import('@/views/allocataire/FeedbackView.vue'), meta: { titleKey: 'pages.feedback.title', roles: ['allocataire'] } },
  { path: '/avis/nouveau', name: 'feedback-new', component: () => import('@/views/allocataire/FeedbackNewView.vue'), meta: { titleKey: 'feedback.pages.new', roles: ['allocataire'] } },
  { path: '/avis/fiche/:offerId', name: 'feedback-fiche', component: () => import('@/views/allocataire/FeedbackFicheView.vue'), meta: { titleKey: 'feedback.pages.fiche', roles: ['allocataire'] } },
  { path: '/groupe', name: 'groupe', component: () => import('@/views/groupe/GroupeView.vue'), meta: { titleKey: 'pages.groupe.title', roles: ['groupe_ressource'] } },
  { path: '/groupe/consultations/:id', name: 'groupe-consultation', component: () => import('@/views/groupe/GroupeConsultationView.vue'), meta: { titleKey: 'groupe.pages.consultation', roles: ['groupe_ressource'] } },
  { path: '/groupe/avis', name: 'groupe-shared', component: () => import('@/views/groupe/GroupeSharedFeedbackView.vue'), meta: { titleKey: 'groupe.pages.shared', roles: ['groupe_ressource'] } },
  { path: '/terrain', name: 'terrain', component: () => import('@/views/terrain/TerrainView.vue'), meta: { titleKey: 'pages.terrain.title', roles: ['outreach'] } },
  { path: '/terrain/contact/nouveau', name: 'terrain-new', component: () => import('@/views/terrain/TerrainCaptureView.vue'), meta: { titleKey: 'outreach.pages.new', roles: ['outreach'] } },
  { path: '/terrain/contacts', name: 'terrain-contacts', component: () => import('@/views/terrain/TerrainContactsView.vue'), meta: { titleKey: 'outreach.pages.contacts', roles: ['outreach'] } },
  { path: '/terrain/contacts/:id', name: 'terrain-contact', component: () => import('@/views/terrain/TerrainContactView.vue'), meta: { titleKey: 'outreach.pages.contact', roles: ['outreach'] } },
  { path: '/terrain/contacts/:id/modifier', name: 'terrain-contact-edit', component: () => import('@/views/terrain/TerrainCaptureView.vue'), meta: { titleKey: 'outreach.pages.edit', roles: ['outreach'] } },
  { path: '/terrain/tableau-de-bord', name: 'terrain-dashboard', component: () => import('@/views/terrain/TerrainDashboardView.vue'), meta: { titleKey: 'outreach.pages.dashboard', roles: ['outreach'] } },
  { path: '/suivi/orientations', name: 'suivi-referrals', component: () => import('@/components/outreach/OutreachReferralInbox.vue'), meta: { titleKey: 'outreach.pages.referrals', roles: ['referent'] } },
  { path: '/suivi', name: 'suivi', component: () => import('@/views/suivi/SuiviView.vue'), meta: { titleKey: 'pages.suivi.title', roles: ['referent'] } },
  { path: '/suivi/allocataires', name: 'suivi-people', component: () => import('@/views/suivi/SuiviAllocatairesView.vue'), meta: { titleKey: 'pages.suivi_people.title', roles: ['referent'] } },
  { path: '/suivi/rendez-vous/nouveau', name: 'suivi-appointment-new', component: () => import('@/views/suivi/SuiviAppointmentFormView.vue'), meta: { titleKey: 'pages.suivi_new.title', roles: ['referent'] } },
  { path: '/suivi/rendez-vous/:id', name: 'suivi-appointment', component: () => import('@/views/suivi/SuiviAppointmentView.vue'), meta: { titleKey: 'pages.suivi_appointment.title', roles: ['referent'] } },
  { path: '/suivi/rendez-vous/:id/modifier', name: 'suivi-appointment-edit', component: () => import('@/views/suivi/SuiviAppointmentFormView.vue'), meta: { titleKey: 'pages.suivi_edit.title', roles: ['referent'] } },
  {
    path: '/admin',
    component: () => import('@/views/admin/AdminView.vue'),
    meta: { titleKey: 'pages.admin.title', roles: ['coordinator'] },
    children: [
      { path: '', name: 'admin', component: () => import('@/views/admin/AdminHomeView.vue'), meta: { titleKey: 'pages.admin.title', roles: ['coordinator'] } },
      { path: 'indicateurs', name: 'admin-indicators', component: () => import('@/views/admin/AdminIndicatorsView.vue'), meta: { titleKey: 'admin.indicators.title', roles: ['coordinator'] } },
      { path: 'avis', name: 'admin-feedback', component: () => import('@/views/admin/AdminFeedbackView.vue'), meta: { titleKey: 'admin.feedback.title', roles: ['coordinator'] } },
      { path: 'avis/:id', name: 'admin-feedback-item', component: () => import('@/views/admin/AdminFeedbackItemView.vue'), meta: { titleKey: 'admin.feedback.item_title', roles: ['coordinator'] } },
      { path: 'comptes', name: 'admin-accounts', component: () => import('@/views/admin/AdminAccountsView.vue'), meta: { titleKey: 'admin.accounts.title', roles: ['coordinator'] } },
      { path: 'journal', name: 'admin-audit', component: () => import('@/views/admin/AdminAuditView.vue'), meta: { titleKey: 'admin.audit.title', roles: ['coordinator'] } },
      { path: 'livret', name: 'admin-booklet', component: () => import('@/views/admin/AdminBookletView.vue'), meta: { titleKey: 'admin.booklet.title', roles: ['coordinator'] } },
      { path: 'livret/:slug', name: 'admin-booklet-section', component: () => import('@/views/admin/AdminBookletSectionView.vue'), meta: { titleKey: 'admin.booklet.section_title', roles: ['coordinator'] } },
      { path: 'catalogue', name: 'admin-catalogue', component: () => import('@/views/admin/AdminCatalogueView.vue'), meta: { titleKey: 'admin.catalogue.title', roles: ['coordinator'] } },
      { path: 'catalogue/:kind/:id', name: 'admin-catalogue-item', component: () => import('@/views/admin/AdminCatalogueItemView.vue'), meta: { titleKey: 'admin.catalogue.item_title', roles: ['coordinator'] } },
      { path: 'consultations', name: 'admin-consultations', component: () => import('@/views/admin/consultations/ConsultationsAdminView.vue'), meta: { titleKey: 'consultations.pages.list', roles: ['coordinator'] } },
      { path: 'consultations/nouvelle', name: 'admin-consultation-new', component: () => import('@/views/admin/consultations/ConsultationEditView.vue'), meta: { titleKey: 'consultations.pages.new', roles: ['coordinator'] } },
      { path: 'consultations/:id', name: 'admin-consultation', component: () => import('@/views/admin/consultations/ConsultationAdminView.vue'), meta: { titleKey: 'consultations.pages.detail', roles: ['coordinator'] } },
      { path: 'consultations/:id/modifier', name: 'admin-consultation-edit', component: () => import('@/views/admin/consultations/ConsultationEditView.vue'), meta: { titleKey: 'consultations.pages.edit', roles: ['coordinator'] } },
    ],
  },
  { path: '/compte', name: 'account', component: () => import('@/views/public/AccountView.vue'), meta: { titleKey: 'pages.account.title' } },
  { path: '/connexion', name: 'sign-in', component: () => import('@/views/public/SignInView.vue'), meta: { titleKey: 'pages.sign_in.title', words: ['screens'] } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/public/NotFoundView.vue'), meta: { titleKey: 'pages.not_found.title' } },
]
