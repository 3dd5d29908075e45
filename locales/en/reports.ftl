## Reports

sheet-participants = Participants
sheet-admins = Admins
sheet-invites = Invites
col-number = No.
col-user-id = User id
col-username = Username
col-first-name = First name
col-last-name = Last name
col-language = Language
col-registered-at = Registered at
col-invite-code = Invite code
col-consent-at = Consent at
col-agreement-version = Agreement version
col-blocked-at = Blocked the bot at
col-role = Role
col-added-by = Added by
col-added-at = Added at
col-code = Code
col-link = Invite link
col-status = Status
col-created-at = Created at
col-created-by = Created by
col-expires-at = Expires at
col-used-by = Used by
col-used-at = Used at
col-revoked-at = Revoked at

## Chat log (/chatlog)

chatlog-usage = Usage: /chatlog @username or /chatlog 123456789 — sends the whole conversation of that person with the bot as a text file.
chatlog-deleted = User #{ $id } was deleted on { $date }: their chat log was erased together with their personal data.
chatlog-empty = The chat log of { $user } is empty: there are no messages between them and the bot.
chatlog-title = Chat log of { $user }
chatlog-range = { $lines } { $lines ->
        [one] line
       *[other] lines
    }, { $from } – { $to } (time zone { $zone })
chatlog-legend = → what the person sent (messages, commands, button presses); ← what the bot sent them.
chatlog-deleted-note = This user was deleted on { $date } and their earlier conversation was erased; only what came after is here.
chatlog-exported = Exported on { $time } by { $admin }.
chatlog-in = → user:
chatlog-out = ← bot:
chatlog-caption = Chat log of { $user }: { $lines } { $lines ->
        [one] line
       *[other] lines
    }.

## Full report (/full_report)

full-report-caption = Full report, rows per sheet:
full-report-sheet = { $sheet }: { $count }
sheet-waves = Waves
sheet-security = Security
col-wave-id = Wave id
col-name = Name
col-confirmed-at = Confirmed at
col-ended-at = Ended at
col-ended-by = Ended by
col-tickets-total = Tickets
col-tickets-available = Available
col-tickets-sent = Sent
col-tickets-archived = Archived
col-delivery-jobs = Delivery runs
col-kind = Kind
col-action = Action
col-details = Details
wave-status-open = open
wave-status-confirmed = confirmed
wave-status-sending = sending
wave-status-ended = ended
