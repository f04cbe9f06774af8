-- Repères: demo data for local use and tests (Paris, French).
--
-- Applied once after the migrations. Every insert is `on conflict do nothing` with fixed
-- ids, so running it twice changes nothing. Addresses, phone numbers and people are
-- illustrative; the programme facts come from the PDIE 2011-2014 action sheets.
--
-- Demo accounts (password "demo-password"; allocataires may also sign in by OTP):
--   allocataire@demo.reperes.paris   allocataire, followed at the Espace insertion 18e
--   allocataire2@demo.reperes.paris  allocataire, followed by the CAPI 20e
--   groupe@demo.reperes.paris        allocataire + groupe ressource
--   referent@demo.reperes.paris      référent, Espace insertion 18e
--   referent2@demo.reperes.paris     référent, PLIE Paris nord-est
--   coordinator@demo.reperes.paris   coordinator (Bureau du RSA)
--   outreach@demo.reperes.paris      outreach, EDL Goutte d'Or
--   outreach2@demo.reperes.paris     outreach, PLIE repérage 19e

-- ---------------------------------------------------------------------------
-- Teams
-- ---------------------------------------------------------------------------

insert into public.teams (id, kind, name, quartiers, arrondissements) values
  ('7ea00000-0000-4000-8000-000000000001', 'EDL', 'Équipe de développement local Goutte d''Or',
   '{"Goutte d''Or","La Chapelle","Porte de la Chapelle"}', '{18}'),
  ('7ea00000-0000-4000-8000-000000000002', 'PLIE', 'PLIE Paris nord-est — repérage 19e',
   '{"Flandre","Stalingrad-Riquet","Danube-Solidarité","Michelet","Belleville"}', '{19}')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Structures
-- ---------------------------------------------------------------------------

