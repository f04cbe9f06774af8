-- Repères: row-level security and privileges (DESIGN §4).
--
-- Policy style: one policy per role and operation, `to anon` / `to authenticated`, the
-- caller's id as `(select auth.uid())` and role checks through security-definer helpers
-- wrapped in `(select ...)`, so each is evaluated once per statement, not once per row.
--
-- Policies deliberately do not hide soft-deleted rows: sync_pull must see a deleted row
-- to send its tombstone. Deleting personal rows wipes their content (see the guards).
-- Content once public (published, then archived) stays readable for the same reason;
-- drafts never leave coordinators.

-- ---------------------------------------------------------------------------
-- Privileges: nothing by default, then exactly what the policies need
-- ---------------------------------------------------------------------------

revoke all on table public.teams, public.structures, public.profiles, public.invitations,
  public.prestations, public.events, public.booklet_sections, public.appointments,
  public.prestation_offers, public.feedback, public.consultations, public.evaluations,
  public.outreach_contacts, public.audit_log
  from public, anon, authenticated;

grant select on table public.structures, public.prestations, public.events, public.booklet_sections
  to anon;

grant select, insert, update on table public.teams, public.structures, public.profiles,
  public.invitations, public.prestations, public.events, public.booklet_sections,
  public.appointments, public.prestation_offers, public.feedback, public.consultations,
  public.evaluations, public.outreach_contacts
  to authenticated;
grant delete on table public.feedback to authenticated;
grant select on table public.audit_log to authenticated;

grant all on table public.teams, public.structures, public.profiles, public.invitations,
  public.prestations, public.events, public.booklet_sections, public.appointments,
  public.prestation_offers, public.feedback, public.consultations, public.evaluations,
  public.outreach_contacts, public.audit_log
  to service_role;

-- Functions: none callable by anon; authenticated gets the helpers its policies and
-- guards evaluate, and the two read functions.
revoke all on function
  public.sync_touch(), public.has_role(text), public.my_team_id(), public.my_structure_id(),
  public.my_allocataire_ids(), public.consultation_accepts_answers(uuid),
  public.is_trusted_context(), public.changed_columns(jsonb, jsonb), public.forbid(text),
  public.invalid(text), public.profiles_guard(), public.invitations_guard(),
  public.appointments_guard(), public.prestation_offers_guard(), public.feedback_guard(),
  public.evaluations_guard(), public.outreach_contacts_guard(), public.publication_guard(),
  public.booklet_sections_guard(), public.audit(text, text, uuid, jsonb), public.profiles_audit(),
  public.invitations_audit(), public.digits(text), public.handle_new_user(),
  public.handle_user_contact_change(), public.apply_outreach_retention(timestamptz),
  public.groupe_shared_feedback(), public.outreach_stats(date, date)
  from public, anon, authenticated;

grant execute on function
  public.has_role(text), public.my_team_id(), public.my_structure_id(),
  public.my_allocataire_ids(), public.consultation_accepts_answers(uuid),
  public.is_trusted_context(), public.changed_columns(jsonb, jsonb), public.forbid(text),
  public.invalid(text), public.groupe_shared_feedback(), public.outreach_stats(date, date)
  to authenticated;

grant execute on function public.apply_outreach_retention(timestamptz) to service_role;

-- ---------------------------------------------------------------------------
-- Row-level security on every table
-- ---------------------------------------------------------------------------

alter table public.teams enable row level security;
alter table public.structures enable row level security;
alter table public.profiles enable row level security;
alter table public.invitations enable row level security;
alter table public.prestations enable row level security;
alter table public.events enable row level security;
alter table public.booklet_sections enable row level security;
alter table public.appointments enable row level security;
alter table public.prestation_offers enable row level security;
alter table public.feedback enable row level security;
alter table public.consultations enable row level security;
alter table public.evaluations enable row level security;
alter table public.outreach_contacts enable row level security;
alter table public.audit_log enable row level security;

-- ---------------------------------------------------------------------------
-- Public content: read by everyone once published, written by coordinators
-- ---------------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['structures', 'prestations', 'events'] loop
    execute format($f$
      create policy "public reads published" on public.%1$I
        for select to anon, authenticated
        using (status in ('published', 'archived'));
      create policy "coordinators read all" on public.%1$I
        for select to authenticated
        using ((select public.has_role('coordinator')));
      create policy "coordinators insert" on public.%1$I
        for insert to authenticated
        with check ((select public.has_role('coordinator')));
      create policy "coordinators update" on public.%1$I
        for update to authenticated
        using ((select public.has_role('coordinator')))
        with check ((select public.has_role('coordinator')));
    $f$, t);
  end loop;
end
$$;

