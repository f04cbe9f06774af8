-- Scale data for the sync_pull budget (DESIGN §7): a Paris-sized programme.
--
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -v scale=1 -f bench/scale/generate.sql
--
-- Runs on a database holding the platform base, the migrations and the seed (see
-- bench/scale/setup.sh). `scale` multiplies every volume (1 = the budget's figures:
-- 75,000 allocataires, 1,000,000 appointments, 200,000 outreach contacts…).
--
-- Rows go through the application's own triggers (change tracking, guards, outreach
-- history, audit), written in trusted context as the service role's maintenance would:
-- version, updated_at and row_xid are what sync_pull expects. Exceptions, with the
-- triggers' work done by hand (see below): appointments and prestation offers (for
-- speed), feedback (dated updated_at: its sync window depends on it); and auth.users'
-- on_auth_user_created trigger, which creates a bare allocataire profile: the profile
-- is inserted here instead, with its roles, structure and référent (what accepting an
-- invitation gives).
-- Big tables are written in batches of one transaction each, so rows carry many
-- different transaction ids, as in real life.
--
-- Ids are derived from names (md5), so bench/scale/run.ts finds the same people again.

\set ON_ERROR_STOP 1
\if :{?scale}
\else
  \set scale 1
\endif
set client_min_messages = warning;
select setseed(0.4242);

create schema bench_gen;
create table bench_gen.params as
select greatest(1, round(75000 * :scale))::int as allocataires,
       greatest(60, round(200 * least(:scale, 1)))::int as referents,
       60 as structures,
       40 as teams,
       greatest(40, round(200 * least(:scale, 1)))::int as outreach_workers,
       12 as coordinators,
       greatest(1, round(60 * least(:scale, 1)))::int as groupe,
       greatest(1, round(1000000 * :scale))::int as appointments,
       greatest(1, round(500000 * :scale))::int as offers,
       greatest(1, round(200000 * :scale))::int as contacts,
       greatest(1, round(100000 * :scale))::int as feedback,
       300 as prestations,
       5000 as batch;

create function bench_gen.uid(kind text, n int) returns uuid
language sql immutable as $$ select md5('bench-' || kind || '-' || n)::uuid $$;

-- ---------------------------------------------------------------------------
-- Organisation: 60 structures, 40 teams, 300 prestations, 40 events
-- ---------------------------------------------------------------------------
insert into public.structures (id, kind, name, summary, address, postcode, arrondissement, status,
                               published_at, phone, email)
select bench_gen.uid('structure', s),
       (array['EI','CAPI','SSDP','PSA','MDEE','PLIE','MISSION_LOCALE','E2C','ASSOCIATION','POLE_EMPLOI'])[1 + s % 10],
       format('Structure %s — Paris %se', s, 1 + s % 20),
       'Accueil et accompagnement des allocataires du RSA.',
       format('%s rue de la Bench', 1 + s), format('750%s', lpad((1 + s % 20)::text, 2, '0')),
       1 + s % 20, 'published', now() - interval '3 years',
       format('01 40 00 %s', lpad(s::text, 2, '0')), format('structure%s@bench.reperes.test', s)
from generate_series(0, (select structures - 1 from bench_gen.params)) s;

insert into public.teams (id, kind, name, quartiers, arrondissements)
select bench_gen.uid('team', t), case when t % 4 = 0 then 'PLIE' else 'EDL' end,
       format('Équipe %s', t),
       array[format('Quartier %s-a', t), format('Quartier %s-b', t), format('Quartier %s-c', t)],
       array[(1 + t % 20)::smallint]
from generate_series(0, (select teams - 1 from bench_gen.params)) t;

insert into public.prestations (id, registre, title, summary, publics, access_mode, structure_id, status,
                                published_at, arrondissements)
select bench_gen.uid('prestation', p),
       (array['formation','projet_professionnel','emploi_durable','ess','intermediation','creation_activite'])[1 + p % 6],
       format('Prestation %s', p), 'Une prestation du catalogue départemental.',
       case when p % 5 = 0 then '{jeunes}'::text[] when p % 7 = 0 then '{seniors}' else '{tous}' end,
       case when p % 3 = 0 then 'direct' else 'referent' end,
       bench_gen.uid('structure', p % 60), 'published', now() - interval '3 years',
       array[(1 + p % 20)::smallint]
