## Menu

menu-title = Admin menu
menu-heading-people = 👥 { $participants } { $participants ->
        [one] participant
       *[other] participants
    }
menu-heading-people-wave = 👥 { $participants } { $participants ->
        [one] participant
       *[other] participants
    }, { $waiting ->
        [0] all with a ticket
       *[other] { $waiting } of them without a ticket
    }
menu-heading-blocked = 🚫 { $blocked ->
        [0] Nobody has blocked the bot
        [one] { $blocked } more participant has blocked the bot
       *[other] { $blocked } more participants have blocked the bot
    }
menu-heading-invites = ✉️ Invites: { $used } used, { $unused } unused
menu-heading-checked-in = 🚪 { $count } { $count ->
        [one] participant
       *[other] participants
    } checked in
menu-outdated = The menu was out of date: here it is again.
menu-back = ⬅️ Back
menu-invites = 🎟 Invites
menu-people = 👥 People
menu-invites-generate = Create { $count }
menu-invites-how = Another number or expiry
menu-invites-help = The command /gen_invites N [days]: e.g. /gen_invites 250 14 makes 250 links valid for 14 days. To withdraw: /revoke_invite CODE or /revoke_invites unused (every unused one).
menu-export-users = People (Excel)
menu-security-log = Security log
menu-delete-user = Delete a person
menu-admins = Admins
menu-admins-help = The bot's owners add and remove admins: /add_admin @username or id, /remove_admin @username or id.
menu-admins-founders-only = Only the bot's owners can add or remove admins.
menu-wave = 🎫 Wave
menu-broadcast = 📣 Announcements
menu-reports = 📊 Reports
menu-stats = 📈 Overview
menu-refresh = 🔄 Refresh
menu-wave-confirm = ✔️ Confirm the wave
menu-wave-send = 📤 Send the tickets
menu-wave-load = 📦 Load a ZIP of tickets
menu-wave-upload = 📦 Load a ZIP (replace available)
menu-wave-upload-add = ➕ Add a ZIP
menu-wave-end = 🏁 End the wave
menu-wave-new = 🆕 New wave
menu-wave-list = 🧾 All tickets
menu-wave-stop = ⏹ Stop delivery #{ $job }
menu-full-report = 📊 Full report
menu-failed-report = ❗ Not delivered
menu-chatlog = 💬 Chat log
menu-chatlog-help = The command /chatlog @username or /chatlog 123456789: the whole conversation of that person with the bot arrives as a text file.
menu-no-wave = No wave is open: 🆕 New wave, or /new_wave [name].
menu-wave-state = 🎫 Wave “{ $wave }”, { $status }: { $available } available, { $sent } sent, { $failed } not delivered.
menu-job = Delivery #{ $id } ({ $kind }): { $sent } of { $total } sent, { $failed } not delivered.
menu-job-waiting = The delivery resumes in a moment.
job-kind-tickets = tickets
job-kind-broadcast = announcement
menu-broadcast-how = ✍️ How to send one
menu-scheduled = 🕒 Scheduled
menu-event = 🎉 The event
