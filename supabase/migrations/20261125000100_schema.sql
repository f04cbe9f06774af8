-- Repères: tables of the public schema.
--
-- Relies on the Supabase platform (roles anon/authenticated/service_role, auth.users,
-- auth.uid()) and never creates platform objects, so it deploys with `supabase db push`.
--
-- Conventions shared by every table:
--   id uuid primary key      client-generated when a device creates the row (sync rule 1)
--   created_at, updated_at   server clock; updated_at is set by public.sync_touch()
--   deleted_at               soft delete: sync_pull turns such rows into tombstones
--   version                  1 on insert, +1 on every update (sync conflict detection)
--   row_xid                  id of the writing transaction, read by sync_pull so that a
--                            transaction committing late is never skipped by a cursor
-- Enumerations are text + check constraints (not enum types): adding a value is one
-- `alter table`, and the values read naturally in JSON.

-- ---------------------------------------------------------------------------
-- Shared types and the change-tracking trigger
-- ---------------------------------------------------------------------------

-- Languages the app may be used in; content rows carry one too.
create domain public.locale_code as text
  check (value in ('fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr', 'ta', 'bn',
                   'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'));

create domain public.phone_number as text
  check (value ~ '^\+?[0-9 .-]{6,20}$');

create domain public.email_address as text
  check (length(value) <= 254 and value ~ '^[^@[:space:]]+@[^@[:space:]]+$');

create function public.sync_touch() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  new.row_xid := pg_current_xact_id();
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := coalesce(new.created_at, now());
  else
    -- Identity and creation facts never move; the version always moves forward.
    new.id := old.id;
    new.created_at := old.created_at;
    new.version := old.version + 1;
  end if;
  return new;
end
$$;

comment on function public.sync_touch() is
  'Change tracking for sync: sets updated_at, row_xid and version on every write.';

-- ---------------------------------------------------------------------------
-- Organisation: teams and structures
-- ---------------------------------------------------------------------------

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('EDL', 'PLIE')),
  name text not null check (length(name) between 1 and 120),
  quartiers text[] not null default '{}'
    check (cardinality(quartiers) <= 30 and array_position(quartiers, null) is null
           and length(array_to_string(quartiers, '')) <= 2000),
  arrondissements smallint[] not null default '{}'
    check (arrondissements <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::smallint[]),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id()
);

create table public.structures (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('EI', 'CAPI', 'SSDP', 'PSA', 'MDEE', 'PLIE', 'MISSION_LOCALE',
                                     'E2C', 'POLE_EMPLOI', 'ASSOCIATION')),
  name text not null check (length(name) between 1 and 160),
  summary text check (length(summary) <= 1000),
  address text check (length(address) <= 200),
  postcode text check (postcode ~ '^75[0-9]{3}$'),
  arrondissement smallint check (arrondissement between 1 and 20),
  -- Weekly opening hours: {"mon": [["09:00","12:30"],["13:30","17:00"]], ...}
  opening_hours jsonb not null default '{}'::jsonb
    check (jsonb_typeof(opening_hours) = 'object'
           and pg_column_size(opening_hours) <= 4000
           and (opening_hours - array['mon','tue','wed','thu','fri','sat','sun']) = '{}'::jsonb),
  phone public.phone_number,
  email public.email_address,
  website text check (website ~ '^https?://' and length(website) <= 300),
  accessibility text check (length(accessibility) <= 500),
  last_checked_at timestamptz,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id()
);

