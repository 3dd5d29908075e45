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
