## Announcements (/broadcast)

broadcast-usage = To send an announcement: /broadcast and the text. Or a photo, video, document, audio, voice message or GIF with the caption /broadcast. Or reply /broadcast to the message to send. Before anything goes out, the bot shows how the announcement will look.
broadcast-too-long-text = The text is too long: Telegram allows at most 4096 characters in one message.
broadcast-too-long-caption = The caption is too long: Telegram allows at most 1024 characters under a file or photo.
broadcast-cannot-copy = This message cannot be sent out: { $reason }
broadcast-preview = ⬆️ This is how { $participants } { $participants ->
        [one] participant
       *[other] participants
    } will see the announcement. Send it?
broadcast-preview-with-admins = ⬆️ This is how { $participants } { $participants ->
        [one] participant
       *[other] participants
    } and { $admins } { $admins ->
        [one] admin
       *[other] admins
    } will see the announcement. Send it?
broadcast-button-send = ✅ Send to { $count } { $count ->
        [one] person
       *[other] people
    }
broadcast-button-admins-off = 👥 Admins too: no
broadcast-button-admins-on = 👥 Admins too: yes
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
