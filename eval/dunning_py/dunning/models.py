from dataclasses import dataclass, field
from datetime import date


@dataclass
class Customer:
    id: int
    email: str
    phone: str
    push_token: str | None = None


@dataclass
class Invoice:
    id: int
    number: str
    customer: Customer
    card_id: str
    amount_cents: int
    due_on: date
    attempts: list[str] = field(default_factory=list)
    status: str = "open"
