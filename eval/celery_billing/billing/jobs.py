"""RQ jobs; the scheduler enqueues them (see scheduler.py)."""
from .direct_debit import gateway
from .models import Mandate, Session
from .notifications import render_statement, send_email, send_sms


def collect_overdue(mandate_id: int) -> str:
    # enqueued with retry=Retry(max=3): a failed job runs again from the top
    with Session() as db:
        mandate = db.get(Mandate, mandate_id)
        # label: AP-001 rq-retry
        result = gateway.debit(mandate.reference, mandate.balance_cents)
        mandate.balance_cents = 0
        db.commit()
        return result["id"]


def collect_installment(mandate_id: int, installment_no: int, amount_cents: int) -> str:
    with Session() as db:
        mandate = db.get(Mandate, mandate_id)
        # sent again every time the debit below fails and RQ re-runs the job
        # label: AP-002 rq-retry
        send_sms(mandate.customer.phone, f"We are collecting installment {installment_no} today.")
        result = gateway.debit(mandate.reference, amount_cents, idempotency_key=f"inst-{mandate.id}-{installment_no}")
        db.commit()
        return result["id"]


def email_statement(mandate_id: int, lines: list) -> None:
    # enqueued without retry
    with Session() as db:
        mandate = db.get(Mandate, mandate_id)
        send_email(mandate.customer.email, "Your monthly statement", render_statement(mandate, lines))


def refresh_debit_status(debit_id: str) -> str:
    return gateway.get_debit(debit_id)["status"]
