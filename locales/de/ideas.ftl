idea-submitted = Danke! Ihre Idee ist eingereicht.
idea-saved = Ihre Änderungen sind gespeichert.
idea-withdrawn = Ihre Idee wurde zurückgezogen.
idea-supported = Sie unterstützen diese Idee.
idea-unsupported = Sie unterstützen diese Idee nicht mehr.
idea-theme-closed = Dieses Thema nimmt zurzeit keine neuen Ideen an. Bitte wählen Sie ein anderes.
idea-theme-missing = Bitte wählen Sie ein Thema.
idea-changed-meanwhile = Die Idee wurde inzwischen an anderer Stelle geändert oder zurückgezogen. Ihr Text steht noch hier; bitte laden Sie die Idee in einem neuen Tab, bevor Sie speichern.
idea-l-theme = Thema
idea-l-title = Titel
idea-l-body = Beschreibung
idea-hidden-title = Ausgeblendete Idee
idea-blocked-reason = Das Konto der Person, die sie eingereicht hat, ist gesperrt.
idea-closed-no-change = Diese Idee wurde zurückgezogen oder zusammengeführt und kann nicht mehr geändert, kommentiert oder unterstützt werden.
idea-answer = Antwort des Ministeriums
idea-trail = Verlauf
idea-merge = Als Duplikat zusammenführen
idea-merge-target = Nummer der Idee, in die diese aufgeht
idea-merge-note = Öffentliche Notiz (optional)
idea-merge-button = Zusammenführen
idea-block-author = Person sperren …
idea-support = Unterstützung
idea-change-status = Status ändern
idea-form-intro = Beschreiben Sie, was Sie vorschlagen, für wen es gedacht ist und was es verbessern würde. Andere können Ihre Idee danach kommentieren und unterstützen.
idea-choose = Bitte wählen
idea-withdraw-no = Nein, zurück zur Idee
status-badge = Status: { $status }
idea-recent = { $count } in den letzten 7 Tagen
on-date = am
idea-number = Nr. { $id }
idea-submitted-by = eingereicht von
idea-in-theme = im Thema
idea-merged-into = Diese Idee wurde mit einer gleichartigen zusammengeführt:
idea-merged-go = Unterstützen und diskutieren Sie bitte dort.
idea-withdrawn-on = Die Person, die diese Idee eingereicht hat, hat sie zurückgezogen am
idea-supporters = { $count ->
    [one] 1 Person unterstützt diese Idee.
   *[other] { $count } Personen unterstützen diese Idee.
}
idea-edit = Idee bearbeiten
idea-title-hint = Kurz und aussagekräftig, höchstens 120 Zeichen.
idea-body-hint = Mindestens 20 Zeichen. Sie können Text hervorheben: **fett**, *kursiv*; Listen beginnen jede Zeile mit „-“; ein Link schreibt sich [Text](https://…).
idea-withdraw = Idee zurückziehen
idea-withdraw-question = Möchten Sie Ihre Idee „{ $title }“ wirklich zurückziehen? Sie bleibt lesbar, erscheint aber nicht mehr in den Listen und kann nicht mehr unterstützt oder kommentiert werden. Das lässt sich nicht rückgängig machen.
idea-withdraw-yes = Ja, Idee zurückziehen
idea-report = Idee melden
idea-login-to-support = Melden Sie sich an, um diese Idee zu unterstützen.
idea-unsupport = Unterstützung zurückziehen
idea-support-button = Unterstützen
idea-by = von
idea-hidden-no-comments = Diese Idee ist ausgeblendet und kann zurzeit nicht kommentiert werden.
idea-new-account-limit = Neue Konten können in ihren ersten { $hours ->
        [one] Stunde
       *[other] { $hours } Stunden
    } { $limit ->
        [0] keine Ideen
        [one] höchstens eine Idee
       *[other] höchstens { $limit } Ideen
    } pro Stunde einreichen. Ab { $time } können Sie wieder eine Idee einreichen; Ihr Text steht noch hier.
road-label = Der Weg der Idee ins Ministerium
road-submitted = Eingereicht
road-discussion = In Diskussion
road-review = In Prüfung
road-forwarded = Weitergeleitet
road-acknowledged = Weitergeleitet, Eingang bestätigt
road-answer = Antwort
road-answer-is = Antwort: { $status }
road-implemented = Umgesetzt
road-done = (erledigt)
idea-support-rule = Jeden Monat schaut sich die Moderation die Ideen mit den meisten Unterstützungen an und entscheidet, welche sie an das Ministerium weiterleitet. Ihre Unterstützung zählt also.
share-title = Teilen
share-link-label = Link zu dieser Idee
share-link-hint = Markieren Sie den Link und kopieren Sie ihn, um ihn weiterzugeben.
share-copy = Link kopieren
share-copied = Der Link ist kopiert.
share-copy-failed = Kopieren ging nicht. Bitte markieren Sie den Link und kopieren Sie ihn selbst.
share-mail = Per E-Mail teilen
share-mail-subject = Idee auf Mitdenken: { $title }
share-mail-body = Diese Idee auf Mitdenken könnte Sie interessieren: { $url }
