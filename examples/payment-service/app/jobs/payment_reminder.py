"""Daily job: remind customers about payments coming due and auto-charge overdue ones.

Scheduled by cron at 07:00 UTC (see deploy/crontab).
"""
import logging
import time
from datetime import date, timedelta

from app.gateway.client import CardDeclined, GatewayError, gateway
from app.models import Payment
from app.notifications.sender import send_payment_reminder

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
REMINDER_WINDOW = timedelta(days=3)


def remind_upcoming(today: date) -> int:
    """One reminder per upcoming payment; the loop walks payments, it does not retry."""
    upcoming = Payment.objects.filter(
        due_date__range=(today, today + REMINDER_WINDOW),
        status="scheduled",
    )
    for payment in upcoming:
        send_payment_reminder(payment)
    return len(upcoming)


def charge_overdue(today: date) -> int:
    overdue = Payment.objects.filter(due_date__lt=today, status="scheduled", autopay=True)
    charged = 0
    for payment in overdue:
        for attempt in range(MAX_ATTEMPTS):
            try:
                result = gateway.charge(payment)
                payment.mark_paid(result.id)
                charged += 1
                break
            except CardDeclined:
                payment.mark_declined()
                break
            except GatewayError as exc:
                log.warning("charge of payment %s failed (attempt %d): %s", payment.id, attempt + 1, exc)
                time.sleep(2 ** attempt)
        else:
            log.error("giving up on payment %s after %d attempts", payment.id, MAX_ATTEMPTS)
    return charged


def run(today: date | None = None) -> None:
    today = today or date.today()
    reminded = remind_upcoming(today)
    charged = charge_overdue(today)
    log.info("payment reminders: %d reminded, %d charged", reminded, charged)
