"""Dunning flows: how a failed subscription payment is retried and announced."""
import logging
import time

import stamina
from tenacity import retry

from .channels import notify_payment_failed, send_email, send_sms, sns
from .collect import collect_invoice, collect_invoice_keyed
from .gateway import ProcessorError, processor
from .models import Invoice
from .retrying import keep_trying

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
TOPIC = "arn:aws:sns:eu-west-1:123456789012:dunning"


def collect_with_sms(invoice: Invoice) -> dict:
    key = f"invoice-{invoice.id}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
        except ProcessorError:
            # label: AP-002 notify-in-except
            send_sms(invoice.customer.phone, f"Payment for {invoice.number} failed, we will retry shortly.")
            time.sleep(60 * (attempt + 1))
    raise ProcessorError(f"invoice {invoice.number} not collected")


def collect_then_notify(invoice: Invoice):
    key = f"invoice-{invoice.id}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
        except ProcessorError as exc:
            # label-ok: AP-002 logging-only
            log.warning("notify: attempt %d for %s failed: %s", attempt + 1, invoice.number, exc)
            time.sleep(30)
    # label-ok: AP-002 notify-after-loop
    notify_payment_failed(invoice.customer, invoice)
    return None


def collect_or_email(invoice: Invoice):
    key = f"invoice-{invoice.id}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            result = processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
            # label-ok: AP-002 notify-success-exit
            send_email(invoice.customer.email, "Payment received", f"Invoice {invoice.number} is paid. Thank you!")
            break
        except ProcessorError:
            time.sleep(30 * (attempt + 1))
    else:
        # label-ok: AP-002 notify-for-else
        send_email(invoice.customer.email, "Action needed", f"Please update your card for invoice {invoice.number}.")
        return None
    return result


def collect_with_last_warning(invoice: Invoice):
    key = f"invoice-{invoice.id}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
        except ProcessorError:
            if attempt == MAX_ATTEMPTS - 1:
                # label-ok: AP-002 notify-once-guard
                send_sms(invoice.customer.phone, "Your subscription will be paused: we could not collect the payment.")
                raise
            time.sleep(45)


def collect_with_digest(invoice: Invoice):
    key = f"invoice-{invoice.id}"
    for attempt in range(MAX_ATTEMPTS):
        try:
            return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
        except ProcessorError:
            # label-ok: AP-002 notify-dedup-key
            send_email(invoice.customer.email, "Payment delayed", "We are retrying your payment.", dedup_key=f"delayed-{invoice.id}")
            time.sleep(60)
    return None


def collect_until_done(invoice: Invoice):
    key = f"invoice-{invoice.id}"
    tries = 0
    while True:
        tries += 1
        # label: AP-002 notify-in-loop-body
        send_sms(invoice.customer.phone, f"Attempting to collect {invoice.amount_cents / 100:.2f} EUR now.")
        try:
            # label-ok: AP-001 key-kwarg
            result = processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=key)
            break
        except ProcessorError:
            if tries >= MAX_ATTEMPTS:
                raise
            time.sleep(120)
    return result


def _charge_and_announce(invoice: Invoice) -> dict:
    # runs once per keep_trying attempt
    # label: AP-002 notify-cross-file-wrapper
    sns.publish(TopicArn=TOPIC, Message=f"Collecting invoice {invoice.number}", PhoneNumber=invoice.customer.phone)
    return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=f"invoice-{invoice.id}")


def collect_announced(invoice: Invoice) -> dict:
    return keep_trying(_charge_and_announce, invoice, attempts=3)


@retry
def charge_invoice(invoice: Invoice) -> dict:
    # label: AP-001 tenacity-decorator
    return processor.charge(invoice.card_id, invoice.amount_cents)


@stamina.retry(on=ProcessorError, attempts=3)
def charge_invoice_stamina(invoice: Invoice) -> dict:
    # label: AP-001 stamina
    return processor.charge(invoice.card_id, invoice.amount_cents)


def collect_after_lookup(invoice: Invoice):
    # checked once, before the loop: a charge whose response is lost on attempt 1 is repeated
    if processor.find_charge(f"invoice-{invoice.id}"):
        return None
    for attempt in range(3):
        try:
            # label: AP-001 prior-check-before-loop
            return processor.charge(invoice.card_id, invoice.amount_cents)
        except ProcessorError:
            time.sleep(10)
    return None


def collect_with_lookup(invoice: Invoice):
    for attempt in range(3):
        existing = processor.find_charge(f"invoice-{invoice.id}")
        if existing:
            return existing
        try:
            # label-ok: AP-001 prior-success-inline
            return processor.charge(invoice.card_id, invoice.amount_cents)
        except ProcessorError:
            time.sleep(10)
    return None


def collect_via_helper(invoice: Invoice):
    for attempt in range(3):
        try:
            # collect_invoice charges the card with no key (dunning/collect.py)
            # label: AP-001 helper-one-level
            return collect_invoice(invoice)
        except ProcessorError:
            time.sleep(20)
    return None


def collect_via_keyed_helper(invoice: Invoice):
    for attempt in range(3):
        try:
            # label-ok: AP-001 key-in-helper
            return collect_invoice_keyed(invoice)
        except ProcessorError:
            time.sleep(20)
    return None
