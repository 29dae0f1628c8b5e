# Textes de l'interface de Mastery : français.
language-name = Français
language-switch-label = Langue de l'interface
app-name = Mastery
skip-to-content = Aller au contenu
loading = Chargement…
startup-failed-title = Mastery n'a pas pu ouvrir ses données
startup-failed-help = Rien n'a été modifié. Fermez l'application et vérifiez le fichier de la base de données, ou lancez Mastery avec un autre fichier.
welcome-title = Bienvenue
welcome-no-page = Votre compte est prêt. Les outils propres à vos rôles arriveront dans une prochaine version de Mastery.

nav-label = Navigation principale
nav-catalogue = Mon programme
nav-accounts = Comptes
nav-hr = Lien avec les RH

sign-in-title = Connexion
sign-in-intro = Utilisez le nom d'utilisateur et le mot de passe fournis par votre administrateur.
username = Nom d'utilisateur
username-hint = Lettres, chiffres, points, traits d'union et traits de soulignement.
password = Mot de passe
password-hint = Au moins 10 caractères. Une courte phrase se retient facilement et se devine difficilement.
sign-in = Se connecter
signing-in = Connexion en cours…
sign-out = Se déconnecter

setup-title = Configurer Mastery
setup-intro = Cette base de données ne contient encore aucun compte. Créez le premier compte d'administrateur ; l'administrateur ajoutera ensuite les autres.
setup-organization = Nom de l'organisation
setup-name = Votre nom complet
setup-confirm-password = Confirmez le mot de passe
setup-passwords-differ = Les deux mots de passe ne sont pas identiques.
setup-submit = Créer le compte d'administrateur
employee-number = Numéro d'employé

catalogue-title = Mon programme de certification
catalogue-summary = Vos cours en un coup d'œil
pack-version = version { $version }
your-track = Votre volet
mastery-level = Niveau de maîtrise { $level }
course-open = Accessible
course-completed = Terminé
course-locked = Verrouillé
course-requires = À terminer d'abord : { $courses }
course-hours = Environ { $hours } heures

course-open-button = Ouvrir le cours
breadcrumb = Vous êtes ici
course-lessons = { $count ->
    [one] Une leçon
   *[other] { $count } leçons
}
check-facts = { $items } questions · note de passage { $pass } % · jusqu'à { $attempts } tentatives
lesson-position = Leçon { $n } sur { $of }
lesson-pager = Leçons
lesson-previous = Leçon précédente
lesson-next = Leçon suivante
lesson-back-to-course = Retour au cours
lesson-complete-next = Terminée, leçon suivante
lesson-complete-finish = Terminée, retour au cours

accounts-title = Comptes
accounts-count = { $count ->
    [one] Un compte
   *[other] { $count } comptes
}
add-user-title = Ajouter un compte
add-user-submit = Ajouter le compte
user-added = { $name } peut maintenant se connecter.
name = Nom
office = Bureau
roles = Rôles
account-locked = verrouillé
role-learner = Apprenant
role-coach = Coach
role-manager = Gestionnaire
role-course_designer = Concepteur de cours
role-administrator = Administrateur

field-organization = nom de l'organisation
field-name = nom
field-employee_number = numéro d'employé
field-username = nom d'utilisateur
field-password = mot de passe
field-roles = rôles
field-language = langue
problem-empty = Veuillez remplir le champ « { $field } ».
problem-too-long = Le champ « { $field } » est trop long : { $max } caractères au plus.
problem-password-too-short = Le mot de passe doit compter au moins { $min } caractères.
problem-password-is-username = Le mot de passe ne doit pas être le nom d'utilisateur.
problem-username-character = Le nom d'utilisateur peut contenir des lettres, des chiffres, des points, des traits d'union et des traits de soulignement, mais pas « { $character } ».
problem-no-role = Attribuez au moins un rôle au compte.
problem-bad-language = « { $tag } » n'est pas une langue offerte par Mastery.
problem-employee-number-taken = Le numéro d'employé { $number } figure déjà au dossier.
problem-username-taken = Le nom d'utilisateur { $username } est déjà pris.
problem-already-set-up = Cette base de données contient déjà des comptes. Demandez à un administrateur de créer le vôtre.
problem-locked-for = Trop de tentatives infructueuses. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.

error-invalid_credentials = Le nom d'utilisateur ou le mot de passe est incorrect.
error-account_locked = Trop de tentatives infructueuses. Ce compte est verrouillé pour un moment.
error-not_signed_in = Votre session a pris fin. Veuillez vous reconnecter.
error-forbidden = Votre rôle ne permet pas cette action.
error-invalid_input = Veuillez corriger ceci.
error-not_found = Introuvable.
error-conflict = Cela entre en conflit avec ce qui est déjà enregistré.
error-setup_required = Mastery doit d'abord être configuré.
error-not_a_database = Le fichier de données n'est pas une base de données Mastery. Il n'a pas été modifié.
error-schema_too_new = Cette base de données a été créée par une version plus récente de Mastery. Installez cette version pour l'ouvrir.
error-invalid_pack = Un ensemble de cours n'a pas pu être lu.
error-storage = Mastery n'a pas pu lire ou enregistrer ses données; rien n'a été modifié.
error-unavailable = Les RH n'ont pas répondu ou ont refusé la demande. Rien n'a été modifié dans Mastery.
error-unknown = Une erreur s'est produite. Rien n'a été modifié.

## Conception de cours
nav-designer = Conception des cours
designer-title = Conception des cours
designer-draft = Version de travail
designer-the-draft = La version de travail
designer-versions = Versions
designer-version = Version
designer-stored = Enregistrée le
designer-by = Publiée par
designer-shipped = Fournie avec Mastery
designer-change-notes = Notes de version
designer-draft-of = Version de travail fondée sur la version { $base }, enregistrée en dernier par { $who } le { $when }.
designer-no-draft = Aucune version de travail n'est ouverte. Une nouvelle partira de la version { $version }.
designer-problem-count = { $errors } erreur(s), { $warnings } avertissement(s)
designer-open-draft = Ouvrir la version de travail
designer-start-draft = Commencer une version de travail
designer-discard-draft = Abandonner la version de travail
designer-compare = Comparer des versions
designer-from = De
designer-to = À
designer-compare-button = Comparer
designer-no-difference = Les deux versions sont identiques.
designer-difference-count = { $count ->
    [one] 1 différence
   *[other] { $count } différences
}
designer-change = Changement
designer-what = Élément
designer-which = Lequel
designer-change-added = Ajouté
designer-change-removed = Retiré
designer-change-changed = Modifié
designer-what-pack = Programme
designer-what-track = Volet
designer-what-course = Cours
designer-what-lesson = Leçon
designer-what-knowledge-check = Vérification des connaissances
designer-what-quiz-item = Question de vérification
designer-what-checklist = Liste d'accompagnement
designer-what-checklist-item = Élément de la liste
designer-what-self-assessment = Autoévaluation
designer-what-profile = Profil
designer-what-statement = Énoncé
designer-what-rubric = Grille d'évaluation
designer-what-rubric-criterion = Critère de grille
designer-what-assignment = Travail
designer-what-team-synthesis = Synthèse d'équipe
designer-what-exam = Examen de validation
designer-what-survey = Sondage
designer-what-survey-question = Question de sondage
designer-what-picture = Image
designer-exchange = Échange d'archives
designer-export-which = Version à exporter
designer-export = Exporter
designer-exported = Enregistrée sous { $what }
designer-import-file = Archive à importer (.mpack)
designer-import = Importer
designer-imported = Importé : { $what }
designer-progress = { $done } fichier(s) sur { $total } vérifié(s)
designer-back = ← Conception des cours
designer-files = Fichiers de la version de travail
designer-pick-file = Choisissez un fichier à gauche pour le modifier.
designer-unsaved = Modifications non enregistrées
designer-saved = Enregistré dans la version de travail
designer-save = Enregistrer
designer-text = Texte
designer-preview = Ce que verront les apprenants
designer-file-clean = Aucun problème dans ce fichier.
designer-other-problems = { $count } problème(s) dans d'autres fichiers
designer-line = ligne { $line }
designer-error = Erreur
designer-warning = Avertissement
designer-publish-title = Publier une nouvelle version
designer-new-version = Numéro de la nouvelle version
designer-notes-en = Notes de version (anglais)
designer-notes-fr = Notes de version (français)
designer-save-first = Enregistrez vos modifications avant de publier.
designer-publish = Publier
file-kind-manifest = Manifeste
file-kind-course = Cours
file-kind-lesson-en = Leçon (EN)
file-kind-lesson-fr = Leçon (FR)
file-kind-quiz = Vérification des connaissances
file-kind-checklist = Liste d'accompagnement
file-kind-assignments = Travaux
file-kind-exam = Examen de validation
file-kind-rubric = Grille d'évaluation
file-kind-survey = Sondage
file-kind-self-assessment = Autoévaluation
file-kind-picture = Image
file-kind-other = Fichier

