"""Customer and vendor messages (Twilio SMS, SES e-mail)."""
import boto3
from twilio.rest import Client

from .config import SMS_SENDER

_twilio = Client()
_ses = boto3.client("ses", region_name="eu-west-1")


def send_sms(phone: str, body: str) -> str:
    message = _twilio.messages.create(to=phone, from_=SMS_SENDER, body=body)
    return message.sid


def send_email(to: str, subject: str, body: str) -> None:
    _ses.send_email(
        Source="billing@example.com",
        Destination={"ToAddresses": [to]},
        Message={"Subject": {"Data": subject}, "Body": {"Text": {"Data": body}}},
    )


def render_statement(mandate, lines) -> str:
    rows = "\n".join(f"{line.date:%Y-%m-%d}  {line.amount_cents / 100:>10.2f}  {line.memo}" for line in lines)
    return f"Statement for mandate {mandate.reference}\n\n{rows}\n"