from generate_series(0, (select prestations - 1 from bench_gen.params)) p;

insert into public.events (id, kind, title, starts_at, ends_at, structure_id, arrondissement, status, published_at)
select bench_gen.uid('event', e), (array['forum','information_collective','pre_recrutement','atelier'])[1 + e % 4],
       format('Événement %s', e), now() + (e - 20) * interval '9 days',
       now() + (e - 20) * interval '9 days' + interval '3 hours',
       bench_gen.uid('structure', e % 60), 1 + e % 20, 'published', now() - interval '1 year'
from generate_series(0, 39) e;

-- ---------------------------------------------------------------------------
-- People. Référent r works at structure r % 60; outreach worker w in team w % 40;
-- allocataire n is followed at structure n % 60 by one of its référents; the first
-- `groupe` allocataires are also in the groupe ressource.
-- ---------------------------------------------------------------------------
create table bench_gen.people (
  kind text, n int, id uuid primary key, roles text[], structure_id uuid, team_id uuid, referent_id uuid,
  display_name text, email text, phone text
);

insert into bench_gen.people
select 'referent', r, bench_gen.uid('referent', r), '{referent}', bench_gen.uid('structure', r % 60), null, null,
       format('Référent %s', r), format('referent-%s@bench.reperes.test', r), null
from generate_series(0, (select referents - 1 from bench_gen.params)) r;

insert into bench_gen.people
select 'outreach', w, bench_gen.uid('outreach', w), '{outreach}', null, bench_gen.uid('team', w % 40), null,
       format('Équipier %s', w), format('outreach-%s@bench.reperes.test', w), null
from generate_series(0, (select outreach_workers - 1 from bench_gen.params)) w;

insert into bench_gen.people
select 'coordinator', c, bench_gen.uid('coordinator', c), '{coordinator}', null, null, null,
       format('Coordinateur %s', c), format('coordinator-%s@bench.reperes.test', c), null
from generate_series(0, (select coordinators - 1 from bench_gen.params)) c;

-- Référents of a structure s: s, s + 60, s + 120… (below the référent count).
insert into bench_gen.people
select 'allocataire', n, bench_gen.uid('allocataire', n),
       case when n < p.groupe then '{allocataire,groupe_ressource}'::text[] else '{allocataire}' end,
       bench_gen.uid('structure', n % 60), null,
       bench_gen.uid('referent', (n % 60) + 60 * ((n / 60) % ((p.referents - 1 - n % 60) / 60 + 1))),
       format('Allocataire %s', n), format('allocataire-%s@bench.reperes.test', n),
       format('+336%s', lpad(n::text, 8, '0'))
from bench_gen.params p, generate_series(0, p.allocataires - 1) n;

alter table auth.users disable trigger on_auth_user_created;
insert into auth.users (id, aud, role, email, email_confirmed_at, phone, phone_confirmed_at, created_at)
select id, 'authenticated', 'authenticated', email, now() - interval '3 years', phone,
       case when phone is not null then now() - interval '3 years' end, now() - interval '3 years'
from bench_gen.people;
alter table auth.users enable trigger on_auth_user_created;

-- Staff first: allocataires' referent_id points at them.
insert into public.profiles (id, display_name, preferred_locale, phone, email, roles, team_id, structure_id,
                             referent_id, created_at)
select id, display_name, 'fr', phone, email, roles, team_id, structure_id, referent_id, now() - interval '3 years'
from bench_gen.people where kind <> 'allocataire';

do $$
declare
  b int := (select batch from bench_gen.params);
  total int := (select allocataires from bench_gen.params);
  i int := 0;
begin
  while i < total loop
    insert into public.profiles (id, display_name, preferred_locale, phone, email, roles, team_id, structure_id,
                                 referent_id, reminder_sms, created_at)
    select id, display_name,
           (array['fr','fr','fr','fr','ar','en','es','pt','zh','ta'])[1 + n % 10]::public.locale_code,
           phone, email, roles, team_id, structure_id, referent_id, n % 4 <> 0,
           now() - (n % 1000) * interval '1 day'
    from bench_gen.people where kind = 'allocataire' and n >= i and n < i + b;
    commit;
    i := i + b;
  end loop;
