from unittest import mock

import pytest
import stripe
from django.test import Client

from payments import services
from payments.models import Customer, Order


@pytest.fixture
def order(db):
    customer = Customer.objects.create(email="ada@example.com", stripe_id="cus_123")
    return Order.objects.create(number="A-1", customer=customer, total_cents=4200, payment_method_id="pm_1")


@mock.patch("payments.retry.time.sleep")
@mock.patch("payments.gateway.stripe.PaymentIntent.create")
def test_checkout_retries_connection_errors(create, _sleep, order):
    create.side_effect = [stripe.error.APIConnectionError("boom"), mock.Mock(id="pi_1")]
    assert services.checkout(order) == "pi_1"
    assert create.call_count == 2


def test_webhook_is_idempotent(db, order, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test"
    client = Client()
    event = {"id": "evt_1", "type": "payment_intent.succeeded", "data": {"object": {"id": "pi_1", "amount": 4200, "metadata": {"order": "A-1"}}}}
    with mock.patch("payments.webhooks.stripe.Webhook.construct_event", return_value=event):
        # the same event delivered twice: iteration, not a retry
        for _ in range(2):
            # label-ok: AP-001 test-file
            response = client.post("/webhooks/stripe/", data=b"{}", content_type="application/json")
            assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.payments.count() == 1
