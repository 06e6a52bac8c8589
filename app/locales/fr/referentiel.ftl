# Les 10 thèmes du référentiel national et leurs objectifs (tirés de ../shared/data/referentiel-carnet-de-bord.json ;
# un test vérifie que ces textes français sont ceux du référentiel). Clé : objectif-<thème>-<rang>.

theme-logement = Logement
objectif-logement-1 = Accéder à un logement
objectif-logement-2 = Changer de logement
objectif-logement-3 = Rechercher une solution d’hébergement temporaire
objectif-logement-4 = Réduire les impayés de loyer
objectif-logement-5 = S'informer sur les démarches liées au logement (budget, état des lieux… )
objectif-logement-6 = Se maintenir dans le logement

theme-emploi = Emploi
objectif-emploi-1 = Confirmer son choix de métier
objectif-emploi-2 = Connaître les opportunités d'emploi
objectif-emploi-3 = Découvrir un métier ou un secteur d'activité
objectif-emploi-4 = Identifier ses points forts et ses compétences
objectif-emploi-5 = Développer son réseau
objectif-emploi-6 = Organiser ses démarches de recherche d'emploi
objectif-emploi-7 = Réaliser un CV et/ou une lettre de motivation
objectif-emploi-8 = Valoriser ses compétences
objectif-emploi-9 = Convaincre et recruter en entretien
objectif-emploi-10 = Faire des candidatures spontanées
objectif-emploi-11 = Répondre à des offres d'emploi
objectif-emploi-12 = Suivre ses candidatures et relancer les recruteurs
objectif-emploi-13 = Définir son projet de création d'entreprise
objectif-emploi-14 = Développer son entreprise
objectif-emploi-15 = Structurer son projet de création d'entreprise
objectif-emploi-16 = Connaître les opportunités d'emploi à l'étranger
objectif-emploi-17 = S'informer sur les aides pour travailler à l'étranger
objectif-emploi-18 = S'organiser suite à son retour en France

theme-formation = Formation
objectif-formation-1 = Monter son dossier de formation
objectif-formation-2 = Trouver sa formation

theme-difficulte_administrative = Difficultés administratives
objectif-difficulte_administrative-1 = Bénéficier d'un accompagnement à l'accès à la citoyenneté
objectif-difficulte_administrative-2 = Bénéficier d’un accompagnement pour accéder aux droits
objectif-difficulte_administrative-3 = Bénéficier d’un appui aux démarches administratives
objectif-difficulte_administrative-4 = Bénéficier d'une mesure d'accompagnement adapté
objectif-difficulte_administrative-5 = Connaître les voies de recours face à une discrimination
objectif-difficulte_administrative-6 = Prendre en compte une problématique judiciaire

theme-difficulte_financiere = Difficultés financières
objectif-difficulte_financiere-1 = Acquérir une autonomie budgétaire
objectif-difficulte_financiere-2 = Améliorer sa gestion budgétaire
objectif-difficulte_financiere-3 = Faire face à une situation d'endettement / surendettement
objectif-difficulte_financiere-4 = Mettre en place une mesure de protection financières (tutelles, curatelles, …)
objectif-difficulte_financiere-5 = Prévenir une dégradation de la situation financière

theme-mobilite = Mobilité
objectif-mobilite-1 = Accéder à un véhicule
objectif-mobilite-2 = Entretenir ou réparer son véhicule
objectif-mobilite-3 = Faire un point complet sur sa mobilité
objectif-mobilite-4 = Obtenir le permis de conduire (code / conduite)
objectif-mobilite-5 = Travailler la mobilité psychologique
objectif-mobilite-6 = Trouver une solution de transport (hors acquisition ou entretien de véhicule)

theme-sante = Santé
objectif-sante-1 = Bénéficier d’un accompagnement pour accéder aux droits et/ou aux soins
objectif-sante-2 = Constituer un dossier MDPH/invalidité
objectif-sante-3 = Travailler sur les comportements de santé (dépendances, hygiène corporelle, dépistage, …)

theme-contraintes_familiales = Contraintes familiales
objectif-contraintes_familiales-1 = Faire face à la prise en charge d’une personne dépendante
objectif-contraintes_familiales-2 = Faire face à un conflit familial et/ou une séparation
objectif-contraintes_familiales-3 = Obtenir le statut d’aidant familial
objectif-contraintes_familiales-4 = Rompre l’isolement
objectif-contraintes_familiales-5 = Surmonter des difficultés éducatives ou de parentalité
objectif-contraintes_familiales-6 = Trouver des solutions de garde d’enfant

theme-maitrise_langue = Maîtrise de la langue française
objectif-maitrise_langue-1 = Apprendre / Améliorer ses capacités en calcul
objectif-maitrise_langue-2 = Apprendre / Améliorer ses capacités en français

theme-numerique = Numérique
objectif-numerique-1 = Accéder à des services en ligne
objectif-numerique-2 = Accéder à un ordinateur, une tablette ou un smartphone
objectif-numerique-3 = Accéder à une connexion internet
objectif-numerique-4 = Maitriser les fondamentaux du numérique
