# الرسائل النصية والبريد الإلكتروني إلى الشخص (يتلقى المهنيون رسائلهم بالفرنسية).

message-stop = إيقاف التذكيرات: { $lien }
message-inscription-sujet = تسجيل: { $titre }
message-inscription = Itinéraire: أنت مسجّل في «{ $titre }»، { $quand }. تسجيلك، وللإلغاء:
message-attente = Itinéraire: أنت في قائمة الانتظار لـ«{ $titre }»، { $quand }. سنخبرك إذا شغر مكان. تسجيلك:
message-desinscription-sujet = أُلغي التسجيل: { $titre }
message-desinscription = Itinéraire: أُلغي تسجيلك في «{ $titre }»، { $quand }. شكرًا لأنك أخبرتنا.
message-promotion-sujet = مكان لك: { $titre }
message-promotion = Itinéraire: شغر مكان. أنت مسجّل في «{ $titre }»، { $quand }. إذا لم تستطع الحضور، ألغِ بالرابط الذي وصلك عند التسجيل.
message-modifiee-sujet = تغيير: { $titre }
message-modifiee = Itinéraire: تغيّر موعد الورشة «{ $titre }». الموعد الجديد: { $quand }.
message-lieu = المكان: { $lieu }.
message-visio = عبر الإنترنت: الرابط في صفحة تسجيلك.
message-annulee-sujet = إلغاء: { $titre }
message-annulee = Itinéraire: أُلغيت الورشة «{ $titre }» يوم { $quand }. السبب: { $motif }. توجد مواعيد أخرى على Itinéraire، في قسم الورشات.
message-rappel-sujet = تذكير: { $titre }، غدًا
message-rappel = Itinéraire، تذكير: غدًا الساعة { $heure }، «{ $titre }»، { $ou }. للإلغاء:
message-rappel-visio = عبر الإنترنت
message-badge-sujet = شارتك: { $nom }
message-badge = Itinéraire: أحسنت! حصلت على الشارة «{ $nom }». شاهد شاراتك وشاركها بهذا الرابط الشخصي:
message-badges-sujet = شاراتك
message-badges = Itinéraire: هذا رابطك الشخصي إلى شاراتك. لا تعطه لأحد: شارك كل شارة من تلك الصفحة.

## صفحة رابط «إيقاف التذكيرات»
arret-titre = تذكيرات وأخبار Itinéraire
arret-introuvable = هذا الرابط غير صالح (أو لم يعد صالحًا).
arret-explication = يرسل Itinéraire تذكيرات (قبل يوم من ورشة أو موعد) وأخبارًا (إجراء أُضيف إلى دفترك، ردّ على طلب) إلى { $contact }.
arret-codes = الرموز والروابط التي تطلبها بنفسك تصلك دائمًا.
arret-actifs = التذكيرات مفعّلة.
arret-arretes = التذكيرات متوقفة: لم تعد تتلقى تذكيرات ولا أخبارًا.
arret-bouton-arreter = إيقاف التذكيرات
arret-bouton-reprendre = تلقي التذكيرات من جديد
arret-fait = تمّ. لن تتلقى بعد الآن تذكيرات ولا أخبارًا.
arret-repris = تمّ. ستتلقى التذكيرات من جديد.
