-- Structures, prestations, events and the booklet: read by all once published,
-- drafts and writes for coordinators only.
begin;
\ir helpers/setup.psql
select plan(52);

-- Fixtures beside the seed: one row per status in each table.
insert into public.structures (id, kind, name, status) values
  ('5e000000-0000-4000-8000-0000000000d1', 'ASSOCIATION', 'Structure brouillon', 'draft'),
  ('5e000000-0000-4000-8000-0000000000a1', 'ASSOCIATION', 'Structure fermée', 'published');
update public.structures set status = 'archived' where id = '5e000000-0000-4000-8000-0000000000a1';
insert into public.events (id, kind, title, starts_at, status) values
  ('e0000000-0000-4000-8000-0000000000d1', 'atelier', 'Atelier en préparation', '2027-04-01 10:00+02', 'draft');
insert into public.prestations (id, registre, title, status) values
  ('b0000000-0000-4000-8000-0000000000a1', 'ess', 'Prestation retirée', 'published');
update public.prestations set status = 'archived' where id = 'b0000000-0000-4000-8000-0000000000a1';
insert into public.booklet_sections (id, slug, variant, title, body, revision, status) values
  ('b00c0000-0000-4000-8000-0000000000d1', 'bienvenue', 'easy', 'Bienvenue (brouillon)', 'Nouveau texte', 2, 'draft'),
  ('b00c0000-0000-4000-8000-0000000000e1', 'bilan-de-sante', 'easy', 'Le bilan de santé', 'Texte relu', 1, 'in_review');

-- The booklet's seeded edition grows with the content: count it once here.
select count(*) filter (where status in ('published', 'archived')) as booklet_public,
       count(*) filter (where status = 'in_review') as booklet_in_review,
       count(*) as booklet_all
  from public.booklet_sections \gset

-- ---- anon ----
select tests.act_as('anon');
select is((select count(*) from public.prestations), 35::bigint, 'anon reads the 34 published and 1 archived prestations');
select is_empty($$ select id from public.prestations where status = 'draft' $$, 'anon reads no draft prestation');
select is((select count(*) from public.structures), 32::bigint, 'anon reads published and archived structures');
select is_empty($$ select id from public.structures where status = 'draft' $$, 'anon reads no draft structure');
select is((select count(*) from public.events), 10::bigint, 'anon reads the 10 published events');
select is((select count(*) from public.booklet_sections), :booklet_public::bigint, 'anon reads the published booklet sections only');
select throws_ok($$ insert into public.prestations (registre, title) values ('ess', 'x') $$, '42501', null,
  'anon cannot insert a prestation');
select throws_ok($$ update public.structures set name = 'x' $$, '42501', null, 'anon cannot update structures');
select throws_ok($$ insert into public.events (kind, title, starts_at) values ('forum', 'x', now()) $$, '42501', null,
  'anon cannot insert an event');
select throws_ok($$ update public.booklet_sections set title = 'x' $$, '42501', null, 'anon cannot update the booklet');
select throws_ok($$ delete from public.prestations $$, '42501', null, 'anon cannot delete prestations');
select throws_ok($$ select * from public.appointments $$, '42501', null, 'anon cannot read appointments at all');

-- ---- allocataire, groupe ressource, outreach, référent: read published, write nothing ----
select tests.act_as('allocataire');
select is((select count(*) from public.prestations), 35::bigint, 'an allocataire reads published prestations, not drafts');
select is((select count(*) from public.booklet_sections), :booklet_public::bigint, 'an allocataire reads the published booklet');
select throws_ok($$ insert into public.prestations (registre, title) values ('ess', 'x') $$, '42501', null,
  'an allocataire cannot insert a prestation');
select is(tests.affected($$ update public.prestations set title = 'x' $$), 0, 'an allocataire updates no prestation');
select is(tests.affected($$ update public.structures set name = 'x' $$), 0, 'an allocataire updates no structure');
select throws_ok($$ delete from public.events $$, '42501', null, 'an allocataire cannot delete events');

select tests.act_as('groupe');
select is((select count(*) from public.prestations), 35::bigint, 'the groupe ressource reads published prestations');
select is((select count(*) from public.booklet_sections), (:booklet_public + :booklet_in_review)::bigint,
  'the groupe ressource also reads sections in review (co-writing), not drafts');
select throws_ok($$ insert into public.booklet_sections (slug, title) values ('x', 'x') $$, '42501', null,
  'the groupe ressource cannot write booklet sections');
select is(tests.affected($$ update public.booklet_sections set position = 1 $$), 0,
  'the groupe ressource updates no booklet section');

select tests.act_as('outreach');
select is((select count(*) from public.structures), 32::bigint, 'outreach reads published structures');
select throws_ok($$ insert into public.structures (kind, name) values ('EI', 'x') $$, '42501', null,
  'outreach cannot insert a structure');
