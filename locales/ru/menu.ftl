## Меню

menu-title = Меню администратора. Участников: { $participants }.
menu-back = ⬅️ Назад
menu-invites = 🎟 Приглашения
menu-people = 👥 Люди
menu-invites-generate = Создать { $count }
menu-invites-how = Другое число / срок
menu-invites-help = Используйте /gen_invites N [дней], например /gen_invites 250 14 — 250 ссылок на 14 дней. /revoke_invite КОД и /revoke_invites unused отзывают ссылки.
menu-export-users = Выгрузить пользователей
menu-security-log = Журнал безопасности
menu-delete-user = Удалить пользователя
menu-admins = Администраторы
menu-admins-help = Администраторами управляют основатели: /add_admin @username или id, /remove_admin @username или id.
menu-admins-founders-only = Добавлять и снимать администраторов могут только основатели.
