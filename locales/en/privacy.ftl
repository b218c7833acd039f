## Privacy: the data download, deleting an account, sessions, two-factor sign-in, retention.

priv-l-password = Your password to confirm
priv-l-admin-password = Your own (admin) password to confirm
priv-password-wrong = The password is not correct.
priv-last-admin = The last admin account cannot be deleted. Appoint another admin first.
priv-session-ended = The session was ended.
priv-session-gone = This session no longer exists.
priv-others-ended = All other sessions were ended ({ $count } listed). This session continues.
priv-deleted = The account is deleted. Supports withdrawn: { $supports }. Ideas removed: { $ideas }, comments removed: { $comments }. Workshop registrations deleted: { $registrations }. Organisations passed on: { $passed }, closed: { $closed }.
priv-data-title = Download my data
priv-data-intro = This is everything Mitdenken has stored about you (Art. 15 and 20 GDPR). The same data is available as one file to download, in JSON format, which programs can read and other services can take over. Nothing about other people is included.
priv-data-json = Download everything as a file (JSON format)
priv-data-toc = Contents
priv-data-none = No entries.
priv-delete-title = Delete account
priv-admin-delete-title = Delete the account of { $name }
priv-admin-delete-intro = You are deleting this account ({ $email }) at its owner's request. The transparency report only shows that an account was deleted, without a name.
priv-delete-what = What deleting does
priv-delete-personal = Your e-mail address, name, password, sessions, two-factor sign-in, notices, memberships and invitations are deleted. For reports already decided, the fact that you reported is deleted.
priv-delete-contributions = Your ideas and comments stay as contributions of “Deleted account” (shown as „Gelöschtes Konto“) so discussions keep their sense. If you tick “also remove my contributions” below, their texts are replaced by a note; replies of others stay.
priv-delete-supports = Your supports are withdrawn; the counts of the ideas go down accordingly.
priv-delete-workshops = Your workshop registrations are deleted; freed seats go to the waiting list.
priv-delete-organisations = Organisations you manage pass to the member who joined first; without other members the organisation is closed.
priv-delete-log = Entries in the moderation log and in ideas' histories stay, with your name replaced.
priv-delete-again = You can register again later with the same e-mail address; nothing links the new account to the old one.
priv-delete-download = You may download your data first:
priv-remove-contributions = also remove my contributions
priv-delete-button = Delete account for good
priv-two-factor = Two-factor sign-in
priv-two-factor-on = Two-factor sign-in is on.
priv-two-factor-off = Two-factor sign-in is off.
priv-two-factor-manage = Set up two-factor sign-in
priv-sessions = Signed-in devices
priv-sessions-none = No active sessions recorded.
priv-session-unknown = Unknown browser
priv-session-since = signed in { $date }
priv-session-seen = last active { $date }
priv-session-this = (this session)
priv-session-end = End session
priv-sessions-end-others = End all other sessions
priv-your-data = Your data

data-section-account = Account
data-section-ideas = Ideas
data-section-idea_steps = History of your ideas
data-section-comments = Comments
data-section-supports = Supports
data-section-workshop_registrations = Workshop registrations
data-section-reports = Your reports
data-section-organisations = Organisations
data-section-invitations = Invitations from organisations
data-section-notices = Notices
data-section-sessions = Sessions
data-section-recovery_codes = Recovery codes
data-section-moderation_decisions = Moderation decisions about your contributions
data-section-status_changes_made = Status changes you made
data-section-internal_notes_written = Internal notes you wrote with status changes (not public)