insert into public.structures (id, kind, name, summary, address, postcode, arrondissement, opening_hours,
                               phone, email, website, accessibility, last_checked_at, status) values
  ('5e000000-0000-4000-8000-000000000001', 'EI', 'Espace insertion Paris 18e',
   'Accueil, diagnostic et accompagnement des allocataires du RSA du 18e arrondissement. Bilan de santé gratuit proposé au premier rendez-vous.',
   '4 rue Affre', '75018', 18,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"wed":[["09:00","12:30"]],"thu":[["09:00","12:30"],["13:30","17:00"]],"fri":[["09:00","12:30"],["13:30","16:30"]]}',
   '01 53 09 00 18', 'ei18@demo.reperes.paris', null, 'Entrée de plain-pied, boucle magnétique à l''accueil.', '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000002', 'EI', 'Espace insertion Paris 19e',
   'Accompagnement social et professionnel des allocataires du RSA du 19e.',
   '21 rue de Tanger', '75019', 19,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["13:30","17:00"]],"wed":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]],"fri":[["09:00","12:30"]]}',
   '01 53 09 00 19', 'ei19@demo.reperes.paris', null, 'Ascenseur.', '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000003', 'EI', 'Espace insertion Paris 20e',
   'Accompagnement des allocataires du RSA du 20e arrondissement.',
   '13 rue des Envierges', '75020', 20,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]],"fri":[["09:00","12:30"],["13:30","16:30"]]}',
   '01 53 09 00 20', 'ei20@demo.reperes.paris', null, null, '2026-09-15', 'published'),
  ('5e000000-0000-4000-8000-000000000004', 'EI', 'Espace insertion Paris 13e',
   'Accompagnement des allocataires du RSA du 13e arrondissement.',
   '17 rue du Chevaleret', '75013', 13,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"wed":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]],"fri":[["09:00","12:30"]]}',
   '01 53 09 00 13', 'ei13@demo.reperes.paris', null, 'Ascenseur, toilettes accessibles.', '2026-09-15', 'published'),
  ('5e000000-0000-4000-8000-000000000005', 'EI', 'Espace insertion Paris 10e-11e',
   'Accompagnement des allocataires du RSA des 10e et 11e arrondissements.',
   '45 rue de Lancry', '75010', 10,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"wed":[["09:00","12:30"]],"thu":[["13:30","17:00"]],"fri":[["09:00","12:30"],["13:30","16:30"]]}',
   '01 53 09 00 10', 'ei10@demo.reperes.paris', null, null, '2026-09-15', 'published'),
  ('5e000000-0000-4000-8000-000000000006', 'CAPI', 'CAPI Paris 20e',
   'Cellule d''appui pour l''insertion : accompagnement des allocataires proches de l''emploi, ateliers collectifs.',
   '62 rue de Bagnolet', '75020', 20,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"wed":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]]}',
   '01 53 09 10 20', 'capi20@demo.reperes.paris', null, null, '2026-09-20', 'published'),
  ('5e000000-0000-4000-8000-000000000007', 'CAPI', 'CAPI Paris 12e',
   'Cellule d''appui pour l''insertion du 12e arrondissement ; ateliers pour les allocataires proches de la retraite.',
   '8 rue Pierre Bourdan', '75012', 12,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]],"fri":[["09:00","12:30"]]}',
   '01 53 09 10 12', 'capi12@demo.reperes.paris', null, null, '2026-09-20', 'published'),
  ('5e000000-0000-4000-8000-000000000008', 'SSDP', 'Service social départemental polyvalent 18e',
   'Service social de secteur : accès aux droits, accompagnement social, aides.',
   '115 rue Ordener', '75018', 18,
   '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","16:30"]]}',
   '01 53 09 20 18', 'ssdp18@demo.reperes.paris', null, null, '2026-08-30', 'published'),
  ('5e000000-0000-4000-8000-000000000009', 'SSDP', 'Service social départemental polyvalent 19e',
   'Service social de secteur du 19e.',
   '20 rue de Meaux', '75019', 19,
   '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","16:30"]]}',
   '01 53 09 20 19', 'ssdp19@demo.reperes.paris', null, null, '2026-08-30', 'published'),
  ('5e000000-0000-4000-8000-000000000010', 'SSDP', 'Service social départemental polyvalent 13e',
   'Service social de secteur du 13e.',
   '146 boulevard de l''Hôpital', '75013', 13,
   '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","16:30"]]}',
   '01 53 09 20 13', 'ssdp13@demo.reperes.paris', null, null, '2026-08-30', 'published'),
  ('5e000000-0000-4000-8000-000000000011', 'PSA', 'Permanence sociale d''accueil Belleville',
   'Accueil des personnes sans domicile : domiciliation, RSA, accompagnement.',
   '218 rue du Faubourg Saint-Martin', '75010', 10,
   '{"mon":[["08:30","12:30"],["13:30","16:30"]],"tue":[["08:30","12:30"],["13:30","16:30"]],"wed":[["08:30","12:30"]],"thu":[["08:30","12:30"],["13:30","16:30"]],"fri":[["08:30","12:30"],["13:30","16:00"]]}',
   '01 53 09 30 10', 'psa.belleville@demo.reperes.paris', null, 'Accueil sans rendez-vous le matin.', '2026-10-05', 'published'),
  ('5e000000-0000-4000-8000-000000000012', 'PSA', 'Permanence sociale d''accueil Bastille',
   'Accueil des personnes sans domicile de 25 à 59 ans.',
   '54 rue Boulard', '75014', 14,
   '{"mon":[["08:30","12:30"],["13:30","16:30"]],"tue":[["08:30","12:30"],["13:30","16:30"]],"wed":[["08:30","12:30"],["13:30","16:30"]],"thu":[["08:30","12:30"]],"fri":[["08:30","12:30"],["13:30","16:00"]]}',
   '01 53 09 30 14', 'psa.bastille@demo.reperes.paris', null, null, '2026-10-05', 'published'),
  ('5e000000-0000-4000-8000-000000000013', 'MDEE', 'Maison des entreprises et de l''emploi Paris 10e',
   'Information sur les métiers, offres d''emploi, centre de ressources des services à la personne.',
   '209 rue La Fayette', '75010', 10,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 10', 'mdee10@demo.reperes.paris', 'https://www.paris.fr/emploi', null, '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000014', 'MDEE', 'Maison des entreprises et de l''emploi Paris 13e',
   'Sessions de pré-recrutement et ateliers de recherche d''emploi.',
   '52 rue Jeanne d''Arc', '75013', 13,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 13', 'mdee13@demo.reperes.paris', 'https://www.paris.fr/emploi', null, '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000015', 'MDEE', 'Maison des entreprises et de l''emploi Paris 14e',
   'Pôle ressources cadres et jeunes diplômés, informations collectives sur les métiers.',
   '12 rue Guilleminot', '75014', 14,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 14', 'mdee14@demo.reperes.paris', 'https://www.paris.fr/emploi', null, '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000016', 'MDEE', 'Maison des entreprises et de l''emploi Paris 18e',
   'Offres d''emploi du quartier, clauses sociales des chantiers, sessions de pré-recrutement.',
   '164 rue Ordener', '75018', 18,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 18', 'mdee18@demo.reperes.paris', 'https://www.paris.fr/emploi', 'Ascenseur.', '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000017', 'MDEE', 'Maison des entreprises et de l''emploi Paris 19e',
   'Recrutements en nombre, pré-recrutement, relation avec les employeurs du 19e.',
   '2 rue de l''Argonne', '75019', 19,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 19', 'mdee19@demo.reperes.paris', 'https://www.paris.fr/emploi', null, '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000018', 'MDEE', 'Maison des entreprises et de l''emploi Paris 20e',
   'Pôle services à la personne : métiers, formations et recrutements du secteur.',
   '15 rue Ramus', '75020', 20,
   '{"mon":[["09:30","12:30"],["14:00","17:30"]],"tue":[["09:30","12:30"],["14:00","17:30"]],"wed":[["09:30","12:30"],["14:00","17:30"]],"thu":[["09:30","12:30"],["14:00","17:30"]],"fri":[["09:30","12:30"],["14:00","17:00"]]}',
   '01 53 26 00 20', 'mdee20@demo.reperes.paris', 'https://www.paris.fr/emploi', null, '2026-10-10', 'published'),
  ('5e000000-0000-4000-8000-000000000019', 'PLIE', 'PLIE Paris nord-est',
   'Plan local pour l''insertion et l''emploi des 11e, 12e, 18e, 19e et 20e : accompagnement renforcé par un référent de parcours.',
   '60 avenue Jean Jaurès', '75019', 19,
   '{"mon":[["09:00","12:30"],["14:00","17:30"]],"tue":[["09:00","12:30"],["14:00","17:30"]],"wed":[["09:00","12:30"],["14:00","17:30"]],"thu":[["09:00","12:30"],["14:00","17:30"]],"fri":[["09:00","12:30"]]}',
   '01 40 00 19 19', 'plie@demo.reperes.paris', null, null, '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000020', 'MISSION_LOCALE', 'Mission locale de Paris — site Belleville',
   'Accompagnement des jeunes de 16 à 25 ans : emploi, formation, logement, santé.',
   '16 rue Ramponeau', '75020', 20,
   '{"mon":[["09:30","12:30"],["13:30","17:30"]],"tue":[["09:30","12:30"],["13:30","17:30"]],"wed":[["09:30","12:30"],["13:30","17:30"]],"thu":[["13:30","17:30"]],"fri":[["09:30","12:30"],["13:30","17:00"]]}',
   '01 40 00 20 20', 'ml.belleville@demo.reperes.paris', null, null, '2026-09-01', 'published'),
  ('5e000000-0000-4000-8000-000000000021', 'MISSION_LOCALE', 'Mission locale de Paris — site Paris centre',
   'Accompagnement des jeunes de 16 à 25 ans, parrainage vers l''emploi.',
   '22 rue Dussoubs', '75002', 2,
   '{"mon":[["09:30","12:30"],["13:30","17:30"]],"tue":[["09:30","12:30"],["13:30","17:30"]],"wed":[["09:30","12:30"],["13:30","17:30"]],"thu":[["13:30","17:30"]],"fri":[["09:30","12:30"],["13:30","17:00"]]}',
   '01 40 00 02 02', 'ml.centre@demo.reperes.paris', null, null, '2026-09-01', 'published'),
  ('5e000000-0000-4000-8000-000000000022', 'E2C', 'École de la deuxième chance de Paris',
   'Formation en alternance pour les 16-25 ans sortis du système scolaire sans diplôme.',
   '7 rue Alphonse Karr', '75019', 19,
   '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","16:00"]]}',
   '01 40 00 22 22', 'e2c@demo.reperes.paris', null, null, '2026-09-01', 'published'),
  ('5e000000-0000-4000-8000-000000000023', 'POLE_EMPLOI', 'France Travail Paris 18e Ney',
   'Agence France Travail (ex-Pôle emploi) : inscription, offres, accompagnement.',
   '31 boulevard Ney', '75018', 18,
   '{"mon":[["08:30","12:30"]],"tue":[["08:30","12:30"]],"wed":[["08:30","12:30"]],"thu":[["08:30","12:30"]],"fri":[["08:30","12:00"]]}',
   '09 72 72 39 49', null, 'https://www.francetravail.fr', null, '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000024', 'POLE_EMPLOI', 'France Travail Paris 19e Crimée',
   'Agence France Travail (ex-Pôle emploi) du 19e.',
   '142 rue de Crimée', '75019', 19,
   '{"mon":[["08:30","12:30"]],"tue":[["08:30","12:30"]],"wed":[["08:30","12:30"]],"thu":[["08:30","12:30"]],"fri":[["08:30","12:00"]]}',
   '09 72 72 39 49', null, 'https://www.francetravail.fr', null, '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000025', 'POLE_EMPLOI', 'France Travail Paris 20e Belleville',
   'Agence France Travail (ex-Pôle emploi) du 20e.',
   '86 rue de Belleville', '75020', 20,
   '{"mon":[["08:30","12:30"]],"tue":[["08:30","12:30"]],"wed":[["08:30","12:30"]],"thu":[["08:30","12:30"]],"fri":[["08:30","12:00"]]}',
   '09 72 72 39 49', null, 'https://www.francetravail.fr', null, '2026-10-01', 'published'),
  ('5e000000-0000-4000-8000-000000000026', 'ASSOCIATION', 'Emmaüs Défi — Premières heures',
   'Reprise d''activité progressive, quelques heures par semaine, pour des personnes longtemps à la rue.',
   '6 rue Archereau', '75019', 19,
   '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}',
   '01 40 00 26 26', 'premieres-heures@demo.reperes.paris', null, null, '2026-09-10', 'published'),
  ('5e000000-0000-4000-8000-000000000027', 'ASSOCIATION', 'Jardin d''insertion de la Goutte d''Or',
   'Chantier d''insertion de jardinage et d''entretien d''espaces verts.',
   '7 rue Polonceau', '75018', 18,
   '{"mon":[["08:30","16:30"]],"tue":[["08:30","16:30"]],"wed":[["08:30","16:30"]],"thu":[["08:30","16:30"]],"fri":[["08:30","12:30"]]}',
   '01 40 00 27 27', 'jardin.gouttedor@demo.reperes.paris', null, null, '2026-09-10', 'published'),
  ('5e000000-0000-4000-8000-000000000028', 'ASSOCIATION', 'Langues et métiers — passerelles linguistiques',
   'Cours de français à visée professionnelle, en petits groupes, avec garde d''enfants possible.',
   '30 rue Doudeauville', '75018', 18,
   '{"mon":[["09:00","12:00"],["14:00","17:00"]],"tue":[["09:00","12:00"],["14:00","17:00"]],"thu":[["09:00","12:00"],["14:00","17:00"]],"fri":[["09:00","12:00"]]}',
   '01 40 00 28 28', 'passerelles@demo.reperes.paris', null, null, '2026-09-10', 'published'),
  ('5e000000-0000-4000-8000-000000000029', 'ASSOCIATION', 'Créer à Paris — accompagnement des créateurs',
   'Aide au montage de projet, microcrédit et suivi après la création d''activité.',
   '28 rue du Chemin Vert', '75011', 11,
   '{"mon":[["09:30","13:00"],["14:00","18:00"]],"tue":[["09:30","13:00"],["14:00","18:00"]],"wed":[["09:30","13:00"],["14:00","18:00"]],"thu":[["09:30","13:00"],["14:00","18:00"]]}',
   '01 40 00 29 29', 'creer@demo.reperes.paris', null, null, '2026-09-10', 'published'),
  ('5e000000-0000-4000-8000-000000000030', 'ASSOCIATION', 'Parcours d''artistes',
   'Accompagnement des allocataires artistes : projet professionnel, droits, diversification des revenus.',
   '10 rue Saint-Maur', '75011', 11,
   '{"tue":[["10:00","13:00"],["14:00","18:00"]],"wed":[["10:00","13:00"],["14:00","18:00"]],"thu":[["10:00","13:00"],["14:00","18:00"]]}',
   '01 40 00 30 30', 'artistes@demo.reperes.paris', null, null, '2026-09-10', 'published'),
  ('5e000000-0000-4000-8000-000000000031', 'ASSOCIATION', 'Femmes et emploi 19e',
   'Accompagnement des mères isolées : garde d''enfants, projet professionnel, ateliers collectifs.',
   '3 rue de Nantes', '75019', 19,
   '{"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],"thu":[["09:00","12:30"],["13:30","17:00"]]}',
   '01 40 00 31 31', 'femmes19@demo.reperes.paris', null, 'Espace poussettes.', '2026-09-10', 'published')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Prestations: the six registres of the PDIE Annexe II