-- ---------------------------------------------------------------------------
-- People: profiles (one per auth user) and invitations
-- ---------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text check (length(display_name) <= 120),
  preferred_locale public.locale_code not null default 'fr',
  phone public.phone_number,
  email public.email_address,
  -- A set of roles: a groupe_ressource member is also an allocataire.
  roles text[] not null default '{allocataire}'
    check (roles <@ array['allocataire', 'groupe_ressource', 'outreach', 'referent', 'coordinator']
           and array_position(roles, null) is null),
  team_id uuid references public.teams (id) on delete set null,
  structure_id uuid references public.structures (id) on delete set null,
  referent_id uuid references public.profiles (id) on delete set null,
  reminder_sms boolean not null default true,
  reminder_email boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (referent_id is distinct from id)
);

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  email public.email_address,
  phone public.phone_number,
  display_name text check (length(display_name) <= 120),
  roles text[] not null default '{allocataire}'
    check (cardinality(roles) >= 1
           and roles <@ array['allocataire', 'groupe_ressource', 'outreach', 'referent', 'coordinator']
           and array_position(roles, null) is null),
  team_id uuid references public.teams (id) on delete set null,
  structure_id uuid references public.structures (id) on delete set null,
  -- For an allocataire invited by their référent: becomes profiles.referent_id.
  referent_id uuid references public.profiles (id) on delete set null,
  preferred_locale public.locale_code not null default 'fr',
  invited_by uuid references public.profiles (id) on delete set null,
  accepted_at timestamptz,
  accepted_by uuid references public.profiles (id) on delete set null,
  revoked_at timestamptz,
  expires_at timestamptz not null default now() + interval '30 days',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (email is not null or phone is not null),
  check ((accepted_at is null) = (accepted_by is null))
);

-- ---------------------------------------------------------------------------
-- Public content: prestations, events, booklet
-- ---------------------------------------------------------------------------

create table public.prestations (
  id uuid primary key default gen_random_uuid(),
  -- The six registres of the PDIE Annexe II.
  registre text not null check (registre in ('formation', 'projet_professionnel', 'emploi_durable',
                                             'ess', 'intermediation', 'creation_activite')),
  title text not null check (length(title) between 1 and 160),
  summary text not null default '' check (length(summary) <= 1000),
  publics text[] not null default '{tous}'
    check (cardinality(publics) >= 1
           and publics <@ array['jeunes', 'seniors', 'artistes', 'createurs', 'parents_isoles',
                                'sans_domicile', 'rsa', 'femmes', 'tous']
           and array_position(publics, null) is null),
  eligibility text check (length(eligibility) <= 1000),
  how_to_access text check (length(how_to_access) <= 1000),
  -- Whether an allocataire can go directly or needs their référent to prescribe it.
  access_mode text not null default 'referent' check (access_mode in ('referent', 'direct')),
  operator text check (length(operator) <= 160),
  structure_id uuid references public.structures (id) on delete set null,
  duration text check (length(duration) <= 120),
  cost text check (length(cost) <= 120),
  locale public.locale_code not null default 'fr',
  arrondissements smallint[] not null default '{}'
    check (arrondissements <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::smallint[]),
  source_ref text check (length(source_ref) <= 120),
  last_checked_at timestamptz,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id()
);

create table public.events (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('forum', 'information_collective', 'pre_recrutement', 'atelier')),
  title text not null check (length(title) between 1 and 160),
  description text check (length(description) <= 2000),
  starts_at timestamptz not null,
  ends_at timestamptz,
  structure_id uuid references public.structures (id) on delete set null,
  place text check (length(place) <= 160),
  address text check (length(address) <= 200),
  arrondissement smallint check (arrondissement between 1 and 20),
  seats integer check (seats between 0 and 100000),
  registration text check (length(registration) <= 500),
  registration_url text check (registration_url ~ '^https?://' and length(registration_url) <= 300),
  publics text[] not null default '{tous}'
    check (publics <@ array['jeunes', 'seniors', 'artistes', 'createurs', 'parents_isoles',
                            'sans_domicile', 'rsa', 'femmes', 'tous']
           and array_position(publics, null) is null),
  locale public.locale_code not null default 'fr',
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (ends_at is null or ends_at >= starts_at)
);

-- One row per version of a section. Coordinators edit a draft, send it to review, publish
-- it; publishing archives the previous published version of the same
-- (slug, locale, variant), and published text is never edited in place: an edit is a new
-- version. History is therefore the table itself.
create table public.booklet_sections (
  id uuid primary key default gen_random_uuid(),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  locale public.locale_code not null default 'fr',
  -- easy = "lecture facile" (plain language), full = complete text.
  variant text not null default 'full' check (variant in ('easy', 'full')),
  title text not null check (length(title) between 1 and 200),
  body text not null default '' check (length(body) <= 20000),
  position integer not null default 0 check (position between 0 and 10000),
  revision integer not null default 1 check (revision >= 1),
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  published_at timestamptz,
  edited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  unique (slug, locale, variant, revision),
  check (status not in ('published', 'archived') or published_at is not null)
);