## Apprentissage : progression, vérification des connaissances, autoévaluation
lesson-done = Terminée
lesson-mark-done = Marquer cette leçon comme terminée
lesson-marked-done = Vous avez marqué cette leçon comme terminée.
course-progress = Votre progression
course-complete = Vous avez terminé ce cours.
course-resume = Reprendre là où vous étiez
requirement-lessons = Lire toutes les leçons
requirement-knowledge_check = Réussir la vérification des connaissances
requirement-self_assessment = Remplir l'autoévaluation du style de communication
requirement-coaching = Séances d'accompagnement couvrant les cinq facteurs, confirmées
requirement-assignments = Travaux acceptés
requirement-team_synthesis = Synthèse d'équipe acceptée
requirement-validation_exam = Réussir l'examen de validation
requirement-observation = Réussir l'évaluation par observation
requirement-portfolio = Portfolio examiné
requirement-in_class = Assister aux séances en classe du cours
course-class-time = Temps en classe : { $attended } h sur { $required } h.
course-see-classes = Voir les classes
requirement-met = (fait)
requirement-unmet = (à faire)
check-open = Aller à la vérification des connaissances
style-card-title = Votre style de communication
style-card-text = Une vingtaine d'énoncés, dix minutes; votre résultat reste privé, sauf si vous choisissez de le communiquer.
style-open = Ouvrir l'autoévaluation
quiz-back = Retour au cours
quiz-title = Vérification des connaissances
quiz-status-line = Tentatives utilisées : { $used } sur { $max }. Meilleur résultat : { $best }.
quiz-already-passed = Vous avez réussi cette vérification des connaissances.
quiz-wait = Vous pourrez réessayer à partir de { $at }.
quiz-start = Commencer une tentative
quiz-resume = Reprendre votre tentative
quiz-answered = { $answered } sur { $total } répondues · tentative { $n } sur { $max } · chaque réponse est enregistrée au fur et à mesure
quiz-abandon = Terminer cette tentative maintenant…
quiz-abandon-title = Terminer cette tentative sans tout répondre?
quiz-abandon-explain = { $unanswered ->
    [one] Une question est sans réponse; elle ne rapportera aucun point.
   *[other] { $unanswered } questions sont sans réponse; elles ne rapporteront aucun point.
} La tentative est notée sur les réponses enregistrées et compte comme la tentative { $n } sur { $max }.
quiz-abandon-yes = Terminer la tentative et voir mon résultat
quiz-abandon-no = Continuer à répondre
quiz-abandoned-note = Vous avez terminé cette tentative avant de répondre à toutes les questions.
quiz-unanswered = Sans réponse
quiz-submit = Soumettre mes réponses
quiz-choose-one = Choisissez une réponse
quiz-choose-all = Cochez toutes les réponses qui s'appliquent.
quiz-true = Vrai
quiz-false = Faux
quiz-order-hint = Placez les étapes dans l'ordre à l'aide des flèches.
quiz-move-up = Monter : { $step }
quiz-move-down = Descendre : { $step }
quiz-keep-order = Cet ordre est ma réponse
quiz-choose = Choisir…
quiz-scenario-done = Vous êtes arrivé au bout de cette situation.
quiz-scenario-restart = Recommencer la situation
quiz-result-title = Résultat de la tentative { $n }
quiz-passed = Réussi : { $percent } % (note de passage { $pass } %).
quiz-failed = Non réussi : { $percent } % (note de passage { $pass } %).
quiz-attempts-left = { $count ->
    [0] Plus aucune tentative : parlez-en à votre accompagnateur.
    [one] Il reste 1 tentative.
   *[other] Il reste { $count } tentatives.
}
quiz-wrong = Mauvaise réponse
quiz-correct = Bonne réponse
quiz-partly = { $percent } % juste
style-scale = { $min } = { $low } … { $max } = { $high }
style-rated = { $rated } énoncés évalués sur { $total }
style-submit = Voir mon profil
style-your-style = Votre style de communication
style-chart-label = Votre résultat pour chacun des quatre styles
style-again = Répondre de nouveau

## Accompagnement
nav-coaching = Accompagnement
driver-knowledge = Connaissances
driver-timeliness = Rapidité
driver-fairness = Équité
driver-outcome = Résultats
driver-extra_mile = Aller plus loin
setting-counter = Au comptoir
setting-phone = Au téléphone
setting-outreach = Sensibilisation
setting-virtual = Réunion virtuelle
setting-office = Au bureau
setting-other = Autre
rating-1 = 1 · Pas encore
rating-2 = 2 · En progression
rating-3 = 3 · Compétent
rating-4 = 4 · Modèle
coaching-title = Accompagnement
coaching-log-title = Consigner une séance d'accompagnement
coaching-learner = Apprenant
coaching-course = Cours
coaching-date = Date
coaching-duration = Durée (minutes)
coaching-setting = Contexte
coaching-drivers-hint = Cochez chaque facteur observé, évaluez-le et notez ce que vous avez vu. La liste d'accompagnement du cours sert de guide.
coaching-rating-for = Évaluation pour { $driver }
coaching-evidence = Ce que vous avez observé
coaching-next-steps = Prochaines étapes convenues :
coaching-submit = Consigner la séance
coaching-logged = Séance consignée pour { $name }. La personne sera invitée à la confirmer.
coaching-logged-title = Séances que vous avez consignées ({ $count })
coaching-by = avec { $coach }
coaching-minutes = { $minutes } min
coaching-rating = { $rating } / 4
coaching-learner-said = Commentaire de l'apprenant : { $comment }
coaching-awaiting = En attente de l'apprenant
coaching-acknowledged = Confirmée
coaching-disputed = Contestée
coaching-mine-title = Vos séances d'accompagnement
coaching-none-yet = Aucune séance d'accompagnement n'a encore été consignée pour ce cours. Votre accompagnateur les consigne après vous avoir observé au travail.
coaching-comment = Votre commentaire (obligatoire pour contester)
coaching-acknowledge = Confirmer
coaching-dispute = Contester

