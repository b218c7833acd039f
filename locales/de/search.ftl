search-title = Suche
search-title-for = Suche nach „{ $q }“
search-label = Suchbegriffe
search-submit = Suchen
search-theme = Thema
search-all-themes = Alle Themen
search-status = Status der Idee
search-all-statuses = Alle
search-kind = Art
search-all-kinds = Alles
search-kind-idea = Ideen
search-kind-learning = Learnings aus Werkstätten
search-kind-comment = Kommentare
search-sort = Sortierung
search-sort-relevance = Beste Treffer zuerst
search-sort-newest = Neueste zuerst
search-empty = Geben Sie ein oder mehrere Wörter ein, um Ideen, Learnings und Kommentare zu finden.
search-too-short = Bitte geben Sie mindestens ein Wort mit { $min } oder mehr Buchstaben ein.
search-tips = Tipps: Groß- und Kleinschreibung spielt keine Rolle, „Familien“ findet auch „Familie“, „Strasse“ auch „Straße“. Ein Sternchen am Wortende sucht nach dem Wortanfang, etwa „Digi*“. Alle Wörter müssen vorkommen.
search-none = Keine Treffer. Versuchen Sie weniger oder andere Wörter, oder lassen Sie einen Filter weg.
search-count = { $count ->
    [one] 1 Treffer
   *[other] { $count } Treffer
} für „{ $q }“
search-learning-of = Learning { $number } aus „{ $workshop }“
search-comment-on = Kommentar zu „{ $title }“
