## The door: passes, door staff, the person card, reissue

start-staff = Hello! You are door staff. Point your phone's camera at a participant's QR pass: the bot says at once whether they may come in. /checkin checks someone in by hand, /find finds a participant, /door shows how many are inside.
role-staff = door staff
help-intro-staff = Door staff commands. To check a pass, point your phone's camera at the participant's QR code and open the link: the bot answers ✅, ⛔ or ❌.

## The pass

pass-button = 🎫 Entry pass
pass-caption = Entry pass: { $name } · wave “{ $wave }”. Show this QR code at the entrance; the door staff scan it with a phone. The pass is personal: only the ticket's holder gets in with it.
pass-none = You have no pass yet: it comes with your ticket.
pass-not-valid = This pass no longer works. /pass sends the one that does.

## At the entrance

door-admitted = ✅ Come in: { $person }
    Ticket: { $file } · wave “{ $wave }”
door-already-inside = ⛔ Already inside since { $time } (checked in by { $by }): { $person }. Do not let in again.
door-invalid-unknown = ❌ Not valid: there is no such pass.
door-invalid-reissued = ❌ Not valid: the ticket was reissued; the participant has a new pass.
door-invalid-erased = ❌ Not valid: the participant was deleted or left.
door-invalid-wave_ended = ❌ Not valid: this ticket's wave has ended.
door-invalid-no_ticket = ❌ Do not let in: the participant holds no valid ticket.
door-invalid-ambiguous = ❌ This file name fits several tickets. Give the @username, the id, or the whole path of the file.
checkin-usage = When a participant's phone is dead, check them in by hand: /checkin @username, /checkin 123456789 or /checkin ticket-file-name.pdf.
checkin-undo-usage = To undo a check-in made by mistake: /checkin_undo @username or /checkin_undo 123456789.
checkin-undone = The check-in of { $user } is undone.
checkin-undo-not-inside = { $user } is not checked in: nothing to undo.

## /door

door-entered = 🚪 Inside: { $entered } of { $holders ->
        [one] { $holders } ticket holder
       *[other] { $holders } ticket holders
    }.
door-refused-last-hour = ❌ { $count } { $count ->
        [one] refusal
       *[other] refusals
    } at the door in the last hour.
door-latest = Latest check-ins ({ $zone }):
door-latest-line = { $time } · { $person } · checked in by { $by }
door-button-list = 📋 Door list (Excel)
door-list-caption = Door list: { $count ->
        [one] { $count } pass
       *[other] { $count } passes
    }. For when the network fails at the venue.
sheet-door-list = Door list
sheet-checkins = Check-ins
sheet-staff = Door staff
col-checked-in-at = Checked in
col-checked-in-by = Checked in by
col-person = Participant
col-method = How
col-undone-at = Undone
col-undone-by = Undone by
col-pass = Pass
checkin-method-scan = QR scan
checkin-method-manual = by hand

## Door staff

add-staff-usage = To add door staff: /add_staff @username or /add_staff 123456789. The person must have written to the bot; someone who has not registered is known by id only — /myid shows it.
remove-staff-usage = To remove door staff: /remove_staff @username or /remove_staff 123456789.
staff-not-added-founder = { $user } is an owner of the bot and already has every right.
staff-not-added-admin = { $user } is an admin and can check people in already.
staff-not-added-already_staff = { $user } is door staff already.
staff-added = { $user } is now door staff.
staff-you-are-staff = You are door staff now. Point your phone's camera at participants' QR passes; /help lists your commands.
staff-not-staff = { $user } is not door staff.
staff-removed = { $user } is no longer door staff.

## The person card (/find)

find-usage = A person card: /find @username, /find 123456789 or /find ticket-file-name.pdf.
find-ambiguous = This file name fits tickets of several people: { $people }. Give the whole path or the @username.
find-unknown = I found no { $what }: neither a participant nor a ticket file of that name.
card-title = 👤 { $person }
card-deleted = Deleted on { $date }.
card-registered = Registered { $date } ({ $zone }) · language { $language } · agreement { $agreement }
card-tickets = Tickets:
card-no-tickets = No tickets.
card-ticket = • “{ $wave }”: { $file } — { $status }, sent { $sent }, { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }
card-last-failure = Latest not delivered: { $date } — { $reason }.
card-not-blocked = Has not blocked the bot.
card-blocked = ⚠️ Blocked the bot on { $date }.
card-inside = ✅ Inside since { $time } (checked in by { $by }).
card-not-inside = Not checked in yet.
card-button-resend = 🎫 Send the ticket again
card-button-chatlog = 💬 Chat log
card-button-reissue = 🔁 Reissue the ticket
card-resend-none = This participant has no sent ticket.
card-resend-failed = Could not send: { $reason }
card-resend-done = The ticket went to { $user } again.

## Reissue (/reissue)

reissue-usage = To reissue a ticket: /reissue @username or /reissue 123456789 [file-name.pdf] — the participant's ticket of the open wave is revoked and a new one goes out. For a named ticket, give the replacement file.
reissue-refused-no_wave = There is no open wave: nothing to reissue.
reissue-refused-not_participant = This is not a registered participant.
reissue-refused-no_ticket = The participant has no sent ticket in the open wave.
reissue-refused-in_flight = The participant's ticket is on its way (a delivery runs or waits for a retry). Reissue it once the delivery is over.
reissue-refused-named_needs_file = The ticket is named: give the replacement file, e.g. /reissue @username new-ticket.pdf.
reissue-refused-file_unknown = There is no such file in the open wave (or the name fits several files: give the whole path).
reissue-refused-file_not_available = This file cannot be given: someone holds it, or it is named for another participant.
reissue-refused-none_available = No ticket is available. Add tickets with /upload_zip_add.
reissue-any-available = an available ticket of the wave
reissue-confirm = Reissue the ticket of { $person }? Ticket { $old } will be revoked: its pass stops working and its file is never given to anyone. The participant gets a new one: { $replacement }.
reissue-button-confirm = 🔁 Reissue
reissue-kept = Nothing was changed.
reissue-already = This reissue was done already.
reissue-done = Ticket { $old } is revoked. { $person } gets a new one: { $replacement }.
delivery-what-reissue = a reissued ticket of wave “{ $wave }”