## Travaux et évaluations
assignments-card-title = Travaux
assignments-card-text = Des travaux pratiques dans votre propre milieu, évalués par votre accompagnateur à l'aide d'une grille.
assignments-open = Aller aux travaux
assignments-title = Travaux
assignment-not-started = Pas commencé
assignment-submitted = En attente d'évaluation
assignment-returned = Retourné : à réviser
assignment-accepted = Accepté
assignment-brief = La consigne
assignment-submission = Remise { $n } ({ $when })
assignment-response = Votre réponse
assignment-resubmit-label = Votre réponse révisée
assignment-files = Pièces jointes (jusqu'à 3 fichiers de { $mb } Mo chacun)
assignment-submit = Remettre pour évaluation
rubric-summary = Grille : { $title } — réussite à { $pass } %, aucun critère sous { $each }
rubric-criterion = Critère
review-accepted-by = Accepté par { $who }
review-returned-by = Retourné par { $who }
review-queue-title = Travaux à évaluer
review-queue-empty = Aucun travail n'attend votre évaluation.
review-comment = Commentaires pour l'apprenant (obligatoires pour retourner)
review-score = { $criterion } : { $score }
review-accept = Accepter
review-return = Retourner pour révision

## Équipe et échéances
nav-team = Mon équipe
team-title = Mon équipe
team-empty = Personne ne relève de vous dans la structure de l'organisation.
team-nothing-assigned = Aucun cours assigné.
team-assign-course = Assigner
team-due = pour le
overview-title = Où en est chaque personne
overview-person = Personne
overview-level = N{ $n }
overview-completed = terminé
overview-open = { $met } exigences remplies sur { $of }
overview-locked = verrouillé jusqu’à la fin du niveau précédent
overview-legend = ✓ terminé · 2/4 : ouvert, 2 de ses 4 exigences remplies jusqu’ici · — verrouillé jusqu’à la fin du niveau précédent
team-assign = Assigner le cours
due-title = Cours qui vous sont assignés
due-on = À faire pour le { $date }
due-late = En retard : prévu pour le { $date }
due-done = Terminé
due-by = assigné par { $who }

## Évaluations par observation
observe-title = Consigner une évaluation par observation (niveau 3)
observe-kind = Type
observe-kind-observed = Observée par moi
observe-kind-secret = Client mystère
observe-notes = Ce qui a été observé
observe-submit = Consigner l'évaluation
observe-passed = Réussie
observe-not-passed = Non réussie
observed-mine-title = Évaluations par observation
observed-none-yet = Aucune évaluation par observation ni par client mystère n'a encore été consignée pour ce cours.

## Synthèse d'équipe
team-members = Votre équipe, { $name } : { $members }. Une seule remise compte pour tous.
team-none-yet = Votre accompagnateur forme les équipes pour la synthèse; vous verrez la vôtre ici.
team-form-title = Former une équipe pour la synthèse d'équipe
team-name = Nom de l'équipe
team-pick = Membres ({ $min } à { $max })
team-formed = Équipe { $name } formée : { $members }.
team-form-submit = Former l'équipe

## Certification
nav-certification = Ma certification
nav-approvals = Approbations
nav-cert-admin = Certification et audit
cert-title = Ma certification
cert-intro = Chaque niveau de maîtrise d’un volet est certifié sur ses propres preuves, approuvé par votre gestionnaire et valide pour une période donnée. La recertification s’ouvre 90 jours avant l’échéance.
cert-own-track = Votre volet
cert-other-tracks = Autres volets
cert-status-not_started = Pas commencé
cert-status-in_progress = En cours
cert-status-eligible = Admissible
cert-status-requested = Demandée
cert-status-returned = Renvoyée
cert-status-certified = Certifiée
cert-status-expiring = Échéance proche
cert-status-expired = Échue
cert-status-revoked = Révoquée
cert-valid-until = Certifié jusqu’au { $date } · code de vérification { $code }
cert-expiring-until = Échéance le { $date } : demandez la recertification maintenant · code de vérification { $code }
cert-pending = Demandée le { $date }; en attente de la décision de votre gestionnaire.
cert-returned-by = Renvoyée par { $by } le { $date } :
cert-still-needed = Il reste :
cert-missing-course = Terminer le cours
cert-missing-prior = Le niveau { $level } de ce volet certifié
cert-missing-locked = Le cours est encore verrouillé derrière le niveau précédent
cert-request = Demander la certification
cert-download-pdf = Télécharger le certificat (PDF)
cert-download-credential = Télécharger le titre Open Badge
cert-saved = Enregistré dans { $path }
verify-title = Vérifier un titre numérique
verify-intro = Les titres Open Badges portent leur propre preuve : la vérification se fait sur cet ordinateur, sans réseau, et indique si le titre est authentique, intact, en vigueur et non révoqué.
verify-file = Ouvrir un fichier de titre
verify-paste = Ou coller le titre (JSON)
verify-submit = Vérifier
verify-valid = Valide : authentique, intact et en vigueur.
verify-valid-foreign = Authentique et intact, mais non émis par cette organisation.
verify-tampered = Non authentique : le titre a été modifié après sa signature, ou la signature n’est pas celle de l’émetteur.
verify-expired = Authentique, mais échu.
verify-not_yet_valid = Authentique, mais pas encore en vigueur.
verify-revoked = Authentique, mais révoqué par l’organisation.
verify-unreadable = Ce n’est pas un titre vérifiable.
verify-holder = Titulaire
verify-achievement = Réalisation
verify-issuer = Émetteur
verify-issued-here = cette organisation
verify-other-issuer = La signature est authentique, mais la clé n’est pas celle de cette organisation : { $issuer }. N’importe qui peut créer une clé et un nom ; ne l’acceptez que si vous savez que cette clé appartient à l’émetteur nommé.
cert-request-again = Demander la recertification
cert-history = Périodes de certification
cert-period = Du { $from } au { $until } · approuvée par { $by } · { $code }
cert-until = Échéance
cert-revoked-by = Révoquée par { $by } le { $date } : { $reason }
cert-approvals-title = Approbation des certifications
cert-queue-title = { $count ->
    [0] Aucune demande n’attend votre décision
    [one] Une demande attend votre décision
   *[other] { $count } demandes attendent votre décision
}
cert-queue-empty = Quand une personne que vous gérez (ou pour qui vous décidez par délégation) demande sa certification, la demande et ses preuves s’affichent ici.
cert-requested-on = Demandée le { $date }
cert-as-delegate = vous décidez par délégation de { $manager }
cert-evidence-title = Preuves au moment de la demande (version du programme { $version })
cert-evidence-recorded = Le cours est inscrit comme terminé (dossiers de formation antérieure).
cert-evidence-quiz = Contrôle des connaissances : meilleur résultat { $best } % (seuil { $pass } %), { $attempts } tentative(s).
cert-evidence-coaching = Séances d’accompagnement
cert-evidence-reviews = Évaluations des travaux
cert-evidence-observations = Évaluations observées
cert-evidence-prior = Niveau { $level } de ce volet certifié jusqu’au { $date }.
cert-passed = réussie
cert-not-passed = non réussie
cert-reason = Motif (obligatoire pour renvoyer; la personne le verra)
cert-approve = Approuver la certification
cert-return = Renvoyer avec ce motif
cert-expiring-title = Certifications à échéance proche ou échues
cert-expiring-none = Personne dans votre équipe n’a de certification qui échoit dans les 90 prochains jours.
cert-expiring-line = { $name } : { $title } échoit le { $date }
cert-expired-line = { $name } : { $title } échu le { $date }
cert-gaps-title = Niveaux obligatoires
cert-gaps-intro = Les niveaux de maîtrise 1 et 2 sont obligatoires pour les gestionnaires de programme débutants.
cert-gaps-none = Tous les gestionnaires de programme débutants visés détiennent les niveaux 1 et 2.
cert-gap = { $count ->
    [one] Il manque à { $name } le niveau { $levels }
   *[other] Il manque à { $name } les niveaux 1 et 2
}
cert-delegations-title = Délégations
cert-delegate-to = Déléguer mes approbations à
cert-delegate-from = du
cert-delegate-until = au
cert-delegate-submit = Déléguer
cert-delegation-line = { $delegate } décide pour { $manager } du { $from } au { $to }
cert-admin-title = Certification et audit
cert-admin-certified = Certifications
cert-admin-validity = Une certification est valide { $months } mois.
cert-admin-validity-set = Durée de validité d’une nouvelle certification (mois)
cert-admin-validity-save = Enregistrer
audit-local-operator = l’opérateur (ligne de commande ou premier lancement)
cert-delegate-incomplete = Choisissez une personne et les deux dates.
cert-admin-validity-nan = Entrez un nombre entier de mois, de 1 à 120.
cert-level = Certification
cert-status = État
cert-revoke = Révoquer
cert-revoke-reason = Motif de la révocation
audit-title = Journal d’audit
audit-intro = Chaque demande, décision, révocation, délégation, attribution de rôle et publication de contenu est inscrite dans un journal chaîné par hachage. La vérification de la chaîne montre si une ligne a été modifiée ou supprimée.
audit-verify = Vérifier la chaîne
audit-intact = La chaîne est intacte : { $rows } lignes. Tête : { $head }
audit-broken = La chaîne est rompue à la ligne { $seq } : { $problem }
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-subject = Objet

## Qui peut agir pour qui
problem-not-your-learner = { $name } ne fait pas partie de vos apprenants. Un accompagnateur agit pour les apprenants de son bureau, pour son propre personnel et pour les apprenants que leur gestionnaire lui a jumelés.
problem-not-your-staff = { $name } ne fait pas partie de votre personnel. Un gestionnaire agit pour les personnes qui relèvent directement de lui.
problem-not-for-yourself = Personne ne s'accompagne, ne s'évalue, ne révise son propre travail ni ne décide pour soi-même.
problem-course-locked-for = « { $course } » est encore verrouillé pour { $name } : les niveaux précédents ne sont pas terminés.
problem-upload-too-large = Le fichier dépasse la taille permise de { $max } Mo.
pairings-title = Accompagnateurs jumelés à votre personnel
pairings-help = Un accompagnateur agit pour les apprenants de son bureau. Pour qu'un accompagnateur d'un autre bureau accompagne une personne de votre équipe, jumelez-les ici; le jumelage est consigné au journal d'audit et prend fin à la date choisie ou lorsque vous y mettez fin.
pairings-none = Aucun accompagnateur n'est jumelé à votre personnel.
pairings-coach = Accompagnateur
pairings-learner = Membre du personnel
pairings-from = Depuis le
pairings-until = Jusqu'au
pairings-until-optional = Jusqu'au (facultatif)
pairings-open-ended = jusqu'à ce qu'on y mette fin
pairings-actions = Actions
pairings-end = Mettre fin au jumelage
pairings-end-label = Mettre fin au jumelage de { $coach } avec { $learner }
pairings-ended = Terminé
pairings-pair = Jumeler
accounts-unlock = Lever le verrouillage
accounts-unlock-label = Lever le verrouillage de la connexion de { $name }
accounts-unlocked = Le verrouillage est levé : { $name } peut de nouveau se connecter.
audit-unbacked-title = Lignes que la chaîne d'audit ne cautionne pas
audit-unbacked-help = Ces lignes ont été écrites dans la base de données à l'insu de l'application. Elles sont ignorées : le rôle n'est pas détenu, la décision ne compte pas. Restaurez la base de données à partir d'une sauvegarde, ou faites attribuer de nouveau le rôle à la personne concernée.
audit-unbacked-role = { $person } — le rôle { $role }
audit-unbacked-decision = { $person } — une décision de certification ({ $outcome })
audit-unbacked-revocation = { $person } — une révocation dont la ligne a disparu
audit-unbacked-approved = approuvée
audit-unbacked-returned = renvoyée
link-confirm-title = Ouvrir cette adresse dans votre navigateur Web?
link-confirm-help = La page s'ouvre hors de Mastery, dans votre navigateur habituel. Vérifiez que l'adresse est bien celle que vous attendez.
link-open = Ouvrir dans mon navigateur
link-stay = Rester ici
account-no-office = Aucun bureau pour l'instant
account-manager = Gestionnaire
account-no-manager = Aucun gestionnaire pour l'instant

## Champs nommés dans les refus
field-reason = motif
field-comment = commentaire
field-notes = notes
field-next_steps = prochaines étapes convenues
field-evidence = observation
field-response = réponse
field-team_name = nom de l'équipe
field-note = note
field-duration = durée
field-rating = cote
field-date = date
field-due_date = date d'échéance
field-setting = contexte
field-assessment_kind = type d'évaluation
field-months = nombre de mois
field-position = position de lecture
field-version = numéro de version
field-change_notes = notes de version
field-file_text = fichier
field-office = bureau
field-manager = gestionnaire

## Ce qu'un refus n'a pas trouvé
thing-person = personne
thing-learner = apprenant
thing-coach = accompagnateur
thing-manager_or_coach = gestionnaire ou accompagnateur
thing-office = bureau
thing-account = compte
thing-course = cours
thing-lesson = leçon
thing-knowledge_check = vérification des connaissances
thing-knowledge_check_item = question
thing-attempt = tentative
thing-self_assessment = autoévaluation
thing-coaching_session = séance d'accompagnement
thing-assignment = travail
thing-submission = remise
thing-rubric = grille
thing-observation_rubric = grille d'observation
thing-team_synthesis = synthèse d'équipe
thing-certification_request = demande de certification
thing-certificate = certificat
thing-pairing = jumelage
thing-pack = ensemble de cours
thing-pack_version = version de l'ensemble de cours
thing-draft = ébauche
thing-draft_file = fichier de l'ébauche
thing-class = séance en classe

## Refus
problem-out-of-range = La valeur « { $field } » doit se situer entre { $min } et { $max }.
problem-not-a-choice = Choisissez l'une des valeurs proposées pour « { $field } ».
problem-date-in-future = La valeur « { $field } » ne peut pas être dans l'avenir.
problem-date-too-old = La valeur « { $field } » remonte à plus de { $days } jours.
problem-date-in-past = La valeur « { $field } » est déjà passée (nous sommes le { $today }).
problem-date-too-far = La valeur « { $field } » est à plus de { $days } jours.
problem-not-a-date = Inscrivez une date pour « { $field } ».
problem-ends-before-start = La fin précède le début.
problem-too-many-files = Joignez au plus { $max } fichiers.
problem-bad-file-name = « { $name } » ne peut pas servir de nom de fichier.
problem-file-unreadable = Le fichier { $name } n'a pas pu être lu.
problem-not-found = Cet élément ({ $thing }) n'existe pas ou ne vous est pas accessible.
problem-course-locked = « { $course } » s'ouvrira lorsque vous aurez terminé : { $missing }.
problem-quiz-already-passed = Vous avez déjà réussi cette vérification des connaissances.
problem-no-attempts-left = Les { $max } tentatives ont été utilisées. Parlez à votre accompagnateur de la suite.
problem-wait-until = Votre prochaine tentative pourra commencer le { $at }.
problem-attempt-already-submitted = Cette tentative a déjà été soumise.
problem-unanswered-items = { $count ->
    [one] Une question est encore sans réponse.
   *[other] { $count } questions sont encore sans réponse.
}
problem-answer-does-not-fit = Cette réponse ne correspond pas à la question. Rechargez la vérification et réessayez.
problem-answer-incomplete = Répondez à chaque partie de la question.
problem-no-driver-rated = Cotez au moins un des cinq facteurs observés.
problem-driver-rated-twice = Le facteur « { $driver } » est coté deux fois.
problem-evidence-missing = Décrivez ce que vous avez observé pour le facteur « { $driver } ».
problem-already-responded = Vous avez déjà répondu à cette séance.
problem-awaiting-review = Ce travail attend déjà une révision.
problem-already-accepted = Ce travail est déjà accepté.
problem-already-reviewed = Cette remise a déjà été révisée.
problem-unknown-criterion = Une note vise un critère que la grille ne contient pas. Rechargez la page.
problem-score-each-criterion-once = Notez chaque critère de la grille une seule fois.
problem-score-out-of-range = Une note doit se situer entre 1 et { $max }.
problem-rubric-not-met = Ces notes n'atteignent pas le seuil de réussite de la grille ({ $percent } % du maximum, aucun critère sous { $each }). Renvoyez plutôt le travail avec des commentaires.
problem-team-size = Une équipe compte de { $min } à { $max } membres.
problem-already-in-team = { $name } fait déjà partie de l'équipe « { $team } » pour ce cours.
problem-not-in-team-yet = Vous ne faites pas encore partie d'une équipe pour ce cours. Votre accompagnateur forme les équipes.
problem-not-eligible = Pas encore admissible. Il manque : { $missing }.
problem-no-longer-eligible = { $name } n'est plus admissible. Il manque : { $missing }.
problem-already-requested = Une demande pour cette certification attend déjà une décision.
problem-certified-until = Vous êtes certifié jusqu'au { $until }. Vous pourrez demander le renouvellement 90 jours avant l'échéance.
problem-already-decided = Cette demande a déjà fait l'objet d'une décision.
problem-no-manager-on-record = Aucun gestionnaire n'est inscrit pour { $name }. Les RH doivent en inscrire un avant qu'une décision puisse être prise.
problem-not-their-approver = Seul le gestionnaire de { $name }, ou la personne qu'il a déléguée pour aujourd'hui, peut décider.
problem-not-approved = Seule une certification approuvée peut être révoquée.
problem-already-revoked = Cette certification est déjà révoquée.
problem-delegation-too-long = Une délégation dure au plus un an.
problem-pairing-already-exists = { $coach } est déjà jumelé à { $learner }.
problem-pairing-already-ended = Ce jumelage a déjà pris fin.
problem-pack-has-problems = { $errors ->
    [one] L'ensemble de cours contient une erreur. Corrigez-la d'abord.
   *[other] L'ensemble de cours contient { $errors } erreurs. Corrigez-les d'abord.
}
problem-version-not-newer = La nouvelle version doit être supérieure à { $latest }.
problem-only-the-program-pack = Seul l'ensemble de cours du programme peut être conçu ici.
problem-draft-changed = L'ébauche a changé depuis son ouverture. Rechargez-la.
problem-archive-refused = Cette archive ne peut pas être importée : { $reason }
archive-not-an-archive = ce n'est pas une archive d'ensemble de cours Mastery, ou elle est tronquée.
archive-no-record = elle n'a pas d'inventaire de son contenu; elle n'a pas été produite par une exportation.
archive-bad-record = son inventaire est illisible.
archive-newer-format = elle a été produite par une version plus récente de Mastery (format { $format }).
archive-missing = { $path } figure à l'inventaire, mais est absent.
archive-extra = { $path } s'y trouve sans figurer à l'inventaire (ajouté après l'exportation?).
archive-altered = { $path } a été modifié depuis l'exportation.
archive-damaged = { $path } est tronqué ou endommagé.
archive-not-pack-file = { $path } n'est pas un fichier qu'un ensemble de cours peut contenir.
archive-too-large = elle dépasse { $max } Mo une fois décompressée.
archive-hash-mismatch = ses fichiers ne correspondent pas à l'empreinte inscrite.
archive-pack-mismatch = son inventaire nomme l'ensemble « { $record } », mais son manifeste, « { $manifest } ».
archive-invalid-pack = { $errors ->
    [one] l'ensemble de cours qu'elle contient comporte une erreur.
   *[other] l'ensemble de cours qu'elle contient comporte { $errors } erreurs.
}

## Lien avec les RH
hr-title = Lien avec les RH
hr-intro = La liste du personnel vient des RH, et le statut des certifications leur est renvoyé. Les personnes qui partent sont désactivées, jamais supprimées.
hr-connection-title = Connexion
hr-mode = Mode d'échange avec les RH
hr-mode-scim = Service SCIM : la liste du personnel est lue et le statut est envoyé automatiquement
hr-mode-file = Fichiers : la liste du personnel est importée en CSV et le statut est exporté en CSV
hr-base-url = Adresse de base SCIM
hr-base-url-hint = Par exemple https://rh.exemple.ca/scim/v2. Nécessaire pour SCIM seulement.
hr-token = Jeton d'accès
hr-token-hint = Conservé par Mastery et jamais réaffiché. Laissez ce champ vide pour garder le jeton actuel.
hr-token-set = Un jeton est enregistré — tapez-en un autre pour le remplacer
hr-token-not-set = Aucun jeton pour l'instant
hr-interval = Minutes entre les échanges automatiques
hr-interval-hint = 0 : seulement quand vous utilisez les boutons de cette page. Au plus 1440 (une fois par jour).
hr-interval-invalid = Entrez un nombre entier de minutes, de 0 à 1440.
hr-save = Enregistrer la connexion
hr-connection-saved = La connexion est enregistrée.
hr-test = Tester la connexion
hr-testing = Test en cours…
hr-test-hint = Le test utilise la connexion enregistrée : enregistrez d'abord vos modifications.
hr-test-found = Les RH ont répondu : { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}, dont { $managed } avec un gestionnaire.
hr-test-extension-present = Extension du statut de formation : présente.
hr-test-extension-absent = Extension du statut de formation : absente.

hr-roster-title = Importation de la liste du personnel
hr-roster-intro = Rien ne change tant que vous n'appliquez pas une importation dont vous avez vu l'aperçu.
hr-roster-file = Fichier de la liste du personnel (CSV, UTF-8)
hr-preview-file = Voir l'aperçu de ce fichier
hr-preview-scim = Lire auprès des RH (SCIM)
hr-previewing = Préparation de l'aperçu…
hr-preview-title = Ce que ferait cette importation
hr-preview-rows = { $rows ->
    [one] { $rows } ligne lue
   *[other] { $rows } lignes lues
} depuis { $source }.
hr-source-csv = le fichier CSV
hr-source-scim = les RH (SCIM)
hr-count-added = Ajoutées
hr-count-changed = Modifiées
hr-count-deactivated = Désactivées
hr-count-reactivated = Réactivées
hr-count-refused = Lignes refusées
hr-count-unresolved = Gestionnaire introuvable
hr-count-unchanged = Inchangées
hr-count-new-offices = Nouveaux bureaux
hr-list-added = { $count ->
    [one] { $count } personne ajoutée
   *[other] { $count } personnes ajoutées
}
hr-list-changed = { $count ->
    [one] { $count } personne modifiée
   *[other] { $count } personnes modifiées
}
hr-list-deactivated = { $count ->
    [one] { $count } personne désactivée
   *[other] { $count } personnes désactivées
}
hr-list-reactivated = { $count ->
    [one] { $count } personne réactivée
   *[other] { $count } personnes réactivées
}
hr-list-refused = { $count ->
    [one] { $count } ligne refusée
   *[other] { $count } lignes refusées
}
hr-list-unresolved = { $count ->
    [one] { $count } personne dont le gestionnaire est introuvable
   *[other] { $count } personnes dont le gestionnaire est introuvable
}
hr-list-new-offices = { $count ->
    [one] { $count } nouveau bureau
   *[other] { $count } nouveaux bureaux
}
hr-and-more = … et { $count } de plus.
hr-person = Personne
hr-change-field = Champ
hr-change-from-to = Avant → après
hr-row = Ligne
hr-reason = Motif
hr-manager-number = Numéro d'employé du gestionnaire
hr-unresolved-help = Ces personnes sont importées sans gestionnaire : le numéro d'employé indiqué pour leur gestionnaire ne figure ni dans Mastery ni dans cette liste.
hr-row-line = ligne { $line }
hr-row-resource = dossier RH { $id }
hr-field-name = Nom
hr-field-office = Bureau
hr-field-manager = Gestionnaire
hr-field-track = Volet
hr-field-program-manager = Gestionnaire de programme débutant
hr-yes = oui
hr-no = non
hr-refusal-missing-employee-number = Aucun numéro d'employé.
hr-refusal-missing-name = Aucun nom.
hr-refusal-duplicate-employee-number = Ce numéro d'employé figure déjà plus haut ({ $first }).
hr-refusal-manager-loop = Les gestionnaires forment une boucle : { $chain }.
hr-refusal-unknown-office = Le bureau « { $office } » est inconnu de Mastery, et aucun fuseau horaire n'est fourni pour le créer.
hr-refusal-unknown-time-zone = « { $zone } » n'est pas un fuseau horaire connu de Mastery.
hr-refusal-bad-language = « { $value } » n'est pas une langue offerte par Mastery.
hr-refusal-bad-track = « { $value } » n'est pas un volet du programme.
hr-refusal-bad-flag = Colonne { $column } : « { $value } » n'est ni oui ni non.
hr-refusal-field-count = Cette ligne compte { $found } champs alors que l'en-tête en compte { $expected }.
hr-refusal-unreadable = Cette ligne est illisible ({ $detail }).
hr-refusal-not-yourself = Vous ne pouvez pas désactiver votre propre compte.
hr-apply = Appliquer cette importation
hr-applying = Application en cours…
hr-applied = L'importation est appliquée.
hr-import-when = Importation du { $when } depuis { $source }.

hr-status-title = Statut envoyé aux RH
hr-last-import = Dernière importation de la liste du personnel
hr-no-import-yet = Aucune liste du personnel n'a encore été importée.
hr-deliveries = Messages de statut
hr-waiting = En attente d'envoi
hr-delivered = Livrés
hr-last-delivered = Dernière livraison
hr-never = jamais
hr-failing-none = Tous les messages envoyés jusqu'ici sont parvenus aux RH.
hr-failing-count = { $count ->
    [one] { $count } message n'est pas parvenu aux RH
   *[other] { $count } messages ne sont pas parvenus aux RH
}
hr-attempts = Tentatives
hr-hr-reason = Réponse des RH
hr-delivery-state = État
hr-next-attempt = Prochaine tentative
hr-parked = Mis de côté
hr-conflict = Modifié aux RH
hr-retrying = Nouvel essai prévu
hr-after-retry = quand vous relancerez l'envoi
hr-failing-help = Mis de côté : Mastery a cessé d'essayer jusqu'à ce que vous appuyiez sur « Envoyer maintenant / réessayer ». Modifié aux RH : le dossier a été modifié du côté des RH depuis la dernière écriture de Mastery; vérifiez-le avec les RH avant de réessayer.
hr-sync-now = Envoyer maintenant / réessayer
hr-sync-done = L'envoi est terminé.
hr-sync-queued = { $count ->
    [0] Aucun nouveau changement de statut trouvé.
    [one] { $count } nouveau changement de statut mis en file d'attente.
   *[other] { $count } nouveaux changements de statut mis en file d'attente.
}
hr-sync-attempted = { $count ->
    [0] Aucun message n'attendait d'être envoyé.
    [one] { $count } message envoyé.
   *[other] { $count } messages envoyés.
}
hr-sync-delivered = { $count ->
    [one] { $count } livré.
   *[other] { $count } livrés.
}
hr-sync-already-applied = { $count ->
    [one] { $count } était déjà inscrit aux RH.
   *[other] { $count } étaient déjà inscrits aux RH.
}
hr-sync-failed = { $count ->
    [one] { $count } en échec.
   *[other] { $count } en échec.
}
hr-sync-parked = { $count ->
    [one] { $count } mis de côté.
   *[other] { $count } mis de côté.
}
hr-sync-conflicts = { $count ->
    [one] { $count } modifié aux RH entre-temps.
   *[other] { $count } modifiés aux RH entre-temps.
}
hr-export-status = Exporter le statut en CSV
hr-saved = Enregistré dans { $path }
hr-reconcile = Comparer avec les RH
hr-reconcile-same = { $count ->
    [one] { $count } personne comparée : les RH concordent avec Mastery.
   *[other] { $count } personnes comparées : les RH concordent avec Mastery.
}
hr-reconcile-differences = { $count ->
    [one] { $count } écart
   *[other] { $count } écarts
} parmi { $compared } personnes comparées
hr-in-mastery = Dans Mastery
hr-at-hr = Aux RH
hr-no-record = Aucun dossier aux RH
hr-no-certification = Aucune certification
hr-certification = { $track } niveau { $level } : { $status } jusqu'au { $until }
hr-track-clients = Clients
hr-track-colleagues = Collègues
hr-track-communities = Collectivités
hr-track-staff = Personnel
hr-realign = Remettre les RH en concordance
hr-realign-hint = Compare avec les RH, puis met en file d'attente le statut de Mastery pour toutes les personnes dont le dossier RH diffère. Rien n'est envoyé avant la prochaine livraison.
hr-realigned = { $count ->
    [0] Les RH concordent déjà : rien à mettre en file d'attente.
    [one] { $count } message de statut mis en file d'attente pour les RH.
   *[other] { $count } messages de statut mis en file d'attente pour les RH.
}
hr-progress-reading = { $done } sur { $total } lus auprès des RH
hr-progress-sending = { $done } messages envoyés sur { $total }
hr-progress-working = Traitement en cours…

hr-codes-title = Codes d'activation
hr-codes-intro = Une nouvelle personne se connecte la première fois avec son numéro d'employé et un code à usage unique, puis choisit son mot de passe. Les codes expirent.
hr-without-code = { $count ->
    [0] Toutes les nouvelles personnes ont un compte ou un code valide.
    [one] { $count } nouvelle personne n'a pas encore de code.
   *[other] { $count } nouvelles personnes n'ont pas encore de code.
}
hr-codes-create = Créer les codes
hr-codes-none-needed = Aucun code n'était nécessaire.
hr-codes-count = { $count ->
    [one] { $count } nouveau code
   *[other] { $count } nouveaux codes
}
hr-codes-once = Ces codes ne sont affichés qu'une seule fois. Enregistrez-les en CSV ou remettez-les avant de quitter cette page.
hr-code = Code
hr-code-expires = Expire le
hr-codes-save = Enregistrer en CSV

## Première connexion avec un code d'activation
activate-open = Première visite? Activez votre compte
activate-title = Activer votre compte
activate-intro = Entrez votre numéro d'employé et le code d'activation remis par votre administrateur, puis choisissez votre mot de passe.
activate-code = Code d'activation
activate-code-hint = Dix lettres et chiffres, tels qu'ils vous ont été remis (par exemple ABCDE-23456).
activate-password = Choisissez un mot de passe
activate-submit = Activer et me connecter
activate-busy = Activation en cours…

## Refus liés aux RH
problem-hr-not-configured = La connexion aux RH n'est pas configurée : choisissez SCIM, puis enregistrez son adresse et son jeton.
problem-bad-url = « { $given } » n'est pas une adresse Web commençant par https:// ou http://.
problem-hr-unreachable = Impossible de joindre les RH (aucune réponse à temps, ou connexion refusée ou interrompue). Vérifiez l'adresse et le réseau, puis réessayez.
problem-hr-refused = Les RH ont refusé la demande (code { $status }) : { $detail }
problem-hr-answer-unreadable = La réponse des RH n'a pas pu être lue comme du SCIM. Vérifiez l'adresse.
problem-hr-no-record = Les RH n'ont aucun dossier pour le numéro d'employé { $number }. Ajoutez la personne dans le système des RH (ou corrigez le numéro), puis réessayez.
problem-hr-edited-there = Le statut de formation de cette personne a été modifié dans le système des RH depuis le dernier envoi de Mastery. Vérifiez-le avec les RH; réessayer remplace ce statut par celui de Mastery.
problem-hr-damaged-message = Ce message de statut est endommagé et ne peut pas être envoyé.
problem-not-utf8 = La ligne { $line } n'est pas du texte UTF-8. Enregistrez le fichier au format « CSV UTF-8 » et réessayez.
problem-missing-columns = { $count ->
    [one] Il manque au fichier la colonne { $columns }.
   *[other] Il manque au fichier les colonnes { $columns }.
}
problem-empty-roster = Le fichier est vide : il n'a pas de ligne d'en-tête.
problem-roster-changed = La liste du personnel ou les personnes ont changé depuis l'aperçu. Refaites l'aperçu, puis appliquez l'importation.
problem-activation-refused = Ce numéro d'employé et ce code d'activation ne correspondent à aucun code valide. Les codes sont à usage unique et expirent; au besoin, demandez-en un nouveau à votre administrateur.

## Séances de formation
nav-classes = Séances de formation
classes-title = Séances de formation
classes-intro = Les séances sont des rencontres en personne ou virtuelles d'un cours. Inscrivez-vous à une séance, ou à sa liste d'attente si elle est complète : la première personne en attente obtient la prochaine place qui se libère.
classes-surveys-title = Sondages à remplir
classes-cancelled-title = Séances annulées
classes-cancelled-notice = La séance « { $course } » du { $date } a été annulée : { $reason }
classes-cancelled-notice-no-reason = La séance « { $course } » du { $date } a été annulée.
classes-upcoming-title = Séances à venir
classes-upcoming-none = Aucune séance n'est prévue pour l'instant.
classes-running-title = Séances que vous animez
class-when-label = Quand
class-when = { $date }, de { $start } à { $end } ({ $zone })
class-place = Lieu
class-facilitator = Animation
class-seats-label = Places
class-seats = { $taken ->
    [0] Aucune place prise sur { $capacity }
    [one] { $taken } place prise sur { $capacity }
   *[other] { $taken } places prises sur { $capacity }
}
class-waiting-label = Liste d'attente
class-waiting-count = { $count ->
    [0] Personne en attente
    [one] 1 personne en attente
   *[other] { $count } personnes en attente
}
class-seat-enrolled = Vous avez une place à cette séance.
class-seat-waiting = Votre rang sur la liste d'attente : { $position }.
class-enrol = S'inscrire
class-join-waiting-list = S'inscrire sur la liste d'attente
class-withdraw = Se désinscrire
class-take-attendance = Prendre les présences
class-cancelled = Cette séance est annulée.
class-cancelled-because = Cette séance est annulée : { $reason }
roster-title = Liste de la séance
roster-attendance-hint = Une fois la séance commencée, indiquez la présence ou l'absence de chaque personne.
roster-enrolled = { $count ->
    [0] Aucune personne inscrite
    [one] 1 personne inscrite
   *[other] { $count } personnes inscrites
}
roster-nobody-enrolled = Aucune inscription à cette séance pour l'instant.
roster-attendance = Présence
roster-attendance-of = { $name } : présence ou absence
roster-present = Présence
roster-absent = Absence
roster-waiting-title = Liste d'attente
roster-nobody-waiting = Personne n'est en attente.
roster-invite-label = Inviter une personne que vous accompagnez
roster-invite-choose = Choisir une personne…
roster-invite = Inviter
roster-cancel-title = Annuler la séance
roster-cancel-reason = Motif de l'annulation
roster-cancel-hint = Les personnes inscrites ou en attente verront ce motif. Une séance peut être annulée jusqu'à son début.
roster-cancel = Annuler la séance
schedule-title = Planifier une séance
schedule-course = Cours
schedule-date = Date
schedule-starts = Heure de début
schedule-ends = Heure de fin
schedule-place = Lieu
schedule-place-hint = Une salle, ou le nom ou le lien d'une salle virtuelle.
schedule-capacity = Nombre de places
schedule-capacity-invalid = Entrez un nombre entier de places, 1 ou plus.
schedule-zone-hint = La date et les heures sont celles du fuseau horaire de votre bureau ({ $zone }). Vous animez les séances que vous planifiez.
schedule-submit = Planifier la séance
schedule-done = La séance est planifiée.

## Sondages après une séance
survey-card-title = « { $course } », séance du { $date }
survey-card-title-online = « { $course } », terminé en ligne
survey-anonymous = Vos réponses sont anonymes : elles ne sont jamais présentées autrement que regroupées avec celles d'au moins { $min } personnes.
survey-required = (obligatoire)
survey-likert-1 = Tout à fait en désaccord
survey-likert-2 = Plutôt en désaccord
survey-likert-3 = Ni en accord ni en désaccord
survey-likert-4 = Plutôt d'accord
survey-likert-5 = Tout à fait d'accord
survey-recommend-low = 0 = Pas du tout probable
survey-recommend-high = 10 = Extrêmement probable
survey-choose-all = Cochez tout ce qui s'applique.
survey-send = Envoyer mes réponses
survey-decline = Non merci
survey-thanks = Merci : vos réponses sont enregistrées.
survey-declined = C'est noté : ce sondage ne vous sera plus proposé.
survey-problem-unknown-question = Le sondage a changé depuis l'ouverture de cette page. Rechargez la page et répondez de nouveau.
survey-problem-answered-twice = Une question a reçu deux réponses. Rechargez la page et répondez de nouveau.
survey-problem-wrong-kind = Une réponse ne correspond pas à sa question. Rechargez la page et répondez de nouveau.
survey-problem-out-of-scale = Une réponse est hors de l'échelle : choisissez une valeur de { $min } à { $max }.
survey-problem-unknown-option = Un choix n'est plus offert. Rechargez la page et répondez de nouveau.
survey-problem-required = Répondez à chaque question marquée obligatoire.
survey-problem-too-long = Un commentaire est trop long : { $max } caractères au plus.

## Résultats des sondages
nav-survey-results = Résultats des sondages
results-title = Résultats des sondages
results-intro = Ce que les gens ont dit des séances d'un cours, par version du cours. Les résultats ne s'affichent que pour des groupes assez grands pour qu'aucune réponse ne puisse être associée à une personne.
results-course = Cours
results-course-option = { $track } — niveau { $level }
results-version-label = Version
results-version = Version { $version }
results-version-line = Résultats de la version { $version } du cours.
results-by-office = Par bureau
results-by-facilitator = Par animateur ou animatrice
results-by-office-column = Bureau
results-by-facilitator-column = Animation
results-by-office-none = Terminé en ligne (aucun bureau consigné)
results-by-facilitator-none = Terminé en ligne (sans animation)
results-breakdown-note = Un groupe de moins de 5 réponses est masqué, de même que tout groupe dont on pourrait déduire les résultats à partir des autres. Les commentaires ne sont jamais présentés par groupe.
results-breakdown-responses = Réponses
results-breakdown-mean = Moyenne Q{ $n }
results-breakdown-net = Score net
results-group-hidden = Masqué : moins de { $threshold } réponses ici ou dans un groupe qu'il permettrait de déduire.
results-suppressed = Les résultats s'afficheront quand au moins { $threshold } personnes auront répondu au sondage de cette version.
results-responses = { $count ->
    [0] Aucune réponse
    [one] { $count } réponse
   *[other] { $count } réponses
}
results-rate = { $rate } % des { $asked } personnes sollicitées
results-legend = Légende
results-no-answers = Personne n'a répondu à cette question.
results-point = { $label } : { $count } ({ $percent } %)
results-likert-alt = Réponses : { $points }.
results-mean = Moyenne : { $mean } sur 5 ({ $count ->
    [0] aucune réponse
    [one] { $count } réponse
   *[other] { $count } réponses
})
results-score-count = { $score } : { $count }
results-recommend-alt = Réponses pour chaque note de 0 à 10 : { $scores }.
results-detractors = 0 à 6 : détracteurs
results-passives = 7 ou 8 : passifs
results-promoters = 9 ou 10 : promoteurs
results-net = Score net : { $net } ({ $count ->
    [0] aucune réponse
    [one] { $count } réponse
   *[other] { $count } réponses
})
results-net-hint = Le pourcentage de promoteurs moins le pourcentage de détracteurs, de −100 à +100.
results-several-choices = Plusieurs choix étaient permis : le total des parts dépasse donc 100 %.
results-count-percent = { $count } ({ $percent } %)
results-comments = { $count ->
    [0] Aucun commentaire
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
results-comments-withheld = Trop peu de commentaires pour les afficher sans risquer de révéler qui les a écrits.
results-previous-withheld = La version { $version } a reçu trop peu de réponses pour servir de comparaison.
results-comparison-title = Version { $version } comparée à la version { $previous }
results-comparison-none = Aucune question de cette version ne peut être comparée à la version précédente.
results-question = Question
results-measure = Mesure
results-measure-mean = Moyenne (de 1 à 5)
results-measure-net = Score net
results-answers-in = Réponses, { $version }
results-change = Variation
results-up = hausse
results-down = baisse
results-same = aucune variation

## Refus : séances et sondages
problem-class-no-capacity = Une séance doit offrir au moins une place.
problem-class-in-the-past = Cette date et cette heure sont déjà passées. Choisissez un moment à venir.
problem-class-ends-before-start = La séance doit se terminer après son début.
problem-class-too-long = Une séance dure au plus { $hours } heures.
problem-class-cancelled = Cette séance est annulée.
problem-class-started = Cette séance est déjà commencée : elle ne peut plus être modifiée.
problem-class-not-started = Cette séance n'est pas encore commencée. Les présences se prennent une fois qu'elle a commencé.
problem-already-enrolled = Vous avez déjà une place à cette séance ou un rang sur sa liste d'attente.
problem-not-enrolled = Aucune inscription à cette séance (ni place ni rang sur la liste d'attente).
problem-not-running-class = Seuls la personne qui anime la séance, celle qui l'a planifiée ou un gestionnaire de son bureau peuvent faire cela.
problem-not-in-class-office = Cette personne ne travaille pas au bureau pour lequel la séance est offerte.
problem-survey-not-due = Ce sondage n'attend pas votre réponse : la séance n'est pas terminée, vous avez déjà répondu ou refusé, ou il a pris fin 30 jours après la séance.
problem-not-a-time = « { $given } » n'est pas une heure. Inscrivez les heures et les minutes, par exemple 09:30.

items-title = Questions de la vérification des connaissances
items-export = Enregistrer en CSV
items-intro = Pour chaque question de la vérification des connaissances de ce cours : la part des tentatives qui l'ont réussie, dans quelle mesure elle distingue les personnes qui réussissent bien le reste de la vérification des autres (de −1 à +1; sous 0, les plus fortes s'y trompent plus souvent), et combien de fois chaque choix a été retenu.
items-none = Personne n'a encore soumis cette vérification des connaissances pour cette version.
items-attempts = { $count ->
    [0] Aucune tentative soumise.
    [one] { $count } tentative soumise.
   *[other] { $count } tentatives soumises.
} Les questions sont signalées à partir de { $min } tentatives.
items-item = Question
items-right = Réussite
items-discrimination = Discrimination
items-options = Choix (✓ bonne réponse) — fois retenu
items-flags = À revoir
items-flag-too-easy = Trop facile
items-flag-too-hard = Trop difficile
items-flag-negative = Les plus forts s'y trompent
items-flag-unused-option = Un mauvais choix que personne ne retient
results-export = Enregistrer ces résultats en CSV

## Version de travail : ce que montrait la version précédente
feedback-title = Ce que montrait la version précédente : { $course }
feedback-intro = Ce que les apprenants ont dit du cours publié et leurs résultats à sa vérification des connaissances, pour guider cette version de travail. Les résultats du sondage ne s'affichent que pour des groupes assez grands pour préserver l'anonymat des réponses.
feedback-survey-title = Sondage après la séance
feedback-suppressed = Moins de { $threshold } réponses : les résultats ne sont pas affichés, afin de préserver l'anonymat des réponses.
feedback-survey-unavailable = Les résultats du sondage ne sont pas disponibles pour ce cours.
feedback-weak = À revoir
feedback-items-title = Questions de la vérification des connaissances à revoir
feedback-items-version = Vérification des connaissances de la version { $version }.
feedback-items-unavailable = Aucune analyse de vérification des connaissances n'est disponible pour ce cours.
feedback-items-none-flagged = Aucune question de la vérification des connaissances n'est signalée.
feedback-item-stats = { $right } % de réussite · discrimination { $discrimination }
feedback-not-measured = non mesurable
feedback-full-results = Ouvrir tous les résultats des sondages
feedback-cite-title = À citer dans les notes de version
feedback-cite-intro = Ce que montrait la version précédente pour les cours que vous avez ouverts. Citez les constats auxquels vos modifications répondent, puis remplacez le texte entre crochets par ce que vous avez changé.
feedback-cite = Citer dans les notes
feedback-cited = Ajouté aux notes de version en anglais et en français.
feedback-cite-item = { $course } { $item } : { $flags } ({ $right } % de réussite)
feedback-cite-item-discrimination = { $course } { $item } : { $flags } ({ $right } % de réussite, discrimination { $discrimination })
feedback-cite-mean = { $course }, sondage, « { $question } » : moyenne de { $mean } sur 5
feedback-cite-net = { $course }, sondage, « { $question } » : score net de { $net }
feedback-cite-template = { $finding } — [ce qui a changé]

## Organization dashboard
nav-dashboard = Chiffres du programme
dashboard-title = Chiffres du programme
dashboard-intro = Cours terminés, accompagnement et certifications des personnes dont vous avez la charge. Ce que les gens ont dit dans les sondages se trouve à la page des résultats des sondages, où les groupes de moins de cinq restent masqués.
dashboard-scope-staff = Votre personnel : { $count ->
    [0] aucune personne
    [one] { $count } personne
   *[other] { $count } personnes
}
dashboard-scope-organization = Toute l'organisation : { $count ->
    [0] aucune personne
    [one] { $count } personne
   *[other] { $count } personnes
}
dashboard-completions-title = Cours terminés au fil des mois
dashboard-completions-none = Aucun cours n'a été terminé pendant les mois présentés.
dashboard-completions-chart-title = Cours terminés chaque mois, par niveau de maîtrise
dashboard-period = entre { $first } et { $last }
dashboard-period-one = en { $month }
dashboard-completions-summary = { $count ->
    [one] { $count } cours terminé
   *[other] { $count } cours terminés
} { $period } : { $l1 } au niveau 1, { $l2 } au niveau 2 et { $l3 } au niveau 3.
dashboard-completions-peak = Le mois le plus chargé : { $month }, avec { $count }.
dashboard-completions-see-table = Le tableau ci-dessous donne les chiffres cours par cours.
dashboard-completions-segment = { $month }, niveau { $level } : { $count }
dashboard-completions-table = Cours terminés, par cours et par mois
dashboard-course = Cours
dashboard-level = Niveau
dashboard-total = Total à ce jour
dashboard-total-note = Total à ce jour : les personnes visées qui ont terminé le cours à n'importe quel moment, y compris avant les mois présentés et d'après les dossiers de formation antérieure.
dashboard-coaching-title = Accompagnement par facteur
dashboard-coaching-intro = Séances d'accompagnement consignées pendant les mois présentés, selon le facteur observé. Une séance qui a porté sur plusieurs facteurs compte pour chacun.
dashboard-coaching-none = Aucune séance d'accompagnement n'a été consignée pendant les mois présentés.
dashboard-coaching-chart-title = Séances d'accompagnement par facteur, et combien l'apprenant a confirmées
dashboard-coaching-sessions = Séances
dashboard-coaching-acknowledged = Confirmées par l'apprenant
dashboard-coaching-counts = { $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
} · { $acknowledged ->
    [one] { $acknowledged } confirmée
   *[other] { $acknowledged } confirmées
}
dashboard-coaching-mean = moyenne { $mean } / { $top }
dashboard-coaching-mean-words = cote moyenne de { $mean } sur { $top }
dashboard-coaching-no-rating = aucune cote
dashboard-coaching-row = { $driver } : { $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
}, dont { $acknowledged ->
    [one] { $acknowledged } confirmée
   *[other] { $acknowledged } confirmées
} par l'apprenant, { $mean }.
dashboard-coaching-note = Les accompagnateurs cotent chaque facteur observé de 1 à { $top }.
dashboard-certifications-title = Certifications par bureau
dashboard-certifications-none = Aucun chiffre par bureau à présenter.
dashboard-certifications-table = Certifications en vigueur aujourd'hui, par bureau
dashboard-office = Bureau
dashboard-no-office = Aucun bureau consigné
dashboard-people = Personnes
dashboard-level-in-force = Niveau { $level } en vigueur
dashboard-expiring = Échéance dans les 90 jours
dashboard-share = Part certifiée
dashboard-share-value = { $percent } %
dashboard-share-note = Part certifiée : les personnes qui détiennent une certification en vigueur, quel qu'en soit le niveau, rapportées au nombre de personnes du bureau.
