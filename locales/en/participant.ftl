## The participant's rights: /mydata, /leave

cmd-mydata = all my data the bot stores (a file)
cmd-leave = withdraw my consent and delete my data

leave-confirm =
    Do you want to withdraw your consent and delete your data?

    Everything the bot stores about you will be deleted: your name, username, language, consent, invite, your questions to the organisers and your whole chat log with the bot. Tickets not sent yet go back to the organisers; a ticket already sent and its pass stop working. No more announcements or tickets will come.

    This cannot be undone. To come back you will need a new invite from the organisers.
leave-button-confirm = 🗑 Delete my data
leave-kept = All right, nothing was deleted.
leave-done = Done: your consent is withdrawn and your data deleted. I will not send you anything more. If you want to come back, ask the organisers for a new invite.
leave-organiser = Organisers cannot leave this way. An admin or door staff loses the role first (/remove_admin, /remove_staff); the bot's owners are set in its settings.
leave-admin-notice = 👋 Participant #{ $id } withdrew their consent and deleted their data (/leave).
removed-notice = The organisers have removed you from the event's participants, together with your data. You will get no more messages from me. If this is a mistake, please contact the organisers.

mydata-admin = You are not registered as a participant: apart from your profile and chat log, nothing about you is stored. /chatlog shows anyone's chat log.
mydata-caption = Everything the bot stores about you. To delete it: /leave.
mydata-title = Your data in the bot { $bot } as of { $time } (times in { $zone })
mydata-profile = Profile
mydata-id = Telegram id
mydata-username = Username
mydata-first-name = First name
mydata-last-name = Last name
mydata-language = Telegram language
mydata-first-seen = First wrote to the bot
mydata-registered = Registered
mydata-blocked = Blocked the bot
mydata-no = no
mydata-consent = Consent to the processing of personal data
mydata-agreement = Agreement version
mydata-consent-at = Consent given
mydata-invite = Invite
mydata-invite-code = Invite code
mydata-invite-used = Used
mydata-tickets = Tickets
mydata-none = none
mydata-ticket = wave “{ $wave }”: { $file } — { $status }; assigned { $assigned }, sent { $sent }
mydata-waiting = on the waiting list since { $since }
mydata-checkins = Check-ins
mydata-checkin = checked in { $time }
mydata-checkin-undone = checked in { $time }, check-in undone { $undone }
mydata-questions = Your questions to the organisers
mydata-answered = answered { $time }
mydata-not-answered = not answered yet
mydata-chatlog = Chat log with the bot: { $lines } { $lines ->
    [one] entry
   *[other] entries
}
mydata-chatlog-in = → you:
mydata-chatlog-out = ← bot:
mydata-footer = This is all the data about you ({ $user }) the bot stores. To withdraw your consent and delete it: /leave.

## Questions to the organisers

question-relayed = ✉️ I have passed your message on to the organisers. Their answer will come to this chat.
answer-header = 💬 The organisers' answer:
answer-sent = ✉️ Answer sent to the participant { $user }.
answer-gone = Participant #{ $id } was deleted or deleted their data: the answer was not sent.
answer-undelivered = The answer did not reach the participant { $user }: { $reason }
relay-card-title = ❓ Question from the participant { $person }:
relay-card-batch = ❓ The participant { $person } wrote { $count ->
    [one] { $count } more message
   *[other] { $count } more messages
} within a minute:
relay-answered = ✅ Answered by { $admin } at { $time } ({ $zone })
relay-button-card = 👤 Person card
relay-button-files = 📎 Show { $count ->
    [one] { $count } attachment
   *[other] { $count } attachments
}
relay-files-shown = { $count ->
    [one] Showed { $count } attachment.
   *[other] Showed { $count } attachments.
}
relay-files-gone = These messages are gone: the participant was deleted or deleted their data.
relay-full-list-caption = All the messages in full: { $count ->
    [one] { $count } message
   *[other] { $count } messages
}.
relay-card-sent-privately = The person card is in your private chat with the bot.
relay-card-private-first = I cannot write to you privately. Open a chat with the bot, press “Start” and try again.

## The waiting list

notice-waiting-list = The tickets have run out and there was none left for you yet. You are on the waiting list: as soon as the organisers add tickets, you will be among the first to get one — it will come to this chat.
notice-wave-ended = This wave of tickets has ended, and unfortunately there was no ticket for you. You stay on the waiting list: if the organisers open a new wave, you will be among the first to get a ticket.
delivery-summary-told-no_ticket = { "  " }· { $count } of them { $count ->
    [one] was
   *[other] were
} told so
delivery-summary-skipped-wave_ended = { $count ->
    [one] { $count } participant got no ticket in this wave
   *[other] { $count } participants got no ticket in this wave
}
delivery-what-wave-ended = notices to the waiting list: wave “{ $wave }” ended
wave-ended-waiting = { $count ->
    [one] { $count } participant is
   *[other] { $count } participants are
} on the waiting list: I will tell them there was no ticket for them in this wave and that they come first in a new one.
failed-what-notice = notice to the waiting list, wave “{ $wave }”
