ws-created = The workshop has been created.
ws-deleted = The workshop has been deleted.
ws-saved = The workshop has been saved.
ws-saved-promoted = The workshop has been saved. { $count ->
        [one] 1 person has
       *[other] { $count } people have
    } moved up from the waiting list.
ws-learning-created = The learning has been saved.
ws-learning-saved = The learning has been changed.
ws-learning-deleted = The learning has been deleted; the learnings after it have moved up one number.
ws-linked = The learning and the idea are now linked.
ws-unlinked = The learning and the idea are no longer linked.
ws-choose-learning = Please choose a learning from the list.
ws-registered = You are registered. We look forward to seeing you!
ws-registered-waiting-place = All seats are taken. You are number { $place } on the waiting list and will move up automatically as soon as someone cancels.
ws-registered-already = You are already registered for this workshop or on its waiting list.
ws-cancelled = Your registration has been cancelled. Thank you for freeing up your seat!
ws-nothing-to-cancel = You were not registered for this workshop.
ws-cancel-too-late = The workshop has already begun; you can no longer cancel here.
ws-registration-started = Registration is closed because the workshop has already begun.
ws-registration-closed = Registration for this workshop is currently closed.
ws-time-nonexistent = This time does not exist on this day: when summer time begins, the clocks jump from 02:00 to 03:00. Please choose another time.
ws-time-ambiguous = This time occurs twice on this day: when summer time ends, the clocks go back from 03:00 to 02:00. Please choose a time before 02:00 or from 03:00.
ws-end-before-start = The end must be after the start (on the same day).
ws-format-missing = Please choose whether the workshop takes place online or on site.
ws-theme-unknown = This theme does not exist (any more). Please choose another one.
ws-format-digital = Online
ws-format-onsite = On site
ws-l-title = Title
ws-l-date = Date
ws-l-start = Start
ws-l-end = End
ws-l-format = Format
ws-l-location = Place or link to join
ws-l-description = Description
ws-l-agenda = Programme
ws-l-seats = Seats
ws-l-theme = Related theme
ws-l-report = Report after the workshop
ws-l-learning-title = Short title
ws-l-learning-body = Text of the learning
ws-l-registration-open = Registration open
ws-csv-name = Name
ws-csv-email = E-mail address
ws-csv-registered-on = Registered on
ws-csv-promoted-on = Moved up on
ws-status-confirmed = Confirmed
ws-status-waiting = Waiting list
ws-status-cancelled = Cancelled
ws-intro = The Innovation workshop is a quarterly format of the Innovationsbüro. It brings together people from civil society organisations, the Federal Ministry for Family Affairs, Senior Citizens, Women and Youth, the Innovationsbüro and citizens to discuss the social and political questions of digitalisation. What we learn there we record as “learnings”: numbered insights from the workshop, which we link to the ideas on Mitdenken.
ws-weekday = { $day ->
        [monday] Monday
        [tuesday] Tuesday
        [wednesday] Wednesday
        [thursday] Thursday
        [friday] Friday
        [saturday] Saturday
       *[sunday] Sunday
    }
ws-when = { $weekday }, { $start } to { $end }
ws-clock = { $time }
ws-german-time = (German time)
ws-seats-taken = { $confirmed } of { $seats ->
        [one] 1 seat
       *[other] { $seats } seats
    } taken
ws-waiting-count = { $count } on the waiting list
ws-n-learnings = { $count ->
        [one] 1 learning
       *[other] { $count } learnings
    }