end
$$;

-- ---------------------------------------------------------------------------
-- Appointments: over 3 years (33 months past, 3 months ahead), and prestation offers.
-- The two biggest tables are written with their row triggers off, and every column
-- those triggers set is set here the same way: sync_touch (version 1, updated_at =
-- now(), row_xid = the writing transaction), referent_name (the référent's display
-- name), keep_followers (the allocataire's référent and structure). The reminders trigger is replayed afterwards for the appointments still to
-- come (for past ones it does nothing). Foreign keys stay checked.
-- ---------------------------------------------------------------------------
alter table public.appointments disable trigger user;
alter table public.prestation_offers disable trigger user;

do $$
declare
  b int := (select batch from bench_gen.params);
  total int := (select appointments from bench_gen.params);
  allocs int := (select allocataires from bench_gen.params);
  i int := 0;
begin
  while i < total loop
    insert into public.appointments (id, allocataire_id, referent_id, referent_name, structure_id, kind, title,
                                     starts_at, duration_min, mode, location, status, response, responded_at,
                                     created_at, updated_at, version, row_xid,
                                     allocataire_referent_id, allocataire_structure_id)
    select bench_gen.uid('appointment', g), p.id, p.referent_id, r.display_name, p.structure_id,
           (array['follow_up','follow_up','follow_up','diagnostic','first_reception','bilan_sante',
                  'mdee_session','information_collective'])[1 + g % 8],
           null, x.starts_at, 45, case when g % 5 = 0 then 'phone' else 'in_person' end,
           'Accueil, 2e étage',
           case when x.starts_at > now() then case when g % 3 = 0 then 'confirmed' else 'scheduled' end
                when g % 10 < 7 then 'attended' when g % 10 = 7 then 'missed'
                when g % 10 = 8 then 'excused' else 'cancelled' end,
           case when x.starts_at > now() and g % 3 = 0 then 'confirmed' end,
           case when x.starts_at > now() and g % 3 = 0 then x.starts_at - interval '3 days' end,
           x.starts_at - interval '14 days', now(), 1, pg_current_xact_id(),
           p.referent_id, p.structure_id
    from generate_series(i, least(i + b, total) - 1) g
    cross join lateral (select (hashtext('a' || g)::bigint & 2147483647) % allocs as n,
                               date_trunc('minute', now() - interval '33 months'
                                 + (random() * 36 * 30) * interval '1 day') as starts_at) x
    join bench_gen.people p on p.id = bench_gen.uid('allocataire', x.n::int)
    join bench_gen.people r on r.id = p.referent_id;
    commit;
    i := i + b;
  end loop;
end
$$;

do $$
declare
  b int := (select batch from bench_gen.params);
  total int := (select offers from bench_gen.params);
  allocs int := (select allocataires from bench_gen.params);
  i int := 0;
begin
  while i < total loop
    insert into public.prestation_offers (id, allocataire_id, prestation_id, referent_id, status, message,
                                          proposed_at, responded_at, entered_at, exited_at, exit_category,
                                          priority_rsa, priority_qpv, priority_woman, created_at, updated_at,
                                          version, row_xid, allocataire_referent_id, allocataire_structure_id)
    select bench_gen.uid('offer', g), p.id, bench_gen.uid('prestation', g % 300), p.referent_id, x.status,
           'Je vous propose cette prestation.', x.at,
           case when x.status <> 'proposed' then x.at + interval '2 days' end,
           case when x.status in ('entered', 'exited') then x.at + interval '10 days' end,
           case when x.status = 'exited' then x.at + interval '100 days' end,
           case when x.status = 'exited' then (array['new_prestation','abandon','employment_durable',
                 'employment_transition','positive_exit'])[1 + g % 5] end,
           true, g % 3 = 0, g % 2 = 0, x.at, now(), 1, pg_current_xact_id(), p.referent_id, p.structure_id
    from generate_series(i, least(i + b, total) - 1) g
    cross join lateral (select (hashtext('o' || g)::bigint & 2147483647) % allocs as n,
                               now() - (random() * 1000) * interval '1 day' as at,
                               (array['proposed','proposed','proposed','interested','not_interested',
                                      'entered','entered','exited','exited','exited'])[1 + g % 10] as status) x
    join bench_gen.people p on p.id = bench_gen.uid('allocataire', x.n::int);
    commit;
    i := i + b;
  end loop;
end
$$;

alter table public.appointments enable trigger user;
alter table public.prestation_offers enable trigger user;

-- What reminders_on_insert would have done: reminders for appointments still to come.
select count(reminders_private.sync(a.id, now())) as future_appointments
from public.appointments a where a.starts_at > now();

-- ---------------------------------------------------------------------------
-- Outreach contacts (40 teams), through the history trigger
-- ---------------------------------------------------------------------------
do $$
declare
  b int := (select batch from bench_gen.params);
  total int := (select contacts from bench_gen.params);
  workers int := (select outreach_workers from bench_gen.params);
  i int := 0;
begin
  while i < total loop
    insert into public.outreach_contacts (id, team_id, created_by, quartier, met_at, met_how, age_band, needs,
                                          rsa, under_26, over_50, single_parent, consent, consent_version,
                                          consent_at, first_name_or_alias, note, oriented_structure_id,
                                          oriented_at, referral_status, status, created_at)
    select bench_gen.uid('contact', g), bench_gen.uid('team', g % 40),
           bench_gen.uid('outreach', (g % 40) + 40 * ((g / 40) % (workers / 40))),
           format('Quartier %s-%s', g % 40, (array['a','b','c'])[1 + g % 3]), x.met_at,
           (array['street','market','association','event','partner'])[1 + g % 5],
           (array['18_25','26_34','35_49','50_64','unknown'])[1 + g % 5],
           (array['{emploi}','{formation,francais}','{droits}','{emploi,numerique}','{logement}'])[1 + g % 5]::text[],
           (array['yes','no','unknown'])[1 + g % 3], g % 5 = 0, g % 5 = 3, g % 7 = 0,
           x.consent, case when x.consent then 'v1' end, case when x.consent then x.met_at end,
           case when x.consent then format('Personne %s', g) end, null,
           case when x.oriented then bench_gen.uid('structure', g % 60) end,
           case when x.oriented then x.met_at + interval '1 day' end,
           case when x.oriented then (array['pending','accepted','declined','appointment_planned'])[1 + g % 4]
                else 'none' end,
           case when x.oriented then 'oriented' when g % 4 = 0 then 'follow_up' else 'new' end,
           x.met_at
    from generate_series(i, least(i + b, total) - 1) g
    cross join lateral (select now() - (random() * 1000) * interval '1 day' as met_at,
                               g % 3 = 0 as consent, g % 3 = 0 and g % 2 = 0 as oriented) x;
    commit;
    i := i + b;
  end loop;
end
$$;

-- ---------------------------------------------------------------------------
-- Feedback (40% shared with the groupe, change_referent never), consultations,
-- evaluations of the groupe.
--
-- Feedback is an inbox that coordinators work through: an item created `age` days ago
-- has been dealt with (answered, possibly closed since) with probability
-- 0.98 · (1 − e^(−age / 15 days)) — 37 % after a week, 85 % after a month, 98 % beyond
-- two months, the 2 % left being a long-standing backlog, all 'read'. Recent items not
-- dealt with are half 'received', half 'read'. An answer comes 0.5–6.5 days after the
-- item (sooner for the youngest), a close (40 % of the answered items) 3–43 days after
-- the answer, if that date has passed. Items answered, and half of those read, are
-- assigned to one of the coordinators (answered_by too for answered ones). The sync_touch trigger would stamp every row with
-- updated_at = now() (every item "changed today"), so the feedback triggers are off here
-- too, like appointments' and offers': version (1 received, 2 read, 3 answered,
-- 4 closed), updated_at (the last change: creation, reading, answer or close) and
-- row_xid (the writing transaction) are set by hand; the guard does nothing to a
-- trusted insert of a live item.
-- ---------------------------------------------------------------------------
alter table public.feedback disable trigger user;

do $$
declare
  b int := (select batch from bench_gen.params);
  total int := (select feedback from bench_gen.params);
  allocs int := (select allocataires from bench_gen.params);
  coords int := (select coordinators from bench_gen.params);
  i int := 0;
begin
  while i < total loop
    insert into public.feedback (id, author_id, kind, subject_id, body, rating, share_with_groupe, contact_back,
                                 status, answer, answered_at, answered_by, assigned_to, created_at, updated_at,
                                 version, row_xid, themes)
    select bench_gen.uid('feedback', g), bench_gen.uid('allocataire', x.n::int), x.kind,
           case when x.kind = 'prestation' then bench_gen.uid('prestation', g % 300) end,
           'L''accueil était bien, mais les horaires ne conviennent pas aux parents.',
           1 + g % 5, x.kind <> 'change_referent' and g % 5 < 2, g % 4 = 0,
           z.status,
           case when z.done then 'Merci, nous en tenons compte.' end,
           case when z.done then y.answered_at end,
           case when z.done then bench_gen.uid('coordinator', x.c::int) end,
           case when z.done or (z.status = 'read' and g % 2 = 0) then bench_gen.uid('coordinator', x.c::int) end,
           x.at,
           case z.status when 'received' then x.at when 'read' then y.read_at
                         when 'answered' then y.answered_at else y.closed_at end,
           case z.status when 'received' then 1 when 'read' then 2 when 'answered' then 3 else 4 end,
           pg_current_xact_id(),
           -- Themes, as the groupe ressource tags what is shared with it: most shared items
           -- get one, "horaires" the most common (3 in 10), "langue-des-signes" the rarest
           -- (1 item in 1,000 overall).
           case when g % 1000 = 3 then array['langue-des-signes']
                when x.kind <> 'change_referent' and g % 5 < 2 and g % 7 <> 0
                then array[(array['horaires', 'horaires', 'horaires', 'accueil', 'accueil', 'transport', 'numerique',
                                  'garde-enfants', 'langue', 'documents'])[1 + (g / 5) % 10]]
                else '{}' end
    from generate_series(i, least(i + b, total) - 1) g
    cross join lateral (select (hashtext('f' || g)::bigint & 2147483647) % allocs as n,
                               (hashtext('fc' || g)::bigint & 2147483647) % coords as c,
                               random() * 1000 as age,
                               (array['prestation','prestation','appointment','booklet','other',
                                      'change_referent'])[1 + g % 6] as kind) x0
    cross join lateral (select x0.*, now() - x0.age * interval '1 day' as at) x
    cross join lateral (select x.at + least(random() * 2, x.age * 0.5) * interval '1 day' as read_at,
                               x.at + least(0.5 + random() * 6, x.age * 0.9) * interval '1 day' as answered_at,
                               random() < 0.4 as closes, 3 + random() * 40 as close_after) y0
    cross join lateral (select y0.*, y0.answered_at + y0.close_after * interval '1 day' as closed_at) y
    cross join lateral (select random() < 0.98 * (1 - exp(-x.age / 15)) as done, random() < 0.5 as fresh) z0
    cross join lateral (select z0.done,
                               case when z0.done then case when y.closes and y.closed_at < now() then 'closed'
                                                           else 'answered' end
                                    when x.age <= 60 and z0.fresh then 'received'
                                    else 'read' end as status) z;
    commit;
    i := i + b;
  end loop;
end
$$;

alter table public.feedback enable trigger user;

insert into public.consultations (id, kind, title, body, status, opens_at, closes_at, created_by)
select bench_gen.uid('consultation', c), 'survey', format('Consultation %s', c), 'Votre avis compte.',
       case when c < 4 then 'open' else 'closed' end,
       now() - (c * 60 + 30) * interval '1 day',
       case when c < 4 then now() + interval '30 days' else now() - (c * 60) * interval '1 day' end,
       bench_gen.uid('coordinator', 0)
from generate_series(0, 19) c;

insert into public.evaluations (id, consultation_id, author_id, answers, submitted_at)
select bench_gen.uid('evaluation', c * 1000 + m), bench_gen.uid('consultation', c), bench_gen.uid('allocataire', m),
       '{"pertinence": 4, "coherence": 3}', now() - (c * 60) * interval '1 day'
from generate_series(4, 19) c, generate_series(0, (select groupe - 1 from bench_gen.params)) m
where (c + m) % 2 = 0;

drop schema bench_gen cascade;

vacuum analyze;

select relname, n_live_tup from pg_stat_user_tables
where schemaname in ('public', 'auth') and n_live_tup > 0 order by n_live_tup desc;
