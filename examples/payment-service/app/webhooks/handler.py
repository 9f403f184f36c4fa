"""Gateway webhook endpoint: applies charge.* events to local payments.

The gateway retries a webhook until it gets a 2xx, so every effect here is keyed
on the event id.
"""
import hashlib
import hmac
import json
import logging

from app.models import Payment, ProcessedEvent
from app.notifications.sender import send_email

log = logging.getLogger(__name__)


def verify_signature(payload: bytes, signature: str, secret: str) -> bool:
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def handle(payload: bytes, signature: str, secret: str) -> int:
    if not verify_signature(payload, signature, secret):
        return 400
    event = json.loads(payload)
    if ProcessedEvent.objects.filter(event_id=event["id"]).exists():
        return 200

    charge = event["data"]["object"]
    payment = Payment.objects.get(pk=int(charge["reference"]))
    if event["type"] == "charge.succeeded":
        payment.mark_paid(charge["id"])
        send_email(
            payment.customer.email,
            subject="Payment received",
            body=f"We received {payment.display_amount}. Thank you!",
            dedup_key=f"receipt-{charge['id']}",
        )
    elif event["type"] == "charge.failed":
        # The gateway's own final verdict, not a guess from a lost response.
        payment.status = "failed"
        payment.failure_code = charge.get("failure_code")
        payment.save()

    for refund in charge.get("refunds", {}).get("data", []):
        payment.apply_refund(refund["id"], refund["amount"])

    ProcessedEvent.objects.get_or_create(event_id=event["id"])
    log.info("processed %s for payment %s", event["type"], payment.id)
    return 200
