## The organisers' overview (/stats): the picture and its caption

cmd-stats = the event's overview in one picture

stats-title = Overview: { $event }
stats-title-default = Event overview
stats-as-of = As of { $time } ({ $zone })
stats-no-data = No data
# Numbers on the picture as this language writes them: 12,345.6
stats-number = { NUMBER($value) }
# Dates under the time axis, a d3-time-format pattern: Nov 24
stats-axis-day-format = %b %d
stats-axis-time = Time ({ $zone })
stats-axis-date = Date ({ $zone })

stats-registrations-title = Registrations
stats-registrations-total = { $total } { $total ->
    [one] participant
   *[other] participants
} registered
stats-axis-participants = Participants

stats-invites-title = Invites
stats-invites-total = { $used } of { $total } used
stats-invite-used = used
stats-invite-unused = unused
stats-invite-expired = expired
stats-invite-revoked = revoked

stats-wave-title = Tickets of wave “{ $wave }”
stats-wave-total = { $sent } of { $total } { $total ->
    [one] ticket
   *[other] tickets
} sent
stats-wave-none-title = Tickets
stats-wave-none = No open wave
stats-ticket-available = available
stats-ticket-assigned = assigned
stats-ticket-sent = sent
stats-ticket-archived = archived
stats-ticket-missing = file missing
stats-ticket-revoked = revoked

stats-deliveries-title = Deliveries
stats-deliveries-total = { $sent } sent, { $failed } not delivered
stats-deliveries-all-delivered = Everything delivered
# Why a delivery was not delivered: the person was deleted while it was due (the other reasons are in delivery.ftl)
failure-erased = person deleted

stats-checkins-title = Check-ins
stats-checkins-total = { $total } of { $holders } { $holders ->
    [one] participant
   *[other] participants
} with a ticket checked in
stats-axis-checkins = Check-ins per { $minutes } min

## The caption under the picture

stats-caption-heading = 📊 { $title }
stats-caption-registrations = 👥 { $total } { $total ->
    [one] participant
   *[other] participants
} registered
stats-caption-invites = ✉️ Invites: { $used } of { $total } used, { $unused } unused, { $expired } expired, { $revoked } revoked
stats-caption-wave = 🎟 Wave “{ $wave }”: { $sent } of { $total } { $total ->
    [one] ticket
   *[other] tickets
} sent, { $assigned } assigned, { $available } available
stats-caption-wave-missing = ⚠️ File missing for { $missing } { $missing ->
    [one] ticket
   *[other] tickets
}
stats-caption-no-wave = 🎟 No open wave
stats-caption-deliveries = 📤 Deliveries: { $sent } sent, { $failed } not delivered
stats-caption-checkins = ✅ Check-ins: { $total } of { $holders } { $holders ->
    [one] participant
   *[other] participants
} with a ticket
