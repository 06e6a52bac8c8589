# Itinéraire — English. Same keys as locales/fr (checked by a test).

meta-description = Itinéraire: your next steps and the help near you to move towards work.

## Language
langue-choix = Choose your language
langue-titre = Choose the language
langue-explication = The pages are translated. The texts of the offers and workshops stay in French.
langue-offres-en-francais = The texts of the offers are in French.

## Header and footer
nav-aller-contenu = Skip to content
nav-slogan = Your steps towards work, one at a time
nav-menu = Main menu
nav-accueil = Home
nav-etapes = My steps
nav-catalogue = Find help
nav-ateliers = Workshops
nav-langue = change language
nav-mes-badges = My badges
nav-verifier = Check a badge
nav-service-public = French public service for integration and employment
chargement = Loading…

## Errors
erreur-introuvable = Page not found
erreur-introuvable-texte = This page does not exist, or no longer exists.
erreur-page-absente = This page does not exist
erreur-page-absente-texte = The address may be mistyped, or the page has moved.
erreur-retour-accueil = Back to the home page
erreur-indisponible = Service temporarily unavailable
erreur-indisponible-texte = The service is temporarily unavailable. Please try again in a few minutes.
erreur-demande = Incorrect request
erreur-connexion = Sign-in needed
erreur-acces = Access denied
erreur-conflit = Conflicting change

## Home
accueil-titre = Itinéraire: moving towards work, at your own pace
accueil-intro = Itinéraire explains the next steps of your support. It also shows you the help near you for what holds you back: housing, transport, health, childcare and more.
accueil-etapes = My next steps
accueil-themes = The 10 areas where we can help you
accueil-filtre-label = Search an area (for example: rent, driving licence, health)
accueil-filtre-bouton = Search
accueil-recherche-longue = Your search is too long (more than { $max } characters). Try one or two words.
accueil-themes-trouves = { $n ->
    [0] No area matches “{ $q }”. Try another word.
    [one] 1 area matches “{ $q }”.
   *[other] { $n } areas match “{ $q }”.
}
accueil-ensemble = What we can do together ({ $n })

## My steps
etapes-bienvenue = Welcome
etapes-bienvenue-texte = You will get support to move towards work. Here is what will happen, step by step.
etapes-en-savoir-plus = Learn more
etapes-numero = Step { $n }
etapes-territoire = Area: { $nom }
etapes-ce-qui-va-se-passer = What will happen
etapes-comprendre = To understand
etapes-territoire-inconnu = Unknown area
etapes-territoire-inconnu-texte = We do not know this area. Check the link in your letter, or choose your area below.
etapes-choisir-territoire = Choose your area
aide-titre = A question? Talk to someone
aide-appeler = Call { $tel }

## Catalogue
catalogue-titre = Find help near you
catalogue-par-theme = By area
catalogue-rechercher = Search (for example: licence, rent, CV)
catalogue-sur-place = In person
catalogue-a-distance = Remote
catalogue-a-distance-long = Remote (phone, internet)
filtre-theme = Area
filtre-tous-themes = All areas
filtre-commune = Only in this town
filtre-toutes-communes = All towns
filtre-mode = In person or remote
filtre-les-deux = Both
filtre-public = For whom
filtre-tous-publics = Everyone
filtre-gratuit = Free offers only
filtre-ouvert = Only places open today
filtre-voir = Show offers
filtre-effacer = Clear filters
catalogue-recherche-impossible = Search not possible
offres-nombre = { $n ->
    [0] No offer matches
    [one] 1 offer
   *[other] { $n } offers
}
catalogue-correction = “{ $mot }” instead of “{ $tape }”
catalogue-corrections = We searched for { $liste }.
catalogue-vide = Try another word, or remove a filter.
catalogue-tout-voir = See all offers
catalogue-lieu-inconnu = Place not given
filtre-pres = Near you
filtre-pres-commune = Your town or postcode
filtre-pres-aide = The nearest offers will come first.
position-utiliser = Use my location
position-recherche = Finding your location…
position-refusee = You did not allow access to your location. Type your town instead.
position-trop-longue = Your location was not found in time. Try again, or type your town.
position-indisponible = Your location is not available on this device. Type your town.
position-non-gardee = It is only used to sort the list. It is not saved.
catalogue-pres-de = Offers nearest to { $commune } first.
catalogue-pres-de-vous = Offers nearest to you first.
catalogue-vol-d-oiseau = Distances as the crow flies.
catalogue-km = { $km } km away
catalogue-moins-1-km = less than 1 km away
catalogue-communes-possibles = Several towns match. Choose yours:
catalogue-a-distance-titre = Also remote, without travelling
catalogue-a-distance-toutes = See all remote offers
distance-commune-inconnue = We cannot find “{ $commune }” in Haute-Garonne. Type the name of your town or its postcode, for example 31800.
distance-position-incomprise = Your location could not be read. Type your town instead.
catalogue-voir-plus = See more offers ({ $n } of { $total })
catalogue-limite = { $n } offers of { $total } are shown. Add a word or a filter to find faster.
catalogue-imprimer = Print this list (for someone without a phone)

