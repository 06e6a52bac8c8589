# ۱۰ موضوع مرجع ملی و هدف‌های آن، به دری (همان کلیدهای locales/fr/referentiel.ftl).

theme-logement = مسکن
objectif-logement-1 = پیدا کردن خانه
objectif-logement-2 = تغییر خانه
objectif-logement-3 = جستجوی جای بود و باش موقت
objectif-logement-4 = کم کردن کرایه‌های پرداخت‌نشده
objectif-logement-5 = معلومات دربارهٔ کارهای مسکن (بودجه، بررسی وضعیت خانه…)
objectif-logement-6 = نگه داشتن خانه

theme-emploi = کار
objectif-emploi-1 = تأیید انتخاب شغل
objectif-emploi-2 = شناختن فرصت‌های کار
objectif-emploi-3 = شناختن یک شغل یا یک بخش کاری
objectif-emploi-4 = شناختن نقاط قوت و مهارت‌های خود
objectif-emploi-5 = گسترش شبکهٔ آشنایان
objectif-emploi-6 = منظم کردن جستجوی کار
objectif-emploi-7 = نوشتن سی‌وی و/یا نامهٔ انگیزه
objectif-emploi-8 = نشان دادن ارزش مهارت‌ها
objectif-emploi-9 = قانع کردن کارفرما در مصاحبه
objectif-emploi-10 = فرستادن درخواست کار بدون اعلان
objectif-emploi-11 = جواب دادن به اعلان‌های کار
objectif-emploi-12 = پیگیری درخواست‌ها و یادآوری به کارفرمایان
objectif-emploi-13 = تعیین طرح ایجاد کسب‌وکار
objectif-emploi-14 = گسترش کسب‌وکار
objectif-emploi-15 = منظم کردن طرح ایجاد کسب‌وکار
objectif-emploi-16 = شناختن فرصت‌های کار در خارج
objectif-emploi-17 = معلومات دربارهٔ کمک‌ها برای کار در خارج
objectif-emploi-18 = منظم شدن پس از بازگشت به فرانسه

theme-formation = آموزش
objectif-formation-1 = آماده کردن دوسیهٔ آموزش
objectif-formation-2 = پیدا کردن آموزش مناسب

theme-difficulte_administrative = مشکلات اداری
objectif-difficulte_administrative-1 = همراهی برای رسیدن به تابعیت
objectif-difficulte_administrative-2 = همراهی برای رسیدن به حقوق
objectif-difficulte_administrative-3 = کمک در کارهای اداری
objectif-difficulte_administrative-4 = گرفتن همراهی مناسب
objectif-difficulte_administrative-5 = شناختن راه‌های شکایت در برابر تبعیض
objectif-difficulte_administrative-6 = در نظر گرفتن یک مشکل قضایی

theme-difficulte_financiere = مشکلات مالی
objectif-difficulte_financiere-1 = مستقل شدن در مدیریت بودجه
objectif-difficulte_financiere-2 = بهتر کردن مدیریت بودجه
objectif-difficulte_financiere-3 = روبرو شدن با قرض یا قرض زیاد
objectif-difficulte_financiere-4 = گرفتن حمایت مالی قانونی (سرپرستی…)
objectif-difficulte_financiere-5 = جلوگیری از بدتر شدن وضع مالی

theme-mobilite = رفت‌وآمد
objectif-mobilite-1 = گرفتن یک موتر
objectif-mobilite-2 = نگهداری یا ترمیم موتر
objectif-mobilite-3 = بررسی کامل رفت‌وآمد
objectif-mobilite-4 = گرفتن لایسنس رانندگی (تیوری / رانندگی)
objectif-mobilite-5 = آمادگی ذهنی برای رفت‌وآمد
objectif-mobilite-6 = پیدا کردن وسیلهٔ رفت‌وآمد (به جز خرید یا ترمیم موتر)

theme-sante = صحت
objectif-sante-1 = همراهی برای رسیدن به حقوق و/یا تداوی
objectif-sante-2 = آماده کردن دوسیهٔ MDPH / معلولیت
objectif-sante-3 = کار روی عادت‌های صحی (اعتیاد، نظافت، معاینه…)

theme-contraintes_familiales = محدودیت‌های خانوادگی
objectif-contraintes_familiales-1 = روبرو شدن با نگهداری یک شخص وابسته
objectif-contraintes_familiales-2 = روبرو شدن با مشکل خانوادگی و/یا جدایی
objectif-contraintes_familiales-3 = گرفتن وضعیت مراقب خانواده
objectif-contraintes_familiales-4 = بیرون شدن از تنهایی
objectif-contraintes_familiales-5 = حل مشکلات تربیت اطفال
objectif-contraintes_familiales-6 = پیدا کردن راه نگهداری اطفال

theme-maitrise_langue = دانستن زبان فرانسوی
objectif-maitrise_langue-1 = یاد گرفتن / بهتر کردن حساب
objectif-maitrise_langue-2 = یاد گرفتن / بهتر کردن زبان فرانسوی

theme-numerique = دیجیتال
objectif-numerique-1 = استفاده از خدمات آنلاین
objectif-numerique-2 = گرفتن کمپیوتر، تبلت یا تلفون هوشمند
objectif-numerique-3 = گرفتن اتصال انترنت
objectif-numerique-4 = یاد گرفتن اساسات دیجیتال