select is(tests.affected($$ update public.events set title = 'x' $$), 0, 'outreach updates no event');

select tests.act_as('referent');
select is((select count(*) from public.events), 10::bigint, 'a référent reads published events only');
select throws_ok($$ insert into public.events (kind, title, starts_at) values ('forum', 'x', now()) $$, '42501', null,
  'a référent cannot insert an event');
select is(tests.affected($$ update public.prestations set status = 'archived' $$), 0, 'a référent updates no prestation');
select is(tests.affected($$ update public.booklet_sections set title = 'x' $$), 0, 'a référent updates no booklet section');

-- ---- coordinator: drafts and writes ----
select tests.act_as('coordinator');
select is((select count(*) from public.prestations), 36::bigint, 'a coordinator reads drafts too');
select is((select count(*) from public.booklet_sections), :booklet_all::bigint, 'a coordinator reads every booklet revision');
select is((select count(*) from public.events), 11::bigint, 'a coordinator reads draft events');
select lives_ok($$ insert into public.prestations (id, registre, title, status)
                  values ('b0000000-0000-4000-8000-0000000000c1', 'formation', 'Nouvelle prestation', 'draft') $$,
  'a coordinator creates a prestation');
select is((select published_at from public.prestations where id = 'b0000000-0000-4000-8000-0000000000c1'), null,
  'a draft has no publication date');
select is(tests.affected($$ update public.prestations set status = 'published'
                              where id = 'b0000000-0000-4000-8000-0000000000c1' $$), 1,
  'a coordinator publishes it');
select isnt((select published_at from public.prestations where id = 'b0000000-0000-4000-8000-0000000000c1'), null,
  'publishing stamps published_at');
select throws_ok($$ update public.prestations set status = 'draft' where id = 'b0000000-0000-4000-8000-0000000000c1' $$,
  '22023', null, 'published content does not go back to draft');
select lives_ok($$ insert into public.structures (kind, name, arrondissement, postcode, status)
                  values ('EI', 'Espace insertion test', 15, '75015', 'published') $$,
  'a coordinator creates a structure');
select lives_ok($$ update public.events set seats = 50 where id = 'e0000000-0000-4000-8000-000000000006' $$,
  'a coordinator updates an event');
select throws_ok($$ insert into public.structures (kind, name, arrondissement) values ('EI', 'x', 21) $$,
  '23514', null, 'arrondissements are 1 to 20');
select throws_ok($$ insert into public.prestations (registre, title) values ('autre', 'x') $$,
  '23514', null, 'a prestation belongs to one of the six registres');
select throws_ok($$ insert into public.structures (kind, name, opening_hours) values ('EI', 'x', '{"lundi":[]}') $$,
  '23514', null, 'opening hours are keyed by weekday');
select throws_ok($$ delete from public.prestations where id = 'b0000000-0000-4000-8000-0000000000c1' $$, '42501', null,
  'content is archived or soft-deleted, never hard-deleted through the API');

-- Booklet versions
select throws_ok($$ update public.booklet_sections set body = 'modifié' where id = 'b00c0000-0000-4000-8000-000000000001' $$,
  '22023', null, 'published booklet text is frozen');
select lives_ok($$ update public.booklet_sections set status = 'published' where id = 'b00c0000-0000-4000-8000-0000000000d1' $$,
  'a coordinator publishes revision 2 of a section');
select is((select status from public.booklet_sections where id = 'b00c0000-0000-4000-8000-000000000001'), 'archived',
  'publishing revision 2 archives revision 1');
select is((select count(*) from public.booklet_sections where slug = 'bienvenue' and status = 'published'), 1::bigint,
  'exactly one revision of a section is published');
select is((select edited_by from public.booklet_sections where id = 'b00c0000-0000-4000-8000-0000000000d1'),
  tests.uid('coordinator'), 'the editor is recorded');
select throws_ok($$ insert into public.booklet_sections (slug, variant, title, revision) values ('bienvenue', 'easy', 'Doublon', 2) $$,
  '23505', null, 'a revision number is unique per section, language and variant');

select tests.act_as('anon');
select is((select title from public.booklet_sections where slug = 'bienvenue' and status = 'published'),
  'Bienvenue (brouillon)', 'anon now reads revision 2');
select is_empty($$ select id from public.booklet_sections where status in ('draft', 'in_review') $$,
  'anon never reads drafts or texts in review');
select is((select count(*) from public.prestations where id = 'b0000000-0000-4000-8000-0000000000c1'), 1::bigint,
  'anon reads the newly published prestation');

select tests.act_as('postgres');
select * from finish();
rollback;
