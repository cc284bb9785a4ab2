# Porthole's words in English. Every file has every key of en.ftl, with the
# same variables; the build checks it (crates/text/build.rs).

## The panel: sent to it as JSON with the page, so each key is its name there.

widget-title = Support
widget-greeting = Hi there! Questions or problems? Open a ticket and we'll get back to you here.
widget-connecting = Connecting…
widget-loading = Loading…
widget-retry = Try again
widget-close = Close support
widget-back = Back to your tickets
widget-new-ticket = New ticket
widget-your-tickets = Your tickets
widget-subject = Subject
widget-description = Description
widget-description-hint = What happened, and what did you expect?
widget-type-label = Type
widget-type-none = Choose a type (optional)
widget-category = Category
widget-category-none = Choose a category (optional)
widget-submit = Send ticket
widget-reply = Reply
widget-reply-placeholder = Write a reply…
widget-send = Send
widget-you = You
widget-support-team = Support
widget-unread = New reply
widget-subject-required = Please give your ticket a subject.
widget-reply-required = Write something first.
widget-too-long = Keep it under { $n } characters.
widget-network-error = We couldn't reach the server. Check your connection and try again.
widget-session-ended = Your support session has ended. Reload the page to sign in again.
widget-closed-note = This ticket is closed. Open a new one if you need more help.
widget-just-now = just now
widget-minutes-ago = { $n } min ago
widget-hours-ago = { $n } h ago
widget-days-ago = { $n } d ago
widget-faq-heading = Before you ask
widget-resolution = Resolution
widget-mark-solved = Mark as solved
widget-more = Show older tickets
widget-err-ticket-closed = This ticket is closed, so it takes no more replies. Open a new ticket if you need more help.
widget-err-rate-limited = You have opened a lot of tickets in the last hour. Please wait a little, or reply to one you already have.
widget-err-not-found = We could not find this ticket.
widget-err-invalid = Something in the form was not accepted. Check it and try again.
widget-err-generic = Something went wrong on our side. Please try again.
widget-email-us = Email us at
# Open, In Progress, Waiting, Resolved, Closed.
widget-statuses =
    .open = Open
    .in-progress = In Progress
    .waiting = Waiting
    .resolved = Resolved
    .closed = Closed
# Support Request, General Inquiry, Bug Report, Feature Request.
widget-types =
    .support-request = Support Request
    .general-inquiry = General Inquiry
    .bug-report = Bug Report
    .feature-request = Feature Request

## The portal and signed-iframe pages, beyond the panel's words.

page-powered-by = Powered by Porthole
# Short month names, January first, for dates on pages.
page-months =
    .jan = Jan
    .feb = Feb
    .mar = Mar
    .apr = Apr
    .may = May
    .jun = Jun
    .jul = Jul
    .aug = Aug
    .sep = Sep
    .oct = Oct
    .nov = Nov
    .dec = Dec
page-landing-intro = How can we help? Open a ticket, or follow one you have already opened.
page-submit-a-ticket = Submit a ticket
page-submit-hint = Tell us what is going on. You will get a reference and a link to follow your ticket.
page-track-a-ticket = Track a ticket
page-track-hint = Each ticket has its own tracking link, shown when you submit it. Keep it or bookmark the page it opens: it is how you follow and answer the ticket.
page-name = Name
page-email = Email
page-submitted-title = Ticket received
page-submitted = Thank you. We have your request. Keep this reference, and the tracking link below: it is how you follow the ticket and read our answer.
page-track = Track ticket
page-submit-another = Submit another
page-status = Status
page-conversation = Conversation
page-no-messages = No messages yet.
page-send-reply = Send reply
page-link-invalid-title = This link has expired
page-link-invalid = Tracking links work for 30 days. If yours has expired, submit a new ticket and mention your reference.
page-not-signed-in-title = Sign in again
page-not-signed-in = Your support session has ended. Reload the page you came from to continue.
page-verify-failed-title = We could not confirm who you are
page-verify-failed = Reload the page you came from. If this keeps happening, sign out and in again, or contact support.
page-rate-limited-title = Please wait a little
# How many minutes to wait.
page-rate-limited =
    { $n ->
        [one] You have sent a lot of tickets in the last hour. Please try again in a minute, or reply to one of the tickets you already have.
       *[other] You have sent a lot of tickets in the last hour. Please try again in { $n } minutes, or reply to one of the tickets you already have.
    }
