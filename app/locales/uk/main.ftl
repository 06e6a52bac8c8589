# Itinéraire — українська. Ті самі ключі, що й у locales/fr (перевіряє тест).

meta-description = Itinéraire: ваші наступні кроки та допомога поруч, щоб рухатися до роботи.

## Мова
langue-choix = Оберіть мову
langue-titre = Вибір мови
langue-explication = Сторінки перекладено. Тексти пропозицій і майстер-класів залишаються французькою.
langue-offres-en-francais = Тексти пропозицій — французькою мовою.

## Заголовок і нижній колонтитул
nav-aller-contenu = Перейти до змісту
nav-slogan = Ваш шлях до роботи, крок за кроком
nav-menu = Головне меню
nav-accueil = Головна
nav-etapes = Мої кроки
nav-catalogue = Знайти допомогу
nav-ateliers = Майстер-класи
nav-langue = змінити мову
nav-mes-badges = Мої значки
nav-verifier = Перевірити значок
nav-service-public = Державна служба інтеграції та зайнятості Франції
chargement = Завантаження…

## Помилки
erreur-introuvable = Сторінку не знайдено
erreur-introuvable-texte = Цієї сторінки не існує або вже не існує.
erreur-page-absente = Цієї сторінки не існує
erreur-page-absente-texte = Можливо, адресу написано з помилкою, або сторінку перенесено.
erreur-retour-accueil = Повернутися на головну
erreur-indisponible = Сервіс тимчасово недоступний
erreur-indisponible-texte = Сервіс тимчасово недоступний. Спробуйте ще раз за кілька хвилин.
erreur-demande = Неправильний запит
erreur-connexion = Потрібно увійти
erreur-acces = Доступ заборонено
erreur-conflit = Конфлікт змін

## Головна
accueil-titre = Itinéraire: рухатися до роботи у своєму темпі
accueil-intro = Itinéraire пояснює наступні кроки вашого супроводу. Він також показує допомогу поруч із вами щодо того, що вам заважає: житло, транспорт, здоров’я, догляд за дітьми та інше.
accueil-etapes = Мої наступні кроки
accueil-themes = 10 тем, у яких вам можуть допомогти
accueil-filtre-label = Пошук теми (наприклад: оренда, посвідчення водія, здоров’я)
accueil-filtre-bouton = Шукати
accueil-recherche-longue = Ваш запит задовгий (понад { $max } символів). Спробуйте одне-два слова.
accueil-themes-trouves = { $n ->
    [0] Жодна тема не відповідає «{ $q }». Спробуйте інше слово.
    [one] { $n } тема відповідає «{ $q }».
    [few] { $n } теми відповідають «{ $q }».
   *[other] { $n } тем відповідають «{ $q }».
}
accueil-ensemble = Що ми можемо зробити разом ({ $n })

## Мої кроки
etapes-bienvenue = Ласкаво просимо
etapes-bienvenue-texte = Вас супроводжуватимуть на шляху до роботи. Ось що відбуватиметься, крок за кроком.
etapes-en-savoir-plus = Докладніше
etapes-numero = Крок { $n }
etapes-territoire = Територія: { $nom }
etapes-ce-qui-va-se-passer = Що відбуватиметься
etapes-comprendre = Щоб краще зрозуміти
etapes-territoire-inconnu = Невідома територія
etapes-territoire-inconnu-texte = Ця територія нам невідома. Перевірте посилання у вашому листі або оберіть територію нижче.
etapes-choisir-territoire = Оберіть вашу територію
aide-titre = Є запитання? Поговоріть із людиною
aide-appeler = Зателефонувати { $tel }

