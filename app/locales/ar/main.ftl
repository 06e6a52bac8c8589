# Itinéraire — العربية. نفس المفاتيح الموجودة في locales/fr (يتحقق منها اختبار).

meta-description = Itinéraire: خطواتك القادمة والمساعدات القريبة منك للتقدّم نحو العمل.

## اللغة
langue-choix = اختر لغتك
langue-titre = اختيار اللغة
langue-explication = الصفحات مترجمة. تبقى نصوص العروض وورشات العمل باللغة الفرنسية.
langue-offres-en-francais = نصوص العروض باللغة الفرنسية.

## الرأس والتذييل
nav-aller-contenu = الانتقال إلى المحتوى
nav-slogan = خطواتك نحو العمل، خطوة بخطوة
nav-menu = القائمة الرئيسية
nav-accueil = الرئيسية
nav-etapes = خطواتي
nav-catalogue = البحث عن مساعدة
nav-ateliers = ورشات العمل
nav-langue = تغيير اللغة
nav-mes-badges = شاراتي
nav-verifier = التحقق من شارة
nav-service-public = الخدمة العامة للإدماج والتشغيل في فرنسا
chargement = جارٍ التحميل…

## الأخطاء
erreur-introuvable = الصفحة غير موجودة
erreur-introuvable-texte = هذه الصفحة غير موجودة أو لم تعد موجودة.
erreur-page-absente = هذه الصفحة غير موجودة
erreur-page-absente-texte = ربما كُتب العنوان بشكل خاطئ، أو نُقلت الصفحة.
erreur-retour-accueil = العودة إلى الصفحة الرئيسية
erreur-indisponible = الخدمة غير متاحة مؤقتًا
erreur-indisponible-texte = الخدمة غير متاحة مؤقتًا. حاول مرة أخرى بعد بضع دقائق.
erreur-demande = طلب غير صحيح
erreur-connexion = يلزم تسجيل الدخول
erreur-acces = الدخول مرفوض
erreur-conflit = تعارض في التعديلات

## الرئيسية
accueil-titre = Itinéraire: التقدّم نحو العمل، حسب وتيرتك
accueil-intro = يشرح لك Itinéraire الخطوات القادمة في مرافقتك. ويعرض لك أيضًا المساعدات القريبة منك لتجاوز ما يعيقك: السكن، والتنقل، والصحة، ورعاية الأطفال، وغير ذلك.
accueil-etapes = خطواتي القادمة
accueil-themes = المجالات العشرة التي يمكن أن نساعدك فيها
accueil-filtre-label = ابحث عن مجال (مثلًا: الإيجار، رخصة القيادة، الصحة)
accueil-filtre-bouton = بحث
accueil-recherche-longue = بحثك طويل جدًا (أكثر من { $max } حرفًا). جرّب كلمة أو كلمتين.
accueil-themes-trouves = { $n ->
    [0] لا يوجد مجال يطابق «{ $q }». جرّب كلمة أخرى.
    [one] مجال واحد يطابق «{ $q }».
    [two] مجالان يطابقان «{ $q }».
    [few] { $n } مجالات تطابق «{ $q }».
   *[other] { $n } مجالًا يطابق «{ $q }».
}
accueil-ensemble = ما يمكننا فعله معًا ({ $n })

## خطواتي
etapes-bienvenue = أهلًا وسهلًا
etapes-bienvenue-texte = ستحصل على مرافقة للتقدّم نحو العمل. إليك ما سيحدث، خطوة بخطوة.
etapes-en-savoir-plus = معرفة المزيد
etapes-numero = الخطوة { $n }
etapes-territoire = المنطقة: { $nom }
etapes-ce-qui-va-se-passer = ما الذي سيحدث
etapes-comprendre = لفهم أفضل
etapes-territoire-inconnu = منطقة غير معروفة
etapes-territoire-inconnu-texte = هذه المنطقة غير معروفة لدينا. تحقّق من الرابط في رسالتك، أو اختر منطقتك أدناه.
etapes-choisir-territoire = اختر منطقتك
aide-titre = لديك سؤال؟ تحدّث مع شخص
aide-appeler = اتصل بالرقم { $tel }

