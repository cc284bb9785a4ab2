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
widget-statuses =
    .open = Open
    .in-progress = In Progress
    .waiting = Waiting
    .resolved = Resolved
    .closed = Closed
widget-types =
    .support-request = Support Request
    .general-inquiry = General Inquiry
    .bug-report = Bug Report
    .feature-request = Feature Request

## The portal and signed-iframe pages, beyond the panel's words.

page-powered-by = Powered by Porthole
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
page-rate-limited =
    { $n ->
        [one] You have sent a lot of tickets in the last hour. Please try again in a minute, or reply to one of the tickets you already have.
       *[other] You have sent a lot of tickets in the last hour. Please try again in { $n } minutes, or reply to one of the tickets you already have.
    }
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
page-fresh-link-hint = Lost your link? Enter your email and the ticket's reference, and we will email you a fresh one.
page-fresh-link-button = Email me a link
page-fresh-link-sent-title = Check your inbox
page-fresh-link-sent = If that reference belongs to a ticket of that address, a fresh tracking link is on its way.
page-reference-label = Reference (like TKT-0042)
page-unsubscribe-title = Stop emails about your tickets?
page-unsubscribe-confirm = Stop these emails
page-unsubscribed = Done: you will get no more emails about your tickets. Confirmations of new tickets you submit still arrive.
page-kb-title = Help articles
page-kb-search-label = Search the help articles
page-kb-search = Search
page-kb-none = No article matches. You can submit a ticket instead.
page-kb-all = All articles
page-kb-before-writing = Before you write, an answer may already be here:
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
mail-reopen-on-page = If anything is still not right, reply on the ticket's page and we will pick it up again.
mail-fresh-link = Here is a fresh link to your ticket.
mail-team-new-ticket = New ticket from { $who }:
mail-team-customer-reply = { $who } replied:
mail-team-escalated = This ticket from { $who } has waited too long for an agent:
mail-why = You are receiving this because you contacted { $brand } support.
mail-unsubscribe = Stop emails like this
mail-rate-button = Rate the answer
mail-rate-link-valid = This link is valid for 7 days.

## The launcher's accessible name, and with unread replies.

open-support = Open support
open-support-unread = Open support, { $n } unread
