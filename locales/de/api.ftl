# Offene Daten: die JSON-API (src/api/), ihre Seite /api und ihre Fehlermeldungen
api-title = Offene Daten: die Programmierschnittstelle (API)
api-intro = Alles, was Mitdenken öffentlich zeigt, können Sie auch maschinenlesbar abrufen: Themen, Ideen mit ihrem Verlauf und der Antwort des Ministeriums, Kommentare, die Workshops der Innovationswerkstatt mit ihren Erkenntnissen und das Moderationsprotokoll. Sie brauchen kein Konto und keinen Schlüssel. Die Schnittstelle liest nur; sie ändert nichts.
data-licence-before = Die Daten stehen unter der Lizenz
data-licence-after = . Bitte nennen Sie „Mitdenken – Innovationsbüro Digitales Leben“ als Quelle.
api-endpoints = Die Adressen
api-ep-themes = Die Themen mit der Zahl ihrer Ideen.
api-ep-ideas = Die sichtbaren Ideen, neueste zuerst oder sortiert wie auf den Themenseiten (sort=neueste, unterstuetzung, diskutiert, trend – trend nur mit theme); eingeschränkt auf ein Thema (theme), einen Status (status) oder Ideen seit einem Zeitpunkt (since: Unix-Sekunden, RFC-3339-Zeitpunkt oder Tag JJJJ-MM-TT).
api-ep-idea = Eine Idee mit Text, Verlauf, Zahl der Unterstützungen, der Antwort des Ministeriums und den verknüpften Erkenntnissen.
api-ep-comments = Die sichtbaren Kommentare einer Idee, älteste zuerst.
api-ep-workshops = Die Workshops der Innovationswerkstatt.
api-ep-workshop = Ein Workshop mit seinen Erkenntnissen und den Nummern der verknüpften Ideen.
api-ep-transparency = Das Moderationsprotokoll wie im Transparenzbericht, neueste Einträge zuerst, mit den Monatszahlen.
api-ep-openapi = Die Beschreibung der Schnittstelle im Format OpenAPI 3.1.
api-openapi-link = OpenAPI-Beschreibung (JSON) herunterladen
api-examples = Beispiele
api-example-ideas = Die zehn Ideen mit der meisten Unterstützung im Thema „Digitale Ethik“:
api-example-answer = Die Antwort (gekürzt); „next“ führt zur nächsten Seite und ist auf der letzten Seite null:
api-example-304 = Wer die ETag-Kennung einer Antwort mitschickt, bekommt „304 Not Modified“, solange sich nichts geändert hat:
api-rules = Regeln
api-rule-paging = Listen kommen in Seiten (limit, höchstens 100). Folgen Sie dem Link „next“ (auch im Link-Header), bis er null ist; neu hinzukommende Einträge verschieben die Seiten nicht.
api-rule-cache = Jede Antwort hat eine ETag-Kennung und darf 60 Sekunden zwischengespeichert werden.
api-rule-limit = Je Adresse { $count ->
    [one] ist 1 Abruf
   *[other] sind { $count } Abrufe
} pro Minute möglich; darüber antwortet der Server mit 429 und sagt im Header Retry-After, wie viele Sekunden Sie warten sollen.
api-rule-errors = Fehler kommen als application/problem+json (RFC 9457) mit Status, Titel und einer Erklärung.
api-rule-cors = Die Antworten dürfen von jeder Website aus gelesen werden (CORS).
api-rule-privacy = Sie enthalten nur, was die Seiten allen zeigen: öffentliche Anzeigenamen, nie E-Mail-Adressen, nie wer etwas gemeldet hat, nie ausgeblendete Inhalte oder Beiträge gesperrter Konten.
api-more = Mehr offene Daten
api-more-exports = Alle Daten als Download (CSV und JSON Lines)
api-err-400 = Die Anfrage passt nicht zur Schnittstelle.
api-err-404 = Diese Adresse gibt es in der Schnittstelle nicht, oder der Eintrag ist nicht öffentlich.
api-err-405 = Die Schnittstelle liest nur: erlaubt sind GET, HEAD und OPTIONS.
api-err-429 = Zu viele Abrufe von Ihrer Adresse. Bitte warten Sie die Sekunden aus Retry-After ab.
api-err-limit = „limit“ muss eine Zahl von 1 bis 100 sein.
api-err-cursor = „cursor“ stammt nicht aus einem „next“-Link dieser Liste und Sortierung.
api-err-trend = Die Sortierung „trend“ gibt es wie auf den Seiten nur innerhalb eines Themas (theme).
api-err-sort = „sort“ kennt die Werte neueste, unterstuetzung, diskutiert und trend.
api-err-status = „status“ ist kein Status, den sichtbare Ideen haben können.
api-err-theme = Ein Thema mit diesem Kurznamen gibt es nicht.
api-err-since = „since“ muss Unix-Sekunden, ein Zeitpunkt nach RFC 3339 oder ein Tag JJJJ-MM-TT sein.
api-err-tag = Dieses Schlagwort gibt es nicht. Die Schlagwörter stehen unter /ideen im Filter „Schlagwort“.