-- ---------------------------------------------------------------------------

insert into public.prestations (id, registre, title, summary, publics, eligibility, how_to_access, access_mode,
                                operator, structure_id, duration, cost, arrondissements, source_ref,
                                last_checked_at, status) values
  -- Aide à la formation
  ('b0000000-0000-4000-8000-000000000001', 'formation', 'Passerelles linguistiques',
   'Apprendre le français utile au travail : se présenter, comprendre une consigne, remplir un document.',
   '{rsa}', 'Allocataires du RSA dont le français freine la recherche d''emploi.',
   'Votre référent vous inscrit à une session.', 'referent', 'Langues et métiers',
   '5e000000-0000-4000-8000-000000000028', '3 mois, 12 heures par semaine', 'Gratuit', '{}', 'PDIE Action 17 (PDAE)', '2026-09-10', 'published'),
  ('b0000000-0000-4000-8000-000000000002', 'formation', 'Passerelles linguistiques pour les mères isolées',
   'Cours de français avec garde des enfants pendant les cours.',
   '{femmes,parents_isoles,rsa}', 'Femmes seules avec enfants, au RSA majoré.',
   'Votre référent vous inscrit.', 'referent', 'Langues et métiers',
   '5e000000-0000-4000-8000-000000000028', '4 mois', 'Gratuit', '{18,19,20}', 'PDIE Action 26', '2026-09-10', 'published'),
  ('b0000000-0000-4000-8000-000000000003', 'formation', 'Ateliers de formation à visée professionnelle',
   'Ateliers courts pour reprendre confiance et acquérir des bases : calcul, écrit, numérique, codes de l''entreprise.',
   '{rsa}', 'Allocataires du RSA accompagnés.',
   'Sur prescription de votre référent.', 'referent', 'Organismes du PDAE', null, '6 à 10 semaines', 'Gratuit', '{}', 'PDIE Action 17', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000004', 'formation', 'Atelier de pédagogie personnalisée (APP)',
   'Remise à niveau à votre rythme en français, mathématiques et bureautique.',
   '{tous}', 'Toute personne ayant un projet de formation ou d''emploi.',
   'Inscription directe ou par votre référent.', 'direct', 'APP de Paris', null, 'Selon vos besoins', 'Gratuit', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000005', 'formation', 'Découverte des métiers du bâtiment pour les femmes',
   'Découvrir les métiers du BTP, tester les gestes, préparer une formation qualifiante.',
   '{femmes}', 'Femmes allocataires du RSA intéressées par les métiers du bâtiment.',
   'Votre référent vous oriente vers une information collective.', 'referent', 'GEIQ BTP', null, '8 semaines', 'Gratuit', '{}', 'PDIE Action 26', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000006', 'formation', 'Ateliers numériques de base',
   'Utiliser un smartphone et un ordinateur pour ses démarches : courriel, espace CAF, France Travail.',
   '{tous}', 'Ouvert à tous.', 'Inscription directe à l''accueil de la structure.', 'direct',
   'Espace insertion Paris 19e', '5e000000-0000-4000-8000-000000000002', '4 séances de 2 heures', 'Gratuit', '{19}', 'PDIE Action 17', '2026-09-01', 'published'),
  -- Évaluation et construction du projet professionnel
  ('b0000000-0000-4000-8000-000000000007', 'projet_professionnel', 'Diagnostic de distance à l''emploi',
   'Un point complet sur votre situation, vos atouts et ce qui freine votre retour à l''emploi, dès l''entrée dans le RSA.',
   '{rsa}', 'Tout nouvel allocataire du RSA.', 'Proposé automatiquement au premier rendez-vous.', 'referent',
   'Espaces insertion', null, '1 à 2 rendez-vous', 'Gratuit', '{}', 'PDIE Action 10', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000008', 'projet_professionnel', 'Diagnostic orientation (DO)',
   'Faire le point sur vos compétences et choisir un projet professionnel réaliste.',
   '{rsa}', 'Allocataires sans projet professionnel défini.', 'Sur prescription de votre référent.', 'referent',
   'Prestataire du Département', null, '6 semaines', 'Gratuit', '{}', 'PDIE Annexe II (DO/AIVE)', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000009', 'projet_professionnel', 'Bilan de compétences artistes',
   'Faire le point sur votre parcours artistique et vos autres compétences.',
   '{artistes,rsa}', 'Allocataires du RSA artistes ou intermittents.', 'Sur prescription de votre référent.', 'referent',
   'Parcours d''artistes', '5e000000-0000-4000-8000-000000000030', '3 mois', 'Gratuit', '{}', 'PDIE Action 16', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000010', 'projet_professionnel', 'Accompagnement des allocataires artistes',
   'Développer votre activité artistique ou la compléter par un autre métier.',
   '{artistes,rsa}', 'Artistes allocataires du RSA.', 'Sur prescription de votre référent.', 'referent',
   'Parcours d''artistes', '5e000000-0000-4000-8000-000000000030', '12 mois', 'Gratuit', '{}', 'PDIE Action 16 (PAE artistes)', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000011', 'projet_professionnel', 'Coaching vers l''emploi',
   'Séances individuelles pour préparer vos candidatures et vos entretiens d''embauche.',
   '{tous}', 'Personnes proches de l''emploi.', 'Sur prescription de votre référent.', 'referent',
   'Maison de l''Emploi de Paris', null, '2 mois', 'Gratuit', '{}', 'MEP 2010-2014', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000012', 'projet_professionnel', 'Validation des acquis de l''expérience (VAE)',
   'Obtenir un diplôme grâce à votre expérience, même non salariée.',
   '{tous}', 'Au moins un an d''expérience en lien avec le diplôme visé.', 'Information collective à la MdEE, sans prescription.', 'direct',
   'Maison des entreprises et de l''emploi Paris 14e', '5e000000-0000-4000-8000-000000000015', '6 à 12 mois', 'Gratuit', '{}', 'MEP 2010-2014', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000013', 'projet_professionnel', 'Ateliers collectifs seniors',
   'Rencontres pour les allocataires proches de la retraite : droits, activités, rompre l''isolement.',
   '{seniors,rsa}', 'Allocataires de plus de 55 ans.', 'Inscription auprès de la CAPI.', 'direct',
   'CAPI Paris 12e', '5e000000-0000-4000-8000-000000000007', '1 séance par mois', 'Gratuit', '{12}', 'PDIE Action 31', '2026-09-01', 'published'),
  -- Accompagnement vers l'emploi durable
  ('b0000000-0000-4000-8000-000000000014', 'emploi_durable', 'Accompagnement individuel vers l''emploi (AIVE)',
   'Un conseiller vous accompagne chaque semaine dans votre recherche d''emploi.',
   '{rsa}', 'Allocataires prêts à chercher un emploi.', 'Sur prescription de votre référent.', 'referent',
   'Prestataire du Département', null, '6 mois', 'Gratuit', '{}', 'PDIE Annexe II (DO/AIVE)', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000015', 'emploi_durable', 'Parcours PLIE',
   'Un référent de parcours unique vous accompagne jusqu''à l''emploi durable, et six mois après.',
   '{rsa,tous}', 'Habitants des 11e, 12e, 18e, 19e et 20e éloignés de l''emploi.', 'Sur orientation de votre référent ou d''une équipe de terrain.', 'referent',
   'PLIE Paris nord-est', '5e000000-0000-4000-8000-000000000019', '18 mois en moyenne', 'Gratuit', '{11,12,18,19,20}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000016', 'emploi_durable', 'Accompagnement Mission locale',
   'Emploi, formation, logement, santé : un conseiller pour les jeunes de 16 à 25 ans.',
   '{jeunes}', 'Jeunes de 16 à 25 ans.', 'Présentez-vous à l''accueil, sans rendez-vous le matin.', 'direct',
   'Mission locale de Paris', '5e000000-0000-4000-8000-000000000020', 'Selon vos besoins', 'Gratuit', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000017', 'emploi_durable', 'École de la deuxième chance',
   'Formation en alternance avec des stages en entreprise pour les jeunes sans diplôme.',
   '{jeunes}', 'Jeunes de 16 à 25 ans sans diplôme ni qualification.', 'Information collective chaque mois.', 'direct',
   'E2C Paris', '5e000000-0000-4000-8000-000000000022', '6 à 9 mois', 'Gratuit, rémunération possible', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000018', 'emploi_durable', 'Premières heures',
   'Reprendre une activité quelques heures par semaine, à son rythme, avec un accompagnement.',
   '{sans_domicile,rsa}', 'Personnes très éloignées de l''emploi, souvent sans domicile.', 'Sur orientation d''une PSA ou d''une association.', 'referent',
   'Emmaüs Défi', '5e000000-0000-4000-8000-000000000026', '4 heures par semaine au début', 'Rémunéré', '{}', 'PDIE Action 26', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000019', 'emploi_durable', 'Parrainage vers l''emploi',
   'Un parrain ou une marraine en activité vous conseille et vous ouvre son réseau.',
   '{jeunes,seniors,tous}', 'Personnes prêtes à l''emploi qui manquent de réseau.', 'Sur orientation de la Mission locale ou de votre référent.', 'referent',
   'Mission locale de Paris', '5e000000-0000-4000-8000-000000000021', '6 mois', 'Gratuit', '{}', 'PDIE Action 23', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000020', 'emploi_durable', 'Accompagnement des femmes en monoparentalité',
   'Concilier enfants et emploi : solution de garde, projet professionnel, ateliers entre mères.',
   '{femmes,parents_isoles,rsa}', 'Mères isolées allocataires du RSA.', 'Sur prescription de votre référent.', 'referent',
   'Femmes et emploi 19e', '5e000000-0000-4000-8000-000000000031', '12 mois', 'Gratuit', '{19,20}', 'PDIE Action 33', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000021', 'emploi_durable', 'Préparation aux forums pour l''emploi',
   'Se préparer à rencontrer les employeurs : CV, présentation en deux minutes, tenue, liste des stands.',
   '{tous}', 'Toute personne qui veut aller à un forum emploi.', 'Inscription directe à la MdEE.', 'direct',
   'Maisons des entreprises et de l''emploi', '5e000000-0000-4000-8000-000000000016', '2 demi-journées', 'Gratuit', '{}', 'PDIE Action 14', '2026-09-01', 'published'),
  -- Soutien à l'économie sociale et solidaire
  ('b0000000-0000-4000-8000-000000000022', 'ess', 'Chantiers d''insertion',
   'Un contrat de travail dans une structure qui forme et accompagne : bâtiment, recyclage, restauration…',
   '{rsa,tous}', 'Personnes éloignées de l''emploi, agrément IAE.', 'Sur prescription de votre référent.', 'referent',
   'Structures d''insertion par l''activité économique', null, 'Jusqu''à 24 mois', 'Salarié', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000023', 'ess', 'Jardin d''insertion de la Goutte d''Or',
   'Travailler au jardin et à l''entretien des espaces verts, en équipe, avec un encadrant.',
   '{rsa,tous}', 'Allocataires du RSA du nord-est parisien.', 'Sur prescription de votre référent.', 'referent',
   'Jardin d''insertion de la Goutte d''Or', '5e000000-0000-4000-8000-000000000027', '6 à 12 mois', 'Salarié', '{18}', 'PDIE Action 31', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000024', 'ess', 'Jardin d''insertion Hérold',
   'Jardinage et maraîchage sur le site de l''ancien hôpital Hérold.',
   '{rsa,tous}', 'Allocataires du RSA du 19e.', 'Sur prescription de votre référent.', 'referent',
   'Association partenaire', null, '6 à 12 mois', 'Salarié', '{19}', 'PDIE Action 31', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000025', 'ess', 'Entreprises d''insertion',
   'Un emploi dans une entreprise qui produit et vend, avec un accompagnement vers l''emploi classique.',
   '{tous}', 'Agrément IAE.', 'Sur prescription de votre référent ou de France Travail.', 'referent',
   'Entreprises d''insertion parisiennes', null, 'Jusqu''à 24 mois', 'Salarié', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000026', 'ess', 'Régies de quartier',
   'Travailler dans votre quartier : entretien, nettoyage, second œuvre, médiation.',
   '{tous}', 'Habitants des quartiers de la politique de la ville.', 'Candidature auprès de la régie de votre quartier.', 'direct',
   'Régies de quartier', null, 'Variable', 'Salarié', '{18,19,20}', 'PDIE Annexe II', '2026-09-01', 'published'),
  -- Intermédiation et mise en relation
  ('b0000000-0000-4000-8000-000000000027', 'intermediation', 'Sessions de pré-recrutement',
   'Rencontrer un employeur qui recrute, après une préparation ; une fiche de liaison suit votre candidature.',
   '{tous}', 'Personnes dont le profil correspond aux postes proposés.', 'Sur proposition de votre référent, avec une fiche de liaison.', 'referent',
   'Maisons des entreprises et de l''emploi', '5e000000-0000-4000-8000-000000000017', '1 demi-journée', 'Gratuit', '{}', 'PDIE Action 19', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000028', 'intermediation', 'Clauses sociales des marchés publics',
   'Des heures de travail réservées aux personnes en insertion sur les chantiers et marchés de la Ville.',
   '{rsa,jeunes,seniors,tous}', 'Personnes en parcours d''insertion.', 'Votre référent transmet votre candidature au facilitateur.', 'referent',
   'Maison de l''Emploi de Paris', null, 'Selon le chantier', 'Salarié', '{}', 'PDIE Action 21 ; MEP axe 3', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000029', 'intermediation', 'Contrats aidés',
   'Un contrat de travail aidé par l''État, avec formation, dans une association ou une collectivité.',
   '{rsa,tous}', 'Allocataires du RSA, selon les règles en vigueur.', 'Sur prescription de votre référent ou de France Travail.', 'referent',
   'France Travail', null, '6 à 24 mois', 'Salarié', '{}', 'PDIE Action 20', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000030', 'intermediation', 'Pôle services à la personne',
   'Découvrir les métiers de l''aide à domicile et de la garde d''enfants, et rencontrer les employeurs.',
   '{tous}', 'Ouvert à tous.', 'Information collective sans inscription.', 'direct',
   'Maison des entreprises et de l''emploi Paris 20e', '5e000000-0000-4000-8000-000000000018', '1 demi-journée', 'Gratuit', '{20}', 'PDIE Action 2', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000031', 'intermediation', 'Recrutements en nombre',
   'Quand un employeur ouvre beaucoup de postes (ouverture de magasin, chantier), la MdEE présélectionne des candidats.',
   '{tous}', 'Selon les postes.', 'Inscription directe à la MdEE.', 'direct',
   'Maison des entreprises et de l''emploi Paris 19e', '5e000000-0000-4000-8000-000000000017', 'Variable', 'Gratuit', '{}', 'MEP 2010-2014', '2026-09-01', 'published'),
  -- Aide à la création d'activité
  ('b0000000-0000-4000-8000-000000000032', 'creation_activite', 'Évaluation de l''idée de création',
   'Vérifier si votre idée d''entreprise est réaliste avant de vous lancer.',
   '{createurs,rsa}', 'Porteurs d''une idée de création.', 'Sur prescription de votre référent.', 'referent',
   'Créer à Paris', '5e000000-0000-4000-8000-000000000029', '1 mois', 'Gratuit', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000033', 'creation_activite', 'Accompagnement des créateurs d''activité',
   'Construire votre projet, votre budget et trouver un financement ; suivi après la création.',
   '{createurs,rsa}', 'Allocataires porteurs d''un projet de création.', 'Sur prescription de votre référent.', 'referent',
   'Créer à Paris', '5e000000-0000-4000-8000-000000000029', '6 à 12 mois', 'Gratuit', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  ('b0000000-0000-4000-8000-000000000034', 'creation_activite', 'Microcrédit et financement solidaire',
   'Un prêt solidaire pour démarrer une petite activité quand la banque dit non.',
   '{createurs}', 'Créateurs sans accès au crédit bancaire.', 'Rendez-vous direct avec un conseiller.', 'direct',
   'Créer à Paris', '5e000000-0000-4000-8000-000000000029', 'Selon le projet', 'Prêt à rembourser', '{}', 'PDIE Annexe II', '2026-09-01', 'published'),
  -- A draft: visible to coordinators only.
  ('b0000000-0000-4000-8000-000000000035', 'emploi_durable', 'Accompagnement renforcé des seniors (projet)',
   'Projet de prestation pour les allocataires de plus de 50 ans.', '{seniors}', null, null, 'referent',
   null, null, null, null, '{}', 'PDIE Action 26', null, 'draft')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Events: the five Paris job forums (Action 3) and informations collectives, 2027
-- ---------------------------------------------------------------------------

insert into public.events (id, kind, title, description, starts_at, ends_at, structure_id, place, address,
                           arrondissement, seats, registration, publics, status) values
  ('e0000000-0000-4000-8000-000000000001', 'forum', 'Forum pour l''emploi des jeunes diplômés',
   'Des entreprises recrutent des jeunes diplômés de l''enseignement supérieur.',
   '2027-03-18 10:00+01', '2027-03-18 18:00+01', null, 'Espace Champerret', '6 rue Jean Oestreicher', 17, null,
   'Entrée libre. Apportez plusieurs CV.', '{jeunes}', 'published'),
  ('e0000000-0000-4000-8000-000000000002', 'forum', 'Forum de l''alternance',
   'Trouver un contrat d''apprentissage ou de professionnalisation.',
   '2027-05-20 10:00+02', '2027-05-20 17:00+02', null, 'Hôtel de Ville, salons', 'Place de l''Hôtel de Ville', 4, null,
   'Entrée libre.', '{jeunes,tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000003', 'forum', 'Forum Diversité pour l''emploi',
   'Des employeurs engagés pour l''égalité des chances rencontrent les candidats.',
   '2027-06-10 10:00+02', '2027-06-10 18:00+02', null, 'Halle des Blancs-Manteaux', '48 rue Vieille du Temple', 4, null,
   'Entrée libre. Préparation possible à la MdEE.', '{tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000004', 'forum', 'Paris pour l''emploi',
   'Le grand forum parisien : plusieurs milliers d''offres, conseils CV, stands formation.',
   '2027-10-07 10:00+02', '2027-10-08 18:00+02', null, 'Place de la Concorde', 'Place de la Concorde', 8, null,
   'Entrée libre les deux jours.', '{tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000005', 'forum', 'Forum pour l''emploi des seniors',
   'Des employeurs qui recrutent des candidats de plus de 45 ans.',
   '2027-11-18 10:00+01', '2027-11-18 17:00+01', null, 'Mairie du 9e', '6 rue Drouot', 9, null,
   'Entrée libre.', '{seniors}', 'published'),
  ('e0000000-0000-4000-8000-000000000006', 'information_collective', 'Information collective PLIE Paris nord-est',
   'Découvrir l''accompagnement du PLIE et rencontrer un référent de parcours.',
   '2027-01-14 09:30+01', '2027-01-14 11:30+01', '5e000000-0000-4000-8000-000000000019', 'PLIE Paris nord-est', '60 avenue Jean Jaurès', 19, 20,
   'Sur inscription auprès de votre référent.', '{tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000007', 'information_collective', 'Information collective École de la deuxième chance',
   'Présentation de l''E2C, visite et entretiens individuels.',
   '2027-02-03 14:00+01', '2027-02-03 16:30+01', '5e000000-0000-4000-8000-000000000022', 'E2C Paris', '7 rue Alphonse Karr', 19, 25,
   'Sans inscription.', '{jeunes}', 'published'),
  ('e0000000-0000-4000-8000-000000000008', 'pre_recrutement', 'Session de pré-recrutement : agents de propreté',
   'Un employeur du 19e recrute 15 agents de propreté en CDI à temps partiel.',
   '2027-02-09 09:00+01', '2027-02-09 12:30+01', '5e000000-0000-4000-8000-000000000017', 'MdEE Paris 19e', '2 rue de l''Argonne', 19, 30,
   'Sur proposition de votre référent (fiche de liaison).', '{tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000009', 'atelier', 'Atelier : se préparer à Paris pour l''emploi',
   'CV, présentation rapide, repérage des stands : deux heures pour arriver prêt au forum.',
   '2027-09-23 14:00+02', '2027-09-23 16:00+02', '5e000000-0000-4000-8000-000000000016', 'MdEE Paris 18e', '164 rue Ordener', 18, 15,
   'Inscription à l''accueil de la MdEE.', '{tous}', 'published'),
  ('e0000000-0000-4000-8000-000000000010', 'information_collective', 'Information collective : métiers des services à la personne',
   'Aide à domicile, garde d''enfants : les métiers, les formations, les employeurs.',
   '2027-03-04 09:30+01', '2027-03-04 12:00+01', '5e000000-0000-4000-8000-000000000018', 'MdEE Paris 20e', '15 rue Ramus', 20, 30,
   'Sans inscription.', '{tous}', 'published')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Booklet: a welcome note; the booklet's first edition is in seed/booklet.sql
-- ---------------------------------------------------------------------------

insert into public.booklet_sections (id, slug, locale, variant, title, body, position, revision, status) values
  ('b00c0000-0000-4000-8000-000000000001', 'bienvenue', 'fr', 'easy', 'Bienvenue',
   E'Vous avez droit au RSA.\n\nCe livret explique vos droits, vos devoirs et les aides pour trouver un travail.\n\nIl a été écrit **avec** des personnes qui touchent le RSA.',
   5, 1, 'published')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Demo accounts: invitations first, so the account trigger gives each user their roles
-- ---------------------------------------------------------------------------

insert into public.invitations (id, email, display_name, roles, team_id, structure_id, preferred_locale) values
  ('1a000000-0000-4000-8000-000000000005', 'coordinator@demo.reperes.paris', 'Claire Moreau (Bureau du RSA)',
   '{coordinator}', null, null, 'fr')
on conflict (id) do nothing;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, phone,
                        phone_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000005', 'authenticated',
        'authenticated', 'coordinator@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(),
        null, null, '{"provider":"email","providers":["email"]}', '{}')
