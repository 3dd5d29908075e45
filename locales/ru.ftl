## Общее

error-generic = У нас что-то пошло не так. Организатор уже знает; попробуйте ещё раз через минуту.
unknown-command = Такой команды я не знаю. /help — список доступных команд.
button-expired = Эта кнопка больше не действует.
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

## Регистрация

start-admin = Здравствуйте! Вы администратор, приглашение вам не нужно. /menu — меню администратора, /help — список команд.
start-registered = Вы уже зарегистрированы. Билеты и объявления приходят в этот чат; /ticket пришлёт билет ещё раз.
start-no-code = Регистрация только по персональным приглашениям. Попросите у организатора вашу персональную ссылку.
start-code-unknown = Эта ссылка-приглашение недействительна. Проверьте, что открыли ссылку целиком, или попросите у организатора вашу персональную ссылку.
start-code-used = Эта ссылка-приглашение уже использована. Ссылки персональные и срабатывают один раз; попросите у организатора свою.
start-code-revoked = Организатор отозвал эту ссылку-приглашение. Попросите у организатора новую персональную ссылку.
start-code-expired = Срок действия этой ссылки-приглашения истёк. Попросите у организатора новую персональную ссылку.
start-code-reserved = По этой ссылке прямо сейчас регистрируется другой человек. Ссылки персональные; попросите у организатора свою.
start-locked = Слишком много недействительных ссылок. Следующие попытки в течение 10 минут будут проигнорированы. Если это ошибка, свяжитесь с организатором.
reg-consent-question = Вы согласны?
reg-button-accept = ✅ Принимаю
reg-button-decline = ❌ Отказываюсь
reg-button-check = 🔄 Проверить снова
reg-declined = Вы отказались от согласия, поэтому не зарегистрированы, и о вас ничего не сохранено, кроме самого отказа. Если передумаете, откройте ссылку-приглашение ещё раз.
reg-need-username =
    Остался один шаг: для регистрации нужно имя пользователя (username) в Telegram, а у вашего аккаунта его пока нет.

    Задайте его в Telegram: Настройки → Имя пользователя (на некоторых телефонах: Настройки → Изменить профиль → Имя пользователя). Затем вернитесь и нажмите «Проверить снова».
reg-still-no-username = Имени пользователя всё ещё нет. Задайте его в Настройки → Имя пользователя и нажмите «Проверить снова».
reg-welcome = Добро пожаловать, { $name }! Вы зарегистрированы. Электронные билеты и объявления будут приходить в этот чат. /ticket пришлёт ваш билет ещё раз в любой момент.
reg-expired = Срок этой регистрации истёк. Откройте ссылку-приглашение ещё раз.
reg-code-gone = Эту ссылку-приглашение больше нельзя использовать (её уже использовали или отозвали). Попросите у организатора новую персональную ссылку.

## Администраторы

add-admin-usage = Использование: /add_admin @username или /add_admin 123456789 (человек должен хотя бы раз написать боту).
remove-admin-usage = Использование: /remove_admin @username или /remove_admin 123456789.
user-ref-invalid = Это не @username и не числовой Telegram id.
user-unknown = Я не знаю { $user }. Пусть человек сначала напишет боту (например, /start), затем попробуйте снова.
admin-is-founder = { $user } — основатель, у него уже есть все права.
admin-already = { $user } уже администратор.
admin-added = { $user } теперь администратор.
admin-you-are-admin = Теперь вы администратор этого бота. /menu — меню администратора, /help — список команд.
admin-founder-cannot-be-removed = { $user } — основатель; основатели задаются в конфигурации и не снимаются через бота.
admin-not-admin = { $user } не администратор.
admin-removed = { $user } больше не администратор.

## Приглашения

gen-invites-usage = Использование: /gen_invites N [дней] — N — целое число от 1 до 10000; дни (необязательно, 1–365) ограничивают срок действия ссылок. Пример: /gen_invites 50 или /gen_invites 50 14
gen-invites-done = { $count } { $count ->
        [one] ссылка-приглашение
        [few] ссылки-приглашения
       *[other] ссылок-приглашений
    }. Каждая ссылка персональная и срабатывает один раз.
gen-invites-done-expiring = { $count } { $count ->
        [one] ссылка-приглашение
        [few] ссылки-приглашения
       *[other] ссылок-приглашений
    }, срок действия { $days } дн. Каждая ссылка персональная и срабатывает один раз.
