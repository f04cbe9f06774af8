-- Booklet editing (booklet_section.save, booklet_section.set_status): revisions that never
-- overwrite published text, draft -> in review (with a groupe ressource review in one
-- step) -> published, translations that record the French revision they follow.
begin;
\ir helpers/setup.psql
select plan(34);

select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.m_booklet_section_save(jsonb,bigint)'::regprocedure,
       'public.m_booklet_section_set_status(jsonb,bigint)'::regprocedure)),
  'booklet handlers: no anon execute, security invoker, empty search_path');
select ok(not has_function_privilege('authenticated', 'public.booklet_sections_audit()', 'execute'),
  'the publication audit trigger is not callable');

-- ---- only coordinators ----
select tests.act_as('groupe');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","slug":"rsa","locale":"fr","variant":"easy","title":"Le RSA","body":"Texte","position":1}') ->> 'reason',
  'forbidden', 'the groupe ressource reviews the booklet, it does not edit it');
select tests.act_as('referent');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-000000000001","status":"archived"}') ->> 'reason',
  'forbidden', 'a référent cannot withdraw a section');

-- ---- a new revision of published text ----
select tests.act_as('coordinator');
select is(tests.push('booklet_section.save', $j${"id":"b0c1e700-0001-4000-8000-0000000000a1","slug":"rsa","locale":"fr","variant":"easy",
  "title":"Le RSA, c'est quoi ?","body":"Le RSA est une aide.\n\nNouvelle phrase.","position":1}$j$) ->> 'status',
  'applied', 'a coordinator starts a new revision of a published section');
select tests.act_as('postgres');
select results_eq(
  $$ select revision, status, edited_by::text, source_revision from public.booklet_sections where id = 'b0c1e700-0001-4000-8000-0000000000a1' $$,
  $$ values (2, 'draft', 'de000000-0000-4000-8000-000000000005', null::int) $$,
  'it is revision 2, a draft, edited by the coordinator');
select is((select status from public.booklet_sections where id = 'b0c1e700-0001-4000-8000-000000000001'), 'published',
  'revision 1 stays published meanwhile');

select tests.act_as('coordinator');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0001-4000-8000-0000000000a2","slug":"rsa","locale":"fr","variant":"easy","title":"Autre","body":"","position":1}') ->> 'reason',
  'conflict', 'one open draft per section at a time');
select is(tests.push('booklet_section.save', $j${"id":"b0c1e700-0001-4000-8000-0000000000a1","slug":"rsa","locale":"fr","variant":"easy",
  "title":"Le RSA, c'est quoi ?","body":"Le RSA est une aide.\n\nPhrase corrigée.","position":1}$j$) ->> 'status',
  'applied', 'the draft is edited in place');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","slug":"rsa","locale":"en","variant":"easy","title":"x","body":"","position":1}') ->> 'field',
  'slug', 'a revision does not move to another language');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0001-4000-8000-000000000002","slug":"rsa","locale":"fr","variant":"full","title":"Changé","body":"Changé","position":1}') ->> 'reason',
  'validation', 'published text is never edited in place');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0009-4000-8000-000000000001","slug":"Mon Slug","locale":"fr","variant":"full","title":"x","body":"","position":9}') ->> 'field',
  'slug', 'a slug is lowercase words joined by dashes');
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0009-4000-8000-000000000001","slug":"sante","locale":"fr","variant":"full","title":"","body":"","position":9}') ->> 'field',
  'title', 'a title is required');

-- ---- review by the groupe ressource ----
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","status":"published","open_consultation":true}') ->> 'field',
  'open_consultation', 'a review opens only when sending to review');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","status":"in_review","open_consultation":true}') ->> 'status',
  'applied', 'sent to review, opening a groupe ressource review in the same step');
select tests.act_as('postgres');
select results_eq(
  $$ select kind, status, created_by::text, closes_at > now(), jsonb_array_length(definition -> 'questions')
       from public.consultations where subject_id = 'b0c1e700-0001-4000-8000-0000000000a1' $$,
  $$ values ('document_review', 'open', 'de000000-0000-4000-8000-000000000005', true, 2) $$,
  'an open document-review consultation about this revision');
select is(sync_private.definition_error('document_review',
            (select definition from public.consultations where subject_id = 'b0c1e700-0001-4000-8000-0000000000a1'), true),
  null, 'its questions pass the same checks as a consultation written by hand');
