"""Reconciliation: settles payments left pending or unknown by asking the gateway."""
import logging
import time

from app.gateway.client import GatewayError, gateway
from app.models import Payment
from app.queues import reconciliation_queue

log = logging.getLogger(__name__)

FINAL_STATES = {"succeeded", "failed", "refunded"}


def schedule_reconciliation(payment, delay_seconds: int = 300) -> None:
    payment.status = "unknown"
    payment.save(update_fields=["status"])
    reconciliation_queue.enqueue({"payment_id": payment.id}, delay=delay_seconds)


def reconcile_payment(payment) -> str:
    charge = gateway.find_charge(reference=str(payment.id))
    if charge is None:
        # The gateway has no record of it: nothing was charged.
        payment.status = "failed"
    elif charge.status == "succeeded":
        payment.mark_paid(charge.id)
    else:
        payment.status = charge.status
    payment.save()
    return payment.status


def wait_for_final_state(charge_id: str, interval: float = 2.0, max_polls: int = 30):
    """Poll a charge until it settles; reads only."""
    for _ in range(max_polls):
        try:
            charge = gateway.get_charge(charge_id)
            if charge.status in FINAL_STATES:
                return charge
        except GatewayError as exc:
            log.info("status poll for %s failed: %s", charge_id, exc)
        time.sleep(interval)
    return None


def run() -> None:
    for payment in Payment.objects.filter(status__in=["pending", "unknown"]):
        reconcile_payment(payment)
