"""Client for the payment service provider."""
import backoff
import requests
from flask import current_app

from .mail import send_email
from .models import Merchant


def _headers(extra=None):
    headers = {"Authorization": f"Bearer {current_app.config['PSP_TOKEN']}"}
    headers.update(extra or {})
    return headers


def _tell_merchant(details):
    merchant: Merchant = details["args"][0]
    # on_backoff runs before every retry
    # label: AP-002 notify-retry-hook
    send_email(merchant.email, "Capture delayed", f"Attempt {details['tries']} to capture failed; retrying.")


@backoff.on_exception(backoff.expo, requests.exceptions.ConnectionError, max_tries=4, on_backoff=_tell_merchant)
def capture(merchant: Merchant, payment_id: str, amount_cents: int) -> dict:
    # label: AP-001 backoff-decorator
    resp = requests.post(f"{current_app.config['PSP_API']}/payments/{payment_id}/captures", json={"amount": amount_cents}, headers=_headers(), timeout=10)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, requests.exceptions.ConnectionError, max_tries=4)
def create_refund(payment_id: str, amount_cents: int, reference: str) -> requests.Response:
    # label-ok: AP-001 key-header
    return requests.post(
        f"{current_app.config['PSP_API']}/refunds",
        json={"payment": payment_id, "amount": amount_cents},
        headers=_headers({"Idempotency-Key": reference}),
        timeout=10,
    )


@backoff.on_predicate(backoff.constant, lambda body: body["status"] == "processing", interval=5, max_time=120)
def payment_status(payment_id: str) -> dict:
    resp = requests.get(f"{current_app.config['PSP_API']}/payments/{payment_id}", headers=_headers(), timeout=5)
    resp.raise_for_status()
    return resp.json()


def top_up_wallet(wallet_id: str, amount_cents: int) -> bool:
    retries = 3
    while retries > 0:
        retries -= 1
        try:
            # label: AP-001 while-counter
            resp = requests.request("POST", f"{current_app.config['PSP_API']}/wallets/{wallet_id}/credits", json={"amount": amount_cents}, headers=_headers(), timeout=10)
            return resp.ok
        except requests.exceptions.ConnectionError:
            continue
    return False
