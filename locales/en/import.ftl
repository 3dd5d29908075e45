## Server-side import (npm run import)

import-usage = Usage: npm run import -- <file.zip | folder> [--add]
    Loads PDF tickets into the open wave with the same checks as /upload_zip. Without --add the wave's unassigned tickets go to the archive first (like /upload_zip); with --add they stay (like /upload_zip_add).
import-not-found = { $path } does not exist or cannot be read. Nothing was imported.
import-failed = The import failed: { $reason }. Nothing was imported.
import-founder-done = Tickets were loaded on the server from { $file }:
import-founder-refused = A ticket import on the server from { $file } was refused:
import-notified = Founders told in Telegram: { $count } of { $total }.
import-notify-failed = Could not tell founder { $id } in Telegram: { $reason }
