mod-hidden = The contribution is hidden; the reason is shown publicly in its place and in the transparency report.
mod-unhidden = The contribution is visible again.
mod-dismissed = The reports were closed as unfounded.
mod-blocked = The person is blocked; their contributions are hidden.
mod-unblocked = The block is lifted; the person's contributions are visible again.
mod-merged = The ideas were merged. The supports now count here.
mod-merge-target-missing = Please enter the number of an existing idea to merge into.
mod-merge-target-invalid = This idea cannot be merged into (the same idea, or one that is withdrawn or merged itself).
mod-reason-missing = Please choose a reason.
mod-note-missing = Please give a public reason.
mod-note-long = The reason may be at most 1,000 characters long.
mod-details-long = The explanation may be at most 2,000 characters long.
mod-reported = Thank you for your report. Moderation will look at it.
mod-already-reported = You have already reported this contribution; moderation has your report.
mod-auto-hidden-reason = Hidden for now because several people reported it. Moderation will decide.
mod-auto-hidden-notice = A contribution of yours was hidden for now after several reports, until moderation decides.
mod-l-reason = Reason
mod-l-details = Explanation
action-hide = Hidden
action-unhide = Shown again
action-auto_hide = Hidden for now (after reports)
action-dismiss = Reports closed
action-block = Person blocked
action-unblock = Block lifted
action-merge = Merged
action-verify_org = Organisation verified
action-unverify_org = Verification withdrawn
action-role_change = Role changed
action-two_factor_reset = Two-factor sign-in reset
action-account_deleted = Account deleted on request
action-status = Status: { $status }
actor-system = Automatic
item-idea = Idea #{ $id }
item-comment = Comment #{ $id }
item-user = Profile #{ $id }
item-organisation = Organisation #{ $id }
item-idea-titled = Idea “{ $title }”
item-idea-hidden = a hidden idea
item-comment-on = Comment on “{ $title }”
item-comment-on-hidden = Comment on a hidden idea
item-organisation-named = Organisation “{ $name }”
mod-hide = Hide
mod-l-public-note = Public reason
mod-intro = Every decision appears with its reason in the transparency report – without the hidden content and without the people who reported:
mod-reported-items = Reported contributions ({ $count })
mod-no-reports = No open reports.
mod-report-idea = Idea: { $title }
mod-report-comment = Comment by { $name }
mod-currently-hidden = Currently hidden
mod-open-reports = { $count ->
    [one] 1 open report since
   *[other] { $count } open reports since
}
mod-reasons = Reasons:
mod-dismiss = Close reports (unfounded)
mod-curation = Ideas awaiting curation
mod-curation-sort = Sorting of the ideas awaiting curation
mod-sort-oldest = Oldest first
mod-sort-theme = By theme
mod-curation-caption = Ideas waiting for a decision of moderation
col-idea = Idea
col-theme = Theme
col-status = Status
col-supports = Supports
col-submitted = Submitted
col-month = Month
col-action = Decision
col-reason = Reason
col-count = Count
col-time = Time
col-note = Reason given
col-by = By
col-item = Concerns
mod-blocked-people = Blocked people
mod-nobody-blocked = Nobody is blocked.
mod-unblock = Lift block
mod-report-title = Report a contribution
mod-report-intro = Only moderation sees your report. Your name is never published.
mod-details-hint = What is the problem with the contribution? At most 2,000 characters.
mod-report-send = Send report
transparency-intro = Every decision of moderation and of the ministry is listed here: when, what and with which reason. Hidden content and the names of people who reported never appear here.
transparency-monthly = Decisions per month
transparency-empty = No entries yet.
transparency-monthly-caption = Number of decisions per month, kind and reason
transparency-all = All decisions
transparency-log-caption = Log of decisions, newest first
notice-status = Your idea “{ $title }” has a new status: { $status }.
notice-idea-hidden = Your idea “{ $title }” was hidden by moderation. Reason: { $reason }
notice-comment-hidden = Your comment was hidden by moderation. Reason: { $reason }
notice-merged = Your idea “{ $title }” was merged with the idea “{ $target }”; its supports now count there.
mod-show-again = Show again
status-note-missing = Please give a public reason.
status-answer-missing = Please write the ministry's public response.
status-note-long = The reason may be at most 5,000 characters long.
status-changed-meanwhile = Someone else changed the status in the meantime. Please check the new state.
status-changed = The status has been changed and noted in the history.
mod-spike-title = Unusually many reports from new accounts
mod-spike = { $count ->
        [one] 1 report
       *[other] { $count } reports
    } from accounts younger than { $hours } h in the last hour
mod-spike-item = { $count ->
        [one] 1 report
       *[other] { $count } reports
    } from new accounts
mod-spike-hint = Reports from accounts this young do not hide anything provisionally. They are listed with all others under the reported items below.
mod-note5000-long = The note may be at most 5,000 characters long. Please shorten it.
mod-note-control = The note contains control characters that are not allowed.
status-missing = Please choose the new status first; nothing was changed.
status-forwarded-one-step = The idea has been forwarded to the ministry. The history shows both steps: “Under review” and “Forwarded”.
forward-title = Forward in one step
forward-intro = The idea goes straight to the ministry; the history shows each step on its own: { $steps }.
forward-note-hint = Appears publicly in the idea's history and is required.
forward-button = Forward to the ministry
internal-note-l = Internal note for the ministry (not public)
internal-note-hint = Only moderators, ministry staff and administrators see this note. It never appears on public pages, in feeds, in the API or in downloads.
internal-note-label = Internal note (not public)
mod-orgs-waiting = { $count ->
    [0] No organisation is waiting for verification
    [one] 1 organisation is waiting for verification
   *[other] { $count } organisations are waiting for verification
}
mod-no-orgs-waiting = All registered organisations are verified.
mod-org-created = created on
mod-org-verify = Check and verify
