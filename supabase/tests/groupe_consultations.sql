-- The groupe ressource's consultations (Actions 34, 40): coordinators prepare, open, close
-- and publish them through sync mutations; members answer privately; nobody reads another
-- member's answers before closing, and coordinators read them only under pseudonyms.
begin;
\ir helpers/setup.psql
select plan(69);

-- Two more groupe members (the seed has one), and the ids nobody may leak.
create temporary table members on commit drop as
  select 'groupe2'::text as name, tests.new_user('membre2@example.org') as id
  union all select 'groupe3', tests.new_user('membre3@example.org');
grant select on members to public;
update public.profiles set roles = '{allocataire,groupe_ressource}' where id in (select id from members);
create function pg_temp.member(name text) returns text language sql stable as
  $$ select id::text from pg_temp.members m where m.name = member.name $$;
grant execute on function pg_temp.member(text) to public;

-- ---- definitions: bad ones are refused with a sentence that says what is wrong ----
select tests.act_as('coordinator');
select results_eq(
  $$ select r ->> 'status', r ->> 'reason', r ->> 'field', r ->> 'message'
       from tests.push('consultation.upsert', '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"Vide","definition":{"questions":[]}}') r $$,
  $$ values ('rejected', 'validation', 'definition', 'Un questionnaire compte au moins une question.') $$,
  'a survey without questions is refused, naming the definition');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"x","definition":{"questions":[{"key":"canal","type":"single","label":"Par où ?","options":["Courrier"]}]}}') ->> 'message',
  'Question 1 : proposez de 2 à 12 réponses.', 'a choice question needs at least two options');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"x","definition":{"questions":[{"key":"a","type":"text","label":"A"},{"key":"a","type":"text","label":"B"}]}}') ->> 'message',
  'Question 2 : l''identifiant « a » est déjà utilisé.', 'question keys are unique');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"x","definition":{"questions":[{"key":"note","type":"scale","label":"N","min":5,"max":2}]}}') ->> 'message',
  'Question 1 : l''identifiant « note » est réservé.', 'reserved answer keys cannot be questions');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"x","definition":{"questions":[{"key":"duree","type":"scale","label":"N","min":5,"max":2}]}}') ->> 'message',
  'Question 1 : l''échelle va d''un entier à un entier plus grand, entre 0 et 10.', 'a scale goes upwards');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"survey","title":"x","definition":{"questions":[{"key":"duree","type":"dropdown","label":"N"}]}}') ->> 'message',
  'Question 1 : le type doit être choix unique, choix multiple, échelle ou texte libre.', 'question types are a closed list');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"prestation_evaluation","title":"x","definition":{"questions":[{"key":"pertinence","type":"scale"}]}}') ->> 'message',
  'Une évaluation de prestation comporte les six critères de l''Action 40.', 'an evaluation has the six criteria');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"document_review","title":"x","definition":{}}') ->> 'message',
  'Une relecture porte sur une section du livret ou sur un texte à coller.', 'a review has something to read');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b1","kind":"meeting","title":"x","definition":{"meeting":{"starts_at":"2027-03-02 14:00","place":"Salle"}}}') ->> 'message',
  'La réunion doit avoir une date et une heure de début.', 'a meeting time carries its offset');
select is((select count(*)::int from public.consultations where id = 'c8000000-0000-4000-8000-0000000000b1'), 0,
  'nothing refused was written');

-- ---- who prepares consultations ----
select tests.act_as('groupe');
select is(tests.push('consultation.upsert',
  '{"id":"c8000000-0000-4000-8000-0000000000b2","kind":"survey","title":"x","definition":{"questions":[{"key":"a","type":"text","label":"A"}]}}') ->> 'reason',
  'forbidden', 'a groupe member does not prepare consultations');
select is(tests.push('consultation.set_status', '{"id":"c0000000-0000-4000-8000-000000000001","status":"closed"}') ->> 'reason',
  'forbidden', 'a groupe member does not close consultations');
select is(tests.push('consultation.publish', '{"id":"c0000000-0000-4000-8000-000000000001","outcome":"x"}') ->> 'reason',
  'forbidden', 'a groupe member does not publish outcomes');
select tests.act_as('allocataire');
select is(tests.push('consultation.set_status', '{"id":"c0000000-0000-4000-8000-000000000001","status":"closed"}') ->> 'reason',
  'forbidden', 'an allocataire does not close consultations');
select tests.act_as('referent');
select is(tests.push('consultation.publish', '{"id":"c0000000-0000-4000-8000-000000000001","outcome":"x"}') ->> 'reason',
  'forbidden', 'a référent does not publish outcomes');

