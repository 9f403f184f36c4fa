"""Thin client for the Stripe-like payment gateway used by jobs, services and webhooks."""
from __future__ import annotations

import os
from dataclasses import dataclass

import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential


class GatewayError(Exception):
    """The gateway answered with an error or could not be reached."""


class CardDeclined(GatewayError):
    """The issuer declined the card: a definite failure, safe to report as such."""


@dataclass
class Charge:
    id: str
    status: str
    amount_cents: int


class GatewayClient:
    def __init__(self, base_url: str, api_key: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"
        self.timeout = timeout

    def charge(self, payment, idempotency_key: str | None = None) -> Charge:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        resp = self.session.post(
            f"{self.base_url}/charges",
            json={
                "amount": payment.amount_cents,
                "currency": payment.currency,
                "source": payment.payment_method_id,
                "reference": str(payment.id),
            },
            headers=headers,
            timeout=self.timeout,
        )
        if resp.status_code == 402:
            raise CardDeclined(resp.json().get("decline_code", "card_declined"))
        resp.raise_for_status()
        return _to_charge(resp.json())

    def refund(self, charge_id: str, amount_cents: int, idempotency_key: str | None = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        resp = self.session.post(
            f"{self.base_url}/refunds",
            json={"charge": charge_id, "amount": amount_cents},
            headers=headers,
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()

    # Reads are retried freely: a GET cannot create a second charge.
    @retry(
        retry=retry_if_exception_type(requests.ConnectionError),
        stop=stop_after_attempt(4),
        wait=wait_exponential(max=8),
    )
    def get_charge(self, charge_id: str) -> Charge:
        resp = self.session.get(f"{self.base_url}/charges/{charge_id}", timeout=self.timeout)
        resp.raise_for_status()
        return _to_charge(resp.json())

    @retry(stop=stop_after_attempt(4), wait=wait_exponential(max=8))
    def find_charge(self, reference: str) -> Charge | None:
        resp = self.session.get(
            f"{self.base_url}/charges", params={"reference": reference}, timeout=self.timeout
        )
        resp.raise_for_status()
        matches = resp.json()["data"]
        return _to_charge(matches[0]) if matches else None


def _to_charge(body: dict) -> Charge:
    return Charge(id=body["id"], status=body["status"], amount_cents=body["amount"])


gateway = GatewayClient(
    base_url=os.environ.get("GATEWAY_URL", "https://api.gateway.example.com/v1"),
    api_key=os.environ.get("GATEWAY_API_KEY", ""),
)
