-- Sync: which tables sync_pull serves, and who reads the conflicts log.

insert into sync_private.pull_tables (name, relation, is_public, position) values
  -- Public content, also served to anon (row-level security shows what is published).
  ('structures',        'public.structures',        true,  10),
  ('prestations',       'public.prestations',       true,  20),
  ('events',            'public.events',            true,  30),
  ('booklet_sections',  'public.booklet_sections',  true,  40),
  -- Personal tables, as row-level security allows each signed-in caller.
  ('profiles',          'public.profiles',          false, 100),
  ('teams',             'public.teams',             false, 110),
  ('invitations',       'public.invitations',       false, 120),
  ('appointments',      'public.appointments',      false, 130),
  ('prestation_offers', 'public.prestation_offers', false, 140),
  ('feedback',          'public.feedback',          false, 150),
  ('consultations',     'public.consultations',     false, 160),
  ('evaluations',       'public.evaluations',       false, 170),
  ('outreach_contacts', 'public.outreach_contacts', false, 180);

create policy "coordinators read conflicts" on public.sync_conflicts
  for select to authenticated
  using ((select public.has_role('coordinator')));
grant select on public.sync_conflicts to authenticated;

-- A change of roles, team or structure changes what the caller may see all at once:
-- their next pull restarts the personal tables (see sync_private.read_cursor).
create or replace function sync_private.scope_key()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce((select md5(p.roles::text || '|' || coalesce(p.team_id::text, '') || '|'
                              || coalesce(p.structure_id::text, ''))
                     from public.profiles p
                    where p.id = auth.uid() and p.deleted_at is null), '')
$$;
