# Open data: the JSON API (src/api/), its page /api and its error messages
api-title = Open data: the programming interface (API)
api-intro = Everything Mitdenken shows publicly is also available in machine-readable form: themes, ideas with their history and the ministry's response, comments, the Innovationswerkstatt's workshops with their learnings, and the moderation log. You need no account and no key. The interface only reads; it changes nothing.
data-licence-before = The data is published under the licence
data-licence-after = . Please name “Mitdenken – Innovationsbüro Digitales Leben” as the source.
api-endpoints = The addresses
api-ep-themes = The themes with the number of their ideas.
api-ep-ideas = The visible ideas, newest first or sorted as on the theme pages (sort=neueste, unterstuetzung, diskutiert, trend – trend only with theme); narrowed to a theme (theme), a status (status) or ideas since a moment (since: unix seconds, an RFC 3339 instant or a day YYYY-MM-DD).
api-ep-idea = One idea with its text, history, number of supports, the ministry's response and the linked learnings.
api-ep-comments = An idea's visible comments, oldest first.
api-ep-workshops = The workshops of the Innovationswerkstatt.
api-ep-workshop = One workshop with its learnings and the numbers of the linked ideas.
api-ep-transparency = The moderation log as in the transparency report, newest entries first, with the monthly counts.
api-ep-openapi = The description of the interface in the OpenAPI 3.1 format.
api-openapi-link = Download the OpenAPI description (JSON)
api-examples = Examples
api-example-ideas = The ten most supported ideas of the theme “Digitale Ethik”:
api-example-answer = The answer (shortened); “next” leads to the next page and is null on the last one:
api-example-304 = Send the ETag of an answer back and you get “304 Not Modified” while nothing has changed:
api-rules = Rules
api-rule-paging = Lists come in pages (limit, at most 100). Follow the “next” link (also in the Link header) until it is null; entries added meanwhile do not shift the pages.
api-rule-cache = Every answer has an ETag and may be cached for 60 seconds.
api-rule-limit = Each address may make { $count ->
    [one] 1 request
   *[other] { $count } requests
} per minute; beyond that the server answers 429 and says in the Retry-After header how many seconds to wait.
api-rule-errors = Errors come as application/problem+json (RFC 9457) with status, title and an explanation.
api-rule-cors = Any website may read the answers (CORS).
api-rule-privacy = They hold only what the pages show anyone: public display names, never e-mail addresses, never who reported something, never hidden content or posts of blocked accounts.
api-more = More open data
api-more-exports = All data as downloads (CSV and JSON Lines)
api-err-400 = The request does not fit the interface.
api-err-404 = There is no such address in the interface, or the entry is not public.
api-err-405 = The interface only reads: GET, HEAD and OPTIONS are allowed.
api-err-429 = Too many requests from your address. Please wait the seconds given in Retry-After.
api-err-limit = “limit” must be a number from 1 to 100.
api-err-cursor = “cursor” does not come from a “next” link of this list and sort.
api-err-trend = The sort “trend” exists only within a theme (theme), as on the pages.
api-err-sort = “sort” knows the values neueste, unterstuetzung, diskutiert and trend.
api-err-status = “status” is no status a visible idea can have.
api-err-theme = There is no theme with this short name.
api-err-since = “since” must be unix seconds, an RFC 3339 instant or a day YYYY-MM-DD.
api-err-tag = There is no such tag. The tags are listed in the "Tag" filter on /ideen.