# A form sent again under its id with other content (its idempotency key).
page-already-sent-title = This form was already sent
page-already-sent = It was sent before with other content. Open a new form to send another request.
page-not-found-title = Not found
page-not-found = There is nothing here. Check the address, or go back to the support site.
page-bad-request-title = Something was wrong with that request
page-forbidden-title = Not allowed
page-forbidden = This page cannot be used from here.
page-error-title = Something went wrong
page-error = Something went wrong on our side. Please try again.
page-fix-below = Please check the fields marked below.
page-required = This field is required.
page-invalid-email = This is not a valid email address.
page-invalid-choice = Choose one of the listed options.
page-invalid-characters = This contains characters we cannot accept.
page-faq-back = Back to the form
# Asking for a fresh tracking link by email (shown only when email is on).
page-fresh-link-hint = Lost your link? Enter your email and the ticket's reference, and we will email you a fresh one.
page-fresh-link-button = Email me a link
page-fresh-link-sent-title = Check your inbox
page-fresh-link-sent = If that reference belongs to a ticket of that address, a fresh tracking link is on its way.
page-reference-label = Reference (like TKT-0042)
page-unsubscribe-title = Stop emails about your tickets?
page-unsubscribe-confirm = Stop these emails
page-unsubscribed = Done: you will get no more emails about your tickets. Confirmations of new tickets you submit still arrive.
# The knowledge base on the portal.
page-kb-title = Help articles
page-kb-search-label = Search the help articles
page-kb-search = Search
page-kb-none = No article matches. You can submit a ticket instead.
page-kb-all = All articles
page-kb-before-writing = Before you write, an answer may already be here:
# Rating a resolved ticket.
page-rate-title = How did we do?
page-rate-hint = Rate the answer from 1 (poor) to 5 (excellent).
page-rate-comment = Anything to add? (optional)
page-rate-send = Send rating
page-attach = Attach files (optional)
page-attach-hint = Up to 3 files of 10 MB each: images (JPEG, PNG, GIF, WebP), PDF, text, CSV, Word or Excel.
page-attach-too-many = Attach at most 3 files.
page-attach-refused = “{ $n }” cannot be attached.
page-attach-uploading = Uploading…
page-attach-remove = Remove
page-attach-wait = You have sent many files just now. Try again in a few minutes.
page-attachments = Attached files
page-rated = Thank you for your rating.

## Emails. { $who } stands for a person or address, { $brand } for the company.

mail-received = We have received your request and will get back to you soon.
mail-reference = Your reference
mail-follow = Follow your ticket
mail-link-valid = This link is valid for 30 days.
mail-replied = { $who } replied to your request:
mail-team-replied = Our team replied to your request:
mail-reply-in-widget = Reply in the support panel
mail-reply-by-email = You can also reply to this email.
mail-resolved = Your request has been marked as resolved.
mail-files-attached = Files are attached to this reply: open the ticket to download them.
mail-reopen-hint = If anything is still not right, reply and we will pick it up again.
# The same, for an email that takes no replies: the ticket's page does.
mail-reopen-on-page = If anything is still not right, reply on the ticket's page and we will pick it up again.
mail-fresh-link = Here is a fresh link to your ticket.
mail-team-new-ticket = New ticket from { $who }:
mail-team-customer-reply = { $who } replied:
# To admins, when a ticket waited too long unassigned or unanswered.
mail-team-escalated = This ticket from { $who } has waited too long for an agent:
mail-why = You are receiving this because you contacted { $brand } support.
mail-unsubscribe = Stop emails like this
mail-rate-button = Rate the answer
mail-rate-link-valid = This link is valid for 7 days.

## The launcher's accessible name, and with unread replies.

open-support = Open support
open-support-unread = Open support, { $n } unread

## The agents' console: its app and its sign-in, invitation and security pages.

console-title = Console
console-loading-console = Loading the console…
console-needs-js = The console needs JavaScript. Your tickets are also at the agent API and the porthole CLI.
console-not-built-title = Console not built
console-not-built = The console is not built. Run scripts/build-widget.sh.
console-nav = Console
console-inbox = Inbox
console-reports = Reports
console-articles = Articles
console-settings = Settings
console-profile-link = Your name and picture
console-availability = Whether new tickets are assigned to you in turn
console-available = Available
console-away = Away
console-security = Security
console-sign-out = Sign out
# What a role is called; the API's names are admin and agent.
console-roles =
    .admin = Admin
    .agent = Agent
