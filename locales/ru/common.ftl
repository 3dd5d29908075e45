## Общее

error-generic = Что-то пошло не так на нашей стороне. Организаторы уже знают; попробуйте, пожалуйста, ещё раз через минуту.
unknown-command = Такой команды нет. /help — команды, которые вам доступны.
button-expired = Эта кнопка больше не действует.
button-cancel = Отмена
list-and-more = … и ещё { $count }
full-list-caption = Полный список: { $count } { $count ->
        [one] строка
        [few] строки
       *[many] строк
    }.
not-allowed = Эта команда вам недоступна.
participants-only = Это только для зарегистрированных участников. Чтобы зарегистрироваться, откройте свою ссылку-приглашение.
private-only = Я работаю только в личных сообщениях. Напишите мне напрямую.
myid = Ваш Telegram id: { $id }
cancel-done = Отменено.
cancel-nothing = Отменять нечего.
unit-h = ч
unit-min = мин
unit-s = с

## Роли

role-founder = владелец
role-admin = администратор
role-participant = участник
role-visitor = гость

## Справка и команды

help-intro-visitor = Я выдаю электронные билеты на мероприятие по приглашениям. Чтобы зарегистрироваться, откройте ссылку-приглашение, которую вам прислали организаторы.
help-intro-participant = Вы зарегистрированы. Билеты и объявления организаторов приходят в этот чат.
help-intro-admin = Команды администратора. /menu — то же самое кнопками.
help-intro-founder = Команды администратора (вы владелец бота). /menu — то же самое кнопками.
cmd-start = начать, регистрация по приглашению
cmd-help = что я умею
cmd-myid = ваш Telegram id
cmd-cancel = выйти из текущего диалога
cmd-ticket = ваш билет ещё раз — или что с ним сейчас
cmd-menu = меню администратора
cmd-add_admin = назначить администратора: @username или id
cmd-remove_admin = снять администратора: @username или id
cmd-export_users = участники, администраторы и контролёры в Excel
cmd-delete_user = удалить человека и его данные
cmd-gen_invites = создать N ссылок-приглашений (Excel)
cmd-revoke_invite = отозвать одно приглашение
cmd-revoke_invites = отозвать все неиспользованные приглашения
cmd-new_wave = открыть новую волну билетов
cmd-upload_zip = загрузить ZIP с PDF-билетами (свободные уходят в архив)
cmd-upload_zip_add = добавить ZIP с PDF-билетами в волну
cmd-confirm_wave = сверить билеты с участниками и подтвердить волну
cmd-send_tickets = разослать билеты всем, у кого их ещё нет
cmd-end_wave = завершить волну, свободные билеты — в архив
cmd-list_tickets = все билеты в Excel
cmd-full_report = полный отчёт в Excel
cmd-failed_report = недоставленное в Excel
cmd-chatlog = переписка человека с ботом (текстовый файл)
cmd-broadcast = объявление: всем или выбранной группе, сейчас или позже
cmd-security_log = последние попытки без прав и блокировки
cmd-pass = ваш пропуск на вход (QR-код)
cmd-checkin = отметить вход вручную
cmd-find = карточка участника
cmd-door = кто внутри, список на вход
cmd-add_staff = назначить контролёра: @username или id
cmd-remove_staff = снять контролёра: @username или id
cmd-checkin_undo = отменить ошибочную отметку о входе
cmd-reissue = отозвать билет и отправить новый

## Уведомления владельцам

alert-header = Безопасность и ошибки: { $count } { $count ->
        [one] событие
        [few] события
       *[many] событий
    }
alert-unauthorized = { $time } · { $user } без прав: { $action }
alert-lockout = { $time } · { $user } заблокирован: больше 5 недействительных приглашений за 10 минут
alert-error = { $time } · ошибка: { $user }, { $action } (подробности — в журнале ошибок бота)
alert-more = … и ещё: { $details }. Все попытки — в /security_log.
alert-more-unauthorized = { $count } { $count ->
        [one] попытка без прав
        [few] попытки без прав
       *[many] попыток без прав
    }
alert-more-lockout = { $count } { $count ->
        [one] блокировка
        [few] блокировки
       *[many] блокировок
    }
alert-more-error = { $count } { $count ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }

## Ответ на сообщения без команды

fallback-visitor = Я выдаю электронные билеты на мероприятие по приглашениям. Чтобы зарегистрироваться, откройте ссылку-приглашение от организаторов.
fallback-participant = Такое сообщение я не могу передать организаторам. Напишите вопрос текстом (можно с фото или файлом) — передам. /help — список команд.
fallback-admin = Здесь я понимаю только команды: /menu — меню администратора, /help — список команд.
fallback-admin-document = Чтобы загрузить билеты, отправьте ZIP с подписью /upload_zip (или /upload_zip_add — добавить к волне).