create policy "public reads published" on public.booklet_sections
  for select to anon, authenticated
  using (status in ('published', 'archived'));
-- The groupe ressource co-writes the booklet (Action 34): it reads texts under review.
create policy "groupe reads sections in review" on public.booklet_sections
  for select to authenticated
  using (status = 'in_review' and (select public.has_role('groupe_ressource')));
create policy "coordinators read all" on public.booklet_sections
  for select to authenticated
  using ((select public.has_role('coordinator')));
create policy "coordinators insert" on public.booklet_sections
  for insert to authenticated
  with check ((select public.has_role('coordinator')));
create policy "coordinators update" on public.booklet_sections
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));

-- ---------------------------------------------------------------------------
-- Teams
-- ---------------------------------------------------------------------------

create policy "outreach reads own team" on public.teams
  for select to authenticated
  using (id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "staff read teams" on public.teams
  for select to authenticated
  using ((select public.has_role('coordinator')) or (select public.has_role('referent')));
create policy "coordinators insert" on public.teams
  for insert to authenticated
  with check ((select public.has_role('coordinator')));
create policy "coordinators update" on public.teams
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));

-- ---------------------------------------------------------------------------
-- Profiles and invitations
-- ---------------------------------------------------------------------------

create policy "read own profile" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()));
create policy "referents read their allocataires" on public.profiles
  for select to authenticated
  using (id in (select public.my_allocataire_ids()));
create policy "coordinators read profiles" on public.profiles
  for select to authenticated
  using ((select public.has_role('coordinator')));
-- Which columns may change is decided by public.profiles_guard().
create policy "update own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
create policy "coordinators update profiles" on public.profiles
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));

create policy "read own accepted invitation" on public.invitations
  for select to authenticated
  using (accepted_by = (select auth.uid()));
create policy "referents read their invitations" on public.invitations
  for select to authenticated
  using (invited_by = (select auth.uid()) and (select public.has_role('referent')));
create policy "coordinators read invitations" on public.invitations
  for select to authenticated
  using ((select public.has_role('coordinator')));
create policy "coordinators invite" on public.invitations
  for insert to authenticated
  with check ((select public.has_role('coordinator')));
-- A référent invites allocataires into their own structure, nothing else.
create policy "referents invite allocataires" on public.invitations
  for insert to authenticated
  with check (
    (select public.has_role('referent'))
    and roles = '{allocataire}'
    and team_id is null
    and structure_id = (select public.my_structure_id())
    and (referent_id is null or referent_id = (select auth.uid())));
create policy "coordinators update invitations" on public.invitations
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));
create policy "referents update their invitations" on public.invitations
  for update to authenticated
  using (invited_by = (select auth.uid()) and (select public.has_role('referent')))
  with check (
    invited_by = (select auth.uid())
    and (select public.has_role('referent'))
    and roles = '{allocataire}'
    and team_id is null
    and structure_id = (select public.my_structure_id())
    and (referent_id is null or referent_id = (select auth.uid())));

-- ---------------------------------------------------------------------------
-- Appointments and prestation offers
-- ---------------------------------------------------------------------------

create policy "allocataires read own appointments" on public.appointments
  for select to authenticated
  using (allocataire_id = (select auth.uid()));
create policy "referents read their appointments" on public.appointments
  for select to authenticated
  using ((select public.has_role('referent'))
         and (structure_id = (select public.my_structure_id())
              or referent_id = (select auth.uid())
              or allocataire_id in (select public.my_allocataire_ids())));
create policy "coordinators read appointments" on public.appointments
  for select to authenticated
  using ((select public.has_role('coordinator')));
-- The allocataire's update is limited to answering by public.appointments_guard().
create policy "allocataires respond to own appointments" on public.appointments
  for update to authenticated
  using (allocataire_id = (select auth.uid()))
  with check (allocataire_id = (select auth.uid()));
create policy "referents create appointments" on public.appointments
  for insert to authenticated
  with check ((select public.has_role('referent'))
              and allocataire_id in (select public.my_allocataire_ids())
              and (structure_id = (select public.my_structure_id()) or referent_id = (select auth.uid())));
create policy "referents update their appointments" on public.appointments
  for update to authenticated
  using ((select public.has_role('referent'))
         and (structure_id = (select public.my_structure_id())
              or referent_id = (select auth.uid())
              or allocataire_id in (select public.my_allocataire_ids())))
  with check ((select public.has_role('referent'))
              and allocataire_id in (select public.my_allocataire_ids())
              and (structure_id = (select public.my_structure_id()) or referent_id = (select auth.uid())));

create policy "allocataires read own offers" on public.prestation_offers
  for select to authenticated
  using (allocataire_id = (select auth.uid()));