## Каталог
catalogue-titre = Знайти допомогу поруч
catalogue-par-theme = За темою
catalogue-rechercher = Пошук (наприклад: посвідчення, оренда, резюме)
catalogue-sur-place = На місці
catalogue-a-distance = Дистанційно
catalogue-a-distance-long = Дистанційно (телефон, інтернет)
filtre-theme = Тема
filtre-tous-themes = Усі теми
filtre-commune = Лише в цьому населеному пункті
filtre-toutes-communes = Усі населені пункти
filtre-mode = На місці чи дистанційно
filtre-les-deux = Обидва варіанти
filtre-public = Для кого
filtre-tous-publics = Для всіх
filtre-gratuit = Лише безкоштовні пропозиції
filtre-ouvert = Лише місця, відкриті сьогодні
filtre-voir = Показати пропозиції
filtre-effacer = Скинути фільтри
catalogue-recherche-impossible = Пошук неможливий
offres-nombre = { $n ->
    [0] Жодна пропозиція не відповідає
    [one] { $n } пропозиція
    [few] { $n } пропозиції
   *[other] { $n } пропозицій
}
catalogue-correction = «{ $mot }» замість «{ $tape }»
catalogue-corrections = Ми шукали { $liste }.
catalogue-vide = Спробуйте інше слово або приберіть фільтр.
catalogue-tout-voir = Переглянути всі пропозиції
catalogue-lieu-inconnu = Місце не вказано
filtre-pres = Поруч із вами
filtre-pres-commune = Ваш населений пункт або поштовий індекс
filtre-pres-aide = Найближчі пропозиції будуть першими.
position-utiliser = Використати моє місцезнаходження
position-recherche = Шукаємо ваше місцезнаходження…
position-refusee = Ви не дозволили доступ до місцезнаходження. Напишіть назву свого населеного пункту.
position-trop-longue = Ваше місцезнаходження не вдалося знайти вчасно. Спробуйте ще раз або напишіть назву населеного пункту.
position-indisponible = Місцезнаходження недоступне на цьому пристрої. Напишіть назву населеного пункту.
position-non-gardee = Воно потрібне лише для сортування списку. Його не зберігають.
catalogue-pres-de = Спочатку пропозиції, найближчі до { $commune }.
catalogue-pres-de-vous = Спочатку найближчі до вас пропозиції.
catalogue-vol-d-oiseau = Відстані по прямій.
catalogue-km = за { $km } км
catalogue-moins-1-km = ближче ніж за 1 км
catalogue-communes-possibles = Підходять кілька населених пунктів. Виберіть свій:
catalogue-a-distance-titre = Також дистанційно, без поїздок
catalogue-a-distance-toutes = Усі дистанційні пропозиції
distance-commune-inconnue = Ми не знаходимо «{ $commune }» у Верхній Гаронні. Напишіть назву населеного пункту або його поштовий індекс, наприклад 31800.
distance-position-incomprise = Ваше місцезнаходження не вдалося прочитати. Напишіть назву населеного пункту.
catalogue-voir-plus = Більше пропозицій ({ $n } з { $total })
catalogue-limite = Показано { $n } пропозицій із { $total }. Додайте слово або фільтр, щоб знайти швидше.
catalogue-imprimer = Надрукувати цей список (для людини без телефона)

## Години роботи
horaires-ouvert-aujourdhui = Відкрито сьогодні: { $plages }
horaires-ouvert-maintenant = зараз відкрито
horaires-ferme-aujourdhui = Сьогодні зачинено
horaires-ferme = Зачинено
horaires-ferie = святковий день
horaires-toute-la-journee = увесь день
horaires-7-jours = Години роботи на наступні 7 днів
horaires-jour = { $j ->
    [0] Понеділок
    [1] Вівторок
    [2] Середа
    [3] Четвер
    [4] П’ятниця
    [5] Субота
   *[6] Неділя
} { $d }

## Пропозиція
offre-toutes = Усі пропозиції
offre-gratuit = Безкоштовно
offre-payant = Платно
offre-non-precise = Не вказано
offre-courriel = Електронна пошта
offre-site = Вебсайт (нове вікно)
offre-quoi = Що це?
offre-pour-qui = Для кого?
offre-conditions = Умови
offre-cout = Скільки це коштує?
offre-acces = Як скористатися?
offre-pour-commencer = Щоб почати:
offre-ou-quand = Де і коли?
offre-horaires = Години роботи
offre-contact = Контакт
offre-mise-a-jour = Оновлено { $date } · Джерело: { $source }
offre-garder = Зберегти цю пропозицію на телефоні
offre-gardee = Пропозицію збережено на телефоні ✓

## Збережені пропозиції
mes-offres-titre = Мої збережені пропозиції
mes-offres-texte = Вони зберігаються лише на цьому телефоні. Ніхто інший їх не бачить.
mes-offres-noscript = Щоб побачити збережені пропозиції, увімкніть JavaScript у браузері.
mes-offres-vide = Ви не зберегли жодної пропозиції на цьому телефоні. У каталозі натисніть «Зберегти цю пропозицію».
mes-offres-retirer = Прибрати
mes-offres-autres = Шукати інші пропозиції

## Форми
champ-obligatoire = { $champ } (обов’язково)
formulaire-erreurs = { $n ->
    [one] У формі { $n } помилка
    [few] У формі { $n } помилки
   *[other] У формі { $n } помилок
}
erreur-prenom-manquant = Вкажіть ваше ім’я.
erreur-nom-manquant = Вкажіть ваше прізвище.
erreur-trop-long = Це поле має містити не більше { $max } символів.
erreur-caracteres = У цьому полі є недозволені символи.
erreur-portable = Цей номер мобільного телефону недійсний. Приклад: 06 12 34 56 78.
erreur-courriel = Ця адреса електронної пошти недійсна. Приклад: imya.prizvyshche@exemple.fr.
erreur-contact-manquant = Вкажіть номер мобільного або адресу електронної пошти, щоб отримати підтвердження.
erreur-consentement = Поставте позначку, щоб погодитися, що організатор зберігає ці дані.

