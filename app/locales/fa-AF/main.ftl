# Itinéraire — دری. همان کلیدهای locales/fr (یک آزمایش آن را بررسی می‌کند).

meta-description = Itinéraire: قدم‌های بعدی شما و کمک‌های نزدیک شما برای رسیدن به کار.

## زبان
langue-choix = زبان خود را انتخاب کنید
langue-titre = انتخاب زبان
langue-explication = صفحه‌ها ترجمه شده‌اند. متن پیشنهادها و ورکشاپ‌ها به زبان فرانسوی می‌ماند.
langue-offres-en-francais = متن پیشنهادها به زبان فرانسوی است.

## سرصفحه و پاصفحه
nav-aller-contenu = رفتن به محتوا
nav-slogan = قدم‌های شما به سوی کار، قدم به قدم
nav-menu = فهرست اصلی
nav-accueil = صفحهٔ اصلی
nav-etapes = قدم‌های من
nav-catalogue = پیدا کردن کمک
nav-ateliers = ورکشاپ‌ها
nav-langue = تغییر زبان
nav-mes-badges = نشان‌های من
nav-verifier = بررسی یک نشان
nav-service-public = خدمات عامهٔ ادغام و اشتغال فرانسه
chargement = در حال بارگذاری…

## خطاها
erreur-introuvable = صفحه پیدا نشد
erreur-introuvable-texte = این صفحه وجود ندارد یا دیگر وجود ندارد.
erreur-page-absente = این صفحه وجود ندارد
erreur-page-absente-texte = شاید آدرس اشتباه نوشته شده، یا صفحه جابجا شده است.
erreur-retour-accueil = بازگشت به صفحهٔ اصلی
erreur-indisponible = خدمت موقتاً در دسترس نیست
erreur-indisponible-texte = خدمت موقتاً در دسترس نیست. چند دقیقه بعد دوباره کوشش کنید.
erreur-demande = درخواست نادرست
erreur-connexion = ورود لازم است
erreur-acces = دسترسی رد شد
erreur-conflit = تغییرات با هم تضاد دارند

## صفحهٔ اصلی
accueil-titre = Itinéraire: پیش رفتن به سوی کار، با سرعت خودتان
accueil-intro = Itinéraire قدم‌های بعدی همراهی شما را توضیح می‌دهد. همچنین کمک‌های نزدیک شما را نشان می‌دهد تا مشکلات‌تان حل شود: مسکن، رفت‌وآمد، صحت، نگهداری اطفال و موارد دیگر.
accueil-etapes = قدم‌های بعدی من
accueil-themes = ۱۰ موضوعی که در آن‌ها می‌توانیم به شما کمک کنیم
accueil-filtre-label = جستجوی موضوع (مثلاً: کرایه، لایسنس رانندگی، صحت)
accueil-filtre-bouton = جستجو
accueil-recherche-longue = جستجوی شما خیلی طولانی است (بیش از { $max } حرف). با یک یا دو کلمه کوشش کنید.
accueil-themes-trouves = { $n ->
    [0] هیچ موضوعی با «{ $q }» مطابقت ندارد. کلمهٔ دیگری را امتحان کنید.
   *[other] { $n } موضوع با «{ $q }» مطابقت دارد.
}
accueil-ensemble = کارهایی که با هم می‌توانیم انجام دهیم ({ $n })

## قدم‌های من
etapes-bienvenue = خوش آمدید
etapes-bienvenue-texte = شما برای رسیدن به کار همراهی می‌شوید. این است آنچه قدم به قدم رخ می‌دهد.
etapes-en-savoir-plus = معلومات بیشتر
etapes-numero = قدم { $n }
etapes-territoire = منطقه: { $nom }
etapes-ce-qui-va-se-passer = چه چیزی رخ می‌دهد
etapes-comprendre = برای فهم بهتر
etapes-territoire-inconnu = منطقهٔ ناشناخته
etapes-territoire-inconnu-texte = این منطقه برای ما شناخته شده نیست. لینک نامهٔ خود را بررسی کنید، یا منطقهٔ خود را در پایین انتخاب کنید.
etapes-choisir-territoire = منطقهٔ خود را انتخاب کنید
aide-titre = سوال دارید؟ با یک نفر صحبت کنید
aide-appeler = تماس با { $tel }

