## Waves

wave-default-name = Wave { $number }
wave-name-invalid = A wave name has at most { $max } characters. For example: /new_wave Main sale
wave-none = There is no open wave. Open one with /new_wave [name].
wave-opened = Wave “{ $wave }” is open. Now load the tickets: send the ZIP with the caption /upload_zip (or the command first, then the file).
wave-busy-sending = The tickets of wave “{ $wave }” are being delivered right now. Wait for the summary, or stop the delivery with the button under its progress message.
wave-replace-confirm = Wave “{ $old }” is still open: { $sent } { $sent ->
        [one] ticket
       *[other] tickets
    } sent, { $available } available. End it (available tickets go to the archive) and open “{ $new }”?
wave-button-end-and-open = End it and open the new wave
wave-kept = Nothing changed.
wave-ended = Wave “{ $wave }” has ended: { $sent } { $sent ->
        [one] ticket
       *[other] tickets
    } sent, { $archived } available { $archived ->
        [one] ticket
       *[other] tickets
    } moved to the archive.
end-sending = The tickets of wave “{ $wave }” are being delivered right now. The wave can be ended once the delivery is over or stopped.
end-confirm = End wave “{ $wave }”? { $available } available { $available ->
        [one] ticket goes
       *[other] tickets go
    } to the archive; { $sent } sent { $sent ->
        [one] ticket stays
       *[other] tickets stay
    } with the participants.
end-button-confirm = End the wave

## Loading tickets

upload-send-now = Send me the ZIP with the PDF tickets as a file. /cancel to stop.
upload-not-zip = That is not a ZIP. Send the ZIP of PDF tickets, or /cancel.
upload-waiting = I am waiting for the ZIP with the tickets (or /cancel).
upload-done = Loaded { $count } { $count ->
        [one] ticket
       *[other] tickets
    } into wave “{ $wave }”.
upload-archived = The previous available tickets went to the archive: { $count } { $count ->
        [one] ticket
       *[other] tickets
    }.
upload-ignored = Skipped { $count } { $count ->
        [one] entry that is not a ticket
       *[other] entries that are not tickets
    } (folders, __MACOSX, hidden files).
upload-named = { $count } named { $count ->
        [one] ticket
       *[other] tickets
    } from the manifest.
upload-named-waiting = { $count } { $count ->
        [one] person from the manifest has
       *[other] people from the manifest have
    } not registered yet; they get their ticket after registering, with the next /send_tickets: { $people }
upload-unnamed-files = { $count } { $count ->
        [one] PDF is not in the manifest and goes
       *[other] PDFs are not in the manifest and go
    } to nobody: { $files }
upload-next = Next: /confirm_wave.
upload-too-big = The file is { NUMBER($size, maximumFractionDigits: 1) } MB, and Telegram lets bots download at most 20 MB. You can split the tickets into several ZIPs of up to 20 MB and send each with the caption /upload_zip_add. Or ask whoever runs the bot's server to load the archive there: that way a ZIP of any size can be loaded.
upload-download-failed = Could not download the file from Telegram. Please send it again in a minute.
upload-not-an-archive = This file cannot be read as a ZIP archive. Nothing was loaded.
upload-too-many-entries = The ZIP has { $count } { $count ->
        [one] entry
       *[other] entries
    }; at most { $max } are allowed. Nothing was loaded: split the archive and add the parts with /upload_zip_add.
upload-too-large = The ZIP unpacks to { $size } MB; at most { $max } MB are allowed. Nothing was loaded.
upload-no-tickets = There are no PDF tickets in the ZIP. Nothing was loaded.
upload-already-imported = Every ticket in this ZIP is already in wave “{ $wave }” ({ $count } { $count ->
        [one] file
       *[other] files
    }); nothing new was loaded. Next: /confirm_wave.
upload-wave-not-open = Nothing was loaded: while the ZIP was being checked, the tickets of wave “{ $wave }” started going out (or the wave ended). Load it again once the delivery is over.
upload-refused = Nothing was loaded: { $count } { $count ->
        [one] entry is
       *[other] entries are
    } not acceptable. Fix them and send the whole ZIP again.
upload-manifest-refused = Nothing was loaded: the manifest has { $count } { $count ->
        [one] problem
       *[other] problems
    }.
