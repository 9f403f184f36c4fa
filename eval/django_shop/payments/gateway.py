"""Thin wrappers around the Stripe SDK used by the services."""
import stripe
from django.conf import settings

from .models import Order, Payment

stripe.api_key = settings.STRIPE_SECRET_KEY


def charge_customer(order: Order):
    # passed by name to with_retries() in services.checkout, so this body runs on every attempt
    # label: AP-001 cross-file-wrapper
    return stripe.PaymentIntent.create(
        amount=order.total_cents,
        currency=order.currency,
        customer=order.customer.stripe_id,
        payment_method=order.payment_method_id,
        confirm=True,
        metadata={"order": order.number},
    )


def charge_customer_once(order: Order):
    """Same charge, but Stripe replays the first result for the same key."""
    return stripe.PaymentIntent.create(
        amount=order.total_cents,
        currency=order.currency,
        customer=order.customer.stripe_id,
        payment_method=order.payment_method_id,
        confirm=True,
        idempotency_key=f"order-{order.number}-charge",
    )


def bill_customer(order: Order):
    """Used by subscription renewals: builds the intent through a private helper."""
    intent = _confirm_intent(order)
    return intent.id


def _confirm_intent(order: Order):
    return stripe.PaymentIntent.create(
        amount=order.total_cents,
        currency=order.currency,
        customer=order.customer.stripe_id,
        off_session=True,
        confirm=True,
    )


def refund_payment(payment: Payment, amount_cents: int, *, idempotency_key: str):
    return stripe.Refund.create(
        payment_intent=payment.intent_id,
        amount=amount_cents,
        idempotency_key=idempotency_key,
    )


def already_charged(order: Order) -> bool:
    if order.payments.filter(status=Payment.Status.SUCCEEDED).exists():
        return True
    found = stripe.PaymentIntent.search(query=f"metadata['order']:'{order.number}' AND status:'succeeded'")
    return bool(found.data)


def retrieve_intent(intent_id: str):
    return stripe.PaymentIntent.retrieve(intent_id)
