## Waves

wave-default-name = Wave { $number }
wave-name-invalid = A wave name has at most { $max } characters. Usage: /new_wave [name]
wave-none = There is no open wave. Start one with /new_wave [name].
wave-opened = Wave “{ $wave }” is open. Next: load the tickets with /upload_zip (send the ZIP with the command or right after it).
wave-busy-sending = Wave “{ $wave }” is being sent right now. Wait for the summary, or stop it with the button on the progress message.
wave-replace-confirm = Wave “{ $old }” is still open: { $sent } tickets sent, { $available } not assigned. End it (its unassigned tickets go to the archive) and open “{ $new }”?
wave-button-end-and-open = End it and open the new wave
wave-kept = Nothing changed.
wave-ended = Wave “{ $wave }” has ended: { $sent } tickets were sent, { $archived } unassigned tickets moved to the archive.
end-sending = Wave “{ $wave }” is being sent right now; it can be ended once the delivery is over (or stopped).
end-confirm = End wave “{ $wave }”? Its { $available } unassigned tickets go to the archive; the { $sent } sent tickets stay with their owners.
end-button-confirm = End the wave

## Ticket upload

upload-send-now = Send me the ZIP with the PDF tickets now, as a file. /cancel to stop.
upload-not-zip = That is not a .zip file. Send the ZIP of PDF tickets, or /cancel.
upload-waiting = I am waiting for the ZIP file with the tickets (or /cancel).
upload-done = Imported { $count } tickets into wave “{ $wave }”.
upload-archived = { $count } unassigned tickets from before were moved to the archive.
upload-ignored = { $count } entries were skipped on purpose (folders, __MACOSX, hidden files).
upload-named = { $count } tickets are named for a person by the manifest.
upload-named-waiting = { $count } named people have not registered yet; they get their ticket when they register and /send_tickets runs again: { $people }
upload-unnamed-files = { $count } PDFs are not in the manifest and go to nobody: { $files }
upload-next = Next: /confirm_wave.
upload-too-big = This file is { $size } MB, and Telegram lets bots download at most 20 MB. Two ways out: split the tickets into several ZIPs under 20 MB and send each with /upload_zip_add, or run a self-hosted Bot API server (telegram-bot-api --local, up to 2 GB) and point BOT_API_ROOT at it. On the bot's server, `npm run import -- tickets.zip` loads any size.
upload-download-failed = I could not download the file from Telegram. Please send it again in a minute.
upload-not-an-archive = This file is not a readable ZIP archive. Nothing was imported.
upload-too-many-entries = The ZIP has { $count } entries; at most { $max } are accepted. Nothing was imported; split it into several ZIPs and use /upload_zip_add.
upload-too-large = The ZIP unpacks to { $size } MB; at most { $max } MB are accepted. Nothing was imported.
upload-no-tickets = The ZIP contains no PDF tickets. Nothing was imported.
upload-already-imported = All { $count } tickets of this ZIP are already in wave “{ $wave }”: nothing new was imported. Next: /confirm_wave.
upload-wave-not-open = Nothing was imported: wave “{ $wave }” started sending (or ended) while the ZIP was being checked. Import again once the delivery is over.
upload-refused = Nothing was imported: { $count } entries are not acceptable. Fix them and send the whole ZIP again.
upload-manifest-refused = Nothing was imported: the manifest has { $count } problems.
manifest-row = row { $row }
manifest-unreadable = the manifest cannot be read (use CSV or XLSX: file name, then @username or id)
manifest-empty = the manifest has no rows
manifest-bad_person = “{ $value }” is not a @username or a numeric id
manifest-unknown_file = “{ $value }” is not a PDF in this ZIP
manifest-ambiguous_file = “{ $value }” matches several PDFs in different folders of the ZIP; write the path, e.g. folder/{ $value }
manifest-file_twice = “{ $value }” is named twice
manifest-person_twice = { $value } is named twice
zip-absolute_path = absolute path, refused
zip-path_traversal = path leads outside the archive (..), refused
zip-not_pdf = not a PDF file
zip-empty = empty file
zip-duplicate_in_zip = same content as { $other }
zip-duplicate_earlier = already imported before: { $other }
zip-suspicious_ratio = compressed suspiciously well (possible zip bomb)
zip-encrypted = encrypted entry
zip-name_too_long = the name is longer than 1024 characters
zip-unreadable = damaged entry, cannot be read

## Confirm and send

confirm-no-tickets = Wave “{ $wave }” has no tickets yet: load them with /upload_zip first.
confirm-counts = Wave “{ $wave }”: { $available } tickets available, { $sent } already sent, { $waiting } participants without a ticket.
confirm-short = ⚠️ { $missing } participants will get no ticket: there are not enough. Add more with /upload_zip_add.
confirm-nobody-waiting = The wave is confirmed. Every participant already has a ticket; new participants are served by /send_tickets later.
confirm-next = The wave is confirmed. /send_tickets starts the delivery.
send-not-confirmed = Wave “{ $wave }” is not confirmed yet: check it with /confirm_wave first.
send-nobody = Every participant already has a ticket of wave “{ $wave }”.
send-started = Sending tickets of wave “{ $wave }” to { $count } participants in the background. Progress appears here; the bot keeps answering meanwhile.
send-queued = Tickets of wave “{ $wave }” for { $count } participants are queued; they go out after the delivery that is running now.

## Tickets

ticket-caption = 🎟 Your ticket · wave “{ $wave }”
ticket-admin = Admins receive no tickets.
ticket-none = { $reason ->
    [waiting] You have no ticket yet: the tickets ran out and you are on the waiting list. As soon as the organisers add tickets, you will be among the first to get one.
    [wave_ended] You have no ticket: the wave has ended and there was none for you. You are on the waiting list and will be among the first in a new wave.
    [no_wave] You have no ticket yet: the organisers have not started sending tickets. It will come to this chat — we will write to you.
   *[not_sent] You have no ticket yet: it has not been sent. It will come to this chat as soon as the organisers send the tickets.
}
list-tickets-done = { $count } tickets.
failed-report-done = { $count } failed deliveries.
deleted-user = deleted user #{ $id }
ticket-status-available = available
ticket-status-assigned = assigned
ticket-status-sent = sent
ticket-status-archived = archived
ticket-status-missing = file missing
ticket-status-revoked = revoked
ticket-held = kept for this person after an uncertain delivery
named-not-in-manifest = (not in the manifest)
failed-what-ticket = ticket { $file } (wave { $wave })
failed-what-broadcast = broadcast #{ $id }
sheet-tickets = Tickets
sheet-failed = Failed deliveries
col-ticket-id = Ticket
col-wave = Wave
col-file = File
col-named-for = Named for
col-assigned-at = Assigned at
col-sent-at = Sent at
col-attempts = Attempts
col-last-error = Last error
col-what = What
col-reason = Reason
col-error = Error
col-time = Time
