# Text messages and e-mails to the person (professionals get theirs in French).

message-stop = No more reminders: { $lien }
message-inscription-sujet = Registration: { $titre }
message-inscription = Itinéraire: you are registered for "{ $titre }", { $quand }. Your registration, and to cancel:
message-attente = Itinéraire: you are on the waiting list for "{ $titre }", { $quand }. We will tell you if a place becomes free. Your registration:
message-desinscription-sujet = Registration cancelled: { $titre }
message-desinscription = Itinéraire: your registration for "{ $titre }", { $quand }, is cancelled. Thank you for letting us know.
message-promotion-sujet = A place for you: { $titre }
message-promotion = Itinéraire: a place became free. You are registered for "{ $titre }", { $quand }. If you cannot come, cancel with the link you received when you registered.
message-modifiee-sujet = Change: { $titre }
message-modifiee = Itinéraire: the workshop "{ $titre }" changes. New date: { $quand }.
message-lieu = Place: { $lieu }.
message-visio = Online: the link is on your registration.
message-annulee-sujet = Cancelled: { $titre }
message-annulee = Itinéraire: the workshop "{ $titre }" on { $quand } is cancelled. Reason: { $motif }. Other dates are on Itinéraire, under Workshops.
message-rappel-sujet = Reminder: { $titre }, tomorrow
message-rappel = Itinéraire, reminder: tomorrow at { $heure }, "{ $titre }", { $ou }. To cancel:
message-rappel-visio = online
message-badge-sujet = Your badge: { $nom }
message-badge = Itinéraire: well done! You earned the badge "{ $nom }". See your badges and share them with this personal link:
message-badges-sujet = Your badges
message-badges = Itinéraire: here is your personal link to your badges. Do not pass it on: share each badge from that page instead.

## The page of a "Stop reminders" link
arret-titre = Reminders and news from Itinéraire
arret-introuvable = This link is not (or no longer) valid.
arret-explication = Itinéraire sends reminders (the day before a workshop or an appointment) and news (an action added to your carnet, an answer to a request) to { $contact }.
arret-codes = Codes and links you ask for yourself still arrive.
arret-actifs = Reminders are on.
arret-arretes = Reminders are off: you no longer receive reminders or news.
arret-bouton-arreter = Stop reminders
arret-bouton-reprendre = Receive reminders again
arret-fait = Done. You will no longer receive reminders or news.
arret-repris = Done. You will receive reminders again.