create policy "referents read their offers" on public.prestation_offers
  for select to authenticated
  using ((select public.has_role('referent'))
         and (referent_id = (select auth.uid()) or allocataire_id in (select public.my_allocataire_ids())));
create policy "coordinators read offers" on public.prestation_offers
  for select to authenticated
  using ((select public.has_role('coordinator')));
-- Limited to interested / not interested by public.prestation_offers_guard().
create policy "allocataires answer own offers" on public.prestation_offers
  for update to authenticated
  using (allocataire_id = (select auth.uid()))
  with check (allocataire_id = (select auth.uid()));
create policy "referents propose offers" on public.prestation_offers
  for insert to authenticated
  with check ((select public.has_role('referent'))
              and allocataire_id in (select public.my_allocataire_ids()));
create policy "referents update their offers" on public.prestation_offers
  for update to authenticated
  using ((select public.has_role('referent'))
         and (referent_id = (select auth.uid()) or allocataire_id in (select public.my_allocataire_ids())))
  with check ((select public.has_role('referent'))
              and allocataire_id in (select public.my_allocataire_ids()));

-- ---------------------------------------------------------------------------
-- Feedback, consultations, evaluations
-- ---------------------------------------------------------------------------

-- The groupe reads shared feedback only through public.groupe_shared_feedback(),
-- which leaves the author out: no policy here gives it rows.
create policy "authors read own feedback" on public.feedback
  for select to authenticated
  using (author_id = (select auth.uid()));
create policy "coordinators read feedback" on public.feedback
  for select to authenticated
  using ((select public.has_role('coordinator')));
create policy "allocataires write feedback" on public.feedback
  for insert to authenticated
  with check (author_id = (select auth.uid()) and (select public.has_role('allocataire')));
create policy "authors update own feedback" on public.feedback
  for update to authenticated
  using (author_id = (select auth.uid()))
  with check (author_id = (select auth.uid()));
create policy "coordinators answer feedback" on public.feedback
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));
create policy "authors delete own feedback" on public.feedback
  for delete to authenticated
  using (author_id = (select auth.uid()));

create policy "groupe reads consultations" on public.consultations
  for select to authenticated
  using (status <> 'draft' and (select public.has_role('groupe_ressource')));
create policy "coordinators read consultations" on public.consultations
  for select to authenticated
  using ((select public.has_role('coordinator')));
create policy "coordinators insert consultations" on public.consultations
  for insert to authenticated
  with check ((select public.has_role('coordinator')));
create policy "coordinators update consultations" on public.consultations
  for update to authenticated
  using ((select public.has_role('coordinator')))
  with check ((select public.has_role('coordinator')));

create policy "authors read own evaluations" on public.evaluations
  for select to authenticated
  using (author_id = (select auth.uid()));
create policy "coordinators read evaluations" on public.evaluations
  for select to authenticated
  using ((select public.has_role('coordinator')));
create policy "groupe writes evaluations while open" on public.evaluations
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and (select public.has_role('groupe_ressource'))
              and public.consultation_accepts_answers(consultation_id));
create policy "groupe updates own evaluations while open" on public.evaluations
  for update to authenticated
  using (author_id = (select auth.uid()) and public.consultation_accepts_answers(consultation_id))
  with check (author_id = (select auth.uid())
              and (select public.has_role('groupe_ressource'))
              and public.consultation_accepts_answers(consultation_id));

-- ---------------------------------------------------------------------------
-- Outreach contacts: own team only; référents see consented referrals to their
-- structure; coordinators get public.outreach_stats() and no rows.
-- ---------------------------------------------------------------------------

create policy "outreach reads own team contacts" on public.outreach_contacts
  for select to authenticated
  using (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "outreach creates own team contacts" on public.outreach_contacts
  for insert to authenticated
  with check (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "outreach updates own team contacts" on public.outreach_contacts
  for update to authenticated
  using (team_id = (select public.my_team_id()) and (select public.has_role('outreach')))
  with check (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "referents read consented referrals" on public.outreach_contacts
  for select to authenticated
  using (consent
         and oriented_structure_id = (select public.my_structure_id())
         and (select public.has_role('referent')));
-- Limited to answering the referral by public.outreach_contacts_guard().
create policy "referents answer consented referrals" on public.outreach_contacts
  for update to authenticated
  using (consent
         and oriented_structure_id = (select public.my_structure_id())
         and (select public.has_role('referent')))
  with check (consent
              and oriented_structure_id = (select public.my_structure_id())
              and (select public.has_role('referent')));

-- ---------------------------------------------------------------------------
-- Audit log: read by coordinators, written only by security-definer code
-- ---------------------------------------------------------------------------

create policy "coordinators read audit" on public.audit_log
  for select to authenticated
  using ((select public.has_role('coordinator')));
