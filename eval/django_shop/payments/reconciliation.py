"""Queue ambiguous payouts and payments for the nightly reconciliation job."""
from django.core.cache import cache

RECON_KEY = "reconciliation:pending"


def schedule_reconciliation(obj) -> None:
    pending = cache.get(RECON_KEY, [])
    pending.append(f"{obj._meta.label_lower}:{obj.pk}")
    cache.set(RECON_KEY, pending, timeout=None)


def pending_items() -> list[str]:
    return list(cache.get(RECON_KEY, []))
