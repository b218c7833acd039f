ws-created = Die Werkstatt ist angelegt.
ws-deleted = Die Werkstatt wurde gelöscht.
ws-saved = Die Werkstatt wurde gespeichert.
ws-saved-promoted = Die Werkstatt wurde gespeichert. { $count ->
        [one] 1 Person ist
       *[other] { $count } Personen sind
    } von der Warteliste nachgerückt.
ws-learning-created = Das Learning ist gespeichert.
ws-learning-saved = Das Learning wurde geändert.
ws-learning-deleted = Das Learning wurde gelöscht; die folgenden Learnings sind eine Nummer nach vorn gerückt.
ws-linked = Learning und Idee sind jetzt verknüpft.
ws-unlinked = Die Verknüpfung von Learning und Idee wurde gelöst.
ws-choose-learning = Bitte wählen Sie ein Learning aus der Liste.
ws-registered = Sie sind angemeldet. Wir freuen uns auf Sie!
ws-registered-waiting-place = Alle Plätze sind vergeben. Sie stehen auf der Warteliste auf Platz { $place } und rücken automatisch nach, sobald jemand absagt.
ws-registered-already = Sie sind für diese Werkstatt bereits angemeldet oder stehen auf der Warteliste.
ws-cancelled = Ihre Anmeldung ist storniert. Danke, dass Sie den Platz freigeben!
ws-nothing-to-cancel = Sie waren für diese Werkstatt nicht angemeldet.
ws-cancel-too-late = Die Werkstatt hat bereits begonnen; eine Absage ist hier nicht mehr möglich.
ws-registration-started = Die Anmeldung ist geschlossen, weil die Werkstatt bereits begonnen hat.
ws-registration-closed = Die Anmeldung für diese Werkstatt ist zurzeit geschlossen.
ws-time-nonexistent = Diese Uhrzeit gibt es an diesem Tag nicht: Die Uhren springen bei der Umstellung auf Sommerzeit von 02:00 auf 03:00 Uhr. Bitte wählen Sie eine andere Uhrzeit.
ws-time-ambiguous = Diese Uhrzeit gibt es an diesem Tag zweimal: Die Uhren werden bei der Umstellung auf Winterzeit von 03:00 auf 02:00 Uhr zurückgestellt. Bitte wählen Sie eine Uhrzeit vor 02:00 oder ab 03:00 Uhr.
ws-end-before-start = Das Ende muss nach dem Beginn liegen (am selben Tag).
ws-format-missing = Bitte wählen Sie, ob die Werkstatt digital oder vor Ort stattfindet.
ws-theme-unknown = Dieses Thema gibt es nicht (mehr). Bitte wählen Sie ein anderes.
ws-format-digital = Digital
ws-format-onsite = Vor Ort
ws-l-title = Titel
ws-l-date = Datum
ws-l-start = Beginn
ws-l-end = Ende
ws-l-format = Format
ws-l-location = Ort oder Link zur Teilnahme
ws-l-description = Beschreibung
ws-l-agenda = Programm
ws-l-seats = Plätze
ws-l-theme = Passendes Thema
ws-l-report = Bericht nach der Werkstatt
ws-l-learning-title = Kurzer Titel
ws-l-learning-body = Text des Learnings
ws-l-registration-open = Anmeldung geöffnet
ws-csv-name = Name
ws-csv-email = E-Mail-Adresse
ws-csv-registered-on = Angemeldet am
ws-csv-promoted-on = Nachgerückt am
ws-status-confirmed = Bestätigt
ws-status-waiting = Warteliste
ws-status-cancelled = Abgemeldet
ws-intro = Die Innovationswerkstatt ist ein vierteljährlich stattfindendes Format des Innovationsbüros. Sie bietet Gelegenheit zum Austausch mit Interessierten aus zivilgesellschaftlichen Organisationen, dem Bundesministerium für Familie, Senioren, Frauen und Jugend, dem Innovationsbüro und Bürgerinnen und Bürgern zu den gesellschaftspolitischen Fragen der Digitalisierung. Was wir dort lernen, halten wir als „Learnings“ fest: nummerierte Erkenntnisse der Werkstatt, die wir mit den Ideen auf Mitdenken verknüpfen.
ws-weekday = { $day ->
        [monday] Montag
        [tuesday] Dienstag
        [wednesday] Mittwoch
        [thursday] Donnerstag
        [friday] Freitag
        [saturday] Samstag
       *[sunday] Sonntag
    }