revoke-invite-usage = Использование: /revoke_invite КОД (код из файла приглашений).
revoke-invite-unknown = Приглашения с таким кодом нет.
revoke-invite-not-unused = Это приглашение нельзя отозвать: оно { $status }.
revoke-invite-done = Приглашение отозвано, ссылка больше не работает.
revoke-invites-usage = Использование: /revoke_invites unused — отзывает все ещё не использованные приглашения.
revoke-invites-done = Отозвано неиспользованных приглашений: { $count }.
invite-status-unused = не использовано
invite-status-used = использовано
invite-status-expired = просрочено
invite-status-revoked = отозвано

## Пользователи

export-users-done = Участников: { $participants }, администраторов: { $admins }.
delete-user-usage = Использование: /delete_user @username или /delete_user 123456789.
delete-user-is-admin = { $user } — администратор. Сначала снимите права (/remove_admin).
delete-user-not-participant = { $user } не зарегистрированный участник.
delete-user-confirm = Удалить { $user }? Персональные данные и история переписки будут удалены, неотправленные билеты вернутся в пул, история билетов останется как «удалённый пользователь». Чтобы вернуться, понадобится новое приглашение.
delete-user-button-confirm = 🗑 Удалить
delete-user-kept = Ничего не удалено.
delete-user-done = Пользователь #{ $id } удалён: персональные данные и строк переписки: { $lines }.
security-log-empty = Журнал безопасности пуст.
security-log-header = Журнал безопасности: последние { $count } из { $total } записей.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = нет прав
security-kind-lockout = блокировка приглашений

## Оповещения основателям

alert-header = Уведомления о безопасности и ошибках ({ $count }):
alert-unauthorized = { $time } · { $user } попытался выполнить { $action } без прав
alert-lockout = { $time } · { $user } заблокирован после слишком многих недействительных ссылок
alert-error = { $time } · ошибка при обработке { $action } от { $user } (подробности в logs/bot_errors.log)

## Меню

menu-title = Меню администратора. Участников: { $participants }.
menu-back = ⬅️ Назад
menu-invites = 🎟 Приглашения
menu-people = 👥 Люди
menu-invites-generate = Создать { $count }
menu-invites-how = Другое число / срок
menu-invites-help = Используйте /gen_invites N [дней], например /gen_invites 250 14 — 250 ссылок на 14 дней. /revoke_invite КОД и /revoke_invites unused отзывают ссылки.
menu-export-users = Выгрузить пользователей
menu-security-log = Журнал безопасности
menu-delete-user = Удалить пользователя
menu-admins = Администраторы
menu-admins-help = Администраторами управляют основатели: /add_admin @username или id, /remove_admin @username или id.
menu-admins-founders-only = Добавлять и снимать администраторов могут только основатели.

## Ответ по умолчанию

fallback-visitor = Я выдаю электронные билеты на закрытое мероприятие. Чтобы зарегистрироваться, откройте персональную ссылку-приглашение от организатора.
fallback-participant = Я понимаю только команды. /help — список; /ticket пришлёт ваш билет ещё раз.
fallback-admin = Здесь я понимаю только команды. /menu — меню администратора, /help — список команд.
fallback-admin-document = Чтобы загрузить билеты, отправьте ZIP с командой /upload_zip (или /upload_zip_add, чтобы добавить к волне).

## Отчёты

sheet-participants = Участники
sheet-admins = Администраторы
sheet-invites = Приглашения
col-number = №
col-user-id = ID пользователя
col-username = Username
col-first-name = Имя
col-last-name = Фамилия
col-language = Язык
col-registered-at = Зарегистрирован
col-invite-code = Код приглашения
col-consent-at = Согласие дано
col-agreement-version = Версия соглашения
col-blocked-at = Заблокировал бота
col-role = Роль
col-added-by = Кем добавлен
col-added-at = Когда добавлен
col-code = Код
col-link = Ссылка-приглашение
col-status = Статус
col-created-at = Создано
col-created-by = Кем создано
col-expires-at = Действует до
col-used-by = Кем использовано
col-used-at = Когда использовано
col-revoked-at = Отозвано

## Волны