console-statuses =
    .open = Open
    .in-progress = In progress
    .waiting = Waiting
    .resolved = Resolved
    .closed = Closed
console-priorities =
    .low = Low
    .medium = Medium
    .high = High
    .urgent = Urgent
console-channels =
    .widget = Widget
    .portal = Portal
    .embed = Signed iframe
    .email = Email
console-authors =
    .user = Customer
    .agent = Agent
# Seconds, minutes, hours and days after a number, as in "3 h 5 min".
console-units =
    .second = s
    .minute = min
    .hour = h
    .day = d

# Why a call to the server failed.
console-unreachable = Porthole could not be reached. Try again.
console-server-answered = The server answered { $n }.
console-unreadable-answer = The server's answer could not be read.
console-unwritable-request = The request could not be written.
console-unreadable-file = The file could not be read.

# The inbox.
console-loading = Loading…
console-ticket-count =
    { $n ->
        [one] { $n } ticket
       *[other] { $n } tickets
    }
# More than the count stops at.
console-ticket-count-capped = { $n }+ tickets
console-views = Views
console-folders =
    .mine = Mine
    .unassigned = Unassigned
    .all = All
    .open = Open
    .waiting = Waiting
    .urgent = Urgent
    .resolved = Resolved
console-search-label = Search subjects, messages and notes
console-search = Search
console-upset-first = Most upset first (sentiment, by the VADER word list)
console-col-subject = Subject
console-col-customer = Customer
console-col-mood = Mood
console-col-status = Status
console-col-priority = Priority
console-col-assignee = Assignee
console-col-updated = Updated
console-load-more = Load more
console-keys-hint = Keys: j and k move, Enter opens, / searches.
# How a customer sounded, from VADER's compound score.
console-moods =
    .very-negative = very negative
    .negative = negative
    .positive = positive
console-vader-score = VADER compound score { $score }
console-category = Category
console-priority-label = Priority
console-any = Any