on conflict (id) do nothing;

insert into public.invitations (id, email, display_name, roles, team_id, structure_id, preferred_locale, invited_by) values
  ('1a000000-0000-4000-8000-000000000004', 'referent@demo.reperes.paris', 'Karim Benali',
   '{referent}', null, '5e000000-0000-4000-8000-000000000001', 'fr', 'de000000-0000-4000-8000-000000000005'),
  ('1a000000-0000-4000-8000-000000000008', 'referent2@demo.reperes.paris', 'Sophie Laurent',
   '{referent}', null, '5e000000-0000-4000-8000-000000000019', 'fr', 'de000000-0000-4000-8000-000000000005'),
  ('1a000000-0000-4000-8000-000000000006', 'outreach@demo.reperes.paris', 'Moussa Diallo',
   '{outreach}', '7ea00000-0000-4000-8000-000000000001', null, 'fr', 'de000000-0000-4000-8000-000000000005'),
  ('1a000000-0000-4000-8000-000000000007', 'outreach2@demo.reperes.paris', 'Léa Martin',
   '{outreach}', '7ea00000-0000-4000-8000-000000000002', null, 'fr', 'de000000-0000-4000-8000-000000000005'),
  ('1a000000-0000-4000-8000-000000000003', 'groupe@demo.reperes.paris', 'Fatou Traoré',
   '{allocataire,groupe_ressource}', null, '5e000000-0000-4000-8000-000000000001', 'fr', 'de000000-0000-4000-8000-000000000005'),
  -- An invitation still open, and one revoked: exercises the invitation screens.
  ('1a000000-0000-4000-8000-000000000009', 'nouvelle.referente@demo.reperes.paris', 'Nadia Haddad',
   '{referent}', null, '5e000000-0000-4000-8000-000000000002', 'fr', 'de000000-0000-4000-8000-000000000005'),
  ('1a000000-0000-4000-8000-000000000010', 'ancien.agent@demo.reperes.paris', null,
   '{outreach}', '7ea00000-0000-4000-8000-000000000001', null, 'fr', 'de000000-0000-4000-8000-000000000005')
