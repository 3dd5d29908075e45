## Рассылка (билетов или объявления)

delivery-what-tickets = билеты волны «{ $wave }»
delivery-button-stop = ⏹ Остановить рассылку
delivery-stopping = Останавливаю: дождусь отправок, которые уже в пути…
delivery-not-running = Эта рассылка уже закончилась.
delivery-progress = 📤 Рассылка № { $job }, { $what }: отправлено { $sent } из { $total }, не доставлено { $failed } · { NUMBER($rate, maximumFractionDigits: 1) } сообщ./с
delivery-progress-done = ✅ Рассылка № { $job } закончена, { $what }: отправлено { $sent } из { $total }.
delivery-progress-cancelled = ⏹ Рассылка № { $job } остановлена, { $what }: отправлено { $sent } из { $total }.
delivery-resumed = Бот перезапустился во время рассылки № { $job } ({ $what }) и продолжает её. Уже отправлено: { $sent }. { $inflight ->
        [0] Незавершённых отправок не было.
        [1] Одну отправку, которая шла в момент перезапуска, бот повторит тому же человеку.
        [one] { $inflight } отправку, которая шла в момент перезапуска, бот повторит тем же людям.
        [few] { $inflight } отправки, которые шли в момент перезапуска, бот повторит тем же людям.
       *[many] { $inflight } отправок, которые шли в момент перезапуска, бот повторит тем же людям.
    }
delivery-summary = Итоги рассылки № { $job }: { $what }
delivery-summary-cancelled = Рассылка № { $job } остановлена администратором: { $what }
delivery-summary-sent = ✅ Отправлено { $count } { $count ->
        [one] сообщение
        [few] сообщения
       *[many] сообщений
    }
delivery-summary-failed = ❌ Не доставлено { $count } { $count ->
        [one] сообщение
        [few] сообщения
       *[many] сообщений
    }
delivery-summary-failure = { "  " }· { $reason }: { $count }
delivery-summary-skipped-no_ticket = 🎟 Билетов не хватило { $count } { $count ->
        [one] участнику
       *[other] участникам
    } — они в листе ожидания
delivery-summary-skipped-erased = 🗑 Удалены во время рассылки: { $count } { $count ->
        [one] человек
        [few] человека
       *[many] человек
    } — им ничего не отправлено
delivery-summary-skipped-not_recipient = { $count } { $count ->
        [one] человек больше не участник
        [few] человека больше не участники
       *[many] человек больше не участники
    } — им ничего не отправлено
delivery-summary-skipped-staff = { $count } { $count ->
        [one] человек стал организатором
        [few] человека стали организаторами
       *[many] человек стали организаторами
    } во время рассылки — билет им не отправлен
delivery-summary-skipped-ticket_changed = У { $count } { $count ->
        [one] участника
       *[other] участников
    } билет изменился во время рассылки — прежний не отправлен
delivery-summary-skipped-stopped = ⏹ { $count } { $count ->
        [one] отправка была
        [few] отправки были
       *[many] отправок были
    } в пути, когда рассылку остановили: неизвестно, дошли ли они. Билеты закреплены за теми же людьми.
delivery-summary-bookkeeping = ⚠️ { $count } { $count ->
        [one] запись в базе не сошлась
        [few] записи в базе не сошлись
       *[many] записей в базе не сошлись
    } — подробности в журнале ошибок бота.
delivery-summary-tickets-left = { $count ->
        [one] Остался { $count } свободный билет
        [few] Осталось { $count } свободных билета
       *[many] Осталось { $count } свободных билетов
    }
delivery-summary-time = ⏱ { $duration }, { NUMBER($rate, maximumFractionDigits: 1) } сообщ./с
delivery-summary-restarts = Во время рассылки бот { $count ->
        [one] перезапускался { $count } раз
        [few] перезапускался { $count } раза
       *[many] перезапускался { $count } раз
    }; рассылка продолжилась с того же места.
delivery-summary-failed-hint = Кому и почему не доставлено — /failed_report.
delivery-summary-waiting-hint = Участникам без билета его отправит следующий /send_tickets.
failure-blocked = заблокировал бота
failure-deactivated = аккаунт удалён
failure-not_started = не запускал бота
failure-chat_not_found = чат не найден
failure-forbidden = Telegram запретил отправку
failure-bad_request = Telegram отклонил сообщение
failure-missing_file = файл билета пропал с диска
failure-flood = Telegram ограничил частоту отправки
failure-server_error = сбой на сервере Telegram
failure-network = нет связи с Telegram
failure-internal = внутренняя ошибка бота
