# Atom-Feeds (src/feeds/) und die Links darauf
feed-subscribe = Feed abonnieren
feed-ideas-title = Neueste Ideen – Mitdenken
feed-answers-title = Antworten des Ministeriums – Mitdenken
feed-workshops-title = Innovationswerkstatt: Workshops und Erkenntnisse – Mitdenken
feed-theme-title = Ideen im Thema „{ $name }“ – Mitdenken
feed-this-idea-title = Verlauf und Kommentare dieser Idee – Mitdenken
feed-idea-title = Verlauf und Kommentare: { $title } – Mitdenken
feed-status-title = Status „{ $status }“: { $title }
feed-answer-title = Antwort „{ $status }“: { $title }
feed-comment-title = Kommentar von { $name }
feed-learning-title = Erkenntnis { $number }: { $title } ({ $workshop })
feed-workshop-when = Termin: { $when }
