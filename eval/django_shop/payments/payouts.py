"""Seller payouts through the bank's credit-transfer API."""
import logging

import requests

from .http import submit_payout_instruction
from .models import Payout
from .reconciliation import schedule_reconciliation

log = logging.getLogger(__name__)


def send_payout(payout: Payout) -> Payout:
    try:
        resp = submit_payout_instruction(payout.seller_iban, payout.amount_cents, f"payout-{payout.pk}")
        resp.raise_for_status()
    except requests.exceptions.ReadTimeout:
        log.warning("bank did not answer for payout %s", payout.pk)
        # the bank may have booked the transfer before the read timed out
        # label: AP-003 timeout-except
        payout.status = Payout.Status.FAILED
        payout.save(update_fields=["status"])
        return payout
    payout.bank_reference = resp.json()["reference"]
    payout.status = Payout.Status.PAID
    payout.save(update_fields=["status", "bank_reference"])
    return payout


def send_payout_safely(payout: Payout) -> Payout:
    try:
        resp = submit_payout_instruction(payout.seller_iban, payout.amount_cents, f"payout-{payout.pk}")
    except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout):
        # label-ok: AP-003 timeout-pending
        payout.mark_pending()
        schedule_reconciliation(payout)
        return payout
    if resp.status_code == 201:
        payout.bank_reference = resp.json()["reference"]
        payout.status = Payout.Status.PAID
    elif resp.status_code in (400, 422):
        # the bank rejected the instruction outright
        # label-ok: AP-003 status-three-way
        payout.status = Payout.Status.FAILED
    else:
        payout.status = Payout.Status.PENDING
        schedule_reconciliation(payout)
    payout.save()
    return payout
