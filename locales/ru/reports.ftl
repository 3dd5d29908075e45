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

## Переписка (/chatlog)

chatlog-usage = Использование: /chatlog @username или /chatlog 123456789 — присылает всю переписку этого человека с ботом текстовым файлом.
chatlog-deleted = Пользователь #{ $id } удалён { $date }: его переписка стёрта вместе с личными данными.
chatlog-empty = Переписка с { $user } пуста: сообщений между ним и ботом нет.
chatlog-title = Переписка с { $user }
chatlog-range = { $lines } { $lines ->
        [one] строка
        [few] строки
       *[other] строк
    }, { $from } – { $to } (часовой пояс { $zone })
chatlog-legend = → — что прислал человек (сообщения, команды, нажатия кнопок); ← — что отправил ему бот.
chatlog-deleted-note = Этот пользователь был удалён { $date }, прежняя переписка стёрта; здесь только то, что было после.
chatlog-exported = Выгружено { $time }, выгрузил { $admin }.
chatlog-in = → пользователь:
chatlog-out = ← бот:
chatlog-caption = Переписка с { $user }: { $lines } { $lines ->
        [one] строка
        [few] строки
       *[other] строк
    }.

## Полный отчёт (/full_report)

full-report-caption = Полный отчёт, строк на листах:
full-report-sheet = { $sheet }: { $count }
sheet-waves = Волны
sheet-security = Безопасность
col-wave-id = ID волны
col-name = Название
col-confirmed-at = Подтверждена
col-ended-at = Завершена
col-ended-by = Кем завершена
col-tickets-total = Билетов
col-tickets-available = Доступно
col-tickets-sent = Отправлено
col-tickets-archived = В архиве
col-delivery-jobs = Запусков рассылки
col-kind = Тип
col-action = Действие
col-details = Подробности
wave-status-open = открыта
wave-status-confirmed = подтверждена
wave-status-sending = идёт рассылка
wave-status-ended = завершена
