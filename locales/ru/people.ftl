## Администраторы

add-admin-usage = Использование: /add_admin @username или /add_admin 123456789 (человек должен хотя бы раз написать боту; того, кто не зарегистрирован, бот знает только по id — его показывает /myid).
remove-admin-usage = Использование: /remove_admin @username или /remove_admin 123456789.
user-ref-invalid = Это не @username и не числовой Telegram id.
user-unknown = Я не знаю { $user }. Пусть человек сначала напишет боту (например, /myid). Того, кто не зарегистрирован, бот знает только по числовому id: попросите прислать число, которое показывает /myid, и укажите его.
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

export-users-done = Участников: { $participants }, администраторов: { $admins }, контролёров: { $staff }.
delete-user-usage = Использование: /delete_user @username или /delete_user 123456789.
delete-user-is-admin = { $user } — администратор. Сначала снимите права (/remove_admin).
delete-user-is-staff = { $user } — контролёр. Сначала снимите роль (/remove_staff).
delete-user-is-founder = { $user } — основатель. Основатели задаются в настройках (FOUNDER_IDS), удалить их через бота нельзя.
delete-user-confirm-visitor = Удалить { $user }? Этот человек не регистрировался, бот знает только его id. Будут удалены незавершённая регистрация, отказы от соглашения и блокировка приглашений.
delete-user-already = #{ $id } уже удалён этой кнопкой.
delete-user-confirm = Удалить { $user }? Персональные данные и история переписки будут удалены, неотправленные билеты вернутся в пул, история билетов останется как «удалённый пользователь». Чтобы вернуться, понадобится новое приглашение.
delete-user-button-confirm = 🗑 Удалить
delete-user-kept = Ничего не удалено.
delete-user-done = #{ $id } удалён: персональные данные и { $lines ->
    [one] { $lines } строка переписки
    [few] { $lines } строки переписки
   *[many] { $lines } строк переписки
} стёрты. Больше ему ничего не отправляется.
security-log-empty = Журнал безопасности пуст.
security-log-header = Журнал безопасности: последние { $count } из { $total } записей.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = нет прав
security-kind-lockout = блокировка приглашений
