## Загрузка на сервере (npm run import)

import-usage = Использование: npm run import -- <файл.zip | папка> [--add]
    Загружает PDF-билеты в открытую волну с теми же проверками, что и /upload_zip. Без --add нераспределённые билеты волны сначала уходят в архив (как /upload_zip); с --add они остаются (как /upload_zip_add).
import-not-found = { $path } не существует или не читается. Ничего не загружено.
import-failed = Загрузка не удалась: { $reason }. Ничего не загружено.
import-founder-done = На сервере загружены билеты из { $file }:
import-founder-refused = Загрузка билетов на сервере из { $file } отклонена:
import-notified = Основатели уведомлены в Telegram: { $count } из { $total }.
import-notify-failed = Не удалось уведомить основателя { $id } в Telegram: { $reason }
