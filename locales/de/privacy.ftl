## Privacy: the data download, deleting an account, sessions, two-factor sign-in, retention.

priv-l-password = Ihr Passwort zur Bestätigung
priv-l-admin-password = Ihr eigenes Passwort (Administration) zur Bestätigung
priv-password-wrong = Das Passwort ist nicht richtig.
priv-last-admin = Das letzte Administrationskonto kann nicht gelöscht werden. Ernennen Sie zuerst eine weitere Person.
priv-session-ended = Die Sitzung wurde beendet.
priv-session-gone = Diese Sitzung gibt es nicht mehr.
priv-others-ended = Alle anderen Sitzungen wurden beendet ({ $count } im Verzeichnis). Diese Sitzung läuft weiter.
priv-deleted = Das Konto ist gelöscht. Zurückgenommene Unterstützungen: { $supports }. Entfernte Ideen: { $ideas }, entfernte Kommentare: { $comments }. Gelöschte Workshop-Anmeldungen: { $registrations }. Organisationen weitergegeben: { $passed }, geschlossen: { $closed }.
priv-data-title = Meine Daten herunterladen
priv-data-intro = Hier steht alles, was Mitdenken über Sie gespeichert hat (Art. 15 und 20 DSGVO). Dieselben Angaben gibt es als eine Datei zum Herunterladen, im JSON-Format, das Programme lesen und andere Dienste übernehmen können. Angaben über andere Menschen sind nicht enthalten.
priv-data-json = Alles als Datei herunterladen (JSON-Format)
priv-data-toc = Inhalt
priv-data-none = Keine Einträge.
priv-delete-title = Konto löschen
priv-admin-delete-title = Konto von { $name } löschen
priv-admin-delete-intro = Sie löschen dieses Konto ({ $email }) auf Wunsch der Person. Im Transparenzbericht erscheint nur, dass ein Konto gelöscht wurde, ohne Namen.
priv-delete-what = Was beim Löschen geschieht
priv-delete-personal = Ihre E-Mail-Adresse, Ihr Name, Ihr Passwort, Ihre Sitzungen, die Zwei-Faktor-Anmeldung, Ihre Mitteilungen, Ihre Mitgliedschaften und Einladungen werden gelöscht. Bei erledigten Meldungen wird gelöscht, dass Sie gemeldet haben.
priv-delete-contributions = Ihre Ideen und Kommentare bleiben als Beiträge von „Gelöschtes Konto“ stehen, damit Diskussionen verständlich bleiben. Wenn Sie unten „auch meine Beiträge entfernen“ ankreuzen, werden ihre Texte durch einen Hinweis ersetzt; Antworten anderer bleiben stehen.
priv-delete-supports = Ihre Unterstützungen werden zurückgenommen; die Zahlen bei den Ideen sinken entsprechend.
priv-delete-workshops = Ihre Workshop-Anmeldungen werden gelöscht; freie Plätze gehen an die Warteliste.
priv-delete-organisations = Organisationen, die Sie verwalten, gehen an das Mitglied über, das am längsten dabei ist; ohne weitere Mitglieder wird die Organisation geschlossen.
priv-delete-log = Einträge im Moderationsprotokoll und im Verlauf von Ideen bleiben, Ihr Name wird darin ersetzt.
priv-delete-again = Mit derselben E-Mail-Adresse können Sie sich später neu registrieren; nichts verbindet das neue Konto mit dem alten.
priv-delete-download = Vorher können Sie Ihre Daten herunterladen:
priv-remove-contributions = auch meine Beiträge entfernen
priv-delete-button = Konto endgültig löschen
priv-two-factor = Zwei-Faktor-Anmeldung
priv-two-factor-on = Die Zwei-Faktor-Anmeldung ist eingeschaltet.
priv-two-factor-off = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
priv-two-factor-manage = Zwei-Faktor-Anmeldung einrichten
priv-sessions = Angemeldete Geräte
priv-sessions-none = Keine aktiven Sitzungen verzeichnet.
priv-session-unknown = Unbekannter Browser
priv-session-since = angemeldet { $date }
priv-session-seen = zuletzt aktiv { $date }
priv-session-this = (diese Sitzung)
priv-session-end = Sitzung beenden
priv-sessions-end-others = Alle anderen Sitzungen beenden
priv-your-data = Ihre Daten