## فهرست کمک‌ها
catalogue-titre = کمک نزدیک خود را پیدا کنید
catalogue-par-theme = بر اساس موضوع
catalogue-rechercher = جستجو (مثلاً: لایسنس، کرایه، سی‌وی)
catalogue-sur-place = حضوری
catalogue-a-distance = از راه دور
catalogue-a-distance-long = از راه دور (تلفون، انترنت)
filtre-theme = موضوع
filtre-tous-themes = همهٔ موضوع‌ها
filtre-commune = فقط در همین شهر
filtre-toutes-communes = همهٔ شهرها
filtre-mode = حضوری یا از راه دور
filtre-les-deux = هر دو
filtre-public = برای چه کسی
filtre-tous-publics = برای همه
filtre-gratuit = فقط پیشنهادهای رایگان
filtre-ouvert = فقط جاهایی که امروز باز هستند
filtre-voir = نمایش پیشنهادها
filtre-effacer = پاک کردن فیلترها
catalogue-recherche-impossible = جستجو ممکن نیست
offres-nombre = { $n ->
    [0] هیچ پیشنهادی مطابقت ندارد
   *[other] { $n } پیشنهاد
}
catalogue-correction = «{ $mot }» به جای «{ $tape }»
catalogue-corrections = ما { $liste } را جستجو کردیم.
catalogue-vide = کلمهٔ دیگری را امتحان کنید، یا یک فیلتر را بردارید.
catalogue-tout-voir = دیدن همهٔ پیشنهادها
catalogue-lieu-inconnu = جای آن مشخص نیست
filtre-pres = نزدیک شما
filtre-pres-commune = شهر یا کد پستی شما
filtre-pres-aide = نزدیک‌ترین پیشنهادها اول می‌آیند.
position-utiliser = از موقعیت من استفاده کن
position-recherche = در حال پیدا کردن موقعیت شما…
position-refusee = شما اجازهٔ دسترسی به موقعیت خود را ندادید. به جای آن نام شهر خود را بنویسید.
position-trop-longue = موقعیت شما به موقع پیدا نشد. دوباره کوشش کنید، یا نام شهر خود را بنویسید.
position-indisponible = موقعیت شما در این دستگاه در دسترس نیست. نام شهر خود را بنویسید.
position-non-gardee = فقط برای ترتیب فهرست به کار می‌رود. ذخیره نمی‌شود.
catalogue-pres-de = اول پیشنهادهای نزدیک‌تر به { $commune }.
catalogue-pres-de-vous = اول پیشنهادهای نزدیک‌تر به شما.
catalogue-vol-d-oiseau = فاصله‌ها به خط مستقیم.
catalogue-km = به فاصلهٔ { $km } کیلومتر
catalogue-moins-1-km = کمتر از ۱ کیلومتر
catalogue-communes-possibles = چند شهر مطابقت دارد. شهر خود را انتخاب کنید:
catalogue-a-distance-titre = از راه دور هم، بدون رفت و آمد
catalogue-a-distance-toutes = همهٔ پیشنهادهای از راه دور
distance-commune-inconnue = ما «{ $commune }» را در اوت-گارون پیدا نمی‌کنیم. نام شهر یا کد پستی آن را بنویسید، مثلاً 31800.
distance-position-incomprise = موقعیت شما فهمیده نشد. به جای آن نام شهر خود را بنویسید.
catalogue-voir-plus = پیشنهادهای بیشتر ({ $n } از { $total })
catalogue-limite = { $n } پیشنهاد از { $total } نشان داده شده است. برای پیدا کردن سریع‌تر یک کلمه یا فیلتر اضافه کنید.
catalogue-imprimer = چاپ این فهرست (برای کسی که تلفون ندارد)

## ساعات کار
horaires-ouvert-aujourdhui = امروز باز است: { $plages }
horaires-ouvert-maintenant = اکنون باز است
horaires-ferme-aujourdhui = امروز بسته است
horaires-ferme = بسته
horaires-ferie = روز رخصتی رسمی
horaires-toute-la-journee = تمام روز
horaires-7-jours = ساعات کار در ۷ روز آینده
horaires-jour = { $j ->
    [0] دوشنبه
    [1] سه‌شنبه
    [2] چهارشنبه
    [3] پنجشنبه
    [4] جمعه
    [5] شنبه
   *[6] یکشنبه
} { $d }

## یک پیشنهاد
offre-toutes = همهٔ پیشنهادها
offre-gratuit = رایگان
offre-payant = پولی
offre-non-precise = مشخص نشده
offre-courriel = ایمیل
offre-site = ویب‌سایت (پنجرهٔ جدید)
offre-quoi = این چیست؟
offre-pour-qui = برای چه کسی؟
offre-conditions = شرایط
offre-cout = هزینهٔ آن چقدر است؟
offre-acces = چگونه از آن استفاده کنم؟
offre-pour-commencer = برای شروع:
offre-ou-quand = کجا و چه وقت؟
offre-horaires = ساعات کار
offre-contact = تماس
offre-mise-a-jour = تازه شده در { $date } · منبع: { $source }
offre-garder = این پیشنهاد را در این تلفون نگه دار
offre-gardee = پیشنهاد در این تلفون نگه داشته شد ✓

