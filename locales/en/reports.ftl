## Reports

sheet-participants = Participants
sheet-admins = Admins
sheet-invites = Invites
col-number = No.
col-user-id = Telegram id
col-username = Username
col-first-name = First name
col-last-name = Last name
col-language = Language
col-registered-at = Registered
col-invite-code = Invite
col-consent-at = Agreed
col-agreement-version = Agreement version
col-blocked-at = Blocked the bot
col-ticket = Ticket
col-ticket-status = Ticket status
col-role = Role
col-added-by = Added by
col-added-at = Added
col-code = Code
col-link = Invite link
col-status = Status
col-created-at = Created
col-created-by = Created by
col-expires-at = Expires
col-used-by = Used by
col-used-at = Used
col-revoked-at = Revoked
agreement-version = { $version } of { $date }
time-zone-header = { $header } ({ $zone })

## Chat log (/chatlog)

chatlog-usage = The command /chatlog @username or /chatlog 123456789 sends the whole conversation of that person with the bot as a text file.
chatlog-deleted = User #{ $id } was deleted on { $date }: their chat log was erased together with their personal data.
chatlog-empty = The chat log of { $user } is empty: neither they nor the bot wrote anything.
chatlog-title = Chat log of { $user }
chatlog-range = { $lines } { $lines ->
        [one] line
       *[other] lines
    }, { $from } – { $to } (time zone { $zone })
chatlog-legend = → what the person sent (messages, commands, button presses); ← what the bot sent them.
chatlog-deleted-note = This user was deleted on { $date } and their earlier conversation was erased; only what came after is here.
chatlog-exported = Exported by { $admin }, { $time }.
chatlog-in = → person:
chatlog-out = ← bot:
chatlog-caption = Chat log of { $user }: { $lines } { $lines ->
        [one] line
       *[other] lines
    }.
marker-edited = [edited]
marker-document = [document: { $name }]
marker-document-unnamed = [document]
marker-photo = [photo]
marker-video = [video: { $name }]
marker-video-unnamed = [video]
marker-animation = [GIF]
marker-audio = [audio: { $name }]
marker-audio-unnamed = [audio]
marker-voice = [voice message]
marker-video_note = [video message]
marker-sticker = [sticker { $name }]
marker-sticker-unnamed = [sticker]
marker-contact = [contact: { $name }]
marker-location = [location]
marker-poll = [poll: { $name }]
marker-other = [message]
marker-button = [button “{ $name }”]
marker-question_erased = [question from { $name }]
marker-forward = [forwarded message]

## Full report (/full_report)

full-report-caption = Full report, rows per sheet:
full-report-sheet = { $sheet }: { $count }
sheet-waves = Waves
sheet-security = Security
col-wave-id = Wave #
col-name = Name
col-confirmed-at = Confirmed
col-ended-at = Ended
col-ended-by = Ended by
col-tickets-total = Tickets in all
col-tickets-available = Available
col-tickets-sent = Sent
col-tickets-archived = Archived
col-delivery-jobs = Deliveries
col-kind = Kind
col-action = Action
col-details = Details
wave-status-open = open
wave-status-confirmed = confirmed
wave-status-sending = being delivered
wave-status-sent = sent
wave-status-partly_sent = partly sent
wave-status-ended = ended
