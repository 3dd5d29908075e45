## Announcements (/broadcast)

broadcast-usage = To send an announcement: /broadcast and the text. Or a photo, video, document, audio, voice message or GIF with the caption /broadcast. Or reply /broadcast to the message to send. Before anything goes out, the bot shows how the announcement will look.
broadcast-too-long-text = The text is too long: Telegram allows at most 4096 characters in one message.
broadcast-too-long-caption = The caption is too long: Telegram allows at most 1024 characters under a file or photo.
broadcast-cannot-copy = This message cannot be sent out: { $reason }
broadcast-button-send = ✅ Send to { $count } { $count ->
        [one] person
       *[other] people
    }
broadcast-button-admins-off = 👥 Organisers too: no
broadcast-button-admins-on = 👥 Organisers too: yes
broadcast-button-cancel = ❌ Cancel
broadcast-not-draft = This announcement is no longer waiting for confirmation.
broadcast-cancelled = Cancelled, nothing was sent.
broadcast-nobody = There is nobody to send it to yet.
broadcast-started = 📤 Delivery #{ $job }: an announcement for { $count } { $count ->
        [one] person
       *[other] people
    }. Its progress follows in the next message.
broadcast-queued = 📤 Delivery #{ $job }: an announcement for { $count } { $count ->
        [one] person
       *[other] people
    } is queued and starts as soon as the current delivery is over.
delivery-what-broadcast = announcement “{ $text }”
broadcast-untitled = without text

## Who receives it, {name} and {username}

broadcast-preview = ⬆️ This is how the announcement looks.
broadcast-preview-question = Send it?
broadcast-audience-line = To: { $audience } — { $participants } { $participants ->
        [one] participant
       *[other] participants
    }{ $organisers ->
        [0] {""}
        [one] { " " }and { $organisers } organiser
       *[other] { " " }and { $organisers } organisers
    }.
broadcast-audience-everyone = everyone
broadcast-audience-without_ticket = without a ticket
broadcast-audience-with_ticket = with a ticket
broadcast-audience-not_checked_in = not checked in yet
broadcast-audience-waiting = the waiting list
broadcast-blocked = { $count } more { $count ->
        [one] person has
       *[other] people have
    } blocked the bot: the announcement will not reach them.
broadcast-placeholders = {"{"}name{"}"} and {"{"}username{"}"} become each recipient's first name and @username (yours in the preview).
broadcast-button-later = 🕒 Later

## Scheduled announcements

cmd-scheduled = scheduled announcements
schedule-ask = When should the announcement go? Write the time in { $zone }: 18:30 (today), 01.12 18:30 or 01.12.2026 18:30. /cancel to not schedule it.
schedule-kept = All right, the announcement is not scheduled: its preview above waits for your decision.
schedule-refused-format = I did not understand the time. Write, for example, 18:30, 01.12 18:30 or 01.12.2026 18:30 (time zone { $zone }).
schedule-refused-no_such_date = There is no such date in the calendar. Check the day and the month.
schedule-refused-no_such_time = There is no such time: hours 00 to 23, minutes 00 to 59 (or the clocks change at that moment in { $zone }).
schedule-refused-past = That time has passed: it is { $now } now ({ $zone }). Write a time in the future; for another day give the date, e.g. 01.12 18:30.
schedule-done = 🕒 The announcement “{ $title }” is scheduled for { $at } ({ $zone }).
schedule-hint = Who exactly receives it is decided at that moment. /scheduled lists every scheduled announcement, with a cancel button each.
schedule-control = 🕒 Scheduled for { $at } ({ $zone }). /scheduled to cancel.
scheduled-none = No announcement is scheduled.
scheduled-header = 🕒 { $count } scheduled { $count ->
        [one] announcement
       *[other] announcements
    } (times in { $zone }):
scheduled-line = • { $at } — “{ $title }” · { $audience }, { $count } { $count ->
        [one] recipient
       *[other] recipients
    } as of now
scheduled-button-cancel = ❌ Cancel: { $at }
scheduled-cancelled = The announcement “{ $title }” is cancelled.
scheduled-already-started = The announcement “{ $title }” is already going out and cannot be cancelled. The button under its progress stops the delivery.
scheduled-already-cancelled = This announcement was already cancelled.
scheduled-started = ⏰ The scheduled announcement “{ $title }” is going out: delivery #{ $job } for { $count } { $count ->
        [one] recipient
       *[other] recipients
    }.
scheduled-started-late = ⏰ The announcement “{ $title }” was scheduled for { $at } ({ $zone }), but the bot was not running then. Sending it now, { $late } late: delivery #{ $job } for { $count } { $count ->
        [one] recipient
       *[other] recipients
    }.
scheduled-nobody = ⏰ The announcement “{ $title }” was scheduled for { $at } ({ $zone }), but there is nobody to send it to: the chosen group is empty.
