# Itinéraire — les textes des pages de la personne, en français (la langue de référence).
# Chaque langue a les mêmes clés (un test le vérifie). Les textes des offres restent en français.

meta-description = Itinéraire : vos prochaines étapes et les aides près de chez vous pour avancer vers l’emploi.

## Langue
langue-choix = Choisissez votre langue
langue-titre = Choisir la langue
langue-explication = Les pages sont traduites. Les textes des offres et des ateliers restent en français.
langue-offres-en-francais = Les textes des offres sont en français.

## En-tête et pied de page
nav-aller-contenu = Aller au contenu
nav-slogan = Vos démarches vers l’emploi, pas à pas
nav-menu = Menu principal
nav-accueil = Accueil
nav-etapes = Mes étapes
nav-catalogue = Trouver une aide
nav-ateliers = Ateliers
nav-langue = changer de langue
nav-mes-badges = Mes badges
nav-verifier = Vérifier un badge
nav-service-public = Service public de l’insertion et de l’emploi
chargement = Chargement…

## Erreurs
erreur-introuvable = Page introuvable
erreur-introuvable-texte = Cette page n’existe pas ou plus.
erreur-page-absente = Cette page n’existe pas
erreur-page-absente-texte = L’adresse est peut-être mal écrite, ou la page a été déplacée.
erreur-retour-accueil = Revenir à l’accueil
erreur-indisponible = Service momentanément indisponible
erreur-indisponible-texte = Le service est momentanément indisponible. Réessayez dans quelques minutes.
erreur-demande = Demande incorrecte
erreur-connexion = Connexion nécessaire
erreur-acces = Accès refusé
erreur-conflit = Modification en conflit

## Accueil
accueil-titre = Itinéraire : avancer vers l’emploi, à votre rythme
accueil-intro = Itinéraire vous explique les prochaines étapes de votre accompagnement. Il vous montre aussi les aides près de chez vous pour lever ce qui vous bloque : logement, transport, santé, garde d’enfants et plus encore.
accueil-etapes = Mes prochaines étapes
accueil-themes = Les 10 thèmes où l’on peut vous aider
accueil-filtre-label = Chercher un thème (par exemple : loyer, permis, santé)
accueil-filtre-bouton = Chercher
accueil-recherche-longue = Votre recherche est trop longue (plus de { $max } caractères). Essayez avec un ou deux mots.
accueil-themes-trouves = { $n ->
    [0] Aucun thème ne correspond à « { $q } ». Essayez un autre mot.
    [one] 1 thème correspond à « { $q } ».
   *[other] { $n } thèmes correspondent à « { $q } ».
}
accueil-ensemble = Ce que l’on peut faire ensemble ({ $n })

## Mes étapes
etapes-bienvenue = Bienvenue
etapes-bienvenue-texte = Vous allez être accompagné pour avancer vers l’emploi. Voici ce qui va se passer, étape par étape.
etapes-en-savoir-plus = En savoir plus
etapes-numero = Étape { $n }
etapes-territoire = Territoire : { $nom }
etapes-ce-qui-va-se-passer = Ce qui va se passer
etapes-comprendre = Pour bien comprendre
etapes-territoire-inconnu = Territoire inconnu
etapes-territoire-inconnu-texte = Ce territoire n’est pas connu. Vérifiez le lien de votre lettre, ou choisissez votre territoire ci-dessous.
etapes-choisir-territoire = Choisissez votre territoire
aide-titre = Une question ? Parlez à quelqu’un
aide-appeler = Appeler le { $tel }

