theme-created = The theme has been created.
theme-saved = The theme has been saved.
theme-opened = The theme is now open for new ideas.
theme-closed = The theme is now closed for new ideas.
theme-slug-taken = This short address is already taken.
theme-l-name = Name
theme-l-slug = Short address
theme-l-description = Description
theme-slug-reserved = This short address is reserved for the site itself.
home-title = Ideas for digital life
home-hero-title = Your idea for digital life
home-hero-text = How can digitalisation make life better for families, young and old? Suggest what would help you in everyday life. The Innovationsbüro Digitales Leben takes the ideas with the most support to the Federal Ministry for Family Affairs – and the ministry responds in public.
home-how-link = How it works
home-read-freely = Reading works without an account.
home-register = Register now and take part
home-how-title = How it works
home-how-1-title = Submit an idea
home-how-1 = Describe your idea for one of the themes – in your own words.
home-how-2-title = Discuss and support
home-how-2 = Others comment, add to and support the proposals that convince them.
home-how-3-title = The moderators forward it
home-how-3 = Every month the Innovationsbüro looks at the ideas with the most support and forwards the strongest to the ministry.
home-how-4-title = The ministry responds in public
home-how-4 = The response appears on the idea's page, for everyone to see.
home-answers-title = The ministry's latest responses
home-workshops-title = Coming up at the Innovation workshop
home-workshops-all = All dates and reports of the Innovation workshop
theme-create = Create theme
theme-closed-badge = Closed for new ideas
idea-submit = Submit an idea
theme-closed-notice = This theme is not taking new ideas at the moment. You can still discuss and support.
theme-edit = Edit theme
theme-ideas = Ideas
theme-filter-status = Status
theme-filter-all = All
theme-filter = Filter
theme-save = Save
theme-new = New theme
theme-for = in the theme { $name }
theme-page-empty = There are no more ideas on this page.
theme-no-ideas = There are no ideas here yet.
sort-newest = Newest
sort-supports = Most support
sort-discussed = Most discussed
sort-trend = Trending
theme-sort-label = Sorting of the ideas
theme-trend-count = { $count ->
    [one] 1 idea was
   *[other] { $count } ideas were
} supported in the last 7 days; those with the most supports come first.
theme-count-sorted = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}, sorted by “{ $sort }”.
n-ideas = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}
theme-close = Close for new ideas
theme-open = Open for new ideas
theme-slug-hint = Part of the address, e.g. “digitale-ethik”. Leave empty to derive it from the name.
markdown-hint = You can highlight text: **bold**, *italic*; lists start each line with “-”; an empty line separates paragraphs.
theme-read-more = Read more
theme-l-name-en = Name in English
theme-l-description-en = Description in English
theme-english-hint = For the English pages. Leave empty to show the German text there.
