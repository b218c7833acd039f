comment-added = Ihr Kommentar ist veröffentlicht.
comment-saved = Ihr Kommentar wurde geändert.
comment-deleted = Ihr Kommentar wurde gelöscht.
comment-parent-missing = Der Kommentar, auf den Sie antworten wollten, ist nicht mehr da. Ihr Text steht unten im Feld für neue Kommentare.
comment-l-comment = Ihr Kommentar
comment-hint = Sie können Text hervorheben: **fett**, *kursiv*; ein Link schreibt sich [Text](https://…).
comment-gone = Dieser Kommentar wurde gelöscht.
moderator-only = Nur für die Moderation sichtbar:
comment-edit-link = Bearbeiten
comment-delete-link = Löschen
comment-report-link = Melden
comment-send-reply = Antwort senden
comments-none = Noch keine Kommentare. Beginnen Sie die Diskussion!
comment-blocked = Ihr Konto ist gesperrt; Sie können nicht kommentieren.
comment-write = Kommentar schreiben
comment-publish = Kommentar veröffentlichen
comment-login = Melden Sie sich an, um mitzudiskutieren.
comment-edit = Kommentar bearbeiten
save-changes = Änderungen speichern
cancel = Abbrechen
comment-delete = Kommentar löschen
comment-delete-question = Möchten Sie diesen Kommentar wirklich löschen? Antworten anderer bleiben sichtbar; an seiner Stelle steht dann „Dieser Kommentar wurde gelöscht.“
comment-delete-no = Nein, zurück
comment-of = (Kommentar von { $name })
comment-reply = Antworten
comment-reply-to = auf { $name }
comment-replies-to = Antworten auf { $name }
comments-count = Kommentare ({ $count })
edited-on = bearbeitet am
hidden-by-moderation = Von der Moderation ausgeblendet – Grund:
comment-l-reply = Ihre Antwort
comment-delete-yes = Ja, löschen
comment-new-account-limit = Neue Konten können in ihren ersten { $hours ->
        [one] Stunde
       *[other] { $hours } Stunden
    } { $limit ->
        [0] keine Kommentare
        [one] höchstens einen Kommentar
       *[other] höchstens { $limit } Kommentare
    } pro Stunde schreiben. Ab { $time } können Sie wieder kommentieren; Ihr Text steht noch hier.
