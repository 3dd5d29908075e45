## Delivery (of tickets or an announcement)

delivery-what-tickets = tickets of wave “{ $wave }”
delivery-button-stop = ⏹ Stop the delivery
delivery-stopping = Stopping: waiting for the sends already on their way…
delivery-not-running = This delivery is already over.
delivery-progress = 📤 Delivery #{ $job }, { $what }: { $sent } of { $total } sent, { $failed } not delivered · { NUMBER($rate, maximumFractionDigits: 1) } msg/s
delivery-progress-done = ✅ Delivery #{ $job } is over, { $what }: { $sent } of { $total } sent.
delivery-progress-cancelled = ⏹ Delivery #{ $job } was stopped, { $what }: { $sent } of { $total } sent.
delivery-resumed = The bot restarted during delivery #{ $job } ({ $what }) and carries on. Already sent: { $sent }. { $inflight ->
        [0] No send was under way.
        [one] { $inflight } send under way at the restart goes again to the same person.
       *[other] { $inflight } sends under way at the restart go again to the same people.
    }
delivery-summary = Summary of delivery #{ $job }: { $what }
delivery-summary-cancelled = Delivery #{ $job } was stopped by an admin: { $what }
delivery-summary-sent = ✅ { $count } { $count ->
        [one] message
       *[other] messages
    } sent
delivery-summary-failed = ❌ { $count } { $count ->
        [one] message
       *[other] messages
    } not delivered
delivery-summary-failure = { "  " }· { $reason }: { $count }
delivery-summary-skipped-no_ticket = 🎟 No ticket left for { $count } { $count ->
        [one] participant
       *[other] participants
    }: they are on the waiting list
delivery-summary-skipped-erased = 🗑 { $count } { $count ->
        [one] person was
       *[other] people were
    } deleted during the delivery: nothing was sent to them
delivery-summary-skipped-not_recipient = { $count } { $count ->
        [one] person is
       *[other] people are
    } no longer a participant: nothing was sent to them
delivery-summary-skipped-staff = { $count } { $count ->
        [one] person
       *[other] people
    } became an organiser during the delivery: no ticket was sent
delivery-summary-skipped-ticket_changed = { $count } { $count ->
        [one] participant's ticket
       *[other] participants' tickets
    } changed during the delivery: the old one was not sent
delivery-summary-skipped-stopped = ⏹ { $count } { $count ->
        [one] send was
       *[other] sends were
    } on the way when the delivery was stopped: unknown whether they arrived. The tickets are kept for the same people.
delivery-summary-bookkeeping = ⚠️ { $count } { $count ->
        [one] record
       *[other] records
    } in the database did not match: details in the bot's error log.
delivery-summary-tickets-left = { $count } available { $count ->
        [one] ticket
       *[other] tickets
    } left
delivery-summary-time = ⏱ { $duration }, { NUMBER($rate, maximumFractionDigits: 1) } msg/s
delivery-summary-restarts = The bot restarted { $count ->
        [one] once
       *[other] { $count } times
    } during the delivery; it carried on where it stopped.
delivery-summary-failed-hint = Who was not reached and why: /failed_report.
delivery-summary-waiting-hint = Participants without a ticket get one with the next /send_tickets.
failure-blocked = blocked the bot
failure-deactivated = account deleted
failure-not_started = never started the bot
failure-chat_not_found = chat not found
failure-forbidden = Telegram forbade the send
failure-bad_request = Telegram refused the message
failure-missing_file = the ticket file vanished from the disk
failure-flood = Telegram's rate limit
failure-server_error = Telegram's server failed
failure-network = no connection to Telegram
failure-internal = the bot's internal error
