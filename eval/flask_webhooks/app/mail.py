import smtplib
from email.message import EmailMessage

SMTP_HOST = "smtp.internal"


def send_email(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = "hub@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)
