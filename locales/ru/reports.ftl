## Отчёты

sheet-participants = Участники
sheet-admins = Администраторы
sheet-invites = Приглашения
col-number = №
col-user-id = Telegram id
col-username = Username
col-first-name = Имя
col-last-name = Фамилия
col-language = Язык
col-registered-at = Зарегистрирован
col-invite-code = Приглашение
col-consent-at = Согласие дано
col-agreement-version = Версия соглашения
col-blocked-at = Заблокировал бота
col-ticket = Билет
col-ticket-status = Статус билета
col-role = Роль
col-added-by = Кто назначил
col-added-at = Когда назначен
col-code = Код
col-link = Ссылка-приглашение
col-status = Статус
col-created-at = Создано
col-created-by = Кто создал
col-expires-at = Действует до
col-used-by = Кто воспользовался
col-used-at = Когда
col-revoked-at = Отозвано
agreement-version = { $version } от { $date }
time-zone-header = { $header } ({ $zone })

## Переписка (/chatlog)

chatlog-usage = Команда /chatlog @username или /chatlog 123456789 присылает всю переписку этого человека с ботом текстовым файлом.
chatlog-deleted = Пользователь #{ $id } удалён { $date }: его переписка стёрта вместе с личными данными.
chatlog-empty = Переписка с { $user } пуста: ни он, ни бот ничего друг другу не писали.
chatlog-title = Переписка с { $user }
chatlog-range = { $lines } { $lines ->
        [one] строка
        [few] строки
       *[many] строк
    }, { $from } – { $to } (часовой пояс { $zone })
chatlog-legend = → что прислал собеседник (сообщения, команды, нажатия кнопок); ← что отправил ему бот.
chatlog-deleted-note = Этот пользователь был удалён { $date }, прежняя переписка стёрта; здесь только то, что было после.
chatlog-exported = Выгрузил { $admin }, { $time }.
chatlog-in = → собеседник:
chatlog-out = ← бот:
chatlog-caption = Переписка с { $user }: { $lines } { $lines ->
        [one] строка
        [few] строки
       *[many] строк
    }.
marker-edited = [изменено]
marker-document = [документ: { $name }]
marker-document-unnamed = [документ]
marker-photo = [фото]
marker-video = [видео: { $name }]
marker-video-unnamed = [видео]
marker-animation = [GIF]
marker-audio = [аудио: { $name }]
marker-audio-unnamed = [аудио]
marker-voice = [голосовое сообщение]
marker-video_note = [видеосообщение]
marker-sticker = [стикер { $name }]
marker-sticker-unnamed = [стикер]
marker-contact = [контакт: { $name }]
marker-location = [геопозиция]
marker-poll = [опрос: { $name }]
marker-other = [сообщение]
marker-button = [кнопка «{ $name }»]
marker-question_erased = [вопрос от { $name }]
marker-forward = [пересланное сообщение]

## Полный отчёт (/full_report)

full-report-caption = Полный отчёт, строк на листах:
full-report-sheet = { $sheet }: { $count }
sheet-waves = Волны
sheet-security = Безопасность
col-wave-id = № волны
col-name = Название
col-confirmed-at = Подтверждена
col-ended-at = Завершена
col-ended-by = Кто завершил
col-tickets-total = Билетов всего
col-tickets-available = Свободных
col-tickets-sent = Отправлено
col-tickets-archived = В архиве
col-delivery-jobs = Рассылок
col-kind = Тип
col-action = Действие
col-details = Подробности
wave-status-open = открыта
wave-status-confirmed = подтверждена
wave-status-sending = идёт рассылка
wave-status-sent = разослана
wave-status-partly_sent = разослана не всем
wave-status-ended = завершена