## Майстер-класи
ateliers-titre = Безкоштовні майстер-класи поруч
ateliers-intro = Майстер-класи, щоб рухатися вперед: скласти резюме, дізнатися про професії, свої права, транспорт… Безкоштовно й для всіх. Запис за 2 хвилини, без облікового запису.
ateliers-places = { $n ->
    [0] Місць немає – можна в список очікування
    [one] Залишилося { $n } місце
    [few] Залишилося { $n } місця
   *[other] Залишилося { $n } місць
}
ateliers-en-ligne = Онлайн (відео)
ateliers-a-commence = вже почався
ateliers-seances = { $n ->
    [0] Немає найближчих занять за цим вибором.
    [one] { $n } найближче заняття
    [few] { $n } найближчі заняття, спершу найближчі
   *[other] { $n } найближчих занять, спершу найближчі
}
ateliers-ou = Де
ateliers-partout = Усюди
ateliers-afficher = Показати
ateliers-tous = Переглянути всі майстер-класи
ateliers-tous-court = Усі майстер-класи
ateliers-lien-visio = Посилання на відео
ateliers-visio-inscrits = Посилання на відео отримують ті, хто записався.
ateliers-quand = Коли
ateliers-organise-par = Організатор
ateliers-prix = Ціна
ateliers-gratuit = безкоштовно
ateliers-motif = Причина
ateliers-annulee = Це заняття скасовано.
ateliers-terminee = Це заняття завершилося.
ateliers-competences = Над чим ви працюватимете
ateliers-accessibilite = Доступність
ateliers-autres-dates = Інші дати
langue-ateliers-en-francais = Опис майстер-класу — французькою. Майстер-клас проходить французькою мовою.
date-jour = { $j ->
    [0] понеділок
    [1] вівторок
    [2] середа
    [3] четвер
    [4] п’ятниця
    [5] субота
   *[6] неділя
}, { $d } { $m ->
    [0] січня
    [1] лютого
    [2] березня
    [3] квітня
    [4] травня
    [5] червня
    [6] липня
    [7] серпня
    [8] вересня
    [9] жовтня
    [10] листопада
   *[11] грудня
} { $y }
date-seance = { $jour }, { $debut } – { $fin }
date-seance-jours = з { $jour }, { $debut } до { $jour2 }, { $fin }

## Запис на майстер-клас
inscription-titre = Записатися
inscription-attente = Записатися в список очікування
inscription-complet = На це заняття місць немає. Якщо місце звільниться, його отримає перша людина зі списку очікування, і їй надійде повідомлення.
inscription-sans-compte = Обліковий запис не потрібен.
inscription-bouton = Записуюся
inscription-consentement-aide = Ваше ім’я та номер або e-mail використовуються лише, щоб повідомити вас, відмітити присутність і, якщо ви прийдете, видати вам значок на ваше ім’я (номер або e-mail у ньому лише в закодованому вигляді). Їх бачить лише організатор. Їх видаляють через { $jours } днів після заняття; значок залишається вашим.
inscription-prenom = Ім’я
inscription-nom = Прізвище
inscription-un-des-deux = Щоб отримати підтвердження, вкажіть хоча б одне з двох:
inscription-portable = Номер мобільного телефону
inscription-portable-aide = Ви отримаєте SMS. Приклад: 06 12 34 56 78.
inscription-courriel = Адреса електронної пошти
inscription-consentement = Я погоджуюся, що організатор зберігає ці дані для цього майстер-класу.
inscription-reservee = Ваше місце заброньовано
inscription-en-attente = Ви в списку очікування
inscription-annulee = Ваш запис скасовано
inscription-annulee-merci = Готово: ваш запис скасовано. Дякуємо, що попередили.
inscription-merci = Дякуємо, { $prenom }! Ви отримаєте повідомлення з посиланням на цю сторінку.
inscription-envoyee = Дякуємо! Ваш запит отримано. За мить ви отримаєте SMS або лист із посиланням на ваш запис: там сказано, чи маєте ви місце, чи ви в списку очікування, і там можна скасувати. Нічого за 10 хвилин? Зателефонуйте організатору.
inscription-rang = { $n ->
    [1] Ви наступні у списку. Якщо місце звільниться, воно ваше, і ви отримаєте повідомлення.
   *[other] Ви № { $n } у списку. Якщо місце звільниться, ви отримаєте повідомлення.
}
inscription-seance-annulee = Організатор скасував це заняття.
inscription-badge = Ваш значок
inscription-badge-bravo = Браво! Ви взяли участь у цьому майстер-класі. Ваш значок це підтверджує: покажіть його роботодавцю.
inscription-voir-badge = Переглянути мій значок
inscription-badges-lien = Усі ваші значки — у «Мої значки»: посилання вам надіслали через SMS або e-mail.
inscription-lien-perdu = Загубили посилання?
inscription-agenda = Додати до мого календаря
inscription-garder-page = Збережіть цю сторінку: її адреса — ваше особисте посилання, щоб знайти або скасувати запис.
inscription-empeche = Не можете прийти?
inscription-annuler-texte = Скасуйте запис: місце отримає інша людина.
inscription-annuler = Скасувати мій запис

