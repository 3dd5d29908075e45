## Сводка для администраторов (/stats): картинка и подпись к ней

cmd-stats = сводка мероприятия одной картинкой

stats-title = Сводка: { $event }
stats-title-default = Сводка мероприятия
stats-as-of = Данные на { $time } ({ $zone })
stats-no-data = Нет данных
# Числа на картинке так, как их пишут на этом языке: 12 345,6
stats-number = { NUMBER($value) }
# Подписи дат на оси времени, шаблон d3-time-format: 24.11
stats-axis-day-format = %d.%m
stats-axis-time = Время ({ $zone })
stats-axis-date = Дата ({ $zone })

stats-registrations-title = Регистрации
stats-registrations-total = { $total ->
    [one] Зарегистрирован { $total } участник
    [few] Зарегистрировано { $total } участника
   *[many] Зарегистрировано { $total } участников
}
stats-axis-participants = Участники

stats-invites-title = Приглашения
stats-invites-total = Использовано { $used } из { $total }
stats-invite-used = использованы
stats-invite-unused = не использованы
stats-invite-expired = просрочены
stats-invite-revoked = отозваны

stats-wave-title = Билеты волны «{ $wave }»
stats-wave-total = Отправлено { $sent } из { $total } { $total ->
    [one] билета
   *[other] билетов
}
stats-wave-none-title = Билеты
stats-wave-none = Открытой волны нет
stats-ticket-available = свободные
stats-ticket-assigned = назначены
stats-ticket-sent = отправлены
stats-ticket-archived = в архиве
stats-ticket-missing = файл пропал
stats-ticket-revoked = отозваны

stats-deliveries-title = Рассылки
stats-deliveries-total = Отправлено { $sent }, не доставлено { $failed }
stats-deliveries-all-delivered = Всё доставлено
# Причина «не доставлено»: человека удалили, пока рассылка шла (остальные причины — в delivery.ftl)
failure-erased = человека удалили

stats-checkins-title = Вход
stats-checkins-total = Отмечен у { $total } из { $holders } { $holders ->
    [one] участника
   *[other] участников
} с билетом
stats-axis-checkins = Входы за { $minutes } мин

## Подпись к картинке

stats-caption-heading = 📊 { $title }
stats-caption-registrations = 👥 { $total ->
    [one] Зарегистрирован { $total } участник
    [few] Зарегистрировано { $total } участника
   *[many] Зарегистрировано { $total } участников
}
stats-caption-invites = ✉️ Приглашения: использовано { $used } из { $total }, не использовано { $unused }, просрочено { $expired }, отозвано { $revoked }
stats-caption-wave = 🎟 Волна «{ $wave }»: отправлено { $sent } из { $total } { $total ->
    [one] билета
   *[other] билетов
}, назначено { $assigned }, свободно { $available }
stats-caption-wave-missing = ⚠️ Файл пропал у { $missing } { $missing ->
    [one] билета
   *[other] билетов
}
stats-caption-no-wave = 🎟 Открытой волны нет
stats-caption-deliveries = 📤 Рассылки: отправлено { $sent }, не доставлено { $failed }
stats-caption-checkins = ✅ Вход отмечен у { $total } из { $holders } { $holders ->
    [one] участника
   *[other] участников
} с билетом