## پیشنهادهای نگه‌داشته‌شدهٔ من
mes-offres-titre = پیشنهادهای نگه‌داشته‌شدهٔ من
mes-offres-texte = آن‌ها فقط در همین تلفون نگه داشته می‌شوند. هیچ‌کس دیگر آن‌ها را نمی‌بیند.
mes-offres-noscript = برای دیدن پیشنهادهای نگه‌داشته‌شده، JavaScript را در مرورگر فعال کنید.
mes-offres-vide = شما هیچ پیشنهادی را در این تلفون نگه نداشته‌اید. در فهرست، «این پیشنهاد را نگه دار» را لمس کنید.
mes-offres-retirer = برداشتن
mes-offres-autres = جستجوی پیشنهادهای دیگر

## فورم‌ها
champ-obligatoire = { $champ } (ضروری)
formulaire-erreurs = { $n ->
    [1] فورم ۱ اشتباه دارد
   *[other] فورم { $n } اشتباه دارد
}
erreur-prenom-manquant = نام خود را بنویسید.
erreur-nom-manquant = تخلص خود را بنویسید.
erreur-trop-long = این خانه باید حداکثر { $max } حرف باشد.
erreur-caracteres = این خانه حروف غیرمجاز دارد.
erreur-portable = این شمارهٔ موبایل درست نیست. مثال: 06 12 34 56 78.
erreur-courriel = این آدرس ایمیل درست نیست. مثال: prenom.nom@exemple.fr.
erreur-contact-manquant = برای گرفتن تأیید، یک شمارهٔ موبایل یا یک آدرس ایمیل بنویسید.
erreur-consentement = خانه را علامت بزنید تا موافقت کنید که برگزارکننده این معلومات را نگه دارد.

## ورکشاپ‌ها
ateliers-titre = ورکشاپ‌های رایگان نزدیک شما
ateliers-intro = ورکشاپ‌هایی برای پیشرفت: نوشتن سی‌وی، شناختن شغل‌ها، حقوق خود، رفت‌وآمد… رایگان و برای همه. ثبت‌نام در ۲ دقیقه، بدون ساختن حساب.
ateliers-places = { $n ->
    [0] پر است – ثبت‌نام در فهرست انتظار ممکن است
   *[other] { $n } جای خالی مانده
}
ateliers-en-ligne = آنلاین (ویدیو)
ateliers-a-commence = شروع شده
ateliers-seances = { $n ->
    [0] برای این انتخاب‌ها جلسهٔ آینده‌ای نیست.
   *[other] { $n } جلسهٔ آینده، نزدیک‌ترین اول
}
ateliers-ou = کجا
ateliers-partout = همه جا
ateliers-afficher = نمایش
ateliers-tous = دیدن همهٔ ورکشاپ‌ها
ateliers-tous-court = همهٔ ورکشاپ‌ها
ateliers-lien-visio = لینک ویدیو
ateliers-visio-inscrits = لینک ویدیو به کسانی داده می‌شود که ثبت‌نام کرده‌اند.
ateliers-quand = چه وقت
ateliers-organise-par = برگزارکننده
ateliers-prix = قیمت
ateliers-gratuit = رایگان
ateliers-motif = دلیل
ateliers-annulee = این جلسه لغو شده است.
ateliers-terminee = این جلسه تمام شده است.
ateliers-competences = روی چه چیزی کار می‌کنید
ateliers-accessibilite = دسترسی‌پذیری
ateliers-autres-dates = تاریخ‌های دیگر
langue-ateliers-en-francais = معرفی ورکشاپ به زبان فرانسوی است. ورکشاپ به زبان فرانسوی برگزار می‌شود.
date-jour = { $j ->
    [0] دوشنبه
    [1] سه‌شنبه
    [2] چهارشنبه
    [3] پنجشنبه
    [4] جمعه
    [5] شنبه
   *[6] یکشنبه
} { $d } { $m ->
    [0] جنوری
    [1] فبروری
    [2] مارچ
    [3] اپریل
    [4] می
    [5] جون
    [6] جولای
    [7] اگست
    [8] سپتمبر
    [9] اکتوبر
    [10] نومبر
   *[11] دسمبر
} { $y }
date-seance = { $jour }، از { $debut } تا { $fin }
date-seance-jours = از { $jour }، { $debut } تا { $jour2 }، { $fin }

