## General

error-generic = Something went wrong on our side. The organiser has been told; please try again in a minute.
unknown-command = I don't know this command. /help lists what you can use.
button-expired = This button is no longer valid.
button-cancel = Cancel
not-allowed = This command is not available to you.
participants-only = This is for registered participants. Open your personal invite link to register.
private-only = I work in private chats only. Please write to me directly.
myid = Your Telegram id: { $id }
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
unit-h = h
unit-min = min
unit-s = s

## Roles

role-founder = founder
role-admin = admin
role-participant = participant
role-visitor = visitor

## Help and commands

help-intro-visitor = I hand out e-tickets for an invitation-only event. To register, open the personal invite link the organiser sent you.
help-intro-participant = You are registered. Your tickets and announcements arrive in this chat.
help-intro-admin = Admin commands. /menu opens the same as buttons.
help-intro-founder = Admin commands (you are a founder). /menu opens the same as buttons.
cmd-start = start / register with an invite
cmd-help = what I can do
cmd-myid = show your Telegram id
cmd-cancel = leave the current dialog
cmd-ticket = get your ticket again
cmd-menu = admin menu
cmd-add_admin = make someone an admin: @username or id
cmd-remove_admin = remove an admin: @username or id
cmd-export_users = participants and admins as Excel
cmd-delete_user = delete a participant and their data
cmd-gen_invites = create N invite links as Excel
cmd-revoke_invite = revoke one invite code
cmd-revoke_invites = revoke all unused invites
cmd-new_wave = open a new ticket wave
cmd-upload_zip = load a ZIP of PDF tickets (replaces unassigned ones)
cmd-upload_zip_add = add a ZIP of PDF tickets to the wave
cmd-confirm_wave = check tickets vs participants and confirm
cmd-send_tickets = send tickets to everyone without one
cmd-end_wave = close the wave and archive unissued tickets
cmd-list_tickets = every ticket as Excel
cmd-full_report = the full Excel report
cmd-failed_report = failed deliveries as Excel
cmd-chatlog = a user's chat history as text
cmd-broadcast = send a message to all participants
cmd-security_log = recent unauthorized attempts

## Registration

start-admin = Hello! You are an admin and need no invite. /menu opens the admin menu, /help lists the commands.
start-registered = You are already registered. Your tickets and announcements arrive in this chat; /ticket sends your ticket again.
start-no-code = Registration is by personal invitation only. Please ask the organiser for your personal invite link.
start-code-unknown = This invite link is not valid. Please check that you opened the whole link, or ask the organiser for your personal invite link.
start-code-used = This invite link has already been used. Invite links are personal and work once; please ask the organiser for your own link.
start-code-revoked = This invite link has been withdrawn by the organiser. Please ask the organiser for a new personal link.
start-code-expired = This invite link has expired. Please ask the organiser for a new personal link.
start-code-reserved = Someone else is registering with this invite link right now. Invite links are personal; please ask the organiser for your own link.
start-locked = Too many invalid invite links. Further attempts are ignored for 10 minutes. If you think this is a mistake, contact the organiser.
reg-consent-question = Do you accept?
reg-button-accept = ✅ Accept
reg-button-decline = ❌ Decline
reg-button-check = 🔄 Check again
reg-declined = You declined the agreement, so you are not registered and nothing about you was stored except this refusal. If you change your mind, open your invite link again.
reg-need-username =
    One more step: registration needs a Telegram username, and your account has none yet.

    Set one in Telegram: Settings → Username (on some phones: Settings → Edit profile → Username). Then come back and press “Check again”.
reg-still-no-username = Still no username. Set one in Settings → Username, then press “Check again”.
reg-welcome = Welcome, { $name }! You are registered. Your e-tickets and announcements will arrive in this chat. /ticket sends your ticket again at any time.
reg-expired = This registration has expired. Please open your invite link again.
reg-code-gone = This invite link can no longer be used (it was used or withdrawn meanwhile). Please ask the organiser for a new personal link.

## Admins

add-admin-usage = Usage: /add_admin @username or /add_admin 123456789 (the person must have written to the bot before).
remove-admin-usage = Usage: /remove_admin @username or /remove_admin 123456789.
user-ref-invalid = That is neither a @username nor a numeric Telegram id.
user-unknown = I don't know { $user }. The person must write to the bot first (for example /start), then try again.
admin-is-founder = { $user } is a founder and already has every right.
admin-already = { $user } is already an admin.
admin-added = { $user } is now an admin.
admin-you-are-admin = You are now an admin of this bot. /menu opens the admin menu, /help lists the commands.
admin-founder-cannot-be-removed = { $user } is a founder; founders are set in the configuration and cannot be removed here.
admin-not-admin = { $user } is not an admin.
admin-removed = { $user } is no longer an admin.

## Invites

gen-invites-usage = Usage: /gen_invites N [days] — N is a whole number from 1 to 10000; days (optional, 1–365) makes the links expire. Example: /gen_invites 50 or /gen_invites 50 14
gen-invites-done = { $count } invite links. Each link is personal and works once.
gen-invites-done-expiring = { $count } invite links, valid for { $days } days. Each link is personal and works once.
revoke-invite-usage = Usage: /revoke_invite CODE (the code from the invites file).
revoke-invite-unknown = There is no invite with this code.
revoke-invite-not-unused = This invite cannot be revoked: it is { $status }.
revoke-invite-done = The invite is revoked; its link no longer works.
revoke-invites-usage = Usage: /revoke_invites unused — revokes every invite that has not been used yet.
revoke-invites-done = Revoked { $count } unused invites.
invite-status-unused = unused
invite-status-used = used
invite-status-expired = expired
invite-status-revoked = revoked