manifest-row = row { $row }
manifest-unreadable = the manifest cannot be read (a CSV or XLSX is expected: file name, then @username or id)
manifest-empty = the manifest has no rows
manifest-bad_person = “{ $value }” is neither a @username nor a numeric id
manifest-unknown_file = “{ $value }”: there is no such PDF in this ZIP
manifest-ambiguous_file = “{ $value }” matches several PDFs in different folders of the ZIP; give the path, e.g. folder/{ $value }
manifest-file_twice = “{ $value }” is listed twice
manifest-person_twice = { $value } is listed twice
zip-absolute_path = absolute path, refused
zip-path_traversal = path leads outside the archive (..), refused
zip-not_pdf = not a PDF
zip-empty = empty file
zip-duplicate_in_zip = same content as { $other }
zip-duplicate_earlier = already loaded before: { $other }
zip-suspicious_ratio = suspiciously highly compressed (looks like a zip bomb)
zip-encrypted = encrypted
zip-name_too_long = name longer than 1024 characters
zip-unreadable = damaged, cannot be read

## Confirming and delivering tickets

confirm-no-tickets = Wave “{ $wave }” has no tickets yet. Load them first: /upload_zip.
confirm-counts = Wave “{ $wave }”: { $available } available { $available ->
        [one] ticket
       *[other] tickets
    }, { $sent } already sent; { $waiting } { $waiting ->
        [one] participant has
       *[other] participants have
    } no ticket.
confirm-short = ⚠️ Not enough tickets: { $missing } { $missing ->
        [one] participant stays without one and goes
       *[other] participants stay without one and go
    } on the waiting list. Add tickets: /upload_zip_add.
confirm-nobody-waiting = The wave is confirmed. Every participant already has a ticket; the next /send_tickets serves newcomers.
confirm-done = The wave is confirmed.
confirm-answered = Wave “{ $wave }” was already confirmed with this button.
send-ask-unconfirmed = Wave “{ $wave }” is not confirmed yet: the 📤 Send button confirms it and starts the delivery at once.
send-ask = Send { $tickets } { $tickets ->
        [one] ticket
       *[other] tickets
    } to { $people } { $people ->
        [one] participant
       *[other] participants
    }?
send-ask-blocked = { $blocked } of them { $blocked ->
        [one] has
       *[other] have
    } blocked the bot; the bot tries them too, in case they have unblocked it since.
send-button = 📤 Send
send-kept = The delivery was not started.
send-changed = The numbers changed while you were deciding.
send-answered = This button was already pressed: delivery #{ $job } has started.
send-nobody = Every participant already has a ticket of wave “{ $wave }”.
send-started = Delivery #{ $job }: tickets of wave “{ $wave }” for { $count } { $count ->
        [one] participant
       *[other] participants
    }. Its progress follows in the next message; meanwhile the bot answers as usual.
send-queued = Delivery #{ $job }: tickets of wave “{ $wave }” for { $count } { $count ->
        [one] participant
       *[other] participants
    } is queued and starts as soon as the current one is over.

## Tickets

ticket-caption = 🎟 Your ticket · wave “{ $wave }”
ticket-admin = Admins do not get tickets.
ticket-none = { $reason ->
    [waiting] You have no ticket yet: the tickets ran out and you are on the waiting list. As soon as the organisers add tickets, you will be among the first to get one.
    [wave_ended] You have no ticket: the wave has ended and there was none for you. You are on the waiting list and will be among the first in a new wave.
    [no_wave] You have no ticket yet: the organisers have not started sending tickets. It will come to this chat — we will write to you.
   *[not_sent] You have no ticket yet: it has not been sent. It will come to this chat as soon as the organisers send the tickets.
}
list-tickets-done = { $count } { $count ->
        [one] ticket
       *[other] tickets
    } in the file.
failed-report-done = { $count } { $count ->
        [one] message was
       *[other] messages were
    } not delivered.
deleted-user = deleted user #{ $id }
ticket-status-available = available
ticket-status-assigned = assigned
ticket-status-sent = sent
ticket-status-archived = archived
ticket-status-missing = file missing
ticket-status-revoked = revoked
ticket-held = kept for this person: unknown whether it arrived
named-not-in-manifest = not in the manifest
failed-what-ticket = ticket { $file } (wave “{ $wave }”)
failed-what-broadcast = announcement “{ $text }” (delivery #{ $job })
sheet-tickets = Tickets
sheet-failed = Not delivered
col-ticket-id = Ticket #
col-wave = Wave
col-file = File
col-named-for = Named for
col-assigned-at = Assigned
col-sent-at = Sent
col-attempts = Attempts
col-last-error = Last error
col-what = What
col-reason = Reason
col-error = Telegram's answer
col-time = Time