-- ---- a document review, from draft to outcome ----
select tests.act_as('coordinator');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000001","kind":"document_review",
  "title":"Relire la lettre de convocation","body":"Dites-nous ce qui n'est pas clair.",
  "definition":{"document":{"title":"Convocation","text":"Madame, Monsieur,\nVous êtes convoqué(e) le 12 mars à 9 h 30."},
                "questions":[{"key":"clarte","type":"scale","label":"La lettre est-elle claire ?"}]}}$j$) ->> 'status',
  'applied', 'a coordinator prepares a document review');
select results_eq(
  $$ select status, created_by from public.consultations where id = 'c8000000-0000-4000-8000-000000000001' $$,
  $$ values ('draft'::text, tests.uid('coordinator')) $$,
  'it starts as a draft, signed by its coordinator');
select tests.act_as('groupe');
select is_empty($$ select id from public.consultations where id = 'c8000000-0000-4000-8000-000000000001' $$,
  'the groupe does not see drafts');
select is(tests.push('evaluation.upsert',
  '{"id":"ea800000-0000-4000-8000-000000000001","consultation_id":"c8000000-0000-4000-8000-000000000001","answers":{},"submitted":false}') ->> 'reason',
  'not_found', 'nobody answers a draft');

select tests.act_as('coordinator');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000001","status":"open","closes_at":"2000-01-01T00:00:00Z"}') ->> 'field',
  'closes_at', 'a closing date in the past is refused');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000001","status":"open"}') ->> 'status',
  'applied', 'the coordinator opens it');
select results_eq(
  $$ select status, opens_at is not null from public.consultations where id = 'c8000000-0000-4000-8000-000000000001' $$,
  $$ values ('open'::text, true) $$, 'opening stamps the opening date');

-- Members answer, each on their own.
select tests.act_as('groupe');
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000001","consultation_id":"c8000000-0000-4000-8000-000000000001",
  "answers":{"clarte":2,"approve":false,"passage_1_quote":"Vous êtes convoqué(e)","passage_1_comment":"Convoqué fait peur.","passage_1_wording":"Nous vous invitons"},"submitted":false}$j$) ->> 'status',
  'applied', 'a member saves a draft comment on a passage');
select tests.act_as(pg_temp.member('groupe2'));
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000002","consultation_id":"c8000000-0000-4000-8000-000000000001",
  "answers":{"clarte":4,"approve":true},"submitted":true}$j$) ->> 'status', 'applied', 'another member submits');
select is_empty($$ select id from public.evaluations where author_id <> auth.uid() $$,
  'a member reads no other member''s evaluation');
select throws_ok($$ select * from public.consultation_evaluations('c8000000-0000-4000-8000-000000000001') $$, '42501', null,
  'a member cannot list the evaluations');
select throws_ok($$ select public.consultation_submission_counts() $$, '42501', null,
  '... nor count them');
select throws_ok($$ select public.consultation_results('c8000000-0000-4000-8000-000000000001') $$, '42501', null,
  'a member cannot read results while the consultation is open');
select is_empty(
  $$ select 1 where public.sync_pull()::jsonb::text like '%' || tests.uid('groupe')::text || '%' $$,
  'a member''s pull carries nothing of another member');

-- Coordinators: pseudonyms, submitted answers only.
select tests.act_as('coordinator');
select results_eq(
  $$ select member, answers from public.consultation_evaluations('c8000000-0000-4000-8000-000000000001') $$,
  $$ values (1, '{"clarte":4,"approve":true}'::jsonb) $$,
  'a coordinator reads submitted evaluations only, numbered, not drafts');
select is_empty($$ select id from public.evaluations $$,
  '... never the evaluations themselves, which carry their authors');
select is(public.sync_reconcile(array['evaluations']) -> 'evaluations', '[]'::jsonb,
  '... so their device holds none');
select is(public.consultation_submission_counts() -> 'c8000000-0000-4000-8000-000000000001', '1'::jsonb,
  'the back office counts submitted evaluations, drafts aside');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000001","kind":"document_review",
  "title":"Relire la lettre","definition":{"document":{"text":"Autre texte"}}}$j$) ->> 'reason',
  'conflict', 'once members answered, the questions are frozen');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000001","kind":"document_review",
  "title":"Relire la lettre de convocation (version 2)","body":"Dites-nous ce qui n'est pas clair.",
  "definition":{"document":{"title":"Convocation","text":"Madame, Monsieur,\nVous êtes convoqué(e) le 12 mars à 9 h 30."},
                "questions":[{"key":"clarte","type":"scale","label":"La lettre est-elle claire ?"}]}}$j$) ->> 'status',
  'applied', 'the title of an open consultation can still be corrected');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000001","kind":"survey",
  "title":"x","definition":{"questions":[{"key":"a","type":"text","label":"A"}]}}$j$) ->> 'field',
  'kind', 'the kind of an open consultation does not change');

