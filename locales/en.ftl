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