## ثبت‌نام در ورکشاپ
inscription-titre = ثبت‌نام من
inscription-attente = مرا در فهرست انتظار ثبت کنید
inscription-complet = این جلسه پر است. اگر جایی خالی شود، نفر اول فهرست انتظار آن را می‌گیرد و پیام دریافت می‌کند.
inscription-sans-compte = نیازی به ساختن حساب نیست.
inscription-bouton = ثبت‌نام می‌کنم
inscription-consentement-aide = نام و شماره یا ایمیل شما فقط برای خبر دادن به شما، گرفتن حاضری و، اگر بیایید، دادن یک نشان به نام شما استفاده می‌شود (شماره یا ایمیل فقط به شکل رمزگذاری‌شده در آن است). فقط برگزارکننده آن‌ها را می‌بیند. { $jours } روز پس از ورکشاپ پاک می‌شوند؛ نشان شما برای خودتان می‌ماند.
inscription-prenom = نام
inscription-nom = تخلص
inscription-un-des-deux = برای گرفتن تأیید، دست‌کم یکی از این دو را بنویسید:
inscription-portable = شمارهٔ موبایل
inscription-portable-aide = یک پیام کوتاه (SMS) دریافت می‌کنید. مثال: 06 12 34 56 78.
inscription-courriel = آدرس ایمیل
inscription-consentement = موافقم که برگزارکننده این معلومات را برای این ورکشاپ نگه دارد.
inscription-reservee = جای شما رزرو شد
inscription-en-attente = شما در فهرست انتظار هستید
inscription-annulee = ثبت‌نام شما لغو شد
inscription-annulee-merci = انجام شد: ثبت‌نام شما لغو شد. تشکر که خبر دادید.
inscription-merci = تشکر { $prenom }! پیامی با لینک این صفحه دریافت می‌کنید.
inscription-envoyee = تشکر! درخواست شما رسید. تا لحظه‌ای دیگر پیامک یا ایمیلی با لینک ثبت‌نام خود می‌گیرید: در آن نوشته است که جا دارید یا در فهرست انتظار هستید، و می‌توانید لغو کنید. پس از ۱۰ دقیقه چیزی نرسید؟ به برگزارکننده زنگ بزنید.
inscription-rang = { $n ->
    [1] شما نفر بعدی فهرست هستید. اگر جایی خالی شود، مال شماست و پیام دریافت می‌کنید.
   *[other] شما نفر { $n } فهرست هستید. اگر جایی خالی شود، پیام دریافت می‌کنید.
}
inscription-seance-annulee = برگزارکننده این جلسه را لغو کرد.
inscription-badge = نشان شما
inscription-badge-bravo = آفرین! شما در این ورکشاپ شرکت کردید. نشان شما این را ثابت می‌کند: آن را به یک کارفرما نشان دهید.
inscription-voir-badge = دیدن نشان من
inscription-badges-lien = همهٔ نشان‌های شما در «نشان‌های من» است: لینک آن با SMS یا ایمیل برای شما فرستاده شد.
inscription-lien-perdu = لینک را گم کرده‌اید؟
inscription-agenda = افزودن به تقویم من
inscription-garder-page = این صفحه را نگه دارید: آدرس آن لینک شخصی شما برای پیدا کردن یا لغو ثبت‌نام است.
inscription-empeche = نمی‌توانید بیایید؟
inscription-annuler-texte = ثبت‌نام خود را لغو کنید: جای شما به شخص دیگری می‌رسد.
inscription-annuler = لغو ثبت‌نام من

