"""Synchronous checkout used by the web API."""
import logging

import requests

from app.gateway.client import CardDeclined, gateway
from app.reconciliation.reconcile import schedule_reconciliation

log = logging.getLogger(__name__)


class CheckoutError(Exception):
    pass


def pay_order(order) -> str:
    key = f"order-{order.id}-checkout"
    try:
        charge = gateway.charge(order.payment, idempotency_key=key)
    except CardDeclined as exc:
        order.status = "declined"
        order.save()
        raise CheckoutError(f"card declined: {exc}") from exc
    except requests.exceptions.Timeout as exc:
        log.warning("gateway timed out charging order %s", order.id)
        order.mark_failed()
        raise CheckoutError("payment did not complete, please try again") from exc
    order.mark_paid(charge.id)
    return charge.id


def pay_deposit(booking) -> str:
    """Same call, but a timeout is treated as unknown and handed to reconciliation."""
    key = f"booking-{booking.id}-deposit"
    try:
        charge = gateway.charge(booking.deposit_payment, idempotency_key=key)
    except CardDeclined:
        booking.deposit_status = "failed"
        booking.save()
        return "declined"
    except requests.exceptions.Timeout:
        booking.deposit_status = "unknown"
        booking.save()
        schedule_reconciliation(booking.deposit_payment)
        return "pending"
    booking.confirm_deposit(charge.id)
    return "paid"