on conflict (id) do nothing;
update public.invitations set revoked_at = now()
 where id = '1a000000-0000-4000-8000-000000000010' and revoked_at is null;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, phone,
                        phone_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated',
   'referent@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), null, null,
   '{"provider":"email","providers":["email"]}', '{}'),
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000008', 'authenticated', 'authenticated',
   'referent2@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), null, null,
   '{"provider":"email","providers":["email"]}', '{}'),
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000006', 'authenticated', 'authenticated',
   'outreach@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), null, null,
   '{"provider":"email","providers":["email"]}', '{}'),
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000007', 'authenticated', 'authenticated',
   'outreach2@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), null, null,
   '{"provider":"email","providers":["email"]}', '{}'),
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated',
   'groupe@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), '33600000003', now(),
   '{"provider":"email","providers":["email","phone"]}', '{}')
on conflict (id) do nothing;

-- The référent invites their allocataire (Action 34: the app is offered at the first meeting).
insert into public.invitations (id, email, phone, display_name, roles, structure_id, referent_id, preferred_locale, invited_by)
values ('1a000000-0000-4000-8000-000000000001', 'allocataire@demo.reperes.paris', '+33600000001', 'Amina Kone',
        '{allocataire}', '5e000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004', 'fr',
        'de000000-0000-4000-8000-000000000004')
