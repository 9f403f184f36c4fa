"""SEPA direct-debit provider client."""
import os

import requests

DEBIT_API = os.environ.get("DEBIT_API", "https://sepa.example.com/api")


class DebitError(Exception):
    pass


class DebitClient:
    def __init__(self, token: str):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def debit(self, mandate_ref: str, amount_cents: int, *, idempotency_key: str | None = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        resp = self.session.post(f"{DEBIT_API}/debits", json={"mandate": mandate_ref, "amount": amount_cents}, headers=headers, timeout=20)
        if resp.status_code >= 500:
            raise DebitError(f"provider answered {resp.status_code}")
        resp.raise_for_status()
        return resp.json()

    def get_debit(self, debit_id: str) -> dict:
        resp = self.session.get(f"{DEBIT_API}/debits/{debit_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()


gateway = DebitClient(os.environ.get("DEBIT_TOKEN", ""))
