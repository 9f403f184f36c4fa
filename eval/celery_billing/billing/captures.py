"""Synchronous capture path used by the checkout API (no Celery)."""
import logging

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_fixed

from .acquirer import capture_authorization
from .models import Order, OrderStatus, Session
from .notifications import send_email

log = logging.getLogger(__name__)


def _warn_customer(retry_state):
    order = retry_state.args[0]
    # before_sleep runs after every failed attempt: one e-mail per attempt
    # label: AP-002 notify-retry-hook
    send_email(order.customer.email, "Payment delayed", "We are still processing your payment.")


@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(4),
    wait=wait_fixed(3),
    before_sleep=_warn_customer,
)
def capture_with_updates(order: Order) -> dict:
    # capture_authorization sends key= as the Idempotency-Key header
    # label-ok: AP-001 key-in-helper
    return capture_authorization(order.authorization_id, order.amount_cents, key=f"capture-{order.id}")


def capture_now(order_id: int) -> OrderStatus:
    with Session() as db:
        order = db.get(Order, order_id)
        try:
            result = capture_authorization(order.authorization_id, order.amount_cents, key=f"capture-{order.id}")
            order.capture_id = result["id"]
            order.status = OrderStatus.CAPTURED
        except httpx.ReadTimeout:
            log.warning("capture of order %s timed out", order_id)
            # label: AP-003 timeout-except
            order.status = OrderStatus.FAILED
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code in (402, 422):
                # label-ok: AP-003 status-three-way
                order.status = OrderStatus.FAILED
            else:
                order.status = OrderStatus.UNKNOWN
        db.commit()
        return order.status


def capture_or_flag(order_id: int) -> OrderStatus:
    with Session() as db:
        order = db.get(Order, order_id)
        try:
            result = capture_authorization(order.authorization_id, order.amount_cents, key=f"capture-{order.id}")
            order.status = OrderStatus.CAPTURED
            order.capture_id = result["id"]
        except httpx.TimeoutException:
            # label-ok: AP-003 timeout-pending
            order.status = OrderStatus.UNKNOWN
        db.commit()
        return order.status
