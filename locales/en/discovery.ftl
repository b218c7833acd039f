# All ideas (/ideen), tags, similar ideas while writing.
all-ideas-title = All ideas
all-ideas-intro = Every idea from every theme in one place. Filter by theme, stage or tag.
all-ideas-none = There are no ideas for this selection.
list-filter-theme = Theme
list-filter-tag = Tag
list-filter-all-tags = All tags
tags-label = Tags
tags-title = Tags: { $theme }
tags-intro = Authors pick up to three of their theme's tags when submitting. A deleted tag disappears from every idea.
tags-none = This theme has no tags yet.
tags-manage = Manage tags
tags-l-name = New tag
tags-add = Add
tags-delete = Delete
tags-delete-named = Delete { $name }
tag-added = The tag was added.
tag-deleted = The tag was deleted.
tag-taken = This theme already has that tag.
err-tag-missing = Please enter a tag.
err-tag-short = A tag has at least 2 characters.
err-tag-long = A tag has at most 40 characters.
err-tag-control = The tag contains control characters.
idea-tags-legend = Tags (up to three)
idea-tags-hint = Only the tags of the chosen theme are saved.
idea-tags-too-many = Please choose at most three tags.
idea-tags-of-theme = { $theme }
idea-retag = Change tags
idea-retag-save = Save tags
idea-retagged = The tags were saved.
similar-check = Check for similar ideas
similar-title = Does your idea exist already?
similar-intro = These ideas sound similar. Perhaps you would like to support or comment on one of them instead of submitting a new one.
similar-none = We found no similar ideas.
similar-preview = Preview of your text
similar-short = Enter a title and we will look for similar ideas.
similar-live-found = { $count ->
    [one] One similar idea found.
   *[other] { $count } similar ideas found.
}
