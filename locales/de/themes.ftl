theme-created = Das Thema wurde angelegt.
theme-saved = Das Thema wurde gespeichert.
theme-opened = Das Thema ist jetzt offen für neue Ideen.
theme-closed = Das Thema ist jetzt für neue Ideen geschlossen.
theme-slug-taken = Diese Kurzadresse ist schon vergeben.
theme-l-name = Name
theme-l-slug = Kurzadresse
theme-l-description = Beschreibung
theme-slug-reserved = Diese Kurzadresse ist für die Seite selbst reserviert.
home-title = Ideen für das digitale Leben
home-hero-title = Ihre Idee für das digitale Leben
home-hero-text = Wie kann die Digitalisierung das Leben von Familien, Jungen und Alten besser machen? Schlagen Sie vor, was Ihnen im Alltag helfen würde. Das Innovationsbüro Digitales Leben bringt die Ideen mit der meisten Unterstützung ins Bundesfamilienministerium – und das Ministerium antwortet öffentlich.
home-how-link = So funktioniert’s
home-read-freely = Lesen geht auch ohne Konto.
home-register = Jetzt registrieren und mitmachen
home-how-title = So funktioniert’s
home-how-1-title = Idee einreichen
home-how-1 = Sie beschreiben Ihre Idee zu einem der Themen – in Ihren eigenen Worten.
home-how-2-title = Diskutieren und unterstützen
home-how-2 = Andere kommentieren, ergänzen und unterstützen die Vorschläge, die sie überzeugen.
home-how-3-title = Die Moderation leitet weiter
home-how-3 = Das Innovationsbüro prüft jeden Monat die Ideen mit viel Unterstützung und leitet die stärksten an das Ministerium weiter.
home-how-4-title = Das Ministerium antwortet öffentlich
home-how-4 = Die Antwort steht auf der Seite der Idee, für alle sichtbar.
home-answers-title = Neueste Antworten des Ministeriums
home-workshops-title = Nächste Termine der Innovationswerkstatt
home-workshops-all = Alle Termine und Berichte der Innovationswerkstatt
theme-create = Thema anlegen
theme-closed-badge = Für neue Ideen geschlossen
idea-submit = Idee einreichen
theme-closed-notice = Dieses Thema nimmt zurzeit keine neuen Ideen an. Diskutieren und unterstützen können Sie weiterhin.
theme-edit = Thema bearbeiten
theme-ideas = Ideen
theme-filter-status = Status
theme-filter-all = Alle
theme-filter = Filtern
theme-save = Speichern
theme-new = Neues Thema
theme-for = zum Thema { $name }
theme-page-empty = Auf dieser Seite gibt es keine Ideen mehr.
theme-no-ideas = Hier gibt es noch keine Ideen.
sort-newest = Neueste
sort-supports = Meiste Unterstützung
sort-discussed = Meistdiskutiert
sort-trend = Im Trend
theme-sort-label = Sortierung der Ideen
theme-trend-count = { $count ->
    [one] 1 Idee wurde
   *[other] { $count } Ideen wurden
} in den letzten 7 Tagen unterstützt; die mit den meisten Unterstützungen stehen oben.
theme-count-sorted = { $count ->
    [one] 1 Idee
   *[other] { $count } Ideen
}, sortiert nach „{ $sort }“.
n-ideas = { $count ->
    [one] 1 Idee
   *[other] { $count } Ideen
}
theme-close = Für neue Ideen schließen
theme-open = Für neue Ideen öffnen
theme-slug-hint = Teil der Adresse, z. B. „digitale-ethik“. Leer lassen, um sie aus dem Namen zu bilden.
markdown-hint = Sie können Text hervorheben: **fett**, *kursiv*; Listen beginnen jede Zeile mit „-“; eine Leerzeile trennt Absätze.
theme-read-more = Mehr lesen
theme-l-name-en = Name auf Englisch
theme-l-description-en = Beschreibung auf Englisch
theme-english-hint = Für die englischen Seiten. Leer lassen, dann erscheint dort der deutsche Text.
