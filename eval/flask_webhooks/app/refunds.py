"""Refund endpoints."""
import logging

import requests
from flask import jsonify

from .models import Refund, db
from .psp import create_refund
from .reconcile import enqueue_reconciliation

log = logging.getLogger(__name__)


def issue_refund(refund: Refund):
    try:
        resp = create_refund(refund.payment_id, refund.amount_cents, reference=f"refund-{refund.id}")
    except requests.exceptions.Timeout:
        # label: AP-003 timeout-except
        refund.status = "failed"
        db.session.commit()
        return jsonify({"status": refund.status}), 504
    if resp.status_code != 201:
        # a 502 or 504 from the PSP's edge is not a refusal
        # label: AP-003 status-else
        refund.status = "failed"
    else:
        refund.psp_reference = resp.json()["id"]
        refund.status = "succeeded"
    db.session.commit()
    return jsonify({"status": refund.status})


def issue_refund_v2(refund: Refund):
    try:
        resp = create_refund(refund.payment_id, refund.amount_cents, reference=f"refund-{refund.id}")
    except requests.exceptions.Timeout:
        refund.status = "pending"
        enqueue_reconciliation("refund", refund.id)
        db.session.commit()
        return jsonify({"status": refund.status}), 202
    if resp.status_code == 201:
        refund.psp_reference = resp.json()["id"]
        refund.status = "succeeded"
    elif 400 <= resp.status_code < 500:
        # label-ok: AP-003 status-three-way
        refund.status = "failed"
    else:
        refund.status = "pending"
        enqueue_reconciliation("refund", refund.id)
    db.session.commit()
    return jsonify({"status": refund.status})
