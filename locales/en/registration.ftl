## Registration

start-admin = Hello! You are an admin and need no invite. /menu opens the admin menu, /help lists the commands.
start-registered = You are already registered. Your tickets and announcements arrive in this chat; /ticket sends your ticket again.
start-no-code = Registration is by personal invitation only. Please ask the organiser for your personal invite link.
start-code-unknown = This invite link is not valid. Please check that you opened the whole link, or ask the organiser for your personal invite link.
start-code-used = This invite link has already been used. Invite links are personal and work once; please ask the organiser for your own link.
start-code-revoked = This invite link has been withdrawn by the organiser. Please ask the organiser for a new personal link.
start-code-expired = This invite link has expired. Please ask the organiser for a new personal link.
start-code-reserved = Someone else is registering with this invite link right now. Invite links are personal; please ask the organiser for your own link.
start-locked = Too many invalid invite links. Further attempts are ignored for 10 minutes. If you think this is a mistake, contact the organiser.
reg-consent-question = Do you accept?
reg-agreement-changed = The agreement text has changed since this message. Please read it again.
reg-button-accept = ✅ Accept
reg-button-decline = ❌ Decline
reg-button-check = 🔄 Check again
reg-declined = You declined the agreement, so you are not registered and nothing about you was stored except this refusal. If you change your mind, open your invite link again.
reg-need-username =
    One more step: registration needs a Telegram username, and your account has none yet.

    Set one in Telegram: Settings → Username (on some phones: Settings → Edit profile → Username). Then come back and press “Check again”.
reg-still-no-username = Still no username. Set one in Settings → Username, then press “Check again”.
reg-welcome = Welcome, { $name }! You are registered.
reg-expired = This registration has expired. Please open your invite link again.
reg-code-gone = This invite link can no longer be used (it was used or withdrawn meanwhile). Please ask the organiser for a new personal link.