mydata-col-id = Number
mydata-col-email = E-mail address
mydata-col-display_name = Display name
mydata-col-role = Role
mydata-col-created_at = Created
mydata-col-email_confirmed_at = E-mail address confirmed
mydata-col-rules_accepted_at = Netiquette and terms of use accepted
mydata-col-staff_since = Role since
mydata-col-blocked_at = Blocked since
mydata-col-blocked_reason = Reason for the block
mydata-col-two_factor = Two-factor sign-in (1 = on)
mydata-col-theme = Theme
mydata-col-title = Title
mydata-col-body = Text
mydata-col-status = Status
mydata-col-support_count = Supports
mydata-col-comment_count = Comments
mydata-col-edited_at = Edited
mydata-col-withdrawn_at = Withdrawn
mydata-col-hidden_at = Hidden
mydata-col-hidden_reason = Reason for hiding
mydata-col-merged_into = Merged into idea
mydata-col-organisation_id = For organisation
mydata-col-idea_id = Idea
mydata-col-from_status = From
mydata-col-to_status = To
mydata-col-note = Note
mydata-col-parent_id = Reply to comment
mydata-col-deleted_at = Deleted
mydata-col-workshop_id = Workshop
mydata-col-starts_at = Starts
mydata-col-registered_at = Registered
mydata-col-promoted_at = Moved up
mydata-col-cancelled_at = Cancelled
mydata-col-item_type = Kind
mydata-col-item_id = Contribution
mydata-col-reason = Reason
mydata-col-details = Details
mydata-col-resolved_at = Decided
mydata-col-resolution = Decision
mydata-col-name = Name
mydata-col-slug = Address
mydata-col-added_at = Member since
mydata-col-owner = Manages (1 = yes)
mydata-col-message = Notice
mydata-col-text = Notice (old)
mydata-col-seen_at = Read
mydata-col-last_seen_at = Last active
mydata-col-user_agent = Browser
mydata-col-total = Number
mydata-col-used = Of these used
mydata-col-action = Action
mydata-col-actor_role = As

tf-l-code = Code
tf-code-wrong = This code does not match (or was used already). Please take the current code from your app or an unused recovery code.
tf-too-many = Too many attempts. Please wait a few minutes.
tf-code-title = Confirm sign-in
tf-code-intro = Your account is protected by a second factor. Enter the six-digit code from your authenticator app or one of your recovery codes.
tf-code-hint = Six digits from the app, or a recovery code like abcd-efgh-jkmn.
tf-code-submit = Confirm
tf-setup-title = Set up two-factor sign-in
tf-required = Moderation, ministry and admin accounts need two-factor sign-in. Please set it up now; other pages are locked until then.
tf-enabled = Two-factor sign-in is on. Unused recovery codes: { $count }.
tf-renew = Set up anew (for a new phone, say)
tf-setup-intro = With two-factor sign-in, Mitdenken asks for a code besides the password; an app on your phone makes a new one every 30 seconds.
tf-step-app = Open an authenticator app (FreeOTP, Aegis, 2FAS or your system's own app, for example).
tf-step-scan = Scan the QR code or type the key below by hand.
tf-step-code = To confirm, enter the first code the app shows.
tf-qr-alt = QR code with the key for your authenticator app. The same key is written below as text.
tf-qr-caption = You can also type the same key by hand.
tf-secret = Key
tf-settings = Settings
tf-settings-values = time-based (TOTP), 6 digits, every 30 seconds, SHA-1
tf-first-code-hint = The six digits your app shows now.
tf-confirm = Turn on
tf-codes-title = Your recovery codes
tf-now-on = Two-factor sign-in is on.
tf-codes-intro = If you lose your phone, sign in with one of these codes. Each code works once. Keep them safe (printed or in a password manager); they are shown only now.
tf-back-to-account = Back to the account
tf-reset-done = Two-factor sign-in was reset (if it was on). The person sets it up anew at the next sign-in.

tf-off-title = Turn off two-factor sign-in
tf-l-password = Your password to confirm
tf-off = Turn off
tf-off-done = Two-factor sign-in is off.
tf-off-wrong-password = The password is not correct; two-factor sign-in stays on.

admin-col-account = Account
admin-reset-2fa = Reset two-factor
admin-delete = Delete

ret-title = Retention periods
ret-sessions = Sessions end after { $days ->
    [one] 1 day
   *[other] { $days } days
} without a visit, for moderation, ministry and admin accounts after { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}; expired sessions are deleted every hour. For each session we store its start, its last use and the kind of browser (without version), never the IP address.
ret-rate-limit = IP addresses are never stored. Against password guessing, the server counts sign-in attempts per address in memory only ({ $per_minute } per minute) and forgets the address as soon as its budget is full again.
ret-feedback = Feedback on barriers is deleted after { $days ->
    [one] 1 day
   *[other] { $days } days
}.
ret-accounts = Accounts stay until you delete them (Account → Delete account); personal data is deleted at once then.
data-section-follows = What you follow
data-section-notification_settings = Notification settings
mydata-col-target_kind = Kind (idea, theme, workshop)
mydata-col-target_id = Number
mydata-col-kind = Kind of notification
mydata-col-mode = Delivery