## الدليل
catalogue-titre = ابحث عن مساعدة قريبة منك
catalogue-par-theme = حسب المجال
catalogue-rechercher = بحث (مثلًا: رخصة، إيجار، سيرة ذاتية)
catalogue-sur-place = حضوريًا
catalogue-a-distance = عن بُعد
catalogue-a-distance-long = عن بُعد (هاتف، إنترنت)
filtre-theme = المجال
filtre-tous-themes = كل المجالات
filtre-commune = في هذه البلدية فقط
filtre-toutes-communes = كل البلديات
filtre-mode = حضوريًا أو عن بُعد
filtre-les-deux = كلاهما
filtre-public = لمن
filtre-tous-publics = للجميع
filtre-gratuit = العروض المجانية فقط
filtre-ouvert = الأماكن المفتوحة اليوم فقط
filtre-voir = عرض العروض
filtre-effacer = مسح عوامل التصفية
catalogue-recherche-impossible = البحث غير ممكن
offres-nombre = { $n ->
    [0] لا يوجد عرض مطابق
    [one] عرض واحد
    [two] عرضان
    [few] { $n } عروض
   *[other] { $n } عرضًا
}
catalogue-correction = «{ $mot }» بدلًا من «{ $tape }»
catalogue-corrections = بحثنا عن { $liste }.
catalogue-vide = جرّب كلمة أخرى، أو أزِل أحد عوامل التصفية.
catalogue-tout-voir = عرض كل العروض
catalogue-lieu-inconnu = المكان غير محدد
filtre-pres = بالقرب منك
filtre-pres-commune = بلديتك أو رمزك البريدي
filtre-pres-aide = ستظهر العروض الأقرب أولًا.
position-utiliser = استخدام موقعي
position-recherche = جارٍ البحث عن موقعك…
position-refusee = لم تسمح بالوصول إلى موقعك. اكتب اسم بلديتك بدلًا من ذلك.
position-trop-longue = لم يُعثر على موقعك في الوقت المناسب. حاول مرة أخرى، أو اكتب اسم بلديتك.
position-indisponible = موقعك غير متاح على هذا الجهاز. اكتب اسم بلديتك.
position-non-gardee = يُستخدم فقط لترتيب القائمة. ولا يُحفظ.
catalogue-pres-de = العروض الأقرب إلى { $commune } أولًا.
catalogue-pres-de-vous = العروض الأقرب إليك أولًا.
catalogue-vol-d-oiseau = المسافات في خط مستقيم.
catalogue-km = على بُعد { $km } كم
catalogue-moins-1-km = على بُعد أقل من 1 كم
catalogue-communes-possibles = توجد عدة بلديات مطابقة. اختر بلديتك:
catalogue-a-distance-titre = عن بُعد أيضًا، دون أن تتنقل
catalogue-a-distance-toutes = عرض كل العروض عن بُعد
distance-commune-inconnue = لا نجد «{ $commune }» في منطقة أوت غارون. اكتب اسم بلديتك أو رمزها البريدي، مثلًا 31800.
distance-position-incomprise = لم نفهم موقعك. اكتب اسم بلديتك بدلًا من ذلك.
catalogue-voir-plus = عرض المزيد من العروض ({ $n } من { $total })
catalogue-limite = يُعرض { $n } عرضًا من أصل { $total }. أضف كلمة أو عامل تصفية لتجد بسرعة أكبر.
catalogue-imprimer = طباعة هذه القائمة (لشخص ليس لديه هاتف)

## أوقات العمل
horaires-ouvert-aujourdhui = مفتوح اليوم: { $plages }
horaires-ouvert-maintenant = مفتوح الآن
horaires-ferme-aujourdhui = مغلق اليوم
horaires-ferme = مغلق
horaires-ferie = عطلة رسمية
horaires-toute-la-journee = طوال اليوم
horaires-7-jours = أوقات العمل في الأيام السبعة القادمة
horaires-jour = { $j ->
    [0] الاثنين
    [1] الثلاثاء
    [2] الأربعاء
    [3] الخميس
    [4] الجمعة
    [5] السبت
   *[6] الأحد
} { $d }

## عرض
offre-toutes = كل العروض
offre-gratuit = مجاني
offre-payant = بمقابل
offre-non-precise = غير محدد
offre-courriel = البريد الإلكتروني
offre-site = الموقع الإلكتروني (نافذة جديدة)
offre-quoi = ما هو؟
offre-pour-qui = لمن؟
offre-conditions = الشروط
offre-cout = كم يكلّف؟
offre-acces = كيف تستفيد منه؟
offre-pour-commencer = للبدء:
offre-ou-quand = أين ومتى؟
offre-horaires = أوقات العمل
offre-contact = التواصل
offre-mise-a-jour = آخر تحديث { $date } · المصدر: { $source }
offre-garder = احفظ هذا العرض على هذا الهاتف
offre-gardee = العرض محفوظ على هذا الهاتف ✓

