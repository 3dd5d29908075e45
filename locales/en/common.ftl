## General

error-generic = Something went wrong on our side. The organiser has been told; please try again in a minute.
unknown-command = I don't know this command. /help lists what you can use.
button-expired = This button is no longer valid.
button-cancel = Cancel
list-and-more = … and { $count } more
full-list-caption = The whole list ({ $count ->
    [one] { $count } line
   *[other] { $count } lines
}).
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
cmd-pass = your entry pass (a QR code)
cmd-checkin = check someone in by hand
cmd-find = a participant's card
cmd-door = who is inside, the door list
cmd-add_staff = make someone door staff: @username or id
cmd-remove_staff = remove door staff: @username or id
cmd-checkin_undo = undo a check-in made by mistake
cmd-reissue = revoke a ticket and send a new one

## Alerts to founders

alert-header = Security and error notices ({ $count }):
alert-unauthorized = { $time } · { $user } tried { $action } without the right
alert-lockout = { $time } · { $user } was locked out after too many invalid invite links
alert-error = { $time } · an error while handling { $action } from { $user } (details in logs/bot_errors.log)
alert-more = … and more: { $details }. /security_log lists every attempt.
alert-more-unauthorized = { $count ->
    [one] { $count } unauthorized attempt
   *[other] { $count } unauthorized attempts
}
alert-more-lockout = { $count ->
    [one] { $count } lock-out
   *[other] { $count } lock-outs
}
alert-more-error = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}

## Fallback

fallback-visitor = I hand out e-tickets for an invitation-only event. To register, open the personal invite link from the organiser.
fallback-participant = I cannot pass this kind of message on to the organisers. Write your question as text (a photo or file is fine too) and I will. /help lists the commands.
fallback-admin = I only understand commands here. /menu opens the admin menu, /help lists the commands.
fallback-admin-document = To load tickets, send the ZIP with /upload_zip (or /upload_zip_add to add to the wave).