## نشان‌ها
badge-authentique = نشان اصلی: همین حالا توسط Itinéraire بررسی شد.
badge-revoque = نشان باطل شده: دیگر معتبر نیست.
badge-invalide = نشان نامعتبر: تغییر داده شده یا از صادرکنندهٔ گفته‌شده نیست.
badge-non-valable = نشان معتبر نیست: جزئیات را در پایین ببینید.
badge-signature-invalide = امضا نامعتبر است.
badge-revoque-emetteur = توسط صادرکننده باطل شد.
badge-obtenu-par = گرفته‌شده توسط
badge-le = تاریخ
badge-delivre-par = صادرشده توسط
badge-competences = مهارت‌هایی که روی آن‌ها کار شد
badge-criteres = چگونه به دست آمد
badge-verification = بررسی
badge-signature-valide = امضا معتبر است: محتوا تغییر نکرده است.
badge-emetteur-identifie = صادرکننده شناسایی شد: { $id }.
badge-emetteur-introuvable = صادرکننده پیدا نشد: کلید آن به دست نیامد.
badge-statut-inconnu = وضعیت باطل شدن را نمی‌توان بررسی کرد.
badge-non-revoque = باطل نشده (فهرست امضاشدهٔ باطل‌شده‌ها بررسی شد).
badge-sans-liste = بدون فهرست باطل‌شده‌ها: صادرکننده نمی‌تواند آن را باطل کند.
badge-pas-expire = تاریخ آن نگذشته است.
badge-expire = تاریخ آن گذشته است.
badge-pas-encore = هنوز معتبر نیست: تاریخ شروع آن هنوز نرسیده است.
badge-partager = شریک ساختن این نشان
badge-partager-texte = کارفرما می‌تواند آن را با این لینک، یا با اسکن این کد QR بررسی کند:
badge-qr = کد QR لینک این نشان
badge-telecharger = دانلود نشان (فایل ‎.json)
badge-verifier-autre = بررسی یک نشان دیگر
badges-aucun = شما هنوز نشانی ندارید.
badges-intro = این‌ها نشان‌هایی است که در ورکشاپ‌ها گرفته‌اید. هر کدام نشان می‌دهد چه آموخته‌اید. برای نشان دادن به کارفرما، لینک نشان را به او بدهید یا بگذارید کد QR آن را اسکن کند.
badges-prive = این صفحه فقط مال شماست: آدرس آن را شریک نسازید، هر نشان را جداگانه شریک بسازید.
badges-lien-casse = این لینک کار نمی‌کند. بررسی کنید که کامل باشد، یا لینک تازه بخواهید.
badges-fermer-titre = کس دیگری این لینک را دیده است؟
badges-fermer-texte = آن را ببندید: دیگر کار نمی‌کند. بعد با شماره یا ایمیل خود لینک تازه بخواهید. هر لینک ۱۸۰ روز کار می‌کند.
badges-fermer-bouton = این لینک را ببندید
badges-ferme = لینک بسته شد. برای لینک تازه، شماره یا ایمیل خود را در پایین بنویسید.
badges-nouveau-lien = گرفتن لینک تازه
badges-revoque = این نشان باطل شده است: دیگر معتبر نیست.
badges-lien-partager = لینک برای شریک ساختن
badges-voir = دیدن، شریک ساختن یا نشان دادن کد QR
badges-telecharger = دانلود (فایل ‎.json)
badges-porte-titre = نشان‌های من: گرفتن لینک من
badges-porte-intro = وقتی در یک ورکشاپ شرکت می‌کنید، یک نشان می‌گیرید. یک لینک شخصی به همهٔ نشان‌های شما با SMS یا ایمیل فرستاده می‌شود.
badges-envoye = فرستاده شد. اگر نشان‌هایی با این شماره یا ایمیل مرتبط باشند، چند دقیقه بعد یک لینک تازه دریافت می‌کنید.
badges-lien-perdu = لینک خود را گم کرده‌اید؟
badges-contact = شمارهٔ موبایل یا آدرس ایمیل شما
badges-contact-aide = همان که هنگام ثبت‌نام در ورکشاپ دادید. مثال: 06 12 34 56 78.
badges-voir-ateliers = دیدن ورکشاپ‌ها
badges-erreur-contact = شمارهٔ موبایل (06 یا 07) یا آدرس ایمیلی را که هنگام ثبت‌نام دادید بنویسید.
badges-trop-de-demandes = از این اتصال درخواست‌های زیادی فرستاده شده است. یک ساعت بعد دوباره کوشش کنید، یا لینک خود را از برگزارکنندهٔ ورکشاپ بخواهید.

## لینک نامهٔ دعوت
invitation-perime = این لینک دیگر معتبر نیست
invitation-perime-texte = تاریخ لینک نامهٔ شما گذشته است. مشکلی نیست: یک نفر می‌تواند کمک‌تان کند و لینک تازه بدهد.
invitation-inconnu = این لینک وجود ندارد
invitation-inconnu-texte = حروف و اعداد لینک را بررسی کنید، یا زنگ بزنید: یک نفر می‌تواند کمک‌تان کند.
invitation-en-attendant = در این میان
invitation-etapes = قدم‌های بعدی، به طور عمومی
invitation-aides = کمک‌های نزدیک شما
invitation-ateliers = ورکشاپ‌های رایگان
