## Рассылка сообщений

broadcast-usage = Использование: /broadcast <текст> — или отправьте фото, видео, документ, аудио, голосовое или GIF с подписью /broadcast — или ответьте /broadcast на сообщение, которое нужно разослать. Перед отправкой вы увидите предпросмотр.
broadcast-too-long-text = Текст слишком длинный: Telegram допускает не больше 4096 символов в сообщении.
broadcast-too-long-caption = Подпись слишком длинная: Telegram допускает не больше 1024 символов под файлом или фото.
broadcast-cannot-copy = Это сообщение нельзя разослать: { $reason }
broadcast-preview = ⬆️ Именно это получат участники ({ $participants }). Отправить?
broadcast-preview-with-admins = ⬆️ Именно это получат участники ({ $participants }) и администраторы ({ $admins }). Отправить?
broadcast-button-send = ✅ Отправить: { $count }
broadcast-button-admins-off = 👥 И администраторам: нет
broadcast-button-admins-on = 👥 И администраторам: да
broadcast-button-cancel = ❌ Отмена
broadcast-not-draft = Эта рассылка уже не ждёт подтверждения.
broadcast-cancelled = Отменено. Ничего не отправлено.
broadcast-nobody = Пока некому отправлять.
broadcast-started = 📤 Рассылка #{ $id } получателям ({ $count }) началась; ход рассылки — ниже.
broadcast-queued = 📤 Рассылка #{ $id } получателям ({ $count }) поставлена в очередь после текущей.
delivery-what-broadcast = рассылка #{ $id }