data-section-account = Konto
data-section-ideas = Ideen
data-section-idea_steps = Verlauf Ihrer Ideen
data-section-comments = Kommentare
data-section-supports = Unterstützungen
data-section-workshop_registrations = Workshop-Anmeldungen
data-section-reports = Ihre Meldungen
data-section-organisations = Organisationen
data-section-invitations = Einladungen von Organisationen
data-section-notices = Mitteilungen
data-section-sessions = Sitzungen
data-section-recovery_codes = Wiederherstellungscodes
data-section-moderation_decisions = Entscheidungen der Moderation über Ihre Beiträge
data-section-status_changes_made = Statusänderungen, die Sie vorgenommen haben
data-section-internal_notes_written = Interne Notizen, die Sie zu Statusänderungen geschrieben haben (nicht öffentlich)

mydata-col-id = Nummer
mydata-col-email = E-Mail-Adresse
mydata-col-display_name = Anzeigename
mydata-col-role = Rolle
mydata-col-created_at = Erstellt
mydata-col-email_confirmed_at = E-Mail-Adresse bestätigt
mydata-col-rules_accepted_at = Netiquette und Nutzungsbedingungen akzeptiert
mydata-col-staff_since = Rolle seit
mydata-col-blocked_at = Gesperrt seit
mydata-col-blocked_reason = Sperrgrund
mydata-col-two_factor = Zwei-Faktor-Anmeldung (1 = an)
mydata-col-theme = Thema
mydata-col-title = Titel
mydata-col-body = Text
mydata-col-status = Status
mydata-col-support_count = Unterstützungen
mydata-col-comment_count = Kommentare
mydata-col-edited_at = Bearbeitet
mydata-col-withdrawn_at = Zurückgezogen
mydata-col-hidden_at = Ausgeblendet
mydata-col-hidden_reason = Grund des Ausblendens
mydata-col-merged_into = Zusammengeführt mit Idee
mydata-col-organisation_id = Für Organisation
mydata-col-idea_id = Idee
mydata-col-from_status = Von
mydata-col-to_status = Nach
mydata-col-note = Notiz
mydata-col-parent_id = Antwort auf Kommentar
mydata-col-deleted_at = Gelöscht
mydata-col-workshop_id = Workshop
mydata-col-starts_at = Beginn
mydata-col-registered_at = Angemeldet
mydata-col-promoted_at = Nachgerückt
mydata-col-cancelled_at = Abgemeldet
mydata-col-item_type = Art
mydata-col-item_id = Beitrag
mydata-col-reason = Grund
mydata-col-details = Angaben
mydata-col-resolved_at = Entschieden
mydata-col-resolution = Entscheidung
mydata-col-name = Name
mydata-col-slug = Adresse
mydata-col-added_at = Mitglied seit
mydata-col-owner = Verwaltet (1 = ja)
mydata-col-message = Mitteilung
mydata-col-text = Mitteilung (alt)
mydata-col-seen_at = Gelesen
mydata-col-last_seen_at = Zuletzt aktiv
mydata-col-user_agent = Browser
mydata-col-total = Anzahl
mydata-col-used = Davon benutzt
mydata-col-action = Aktion
mydata-col-actor_role = Als