## Opening hours
horaires-ouvert-aujourdhui = Open today: { $plages }
horaires-ouvert-maintenant = open now
horaires-ferme-aujourdhui = Closed today
horaires-ferme = Closed
horaires-ferie = public holiday
horaires-toute-la-journee = all day
horaires-7-jours = Opening hours for the next 7 days
horaires-jour = { $j ->
    [0] Monday
    [1] Tuesday
    [2] Wednesday
    [3] Thursday
    [4] Friday
    [5] Saturday
   *[6] Sunday
} { $d }

## One offer
offre-toutes = All offers
offre-gratuit = Free
offre-payant = Not free
offre-non-precise = Not stated
offre-courriel = E-mail
offre-site = Website (new window)
offre-quoi = What is it?
offre-pour-qui = For whom?
offre-conditions = Conditions
offre-cout = How much does it cost?
offre-acces = How to get it?
offre-pour-commencer = To start:
offre-ou-quand = Where and when?
offre-horaires = Opening hours
offre-contact = Contact
offre-mise-a-jour = Updated on { $date } · Source: { $source }
offre-garder = Keep this offer on this phone
offre-gardee = Offer kept on this phone ✓

## My kept offers
mes-offres-titre = My kept offers
mes-offres-texte = They are kept only on this phone. Nobody else sees them.
mes-offres-noscript = To see the kept offers, turn on JavaScript in the browser.
mes-offres-vide = You have not kept any offer on this phone. In the catalogue, tap “Keep this offer”.
mes-offres-retirer = Remove
mes-offres-autres = Search other offers

## Forms
champ-obligatoire = { $champ } (required)
formulaire-erreurs = { $n ->
    [one] The form has 1 error
   *[other] The form has { $n } errors
}
erreur-prenom-manquant = Enter your first name.
erreur-nom-manquant = Enter your last name.
erreur-trop-long = This field must be at most { $max } characters.
erreur-caracteres = This field contains characters that are not allowed.
erreur-portable = This mobile number is not valid. Example: 06 12 34 56 78.
erreur-courriel = This e-mail address is not valid. Example: first.last@example.fr.
erreur-contact-manquant = Enter a mobile number or an e-mail address, to get the confirmation.
erreur-consentement = Tick the box to agree that the organiser keeps this information.

## Workshops
ateliers-titre = Free workshops near you
ateliers-intro = Workshops to move forward: write your CV, discover jobs, your rights, getting around… Free and open to all. Sign up in 2 minutes, no account needed.
ateliers-places = { $n ->
    [0] Full – waiting list possible
    [one] 1 place left
   *[other] { $n } places left
}
ateliers-en-ligne = Online (video)
ateliers-a-commence = has started
ateliers-seances = { $n ->
    [0] No upcoming session for these choices.
    [one] 1 upcoming session
   *[other] { $n } upcoming sessions, soonest first
}
ateliers-ou = Where
ateliers-partout = Everywhere
ateliers-afficher = Show
ateliers-tous = See all workshops
ateliers-tous-court = All workshops
ateliers-lien-visio = Video link
ateliers-visio-inscrits = The video link is given to the people who signed up.
ateliers-quand = When
ateliers-organise-par = Organised by
ateliers-prix = Price
ateliers-gratuit = free
ateliers-motif = Reason
ateliers-annulee = This session is cancelled.
ateliers-terminee = This session is over.
ateliers-competences = What you will work on
ateliers-accessibilite = Accessibility
ateliers-autres-dates = Other dates
langue-ateliers-en-francais = The description of the workshop is in French. The workshop takes place in French.
date-jour = { $j ->
    [0] Monday
    [1] Tuesday
    [2] Wednesday
    [3] Thursday
    [4] Friday
    [5] Saturday
   *[6] Sunday
} { $d } { $m ->
    [0] January
    [1] February
    [2] March
    [3] April
    [4] May
    [5] June
    [6] July
    [7] August
    [8] September
    [9] October
    [10] November
   *[11] December
} { $y }
date-seance = { $jour }, { $debut } – { $fin }
date-seance-jours = from { $jour }, { $debut } to { $jour2 }, { $fin }

