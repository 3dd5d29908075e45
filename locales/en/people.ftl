## Admins

add-admin-usage = Usage: /add_admin @username or /add_admin 123456789 (the person must have written to the bot before; someone who has not registered is known by id only — /myid shows it).
remove-admin-usage = Usage: /remove_admin @username or /remove_admin 123456789.
user-ref-invalid = That is neither a @username nor a numeric Telegram id.
user-unknown = I don't know { $user }. The person must write to the bot first (for example /myid). Someone who has not registered is known by id only: ask them for the number /myid shows and use that.
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

export-users-done = Participants: { $participants }, admins: { $admins }, door staff: { $staff }.
delete-user-usage = Usage: /delete_user @username or /delete_user 123456789.
delete-user-is-admin = { $user } is an admin. Remove the admin rights first (/remove_admin).
delete-user-is-staff = { $user } is door staff. Remove the role first (/remove_staff).
delete-user-is-founder = { $user } is a founder. Founders are set in the configuration (FOUNDER_IDS) and cannot be deleted through the bot.
delete-user-confirm-visitor = Delete { $user }? They never registered: the bot knows them by id only. Their unfinished registration, declined agreements and invite lock-out are removed.
delete-user-already = User #{ $id } was already deleted with this button.
delete-user-confirm = Delete { $user }? Their personal data and chat log are removed, unsent tickets return to the pool, and their ticket history stays as “deleted user”. They would need a new invite to come back.
delete-user-button-confirm = 🗑 Delete
delete-user-kept = Nothing was deleted.
delete-user-done = Deleted user #{ $id }: personal data and { $lines ->
    [one] { $lines } chat log line
   *[other] { $lines } chat log lines
} removed. Nothing more will be sent to them.
security-log-empty = The security log is empty.
security-log-header = Security log: the latest { $count } of { $total } entries.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = not allowed
security-kind-lockout = invite lock-out
