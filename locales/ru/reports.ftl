## Отчёты

sheet-participants = Участники
sheet-admins = Администраторы
sheet-invites = Приглашения
col-number = №
col-user-id = ID пользователя
col-username = Username
col-first-name = Имя
col-last-name = Фамилия
col-language = Язык
col-registered-at = Зарегистрирован
col-invite-code = Код приглашения
col-consent-at = Согласие дано
col-agreement-version = Версия соглашения
col-blocked-at = Заблокировал бота
col-role = Роль
col-added-by = Кем добавлен
col-added-at = Когда добавлен
col-code = Код
col-link = Ссылка-приглашение
col-status = Статус
col-created-at = Создано
col-created-by = Кем создано
col-expires-at = Действует до
col-used-by = Кем использовано
col-used-at = Когда использовано
col-revoked-at = Отозвано
