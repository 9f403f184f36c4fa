from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SellerPayout:
    id: int
    seller_id: int
    iban: str
    amount_cents: int
    currency: str = "eur"
    status: str = "requested"
    reference: str | None = None
    history: list[tuple[datetime, str]] = field(default_factory=list)

    def transition(self, status: str) -> None:
        self.history.append((datetime.utcnow(), status))
        self.status = status


@dataclass
class BalanceMove:
    id: int
    from_balance: str
    to_balance: str
    amount_cents: int
    status: str = "new"
