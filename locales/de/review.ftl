review-l-new-status = Neuer Status
review-l-answer = Öffentliche Antwort oder Eingangsbestätigung des Ministeriums
review-l-note = Öffentliche Begründung
review-note-hint = Erscheint im Verlauf der Idee. Für „In Prüfung“, „Weitergeleitet“, „Eingang bestätigt“ und jede Antwort erforderlich.
review-change-status = Status ändern
review-intro = Von der Moderation weitergeleitete Ideen, nach Unterstützung geordnet. Jede Antwort erscheint öffentlich im Verlauf der Idee.
review-all-themes = Alle Themen
review-show = Anzeigen
review-download = Diese Ansicht als Tabelle herunterladen
review-download-note = {" "}(eine CSV-Datei, die Excel und LibreOffice direkt öffnen)
review-idea-text = Text der Idee
review-notes = Notizen der Moderation
review-title = Prüfung durch das Ministerium
review-count = { $count ->
    [one] 1 Idee
   *[other] { $count } Ideen
}
review-meta = { $supports ->
    [one] 1 Unterstützung
   *[other] { $supports } Unterstützungen
    } · { $comments ->
    [one] 1 Kommentar
   *[other] { $comments } Kommentare
    } · eingereicht von { $name } am
review-learnings = Aus der Innovationswerkstatt
review-learning = Learning { $number }: { $title }
review-filter-all = Alle
csv-number = Nr.
csv-title = Titel
csv-theme = Thema
csv-status = Status
csv-supports = Unterstützungen
csv-comments = Kommentare
csv-submitted-on = Eingereicht am
csv-submitted-by = Eingereicht von
csv-notes = Notizen der Moderation
csv-text = Text
review-choose-status = Bitte wählen
review-filter-waiting = Wartet auf Antwort
review-internal-notes = Interne Notizen (nicht öffentlich)
csv-internal-notes = Interne Notizen (nicht öffentlich)
csv-answer = Antwort des Ministeriums
csv-answered-on = Antwort vom
csv-link = Link zur Idee