-- The first member submits later, then the consultation closes.
select tests.act_as('groupe');
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000001","consultation_id":"c8000000-0000-4000-8000-000000000001",
  "answers":{"clarte":2,"approve":false,"passage_1_quote":"Vous êtes convoqué(e)","passage_1_comment":"Convoqué fait peur.","passage_1_wording":"Nous vous invitons"},"submitted":true}$j$) ->> 'status',
  'applied', 'the member submits before closing');
select tests.act_as('coordinator');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000001","status":"closed"}') ->> 'status',
  'applied', 'the coordinator closes it');
select ok((select closes_at <= now() from public.consultations where id = 'c8000000-0000-4000-8000-000000000001'),
  'closing stamps the real closing time');
select tests.act_as('groupe');
select is(tests.push('evaluation.upsert',
  '{"id":"ea800000-0000-4000-8000-000000000001","consultation_id":"c8000000-0000-4000-8000-000000000001","answers":{"clarte":1},"submitted":true}') ->> 'reason',
  'forbidden', 'no change after closing');
select is_empty($$ select id from public.evaluations where author_id <> auth.uid() $$,
  'after closing, members still read only their own evaluation');
select throws_ok($$ select public.consultation_results('c8000000-0000-4000-8000-000000000001') $$, '42501', null,
  'members read results only once the outcome is published');

select tests.act_as('coordinator');
select is_empty(
  $$ select e.member from public.consultation_evaluations('c8000000-0000-4000-8000-000000000001') e
      cross join (values (tests.uid('groupe')), ((select id from pg_temp.members where name = 'groupe2'))) a(id)
      where to_jsonb(e)::text like '%' || a.id::text || '%' $$,
  'pseudonymous evaluations carry no author id');
select is((select array_agg(member order by member) from public.consultation_evaluations('c8000000-0000-4000-8000-000000000001')),
  array[1, 2], 'each submitted evaluation gets its own member number');
select is(public.consultation_results('c8000000-0000-4000-8000-000000000001'),
  '{"respondents":2,"hidden":false,"counts":{"clarte":{"2":1,"4":1},"approve":{"true":1,"false":1}}}'::jsonb,
  'coordinators read counts per question; free text is never counted');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000001","kind":"document_review",
  "title":"x","definition":{"document":{"text":"x"}}}$j$) ->> 'reason', 'conflict', 'a closed consultation is not edited');

select is(tests.push('consultation.publish', $j${"id":"c8000000-0000-4000-8000-000000000001",
  "outcome":"La lettre dit désormais « Nous vous invitons » au lieu de « Vous êtes convoqué(e) ».",
  "outcome_section_id":"b0c1e700-0001-4000-8000-000000000001"}$j$) ->> 'status',
  'applied', 'the coordinator publishes what came of it');
select results_eq(
  $$ select status, outcome_section_id, outcome_at is not null from public.consultations
      where id = 'c8000000-0000-4000-8000-000000000001' $$,
  $$ values ('published'::text, 'b0c1e700-0001-4000-8000-000000000001'::uuid, true) $$,
  'the outcome is published with the new version it points to');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000001","status":"open"}') ->> 'reason',
  'conflict', 'a published consultation is not reopened');
select throws_ok($$ update public.consultations set status = 'draft' where id = 'c8000000-0000-4000-8000-000000000001' $$,
  '22023', null, 'nor does it go back to draft');
select is(tests.push('consultation.publish', '{"id":"c0000000-0000-4000-8000-000000000002","outcome":"x"}') ->> 'field',
  'status', 'a draft has no outcome');

select tests.act_as('groupe');
select is((select outcome from public.consultations where id = 'c8000000-0000-4000-8000-000000000001'),
  'La lettre dit désormais « Nous vous invitons » au lieu de « Vous êtes convoqué(e) ».',
  'members read the outcome');
select is(public.consultation_results('c8000000-0000-4000-8000-000000000001'),
  '{"respondents":2,"hidden":true,"counts":{}}'::jsonb,
  'with fewer than 3 respondents, members get no counts (they would tell who said what)');

-- ---- a prestation evaluation with three members: counts per criterion ----
select tests.act_as('coordinator');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000002","kind":"prestation_evaluation",
  "title":"Les ateliers numériques","subject_id":"b0000000-0000-4000-8000-000000000006",
  "definition":{"questions":[{"key":"pertinence","type":"scale"},{"key":"coherence","type":"scale"},{"key":"effectivite","type":"scale"},
    {"key":"efficacite","type":"scale"},{"key":"efficience","type":"scale"},{"key":"impact","type":"scale"},
    {"key":"format","type":"multiple","label":"Ce qui vous a aidé","options":["Petits groupes","Horaires","Formateur"]}]}}$j$) ->> 'status',
  'applied', 'a coordinator prepares an Action 40 evaluation of a prestation');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000002","status":"open"}') ->> 'status',
  'applied', 'and opens it');
