## Волны

wave-default-name = Волна { $number }
wave-name-invalid = Название волны — не длиннее { $max } символов. Пример: /new_wave Основная продажа
wave-none = Открытой волны нет. Откройте её командой /new_wave [название].
wave-opened = Волна «{ $wave }» открыта. Теперь загрузите билеты: отправьте ZIP с подписью /upload_zip (или сначала команду, потом файл).
wave-busy-sending = Сейчас идёт рассылка билетов волны «{ $wave }». Дождитесь итогов или остановите рассылку кнопкой под сообщением о её ходе.
wave-replace-confirm = Волна «{ $old }» ещё открыта: { $sent } { $sent ->
        [one] билет отправлен
        [few] билета отправлено
       *[many] билетов отправлено
    }, { $available } { $available ->
        [one] свободный
       *[other] свободных
    }. Завершить её (свободные билеты уйдут в архив) и открыть «{ $new }»?
wave-button-end-and-open = Завершить и открыть новую
wave-kept = Ничего не изменено.
wave-ended = Волна «{ $wave }» завершена: { $sent } { $sent ->
        [one] билет отправлен
        [few] билета отправлено
       *[many] билетов отправлено
    }, { $archived } { $archived ->
        [one] свободный ушёл
        [few] свободных ушли
       *[many] свободных ушли
    } в архив.
end-sending = Сейчас идёт рассылка билетов волны «{ $wave }». Завершить волну можно, когда рассылка закончится или будет остановлена.
end-confirm = Завершить волну «{ $wave }»? { $available } { $available ->
        [one] свободный билет уйдёт
        [few] свободных билета уйдут
       *[many] свободных билетов уйдут
    } в архив, { $sent } { $sent ->
        [one] отправленный остаётся
       *[other] отправленных остаются
    } у участников.
end-button-confirm = Завершить волну

## Загрузка билетов

upload-send-now = Пришлите ZIP с PDF-билетами файлом. /cancel — отмена.
upload-not-zip = Это не ZIP. Пришлите ZIP с PDF-билетами или нажмите /cancel.
upload-waiting = Жду ZIP с билетами (или /cancel).
upload-done = В волну «{ $wave }» { $count ->
        [one] загружен { $count } билет
        [few] загружено { $count } билета
       *[many] загружено { $count } билетов
    }.
upload-archived = Прежние свободные билеты ушли в архив: { $count } { $count ->
        [one] билет
        [few] билета
       *[many] билетов
    }.
upload-ignored = { $count ->
        [one] Пропущен { $count } служебный элемент
        [few] Пропущено { $count } служебных элемента
       *[many] Пропущено { $count } служебных элементов
    } (папки, __MACOSX, скрытые файлы).
upload-named = { $count ->
        [one] { $count } именной билет
        [few] { $count } именных билета
       *[many] { $count } именных билетов
    } по манифесту.
upload-named-waiting = { $count ->
        [one] { $count } человек из манифеста ещё не зарегистрировался
        [few] { $count } человека из манифеста ещё не зарегистрировались
       *[many] { $count } человек из манифеста ещё не зарегистрировались
    }; билет уйдёт после регистрации, со следующим /send_tickets: { $people }
upload-unnamed-files = { $count ->
        [one] { $count } PDF нет в манифесте, он никому не выдаётся
       *[other] { $count } PDF нет в манифесте, они никому не выдаются
    }: { $files }
upload-next = Дальше — /confirm_wave.
upload-too-big = Файл весит { NUMBER($size, maximumFractionDigits: 1) } МБ, а Telegram разрешает ботам скачивать файлы не больше 20 МБ. Можно разбить билеты на несколько ZIP по 20 МБ и отправить каждый с подписью /upload_zip_add. Или попросите того, кто обслуживает бота, загрузить архив прямо на сервере — так можно загрузить ZIP любого размера.
upload-download-failed = Не удалось скачать файл из Telegram. Пришлите его ещё раз через минуту.
upload-not-an-archive = Этот файл не читается как ZIP-архив. Ничего не загружено.
upload-too-many-entries = В ZIP { $count } { $count ->
        [one] элемент
        [few] элемента
       *[many] элементов
    }, а можно не больше { $max }. Ничего не загружено: разбейте архив на несколько и добавьте их командой /upload_zip_add.
upload-too-large = Распакованный ZIP занимает { $size } МБ, а можно не больше { $max } МБ. Ничего не загружено.
upload-no-tickets = В ZIP нет PDF-билетов. Ничего не загружено.
upload-already-imported = Все билеты из этого ZIP уже есть в волне «{ $wave }» ({ $count } { $count ->
        [one] файл
        [few] файла
       *[many] файлов
    }), нового ничего нет. Дальше — /confirm_wave.
upload-wave-not-open = Ничего не загружено: пока проверялся ZIP, началась рассылка билетов волны «{ $wave }» (или волна завершилась). Загрузите архив ещё раз, когда рассылка закончится.
upload-refused = Ничего не загружено: { $count } { $count ->
        [one] элемент не подходит
        [few] элемента не подходят
       *[many] элементов не подходят
    }. Исправьте их и пришлите весь ZIP заново.
