search-title = Search
search-title-for = Search for “{ $q }”
search-label = Search terms
search-submit = Search
search-theme = Theme
search-all-themes = All themes
search-status = Status of the idea
search-all-statuses = All
search-kind = Kind
search-all-kinds = Everything
search-kind-idea = Ideas
search-kind-learning = Workshop learnings
search-kind-comment = Comments
search-sort = Order
search-sort-relevance = Best matches first
search-sort-newest = Newest first
search-empty = Enter one or more words to find ideas, learnings and comments.
search-too-short = Please enter at least one word of { $min } or more letters.
search-tips = Tips: upper and lower case do not matter, German word forms are matched (“Familien” also finds “Familie”, “Strasse” also “Straße”). An asterisk at the end of a word searches for words starting with it, e.g. “Digi*”. All words must occur.
search-none = No results. Try fewer or other words, or leave out a filter.
search-count = { $count ->
    [one] 1 result
   *[other] { $count } results
} for “{ $q }”
search-learning-of = Learning { $number } from “{ $workshop }”
search-comment-on = Comment on “{ $title }”
