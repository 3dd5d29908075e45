## Reports

sheet-participants = Participants
sheet-admins = Admins
sheet-invites = Invites
col-number = No.
col-user-id = User id
col-username = Username
col-first-name = First name
col-last-name = Last name
col-language = Language
col-registered-at = Registered at
col-invite-code = Invite code
col-consent-at = Consent at
col-agreement-version = Agreement version
col-blocked-at = Blocked the bot at
col-role = Role
col-added-by = Added by
col-added-at = Added at
col-code = Code
col-link = Invite link
col-status = Status
col-created-at = Created at
col-created-by = Created by
col-expires-at = Expires at
col-used-by = Used by
col-used-at = Used at
col-revoked-at = Revoked at
