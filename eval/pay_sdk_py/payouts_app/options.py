"""Request options shared by the payout flows."""
from .models import SellerPayout


def payout_request_options(payout: SellerPayout) -> dict:
    return {"idempotency_key": f"seller-payout-{payout.id}"}
