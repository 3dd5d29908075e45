## Loading tickets on the server (npm run import)

import-usage = How to run: npm run import -- <file.zip | folder> [--add]
    Loads PDF tickets into the open wave with the same checks as /upload_zip. Without --add the wave's available tickets go to the archive first (like /upload_zip); with --add they stay (like /upload_zip_add).
import-not-found = { $path } does not exist or cannot be read. Nothing was loaded.
import-failed = Loading failed: { $reason }. Nothing was loaded.
import-founder-done = Tickets were loaded on the server from { $file }:
import-founder-refused = Tickets from { $file } were not loaded on the server:
import-notified = The bot's owners were told in Telegram: { $count } of { $total }.
import-notify-failed = Could not tell owner { $id } in Telegram: { $reason }