ws-learning-label = Learning { $number }: { $title }
ws-mine = My registrations
ws-create = Create workshop
ws-upcoming = Coming up
ws-none-planned = No workshop is planned at the moment. Check back soon!
ws-list-open = Registration open.
ws-list-waiting-open = Registration for the waiting list possible.
ws-list-running = Happening now.
ws-list-closed = Registration closed.
ws-past = Past workshops
ws-past-none = None yet.
ws-registration = Registration
ws-took-place = This workshop has already taken place.
ws-you-were-registered = You were registered.
ws-registration-privacy = Registered people appear with their display name and e-mail address in the list of participants, which only the Innovationsbüro can see.
ws-promoted = You have moved up:
ws-promoted-since = You have had a confirmed seat since { $time }.
ws-you-are-registered = You are registered.
ws-seat-safe = Your seat is reserved.
ws-cancel-participation = Cancel my registration
ws-on-waiting-list = You are on the waiting list, number { $place }.
ws-waiting-explainer = As soon as someone cancels, you move up automatically and will see it here.
ws-leave-waiting-list = Leave the waiting list
ws-login-link = Log in with your account
ws-login-to-join = { $login } to take part in the workshop.
ws-seats-free = { $count ->
        [one] 1 seat
       *[other] { $count } seats
    } left. Registration closes when the workshop begins.
