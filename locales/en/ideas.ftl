idea-submitted = Thank you! Your idea has been submitted.
idea-saved = Your changes have been saved.
idea-withdrawn = Your idea has been withdrawn.
idea-supported = You support this idea.
idea-unsupported = You no longer support this idea.
idea-theme-closed = This theme is not taking new ideas at the moment. Please choose another one.
idea-theme-missing = Please choose a theme.
idea-changed-meanwhile = The idea was changed or withdrawn elsewhere in the meantime. Your text is still here; please load the idea in a new tab before you save.
idea-l-theme = Theme
idea-l-title = Title
idea-l-body = Description
idea-hidden-title = Hidden idea
idea-blocked-reason = The account of the person who submitted it is blocked.
idea-closed-no-change = This idea was withdrawn or merged and can no longer be changed, commented on or supported.
idea-answer = The ministry's response
idea-trail = History
idea-merge = Merge as a duplicate
idea-merge-target = Number of the idea this one merges into
idea-merge-note = Public note (optional)
idea-merge-button = Merge
idea-block-author = Block person …
idea-support = Support
idea-change-status = Change status
idea-form-intro = Describe what you propose, who it is for and what it would improve. Others can then comment on and support your idea.
idea-choose = Please choose
idea-withdraw-no = No, back to the idea
status-badge = Status: { $status }
idea-recent = { $count } in the last 7 days
on-date = on
idea-number = No. { $id }
idea-submitted-by = submitted by
idea-in-theme = in the theme
idea-merged-into = This idea was merged with a similar one:
idea-merged-go = Please support and discuss it there.
idea-withdrawn-on = The person who submitted this idea withdrew it on
idea-supporters = { $count ->
    [one] 1 person supports this idea.
   *[other] { $count } people support this idea.
}
idea-edit = Edit idea
idea-title-hint = Short and to the point, at most 120 characters.
idea-body-hint = At least 20 characters. You can highlight text: **bold**, *italic*; lists start each line with “-”; a link is written [text](https://…).
idea-withdraw = Withdraw idea
idea-withdraw-question = Do you really want to withdraw your idea “{ $title }”? It stays readable, but no longer appears in the lists and can no longer be supported or commented on. This cannot be undone.
idea-withdraw-yes = Yes, withdraw the idea
idea-report = Report idea
idea-login-to-support = Log in to support this idea.
idea-unsupport = Withdraw support
idea-support-button = Support
idea-by = by
idea-hidden-no-comments = This idea is hidden and cannot be commented on at the moment.
idea-new-account-limit = In their first { $hours ->
        [one] hour
       *[other] { $hours } hours
    }, new accounts can submit { $limit ->
        [0] no ideas
        [one] at most one idea
       *[other] at most { $limit } ideas
    } per hour. You can submit an idea again from { $time }; your text is still here.
road-label = The idea's road to the ministry
road-submitted = Submitted
road-discussion = In discussion
road-review = Under review
road-forwarded = Forwarded
road-acknowledged = Forwarded, receipt confirmed
road-answer = Response
road-answer-is = Response: { $status }
road-implemented = Implemented
road-done = (done)
idea-support-rule = Every month the moderators look at the ideas with the most support and decide which to forward to the ministry. So your support counts.
share-title = Share
share-link-label = Link to this idea
share-link-hint = Select the link and copy it to pass it on.
share-copy = Copy link
share-copied = The link has been copied.
share-copy-failed = Copying did not work. Please select the link and copy it yourself.
share-mail = Share by e-mail
share-mail-subject = Idea on Mitdenken: { $title }
share-mail-body = This idea on Mitdenken may interest you: { $url }
