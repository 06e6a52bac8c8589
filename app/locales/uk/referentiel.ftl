# 10 тем національного довідника та їхні цілі, українською (ті самі ключі, що в locales/fr/referentiel.ftl).

theme-logement = Житло
objectif-logement-1 = Отримати житло
objectif-logement-2 = Змінити житло
objectif-logement-3 = Знайти тимчасове житло
objectif-logement-4 = Зменшити борги з оренди
objectif-logement-5 = Дізнатися про житлові процедури (бюджет, опис майна…)
objectif-logement-6 = Зберегти своє житло

theme-emploi = Робота
objectif-emploi-1 = Підтвердити вибір професії
objectif-emploi-2 = Знати можливості працевлаштування
objectif-emploi-3 = Відкрити для себе професію або галузь
objectif-emploi-4 = Визначити свої сильні сторони та навички
objectif-emploi-5 = Розвивати мережу контактів
objectif-emploi-6 = Організувати пошук роботи
objectif-emploi-7 = Скласти резюме та/або мотиваційний лист
objectif-emploi-8 = Показати цінність своїх навичок
objectif-emploi-9 = Переконати роботодавця на співбесіді
objectif-emploi-10 = Надсилати ініціативні заявки
objectif-emploi-11 = Відповідати на вакансії
objectif-emploi-12 = Відстежувати заявки та нагадувати роботодавцям
objectif-emploi-13 = Визначити проєкт створення підприємства
objectif-emploi-14 = Розвивати своє підприємство
objectif-emploi-15 = Структурувати проєкт створення підприємства
objectif-emploi-16 = Знати можливості роботи за кордоном
objectif-emploi-17 = Дізнатися про допомогу для роботи за кордоном
objectif-emploi-18 = Облаштуватися після повернення до Франції

theme-formation = Навчання
objectif-formation-1 = Підготувати документи на навчання
objectif-formation-2 = Знайти своє навчання

theme-difficulte_administrative = Адміністративні труднощі
objectif-difficulte_administrative-1 = Отримати супровід щодо громадянства
objectif-difficulte_administrative-2 = Отримати супровід для доступу до прав
objectif-difficulte_administrative-3 = Отримати допомогу з адміністративними справами
objectif-difficulte_administrative-4 = Отримати відповідний захід супроводу
objectif-difficulte_administrative-5 = Знати, як захиститися від дискримінації
objectif-difficulte_administrative-6 = Врахувати судову проблему

theme-difficulte_financiere = Фінансові труднощі
objectif-difficulte_financiere-1 = Навчитися самостійно вести бюджет
objectif-difficulte_financiere-2 = Покращити ведення бюджету
objectif-difficulte_financiere-3 = Впоратися з боргами / надмірною заборгованістю
objectif-difficulte_financiere-4 = Встановити фінансовий захист (опіка, піклування…)
objectif-difficulte_financiere-5 = Запобігти погіршенню фінансового становища

theme-mobilite = Транспорт
objectif-mobilite-1 = Отримати транспортний засіб
objectif-mobilite-2 = Обслуговувати або ремонтувати транспортний засіб
objectif-mobilite-3 = Повністю оцінити свої потреби в пересуванні
objectif-mobilite-4 = Отримати посвідчення водія (теорія / водіння)
objectif-mobilite-5 = Бути готовим їздити далі
objectif-mobilite-6 = Знайти транспорт (крім купівлі чи ремонту авто)

theme-sante = Здоров’я
objectif-sante-1 = Отримати супровід для доступу до прав і/або лікування
objectif-sante-2 = Підготувати документи до MDPH / щодо інвалідності
objectif-sante-3 = Працювати над звичками здоров’я (залежності, гігієна, обстеження…)

theme-contraintes_familiales = Сімейні обставини
objectif-contraintes_familiales-1 = Впоратися з доглядом за залежною людиною
objectif-contraintes_familiales-2 = Впоратися із сімейним конфліктом і/або розлученням
objectif-contraintes_familiales-3 = Отримати статус доглядальника члена родини
objectif-contraintes_familiales-4 = Подолати самотність
objectif-contraintes_familiales-5 = Подолати труднощі у вихованні дітей
objectif-contraintes_familiales-6 = Знайти догляд за дитиною

theme-maitrise_langue = Знання французької мови
objectif-maitrise_langue-1 = Навчитися / покращити навички рахунку
objectif-maitrise_langue-2 = Навчитися / покращити французьку

theme-numerique = Цифрові навички
objectif-numerique-1 = Користуватися онлайн-послугами
objectif-numerique-2 = Отримати комп’ютер, планшет або смартфон
objectif-numerique-3 = Отримати підключення до інтернету
objectif-numerique-4 = Опанувати цифрові основи
