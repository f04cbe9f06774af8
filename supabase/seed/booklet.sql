-- Repères: the welcome booklet (livret d'accueil), first edition.
--
-- PDIE 2011-2014, Action 34: a booklet written with allocataires that presents the
-- main rules of the RSA, how reception works, the prestations, the orientation
-- towards the accompaniment structures and how to change référent.
--
-- Seven sections, each in plain French ("lecture facile", variant 'easy'), in full
-- French (variant 'full'), and in plain English and Arabic ('easy'). Every fact comes
-- from the PDIE action sheets (Actions 9, 10, 15, 30, 33, 34, Annexe II) or is general
-- public knowledge about the RSA; phone numbers are national public numbers only.
-- Local addresses and numbers live in the structures directory (/structures).
--
-- Writing rules of the 'easy' texts (FALC): one idea per sentence, one sentence
-- per line, everyday words, every technical word explained the first time, the
-- reader addressed as "vous", at most about 250 words. The pictogram of each
-- section is chosen by its slug in src/domain/booklet.ts (SECTION_PICTOGRAMS).
--
-- Idempotent. A row is inserted only when its section has no version at all in that
-- language and variant: re-running the file never archives a newer revision that a
-- coordinator published (the publish trigger archives the previous published
-- version before ON CONFLICT is even considered, hence the NOT EXISTS guard).

insert into public.booklet_sections (id, slug, locale, variant, title, body, position, revision, status, published_at)
select v.id::uuid, v.slug, v.locale, v.variant, v.title, btrim(v.body, E'\n'), v.position, 1, 'published', now()
  from (values

-- ---------------------------------------------------------------------------
-- 10 · rsa — what the RSA is
-- ---------------------------------------------------------------------------

('b0c1e700-0001-4000-8000-000000000001', 'rsa', 'fr', 'easy', 10, 'Le RSA, c''est quoi ?', $md$
**RSA** veut dire **revenu de solidarité active**.
C'est de l'argent versé chaque mois.
Il aide les personnes qui ont peu ou pas de revenus.

### Qui paie le RSA ?

La **CAF** verse le RSA sur votre compte.
La CAF, c'est la Caisse d'allocations familiales.

### Qui vous aide ?

Le **Département de Paris** vous accompagne.
Une personne vous suit : c'est votre **référent**.
Votre référent vous aide à trouver un travail, une formation ou une solution à vos difficultés.

### Ce que vous devez faire

- Tous les 3 mois, vous remplissez votre **déclaration de ressources** pour la CAF.
- Vous dites à la CAF quand votre situation change. Par exemple : un travail, un déménagement, une naissance, une séparation.
- Vous venez à vos rendez-vous.

Sans déclaration, la CAF peut arrêter de payer le RSA.

### Combien ?

Le montant dépend de votre famille et de vos ressources.
La CAF calcule le montant.
Vous pouvez faire une simulation sur le site [caf.fr](https://www.caf.fr).

### Ce livret

Ce livret explique vos droits, vos devoirs et les aides possibles.
Il est relu avec des personnes qui touchent le RSA : le [groupe ressource](/livret#livret-groupe-ressource).
$md$),

('b0c1e700-0001-4000-8000-000000000002', 'rsa', 'fr', 'full', 10, 'Le revenu de solidarité active (RSA)', $md$
Le revenu de solidarité active (RSA) a été généralisé par la loi du 1er décembre 2008. Il garantit un revenu minimum aux personnes sans ressources ou aux ressources faibles, et leur ouvre droit à un accompagnement social et professionnel.

### Qui fait quoi ?

- **La CAF** (Caisse d'allocations familiales) étudie la demande, calcule le montant et verse le RSA chaque mois.
- **Le Département de Paris** finance le RSA et organise l'accompagnement : orientation vers une structure, désignation d'un référent, contrat, suivi du parcours. Le Bureau du RSA du Département pilote ce dispositif.
- **France Travail** (anciennement Pôle emploi) accompagne les allocataires qui peuvent rechercher un emploi rapidement.

### Conditions générales

Le RSA s'adresse en général aux personnes de 25 ans ou plus qui résident en France de façon stable. Des règles particulières existent, par exemple pour les jeunes parents. La CAF vérifie les conditions au moment de la demande.

### Vos obligations envers la CAF

- Déclarer vos ressources chaque trimestre. Sans cette déclaration, le versement peut être suspendu.
- Signaler tout changement de situation : reprise d'emploi, déménagement, naissance, mise en couple ou séparation.

### Le montant

Le montant dépend de la composition du foyer et de ses ressources. Il est calculé à partir des ressources que vous déclarez chaque trimestre. Un simulateur est disponible sur [caf.fr](https://www.caf.fr).

### Ce livret

Ce livret présente les principales règles du RSA, l'accueil, les prestations, l'orientation vers les structures d'accompagnement et la façon de changer de référent. Il est élaboré avec des allocataires du RSA réunis dans le [groupe ressource](/livret#livret-groupe-ressource).
$md$),

('b0c1e700-0001-4000-8000-000000000003', 'rsa', 'en', 'easy', 10, 'What is the RSA?', $md$
**RSA** means *revenu de solidarité active* (active solidarity income).
It is money paid every month.
It helps people who have little or no income.

### Who pays the RSA?

The **CAF** pays the RSA into your bank account.
The CAF is the family benefits office (*Caisse d'allocations familiales*).

### Who helps you?

The **Département de Paris** (the Paris local authority) supports you.
One person follows your situation: your **référent** (support worker).
Your référent helps you find a job, a training course or a solution to your difficulties.

### What you must do

- Every 3 months, you fill in your **income declaration** for the CAF.
- You tell the CAF when your situation changes. For example: a job, a move, a birth, a separation.
- You come to your appointments.

Without the declaration, the CAF can stop paying the RSA.

### How much?

The amount depends on your family and your income.
The CAF calculates the amount.
You can run a simulation on [caf.fr](https://www.caf.fr).

### This booklet

This booklet explains your rights, your duties and the help you can get.
It is reviewed with people who receive the RSA: the [resource group](/livret#livret-groupe-ressource).
$md$),

('b0c1e700-0001-4000-8000-000000000004', 'rsa', 'ar', 'easy', 10, 'ما هو RSA؟', $md$
**RSA** اختصار لعبارة فرنسية معناها **دخل التضامن النشط**.
هو مبلغ من المال يُدفع كل شهر.
يساعد الأشخاص الذين ليس لهم دخل أو لهم دخل قليل.

### من يدفع RSA؟

يدفع **صندوق الإعانات العائلية** (CAF) مبلغ RSA في حسابك المصرفي.

### من يساعدك؟

**مقاطعة باريس** (Département de Paris) ترافقك.
يتابعك شخص واحد: هو **مرافقك** (référent).
يساعدك مرافقك على إيجاد عمل أو تكوين أو حلٍّ لصعوباتك.

### ما يجب عليك فعله

- كل ثلاثة أشهر، تملأ **تصريح الموارد** وترسله إلى صندوق الإعانات العائلية.
- تُخبر الصندوق عندما يتغيّر وضعك. مثلًا: عمل جديد، انتقال إلى مسكن آخر، ولادة، انفصال.
- تحضر مواعيدك.

إذا لم ترسل التصريح، يمكن أن يتوقف الصندوق عن دفع RSA.

### كم المبلغ؟

يتوقف المبلغ على أسرتك ومواردك.
يحسب الصندوق المبلغ.
يمكنك إجراء محاكاة على موقع [caf.fr](https://www.caf.fr).

### هذا الدليل

يشرح هذا الدليل حقوقك وواجباتك والمساعدات الممكنة.
يُراجَع مع أشخاص يحصلون على RSA: [مجموعة الموارد](/livret#livret-groupe-ressource).
$md$),

-- ---------------------------------------------------------------------------
-- 20 · droits-devoirs — rights and duties, missed appointments, équipes pluridisciplinaires
-- ---------------------------------------------------------------------------

('b0c1e700-0002-4000-8000-000000000001', 'droits-devoirs', 'fr', 'easy', 20, 'Vos droits et vos devoirs', $md$
### Vos droits

- Vous avez droit au RSA si vous remplissez les conditions.
- Vous avez droit à un **accompagnement** : une personne vous aide. C'est votre **référent**.
- Vous avez le droit de donner votre avis et de demander des explications.

### Vos devoirs

- Vous cherchez un travail. Ou vous faites des démarches pour aller mieux et travailler plus tard.
- Vous signez un contrat avec votre référent : le **contrat d'engagements réciproques**. « Réciproques » veut dire : vous vous engagez, et le Département s'engage aussi.
- Vous venez à vos rendez-vous.

### Vous ne pouvez pas venir à un rendez-vous ?

Prévenez votre référent **avant** le rendez-vous.
Vous pouvez aussi répondre dans la page [Mes rendez-vous](/rendez-vous).

### Vous avez manqué des rendez-vous ?

1. Vous recevez une **lettre**. Elle vous demande de vous expliquer.
2. Répondez vite. Donnez la raison de votre absence. Vous pouvez vous faire aider.
3. Sans réponse, ou sans raison valable, votre dossier peut passer devant l'**équipe pluridisciplinaire**. C'est un groupe de professionnels et de personnes au RSA. Ce groupe donne son avis au Département.
4. Vous pouvez aller à la réunion pour vous expliquer, avec une personne de votre choix.
5. Ensuite, le Département décide. Il peut **réduire** le RSA ou le **suspendre**. Suspendre veut dire arrêter pour un temps.

Vous avez une **raison valable** ? Par exemple, vous étiez malade. Dites-la : elle est prise en compte.
$md$),

('b0c1e700-0002-4000-8000-000000000002', 'droits-devoirs', 'fr', 'full', 20, 'Droits et devoirs des allocataires du RSA', $md$
Le RSA ouvre des droits et comporte des engagements. Ces règles sont fixées par la loi (Code de l'action sociale et des familles) et appliquées à Paris par le Département.

### Vos droits

- Percevoir le RSA tant que vous remplissez les conditions.
- Bénéficier d'un accompagnement social et professionnel adapté à vos besoins, assuré par un référent.
- Être informé des décisions qui vous concernent et pouvoir présenter vos observations avant toute sanction.
- Participer, si vous le souhaitez, à la vie du dispositif : équipes pluridisciplinaires, [groupe ressource](/livret#livret-groupe-ressource).

### Vos engagements

- Rechercher un emploi, ou entreprendre les démarches nécessaires à votre insertion sociale ou professionnelle.
- Définir avec votre référent un parcours, écrit dans un contrat. Avec le Département, c'est le **contrat d'engagements réciproques (CER)** : il liste vos engagements et ceux du Département. La loi du 18 décembre 2023 pour le plein emploi le remplace progressivement par un « contrat d'engagement ».
- Vous présenter aux rendez-vous fixés par votre référent ou par la structure qui vous accompagne.
- Déclarer vos ressources à la CAF chaque trimestre.

### Absences et non-respect du contrat

Prévenez votre référent dès que possible si vous ne pouvez pas venir. Dans l'application, vous pouvez répondre à un rendez-vous depuis [Mes rendez-vous](/rendez-vous).

En cas d'absences répétées ou de non-respect du contrat sans motif légitime :

1. Le Département vous adresse un courrier qui vous demande de vous expliquer et indique le délai pour répondre.
2. Sans réponse ou sans motif légitime, votre situation est examinée par l'**équipe pluridisciplinaire** (EP). Vous pouvez présenter vos observations par écrit ou être entendu par l'EP, accompagné de la personne de votre choix.
3. L'EP rend un avis. Le Département décide ensuite : maintien, réorientation vers une autre structure, réduction ou suspension du RSA.
4. Si vous contestez la décision, vous pouvez former un recours. Le courrier de décision indique comment faire et dans quel délai.

### Les équipes pluridisciplinaires

Les équipes pluridisciplinaires réunissent des professionnels de l'insertion et de l'emploi et des **représentants des allocataires du RSA**. À Paris, des allocataires y siègent depuis novembre 2009. Elles rendent des avis sur les suspensions de droits et les réorientations. Les représentants des allocataires reçoivent une formation pour ce rôle.
$md$),

('b0c1e700-0002-4000-8000-000000000003', 'droits-devoirs', 'en', 'easy', 20, 'Your rights and your duties', $md$
### Your rights

- You have the right to the RSA if you meet the conditions.
- You have the right to **support**: one person helps you. This is your **référent** (support worker).
- You have the right to give your opinion and to ask for explanations.

### Your duties

- You look for a job. Or you take steps to get better and work later.
- You sign a contract with your référent: the **contrat d'engagements réciproques** (mutual commitment contract). "Mutual" means: you make commitments, and the Département makes commitments too.
- You come to your appointments.

### You cannot come to an appointment?

Tell your référent **before** the appointment.
You can also answer on the [My appointments](/rendez-vous) page.

### You missed appointments?

1. You receive a **letter**. It asks you to explain.
2. Answer quickly. Give the reason for your absence. You can ask someone to help you.
3. With no answer, or no valid reason, your file may go to the **équipe pluridisciplinaire** (multidisciplinary team). It is a group of professionals and of people on the RSA. This group gives its opinion to the Département.
4. You can go to the meeting to explain yourself, with a person of your choice.
5. Then the Département decides. It can **reduce** the RSA or **suspend** it. Suspend means stop for a time.

You have a **valid reason**? For example, you were ill. Say it: it is taken into account.
$md$),

('b0c1e700-0002-4000-8000-000000000004', 'droits-devoirs', 'ar', 'easy', 20, 'حقوقك وواجباتك', $md$
### حقوقك

- لك الحق في RSA إذا كنت تستوفي الشروط.
- لك الحق في **المرافقة**: شخص يساعدك. هو **مرافقك** (référent).
- لك الحق في إبداء رأيك وفي طلب التوضيحات.

### واجباتك

- تبحث عن عمل. أو تقوم بخطوات لتحسين وضعك والعمل لاحقًا.
- توقّع عقدًا مع مرافقك: **عقد الالتزامات المتبادلة** (contrat d'engagements réciproques). «متبادلة» تعني: أنت تلتزم، والمقاطعة تلتزم أيضًا.
- تحضر مواعيدك.

### لا تستطيع الحضور إلى موعد؟

أخبر مرافقك **قبل** الموعد.
يمكنك أيضًا الرد في صفحة [مواعيدي](/rendez-vous).

### تغيّبت عن مواعيد؟

1. تصلك **رسالة**. تطلب منك أن تشرح سبب غيابك.
2. أجب بسرعة. اذكر سبب غيابك. يمكنك أن تطلب من أحد مساعدتك.
3. إذا لم تُجب، أو لم يكن لديك سبب مقبول، قد يُعرض ملفك على **الفريق متعدد التخصصات** (équipe pluridisciplinaire). هو مجموعة من المهنيين ومن أشخاص يحصلون على RSA. تعطي هذه المجموعة رأيها للمقاطعة.
4. يمكنك حضور الاجتماع لتشرح وضعك، مع شخص تختاره.
5. بعد ذلك تقرّر المقاطعة. يمكنها أن **تخفّض** مبلغ RSA أو أن **توقفه** مؤقتًا.

لديك **سبب مقبول**؟ مثلًا: كنت مريضًا. اذكره: سيُؤخذ بعين الاعتبار.
$md$),

-- ---------------------------------------------------------------------------
-- 30 · accompagnement — diagnostic, orientation, bilan de santé
-- ---------------------------------------------------------------------------

('b0c1e700-0003-4000-8000-000000000001', 'accompagnement', 'fr', 'easy', 30, 'Qui vous accompagne ?', $md$
### Au début : faire le point

Une personne fait le point avec vous.
Elle regarde votre situation : votre expérience, vos projets, vos difficultés.
C'est le **diagnostic**.
Toutes les personnes qui arrivent au RSA ont ce diagnostic.

### Une structure pour vous suivre

Ensuite, on vous oriente vers une structure.
La structure dépend de votre situation :

- **France Travail** (avant : Pôle emploi), si vous pouvez chercher un travail tout de suite.
- Un **Espace insertion (EI)** ou une **CAPI** (cellule d'appui pour l'insertion), pour avancer vers un travail et régler vos difficultés.
- Le **service social (SSDP)**, si vous avez d'abord besoin d'aide pour le logement, la santé ou la famille.
- Une **permanence sociale d'accueil (PSA)**, si vous n'avez pas de logement.
- Une **association**, dans certaines situations.

Dans cette structure, une personne vous suit : votre **référent**.

### Un bilan de santé gratuit

Au premier rendez-vous à l'Espace insertion ou à la CAPI, on vous propose un **bilan de santé**.
Il est **gratuit**.
Il est fait par l'Assurance maladie (CPAM).
Vous choisissez de le faire ou non.

### Trouver votre structure

Les adresses et les horaires sont dans la page [Structures d'accompagnement](/structures).
$md$),

('b0c1e700-0003-4000-8000-000000000002', 'accompagnement', 'fr', 'full', 30, 'L''accompagnement : diagnostic, orientation et bilan de santé', $md$
### L'évaluation de départ : le diagnostic de distance à l'emploi

Après l'ouverture de vos droits, votre situation sociale et professionnelle est évaluée : parcours, compétences, projet, difficultés éventuelles (logement, santé, garde d'enfants, langue…). Ce **diagnostic de distance à l'emploi** est réalisé pour tout nouvel allocataire, même s'il est déjà suivi par un service social. L'objectif est de proposer, chaque fois que c'est possible, un accompagnement tourné vers l'emploi.

### L'orientation

À l'issue du diagnostic, vous êtes orienté vers une structure qui désigne votre référent :

- **France Travail** (anciennement Pôle emploi), lorsque vous pouvez rechercher un emploi rapidement ;
- un **Espace insertion (EI)** ou une **cellule d'appui pour l'insertion (CAPI)** du Département, pour un accompagnement à la fois social et professionnel, notamment si vous avez un projet professionnel à construire malgré des difficultés sociales. Certaines CAPI ont développé des compétences pour des publics particuliers, comme les artistes ou les créateurs d'entreprise ;
- le **service social départemental polyvalent (SSDP)**, lorsque des difficultés sociales importantes doivent d'abord être réglées ;
- une **permanence sociale d'accueil (PSA)**, pour les personnes sans domicile ;
- une **association** mandatée par le Département pour certains publics.

Votre orientation peut évoluer avec votre situation : une réorientation est possible, après avis de l'équipe pluridisciplinaire. Vous pouvez aussi [demander à changer de référent](/livret#livret-changer-referent).

### Le bilan de santé

Lors du premier rendez-vous à l'Espace insertion ou à la CAPI, une inscription à un **bilan de santé gratuit** vous est proposée. Il est réalisé par la Caisse primaire d'assurance maladie (CPAM). Vous êtes libre de l'accepter. Un soutien psychologique peut aussi vous être proposé si vous le souhaitez.

### Les coordonnées

Les adresses, horaires, numéros et conditions d'accessibilité des structures sont dans l'annuaire [Structures d'accompagnement](/structures), consultable même sans connexion.
$md$),

('b0c1e700-0003-4000-8000-000000000003', 'accompagnement', 'en', 'easy', 30, 'Who supports you?', $md$
### At the start: taking stock

A person looks at your situation with you: your experience, your plans, your difficulties.
This is the **diagnostic** (assessment).
Every person who starts the RSA has this assessment.

### A place to follow you

Then you are directed to a support place.
The place depends on your situation:

- **France Travail** (formerly Pôle emploi), if you can look for a job straight away.
- An **Espace insertion (EI)** or a **CAPI** (integration support unit), to move towards a job and deal with your difficulties.
- The **social service (SSDP)**, if you first need help with housing, health or family.
- A **PSA** (social reception desk), if you have no home.
- An **association**, in some situations.

In that place, one person follows you: your **référent**.

### A free health check

At your first appointment at the Espace insertion or the CAPI, you are offered a **health check**.
It is **free**.
It is done by the health insurance (CPAM).
You choose whether to do it.

### Find your support place

Addresses and opening hours are on the [Support places](/structures) page.
$md$),

('b0c1e700-0003-4000-8000-000000000004', 'accompagnement', 'ar', 'easy', 30, 'من يرافقك؟', $md$
### في البداية: تقييم وضعك

يقيّم شخص وضعك معك: خبرتك ومشاريعك وصعوباتك.
هذا هو **التشخيص** (diagnostic).
كل شخص يبدأ في RSA يحصل على هذا التشخيص.

### مكان يتابعك

بعد ذلك، يتم توجيهك إلى مكان مرافقة.
يختلف المكان حسب وضعك:

- **France Travail** (سابقًا Pôle emploi)، إذا كنت تستطيع البحث عن عمل فورًا.
- **فضاء الإدماج** (Espace insertion) أو **خلية دعم الإدماج** (CAPI)، لتتقدم نحو العمل وتحلّ صعوباتك.
- **الخدمة الاجتماعية** (SSDP)، إذا كنت تحتاج أولًا إلى مساعدة في السكن أو الصحة أو الأسرة.
- **مكتب الاستقبال الاجتماعي** (PSA)، إذا لم يكن لديك مسكن.
- **جمعية**، في بعض الحالات.

في هذا المكان، يتابعك شخص واحد: هو **مرافقك** (référent).

### فحص صحي مجاني

في الموعد الأول في فضاء الإدماج أو في خلية دعم الإدماج، يُقترح عليك **فحص صحي**.
هذا الفحص **مجاني**.
يجريه التأمين الصحي (CPAM).
أنت تختار أن تجريه أو لا.

### العثور على مكان المرافقة

العناوين وأوقات العمل موجودة في صفحة [أماكن المرافقة](/structures).
$md$),

-- ---------------------------------------------------------------------------
-- 40 · prestations — what they are, the six registres, how to ask
-- ---------------------------------------------------------------------------

('b0c1e700-0004-4000-8000-000000000001', 'prestations', 'fr', 'easy', 40, 'Les prestations : des aides pour avancer', $md$
Une **prestation** est une aide pour avancer vers un travail.
Par exemple : une formation, un atelier, un accompagnement, une rencontre avec des employeurs.
Chaque fiche dit si la prestation est gratuite.

### Six sortes d'aides

1. **Apprendre** : se former, apprendre le français, revoir les bases.
2. **Trouver votre projet** : voir ce que vous savez faire et choisir un métier.
3. **Trouver un travail et le garder** : être suivi de près, pour un emploi qui dure.
4. **Travailler dans une structure d'insertion** : par exemple un chantier d'insertion. Vous êtes salarié et vous êtes aidé.
5. **Rencontrer des employeurs** : forums pour l'emploi, recrutements.
6. **Créer votre activité** : être aidé pour créer votre entreprise.

### Comment faire ?

- Regardez la page [Prestations](/prestations).
- Pour certaines prestations, vous pouvez y aller **directement**.
- Pour les autres, **demandez à votre référent**. Il vous inscrit.
- Votre référent peut aussi vous proposer une prestation. Vous la voyez dans l'application. Vous dites si elle vous intéresse.

### Après la prestation

Donnez votre avis dans la page [Donner mon avis](/avis).
Votre avis aide à améliorer les prestations.
$md$),

('b0c1e700-0004-4000-8000-000000000002', 'prestations', 'fr', 'full', 40, 'Les prestations d''insertion et d''accès à l''emploi', $md$
Les prestations sont des actions financées ou mises en place par le Département de Paris et ses partenaires pour aider les allocataires du RSA et les demandeurs d'emploi à avancer vers l'emploi. L'offre est organisée en six registres.

### Les six registres

1. **Aide à la formation** : ateliers de pédagogie personnalisée (APP), passerelles linguistiques, ateliers de formation à visée professionnelle, parcours de qualification vers l'emploi.
2. **Évaluation et construction du projet professionnel** : diagnostic orientation (DO), bilans de compétences.
3. **Accompagnement vers l'emploi durable** : accompagnement individuel vers l'emploi (AIVE), placement, accompagnement dans l'emploi.
4. **Soutien à l'économie sociale et solidaire** : chantiers d'insertion, chantiers école, entreprises d'insertion, régies de quartier, associations intermédiaires, Premières heures. Vous y travaillez avec un contrat et un accompagnement.
5. **Intermédiation et mise en relation** : forums pour l'emploi, préparation aux forums, clauses d'insertion dans les marchés publics, contrats aidés.
6. **Aide à la création d'activité** : évaluation de l'idée, évaluation et accompagnement du projet, soutien au financement solidaire.

Certaines prestations s'adressent à des publics particuliers : jeunes (Mission locale, de 16 à 25 ans), seniors, artistes, créateurs d'entreprise, femmes élevant seules leurs enfants, personnes sans domicile.

### Accéder à une prestation

Le [catalogue des prestations](/prestations) indique pour chacune le public concerné, les conditions, la durée, le coût éventuel et la façon d'y accéder :

- **accès direct** : vous pouvez vous adresser vous-même à l'organisme ;
- **sur prescription** : votre référent vous oriente et vous inscrit.

Votre référent peut aussi vous proposer une prestation : la proposition apparaît dans l'application et vous pouvez indiquer si elle vous intéresse.

### Votre avis compte

Après une prestation, vous pouvez [donner votre avis](/avis). Le groupe ressource s'appuie sur ces retours pour évaluer les prestations du point de vue des personnes qui en ont bénéficié.
$md$),

('b0c1e700-0004-4000-8000-000000000003', 'prestations', 'en', 'easy', 40, 'Services: help to move forward', $md$
A **prestation** (service) is help to move towards a job.
For example: a training course, a workshop, support, a meeting with employers.
Each service page says whether it is free.

### Six kinds of help

1. **Learning**: training, learning French, going over the basics again.
2. **Finding your plan**: seeing what you can do and choosing a trade.
3. **Finding a job and keeping it**: close support, for a job that lasts.
4. **Working in an integration organisation**: for example an integration work site (*chantier d'insertion*). You are an employee and you get support.
5. **Meeting employers**: job fairs, recruitment sessions.
6. **Starting your own activity**: help to create your business.

### How to do it?

- Look at the [Services](/prestations) page.
- For some services, you can go **directly**.
- For the others, **ask your référent**. Your référent signs you up.
- Your référent can also offer you a service. You see it in the app. You say if it interests you.

### After the service

Give your opinion on the [Give feedback](/avis) page.
Your opinion helps to improve the services.
$md$),

('b0c1e700-0004-4000-8000-000000000004', 'prestations', 'ar', 'easy', 40, 'الخدمات: مساعدات لتتقدّم', $md$
**الخدمة** (prestation) مساعدة لتتقدّم نحو العمل.
مثلًا: تكوين، ورشة، مرافقة، لقاء مع أصحاب العمل.
صفحة كل خدمة تذكر إن كانت مجانية.

### ستة أنواع من المساعدة

1. **التعلّم**: التكوين، تعلّم اللغة الفرنسية، مراجعة الأساسيات.
2. **إيجاد مشروعك**: معرفة ما تحسن فعله واختيار مهنة.
3. **إيجاد عمل والحفاظ عليه**: متابعة عن قرب، من أجل عمل يدوم.
4. **العمل في مؤسسة إدماج**: مثلًا ورشة إدماج (chantier d'insertion). تكون موظفًا وتحصل على المساعدة.
5. **لقاء أصحاب العمل**: معارض التوظيف، جلسات التوظيف.
6. **إنشاء نشاطك**: الحصول على مساعدة لإنشاء مشروعك الخاص.

### كيف تفعل ذلك؟

- اطّلع على صفحة [الخدمات](/prestations).
- بعض الخدمات يمكنك الذهاب إليها **مباشرة**.
- لغيرها، **اطلب ذلك من مرافقك**. هو يسجّلك.
- يمكن لمرافقك أيضًا أن يقترح عليك خدمة. تراها في التطبيق. وتقول إن كانت تهمّك.

### بعد الخدمة

أبدِ رأيك في صفحة [أبدِ رأيك](/avis).
رأيك يساعد على تحسين الخدمات.
$md$),

-- ---------------------------------------------------------------------------
-- 50 · changer-referent — how to change référent
-- ---------------------------------------------------------------------------

('b0c1e700-0005-4000-8000-000000000001', 'changer-referent', 'fr', 'easy', 50, 'Changer de référent', $md$
Votre **référent** est la personne qui vous suit.
Vous pouvez demander à **changer de référent**.

### Pourquoi ?

Par exemple :

- le contact ne se passe pas bien ;
- vous avez déménagé ;
- votre situation a changé : vous voulez chercher un travail, ou vous avez d'abord besoin d'aide sociale.

Vous avez le droit de demander.
Demander un autre référent ne change pas votre RSA.

### Comment faire ?

- Dans l'application : appuyez sur le bouton **Demander à changer de référent**, sous ce texte. Vous pouvez dire pourquoi en quelques mots.
- Ou parlez-en à l'accueil de votre structure.

Vous pouvez vous faire aider pour écrire.

### Et après ?

1. Le Département reçoit votre demande.
2. Il peut vous proposer un rendez-vous pour en parler.
3. Il vous donne sa réponse.
4. Si le changement est accepté, vous recevez le nom de votre nouveau référent.

En attendant la réponse, continuez à venir à vos rendez-vous.
$md$),

('b0c1e700-0005-4000-8000-000000000002', 'changer-referent', 'fr', 'full', 50, 'Demander un changement de référent', $md$
Le référent est la personne qui vous accompagne tout au long de votre parcours d'insertion. La relation avec lui compte : si elle ne fonctionne pas, ou si votre situation a changé, vous pouvez demander un changement de référent.

### Motifs possibles

- difficultés de relation ou de communication avec votre référent ;
- déménagement ;
- évolution de votre situation, qui appelle un autre type d'accompagnement (plus tourné vers l'emploi, ou d'abord social) ;
- tout autre motif que vous souhaitez expliquer.

La demande n'a pas d'effet sur le versement du RSA.

### Faire la demande

- **Dans l'application** : le bouton « Demander à changer de référent », placé sous ce texte, envoie votre demande au Bureau du RSA du Département. Vous pouvez y ajouter une explication.
- **À l'accueil** de la structure qui vous suit.

### La suite

Le Bureau du RSA examine la demande, le cas échéant avec la structure qui vous accompagne. Un entretien peut vous être proposé pour en parler. Lorsque le changement conduit vers une autre structure, il s'agit d'une réorientation, qui peut être soumise à l'avis de l'équipe pluridisciplinaire. La réponse vous est communiquée ; si le changement est accepté, vous recevez les coordonnées de votre nouveau référent.

En attendant, votre accompagnement actuel continue : présentez-vous à vos rendez-vous ou prévenez si vous ne pouvez pas venir.
$md$),

('b0c1e700-0005-4000-8000-000000000003', 'changer-referent', 'en', 'easy', 50, 'Changing your référent', $md$
Your **référent** is the person who follows you.
You can ask to **change your référent**.

### Why?

For example:

- you do not get on well;
- you have moved home;
- your situation has changed: you want to look for a job, or you first need social help.

You have the right to ask.
Asking for another référent does not change your RSA.

### How?

- In the app: press the **Ask to change référent** button, below this text. You can say why in a few words.
- Or talk to the reception desk of your support place.

You can ask someone to help you write.

### What happens next?

1. The Département receives your request.
2. It may offer you an appointment to talk about it.
3. It gives you its answer.
4. If the change is accepted, you receive the name of your new référent.

While you wait for the answer, keep coming to your appointments.
$md$),

('b0c1e700-0005-4000-8000-000000000004', 'changer-referent', 'ar', 'easy', 50, 'تغيير المرافق', $md$
**مرافقك** (référent) هو الشخص الذي يتابعك.
يمكنك أن تطلب **تغيير مرافقك**.

### لماذا؟

مثلًا:

- العلاقة بينكما ليست جيدة؛
- انتقلت إلى مسكن آخر؛
- تغيّر وضعك: تريد البحث عن عمل، أو تحتاج أولًا إلى مساعدة اجتماعية.

من حقك أن تطلب ذلك.
طلب مرافق آخر لا يغيّر مبلغ RSA.

### كيف تفعل ذلك؟

- في التطبيق: اضغط على زر **طلب تغيير المرافق**، تحت هذا النص. يمكنك أن تذكر السبب في بضع كلمات.
- أو تحدّث مع موظفي الاستقبال في مكان المرافقة.

يمكنك أن تطلب من أحد مساعدتك في الكتابة.

### وبعد ذلك؟

1. تتلقى المقاطعة طلبك.
2. قد تقترح عليك موعدًا للحديث عنه.
3. تعطيك ردّها.
4. إذا قُبل التغيير، تحصل على اسم مرافقك الجديد.

في انتظار الرد، استمرّ في حضور مواعيدك.
$md$),

-- ---------------------------------------------------------------------------
-- 60 · contacts — who to call (national public numbers only; local ones in /structures)
-- ---------------------------------------------------------------------------

('b0c1e700-0006-4000-8000-000000000001', 'contacts', 'fr', 'easy', 60, 'Qui contacter ?', $md$
### Votre référent

Vous avez une question sur votre parcours ?
Appelez d'abord **votre référent**.
Son numéro est sur les lettres qu'il vous envoie.

### La CAF : pour le paiement du RSA

- Téléphone : [3230](tel:3230)
- Site internet : [caf.fr](https://www.caf.fr)

### France Travail : pour chercher un emploi

- Téléphone : [3949](tel:3949)
- Site internet : [francetravail.fr](https://www.francetravail.fr)

### Votre Espace insertion, votre CAPI ou votre service social

Les adresses, les horaires et les numéros sont dans la page [Structures d'accompagnement](/structures).
Vous pouvez chercher par arrondissement.

### La Ville de Paris

- Téléphone : [3975](tel:3975)
- Site internet : [paris.fr](https://www.paris.fr)

### En urgence

- Pour dormir ce soir (hébergement d'urgence) : [115](tel:115). C'est gratuit, jour et nuit.
$md$),

('b0c1e700-0006-4000-8000-000000000002', 'contacts', 'fr', 'full', 60, 'Contacts utiles', $md$
### Votre référent et votre structure

Pour toute question sur votre accompagnement, vos rendez-vous ou votre contrat, contactez d'abord votre référent ou l'accueil de la structure qui vous suit (Espace insertion, CAPI, service social départemental polyvalent, permanence sociale d'accueil, association, France Travail). Leurs adresses, horaires, numéros et conditions d'accessibilité sont dans l'annuaire [Structures d'accompagnement](/structures), consultable même sans connexion internet.

### La CAF

Paiement du RSA, déclaration trimestrielle de ressources, changement de situation.

- Téléphone : [3230](tel:3230)
- En ligne : [caf.fr](https://www.caf.fr)

### France Travail

Inscription, offres d'emploi, accompagnement vers l'emploi.

- Téléphone : [3949](tel:3949)
- En ligne : [francetravail.fr](https://www.francetravail.fr)

### La Ville de Paris

- Téléphone : [3975](tel:3975)
- En ligne : [paris.fr](https://www.paris.fr)

### Urgences

- Hébergement d'urgence (Samu social) : [115](tel:115), gratuit, 24 heures sur 24.
- Urgence médicale (Samu) : [15](tel:15).
- Numéro d'urgence européen : [112](tel:112).
$md$),

('b0c1e700-0006-4000-8000-000000000003', 'contacts', 'en', 'easy', 60, 'Who to contact?', $md$
### Your référent

You have a question about your support?
Call **your référent** first.
Their number is on the letters they send you.

### The CAF: for the payment of the RSA

- Phone: [3230](tel:3230)
- Website: [caf.fr](https://www.caf.fr)

### France Travail: to look for a job

- Phone: [3949](tel:3949)
- Website: [francetravail.fr](https://www.francetravail.fr)

### Your Espace insertion, your CAPI or your social service

Addresses, opening hours and phone numbers are on the [Support places](/structures) page.
You can search by arrondissement (district).

### The City of Paris

- Phone: [3975](tel:3975)
- Website: [paris.fr](https://www.paris.fr)

### In an emergency

- A place to sleep tonight (emergency shelter): [115](tel:115). It is free, day and night.
$md$),

('b0c1e700-0006-4000-8000-000000000004', 'contacts', 'ar', 'easy', 60, 'بمن تتصل؟', $md$
### مرافقك

لديك سؤال عن مسارك؟
اتصل أولًا **بمرافقك**.
رقمه مكتوب على الرسائل التي يرسلها إليك.

### صندوق الإعانات العائلية (CAF): لدفع RSA

- الهاتف: [3230](tel:3230)
- الموقع: [caf.fr](https://www.caf.fr)

### France Travail: للبحث عن عمل

- الهاتف: [3949](tel:3949)
- الموقع: [francetravail.fr](https://www.francetravail.fr)

### فضاء الإدماج أو خلية دعم الإدماج أو الخدمة الاجتماعية

العناوين وأوقات العمل وأرقام الهاتف موجودة في صفحة [أماكن المرافقة](/structures).
يمكنك البحث حسب الدائرة (arrondissement).

### مدينة باريس

- الهاتف: [3975](tel:3975)
- الموقع: [paris.fr](https://www.paris.fr)

### في حالة الطوارئ

- للمبيت الليلة (إيواء عاجل): [115](tel:115). الاتصال مجاني، ليلًا ونهارًا.
$md$),

-- ---------------------------------------------------------------------------
-- 70 · groupe-ressource — the allocataires' group (Action 34)
-- ---------------------------------------------------------------------------

('b0c1e700-0007-4000-8000-000000000001', 'groupe-ressource', 'fr', 'easy', 70, 'Le groupe ressource : votre avis compte', $md$
Le **groupe ressource** est un groupe de personnes qui touchent le RSA.
Ces personnes sont **volontaires**.
Le groupe existe depuis **juin 2011**.
Il se réunit **2 à 3 fois par an**.

### Ce que fait le groupe

- Il écrit ce livret **avec** le Département.
- Il relit les **lettres** envoyées aux personnes au RSA, pour qu'elles soient plus claires.
- Il donne son avis sur les **prestations** et sur l'accompagnement.

Votre expérience est utile.
Elle aide à améliorer le RSA à Paris.

### Comment participer ?

- Dites-le à votre référent.
- Ou écrivez-le dans la page [Donner mon avis](/avis).

### Donner votre avis sans faire partie du groupe

Vous pouvez donner votre avis à tout moment, dans la page [Donner mon avis](/avis).
Vous choisissez si le groupe ressource peut le lire.
Votre nom n'est pas montré au groupe.

### Dans les équipes pluridisciplinaires

Des personnes au RSA font aussi partie des **équipes pluridisciplinaires**.
Elles donnent leur avis avant les décisions.
Elles reçoivent une formation.
$md$),

('b0c1e700-0007-4000-8000-000000000002', 'groupe-ressource', 'fr', 'full', 70, 'Le groupe ressource des allocataires du RSA', $md$
Le groupe ressource réunit des allocataires du RSA volontaires. Constitué en juin 2011 par le Département de Paris, il prolonge les groupes d'expression d'allocataires organisés en 2010. Il se réunit deux à trois fois par an, et ses membres peuvent être sollicités entre les réunions pour des groupes de travail thématiques.

### Ses missions

- **Coproduire le livret d'accueil** : ce livret est écrit et relu avec lui.
- **Relire les courriers** adressés aux allocataires, pour qu'ils soient compréhensibles.
- **Évaluer les prestations et le programme d'insertion**, du point de vue des personnes concernées : pertinence, cohérence, effectivité, efficacité, efficience et impact.
- **Proposer des améliorations** du dispositif d'insertion parisien.

Des allocataires peuvent aussi être associés à certaines réunions de référents, par exemple pour présenter une prestation dont ils ont bénéficié.

### Participer

Tout allocataire du RSA peut se porter volontaire : parlez-en à votre référent ou indiquez-le dans [Donner mon avis](/avis). Dans l'application, les membres du groupe disposent d'un espace pour les consultations et les évaluations.

### Donner votre avis sans être membre

À tout moment, vous pouvez [donner votre avis](/avis) sur une prestation, un rendez-vous, un courrier ou ce livret. Vous choisissez si votre avis est partagé avec le groupe ressource ; il lui est alors transmis sans votre nom.

### Les représentants dans les équipes pluridisciplinaires

Depuis novembre 2009, des représentants des allocataires siègent dans les équipes pluridisciplinaires, qui rendent des avis sur les suspensions de droits et les réorientations. Ils sont désignés avec l'appui d'associations spécialisées et reçoivent une formation.
$md$),

('b0c1e700-0007-4000-8000-000000000003', 'groupe-ressource', 'en', 'easy', 70, 'The resource group: your opinion counts', $md$
The **groupe ressource** (resource group) is a group of people who receive the RSA.
These people are **volunteers**.
The group has existed since **June 2011**.
It meets **2 to 3 times a year**.

### What the group does

- It writes this booklet **with** the Département.
- It checks the **letters** sent to people on the RSA, to make them clearer.
- It gives its opinion on the **services** and on the support.

Your experience is useful.
It helps to improve the RSA in Paris.

### How to take part?

- Tell your référent.
- Or write it on the [Give feedback](/avis) page.

### Giving your opinion without joining the group

You can give your opinion at any time, on the [Give feedback](/avis) page.
You choose whether the resource group can read it.
Your name is not shown to the group.

### In the multidisciplinary teams

People on the RSA are also members of the **équipes pluridisciplinaires** (multidisciplinary teams).
They give their opinion before decisions.
They receive training.
$md$),

('b0c1e700-0007-4000-8000-000000000004', 'groupe-ressource', 'ar', 'easy', 70, 'مجموعة الموارد: رأيك مهمّ', $md$
**مجموعة الموارد** (groupe ressource) مجموعة من الأشخاص الذين يحصلون على RSA.
هؤلاء الأشخاص **متطوّعون**.
تأسست المجموعة في **يونيو 2011**.
تجتمع **مرتين إلى ثلاث مرات في السنة**.

### ماذا تفعل المجموعة؟

- تكتب هذا الدليل **مع** المقاطعة.
- تراجع **الرسائل** المرسلة إلى الأشخاص الذين يحصلون على RSA، لتكون أوضح.
- تبدي رأيها في **الخدمات** وفي المرافقة.

تجربتك مفيدة.
تساعد على تحسين RSA في باريس.

### كيف تشارك؟

- أخبر مرافقك بذلك.
- أو اكتب ذلك في صفحة [أبدِ رأيك](/avis).

### إبداء رأيك دون الانضمام إلى المجموعة

يمكنك إبداء رأيك في أي وقت، في صفحة [أبدِ رأيك](/avis).
أنت تختار إن كانت مجموعة الموارد تستطيع قراءته.
لا يظهر اسمك للمجموعة.

### في الفرق متعددة التخصصات

يشارك أيضًا أشخاص يحصلون على RSA في **الفرق متعددة التخصصات** (équipes pluridisciplinaires).
يبدون رأيهم قبل القرارات.
ويتلقّون تكوينًا.
$md$)

  ) as v(id, slug, locale, variant, position, title, body)
 where not exists (
   select 1 from public.booklet_sections s
    where s.id = v.id::uuid or (s.slug = v.slug and s.locale = v.locale and s.variant = v.variant)
 )
on conflict do nothing;
