# SMS та листи для людини (працівники отримують свої французькою).

message-stop = Без нагадувань: { $lien }
message-inscription-sujet = Запис: { $titre }
message-inscription = Itinéraire: ви записані на «{ $titre }», { $quand }. Ваш запис і скасування:
message-attente = Itinéraire: ви в списку очікування на «{ $titre }», { $quand }. Ми повідомимо, якщо звільниться місце. Ваш запис:
message-desinscription-sujet = Запис скасовано: { $titre }
message-desinscription = Itinéraire: ваш запис на «{ $titre }», { $quand }, скасовано. Дякуємо, що попередили.
message-promotion-sujet = Для вас є місце: { $titre }
message-promotion = Itinéraire: звільнилося місце. Ви записані на «{ $titre }», { $quand }. Якщо не зможете прийти, скасуйте за посиланням, отриманим під час запису.
message-modifiee-sujet = Зміна: { $titre }
message-modifiee = Itinéraire: майстер-клас «{ $titre }» змінюється. Нова дата: { $quand }.
message-lieu = Місце: { $lieu }.
message-visio = Онлайн: посилання є у вашому записі.
message-annulee-sujet = Скасовано: { $titre }
message-annulee = Itinéraire: майстер-клас «{ $titre }» { $quand } скасовано. Причина: { $motif }. Інші дати є на Itinéraire, розділ «Майстер-класи».
message-rappel-sujet = Нагадування: { $titre }, завтра
message-rappel = Itinéraire, нагадування: завтра о { $heure }, «{ $titre }», { $ou }. Щоб скасувати:
message-rappel-visio = онлайн
message-badge-sujet = Ваш значок: { $nom }
message-badge = Itinéraire: вітаємо! Ви отримали значок «{ $nom }». Ваші значки і як ними поділитися — за цим особистим посиланням:
message-badges-sujet = Ваші значки
message-badges = Itinéraire: ось ваше особисте посилання на ваші значки. Не передавайте його: діліться кожним значком зі сторінки.

## Сторінка посилання «Більше не отримувати нагадувань»
arret-titre = Нагадування та новини Itinéraire
arret-introuvable = Це посилання недійсне (або вже недійсне).
arret-explication = Itinéraire надсилає нагадування (напередодні майстер-класу чи зустрічі) та новини (дію, додану до вашого карнету, відповідь на запит) на { $contact }.
arret-codes = Коди й посилання, які ви просите самі, надходять завжди.
arret-actifs = Нагадування увімкнено.
arret-arretes = Нагадування вимкнено: ви більше не отримуєте нагадувань і новин.
arret-bouton-arreter = Більше не отримувати нагадувань
arret-bouton-reprendre = Знову отримувати нагадування
arret-fait = Готово. Ви більше не отримуватимете нагадувань і новин.
arret-repris = Готово. Ви знову отримуватимете нагадування.