ws-when = { $weekday }, { $start } bis { $end } Uhr
ws-clock = { $time } Uhr
ws-german-time = (deutsche Zeit)
ws-seats-taken = { $confirmed } von { $seats ->
        [one] 1 Platz
       *[other] { $seats } Plätzen
    } vergeben
ws-waiting-count = { $count } auf der Warteliste
ws-n-learnings = { $count ->
        [one] 1 Learning
       *[other] { $count } Learnings
    }
ws-learning-label = Learning { $number }: { $title }
ws-mine = Meine Anmeldungen
ws-create = Werkstatt anlegen
ws-upcoming = Demnächst
ws-none-planned = Zurzeit ist keine Werkstatt geplant. Schauen Sie bald wieder vorbei!
ws-list-open = Anmeldung offen.
ws-list-waiting-open = Anmeldung auf die Warteliste möglich.
ws-list-running = Läuft gerade.
ws-list-closed = Anmeldung geschlossen.
ws-past = Vergangene Werkstätten
ws-past-none = Noch keine.
ws-registration = Anmeldung
ws-took-place = Diese Werkstatt hat bereits stattgefunden.
ws-you-were-registered = Sie waren angemeldet.
ws-registration-privacy = Angemeldete Personen stehen mit Anzeigenamen und E-Mail-Adresse in der Teilnehmendenliste, die nur das Innovationsbüro sieht.
ws-promoted = Sie sind nachgerückt:
ws-promoted-since = Seit { $time } haben Sie einen festen Platz.
ws-you-are-registered = Sie sind angemeldet.
ws-seat-safe = Ihr Platz ist sicher.
ws-cancel-participation = Teilnahme absagen
ws-on-waiting-list = Sie stehen auf der Warteliste, Platz { $place }.
ws-waiting-explainer = Sobald jemand absagt, rücken Sie automatisch nach und sehen es hier.
ws-leave-waiting-list = Von der Warteliste abmelden
ws-login-link = Melden Sie sich mit Ihrem Konto an
ws-login-to-join = { $login }, um an der Werkstatt teilzunehmen.
ws-seats-free = Noch { $count ->
        [one] 1 Platz
       *[other] { $count } Plätze
    } frei. Die Anmeldung schließt zu Beginn der Werkstatt.