## Значки
badge-authentique = Справжній значок: щойно перевірено Itinéraire.
badge-revoque = Значок відкликано: він більше не дійсний.
badge-invalide = Недійсний значок: його змінили, або він не від зазначеного видавця.
badge-non-valable = Значок недійсний: дивіться подробиці нижче.
badge-signature-invalide = Недійсний підпис.
badge-revoque-emetteur = Відкликано видавцем.
badge-obtenu-par = Отримав(ла)
badge-le = Дата
badge-delivre-par = Видав
badge-competences = Навички, над якими працювали
badge-criteres = Як його отримано
badge-verification = Перевірка
badge-signature-valide = Дійсний підпис: вміст не змінено.
badge-emetteur-identifie = Видавця встановлено: { $id }.
badge-emetteur-introuvable = Видавця не знайдено: його ключ не вдалося отримати.
badge-statut-inconnu = Неможливо перевірити, чи значок відкликано.
badge-non-revoque = Не відкликано (підписаний список відкликань перевірено).
badge-sans-liste = Без списку відкликань: видавець не може його відкликати.
badge-pas-expire = Термін дії не минув.
badge-expire = Термін дії минув.
badge-pas-encore = Ще не дійсний: дата початку ще не настала.
badge-partager = Поділитися цим значком
badge-partager-texte = Роботодавець може перевірити його за цим посиланням або відсканувавши цей QR-код:
badge-qr = QR-код посилання на цей значок
badge-telecharger = Завантажити значок (файл .json)
badge-verifier-autre = Перевірити інший значок
badges-aucun = У вас ще немає значка.
badges-intro = Ось значки, отримані на майстер-класах. Кожен підтверджує, чого ви навчилися. Щоб показати його роботодавцю, дайте йому посилання на значок або дайте відсканувати його QR-код.
badges-prive = Ця сторінка лише ваша: не діліться її адресою, діліться кожним значком окремо.
badges-lien-casse = Це посилання не працює. Перевірте, що воно повне, або попросіть нове посилання.
badges-fermer-titre = Хтось інший бачив це посилання?
badges-fermer-texte = Закрийте його: воно перестане працювати. Потім попросіть нове посилання, вказавши свій номер або адресу e-mail. Посилання діє 180 днів.
badges-fermer-bouton = Закрити це посилання
badges-ferme = Посилання закрито. Щоб отримати нове, вкажіть нижче свій номер або адресу e-mail.
badges-nouveau-lien = Отримати нове посилання
badges-revoque = Цей значок відкликано: він більше не дійсний.
badges-lien-partager = Посилання, яким можна поділитися
badges-voir = Переглянути, поділитися або показати QR-код
badges-telecharger = Завантажити (файл .json)
badges-porte-titre = Мої значки: отримати посилання
badges-porte-intro = Коли ви берете участь у майстер-класі, ви отримуєте значок. Особисте посилання на всі ваші значки надсилається через SMS або e-mail.
badges-envoye = Надіслано. Якщо з цим контактом пов’язані значки, ви отримаєте нове посилання за кілька хвилин.
badges-lien-perdu = Загубили посилання?
badges-contact = Ваш номер мобільного або адреса електронної пошти
badges-contact-aide = Той, що ви вказали під час запису на майстер-клас. Приклад: 06 12 34 56 78.
badges-voir-ateliers = Переглянути майстер-класи
badges-erreur-contact = Вкажіть номер мобільного (06 або 07) або адресу електронної пошти, які ви дали під час запису.
badges-trop-de-demandes = З цього підключення надіслано забагато запитів. Спробуйте за годину або попросіть посилання в організатора майстер-класу.

## Посилання з листа-запрошення
invitation-perime = Це посилання більше не дійсне
invitation-perime-texte = Термін дії посилання з вашого листа минув. Нічого страшного: людина може вам допомогти й дати нове посилання.
invitation-inconnu = Такого посилання не існує
invitation-inconnu-texte = Перевірте літери та цифри посилання або зателефонуйте: вам допоможуть.
invitation-en-attendant = А поки що
invitation-etapes = Наступні кроки загалом
invitation-aides = Допомога поруч із вами
invitation-ateliers = Безкоштовні майстер-класи
