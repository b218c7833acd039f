# Atom feeds (src/feeds/) and the links to them
feed-subscribe = Subscribe to the feed
feed-ideas-title = Newest ideas – Mitdenken
feed-answers-title = The ministry's responses – Mitdenken
feed-workshops-title = Innovation workshop: workshops and learnings – Mitdenken
feed-theme-title = Ideas in the theme “{ $name }” – Mitdenken
feed-this-idea-title = History and comments of this idea – Mitdenken
feed-idea-title = History and comments: { $title } – Mitdenken
feed-status-title = Status “{ $status }”: { $title }
feed-answer-title = Response “{ $status }”: { $title }
feed-comment-title = Comment by { $name }
feed-learning-title = Learning { $number }: { $title } ({ $workshop })
feed-workshop-when = Date: { $when }
