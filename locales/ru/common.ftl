## Общее

error-generic = У нас что-то пошло не так. Организатор уже знает; попробуйте ещё раз через минуту.
unknown-command = Такой команды я не знаю. /help — список доступных команд.
button-expired = Эта кнопка больше не действует.
list-and-more = … и ещё { $count }
full-list-caption = Весь список ({ $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}).
button-cancel = Отмена
not-allowed = Эта команда вам недоступна.
participants-only = Это доступно только зарегистрированным участникам. Чтобы зарегистрироваться, откройте свою персональную ссылку-приглашение.
private-only = Я работаю только в личных сообщениях. Напишите мне напрямую.
myid = Ваш Telegram id: { $id }
cancel-done = Отменено.
cancel-nothing = Отменять нечего.
unit-h = ч
unit-min = мин
unit-s = с

## Роли

role-founder = основатель
role-admin = администратор
role-participant = участник
role-visitor = гость

## Справка и команды

help-intro-visitor = Я выдаю электронные билеты на закрытое мероприятие. Чтобы зарегистрироваться, откройте персональную ссылку-приглашение, которую прислал организатор.
help-intro-participant = Вы зарегистрированы. Билеты и объявления приходят в этот чат.
help-intro-admin = Команды администратора. /menu — то же самое кнопками.
help-intro-founder = Команды администратора (вы — основатель). /menu — то же самое кнопками.
cmd-start = начать / регистрация по приглашению
cmd-help = что я умею
cmd-myid = показать ваш Telegram id
cmd-cancel = выйти из текущего диалога
cmd-ticket = получить свой билет ещё раз
cmd-menu = меню администратора
cmd-add_admin = назначить администратора: @username или id
cmd-remove_admin = снять администратора: @username или id
cmd-export_users = участники и администраторы в Excel
cmd-delete_user = удалить участника и его данные
cmd-gen_invites = создать N ссылок-приглашений (Excel)
cmd-revoke_invite = отозвать одно приглашение
cmd-revoke_invites = отозвать все неиспользованные приглашения
cmd-new_wave = открыть новую волну билетов
cmd-upload_zip = загрузить ZIP с PDF-билетами (заменяет невыданные)
cmd-upload_zip_add = добавить ZIP с PDF-билетами в волну
cmd-confirm_wave = сверить билеты с участниками и подтвердить
cmd-send_tickets = разослать билеты всем, у кого их нет
cmd-end_wave = закрыть волну и архивировать невыданные билеты
cmd-list_tickets = все билеты в Excel
cmd-full_report = полный отчёт в Excel
cmd-failed_report = неудачные доставки в Excel
cmd-chatlog = история переписки пользователя (текст)
cmd-broadcast = сообщение всем участникам
cmd-security_log = последние попытки несанкционированного доступа
cmd-pass = ваш пропуск на вход (QR-код)
cmd-checkin = отметить вход вручную
cmd-find = карточка участника
cmd-door = кто внутри, список на вход
cmd-add_staff = назначить контролёра: @username или id
cmd-remove_staff = снять контролёра: @username или id
cmd-checkin_undo = отменить ошибочную отметку о входе
cmd-reissue = отозвать билет и отправить новый

## Оповещения основателям

alert-header = Уведомления о безопасности и ошибках ({ $count }):
alert-unauthorized = { $time } · { $user } попытался выполнить { $action } без прав
alert-lockout = { $time } · { $user } заблокирован после слишком многих недействительных ссылок
alert-error = { $time } · ошибка при обработке { $action } от { $user } (подробности в logs/bot_errors.log)
alert-more = … и ещё: { $details }. Все попытки — в /security_log.
alert-more-unauthorized = { $count ->
    [one] { $count } попытка без прав
    [few] { $count } попытки без прав
   *[many] { $count } попыток без прав
}
alert-more-lockout = { $count ->
    [one] { $count } блокировка
    [few] { $count } блокировки
   *[many] { $count } блокировок
}
alert-more-error = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[many] { $count } ошибок
}

## Ответ по умолчанию

fallback-visitor = Я выдаю электронные билеты на закрытое мероприятие. Чтобы зарегистрироваться, откройте персональную ссылку-приглашение от организатора.
fallback-participant = Такое сообщение я не могу передать организаторам. Напишите вопрос текстом (можно с фото или файлом) — передам. /help — список команд.
fallback-admin = Здесь я понимаю только команды. /menu — меню администратора, /help — список команд.
fallback-admin-document = Чтобы загрузить билеты, отправьте ZIP с командой /upload_zip (или /upload_zip_add, чтобы добавить к волне).