on conflict (id) do nothing;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, phone,
                        phone_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
   'allocataire@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), '33600000001', now(),
   '{"provider":"email","providers":["email","phone"]}', '{}'),
  -- No invitation: the account trigger makes a plain allocataire; the CAPI attaches them below.
  ('00000000-0000-0000-0000-000000000000', 'de000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated',
   'allocataire2@demo.reperes.paris', crypt('demo-password', gen_salt('bf')), now(), '33600000002', now(),
   '{"provider":"email","providers":["email","phone"]}', '{"display_name":"Jean-Pierre Robert","locale":"fr"}')
on conflict (id) do nothing;

update public.profiles set structure_id = '5e000000-0000-4000-8000-000000000006'
 where id = 'de000000-0000-4000-8000-000000000002' and structure_id is null;
update public.profiles set referent_id = 'de000000-0000-4000-8000-000000000004'
 where id = 'de000000-0000-4000-8000-000000000003' and referent_id is null;
update public.profiles set reminder_email = false
 where id = 'de000000-0000-4000-8000-000000000001' and reminder_email;

-- On the real platform, GoTrue also needs an identity per user and empty (not null) token
-- columns; the local auth schema has neither, so this runs only where they exist.
do $$
begin
  if exists (select 1 from information_schema.tables where table_schema = 'auth' and table_name = 'identities') then
    execute $sql$
      insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
      select gen_random_uuid(), u.id, u.id::text, 'email',
             jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
        from auth.users u
       where u.email like '%@demo.reperes.paris'
         and not exists (select 1 from auth.identities i where i.user_id = u.id and i.provider = 'email')
    $sql$;
  end if;
  if exists (select 1 from information_schema.columns
              where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmation_token') then
    execute $sql$
      update auth.users
         set confirmation_token = coalesce(confirmation_token, ''),
             recovery_token = coalesce(recovery_token, ''),
             email_change_token_new = coalesce(email_change_token_new, ''),
             email_change = coalesce(email_change, '')
       where email like '%@demo.reperes.paris'
    $sql$;
  end if;
end
$$;

-- ---------------------------------------------------------------------------
-- The demo allocataire's appointments (dates relative to the seeding day, Paris time)
-- ---------------------------------------------------------------------------

insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, title, starts_at, duration_min,
                                 mode, location, documents_to_bring, status, note) values
  ('a9900000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'first_reception', 'Premier accueil à l''Espace insertion',
   (date_trunc('day', now() at time zone 'Europe/Paris') - interval '40 days' + interval '9 hours 30 minutes') at time zone 'Europe/Paris',
   60, 'in_person', 'Espace insertion Paris 18e, 4 rue Affre, bureau 2',
   '{"Pièce d''identité","Attestation CAF","Justificatif de domicile"}', 'attended',
   'Bilan de santé gratuit proposé.'),
  ('a9900000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'diagnostic', 'Diagnostic de distance à l''emploi',
   (date_trunc('day', now() at time zone 'Europe/Paris') - interval '25 days' + interval '14 hours') at time zone 'Europe/Paris',
   90, 'in_person', 'Espace insertion Paris 18e, 4 rue Affre',
   '{"CV si vous en avez un","Diplômes ou attestations de formation"}', 'attended', null),
  ('a9900000-0000-4000-8000-000000000003', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'follow_up', 'Rendez-vous avec votre référent',
   (date_trunc('day', now() at time zone 'Europe/Paris') + interval '3 days 10 hours') at time zone 'Europe/Paris',
   45, 'in_person', 'Espace insertion Paris 18e, 4 rue Affre',
   '{"Contrat d''engagements réciproques","Attestation CAF"}', 'scheduled', null),
  ('a9900000-0000-4000-8000-000000000004', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000016', 'mdee_session', 'Session d''information à la MdEE 18e',
   (date_trunc('day', now() at time zone 'Europe/Paris') + interval '10 days 14 hours') at time zone 'Europe/Paris',
   120, 'in_person', 'MdEE Paris 18e, 164 rue Ordener', '{"CV"}', 'confirmed', null),
  ('a9900000-0000-4000-8000-000000000005', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'bilan_sante', 'Bilan de santé gratuit',
   (date_trunc('day', now() at time zone 'Europe/Paris') + interval '20 days 8 hours 30 minutes') at time zone 'Europe/Paris',
   120, 'in_person', 'Centre d''examens de santé, 6 rue de la Tour des Dames (9e)', '{"Carte Vitale"}', 'scheduled',
   'À jeun.'),
  ('a9900000-0000-4000-8000-000000000006', 'de000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'follow_up', 'Point téléphonique',
   (date_trunc('day', now() at time zone 'Europe/Paris') - interval '10 days' + interval '11 hours') at time zone 'Europe/Paris',
   20, 'phone', null, '{}', 'missed', null),
  -- The second allocataire, followed elsewhere: the demo référent must not see these.
  ('a9900000-0000-4000-8000-000000000007', 'de000000-0000-4000-8000-000000000002', null,
   '5e000000-0000-4000-8000-000000000006', 'follow_up', 'Rendez-vous à la CAPI',
   (date_trunc('day', now() at time zone 'Europe/Paris') + interval '5 days 9 hours') at time zone 'Europe/Paris',
   45, 'in_person', 'CAPI Paris 20e, 62 rue de Bagnolet', '{}', 'scheduled', null),
  ('a9900000-0000-4000-8000-000000000008', 'de000000-0000-4000-8000-000000000003', 'de000000-0000-4000-8000-000000000004',
   '5e000000-0000-4000-8000-000000000001', 'follow_up', 'Rendez-vous avec votre référent',
   (date_trunc('day', now() at time zone 'Europe/Paris') + interval '7 days 15 hours') at time zone 'Europe/Paris',
   45, 'video', 'Lien envoyé par SMS la veille', '{}', 'scheduled', null)