-- At most one published version of a section per language and variant.
create unique index booklet_sections_one_published
  on public.booklet_sections (slug, locale, variant)
  where status = 'published' and deleted_at is null;

-- ---------------------------------------------------------------------------
-- Accompaniment: appointments and prestation offers
-- ---------------------------------------------------------------------------

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  allocataire_id uuid not null references public.profiles (id) on delete cascade,
  referent_id uuid references public.profiles (id) on delete set null,
  structure_id uuid references public.structures (id) on delete set null,
  kind text not null check (kind in ('first_reception', 'diagnostic', 'follow_up', 'bilan_sante',
                                     'mdee_session', 'pre_recrutement', 'forum_preparation',
                                     'information_collective')),
  title text check (length(title) <= 160),
  -- Set when the appointment is a registration to a public event (forum, information collective).
  event_id uuid references public.events (id) on delete set null,
  starts_at timestamptz not null,
  duration_min integer not null default 45 check (duration_min between 5 and 600),
  mode text not null default 'in_person' check (mode in ('in_person', 'phone', 'video')),
  location text check (length(location) <= 300),
  documents_to_bring text[] not null default '{}'
    check (cardinality(documents_to_bring) <= 20 and array_position(documents_to_bring, null) is null
           and length(array_to_string(documents_to_bring, '')) <= 2000),
  note text check (length(note) <= 1000),
  status text not null default 'scheduled'
    check (status in ('scheduled', 'confirmed', 'cancel_requested', 'reschedule_requested',
                      'cancelled', 'attended', 'missed', 'excused')),
  -- The allocataire's answer (sync mutation appointment.respond).
  response text check (response in ('confirmed', 'cannot_come', 'reschedule')),
  response_reason text check (length(response_reason) <= 500),
  -- [{"from": "2027-03-01T09:00:00+01:00", "to": "..."}] or free slots text, at most 10.
  preferred_slots jsonb
    check (preferred_slots is null
           or (jsonb_typeof(preferred_slots) = 'array' and jsonb_array_length(preferred_slots) <= 10
               and pg_column_size(preferred_slots) <= 4000)),
  responded_at timestamptz,
  seen_by_referent_at timestamptz,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((response is null) = (responded_at is null))
);

create table public.prestation_offers (
  id uuid primary key default gen_random_uuid(),
  allocataire_id uuid not null references public.profiles (id) on delete cascade,
  prestation_id uuid not null references public.prestations (id) on delete restrict,
  referent_id uuid references public.profiles (id) on delete set null,
  status text not null default 'proposed'
    check (status in ('proposed', 'interested', 'not_interested', 'entered', 'exited')),
  message text check (length(message) <= 1000),
  proposed_at timestamptz not null default now(),
  -- When the allocataire said interested / not interested.
  responded_at timestamptz,
  entered_at timestamptz,
  exited_at timestamptz,
  -- Action 41 exit families.
  exit_category text check (exit_category in ('new_prestation', 'abandon', 'employment_durable',
                                              'employment_transition', 'positive_exit', 'other')),
  exit_detail text check (length(exit_detail) <= 300),
  -- Priority publics at entry (Action 41), a snapshot so indicators do not drift.
  priority_rsa boolean not null default false,
  priority_qpv boolean not null default false,
  priority_woman boolean not null default false,
  priority_senior boolean not null default false,
  priority_under_26 boolean not null default false,
  priority_grand_exclu boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (case status
           when 'entered' then entered_at is not null and exited_at is null and exit_category is null
           when 'exited' then entered_at is not null and exited_at is not null and exit_category is not null
           else entered_at is null and exited_at is null and exit_category is null
         end),
  check (exited_at is null or exited_at >= entered_at),
  check (exit_detail is null or exit_category is not null)
);

-- ---------------------------------------------------------------------------
-- Voice of the allocataires: feedback, consultations, evaluations
-- ---------------------------------------------------------------------------