ws-register-button = Zur Werkstatt anmelden
ws-full-explainer = Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen: Wer absagt, macht den Platz für die nächste Person auf der Liste frei.
ws-join-waiting-list = Auf die Warteliste setzen
ws-learning-ideas = Ideen zu diesem Learning
ws-learning-no-ideas = Noch ist keine Idee mit diesem Learning verknüpft.
ws-unlink = Verknüpfung lösen
ws-submit-idea = Idee zu diesem Learning einreichen
ws-learning-number = (Learning { $number })
ws-learning-edit = Learning bearbeiten
ws-learning-delete = Learning löschen
ws-search-idea = Idee zum Verknüpfen suchen (Titel)
ws-search-button = Suchen
ws-search-none = Keine Idee mit „{ $query }“ im Titel gefunden.
ws-search-found = Gefundene Ideen zu „{ $query }“:
ws-already-linked = bereits verknüpft
ws-link-button = Verknüpfen
ws-link-with = mit „{ $title }“
ws-when-label = Wann
ws-place = Ort
ws-participation = Teilnahme
ws-link-not-yet = Der Link zur Teilnahme steht noch nicht fest.
ws-link-for-registered = Den Link zur Teilnahme sehen angemeldete Teilnehmende hier.
ws-add-to-calendar = In den Kalender übernehmen (.ics)
ws-edit = Werkstatt bearbeiten
ws-participants-count = Teilnehmende ({ $count })
ws-learning-add = Learning hinzufügen
ws-delete = Werkstatt löschen
ws-agenda-caption = Programm der Werkstatt
ws-col-time = Uhrzeit
ws-col-item = Programmpunkt
ws-col-with = Mit
ws-no-time = ohne Uhrzeit
ws-report = Bericht
ws-learnings-heading = Die Learnings aus der Werkstatt
ws-ics-details = Anmeldung und Details:
ws-new = Neue Werkstatt
ws-hint-title = Zum Beispiel „Wie können Daten den Alltag von Familien erleichtern?“
ws-hint-date = TT.MM.JJJJ, zum Beispiel 09.12.2026. Alle Zeiten in deutscher Zeit (Berlin).
ws-hint-start = HH:MM, zum Beispiel 17:00.
ws-hint-end = HH:MM, am selben Tag.
ws-hint-location = Vor Ort: Adresse oder Raum. Digital: der Link (https://…); nur bestätigte Teilnehmende sehen ihn. Darf leer bleiben, bis er feststeht.
ws-hint-description = Worum geht es, für wen ist die Werkstatt gedacht? Sie können Text hervorheben: **fett**, *kursiv*; Listen beginnen jede Zeile mit „-“.
ws-hint-agenda = Eine Zeile pro Programmpunkt: Uhrzeit | Programmpunkt | Person oder Organisation, zum Beispiel „17:10 | Wie sammelt man Daten? | Holger Dieterich, Sozialhelden e.V.“. Uhrzeit und Person dürfen fehlen („| Arbeitsphase“).
ws-hint-seats = Wie viele Personen einen festen Platz bekommen (1 bis { $max }). Wer danach kommt, steht auf der Warteliste.
ws-hint-registration = Die Anmeldung schließt automatisch, wenn die Werkstatt beginnt.
ws-hint-theme = Ideen, die aus einem Learning dieser Werkstatt entstehen, werden diesem Thema vorgeschlagen.
ws-no-theme = Kein bestimmtes Thema
ws-hint-report = Nach der Werkstatt: Was ist passiert, wer hat was vorgestellt? Sie können Text hervorheben: **fett**, *kursiv*; Listen beginnen jede Zeile mit „-“. Die Learnings legen Sie danach auf der Seite der Werkstatt einzeln an.
ws-delete-question = Möchten Sie die Werkstatt „{ $title }“ wirklich löschen? Mit ihr verschwinden { $registrations ->
        [one] 1 Anmeldung
       *[other] { $registrations } Anmeldungen
    }, { $learnings ->
        [one] 1 Learning
       *[other] { $learnings } Learnings
    } und deren Verknüpfungen mit Ideen. Die Ideen selbst bleiben. Das lässt sich nicht rückgängig machen.
ws-delete-yes = Ja, Werkstatt löschen
ws-back-to-workshop = Nein, zurück zur Werkstatt
ws-participants-title = Teilnehmende: { $title }
ws-download-csv = Liste als Tabelle herunterladen (CSV-Datei, öffnet sich in Excel)
ws-nobody-registered = Noch hat sich niemand angemeldet.
ws-participants-caption = Angemeldete Personen, zuerst die bestätigten, dann die Warteliste
ws-mine-none = Sie sind für keine Werkstatt angemeldet.
ws-to-workshops = Zu den Werkstätten
ws-past-marker = vorbei
ws-mine-promoted = Sie sind nachgerückt
ws-mine-promoted-rest = (am { $time }) und haben einen festen Platz.
ws-mine-confirmed = Angemeldet
ws-mine-confirmed-rest = , Ihr Platz ist sicher.
ws-mine-waiting = Warteliste, Platz { $place }
ws-mine-registered-on = – angemeldet am { $time }.
ws-learning-edit-n = Learning { $number } bearbeiten
ws-learning-new = Neues Learning
ws-learning-form-intro = Das Learning bekommt die nächste freie Nummer. Danach können Sie es auf der Seite der Werkstatt mit Ideen verknüpfen.
ws-hint-learning-title = Worum es geht, in wenigen Worten.
ws-hint-learning-body = So, wie es in der Werkstatt festgehalten wurde. Absätze durch eine Leerzeile.
ws-learning-save = Learning speichern
ws-learning-delete-question = Möchten Sie „{ $learning }“ aus der Werkstatt „{ $workshop }“ wirklich löschen? Seine Verknüpfungen mit Ideen werden gelöst; die folgenden Learnings rücken eine Nummer nach vorn.
ws-learning-delete-yes = Ja, Learning löschen
ws-from-workshops = Aus der Innovationswerkstatt
ws-idea-no-learnings = Diese Idee ist noch mit keinem Learning verknüpft.
ws-from-workshop = Aus der Werkstatt { $workshop } vom { $date }
ws-no-more-learnings = Es gibt kein weiteres Learning zum Verknüpfen.
ws-link-learning = Learning verknüpfen
ws-idea-will-link = Ihre Idee wird mit „{ $learning }“ aus der Werkstatt „{ $workshop }“ verknüpft.
ws-agenda-line-error = Zeile { $line }: { $message }
err-ws-title-missing = Bitte geben Sie der Werkstatt einen Titel.
err-ws-title-long = Der Titel darf höchstens 150 Zeichen lang sein.
err-ws-desc-missing = Bitte beschreiben Sie die Werkstatt.
err-ws-desc-long = Die Beschreibung darf höchstens 20.000 Zeichen lang sein.
err-ws-learning-title-missing = Bitte geben Sie dem Learning einen kurzen Titel.
err-ws-learning-title-short = Der Titel muss mindestens 3 Zeichen lang sein.
err-ws-learning-body-missing = Bitte schreiben Sie den Text des Learnings.
err-ws-text-short = Der Text muss mindestens 10 Zeichen lang sein.
err-ws-text-long = Der Text darf höchstens 5.000 Zeichen lang sein.
err-ws-text-control = Der Text enthält unzulässige Steuerzeichen.
err-ws-report-long = Der Bericht darf höchstens 50.000 Zeichen lang sein.
err-ws-report-control = Der Bericht enthält unzulässige Steuerzeichen.
err-ws-location-control = Die Angabe enthält unzulässige Steuerzeichen.
err-ws-link-invalid = Bitte geben Sie den Link zur Teilnahme vollständig an, beginnend mit https://, oder lassen Sie das Feld leer, bis er feststeht.
err-ws-link-long = Der Link darf höchstens 500 Zeichen lang sein.
err-ws-place-missing = Bitte geben Sie an, wo die Werkstatt stattfindet.
err-ws-place-short = Der Ort muss mindestens 3 Zeichen lang sein.
err-ws-place-long = Der Ort darf höchstens 300 Zeichen lang sein.
err-ws-seats-missing = Bitte geben Sie an, wie viele Plätze es gibt.
err-ws-seats-invalid = Bitte geben Sie eine ganze Zahl von 1 bis 10.000 an.
err-ws-date-format = Bitte geben Sie das Datum als TT.MM.JJJJ an, zum Beispiel 09.12.2026.
err-ws-date-missing = Bitte geben Sie ein Datum an.
err-ws-year-range = Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.
err-ws-month-invalid = Diesen Monat gibt es nicht.
err-ws-date-invalid = Dieses Datum gibt es nicht.
err-ws-time-format = Bitte geben Sie die Uhrzeit als HH:MM an, zum Beispiel 17:00.
err-ws-time-missing = Bitte geben Sie eine Uhrzeit an.
err-ws-time-invalid = Diese Uhrzeit gibt es nicht (00:00 bis 23:59).
err-ws-agenda-separator = Bitte trennen Sie Uhrzeit und Programmpunkt mit „|“, zum Beispiel „17:00 | Begrüßung“.
err-ws-agenda-parts = Zu viele „|“. Eine Zeile hat höchstens drei Teile: Uhrzeit | Programmpunkt | Person oder Organisation.
err-ws-agenda-not-time = „{ $time }“ ist keine Uhrzeit. { $reason }
err-ws-agenda-item-missing = Der Programmpunkt fehlt.
err-ws-agenda-too-long = Programmpunkt und Person dürfen je höchstens 300 Zeichen lang sein.
err-ws-agenda-control = Die Zeile enthält unzulässige Steuerzeichen.
err-ws-agenda-rows = Das Programm darf höchstens { $max } Zeilen haben.
ws-learnings-toc = Inhalt: die Learnings
ws-learnings-explained = „Learnings“ sind die nummerierten Erkenntnisse einer Innovationswerkstatt; wir verknüpfen sie mit den Ideen auf Mitdenken.
