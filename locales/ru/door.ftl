## Вход на мероприятие: пропуска, контролёры, карточка участника, перевыпуск

start-staff = Здравствуйте! Вы контролёр. Наведите камеру телефона на QR-пропуск участника — бот сразу скажет, можно ли пройти. /checkin — отметить вход вручную, /find — найти участника, /door — сколько человек уже внутри.
role-staff = контролёр
help-intro-staff = Команды контролёра. Чтобы проверить пропуск, наведите камеру телефона на QR-код участника и откройте ссылку: бот ответит ✅, ⛔ или ❌.

## Пропуск

pass-button = 🎫 Пропуск на вход
pass-caption = Пропуск на вход: { $name } · волна «{ $wave }». Покажите этот QR-код на входе — контролёр отсканирует его телефоном. Пропуск личный: по нему проходит только тот, кому выдан билет.
pass-none = У вас пока нет пропуска: он появится вместе с билетом.
pass-not-valid = Этот пропуск больше не действует. /pass пришлёт действующий.

## Проверка на входе

door-admitted = ✅ Проходите: { $person }
    Билет: { $file } · волна «{ $wave }»
door-already-inside = ⛔ Уже внутри с { $time } (вход отметил { $by }): { $person }. Повторно не пропускать.
door-invalid-unknown = ❌ Пропуск недействителен: такого пропуска нет.
door-invalid-reissued = ❌ Пропуск недействителен: билет перевыпущен, у участника новый пропуск.
door-invalid-erased = ❌ Пропуск недействителен: участник удалён или отказался от участия.
door-invalid-wave_ended = ❌ Пропуск недействителен: волна этого билета завершена.
door-invalid-no_ticket = ❌ Не пропускать: у участника нет действующего билета.
door-invalid-ambiguous = ❌ Под это имя файла подходит несколько билетов. Укажите @username, id или путь к файлу целиком.
checkin-usage = Если у участника разрядился телефон, отметьте вход вручную: /checkin @username, /checkin 123456789 или /checkin имя-файла-билета.pdf.
checkin-undo-usage = Чтобы отменить ошибочную отметку о входе: /checkin_undo @username или /checkin_undo 123456789.
checkin-undone = Отметка о входе { $user } отменена.
checkin-undo-not-inside = { $user } не отмечен на входе — отменять нечего.

## /door

door-entered = 🚪 Внутри { $entered } из { $holders ->
        [one] { $holders } обладателя билета
       *[other] { $holders } обладателей билетов
    }.
door-refused-last-hour = ❌ За последний час на входе { $count ->
        [one] был { $count } отказ
        [few] было { $count } отказа
       *[many] было { $count } отказов
    }.
door-latest = Последние входы ({ $zone }):
door-latest-line = { $time } · { $person } · отметил { $by }
door-button-list = 📋 Список на вход (Excel)
door-list-caption = Список на вход: { $count ->
        [one] { $count } пропуск
        [few] { $count } пропуска
       *[many] { $count } пропусков
    }. Пригодится, если на площадке пропадёт связь.
sheet-door-list = Список на вход
sheet-checkins = Входы
sheet-staff = Контролёры
col-checked-in-at = Вход
col-checked-in-by = Кто отметил вход
col-person = Участник
col-method = Как отмечен
col-undone-at = Отмена
col-undone-by = Кто отменил
col-pass = Пропуск
checkin-method-scan = по QR-коду
checkin-method-manual = вручную

## Контролёры

add-staff-usage = Чтобы назначить контролёра: /add_staff @username или /add_staff 123456789. Человек должен хотя бы раз написать боту; того, кто не зарегистрирован, бот знает только по id — его показывает /myid.
remove-staff-usage = Чтобы снять контролёра: /remove_staff @username или /remove_staff 123456789.
staff-not-added-founder = { $user } — владелец бота, у него уже есть все права.
staff-not-added-admin = { $user } — администратор и уже может отмечать вход.
staff-not-added-already_staff = { $user } уже контролёр.
staff-added = { $user } теперь контролёр.
staff-you-are-staff = Вы назначены контролёром на входе. Наводите камеру телефона на QR-пропуска участников; /help — список команд.
staff-not-staff = { $user } не контролёр.
staff-removed = { $user } больше не контролёр.

## Карточка участника (/find)

find-usage = Карточка участника: /find @username, /find 123456789 или /find имя-файла-билета.pdf.
find-ambiguous = Под это имя файла подходят билеты нескольких человек: { $people }. Уточните путь к файлу или укажите @username.
find-unknown = Не нашёл { $what }: ни участника, ни билета с таким именем файла.
card-title = 👤 { $person }
card-deleted = Удалён { $date }.
card-registered = Зарегистрирован { $date } ({ $zone }) · язык { $language } · соглашение { $agreement }
card-tickets = Билеты:
card-no-tickets = Билетов нет.
card-ticket = • «{ $wave }»: { $file } — { $status }, отправлен { $sent }, { $attempts ->
        [one] { $attempts } попытка
        [few] { $attempts } попытки
       *[many] { $attempts } попыток
    }
card-last-failure = Последняя недоставка: { $date } — { $reason }.
card-not-blocked = Бота не блокировал.
card-blocked = ⚠️ Заблокировал бота { $date }.
card-inside = ✅ Внутри с { $time } (вход отметил { $by }).
card-not-inside = Ещё не входил.
card-button-resend = 🎫 Отправить билет ещё раз
card-button-chatlog = 💬 Переписка
card-button-reissue = 🔁 Перевыпустить билет
card-resend-none = У этого участника нет отправленного билета.
card-resend-failed = Не удалось отправить: { $reason }
card-resend-done = Билет отправлен { $user } ещё раз.

## Перевыпуск (/reissue)

reissue-usage = Перевыпуск билета: /reissue @username или /reissue 123456789 [имя-файла.pdf] — билет участника в открытой волне отзывается, ему уходит новый. Для именного билета укажите файл замены.
reissue-refused-no_wave = Открытой волны нет — перевыпускать нечего.
reissue-refused-not_participant = Это не зарегистрированный участник.
reissue-refused-no_ticket = У участника нет отправленного билета в открытой волне.
reissue-refused-in_flight = Билет участника сейчас в пути (идёт рассылка или ждёт повторной попытки). Перевыпустите его, когда рассылка закончится.
reissue-refused-named_needs_file = Билет именной: укажите файл замены, например /reissue @username новый-билет.pdf.
reissue-refused-file_unknown = Такого файла нет в открытой волне (или имя подходит к нескольким файлам — укажите путь целиком).
reissue-refused-file_not_available = Этот файл нельзя выдать: он уже у кого-то или назначен другому участнику.
reissue-refused-none_available = Свободных билетов нет. Добавьте билеты командой /upload_zip_add.
reissue-any-available = свободный билет волны
reissue-confirm = Перевыпустить билет { $person }? Билет { $old } будет отозван — его пропуск перестанет действовать, а файл никому больше не выдаётся. Участнику уйдёт новый: { $replacement }.
reissue-button-confirm = 🔁 Перевыпустить
reissue-kept = Ничего не изменено.
reissue-already = Этот перевыпуск уже выполнен.
reissue-done = Билет { $old } отозван. { $person } получит новый: { $replacement }.
delivery-what-reissue = перевыпущенный билет волны «{ $wave }»