## عروضي المحفوظة
mes-offres-titre = عروضي المحفوظة
mes-offres-texte = هي محفوظة على هذا الهاتف فقط. لا يراها أحد غيرك.
mes-offres-noscript = لرؤية العروض المحفوظة، فعّل JavaScript في المتصفح.
mes-offres-vide = لم تحفظ أي عرض على هذا الهاتف. في الدليل، اضغط «احفظ هذا العرض».
mes-offres-retirer = إزالة
mes-offres-autres = البحث عن عروض أخرى

## الاستمارات
champ-obligatoire = { $champ } (إلزامي)
formulaire-erreurs = { $n ->
    [one] في الاستمارة خطأ واحد
    [two] في الاستمارة خطآن
    [few] في الاستمارة { $n } أخطاء
   *[other] في الاستمارة { $n } خطأ
}
erreur-prenom-manquant = اكتب اسمك الأول.
erreur-nom-manquant = اكتب اسم العائلة.
erreur-trop-long = يجب ألا يتجاوز هذا الحقل { $max } حرفًا.
erreur-caracteres = يحتوي هذا الحقل على أحرف غير مسموح بها.
erreur-portable = رقم الهاتف المحمول هذا غير صالح. مثال: 06 12 34 56 78.
erreur-courriel = عنوان البريد الإلكتروني هذا غير صالح. مثال: prenom.nom@exemple.fr.
erreur-contact-manquant = اكتب رقم هاتف محمول أو عنوان بريد إلكتروني لتتلقى التأكيد.
erreur-consentement = ضع علامة في المربع لتوافق على أن يحتفظ المنظِّم بهذه المعلومات.

## ورشات العمل
ateliers-titre = ورشات عمل مجانية قريبة منك
ateliers-intro = ورشات عمل للتقدّم: كتابة السيرة الذاتية، اكتشاف المهن، معرفة حقوقك، التنقل… مجانية ومفتوحة للجميع. التسجيل في دقيقتين، دون إنشاء حساب.
ateliers-places = { $n ->
    [0] مكتمل – يمكن التسجيل في قائمة الانتظار
    [one] بقي مكان واحد
    [two] بقي مكانان
    [few] بقيت { $n } أماكن
   *[other] بقي { $n } مكانًا
}
ateliers-en-ligne = عبر الإنترنت (فيديو)
ateliers-a-commence = بدأت
ateliers-seances = { $n ->
    [0] لا توجد جلسات قادمة لهذه الاختيارات.
    [one] جلسة واحدة قادمة
    [two] جلستان قادمتان، الأقرب أولًا
    [few] { $n } جلسات قادمة، الأقرب أولًا
   *[other] { $n } جلسة قادمة، الأقرب أولًا
}
ateliers-ou = أين
ateliers-partout = في كل مكان
ateliers-afficher = عرض
ateliers-tous = عرض كل ورشات العمل
ateliers-tous-court = كل ورشات العمل
ateliers-lien-visio = رابط الفيديو
ateliers-visio-inscrits = يُعطى رابط الفيديو للأشخاص المسجّلين.
ateliers-quand = متى
ateliers-organise-par = المنظِّم
ateliers-prix = السعر
ateliers-gratuit = مجاني
ateliers-motif = السبب
ateliers-annulee = أُلغيت هذه الجلسة.
ateliers-terminee = انتهت هذه الجلسة.
ateliers-competences = ما ستعمل عليه
ateliers-accessibilite = إمكانية الوصول
ateliers-autres-dates = مواعيد أخرى
langue-ateliers-en-francais = وصف الورشة باللغة الفرنسية. تُقام الورشة باللغة الفرنسية.
date-jour = { $j ->
    [0] الاثنين
    [1] الثلاثاء
    [2] الأربعاء
    [3] الخميس
    [4] الجمعة
    [5] السبت
   *[6] الأحد
} { $d } { $m ->
    [0] يناير
    [1] فبراير
    [2] مارس
    [3] أبريل
    [4] مايو
    [5] يونيو
    [6] يوليو
    [7] أغسطس
    [8] سبتمبر
    [9] أكتوبر
    [10] نوفمبر
   *[11] ديسمبر
} { $y }
date-seance = { $jour }، من { $debut } إلى { $fin }
date-seance-jours = من { $jour }، { $debut } إلى { $jour2 }، { $fin }