wave-default-name = Волна { $number }
wave-name-invalid = Название волны — не длиннее { $max } символов. Использование: /new_wave [название]
wave-none = Открытой волны нет. Начните её командой /new_wave [название].
wave-opened = Волна «{ $wave }» открыта. Дальше: загрузите билеты командой /upload_zip (отправьте ZIP вместе с командой или сразу после неё).
wave-busy-sending = Волна «{ $wave }» сейчас рассылается. Дождитесь итогов или остановите рассылку кнопкой на сообщении о ходе рассылки.
wave-replace-confirm = Волна «{ $old }» ещё открыта: отправлено билетов { $sent }, не назначено { $available }. Завершить её (невыданные билеты уйдут в архив) и открыть «{ $new }»?
wave-button-end-and-open = Завершить и открыть новую
wave-kept = Ничего не изменено.
wave-ended = Волна «{ $wave }» завершена: отправлено билетов { $sent }, в архив перенесено невыданных { $archived }.
end-sending = Волна «{ $wave }» сейчас рассылается; завершить её можно после окончания (или остановки) рассылки.
end-confirm = Завершить волну «{ $wave }»? Невыданные билеты ({ $available }) уйдут в архив; отправленные ({ $sent }) остаются у владельцев.
end-button-confirm = Завершить волну

## Загрузка билетов

upload-send-now = Пришлите ZIP с PDF-билетами файлом. /cancel — отмена.
upload-not-zip = Это не .zip-файл. Пришлите ZIP с PDF-билетами или /cancel.
upload-waiting = Жду ZIP-файл с билетами (или /cancel).
upload-done = В волну «{ $wave }» загружено билетов: { $count }.
upload-archived = Прежние невыданные билеты перенесены в архив: { $count }.
upload-ignored = Пропущено служебных элементов (папки, __MACOSX, скрытые файлы): { $count }.
upload-named = Именных билетов по манифесту: { $count }.
upload-named-waiting = Ещё не зарегистрировались названные в манифесте ({ $count }); они получат билет после регистрации при следующем /send_tickets: { $people }
upload-unnamed-files = PDF, которых нет в манифесте, никому не выдаются ({ $count }): { $files }
upload-next = Дальше: /confirm_wave.
upload-too-big = Файл весит { $size } МБ, а Telegram позволяет ботам скачивать не больше 20 МБ. Два выхода: разбейте билеты на несколько ZIP до 20 МБ и отправьте каждый с /upload_zip_add, или запустите собственный сервер Bot API (telegram-bot-api --local, до 2 ГБ) и укажите его в BOT_API_ROOT. На сервере бота команда `npm run import -- tickets.zip` загружает архив любого размера.
upload-download-failed = Не удалось скачать файл из Telegram. Пришлите его ещё раз через минуту.
upload-not-an-archive = Этот файл не является читаемым ZIP-архивом. Ничего не загружено.
upload-too-many-entries = В ZIP { $count } элементов, допускается не больше { $max }. Ничего не загружено; разбейте архив на несколько и используйте /upload_zip_add.
upload-too-large = ZIP распаковывается в { $size } МБ, допускается не больше { $max } МБ. Ничего не загружено.
upload-no-tickets = В ZIP нет PDF-билетов. Ничего не загружено.
upload-refused = Ничего не загружено: неприемлемых элементов — { $count }. Исправьте их и пришлите весь ZIP заново.
upload-more-problems = …и ещё { $count }.
upload-manifest-refused = Ничего не загружено: в манифесте проблем — { $count }.
manifest-row = строка { $row }
manifest-unreadable = манифест не читается (нужен CSV или XLSX: имя файла, затем @username или id)
manifest-empty = в манифесте нет строк
manifest-bad_person = «{ $value }» — не @username и не числовой id
manifest-unknown_file = «{ $value }» — такого PDF нет в этом ZIP
manifest-file_twice = «{ $value }» указан дважды
manifest-person_twice = { $value } указан дважды
zip-absolute_path = абсолютный путь, отклонено
zip-path_traversal = путь ведёт за пределы архива (..), отклонено
zip-not_pdf = не PDF-файл
zip-empty = пустой файл
zip-duplicate_in_zip = то же содержимое, что у { $other }
zip-duplicate_earlier = уже загружался раньше: { $other }
zip-suspicious_ratio = подозрительно сильно сжат (возможна zip-бомба)
zip-encrypted = зашифрованный элемент
zip-unreadable = повреждённый элемент, не читается