create table public.feedback (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in ('prestation', 'appointment', 'document', 'booklet', 'other',
                                     'change_referent', 'fiche_liaison')),
  -- What the feedback is about (a prestation, appointment, booklet section...), by kind.
  subject_id uuid,
  body text not null check (length(body) <= 4000),
  -- A short sentence the author agrees to have quoted (booklet, reports).
  quote text check (length(quote) <= 300),
  rating smallint check (rating between 1 and 5),
  share_with_groupe boolean not null default false,
  contact_back boolean not null default false,
  -- Fiche de liaison (Action 19/40): objectives and results from the beneficiary's view.
  expected text check (length(expected) <= 2000),
  obtained text check (length(obtained) <= 2000),
  changed text check (length(changed) <= 2000),
  status text not null default 'received' check (status in ('received', 'read', 'answered', 'closed')),
  answer text check (length(answer) <= 4000),
  answered_at timestamptz,
  answered_by uuid references public.profiles (id) on delete set null,
  themes text[] not null default '{}'
    check (cardinality(themes) <= 10 and array_position(themes, null) is null
           and length(array_to_string(themes, '')) <= 400),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (deleted_at is not null or length(body) >= 1),
  -- A request to change référent is personal: never shown to the groupe.
  check (not (kind = 'change_referent' and share_with_groupe)),
  check (kind = 'fiche_liaison' or (expected is null and obtained is null and changed is null)),
  check ((answer is null) = (answered_at is null)),
  check (status <> 'answered' or answer is not null)
);

create table public.consultations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('document_review', 'prestation_evaluation', 'survey', 'meeting')),
  title text not null check (length(title) between 1 and 200),
  body text not null default '' check (length(body) <= 8000),
  -- Questions: {"questions": [{"key": "pertinence", "type": "scale", "label": "..."}]}
  definition jsonb not null default '{}'::jsonb
    check (jsonb_typeof(definition) = 'object' and pg_column_size(definition) <= 32000),
  -- What is consulted on (a prestation, a booklet section...), if anything.
  subject_id uuid,
  opens_at timestamptz,
  closes_at timestamptz,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'published')),
  outcome text check (length(outcome) <= 8000),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (closes_at is null or opens_at is null or closes_at > opens_at),
  check (status <> 'published' or outcome is not null)
);

create table public.evaluations (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id) on delete cascade,
  author_id uuid not null references public.profiles (id) on delete cascade,
  -- {"pertinence": 4, "coherence": 3, ..., "comment": "..."} (Action 40's six questions).
  answers jsonb not null default '{}'::jsonb
    check (jsonb_typeof(answers) = 'object' and pg_column_size(answers) <= 16000),
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  unique (consultation_id, author_id)
);

-- ---------------------------------------------------------------------------
-- Outreach (repérage): people met in the quartiers
-- ---------------------------------------------------------------------------

-- Minimum data (DESIGN §9): no health field, no GPS, location at quartier level only,
-- identity only with recorded consent, retention by public.apply_outreach_retention().
create table public.outreach_contacts (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  quartier text not null check (length(quartier) between 1 and 80),
  met_at timestamptz not null default now(),
  met_how text not null check (met_how in ('street', 'market', 'association', 'event', 'partner')),
  age_band text not null default 'unknown'
    check (age_band in ('16_17', '18_25', '26_34', '35_49', '50_64', '65_plus', 'unknown')),
  needs text[] not null default '{}'
    check (needs <@ array['emploi', 'formation', 'francais', 'numerique', 'droits', 'logement',
                          'garde_enfants', 'mobilite', 'creation_activite', 'budget', 'autre']
           and array_position(needs, null) is null),
  rsa text not null default 'unknown' check (rsa in ('yes', 'no', 'unknown')),
  under_26 boolean not null default false,
  over_50 boolean not null default false,
  single_parent boolean not null default false,
  consent boolean not null default false,
  consent_version text check (length(consent_version) <= 40),
  consent_at timestamptz,
  first_name_or_alias text check (length(first_name_or_alias) <= 60),
  phone public.phone_number,
  email public.email_address,
  -- Free text, never health details (the form says so).
  note text check (length(note) <= 500),
  follow_up_at date,
  oriented_structure_id uuid references public.structures (id) on delete set null,
  oriented_at timestamptz,
  orientation_reason text check (length(orientation_reason) <= 300),
  referral_status text not null default 'none'
    check (referral_status in ('none', 'pending', 'accepted', 'declined', 'appointment_planned')),
  referral_decline_reason text check (length(referral_decline_reason) <= 300),
  -- in_parcours = entered a parcours d'insertion: kept beyond the retention delay.
  status text not null default 'new' check (status in ('new', 'follow_up', 'oriented', 'in_parcours', 'closed')),
  -- Set when the retention function reduced the row to statistics.
  reduced_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check (consent or (first_name_or_alias is null and phone is null and email is null)),
  check (not consent or (consent_version is not null and consent_at is not null)),
  check (oriented_structure_id is not null or referral_status = 'none'),
  check (referral_decline_reason is null or referral_status = 'declined'),
  check (not (under_26 and over_50))
);

