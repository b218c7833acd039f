acc-welcome = Willkommen bei Mitdenken! Ihre E-Mail-Adresse ist bestätigt und Sie sind angemeldet.
acc-logged-in = Sie sind angemeldet.
acc-name-changed = Ihr Anzeigename wurde geändert.
acc-password-changed = Ihr Passwort wurde geändert.
acc-role-changed = Die Rolle wurde geändert.
acc-last-admin = Die letzte Administratorin oder der letzte Administrator kann die Rolle nicht abgeben. Ernennen Sie zuerst eine weitere Person.
acc-rules-missing = Bitte bestätigen Sie, dass Sie die Netiquette und Nutzungsbedingungen gelesen haben und akzeptieren. Ohne diese Zustimmung können wir kein Konto anlegen.
acc-l-rules = Ich habe die Netiquette und Nutzungsbedingungen gelesen und akzeptiere sie.
acc-sent-title = Bitte sehen Sie in Ihr Postfach
acc-sent-text = Wir haben Ihnen eine E-Mail geschickt. Bitte öffnen Sie den Link darin, um Ihre E-Mail-Adresse zu bestätigen; er ist 48 Stunden gültig und meldet Sie gleich an.
acc-sent-meanwhile = Bis dahin können Sie sich schon mit Ihrem Passwort anmelden, lesen, kommentieren und Ihr Profil bearbeiten. Ihre Unterstützungen und Ideen zählen, sobald die Adresse bestätigt ist.
acc-sent-no-mail = Keine E-Mail angekommen? Sehen Sie bitte auch im Spam-Ordner nach. Nach der Anmeldung können Sie den Link auf Ihrer Kontoseite erneut anfordern.
acc-passwords-differ = Die beiden Passwörter stimmen nicht überein.
acc-login-failed = E-Mail-Adresse oder Passwort sind nicht richtig.
acc-password-missing = Bitte geben Sie Ihr Passwort an.
acc-l-name = Anzeigename
acc-l-email = E-Mail-Adresse
acc-l-password = Passwort
acc-l-password-confirm = Passwort wiederholen
acc-l-current-password = Aktuelles Passwort
acc-l-new-password = Neues Passwort
acc-l-new-password-confirm = Neues Passwort wiederholen
acc-current-password-wrong = Das aktuelle Passwort ist nicht richtig.
role-participant = Teilnehmende
role-moderator = Moderation
role-ministry = Ministerium
role-admin = Administration
acc-register-intro = Mit einem Konto können Sie Ideen einreichen, kommentieren und unterstützen. Wir speichern nur Ihren Anzeigenamen, Ihre E-Mail-Adresse und Ihr Passwort – das Passwort so verschlüsselt, dass niemand es zurückrechnen kann, auch wir nicht.
acc-name-hint = Wird öffentlich bei Ihren Beiträgen gezeigt. Sie können auch ein Pseudonym wählen.
acc-email-hint = Wird nicht veröffentlicht.
acc-password-hint = Mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.
acc-create = Konto anlegen
acc-have-account = Sie haben schon ein Konto?
acc-to-login = Zur Anmeldung
acc-logged-out = Sie wurden abgemeldet.
acc-no-account = Noch kein Konto?
acc-register-now = Jetzt registrieren
acc-title = Mein Konto
acc-role = Rolle
acc-since = Dabei seit
acc-my-profile = Mein öffentliches Profil und meine Beiträge
acc-change-name = Anzeigename ändern
acc-save-name = Namen speichern
acc-change-password = Passwort ändern
acc-new-password-hint = Mindestens 10 Zeichen.
acc-save-password = Passwort speichern
acc-profile-title = Profil von { $name }
acc-member-since = Dabei seit { $date }.
acc-profile-blocked = Dieses Konto ist von der Moderation gesperrt; seine Beiträge sind ausgeblendet.
acc-block-reason = Grund der Sperre:
acc-block-note = Öffentliche Begründung der Sperre
acc-block = Person sperren
acc-ideas-count = Ideen ({ $count })
acc-newest-ideas = { $count ->
    [one] Die neueste Idee:
   *[other] Die neuesten { $count } Ideen:
}
acc-no-ideas = Noch keine Ideen.
acc-comments-count = Kommentare ({ $count })
acc-newest-comments = { $count ->
    [one] Der neueste Kommentar:
   *[other] Die neuesten { $count } Kommentare:
}
acc-no-comments = Noch keine Kommentare.
acc-comment-on = Zu
n-supports = { $count ->
    [one] 1 Unterstützung
   *[other] { $count } Unterstützungen
}
n-comments = { $count ->
    [one] 1 Kommentar
   *[other] { $count } Kommentare
}
mine-notices-in-inbox = Was mit Ihren Ideen geschieht – neue Status, Antworten, Kommentare –, steht in Ihren
mine-new = Neu:
mine-to-idea = Zur Idee
mine-ideas = Meine Ideen
mine-no-ideas = Sie haben noch keine Idee eingereicht.
acc-public-profile = Mein öffentliches Profil
admin-search = Name oder E-Mail-Adresse suchen
admin-search-button = Suchen
admin-found = { $count ->
    [one] 1 Konto gefunden.
   *[other] { $count } Konten gefunden.
}
admin-caption = Konten mit ihren Rollen
admin-col-name = Name
admin-role-of = Rolle von { $name }
admin-change = Ändern
admin-change-for = für { $name }
