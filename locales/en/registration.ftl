## Registration

start-admin = Hello! You are an admin and need no invite. /menu opens the admin menu, /help lists the commands.
start-registered = You are already registered. Your tickets and announcements arrive in this chat; /ticket sends your ticket again.
start-no-code = Registration is by personal invitation only. Please ask the organisers for your invite link.
start-code-unknown = There is no such invite. Check that you opened the whole link, or ask the organisers for your invite link.
start-code-used = This invite has already been used. Invites are personal and work once; please ask the organisers for your own.
start-code-revoked = The organisers have withdrawn this invite. Please ask them for a new one.
start-code-expired = This invite has expired. Please ask the organisers for a new one.
start-code-reserved = Someone else is registering with this invite right now. Invites are personal; please ask the organisers for your own.
start-locked = Too many invalid invites in a short time. I will not accept any for the next 10 minutes. If this is a mistake, write to the organisers.
reg-consent-question = Do you accept?
reg-agreement-changed = The agreement text has changed since this message. Please read it again.
reg-button-accept = ✅ Accept
reg-button-decline = ❌ Decline
reg-button-check = 🔄 Check again
reg-declined = You declined the agreement, so you are not registered. Nothing about you was stored except this refusal. If you change your mind, open your invite link again.
reg-need-username =
    One more step: registration needs a Telegram username, and you have none yet.

    Set one: Settings → Username (on some phones: Settings → Edit profile → Username). Then come back and press “Check again”.
reg-still-no-username = Still no username. Set one in Settings → Username, then press “Check again”.
reg-welcome = Welcome, { $name }! You are registered.
reg-expired = The time to register has run out. Please open your invite link again.
reg-code-gone = This invite no longer works: it was used or withdrawn meanwhile. Please ask the organisers for a new one.
