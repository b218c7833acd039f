review-l-new-status = New status
review-l-answer = The ministry's public response or acknowledgement
review-l-note = Public reason
review-note-hint = Appears in the idea's history. Required for “Under review”, “Forwarded”, “Receipt confirmed” and every answer.
review-change-status = Change status
review-intro = Ideas forwarded by moderation, ordered by support. Every answer appears publicly in the idea's history.
review-all-themes = All themes
review-show = Show
review-download = Download this view as a spreadsheet
review-download-note = {" "}(a CSV file that Excel and LibreOffice open directly)
review-idea-text = Text of the idea
review-notes = Notes of moderation
review-title = Review by the ministry
review-count = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}
review-meta = { $supports ->
    [one] 1 support
   *[other] { $supports } supports
    } · { $comments ->
    [one] 1 comment
   *[other] { $comments } comments
    } · submitted by { $name } on
review-learnings = From the Innovation workshop
review-learning = Learning { $number }: { $title }
review-filter-all = All
csv-number = No.
csv-title = Title
csv-theme = Theme
csv-status = Status
csv-supports = Supports
csv-comments = Comments
csv-submitted-on = Submitted on
csv-submitted-by = Submitted by
csv-notes = Notes of moderation
csv-text = Text
review-choose-status = Please choose
review-filter-waiting = Waiting for a response
review-internal-notes = Internal notes (not public)
csv-internal-notes = Internal notes (not public)
csv-answer = The ministry's response
csv-answered-on = Response date
csv-link = Link to the idea
