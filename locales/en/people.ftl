## Admins

add-admin-usage = How to: /add_admin @username or /add_admin 123456789. The person must have written to the bot; someone who has not registered is known by id only — /myid shows it.
remove-admin-usage = How to: /remove_admin @username or /remove_admin 123456789.
user-ref-invalid = That is neither a @username nor a numeric Telegram id.
user-unknown = I don't know { $user }. The person must write to the bot first (for example /myid). Someone who has not registered is known by id only: ask them for the number /myid shows and use that.
admin-is-founder = { $user } is an owner of the bot and already has every right.
admin-already = { $user } is already an admin.
admin-added = { $user } is now an admin.
admin-you-are-admin = You are now an admin of this bot. /menu opens the admin menu, /help lists the commands.
admin-founder-cannot-be-removed = { $user } is an owner of the bot. Owners are set in the bot's settings and cannot be removed here.
admin-not-admin = { $user } is not an admin.
admin-removed = { $user } is no longer an admin.

## Invites

gen-invites-usage = How to: /gen_invites N [days] — N from 1 to 10,000; days (1 to 365, optional) makes the links expire. For example /gen_invites 50 or /gen_invites 50 14.
gen-invites-done = { $count } { $count ->
        [one] invite link
       *[other] invite links
    }. Each is personal and works once.
gen-invites-done-expiring = { $count } { $count ->
        [one] invite link
       *[other] invite links
    }, valid for { $days } { $days ->
        [one] day
       *[other] days
    }. Each is personal and works once.
revoke-invite-usage = How to: /revoke_invite CODE (the code from the invites file).
revoke-invite-unknown = There is no invite with this code.
revoke-invite-not-unused = This invite cannot be revoked: it is { $status }.
revoke-invite-done = The invite is revoked; its link no longer works.
revoke-invites-usage = To revoke every unused invite: /revoke_invites unused.
revoke-invites-done = Revoked { $count } unused { $count ->
        [one] invite
       *[other] invites
    }.
invite-status-unused = unused
invite-status-used = used
invite-status-expired = expired
invite-status-revoked = revoked

## People

export-users-done = { $participants } { $participants ->
        [one] participant
       *[other] participants
    }, { $admins } { $admins ->
        [one] admin
       *[other] admins
    } and { $staff } door staff.
delete-user-usage = How to: /delete_user @username or /delete_user 123456789.
delete-user-is-admin = { $user } is an admin. Remove the admin rights first: /remove_admin.
delete-user-is-staff = { $user } is door staff. Remove the role first: /remove_staff.
delete-user-is-founder = { $user } is an owner of the bot. Owners are set in the bot's settings and cannot be deleted here.
delete-user-confirm-visitor = Delete { $user }? They never registered: the bot knows them by id only. Their unfinished registration, declined agreements and invite lock-out are removed.
delete-user-already = User #{ $id } was already deleted with this button.
delete-user-confirm = Delete { $user }? Their personal data and chat log are erased, tickets that never reached them become available again, and their ticket history stays as “deleted user”. They would need a new invite to come back.
delete-user-button-confirm = 🗑 Delete
delete-user-kept = Nothing was deleted.
delete-user-done = Deleted user #{ $id }: personal data and { $lines } chat log { $lines ->
        [one] line
       *[other] lines
    } erased. Nothing more will be sent to them.
security-log-empty = The security log is empty.
security-log-header = Security log: the latest { $count } of { $total } { $total ->
        [one] entry
       *[other] entries
    }.
security-log-header-all = Security log: { $total } { $total ->
        [one] entry
       *[other] entries
    }.
security-log-line = { $time } · { $user } · { $kind } · { $action }
security-kind-unauthorized = not allowed
security-kind-lockout = invite lock-out
security-action-button = button “{ $data }”
security-action-pass = a pass opened by someone who is not door staff
security-details-lockout = more than 5 invalid invites within 10 minutes
security-action-message = a message
