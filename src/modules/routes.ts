import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/domain/roles'
import HomeView from '@/views/public/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (also used for document.title). */
    titleKey: string
    /** Any of these roles opens the area; absent = open to everyone. */
    roles?: Role[]
  }
}

// Every screen but the home page is a lazy chunk: the first screen ships only
// what it shows. The admin area in particular never reaches allocataires.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'home.title' } },
  { path: '/livret', name: 'booklet', component: () => import('@/views/public/BookletView.vue'), meta: { titleKey: 'pages.booklet.title' } },
  { path: '/rendez-vous', name: 'appointments', component: () => import('@/views/allocataire/AppointmentsView.vue'), meta: { titleKey: 'pages.appointments.title', roles: ['allocataire'] } },
  { path: '/prestations', name: 'prestations', component: () => import('@/views/public/PrestationsView.vue'), meta: { titleKey: 'pages.prestations.title' } },
  { path: '/structures', name: 'structures', component: () => import('@/views/public/StructuresView.vue'), meta: { titleKey: 'pages.structures.title' } },
  { path: '/avis', name: 'feedback', component: () => import('@/views/allocataire/FeedbackView.vue'), meta: { titleKey: 'pages.feedback.title', roles: ['allocataire'] } },
  { path: '/groupe', name: 'groupe', component: () => import('@/views/groupe/GroupeView.vue'), meta: { titleKey: 'pages.groupe.title', roles: ['groupe_ressource'] } },
  { path: '/terrain', name: 'terrain', component: () => import('@/views/terrain/TerrainView.vue'), meta: { titleKey: 'pages.terrain.title', roles: ['outreach'] } },
  { path: '/suivi', name: 'suivi', component: () => import('@/views/suivi/SuiviView.vue'), meta: { titleKey: 'pages.suivi.title', roles: ['referent'] } },
  { path: '/admin', name: 'admin', component: () => import('@/views/admin/AdminView.vue'), meta: { titleKey: 'pages.admin.title', roles: ['coordinator'] } },
  { path: '/compte', name: 'account', component: () => import('@/views/public/AccountView.vue'), meta: { titleKey: 'pages.account.title' } },
  { path: '/connexion', name: 'sign-in', component: () => import('@/views/public/SignInView.vue'), meta: { titleKey: 'pages.sign_in.title' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/public/NotFoundView.vue'), meta: { titleKey: 'pages.not_found.title' } },
]
