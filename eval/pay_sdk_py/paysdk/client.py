import os

from ._transport import Transport
from .resources import Payouts, Transfers


class PayClient:
    def __init__(self, api_key: str | None = None, *, base_url: str = "https://api.payouts.example.com", max_retries: int = 2):
        key = api_key or os.environ.get("PAYSDK_API_KEY")
        if not key:
            raise ValueError("an API key is required")
        transport = Transport(key, base_url, max_retries=max_retries)
        self.payouts = Payouts(transport)
        self.transfers = Transfers(transport)
