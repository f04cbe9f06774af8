-- Right of access: public.account_export() returns every row about the caller and nothing
-- about anyone else, whatever else the caller may read.
begin;
\ir helpers/setup.psql
select plan(17);

-- ---- who may call it ----
select tests.act_as('anon');
select throws_ok($$ select public.account_export() $$, '42501', null, 'anon cannot export');
select tests.act_as('postgres');
select ok(not has_function_privilege('anon', 'public.account_export()', 'execute')
          and has_function_privilege('authenticated', 'public.account_export()', 'execute'),
  'account_export is granted to authenticated only');
select ok((select not p.prosecdef from pg_proc p where p.oid = 'public.account_export()'::regprocedure),
  'account_export runs as the caller (row-level security applies)');

-- ---- an allocataire ----
select tests.act_as('allocataire');
create temporary table export_a on commit drop as select public.account_export() as doc;
select is((select doc ->> 'user_id' from export_a), tests.uid('allocataire')::text, 'the export names its subject');
select is((select doc -> 'profile' ->> 'email' from export_a), 'allocataire@demo.reperes.paris', 'with their profile');
select is((select jsonb_array_length(doc -> 'appointments') from export_a), 6, 'their 6 appointments');
select is((select count(*)::int from export_a, jsonb_array_elements(doc -> 'appointments') a
            where a ->> 'allocataire_id' = tests.uid('allocataire')::text and a ? 'structure_name'), 6,
  'each appointment is theirs, with the structure''s name');
select is((select jsonb_array_length(doc -> 'prestation_offers') from export_a), 5, 'their 5 prestation offers');
select is((select jsonb_array_length(doc -> 'feedback') from export_a), 3, 'their 3 feedback entries');
select ok((select jsonb_array_length(doc -> 'reminders') > 0
                  and not exists (select 1 from jsonb_array_elements(doc -> 'reminders') r
                                   where r ->> 'recipient' <> '33600000001')
             from export_a),
  'the reminders sent to their phone');
select is((select doc -> 'invitation' ->> 'email' from export_a), 'allocataire@demo.reperes.paris',
  'the invitation they accepted');
select ok((select not (doc::text like '%row_xid%') from export_a), 'no internal tracking column');
select ok((select not (doc::text like '%' || tests.uid('allocataire2') || '%')
                  and not (doc::text like '%' || tests.uid('groupe') || '%') from export_a),
  'nothing about other allocataires');

-- ---- the groupe ressource: evaluations ----
select tests.act_as('groupe');
select is((select jsonb_agg(e ->> 'consultation_title') from jsonb_array_elements(public.account_export() -> 'evaluations') e),
  '["Relecture du livret d''accueil"]'::jsonb, 'a groupe member gets their evaluations with the consultation''s title');

-- ---- staff: only what is about them, not what they may read ----
select tests.act_as('referent');
select ok((select count(*) from public.appointments) > 0, 'the référent can read appointments...');
select is((select jsonb_array_length(public.account_export() -> 'appointments')), 0,
  '... but their export holds none of other people''s appointments');
select tests.act_as('coordinator');
select is((select jsonb_array_length(public.account_export() -> 'feedback')), 0,
  'a coordinator''s export holds none of the feedback they read');

select * from finish();
rollback;
