## Объявления (/broadcast)

broadcast-usage = Как отправить объявление: /broadcast и текст. Или фото, видео, документ, аудио, голосовое либо GIF с подписью /broadcast. Или ответьте командой /broadcast на сообщение, которое нужно разослать. Перед отправкой бот покажет, как объявление будет выглядеть.
broadcast-too-long-text = Текст слишком длинный: в одном сообщении Telegram допускает не больше 4096 символов.
broadcast-too-long-caption = Подпись слишком длинная: под файлом или фото Telegram допускает не больше 1024 символов.
broadcast-cannot-copy = Это сообщение нельзя разослать: { $reason }
broadcast-preview = ⬆️ Так объявление увидят { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    }. Отправить?
broadcast-preview-with-admins = ⬆️ Так объявление увидят { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    } и { $admins } { $admins ->
        [one] администратор
        [few] администратора
       *[many] администраторов
    }. Отправить?
broadcast-button-send = ✅ Отправить { $count } { $count ->
        [one] получателю
       *[other] получателям
    }
broadcast-button-admins-off = 👥 Администраторам тоже: нет
broadcast-button-admins-on = 👥 Администраторам тоже: да
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
