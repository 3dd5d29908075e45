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
upload-already-imported = Все билеты этого ZIP ({ $count }) уже есть в волне «{ $wave }»: нового ничего не загружено. Дальше: /confirm_wave.
upload-wave-not-open = Ничего не загружено: пока проверялся ZIP, волна «{ $wave }» начала рассылаться (или завершилась). Загрузите ещё раз после окончания рассылки.
upload-refused = Ничего не загружено: неприемлемых элементов — { $count }. Исправьте их и пришлите весь ZIP заново.
upload-manifest-refused = Ничего не загружено: в манифесте проблем — { $count }.
manifest-row = строка { $row }
manifest-unreadable = манифест не читается (нужен CSV или XLSX: имя файла, затем @username или id)
manifest-empty = в манифесте нет строк
manifest-bad_person = «{ $value }» — не @username и не числовой id
manifest-unknown_file = «{ $value }» — такого PDF нет в этом ZIP
manifest-ambiguous_file = «{ $value }» подходит к нескольким PDF в разных папках ZIP; укажите путь, например папка/{ $value }
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
zip-name_too_long = имя длиннее 1024 символов
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

## Билеты

ticket-caption = 🎟 Ваш билет · волна «{ $wave }»
ticket-admin = Администраторам билеты не выдаются.
ticket-none = { $reason ->
    [waiting] У вас пока нет билета: билеты закончились, и вы в листе ожидания. Как только организаторы добавят билеты, вы получите свой в числе первых.
    [wave_ended] У вас нет билета: выдача закончилась, и вам не досталось. Вы в листе ожидания — при новой выдаче получите билет в числе первых.
    [no_wave] У вас пока нет билета: организаторы ещё не начали выдачу. Билет придёт в этот чат, мы напишем.
   *[not_sent] У вас пока нет билета: его ещё не отправили. Он придёт в этот чат, как только организаторы разошлют билеты.
}
list-tickets-done = Билетов: { $count }.
failed-report-done = Неудачных доставок: { $count }.
deleted-user = удалённый пользователь #{ $id }
ticket-status-available = доступен
ticket-status-assigned = назначен
ticket-status-sent = отправлен
ticket-status-archived = в архиве
ticket-status-missing = файл пропал
ticket-status-revoked = отозван
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
