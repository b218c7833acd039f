## E-Mail, Bestätigung der Adresse, Passwort vergessen, Adresswechsel

mail-support-held = Danke! Ihre Unterstützung zählt, sobald Sie Ihre E-Mail-Adresse bestätigt haben. Den Link haben wir Ihnen geschickt.
mail-idea-held = Ihre Idee ist gespeichert. Sie erscheint in den Listen, sobald Sie Ihre E-Mail-Adresse bestätigt haben. Den Link haben wir Ihnen geschickt.
mail-unconfirmed = Bitte bestätigen Sie Ihre E-Mail-Adresse mit dem Link, den wir Ihnen geschickt haben. Bis dahin zählen Ihre Unterstützungen noch nicht und Ihre Ideen erscheinen noch nicht in den Listen.
mail-resend = Link erneut senden
mail-resent = Wir haben Ihnen den Link noch einmal geschickt.
mail-resend-wait = Wir haben Ihnen gerade erst einen Link geschickt. Bitte warten Sie eine Minute, bevor Sie einen neuen anfordern.
mail-confirmed = Danke! Ihre E-Mail-Adresse ist bestätigt.
mail-link-invalid-title = Link ungültig
mail-link-invalid = Dieser Link ist abgelaufen oder wurde schon benutzt. Fordern Sie bei Bedarf einen neuen an.
mail-forgot-link = Passwort vergessen?
mail-forgot-title = Passwort vergessen
mail-forgot-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort wählen können. Er gilt eine Stunde.
mail-forgot-sent = Wenn es zu dieser Adresse ein Konto gibt, haben wir Ihnen eine E-Mail mit einem Link geschickt. Er gilt eine Stunde.
mail-forgot-send = Link schicken
mail-reset-title = Neues Passwort wählen
mail-reset-save = Passwort speichern
mail-reset-done = Ihr neues Passwort gilt. Alle anderen Anmeldungen wurden beendet.
mail-change-title = E-Mail-Adresse ändern
mail-change-intro = Wir schicken einen Bestätigungslink an die neue Adresse und eine Nachricht an die bisherige. Die neue Adresse gilt, sobald Sie den Link geöffnet haben.
mail-l-new-email = Neue E-Mail-Adresse
mail-change-send = Bestätigungslink schicken
mail-change-sent = Wir haben einen Bestätigungslink an die neue Adresse geschickt.
mail-change-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein.
mail-change-done = Ihre neue E-Mail-Adresse gilt jetzt.
mail-change-taken = Diese Adresse kann nicht übernommen werden.

## Die E-Mails selbst

mail-confirm-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-confirm-body = Willkommen bei Mitdenken! Bitte bestätigen Sie Ihre E-Mail-Adresse mit dem Link unten. Er gilt 48 Stunden. Bis dahin zählen Ihre Unterstützungen noch nicht. Wenn Sie sich nicht angemeldet haben, können Sie diese E-Mail einfach löschen.
mail-confirm-button = Adresse bestätigen
mail-already-subject = Anmeldeversuch mit Ihrer E-Mail-Adresse
mail-already-body = Jemand hat versucht, mit Ihrer E-Mail-Adresse ein neues Konto bei Mitdenken anzulegen. Sie haben schon ein Konto. Wenn Sie das nicht waren, müssen Sie nichts tun.
mail-already-links = Anmelden: { $login } · Passwort vergessen: { $reset }
mail-reset-subject = Ihr Link für ein neues Passwort
mail-reset-body = Mit dem Link unten wählen Sie ein neues Passwort. Er gilt eine Stunde und nur einmal. Wenn Sie das nicht angefordert haben, können Sie diese E-Mail einfach löschen.
mail-reset-button = Neues Passwort wählen
mail-change-subject = Bitte bestätigen Sie Ihre neue E-Mail-Adresse
mail-change-body = Ihr Konto bei Mitdenken soll auf diese Adresse umziehen. Bitte bestätigen Sie das mit dem Link unten. Er gilt 48 Stunden.
mail-change-notice-subject = Ihre E-Mail-Adresse wird geändert
mail-change-notice-body = Für Ihr Konto bei Mitdenken wurde die neue Adresse { $email } angegeben. Sie gilt, sobald der Link in der E-Mail an sie geöffnet wurde. Wenn Sie das nicht waren, ändern Sie bitte Ihr Passwort.
mail-notice-subject = Neuigkeiten bei Mitdenken
mail-notice-button = Ansehen
mail-digest-subject = Ihre Neuigkeiten des Tages bei Mitdenken
mail-digest-intro = { $count ->
    [one] Seit der letzten Zusammenfassung gibt es eine Neuigkeit:
   *[other] Seit der letzten Zusammenfassung gibt es { $count } Neuigkeiten:
}
mail-digest-button = Alle Benachrichtigungen
mail-newsletter-confirm-subject = Bitte bestätigen Sie Ihr Newsletter-Abonnement
mail-newsletter-confirm-body = Sie möchten den Newsletter des Innovationsbüros bekommen. Bitte bestätigen Sie das mit dem Link unten. Ohne Bestätigung löschen wir Ihre Adresse nach sieben Tagen.
mail-footer = Diese E-Mail wurde automatisch von Mitdenken verschickt, der Ideenplattform des Innovationsbüros Digitales Leben.
mail-footer-unsubscribe = Keine solchen E-Mails mehr: { $link }
mail-unsubscribe-link = Keine solchen E-Mails mehr bekommen

## Folgen, Benachrichtigungen, Einstellungen, Abbestellen