## Catalogue
catalogue-titre = Trouver une aide près de chez vous
catalogue-par-theme = Par thème
catalogue-rechercher = Rechercher (par exemple : permis, loyer, CV)
catalogue-sur-place = Sur place
catalogue-a-distance = À distance
catalogue-a-distance-long = À distance (téléphone, internet)
filtre-theme = Thème
filtre-tous-themes = Tous les thèmes
filtre-commune = Seulement dans cette commune
filtre-toutes-communes = Toutes les communes
filtre-mode = Sur place ou à distance
filtre-les-deux = Les deux
filtre-public = Pour qui
filtre-tous-publics = Tous les publics
filtre-gratuit = Seulement les offres gratuites
filtre-ouvert = Seulement les lieux ouverts aujourd’hui
filtre-voir = Voir les offres
filtre-effacer = Effacer les filtres
catalogue-recherche-impossible = Recherche impossible
offres-nombre = { $n ->
    [0] Aucune offre ne correspond
    [one] 1 offre
   *[other] { $n } offres
}
catalogue-correction = « { $mot } » au lieu de « { $tape } »
catalogue-corrections = Nous avons cherché { $liste }.
catalogue-vide = Essayez avec un autre mot, ou enlevez un filtre.
catalogue-tout-voir = Voir toutes les offres
catalogue-lieu-inconnu = Lieu non précisé
filtre-pres = Près de chez vous
filtre-pres-commune = Votre commune ou votre code postal
filtre-pres-aide = Les offres les plus proches seront en premier.
position-utiliser = Utiliser ma position
position-recherche = Recherche de votre position…
position-refusee = Vous n’avez pas permis l’accès à votre position. Écrivez votre commune à la place.
position-trop-longue = Votre position n’a pas été trouvée à temps. Réessayez, ou écrivez votre commune.
position-indisponible = Votre position n’est pas disponible sur cet appareil. Écrivez votre commune.
position-non-gardee = Elle sert seulement à trier la liste. Elle n’est pas enregistrée.
catalogue-pres-de = Les offres les plus proches de { $commune } d’abord.
catalogue-pres-de-vous = Les offres les plus proches de vous d’abord.
catalogue-vol-d-oiseau = Distances à vol d’oiseau.
catalogue-km = à { $km } km
catalogue-moins-1-km = à moins de 1 km
catalogue-communes-possibles = Plusieurs communes correspondent. Choisissez la vôtre :
catalogue-a-distance-titre = Aussi à distance, sans vous déplacer
catalogue-a-distance-toutes = Voir toutes les offres à distance
distance-commune-inconnue = Nous ne trouvons pas « { $commune } » en Haute-Garonne. Écrivez le nom de votre commune ou son code postal, par exemple 31800.
distance-position-incomprise = Votre position n’est pas comprise. Écrivez plutôt votre commune.
catalogue-voir-plus = Voir plus d’offres ({ $n } sur { $total })
catalogue-limite = { $n } offres sur { $total } sont affichées. Ajoutez un mot ou un filtre pour trouver plus vite.
catalogue-imprimer = Imprimer cette liste (pour quelqu’un sans téléphone)

## Horaires
horaires-ouvert-aujourdhui = Ouvert aujourd’hui : { $plages }
horaires-ouvert-maintenant = ouvert en ce moment
horaires-ferme-aujourdhui = Fermé aujourd’hui
horaires-ferme = Fermé
horaires-ferie = jour férié
horaires-toute-la-journee = toute la journée
horaires-7-jours = Horaires des 7 prochains jours
horaires-jour = { $j ->
    [0] Lundi
    [1] Mardi
    [2] Mercredi
    [3] Jeudi
    [4] Vendredi
    [5] Samedi
   *[6] Dimanche
} { $d }

## Une offre
offre-toutes = Toutes les offres
offre-gratuit = Gratuit
offre-payant = Payant
offre-non-precise = Non précisé
offre-courriel = Courriel
offre-site = Site internet (nouvelle fenêtre)
offre-quoi = De quoi s’agit-il ?
offre-pour-qui = Pour qui ?
offre-conditions = Conditions
offre-cout = Combien ça coûte ?
offre-acces = Comment y accéder ?
offre-pour-commencer = Pour commencer :
offre-ou-quand = Où et quand ?
offre-horaires = Horaires
offre-contact = Contact
offre-mise-a-jour = Mis à jour le { $date } · Source : { $source }
offre-garder = Garder cette offre sur ce téléphone
offre-gardee = Offre gardée sur ce téléphone ✓

## Mes offres gardées
mes-offres-titre = Mes offres gardées
mes-offres-texte = Elles sont gardées seulement sur ce téléphone. Personne d’autre ne les voit.
mes-offres-noscript = Pour voir les offres gardées, il faut activer JavaScript dans le navigateur.
mes-offres-vide = Vous n’avez gardé aucune offre sur ce téléphone. Dans le catalogue, touchez « Garder cette offre ».
mes-offres-retirer = Retirer
mes-offres-autres = Chercher d’autres offres

## Formulaires
champ-obligatoire = { $champ } (obligatoire)
formulaire-erreurs = { $n ->
    [one] Le formulaire contient 1 erreur
   *[other] Le formulaire contient { $n } erreurs
}
erreur-prenom-manquant = Indiquez votre prénom.
erreur-nom-manquant = Indiquez votre nom.
erreur-trop-long = Ce champ doit faire au plus { $max } caractères.
erreur-caracteres = Ce champ contient des caractères non permis.
erreur-portable = Ce numéro de portable n’est pas valide. Exemple : 06 12 34 56 78.
erreur-courriel = Cette adresse e-mail n’est pas valide. Exemple : prenom.nom@exemple.fr.
erreur-contact-manquant = Indiquez un numéro de portable ou une adresse e-mail, pour recevoir la confirmation.
erreur-consentement = Cochez la case pour accepter que l’organisateur garde ces informations.

