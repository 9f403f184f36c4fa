"""Card processor used for dunning retries."""
import os

import requests

PROCESSOR = os.environ.get("PROCESSOR_URL", "https://processor.example.com/v1")


class ProcessorError(Exception):
    pass


class Processor:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {os.environ.get('PROCESSOR_KEY', '')}"

    def charge(self, card_id: str, amount_cents: int, *, idempotency_key: str | None = None) -> dict:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        resp = self.http.post(f"{PROCESSOR}/charges", json={"card": card_id, "amount": amount_cents}, headers=headers, timeout=20)
        if resp.status_code >= 500:
            raise ProcessorError(resp.text)
        resp.raise_for_status()
        return resp.json()

    def find_charge(self, reference: str) -> dict | None:
        resp = self.http.get(f"{PROCESSOR}/charges", params={"reference": reference}, timeout=10)
        resp.raise_for_status()
        items = resp.json()["data"]
        return items[0] if items else None


processor = Processor()
