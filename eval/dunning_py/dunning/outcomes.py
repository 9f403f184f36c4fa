"""Record the outcome of a dunning charge."""
import logging
import socket

import requests

from .gateway import processor
from .models import Invoice

log = logging.getLogger(__name__)


def charge_and_record(invoice: Invoice) -> str:
    try:
        result = processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=f"invoice-{invoice.id}")
        invoice.status = "paid"
        invoice.attempts.append(result["id"])
    except (requests.ConnectTimeout, requests.ReadTimeout, socket.timeout):
        # label: AP-003 timeout-tuple
        invoice.status = "failed"
    return invoice.status


def charge_and_classify(invoice: Invoice) -> str:
    try:
        result = processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=f"invoice-{invoice.id}")
    except Exception as exc:
        if isinstance(exc, requests.Timeout):
            log.warning("charge for %s timed out", invoice.number)
            # label: AP-003 timeout-isinstance
            invoice.status = "failed"
            return invoice.status
        raise
    invoice.status = "paid" if result["status"] == "succeeded" else "open"
    return invoice.status


def charge_with_status_check(invoice: Invoice) -> bool:
    resp = processor.http.post(f"{processor_url()}/charges", json={"card": invoice.card_id, "amount": invoice.amount_cents}, headers={"Idempotency-Key": f"invoice-{invoice.id}"}, timeout=20)
    if resp.status_code == 200:
        invoice.status = "paid"
        return True
    # label: AP-003 status-fallthrough
    return False


def collect_checked(invoice: Invoice) -> None:
    # The caller that turns charge_with_status_check's False into a definite failure.
    if not charge_with_status_check(invoice):
        invoice.status = "failed"


def charge_logged(invoice: Invoice) -> dict:
    try:
        return processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=f"invoice-{invoice.id}")
    except requests.Timeout:
        log.error("charge for %s timed out; leaving it to reconciliation", invoice.number)
        # label-ok: AP-003 reraise
        raise


def already_collected(invoice: Invoice) -> bool:
    try:
        return processor.find_charge(f"invoice-{invoice.id}") is not None
    except requests.Timeout:
        # a read that timed out changed nothing
        # label-ok: AP-003 read-timeout
        return False


def processor_url() -> str:
    from .gateway import PROCESSOR

    return PROCESSOR
