comment-added = Your comment has been published.
comment-saved = Your comment has been changed.
comment-deleted = Your comment has been deleted.
comment-parent-missing = The comment you wanted to reply to is gone. Your text is in the field for new comments below.
comment-l-comment = Your comment
comment-hint = You can highlight text: **bold**, *italic*; a link is written [text](https://…).
comment-gone = This comment has been deleted.
moderator-only = Visible to moderation only:
comment-edit-link = Edit
comment-delete-link = Delete
comment-report-link = Report
comment-send-reply = Send reply
comments-none = No comments yet. Start the discussion!
comment-blocked = Your account is blocked; you cannot comment.
comment-write = Write a comment
comment-publish = Publish comment
comment-login = Log in to join the discussion.
comment-edit = Edit comment
save-changes = Save changes
cancel = Cancel
comment-delete = Delete comment
comment-delete-question = Do you really want to delete this comment? Replies by others stay visible; in its place it will say “This comment has been deleted.”
comment-delete-no = No, go back
comment-of = (comment by { $name })
comment-reply = Reply
comment-reply-to = to { $name }
comment-replies-to = Replies to { $name }
comments-count = Comments ({ $count })
edited-on = edited on
hidden-by-moderation = Hidden by moderation – reason:
comment-l-reply = Your reply
comment-delete-yes = Yes, delete
comment-new-account-limit = In their first { $hours ->
        [one] hour
       *[other] { $hours } hours
    }, new accounts can write { $limit ->
        [0] no comments
        [one] at most one comment
       *[other] at most { $limit } comments
    } per hour. You can comment again from { $time }; your text is still here.
