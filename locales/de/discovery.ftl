# Alle Ideen (/ideen), Schlagwörter, ähnliche Ideen beim Schreiben.
all-ideas-title = Alle Ideen
all-ideas-intro = Alle Ideen aus allen Themen an einem Ort. Filtern Sie nach Thema, Stand oder Schlagwort.
all-ideas-none = Zu dieser Auswahl gibt es keine Ideen.
list-filter-theme = Thema
list-filter-tag = Schlagwort
list-filter-all-tags = Alle Schlagwörter
tags-label = Schlagwörter
tags-title = Schlagwörter: { $theme }
tags-intro = Autorinnen und Autoren wählen beim Einreichen bis zu drei Schlagwörter ihres Themas. Ein gelöschtes Schlagwort verschwindet von allen Ideen.
tags-none = Dieses Thema hat noch keine Schlagwörter.
tags-manage = Schlagwörter verwalten
tags-l-name = Neues Schlagwort
tags-add = Hinzufügen
tags-delete = Löschen
tags-delete-named = { $name } löschen
tag-added = Das Schlagwort wurde hinzugefügt.
tag-deleted = Das Schlagwort wurde gelöscht.
tag-taken = Dieses Thema hat das Schlagwort schon.
err-tag-missing = Bitte geben Sie ein Schlagwort ein.
err-tag-short = Ein Schlagwort hat mindestens 2 Zeichen.
err-tag-long = Ein Schlagwort hat höchstens 40 Zeichen.
err-tag-control = Das Schlagwort enthält unerlaubte Steuerzeichen.
idea-tags-legend = Schlagwörter (bis zu drei)
idea-tags-hint = Nur die Schlagwörter des gewählten Themas werden gespeichert.
idea-tags-too-many = Bitte wählen Sie höchstens drei Schlagwörter.
idea-tags-of-theme = { $theme }
idea-retag = Schlagwörter ändern
idea-retag-save = Schlagwörter speichern
idea-retagged = Die Schlagwörter wurden gespeichert.
similar-check = Ähnliche Ideen prüfen
similar-title = Gibt es Ihre Idee schon?
similar-intro = Diese Ideen klingen ähnlich. Vielleicht möchten Sie eine davon unterstützen oder kommentieren, statt eine neue einzureichen.
similar-none = Wir haben keine ähnlichen Ideen gefunden.
similar-preview = Vorschau Ihres Textes
similar-short = Geben Sie einen Titel ein, dann suchen wir nach ähnlichen Ideen.
similar-live-found = { $count ->
    [one] Eine ähnliche Idee gefunden.
   *[other] { $count } ähnliche Ideen gefunden.
}
