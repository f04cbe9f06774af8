-- Feedback shared with the groupe ressource: read without identity, sorted into themes by
-- the groupe. No function or view the groupe can reach lets an author id through.
begin;
\ir helpers/setup.psql
select plan(24);

-- Everything the caller can get out of the API's read functions: every function in public
-- it may execute that only reads (stable/immutable) and needs no argument or one uuid,
-- called with no argument or with every consultation and feedback id. Refusals count as
-- nothing read. Answers one text per successful call.
create function pg_temp.everything_readable() returns setof text language plpgsql as $$
declare
  f record;
  arg uuid;
  out text;
begin
  for f in
    select p.oid::regprocedure as sig, p.proname, p.pronargs - p.pronargdefaults as required,
           p.proargtypes
      from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and p.provolatile in ('s', 'i')
       and p.prorettype not in ('trigger'::regtype, 'void'::regtype)
       and has_function_privilege(current_user, p.oid, 'execute')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    if f.required = 0 then
      begin
        execute format('select coalesce(jsonb_agg(to_jsonb(t))::text, '''') from public.%I() t', f.proname) into out;
        return next out;
      exception when others then
        null;
      end;
    elsif f.required = 1 and f.proargtypes[0] = 'uuid'::regtype then
      for arg in select id from public.consultations union select id from pg_temp.all_feedback loop
        begin
          execute format('select coalesce(jsonb_agg(to_jsonb(t))::text, '''') from public.%I($1) t', f.proname) into out using arg;
          return next out;
        exception when others then
          null;
        end;
      end loop;
    end if;
  end loop;
end
$$;

create temporary table all_feedback on commit drop as select id, author_id from public.feedback;
grant select on all_feedback to public;

-- ---- reading without identity ----
select tests.act_as('groupe');
select is(tests.push('evaluation.upsert', '{"id":"ea000000-0000-4000-8000-000000000001","consultation_id":"c0000000-0000-4000-8000-000000000001","answers":{"clarte":3},"submitted":true}') ->> 'status',
  'applied', 'the groupe member submits their evaluation (so coordinators have one to read)');
select is_empty(
  $$ select 1 from pg_temp.everything_readable() r, pg_temp.all_feedback f
      where f.author_id <> tests.uid('groupe') and r like '%' || f.author_id::text || '%' $$,
  'no function the groupe may call returns another author''s id');
select isnt_empty(
  $$ select 1 from pg_temp.everything_readable() r where r like '%fb000000-0000-4000-8000-000000000001%' $$,
  'while the shared feedback itself is readable through them');
select is_empty(
  $$ select d.refobjid::regclass::text from pg_depend d join pg_rewrite w on w.oid = d.objid
      where d.classid = 'pg_rewrite'::regclass and d.refobjid = 'public.feedback'::regclass $$,
  'no view is built on the feedback table');
select is_empty(
  $$ select f.id from public.groupe_shared_feedback() f where f.kind = 'change_referent' $$,
  'a request to change référent never reaches the groupe');
select tests.act_as('coordinator');
create temporary table coordinator_reads on commit drop as
  select r from pg_temp.everything_readable() r where r like '%"member": %';
select isnt_empty($$ select 1 from pg_temp.coordinator_reads $$, 'coordinators read evaluations under pseudonyms');
select is_empty(
  $$ select 1 from pg_temp.coordinator_reads r, pg_temp.all_feedback f where r.r like '%' || f.author_id::text || '%' $$,
  'coordinators'' pseudonymous reads carry no author id either');

-- ---- tagging themes ----
select tests.act_as('groupe');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":[" Retard ","accueil","retard"]}') ->> 'status',
  'applied', 'a groupe member tags shared feedback with themes');
select is((select themes from public.groupe_shared_feedback() where id = 'fb000000-0000-4000-8000-000000000003'),
  array['accueil', 'retard'], 'themes are trimmed, lower-cased, deduplicated and sorted');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000002","themes":["livret"]}') ->> 'reason',
  'not_found', 'feedback not shared with the groupe cannot be tagged by it');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000005","themes":["livret"]}') ->> 'reason',
  'not_found', 'nor can a request to change référent');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":["x","x","x","x","x","x","x","x","x","x","x"]}') ->> 'reason',
  'validation', 'at most 10 themes');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":["un thème beaucoup trop long pour en être un vraiment"]}') ->> 'field',
  'themes', 'a theme is short');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":["retard"],"body":"x"}') ->> 'reason',
  'validation', 'tagging carries only themes');
select is(tests.affected($$ update public.feedback set themes = '{x}' where id = 'fb000000-0000-4000-8000-000000000003' $$), 0,
  'the groupe still has no direct write access to feedback');

select tests.act_as('allocataire');
select results_eq(
  $$ select body, themes, status, share_with_groupe from public.feedback where id = 'fb000000-0000-4000-8000-000000000003' $$,
  $$ values ('Le rendez-vous a commencé avec 40 minutes de retard et personne ne nous a prévenus.'::text,
             array['accueil', 'retard'], 'received'::text, true) $$,
  'the author sees the themes; nothing else of their feedback changed');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":["faux"]}') ->> 'reason',
  'forbidden', 'an allocataire outside the groupe does not tag, even their own feedback');
select is(tests.push('feedback.delete', '{"id":"fb000000-0000-4000-8000-000000000003"}') ->> 'status',
  'applied', 'the author deletes it');
select tests.act_as('groupe');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000003","themes":["retard"]}') ->> 'reason',
  'not_found', 'deleted feedback is gone for the groupe, tags included');
select tests.act_as('referent');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000001","themes":["x"]}') ->> 'reason',
  'forbidden', 'a référent does not tag feedback');
select tests.act_as('outreach');
select throws_ok($$ select * from public.consultation_results('c0000000-0000-4000-8000-000000000001') $$, '42501', null,
  'outreach reads no consultation results');

select tests.act_as('coordinator');
select is(tests.push('feedback.tag_themes', '{"id":"fb000000-0000-4000-8000-000000000002","themes":["livret","absences"]}') ->> 'status',
  'applied', 'coordinators tag any feedback, shared or not');
select is((select themes from public.feedback where id = 'fb000000-0000-4000-8000-000000000002'),
  array['absences', 'livret'], 'the coordinator''s themes are kept');

select tests.act_as('anon');
select throws_ok($$ select public.m_feedback_tag_themes('{}', null) $$, '42501', null, 'anon cannot tag');

select tests.act_as('postgres');
select * from finish();
rollback;
