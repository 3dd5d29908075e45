## Broadcast

broadcast-usage = Usage: /broadcast <text> — or send a photo, video, document, audio, voice message or GIF with the caption /broadcast — or reply /broadcast to the message to send. You will see a preview before anything goes out.
broadcast-too-long-text = The text is too long: Telegram allows at most 4096 characters in a message.
broadcast-too-long-caption = The caption is too long: Telegram allows at most 1024 characters under a file or photo.
broadcast-cannot-copy = This message cannot be broadcast: { $reason }
broadcast-preview = ⬆️ This is exactly what { $participants } participants will receive. Send it?
broadcast-preview-with-admins = ⬆️ This is exactly what { $participants } participants and { $admins } admins will receive. Send it?
broadcast-button-send = ✅ Send to { $count }
broadcast-button-admins-off = 👥 Admins too: no
broadcast-button-admins-on = 👥 Admins too: yes
broadcast-button-cancel = ❌ Cancel
broadcast-not-draft = This broadcast is no longer waiting for confirmation.
broadcast-cancelled = Cancelled. Nothing was sent.
broadcast-nobody = There is nobody to send it to yet.
broadcast-started = 📤 Broadcast #{ $id } to { $count } recipients is going out; progress appears below.
broadcast-queued = 📤 Broadcast #{ $id } to { $count } recipients is queued after the delivery running now.
delivery-what-broadcast = broadcast #{ $id }