select tests.act_as('groupe');
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000011","consultation_id":"c8000000-0000-4000-8000-000000000002",
  "answers":{"pertinence":4,"impact":3,"format":["Petits groupes","Horaires"],"comment":"Très utile."},"submitted":true}$j$) ->> 'status', 'applied', 'member 1 evaluates');
select tests.act_as(pg_temp.member('groupe2'));
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000012","consultation_id":"c8000000-0000-4000-8000-000000000002",
  "answers":{"pertinence":3,"impact":3,"format":["Horaires"]},"submitted":true}$j$) ->> 'status', 'applied', 'member 2 evaluates');
select tests.act_as(pg_temp.member('groupe3'));
select is(tests.push('evaluation.upsert', $j${"id":"ea800000-0000-4000-8000-000000000013","consultation_id":"c8000000-0000-4000-8000-000000000002",
  "answers":{"pertinence":4,"impact":null},"submitted":true}$j$) ->> 'status', 'applied', 'member 3 evaluates, without an opinion on impact');
select tests.act_as('coordinator');
select is(tests.push('consultation.publish', '{"id":"c8000000-0000-4000-8000-000000000002","outcome":"Les ateliers passent à 3 heures."}') ->> 'status',
  'applied', 'publishing an open consultation closes it too');
select tests.act_as('groupe');
select is(public.consultation_results('c8000000-0000-4000-8000-000000000002'),
  '{"respondents":3,"hidden":false,"counts":{"pertinence":{"3":1,"4":2},"impact":{"3":2},"format":{"Horaires":2,"Petits groupes":1}}}'::jsonb,
  'once published, members read the counts per criterion and choice');
select is(tests.push('evaluation.upsert',
  '{"id":"ea800000-0000-4000-8000-000000000011","consultation_id":"c8000000-0000-4000-8000-000000000002","answers":{},"submitted":true}') ->> 'reason',
  'forbidden', 'a published consultation takes no more answers');

-- ---- a meeting: "je viens / je ne peux pas" ----
select tests.act_as('coordinator');
select is(tests.push('consultation.upsert', $j${"id":"c8000000-0000-4000-8000-000000000003","kind":"meeting","title":"Réunion de mars",
  "definition":{"meeting":{"starts_at":"2027-03-02T14:00:00+01:00","place":"Bureau du RSA, 94-96 quai de la Rapée","agenda":["Livret","Courriers"]}}}$j$) ->> 'status',
  'applied', 'a coordinator announces a meeting');
select is(tests.push('consultation.set_status', '{"id":"c8000000-0000-4000-8000-000000000003","status":"open"}') ->> 'status',
  'applied', 'and opens the answers');
select tests.act_as('groupe');
select is(tests.push('meeting.respond', '{"id":"ea800000-0000-4000-8000-000000000021","consultation_id":"c8000000-0000-4000-8000-000000000003","attending":true}') ->> 'status',
  'applied', 'a member says they will come');
select is(tests.push('meeting.respond', '{"id":"ea800000-0000-4000-8000-000000000021","consultation_id":"c8000000-0000-4000-8000-000000000003","attending":false,"note":"Rendez-vous médical."}') ->> 'status',
  'applied', 'and changes their mind');
select results_eq(
  $$ select answers, submitted_at is not null from public.evaluations where id = 'ea800000-0000-4000-8000-000000000021' $$,
  $$ values ('{"attending":false,"note":"Rendez-vous médical."}'::jsonb, true) $$,
  'the answer is kept, submitted');
select is(tests.push('meeting.respond', '{"id":"ea800000-0000-4000-8000-000000000022","consultation_id":"c8000000-0000-4000-8000-000000000001","attending":true}') ->> 'reason',
  'not_found', 'meeting.respond is for meetings only');
select tests.act_as('allocataire');
select is(tests.push('meeting.respond', '{"id":"ea800000-0000-4000-8000-000000000023","consultation_id":"c8000000-0000-4000-8000-000000000003","attending":true}') ->> 'reason',
  'not_found', 'an allocataire outside the groupe does not see the meeting');

-- ---- the API roles ----
select tests.act_as('anon');
select throws_ok($$ select public.consultation_results('c8000000-0000-4000-8000-000000000002') $$, '42501', null,
  'anon cannot read results');

select tests.act_as('postgres');
select * from finish();
rollback;
