"""A real SMTP server for the notifier's tests (aiosmtpd, https://aiosmtpd.aio-libs.org).

    python3 smtp_sink.py PORT FOLDER

Listens on 127.0.0.1:PORT, writes each message it receives to FOLDER as NNNN.json (the
envelope, the headers the tests read, the text/plain and text/html parts decoded) and
NNNN.eml (the message as received), prints "ready" once it accepts connections, and stops
when its standard input closes, so it never outlives the test that started it.
"""

import email
import email.policy
import json
import os
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = {}
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            parts.setdefault(part.get_content_type(), part.get_content())
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "content_type": message.get_content_type(),
            "text": parts.get("text/plain"),
            "html": parts.get("text/html"),
        }
        with self.lock:
            self.count += 1
            stem = os.path.join(self.folder, "%04d" % self.count)
        with open(stem + ".eml", "wb") as raw:
            raw.write(envelope.content)
        # Written aside, then renamed: a reader never sees half a file.
        with open(stem + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(stem + ".tmp", stem + ".json")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