-- ---------------------------------------------------------------------------
-- Audit
-- ---------------------------------------------------------------------------

-- Written only by security-definer triggers and functions; read by coordinators.
create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid references public.profiles (id) on delete set null,
  action text not null check (length(action) between 1 and 80),
  target_table text check (length(target_table) <= 63),
  target_id uuid,
  details jsonb not null default '{}'::jsonb
    check (jsonb_typeof(details) = 'object' and pg_column_size(details) <= 16000),
  at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id()
);

-- ---------------------------------------------------------------------------
-- Change tracking triggers and indexes
-- ---------------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['teams', 'structures', 'profiles', 'invitations', 'prestations', 'events',
                           'booklet_sections', 'appointments', 'prestation_offers', 'feedback',
                           'consultations', 'evaluations', 'outreach_contacts', 'audit_log']
  loop
    execute format('create trigger sync_touch before insert or update on public.%I '
                   'for each row execute function public.sync_touch()', t);
    execute format('create index %I on public.%I (row_xid, id)', t || '_row_xid_idx', t);
  end loop;
end
$$;

-- Foreign keys and columns read by row-level security policies.
create index profiles_team_id_idx on public.profiles (team_id);
create index profiles_structure_id_idx on public.profiles (structure_id);
create index profiles_referent_id_idx on public.profiles (referent_id);
create index invitations_email_idx on public.invitations (lower(email)) where accepted_at is null;
create index invitations_phone_idx on public.invitations (phone) where accepted_at is null;
create index invitations_team_id_idx on public.invitations (team_id);
create index invitations_structure_id_idx on public.invitations (structure_id);
create index invitations_referent_id_idx on public.invitations (referent_id);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create index prestations_structure_id_idx on public.prestations (structure_id);
create index events_structure_id_idx on public.events (structure_id);
create index events_starts_at_idx on public.events (starts_at);
create index booklet_sections_edited_by_idx on public.booklet_sections (edited_by);
create index appointments_allocataire_id_idx on public.appointments (allocataire_id, starts_at);
create index appointments_referent_id_idx on public.appointments (referent_id);
create index appointments_structure_id_idx on public.appointments (structure_id);
create index appointments_event_id_idx on public.appointments (event_id);
create index prestation_offers_allocataire_id_idx on public.prestation_offers (allocataire_id);
create index prestation_offers_prestation_id_idx on public.prestation_offers (prestation_id);
create index prestation_offers_referent_id_idx on public.prestation_offers (referent_id);
create index feedback_author_id_idx on public.feedback (author_id);
create index feedback_answered_by_idx on public.feedback (answered_by);
create index feedback_shared_idx on public.feedback (created_at) where share_with_groupe and deleted_at is null;
create index consultations_created_by_idx on public.consultations (created_by);
create index evaluations_author_id_idx on public.evaluations (author_id);
create index outreach_contacts_team_id_idx on public.outreach_contacts (team_id, met_at);
create index outreach_contacts_created_by_idx on public.outreach_contacts (created_by);
create index outreach_contacts_oriented_structure_id_idx on public.outreach_contacts (oriented_structure_id);
create index audit_log_actor_id_idx on public.audit_log (actor_id);
-- Status columns read by the public-content and consultation policies.
create index structures_status_idx on public.structures (status);
create index prestations_status_idx on public.prestations (status);
create index events_status_idx on public.events (status);
create index booklet_sections_status_idx on public.booklet_sections (status);
create index consultations_status_idx on public.consultations (status);
create index audit_log_at_idx on public.audit_log (at);
