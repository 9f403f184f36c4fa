from dataclasses import dataclass

from ._transport import Transport


@dataclass
class Payout:
    id: str
    status: str
    amount: int
    destination: str


class Payouts:
    def __init__(self, transport: Transport):
        self._t = transport

    def create(self, *, amount: int, currency: str, destination: str, idempotency_key: str | None = None) -> Payout:
        body = self._t.request("POST", "/v1/payouts", json={"amount": amount, "currency": currency, "destination": destination}, idempotency_key=idempotency_key)
        return Payout(id=body["id"], status=body["status"], amount=body["amount"], destination=body["destination"])

    def retrieve(self, payout_id: str) -> Payout:
        body = self._t.request("GET", f"/v1/payouts/{payout_id}")
        return Payout(id=body["id"], status=body["status"], amount=body["amount"], destination=body["destination"])

    def list(self, *, limit: int = 20, starting_after: str | None = None) -> list[Payout]:
        params = {"limit": limit, "starting_after": starting_after}
        body = self._t.request("GET", "/v1/payouts", params={k: v for k, v in params.items() if v is not None})
        return [Payout(id=p["id"], status=p["status"], amount=p["amount"], destination=p["destination"]) for p in body["data"]]


class Transfers:
    def __init__(self, transport: Transport):
        self._t = transport

    def create(self, *, amount: int, source_balance: str, destination_balance: str, idempotency_key: str | None = None) -> dict:
        return self._t.request("POST", "/v1/transfers", json={"amount": amount, "from": source_balance, "to": destination_balance}, idempotency_key=idempotency_key)
