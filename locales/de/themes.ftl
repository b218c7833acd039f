theme-created = Das Thema wurde angelegt.
theme-saved = Das Thema wurde gespeichert.
theme-opened = Das Thema ist jetzt offen für neue Ideen.
theme-closed = Das Thema ist jetzt für neue Ideen geschlossen.
theme-slug-taken = Diese Kurzadresse ist schon vergeben.
theme-l-name = Name
theme-l-slug = Kurzadresse
theme-l-description = Beschreibung
theme-slug-reserved = Diese Kurzadresse ist für die Seite selbst reserviert.
home-title = Mitdenken: Ideen für das digitale Leben
home-intro-1 = Wie kann die Digitalisierung das Leben von Familien, Jungen und Alten besser machen? Auf Mitdenken reichen Bürgerinnen, Bürger und Organisationen ihre Ideen ein, diskutieren sie und unterstützen die Vorschläge, die sie überzeugen.
home-intro-2 = Das Innovationsbüro Digitales Leben moderiert die Plattform und bringt die Ideen mit den meisten Stimmen und den besten Argumenten ins Bundesministerium für Familie, Senioren, Frauen und Jugend. Das Ministerium antwortet öffentlich.
home-register = Jetzt registrieren
home-register-rest =  und mitmachen – Lesen geht auch ohne Konto.
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
markdown-hint = Markdown ist erlaubt: **fett**, *kursiv*, Listen mit „-“, Links.
