"""Single-invoice collection helpers."""
from .gateway import processor
from .models import Invoice


def collect_invoice(invoice: Invoice) -> str:
    """Charges the invoice's card. No idempotency key: callers must not retry it blindly."""
    result = processor.charge(invoice.card_id, invoice.amount_cents)
    invoice.attempts.append(result["id"])
    return result["id"]


def collect_invoice_keyed(invoice: Invoice) -> str:
    result = processor.charge(invoice.card_id, invoice.amount_cents, idempotency_key=f"invoice-{invoice.id}")
    invoice.attempts.append(result["id"])
    return result["id"]
