"""Hourly job: retry payments whose first charge attempt failed.

INC-2024-089 follow-up added the idempotency key; the per-attempt SMS is what
produced TKT-4321 ("Received 12 SMS for same payment").
"""
import logging
import time

from app.gateway.client import CardDeclined, GatewayError, gateway
from app.models import Payment
from app.notifications.sender import send_sms

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4


def retry_payment(payment) -> bool:
    key = f"payment-{payment.id}-retry-{payment.retry_batch}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            charge = gateway.charge(payment, idempotency_key=key)
            payment.mark_paid(charge.id)
            return True
        except CardDeclined:
            payment.mark_declined()
            return False
        except GatewayError as exc:
            log.warning("retry %d for payment %s failed: %s", attempt + 1, payment.id, exc)
            send_sms(
                payment.customer.phone,
                f"Your payment of {payment.display_amount} did not go through yet. We will try again.",
            )
            time.sleep(60 * (attempt + 1))
    return False


def run() -> None:
    due = Payment.objects.filter(status="retry_scheduled")
    succeeded = sum(1 for payment in due if retry_payment(payment))
    log.info("retried %d payments, %d succeeded", len(due), succeeded)
