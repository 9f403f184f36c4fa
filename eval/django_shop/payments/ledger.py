"""Client for the in-house double-entry ledger."""
from dataclasses import dataclass

from django.conf import settings

from .http import build_ledger_session, build_reporting_session


@dataclass
class Entry:
    account: str
    amount_cents: int
    memo: str


class LedgerClient:
    def __init__(self):
        self.session = build_ledger_session()
        self.reporting = build_reporting_session()
        self.base = settings.LEDGER_API

    def post_entries(self, entries: list[Entry]):
        body = [{"account": e.account, "amount": e.amount_cents, "memo": e.memo} for e in entries]
        # the session retries POST (allowed_methods=None), and the body carries no key
        # label: AP-001 urllib3-retry
        resp = self.session.post(f"{self.base}/journal", json=body, timeout=10)
        resp.raise_for_status()
        return resp.json()["journal_id"]

    def balance(self, account: str) -> int:
        resp = self.session.get(f"{self.base}/accounts/{account}/balance", timeout=5)
        resp.raise_for_status()
        return resp.json()["balance"]

    def export_report(self, month: str):
        # the reporting session keeps urllib3's default allowed_methods: POST is not retried
        # label-ok: AP-001 default-retry-policy
        resp = self.reporting.post(f"{self.base}/reports", json={"month": month}, timeout=30)
        resp.raise_for_status()
        return resp.json()
