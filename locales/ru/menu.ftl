## Меню

menu-title = Меню администратора
menu-heading-people = 👥 { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    }
menu-heading-people-wave = 👥 { $participants } { $participants ->
        [one] участник
        [few] участника
       *[many] участников
    }, { $waiting ->
        [0] у всех есть билет
       *[other] { $waiting } из них без билета
    }
menu-heading-blocked = 🚫 { $blocked ->
        [0] Бота никто не заблокировал
        [one] Ещё { $blocked } участник заблокировал бота
        [few] Ещё { $blocked } участника заблокировали бота
       *[many] Ещё { $blocked } участников заблокировали бота
    }
menu-heading-invites = ✉️ Приглашения: использовано { $used }, не использовано { $unused }
menu-heading-checked-in = 🚪 Вход отмечен у { $count } { $count ->
        [one] участника
       *[other] участников
    }
menu-outdated = Меню устарело — вот оно заново.
menu-back = ⬅️ Назад
menu-invites = 🎟 Приглашения
menu-people = 👥 Люди
menu-invites-generate = Создать { $count }
menu-invites-how = Другое число или срок
menu-invites-help = Команда /gen_invites N [дней]: например, /gen_invites 250 14 — 250 ссылок, которые действуют 14 дней. Отозвать: /revoke_invite КОД или /revoke_invites unused (все неиспользованные).
menu-export-users = Список людей (Excel)
menu-security-log = Журнал безопасности
menu-delete-user = Удалить человека
menu-admins = Администраторы
menu-admins-help = Администраторов назначает и снимает владелец бота: /add_admin @username или id, /remove_admin @username или id.
menu-admins-founders-only = Назначать и снимать администраторов может только владелец бота.
menu-wave = 🎫 Волна
menu-broadcast = 📣 Объявления
menu-reports = 📊 Отчёты
menu-stats = 📈 Сводка
menu-refresh = 🔄 Обновить
menu-wave-confirm = ✔️ Подтвердить волну
menu-wave-send = 📤 Разослать билеты
menu-wave-load = 📦 Загрузить ZIP с билетами
menu-wave-upload = 📦 Загрузить ZIP (заменить свободные)
menu-wave-upload-add = ➕ Добавить ZIP
menu-wave-end = 🏁 Завершить волну
menu-wave-new = 🆕 Новая волна
menu-wave-list = 🧾 Все билеты
menu-wave-stop = ⏹ Остановить рассылку № { $job }
menu-full-report = 📊 Полный отчёт
menu-failed-report = ❗ Недоставленное
menu-chatlog = 💬 Переписка
menu-chatlog-help = Команда /chatlog @username или /chatlog 123456789: вся переписка этого человека с ботом придёт текстовым файлом.
menu-no-wave = Открытой волны нет: 🆕 Новая волна или /new_wave [название].
menu-wave-state = 🎫 Волна «{ $wave }» — { $status }: { $available } { $available ->
        [one] свободный билет
        [few] свободных билета
       *[many] свободных билетов
    }, отправлено { $sent }, не доставлено { $failed }.
menu-job = Рассылка № { $id } ({ $kind }): отправлено { $sent } из { $total }, не доставлено { $failed }.
menu-job-waiting = Рассылка сейчас продолжится.
job-kind-tickets = билеты
job-kind-broadcast = объявление
menu-broadcast-how = ✍️ Как отправить
menu-scheduled = 🕒 Запланированные
menu-event = 🎉 Мероприятие
