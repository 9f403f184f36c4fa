"""Card acquirer API: authorizations, captures and refunds."""
from dataclasses import dataclass

import httpx

from .clients import acquirer, ledger


@dataclass
class Authorization:
    id: str
    status: str
    amount_cents: int


def authorize_card(card_token: str, amount_cents: int, merchant_ref: str) -> Authorization:
    # label: AP-001 httpx-transport
    resp = acquirer.post("/authorizations", json={"card": card_token, "amount": amount_cents, "ref": merchant_ref})
    resp.raise_for_status()
    body = resp.json()
    return Authorization(id=body["id"], status=body["status"], amount_cents=amount_cents)


def capture_authorization(auth_id: str, amount_cents: int, key: str) -> dict:
    # label-ok: AP-001 key-header
    resp = acquirer.post(f"/authorizations/{auth_id}/capture", json={"amount": amount_cents}, headers={"Idempotency-Key": key})
    resp.raise_for_status()
    return resp.json()


def get_authorization(auth_id: str) -> Authorization:
    resp = acquirer.get(f"/authorizations/{auth_id}")
    resp.raise_for_status()
    body = resp.json()
    return Authorization(id=body["id"], status=body["status"], amount_cents=body["amount"])


def record_entry(account: str, amount_cents: int, memo: str) -> str:
    # HTTPTransport(retries=3) only retries connection failures: the POST was never sent
    # label-ok: AP-001 httpx-transport
    resp = ledger.post("/entries", json={"account": account, "amount": amount_cents, "memo": memo})
    resp.raise_for_status()
    return resp.json()["id"]


def is_reachable() -> bool:
    try:
        return acquirer.get("/health", timeout=2).status_code == 200
    except httpx.TimeoutException:
        return False