ws-register-button = Register for the workshop
ws-full-explainer = All seats are taken. You can put yourself on the waiting list: whoever cancels frees their seat for the next person on the list.
ws-join-waiting-list = Join the waiting list
ws-learning-ideas = Ideas on this learning
ws-learning-no-ideas = No idea has been linked to this learning yet.
ws-unlink = Unlink
ws-submit-idea = Submit an idea on this learning
ws-learning-number = (learning { $number })
ws-learning-edit = Edit learning
ws-learning-delete = Delete learning
ws-search-idea = Search for an idea to link (title)
ws-search-button = Search
ws-search-none = No idea found with “{ $query }” in its title.
ws-search-found = Ideas found for “{ $query }”:
ws-already-linked = already linked
ws-link-button = Link
ws-link-with = with “{ $title }”
ws-when-label = When
ws-place = Place
ws-participation = Taking part
ws-link-not-yet = The link to join has not been set yet.
ws-link-for-registered = Registered participants see the link to join here.
ws-add-to-calendar = Add to calendar (.ics)
ws-edit = Edit workshop
ws-participants-count = Participants ({ $count })
ws-learning-add = Add learning
ws-delete = Delete workshop
ws-agenda-caption = Programme of the workshop
ws-col-time = Time
ws-col-item = Item
ws-col-with = With
ws-no-time = no time
ws-report = Report
ws-learnings-heading = The learnings from the workshop
ws-ics-details = Registration and details:
ws-new = New workshop
ws-hint-title = For example “How can data make everyday family life easier?”
ws-hint-date = DD.MM.YYYY, for example 09.12.2026. All times in German time (Berlin).
ws-hint-start = HH:MM, for example 17:00.
ws-hint-end = HH:MM, on the same day.
ws-hint-location = On site: address or room. Online: the link (https://…); only confirmed participants see it. May stay empty until it is known.
ws-hint-description = What is it about, and who is the workshop for? You can emphasise text: **bold**, *italic*; start each line of a list with “-”.
ws-hint-agenda = One line per item: time | item | person or organisation, for example “17:10 | How do you collect data? | Holger Dieterich, Sozialhelden e.V.”. Time and person may be left out (“| Group work”).
ws-hint-seats = How many people get a confirmed seat (1 to { $max }). Anyone after that goes on the waiting list.
ws-hint-registration = Registration closes automatically when the workshop begins.
ws-hint-theme = Ideas that arise from a learning of this workshop are suggested for this theme.
ws-no-theme = No particular theme
ws-hint-report = After the workshop: what happened, who presented what? You can emphasise text: **bold**, *italic*; start each line of a list with “-”. You then add the learnings one by one on the workshop's page.
ws-delete-question = Do you really want to delete the workshop “{ $title }”? This also removes { $registrations ->
        [one] 1 registration
       *[other] { $registrations } registrations
    }, { $learnings ->
        [one] 1 learning
       *[other] { $learnings } learnings
    } and their links to ideas. The ideas themselves remain. This cannot be undone.
ws-delete-yes = Yes, delete the workshop
ws-back-to-workshop = No, back to the workshop
ws-participants-title = Participants: { $title }
ws-download-csv = Download the list as a spreadsheet (CSV file, opens in Excel)
ws-nobody-registered = Nobody has registered yet.
ws-participants-caption = Registered people, confirmed ones first, then the waiting list
ws-mine-none = You are not registered for any workshop.
ws-to-workshops = Go to the workshops
ws-past-marker = over
ws-mine-promoted = You have moved up
ws-mine-promoted-rest = (on { $time }) and have a confirmed seat.
ws-mine-confirmed = Registered
ws-mine-confirmed-rest = , your seat is reserved.
ws-mine-waiting = Waiting list, number { $place }
ws-mine-registered-on = – registered on { $time }.
ws-learning-edit-n = Edit learning { $number }
ws-learning-new = New learning
ws-learning-form-intro = The learning gets the next free number. You can then link it to ideas on the workshop's page.
ws-hint-learning-title = What it is about, in a few words.
ws-hint-learning-body = As it was recorded in the workshop. Separate paragraphs with a blank line.
ws-learning-save = Save learning
ws-learning-delete-question = Do you really want to delete “{ $learning }” from the workshop “{ $workshop }”? Its links to ideas will be removed; the learnings after it move up one number.
ws-learning-delete-yes = Yes, delete the learning
ws-from-workshops = From the Innovation workshop
ws-idea-no-learnings = This idea is not linked to any learning yet.
ws-from-workshop = From the workshop { $workshop } on { $date }
ws-no-more-learnings = There is no other learning to link.
ws-link-learning = Link a learning
ws-idea-will-link = Your idea will be linked to “{ $learning }” from the workshop “{ $workshop }”.
ws-agenda-line-error = Line { $line }: { $message }
err-ws-title-missing = Please give the workshop a title.
err-ws-title-long = The title may be at most 150 characters long.
err-ws-desc-missing = Please describe the workshop.
err-ws-desc-long = The description may be at most 20,000 characters long.
err-ws-learning-title-missing = Please give the learning a short title.
err-ws-learning-title-short = The title must be at least 3 characters long.
err-ws-learning-body-missing = Please write the text of the learning.
err-ws-text-short = The text must be at least 10 characters long.
err-ws-text-long = The text may be at most 5,000 characters long.
err-ws-text-control = The text contains control characters that are not allowed.
err-ws-report-long = The report may be at most 50,000 characters long.
err-ws-report-control = The report contains control characters that are not allowed.
err-ws-location-control = The entry contains control characters that are not allowed.
err-ws-link-invalid = Please enter the full link to join, starting with https://, or leave the field empty until it is known.
err-ws-link-long = The link may be at most 500 characters long.
err-ws-place-missing = Please say where the workshop takes place.
err-ws-place-short = The place must be at least 3 characters long.
err-ws-place-long = The place may be at most 300 characters long.
err-ws-seats-missing = Please say how many seats there are.
err-ws-seats-invalid = Please enter a whole number from 1 to 10,000.
err-ws-date-format = Please enter the date as DD.MM.YYYY, for example 09.12.2026.
err-ws-date-missing = Please enter a date.
err-ws-year-range = Please enter a year between 2000 and 2100.
err-ws-month-invalid = This month does not exist.
err-ws-date-invalid = This date does not exist.
err-ws-time-format = Please enter the time as HH:MM, for example 17:00.
err-ws-time-missing = Please enter a time.
err-ws-time-invalid = This time does not exist (00:00 to 23:59).
err-ws-agenda-separator = Please separate time and item with “|”, for example “17:00 | Welcome”.
err-ws-agenda-parts = Too many “|”. A line has at most three parts: time | item | person or organisation.
err-ws-agenda-not-time = “{ $time }” is not a time. { $reason }
err-ws-agenda-item-missing = The item is missing.
err-ws-agenda-too-long = Item and person may each be at most 300 characters long.
err-ws-agenda-control = The line contains control characters that are not allowed.
err-ws-agenda-rows = The programme may have at most { $max } lines.
ws-learnings-toc = Contents: the learnings
ws-learnings-explained = “Learnings” are the numbered insights of an Innovation workshop; we link them to the ideas on Mitdenken.
