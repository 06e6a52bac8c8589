# Les SMS et e-mails envoyés à la personne (pas aux professionnels, qui les reçoivent en français).
# Un SMS tient en deux parties au plus : phrases courtes. Jamais le mot « RSA ».

message-stop = Plus de rappels : { $lien }
message-inscription-sujet = Inscription : { $titre }
message-inscription = Itinéraire : vous êtes inscrit à « { $titre } », { $quand }. Votre inscription, et pour annuler :
message-attente = Itinéraire : vous êtes sur la liste d’attente de « { $titre } », { $quand }. Nous vous prévenons si une place se libère. Votre inscription :
message-desinscription-sujet = Inscription annulée : { $titre }
message-desinscription = Itinéraire : votre inscription à « { $titre } », { $quand }, est annulée. Merci d’avoir prévenu.
message-promotion-sujet = Une place pour vous : { $titre }
message-promotion = Itinéraire : une place s’est libérée. Vous êtes inscrit à « { $titre } », { $quand }. Si vous ne pouvez pas venir, annulez avec le lien reçu à l’inscription.
message-modifiee-sujet = Changement : { $titre }
message-modifiee = Itinéraire : l’atelier « { $titre } » change. Nouveau rendez-vous : { $quand }.
message-lieu = Lieu : { $lieu }.
message-visio = En ligne : le lien est sur votre inscription.
message-annulee-sujet = Annulation : { $titre }
message-annulee = Itinéraire : l’atelier « { $titre } » du { $quand } est annulé. Motif : { $motif }. D’autres dates sont proposées sur Itinéraire, rubrique Ateliers.
message-rappel-sujet = Rappel : { $titre }, demain
message-rappel = Itinéraire, rappel : demain à { $heure }, « { $titre } », { $ou }. Pour annuler :
message-rappel-visio = en ligne
message-badge-sujet = Votre badge : { $nom }
message-badge = Itinéraire : bravo ! Vous avez obtenu le badge « { $nom } ». Retrouvez vos badges et partagez-les avec ce lien personnel :
message-badges-sujet = Vos badges
message-badges = Itinéraire : voici votre lien personnel vers vos badges. Ne le transmettez pas : partagez plutôt chaque badge depuis cette page.

## La page d’un lien « Ne plus recevoir de rappels »
arret-titre = Rappels et nouvelles d’Itinéraire
arret-introuvable = Ce lien n’est pas (ou plus) valable.
arret-explication = Itinéraire vous envoie des rappels (la veille d’un atelier ou d’un rendez-vous) et des nouvelles (une action ajoutée à votre carnet, une réponse à une demande) à { $contact }.
arret-codes = Les codes et les liens que vous demandez vous-même arrivent toujours.
arret-actifs = Les rappels sont activés.
arret-arretes = Les rappels sont arrêtés : vous ne recevez plus de rappels ni de nouvelles.
arret-bouton-arreter = Ne plus recevoir de rappels
arret-bouton-reprendre = Recevoir à nouveau les rappels
arret-fait = C’est fait. Vous ne recevrez plus de rappels ni de nouvelles.
arret-repris = C’est fait. Vous recevrez à nouveau les rappels.
