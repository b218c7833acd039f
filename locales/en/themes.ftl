theme-created = The theme has been created.
theme-saved = The theme has been saved.
theme-opened = The theme is now open for new ideas.
theme-closed = The theme is now closed for new ideas.
theme-slug-taken = This short address is already taken.
theme-l-name = Name
theme-l-slug = Short address
theme-l-description = Description
theme-slug-reserved = This short address is reserved for the site itself.
home-title = Mitdenken: ideas for digital life
home-intro-1 = How can digitalisation make life better for families, young and old? On Mitdenken, citizens and organisations submit their ideas, discuss them and support the proposals that convince them.
home-intro-2 = The Innovationsbüro Digitales Leben moderates the platform and brings the ideas with the most support and the best arguments to the Federal Ministry for Family Affairs, Senior Citizens, Women and Youth. The ministry answers in public.
home-register = Register now
home-register-rest =  and take part – reading works without an account.
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
markdown-hint = Markdown is allowed: **bold**, *italic*, lists with “-”, links.
