## Объявления (/broadcast)

broadcast-usage = Как отправить объявление: /broadcast и текст. Или фото, видео, документ, аудио, голосовое либо GIF с подписью /broadcast. Или ответьте командой /broadcast на сообщение, которое нужно разослать. Перед отправкой бот покажет, как объявление будет выглядеть.
broadcast-too-long-text = Текст слишком длинный: в одном сообщении Telegram допускает не больше 4096 символов.
broadcast-too-long-caption = Подпись слишком длинная: под файлом или фото Telegram допускает не больше 1024 символов.
broadcast-cannot-copy = Это сообщение нельзя разослать: { $reason }
broadcast-button-send = ✅ Отправить { $count } { $count ->
        [one] получателю
       *[other] получателям
    }
broadcast-button-admins-off = 👥 Организаторам тоже: нет
broadcast-button-admins-on = 👥 Организаторам тоже: да
broadcast-button-cancel = ❌ Отмена
broadcast-not-draft = Это объявление уже не ждёт подтверждения.
broadcast-cancelled = Отменено, ничего не отправлено.
broadcast-nobody = Пока некому отправлять.
broadcast-started = 📤 Рассылка № { $job }: объявление для { $count } { $count ->
        [one] человека
       *[other] человек
    }. Её ход — в следующем сообщении.
broadcast-queued = 📤 Рассылка № { $job }: объявление для { $count } { $count ->
        [one] человека
       *[other] человек
    } в очереди — начнётся, как только закончится текущая рассылка.
delivery-what-broadcast = объявление «{ $text }»
broadcast-untitled = без текста

## Кому: группы получателей, {name} и {username}

broadcast-preview = ⬆️ Так выглядит объявление.
broadcast-preview-question = Отправить?
broadcast-audience-line = Кому: { $audience } — { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    }{ $organisers ->
        [0] {""}
        [one] { " " }и { $organisers } организатор
        [few] { " " }и { $organisers } организатора
       *[many] { " " }и { $organisers } организаторов
    }.
broadcast-audience-everyone = все участники
broadcast-audience-without_ticket = без билета
broadcast-audience-with_ticket = с билетом
broadcast-audience-not_checked_in = ещё не вошли
broadcast-audience-waiting = лист ожидания
broadcast-blocked = Ещё { $count } { $count ->
        [one] человек заблокировал
        [few] человека заблокировали
       *[many] человек заблокировали
    } бота — им объявление не придёт.
broadcast-placeholders = {"{"}name{"}"} и {"{"}username{"}"} заменятся на имя и @username каждого получателя (в предпросмотре — ваши).
broadcast-button-later = 🕒 Позже

## Запланированные объявления

cmd-scheduled = запланированные объявления
schedule-ask = Когда отправить объявление? Напишите время по часовому поясу { $zone }: 18:30 (сегодня), 01.12 18:30 или 01.12.2026 18:30. /cancel — не планировать.
schedule-kept = Хорошо, объявление не запланировано: его предпросмотр выше ждёт решения.
schedule-refused-format = Не понял время. Напишите, например, 18:30, 01.12 18:30 или 01.12.2026 18:30 (часовой пояс { $zone }).
schedule-refused-no_such_date = Такой даты нет в календаре. Проверьте день и месяц.
schedule-refused-no_such_time = Такого времени нет: часы — от 00 до 23, минуты — от 00 до 59 (или в этот момент в поясе { $zone } переводят часы).
schedule-refused-past = Это время уже прошло: сейчас { $now } ({ $zone }). Напишите время в будущем; для другого дня укажите дату, например 01.12 18:30.
schedule-done = 🕒 Объявление «{ $title }» запланировано на { $at } ({ $zone }).
schedule-hint = Кто именно его получит, решится в момент отправки. /scheduled — все запланированные объявления, там же отмена.
schedule-control = 🕒 Запланировано на { $at } ({ $zone }). /scheduled — отменить.
scheduled-none = Запланированных объявлений нет.
scheduled-header = 🕒 Запланировано { $count } { $count ->
        [one] объявление
        [few] объявления
       *[many] объявлений
    } (время — { $zone }):
scheduled-line = • { $at } — «{ $title }» · { $audience }, сейчас это { $count } { $count ->
        [one] получатель
        [few] получателя
       *[many] получателей
    }
scheduled-button-cancel = ❌ Отменить: { $at }
scheduled-cancelled = Объявление «{ $title }» отменено.
scheduled-already-started = Объявление «{ $title }» уже отправляется, отменить его нельзя. Остановить рассылку можно кнопкой под её ходом.
scheduled-already-cancelled = Это объявление уже отменено.
scheduled-started = ⏰ Запланированное объявление «{ $title }» отправляется: рассылка № { $job } для { $count } { $count ->
        [one] получателя
       *[other] получателей
    }.
scheduled-started-late = ⏰ Объявление «{ $title }» было запланировано на { $at } ({ $zone }), но в это время бот не работал. Отправляю сейчас, с опозданием на { $late }: рассылка № { $job } для { $count } { $count ->
        [one] получателя
       *[other] получателей
    }.
scheduled-nobody = ⏰ Объявление «{ $title }» было запланировано на { $at } ({ $zone }), но отправлять его некому: в выбранной группе никого нет.
