## Администраторы

add-admin-usage = Как назначить: /add_admin @username или /add_admin 123456789. Человек должен хотя бы раз написать боту; того, кто не зарегистрирован, бот знает только по id — его показывает команда /myid.
remove-admin-usage = Как снять: /remove_admin @username или /remove_admin 123456789.
user-ref-invalid = Это не @username и не числовой Telegram id.
user-unknown = Не знаю { $user }. Пусть человек сначала напишет боту (например, /myid). Того, кто не зарегистрирован, бот знает только по id: попросите прислать число, которое показывает /myid, и укажите его.
admin-is-founder = { $user } — владелец бота, у него и так есть все права.
admin-already = { $user } уже администратор.
admin-added = { $user } теперь администратор.
admin-you-are-admin = Вас назначили администратором этого бота. /menu — меню администратора, /help — список команд.
admin-founder-cannot-be-removed = { $user } — владелец бота. Владельцы задаются в настройках бота, снять их здесь нельзя.
admin-not-admin = { $user } не администратор.
admin-removed = { $user } больше не администратор.

## Приглашения

gen-invites-usage = Как создать: /gen_invites N [дни] — N от 1 до 10 000; дни (от 1 до 365, необязательно) ограничивают срок действия ссылок. Например: /gen_invites 50 или /gen_invites 50 14.
gen-invites-done = { $count } { $count ->
        [one] ссылка-приглашение
        [few] ссылки-приглашения
       *[many] ссылок-приглашений
    }. Каждая личная и срабатывает один раз.
gen-invites-done-expiring = { $count } { $count ->
        [one] ссылка-приглашение
        [few] ссылки-приглашения
       *[many] ссылок-приглашений
    } на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }. Каждая личная и срабатывает один раз.
revoke-invite-usage = Как отозвать: /revoke_invite КОД (код — из файла с приглашениями).
revoke-invite-unknown = Приглашения с таким кодом нет.
revoke-invite-not-unused = Это приглашение нельзя отозвать: оно { $status }.
revoke-invite-done = Приглашение отозвано, ссылка больше не работает.
revoke-invites-usage = Как отозвать все неиспользованные: /revoke_invites unused.
revoke-invites-done = { $count ->
        [one] Отозвано { $count } неиспользованное приглашение.
        [few] Отозвано { $count } неиспользованных приглашения.
       *[many] Отозвано { $count } неиспользованных приглашений.
    }
invite-status-unused = не использовано
invite-status-used = использовано
invite-status-expired = просрочено
invite-status-revoked = отозвано

## Люди

export-users-done = { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    }, { $admins } { $admins ->
        [one] администратор
        [few] администратора
       *[many] администраторов
    } и { $staff } { $staff ->
        [one] контролёр
        [few] контролёра
       *[many] контролёров
    }.
delete-user-usage = Как удалить: /delete_user @username или /delete_user 123456789.
delete-user-is-admin = { $user } — администратор. Сначала снимите права: /remove_admin.
delete-user-is-staff = { $user } — контролёр. Сначала снимите роль: /remove_staff.
delete-user-is-founder = { $user } — владелец бота. Владельцы задаются в настройках бота, удалить их здесь нельзя.
delete-user-confirm-visitor = Удалить { $user }? Этот человек не регистрировался, бот знает только его id. Удалятся незавершённая регистрация, отказы от соглашения и блокировка приглашений.
delete-user-already = Пользователь #{ $id } уже удалён этой кнопкой.
delete-user-confirm = Удалить { $user }? Его личные данные и переписка будут стёрты, билеты, которые до него не дошли, станут свободными, а в истории билетов он останется как «удалённый пользователь». Чтобы вернуться, ему понадобится новое приглашение.
delete-user-button-confirm = 🗑 Удалить
delete-user-kept = Ничего не удалено.
delete-user-done = Пользователь #{ $id } удалён: личные данные и { $lines } { $lines ->
        [one] строка переписки стёрты
        [few] строки переписки стёрты
       *[many] строк переписки стёрты
    }. Больше ему ничего не придёт.
security-log-empty = Журнал безопасности пуст.
security-log-header = Журнал безопасности: последние { $count } из { $total } { $total ->
        [one] записи
       *[other] записей
    }.
security-log-header-all = Журнал безопасности: { $total } { $total ->
        [one] запись
        [few] записи
       *[many] записей
    }.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = нет прав
security-kind-lockout = блокировка приглашений
security-action-button = кнопка «{ $data }»
security-action-pass = пропуск открыт не контролёром
security-details-lockout = больше 5 недействительных приглашений за 10 минут
security-action-message = сообщение