## التسجيل في ورشة
inscription-titre = سجّلني
inscription-attente = سجّلني في قائمة الانتظار
inscription-complet = هذه الجلسة مكتملة. إذا شغر مكان، يحصل عليه أول شخص في قائمة الانتظار وتصله رسالة.
inscription-sans-compte = لا حاجة لإنشاء حساب.
inscription-bouton = أسجّل
inscription-consentement-aide = يُستخدم اسمك ورقمك أو بريدك الإلكتروني فقط لإعلامك، ولتسجيل الحضور، ولمنحك شارة باسمك إذا حضرت (لا يظهر الرقم أو البريد فيها إلا مُشفّرًا). لا يراها إلا المنظِّم. تُحذف بعد { $jours } يومًا من الورشة، وتبقى شارتك لك.
inscription-prenom = الاسم الأول
inscription-nom = اسم العائلة
inscription-un-des-deux = لتتلقى التأكيد، اكتب واحدًا على الأقل من الاثنين:
inscription-portable = رقم الهاتف المحمول
inscription-portable-aide = ستصلك رسالة نصية. مثال: 06 12 34 56 78.
inscription-courriel = عنوان البريد الإلكتروني
inscription-consentement = أوافق على أن يحتفظ المنظِّم بهذه المعلومات لهذه الورشة.
inscription-reservee = مكانك محجوز
inscription-en-attente = أنت في قائمة الانتظار
inscription-annulee = أُلغي تسجيلك
inscription-annulee-merci = تم: أُلغي تسجيلك. شكرًا لأنك أبلغتنا.
inscription-merci = شكرًا { $prenom }! ستصلك رسالة فيها رابط هذه الصفحة.
inscription-envoyee = شكرًا! وصل طلبك. ستصلك بعد لحظات رسالة نصية أو بريد إلكتروني فيه رابط تسجيلك: يقول إن كان لك مكان أو إنك في قائمة الانتظار، ويسمح بالإلغاء. لم يصلك شيء بعد 10 دقائق؟ اتصل بالمنظِّم.
inscription-rang = { $n ->
    [1] أنت التالي في القائمة. إذا شغر مكان، فهو لك وتصلك رسالة.
   *[other] ترتيبك { $n } في القائمة. إذا شغر مكان، تصلك رسالة.
}
inscription-seance-annulee = ألغى المنظِّم هذه الجلسة.
inscription-badge = شارتك
inscription-badge-bravo = أحسنت! شاركت في هذه الورشة. شارتك تثبت ذلك: اعرضها على صاحب عمل.
inscription-voir-badge = عرض شارتي
inscription-badges-lien = كل شاراتك في «شاراتي»: أُرسل إليك الرابط برسالة نصية أو بالبريد الإلكتروني.
inscription-lien-perdu = فقدت الرابط؟
inscription-agenda = إضافة إلى مفكرتي
inscription-garder-page = احتفظ بهذه الصفحة: عنوانها هو رابطك الشخصي لإيجاد تسجيلك أو إلغائه.
inscription-empeche = لا تستطيع الحضور؟
inscription-annuler-texte = ألغِ تسجيلك: سيذهب المكان إلى شخص آخر.
inscription-annuler = إلغاء تسجيلي

