## The event: /event, /info, the welcome, the ticket's caption

cmd-event = the event's name, date, place and note
cmd-info = about the event: when, where, and a calendar file

event-word-name = name
event-word-date = date
event-word-place = place
event-word-note = note
event-line-name = 🎉 { $name }
event-line-date = 📅 { $date } ({ $zone })
event-line-place = 📍 { $place }
event-line-map = 🗺 { $url }
event-line-note = 📝 { $note }

event-current = The event's details now:
event-saved = Saved. The event's details now:
event-cleared = Removed. The event's details now:
event-nothing-yet = nothing yet
event-usage =
    How to set the details (participants see them in the welcome, on the ticket and in /info):
    /event name Spring Gala
    /event date 24.05.2026 19:00 (or 2026-05-24 19:00)
    /event place 1 Main Street, London | https://maps.google.com/…
    /event note Dress code: black tie
    The map link after “|” is optional. “-” instead of a value removes it, e.g. /event note -
event-too-long = Too long: at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
event-refused-date_format = I could not read the date. Write it like this: /event date 24.05.2026 19:00 or /event date 2026-05-24 19:00 (time in { $zone }).
event-refused-no_such_date = There is no such date in the calendar. Please check the day and the month.
event-refused-no_such_time = There is no such time: hours go from 00 to 23, minutes from 00 to 59 (or the clocks in { $zone } skip that moment).
event-refused-bad_url = The map link must be a whole web address starting with https://

info-title = About the event
info-nothing-yet = The organisers have not given the event's details yet. As soon as they do, they will be here: /info.
info-calendar-caption = Add the event to your calendar: open this file.

## The welcome after registration

reg-welcome-event = Welcome, { $name }! You are registered for “{ $event }”.
reg-welcome-next = What happens next: your ticket will arrive in this chat as soon as the organisers send the tickets — we will write to you. /info has the event's details, /ticket your ticket, and if you have a question, just write it here: I will pass it on to the organisers.

## The ticket's caption

ticket-caption-event = 🎟 Your ticket for “{ $event }” · wave “{ $wave }”
ticket-caption-entrance = Show this ticket at the entrance.
