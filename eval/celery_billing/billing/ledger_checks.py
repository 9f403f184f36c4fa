"""Lookups that tell a retried job whether the money already moved."""
import stripe

from .models import VendorPayout


def already_paid_out(payout: VendorPayout) -> bool:
    if payout.transfer_id:
        return True
    transfers = stripe.Transfer.list(destination=payout.vendor.stripe_account, limit=20)
    return any(t.metadata.get("payout_id") == str(payout.id) for t in transfers.auto_paging_iter())


def renewal_already_collected(invoice_id: str) -> bool:
    invoice = stripe.Invoice.retrieve(invoice_id)
    return invoice.status == "paid"
