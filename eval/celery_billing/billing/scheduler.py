"""Enqueue the daily collection jobs."""
from redis import Redis
from rq import Queue, Retry

from .jobs import collect_installment, collect_overdue, email_statement, refresh_debit_status
from .models import Mandate, Session

queue = Queue("collections", connection=Redis.from_url("redis://localhost:6379/2"))


def enqueue_daily_run(installments: list[tuple[int, int, int]]) -> int:
    count = 0
    with Session() as db:
        for mandate in db.query(Mandate).filter(Mandate.balance_cents > 0):
            queue.enqueue(collect_overdue, mandate.id, retry=Retry(max=3, interval=[60, 300, 900]))
            count += 1
    for mandate_id, number, amount in installments:
        queue.enqueue(collect_installment, mandate_id, number, amount, retry=Retry(max=2, interval=120))
        count += 1
    return count


def enqueue_statements(mandate_ids: list[int], lines_by_mandate: dict) -> None:
    for mandate_id in mandate_ids:
        queue.enqueue(email_statement, mandate_id, lines_by_mandate.get(mandate_id, []))


def enqueue_status_refresh(debit_ids: list[str]) -> None:
    for debit_id in debit_ids:
        queue.enqueue(refresh_debit_status, debit_id, retry=Retry(max=5))