## Users

export-users-done = Participants: { $participants }, admins: { $admins }.
delete-user-usage = Usage: /delete_user @username or /delete_user 123456789.
delete-user-is-admin = { $user } is an admin. Remove the admin rights first (/remove_admin).
delete-user-not-participant = { $user } is not a registered participant.
delete-user-confirm = Delete { $user }? Their personal data and chat log are removed, unsent tickets return to the pool, and their ticket history stays as “deleted user”. They would need a new invite to come back.
delete-user-button-confirm = 🗑 Delete
delete-user-kept = Nothing was deleted.
delete-user-done = Deleted user #{ $id }: personal data and { $lines } chat log lines removed.
security-log-empty = The security log is empty.
security-log-header = Security log: the latest { $count } of { $total } entries.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = not allowed
security-kind-lockout = invite lock-out

## Alerts to founders

alert-header = Security and error notices ({ $count }):
alert-unauthorized = { $time } · { $user } tried { $action } without the right
alert-lockout = { $time } · { $user } was locked out after too many invalid invite links
alert-error = { $time } · an error while handling { $action } from { $user } (details in logs/bot_errors.log)

## Menu

menu-title = Admin menu. Participants: { $participants }.
menu-back = ⬅️ Back
menu-invites = 🎟 Invites
menu-people = 👥 People
menu-invites-generate = Create { $count }
menu-invites-how = Other number / expiry
menu-invites-help = Use /gen_invites N [days], e.g. /gen_invites 250 14 for 250 links valid for 14 days. /revoke_invite CODE and /revoke_invites unused withdraw links.
menu-export-users = Export users
menu-security-log = Security log
menu-delete-user = Delete a user
menu-admins = Admins
menu-admins-help = Founders manage admins: /add_admin @username or id, /remove_admin @username or id.
menu-admins-founders-only = Only founders can add or remove admins.

## Fallback

fallback-visitor = I hand out e-tickets for an invitation-only event. To register, open the personal invite link from the organiser.
fallback-participant = I only understand commands. /help lists them; /ticket sends your ticket again.
fallback-admin = I only understand commands here. /menu opens the admin menu, /help lists the commands.
fallback-admin-document = To load tickets, send the ZIP with /upload_zip (or /upload_zip_add to add to the wave).

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
upload-refused = Nothing was imported: { $count } entries are not acceptable. Fix them and send the whole ZIP again.
upload-more-problems = …and { $count } more.
upload-manifest-refused = Nothing was imported: the manifest has { $count } problems.
manifest-row = row { $row }
manifest-unreadable = the manifest cannot be read (use CSV or XLSX: file name, then @username or id)
manifest-empty = the manifest has no rows
manifest-bad_person = “{ $value }” is not a @username or a numeric id
manifest-unknown_file = “{ $value }” is not a PDF in this ZIP
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

## Delivery

delivery-what-tickets = tickets of wave “{ $wave }”
delivery-button-stop = ⏹ Stop sending
delivery-stopping = Stopping after the sends in flight…
delivery-not-running = This delivery is not running any more.
delivery-progress = 📤 Sending { $what }: { $sent } of { $total } sent, { $failed } failed · { $rate } msg/s
delivery-progress-done = ✅ Done: { $what }, { $sent } sent.
delivery-progress-cancelled = ⏹ Stopped: { $what }, { $sent } sent.
delivery-resumed = The bot restarted while sending { $what }. Resuming: { $sent } were already sent; { $inflight } that were under way at the restart are sent again to the same people.
delivery-summary = Summary: { $what }
delivery-summary-cancelled = Stopped by an admin: { $what }
delivery-summary-sent = ✅ Sent: { $count }
delivery-summary-failed = ❌ Failed: { $count }
delivery-summary-skipped-no_ticket = 🎟 No ticket left for: { $count }
delivery-summary-tickets-left = Tickets left in the pool: { $count }
delivery-summary-time = ⏱ { $duration }, { $rate } messages per second
delivery-summary-restarts = The delivery survived { $count } restarts of the bot.
delivery-summary-failed-hint = Details: /failed_report. Participants without a ticket are served by the next /send_tickets.
failure-blocked = blocked the bot
failure-deactivated = account deleted
failure-not_started = never started the bot
failure-chat_not_found = chat not found
failure-forbidden = not allowed by Telegram
failure-bad_request = refused by Telegram
failure-missing_file = ticket file missing on disk
failure-flood = Telegram rate limit
failure-server_error = Telegram server error
failure-network = network error
failure-internal = internal error

## Tickets

ticket-caption = Your ticket — { $wave }
ticket-admin = Admins receive no tickets.
ticket-none = You have no ticket yet. It arrives in this chat as soon as the organiser sends the tickets.
list-tickets-done = { $count } tickets.
failed-report-done = { $count } failed deliveries.
deleted-user = deleted user #{ $id }
ticket-status-available = available
ticket-status-assigned = assigned
ticket-status-sent = sent
ticket-status-archived = archived
ticket-status-missing = file missing
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
