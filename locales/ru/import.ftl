## Загрузка билетов на сервере (npm run import)

import-usage = Как запустить: npm run import -- <файл.zip | папка> [--add]
    Загружает PDF-билеты в открытую волну с теми же проверками, что и /upload_zip. Без --add свободные билеты волны сначала уходят в архив (как /upload_zip); с --add они остаются (как /upload_zip_add).
import-not-found = { $path } не существует или не читается. Ничего не загружено.
import-failed = Загрузка не удалась: { $reason }. Ничего не загружено.
import-founder-done = На сервере загружены билеты из { $file }:
import-founder-refused = Билеты из { $file } на сервере не загружены:
import-notified = Владельцы бота получили уведомление в Telegram: { $count } из { $total }.
import-notify-failed = Не удалось уведомить владельца { $id } в Telegram: { $reason }
