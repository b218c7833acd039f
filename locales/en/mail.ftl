## E-mail, confirming the address, forgotten password, change of address

mail-support-held = Thank you! Your support counts once you have confirmed your e-mail address. We have sent you the link.
mail-idea-held = Your idea is saved. It appears in the lists once you have confirmed your e-mail address. We have sent you the link.
mail-unconfirmed = Please confirm your e-mail address with the link we sent you. Until then your supports do not count yet and your ideas do not appear in the lists.
mail-resend = Send the link again
mail-resent = We have sent you the link again.
mail-resend-wait = We have only just sent you a link. Please wait a minute before asking for a new one.
mail-confirmed = Thank you! Your e-mail address is confirmed.
mail-link-invalid-title = Link not valid
mail-link-invalid = This link has expired or has already been used. Ask for a new one if you need it.
mail-forgot-link = Forgot your password?
mail-forgot-title = Forgot your password
mail-forgot-intro = Enter the e-mail address of your account. We will send you a link to choose a new password. It is valid for one hour.
mail-forgot-sent = If there is an account with this address, we have sent you an e-mail with a link. It is valid for one hour.
mail-forgot-send = Send the link
mail-reset-title = Choose a new password
mail-reset-save = Save the password
mail-reset-done = Your new password is set. All other sessions have been ended.
mail-change-title = Change your e-mail address
mail-change-intro = We send a confirmation link to the new address and a message to the old one. The new address applies once you have opened the link.
mail-l-new-email = New e-mail address
mail-change-send = Send the confirmation link
mail-change-sent = We have sent a confirmation link to the new address.
mail-change-invalid = Please enter a valid e-mail address.
mail-change-done = Your new e-mail address applies now.
mail-change-taken = This address cannot be taken over.

## The mails themselves

mail-confirm-subject = Please confirm your e-mail address
mail-confirm-body = Welcome to Mitdenken! Please confirm your e-mail address with the link below. It is valid for 48 hours. Until then your supports do not count yet. If you did not sign up, you can simply delete this e-mail.
mail-confirm-button = Confirm the address
mail-already-subject = Sign-up attempt with your e-mail address
mail-already-body = Someone tried to create a new Mitdenken account with your e-mail address. You already have an account. If this was not you, there is nothing to do.
mail-already-links = Log in: { $login } · Forgot your password: { $reset }
mail-reset-subject = Your link for a new password
mail-reset-body = Use the link below to choose a new password. It is valid for one hour and only once. If you did not ask for it, you can simply delete this e-mail.
mail-reset-button = Choose a new password
mail-change-subject = Please confirm your new e-mail address
mail-change-body = Your Mitdenken account is to move to this address. Please confirm with the link below. It is valid for 48 hours.
mail-change-notice-subject = Your e-mail address is being changed
mail-change-notice-body = The new address { $email } was given for your Mitdenken account. It applies once the link in the e-mail sent to it has been opened. If this was not you, please change your password.
mail-notice-subject = News on Mitdenken
mail-notice-button = View
mail-digest-subject = Your daily news on Mitdenken
mail-digest-intro = { $count ->
    [one] There is one piece of news since the last summary:
   *[other] There are { $count } pieces of news since the last summary:
}
mail-digest-button = All notifications
mail-newsletter-confirm-subject = Please confirm your newsletter subscription
mail-newsletter-confirm-body = You would like to receive the newsletter of the Innovation Office. Please confirm with the link below. Without confirmation we delete your address after seven days.
mail-footer = This e-mail was sent automatically by Mitdenken, the idea board of the Innovation Office for Digital Life.
mail-footer-unsubscribe = No more such e-mails: { $link }
mail-unsubscribe-link = Stop receiving such e-mails

## Following, notifications, settings, unsubscribing

