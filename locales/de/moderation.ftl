mod-hidden = Der Beitrag ist ausgeblendet; der Grund steht öffentlich an seiner Stelle und im Transparenzbericht.
mod-unhidden = Der Beitrag ist wieder sichtbar.
mod-dismissed = Die Meldungen wurden als unbegründet geschlossen.
mod-blocked = Die Person ist gesperrt; ihre Beiträge sind ausgeblendet.
mod-unblocked = Die Sperre ist aufgehoben; die Beiträge der Person sind wieder sichtbar.
mod-merged = Die Ideen wurden zusammengeführt. Die Unterstützungen zählen jetzt hier.
mod-merge-target-missing = Bitte geben Sie die Nummer einer bestehenden Idee an, mit der zusammengeführt werden soll.
mod-merge-target-invalid = Mit dieser Idee kann nicht zusammengeführt werden (dieselbe, zurückgezogene oder selbst zusammengeführte Idee).
mod-reason-missing = Bitte wählen Sie einen Grund.
mod-note-missing = Bitte geben Sie eine öffentliche Begründung an.
mod-note-long = Die Begründung darf höchstens 1.000 Zeichen lang sein.
mod-details-long = Die Erläuterung darf höchstens 2.000 Zeichen lang sein.
mod-reported = Danke für Ihre Meldung. Die Moderation sieht sie sich an.
mod-already-reported = Sie haben diesen Beitrag bereits gemeldet; die Moderation hat Ihre Meldung.
mod-auto-hidden-reason = Vorläufig ausgeblendet, weil mehrere Personen den Beitrag gemeldet haben. Die Moderation entscheidet.
mod-auto-hidden-notice = Ein Beitrag von Ihnen wurde nach mehreren Meldungen vorläufig ausgeblendet, bis die Moderation entscheidet.
mod-l-reason = Grund
mod-l-details = Erläuterung
action-hide = Ausgeblendet
action-unhide = Wieder eingeblendet
action-auto_hide = Vorläufig ausgeblendet (nach Meldungen)
action-dismiss = Meldungen geschlossen
action-block = Person gesperrt
action-unblock = Sperre aufgehoben
action-merge = Zusammengeführt
action-verify_org = Organisation verifiziert
action-unverify_org = Verifizierung zurückgenommen
action-role_change = Rolle geändert
action-two_factor_reset = Zwei-Faktor-Anmeldung zurückgesetzt
action-account_deleted = Konto auf Wunsch gelöscht
action-status = Status: { $status }
actor-system = Automatisch
item-idea = Idee #{ $id }
item-comment = Kommentar #{ $id }
item-user = Profil #{ $id }
item-organisation = Organisation #{ $id }
item-idea-titled = Idee „{ $title }“
item-idea-hidden = eine ausgeblendete Idee
item-comment-on = Kommentar zu „{ $title }“
item-comment-on-hidden = Kommentar zu einer ausgeblendeten Idee
item-organisation-named = Organisation „{ $name }“
mod-hide = Ausblenden
mod-l-public-note = Öffentliche Begründung
mod-intro = Alle Entscheidungen erscheinen mit Begründung im Transparenzbericht – ohne den ausgeblendeten Inhalt und ohne die meldenden Personen:
mod-reported-items = Gemeldete Beiträge ({ $count })
mod-no-reports = Keine offenen Meldungen.
mod-report-idea = Idee: { $title }
mod-report-comment = Kommentar von { $name }
mod-currently-hidden = Zurzeit ausgeblendet
mod-open-reports = { $count ->
    [one] 1 offene Meldung seit
   *[other] { $count } offene Meldungen seit
}
mod-reasons = Gründe:
mod-dismiss = Meldungen schließen (unbegründet)
mod-curation = Ideen zur Kuratierung
mod-curation-sort = Sortierung der Ideen zur Kuratierung
mod-sort-oldest = Älteste zuerst
mod-sort-theme = Nach Thema
mod-curation-caption = Ideen, die auf eine Entscheidung der Moderation warten
col-idea = Idee
col-theme = Thema
col-status = Status
col-supports = Unterstützungen
col-submitted = Eingereicht
col-month = Monat
col-action = Entscheidung
col-reason = Grund
col-count = Anzahl
col-time = Zeit
col-note = Begründung
col-by = Von
col-item = Betrifft
mod-blocked-people = Gesperrte Personen
mod-nobody-blocked = Niemand ist gesperrt.
mod-unblock = Sperre aufheben
mod-report-title = Beitrag melden
mod-report-intro = Ihre Meldung sieht nur die Moderation. Ihr Name wird nirgends veröffentlicht.
mod-details-hint = Was ist an dem Beitrag problematisch? Höchstens 2.000 Zeichen.
mod-report-send = Meldung senden
transparency-intro = Hier steht jede Entscheidung der Moderation und des Ministeriums: wann, was und mit welcher Begründung. Ausgeblendete Inhalte und die Namen meldender Personen stehen hier nie.
transparency-monthly = Entscheidungen je Monat
transparency-empty = Noch keine Einträge.
transparency-monthly-caption = Anzahl der Entscheidungen je Monat, Art und Grund
transparency-all = Alle Entscheidungen
transparency-log-caption = Protokoll der Entscheidungen, neueste zuerst
notice-status = Ihre Idee „{ $title }“ hat einen neuen Status: { $status }.
notice-idea-hidden = Ihre Idee „{ $title }“ wurde von der Moderation ausgeblendet. Grund: { $reason }
notice-comment-hidden = Ihr Kommentar wurde von der Moderation ausgeblendet. Grund: { $reason }
notice-merged = Ihre Idee „{ $title }“ wurde mit der Idee „{ $target }“ zusammengeführt; ihre Unterstützungen zählen jetzt dort.
mod-show-again = Wieder einblenden
status-note-missing = Bitte geben Sie eine öffentliche Begründung an.
status-answer-missing = Bitte schreiben Sie die öffentliche Antwort des Ministeriums.
status-note-long = Die Begründung darf höchstens 5.000 Zeichen lang sein.
status-changed-meanwhile = Der Status wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den neuen Stand.
status-changed = Der Status wurde geändert und im Verlauf vermerkt.
mod-spike-title = Auffällig viele Meldungen von neuen Konten
mod-spike = { $count ->
        [one] 1 Meldung
       *[other] { $count } Meldungen
    } von Konten jünger als { $hours } h in der letzten Stunde