on conflict (id) do nothing;

-- The demo allocataire asked to move the MdEE session.
update public.appointments
   set response = 'reschedule', response_reason = 'Je garde mon fils ce jour-là.',
       preferred_slots = '["le lundi ou le mardi matin"]', responded_at = now(),
       status = 'reschedule_requested'
 where id = 'a9900000-0000-4000-8000-000000000004' and response is null;

-- ---------------------------------------------------------------------------
-- Prestation offers and outcomes (Action 41 indicators)
-- ---------------------------------------------------------------------------

insert into public.prestation_offers (id, allocataire_id, prestation_id, referent_id, status, message, proposed_at,
                                      responded_at, entered_at, exited_at, exit_category, exit_detail,
                                      priority_rsa, priority_qpv, priority_woman, priority_senior, priority_under_26) values
  ('0ff00000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
   'de000000-0000-4000-8000-000000000004', 'proposed', 'Pour être plus à l''aise aux entretiens.',
   now() - interval '5 days', null, null, null, null, null, true, true, true, false, false),
  ('0ff00000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000015',
   'de000000-0000-4000-8000-000000000004', 'interested', null,
   now() - interval '20 days', now() - interval '18 days', null, null, null, null, true, true, true, false, false),
  ('0ff00000-0000-4000-8000-000000000003', 'de000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000023',
   'de000000-0000-4000-8000-000000000004', 'entered', null,
   now() - interval '35 days', now() - interval '34 days', now() - interval '21 days', null, null, null, true, true, true, false, false),
  ('0ff00000-0000-4000-8000-000000000004', 'de000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000006',
   'de000000-0000-4000-8000-000000000004', 'exited', null,
   now() - interval '90 days', now() - interval '88 days', now() - interval '80 days', now() - interval '52 days',
   'new_prestation', 'Entrée au jardin d''insertion', true, true, true, false, false),
  ('0ff00000-0000-4000-8000-000000000005', 'de000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000032',
   'de000000-0000-4000-8000-000000000004', 'not_interested', null,
   now() - interval '30 days', now() - interval '29 days', null, null, null, null, true, true, true, false, false),
  ('0ff00000-0000-4000-8000-000000000006', 'de000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000014',
   null, 'exited', null,
   now() - interval '200 days', now() - interval '199 days', now() - interval '190 days', now() - interval '15 days',
   'employment_durable', 'CDI agent de sécurité', true, false, false, true, false)
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Feedback, consultations, evaluations
-- ---------------------------------------------------------------------------

