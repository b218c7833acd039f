acc-welcome = Welcome to Mitdenken! Your e-mail address is confirmed and you are logged in.
acc-logged-in = You are logged in.
acc-name-changed = Your display name has been changed.
acc-password-changed = Your password has been changed.
acc-role-changed = The role has been changed.
acc-last-admin = The last administrator cannot give up the role. Appoint another person first.
acc-rules-missing = Please confirm that you have read and accept the netiquette and terms of use. We cannot create an account without it.
acc-l-rules = I have read the netiquette and terms of use and accept them.
acc-sent-title = Please check your mailbox
acc-sent-text = We have sent you an e-mail. Please open the link in it to confirm your e-mail address; it is valid for 48 hours and logs you in at once.
acc-sent-meanwhile = Until then you can already log in with your password, read, comment and edit your profile. Your supports and ideas count once the address is confirmed.
acc-sent-no-mail = No e-mail? Please also look in your spam folder. Once logged in, you can ask for the link again on your account page.
acc-passwords-differ = The two passwords do not match.
acc-login-failed = E-mail address or password is not correct.
acc-password-missing = Please enter your password.
acc-l-name = Display name
acc-l-email = E-mail address
acc-l-password = Password
acc-l-password-confirm = Repeat password
acc-l-current-password = Current password
acc-l-new-password = New password
acc-l-new-password-confirm = Repeat new password
acc-current-password-wrong = The current password is not correct.
role-participant = Participant
role-moderator = Moderation
role-ministry = Ministry
role-admin = Administration
acc-register-intro = With an account you can submit, comment on and support ideas. We only store your display name, your e-mail address and your password – the password scrambled so that nobody can turn it back, not even us.
acc-name-hint = Shown publicly with your contributions. You may also choose a pseudonym.
acc-email-hint = Is never published.
acc-password-hint = At least 10 characters. A sentence of several words is easy to remember and hard to guess.
acc-create = Create account
acc-have-account = Already have an account?
acc-to-login = Log in
acc-logged-out = You have been logged out.
acc-no-account = No account yet?
acc-register-now = Register now
acc-title = My account
acc-role = Role
acc-since = Member since
acc-my-profile = My public profile and my contributions
acc-change-name = Change display name
acc-save-name = Save name
acc-change-password = Change password
acc-new-password-hint = At least 10 characters.
acc-save-password = Save password
acc-profile-title = Profile of { $name }
acc-member-since = Member since { $date }.
acc-profile-blocked = This account is blocked by moderation; its contributions are hidden.
acc-block-reason = Reason for the block:
acc-block-note = Public reason for the block
acc-block = Block person
acc-ideas-count = Ideas ({ $count })
acc-newest-ideas = { $count ->
    [one] The newest idea:
   *[other] The newest { $count } ideas:
}
acc-no-ideas = No ideas yet.
acc-comments-count = Comments ({ $count })
acc-newest-comments = { $count ->
    [one] The newest comment:
   *[other] The newest { $count } comments:
}
acc-no-comments = No comments yet.
acc-comment-on = On
n-supports = { $count ->
    [one] 1 support
   *[other] { $count } supports
}
n-comments = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
mine-notices-in-inbox = What happens to your ideas – new statuses, answers, comments – is in your
mine-new = New:
mine-to-idea = To the idea
mine-ideas = My ideas
mine-no-ideas = You have not submitted an idea yet.
acc-public-profile = My public profile
admin-search = Search name or e-mail address
admin-search-button = Search
admin-found = { $count ->
    [one] 1 account found.
   *[other] { $count } accounts found.
}
admin-caption = Accounts with their roles
admin-col-name = Name
admin-role-of = Role of { $name }
admin-change = Change
admin-change-for = for { $name }