mod-spike-item = { $count ->
        [one] 1 Meldung
       *[other] { $count } Meldungen
    } von neuen Konten
mod-spike-hint = Meldungen von so jungen Konten blenden nichts vorläufig aus. Sie stehen mit allen anderen unten bei den gemeldeten Beiträgen.
mod-note5000-long = Die Notiz darf höchstens 5.000 Zeichen lang sein. Bitte kürzen Sie sie.
mod-note-control = Die Notiz enthält unzulässige Steuerzeichen.
status-missing = Bitte wählen Sie zuerst den neuen Status aus; es wurde nichts geändert.
status-forwarded-one-step = Die Idee ist an das Ministerium weitergeleitet. Der Verlauf zeigt beide Schritte: „In Prüfung“ und „Weitergeleitet“.
forward-title = In einem Schritt weiterleiten
forward-intro = Die Idee geht direkt an das Ministerium; der Verlauf zeigt jeden Schritt einzeln: { $steps }.
forward-note-hint = Erscheint öffentlich im Verlauf der Idee und ist erforderlich.
forward-button = An das Ministerium weiterleiten
internal-note-l = Interne Notiz für das Ministerium (nicht öffentlich)
internal-note-hint = Nur die Moderation, das Ministerium und die Administration sehen diese Notiz. Sie erscheint nie auf öffentlichen Seiten, in Feeds, in der Schnittstelle oder in Downloads.
internal-note-label = Interne Notiz (nicht öffentlich)
mod-orgs-waiting = { $count ->
    [0] Keine Organisation wartet auf Bestätigung
    [one] 1 Organisation wartet auf Bestätigung
   *[other] { $count } Organisationen warten auf Bestätigung
}
mod-no-orgs-waiting = Alle angemeldeten Organisationen sind bestätigt.
mod-org-created = angelegt am
mod-org-verify = Prüfen und bestätigen
