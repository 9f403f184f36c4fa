"""Shared HTTP clients."""
import httpx
from httpx_retries import Retry, RetryTransport

from .config import ACQUIRER_URL, LEDGER_URL

# httpx-retries with POST in allowed_methods: a 502 or a read error after the request was sent
# sends the same POST again
acquirer = httpx.Client(
    base_url=ACQUIRER_URL,
    timeout=httpx.Timeout(10.0, connect=3.0),
    transport=RetryTransport(
        retry=Retry(total=4, backoff_factor=0.5, status_forcelist=[502, 503, 504], allowed_methods=["GET", "POST"])
    ),
)

# httpx's own transport retries only failed connection attempts (nothing was sent yet)
ledger = httpx.Client(base_url=LEDGER_URL, timeout=5.0, transport=httpx.HTTPTransport(retries=3))