nav-inbox = Benachrichtigungen
nav-newsletter = Newsletter
follow-start = Folgen
follow-stop = Nicht mehr folgen
follow-started = Sie folgen jetzt und bekommen Benachrichtigungen dazu.
follow-stopped = Sie folgen nicht mehr.
follow-on-comment = Dieser Idee folgen (Benachrichtigung bei neuen Kommentaren und Statusänderungen)
inbox-title = Benachrichtigungen
inbox-unread = { $count ->
    [0] Keine ungelesenen Benachrichtigungen.
    [one] Eine ungelesene Benachrichtigung.
   *[other] { $count } ungelesene Benachrichtigungen.
}
inbox-settings-link = Einstellungen für E-Mails
inbox-all-read = Alle als gelesen markieren
inbox-read = Als gelesen markieren
inbox-empty = Noch keine Benachrichtigungen. Folgen Sie Ideen, Themen oder Werkstätten, um von Neuigkeiten zu erfahren.
notify-settings-title = Benachrichtigungen per E-Mail
notify-settings-intro = Wählen Sie für jede Art von Neuigkeit, ob Sie sofort eine E-Mail bekommen, einmal am Tag eine Zusammenfassung (um 7 Uhr) oder nur die Benachrichtigung hier auf der Seite.
notify-settings-save = Einstellungen speichern
notify-settings-saved = Ihre Einstellungen sind gespeichert.
notice-kind-own = Meine Ideen (neuer Status, Antwort des Ministeriums, zusammengeführt, ausgeblendet)
notice-kind-reply = Antworten auf meine Kommentare
notice-kind-followed-idea = Ideen, denen ich folge (Kommentare, Statusänderungen)
notice-kind-followed-theme = Themen, denen ich folge (neue Ideen)
notice-kind-workshop = Meine Werkstätten (Anmeldung, Nachrücken, Erinnerung)
delivery-immediate = Sofort per E-Mail
delivery-digest = Tägliche Zusammenfassung per E-Mail
delivery-inbox = Nur hier auf der Seite
notice-reply = { $name } hat auf Ihren Kommentar zur Idee „{ $title }“ geantwortet.
notice-followed-comment = { $name } hat die Idee „{ $title }“ kommentiert.
notice-followed-status = Die Idee „{ $title }“ hat einen neuen Status: { $status }.
notice-followed-theme-idea = Neue Idee in einem Thema, dem Sie folgen: „{ $title }“.
unsubscribe-title = E-Mails abbestellen
unsubscribe-intro = Mit einem Klick bekommen Sie diese Art von E-Mails nicht mehr. Die Benachrichtigungen auf der Seite bleiben.
unsubscribe-button = Abbestellen
unsubscribe-done = Abbestellt. Sie bekommen diese Art von E-Mails nicht mehr.

## Newsletter

newsletter-title = Newsletter des Innovationsbüros
newsletter-intro = Neuigkeiten aus dem Innovationsbüro Digitales Leben, etwa einmal im Monat. Sie brauchen dafür kein Konto. Nach dem Eintragen schicken wir Ihnen einen Bestätigungslink; erst mit ihm sind Sie angemeldet. Abbestellen geht mit einem Klick in jeder Ausgabe.
newsletter-subscribe = Newsletter bestellen
newsletter-archive = Alle Ausgaben
newsletter-none = Noch keine Ausgaben.
newsletter-check-mail = Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie die Bestellung mit dem Link darin; ohne Bestätigung löschen wir Ihre Adresse nach sieben Tagen.
newsletter-confirmed = Danke! Sie bekommen den Newsletter ab der nächsten Ausgabe.
newsletter-unsubscribe-title = Newsletter abbestellen
newsletter-unsubscribe-intro = Mit einem Klick bekommen Sie den Newsletter nicht mehr, und wir löschen Ihre Adresse.
newsletter-unsubscribed = Sie bekommen den Newsletter nicht mehr. Ihre Adresse ist gelöscht.
newsletter-admin-title = Newsletter schreiben
newsletter-subscribers = { $count ->
    [one] Eine bestätigte Abonnentin oder ein bestätigter Abonnent.
   *[other] { $count } bestätigte Abonnentinnen und Abonnenten.
}
newsletter-l-subject = Betreff
newsletter-l-body = Text
newsletter-body-hint = Markdown: **fett**, *kursiv*, Listen mit „-“, Links als [Text](https://…).
newsletter-preview = Vorschau
newsletter-send = An alle senden ({ $count })
newsletter-past = Bisherige Ausgaben
newsletter-sent-to = { $count ->
    [one] an { $count } Person verschickt
   *[other] an { $count } Personen verschickt
}
newsletter-sent = Die Ausgabe geht an { $count } Abonnentinnen und Abonnenten hinaus.
newsletter-subject-invalid = Bitte geben Sie einen Betreff mit 3 bis 200 Zeichen ein.
newsletter-body-invalid = Bitte schreiben Sie einen Text mit 10 bis 50.000 Zeichen.

## Werkstatt-Benachrichtigungen

notice-workshop-confirmed = Ihre Anmeldung zur Werkstatt „{ $title }“ am { $when } Uhr ist bestätigt.
notice-workshop-waiting = Die Werkstatt „{ $title }“ am { $when } Uhr ist voll; Sie stehen auf der Warteliste und rücken automatisch nach, wenn ein Platz frei wird.
notice-workshop-moved-up = Ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und für die Werkstatt „{ $title }“ am { $when } Uhr angemeldet.
notice-workshop-reminder = Erinnerung: Die Werkstatt „{ $title }“ beginnt am { $when } Uhr.
notice-learning-linked = Eine Erkenntnis der Werkstatt „{ $workshop }“ wurde mit der Idee „{ $title }“ verknüpft.
newsletter-footer = Newsletter
inbox-all-link = Alle Benachrichtigungen und die Einstellungen für E-Mails
mail-rules-line = Es gelten unsere Netiquette und Nutzungsbedingungen: { $link }