## Signing up for a workshop
inscription-titre = Sign me up
inscription-attente = Put me on the waiting list
inscription-complet = This session is full. If a place becomes free, the first person on the waiting list gets it and receives a message.
inscription-sans-compte = No need to create an account.
inscription-bouton = I sign up
inscription-consentement-aide = Your name and your number or e-mail are only used to tell you about the workshop, to take attendance and, if you come, to give you a badge in your name (the number or e-mail is only in it in coded form). Only the organiser sees them. They are deleted { $jours } days after the workshop; your badge stays yours.
inscription-prenom = First name
inscription-nom = Last name
inscription-un-des-deux = To get the confirmation, give at least one of the two:
inscription-portable = Mobile number
inscription-portable-aide = You will get a text message. Example: 06 12 34 56 78.
inscription-courriel = E-mail address
inscription-consentement = I agree that the organiser keeps this information for this workshop.
inscription-reservee = Your place is booked
inscription-en-attente = You are on the waiting list
inscription-annulee = Your registration is cancelled
inscription-annulee-merci = Done: your registration is cancelled. Thank you for letting us know.
inscription-merci = Thank you { $prenom }! You will get a message with the link to this page.
inscription-envoyee = Thank you! Your request is received. In a moment you will get a text message or an e-mail with the link to your registration: it says whether you have a place or are on the waiting list, and lets you cancel. Nothing after 10 minutes? Call the organiser.
inscription-rang = { $n ->
    [one] You are next on the list. If a place becomes free, it is yours and you get a message.
   *[other] You are number { $n } on the list. If a place becomes free, you get a message.
}
inscription-seance-annulee = The organiser cancelled this session.
inscription-badge = Your badge
inscription-badge-bravo = Well done! You took part in this workshop. Your badge proves it: show it to an employer.
inscription-voir-badge = See my badge
inscription-badges-lien = All your badges are in “My badges”: the link was sent to you by text message or e-mail.
inscription-lien-perdu = Lost the link?
inscription-agenda = Add to my calendar
inscription-garder-page = Keep this page: its address is your personal link to find or cancel your registration.
inscription-empeche = You cannot come?
inscription-annuler-texte = Cancel your registration: the place will go to someone else.
inscription-annuler = Cancel my registration

## Badges
badge-authentique = Genuine badge: just checked by Itinéraire.
badge-revoque = Revoked badge: it is no longer valid.
badge-invalide = Invalid badge: it was changed or does not come from the stated issuer.
badge-non-valable = Badge not valid: see the details below.
badge-signature-invalide = Invalid signature.
badge-revoque-emetteur = Revoked by the issuer.
badge-obtenu-par = Earned by
badge-le = On
badge-delivre-par = Issued by
badge-competences = Skills practised
badge-criteres = How it was earned
badge-verification = Check
badge-signature-valide = Valid signature: the content has not been changed.
badge-emetteur-identifie = Issuer identified: { $id }.
badge-emetteur-introuvable = Issuer not found: its key could not be obtained.
badge-statut-inconnu = Revocation status cannot be checked.
badge-non-revoque = Not revoked (signed revocation list, checked).
badge-sans-liste = No revocation list: the issuer cannot revoke it.
badge-pas-expire = Not expired.
badge-expire = Expired.
badge-pas-encore = Not valid yet: its start date is still to come.
badge-partager = Share this badge
badge-partager-texte = An employer can check it with this link, or by scanning this QR code:
badge-qr = QR code of the link to this badge
badge-telecharger = Download the badge (.json file)
badge-verifier-autre = Check another badge
badges-aucun = You do not have a badge yet.
badges-intro = Here are the badges earned in the workshops. Each one proves what you learned. To show it to an employer, give them the link to the badge or let them scan its QR code.
badges-prive = This page is yours only: do not share its address, share each badge instead.
badges-lien-casse = This link does not work. Check that it is complete, or ask for a new link.
badges-fermer-titre = Has someone else seen this link?
badges-fermer-texte = Close it: it will stop working. Then ask for a new link with your phone number or e-mail address. A link works for 180 days.
badges-fermer-bouton = Close this link
badges-ferme = The link is closed. For a new link, enter your phone number or e-mail address below.
badges-nouveau-lien = Get a new link
badges-revoque = This badge was revoked: it is no longer valid.
badges-lien-partager = Link to share
badges-voir = See, share or show the QR code
badges-telecharger = Download (.json file)
badges-porte-titre = My badges: get my link
badges-porte-intro = When you take part in a workshop, you get a badge. A personal link to all your badges is sent to you by text message or e-mail.
badges-envoye = Sent. If badges are linked to this contact, you will get a new link in a few minutes.
badges-lien-perdu = Lost your link?
badges-contact = Your mobile number or your e-mail address
badges-contact-aide = The one given when you signed up for the workshop. Example: 06 12 34 56 78.
badges-voir-ateliers = See the workshops
badges-erreur-contact = Enter the mobile number (06 or 07) or the e-mail address given when you signed up.
badges-trop-de-demandes = Too many requests were sent from this connection. Try again in an hour, or ask the workshop's organiser for your link.

## Link of an invitation letter
invitation-perime = This link is no longer valid
invitation-perime-texte = The link in your letter has expired. Do not worry: a person can help you and give you a new link.
invitation-inconnu = This link does not exist
invitation-inconnu-texte = Check the letters and numbers of the link, or call: a person can help you.
invitation-en-attendant = In the meantime
invitation-etapes = The next steps, in general
invitation-aides = Help near you
invitation-ateliers = Free workshops