upload-manifest-refused = Ничего не загружено: в манифесте { $count } { $count ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }.
manifest-row = строка { $row }
manifest-unreadable = манифест не читается (нужен CSV или XLSX: имя файла, затем @username или id)
manifest-empty = в манифесте нет строк
manifest-bad_person = «{ $value }» — не @username и не числовой id
manifest-unknown_file = «{ $value }» — такого PDF в этом ZIP нет
manifest-ambiguous_file = «{ $value }» подходит к нескольким PDF в разных папках ZIP; укажите путь, например папка/{ $value }
manifest-file_twice = «{ $value }» указан дважды
manifest-person_twice = { $value } указан дважды
zip-absolute_path = абсолютный путь — отклонено
zip-path_traversal = путь ведёт за пределы архива (..) — отклонено
zip-not_pdf = не PDF
zip-empty = пустой файл
zip-duplicate_in_zip = то же содержимое, что у { $other }
zip-duplicate_earlier = уже загружался раньше: { $other }
zip-suspicious_ratio = подозрительно сильно сжат (похоже на zip-бомбу)
zip-encrypted = зашифрован
zip-name_too_long = имя длиннее 1024 символов
zip-unreadable = повреждён, не читается

## Подтверждение и рассылка билетов

confirm-no-tickets = В волне «{ $wave }» ещё нет билетов. Сначала загрузите их: /upload_zip.
confirm-counts = Волна «{ $wave }»: { $available } { $available ->
        [one] свободный билет
        [few] свободных билета
       *[many] свободных билетов
    }, { $sent } уже { $sent ->
        [one] отправлен
       *[other] отправлено
    }; без билета { $waiting } { $waiting ->
        [one] участник
        [few] участника
       *[many] участников
    }.
confirm-short = ⚠️ Билетов не хватит: { $missing } { $missing ->
        [one] участник останется
        [few] участника останутся
       *[many] участников останутся
    } без билета и попадут в лист ожидания. Добавьте билеты: /upload_zip_add.
confirm-nobody-waiting = Волна подтверждена. Билеты уже есть у всех участников; новым участникам их отправит следующий /send_tickets.
confirm-done = Волна подтверждена.
confirm-answered = Волна «{ $wave }» уже подтверждена этой кнопкой.
send-ask-unconfirmed = Волна «{ $wave }» ещё не подтверждена — кнопка «📤 Разослать» подтвердит её и сразу начнёт рассылку.
send-ask = Разослать { $tickets } { $tickets ->
        [one] билет
        [few] билета
       *[many] билетов
    } { $people } { $people ->
        [one] участнику
       *[other] участникам
    }?
send-ask-blocked = { $blocked ->
        [one] { $blocked } из них заблокировал бота, но бот попробует отправить билет и ему: вдруг уже разблокировал.
       *[other] { $blocked } из них заблокировали бота, но бот попробует отправить билеты и им: вдруг уже разблокировали.
    }
send-button = 📤 Разослать
send-kept = Рассылка не запущена.
send-changed = Пока вы решали, числа изменились.
send-answered = Эта кнопка уже нажата: рассылка № { $job } запущена.
send-nobody = У всех участников уже есть билет волны «{ $wave }».
send-started = Рассылка № { $job }: билеты волны «{ $wave }» для { $count } { $count ->
        [one] участника
       *[other] участников
    }. Ход рассылки — в следующем сообщении; бот тем временем отвечает как обычно.
send-queued = Рассылка № { $job }: билеты волны «{ $wave }» для { $count } { $count ->
        [one] участника
       *[other] участников
    } в очереди — она начнётся, как только закончится текущая.

## Билеты

ticket-caption = 🎟 Ваш билет · волна «{ $wave }»
ticket-admin = Администраторам билеты не выдаются.
ticket-none = { $reason ->
    [waiting] У вас пока нет билета: билеты закончились, и вы в листе ожидания. Как только организаторы добавят билеты, вы получите свой в числе первых.
    [wave_ended] У вас нет билета: волна завершилась, а билета вам не хватило. Вы в листе ожидания — в следующей волне получите билет в числе первых.
    [no_wave] У вас пока нет билета: организаторы ещё не начали рассылку. Билет придёт в этот чат.
   *[not_sent] У вас пока нет билета: его ещё не отправили. Он придёт в этот чат, как только организаторы разошлют билеты.
}
list-tickets-done = В файле { $count } { $count ->
        [one] билет
        [few] билета
       *[many] билетов
    }.
failed-report-done = { $count ->
        [one] { $count } сообщение не доставлено
        [few] { $count } сообщения не доставлены
       *[many] { $count } сообщений не доставлено
    }.
deleted-user = удалённый пользователь #{ $id }
ticket-status-available = свободный
ticket-status-assigned = назначен
ticket-status-sent = отправлен
ticket-status-archived = в архиве
ticket-status-missing = файл пропал
ticket-status-revoked = отозван
ticket-held = закреплён за этим человеком: неизвестно, дошёл ли он
named-not-in-manifest = нет в манифесте
failed-what-ticket = билет { $file } (волна «{ $wave }»)
failed-what-broadcast = объявление «{ $text }» (рассылка № { $job })
sheet-tickets = Билеты
sheet-failed = Не доставлено
col-ticket-id = № билета
col-wave = Волна
col-file = Файл
col-named-for = Именной для
col-assigned-at = Назначен
col-sent-at = Отправлен
col-attempts = Попыток
col-last-error = Последняя ошибка
col-what = Что
col-reason = Причина
col-error = Ответ Telegram
col-time = Время