## Ateliers
ateliers-titre = Ateliers gratuits près de chez vous
ateliers-intro = Des ateliers pour avancer : faire son CV, découvrir des métiers, ses droits, la mobilité… Gratuits et ouverts à tous. Inscription en 2 minutes, sans créer de compte.
ateliers-places = { $n ->
    [0] Complet – liste d’attente possible
    [one] 1 place restante
   *[other] { $n } places restantes
}
ateliers-en-ligne = En ligne (visio)
ateliers-a-commence = a commencé
ateliers-seances = { $n ->
    [0] Aucune séance à venir pour ces choix.
    [one] 1 séance à venir
   *[other] { $n } séances à venir, les plus proches d’abord
}
ateliers-ou = Où
ateliers-partout = Partout
ateliers-afficher = Afficher
ateliers-tous = Voir tous les ateliers
ateliers-tous-court = Tous les ateliers
ateliers-lien-visio = Lien de la visio
ateliers-visio-inscrits = Le lien de la visio est donné aux personnes inscrites.
ateliers-quand = Quand
ateliers-organise-par = Organisé par
ateliers-prix = Prix
ateliers-gratuit = gratuit
ateliers-motif = Motif
ateliers-annulee = Cette séance est annulée.
ateliers-terminee = Cette séance est terminée.
ateliers-competences = Ce que vous allez travailler
ateliers-accessibilite = Accessibilité
ateliers-autres-dates = Autres dates
langue-ateliers-en-francais = La présentation de l’atelier est en français. L’atelier a lieu en français.
date-jour = { $j ->
    [0] lundi
    [1] mardi
    [2] mercredi
    [3] jeudi
    [4] vendredi
    [5] samedi
   *[6] dimanche
} { $d } { $m ->
    [0] janvier
    [1] février
    [2] mars
    [3] avril
    [4] mai
    [5] juin
    [6] juillet
    [7] août
    [8] septembre
    [9] octobre
    [10] novembre
   *[11] décembre
} { $y }
date-seance = { $jour }, { $debut } – { $fin }
date-seance-jours = du { $jour }, { $debut } au { $jour2 }, { $fin }

## Inscription à un atelier
inscription-titre = M’inscrire
inscription-attente = M’inscrire sur la liste d’attente
inscription-complet = Cette séance est complète. Si une place se libère, la première personne de la liste d’attente a la place et reçoit un message.
inscription-sans-compte = Pas besoin de créer de compte.
inscription-bouton = Je m’inscris
inscription-consentement-aide = Votre nom et votre numéro ou e-mail servent seulement à vous prévenir, à faire l’appel et, si vous venez, à vous remettre un badge à votre nom (le numéro ou l’e-mail n’y figure que codé). Seul l’organisateur les voit. Ils sont effacés { $jours } jours après l’atelier ; votre badge reste à vous.
inscription-prenom = Prénom
inscription-nom = Nom
inscription-un-des-deux = Pour recevoir la confirmation, indiquez au moins un des deux :
inscription-portable = Numéro de portable
inscription-portable-aide = Vous recevrez un SMS. Exemple : 06 12 34 56 78.
inscription-courriel = Adresse e-mail
inscription-consentement = J’accepte que l’organisateur garde ces informations pour cet atelier.
inscription-reservee = Votre place est réservée
inscription-en-attente = Vous êtes sur la liste d’attente
inscription-annulee = Votre inscription est annulée
inscription-annulee-merci = C’est fait : votre inscription est annulée. Merci d’avoir prévenu.
inscription-merci = Merci { $prenom } ! Vous allez recevoir un message avec le lien de cette page.
inscription-envoyee = Merci ! Votre demande est bien reçue. Vous recevez dans un instant un SMS ou un e-mail avec le lien de votre inscription : il dit si vous avez une place ou si vous êtes sur la liste d’attente, et permet d’annuler. Rien reçu dans 10 minutes ? Appelez l’organisateur.
inscription-rang = { $n ->
    [one] Vous êtes le prochain sur la liste. Si une place se libère, vous l’avez et vous recevez un message.
   *[other] Vous êtes n° { $n } sur la liste. Si une place se libère, vous recevez un message.
}
inscription-seance-annulee = L’organisateur a annulé cette séance.
inscription-badge = Votre badge
inscription-badge-bravo = Bravo ! Vous avez participé à cet atelier. Votre badge le prouve : montrez-le à un employeur.
inscription-voir-badge = Voir mon badge
inscription-badges-lien = Tous vos badges sont dans « Mes badges » : le lien vous a été envoyé par SMS ou e-mail.
inscription-lien-perdu = Lien perdu ?
inscription-agenda = Ajouter à mon agenda
inscription-garder-page = Gardez cette page : son adresse est votre lien personnel pour retrouver ou annuler votre inscription.
inscription-empeche = Vous ne pouvez pas venir ?
inscription-annuler-texte = Annulez votre inscription : la place ira à une autre personne.
inscription-annuler = Annuler mon inscription

