## General

error-generic = Something went wrong on our side. The organisers have been told; please try again in a minute.
unknown-command = There is no such command. /help lists the ones you can use.
button-expired = This button is no longer valid.
button-cancel = Cancel
list-and-more = … and { $count } more
full-list-caption = The whole list: { $count } { $count ->
        [one] line
       *[other] lines
    }.
not-allowed = This command is not available to you.
participants-only = This is for registered participants. To register, open your invite link.
private-only = I work in private chats only. Please write to me directly.
myid = Your Telegram id: { $id }
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
unit-h = h
unit-min = min
unit-s = s

## Roles

role-founder = owner
role-admin = admin
role-participant = participant
role-visitor = visitor

## Help and commands

help-intro-visitor = I hand out e-tickets for an invitation-only event. To register, open the invite link the organisers sent you.
help-intro-participant = You are registered. Your tickets and the organisers' announcements arrive in this chat.
help-intro-admin = Admin commands. /menu opens the same as buttons.
help-intro-founder = Admin commands (you are an owner of the bot). /menu opens the same as buttons.
cmd-start = start, register with an invite
cmd-help = what I can do
cmd-myid = your Telegram id
cmd-cancel = leave the current dialog
cmd-ticket = your ticket again, or where it stands
cmd-menu = admin menu
cmd-add_admin = make someone an admin: @username or id
cmd-remove_admin = remove an admin: @username or id
cmd-export_users = participants, admins and door staff as Excel
cmd-delete_user = delete a person and their data
cmd-gen_invites = create N invite links (Excel)
cmd-revoke_invite = revoke one invite
cmd-revoke_invites = revoke every unused invite
cmd-new_wave = open a new ticket wave
cmd-upload_zip = load a ZIP of PDF tickets (available ones go to the archive)
cmd-upload_zip_add = add a ZIP of PDF tickets to the wave
cmd-confirm_wave = check tickets against participants and confirm the wave
cmd-send_tickets = send tickets to everyone who has none yet
cmd-end_wave = end the wave; available tickets go to the archive
cmd-list_tickets = every ticket as Excel
cmd-full_report = the full report as Excel
cmd-failed_report = what was not delivered, as Excel
cmd-chatlog = a person's chat log with the bot (text file)
cmd-broadcast = an announcement: to everyone or a chosen group, now or later
cmd-security_log = recent unauthorized attempts and lock-outs
cmd-pass = your entry pass (a QR code)
cmd-checkin = check someone in by hand
cmd-find = a participant's card
cmd-door = who is inside, the door list
cmd-add_staff = make someone door staff: @username or id
cmd-remove_staff = remove door staff: @username or id
cmd-checkin_undo = undo a check-in made by mistake
cmd-reissue = revoke a ticket and send a new one

## Alerts to owners

alert-header = Security and errors: { $count } { $count ->
        [one] event
       *[other] events
    }
alert-unauthorized = { $time } · { $user } without the right: { $action }
alert-lockout = { $time } · { $user } was locked out: more than 5 invalid invites within 10 minutes
alert-error = { $time } · an error: { $user }, { $action } (details in the bot's error log)
alert-more = … and more: { $details }. /security_log lists every attempt.
alert-more-unauthorized = { $count } { $count ->
        [one] unauthorized attempt
       *[other] unauthorized attempts
    }
alert-more-lockout = { $count } { $count ->
        [one] lock-out
       *[other] lock-outs
    }
alert-more-error = { $count } { $count ->
        [one] error
       *[other] errors
    }

## Messages without a command

fallback-visitor = I hand out e-tickets for an invitation-only event. To register, open the invite link from the organisers.
fallback-participant = I cannot pass this kind of message on to the organisers. Write your question as text (a photo or file is fine too) and I will. /help lists the commands.
fallback-admin = I only understand commands here: /menu opens the admin menu, /help lists the commands.
fallback-admin-document = To load tickets, send the ZIP with the caption /upload_zip (or /upload_zip_add to add to the wave).