tf-l-code = Code
tf-code-wrong = Dieser Code passt nicht (oder wurde schon benutzt). Bitte nehmen Sie den aktuellen Code aus Ihrer App oder einen unbenutzten Wiederherstellungscode.
tf-too-many = Zu viele Versuche. Bitte warten Sie einige Minuten.
tf-code-title = Anmeldung bestätigen
tf-code-intro = Ihr Konto ist mit einem zweiten Faktor geschützt. Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein oder einen Ihrer Wiederherstellungscodes.
tf-code-hint = Sechs Ziffern aus der App, oder ein Wiederherstellungscode wie abcd-efgh-jkmn.
tf-code-submit = Bestätigen
tf-setup-title = Zwei-Faktor-Anmeldung einrichten
tf-required = Konten der Moderation, des Ministeriums und der Administration brauchen eine Zwei-Faktor-Anmeldung. Bitte richten Sie sie jetzt ein; vorher sind andere Seiten gesperrt.
tf-enabled = Die Zwei-Faktor-Anmeldung ist eingeschaltet. Unbenutzte Wiederherstellungscodes: { $count }.
tf-renew = Neu einrichten (zum Beispiel für ein neues Telefon)
tf-setup-intro = Mit der Zwei-Faktor-Anmeldung fragt Mitdenken nach dem Passwort zusätzlich einen Code, den eine App auf Ihrem Telefon alle 30 Sekunden neu erzeugt.
tf-step-app = Öffnen Sie eine Authenticator-App (zum Beispiel FreeOTP, Aegis, 2FAS oder die App Ihres Betriebssystems).
tf-step-scan = Scannen Sie den QR-Code oder tippen Sie den Schlüssel unten von Hand ein.
tf-step-code = Geben Sie zur Bestätigung den ersten Code ein, den die App anzeigt.
tf-qr-alt = QR-Code mit dem Schlüssel für Ihre Authenticator-App. Der gleiche Schlüssel steht darunter als Text.
tf-qr-caption = Den gleichen Schlüssel können Sie auch von Hand eingeben.
tf-secret = Schlüssel
tf-settings = Einstellungen
tf-settings-values = zeitbasiert (TOTP), 6 Ziffern, alle 30 Sekunden, SHA-1
tf-first-code-hint = Die sechs Ziffern, die Ihre App jetzt anzeigt.
tf-confirm = Einschalten
tf-codes-title = Ihre Wiederherstellungscodes
tf-now-on = Die Zwei-Faktor-Anmeldung ist eingeschaltet.
tf-codes-intro = Wenn Ihr Telefon verloren geht, melden Sie sich mit einem dieser Codes an. Jeder Code gilt einmal. Bewahren Sie sie sicher auf (ausgedruckt oder in einem Passwortmanager); sie werden nur jetzt angezeigt.
tf-back-to-account = Zurück zum Konto
tf-reset-done = Die Zwei-Faktor-Anmeldung wurde zurückgesetzt (sofern sie eingeschaltet war). Die Person richtet sie bei der nächsten Anmeldung neu ein.

tf-off-title = Zwei-Faktor-Anmeldung ausschalten
tf-l-password = Ihr Passwort zur Bestätigung
tf-off = Ausschalten
tf-off-done = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
tf-off-wrong-password = Das Passwort ist nicht richtig; die Zwei-Faktor-Anmeldung bleibt eingeschaltet.

admin-col-account = Konto
admin-reset-2fa = Zwei-Faktor zurücksetzen
admin-delete = Löschen

ret-title = Speicherfristen
ret-sessions = Sitzungen enden nach { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} ohne Besuch, bei Konten der Moderation, des Ministeriums und der Administration nach { $minutes ->
    [one] 1 Minute
   *[other] { $minutes } Minuten
}; abgelaufene Sitzungen werden stündlich gelöscht. Zu jeder Sitzung speichern wir Beginn, letzte Nutzung und den Browsertyp (ohne Version), nie die IP-Adresse.
ret-rate-limit = IP-Adressen werden nie gespeichert. Gegen das Erraten von Passwörtern zählt der Server Anmeldeversuche je Adresse nur im Arbeitsspeicher ({ $per_minute } pro Minute) und vergisst die Adresse, sobald ihr Kontingent wieder voll ist.
ret-feedback = Rückmeldungen zu Barrieren werden nach { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} gelöscht.
ret-accounts = Konten bleiben bestehen, bis Sie sie löschen (unter Konto → Konto löschen); personenbezogene Daten werden dabei sofort gelöscht.
data-section-follows = Was Sie verfolgen
data-section-notification_settings = Einstellungen der Benachrichtigungen
mydata-col-target_kind = Art (Idee, Thema, Werkstatt)
mydata-col-target_id = Nummer
mydata-col-kind = Art der Benachrichtigung
mydata-col-mode = Zustellung
