"""Outbound channels."""
import os

import boto3
from twilio.rest import Client

twilio = Client(os.environ.get("TWILIO_SID"), os.environ.get("TWILIO_TOKEN"))
sns = boto3.client("sns")
SENDER = os.environ.get("SMS_FROM", "+15550100000")


def send_sms(phone: str, body: str) -> str:
    return twilio.messages.create(to=phone, from_=SENDER, body=body).sid


def send_email(to: str, subject: str, body: str, *, dedup_key: str | None = None) -> None:
    headers = {"X-Dedup-Key": dedup_key} if dedup_key else {}
    _smtp_send(to, subject, body, headers)


def _smtp_send(to, subject, body, headers):
    import smtplib
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["To"], msg["From"], msg["Subject"] = to, "billing@example.com", subject
    for name, value in headers.items():
        msg[name] = value
    msg.set_content(body)
    with smtplib.SMTP(os.environ.get("SMTP_HOST", "localhost")) as smtp:
        smtp.send_message(msg)


def notify_payment_failed(customer, invoice) -> None:
    send_email(customer.email, "Payment failed", f"We could not collect invoice {invoice.number}.")