## Подтверждение и рассылка

confirm-no-tickets = В волне «{ $wave }» ещё нет билетов: сначала загрузите их командой /upload_zip.
confirm-counts = Волна «{ $wave }»: доступно билетов { $available }, уже отправлено { $sent }, участников без билета { $waiting }.
confirm-short = ⚠️ Билетов не хватит: { $missing } участников останутся без билета. Добавьте билеты командой /upload_zip_add.
confirm-nobody-waiting = Волна подтверждена. Билеты уже есть у всех участников; новых участников обслужит следующий /send_tickets.
confirm-next = Волна подтверждена. /send_tickets запускает рассылку.
send-not-confirmed = Волна «{ $wave }» ещё не подтверждена: сначала проверьте её командой /confirm_wave.
send-nobody = У всех участников уже есть билет волны «{ $wave }».
send-started = Рассылаю билеты волны «{ $wave }» участникам ({ $count }) в фоне. Ход рассылки появится здесь; бот тем временем продолжает отвечать.
send-queued = Билеты волны «{ $wave }» для участников ({ $count }) поставлены в очередь: они уйдут после текущей рассылки.

## Рассылка

delivery-what-tickets = билеты волны «{ $wave }»
delivery-button-stop = ⏹ Остановить рассылку
delivery-stopping = Останавливаю после текущих отправок…
delivery-not-running = Эта рассылка уже не идёт.
delivery-progress = 📤 Рассылка: { $what } — отправлено { $sent } из { $total }, ошибок { $failed } · { $rate } сообщ./с
delivery-progress-done = ✅ Готово: { $what }, отправлено { $sent }.
delivery-progress-cancelled = ⏹ Остановлено: { $what }, отправлено { $sent }.
delivery-resumed = Бот перезапустился во время рассылки ({ $what }). Продолжаю: уже отправлено { $sent }; отправки, которые шли в момент перезапуска ({ $inflight }), повторяются тем же людям.
delivery-summary = Итоги: { $what }
delivery-summary-cancelled = Остановлено администратором: { $what }
delivery-summary-sent = ✅ Отправлено: { $count }
delivery-summary-failed = ❌ Не доставлено: { $count }
delivery-summary-skipped-no_ticket = 🎟 Не хватило билетов: { $count }
delivery-summary-tickets-left = Билетов осталось в пуле: { $count }
delivery-summary-time = ⏱ { $duration }, { $rate } сообщ./с
delivery-summary-restarts = Рассылка пережила перезапусков бота: { $count }.
delivery-summary-failed-hint = Подробности: /failed_report. Участникам без билета билет отправит следующий /send_tickets.
failure-blocked = заблокировал бота
failure-deactivated = аккаунт удалён
failure-not_started = не запускал бота
failure-chat_not_found = чат не найден
failure-forbidden = запрещено Telegram
failure-bad_request = отклонено Telegram
failure-missing_file = файл билета пропал с диска
failure-flood = ограничение частоты Telegram
failure-server_error = ошибка сервера Telegram
failure-network = сетевая ошибка
failure-internal = внутренняя ошибка

## Билеты

ticket-caption = Ваш билет — { $wave }
ticket-admin = Администраторам билеты не выдаются.
ticket-none = У вас пока нет билета. Он придёт в этот чат, как только организатор разошлёт билеты.
list-tickets-done = Билетов: { $count }.
failed-report-done = Неудачных доставок: { $count }.
deleted-user = удалённый пользователь #{ $id }
ticket-status-available = доступен
ticket-status-assigned = назначен
ticket-status-sent = отправлен
ticket-status-archived = в архиве
ticket-status-missing = файл пропал
ticket-held = закреплён за этим человеком после неясной доставки
named-not-in-manifest = (нет в манифесте)
failed-what-ticket = билет { $file } (волна { $wave })
failed-what-broadcast = рассылка #{ $id }
sheet-tickets = Билеты
sheet-failed = Неудачные доставки
col-ticket-id = Билет
col-wave = Волна
col-file = Файл
col-named-for = Именной для
col-assigned-at = Назначен
col-sent-at = Отправлен
col-attempts = Попыток
col-last-error = Последняя ошибка
col-what = Что
col-reason = Причина
col-error = Ошибка
col-time = Время