# A ticket's page.
console-back-to-inbox = ← Inbox
console-saved = Saved.
console-write-first = Write something or attach a file first.
console-note-added = Note added.
console-reply-sent = Reply sent.
console-is-writing = { $name } is writing a reply…
console-is-viewing = { $name } is viewing this ticket.
console-via = via { $channel } · opened { $time }
console-reply = Reply
console-markdown-hint = Markdown: **bold**, _italic_, [a link](https://…), lists. A line break stays a line break.
console-attach = Attach files (images, PDF, text, CSV, Word, Excel; 10 MB each, up to 5)
console-attached-files = Attached files
console-remove = Remove
console-remove-named = Remove { $name }
console-internal-note = Internal note (the customer never sees it)
console-internal-mark = internal note
console-then-status = Then set the status to
console-leave-it = (leave it)
console-send = Send
console-ctrl-enter = Ctrl+Enter sends.
console-preview = Preview
console-preview-label = Preview: how it will read
console-ticket-details = Ticket details
console-not-delivered = Emails not delivered
console-copied = Copied
console-copy-someone = Copy someone
console-add = Add
console-rating = Rating
console-score = { $n } / 5
console-ticket = Ticket
console-status-label = Status
console-none = (none)
console-assignee = Assignee:
console-nobody = nobody
console-assign-to-me = Assign to me
console-unassign = Unassign
console-resolution-label = Resolution (the customer sees it once resolved)
console-save-resolution = Save resolution
console-customer = Customer
console-plan = Plan: { $plan }
console-value = Value: { $value }
console-their-other-tickets = Their other tickets

# The settings.
console-settings-saved = Saved. The widget shows it on its next open.
console-appearance = Appearance
console-widget-title = Widget title
console-greeting = Greeting on an empty ticket list
console-brand-name = Brand name on the pages
console-brand-colour = Brand colour
console-launcher = Launcher
console-bottom-right = Bottom right
console-bottom-left = Bottom left
console-launcher-preview = Preview of the launcher on a page
console-launcher-caption = The panel's header and the launcher, in your colour
console-save-appearance = Save appearance
console-forms = New-ticket forms
console-categories-label = Categories, separated by commas
console-faqs-label = FAQs, one a line: question | answer (at most five)
console-save-forms = Save forms
console-faq-needs-bar = “{ $line }” needs a | between question and answer.
console-faq-at-most = At most five FAQs.
console-cap-whole = The cap is a whole number.
console-minutes-whole = Minutes are a whole number.
console-routing = Routing and email
console-auto-assign = Give new tickets to available agents in turn
console-cap-label = …but not to an agent holding this many open tickets (blank: no cap)
console-escalate-label = Email the admins about a ticket unassigned or unanswered after this many minutes (blank: never)
console-notify-label = Team address for new tickets and replies
console-host-label = Page of your site where the widget lives
console-auto-response = Answer emails that open a ticket with a link to the widget
console-save-routing = Save routing
console-origins-saved = Saved. Sessions from a removed origin have ended.
console-origins = Allowed origins
console-origins-label = Sites that may embed the widget, one a line (https://app.example.com)
console-save-origins = Save origins
console-rotated = Rotated. Put the new secret in your backend now: it is shown once.
console-identity-secret = Identity secret
console-secret-made = Made { $time }
console-previous-verifies = the previous one verifies until { $time }
console-grace-label = Hours the old secret keeps working
console-rotate = Rotate the secret
console-new-secret = New secret:
console-invited-emailed = Invited { $email }; the link is in their inbox.
console-invited-link = Invited { $email }. Email is off: give them this link, valid 7 days: { $url }
console-team = Team
# On a button that gives someone the other role.
console-make-role = Make { $role }
console-invited-mark = invited
console-away-mark = away
console-invite-label = Invite by email
console-invite-name = Their name (customers see it)
console-role-label = Role
console-role-agent-option = Agent: works tickets and articles
console-role-admin-option = Admin: also settings, origins, the secret and the team
console-invite = Invite
console-embed = Embed
# { $head } is the code <head>.
console-embed-hint = Paste into your site's { $head }, then call init with each user's signed email (see the README).

# Email, in the settings.
console-inbound-made = Made. Give it to your mail provider now: it is shown once, and the one before it no longer works.
console-email = Email
console-sending-on = Sending: on, from { $from }.
console-sending-off = Sending: off. Start the server with --smtp-url and --mail-from to send replies, confirmations and invitations by email.
console-replies-on = Replies by email: on. Customers can answer any email to continue the ticket.
console-replies-off = Replies by email: off (the server's --inbound-address turns them on).
# { $url } is where the mail provider posts.
console-inbound-set = Tickets by email: have your mail provider post raw messages to { $url } with the workspace's inbound secret.
console-inbound-unset = Tickets by email: have your mail provider post raw messages to { $url } with an inbound secret; none is made yet, so nothing is taken in.
console-make-inbound = Make a new inbound secret
console-inbound-secret = Inbound secret:
console-undelivered = Not delivered
console-given-up = given up at { $time }
console-tried-again = tried again at { $time }
console-attempts-count =
    { $n ->
        [one] { $n } attempt
       *[other] { $n } attempts
    }
# An email that did not go: what it was, what the SMTP server said, how often it was tried, and what happens next.
console-undelivered-line = ({ $about }): { $reason } after { $attempts }; { $fate }

# Webhooks, in the settings.
console-webhook-added-secret = Added { $url }. Its signing secret, shown once: { $secret }
console-webhook-added = Added { $url }.
console-webhooks = Webhooks
console-every-event = every event
console-turned-off = turned off: { $reason }
console-deliveries = Deliveries
console-latest-deliveries = Latest deliveries
console-event = Event
console-attempts = Attempts
console-state = State
console-delivered = delivered
console-failed = failed: { $error }
console-retrying = retrying (last answer { $status })
console-waiting = waiting
console-send-again = Send again
console-add-endpoint = Add an endpoint
console-kind = Kind
console-kind-standard = Signed JSON (Standard Webhooks)
console-kind-slack = Slack incoming webhook

# API keys, in the settings.
console-key-made = Key for { $name } ({ $role }), shown once: { $key }
console-api-keys = API keys
console-never = never
console-last-used = last used { $time }
console-revoked = revoked { $time }
console-revoke = Revoke
console-revoke-named = Revoke the key of { $name }
console-new-key-for = New key for
console-make-key = Make key

# Reports.
console-period = Period
console-last-days = Last { $n } days
console-download-csv = Download CSV
console-first-response = First response
console-median = Median
console-p90 = 90th percentile
console-answered =
    { $n ->
        [one] { $n } ticket answered
       *[other] { $n } tickets answered
    }
console-resolution = Resolution
console-resolutions =
    { $n ->
        [one] { $n } resolution
       *[other] { $n } resolutions
    }
console-satisfaction = Satisfaction
console-average = Average
console-ratings =
    { $n ->
        [one] { $n } rating
       *[other] { $n } ratings
    }
console-deflection = Deflection
console-rate = Rate
console-deflection-detail = Article reads: { $reads } · with no ticket after: { $served } · tickets opened: { $opened }
console-day-bar = { $date }: opened { $opened }, resolved { $resolved }
console-chart-opened = opened
console-chart-resolved = resolved, each day
console-numbers = The numbers
console-day = Day
console-opened = Opened
console-resolved = Resolved

# The knowledge base.
console-article-published = “{ $title }” published.
console-article-draft = “{ $title }” saved as a draft.
console-knowledge-base = Knowledge base
console-published-mark = published
console-draft-mark = draft
console-views-count =
    { $n ->
        [one] { $n } view
       *[other] { $n } views
    }
console-open = Open
console-edit = Edit
console-delete = Delete
console-edit-article = Edit the article
console-new-article = New article
console-article-title = Title
console-article-text = Text (Markdown: **bold**, lists, [links](https://…))
console-published = Published
console-save-article = Save article

# The agent's profile.
console-your-profile = Your profile
console-profile-hint = Customers see your name and picture beside your replies.
console-name-saved = Saved. Your next replies carry this name.
console-name = Name
console-shown-to-customers = Shown to customers
console-save-name = Save name
console-picture-changed = Your picture is changed.
console-picture-removed = Your picture is removed.
console-picture = Picture
console-your-picture = Your picture
console-remove-picture = Remove picture
console-no-picture = No picture yet: customers see your name alone.
console-choose-picture = Choose a picture (JPEG, PNG, GIF or WebP, at most 1 MB)
console-language = Language of the console
console-language-browser = Your browser's

# Signing in.
console-sign-in-title = Sign in
console-sign-in-heading = Sign in to the console
console-workspace = Workspace
console-password = Password
console-code-label = Code from your authenticator app (if you turned it on)
console-sign-in = Sign in
console-new-to-team = New to the team? Open the invitation link an admin gave you, by email or otherwise, to set your password.
console-too-many-attempts = Too many sign-in attempts from here. Wait ten minutes and try again.
console-refused = Those details do not match an agent. Check the workspace, email, password and, if you turned it on, the code from your authenticator app. After five failed attempts, sign-in to an account pauses for 15 minutes.
console-code-used = That code was used already. Wait for the next one.

# Joining by an invitation.
console-invitation-gone-title = Invitation not found
console-invitation-gone-heading = This invitation cannot be used
console-invitation-gone = It was used already, has expired (invitations last 7 days), or was replaced by a newer one. Ask an admin of your workspace to invite you again.
console-join-title = Join the team
console-join-heading = Join { $workspace } on Porthole
# { $email } is shown in bold.
console-invited-as = You were invited as { $email } ({ $role }). Choose a password to sign in with.
console-new-password = Password (at least { $n } characters)
console-password-again = The same password again
console-set-password = Set password and sign in
console-password-too-short = Choose another password: use at least { $n } characters; a few words make a good password.
console-password-too-long = Choose another password: use at most { $n } characters.
console-password-is-email = Choose another password: it cannot be your email address.
console-passwords-differ = The two passwords are not the same.

# Two-step sign-in.
console-back-to-console = ← Back to the console
console-two-step = Two-step sign-in
console-two-step-on = On: signing in asks for a code from your authenticator app.
console-code-to-turn-off = A current code, to turn it off
console-turn-off = Turn off
console-two-step-off = Off. Add this key to an authenticator app (1Password, Google Authenticator, Aegis…), then enter the code it shows.
console-key = Key:
console-or-open = Or open:
console-code-from-app = Code from the app
console-turn-on = Turn on
console-sessions = Sessions
console-sign-out-everywhere = Sign out everywhere
console-code-mismatch-on = That code does not match the key. Check the app's clock and try the next code.
console-code-mismatch-off = That code does not match. It stays on.
