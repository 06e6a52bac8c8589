# پیامک‌ها و ایمیل‌ها برای شخص (کارمندان پیام‌های خود را به فرانسوی می‌گیرند).

message-stop = دیگر یادآوری نگیرم: { $lien }
message-inscription-sujet = ثبت‌نام: { $titre }
message-inscription = Itinéraire: شما در «{ $titre }» ثبت‌نام شدید، { $quand }. ثبت‌نام شما، و برای لغو:
message-attente = Itinéraire: شما در فهرست انتظار «{ $titre }» هستید، { $quand }. اگر جایی خالی شود، به شما خبر می‌دهیم. ثبت‌نام شما:
message-desinscription-sujet = ثبت‌نام لغو شد: { $titre }
message-desinscription = Itinéraire: ثبت‌نام شما در «{ $titre }»، { $quand }، لغو شد. ممنون که خبر دادید.
message-promotion-sujet = یک جا برای شما: { $titre }
message-promotion = Itinéraire: یک جا خالی شد. شما در «{ $titre }» ثبت‌نام شدید، { $quand }. اگر نمی‌توانید بیایید، با لینکی که هنگام ثبت‌نام گرفتید لغو کنید.
message-modifiee-sujet = تغییر: { $titre }
message-modifiee = Itinéraire: ورکشاپ «{ $titre }» تغییر کرد. وقت جدید: { $quand }.
message-lieu = جای برگزاری: { $lieu }.
message-visio = آنلاین: لینک در صفحهٔ ثبت‌نام شما است.
message-annulee-sujet = لغو: { $titre }
message-annulee = Itinéraire: ورکشاپ «{ $titre }» در { $quand } لغو شد. دلیل: { $motif }. تاریخ‌های دیگر در Itinéraire، بخش ورکشاپ‌ها، است.
message-rappel-sujet = یادآوری: { $titre }، فردا
message-rappel = Itinéraire، یادآوری: فردا ساعت { $heure }، «{ $titre }»، { $ou }. برای لغو:
message-rappel-visio = آنلاین
message-badge-sujet = نشان شما: { $nom }
message-badge = Itinéraire: آفرین! شما نشان «{ $nom }» را گرفتید. نشان‌های خود را با این لینک شخصی ببینید و شریک کنید:
message-badges-sujet = نشان‌های شما
message-badges = Itinéraire: این لینک شخصی شما به نشان‌هایتان است. آن را به کسی ندهید: هر نشان را از همان صفحه شریک کنید.

## صفحهٔ لینک «دیگر یادآوری نگیرم»
arret-titre = یادآوری‌ها و خبرهای Itinéraire
arret-introuvable = این لینک معتبر نیست (یا دیگر معتبر نیست).
arret-explication = Itinéraire یادآوری‌ها (یک روز پیش از ورکشاپ یا ملاقات) و خبرها (کاری که به دفترچهٔ شما اضافه شد، پاسخ به یک درخواست) را به { $contact } می‌فرستد.
arret-codes = کدها و لینک‌هایی که خودتان می‌خواهید همیشه می‌رسند.
arret-actifs = یادآوری‌ها روشن است.
arret-arretes = یادآوری‌ها خاموش است: دیگر یادآوری و خبر نمی‌گیرید.
arret-bouton-arreter = دیگر یادآوری نگیرم
arret-bouton-reprendre = دوباره یادآوری بگیرم
arret-fait = انجام شد. دیگر یادآوری و خبر نمی‌گیرید.
arret-repris = انجام شد. دوباره یادآوری می‌گیرید.