nav-inbox = Notifications
nav-newsletter = Newsletter
follow-start = Follow
follow-stop = Stop following
follow-started = You are following now and will get notifications about it.
follow-stopped = You no longer follow.
follow-on-comment = Follow this idea (notify me of new comments and status changes)
inbox-title = Notifications
inbox-unread = { $count ->
    [0] No unread notifications.
    [one] One unread notification.
   *[other] { $count } unread notifications.
}
inbox-settings-link = E-mail settings
inbox-all-read = Mark all as read
inbox-read = Mark as read
inbox-empty = No notifications yet. Follow ideas, themes or workshops to hear of news.
notify-settings-title = Notifications by e-mail
notify-settings-intro = For each kind of news, choose whether you get an e-mail right away, a daily summary (at 7 am) or only the notification here on the site.
notify-settings-save = Save settings
notify-settings-saved = Your settings are saved.
notice-kind-own = My ideas (new status, the ministry's answer, merged, hidden)
notice-kind-reply = Replies to my comments
notice-kind-followed-idea = Ideas I follow (comments, status changes)
notice-kind-followed-theme = Themes I follow (new ideas)
notice-kind-workshop = My workshops (registration, moving up, reminder)
delivery-immediate = E-mail right away
delivery-digest = Daily summary by e-mail
delivery-inbox = Only here on the site
notice-reply = { $name } replied to your comment on the idea “{ $title }”.
notice-followed-comment = { $name } commented on the idea “{ $title }”.
notice-followed-status = The idea “{ $title }” has a new status: { $status }.
notice-followed-theme-idea = New idea in a theme you follow: “{ $title }”.
unsubscribe-title = Unsubscribe from e-mails
unsubscribe-intro = One click and you no longer get this kind of e-mail. The notifications on the site remain.
unsubscribe-button = Unsubscribe
unsubscribe-done = Unsubscribed. You no longer get this kind of e-mail.

## Newsletter

newsletter-title = The Innovation Office's newsletter
newsletter-intro = News from the Innovation Office for Digital Life, about once a month. You do not need an account. After signing up we send you a confirmation link; only with it are you subscribed. Every issue unsubscribes with one click.
newsletter-subscribe = Subscribe to the newsletter
newsletter-archive = All issues
newsletter-none = No issues yet.
newsletter-check-mail = We have sent you an e-mail. Please confirm the subscription with the link in it; without confirmation we delete your address after seven days.
newsletter-confirmed = Thank you! You will receive the newsletter from the next issue on.
newsletter-unsubscribe-title = Unsubscribe from the newsletter
newsletter-unsubscribe-intro = One click and you no longer get the newsletter, and we delete your address.
newsletter-unsubscribed = You no longer get the newsletter. Your address is deleted.
newsletter-admin-title = Write the newsletter
newsletter-subscribers = { $count ->
    [one] One confirmed subscriber.
   *[other] { $count } confirmed subscribers.
}
newsletter-l-subject = Subject
newsletter-l-body = Text
newsletter-body-hint = Markdown: **bold**, *italic*, lists with “-”, links as [text](https://…).
newsletter-preview = Preview
newsletter-send = Send to all ({ $count })
newsletter-past = Past issues
newsletter-sent-to = { $count ->
    [one] sent to { $count } person
   *[other] sent to { $count } people
}
newsletter-sent = The issue goes out to { $count } subscribers.
newsletter-subject-invalid = Please enter a subject of 3 to 200 characters.
newsletter-body-invalid = Please write a text of 10 to 50,000 characters.

## Workshop notifications

notice-workshop-confirmed = Your registration for the workshop “{ $title }” on { $when } is confirmed.
notice-workshop-waiting = The workshop “{ $title }” on { $when } is full; you are on the waiting list and move up automatically when a seat becomes free.
notice-workshop-moved-up = A seat became free: you moved up from the waiting list and are registered for the workshop “{ $title }” on { $when }.
notice-workshop-reminder = Reminder: the workshop “{ $title }” starts on { $when }.
notice-learning-linked = A learning from the workshop “{ $workshop }” was linked to the idea “{ $title }”.
newsletter-footer = Newsletter
inbox-all-link = All notifications and the e-mail settings
mail-rules-line = Our netiquette and terms of use apply: { $link }
