"""aiosmtpd's Mailbox handler, but refusing recipients whose address starts with `bounce`
with a permanent `550`, as a real server refuses a mailbox that does not exist."""

from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