insert into public.feedback (id, author_id, kind, subject_id, body, quote, rating, share_with_groupe, contact_back,
                             expected, obtained, changed, status, answer, answered_at, answered_by, themes) values
  ('fb000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000001', 'prestation',
   'b0000000-0000-4000-8000-000000000006',
   'Les ateliers numériques m''ont aidée : maintenant je fais mes démarches CAF seule. Les séances étaient un peu courtes.',
   'Maintenant je fais mes démarches seule.', 4, true, false, null, null, null,
   'answered', 'Merci ! Nous allons proposer des séances de 3 heures à partir du printemps.', now() - interval '2 days',
   'de000000-0000-4000-8000-000000000005', '{numerique,duree}'),
  ('fb000000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000001', 'booklet',
   'b0c1e700-0002-4000-8000-000000000001',
   'Je n''avais pas compris qu''il fallait prévenir si on ne peut pas venir. C''est bien de l''écrire en gros.',
   null, 5, false, true, null, null, null, 'read', null, null, null, '{livret}'),
  ('fb000000-0000-4000-8000-000000000003', 'de000000-0000-4000-8000-000000000001', 'appointment',
   'a9900000-0000-4000-8000-000000000002',
   'Le rendez-vous a commencé avec 40 minutes de retard et personne ne nous a prévenus.',
   null, 2, true, false, null, null, null, 'received', null, null, null, '{}'),
  ('fb000000-0000-4000-8000-000000000004', 'de000000-0000-4000-8000-000000000003', 'fiche_liaison',
   'b0000000-0000-4000-8000-000000000027',
   'Session de pré-recrutement agents de propreté.', null, 4, true, false,
   'Trouver un emploi le matin, compatible avec l''école des enfants.',
   'Un entretien avec l''employeur, réponse dans deux semaines.',
   'Je me sens plus prête pour les entretiens.', 'received', null, null, null, '{}'),
  ('fb000000-0000-4000-8000-000000000005', 'de000000-0000-4000-8000-000000000002', 'change_referent', null,
   'Je voudrais changer de référent : les horaires de la CAPI ne sont pas compatibles avec mon travail du matin.',
   null, null, false, true, null, null, null, 'received', null, null, null, '{}')
on conflict (id) do nothing;

-- Answered and closed months ago: outside what coordinators' devices pull (older than
-- the 90-day window, 20261125001800_feedback_window.sql), read through the inbox's archive.
-- Its dates are set with the triggers off (sync_touch would stamp them now).
insert into public.feedback (id, author_id, kind, subject_id, body, rating, share_with_groupe, contact_back,
                             status, answer, answered_at, answered_by, themes) values
  ('fb000000-0000-4000-8000-000000000006', 'de000000-0000-4000-8000-000000000003', 'prestation',
   'b0000000-0000-4000-8000-000000000006',
   'Les horaires de l''atelier CV tombent à l''heure de la sortie d''école.',
   3, false, false, 'closed', 'Un créneau du matin ouvre en septembre.', now() - interval '200 days',
   'de000000-0000-4000-8000-000000000005', '{horaires}')
on conflict (id) do nothing;
set session_replication_role = replica;
update public.feedback
   set created_at = now() - interval '210 days', answered_at = now() - interval '200 days',
       updated_at = now() - interval '190 days'
 where id = 'fb000000-0000-4000-8000-000000000006' and updated_at > now() - interval '90 days';
set session_replication_role = origin;

insert into public.consultations (id, kind, title, body, definition, opens_at, closes_at, status, outcome, created_by) values
  ('c0000000-0000-4000-8000-000000000001', 'document_review', 'Relecture du livret d''accueil',
   'Lisez les premières pages du livret et dites-nous ce qui n''est pas clair.',
   '{"questions":[{"key":"clarte","type":"scale","label":"Le texte est-il facile à comprendre ?"},{"key":"manque","type":"text","label":"Qu''est-ce qui manque ?"}]}',
   now() - interval '7 days', now() + interval '30 days', 'open', null, 'de000000-0000-4000-8000-000000000005'),
  ('c0000000-0000-4000-8000-000000000002', 'prestation_evaluation', 'Évaluer les ateliers numériques',
   'Les six questions d''évaluation du programme (Action 40).',
   '{"questions":[{"key":"pertinence","type":"scale"},{"key":"coherence","type":"scale"},{"key":"effectivite","type":"scale"},{"key":"efficacite","type":"scale"},{"key":"efficience","type":"scale"},{"key":"impact","type":"scale"}]}',
   null, null, 'draft', null, 'de000000-0000-4000-8000-000000000005'),
  ('c0000000-0000-4000-8000-000000000003', 'meeting', 'Réunion du groupe ressource de juin',
   'Ordre du jour : courriers de convocation, livret, forums.', '{}',
   now() - interval '120 days', now() - interval '100 days', 'published',
   'Les courriers de convocation seront réécrits en phrases courtes, avec le nom du référent en haut.',
   'de000000-0000-4000-8000-000000000005')
on conflict (id) do nothing;

insert into public.evaluations (id, consultation_id, author_id, answers, submitted_at) values
  ('ea000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000003',
   '{"clarte":4,"manque":"Un schéma des étapes du RSA."}', null)
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Outreach contacts (repérage, Actions 12 and 13)
-- ---------------------------------------------------------------------------

insert into public.outreach_contacts (id, team_id, created_by, quartier, met_at, met_how, age_band, needs, rsa,
                                      under_26, over_50, single_parent, consent, consent_version, consent_at,
                                      first_name_or_alias, phone, email, note, follow_up_at, oriented_structure_id,
                                      orientation_reason, referral_status, status) values
  ('cc000000-0000-4000-8000-000000000001', '7ea00000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000006',
   'Goutte d''Or', now() - interval '6 days', 'market', '35_49', '{emploi,francais}', 'yes',
   false, false, true, true, 'consent-v1', now() - interval '6 days',
   'Mariam', '+33611111111', null, 'Cherche un travail le matin (école des enfants).', (now() + interval '8 days')::date,
   '5e000000-0000-4000-8000-000000000001', 'Allocataire sans référent actif, souhaite un accompagnement emploi.', 'pending', 'oriented'),
  ('cc000000-0000-4000-8000-000000000002', '7ea00000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000006',
   'La Chapelle', now() - interval '3 days', 'street', '18_25', '{formation,emploi}', 'unknown',
   true, false, false, false, null, null,
   null, null, null, 'Orienté vers la Mission locale, n''a pas souhaité laisser de coordonnées.', null,
   '5e000000-0000-4000-8000-000000000020', 'Jeune sans diplôme.', 'pending', 'oriented'),
  ('cc000000-0000-4000-8000-000000000003', '7ea00000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000006',
   'Goutte d''Or', now() - interval '2 days', 'association', '50_64', '{droits,numerique}', 'no',
   false, true, false, false, null, null,
   null, null, null, null, null,
   '5e000000-0000-4000-8000-000000000001', 'Ouverture de droits RSA à vérifier.', 'pending', 'oriented'),
  ('cc000000-0000-4000-8000-000000000004', '7ea00000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000006',
   'Porte de la Chapelle', now() - interval '130 days', 'event', 'unknown', '{emploi}', 'unknown',
   false, false, false, false, null, null,
   null, null, null, 'Rencontré à la fête de quartier.', null, null, null, 'none', 'closed'),
  ('cc000000-0000-4000-8000-000000000005', '7ea00000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000007',
   'Flandre', now() - interval '4 days', 'partner', '26_34', '{emploi,garde_enfants}', 'yes',
   false, false, true, true, 'consent-v1', now() - interval '4 days',
   'Sabrina', '+33622222222', null, 'Disponible après 9 h.', (now() + interval '3 days')::date,
   '5e000000-0000-4000-8000-000000000019', 'Parcours PLIE.', 'accepted', 'in_parcours'),
  ('cc000000-0000-4000-8000-000000000006', '7ea00000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000007',
   'Danube-Solidarité', now() - interval '1 day', 'street', '35_49', '{logement,emploi}', 'unknown',
   false, false, false, true, 'consent-v1', now() - interval '1 day',
   'M. D.', null, null, null, (now() + interval '14 days')::date, null, null, 'none', 'follow_up')
on conflict (id) do nothing;
