"""HTTP sessions for the ledger and the payout bank, with urllib3 retry policies."""
import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def build_ledger_session() -> requests.Session:
    # allowed_methods=None retries every verb, POST included, on 502/503/504 and read errors
    retry = Retry(
        total=4,
        backoff_factor=0.5,
        status_forcelist=(502, 503, 504),
        allowed_methods=None,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["Authorization"] = f"Bearer {settings.LEDGER_TOKEN}"
    return session


def build_reporting_session() -> requests.Session:
    # the default allowed_methods leaves POST and PATCH out: safe
    retry = Retry(total=3, backoff_factor=1, status_forcelist=(500, 502, 503, 504))
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


bank_session = requests.Session()
bank_session.mount(
    "https://",
    HTTPAdapter(max_retries=Retry(total=3, connect=3, read=2, allowed_methods=frozenset({"GET", "POST"}), status_forcelist=[503])),
)


def submit_payout_instruction(iban: str, amount_cents: int, reference: str):
    # label: AP-001 urllib3-retry
    return bank_session.post(
        f"{settings.BANK_API}/credit-transfers",
        json={"iban": iban, "amount": amount_cents, "remittance": reference},
        timeout=15,
    )
