"""Process PSP events and forward them to merchants."""
import hashlib
import hmac
import json
import logging
import time

import requests

from .models import Event, db
from .psp import payment_status

log = logging.getLogger(__name__)


def _signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def forward_event(event: Event) -> bool:
    body = json.dumps({"id": event.id, "type": event.type, "data": event.payload}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Hub-Signature": _signature(event.merchant.webhook_secret, body),
        "Idempotency-Key": event.id,
    }
    for attempt in range(5):
        try:
            # label-ok: AP-001 key-header
            resp = requests.post(event.merchant.webhook_url, data=body, headers=headers, timeout=5)
            if resp.status_code < 300:
                event.mark_delivered()
                return True
        except requests.RequestException as exc:
            log.info("delivery of %s failed (attempt %d): %s", event.id, attempt + 1, exc)
        time.sleep(2 ** attempt)
    return False


def forward_pending(events: list[Event]) -> int:
    delivered = 0
    for event in events:
        try:
            if forward_event(event):
                delivered += 1
        except Exception:
            log.exception("could not forward %s", event.id)
    db.session.commit()
    return delivered


def settle_captured(events: list[Event]) -> None:
    for event in events:
        if event.type != "payment.captured":
            continue
        try:
            status = payment_status(event.payload["payment_id"])
        except requests.RequestException:
            log.warning("status lookup failed for %s", event.id)
            continue
        event.payload = {**event.payload, "final_status": status["status"]}
    db.session.commit()
