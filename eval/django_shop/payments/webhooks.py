"""Stripe webhook endpoint: the provider tells us the final outcome."""
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Order, Payment

log = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.headers.get("Stripe-Signature", ""), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        return HttpResponseBadRequest("bad signature")

    intent = event["data"]["object"]
    order = Order.objects.filter(number=intent.get("metadata", {}).get("order")).first()
    if order is None:
        log.info("webhook %s for unknown order", event["id"])
        return HttpResponse(status=200)

    if event["type"] == "payment_intent.succeeded":
        Payment.objects.update_or_create(
            intent_id=intent["id"],
            defaults={"order": order, "amount_cents": intent["amount"], "status": Payment.Status.SUCCEEDED},
        )
        order.status = Order.Status.PAID
    elif event["type"] == "payment_intent.payment_failed":
        # a definite answer from the provider, not a timeout
        # label-ok: AP-003 webhook-event
        order.status = Order.Status.FAILED
    order.save(update_fields=["status"])
    return HttpResponse(status=200)
