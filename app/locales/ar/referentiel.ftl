# المجالات العشرة للمرجع الوطني وأهدافها، بالعربية (نفس مفاتيح locales/fr/referentiel.ftl).

theme-logement = السكن
objectif-logement-1 = الحصول على سكن
objectif-logement-2 = تغيير السكن
objectif-logement-3 = البحث عن إيواء مؤقت
objectif-logement-4 = تقليل متأخرات الإيجار
objectif-logement-5 = التعرّف على إجراءات السكن (الميزانية، محضر الحالة…)
objectif-logement-6 = الحفاظ على السكن

theme-emploi = العمل
objectif-emploi-1 = تأكيد اختيار المهنة
objectif-emploi-2 = معرفة فرص العمل
objectif-emploi-3 = اكتشاف مهنة أو قطاع نشاط
objectif-emploi-4 = تحديد نقاط القوة والمهارات
objectif-emploi-5 = تطوير شبكة العلاقات
objectif-emploi-6 = تنظيم البحث عن عمل
objectif-emploi-7 = كتابة سيرة ذاتية و/أو رسالة تحفيز
objectif-emploi-8 = إبراز المهارات
objectif-emploi-9 = إقناع صاحب العمل في المقابلة
objectif-emploi-10 = إرسال طلبات عمل تلقائية
objectif-emploi-11 = الرد على عروض العمل
objectif-emploi-12 = متابعة الطلبات ومراسلة أصحاب العمل
objectif-emploi-13 = تحديد مشروع إنشاء مؤسسة
objectif-emploi-14 = تطوير المؤسسة
objectif-emploi-15 = هيكلة مشروع إنشاء مؤسسة
objectif-emploi-16 = معرفة فرص العمل في الخارج
objectif-emploi-17 = التعرّف على المساعدات للعمل في الخارج
objectif-emploi-18 = تنظيم الأمور بعد العودة إلى فرنسا

theme-formation = التكوين
objectif-formation-1 = إعداد ملف التكوين
objectif-formation-2 = إيجاد التكوين المناسب

theme-difficulte_administrative = صعوبات إدارية
objectif-difficulte_administrative-1 = الاستفادة من مرافقة للحصول على المواطنة
objectif-difficulte_administrative-2 = الاستفادة من مرافقة للوصول إلى الحقوق
objectif-difficulte_administrative-3 = الاستفادة من مساعدة في الإجراءات الإدارية
objectif-difficulte_administrative-4 = الاستفادة من إجراء مرافقة مناسب
objectif-difficulte_administrative-5 = معرفة طرق الطعن في حالة التمييز
objectif-difficulte_administrative-6 = أخذ مشكلة قضائية بعين الاعتبار

theme-difficulte_financiere = صعوبات مالية
objectif-difficulte_financiere-1 = اكتساب الاستقلالية في الميزانية
objectif-difficulte_financiere-2 = تحسين إدارة الميزانية
objectif-difficulte_financiere-3 = مواجهة الديون أو المديونية المفرطة
objectif-difficulte_financiere-4 = وضع إجراء حماية مالية (وصاية، قوامة…)
objectif-difficulte_financiere-5 = منع تدهور الوضع المالي

theme-mobilite = التنقل
objectif-mobilite-1 = الحصول على مركبة
objectif-mobilite-2 = صيانة المركبة أو إصلاحها
objectif-mobilite-3 = تقييم شامل للتنقل
objectif-mobilite-4 = الحصول على رخصة القيادة (النظري / القيادة)
objectif-mobilite-5 = الاستعداد النفسي للتنقل
objectif-mobilite-6 = إيجاد وسيلة نقل (غير شراء مركبة أو صيانتها)

theme-sante = الصحة
objectif-sante-1 = الاستفادة من مرافقة للوصول إلى الحقوق و/أو العلاج
objectif-sante-2 = إعداد ملف MDPH / العجز
objectif-sante-3 = العمل على السلوكيات الصحية (الإدمان، النظافة، الفحص…)

theme-contraintes_familiales = القيود العائلية
objectif-contraintes_familiales-1 = مواجهة رعاية شخص معال
objectif-contraintes_familiales-2 = مواجهة نزاع عائلي و/أو انفصال
objectif-contraintes_familiales-3 = الحصول على صفة المعين العائلي
objectif-contraintes_familiales-4 = كسر العزلة
objectif-contraintes_familiales-5 = تجاوز صعوبات التربية أو الأبوة
objectif-contraintes_familiales-6 = إيجاد حلول لرعاية الأطفال

theme-maitrise_langue = إتقان اللغة الفرنسية
objectif-maitrise_langue-1 = تعلّم / تحسين مهارات الحساب
objectif-maitrise_langue-2 = تعلّم / تحسين اللغة الفرنسية

theme-numerique = الرقمي
objectif-numerique-1 = الوصول إلى الخدمات عبر الإنترنت
objectif-numerique-2 = الحصول على حاسوب أو جهاز لوحي أو هاتف ذكي
objectif-numerique-3 = الحصول على اتصال بالإنترنت
objectif-numerique-4 = إتقان أساسيات الرقمي