## الشارات
badge-authentique = شارة أصلية: تحقّق منها Itinéraire للتو.
badge-revoque = شارة ملغاة: لم تعد صالحة.
badge-invalide = شارة غير صالحة: عُدّلت أو لا تأتي من الجهة المُصدِرة المذكورة.
badge-non-valable = الشارة غير صالحة: انظر التفاصيل أدناه.
badge-signature-invalide = التوقيع غير صالح.
badge-revoque-emetteur = ألغتها الجهة المُصدِرة.
badge-obtenu-par = حصل عليها
badge-le = التاريخ
badge-delivre-par = أصدرتها
badge-competences = المهارات التي تم العمل عليها
badge-criteres = كيف تم الحصول عليها
badge-verification = التحقق
badge-signature-valide = التوقيع صالح: لم يُعدَّل المحتوى.
badge-emetteur-identifie = تم التعرّف على الجهة المُصدِرة: { $id }.
badge-emetteur-introuvable = الجهة المُصدِرة غير موجودة: تعذّر الحصول على مفتاحها.
badge-statut-inconnu = تعذّر التحقق من حالة الإلغاء.
badge-non-revoque = غير ملغاة (تم التحقق من قائمة الإلغاء الموقَّعة).
badge-sans-liste = بدون قائمة إلغاء: لا يمكن للجهة المُصدِرة إلغاؤها.
badge-pas-expire = لم تنتهِ صلاحيتها.
badge-expire = انتهت صلاحيتها.
badge-pas-encore = ليست صالحة بعد: تاريخ بدايتها لم يحن بعد.
badge-partager = مشاركة هذه الشارة
badge-partager-texte = يمكن لصاحب العمل التحقق منها بهذا الرابط، أو بمسح رمز QR هذا:
badge-qr = رمز QR لرابط هذه الشارة
badge-telecharger = تنزيل الشارة (ملف ‎.json)
badge-verifier-autre = التحقق من شارة أخرى
badges-aucun = ليست لديك شارة بعد.
badges-intro = هذه الشارات التي حصلت عليها في ورشات العمل. كل واحدة تثبت ما تعلّمته. لعرضها على صاحب عمل، أعطه رابط الشارة أو دعه يمسح رمز QR الخاص بها.
badges-prive = هذه الصفحة لك وحدك: لا تشارك عنوانها، بل شارك كل شارة على حدة.
badges-lien-casse = هذا الرابط لا يعمل. تحقّق من أنه كامل، أو اطلب رابطًا جديدًا.
badges-fermer-titre = هل رأى شخص آخر هذا الرابط؟
badges-fermer-texte = أغلقه: لن يعمل بعد الآن. ثم اطلب رابطًا جديدًا برقمك أو ببريدك الإلكتروني. يعمل الرابط 180 يومًا.
badges-fermer-bouton = أغلق هذا الرابط
badges-ferme = أُغلق الرابط. للحصول على رابط جديد، اكتب رقمك أو بريدك الإلكتروني أدناه.
badges-nouveau-lien = الحصول على رابط جديد
badges-revoque = أُلغيت هذه الشارة: لم تعد صالحة.
badges-lien-partager = رابط للمشاركة
badges-voir = عرض رمز QR أو مشاركته
badges-telecharger = تنزيل (ملف ‎.json)
badges-porte-titre = شاراتي: الحصول على رابطي
badges-porte-intro = عندما تشارك في ورشة عمل، تحصل على شارة. يُرسل إليك رابط شخصي لكل شاراتك برسالة نصية أو بالبريد الإلكتروني.
badges-envoye = تم الإرسال. إذا كانت هناك شارات مرتبطة بهذا الرقم أو البريد، سيصلك رابط جديد خلال بضع دقائق.
badges-lien-perdu = فقدت رابطك؟
badges-contact = رقم هاتفك المحمول أو عنوان بريدك الإلكتروني
badges-contact-aide = الذي أعطيته عند التسجيل في الورشة. مثال: 06 12 34 56 78.
badges-voir-ateliers = عرض ورشات العمل
badges-erreur-contact = اكتب رقم الهاتف المحمول (06 أو 07) أو عنوان البريد الإلكتروني الذي أعطيته عند التسجيل.
badges-trop-de-demandes = أُرسلت طلبات كثيرة جدًا من هذا الاتصال. حاول مرة أخرى بعد ساعة، أو اطلب رابطك من منظِّم الورشة.

## رابط رسالة الدعوة
invitation-perime = هذا الرابط لم يعد صالحًا
invitation-perime-texte = انتهت صلاحية الرابط الموجود في رسالتك. لا بأس: يمكن لشخص أن يساعدك ويعطيك رابطًا جديدًا.
invitation-inconnu = هذا الرابط غير موجود
invitation-inconnu-texte = تحقّق من حروف الرابط وأرقامه، أو اتصل: يمكن لشخص أن يساعدك.
invitation-en-attendant = في الأثناء
invitation-etapes = الخطوات القادمة بشكل عام
invitation-aides = المساعدات القريبة منك
invitation-ateliers = ورشات العمل المجانية