## Badges
badge-authentique = Badge authentique : vérifié à l’instant par Itinéraire.
badge-revoque = Badge révoqué : il n’est plus valable.
badge-invalide = Badge invalide : il a été modifié ou ne vient pas de l’émetteur annoncé.
badge-non-valable = Badge non valable : voir le détail ci-dessous.
badge-signature-invalide = Signature invalide.
badge-revoque-emetteur = Révoqué par l’émetteur.
badge-obtenu-par = Obtenu par
badge-le = Le
badge-delivre-par = Délivré par
badge-competences = Compétences travaillées
badge-criteres = Comment il a été obtenu
badge-verification = Vérification
badge-signature-valide = Signature valide : le contenu n’a pas été modifié.
badge-emetteur-identifie = Émetteur identifié : { $id }.
badge-emetteur-introuvable = Émetteur introuvable : sa clé n’a pas pu être obtenue.
badge-statut-inconnu = État de révocation impossible à vérifier.
badge-non-revoque = Non révoqué (liste de révocation signée, vérifiée).
badge-sans-liste = Sans liste de révocation : l’émetteur ne peut pas l’annuler.
badge-pas-expire = Pas expiré.
badge-expire = Expiré.
badge-pas-encore = Pas encore valable : sa date de début est à venir.
badge-partager = Partager ce badge
badge-partager-texte = Un employeur peut le vérifier avec ce lien, ou en scannant ce QR code :
badge-qr = QR code du lien de ce badge
badge-telecharger = Télécharger le badge (fichier .json)
badge-verifier-autre = Vérifier un autre badge
badges-aucun = Vous n’avez pas encore de badge.
badges-intro = Voici les badges obtenus dans les ateliers. Chacun prouve ce que vous avez appris. Pour le montrer à un employeur, donnez-lui le lien du badge ou faites-lui scanner son QR code.
badges-prive = Cette page est à vous seul : ne partagez pas son adresse, partagez plutôt chaque badge.
badges-lien-casse = Ce lien ne fonctionne pas. Vérifiez qu’il est complet, ou demandez un nouveau lien.
badges-fermer-titre = Quelqu’un d’autre a vu ce lien ?
badges-fermer-texte = Fermez-le : il ne marchera plus. Vous demanderez ensuite un nouveau lien avec votre numéro ou votre adresse e-mail. Un lien marche 180 jours.
badges-fermer-bouton = Fermer ce lien
badges-ferme = Le lien est fermé. Pour un nouveau lien, indiquez votre numéro ou votre adresse e-mail ci-dessous.
badges-nouveau-lien = Recevoir un nouveau lien
badges-revoque = Ce badge a été révoqué : il n’est plus valable.
badges-lien-partager = Lien à partager
badges-voir = Voir, partager ou montrer le QR code
badges-telecharger = Télécharger (fichier .json)
badges-porte-titre = Mes badges : recevoir mon lien
badges-porte-intro = Quand vous participez à un atelier, vous recevez un badge. Un lien personnel vers tous vos badges vous est envoyé par SMS ou par e-mail.
badges-envoye = C’est envoyé. Si des badges sont liés à ce contact, vous allez recevoir un nouveau lien dans quelques minutes.
badges-lien-perdu = Vous avez perdu votre lien ?
badges-contact = Votre numéro de portable ou votre adresse e-mail
badges-contact-aide = Celui donné à l’inscription à l’atelier. Exemple : 06 12 34 56 78.
badges-voir-ateliers = Voir les ateliers
badges-erreur-contact = Indiquez le numéro de portable (06 ou 07) ou l’adresse e-mail donnés à l’inscription.
badges-trop-de-demandes = Trop de demandes ont été envoyées depuis cette connexion. Réessayez dans une heure, ou demandez votre lien à l’organisateur de l’atelier.

## Lien d’une lettre d’invitation
invitation-perime = Ce lien n’est plus valable
invitation-perime-texte = Le lien de votre courrier a expiré. Ce n’est pas grave : une personne peut vous aider et vous redonner un lien.
invitation-inconnu = Ce lien n’existe pas
invitation-inconnu-texte = Vérifiez les lettres et les chiffres du lien, ou appelez : une personne peut vous aider.
invitation-en-attendant = En attendant
invitation-etapes = Les prochaines étapes, en général
invitation-aides = Les aides près de chez vous
invitation-ateliers = Les ateliers gratuits
