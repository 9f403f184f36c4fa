"""Celery tasks that refund cancelled orders and customer refund requests."""
from celery import shared_task

from app.gateway.client import GatewayError, gateway
from app.models import Order, RefundRequest


@shared_task(bind=True, autoretry_for=(GatewayError,), retry_backoff=True, max_retries=5)
def refund_cancelled_order(self, order_id: int) -> str:
    order = Order.objects.get(pk=order_id)
    refund = gateway.refund(order.charge_id, order.total_cents)
    order.refund_id = refund["id"]
    order.status = "refunded"
    order.save(update_fields=["refund_id", "status"])
    return refund["id"]


@shared_task(bind=True, autoretry_for=(GatewayError,), retry_backoff=True, max_retries=5)
def refund_request(self, request_id: int) -> str:
    req = RefundRequest.objects.select_related("order").get(pk=request_id)
    refund = gateway.refund(
        req.order.charge_id,
        req.amount_cents,
        idempotency_key=f"refund-request-{req.id}",
    )
    req.mark_done(refund["id"])
    return refund["id"]


def enqueue_cancelled_refunds() -> int:
    """Fan out one task per cancelled order; a plain iteration, not a retry."""
    pending = Order.objects.filter(status="cancelled", refund_id__isnull=True)
    for order in pending:
        refund_cancelled_order.delay(order.id)
    return len(pending)