select tests.act_as('groupe');
select is((select body from public.booklet_sections where id = 'b0c1e700-0001-4000-8000-0000000000a1'),
  E'Le RSA est une aide.\n\nPhrase corrigée.', 'the groupe reads the text under review');
select is((select count(*)::int from public.consultations where subject_id = 'b0c1e700-0001-4000-8000-0000000000a1'), 1,
  'and sees the consultation about it');
select tests.act_as('allocataire');
select is((select count(*)::int from public.booklet_sections where id = 'b0c1e700-0001-4000-8000-0000000000a1'), 0,
  'an allocataire does not see text in review');

-- ---- publishing ----
select tests.act_as('coordinator');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","status":"published"}') ->> 'status',
  'applied', 'a coordinator publishes the reviewed revision');
select tests.act_as('postgres');
select results_eq(
  $$ select revision, status from public.booklet_sections where slug = 'rsa' and locale = 'fr' and variant = 'easy' order by revision $$,
  $$ values (1, 'archived'), (2, 'published') $$,
  'publishing archives the revision it replaces');
select results_eq(
  $$ select actor_id::text, details ->> 'slug', (details ->> 'revision')::int from public.audit_log
      where action = 'booklet.published' and target_id = 'b0c1e700-0001-4000-8000-0000000000a1' $$,
  $$ values ('de000000-0000-4000-8000-000000000005', 'rsa', 2) $$,
  'the publication is in the audit log');
select tests.act_as('coordinator');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","status":"published"}') ->> 'status',
  'applied', 'publishing again (a replay from another device) is harmless');
select tests.act_as('postgres');
select is((select count(*)::int from public.audit_log where action = 'booklet.published'
            and target_id = 'b0c1e700-0001-4000-8000-0000000000a1'), 1, 'and is not audited twice');
select tests.act_as('coordinator');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0001-4000-8000-0000000000a1","status":"draft"}') ->> 'field',
  'status', 'published text does not go back to draft');

-- An empty draft is not published.
select is(tests.push('booklet_section.save', '{"id":"b0c1e700-0009-4000-8000-000000000002","slug":"sante","locale":"fr","variant":"full","title":"Santé","body":"","position":9}') ->> 'status',
  'applied', 'a new section starts as an empty draft');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0009-4000-8000-000000000002","status":"published"}') ->> 'field',
  'status', 'an empty text is not published');

-- ---- translations ----
select is(tests.push('booklet_section.save', $j${"id":"b0c1e700-0001-4000-8000-0000000000e1","slug":"rsa","locale":"en","variant":"easy",
  "title":"What is the RSA?","body":"The RSA is an allowance.","position":1,"source_revision":2}$j$) ->> 'status',
  'applied', 'a translation records the French revision it follows');
select tests.act_as('postgres');
select results_eq($$ select revision, source_revision from public.booklet_sections where id = 'b0c1e700-0001-4000-8000-0000000000e1' $$,
  $$ values (2, 2) $$, 'English revision 2 follows French revision 2');
select tests.act_as('coordinator');
select is(tests.push('booklet_section.save', $j${"id":"b0c1e700-0001-4000-8000-0000000000e1","slug":"rsa","locale":"en","variant":"easy",
  "title":"What is the RSA?","body":"x","position":1,"source_revision":9}$j$) ->> 'field',
  'source_revision', 'a translation cannot follow a French revision that does not exist');
select is(tests.push('booklet_section.save', $j${"id":"b0c1e700-0009-4000-8000-000000000002","slug":"sante","locale":"fr","variant":"full",
  "title":"Santé","body":"Le bilan de santé est gratuit.","position":9,"source_revision":1}$j$) ->> 'status',
  'applied', 'French text follows nothing');
select tests.act_as('postgres');
select is((select source_revision from public.booklet_sections where id = 'b0c1e700-0009-4000-8000-000000000002'), null,
  'the source revision of French text stays empty');

-- ---- withdrawing ----
select tests.act_as('coordinator');
select is(tests.push('booklet_section.set_status', '{"id":"b0c1e700-0007-4000-8000-000000000004","status":"archived"}') ->> 'status',
  'applied', 'a coordinator withdraws a published translation');

select * from finish();
rollback;
