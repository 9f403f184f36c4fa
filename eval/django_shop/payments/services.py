"""Checkout, renewals and refunds."""
import logging
import time

from django.db import transaction

from .gateway import already_charged, bill_customer, charge_customer, charge_customer_once, refund_payment
from .models import Order, Payment, Refund, Subscription
from .retry import TRANSIENT, resilient, run_with_backoff, with_retries

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def checkout(order: Order) -> str:
    intent = with_retries(charge_customer, order, attempts=MAX_ATTEMPTS)
    order.mark_paid(intent.id)
    return intent.id


def renew_subscription(subscription: Subscription, order: Order) -> str:
    # bill_customer -> _confirm_intent -> stripe.PaymentIntent.create, no key: two helpers away
    # label: AP-001 helper-two-levels
    intent_id = run_with_backoff(lambda: bill_customer(order), max_tries=5)
    subscription.current_period_end = order.created_at
    subscription.save(update_fields=["current_period_end"])
    return intent_id


@resilient(times=4)
def settle_invoice(order: Order) -> str:
    # the helper sends an idempotency key derived from the order
    # label-ok: AP-001 key-in-helper
    intent = charge_customer_once(order)
    return intent.id


def retry_failed_checkout(order: Order):
    for attempt in range(MAX_ATTEMPTS):
        if already_charged(order):
            return None
        try:
            # label-ok: AP-001 prior-success-helper
            return charge_customer(order)
        except TRANSIENT:
            time.sleep(attempt + 1)
    raise RuntimeError(f"order {order.number} could not be charged")


def refund_order(order: Order, amount_cents: int) -> Refund:
    payment = order.payments.get(status=Payment.Status.SUCCEEDED)
    refund = Refund.objects.create(payment=payment, amount_cents=amount_cents)
    for attempt in range(MAX_ATTEMPTS):
        try:
            # label-ok: AP-001 key-kwarg
            refund_payment(payment, amount_cents, idempotency_key=f"refund-{refund.reference}")
            break
        except TRANSIENT:
            time.sleep(2 ** attempt)
    else:
        refund.status = "unknown"
    refund.save()
    return refund


def close_stale_orders(orders):
    closed = 0
    for order in orders:
        try:
            with transaction.atomic():
                order.status = Order.Status.FAILED
                order.save(update_fields=["status"])
            closed += 1
        except Exception:
            log.exception("could not close order %s", order.number)
    return closed
