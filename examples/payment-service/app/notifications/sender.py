"""Customer notifications: e-mail through the mail API, SMS through Twilio."""
import os

import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt
from twilio.rest import Client

MAIL_API = os.environ.get("MAIL_API", "https://mail.internal/v1/messages")
SMS_SENDER = os.environ.get("SMS_SENDER", "+15550100000")

twilio_client = Client(os.environ.get("TWILIO_SID"), os.environ.get("TWILIO_TOKEN"))


@retry(retry=retry_if_exception_type(requests.ConnectionError), stop=stop_after_attempt(3))
def send_email(to: str, subject: str, body: str, dedup_key: str) -> None:
    # The mail API drops a message whose key it has already accepted, so the retry is safe.
    resp = requests.post(
        MAIL_API,
        json={"to": to, "subject": subject, "text": body},
        headers={"Idempotency-Key": dedup_key},
        timeout=5,
    )
    resp.raise_for_status()


def send_sms(phone: str, body: str) -> str:
    message = twilio_client.messages.create(to=phone, from_=SMS_SENDER, body=body)
    return message.sid


def send_payment_reminder(payment) -> None:
    send_email(
        payment.customer.email,
        subject=f"Payment of {payment.display_amount} due on {payment.due_date:%d %b}",
        body="Your card on file will be charged on the due date.",
        dedup_key=f"reminder-{payment.id}-{payment.due_date:%Y%m%d}",
    )
