"""Celery tasks: captures, vendor payouts and renewals."""
import logging

import httpx
import stripe
from celery import shared_task

from .acquirer import capture_authorization
from .celery_app import app
from .ledger_checks import already_paid_out, renewal_already_collected
from .models import Order, OrderStatus, Session, VendorPayout
from .notifications import send_sms

log = logging.getLogger(__name__)


@app.task(bind=True, autoretry_for=(stripe.error.APIConnectionError,), retry_kwargs={"max_retries": 5, "countdown": 30})
def charge_saved_card(self, order_id: int) -> str:
    with Session() as db:
        order = db.get(Order, order_id)
        # label: AP-001 celery-retry-kwargs
        intent = stripe.PaymentIntent.create(amount=order.amount_cents, currency="eur", customer=str(order.customer_id), off_session=True, confirm=True)
        order.capture_id = intent.id
        order.status = OrderStatus.CAPTURED
        db.commit()
        return intent.id


@app.task(bind=True, autoretry_for=(httpx.TransportError,), retry_backoff=True, max_retries=6)
def capture_order_via_acquirer(self, order_id: int) -> str:
    with Session() as db:
        order = db.get(Order, order_id)
        # label-ok: AP-001 key-in-helper
        result = capture_authorization(order.authorization_id, order.amount_cents, key=f"capture-{order.id}")
        order.capture_id = result["id"]
        db.commit()
        return result["id"]


@shared_task(bind=True, max_retries=4, default_retry_delay=120)
def pay_vendor(self, payout_id: int) -> None:
    with Session() as db:
        payout = db.get(VendorPayout, payout_id)
        try:
            # label: AP-001 celery-self-retry
            transfer = stripe.Transfer.create(amount=payout.amount_cents, currency="eur", destination=payout.vendor.stripe_account)
        except stripe.error.APIConnectionError as exc:
            # label: AP-002 notify-celery-retry
            send_sms(payout.vendor.phone, "Your payout is delayed, we will try again shortly.")
            raise self.retry(exc=exc)
        payout.transfer_id = transfer.id
        db.commit()


@shared_task(bind=True, max_retries=4, default_retry_delay=120)
def pay_vendor_once(self, payout_id: int) -> None:
    with Session() as db:
        payout = db.get(VendorPayout, payout_id)
        if already_paid_out(payout):
            return
        try:
            # label-ok: AP-001 prior-success-helper
            transfer = stripe.Transfer.create(amount=payout.amount_cents, currency="eur", destination=payout.vendor.stripe_account)
        except stripe.error.APIConnectionError as exc:
            log.warning("payout %s: %s", payout_id, exc)
            raise self.retry(exc=exc)
        payout.transfer_id = transfer.id
        db.commit()


@shared_task(max_retries=3, soft_time_limit=60)
def charge_late_fee(order_id: int, fee_cents: int) -> str:
    # max_retries alone does nothing: without autoretry_for or self.retry the task runs once
    with Session() as db:
        order = db.get(Order, order_id)
        # label-ok: AP-001 no-retry-configured
        charge = stripe.PaymentIntent.create(amount=fee_cents, currency="eur", customer=str(order.customer_id), confirm=True)
        return charge.id


@shared_task(bind=True, autoretry_for=(stripe.error.APIConnectionError,), max_retries=5, retry_backoff=True)
def collect_renewal(self, subscription_id: str, invoice_id: str) -> None:
    if renewal_already_collected(invoice_id):
        return
    # label-ok: AP-001 prior-success-helper
    stripe.Invoice.pay(invoice_id, off_session=True)


@shared_task(bind=True, autoretry_for=(stripe.error.APIConnectionError,), max_retries=5)
def refund_order(self, order_id: int, amount_cents: int) -> str:
    with Session() as db:
        order = db.get(Order, order_id)
        try:
            # label-ok: AP-001 key-kwarg
            refund = stripe.Refund.create(payment_intent=order.capture_id, amount=amount_cents, idempotency_key=f"refund-{order.id}-{amount_cents}")
        except stripe.error.CardError:
            log.info("refund of order %s declined", order_id)
            return ""
        return refund.id
