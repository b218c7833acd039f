acc-welcome = Willkommen bei Mitdenken! Ihr Konto ist angelegt und Sie sind angemeldet.
acc-logged-in = Sie sind angemeldet.
acc-name-changed = Ihr Anzeigename wurde geändert.
acc-password-changed = Ihr Passwort wurde geändert.
acc-role-changed = Die Rolle wurde geändert.
acc-last-admin = Die letzte Administratorin oder der letzte Administrator kann die Rolle nicht abgeben. Ernennen Sie zuerst eine weitere Person.
acc-email-taken = Für diese E-Mail-Adresse gibt es bereits ein Konto. Möchten Sie sich anmelden?
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
mine-notices = Neuigkeiten zu Ihren Ideen
mine-no-notices = Noch keine Neuigkeiten.
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
